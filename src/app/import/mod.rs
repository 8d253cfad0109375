//! Opening the reader's own data in the browser: the "Open data" control,
//! dropping a file anywhere on the page, the progress of a big file with
//! Cancel, the mapping step of a spreadsheet, the import report, and the
//! export downloads. Nothing is uploaded: files are read with the File
//! API and downloads are made from Blobs.
//!
//! [`session`] moves the bytes; the components here only connect its
//! signals to the page. What the words say is `crate::import::words`.

mod download;
mod export;
mod mapping;
mod report;
pub mod session;

use leptos::html::Input;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, HtmlInputElement};

use super::problems::ProblemList;
use super::state::UiLang;
use crate::i18n::Locale;
use crate::import::words::{progress, w, W};
use session::{Failure, Importer};

pub use export::ExportMenu;
pub use report::ImportReport;

/// Provides the [`Importer`] and listens for files dropped anywhere on
/// the page (not in an embedded frame: an article's readers do not
/// replace its data; style/import.css hides Open data there too).
pub fn install(embedded: bool) -> Importer {
    let importer = Importer::new();
    provide_context(importer);
    if embedded {
        return importer;
    }
    let has_files = |e: &DragEvent| {
        e.data_transfer()
            .is_some_and(|d| d.types().includes(&"Files".into(), 0))
    };
    let over = window_event_listener(leptos::ev::dragover, move |e: DragEvent| {
        if has_files(&e) {
            e.prevent_default();
            if !importer.dragging.get_untracked() {
                importer.dragging.set(true);
            }
        }
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |e: DragEvent| {
        // Leaving the window (not moving between elements).
        if e.related_target().is_none() {
            importer.dragging.set(false);
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |e: DragEvent| {
        importer.dragging.set(false);
        let file = e
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0));
        if let Some(file) = file {
            e.prevent_default();
            importer.open(file);
        }
    });
    // They live as long as the page.
    std::mem::forget((over, leave, drop));
    importer
}

/// The "Open data" button and its file input.
#[component]
pub fn OpenData() -> impl IntoView {
    let lang = expect_context::<UiLang>();
    let importer = expect_context::<Importer>();
    let input = NodeRef::<Input>::new();
    let choose = move |_| {
        if let Some(i) = input.get() {
            i.click();
        }
    };
    let chosen = move |e: leptos::ev::Event| {
        let Some(el) = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = el.files().and_then(|f| f.get(0)) {
            importer.open(file);
        }
        // The same file can be chosen again.
        el.set_value("");
    };
    view! {
        <div class="open-data">
            <button
                class="button open-data-button"
                aria-describedby="open-data-note"
                title=move || w(lang.get(), W::OpenDataLabel)
                on:click=choose
            >
                {move || w(lang.get(), W::OpenData)}
            </button>
            <input
                node_ref=input
                class="visually-hidden open-data-input"
                type="file"
                tabindex="-1"
                aria-hidden="true"
                aria-label=move || w(lang.get(), W::OpenDataLabel)
                accept=".csv,.tsv,.tab,.txt,.json,.geojson,text/csv,text/tab-separated-values,application/json,application/geo+json"
                on:change=chosen
            />
            <span id="open-data-note" class="open-data-note">{move || w(lang.get(), W::LocalOnly)}</span>
        </div>
    }
}

/// What floats above the page: the drop target, the progress, a failure
/// and the mapping step.
#[component]
pub fn ImportLayer() -> impl IntoView {
    let lang = expect_context::<UiLang>();
    let importer = expect_context::<Importer>();
    let locale = move || lang.locale();
    view! {
        <Show when=move || importer.dragging.get()>
            <div class="import-drop" aria-hidden="true">
                <p>{move || w(lang.get(), W::DropHere)}</p>
            </div>
        </Show>
        // One element while the import runs, so that Cancel stays put.
        <Show when=move || importer.progress.with(Option::is_some)>
            <div
                class="import-progress"
                role="status"
                aria-live="polite"
                data-rows=move || importer.progress.with(|p| p.as_ref().map_or(0, |p| p.rows))
            >
                <p>{move || importer.progress.with(|p| {
                    p.as_ref().map(|p| progress(locale(), &p.name, p.fraction, p.rows))
                })}</p>
                <progress
                    max="1"
                    prop:value=move || importer.progress.with(|p| p.as_ref().map_or(0.0, |p| p.fraction))
                ></progress>
                <p class="small">{move || w(lang.get(), W::LocalOnly)}</p>
                <button class="button import-cancel" on:click=move |_| importer.cancel()>
                    {move || w(lang.get(), W::Cancel)}
                </button>
            </div>
        </Show>
        {move || importer.failure.get().map(|f| failure_view(f, locale(), importer))}
        <mapping::MappingStep/>
    }
}

fn failure_view(f: Failure, locale: Locale, importer: Importer) -> impl IntoView {
    let lang = locale.lang;
    let close = move |_| importer.dismiss_failure();
    let body = match f {
        Failure::Cancelled => view! {
            <p class="import-cancelled">{w(lang, W::Cancelled)}</p>
        }
        .into_any(),
        Failure::Message { name, reason } => view! {
            <h2>{w(lang, W::ImportFailed)}</h2>
            <p><code dir="ltr">{name}</code></p>
            // The importers' reasons are in English.
            <p class="import-reason" lang="en" dir="ltr">{reason}</p>
        }
        .into_any(),
        Failure::Problems { name, problems } => view! {
            <ProblemList url=name problems=problems/>
        }
        .into_any(),
    };
    view! {
        <div class="import-failure" role="alert">
            {body}
            <button class="button" on:click=close>{w(lang, W::Dismiss)}</button>
        </div>
    }
}
