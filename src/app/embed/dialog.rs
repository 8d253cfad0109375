//! The "Embed" button and the modal dialog it opens: the embed code for
//! the current view ([`crate::embed_code`]), a choice of theme, and a copy
//! button.

use leptos::html::{Button, Dialog, Textarea};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;

use super::chrome::page_url;
use crate::app::state::{Atlas, UiLang};
use crate::app::url_sync::CurrentView;
use crate::embed_code::{frame_id, frame_title, preview_image_url, snippet, EmbedRequest};
use crate::i18n::{t, Key};
use crate::url_state::{Page, Theme, ViewState};

fn theme_label(theme: Theme) -> Key {
    match theme {
        Theme::Light => Key::ThemeLight,
        Theme::Dark => Key::ThemeDark,
        Theme::Auto => Key::ThemeAuto,
    }
}

/// What the code is made for, fixed when the dialog opens.
#[derive(Clone, Debug, PartialEq)]
struct Snapshot {
    view: ViewState,
    /// The new frame's id.
    frame: String,
}

#[component]
pub(super) fn EmbedDialog() -> impl IntoView {
    let lang = expect_context::<UiLang>();
    let atlas = expect_context::<Atlas>();
    let current = expect_context::<CurrentView>().0;
    let title = atlas.dataset.meta.title.clone();
    let dialog = NodeRef::<Dialog>::new();
    let opener = NodeRef::<Button>::new();
    let code_box = NodeRef::<Textarea>::new();
    let snapshot = RwSignal::new(None::<Snapshot>);
    let theme = RwSignal::new(expect_context::<Page>().theme);
    let status = RwSignal::new(None::<Key>);
    let page = page_url();
    let host_script = web_sys::Url::new_with_base("embed/host.js", &page)
        .map(|u| u.href())
        .unwrap_or_else(|_| "embed/host.js".to_owned());

    let code = Memo::new(move |_| {
        let s = snapshot.get()?;
        let l = lang.get();
        let name = frame_title(t(l, Key::AppName), title.get(l).map(|x| x.text));
        Some(snippet(&EmbedRequest {
            page_url: &page,
            view: &s.view,
            lang: l,
            theme: theme.get(),
            frame: &s.frame,
            title: &name,
            host_script: &host_script,
            fallback_image: &preview_image_url(&page, l),
        }))
    });
    let open = move |_| {
        snapshot.set(Some(Snapshot {
            view: current.get_untracked(),
            frame: frame_id((js_sys::Math::random() * 2f64.powi(53)) as u64),
        }));
        status.set(None);
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    // However the dialog closes (button, Escape), focus returns to the
    // button that opened it.
    let closed = move |_| {
        if let Some(b) = opener.get() {
            let _ = b.focus();
        }
    };
    let copy = move |_| {
        let Some(text) = code.get_untracked() else {
            return;
        };
        if let Some(area) = code_box.get() {
            area.select();
        }
        let done = Closure::<dyn FnMut(JsValue)>::new(move |_| status.set(Some(Key::Copied)));
        let failed = Closure::<dyn FnMut(JsValue)>::new(move |_| status.set(Some(Key::CopyFailed)));
        let clipboard = window().navigator().clipboard();
        // `clipboard` is undefined outside secure contexts.
        if JsValue::from(clipboard.clone()).is_undefined() {
            status.set(Some(Key::CopyFailed));
            return;
        }
        let _ = clipboard.write_text(&text).then2(&done, &failed);
        done.forget();
        failed.forget();
    };

    view! {
        <button
            class="button embed-open"
            node_ref=opener
            aria-haspopup="dialog"
            on:click=open
        >
            {move || t(lang.get(), Key::Embed)}
        </button>
        <dialog
            class="embed-dialog"
            node_ref=dialog
            aria-labelledby="embed-dialog-title"
            aria-describedby="embed-dialog-intro"
            on:close=closed
        >
            <div class="embed-dialog-head">
                <h2 id="embed-dialog-title">{move || t(lang.get(), Key::EmbedTitle)}</h2>
                <button
                    class="close"
                    aria-label=move || t(lang.get(), Key::Close)
                    title=move || t(lang.get(), Key::Close)
                    on:click=close
                >
                    "×"
                </button>
            </div>
            <p id="embed-dialog-intro" class="embed-intro">{move || t(lang.get(), Key::EmbedIntro)}</p>
            <fieldset class="embed-themes">
                <legend>{move || t(lang.get(), Key::Theme)}</legend>
                {Theme::ALL
                    .into_iter()
                    .map(|th| {
                        view! {
                            <label class="embed-theme">
                                <input
                                    type="radio"
                                    name="embed-theme"
                                    value=th.id()
                                    prop:checked=move || theme.get() == th
                                    on:change=move |_| theme.set(th)
                                />
                                {move || t(lang.get(), theme_label(th))}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <label class="embed-code-label" for="embed-code">{move || t(lang.get(), Key::EmbedCode)}</label>
            <textarea
                id="embed-code"
                class="embed-code"
                node_ref=code_box
                readonly
                rows="7"
                dir="ltr"
                lang="en"
                spellcheck="false"
                prop:value=move || code.get().unwrap_or_default()
            ></textarea>
            <div class="embed-actions">
                <button class="button embed-copy" on:click=copy>{move || t(lang.get(), Key::Copy)}</button>
                <p class="embed-status" role="status" aria-live="polite">
                    {move || status.get().map(|k| t(lang.get(), k))}
                </p>
            </div>
        </dialog>
    }
}
