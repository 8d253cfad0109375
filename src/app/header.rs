//! The header: dataset title and description, the language switch.

use leptos::prelude::*;

use super::state::{Atlas, UiLang};
use super::text::Localized;
use crate::i18n::{date, t, Key};
use crate::time::CivilDateTime;

#[component]
pub fn Header() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let lang = expect_context::<UiLang>();
    let meta = atlas.dataset.meta.clone();
    let updated = meta
        .updated
        .as_deref()
        .and_then(|d| CivilDateTime::parse(d).ok())
        .map(|d| d.to_seconds());
    // A step in the history (url_sync), which Back undoes.
    let switch = move |_| lang.choose(lang.get_untracked().other());
    view! {
        <header class="atlas-header">
            <div class="atlas-titles">
                <p class="brand">{move || t(lang.get(), Key::AppName)}</p>
                <h1 class="title"><Localized text=meta.title.clone()/></h1>
                {meta.description.clone().map(super::embed::description)}
                {updated.map(|u| view! {
                    <p class="updated">
                        {move || t(lang.get(), Key::Updated)} ": "
                        <time>{move || date(lang.locale(), u, false)}</time>
                    </p>
                })}
            </div>
            <div class="header-actions">
                <super::import::OpenData/>
                <super::import::ExportMenu/>
                <super::embed::EmbedControl/>
                <button
                    class="button lang-switch"
                    on:click=switch
                    lang=move || lang.get().other().code()
                    aria-label=move || format!("{}: {}", t(lang.get(), Key::Language), t(lang.get(), Key::OtherLanguageName))
                >
                    {move || t(lang.get(), Key::OtherLanguageName)}
                </button>
            </div>
        </header>
    }
}
