//! The map panel: a canvas with the basemap and the incidents (clustered
//! when zoomed out), pan and zoom by pointer, wheel, touch and keyboard,
//! region presets, a scale bar and a legend.
//!
//! The panel only connects pieces: the [`camera`] (the view, presets,
//! flights), the [`input`] (browser events through the native gesture
//! state machine, `geo::gesture`), the [`clusters`] memo, [`pick`]
//! (hit-testing, hover, click, the spot list's state), [`paint`] (frame
//! scheduling, [`draw`] does the painting), the [`url_view`] link and
//! the overlays, one component per file.

mod camera;
mod clusters;
mod draw;
mod hooks;
mod input;
mod legend;
mod paint;
mod pick;
mod presets;
mod scale_bar;
mod spot_list;
mod tooltip;
mod url_view;
mod zoom_buttons;

use leptos::html::{Canvas, Div};
use leptos::prelude::*;

use super::behaviours::element_size::use_element_size;
use super::state::{Atlas, Ui, UiLang};
use crate::geo::gesture::Outcome;
use crate::i18n::{t, Key};
use camera::Camera;
use clusters::MapClusters;
use input::MapInput;
use pick::MapPicker;

pub use legend::Legend;

#[component]
pub fn MapPanel() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let ui = expect_context::<Ui>();
    let lang = expect_context::<UiLang>();
    let frame = NodeRef::<Div>::new();
    let canvas = NodeRef::<Canvas>::new();
    let size = use_element_size(frame);

    let home = ui.home_region;
    let camera = Camera::new(
        atlas.scene.projection,
        size,
        home,
        ui.home_extent,
        ui.map_request.get_untracked(),
    );
    url_view::connect(camera, ui);
    let clusters = MapClusters::new(&atlas, ui, camera.view);
    let picker = MapPicker::new(atlas.scene.clone(), clusters, camera, size, ui);
    let input = MapInput::new(canvas, size, camera);
    let drawn = paint::paint_on_change(&atlas, canvas, size, camera, clusters, picker);
    hooks::register(&atlas, canvas, size, camera, clusters);

    // What a gesture meant beyond moving the view.
    let respond = move |outcome: Outcome| match outcome {
        Outcome::Click(at) => picker.click(at),
        Outcome::Hover(at) => picker.hover(Some(at)),
        Outcome::Unhover => picker.hover(None),
        Outcome::Home => camera.show_home(),
        Outcome::Dismiss => picker.dismiss(),
        Outcome::View(_) | Outcome::Nothing => {}
    };

    let governorates = atlas.basemap.as_ref().map_or(0, |b| b.governorates.len());
    let occupied = atlas
        .basemap
        .as_ref()
        .map(|b| {
            b.occupied
                .iter()
                .map(|o| o.id.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default();
    let view = camera.view;
    view! {
        <section class="panel map-panel" aria-labelledby="map-heading">
            <h2 id="map-heading" class="visually-hidden">{move || t(lang.get(), Key::Map)}</h2>
            <div class="map-frame" node_ref=frame>
                <canvas
                    node_ref=canvas
                    class="map-canvas"
                    tabindex="0"
                    role="img"
                    aria-label=move || format!("{}. {}", t(lang.get(), Key::MapLabel), t(lang.get(), Key::MapKeys))
                    data-drawn=move || drawn.get()
                    data-governorates=governorates
                    data-occupied=occupied
                    data-scale=move || view.get().map(|v| format!("{:.4}", v.scale)).unwrap_or_default()
                    data-center=move || view.get().map(|v| format!("{:.2},{:.2}", v.center.x, v.center.y)).unwrap_or_default()
                    on:pointerdown=move |e| respond(input.pointer_down(&e))
                    on:pointermove=move |e| respond(input.pointer_move(&e))
                    on:pointerup=move |e| respond(input.pointer_up(&e))
                    on:pointercancel=move |e| respond(input.pointer_cancel(&e))
                    on:pointerleave=move |_| respond(input.pointer_leave())
                    on:wheel=move |e| respond(input.wheel(&e))
                    on:dblclick=move |e| respond(input.double_click(&e))
                    on:keydown=move |e| respond(input.key(&e))
                ></canvas>
                <tooltip::Tooltip size camera clusters picker/>
                <spot_list::SpotList picker/>
                <presets::Presets camera/>
                <zoom_buttons::ZoomButtons input camera/>
                <scale_bar::ScaleBar scale=Signal::derive(move || view.get().map(|v| v.scale))/>
                <p class="map-attribution">{move || t(lang.get(), Key::MapAttribution)}</p>
            </div>
        </section>
    }
}
