//! What is under a pixel of the map: an incident's marker or a cluster.
//! The sizes marks are drawn at live here too, so that what can be hit is
//! what is seen.

use super::cluster::Clustering;
use super::gesture::Px;
use super::scene::MapScene;
use super::view::{MapView, Size};
use crate::symbols::radius_for_killed;

/// Marker radius in px of an incident with no figure (see
/// [`radius_for_killed`] for the others).
pub const MARKER_BASE_PX: f64 = 5.0;

/// How far outside a mark (px) a pointer still hits it: a finger or a
/// shaky hand is not a pixel.
const HIT_SLACK_PX: f64 = 3.0;

/// The radius in px of a cluster of `n` incidents.
pub fn cluster_radius(n: usize) -> f64 {
    12.0 + 5.0 * (n.max(1) as f64).log10()
}

/// A mark under the pointer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hit {
    /// An incident (dataset index) drawn as its own marker.
    Incident(u32),
    /// A group of `clustering` drawn as a cluster disc.
    Cluster(usize),
}

/// The mark at `at` on the map drawn with `clustering` in `view` at
/// `size`, among the incidents `shown` allows. The nearest group decides:
/// a cluster is hit inside its disc, a single group through the nearest
/// shown incident marker.
pub fn hit_test(
    scene: &MapScene,
    clustering: &Clustering,
    view: &MapView,
    size: Size,
    at: Px,
    shown: impl Fn(u32) -> bool,
) -> Option<Hit> {
    let p = view.to_map(at.0, at.1, size);
    // Wide enough for the biggest cluster; then check the real radius.
    let reach_km = (cluster_radius(100_000) + HIT_SLACK_PX) / view.scale;
    let g = clustering.hit(p, reach_km)?;
    let group = clustering.groups.get(g)?;
    if group.is_cluster() {
        let (gx, gy) = view.to_screen(group.at, size);
        let r = cluster_radius(group.incident_count()) + HIT_SLACK_PX;
        return ((gx - at.0).hypot(gy - at.1) <= r).then_some(Hit::Cluster(g));
    }
    let biggest_marker = radius_for_killed(Some(u32::MAX), MARKER_BASE_PX) + HIT_SLACK_PX;
    scene
        .hit(view, size, at, biggest_marker, shown)
        .map(Hit::Incident)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::cluster::{level_for_scale, ClusterOptions};
    use crate::geo::scene::PlaceInDegrees;
    use crate::geo::{Lcc, PlacePrecision};

    /// Two incidents a few km apart near Palmyra and one at Damascus.
    fn scene() -> MapScene {
        let place = |incident: u32, lon: f64, lat: f64| PlaceInDegrees {
            incident,
            lon,
            lat,
            radius_km: 0.5,
            precision: PlacePrecision::Exact,
        };
        let places = [
            place(0, 38.27, 34.56),
            place(1, 38.29, 34.59),
            place(2, 36.29, 33.51),
        ];
        MapScene::new(3, places, Lcc::syria())
    }

    const SIZE: Size = Size {
        width: 800.0,
        height: 600.0,
    };

    #[test]
    fn clusters_and_markers_are_hit_where_they_are_drawn() {
        let scene = scene();
        let view = MapView {
            center: scene.points[0].at,
            scale: 1.0,
        };
        let clustering = Clustering::build(
            &scene.points,
            |_| true,
            level_for_scale(view.scale),
            ClusterOptions::default(),
        );
        let pair = clustering.group_of(0).expect("shown");
        let (x, y) = view.to_screen(clustering.groups[pair].at, SIZE);
        assert_eq!(
            hit_test(&scene, &clustering, &view, SIZE, (x + 10.0, y), |_| true),
            Some(Hit::Cluster(pair))
        );
        let edge = cluster_radius(2) + HIT_SLACK_PX;
        assert_eq!(
            hit_test(
                &scene,
                &clustering,
                &view,
                SIZE,
                (x + edge + 1.0, y),
                |_| true
            ),
            None
        );
        let (cx, cy) = view.to_screen(scene.points[2].at, SIZE);
        assert_eq!(
            hit_test(
                &scene,
                &clustering,
                &view,
                SIZE,
                (cx + 4.0, cy - 4.0),
                |_| true
            ),
            Some(Hit::Incident(2))
        );
        assert_eq!(
            hit_test(&scene, &clustering, &view, SIZE, (cx + 40.0, cy), |_| true),
            None
        );
    }

    #[test]
    fn hidden_incidents_are_not_hit() {
        let scene = scene();
        let view = MapView {
            center: scene.points[0].at,
            scale: 60.0,
        };
        let shown = |i: u32| i != 0;
        let clustering = Clustering::build(
            &scene.points,
            shown,
            level_for_scale(60.0),
            ClusterOptions::default(),
        );
        let (x, y) = view.to_screen(scene.points[0].at, SIZE);
        assert_eq!(
            hit_test(&scene, &clustering, &view, SIZE, (x, y), shown),
            None
        );
        let (x, y) = view.to_screen(scene.points[1].at, SIZE);
        assert_eq!(
            hit_test(&scene, &clustering, &view, SIZE, (x, y), shown),
            Some(Hit::Incident(1))
        );
    }
}
