//! The summary's certainty line: how many of the shown incidents have an
//! exact date and place (`filter::Certainty`, worded by
//! `i18n::certainty_line`).

use leptos::prelude::*;

use super::state::{Atlas, Ui, UiLang};
use crate::filter::Certainty;
use crate::i18n::certainty_line;

#[component]
pub fn CertaintyLine() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let ui = expect_context::<Ui>();
    let lang = expect_context::<UiLang>();
    let certainty = Memo::new(move |_| ui.shown.with(|s| Certainty::of(&atlas.dataset, &s.ids)));
    view! {
        <p
            class="certainty-summary"
            data-exact=move || certainty.get().exact
            data-total=move || certainty.get().total
        >
            {move || {
                let c = certainty.get();
                certainty_line(lang.locale(), c.exact, c.total)
            }}
        </p>
    }
}
