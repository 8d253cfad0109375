//! The app's shared state: the loaded dataset (immutable) and the reader's
//! choices (signals), provided as context.

use std::sync::Arc;

use leptos::prelude::*;

use crate::basemap::Basemap;
use crate::dataset::{Dataset, Loaded, Problem};
use crate::filter::{Evaluation, Facet, Filter, FilterIndex, TimeRange};
use crate::geo::region::{data_home, fits_data};
use crate::geo::scene::{MapScene, ProjectedBasemap};
use crate::geo::Lcc;
use crate::geo::{Bounds, Region};
use crate::i18n::{Digits, Locale};
use crate::import::{ImportReport, Territory};
use crate::text::Lang;
use crate::url_state::{page_language, MapState, ViewState};

/// What every dataset shares: the basemap, projected once, and the
/// country the importers keep rows to.
#[derive(Clone)]
pub struct Base {
    pub basemap: Option<Arc<ProjectedBasemap>>,
    /// Why the basemap is missing, when it is.
    pub basemap_error: Option<String>,
    /// Syria from the basemap (`None` without one: imports keep every row).
    pub territory: Option<Arc<Territory>>,
}

impl Base {
    pub fn new(basemap: Result<Basemap, String>) -> Base {
        match basemap {
            Ok(b) => Base {
                territory: Territory::syria(&b).ok().map(Arc::new),
                basemap: Some(Arc::new(ProjectedBasemap::new(&b, &Lcc::syria()))),
                basemap_error: None,
            },
            Err(e) => Base {
                basemap: None,
                basemap_error: Some(e),
                territory: None,
            },
        }
    }
}

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
    pub base: Base,
    /// The dataset's JSON text (for the dataset JSON download).
    pub source: Arc<str>,
    /// What the import did with every row, when the dataset was imported.
    pub import: Option<Arc<ImportReport>>,
    /// The region presets with at least one place inside.
    pub regions: Arc<Vec<Region>>,
    /// The box the map opens on when it fits the data (imported, or with
    /// places outside Syria), in projected km.
    pub data_home: Option<Bounds>,
}

impl Atlas {
    pub fn new(loaded: Loaded, base: &Base, source: String, import: Option<ImportReport>) -> Atlas {
        let Loaded { dataset, warnings } = loaded;
        let projection = Lcc::syria();
        let scene = MapScene::new(&dataset, projection);
        let filter_index = Arc::new(FilterIndex::new(&dataset));
        let places = || {
            dataset
                .incidents
                .iter()
                .flat_map(|i| i.places.iter().map(|p| (p.lon, p.lat)))
        };
        let regions = Region::ALL
            .iter()
            .copied()
            .filter(|r| r.applies(places()))
            .collect();
        // A dataset's own default view holds unless its data was imported
        // or reaches beyond Syria.
        let data_home = scene
            .extent()
            .filter(|_| fits_data(Region::Syria, import.is_some(), places()))
            .map(data_home);
        Atlas {
            dataset: Arc::new(dataset),
            warnings: Arc::new(warnings),
            scene: Arc::new(scene),
            filter_index,
            basemap: base.basemap.clone(),
            basemap_error: base.basemap_error.clone(),
            base: base.clone(),
            source: source.into(),
            import: import.map(Arc::new),
            regions: Arc::new(regions),
            data_home,
        }
    }
}

/// The interface language and how it writes numbers, provided before any
/// dataset loads. `.0` is the language in use (the chosen one, else the
/// dataset's default once loaded, else the browser's: [`page_language`]);
/// prefer the methods, `.0` stays public for the map and the timeline.
#[derive(Clone, Copy)]
pub struct UiLang(pub Memo<Lang>, LangChoice);

#[derive(Clone, Copy)]
struct LangChoice {
    /// The URL's language, then the reader's (the language switch).
    chosen: RwSignal<Option<Lang>>,
    /// The URL's `digits=`, fixed for the page load.
    digits: Option<Digits>,
}

impl UiLang {
    /// `chosen` is the URL's language; `dataset_default` is tracked, so
    /// the dataset's default applies once it has loaded.
    pub fn new(
        chosen: Option<Lang>,
        dataset_default: Memo<Option<Lang>>,
        browser: String,
        digits: Option<Digits>,
    ) -> UiLang {
        let chosen = RwSignal::new(chosen);
        let lang = Memo::new(move |_| page_language(chosen.get(), dataset_default.get(), &browser));
        UiLang(lang, LangChoice { chosen, digits })
    }

    pub fn get(&self) -> Lang {
        self.0.get()
    }

    pub fn get_untracked(&self) -> Lang {
        self.0.get_untracked()
    }

    /// The language and digits for the formatting functions of
    /// [`crate::i18n`] (tracked).
    pub fn locale(&self) -> Locale {
        Locale::new(self.get(), self.1.digits)
    }

    pub fn locale_untracked(&self) -> Locale {
        Locale::new(self.get_untracked(), self.1.digits)
    }

    /// Switches to `lang` (the reader's choice, or the URL's on back and
    /// forward).
    pub fn choose(&self, lang: Lang) {
        if self.1.chosen.get_untracked() != Some(lang) {
            self.1.chosen.set(Some(lang));
        }
    }
}

/// The selected incident: the one chosen, while the filter shows it. A
/// selection the filter hides is not shown (nor kept in the URL); it comes
/// back if the filter lets it through again before another is chosen.
#[derive(Clone, Copy)]
pub struct Selection {
    chosen: RwSignal<Option<u32>>,
    shown: Memo<Option<u32>>,
}

impl Selection {
    fn new(initial: Option<u32>, visible: Memo<Arc<Shown>>) -> Selection {
        let chosen = RwSignal::new(initial);
        let shown = Memo::new(move |_| visible_selection(chosen.get(), &visible.get()));
        Selection { chosen, shown }
    }

    /// The selected incident, if the filter shows it (tracked).
    pub fn get(&self) -> Option<u32> {
        self.shown.get()
    }

    pub fn get_untracked(&self) -> Option<u32> {
        self.shown.get_untracked()
    }

    pub fn track(&self) {
        self.shown.track();
    }

    /// Chooses an incident, or none.
    pub fn set(&self, incident: Option<u32>) {
        if self.chosen.get_untracked() != incident {
            self.chosen.set(incident);
        }
    }
}

/// The chosen incident if `shown` contains it.
fn visible_selection(chosen: Option<u32>, shown: &Shown) -> Option<u32> {
    chosen.filter(|&i| shown.contains(i))
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
    pub selected: Selection,
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
    /// What the map shows, for the URL: the map publishes its view memo
    /// here once, when it mounts (`None` before, or without a map).
    pub map_state: RwSignal<Option<Memo<Option<MapState>>>>,
    /// A view the map is asked to show (from the URL).
    pub map_request: RwSignal<Option<MapState>>,
    /// The timeline's visible span in seconds (written by the timeline).
    pub timeline_domain: RwSignal<Option<(f64, f64)>>,
    /// A span the timeline is asked to show (from the URL).
    pub timeline_request: RwSignal<Option<(f64, f64)>>,
    /// The region the map opens on and returns to (⟲): the URL's, else
    /// the dataset's default, else all Syria.
    pub home_region: Region,
    /// Where the map opens and returns to instead of `home_region` when it
    /// fits the data ([`Atlas::data_home`]), unless the URL names a region.
    pub home_extent: Option<Bounds>,
}

impl Ui {
    /// The choices, starting from the view the URL asks for.
    pub fn new(atlas: &Atlas, initial: &ViewState) -> Ui {
        let filter = RwSignal::new(initial.to_filter(&atlas.dataset));
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
        let selected = Selection::new(
            initial
                .selected
                .as_deref()
                .and_then(|id| atlas.dataset.incident_index(id))
                .map(|i| i as u32),
            shown,
        );
        let home_region = match initial.map {
            Some(MapState::Region(r)) => r,
            _ => atlas.dataset.meta.default_region.unwrap_or(Region::Syria),
        };
        let home_extent = match initial.map {
            Some(MapState::Region(_)) => None,
            _ => atlas.data_home,
        };
        Ui {
            filter,
            selected,
            hovered: RwSignal::new(None),
            evaluation,
            context,
            shown,
            pattern_counts,
            map_state: RwSignal::new(None),
            map_request: RwSignal::new(initial.map),
            timeline_domain: RwSignal::new(None),
            timeline_request: RwSignal::new(
                initial.timeline.map(|r| (r.start as f64, r.end as f64)),
            ),
            home_region,
            home_extent,
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
