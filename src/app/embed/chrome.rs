//! The header's parts that differ in embed mode: the dataset description
//! and, instead of the Embed button, a link to the full atlas.

use leptos::prelude::*;

use super::dialog::EmbedDialog;
use crate::app::state::UiLang;
use crate::app::text::Localized;
use crate::app::url_sync::CurrentView;
use crate::embed_code::full_url;
use crate::i18n::{t, Key};
use crate::text::Text;
use crate::url_state::Page;

/// The page's address without query or fragment.
pub(super) fn page_url() -> String {
    let location = window().location();
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// The dataset description: a disclosure that starts closed, to keep the
/// header to a line or two above the map (on the full page as in a frame).
pub fn description(text: Text) -> impl IntoView {
    let lang = expect_context::<UiLang>();
    view! {
        <details class="description-toggle">
            <summary>{move || t(lang.get(), Key::AboutData)}</summary>
            <p class="description"><Localized text=text/></p>
        </details>
    }
}

/// The header's embedding control: the "Embed" button and its dialog, or
/// inside a frame a link to the full atlas.
#[component]
pub fn EmbedControl() -> impl IntoView {
    if expect_context::<Page>().embed {
        view! { <OpenFull/> }.into_any()
    } else {
        view! { <EmbedDialog/> }.into_any()
    }
}

/// "Open the full atlas", in a new tab, on the current view without the
/// frame options.
#[component]
fn OpenFull() -> impl IntoView {
    let lang = expect_context::<UiLang>();
    let view = expect_context::<CurrentView>().0;
    let base = page_url();
    view! {
        <a
            class="open-full"
            href=move || view.with(|v| full_url(&base, v))
            target="_blank"
            rel="noopener"
        >
            {move || t(lang.get(), Key::OpenFull)}
            <span class="visually-hidden">" (" {move || t(lang.get(), Key::Opens)} ")"</span>
            <span aria-hidden="true">" ↗"</span>
        </a>
    }
}
