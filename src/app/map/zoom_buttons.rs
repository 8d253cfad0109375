//! The zoom in, zoom out and reset buttons.

use leptos::prelude::*;

use super::super::state::UiLang;
use super::camera::Camera;
use super::input::MapInput;
use crate::geo::gesture::{Input, STEP_ZOOM};
use crate::i18n::{t, Key};

#[component]
pub fn ZoomButtons(input: MapInput, camera: Camera) -> impl IntoView {
    let lang = expect_context::<UiLang>();
    let label = move |key: Key| move || t(lang.get(), key);
    view! {
        <div class="map-controls">
            <button class="map-button" aria-label=label(Key::ZoomIn) title=label(Key::ZoomIn) on:click=move |_| { input.feed(Input::ZoomBy(STEP_ZOOM)); }>"+"</button>
            <button class="map-button" aria-label=label(Key::ZoomOut) title=label(Key::ZoomOut) on:click=move |_| { input.feed(Input::ZoomBy(1.0 / STEP_ZOOM)); }>"−"</button>
            <button class="map-button" aria-label=label(Key::ResetView) title=label(Key::ResetView) on:click=move |_| camera.show_home()>"⟲"</button>
        </div>
    }
}
