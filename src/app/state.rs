//! The app's shared state: the loaded dataset (immutable) and the reader's
//! choices (signals), provided as context.

use std::sync::Arc;

use leptos::prelude::*;

use crate::basemap::Basemap;
use crate::dataset::{Dataset, Problem};
use crate::filter::{Evaluation, Facet, Filter, FilterIndex, TimeRange};
use crate::geo::scene::{MapScene, ProjectedBasemap};
use crate::geo::Lcc;
use crate::text::Lang;
use crate::url_state::MapState;

/// Everything loaded, computed once.
#[derive(Clone)]
pub struct Atlas {
    pub dataset: Arc<Dataset>,
    pub warnings: Arc<Vec<Problem>>,
    pub scene: Arc<MapScene>,
    /// Indexes for filtering, built once.
    pub filter_index: Arc<FilterIndex>,
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
        let filter_index = Arc::new(FilterIndex::new(&dataset));
        let (basemap, basemap_error) = match basemap {
            Ok(b) => (Some(Arc::new(ProjectedBasemap::new(&b, &projection))), None),
            Err(e) => (None, Some(e)),
        };
        Atlas {
            dataset: Arc::new(dataset),
            warnings: Arc::new(warnings),
            scene: Arc::new(scene),
            filter_index,
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
#[derive(Clone, Debug, PartialEq, Eq)]
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

/// An evaluation of the filter, numbered so that comparing two is cheap.
#[derive(Clone, Debug)]
pub struct Evaluated {
    pub generation: u64,
    pub evaluation: Evaluation,
}

impl PartialEq for Evaluated {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation
    }
}

/// The reader's choices.
#[derive(Clone, Copy)]
pub struct Ui {
    /// Every filter, the brushed time range included.
    pub filter: RwSignal<Filter>,
    pub selected: RwSignal<Option<u32>>,
    pub hovered: RwSignal<Option<u32>>,
    /// The filter evaluated on the dataset's indexes, with facet counts;
    /// updated incrementally (a brush move only redoes the time facet).
    pub evaluation: Memo<Arc<Evaluated>>,
    /// What every filter but the time range lets through: the timeline
    /// draws these, veiling those outside the brush.
    pub context: Memo<Arc<Shown>>,
    /// What all filters let through: the map, the counts and the list.
    pub shown: Memo<Arc<Shown>>,
    pub pattern_counts: Memo<Arc<Vec<usize>>>,
    /// What the map shows (written by the map, read for the URL).
    pub map_state: RwSignal<Option<MapState>>,
    /// A view the map is asked to show (from the URL).
    pub map_request: RwSignal<Option<MapState>>,
    /// The timeline's visible span in seconds (written by the timeline).
    pub timeline_domain: RwSignal<Option<(f64, f64)>>,
    /// A span the timeline is asked to show (from the URL).
    pub timeline_request: RwSignal<Option<(f64, f64)>>,
}

impl Ui {
    pub fn new(atlas: &Atlas) -> Ui {
        let filter = RwSignal::new(Filter::everything(&atlas.dataset));
        let (dataset, index) = (atlas.dataset.clone(), atlas.filter_index.clone());
        let evaluation = Memo::new(move |previous: Option<&Arc<Evaluated>>| {
            let evaluation = filter.with(|f| match previous {
                Some(p) => p.evaluation.updated(f, &dataset, &index),
                None => f.evaluate(&dataset, &index),
            });
            Arc::new(Evaluated {
                generation: next_generation(),
                evaluation,
            })
        });
        let shown = Memo::new(move |_| {
            let e = evaluation.get();
            Arc::new(Shown {
                generation: e.generation,
                ids: e.evaluation.shown().to_vec(),
                mask: e.evaluation.mask().to_vec(),
            })
        });
        // Every filter but the time range: brushing does not change it, so
        // the timeline's histogram (keyed on it) survives a brush drag.
        let sans_time = Memo::new(move |_| {
            filter.with(|f| {
                let mut without = f.clone();
                without.time = None;
                without
            })
        });
        // Rebuilt only when a filter other than time changes; the same Arc
        // comes back otherwise, and equal Arcs notify nobody.
        let context_cache = StoredValue::new(None::<(Filter, Arc<Shown>)>);
        let context = Memo::new(move |_| {
            let without = sans_time.get();
            let e = evaluation.get();
            if let Some(hit) = context_cache.with_value(|c| {
                c.as_ref()
                    .filter(|(f, _)| *f == without)
                    .map(|(_, s)| s.clone())
            }) {
                return hit;
            }
            let n = e.evaluation.mask().len();
            let mut mask = vec![false; n];
            let mut ids = Vec::new();
            for i in 0..n as u32 {
                if e.evaluation.passes_all_but(Facet::Time, i) {
                    mask[i as usize] = true;
                    ids.push(i);
                }
            }
            let shown = Arc::new(Shown {
                generation: next_generation(),
                ids,
                mask,
            });
            context_cache.set_value(Some((without, shown.clone())));
            shown
        });
        let pattern_counts = Memo::new(move |_| {
            let e = evaluation.get();
            Arc::new(
                e.evaluation
                    .counts()
                    .values(Facet::Pattern)
                    .iter()
                    .map(|c| *c as usize)
                    .collect(),
            )
        });
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
            selected,
            hovered: RwSignal::new(None),
            evaluation,
            context,
            shown,
            pattern_counts,
            map_state: RwSignal::new(None),
            map_request: RwSignal::new(None),
            timeline_domain: RwSignal::new(None),
            timeline_request: RwSignal::new(None),
        }
    }

    /// The brushed time range `[start, end)`, tracked.
    pub fn time(&self) -> Option<(i64, i64)> {
        self.filter.with(|f| f.time.map(|r| (r.start, r.end)))
    }

    pub fn time_untracked(&self) -> Option<(i64, i64)> {
        self.filter
            .with_untracked(|f| f.time.map(|r| (r.start, r.end)))
    }

    pub fn set_time(&self, range: Option<(i64, i64)>) {
        let next = range.map(|(a, b)| TimeRange::new(a, b));
        if self.filter.with_untracked(|f| f.time != next) {
            self.filter.update(|f| f.time = next);
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
