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
            let path = p.path.clone();
            view! {
                <li class=kind>
                    <code class="problem-path" dir="ltr">{path}</code>
                    <span class="problem-message" dir=move || lang.get().dir() lang=move || lang.get().code()>
                        {move || p.message.text(lang.get())}
                    </span>
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
    let warnings = atlas.warnings.clone();
    let basemap_error = atlas.basemap_error.clone();
    let count = warnings.len() + usize::from(basemap_error.is_some());
    (count > 0).then(|| {
        let items = warnings
            .iter()
            .cloned()
            .map(|w| {
                let path = w.path.clone();
                view! {
                    <li dir=move || lang.get().dir() lang=move || lang.get().code()>
                        <code class="problem-path" dir="ltr">{path}</code>
                        " "
                        {move || w.message.text(lang.get())}
                    </li>
                }
            })
            .collect_view();
        // The basemap's decoder speaks English only.
        let basemap = basemap_error.map(|e| view! { <li dir="ltr" lang="en">{e}</li> });
        view! {
            <details class="warnings">
                <summary>{move || t(lang.get(), Key::WarningsHeading)} " (" {move || number(lang.locale(), count as u64)} ")"</summary>
                <ul>{items}{basemap}</ul>
            </details>
        }
    })
}
