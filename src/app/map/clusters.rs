//! The clustering the map draws, rebuilt only when the zoom level or the
//! shown incidents change (not while panning).

use std::sync::Arc;

use super::draw::primary_pattern;
use crate::dataset::Dataset;
use crate::filter::Filter;
use crate::geo::cluster::{level_for_scale, ClusterOptions, Clustering};
use crate::geo::scene::MapScene;

/// A clustering with each group's mix of (primary) patterns.
pub struct Clustered {
    pub clustering: Clustering,
    /// Per group: (pattern index, incidents) pairs, largest first.
    pub mix: Vec<Vec<(usize, u32)>>,
}

/// How many zoom levels' clusterings are kept, so that zooming back and
/// forth does not rebuild them.
const LEVELS_KEPT: usize = 8;

#[derive(Default)]
pub struct ClusterCache {
    /// ((level, shown identity), clustering), most recently used last.
    entries: Vec<((i32, usize), Arc<Clustered>)>,
}

impl ClusterCache {
    /// The clustering for `scale` and the shown set `shown_id` (an
    /// identity that changes whenever the shown incidents do).
    pub fn get(
        &mut self,
        scale: f64,
        shown_id: usize,
        scene: &MapScene,
        dataset: &Dataset,
        filter: &Filter,
        shown: impl Fn(u32) -> bool,
    ) -> Arc<Clustered> {
        self.get_level(
            level_for_scale(scale),
            shown_id,
            scene,
            dataset,
            filter,
            shown,
        )
    }

    /// Whether a level's clustering for a shown set is ready.
    pub fn has(&self, level: i32, shown_id: usize) -> bool {
        self.entries.iter().any(|(k, _)| *k == (level, shown_id))
    }

    /// The clustering of a zoom level (see [`level_for_scale`]).
    pub fn get_level(
        &mut self,
        level: i32,
        shown_id: usize,
        scene: &MapScene,
        dataset: &Dataset,
        filter: &Filter,
        shown: impl Fn(u32) -> bool,
    ) -> Arc<Clustered> {
        let key = (level, shown_id);
        if let Some(pos) = self.entries.iter().position(|(k, _)| *k == key) {
            let entry = self.entries.remove(pos);
            let value = entry.1.clone();
            self.entries.push(entry);
            return value;
        }
        // Clusterings of another shown set are of no more use.
        self.entries.retain(|((_, id), _)| *id == shown_id);
        if self.entries.len() >= LEVELS_KEPT {
            self.entries.remove(0);
        }
        let clustering = Clustering::build(&scene.points, shown, level, ClusterOptions::default());
        let mix = (0..clustering.groups.len())
            .map(|g| {
                let mut counts = vec![0u32; dataset.patterns.len()];
                for &i in clustering.incidents(g) {
                    if let Some(p) = dataset
                        .incidents
                        .get(i as usize)
                        .and_then(|inc| primary_pattern(inc, filter))
                    {
                        counts[p] += 1;
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
        let value = Arc::new(Clustered { clustering, mix });
        self.entries.push((key, value.clone()));
        value
    }
}

/// The radius in px of a cluster of `n` incidents.
pub fn cluster_radius(n: usize) -> f64 {
    12.0 + 5.0 * (n.max(1) as f64).log10()
}
