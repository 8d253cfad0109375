//! The drawing trait on the browser's canvas (wasm only): each call is
//! the 2D context's own.

use wasm_bindgen::JsValue;
use web_sys::CanvasRenderingContext2d as Ctx;

use super::Surface;

impl Surface for Ctx {
    fn save(&self) {
        Ctx::save(self);
    }
    fn restore(&self) {
        Ctx::restore(self);
    }
    fn translate(&self, x: f64, y: f64) {
        let _ = Ctx::translate(self, x, y);
    }
    fn begin_path(&self) {
        Ctx::begin_path(self);
    }
    fn move_to(&self, x: f64, y: f64) {
        Ctx::move_to(self, x, y);
    }
    fn line_to(&self, x: f64, y: f64) {
        Ctx::line_to(self, x, y);
    }
    fn arc(&self, x: f64, y: f64, r: f64, start: f64, end: f64) {
        // A negative radius throws; nothing to draw then.
        if r >= 0.0 {
            let _ = Ctx::arc(self, x, y, r, start, end);
        }
    }
    fn rect(&self, x: f64, y: f64, w: f64, h: f64) {
        Ctx::rect(self, x, y, w, h);
    }
    fn round_rect(&self, x: f64, y: f64, w: f64, h: f64, r: f64) {
        let _ = Ctx::round_rect_with_f64(self, x, y, w, h, r.max(0.0));
    }
    fn close_path(&self) {
        Ctx::close_path(self);
    }
    fn fill(&self) {
        Ctx::fill(self);
    }
    fn stroke(&self) {
        Ctx::stroke(self);
    }
    fn clip(&self) {
        Ctx::clip(self);
    }
    fn fill_rect(&self, x: f64, y: f64, w: f64, h: f64) {
        Ctx::fill_rect(self, x, y, w, h);
    }
    fn set_fill_style_str(&self, color: &str) {
        Ctx::set_fill_style_str(self, color);
    }
    fn set_stroke_style_str(&self, color: &str) {
        Ctx::set_stroke_style_str(self, color);
    }
    fn set_line_width(&self, width: f64) {
        Ctx::set_line_width(self, width);
    }
    fn set_line_dash(&self, dash: &[f64]) {
        let array = js_sys::Array::new();
        for d in dash {
            array.push(&JsValue::from_f64(*d));
        }
        let _ = Ctx::set_line_dash(self, &array);
    }
    fn set_line_join(&self, join: &str) {
        Ctx::set_line_join(self, join);
    }
    fn set_line_cap(&self, cap: &str) {
        Ctx::set_line_cap(self, cap);
    }
    fn set_font(&self, font: &str) {
        Ctx::set_font(self, font);
    }
    fn set_text_align(&self, align: &str) {
        Ctx::set_text_align(self, align);
    }
    fn set_text_baseline(&self, baseline: &str) {
        Ctx::set_text_baseline(self, baseline);
    }
    fn set_direction(&self, rtl: bool) {
        // `direction` without a web-sys feature of its own.
        let _ = js_sys::Reflect::set(
            self,
            &JsValue::from_str("direction"),
            &JsValue::from_str(if rtl { "rtl" } else { "ltr" }),
        );
    }
    fn fill_text(&self, text: &str, x: f64, y: f64) {
        let _ = Ctx::fill_text(self, text, x, y);
    }
    fn stroke_text(&self, text: &str, x: f64, y: f64) {
        let _ = Ctx::stroke_text(self, text, x, y);
    }
    fn measure_text_width(&self, text: &str) -> f64 {
        Ctx::measure_text(self, text)
            .map(|m| m.width())
            .unwrap_or_else(|_| super::estimate_width(text, &Ctx::font(self)))
    }
}
