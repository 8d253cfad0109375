//! `prefers_reduced_motion`: whether the reader asked for less motion.

use leptos::prelude::window;

/// True when the system asks for reduced motion; animations then jump to
/// their end.
pub fn prefers_reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}
