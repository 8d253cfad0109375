//! Small reusable behaviours, one per file (in the spirit of leptos-use).

pub mod element_size;
pub mod frame_paint;
pub mod reduced_motion;
