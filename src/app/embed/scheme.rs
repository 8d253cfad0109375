//! The colours in use, as `data-scheme` on `<html>` (`light` or `dark`):
//! the theme's, or for `theme=auto` the reader's preference, followed as
//! it changes.

use leptos::prelude::{document, window};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::url_state::Theme;

pub fn apply(theme: Theme) {
    let set = |dark: bool| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-scheme", if dark { "dark" } else { "light" });
        }
    };
    match theme {
        Theme::Light => set(false),
        Theme::Dark => set(true),
        Theme::Auto => {
            let Ok(Some(query)) = window().match_media("(prefers-color-scheme: dark)") else {
                set(false);
                return;
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
}
