//! Read-only inspection hooks for browser tests and the benchmark: where an
//! incident's mark is on screen (canvas marks have no DOM node to click, so
//! tests ask here: `window.wasmBindings.atlas_mark_position`), where the map
//! draws a place, and how long paints take.
//!
//! Only with the cargo feature `test-hooks` (scripts/test.sh's build);
//! without it the registration functions compile to nothing and nothing is
//! exported, so the production build carries none of this.

#[cfg(feature = "test-hooks")]
mod hooks {
    use std::cell::RefCell;
    use std::collections::HashMap;

    use wasm_bindgen::prelude::*;

    type Locator = Box<dyn Fn(&str) -> Option<(f64, f64)>>;

    thread_local! {
        static LOCATORS: RefCell<HashMap<&'static str, Locator>> = RefCell::new(HashMap::new());
    }

    /// Registers how a view (`"map"`, `"timeline"`) finds an incident's
    /// mark in client (viewport) coordinates.
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

    type Projector = Box<dyn Fn(f64, f64) -> Option<(f64, f64)>>;

    thread_local! {
        static PROJECTOR: RefCell<Option<Projector>> = RefCell::new(None);
    }

    /// Registers how the map turns (lon, lat) into client coordinates.
    pub fn register_projector(project: impl Fn(f64, f64) -> Option<(f64, f64)> + 'static) {
        PROJECTOR.with(|p| *p.borrow_mut() = Some(Box::new(project)));
    }

    /// `[x, y]` in client pixels where the map currently draws (lon, lat).
    #[wasm_bindgen]
    pub fn atlas_project(lon: f64, lat: f64) -> Option<Vec<f64>> {
        PROJECTOR.with(|p| {
            p.borrow()
                .as_ref()
                .and_then(|f| f(lon, lat))
                .map(|(x, y)| vec![x, y])
        })
    }

    /// Paint durations (ms) per view, for the benchmark; bounded.
    const PAINTS_KEPT: usize = 4096;

    thread_local! {
        static PAINTS: RefCell<HashMap<&'static str, Vec<f64>>> = RefCell::new(HashMap::new());
    }

    /// Records how long a view took to paint a frame.
    pub fn record_paint(view: &'static str, ms: f64) {
        PAINTS.with(|p| {
            let mut p = p.borrow_mut();
            let list = p.entry(view).or_default();
            if list.len() >= PAINTS_KEPT {
                list.remove(0);
            }
            list.push(ms);
        });
    }

    /// The paint durations recorded for `view` since the last call, in ms.
    #[wasm_bindgen]
    pub fn atlas_take_paint_times(view: &str) -> Vec<f64> {
        PAINTS.with(|p| p.borrow_mut().remove(view).unwrap_or_default())
    }
}

#[cfg(feature = "test-hooks")]
pub use hooks::{record_paint, register, register_projector};

// Without the feature: the same signatures, doing nothing.

#[cfg(not(feature = "test-hooks"))]
#[inline(always)]
pub fn register(_view: &'static str, _locate: impl Fn(&str) -> Option<(f64, f64)> + 'static) {}

#[cfg(not(feature = "test-hooks"))]
#[inline(always)]
pub fn register_projector(_project: impl Fn(f64, f64) -> Option<(f64, f64)> + 'static) {}

#[cfg(not(feature = "test-hooks"))]
#[inline(always)]
pub fn record_paint(_view: &'static str, _ms: f64) {}
