//! The clustering the map draws, as a memo of the zoom level and the shown
//! incidents: panning never rebuilds it. Built clusterings are cached per
//! level for one shown set (a new set empties the cache), and the levels
//! next to the current one are built in the background while the reader
//! looks, so that zooming does not stall.

use std::sync::Arc;

use leptos::prelude::*;

use super::super::state::{Atlas, Shown, Ui};
use crate::dataset::Dataset;
use crate::filter::{primary_pattern, Filter};
use crate::geo::cluster::{level_for_scale, ClusterOptions, Clustering};
use crate::geo::scene::MapScene;
use crate::geo::MapView;

/// How many zoom levels' clusterings are kept, so that zooming back and
/// forth does not rebuild them.
const LEVELS_KEPT: usize = 8;

/// Which clustering: a zoom level of one shown set ([`Shown::generation`]).
pub type ClusterKey = (i32, u64);

/// A clustering with each group's mix of (primary) patterns.
pub struct Clustered {
    pub key: ClusterKey,
    pub clustering: Clustering,
    /// Per group: (pattern index, incidents) pairs, largest first.
    pub mix: Vec<Vec<(usize, u32)>>,
}

/// Two clusterings of the same key are the same (the memo compares them).
impl PartialEq for Clustered {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Clustered {
    fn build(
        key: ClusterKey,
        scene: &MapScene,
        dataset: &Dataset,
        filter: &Filter,
        shown: &Shown,
    ) -> Clustered {
        let clustering = Clustering::build(
            &scene.points,
            |i| shown.contains(i),
            key.0,
            ClusterOptions::default(),
        );
        let mix = (0..clustering.groups.len())
            .map(|g| {
                let mut counts = vec![0u32; dataset.patterns.len()];
                for &i in clustering.incidents(g) {
                    let pattern = dataset
                        .incidents
                        .get(i as usize)
                        .and_then(|inc| primary_pattern(inc, filter));
                    if let Some(count) = pattern.and_then(|p| counts.get_mut(p)) {
                        *count += 1;
                    }
                }
                let mut mix: Vec<(usize, u32)> = counts
                    .into_iter()
                    .enumerate()
                    .filter(|(_, c)| *c > 0)
                    .collect();
                mix.sort_by_key(|m| std::cmp::Reverse(m.1));
                mix
            })
            .collect();
        Clustered {
            key,
            clustering,
            mix,
        }
    }
}

/// Clusterings of one shown set, most recently used last.
#[derive(Default)]
struct ClusterCache {
    entries: Vec<Arc<Clustered>>,
}

impl ClusterCache {
    fn has(&self, key: ClusterKey) -> bool {
        self.entries.iter().any(|c| c.key == key)
    }

    fn get(&mut self, key: ClusterKey, build: impl FnOnce() -> Clustered) -> Arc<Clustered> {
        if let Some(pos) = self.entries.iter().position(|c| c.key == key) {
            let hit = self.entries.remove(pos);
            self.entries.push(hit.clone());
            return hit;
        }
        // Clusterings of another shown set are of no more use.
        self.entries.retain(|c| c.key.1 == key.1);
        if self.entries.len() >= LEVELS_KEPT {
            self.entries.remove(0);
        }
        let built = Arc::new(build());
        self.entries.push(built.clone());
        built
    }
}

/// The map's clustering, and the background work that keeps the next
/// levels ready.
#[derive(Clone, Copy)]
pub struct MapClusters {
    pub current: Memo<Option<Arc<Clustered>>>,
    level: Memo<Option<i32>>,
    cache: StoredValue<ClusterCache>,
    atlas: StoredValue<Atlas>,
    ui: Ui,
}

impl MapClusters {
    pub fn new(atlas: &Atlas, ui: Ui, view: Memo<Option<MapView>>) -> MapClusters {
        let cache = StoredValue::new(ClusterCache::default());
        let atlas = StoredValue::new(atlas.clone());
        let level = Memo::new(move |_| view.get().map(|v| level_for_scale(v.scale)));
        let current = Memo::new(move |_| {
            let level = level.get()?;
            let shown = ui.shown.get();
            let key = (level, shown.generation);
            ui.filter.with(|filter| {
                atlas.with_value(|a| {
                    cache.try_update_value(|c| {
                        c.get(key, || {
                            Clustered::build(key, &a.scene, &a.dataset, filter, &shown)
                        })
                    })
                })
            })
        });
        MapClusters {
            current,
            level,
            cache,
            atlas,
            ui,
        }
    }

    /// Builds, after a short pause, the first neighbouring level not yet
    /// cached (one per call: the painter calls it after each frame).
    pub fn prefetch_next_level(&self) {
        let Some(level) = self.level.get_untracked() else {
            return;
        };
        let generation = self.ui.shown.with_untracked(|s| s.generation);
        let Some(next) = [level + 1, level - 1, level + 2, level - 2]
            .into_iter()
            .find(|l| !self.cache.with_value(|c| c.has((*l, generation))))
        else {
            return;
        };
        let this = *self;
        set_timeout(
            move || {
                let shown = this.ui.shown.get_untracked();
                if shown.generation != generation {
                    return;
                }
                let key = (next, generation);
                this.ui.filter.with_untracked(|filter| {
                    this.atlas.with_value(|a| {
                        this.cache.update_value(|c| {
                            c.get(key, || {
                                Clustered::build(key, &a.scene, &a.dataset, filter, &shown)
                            });
                        })
                    })
                });
            },
            std::time::Duration::from_millis(40),
        );
    }
}
