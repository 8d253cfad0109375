//! Story mode in the page (the story itself is [`crate::story`]'s): the
//! "Tell the story" entry and the announcement of each step ([`StoryEntry`],
//! above the map), the card with the step's title and text, Previous and
//! Next, keys and swipes ([`StoryCard`], under the map, so that it never
//! covers what the step shows), and in author mode (`?author=1`) "Add this
//! view as a step" ([`author`]).
//!
//! [`steps`] moves the views to a step: the filters and the selection at
//! once, the map by its flight, the timeline eased the same way.

mod author;
mod card;
mod steps;

use std::sync::Arc;

use leptos::html::{Button, Section};
use leptos::prelude::*;

use super::state::{Atlas, Ui, UiLang};
use super::text::Localized;
use crate::i18n::{t, Key};
use crate::story::Story;
use crate::url_state::Page;

pub use card::StoryCard;

/// What the story components share: the story, and the elements focus
/// moves between when the story starts and ends.
#[derive(Clone)]
struct StoryMode {
    story: Arc<Story>,
    entry: NodeRef<Button>,
    card: NodeRef<Section>,
    /// Whether the reader has just left the story (the live region says so).
    left: RwSignal<bool>,
}

/// The entry to the story (when the dataset has one) and the live region
/// that announces each step; in author mode, the author's panel.
#[component]
pub fn StoryEntry() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let page = expect_context::<Page>();
    let author = page.author.then(|| view! { <author::AuthorPanel/> });
    let Some(story) = atlas.dataset.story.clone().filter(|s| !s.is_empty()) else {
        return view! { {author} }.into_any();
    };
    let ui = expect_context::<Ui>();
    let lang = expect_context::<UiLang>();
    let mode = StoryMode {
        story: Arc::new(story),
        entry: NodeRef::new(),
        card: NodeRef::new(),
        left: RwSignal::new(false),
    };
    provide_context(mode.clone());
    let title = mode.story.title.clone();
    let start = {
        let (atlas, mode) = (atlas.clone(), mode.clone());
        move |_| {
            steps::show(&atlas, ui, &mode, 0);
            let card = mode.card;
            // The card mounts with the step: focus it once it is there.
            request_animation_frame(move || {
                if let Some(c) = card.get_untracked() {
                    let _ = c.focus();
                }
            });
        }
    };
    // The live region: the step shown, or that the reader left.
    let announcement = {
        let mode = mode.clone();
        move || match ui.story_step.get() {
            Some(i) => {
                let title = mode
                    .story
                    .step(i)
                    .and_then(|s| s.title.get(lang.get()).map(|l| l.text.to_owned()))
                    .unwrap_or_default();
                format!("{}: {title}", steps::step_label(&mode, i, lang.locale()))
            }
            None if mode.left.get() => t(lang.get(), Key::StoryLeft).to_owned(),
            None => String::new(),
        }
    };
    view! {
        <div class="story-entry" class:story-active=move || ui.story_step.get().is_some()>
            <button
                class="button story-start"
                node_ref=mode.entry
                on:click=start
                hidden=move || ui.story_step.get().is_some()
            >
                <span aria-hidden="true">"▶ "</span>
                {move || t(lang.get(), Key::StoryTell)}
                ": "
                <Localized text=title.clone()/>
            </button>
            <p class="visually-hidden story-announcement" role="status" aria-live="polite">
                {announcement}
            </p>
            {author}
        </div>
    }
    .into_any()
}
