//! The export menu: the shown incidents (after every filter) as CSV
//! (UTF-8 with a byte-order mark) or GeoJSON, and the whole dataset as
//! dataset JSON, made by `crate::export` from what is loaded.

use leptos::prelude::*;

use super::super::state::{Atlas, Ui, UiLang};
use super::download::download;
use crate::export::{csv::to_csv, file_stem, geojson::to_geojson};
use crate::import::words::{w, W};
use crate::text::Lang;

#[component]
pub fn ExportMenu() -> impl IntoView {
    let lang = expect_context::<UiLang>();
    let atlas = expect_context::<Atlas>();
    let ui = expect_context::<Ui>();
    let stem = file_stem(atlas.dataset.meta.title.pick(Lang::En));
    let shown = move || -> Vec<usize> {
        ui.shown
            .with_untracked(|s| s.ids.iter().map(|&i| i as usize).collect())
    };
    let menu = NodeRef::<leptos::html::Details>::new();
    // Closes the menu once a file is made.
    let report = move |r: Result<(), wasm_bindgen::JsValue>| {
        if let Err(e) = r {
            web_sys::console::error_2(&"Incident Atlas: export failed".into(), &e);
        }
        if let Some(m) = menu.get_untracked() {
            let _ = m.remove_attribute("open");
        }
    };
    let (a, s) = (atlas.clone(), stem.clone());
    let csv = move |_| {
        let text = to_csv(&a.dataset, &shown());
        report(download(
            &format!("{s}.csv"),
            "text/csv;charset=utf-8",
            &text,
        ));
    };
    let (a, s) = (atlas.clone(), stem.clone());
    let geojson = move |_| {
        let text = to_geojson(&a.dataset, &shown());
        report(download(
            &format!("{s}.geojson"),
            "application/geo+json",
            &text,
        ));
    };
    let (a, s) = (atlas.clone(), stem);
    let dataset = move |_| {
        report(download(
            &format!("{s}.dataset.json"),
            "application/json",
            &a.source,
        ));
    };
    view! {
        <details class="export-menu" node_ref=menu>
            <summary class="button">{move || w(lang.get(), W::Export)}</summary>
            <div class="export-items">
                <button class="link-button export-csv" on:click=csv>{move || w(lang.get(), W::ExportCsv)}</button>
                <button class="link-button export-geojson" on:click=geojson>{move || w(lang.get(), W::ExportGeoJson)}</button>
                <button class="link-button export-dataset" on:click=dataset>{move || w(lang.get(), W::ExportDataset)}</button>
                <p class="small muted">{move || w(lang.get(), W::ExportLocal)}</p>
            </div>
        </details>
    }
}
