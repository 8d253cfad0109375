//! The story card: where the reader is ("Step 2 of 5"), the step's title
//! and text, Previous and Next. Keys on the card (arrows the way the text
//! reads, Page Up and Page Down, Home, End; Escape leaves) and horizontal
//! swipes by touch turn the steps ([`crate::story::nav`]).

use leptos::prelude::*;
use web_sys::{KeyboardEvent, PointerEvent};

use super::super::state::{Atlas, Ui, UiLang};
use super::super::text::Localized;
use super::{steps, StoryMode};
use crate::i18n::{t, Key};
use crate::story::nav::{self, Move};
use crate::text::Lang;

#[component]
pub fn StoryCard() -> impl IntoView {
    let Some(mode) = use_context::<StoryMode>() else {
        return ().into_any();
    };
    let atlas = expect_context::<Atlas>();
    let ui = expect_context::<Ui>();
    let lang = expect_context::<UiLang>();
    let len = mode.story.len();

    let go = {
        let (atlas, mode) = (atlas.clone(), mode.clone());
        move |m: Move| {
            let Some(current) = ui.story_step.get_untracked() else {
                return;
            };
            if m == Move::Leave {
                steps::leave(ui, &mode);
            } else if let Some(to) = nav::go(current, len, m) {
                steps::show(&atlas, ui, &mode, to);
            }
        }
    };
    let on_key = {
        let go = go.clone();
        move |e: KeyboardEvent| {
            if e.alt_key() || e.ctrl_key() || e.meta_key() {
                return;
            }
            if let Some(m) = nav::key(&e.key(), lang.get_untracked() == Lang::Ar) {
                e.prevent_default();
                go(m);
            }
        }
    };
    // Swipes: a touch (or pen) from down to up, mostly horizontal.
    let swipe_start = StoredValue::new(None::<(i32, f64, f64)>);
    let on_down = move |e: PointerEvent| {
        if e.pointer_type() != "mouse" {
            swipe_start.set_value(Some((
                e.pointer_id(),
                f64::from(e.client_x()),
                f64::from(e.client_y()),
            )));
        }
    };
    let on_up = {
        let go = go.clone();
        move |e: PointerEvent| {
            let Some((id, x, y)) = swipe_start.get_value() else {
                return;
            };
            swipe_start.set_value(None);
            if id != e.pointer_id() {
                return;
            }
            let (dx, dy) = (f64::from(e.client_x()) - x, f64::from(e.client_y()) - y);
            if let Some(m) = nav::swipe(dx, dy, lang.get_untracked() == Lang::Ar) {
                go(m);
            }
        }
    };

    let step = Memo::new(move |_| ui.story_step.get());
    let card_mode = mode.clone();
    let body = move || {
        let i = step.get()?;
        let s = card_mode.story.step(i)?.clone();
        Some(view! {
            <h2 id="story-step-title" class="story-step-title"><Localized text=s.title/></h2>
            <p class="story-text"><Localized text=s.text/></p>
        })
    };
    let count_mode = mode.clone();
    let count = move || {
        step.get()
            .map(|i| steps::step_label(&count_mode, i, lang.locale()))
    };
    let (prev, next, leave) = (go.clone(), go.clone(), go);
    let at_first = move || step.get().is_none_or(|i| i == 0);
    let at_last = move || step.get().is_none_or(|i| i + 1 >= len);
    // The arrows point the way the text reads.
    let arrow = move |forward: bool| {
        if forward == (lang.get() == Lang::Ar) {
            "←"
        } else {
            "→"
        }
    };
    let title = mode.story.title.clone();
    view! {
        <section
            class="story-card"
            node_ref=mode.card
            tabindex="-1"
            aria-labelledby="story-step-title"
            aria-describedby="story-keys"
            hidden=move || step.get().is_none()
            data-step=move || step.get().map(|i| (i + 1).to_string()).unwrap_or_default()
            on:keydown=on_key
            on:pointerdown=on_down
            on:pointerup=on_up
            on:pointercancel=move |_| swipe_start.set_value(None)
        >
            <p class="story-meta">
                <span class="story-name"><Localized text=title/></span>
                " · "
                <span class="story-count">{count}</span>
            </p>
            {body}
            <p id="story-keys" class="visually-hidden">{move || t(lang.get(), Key::StoryKeys)}</p>
            <div class="story-nav">
                <button class="button story-previous" disabled=at_first on:click=move |_| prev(Move::Previous)>
                    <span aria-hidden="true">{move || arrow(false)}" "</span>
                    {move || t(lang.get(), Key::StoryPrevious)}
                </button>
                <button class="button story-next" disabled=at_last on:click=move |_| next(Move::Next)>
                    {move || t(lang.get(), Key::StoryNext)}
                    <span aria-hidden="true">" "{move || arrow(true)}</span>
                </button>
                <button class="link-button story-leave" on:click=move |_| leave(Move::Leave)>
                    {move || t(lang.get(), Key::StoryLeave)}
                </button>
            </div>
        </section>
    }
    .into_any()
}
