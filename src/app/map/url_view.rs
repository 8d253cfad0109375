//! The map's view to and from the URL: what it shows goes out as a
//! [`MapState`], and a view asked for (back, forward) is flown to.

use leptos::prelude::*;

use super::super::state::Ui;
use super::camera::Camera;
use crate::dataset::Region;
use crate::url_state::MapState;

/// The region preset `?region=` names: the map's home, where `0` and ⟲
/// return. The one place the map reads the URL itself (the rest comes
/// through `Ui`).
pub fn home_region() -> Option<Region> {
    super::super::state::query_param("region").and_then(|r| Region::parse(&r))
}

/// Keeps `ui.map_state` equal to what the camera shows, and flies the
/// camera to each new `ui.map_request`.
pub fn connect(camera: Camera, ui: Ui) {
    let shown = Memo::new(move |_| camera.state());
    // Ui holds the state as a signal that the URL sync reads; this effect
    // only publishes the memo there.
    Effect::new(move |_| {
        let state = shown.get();
        if ui.map_state.get_untracked() != state {
            ui.map_state.set(state);
        }
    });
    // The first request is the camera's initial view; later ones fly.
    Effect::new(move |previous: Option<Option<MapState>>| {
        let request = ui.map_request.get();
        if previous.is_some() && request != previous.flatten() {
            if let Some(state) = request {
                camera.show_state(state);
            }
        }
        request
    });
}
