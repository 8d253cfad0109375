//! `request_paint`: run a paint on the next animation frame, at most once
//! per frame however many signals change before it.

use leptos::prelude::*;

/// Schedules `paint` for the next animation frame unless one is already
/// pending (`pending` tracks that, one per canvas).
pub fn request_paint<P: Fn() + Clone + 'static>(pending: StoredValue<bool>, paint: &P) {
    if pending.get_value() {
        return;
    }
    pending.set_value(true);
    let paint = paint.clone();
    request_animation_frame(move || {
        pending.set_value(false);
        paint();
    });
}
