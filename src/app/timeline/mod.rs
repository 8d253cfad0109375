//! The timeline panel: each incident at its date on a time axis; a date
//! known only to a period is a bar across that period, never a point.
//!
//! The panel connects signals to natively tested logic: `time::gesture`
//! turns events into spans and brushes, `layout` (over `time::marks`)
//! decides what is drawn where, `paint` draws it once per frame.

mod layout;
mod paint;
mod range_controls;

use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use web_sys::{KeyboardEvent, MouseEvent, PointerEvent, WheelEvent};

use super::behaviours::element_size::use_element_size;
use super::state::{Atlas, Ui, UiLang};
use super::test_hooks;
use crate::i18n::{t, Key};
use crate::time::gesture::{self, Domain, Frame, Gestures, Outcome, ZoomLimits, KEY_ZOOM};
use crate::time::marks;
use crate::time::{TimeScale, DAY};
use layout::{axis_range, Layout};

/// Up to this many incidents, the other views follow a brush as it moves;
/// above, only the brush moves until it is let go.
const LIVE_BRUSH_MAX: usize = 20_000;

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
    let limits = ZoomLimits::around(home);
    let live_brush = atlas.dataset.incidents.len() <= LIVE_BRUSH_MAX;

    // The visible span lives in `ui.timeline_domain` (None: the whole data),
    // where the URL reads it; gestures write it through `show`.
    let show = move |d: Domain| {
        let next = (d != home).then_some(d);
        if ui.timeline_domain.get_untracked() != next {
            ui.timeline_domain.set(next);
        }
    };
    // A span asked for from outside (the URL, back and forward).
    Effect::watch(
        move || ui.timeline_request.get(),
        move |request, _, _| show(request.unwrap_or(home)),
        true,
    );
    let domain = Memo::new(move |_| ui.timeline_domain.get().unwrap_or(home));
    let scale = Memo::new(move |_| {
        let s = size.get()?;
        Some(TimeScale::new(
            domain.get(),
            axis_range(s.width, lang.get()),
        ))
    });
    // Only the patterns' state changes which pattern an incident is
    // counted under: brushing (the time filter) does not lay out again.
    let patterns = Memo::new(move |_| ui.filter.with(|f| f.patterns.clone()));
    let layout = Memo::new({
        let dataset = atlas.dataset.clone();
        move |_| {
            patterns.track();
            let (sc, s) = (scale.get()?, size.get()?);
            let context = ui.context.get();
            Some(
                ui.filter
                    .with_untracked(|f| layout::lay_out(&dataset, &context, f, sc, s)),
            )
        }
    });
    let drawn = Memo::new(move |_| layout.with(|l| l.as_ref().map_or(0, Layout::count)));
    // Over a large dataset a dragged brush is previewed here until let go.
    let brush_preview = RwSignal::new(None::<(i64, i64)>);
    let brush = Memo::new(move |_| brush_preview.get().or_else(|| ui.time()));

    let emphasised = paint::paint_each_frame(paint::Inputs {
        dataset: atlas.dataset.clone(),
        canvas,
        layout,
        patterns,
        brush,
        ui,
        lang,
        scheme: expect_context::<super::embed::PageScheme>().0,
    });

    register_test_hooks(&atlas, canvas, layout, emphasised);

    let gestures = StoredValue::new(Gestures::new());
    let gesture_frame = move || -> Option<Frame> {
        layout.with_untracked(|l| {
            l.as_ref().map(|l| Frame {
                scale: l.scale,
                width: l.size.width,
                axis_y: l.axis_y,
            })
        })
    };
    let local = move |e: &MouseEvent| -> (f64, f64) {
        canvas.get_untracked().map_or((0.0, 0.0), |c| {
            let r = c.get_bounding_client_rect();
            (
                f64::from(e.client_x()) - r.left(),
                f64::from(e.client_y()) - r.top(),
            )
        })
    };
    let hit = move |x: f64, y: f64| {
        layout.with_untracked(|l| l.as_ref().and_then(|l| marks::hit(l.marks(), x, y)))
    };
    // A click in a histogram zooms into its bin; on marks it selects.
    let click = move |x: f64, y: f64| {
        let bin = layout.with_untracked(|l| {
            let l = l.as_ref().filter(|l| y < l.axis_y)?;
            let bin = marks::bin_at(l.histogram()?, l.scale.invert(x))?;
            Some(gesture::zoom_into(&l.scale, bin, limits))
        });
        match bin {
            Some(d) => show(d),
            None => ui.selected.set(hit(x, y)),
        }
    };
    let apply = move |outcome: Outcome| match outcome {
        Outcome::Nothing | Outcome::Released => {}
        Outcome::Hover { x, y } => {
            let h = hit(x, y);
            if ui.hovered.get_untracked() != h {
                ui.hovered.set(h);
            }
        }
        Outcome::Show(d) => show(d),
        Outcome::Brush(range) if live_brush => ui.set_time(Some(range)),
        Outcome::Brush(range) => brush_preview.set(Some(range)),
        Outcome::Click { x, y } => click(x, y),
    };
    let on_pointerdown = move |e: PointerEvent| {
        let Some(f) = gesture_frame() else {
            return;
        };
        if let Some(c) = canvas.get_untracked() {
            let _ = c.set_pointer_capture(e.pointer_id());
        }
        let at = local(&e);
        let current = brush.get_untracked();
        gestures.update_value(|g| g.down(e.pointer_id(), at, &f, current));
    };
    let on_pointermove = move |e: PointerEvent| {
        let Some(f) = gesture_frame() else {
            return;
        };
        let at = local(&e);
        let mut outcome = Outcome::Nothing;
        gestures.update_value(|g| outcome = g.moved(e.pointer_id(), at, &f, limits));
        apply(outcome);
    };
    let on_pointerup = move |e: PointerEvent| {
        let at = local(&e);
        let mut outcome = Outcome::Nothing;
        gestures.update_value(|g| outcome = g.up(e.pointer_id(), at));
        apply(outcome);
        if let Some(range) = brush_preview.get_untracked() {
            brush_preview.set(None);
            ui.set_time(Some(range));
        }
    };
    let on_wheel = move |e: WheelEvent| {
        e.prevent_default();
        if let Some(sc) = scale.get_untracked() {
            let (x, _) = local(&e);
            show(gesture::wheel(&sc, (e.delta_x(), e.delta_y()), x, limits));
        }
    };
    let on_keydown = move |e: KeyboardEvent| {
        let Some(sc) = scale.get_untracked() else {
            return;
        };
        if let Some(d) = gesture::key(&e.key(), &sc, home, limits) {
            e.prevent_default();
            show(d);
        }
    };
    let zoom_button = move |factor: f64| {
        if let Some(sc) = scale.get_untracked() {
            show(gesture::zoom_centre(&sc, factor, limits));
        }
    };
    let label = move |key: Key| move || t(lang.get(), key);

    view! {
        <section class="panel timeline-panel" aria-labelledby="timeline-heading">
            <div class="panel-heading">
                <h2 id="timeline-heading">{label(Key::Timeline)}</h2>
                <div class="timeline-controls">
                    <button class="map-button" aria-label=label(Key::TimelineZoomIn) title=label(Key::TimelineZoomIn) on:click=move |_| zoom_button(KEY_ZOOM)>"+"</button>
                    <button class="map-button" aria-label=label(Key::TimelineZoomOut) title=label(Key::TimelineZoomOut) on:click=move |_| zoom_button(1.0 / KEY_ZOOM)>"−"</button>
                    <button class="map-button" aria-label=label(Key::TimelineReset) title=label(Key::TimelineReset) on:click=move |_| show(home)>"⟲"</button>
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
                    on:pointercancel=move |e: PointerEvent| gestures.update_value(|g| g.cancel(e.pointer_id()))
                    on:pointerleave=move |_| ui.hovered.set(None)
                    on:wheel=on_wheel
                    on:keydown=on_keydown
                ></canvas>
            </div>
            <range_controls::RangeControls/>
        </section>
    }
}

/// Tests ask where an incident's mark is (`"timeline"`) and where it is
/// drawn emphasised, hovered or selected (`"timeline-emphasis"`; absent
/// when the last paint did not emphasise it).
fn register_test_hooks(
    atlas: &Atlas,
    canvas: NodeRef<Canvas>,
    layout: Memo<Option<Layout>>,
    emphasised: StoredValue<Vec<u32>>,
) {
    let locate = move |dataset: &crate::dataset::Dataset, id: &str, only_emphasised: bool| {
        let i = u32::try_from(dataset.incident_index(id)?).ok()?;
        if only_emphasised && !emphasised.with_value(|e| e.contains(&i)) {
            return None;
        }
        let m = layout.with_untracked(|l| l.as_ref()?.mark_of(i))?;
        let rect = canvas.get_untracked()?.get_bounding_client_rect();
        let (x, y) = m.centre();
        Some((rect.left() + x, rect.top() + y))
    };
    let dataset = atlas.dataset.clone();
    test_hooks::register("timeline", move |id| locate(&dataset, id, false));
    let dataset = atlas.dataset.clone();
    test_hooks::register("timeline-emphasis", move |id| locate(&dataset, id, true));
}
