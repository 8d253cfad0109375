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
    let switch = move |_| {
        let next = lang.get().other();
        lang.0.set(next);
        set_url_lang(next.code());
    };
    view! {
        <header class="atlas-header">
            <div class="atlas-titles">
                <p class="brand">{move || t(lang.get(), Key::AppName)}</p>
                <h1 class="title"><Localized text=meta.title.clone()/></h1>
                {meta.description.clone().map(super::embed::description)}
                {updated.map(|u| view! {
                    <p class="updated">
                        {move || t(lang.get(), Key::Updated)} ": "
                        <time>{move || date(lang.get(), u, false)}</time>
                    </p>
                })}
            </div>
            <div class="header-actions">
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

/// Records the language in the URL without reloading, so a shared link
/// opens in the same language.
fn set_url_lang(code: &str) {
    let location = window().location();
    let (Ok(href), Ok(history)) = (location.href(), window().history()) else {
        return;
    };
    if let Ok(url) = web_sys::Url::new(&href) {
        url.search_params().set("lang", code);
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
}
