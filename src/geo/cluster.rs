//! Clustering incident places for a zoom level: places whose projected
//! positions share a grid cell merge into one group. The grid is anchored
//! in projected km, so groups do not change while panning, only when the
//! zoom crosses a level. Groups sit in a k-d tree for hit-testing.

use super::kdtree::KdTree;
use super::projection::Point;
use super::scene::IncidentPoint;
use super::view::Bounds;

/// Zoom levels are half-octaves of scale: level = floor(2·log2(px per km)).
pub fn level_for_scale(scale: f64) -> i32 {
    (scale.max(1e-6).log2() * 2.0).floor() as i32
}

/// The scale (px per km) at which a level starts.
pub fn level_scale(level: i32) -> f64 {
    2f64.powf(f64::from(level) / 2.0)
}

/// How places are grouped.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClusterOptions {
    /// Cell size in screen px while clustering. Default 44.
    pub cell_px: f64,
    /// From this scale (px per km) on, only places closer than
    /// `coincident_px` still merge, so that places at the same spot stay
    /// one group that can be listed. Default 20.
    pub split_scale: f64,
    /// Default 6.
    pub coincident_px: f64,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            cell_px: 44.0,
            split_scale: 20.0,
            coincident_px: 6.0,
        }
    }
}

/// One mark on the map: a single place or a cluster of several.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// The mean position of its places.
    pub at: Point,
    /// Indexes into the scene's points.
    pub points: Vec<u32>,
    /// Distinct incidents among them, sorted.
    pub incidents: Vec<u32>,
    pub bounds: Bounds,
}

impl Group {
    pub fn is_cluster(&self) -> bool {
        self.incidents.len() > 1
    }
}

#[derive(Clone, Debug, Default)]
pub struct Clustering {
    pub level: i32,
    pub groups: Vec<Group>,
    tree: KdTree,
}

impl Clustering {
    /// Groups the places whose incident `shown` allows, for a zoom level.
    ///
    /// Sorting places by cell (rather than hashing) keeps this to one sort
    /// and one pass, which matters at 100,000 places in WebAssembly.
    pub fn build(
        points: &[IncidentPoint],
        shown: impl Fn(u32) -> bool,
        level: i32,
        options: ClusterOptions,
    ) -> Clustering {
        let scale = level_scale(level);
        let cell_px = if scale >= options.split_scale {
            options.coincident_px
        } else {
            options.cell_px
        };
        let cell_km = cell_px / scale;
        let mut keyed: Vec<((i64, i64), u32)> = points
            .iter()
            .enumerate()
            .filter(|(_, p)| shown(p.incident) && p.at.x.is_finite() && p.at.y.is_finite())
            .map(|(k, p)| {
                (
                    (
                        (p.at.x / cell_km).floor() as i64,
                        (p.at.y / cell_km).floor() as i64,
                    ),
                    k as u32,
                )
            })
            .collect();
        keyed.sort_unstable();
        let mut groups: Vec<Group> = Vec::new();
        for run in keyed.chunk_by(|a, b| a.0 == b.0) {
            let first = points[run[0].1 as usize].at;
            let mut bounds = Bounds {
                min: first,
                max: first,
            };
            let (mut sx, mut sy) = (0.0, 0.0);
            let mut members = Vec::with_capacity(run.len());
            let mut incidents = Vec::with_capacity(run.len());
            for &(_, k) in run {
                let p = &points[k as usize];
                bounds.min = Point::new(bounds.min.x.min(p.at.x), bounds.min.y.min(p.at.y));
                bounds.max = Point::new(bounds.max.x.max(p.at.x), bounds.max.y.max(p.at.y));
                sx += p.at.x;
                sy += p.at.y;
                members.push(k);
                incidents.push(p.incident);
            }
            incidents.sort_unstable();
            incidents.dedup();
            let n = run.len() as f64;
            groups.push(Group {
                at: Point::new(sx / n, sy / n),
                points: members,
                incidents,
                bounds,
            });
        }
        let tree = KdTree::build(groups.iter().enumerate().map(|(i, g)| (g.at, i as u32)));
        Clustering {
            level,
            groups,
            tree,
        }
    }

    /// The group nearest to `at` within `radius_km`.
    pub fn hit(&self, at: Point, radius_km: f64) -> Option<usize> {
        self.tree
            .nearest_within(at, radius_km)
            .map(|(i, _)| i as usize)
    }

    /// Calls `visit` with each group whose centre is inside `bounds`.
    pub fn within(&self, bounds: Bounds, mut visit: impl FnMut(usize)) {
        self.tree.within(bounds, |i, _| visit(i as usize));
    }

    /// The group holding a place of `incident`, if it is shown.
    pub fn group_of(&self, incident: u32) -> Option<usize> {
        self.groups
            .iter()
            .position(|g| g.incidents.binary_search(&incident).is_ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::PlacePrecision;

    fn point(incident: u32, x: f64, y: f64) -> IncidentPoint {
        IncidentPoint {
            incident,
            place: 0,
            at: Point::new(x, y),
            radius_km: 1.0,
            precision: PlacePrecision::Exact,
        }
    }

    #[test]
    fn levels_are_half_octaves() {
        assert_eq!(level_for_scale(1.0), 0);
        assert_eq!(level_for_scale(2.0), 2);
        assert_eq!(level_for_scale(1.5), 1);
        assert!((level_scale(3) - 2f64.powf(1.5)).abs() < 1e-12);
        assert!(level_scale(level_for_scale(7.3)) <= 7.3);
    }

    #[test]
    fn nearby_places_merge_when_zoomed_out_and_split_when_zoomed_in() {
        let pts = vec![point(0, 0.0, 0.0), point(1, 5.0, 5.0), point(2, 500.0, 0.0)];
        let out = Clustering::build(
            &pts,
            |_| true,
            level_for_scale(1.0),
            ClusterOptions::default(),
        );
        assert_eq!(out.groups.len(), 2);
        let merged = out.group_of(0).expect("shown");
        assert_eq!(out.groups[merged].incidents, vec![0, 1]);
        assert_eq!(out.groups[merged].at, Point::new(2.5, 2.5));
        let inside = Clustering::build(
            &pts,
            |_| true,
            level_for_scale(30.0),
            ClusterOptions::default(),
        );
        assert_eq!(inside.groups.len(), 3);
    }

    #[test]
    fn places_at_one_spot_stay_together_at_any_zoom() {
        let pts: Vec<_> = (0..50).map(|i| point(i, 10.0, 10.0)).collect();
        let c = Clustering::build(
            &pts,
            |_| true,
            level_for_scale(80.0),
            ClusterOptions::default(),
        );
        assert_eq!(c.groups.len(), 1);
        assert_eq!(c.groups[0].incidents.len(), 50);
        assert!(c.groups[0].is_cluster());
    }

    #[test]
    fn hidden_incidents_are_left_out_and_empty_is_fine() {
        let pts = vec![point(0, 0.0, 0.0), point(1, 1.0, 1.0)];
        let c = Clustering::build(&pts, |i| i == 1, 0, ClusterOptions::default());
        assert_eq!(c.groups.len(), 1);
        assert!(c.group_of(0).is_none());
        let none = Clustering::build(&[], |_| true, 0, ClusterOptions::default());
        assert!(none.groups.is_empty());
        assert!(none.hit(Point::new(0.0, 0.0), 100.0).is_none());
    }

    #[test]
    fn two_places_of_one_incident_count_it_once() {
        let pts = vec![point(4, 0.0, 0.0), point(4, 1.0, 0.0)];
        let c = Clustering::build(&pts, |_| true, 0, ClusterOptions::default());
        assert_eq!(c.groups[0].incidents, vec![4]);
        assert!(!c.groups[0].is_cluster());
    }

    #[test]
    fn hit_finds_the_nearest_group() {
        let pts = vec![point(0, 0.0, 0.0), point(1, 1000.0, 0.0)];
        let c = Clustering::build(&pts, |_| true, 0, ClusterOptions::default());
        let g = c
            .hit(Point::new(990.0, 3.0), 20.0)
            .expect("near the second");
        assert_eq!(c.groups[g].incidents, vec![1]);
    }
}
