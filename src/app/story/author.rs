//! Author mode (`?author=1`): "Add this view as a step" collects the
//! atlas's current views as steps and shows the story JSON to copy
//! ([`crate::story::author`]).

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::super::state::{Atlas, UiLang};
use super::super::url_sync::CurrentView;
use crate::i18n::{number, t, Key};
use crate::story::author::{step_from_view, story_json};
use crate::story::{Step, Story};
use crate::text::Text;

#[component]
pub fn AuthorPanel() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let lang = expect_context::<UiLang>();
    let current = expect_context::<CurrentView>();
    let steps = RwSignal::new(Vec::<Step>::new());
    let status = RwSignal::new(None::<Key>);
    let title = atlas
        .dataset
        .story
        .as_ref()
        .map(|s| s.title.clone())
        .unwrap_or_else(|| Text::new("A story", "قصة"));
    let json = Memo::new(move |_| {
        let steps = steps.get();
        if steps.is_empty() {
            return String::new();
        }
        story_json(&Story {
            title: title.clone(),
            steps,
        })
    });
    let dataset = atlas.dataset.clone();
    let add = move |_| {
        let view = current.0.get_untracked();
        let n = steps.with_untracked(Vec::len) + 1;
        steps.update(|s| s.push(step_from_view(&view, &dataset, n)));
        status.set(None);
    };
    let copy = move |_| {
        let text = json.get_untracked();
        let done = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(move |_| {
            status.set(Some(Key::Copied))
        });
        let failed = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(move |_| {
            status.set(Some(Key::CopyFailed))
        });
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
        <section class="story-author" aria-labelledby="story-author-heading">
            <h2 id="story-author-heading">{move || t(lang.get(), Key::StoryAuthor)}</h2>
            <p>{move || t(lang.get(), Key::StoryAuthorIntro)}</p>
            <p class="story-author-actions">
                <button class="button story-add" on:click=add>{move || t(lang.get(), Key::StoryAddStep)}</button>
                " "
                <span class="story-author-count" data-count=move || steps.with(Vec::len)>
                    {move || number(lang.locale(), steps.with(Vec::len) as u64)} " " {move || t(lang.get(), Key::StorySteps)}
                </span>
                " "
                <button class="link-button story-clear" on:click=move |_| steps.set(Vec::new())>
                    {move || t(lang.get(), Key::StoryClear)}
                </button>
            </p>
            <label for="story-json">{move || t(lang.get(), Key::StoryJson)}</label>
            <textarea id="story-json" class="story-json" readonly rows="8" dir="ltr" prop:value=move || json.get()></textarea>
            <p>
                <button class="button story-copy" on:click=copy disabled=move || json.with(String::is_empty)>
                    {move || t(lang.get(), Key::StoryCopy)}
                </button>
                " "
                <span role="status">{move || status.get().map(|k| t(lang.get(), k))}</span>
            </p>
        </section>
    }
}
