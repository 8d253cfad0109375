//! Keeps the whole view in the URL: filters, time selection and zoom, map
//! view, selected incident and language. A copied URL opens the same view;
//! back and forward step through meaningful changes (a filter, a selection,
//! the language), while panning, zooming and brushing only replace the
//! current entry, once they settle.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::state::{Atlas, Ui, UiLang};
use crate::url_state::ViewState;

/// How long the view must be still before the URL follows it.
const SETTLE: Duration = Duration::from_millis(300);

fn current_query() -> String {
    window()
        .location()
        .search()
        .unwrap_or_default()
        .trim_start_matches('?')
        .to_owned()
}

/// The state the URL asks for, with warnings logged (never an error).
fn read(atlas: &Atlas) -> ViewState {
    let (state, warnings) = ViewState::from_query(&current_query(), &atlas.dataset);
    for w in warnings {
        web_sys::console::warn_1(&JsValue::from_str(&format!("Incident Atlas: URL: {w}")));
    }
    state
}

/// Applies a state to the app's signals.
fn apply(atlas: &Atlas, ui: Ui, lang: UiLang, state: &ViewState) {
    let filter = state.to_filter(&atlas.dataset);
    if ui.filter.with_untracked(|f| *f != filter) {
        ui.filter.set(filter);
    }
    let selected = state
        .selected
        .as_deref()
        .and_then(|id| atlas.dataset.incident_index(id))
        .map(|i| i as u32);
    if ui.selected.get_untracked() != selected {
        ui.selected.set(selected);
    }
    ui.map_request.set(state.map);
    ui.timeline_request
        .set(state.timeline.map(|r| (r.start as f64, r.end as f64)));
    if let Some(l) = state.page.lang {
        if lang.0.get_untracked() != l {
            lang.0.set(l);
        }
    }
}

/// The part of a view whose change deserves its own history entry: not
/// the map, the timeline's zoom or the brush, which change continuously.
fn step_key(state: &ViewState) -> String {
    let mut s = state.clone();
    s.map = None;
    s.timeline = None;
    s.filter.time = None;
    s.to_query()
}

/// Reads the URL into the app now, and keeps the URL in step from then on.
pub fn install(atlas: &Atlas, ui: Ui, lang: UiLang) {
    let initial = read(atlas);
    crate::i18n::set_western_digits(initial.page.digits == Some(crate::url_state::Digits::Latn));
    apply(atlas, ui, lang, &initial);
    // Presentation choices that only the URL makes, kept as they came.
    let base = ViewState {
        page: initial.page.clone(),
        ..ViewState::default()
    };
    let applying = StoredValue::new(false);
    let timer = StoredValue::new(0u64);
    // What the last history entry was made for: a change here is a step.
    let stepped = StoredValue::new(String::new());

    let dataset = atlas.dataset.clone();
    // The view as the signals hold it now (tracked when called in an effect).
    let view_now = move || {
        let mut state = base.clone().with_filter(&ui.filter.get(), &dataset);
        state.page.lang = Some(lang.get());
        state.selected = ui
            .selected
            .get()
            .and_then(|i| dataset.incidents.get(i as usize))
            .map(|inc| inc.id.clone());
        state.map = ui.map_state.get();
        state.timeline = ui
            .timeline_domain
            .get()
            .map(|(a, b)| crate::filter::TimeRange::new(a.round() as i64, b.round() as i64));
        state
    };
    stepped.set_value(step_key(&untrack(view_now.clone())));
    Effect::new(move |_| {
        let state = view_now();
        if applying.get_value() {
            return;
        }
        let step_key = step_key(&state);
        let query = state.to_query();
        timer.update_value(|t| *t += 1);
        let id = timer.get_value();
        set_timeout(
            move || {
                if timer.get_value() != id || query == current_query() {
                    return;
                }
                let Ok(history) = window().history() else {
                    return;
                };
                let url = if query.is_empty() {
                    window().location().pathname().unwrap_or_default()
                } else {
                    format!("?{query}")
                };
                let new_step = stepped.with_value(|s| *s != step_key);
                let result = if new_step {
                    history.push_state_with_url(&JsValue::NULL, "", Some(&url))
                } else {
                    history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
                };
                if result.is_ok() {
                    stepped.set_value(step_key);
                }
            },
            SETTLE,
        );
    });

    // Back and forward: read the URL again.
    let atlas = atlas.clone();
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        applying.set_value(true);
        let state = read(&atlas);
        stepped.set_value(step_key(&state));
        apply(&atlas, ui, lang, &state);
        applying.set_value(false);
    });
    // The listener lives as long as the page.
    std::mem::forget(handle);
}
