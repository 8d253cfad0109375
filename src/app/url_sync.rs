//! Keeps the whole view in the URL: filters, time selection and zoom, map
//! view, selected incident and language. A copied URL opens the same view;
//! back and forward step through meaningful changes (a filter, a selection,
//! the language), while panning, zooming and brushing only replace the
//! current entry, once they settle. Reading and writing the query is
//! [`crate::url_state`]'s; this module only syncs it with the browser.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::state::{Atlas, Ui, UiLang};
use crate::filter::TimeRange;
use crate::url_state::{url_range, ViewState};

/// How long the view must be still before the URL follows it.
const SETTLE: Duration = Duration::from_millis(300);

/// The view as the signals hold it, in URL terms: for the embed code and
/// the link to the full atlas.
#[derive(Clone, Copy)]
pub struct CurrentView(pub Memo<ViewState>);

fn current_query() -> String {
    window()
        .location()
        .search()
        .unwrap_or_default()
        .trim_start_matches('?')
        .to_owned()
}

/// The view the URL asks for now, with its warnings logged (never an
/// error).
pub fn read(atlas: &Atlas) -> ViewState {
    let (state, warnings) = ViewState::from_query(&current_query(), &atlas.dataset);
    for w in warnings {
        web_sys::console::warn_1(&JsValue::from_str(&format!("Incident Atlas: URL: {w}")));
    }
    state
}

/// Applies a state to the app's signals (back and forward).
fn apply(atlas: &Atlas, ui: Ui, lang: UiLang, state: &ViewState) {
    let filter = state.to_filter(&atlas.dataset);
    if ui.filter.with_untracked(|f| *f != filter) {
        ui.filter.set(filter);
    }
    ui.selected.set(
        state
            .selected
            .as_deref()
            .and_then(|id| atlas.dataset.incident_index(id))
            .map(|i| i as u32),
    );
    ui.map_request.set(state.map);
    ui.timeline_request
        .set(state.timeline.map(|r| (r.start as f64, r.end as f64)));
    if let Some(l) = state.page.lang {
        lang.choose(l);
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

/// Keeps the URL in step with the view from now on (`initial` is what the
/// URL asked for, which the signals start from), and provides
/// [`CurrentView`].
pub fn install(atlas: &Atlas, ui: Ui, lang: UiLang, initial: &ViewState) {
    // The page's options (data, embedding, digits) stay as the URL gave
    // them; the language follows the switch.
    let page = initial.page.clone();
    let dataset = atlas.dataset.clone();
    let current = Memo::new(move |_| {
        let mut state = ViewState {
            page: page.clone(),
            ..ViewState::default()
        }
        .with_filter(&ui.filter.get(), &dataset);
        state.page.lang = Some(lang.get());
        state.selected = ui
            .selected
            .get()
            .and_then(|i| dataset.incidents.get(i as usize))
            .map(|inc| inc.id.clone());
        state.map = ui.map_state.get().and_then(|view| view.get());
        state.timeline = ui
            .timeline_domain
            .get()
            .map(|(a, b)| url_range(TimeRange::new(a.round() as i64, b.round() as i64)));
        state
    });
    provide_context(CurrentView(current));

    let applying = StoredValue::new(false);
    let timer = StoredValue::new(0u64);
    // What the last history entry was made for: a change here is a step.
    let stepped = StoredValue::new(step_key(&current.get_untracked()));
    Effect::new(move |_| {
        let state = current.get();
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
    // The listener lives as long as this atlas: an opened file replaces
    // it (and its signals) with another.
    on_cleanup(move || handle.remove());
}
