//! The timeline panel: each incident at its date on a time axis; a date
//! known only to a period is a bar across that period, never a point.

mod range_controls;

use std::sync::Arc;

use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use web_sys::{KeyboardEvent, PointerEvent, WheelEvent};

use super::behaviours::element_size::use_element_size;
use super::behaviours::frame_paint::request_paint;
use super::canvas::{prepare, trace_symbol, with_alpha};
use super::map::primary_pattern;
use super::state::{Atlas, Ui, UiLang};
use super::test_hooks;
use crate::i18n::{number, t, tick_label, Key};
use crate::symbols::radius_for_killed;
use crate::text::Lang;
use crate::time::brush::BrushDrag;
use crate::time::histogram::{Dated, Histogram};
use crate::time::lanes::assign_lanes;
use crate::time::{TimeScale, DAY};

const AXIS_HEIGHT: f64 = 26.0;
const TOP: f64 = 10.0;
const SIDE: f64 = 18.0;
const LANE: f64 = 20.0;
const MARK_R: f64 = 5.0;
/// Above this many incidents in view, the timeline is a histogram.
const DENSE_FROM: usize = 300;
/// Up to this many incidents, the other views follow a brush as it moves.
const LIVE_BRUSH_MAX: usize = 20_000;
/// The width a histogram bin aims for, in px.
const BIN_PX: f64 = 7.0;

/// A press on the timeline and what it is doing.
#[derive(Clone, Copy, Debug)]
struct TimelineGesture {
    start: (f64, f64),
    moved: bool,
    kind: GestureKind,
}

#[derive(Clone, Copy, Debug)]
enum GestureKind {
    Pan {
        last: f64,
    },
    Brush(BrushDrag),
    /// Two fingers: their distance zooms, their midpoint pans.
    Pinch {
        distance: f64,
        mid: f64,
    },
}

/// A mark as last painted, for hit-testing and the test hook.
#[derive(Clone, Copy, Debug)]
struct Mark {
    incident: u32,
    x0: f64,
    x1: f64,
    y: f64,
    r: f64,
}

impl Mark {
    fn contains(&self, x: f64, y: f64, slop: f64) -> bool {
        x >= self.x0 - self.r - slop
            && x <= self.x1 + self.r + slop
            && (y - self.y).abs() <= self.r + slop
    }
}

/// The pixel range the time axis spans: right to left in Arabic (see
/// docs/architecture.md, "Time runs with the reading direction").
fn axis_range(width: f64, lang: Lang) -> (f64, f64) {
    match lang {
        Lang::En => (SIDE, width - SIDE),
        Lang::Ar => (width - SIDE, SIDE),
    }
}

#[component]
pub fn TimelinePanel() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let ui = expect_context::<Ui>();
    let lang = expect_context::<UiLang>();
    let frame = NodeRef::<Div>::new();
    let canvas = NodeRef::<Canvas>::new();
    let size = use_element_size(frame);
    let extent = atlas.dataset.time_extent().unwrap_or((0, DAY));
    let home = TimeScale::fitting(extent.0, extent.1, 0.04, (0.0, 1.0)).domain();
    let domain = RwSignal::new(ui.timeline_request.get_untracked().unwrap_or(home));
    // Asked from outside (the URL, back and forward), and told back.
    Effect::new(move |previous: Option<Option<(f64, f64)>>| {
        let request = ui.timeline_request.get();
        if previous.is_some() && request != previous.flatten() {
            domain.set(request.unwrap_or(home));
        }
        request
    });
    Effect::new(move |_| {
        let d = domain.get();
        let published = (d != home).then_some(d);
        if ui.timeline_domain.get_untracked() != published {
            ui.timeline_domain.set(published);
        }
    });
    let scale = move || -> Option<TimeScale> {
        let s = size.get_untracked()?;
        Some(TimeScale::new(
            domain.get_untracked(),
            axis_range(s.width, lang.get_untracked_lang()),
        ))
    };
    let marks = StoredValue::new(Vec::<Mark>::new());
    let bins = StoredValue::new(None::<Arc<Histogram>>);
    type HistogramKey = (u64, u64, u64, u64, Lang);
    let histogram_cache = StoredValue::new(None::<(HistogramKey, Arc<Histogram>, usize)>);
    // While a brush is dragged over a large dataset, only the brush moves;
    // the other views follow when it is let go (below LIVE_BRUSH_MAX
    // incidents they follow live).
    let brush_preview = RwSignal::new(None::<(i64, i64)>);
    let live_brush = atlas.dataset.incidents.len() <= LIVE_BRUSH_MAX;
    let drawn = RwSignal::new(0usize);
    let pending = StoredValue::new(false);

    let atlas_for_draw = atlas.clone();
    let paint = move || {
        let (Some(s), Some(c), Some(sc)) = (size.get_untracked(), canvas.get_untracked(), scale())
        else {
            return;
        };
        let Some(ctx) = prepare(&c, s) else {
            return;
        };
        let l = lang.get_untracked_lang();
        let dataset = &atlas_for_draw.dataset;
        let shown = ui.context.get_untracked();
        let filter = ui.filter.get_untracked();
        let (selected, hovered) = (ui.selected.get_untracked(), ui.hovered.get_untracked());
        let axis_y = s.height - AXIS_HEIGHT;
        let started = window().performance().map_or(0.0, |p| p.now());

        // Axis: faint gridlines and labels.
        let ticks = sc.ticks(((s.width / 90.0).floor() as usize).max(2));
        ctx.set_font("11px system-ui, \"Segoe UI\", \"Noto Sans Arabic\", Tahoma, sans-serif");
        ctx.set_text_align("center");
        ctx.set_text_baseline("top");
        for tick in &ticks {
            let x = sc.map(tick.t as f64);
            ctx.set_stroke_style_str(if tick.starts_larger_unit {
                "#cfc8bb"
            } else {
                "#e6e1d8"
            });
            ctx.set_line_width(1.0);
            ctx.begin_path();
            ctx.move_to(x.round() + 0.5, TOP - 4.0);
            ctx.line_to(x.round() + 0.5, axis_y + 4.0);
            ctx.stroke();
            ctx.set_fill_style_str(if tick.starts_larger_unit {
                "#2b2722"
            } else {
                "#6b6457"
            });
            let label = tick_label(l, tick.t, tick.unit, tick.starts_larger_unit);
            let _ = ctx.fill_text(&label, x, axis_y + 8.0);
        }
        ctx.set_stroke_style_str("#8a8173");
        ctx.begin_path();
        ctx.move_to(0.0, axis_y + 0.5);
        ctx.line_to(s.width, axis_y + 0.5);
        ctx.stroke();

        // Dense data as a histogram; sparse data as individual marks. The
        // histogram is kept while the incidents, the span and the size stay
        // (hovering, brushing and selecting only repaint over it).
        let (d0, d1) = sc.domain();
        let key = (
            shown.generation,
            d0.to_bits(),
            d1.to_bits(),
            s.width.to_bits(),
            l,
        );
        let cached = histogram_cache.with_value(|c| {
            c.as_ref()
                .filter(|(k, _, _)| *k == key)
                .map(|(_, h, n)| (h.clone(), *n))
        });
        let (histogram, in_view) = match cached {
            Some((h, n)) => (Some(h), (Vec::new(), n)),
            None => {
                let in_view: Vec<u32> = shown
                    .ids
                    .iter()
                    .copied()
                    .filter(|&i| {
                        let w = &dataset.incidents[i as usize].when;
                        (w.end as f64) >= d0 && (w.start as f64) <= d1
                    })
                    .collect();
                let n = in_view.len();
                if n > DENSE_FROM {
                    let edges = sc.bin_edges(BIN_PX);
                    let items = in_view.iter().filter_map(|&i| {
                        let inc = &dataset.incidents[i as usize];
                        primary_pattern(inc, &filter).map(|pattern| Dated {
                            start: inc.when.start,
                            end: inc.when.end,
                            exact: inc.when.is_exact(),
                            pattern,
                        })
                    });
                    let h = Arc::new(Histogram::build(items, dataset.patterns.len(), edges));
                    histogram_cache.set_value(Some((key, h.clone(), n)));
                    (Some(h), (Vec::new(), n))
                } else {
                    (None, (in_view, n))
                }
            }
        };
        let (in_view, in_view_count) = in_view;
        if let Some(h) = histogram {
            paint_histogram(&ctx, dataset, &h, &sc, axis_y, l);
            paint_brush(
                &ctx,
                &sc,
                brush_preview.get_untracked().or(ui.time_untracked()),
                s,
                axis_y,
            );
            drawn.set(in_view_count);
            marks.set_value(Vec::new());
            bins.set_value(Some(h));
            test_hooks::record_paint(
                "timeline",
                window().performance().map_or(0.0, |p| p.now()) - started,
            );
            return;
        }
        bins.set_value(None);

        // Marks: pixel intervals, then lanes so none hides another.
        let mut items: Vec<(u32, f64, f64, f64, bool)> = Vec::with_capacity(in_view.len());
        for &i in &in_view {
            let inc = &dataset.incidents[i as usize];
            let r = radius_for_killed(inc.highest_killed(), MARK_R).min(LANE / 2.0 - 1.0);
            let (a, b) = (sc.map(inc.when.start as f64), sc.map(inc.when.end as f64));
            let exact = inc.when.is_exact();
            let (x0, x1) = if exact {
                let m = sc.map(inc.when.midpoint() as f64);
                (m, m)
            } else {
                (a.min(b), a.max(b).max(a.min(b) + 4.0))
            };
            if x1 + r < 0.0 || x0 - r > s.width {
                continue;
            }
            items.push((i, x0, x1, r, exact));
        }
        let intervals: Vec<(f64, f64)> = items.iter().map(|m| (m.1 - m.3, m.2 + m.3)).collect();
        let lanes = assign_lanes(&intervals, 3.0);
        let lane_count = lanes.iter().max().map_or(1, |m| m + 1) as f64;
        let lane_h = ((axis_y - TOP - 6.0) / lane_count).min(LANE);
        let mut painted = Vec::with_capacity(items.len());
        let mut emphasised = Vec::new();
        for ((i, x0, x1, r, exact), lane) in items.into_iter().zip(lanes) {
            let y = axis_y - 6.0 - lane_h * (lane as f64 + 0.5);
            let r = r.min(lane_h / 2.0).max(2.5);
            let mark = Mark {
                incident: i,
                x0,
                x1,
                y,
                r,
            };
            painted.push(mark);
            if Some(i) == selected || Some(i) == hovered {
                emphasised.push((mark, exact));
            } else {
                paint_mark(&ctx, dataset, &filter, mark, exact, false);
            }
        }
        for (mark, exact) in emphasised {
            paint_mark(&ctx, dataset, &filter, mark, exact, true);
        }
        paint_brush(
            &ctx,
            &sc,
            brush_preview.get_untracked().or(ui.time_untracked()),
            s,
            axis_y,
        );
        drawn.set(painted.len());
        marks.set_value(painted);
        test_hooks::record_paint(
            "timeline",
            window().performance().map_or(0.0, |p| p.now()) - started,
        );
    };
    Effect::new(move |_| {
        size.track();
        domain.track();
        ui.context.track();
        ui.filter.track();
        brush_preview.track();
        ui.selected.track();
        ui.hovered.track();
        lang.0.track();
        request_paint(pending, &paint);
    });

    test_hooks::register("timeline", {
        let atlas = atlas.clone();
        move |id| {
            let i = atlas.dataset.incident_index(id)? as u32;
            let c = canvas.get_untracked()?;
            let m = marks.with_value(|ms| ms.iter().find(|m| m.incident == i).copied())?;
            let rect = c.get_bounding_client_rect();
            Some((rect.left() + (m.x0 + m.x1) / 2.0, rect.top() + m.y))
        }
    });

    let local = move |e: &web_sys::MouseEvent| -> (f64, f64) {
        canvas.get_untracked().map_or((0.0, 0.0), |c| {
            let r = c.get_bounding_client_rect();
            (
                f64::from(e.client_x()) - r.left(),
                f64::from(e.client_y()) - r.top(),
            )
        })
    };
    let hit = move |(x, y): (f64, f64)| -> Option<u32> {
        marks.with_value(|ms| {
            ms.iter()
                .filter(|m| m.contains(x, y, 3.0))
                .min_by(|a, b| {
                    let da = (x - (a.x0 + a.x1) / 2.0).abs() + (y - a.y).abs();
                    let db = (x - (b.x0 + b.x1) / 2.0).abs() + (y - b.y).abs();
                    da.total_cmp(&db)
                })
                .map(|m| m.incident)
        })
    };

    // Zoom and pan of time; the domain is clamped to a sensible span.
    let min_span = 6.0 * 3600.0;
    let max_span = (home.1 - home.0) * 4.0;
    let zoom_at = move |factor: f64, x: f64| {
        let Some(sc) = scale() else {
            return;
        };
        let anchor = sc.invert(x);
        let (d0, d1) = domain.get_untracked();
        let span = ((d1 - d0) / factor).clamp(min_span, max_span);
        let ratio = (anchor - d0) / (d1 - d0);
        domain.set((anchor - ratio * span, anchor + (1.0 - ratio) * span));
    };
    let pan_px = move |dx: f64| {
        let Some(sc) = scale() else {
            return;
        };
        let dt = sc.invert(0.0) - sc.invert(dx);
        domain.update(|(a, b)| {
            *a += dt;
            *b += dt;
        });
    };
    let bin_at = move |x: f64| -> Option<(i64, i64)> {
        let sc = scale()?;
        let t = sc.invert(x);
        bins.with_value(|h| {
            let h = h.as_ref()?;
            let i = h.edges.partition_point(|&e| e as f64 <= t).checked_sub(1)?;
            (i < h.bins()).then(|| (h.edges[i], h.edges[i + 1]))
        })
    };
    // A press in the axis band pans; in the plot it brushes (or, without
    // moving, picks a mark or zooms into a histogram bin).
    let brush_px = move || -> Option<(f64, f64)> {
        let sc = scale()?;
        let (a, b) = brush_preview.get_untracked().or(ui.time_untracked())?;
        Some((sc.map(a as f64), sc.map(b as f64)))
    };
    let gesture = StoredValue::new(None::<TimelineGesture>);
    let touches = StoredValue::new(std::collections::HashMap::<i32, f64>::new());
    let pinch_of = move || -> Option<(f64, f64)> {
        touches.with_value(|t| {
            let mut xs = t.values().copied();
            let (a, b) = (xs.next()?, xs.next()?);
            Some(((a - b).abs().max(1.0), (a + b) / 2.0))
        })
    };
    let on_pointerdown = move |e: PointerEvent| {
        let (x, y) = local(&e);
        if let Some(c) = canvas.get_untracked() {
            let _ = c.set_pointer_capture(e.pointer_id());
        }
        touches.update_value(|t| {
            t.insert(e.pointer_id(), x);
        });
        if let Some((distance, mid)) = pinch_of() {
            gesture.set_value(Some(TimelineGesture {
                start: (x, y),
                moved: true,
                kind: GestureKind::Pinch { distance, mid },
            }));
            return;
        }
        let axis_y = size.get_untracked().map_or(0.0, |s| s.height - AXIS_HEIGHT);
        let kind = if y >= axis_y {
            GestureKind::Pan { last: x }
        } else {
            GestureKind::Brush(BrushDrag::begin(x, brush_px()))
        };
        gesture.set_value(Some(TimelineGesture {
            start: (x, y),
            moved: false,
            kind,
        }));
    };
    let on_pointermove = move |e: PointerEvent| {
        let (x, y) = local(&e);
        touches.update_value(|t| {
            if let Some(v) = t.get_mut(&e.pointer_id()) {
                *v = x;
            }
        });
        if let Some(TimelineGesture {
            kind: GestureKind::Pinch { distance, mid },
            ..
        }) = gesture.get_value()
        {
            if let Some((d, m)) = pinch_of() {
                zoom_at(d / distance, mid);
                pan_px(m - mid);
                gesture.set_value(Some(TimelineGesture {
                    start: (x, y),
                    moved: true,
                    kind: GestureKind::Pinch {
                        distance: d,
                        mid: m,
                    },
                }));
            }
            return;
        }
        let Some(mut g) = gesture.get_value() else {
            let h = hit((x, y));
            if ui.hovered.get_untracked() != h {
                ui.hovered.set(h);
            }
            return;
        };
        if !g.moved && (x - g.start.0).abs() <= 4.0 {
            return;
        }
        g.moved = true;
        match &mut g.kind {
            GestureKind::Pan { last } => {
                pan_px(x - *last);
                *last = x;
            }
            GestureKind::Pinch { .. } => {}
            GestureKind::Brush(drag) => {
                if let (Some(sc), Some(s)) = (scale(), size.get_untracked()) {
                    let (lo, hi) = drag.extent(x, 0.0, s.width);
                    let (t0, t1) = (sc.invert(lo), sc.invert(hi));
                    let range = (t0.min(t1).round() as i64, t0.max(t1).round() as i64);
                    if range.1 > range.0 {
                        if live_brush {
                            ui.set_time(Some(range));
                        } else {
                            brush_preview.set(Some(range));
                        }
                    }
                }
            }
        }
        gesture.set_value(Some(g));
    };
    let on_pointerup = move |e: PointerEvent| {
        let at = local(&e);
        touches.update_value(|t| {
            t.remove(&e.pointer_id());
        });
        if matches!(
            gesture.get_value(),
            Some(TimelineGesture {
                kind: GestureKind::Pinch { .. },
                ..
            })
        ) {
            // The pinch ends with the first finger lifted.
            gesture.set_value(None);
            return;
        }
        if let Some(g) = gesture.get_value() {
            if !g.moved {
                match bin_at(at.0) {
                    // In the histogram, a click zooms in around its bin.
                    Some((a, b))
                        if at.1 < size.get_untracked().map_or(0.0, |s| s.height - AXIS_HEIGHT) =>
                    {
                        let mid = (a + b) as f64 / 2.0;
                        let (d0, d1) = domain.get_untracked();
                        let span = ((d1 - d0) / 4.0).max((b - a) as f64 * 2.0).max(min_span);
                        domain.set((mid - span / 2.0, mid + span / 2.0));
                    }
                    _ => ui.selected.set(hit(at)),
                }
            }
        }
        if let Some(range) = brush_preview.get_untracked() {
            brush_preview.set(None);
            ui.set_time(Some(range));
        }
        gesture.set_value(None);
    };
    let on_wheel = move |e: WheelEvent| {
        e.prevent_default();
        let (x, _) = local(&e);
        // A sideways scroll pans; a vertical one zooms.
        if e.delta_x().abs() > e.delta_y().abs() {
            pan_px(-e.delta_x());
        } else {
            zoom_at((-e.delta_y() * 0.002).exp().clamp(0.25, 4.0), x);
        }
    };
    let on_keydown = move |e: KeyboardEvent| {
        let width = size.get_untracked().map_or(600.0, |s| s.width);
        // Arrow keys move through time in the axis' direction.
        let dir = if lang.get_untracked_lang() == Lang::Ar {
            -1.0
        } else {
            1.0
        };
        let handled = match e.key().as_str() {
            "ArrowLeft" => {
                pan_px(dir * width / 8.0);
                true
            }
            "ArrowRight" => {
                pan_px(-dir * width / 8.0);
                true
            }
            "+" | "=" => {
                zoom_at(1.5, width / 2.0);
                true
            }
            "-" | "_" => {
                zoom_at(1.0 / 1.5, width / 2.0);
                true
            }
            "0" | "Home" => {
                domain.set(home);
                true
            }
            _ => false,
        };
        if handled {
            e.prevent_default();
        }
    };

    view! {
        <section class="panel timeline-panel" aria-labelledby="timeline-heading">
            <div class="panel-heading">
                <h2 id="timeline-heading">{move || t(lang.get(), Key::Timeline)}</h2>
                <div class="timeline-controls">
                    <button class="map-button" aria-label="+" on:click=move |_| zoom_at(1.5, size.get_untracked().map_or(300.0, |s| s.width / 2.0))>"+"</button>
                    <button class="map-button" aria-label="−" on:click=move |_| zoom_at(1.0 / 1.5, size.get_untracked().map_or(300.0, |s| s.width / 2.0))>"−"</button>
                    <button class="map-button" aria-label="⟲" on:click=move |_| domain.set(home)>"⟲"</button>
                </div>
            </div>
            <div class="timeline-frame" node_ref=frame>
                <canvas
                    node_ref=canvas
                    class="timeline-canvas"
                    tabindex="0"
                    role="img"
                    aria-label=move || format!("{}. {}", t(lang.get(), Key::TimelineLabel), t(lang.get(), Key::TimelineKeys))
                    data-drawn=move || drawn.get()
                    on:pointerdown=on_pointerdown
                    on:pointermove=on_pointermove
                    on:pointerup=on_pointerup
                    on:pointercancel=move |e: PointerEvent| {
                        touches.update_value(|t| {
                            t.remove(&e.pointer_id());
                        });
                        gesture.set_value(None);
                    }
                    on:pointerleave=move |_| ui.hovered.set(None)
                    on:wheel=on_wheel
                    on:keydown=on_keydown
                ></canvas>
            </div>
            <range_controls::RangeControls/>
        </section>
    }
}

/// The brush: everything outside the selected range is veiled, and the
/// range's edges carry handles.
fn paint_brush(
    ctx: &web_sys::CanvasRenderingContext2d,
    sc: &TimeScale,
    range: Option<(i64, i64)>,
    s: crate::geo::Size,
    axis_y: f64,
) {
    let Some((a, b)) = range else {
        return;
    };
    let (x0, x1) = (sc.map(a as f64), sc.map(b as f64));
    let (lo, hi) = (x0.min(x1).max(0.0), x0.max(x1).min(s.width));
    ctx.set_fill_style_str("rgba(246,243,237,0.72)");
    ctx.fill_rect(0.0, 0.0, lo, axis_y);
    ctx.fill_rect(hi, 0.0, s.width - hi, axis_y);
    ctx.set_fill_style_str("rgba(18,89,195,0.07)");
    ctx.fill_rect(lo, 0.0, hi - lo, axis_y);
    ctx.set_stroke_style_str("#1259c3");
    ctx.set_line_width(1.5);
    for x in [lo, hi] {
        ctx.begin_path();
        ctx.move_to(x, 2.0);
        ctx.line_to(x, axis_y);
        ctx.stroke();
        ctx.set_fill_style_str("#1259c3");
        ctx.fill_rect(x - 3.0, axis_y / 2.0 - 10.0, 6.0, 20.0);
    }
}

/// The histogram: exact-dated incidents as solid stacks by pattern, with
/// the shares of period-dated ones stacked above them, faded.
fn paint_histogram(
    ctx: &web_sys::CanvasRenderingContext2d,
    dataset: &crate::dataset::Dataset,
    h: &Histogram,
    sc: &TimeScale,
    axis_y: f64,
    lang: Lang,
) {
    let max = f64::from(h.max_total()).max(1.0);
    let height = axis_y - TOP - 14.0;
    let k = height / max;
    for i in 0..h.bins() {
        let (a, b) = (sc.map(h.edges[i] as f64), sc.map(h.edges[i + 1] as f64));
        let (x, w) = (a.min(b) + 0.5, ((a - b).abs() - 1.0).max(1.0));
        let mut y = axis_y;
        for (layer, alpha) in [(&h.exact, 1.0), (&h.spread, 0.35)] {
            for (p, counts) in layer.iter().enumerate() {
                let v = f64::from(counts[i]);
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
    ctx.set_stroke_style_str("#d8d1c4");
    ctx.set_line_width(1.0);
    ctx.begin_path();
    ctx.move_to(0.0, axis_y - height + 0.5);
    ctx.line_to(sc.range().0.max(sc.range().1) + SIDE, axis_y - height + 0.5);
    ctx.stroke();
    ctx.set_fill_style_str("#6b6457");
    ctx.set_text_baseline("bottom");
    ctx.set_text_align("start");
    let _ = ctx.fill_text(
        &number(lang, max.round() as u64),
        4.0,
        axis_y - height - 1.0,
    );
}

fn paint_mark(
    ctx: &web_sys::CanvasRenderingContext2d,
    dataset: &crate::dataset::Dataset,
    filter: &crate::filter::Filter,
    m: Mark,
    exact: bool,
    emphasised: bool,
) {
    let inc = &dataset.incidents[m.incident as usize];
    let Some(pattern) = primary_pattern(inc, filter).and_then(|p| dataset.patterns.get(p)) else {
        return;
    };
    let cx = (m.x0 + m.x1) / 2.0;
    if emphasised {
        ctx.set_fill_style_str("rgba(27,27,27,0.08)");
        ctx.fill_rect(
            m.x0 - m.r - 4.0,
            m.y - m.r - 4.0,
            m.x1 - m.x0 + 2.0 * m.r + 8.0,
            2.0 * m.r + 8.0,
        );
    }
    if exact {
        trace_symbol(ctx, pattern.shape, cx, m.y, m.r);
        ctx.set_fill_style_str(&pattern.color);
        ctx.fill();
        ctx.set_stroke_style_str("#1b1b1b");
        ctx.set_line_width(if emphasised { 2.0 } else { 1.0 });
        ctx.stroke();
    } else {
        // A bar over the whole period, faded and outlined: "somewhere in here".
        let h = (m.r * 1.2).max(4.0);
        ctx.begin_path();
        let _ = ctx.round_rect_with_f64(m.x0, m.y - h / 2.0, m.x1 - m.x0, h, h / 2.0);
        ctx.set_fill_style_str(&with_alpha(&pattern.color, 0.25));
        ctx.fill();
        ctx.set_stroke_style_str(&pattern.color);
        ctx.set_line_width(if emphasised { 2.5 } else { 1.2 });
        ctx.stroke();
        trace_symbol(ctx, pattern.shape, cx, m.y, (m.r * 0.7).max(2.5));
        ctx.set_fill_style_str("#ffffff");
        ctx.fill();
        ctx.set_stroke_style_str(&pattern.color);
        ctx.set_line_width(1.5);
        ctx.stroke();
    }
}

/// Reading the language without tracking, inside paint callbacks.
trait UntrackedLang {
    fn get_untracked_lang(&self) -> Lang;
}

impl UntrackedLang for super::state::UiLang {
    fn get_untracked_lang(&self) -> Lang {
        self.0.get_untracked()
    }
}
