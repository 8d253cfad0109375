//! Pictures of the view, for print and social media: one drawing trait,
//! [`Surface`], that the map and timeline painters draw through, an SVG
//! implementation in plain Rust ([`svg::SvgSurface`], tested natively) and
//! the browser's canvas ([`canvas`], wasm only); and the sheet around the
//! two views: title, period, active filters, legend, attribution and
//! source line ([`sheet`]).
//!
//! The trait has the shape of the canvas 2D API (a current path, a style
//! state with save and restore) so that the painters read as they did
//! when they drew on a canvas directly: one set of painters, two outputs.

#[cfg(target_arch = "wasm32")]
pub mod canvas;
pub mod sheet;
pub mod svg;

pub use sheet::{Legend, LegendItem, Placement, Sheet};
pub use svg::SvgSurface;

/// How many device pixels a PNG has per CSS pixel of the picture: 2, for
/// print.
pub const PNG_SCALE: f64 = 2.0;

/// The size in device pixels of a picture of `width` × `height` CSS px at
/// `scale` (rounded up, at least 1 × 1).
pub fn pixel_size(width: f64, height: f64, scale: f64) -> (u32, u32) {
    let px = |v: f64| {
        let v = (v * scale).ceil();
        if v.is_finite() && v >= 1.0 {
            v.min(f64::from(u16::MAX)) as u32
        } else {
            1
        }
    };
    (px(width), px(height))
}

/// Something to draw on, in CSS pixels, with the canvas 2D API's model: a
/// current path built by `move_to`, `line_to`, `arc`…, filled or stroked
/// with the current style; `save` and `restore` keep and bring back the
/// style, the translation and the clip. Angles are radians, clockwise on
/// screen (y points down), as on a canvas.
pub trait Surface {
    fn save(&self);
    fn restore(&self);
    fn translate(&self, x: f64, y: f64);

    fn begin_path(&self);
    fn move_to(&self, x: f64, y: f64);
    fn line_to(&self, x: f64, y: f64);
    /// A clockwise arc around (x, y) from angle `start` to `end`, joined
    /// to the current point by a line if there is one.
    fn arc(&self, x: f64, y: f64, r: f64, start: f64, end: f64);
    fn rect(&self, x: f64, y: f64, w: f64, h: f64);
    fn round_rect(&self, x: f64, y: f64, w: f64, h: f64, r: f64);
    fn close_path(&self);
    fn fill(&self);
    fn stroke(&self);
    /// Clips what follows to the current path, until `restore`.
    fn clip(&self);
    fn fill_rect(&self, x: f64, y: f64, w: f64, h: f64);

    /// A CSS colour.
    fn set_fill_style_str(&self, color: &str);
    fn set_stroke_style_str(&self, color: &str);
    fn set_line_width(&self, width: f64);
    /// A dash pattern; empty for solid lines.
    fn set_line_dash(&self, dash: &[f64]);
    /// `round`, `bevel` or `miter`.
    fn set_line_join(&self, join: &str);
    /// `round`, `square` or `butt`.
    fn set_line_cap(&self, cap: &str);

    /// A CSS font shorthand: `600 12px system-ui, sans-serif`.
    fn set_font(&self, font: &str);
    /// `left`, `right`, `center`, `start` or `end`.
    fn set_text_align(&self, align: &str);
    /// `top`, `middle`, `bottom`, `hanging` or `alphabetic`.
    fn set_text_baseline(&self, baseline: &str);
    /// Right to left (Arabic) or left to right: what `start` and `end`
    /// mean and how mixed text is ordered.
    fn set_direction(&self, rtl: bool);
    fn fill_text(&self, text: &str, x: f64, y: f64);
    fn stroke_text(&self, text: &str, x: f64, y: f64);
    /// The width of `text` in the current font, px.
    fn measure_text_width(&self, text: &str) -> f64;
}

/// Traces a marker symbol ([`crate::symbols::outline`]) as the current
/// path, centred on (x, y).
pub fn trace_symbol(s: &dyn Surface, shape: crate::dataset::Shape, x: f64, y: f64, r: f64) {
    s.begin_path();
    match crate::symbols::outline(shape, r) {
        None => s.arc(x, y, r, 0.0, std::f64::consts::TAU),
        Some(points) => {
            for (i, (px, py)) in points.iter().enumerate() {
                if i == 0 {
                    s.move_to(x + px, y + py);
                } else {
                    s.line_to(x + px, y + py);
                }
            }
            s.close_path();
        }
    }
}

/// The font size in px of a CSS font shorthand (`600 12.5px …`), or 12.
pub fn font_size(font: &str) -> f64 {
    font.split_whitespace()
        .find_map(|w| w.strip_suffix("px").and_then(|n| n.parse::<f64>().ok()))
        .filter(|s| s.is_finite() && *s > 0.0)
        .unwrap_or(12.0)
}

/// A width for text without a browser to measure it: about half an em
/// per character (Latin and Arabic alike), enough to lay out a sheet.
pub fn estimate_width(text: &str, font: &str) -> f64 {
    text.chars().count() as f64 * font_size(font) * 0.55
}

/// Splits `text` into lines no wider than `width` by `measure`, at spaces
/// (a word wider than the line gets a line of its own).
pub fn wrap(text: &str, width: f64, measure: &dyn Fn(&str) -> f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if line.is_empty() {
            line.push_str(word);
            continue;
        }
        let candidate = format!("{line} {word}");
        if measure(&candidate) <= width {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_owned()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_png_has_twice_the_css_pixels() {
        assert_eq!(pixel_size(640.0, 480.5, PNG_SCALE), (1280, 961));
        assert_eq!(pixel_size(f64::NAN, -3.0, PNG_SCALE), (1, 1));
        assert_eq!(pixel_size(1e9, 1.0, 1.0), (65_535, 1));
    }

    #[test]
    fn fonts_give_their_size() {
        assert_eq!(font_size("600 12.5px system-ui, \"Segoe UI\""), 12.5);
        assert_eq!(font_size("bold system-ui"), 12.0);
        assert_eq!(estimate_width("abcd", "10px x"), 22.0);
    }

    #[test]
    fn text_wraps_at_spaces() {
        let measure = |s: &str| s.chars().count() as f64;
        assert_eq!(
            wrap("one two three four", 9.0, &measure),
            ["one two", "three", "four"]
        );
        assert_eq!(wrap("  ", 9.0, &measure), Vec::<String>::new());
        assert_eq!(
            wrap("unbreakableword x", 5.0, &measure),
            ["unbreakableword", "x"]
        );
    }
}
