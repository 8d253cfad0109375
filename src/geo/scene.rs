//! What the map draws, in projected km: the basemap and one point per
//! incident place, with a spatial index for hit-testing. Built once per
//! dataset; the view only transforms it.

use super::kdtree::KdTree;
use super::projection::{Lcc, Point};
use super::view::{Bounds, MapView, Size};
// The region boxes moved to geo::region; re-exported for the map.
use super::precision::PlacePrecision;
pub use super::region::{region_bounds, region_box};
use crate::basemap::{Basemap, Feature, Town};
use crate::text::Text;

/// One place of one incident as a dataset gives it, in degrees: all the
/// scene needs to know of a dataset.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlaceInDegrees {
    /// The incident's index in its dataset.
    pub incident: u32,
    pub lon: f64,
    pub lat: f64,
    pub radius_km: f64,
    pub precision: PlacePrecision,
}

/// One place of one incident, projected.
#[derive(Clone, Debug, PartialEq)]
pub struct IncidentPoint {
    pub incident: u32,
    pub at: Point,
    pub radius_km: f64,
    pub precision: PlacePrecision,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProjectedFeature {
    pub id: String,
    pub name: Text,
    pub label: Option<Point>,
    pub paths: Vec<Vec<Point>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ProjectedTown {
    pub name: Text,
    pub at: Point,
    pub rank: u8,
    pub population: u64,
}

/// The basemap in projected km.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProjectedBasemap {
    pub countries: Vec<ProjectedFeature>,
    pub governorates: Vec<ProjectedFeature>,
    pub occupied: Vec<ProjectedFeature>,
    pub lakes: Vec<ProjectedFeature>,
    pub rivers: Vec<ProjectedFeature>,
    pub roads: Vec<ProjectedFeature>,
    pub towns: Vec<ProjectedTown>,
}

impl ProjectedBasemap {
    pub fn new(basemap: &Basemap, projection: &Lcc) -> ProjectedBasemap {
        let features = |list: &[Feature]| -> Vec<ProjectedFeature> {
            list.iter()
                .map(|f| ProjectedFeature {
                    id: f.id.clone(),
                    name: f.name.clone(),
                    label: f.label.map(|(lon, lat)| projection.project(lon, lat)),
                    paths: f
                        .paths
                        .iter()
                        .map(|p| {
                            p.iter()
                                .map(|&(lon, lat)| projection.project(lon, lat))
                                .collect()
                        })
                        .collect(),
                })
                .collect()
        };
        let town = |t: &Town| ProjectedTown {
            name: t.name.clone(),
            at: projection.project(t.lon, t.lat),
            rank: t.rank,
            population: t.population,
        };
        ProjectedBasemap {
            countries: features(&basemap.countries),
            governorates: features(&basemap.governorates),
            occupied: features(&basemap.occupied),
            lakes: features(&basemap.lakes),
            rivers: features(&basemap.rivers),
            roads: features(&basemap.roads),
            towns: basemap.towns.iter().map(town).collect(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct MapScene {
    pub projection: Lcc,
    pub points: Vec<IncidentPoint>,
    /// Per incident, the index of its first place in `points` (points are
    /// stored incident by incident), or `u32::MAX` for one with no place.
    first_point: Vec<u32>,
    /// Indexes into `points`.
    tree: KdTree,
}

impl MapScene {
    /// The scene of `incidents` incidents from their places in degrees
    /// (`dataset::Dataset::map_scene` gives a dataset's). A place of an
    /// incident past `incidents` is left out.
    pub fn new(
        incidents: usize,
        places: impl IntoIterator<Item = PlaceInDegrees>,
        projection: Lcc,
    ) -> MapScene {
        let points: Vec<IncidentPoint> = places
            .into_iter()
            .filter(|p| (p.incident as usize) < incidents)
            .map(|p| IncidentPoint {
                incident: p.incident,
                at: projection.project(p.lon, p.lat),
                radius_km: p.radius_km,
                precision: p.precision,
            })
            .collect();
        let mut first_point = vec![u32::MAX; incidents];
        for (k, p) in points.iter().enumerate().rev() {
            first_point[p.incident as usize] = k as u32;
        }
        let tree = KdTree::build(points.iter().enumerate().map(|(i, p)| (p.at, i as u32)));
        MapScene {
            projection,
            points,
            first_point,
            tree,
        }
    }

    /// The incident whose marker is nearest to a screen position, within
    /// `radius_px`, among those `shown` allows.
    pub fn hit(
        &self,
        view: &MapView,
        size: Size,
        (sx, sy): (f64, f64),
        radius_px: f64,
        shown: impl Fn(u32) -> bool,
    ) -> Option<u32> {
        let at = view.to_map(sx, sy, size);
        let r = radius_px / view.scale;
        let b = Bounds {
            min: Point::new(at.x - r, at.y - r),
            max: Point::new(at.x + r, at.y + r),
        };
        let mut best: Option<(u32, f64)> = None;
        self.tree.within(b, |i, p| {
            let incident = self.points[i as usize].incident;
            let d = (p.x - at.x).hypot(p.y - at.y);
            if d <= r && shown(incident) && best.is_none_or(|(_, bd)| d < bd) {
                best = Some((incident, d));
            }
        });
        best.map(|(i, _)| i)
    }

    /// The first place of an incident, without looking through them all.
    pub fn first_point_of(&self, incident: u32) -> Option<&IncidentPoint> {
        let k = *self.first_point.get(incident as usize)?;
        self.points.get(k as usize)
    }

    /// The box around every incident place, if there are any.
    pub fn extent(&self) -> Option<Bounds> {
        Bounds::around(self.points.iter().map(|p| p.at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(incident: u32, lon: f64) -> PlaceInDegrees {
        PlaceInDegrees {
            incident,
            lon,
            lat: 35.0,
            radius_km: 10.0,
            precision: PlacePrecision::Near,
        }
    }

    #[test]
    fn first_points_are_found_and_strays_left_out() {
        // Incident 1 has two places, incident 2 none; incident 7 does not exist.
        let places = [
            place(0, 36.0),
            place(1, 37.0),
            place(1, 38.0),
            place(7, 39.0),
        ];
        let scene = MapScene::new(3, places, Lcc::syria());
        assert_eq!(scene.points.len(), 3);
        let first = scene.first_point_of(1).expect("incident 1 has a place");
        assert_eq!(first.at, Lcc::syria().project(37.0, 35.0));
        assert_eq!(first.precision, PlacePrecision::Near);
        assert!(scene.first_point_of(2).is_none());
        assert!(scene.first_point_of(7).is_none());
        let extent = scene.extent().expect("points");
        assert_eq!(extent.min.x, Lcc::syria().project(36.0, 35.0).x);
    }

    #[test]
    fn an_empty_scene_has_no_extent() {
        let scene = MapScene::new(2, [], Lcc::syria());
        assert!(scene.extent().is_none());
        assert!(scene.first_point_of(0).is_none());
    }
}
