//! The import report above an imported atlas: rows read, loaded, left out
//! as outside the map (by country, with the choice to keep them) and
//! skipped with their row and column, listed as the dataset's problems
//! are, in the page's language.

use leptos::prelude::*;

use super::super::state::{Atlas, UiLang};
use super::session::Importer;
use crate::import::report::RowProblem;
use crate::import::words::{and_more, left_out_notice, location, summary, w, W};

/// How many located problems of each kind the report lists.
const LISTED: usize = 200;

#[component]
pub fn ImportReport() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let lang = expect_context::<UiLang>();
    let importer = expect_context::<Importer>();
    let report = atlas.import.clone()?;
    let open = RwSignal::new(true);
    let r = report.clone();
    let notice = move || left_out_notice(lang.locale(), &r);
    let has_left_out = report.left_out_total() > 0;
    let can_redo = importer.has_file();
    let kept = importer.kept_outside.get_untracked();
    let r = report.clone();
    let skipped = problem_list(
        "import-skipped",
        W::SkippedHeading,
        report.skip_reasons.clone(),
        report.skipped,
    );
    let notes = problem_list(
        "import-notes",
        W::NotesHeading,
        report.warnings.clone(),
        report.warning_count,
    );
    Some(view! {
            <section
                hidden=move || !open.get()
                class="import-report"
                role="status"
                aria-labelledby="import-report-heading"
                data-rows=report.rows
                data-loaded=report.loaded
                data-left-out=report.left_out_total()
                data-skipped=report.skipped
            >
                <h2 id="import-report-heading">{move || w(lang.get(), W::ReportHeading)}</h2>
                <p class="import-summary">{move || summary(lang.locale(), &r)}</p>
                {has_left_out.then(|| view! {
                    <p class="import-left-out">
                        {notice}
                        " "
                        {can_redo.then(|| view! {
                            <button class="link-button import-keep" on:click=move |_| importer.keep_outside(true)>
                                {move || w(lang.get(), W::KeepOutside)}
                            </button>
                        })}
                    </p>
                })}
                {(kept && can_redo).then(|| view! {
                    <p>
                        <button class="link-button import-leave" on:click=move |_| importer.keep_outside(false)>
                            {move || w(lang.get(), W::LeaveOutside)}
                        </button>
                    </p>
                })}
                {skipped}
                {notes}
                <button class="link-button import-report-close" on:click=move |_| open.set(false)>
                    {move || w(lang.get(), W::Dismiss)}
                </button>
            </section>
    })
}

/// A `<details>` listing located problems, "row 214, column event_date:"
/// in the page's language and the reason in English.
fn problem_list(
    class: &'static str,
    heading: W,
    problems: Vec<RowProblem>,
    total: usize,
) -> Option<impl IntoView> {
    if total == 0 {
        return None;
    }
    let lang = expect_context::<UiLang>();
    let hidden = total.saturating_sub(problems.len().min(LISTED));
    let items: Vec<RowProblem> = problems.into_iter().take(LISTED).collect();
    Some(view! {
        <details class=format!("import-problems {class}") data-count=total>
            <summary>
                {move || w(lang.get(), heading)} " (" {move || crate::i18n::number(lang.locale(), total as u64)} ")"
            </summary>
            <ol class="problem-list">
                {items.into_iter().map(|p| {
                    let place = p.clone();
                    view! {
                        <li class="warning" data-row=p.row data-column=p.column.clone().unwrap_or_default()>
                            <span class="problem-path">{move || location(lang.locale(), &place)}</span>
                            <span class="problem-message" lang="en" dir="auto">{p.message.clone()}</span>
                        </li>
                    }
                }).collect_view()}
            </ol>
            {(hidden > 0).then(|| view! { <p>{move || and_more(lang.locale(), hidden)}</p> })}
        </details>
    })
}
