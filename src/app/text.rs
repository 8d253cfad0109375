//! Dataset text in the page's language, marked when it falls back to the
//! other language. Always rendered as text, never as HTML.

use leptos::prelude::*;

use super::state::UiLang;
use crate::i18n::{t, Key};
use crate::text::Text;

#[component]
pub fn Localized(text: Text) -> impl IntoView {
    let lang = expect_context::<UiLang>();
    move || {
        let page = lang.get();
        match text.get(page) {
            None => ().into_any(),
            Some(l) => {
                let value = l.text.to_owned();
                let code = l.lang.code();
                let dir = l.lang.dir();
                if l.is_fallback {
                    view! {
                        <span class="fallback" lang=code dir=dir>
                            {value}
                            <span class="fallback-tag" lang=page.code()>
                                {" "}{t(page, Key::InOtherLanguage)}
                            </span>
                        </span>
                    }
                    .into_any()
                } else {
                    view! { <span lang=code>{value}</span> }.into_any()
                }
            }
        }
    }
}
