//! Fetching the dataset and the basemap, with a typed error.

use std::fmt;

use gloo_net::http::Request;

use super::state::{Atlas, Base};
use crate::basemap::Basemap;
use crate::dataset::{load, Problem};
use crate::i18n::{fetch_failure, number, FetchFailure, Locale};
use crate::import::detect::{detect, Format};
use crate::import::{import_bytes, Options};
use crate::text::Lang;

/// The default dataset, shipped with the app.
pub const DEFAULT_DATASET: &str = "data/incidents.json";
pub const BASEMAP: &str = "data/basemap.json";

#[derive(Clone, Debug)]
pub enum LoadError {
    /// The `data=` parameter is not an http(s) URL.
    UnsafeUrl(String),
    /// The request failed (offline, refused, blocked by CORS…).
    Network { url: String, reason: String },
    /// The server answered with an error status.
    Status { url: String, status: u16 },
    /// The dataset loaded but is not valid.
    Invalid { url: String, problems: Vec<Problem> },
    /// A CSV, TSV or GeoJSON file that could not be imported at all (the
    /// importer's reason, in English).
    Import { url: String, reason: String },
}

impl LoadError {
    /// What went wrong, in the locale's language and digits.
    pub fn message(&self, locale: impl Into<Locale>) -> String {
        let locale = locale.into();
        let lang = locale.lang;
        match self {
            LoadError::UnsafeUrl(url) => fetch_failure(lang, FetchFailure::UnsafeUrl { url }),
            LoadError::Network { url, reason } => {
                fetch_failure(lang, FetchFailure::Network { url, reason })
            }
            LoadError::Status { url, status } => fetch_failure(
                lang,
                FetchFailure::Status {
                    url,
                    status: *status,
                },
            ),
            LoadError::Import { url, reason } => format!("{url}: {reason}"),
            // Listed problem by problem (app::problems).
            LoadError::Invalid { url, problems } => {
                format!("{url}: {}", number(locale, problems.len() as u64))
            }
        }
    }
}

/// In English.
impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// The dataset URL: the URL's `data=` parameter ([`Page::data`]; http(s),
/// resolved against the page), else the default dataset.
///
/// [`Page::data`]: crate::url_state::Page::data
pub fn dataset_url(data: Option<&str>) -> Result<String, LoadError> {
    let Some(param) = data else {
        return Ok(DEFAULT_DATASET.to_owned());
    };
    let base = leptos::prelude::window()
        .location()
        .href()
        .unwrap_or_default();
    match web_sys::Url::new_with_base(param, &base) {
        Ok(url) if matches!(url.protocol().as_str(), "http:" | "https:") => Ok(url.href()),
        _ => Err(LoadError::UnsafeUrl(param.to_owned())),
    }
}

async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let network = |e: gloo_net::Error| LoadError::Network {
        url: url.to_owned(),
        reason: e.to_string(),
    };
    let response = Request::get(url).send().await.map_err(network)?;
    if !response.ok() {
        return Err(LoadError::Status {
            url: url.to_owned(),
            status: response.status(),
        });
    }
    response.text().await.map_err(network)
}

/// Loads the dataset and the basemap. A missing basemap is not fatal: the
/// incidents still show, over a plain background, with a notice.
///
/// The dataset is recognised by its content (`import::detect`, the URL's
/// file name deciding only when the content cannot): dataset JSON loads
/// as it is; CSV, TSV (ACLED, UCDP GED, a spreadsheet with the proposed
/// mapping) and GeoJSON are imported first, keeping to Syria.
pub async fn load_atlas(url: Result<String, LoadError>) -> Result<Atlas, LoadError> {
    let url = url?;
    let (dataset_text, basemap_text) =
        futures::future::join(fetch_text(&url), fetch_text(BASEMAP)).await;
    let dataset_text = dataset_text?;
    mark("atlas:data-arrived");
    let base = Base::new(
        basemap_text
            .map_err(|e| e.to_string())
            .and_then(|text| Basemap::from_json(&text)),
    );
    let name = file_name_of(&url);
    let (json, report) = match detect(dataset_text.as_bytes(), Some(&name)) {
        Format::Dataset => (dataset_text, None),
        _ => {
            let options = Options {
                territory: base.territory.as_deref().cloned(),
                title: Some(name),
                ..Options::default()
            };
            let imported = import_bytes(dataset_text.as_bytes(), None, options).map_err(|e| {
                LoadError::Import {
                    url: url.clone(),
                    reason: e.0,
                }
            })?;
            drop(dataset_text);
            (imported.document.to_json(), Some(imported.report))
        }
    };
    let loaded = load(&json).map_err(|problems| LoadError::Invalid {
        url: url.clone(),
        problems,
    })?;
    mark("atlas:validated");
    let atlas = Atlas::new(loaded, &base, json, report);
    mark("atlas:scene-built");
    Ok(atlas)
}

/// The last part of a URL's path ("acled.csv"), for the format's extension
/// and an imported dataset's title.
pub fn file_name_of(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or("");
    path.rsplit('/').next().unwrap_or("").to_owned()
}

/// Only the basemap (for an import when no dataset has loaded).
pub async fn load_base() -> Base {
    Base::new(
        fetch_text(BASEMAP)
            .await
            .map_err(|e| e.to_string())
            .and_then(|text| Basemap::from_json(&text)),
    )
}

/// A performance mark, for the benchmark (bench/run.mjs) and devtools.
pub fn mark(name: &str) {
    if let Some(p) = leptos::prelude::window().performance() {
        let _ = p.mark(name);
    }
}
