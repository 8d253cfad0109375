//! The scale bar: a round distance and its length on screen.

use leptos::prelude::*;

use super::super::state::UiLang;
use crate::geo::view::scale_bar_length;
use crate::i18n::{number, t, Key};

#[component]
pub fn ScaleBar(scale: Signal<Option<f64>>) -> impl IntoView {
    let lang = expect_context::<UiLang>();
    move || {
        let (km, px) = scale_bar_length(scale.get()?, 110.0)?;
        let l = lang.get();
        let loc = lang.locale();
        let label = if km < 1.0 {
            format!("{} m", number(loc, (km * 1000.0).round() as u64))
        } else {
            format!("{} {}", number(loc, km as u64), t(l, Key::Km))
        };
        Some(view! {
            <div class="scale-bar" aria-hidden="true">
                <span class="scale-bar-line" style:width=format!("{px:.0}px")></span>
                <span class="scale-bar-label">{label}</span>
            </div>
        })
    }
}
