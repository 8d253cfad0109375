//! `use_element_size`: the CSS-pixel size of an element, kept current by a
//! ResizeObserver.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::geo::Size;

/// The size of the element behind `node`; `None` until it is mounted and
/// laid out. The observer lives as long as the page (the components that
/// use it are mounted once per dataset).
pub fn use_element_size(node: NodeRef<Div>) -> ReadSignal<Option<Size>> {
    let (size, set_size) = signal(None::<Size>);
    Effect::new(move |_| {
        let Some(element) = node.get() else {
            return;
        };
        let measure = {
            let element = element.clone();
            move || {
                let rect = element.get_bounding_client_rect();
                let next = Size {
                    width: rect.width(),
                    height: rect.height(),
                };
                if next.width > 0.0 && next.height > 0.0 && size.get_untracked() != Some(next) {
                    set_size.set(Some(next));
                }
            }
        };
        measure();
        let callback = Closure::<dyn FnMut()>::new(measure);
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&element);
        }
        callback.forget();
    });
    size
}
