//! Painting a laid-out timeline on its canvas: the axis, the marks or the
//! histogram, and the brush.

use std::sync::Arc;

use leptos::html::Canvas;
use leptos::prelude::*;
use web_sys::CanvasRenderingContext2d;

use super::super::behaviours::frame_paint::request_paint;
use super::super::canvas::{prepare, trace_symbol, with_alpha};
use super::super::state::{Ui, UiLang};
use super::super::test_hooks;
use super::layout::{Drawn, Layout, SIDE, TOP};
use crate::dataset::Dataset;
use crate::filter::primary_pattern;
use crate::filter::Filter;
use crate::i18n::{number, tick_label, Locale};
use crate::palette::Palette;
use crate::time::histogram::Histogram;
use crate::time::marks::Mark;

/// The signals the timeline's picture depends on.
pub struct Inputs {
    pub dataset: Arc<Dataset>,
    pub canvas: NodeRef<Canvas>,
    pub layout: Memo<Option<Layout>>,
    /// Which patterns are on: marks are coloured by the pattern they are
    /// counted under.
    pub patterns: Memo<Vec<bool>>,
    pub brush: Memo<Option<(i64, i64)>>,
    pub ui: Ui,
    pub lang: UiLang,
    /// The page's colour scheme.
    pub scheme: RwSignal<crate::palette::Scheme>,
}

/// Repaints the canvas at most once per animation frame whenever an input
/// changes. Returns the incidents the last paint emphasised.
pub fn paint_each_frame(inputs: Inputs) -> StoredValue<Vec<u32>> {
    let emphasised = StoredValue::new(Vec::<u32>::new());
    let pending = StoredValue::new(false);
    let Inputs {
        dataset,
        canvas,
        layout,
        patterns,
        brush,
        ui,
        lang,
        scheme,
    } = inputs;
    let paint = move || {
        let (Some(c), Some(started)) = (canvas.get_untracked(), now()) else {
            return;
        };
        layout.with_untracked(|l| {
            let Some(l) = l else {
                return;
            };
            let Some(ctx) = prepare(&c, l.size) else {
                return;
            };
            let painted = ui.filter.with_untracked(|filter| {
                paint(
                    &ctx,
                    &Scene {
                        dataset: &dataset,
                        filter,
                        layout: l,
                        brush: brush.get_untracked(),
                        selected: ui.selected.get_untracked(),
                        hovered: ui.hovered.get_untracked(),
                        locale: lang.locale_untracked(),
                        palette: scheme.get_untracked().palette(),
                    },
                )
            });
            emphasised.set_value(painted);
        });
        test_hooks::record_paint("timeline", now().unwrap_or(started) - started);
    };
    Effect::new(move |_| {
        layout.track();
        patterns.track();
        brush.track();
        ui.selected.track();
        ui.hovered.track();
        scheme.track();
        request_paint(pending, &paint);
    });
    emphasised
}

/// The page clock, ms.
fn now() -> Option<f64> {
    window().performance().map(|p| p.now())
}

/// Everything one paint reads.
pub struct Scene<'a> {
    pub dataset: &'a Dataset,
    pub filter: &'a Filter,
    pub layout: &'a Layout,
    pub brush: Option<(i64, i64)>,
    pub selected: Option<u32>,
    pub hovered: Option<u32>,
    pub locale: Locale,
    pub palette: &'static Palette,
}

/// Paints `scene` and returns the incidents drawn emphasised (selected or
/// hovered), for the test hooks.
pub fn paint(ctx: &CanvasRenderingContext2d, scene: &Scene) -> Vec<u32> {
    let pal = scene.palette;
    paint_axis(ctx, scene.layout, scene.locale, pal);
    let emphasised = match &scene.layout.drawn {
        Drawn::Histogram { bins, .. } => {
            paint_histogram(ctx, scene.dataset, bins, scene.layout, scene.locale, pal);
            Vec::new()
        }
        Drawn::Marks(marks) => {
            let is_emphasised =
                |m: &Mark| Some(m.incident) == scene.selected || Some(m.incident) == scene.hovered;
            // Emphasised marks last, so that they are on top.
            for m in marks.iter().filter(|m| !is_emphasised(m)) {
                paint_mark(ctx, scene.dataset, scene.filter, m, false, pal);
            }
            let on_top: Vec<&Mark> = marks.iter().filter(|m| is_emphasised(m)).collect();
            for m in &on_top {
                paint_mark(ctx, scene.dataset, scene.filter, m, true, pal);
            }
            on_top.iter().map(|m| m.incident).collect()
        }
    };
    paint_brush(ctx, scene.layout, scene.brush, pal);
    emphasised
}

/// Faint gridlines at the ticks, their labels, and the axis line.
fn paint_axis(ctx: &CanvasRenderingContext2d, layout: &Layout, locale: Locale, pal: &Palette) {
    let (sc, width, axis_y) = (&layout.scale, layout.size.width, layout.axis_y);
    let ticks = sc.ticks(((width / 90.0).floor() as usize).max(2));
    ctx.set_font("11px system-ui, \"Segoe UI\", \"Noto Sans Arabic\", Tahoma, sans-serif");
    ctx.set_text_align("center");
    ctx.set_text_baseline("top");
    for tick in &ticks {
        let x = sc.map(tick.t as f64);
        let (line, text) = if tick.starts_larger_unit {
            (pal.grid_major, pal.tick_major)
        } else {
            (pal.grid_minor, pal.tick_minor)
        };
        ctx.set_stroke_style_str(line);
        ctx.set_line_width(1.0);
        ctx.begin_path();
        ctx.move_to(x.round() + 0.5, TOP - 4.0);
        ctx.line_to(x.round() + 0.5, axis_y + 4.0);
        ctx.stroke();
        ctx.set_fill_style_str(text);
        let label = tick_label(locale, tick.t, tick.unit, tick.starts_larger_unit);
        let _ = ctx.fill_text(&label, x, axis_y + 8.0);
    }
    ctx.set_stroke_style_str(pal.axis);
    ctx.begin_path();
    ctx.move_to(0.0, axis_y + 0.5);
    ctx.line_to(width, axis_y + 0.5);
    ctx.stroke();
}

/// The brush: everything outside the selected range is veiled, and the
/// range's edges carry handles.
fn paint_brush(
    ctx: &CanvasRenderingContext2d,
    layout: &Layout,
    range: Option<(i64, i64)>,
    pal: &Palette,
) {
    let Some((a, b)) = range else {
        return;
    };
    let (sc, width, axis_y) = (&layout.scale, layout.size.width, layout.axis_y);
    let (x0, x1) = (sc.map(a as f64), sc.map(b as f64));
    let (lo, hi) = (x0.min(x1).max(0.0), x0.max(x1).min(width));
    ctx.set_fill_style_str(&pal.veil.css());
    ctx.fill_rect(0.0, 0.0, lo, axis_y);
    ctx.fill_rect(hi, 0.0, width - hi, axis_y);
    ctx.set_fill_style_str(&pal.brush_fill.css());
    ctx.fill_rect(lo, 0.0, hi - lo, axis_y);
    ctx.set_stroke_style_str(pal.brush);
    ctx.set_line_width(1.5);
    for x in [lo, hi] {
        ctx.begin_path();
        ctx.move_to(x, 2.0);
        ctx.line_to(x, axis_y);
        ctx.stroke();
        ctx.set_fill_style_str(pal.brush);
        ctx.fill_rect(x - 3.0, axis_y / 2.0 - 10.0, 6.0, 20.0);
    }
}

/// The histogram: exact-dated incidents as solid stacks by pattern, with
/// the shares of period-dated ones stacked above them, faded.
fn paint_histogram(
    ctx: &CanvasRenderingContext2d,
    dataset: &Dataset,
    h: &Histogram,
    layout: &Layout,
    locale: Locale,
    pal: &Palette,
) {
    let (sc, axis_y) = (&layout.scale, layout.axis_y);
    let max = f64::from(h.max_total()).max(1.0);
    let height = axis_y - TOP - 14.0;
    let k = height / max;
    for (i, edge) in h.edges.windows(2).enumerate() {
        let (a, b) = (sc.map(edge[0] as f64), sc.map(edge[1] as f64));
        let (x, w) = (a.min(b) + 0.5, ((a - b).abs() - 1.0).max(1.0));
        let mut y = axis_y;
        for (layer, alpha) in [(&h.exact, 1.0), (&h.spread, 0.35)] {
            for (p, counts) in layer.iter().enumerate() {
                let v = f64::from(counts.get(i).copied().unwrap_or(0.0));
                if v <= 0.0 {
                    continue;
                }
                let bar = v * k;
                let color = dataset
                    .patterns
                    .get(p)
                    .map_or("#777777", |p| p.color.as_str());
                ctx.set_fill_style_str(&with_alpha(color, alpha));
                ctx.fill_rect(x, y - bar, w, bar);
                y -= bar;
            }
        }
    }
    // The scale: a faint line at the tallest bin, labelled with its count.
    ctx.set_stroke_style_str(pal.scale_line);
    ctx.set_line_width(1.0);
    ctx.begin_path();
    ctx.move_to(0.0, axis_y - height + 0.5);
    ctx.line_to(sc.range().0.max(sc.range().1) + SIDE, axis_y - height + 0.5);
    ctx.stroke();
    ctx.set_fill_style_str(pal.scale_text);
    ctx.set_text_baseline("bottom");
    ctx.set_text_align("start");
    let _ = ctx.fill_text(
        &number(locale, max.round() as u64),
        4.0,
        axis_y - height - 1.0,
    );
}

/// One mark: an exact date as its pattern's symbol; a period as a faded
/// bar across it ("somewhere in here") with the symbol hollow in the
/// middle. An emphasised mark gets a halo and a heavier outline.
fn paint_mark(
    ctx: &CanvasRenderingContext2d,
    dataset: &Dataset,
    filter: &Filter,
    m: &Mark,
    emphasised: bool,
    pal: &Palette,
) {
    let Some(pattern) = dataset
        .incidents
        .get(m.incident as usize)
        .and_then(|inc| primary_pattern(inc, filter))
        .and_then(|p| dataset.patterns.get(p))
    else {
        return;
    };
    let (cx, cy) = m.centre();
    if emphasised {
        ctx.set_fill_style_str(&pal.mark_emphasis.css());
        ctx.fill_rect(
            m.x0 - m.r - 4.0,
            cy - m.r - 4.0,
            m.x1 - m.x0 + 2.0 * m.r + 8.0,
            2.0 * m.r + 8.0,
        );
    }
    if m.exact {
        trace_symbol(ctx, pattern.shape, cx, cy, m.r);
        ctx.set_fill_style_str(&pattern.color);
        ctx.fill();
        ctx.set_stroke_style_str(pal.ink);
        ctx.set_line_width(if emphasised { 2.0 } else { 1.0 });
        ctx.stroke();
    } else {
        let h = (m.r * 1.2).max(4.0);
        ctx.begin_path();
        let _ = ctx.round_rect_with_f64(m.x0, cy - h / 2.0, m.x1 - m.x0, h, h / 2.0);
        ctx.set_fill_style_str(&with_alpha(&pattern.color, 0.25));
        ctx.fill();
        ctx.set_stroke_style_str(&pattern.color);
        ctx.set_line_width(if emphasised { 2.5 } else { 1.2 });
        ctx.stroke();
        trace_symbol(ctx, pattern.shape, cx, cy, (m.r * 0.7).max(2.5));
        ctx.set_fill_style_str(pal.hollow);
        ctx.fill();
        ctx.set_stroke_style_str(&pattern.color);
        ctx.set_line_width(1.5);
        ctx.stroke();
    }
}
