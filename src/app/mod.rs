//! The Leptos components. They hold signals and connect them to the domain
//! modules; drawing goes to canvases, text to the DOM (always as text).

mod behaviours;
mod canvas;
mod detail;
pub(crate) mod embed;
mod facet_filters;
mod header;
pub(crate) mod import;
mod incident_list;
pub(crate) mod loader;
mod map;
mod pattern_filter;
mod probes;
mod problems;
mod state;
mod test_hooks;
mod text;
mod timeline;
mod url_sync;

use leptos::prelude::*;

use crate::i18n::{t, Key};
use crate::url_state::Page;
use loader::{dataset_url, load_atlas, LoadError};
use state::{Atlas, Ui, UiLang};

/// Mounts the app on the page's body.
pub fn start() {
    console_error_panic_hook::set_once();
    // The page's own options, read before any dataset loads; the whole
    // view is read (and its warnings logged) once one has.
    let search = window().location().search().unwrap_or_default();
    let (page, _) = Page::from_query(&search);
    embed::install(&page);
    leptos::mount::mount_to_body(move || view! { <App page=page/> });
}

#[component]
fn App(page: Page) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    let url = dataset_url(page.data.as_deref());
    let data = LocalResource::new(move || {
        attempt.track();
        let url = url.clone();
        async move { load_atlas(url).await }
    });
    let importer = import::install(page.embed);
    // What the page shows: an opened file, else the URL's dataset.
    let current = Signal::derive(move || match importer.opened.get() {
        Some(atlas) => Some(Ok(atlas)),
        None => data.get(),
    });
    // Imports reuse the loaded basemap.
    Effect::new(move |_| {
        if let Some(Ok(atlas)) = data.get() {
            importer.set_base(atlas.base.clone());
        }
    });
    // The dataset's default language applies once it has loaded (unless
    // the URL chose one).
    let dataset_lang = Memo::new(move |_| {
        current
            .get()
            .and_then(|loaded| loaded.ok())
            .and_then(|atlas| atlas.dataset.meta.default_language)
    });
    let browser = window().navigator().language().unwrap_or_default();
    let lang = UiLang::new(page.lang, dataset_lang, browser, page.digits);
    provide_context(lang);
    provide_context(page);
    // Keep <html lang dir> in step with the interface language.
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", l.code());
            let _ = root.set_attribute("dir", l.dir());
        }
    });
    let page_view = move || match current.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(error)) => view! { <LoadFailure error=error attempt=attempt/> }.into_any(),
        Some(Ok(atlas)) => view! { <AtlasPage atlas=atlas/> }.into_any(),
    };
    view! {
        {page_view}
        <import::ImportLayer/>
    }
}

#[component]
fn Loading() -> impl IntoView {
    let lang = expect_context::<UiLang>();
    view! {
        <div class="status" role="status" aria-live="polite">
            <div class="status-spinner" aria-hidden="true"></div>
            <p>{move || t(lang.get(), Key::Loading)}</p>
        </div>
    }
}

#[component]
fn LoadFailure(error: LoadError, attempt: RwSignal<u32>) -> impl IntoView {
    let lang = expect_context::<UiLang>();
    let failure = match error {
        LoadError::Invalid { url, problems } => {
            view! { <problems::ProblemList url=url problems=problems/> }.into_any()
        }
        other => view! {
            <div class="status status-error" role="alert">
                <h1>{move || t(lang.get(), Key::LoadFailed)}</h1>
                <p class="status-reason">{move || other.message(lang.locale())}</p>
                <button class="button" on:click=move |_| attempt.update(|n| *n += 1)>
                    {move || t(lang.get(), Key::Retry)}
                </button>
            </div>
        }
        .into_any(),
    };
    // A file from the reader's computer still opens.
    view! {
        {failure}
        <div class="status"><import::OpenData/></div>
    }
}

/// The page once a dataset has loaded.
#[component]
fn AtlasPage(atlas: Atlas) -> impl IntoView {
    let lang = expect_context::<UiLang>();
    let page = expect_context::<Page>();
    let initial = url_sync::read(&atlas);
    let ui = Ui::new(&atlas, &initial);
    provide_context(atlas.clone());
    provide_context(ui);
    url_sync::install(&atlas, ui, lang, &initial);
    embed::follow_selection(ui, page.embed);
    probes::install(ui);
    let lang_value = move || lang.get();
    let attribution = atlas.dataset.meta.attribution.clone();
    view! {
        <div class="atlas" class:has-selection=move || ui.selected.get().is_some()>
            <header::Header/>
            <import::ImportReport/>
            <problems::Warnings/>
            <div class="atlas-body">
                <aside class="sidebar" aria-label=move || t(lang_value(), Key::Patterns)>
                    <pattern_filter::PatternFilter/>
                    <facet_filters::FacetFilters/>
                    <map::Legend/>
                </aside>
                <main class="views">
                    <map::MapPanel/>
                    <timeline::TimelinePanel/>
                    <incident_list::IncidentList/>
                </main>
                <detail::DetailPanel/>
            </div>
            <footer class="atlas-footer">
                <p>{attribution.map(|a| view! { <text::Localized text=a/> })}</p>
            </footer>
        </div>
    }
}
