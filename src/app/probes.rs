//! Probes for outside tests and benchmarks, in every build (unlike
//! `test_hooks`): `window.__count()` returns how many incidents are shown
//! now, after every filter (docs/performance.md).

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use super::state::Ui;

thread_local! {
    /// The page's current Ui (a new one after each import).
    static CURRENT: RefCell<Option<Ui>> = const { RefCell::new(None) };
}

/// Points the probes at `ui`; defines `window.__count` the first time.
pub fn install(ui: Ui) {
    let first = CURRENT.with(|c| c.borrow_mut().replace(ui).is_none());
    if !first {
        return;
    }
    let count = Closure::<dyn Fn() -> u32>::new(|| {
        CURRENT.with(|c| {
            c.borrow()
                .as_ref()
                .and_then(|ui| ui.shown.try_with_untracked(|s| s.ids.len() as u32))
                .unwrap_or(0)
        })
    });
    let _ = js_sys::Reflect::set(&window(), &JsValue::from_str("__count"), count.as_ref());
    // Defined once for the page's life.
    count.forget();
}
