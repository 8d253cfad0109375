//! Dataset problems: the error page that replaces the app, and the
//! warnings strip above it.

use leptos::prelude::*;

use super::state::{Atlas, UiLang};
use crate::dataset::Problem;
use crate::i18n::{number, t, Key};

/// How many problems the page lists before summarising the rest.
const SHOWN_AT_MOST: usize = 200;

#[component]
pub fn ProblemList(url: String, problems: Vec<Problem>) -> impl IntoView {
    let lang = expect_context::<UiLang>();
    let total = problems.len();
    let hidden = total.saturating_sub(SHOWN_AT_MOST);
    let items = problems
        .into_iter()
        .take(SHOWN_AT_MOST)
        .map(|p| {
            let kind = if p.is_error() { "error" } else { "warning" };
            view! {
                <li class=kind>
                    <code class="problem-path" dir="ltr">{p.path.clone()}</code>
                    <span class="problem-message" dir="ltr" lang="en">{p.message.clone()}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="status status-error problems" role="alert">
            <h1>{move || t(lang.get(), Key::ProblemsHeading)}</h1>
            <p><code dir="ltr">{url}</code></p>
            <p>{move || t(lang.get(), Key::ProblemsIntro)}</p>
            <ol class="problem-list" data-count=total>{items}</ol>
            {(hidden > 0).then(|| view! { <p>"+ " {move || number(lang.locale(), hidden as u64)}</p> })}
        </div>
    }
}

#[component]
pub fn Warnings() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let lang = expect_context::<UiLang>();
    let mut notes: Vec<String> = atlas.warnings.iter().map(ToString::to_string).collect();
    if let Some(e) = &atlas.basemap_error {
        notes.push(e.clone());
    }
    (!notes.is_empty()).then(|| {
        let count = notes.len();
        view! {
            <details class="warnings">
                <summary>{move || t(lang.get(), Key::WarningsHeading)} " (" {move || number(lang.locale(), count as u64)} ")"</summary>
                <ul>{notes.into_iter().map(|n| view! { <li dir="ltr" lang="en">{n}</li> }).collect_view()}</ul>
            </details>
        }
    })
}
