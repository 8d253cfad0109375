//! Moving the views to a story step, and leaving the story.

use leptos::prelude::*;

use super::super::behaviours::reduced_motion::prefers_reduced_motion;
use super::super::state::{Atlas, Ui};
use super::StoryMode;
use crate::i18n::{number, t, Key, Locale};
use crate::story::motion::SpanMove;
use crate::time::{TimeScale, DAY};
use crate::url_state::MapState;

/// The timeline's whole span, as the timeline computes it (its `home`).
fn timeline_home(atlas: &Atlas) -> (f64, f64) {
    let extent = atlas.dataset.time_extent().unwrap_or((0, DAY));
    TimeScale::fitting(extent.0, extent.1, 0.04, (0.0, 1.0)).domain()
}

/// "Step 2 of 5: title", for the live region and the card.
pub fn step_label(mode: &StoryMode, index: usize, locale: Locale) -> String {
    format!(
        "{} {} {} {}",
        t(locale.lang, Key::StoryStep),
        number(locale, index as u64 + 1),
        t(locale.lang, Key::Of),
        number(locale, mode.story.len() as u64),
    )
}

/// Shows step `index`: the filters and the selection change at once, the
/// map flies and the timeline glides to the step's span (both jump under
/// reduced motion), and the live region announces it.
pub fn show(atlas: &Atlas, ui: Ui, mode: &StoryMode, index: usize) {
    let Some(step) = mode.story.step(index) else {
        return;
    };
    let view = &step.view;
    let filter = view.filter.to_filter(&atlas.dataset);
    if ui.filter.with_untracked(|f| *f != filter) {
        ui.filter.set(filter);
    }
    ui.selected.set(
        view.incident
            .as_deref()
            .and_then(|id| atlas.dataset.incident_index(id))
            .map(|i| i as u32),
    );
    ui.map_request
        .set(Some(view.map.unwrap_or(MapState::Region(ui.home_region))));
    let home = timeline_home(atlas);
    let from = ui.timeline_domain.get_untracked().unwrap_or(home);
    let to = view
        .timeline
        .map_or(home, |r| (r.start as f64, r.end as f64));
    glide(
        ui,
        SpanMove::new(from, to, now_ms(), prefers_reduced_motion()),
    );
    mode.left.set(false);
    if ui.story_step.get_untracked() != Some(index) {
        ui.story_step.set(Some(index));
    }
}

fn now_ms() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

thread_local! {
    /// The glide under way, numbered so that a newer one stops it.
    static GLIDE: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

fn glide(ui: Ui, m: SpanMove) {
    let id = GLIDE.with(|g| {
        g.set(g.get() + 1);
        g.get()
    });
    frame(ui, m, id);
}

fn frame(ui: Ui, m: SpanMove, id: u64) {
    if GLIDE.with(|g| g.get()) != id {
        return;
    }
    let now = now_ms();
    ui.timeline_request.set(Some(m.span_at(now)));
    if !m.landed(now) {
        request_animation_frame(move || frame(ui, m, id));
    }
}

/// Leaves the story: the views stay where the step put them.
pub fn leave(ui: Ui, mode: &StoryMode) {
    if ui.story_step.get_untracked().is_some() {
        ui.story_step.set(None);
    }
    mode.left.set(true);
    let entry = mode.entry;
    request_animation_frame(move || {
        if let Some(b) = entry.get_untracked() {
            let _ = b.focus();
        }
    });
}
