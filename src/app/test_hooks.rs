//! A read-only inspection hook for browser tests and embedding hosts:
//! where an incident's mark is on screen. Canvas marks have no DOM node to
//! click, so tests ask here (`window.wasmBindings.atlas_mark_position`).

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::prelude::*;

type Locator = Box<dyn Fn(&str) -> Option<(f64, f64)>>;

thread_local! {
    static LOCATORS: RefCell<HashMap<&'static str, Locator>> = RefCell::new(HashMap::new());
}

/// Registers how a view (`"map"`, `"timeline"`) finds an incident's mark
/// in client (viewport) coordinates.
pub fn register(view: &'static str, locate: impl Fn(&str) -> Option<(f64, f64)> + 'static) {
    LOCATORS.with(|l| {
        l.borrow_mut().insert(view, Box::new(locate));
    });
}

/// `[x, y]` in client pixels of the mark of incident `id` in `view`, or
/// `undefined` when it is not drawn there.
#[wasm_bindgen]
pub fn atlas_mark_position(view: &str, id: &str) -> Option<Vec<f64>> {
    LOCATORS.with(|l| {
        let l = l.borrow();
        let locate = l.get(view)?;
        locate(id).map(|(x, y)| vec![x, y])
    })
}
