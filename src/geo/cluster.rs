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

/// One mark on the map: a single place or a cluster of several. Its
/// places and incidents are slices of the clustering's flat arrays (see
/// [`Clustering::points`] and [`Clustering::incidents`]), so that building
/// 100,000 groups does not allocate 200,000 small vectors.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Group {
    /// The mean position of its places.
    pub at: Point,
    pub bounds: Bounds,
    points: (u32, u32),
    incidents: (u32, u32),
}

impl Group {
    /// How many distinct incidents it holds.
    pub fn incident_count(&self) -> usize {
        self.incidents.1 as usize
    }

    pub fn is_cluster(&self) -> bool {
        self.incidents.1 > 1
    }
}

#[derive(Clone, Debug, Default)]
pub struct Clustering {
    pub level: i32,
    pub groups: Vec<Group>,
    /// Indexes into the scene's points, group by group.
    members: Vec<u32>,
    /// Distinct incidents, group by group, each group's sorted.
    member_incidents: Vec<u32>,
    tree: KdTree,
}

/// A cell of the grid as one sortable number.
fn cell_key(x: f64, y: f64, cell_km: f64) -> u64 {
    let cx = ((x / cell_km).floor() as i64).clamp(i32::MIN as i64, i32::MAX as i64) as i32;
    let cy = ((y / cell_km).floor() as i64).clamp(i32::MIN as i64, i32::MAX as i64) as i32;
    (u64::from(cx as u32 ^ 0x8000_0000) << 32) | u64::from(cy as u32 ^ 0x8000_0000)
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
        let mut keyed: Vec<(u64, u32)> = points
            .iter()
            .enumerate()
            .filter(|(_, p)| shown(p.incident) && p.at.x.is_finite() && p.at.y.is_finite())
            .map(|(k, p)| (cell_key(p.at.x, p.at.y, cell_km), k as u32))
            .collect();
        keyed.sort_unstable();
        let mut groups: Vec<Group> = Vec::new();
        let mut members = Vec::with_capacity(keyed.len());
        let mut member_incidents = Vec::with_capacity(keyed.len());
        for run in keyed.chunk_by(|a, b| a.0 == b.0) {
            let first = points[run[0].1 as usize].at;
            let mut bounds = Bounds {
                min: first,
                max: first,
            };
            let (mut sx, mut sy) = (0.0, 0.0);
            let points_start = members.len();
            let incidents_start = member_incidents.len();
            for &(_, k) in run {
                let p = &points[k as usize];
                bounds.min = Point::new(bounds.min.x.min(p.at.x), bounds.min.y.min(p.at.y));
                bounds.max = Point::new(bounds.max.x.max(p.at.x), bounds.max.y.max(p.at.y));
                sx += p.at.x;
                sy += p.at.y;
                members.push(k);
                member_incidents.push(p.incident);
            }
            let mine = &mut member_incidents[incidents_start..];
            mine.sort_unstable();
            let mut distinct = 0;
            for i in 0..mine.len() {
                if i == 0 || mine[i] != mine[distinct - 1] {
                    mine[distinct] = mine[i];
                    distinct += 1;
                }
            }
            member_incidents.truncate(incidents_start + distinct);
            let n = run.len() as f64;
            groups.push(Group {
                at: Point::new(sx / n, sy / n),
                bounds,
                points: (points_start as u32, run.len() as u32),
                incidents: (incidents_start as u32, distinct as u32),
            });
        }
        let tree = KdTree::build(groups.iter().enumerate().map(|(i, g)| (g.at, i as u32)));
        Clustering {
            level,
            groups,
            members,
            member_incidents,
            tree,
        }
    }

    /// The scene points (indexes) of group `g`.
    pub fn points(&self, g: usize) -> &[u32] {
        let (start, len) = self.groups[g].points;
        &self.members[start as usize..(start + len) as usize]
    }

    /// The distinct incidents of group `g`, sorted.
    pub fn incidents(&self, g: usize) -> &[u32] {
        let (start, len) = self.groups[g].incidents;
        &self.member_incidents[start as usize..(start + len) as usize]
    }

    /// Whether group `g` holds `incident`.
    pub fn holds(&self, g: usize, incident: u32) -> bool {
        self.incidents(g).binary_search(&incident).is_ok()
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
        (0..self.groups.len()).find(|&g| self.holds(g, incident))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::PlacePrecision;

    fn point(incident: u32, x: f64, y: f64) -> IncidentPoint {
        IncidentPoint {
            incident,
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
        assert_eq!(out.incidents(merged), &[0, 1]);
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
        assert_eq!(c.groups[0].incident_count(), 50);
        assert_eq!(c.points(0).len(), 50);
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
        assert_eq!(c.incidents(0), &[4]);
        assert!(!c.groups[0].is_cluster());
    }

    #[test]
    fn hit_finds_the_nearest_group() {
        let pts = vec![point(0, 0.0, 0.0), point(1, 1000.0, 0.0)];
        let c = Clustering::build(&pts, |_| true, 0, ClusterOptions::default());
        let g = c
            .hit(Point::new(990.0, 3.0), 20.0)
            .expect("near the second");
        assert_eq!(c.incidents(g), &[1]);
    }
}
