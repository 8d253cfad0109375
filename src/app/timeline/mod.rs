//! The timeline panel: each incident at its date on a time axis; a date
//! known only to a period is a bar across that period, never a point.
//!
//! The panel connects signals to natively tested logic: `time::gesture`
//! turns events into spans and brushes (`input` feeds it the canvas's
//! events), `layout` (over `time::marks`) decides what is drawn where,
//! `paint` draws it once per frame.

mod input;
mod layout;
mod paint;
mod picture;
mod range_controls;

use leptos::html::{Canvas, Div};
use leptos::prelude::*;

use super::behaviours::element_size::use_element_size;
use super::state::{Atlas, Ui, UiLang};
use super::test_hooks;
use crate::i18n::{t, Key};
use crate::time::gesture::KEY_ZOOM;
use crate::time::{TimeScale, DAY};
use input::{Span, TimelineInput};
use layout::{axis_range, Layout};

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
    let span = Span::new(home, ui);
    // A span asked for from outside (the URL, back and forward).
    Effect::watch(
        move || ui.timeline_request.get(),
        move |request, _, _| span.show(request.unwrap_or(home)),
        true,
    );
    let scale = Memo::new(move |_| {
        let s = size.get()?;
        Some(TimeScale::new(
            span.domain(),
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
    let input = TimelineInput::new(
        canvas,
        layout,
        scale,
        span,
        atlas.dataset.incidents.len(),
        ui,
    );

    let emphasised = paint::paint_each_frame(paint::Inputs {
        dataset: atlas.dataset.clone(),
        canvas,
        layout,
        patterns,
        brush: input.brush(),
        ui,
        lang,
    });

    register_test_hooks(&atlas, canvas, layout, emphasised);
    picture::register(atlas.dataset.clone(), layout, input.brush(), ui, lang);
    let label = move |key: Key| move || t(lang.get(), key);

    view! {
        <section class="panel timeline-panel" aria-labelledby="timeline-heading">
            <div class="panel-heading">
                <h2 id="timeline-heading">{label(Key::Timeline)}</h2>
                <div class="timeline-controls">
                    <button class="map-button" aria-label=label(Key::TimelineZoomIn) title=label(Key::TimelineZoomIn) on:click=move |_| input.zoom_by(KEY_ZOOM)>"+"</button>
                    <button class="map-button" aria-label=label(Key::TimelineZoomOut) title=label(Key::TimelineZoomOut) on:click=move |_| input.zoom_by(1.0 / KEY_ZOOM)>"−"</button>
                    <button class="map-button" aria-label=label(Key::TimelineReset) title=label(Key::TimelineReset) on:click=move |_| input.reset()>"⟲"</button>
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
                    on:pointerdown=move |e| input.pointer_down(&e)
                    on:pointermove=move |e| input.pointer_move(&e)
                    on:pointerup=move |e| input.pointer_up(&e)
                    on:pointercancel=move |e| input.pointer_cancel(&e)
                    on:pointerleave=move |_| input.pointer_leave()
                    on:wheel=move |e| input.wheel(&e)
                    on:keydown=move |e| input.key(&e)
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
