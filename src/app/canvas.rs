//! Shared canvas plumbing: high-DPI set-up and marker symbols.

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::geo::Size;
use crate::picture::Surface;

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
pub use crate::picture::trace_symbol;

/// Sets a dash pattern (an empty slice for solid lines).
pub fn set_dash(ctx: &dyn Surface, dash: &[f64]) {
    ctx.set_line_dash(dash);
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
