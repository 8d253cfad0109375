//! The drawing trait as SVG text: every path filled or stroked becomes a
//! `<path>`, every text a `<text>` (its characters escaped: dataset text
//! is data), translations and clips nested `<g>` elements.

use std::cell::RefCell;
use std::f64::consts::{PI, TAU};
use std::fmt::Write as _;

use super::{estimate_width, Surface};

/// The style state that `save` keeps and `restore` brings back.
#[derive(Clone, Debug)]
struct Style {
    fill: String,
    stroke: String,
    line_width: f64,
    dash: Vec<f64>,
    join: String,
    cap: String,
    font: String,
    align: String,
    baseline: String,
    rtl: bool,
    /// `<g>` elements opened since the matching `save`.
    open_groups: usize,
}

impl Default for Style {
    fn default() -> Style {
        Style {
            fill: "#000000".into(),
            stroke: "#000000".into(),
            line_width: 1.0,
            dash: Vec::new(),
            join: "miter".into(),
            cap: "butt".into(),
            font: "10px sans-serif".into(),
            align: "start".into(),
            baseline: "alphabetic".into(),
            rtl: false,
            open_groups: 0,
        }
    }
}

#[derive(Default)]
struct State {
    body: String,
    /// The current path's `d`.
    path: String,
    current: Option<(f64, f64)>,
    subpath_start: Option<(f64, f64)>,
    style: Style,
    saved: Vec<Style>,
    clips: usize,
}

/// Measures `text` in a CSS `font`, px.
pub type Measure = Box<dyn Fn(&str, &str) -> f64>;

/// An SVG document being drawn. [`SvgSurface::finish`] gives its text.
pub struct SvgSurface {
    state: RefCell<State>,
    measure: Measure,
}

impl Default for SvgSurface {
    fn default() -> SvgSurface {
        SvgSurface::new()
    }
}

impl SvgSurface {
    /// Text widths estimated ([`estimate_width`]).
    pub fn new() -> SvgSurface {
        SvgSurface::with_measure(Box::new(estimate_width))
    }

    /// Text widths by `measure(text, font)`, e.g. a canvas's, so that
    /// labels are placed as on screen.
    pub fn with_measure(measure: Measure) -> SvgSurface {
        SvgSurface {
            state: RefCell::new(State::default()),
            measure,
        }
    }

    /// The document: `width` × `height` CSS px, its `<title>`, in `lang`
    /// (`ar` is written right to left).
    pub fn finish(self, width: f64, height: f64, lang: &str, title: &str) -> String {
        let mut st = self.state.into_inner();
        let open: usize =
            st.saved.iter().map(|s| s.open_groups).sum::<usize>() + st.style.open_groups;
        for _ in 0..open {
            st.body.push_str("</g>");
        }
        let (w, h) = (num(width), num(height));
        let lang = escape(lang);
        let dir = if lang == "ar" {
            " direction=\"rtl\""
        } else {
            ""
        };
        let mut out = String::with_capacity(st.body.len() + 512);
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" \
             viewBox=\"0 0 {w} {h}\" xml:lang=\"{lang}\"{dir}>\n<title>{}</title>\n",
            escape(title)
        );
        out.push_str(&st.body);
        out.push_str("\n</svg>\n");
        out
    }

    fn with<R>(&self, f: impl FnOnce(&mut State) -> R) -> R {
        f(&mut self.state.borrow_mut())
    }

    fn text(&self, text: &str, x: f64, y: f64, stroke: bool) {
        let content = escape(text);
        if content.is_empty() {
            return;
        }
        self.with(|st| {
            let s = &st.style;
            let (family, size, weight) = font_parts(&s.font);
            let anchor = match (s.align.as_str(), s.rtl) {
                ("center", _) => "middle",
                ("left", false) | ("right", true) | ("start", _) => "start",
                _ => "end",
            };
            let baseline = match s.baseline.as_str() {
                "middle" => " dominant-baseline=\"central\"",
                "top" => " dominant-baseline=\"text-before-edge\"",
                "bottom" => " dominant-baseline=\"text-after-edge\"",
                "hanging" => " dominant-baseline=\"hanging\"",
                _ => "",
            };
            let paint = if stroke {
                let (c, a) = colour(&s.stroke);
                format!(
                    "fill=\"none\" stroke=\"{c}\"{} stroke-width=\"{}\" stroke-linejoin=\"round\"",
                    opacity("stroke-opacity", a),
                    num(s.line_width)
                )
            } else {
                let (c, a) = colour(&s.fill);
                format!("fill=\"{c}\"{}", opacity("fill-opacity", a))
            };
            let dir = if s.rtl { " direction=\"rtl\"" } else { "" };
            let weight = weight
                .map(|w| format!(" font-weight=\"{w}\""))
                .unwrap_or_default();
            let _ = writeln!(
                st.body,
                "<text x=\"{}\" y=\"{}\" font-family=\"{}\" font-size=\"{}\"{weight} \
                 text-anchor=\"{anchor}\"{baseline}{dir} {paint}>{content}</text>",
                num(x),
                num(y),
                escape(&family),
                num(size),
            );
        });
    }

    fn point(st: &mut State, cmd: char, x: f64, y: f64) {
        let _ = write!(st.path, "{cmd}{} {}", num(x), num(y));
        st.current = Some((x, y));
        if cmd == 'M' {
            st.subpath_start = Some((x, y));
        }
    }
}

impl Surface for SvgSurface {
    fn save(&self) {
        self.with(|st| {
            let kept = std::mem::replace(&mut st.style.open_groups, 0);
            let mut saved = st.style.clone();
            saved.open_groups = kept;
            st.saved.push(saved);
        });
    }

    fn restore(&self) {
        self.with(|st| {
            for _ in 0..st.style.open_groups {
                st.body.push_str("</g>\n");
            }
            if let Some(saved) = st.saved.pop() {
                st.style = saved;
            } else {
                st.style.open_groups = 0;
            }
        });
    }

    fn translate(&self, x: f64, y: f64) {
        self.with(|st| {
            let _ = writeln!(
                st.body,
                "<g transform=\"translate({} {})\">",
                num(x),
                num(y)
            );
            st.style.open_groups += 1;
        });
    }

    fn begin_path(&self) {
        self.with(|st| {
            st.path.clear();
            st.current = None;
            st.subpath_start = None;
        });
    }

    fn move_to(&self, x: f64, y: f64) {
        self.with(|st| SvgSurface::point(st, 'M', x, y));
    }

    fn line_to(&self, x: f64, y: f64) {
        self.with(|st| {
            let cmd = if st.current.is_some() { 'L' } else { 'M' };
            SvgSurface::point(st, cmd, x, y);
        });
    }

    fn arc(&self, x: f64, y: f64, r: f64, start: f64, end: f64) {
        if !(r > 0.0 && r.is_finite() && start.is_finite() && end.is_finite()) {
            return;
        }
        let at = |a: f64| (x + r * a.cos(), y + r * a.sin());
        let (sx, sy) = at(start);
        self.with(|st| {
            let cmd = if st.current.is_some() { 'L' } else { 'M' };
            SvgSurface::point(st, cmd, sx, sy);
            let sweep = end - start;
            let rr = num(r);
            if sweep >= TAU - 1e-9 {
                let (ox, oy) = at(start + PI);
                let _ = write!(
                    st.path,
                    "A{rr} {rr} 0 0 1 {} {}A{rr} {rr} 0 0 1 {} {}",
                    num(ox),
                    num(oy),
                    num(sx),
                    num(sy)
                );
                st.current = Some((sx, sy));
            } else {
                let sweep = sweep.rem_euclid(TAU);
                let (ex, ey) = at(start + sweep);
                let large = u8::from(sweep > PI);
                let _ = write!(st.path, "A{rr} {rr} 0 {large} 1 {} {}", num(ex), num(ey));
                st.current = Some((ex, ey));
            }
        });
    }

    fn rect(&self, x: f64, y: f64, w: f64, h: f64) {
        self.move_to(x, y);
        self.line_to(x + w, y);
        self.line_to(x + w, y + h);
        self.line_to(x, y + h);
        self.close_path();
    }

    fn round_rect(&self, x: f64, y: f64, w: f64, h: f64, r: f64) {
        let r = r.max(0.0).min(w.abs() / 2.0).min(h.abs() / 2.0);
        if r == 0.0 || !r.is_finite() {
            self.rect(x, y, w, h);
            return;
        }
        self.move_to(x + r, y);
        self.line_to(x + w - r, y);
        self.arc(x + w - r, y + r, r, -PI / 2.0, 0.0);
        self.line_to(x + w, y + h - r);
        self.arc(x + w - r, y + h - r, r, 0.0, PI / 2.0);
        self.line_to(x + r, y + h);
        self.arc(x + r, y + h - r, r, PI / 2.0, PI);
        self.line_to(x, y + r);
        self.arc(x + r, y + r, r, PI, 1.5 * PI);
        self.close_path();
    }

    fn close_path(&self) {
        self.with(|st| {
            if st.current.is_some() {
                st.path.push('Z');
                st.current = st.subpath_start;
            }
        });
    }

    fn fill(&self) {
        self.with(|st| {
            if st.path.is_empty() {
                return;
            }
            let (c, a) = colour(&st.style.fill);
            let _ = writeln!(
                st.body,
                "<path d=\"{}\" fill=\"{c}\"{}/>",
                st.path,
                opacity("fill-opacity", a)
            );
        });
    }

    fn stroke(&self) {
        self.with(|st| {
            if st.path.is_empty() {
                return;
            }
            let s = &st.style;
            let (c, a) = colour(&s.stroke);
            let dash = if s.dash.is_empty() {
                String::new()
            } else {
                let d: Vec<String> = s.dash.iter().map(|d| num(*d)).collect();
                format!(" stroke-dasharray=\"{}\"", d.join(" "))
            };
            let _ = writeln!(
                st.body,
                "<path d=\"{}\" fill=\"none\" stroke=\"{c}\"{} stroke-width=\"{}\" \
                 stroke-linejoin=\"{}\" stroke-linecap=\"{}\"{dash}/>",
                st.path,
                opacity("stroke-opacity", a),
                num(s.line_width),
                keyword(&s.join, &["round", "bevel", "miter"]),
                keyword(&s.cap, &["round", "square", "butt"]),
            );
        });
    }

    fn clip(&self) {
        self.with(|st| {
            st.clips += 1;
            let id = format!("clip{}", st.clips);
            // Defined where it is used, inside the translations open now,
            // whose coordinates its path is in.
            let _ = writeln!(
                st.body,
                "<clipPath id=\"{id}\"><path d=\"{}\"/></clipPath><g clip-path=\"url(#{id})\">",
                st.path
            );
            st.style.open_groups += 1;
        });
    }

    fn fill_rect(&self, x: f64, y: f64, w: f64, h: f64) {
        if !(w.is_finite() && h.is_finite()) || w <= 0.0 || h <= 0.0 {
            return;
        }
        self.with(|st| {
            let (c, a) = colour(&st.style.fill);
            let _ = writeln!(
                st.body,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{c}\"{}/>",
                num(x),
                num(y),
                num(w),
                num(h),
                opacity("fill-opacity", a)
            );
        });
    }

    fn set_fill_style_str(&self, color: &str) {
        self.with(|st| st.style.fill = color.to_owned());
    }

    fn set_stroke_style_str(&self, color: &str) {
        self.with(|st| st.style.stroke = color.to_owned());
    }

    fn set_line_width(&self, width: f64) {
        if width.is_finite() && width > 0.0 {
            self.with(|st| st.style.line_width = width);
        }
    }

    fn set_line_dash(&self, dash: &[f64]) {
        let ok = dash.iter().all(|d| d.is_finite() && *d >= 0.0);
        if ok {
            self.with(|st| st.style.dash = dash.to_vec());
        }
    }

    fn set_line_join(&self, join: &str) {
        self.with(|st| st.style.join = join.to_owned());
    }

    fn set_line_cap(&self, cap: &str) {
        self.with(|st| st.style.cap = cap.to_owned());
    }

    fn set_font(&self, font: &str) {
        self.with(|st| st.style.font = font.to_owned());
    }

    fn set_text_align(&self, align: &str) {
        self.with(|st| st.style.align = align.to_owned());
    }

    fn set_text_baseline(&self, baseline: &str) {
        self.with(|st| st.style.baseline = baseline.to_owned());
    }

    fn set_direction(&self, rtl: bool) {
        self.with(|st| st.style.rtl = rtl);
    }

    fn fill_text(&self, text: &str, x: f64, y: f64) {
        self.text(text, x, y, false);
    }

    fn stroke_text(&self, text: &str, x: f64, y: f64) {
        self.text(text, x, y, true);
    }

    fn measure_text_width(&self, text: &str) -> f64 {
        let font = self.with(|st| st.style.font.clone());
        (self.measure)(text, &font)
    }
}

/// A number for SVG: at most two decimals, no trailing zeros, 0 for
/// anything not finite.
fn num(v: f64) -> String {
    if !v.is_finite() {
        return "0".into();
    }
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" || s.is_empty() {
        "0".into()
    } else {
        s.to_owned()
    }
}

/// A keyword if it is one of `allowed`, else the last of them.
fn keyword<'a>(value: &'a str, allowed: &[&'a str]) -> &'a str {
    allowed
        .iter()
        .copied()
        .find(|k| *k == value)
        .or_else(|| allowed.last().copied())
        .unwrap_or("")
}

/// A CSS colour as SVG 1.1 paints it: `rgba(r,g,b,a)` becomes `rgb(r,g,b)`
/// and an opacity; anything else is kept (escaped).
fn colour(css: &str) -> (String, Option<f64>) {
    let css = css.trim();
    if let Some(inner) = css.strip_prefix("rgba(").and_then(|s| s.strip_suffix(')')) {
        let parts: Vec<&str> = inner.split(',').map(str::trim).collect();
        if let [r, g, b, a] = parts.as_slice() {
            let channel = |c: &str| c.parse::<f64>().ok().map(|v| v.clamp(0.0, 255.0).round());
            if let (Some(r), Some(g), Some(b), Some(a)) =
                (channel(r), channel(g), channel(b), a.parse::<f64>().ok())
            {
                return (format!("rgb({r},{g},{b})"), Some(a.clamp(0.0, 1.0)));
            }
        }
    }
    (escape(css), None)
}

fn opacity(name: &str, a: Option<f64>) -> String {
    a.map(|a| format!(" {name}=\"{}\"", num(a)))
        .unwrap_or_default()
}

/// (family, size px, weight) of a CSS font shorthand.
fn font_parts(font: &str) -> (String, f64, Option<String>) {
    let mut weight = None;
    let mut size = 12.0;
    let mut rest = font.trim();
    while let Some((word, tail)) = rest.split_once(char::is_whitespace) {
        if let Some(px) = word.strip_suffix("px").and_then(|n| n.parse::<f64>().ok()) {
            size = px;
            rest = tail.trim_start();
            break;
        }
        if word == "bold" || word.parse::<u16>().is_ok() {
            weight = Some(word.to_owned());
        }
        rest = tail.trim_start();
    }
    // Family names in single quotes, so that the attribute can be in
    // double ones.
    (rest.replace('"', "'"), size, weight)
}

/// Escapes text for XML content and double-quoted attributes. Characters
/// XML does not allow are dropped, and so are the bidirectional
/// embeddings, overrides and isolates, so that dataset text cannot
/// reorder what the picture says.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_cannot_reorder() {
        assert_eq!(
            escape("<script>&\"x\"'\u{202E}y\u{0}\n"),
            "&lt;script&gt;&amp;&quot;x&quot;&apos;y "
        );
        assert_eq!(escape("أطلس\u{200F}"), "أطلس\u{200F}", "marks are kept");
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(1.239), "1.24");
        assert_eq!(num(2.5), "2.5");
        assert_eq!(num(f64::NAN), "0");
    }

    #[test]
    fn rgba_becomes_an_opacity() {
        assert_eq!(
            colour("rgba(251,250,246,0.9)"),
            ("rgb(251,250,246)".into(), Some(0.9))
        );
        assert_eq!(colour("#d55e00"), ("#d55e00".into(), None));
        assert_eq!(colour("\"><x"), ("&quot;&gt;&lt;x".into(), None));
    }

    #[test]
    fn paths_fill_and_stroke_with_the_current_style() {
        let s = SvgSurface::new();
        s.begin_path();
        s.move_to(0.0, 0.0);
        s.line_to(10.0, 0.0);
        s.close_path();
        s.set_fill_style_str("#ff0000");
        s.fill();
        s.set_line_dash(&[4.0, 3.0]);
        s.stroke();
        s.begin_path();
        s.arc(5.0, 5.0, 2.0, 0.0, TAU);
        s.fill();
        let svg = s.finish(20.0, 10.0, "en", "t");
        assert!(
            svg.contains("<path d=\"M0 0L10 0Z\" fill=\"#ff0000\"/>"),
            "{svg}"
        );
        assert!(svg.contains("stroke-dasharray=\"4 3\""), "{svg}");
        assert!(svg.contains("M7 5A2 2 0 0 1 3 5A2 2 0 0 1 7 5"), "{svg}");
        assert!(svg.contains("width=\"20\" height=\"10\" viewBox=\"0 0 20 10\""));
    }

    #[test]
    fn save_and_restore_close_what_they_opened() {
        let s = SvgSurface::new();
        s.save();
        s.translate(5.0, 6.0);
        s.begin_path();
        s.rect(0.0, 0.0, 3.0, 3.0);
        s.clip();
        s.fill_rect(0.0, 0.0, 1.0, 1.0);
        s.restore();
        s.save();
        s.translate(1.0, 1.0);
        // Left open: finish closes it.
        let svg = s.finish(10.0, 10.0, "ar", "t");
        assert_eq!(
            svg.matches("<g").count(),
            svg.matches("</g>").count(),
            "{svg}"
        );
        assert!(svg.contains("direction=\"rtl\""));
    }

    #[test]
    fn text_takes_the_font_alignment_and_direction() {
        let s = SvgSurface::new();
        s.set_font("600 12.5px system-ui, \"Segoe UI\", sans-serif");
        s.set_direction(true);
        s.set_text_align("right");
        s.set_text_baseline("middle");
        s.set_fill_style_str("rgba(0,0,0,0.5)");
        s.fill_text("دير الزور <1>", 100.0, 20.0);
        let svg = s.finish(10.0, 10.0, "ar", "t");
        assert!(
            svg.contains(
                "font-family=\"system-ui, &apos;Segoe UI&apos;, sans-serif\" font-size=\"12.5\" \
                 font-weight=\"600\" text-anchor=\"start\" dominant-baseline=\"central\" \
                 direction=\"rtl\" fill=\"rgb(0,0,0)\" fill-opacity=\"0.5\">دير الزور &lt;1&gt;</text>"
            ),
            "{svg}"
        );
    }
}
