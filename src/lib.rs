//! Incident Atlas: conflict incidents on a timeline and a map.
//!
//! The domain lives in plain modules with no DOM so that `cargo test` checks
//! it natively; the Leptos components in [`app`] only connect signals to it.

pub mod basemap;
pub mod dataset;
pub mod export;
pub mod filter;
pub mod geo;
pub mod i18n;
pub mod import;
pub mod order;
pub mod palette;
pub mod search;
pub mod symbols;
#[cfg(feature = "synth")]
pub mod synth;
pub mod text;
pub mod time;
pub mod url_state;

#[cfg(target_arch = "wasm32")]
pub mod app;
pub mod embed_code;
