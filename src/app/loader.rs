//! Fetching the dataset and the basemap, with a typed error.

use std::fmt;

use gloo_net::http::Request;

use super::state::Atlas;
use crate::basemap::Basemap;
use crate::dataset::{load, Message, Problem};
use crate::i18n::{fetch_failure, number, FetchFailure, Locale};
use crate::story::{load_story_file, Story, StoryMessage};
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

/// Loads the dataset and the basemap, and a story file when `story=` names
/// one (it replaces the dataset's own story). A missing basemap is not
/// fatal: the incidents still show, over a plain background, with a notice.
pub async fn load_atlas(
    url: Result<String, LoadError>,
    story: Option<String>,
) -> Result<Atlas, LoadError> {
    let url = url?;
    let (dataset_text, basemap_text) =
        futures::future::join(fetch_text(&url), fetch_text(BASEMAP)).await;
    let dataset_text = dataset_text?;
    mark("atlas:data-arrived");
    let mut loaded = load(&dataset_text).map_err(|problems| LoadError::Invalid {
        url: url.clone(),
        problems,
    })?;
    drop(dataset_text);
    if let Some(file) = story {
        loaded.dataset.story = Some(load_story(&file, &loaded.dataset).await?);
    }
    mark("atlas:validated");
    let basemap = basemap_text
        .map_err(|e| e.to_string())
        .and_then(|text| Basemap::from_json(&text));
    let atlas = Atlas::new(loaded.dataset, loaded.warnings, basemap);
    mark("atlas:scene-built");
    Ok(atlas)
}

/// A story file (`story=`): from the page's own site only, validated
/// against the dataset; its problems are listed like a dataset's.
async fn load_story(file: &str, dataset: &crate::dataset::Dataset) -> Result<Story, LoadError> {
    let window = leptos::prelude::window();
    let base = window.location().href().unwrap_or_default();
    let origin = window.location().origin().unwrap_or_default();
    let url = match web_sys::Url::new_with_base(file, &base) {
        Ok(u) if u.origin() == origin => u.href(),
        _ => {
            return Err(LoadError::Invalid {
                url: file.to_owned(),
                problems: vec![Problem::error(
                    "story",
                    Message::Story(StoryMessage::NotSameOrigin {
                        url: file.to_owned(),
                    }),
                )],
            })
        }
    };
    let text = fetch_text(&url).await?;
    load_story_file(&text, dataset).map_err(|problems| LoadError::Invalid { url, problems })
}

/// A performance mark, for the benchmark (bench/run.mjs) and devtools.
pub fn mark(name: &str) {
    if let Some(p) = leptos::prelude::window().performance() {
        let _ = p.mark(name);
    }
}
