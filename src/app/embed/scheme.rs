//! The colours in use, as `data-scheme` on `<html>` (`light` or `dark`)
//! for the stylesheets and as a signal for the canvases' palettes
//! ([`crate::palette`]): the theme's, or for `theme=auto` the reader's
//! preference, followed as it changes.

use leptos::prelude::{document, window, RwSignal, Set};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::palette::Scheme;
use crate::url_state::Theme;

/// The page's resolved colour scheme, in context: the map and the timeline
/// repaint with its palette when it changes.
#[derive(Clone, Copy)]
pub struct PageScheme(pub RwSignal<Scheme>);

pub fn apply(theme: Theme) -> PageScheme {
    let signal = RwSignal::new(Scheme::Light);
    let set = move |dark: bool| {
        let scheme = if dark { Scheme::Dark } else { Scheme::Light };
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-scheme", scheme.id());
        }
        signal.set(scheme);
    };
    match theme {
        Theme::Light => set(false),
        Theme::Dark => set(true),
        Theme::Auto => {
            let Ok(Some(query)) = window().match_media("(prefers-color-scheme: dark)") else {
                set(false);
                return PageScheme(signal);
            };
            set(query.matches());
            let on_change = Closure::<dyn FnMut(web_sys::MediaQueryListEvent)>::new(
                move |e: web_sys::MediaQueryListEvent| set(e.matches()),
            );
            let _ = query
                .add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
            // The listener lives as long as the page.
            on_change.forget();
        }
    }
    PageScheme(signal)
}
