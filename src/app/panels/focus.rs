//! Moving focus without scrolling (a sheet is fixed or already in sight;
//! inside a frame, scrolling would move the host's article).

use leptos::prelude::document;
use wasm_bindgen::{JsCast, JsValue};

/// `element.focus({ preventScroll: true })`.
pub fn focus_quietly(element: &web_sys::HtmlElement) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"preventScroll".into(), &JsValue::TRUE);
    let focus = js_sys::Reflect::get(element, &"focus".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match focus {
        Some(f) => {
            let _ = f.call1(element, &options);
        }
        None => {
            let _ = element.focus();
        }
    }
}

/// The focused element, unless it is the body (nothing in particular).
pub fn active_element() -> Option<web_sys::HtmlElement> {
    let active = document().active_element()?;
    let body = document().body();
    if body.is_some_and(|b| JsValue::from(b) == JsValue::from(active.clone())) {
        return None;
    }
    active.dyn_into().ok()
}

/// Whether focus is inside `container`, or was lost (on the body: the
/// focused element was hidden or removed).
pub fn is_inside_or_lost(container: &web_sys::Element) -> bool {
    match active_element() {
        None => true,
        Some(a) => container.contains(Some(&a)),
    }
}
