//! Shared canvas plumbing: high-DPI set-up and marker symbols.

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::dataset::Shape;
use crate::geo::Size;
use crate::symbols::outline;

/// Sizes the canvas backing store for the device pixel ratio and returns a
/// context that draws in CSS pixels.
pub fn prepare(canvas: &HtmlCanvasElement, size: Size) -> Option<CanvasRenderingContext2d> {
    let dpr = leptos::prelude::window()
        .device_pixel_ratio()
        .clamp(1.0, 3.0);
    let (w, h) = (
        (size.width * dpr).round() as u32,
        (size.height * dpr).round() as u32,
    );
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    let ctx = canvas
        .get_context("2d")
        .ok()
        .flatten()?
        .dyn_into::<CanvasRenderingContext2d>()
        .ok()?;
    ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0).ok()?;
    ctx.clear_rect(0.0, 0.0, size.width, size.height);
    Some(ctx)
}

/// Traces a marker symbol as the current path.
pub fn trace_symbol(ctx: &CanvasRenderingContext2d, shape: Shape, x: f64, y: f64, r: f64) {
    ctx.begin_path();
    match outline(shape, r) {
        None => {
            let _ = ctx.arc(x, y, r, 0.0, std::f64::consts::TAU);
        }
        Some(points) => {
            for (i, (px, py)) in points.iter().enumerate() {
                if i == 0 {
                    ctx.move_to(x + px, y + py);
                } else {
                    ctx.line_to(x + px, y + py);
                }
            }
            ctx.close_path();
        }
    }
}

/// Sets a dash pattern (an empty slice for solid lines).
pub fn set_dash(ctx: &CanvasRenderingContext2d, dash: &[f64]) {
    let array = js_sys::Array::new();
    for d in dash {
        array.push(&wasm_bindgen::JsValue::from_f64(*d));
    }
    let _ = ctx.set_line_dash(&array);
}

/// `#rrggbb` with an alpha, as `rgba(...)`.
pub fn with_alpha(hex: &str, alpha: f64) -> String {
    let channel = |i: usize| {
        hex.get(i..i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(119)
    };
    format!("rgba({},{},{},{alpha})", channel(1), channel(3), channel(5))
}
