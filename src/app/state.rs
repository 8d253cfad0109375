//! The app's shared state: the loaded dataset (immutable) and the reader's
//! choices (signals), provided as context.

use std::sync::Arc;

use leptos::prelude::*;

use crate::basemap::Basemap;
use crate::dataset::{Dataset, Problem};
use crate::filter::Filter;
use crate::geo::scene::{MapScene, ProjectedBasemap};
use crate::geo::Lcc;
use crate::text::Lang;

/// Everything loaded, computed once.
#[derive(Clone)]
pub struct Atlas {
    pub dataset: Arc<Dataset>,
    pub warnings: Arc<Vec<Problem>>,
    pub scene: Arc<MapScene>,
    pub basemap: Option<Arc<ProjectedBasemap>>,
    /// Why the basemap is missing, when it is.
    pub basemap_error: Option<String>,
}

impl Atlas {
    pub fn new(
        dataset: Dataset,
        warnings: Vec<Problem>,
        basemap: Result<Basemap, String>,
    ) -> Atlas {
        let projection = Lcc::syria();
        let scene = MapScene::new(&dataset, projection);
        let (basemap, basemap_error) = match basemap {
            Ok(b) => (Some(Arc::new(ProjectedBasemap::new(&b, &projection))), None),
            Err(e) => (None, Some(e)),
        };
        Atlas {
            dataset: Arc::new(dataset),
            warnings: Arc::new(warnings),
            scene: Arc::new(scene),
            basemap,
            basemap_error,
        }
    }
}

/// The interface language, provided before any dataset loads.
#[derive(Clone, Copy)]
pub struct UiLang(pub RwSignal<Lang>);

impl UiLang {
    pub fn get(&self) -> Lang {
        self.0.get()
    }
}

/// Which incidents are shown, as a list and as a mask for lookups.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    /// Changes whenever the set does: caches key on it (an `Arc`'s address
    /// can be reused once the old set is dropped, so it is no identity).
    pub generation: u64,
    pub ids: Vec<u32>,
    pub mask: Vec<bool>,
}

/// A fresh generation number for a new [`Shown`].
pub fn next_generation() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Shown {
    pub fn contains(&self, incident: u32) -> bool {
        self.mask.get(incident as usize).copied().unwrap_or(false)
    }
}

/// The reader's choices.
#[derive(Clone, Copy)]
pub struct Ui {
    pub filter: RwSignal<Filter>,
    /// The brushed time range `[start, end)` in seconds, if any.
    pub time_range: RwSignal<Option<(i64, i64)>>,
    pub selected: RwSignal<Option<u32>>,
    pub hovered: RwSignal<Option<u32>>,
    /// What every filter but the time range lets through: the timeline
    /// draws these, dimming those outside the brush.
    pub context: Memo<Arc<Shown>>,
    /// What all filters let through: the map, the counts and the list.
    pub shown: Memo<Arc<Shown>>,
    pub pattern_counts: Memo<Arc<Vec<usize>>>,
}

impl Ui {
    pub fn new(atlas: &Atlas) -> Ui {
        let filter = RwSignal::new(Filter::everything(&atlas.dataset));
        let time_range = RwSignal::new(None::<(i64, i64)>);
        let dataset = atlas.dataset.clone();
        let context = Memo::new(move |_| {
            let f = filter.get();
            let ids = f.apply(&dataset);
            let mut mask = vec![false; dataset.incidents.len()];
            for &i in &ids {
                mask[i as usize] = true;
            }
            Arc::new(Shown {
                generation: next_generation(),
                ids,
                mask,
            })
        });
        let dataset = atlas.dataset.clone();
        let shown = Memo::new(move |_| {
            let all = context.get();
            match time_range.get() {
                None => all,
                Some((a, b)) => {
                    let mut mask = vec![false; all.mask.len()];
                    let ids: Vec<u32> = all
                        .ids
                        .iter()
                        .copied()
                        .filter(|&i| {
                            let w = &dataset.incidents[i as usize].when;
                            w.start < b && w.end > a
                        })
                        .collect();
                    for &i in &ids {
                        mask[i as usize] = true;
                    }
                    Arc::new(Shown {
                        generation: next_generation(),
                        ids,
                        mask,
                    })
                }
            }
        });
        let dataset = atlas.dataset.clone();
        let pattern_counts = Memo::new(move |_| Arc::new(filter.get().pattern_counts(&dataset)));
        let selected = RwSignal::new(None);
        // A selection that the filter hides is dropped.
        Effect::new(move |_| {
            let s = shown.get();
            if let Some(i) = selected.get_untracked() {
                if !s.contains(i) {
                    selected.set(None);
                }
            }
        });
        Ui {
            filter,
            time_range,
            selected,
            hovered: RwSignal::new(None),
            context,
            shown,
            pattern_counts,
        }
    }
}

/// The language from the URL (`lang=ar|en`), else the dataset's default,
/// else the browser's preference, else Arabic.
pub fn initial_lang(dataset_default: Option<Lang>) -> Lang {
    if let Some(l) = query_param("lang").and_then(|v| Lang::from_code(&v)) {
        return l;
    }
    if let Some(l) = dataset_default {
        return l;
    }
    let browser = window().navigator().language().unwrap_or_default();
    if browser.to_ascii_lowercase().starts_with("en") {
        Lang::En
    } else {
        Lang::Ar
    }
}

/// A query parameter of the page's URL.
pub fn query_param(name: &str) -> Option<String> {
    let search = window().location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name)
}
