//! The map's view to and from the URL: what it shows goes out as a
//! [`MapState`](crate::url_state::MapState), and a view asked for (back, forward) is flown to.

use leptos::prelude::*;

use super::super::state::Ui;
use super::camera::Camera;

/// Publishes what the camera shows as `ui.map_state`, and flies the
/// camera to each new `ui.map_request`.
pub fn connect(camera: Camera, ui: Ui) {
    ui.map_state.set(Some(Memo::new(move |_| camera.state())));
    // The first request is the camera's initial view; later ones fly,
    // each time one is made (a story step asks again for a view the
    // reader has since panned away from).
    Effect::new(move |previous: Option<()>| {
        let request = ui.map_request.get();
        if previous.is_some() {
            if let Some(state) = request {
                camera.show_state(state);
            }
        }
    });
}
