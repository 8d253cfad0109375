//! Small reusable behaviours, one per file (in the spirit of leptos-use).

pub mod element_size;
pub mod reduced_motion;
