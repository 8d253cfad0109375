//! What pointing at the map does: hovering marks an incident or a
//! cluster, clicking selects an incident, flies into a cluster, or lists
//! the incidents of a spot that zooming cannot split.

use std::sync::Arc;

use leptos::prelude::*;

use super::super::state::Ui;
use super::camera::{Camera, MAX_SCALE};
use super::clusters::{ClusterKey, Clustered, MapClusters};
use crate::geo::cluster::ClusterOptions;
use crate::geo::fly::into_cluster;
use crate::geo::gesture::Px;
use crate::geo::hit::{hit_test, Hit};
use crate::geo::scene::MapScene;
use crate::geo::spot::Spot;
use crate::geo::Size;

/// The cluster under the pointer, named with the clustering it belongs to
/// so that it is dropped, not misread, once the clustering changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HoveredCluster {
    pub key: ClusterKey,
    pub group: usize,
}

impl HoveredCluster {
    /// Its group in `clustered`, if that is the clustering it was found in.
    pub fn group_in(&self, clustered: &Clustered) -> Option<usize> {
        (self.key == clustered.key).then_some(self.group)
    }
}

#[derive(Clone, Copy)]
pub struct MapPicker {
    pub hovered_cluster: RwSignal<Option<HoveredCluster>>,
    /// The open list of a spot's incidents.
    pub spot: RwSignal<Option<Spot>>,
    scene: StoredValue<Arc<MapScene>>,
    clusters: MapClusters,
    camera: Camera,
    size: ReadSignal<Option<Size>>,
    ui: Ui,
}

impl MapPicker {
    pub fn new(
        scene: Arc<MapScene>,
        clusters: MapClusters,
        camera: Camera,
        size: ReadSignal<Option<Size>>,
        ui: Ui,
    ) -> MapPicker {
        MapPicker {
            hovered_cluster: RwSignal::new(None),
            spot: RwSignal::new(None),
            scene: StoredValue::new(scene),
            clusters,
            camera,
            size,
            ui,
        }
    }

    /// The mark at `at`, with the clustering it was found in.
    fn hit(&self, at: Px) -> Option<(Hit, Arc<Clustered>)> {
        let (size, view) = (
            self.size.get_untracked()?,
            self.camera.view.get_untracked()?,
        );
        let clustered = self.clusters.current.get_untracked()?;
        let shown = self.ui.shown.get_untracked();
        let hit = self.scene.with_value(|scene| {
            hit_test(scene, &clustered.clustering, &view, size, at, |i| {
                shown.contains(i)
            })
        })?;
        Some((hit, clustered))
    }

    /// The pointer is at `at`, or (`None`) off the map.
    pub fn hover(&self, at: Option<Px>) {
        let (incident, cluster) = match at.and_then(|at| self.hit(at)) {
            Some((Hit::Incident(i), _)) => (Some(i), None),
            Some((Hit::Cluster(group), c)) => (None, Some(HoveredCluster { key: c.key, group })),
            None => (None, None),
        };
        if self.ui.hovered.get_untracked() != incident {
            self.ui.hovered.set(incident);
        }
        if self.hovered_cluster.get_untracked() != cluster {
            self.hovered_cluster.set(cluster);
        }
    }

    /// A click at `at`.
    pub fn click(&self, at: Px) {
        self.spot.set(None);
        match self.hit(at) {
            None => self.ui.selected.set(None),
            Some((Hit::Incident(i), _)) => self.ui.selected.set(Some(i)),
            Some((Hit::Cluster(g), clustered)) => {
                let (Some(size), Some(view)) =
                    (self.size.get_untracked(), self.camera.view.get_untracked())
                else {
                    return;
                };
                let Some(group) = clustered.clustering.groups.get(g) else {
                    return;
                };
                let coincident = ClusterOptions::default().coincident_px;
                match into_cluster(group.bounds, view, size, MAX_SCALE, coincident) {
                    Some(target) => self.camera.fly_to(target, None),
                    None => self.spot.set(Spot::open(&clustered.clustering, g, at)),
                }
            }
        }
    }

    /// Closes what is open: the spot list and the selection.
    pub fn dismiss(&self) {
        self.spot.set(None);
        self.ui.selected.set(None);
    }
}
