//! Height messages to the host page: inside a frame, the page posts its
//! content height to the parent whenever it changes (a ResizeObserver on
//! `<html>` and `<body>`), as `{type: "incident-atlas:height", height, id}`,
//! and with Pym.js's `childId` also as Pym's string message. embed/host.js
//! resizes the frame.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::{document, window};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The `type` of the height message a frame posts to its parent.
pub const HEIGHT_MESSAGE: &str = "incident-atlas:height";
/// The `type` of the message a host posts to ask for the height again.
pub const REQUEST_MESSAGE: &str = "incident-atlas:request-height";

/// The page's content height in CSS pixels (the `<html>` box, which grows
/// and shrinks with the content, unlike `scrollHeight` inside a frame).
fn content_height() -> f64 {
    document()
        .document_element()
        .map_or(0.0, |e| e.get_bounding_client_rect().height().ceil())
}

/// Posts the height to the parent window whenever it changes, and again
/// when the parent asks (embed/host.js asks once it has loaded). `frame`
/// is echoed as the message's `id`.
pub fn report(frame: Option<String>, pym_child: Option<String>) {
    let win = window();
    let Ok(Some(parent)) = win.parent() else {
        return;
    };
    if JsValue::from(parent.clone()) == JsValue::from(win.clone()) {
        return; // Not in a frame.
    }
    let last = Rc::new(Cell::new(-1.0_f64));
    let post = {
        let parent = parent.clone();
        move |force: bool| {
            let height = content_height();
            if height <= 0.0 || (!force && height == last.get()) {
                return;
            }
            last.set(height);
            let message = js_sys::Object::new();
            let id = frame.as_deref().map_or(JsValue::NULL, JsValue::from_str);
            let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
            let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
            let _ = js_sys::Reflect::set(&message, &"id".into(), &id);
            // The height is not a secret: any parent may have it.
            let _ = parent.post_message(&message, "*");
            if let Some(pym) = &pym_child {
                let text = format!("pymxPYMx{pym}xPYMxheightxPYMx{height}");
                let _ = parent.post_message(&JsValue::from_str(&text), "*");
            }
        }
    };
    let post = Rc::new(post);

    let on_resize = {
        let post = post.clone();
        Closure::<dyn FnMut()>::new(move || post(false))
    };
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        if let Some(root) = document().document_element() {
            observer.observe(&root);
        }
        if let Some(body) = document().body() {
            observer.observe(&body);
        }
    }
    on_resize.forget();

    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let from_parent = e
                .source()
                .is_some_and(|s| JsValue::from(s) == JsValue::from(parent.clone()));
            if from_parent && message_type(&e.data()).as_deref() == Some(REQUEST_MESSAGE) {
                post(true);
            }
        });
    let _ = win.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
}

/// The `type` field of a message, when it is an object with a string there.
fn message_type(data: &JsValue) -> Option<String> {
    if !data.is_object() {
        return None;
    }
    js_sys::Reflect::get(data, &"type".into())
        .ok()
        .and_then(|v| v.as_string())
}
