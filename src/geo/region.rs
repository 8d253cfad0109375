//! The named map regions: the presets of the map and the Area facet, and a
//! dataset's default view. Each is a lon/lat box; the map fits its
//! projected box.

use super::projection::{Lcc, Point};
use super::view::Bounds;

/// A named map region.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Region {
    Syria,
    Badia,
    DeirEzZor,
    Damascus,
}

impl Region {
    pub const ALL: &'static [Region] = &[
        Region::Syria,
        Region::Badia,
        Region::DeirEzZor,
        Region::Damascus,
    ];

    /// The spelling used in the dataset format and the URL.
    pub fn id(self) -> &'static str {
        match self {
            Region::Syria => "syria",
            Region::Badia => "badia",
            Region::DeirEzZor => "deir-ez-zor",
            Region::Damascus => "damascus",
        }
    }

    pub fn parse(s: &str) -> Option<Region> {
        Region::ALL.iter().copied().find(|r| r.id() == s)
    }

    /// "a, b, c": every spelling, for error messages.
    pub fn ids() -> String {
        let all: Vec<&str> = Region::ALL.iter().map(|r| r.id()).collect();
        all.join(", ")
    }

    /// "one of a, b, c", for error messages.
    pub fn expected() -> String {
        format!("one of {}", Region::ids())
    }

    /// Whether a point lies in the region's box (edges included).
    pub fn contains(self, lon: f64, lat: f64) -> bool {
        let (west, south, east, north) = region_box(self);
        (west..=east).contains(&lon) && (south..=north).contains(&lat)
    }

    /// Whether the region applies to some data: at least one of its
    /// (lon, lat) points lies in the region's box. A preset that does not
    /// apply is disabled (an import may hold no point in Syria at all).
    pub fn applies(self, mut points: impl Iterator<Item = (f64, f64)>) -> bool {
        points.any(|(lon, lat)| self.contains(lon, lat))
    }
}

/// The lon/lat box of a region: (west, south, east, north).
pub fn region_box(region: Region) -> (f64, f64, f64, f64) {
    match region {
        Region::Syria => (35.6, 32.3, 42.4, 37.35),
        // The central desert: Palmyra, T3, al-Sukhnah, the M20 and the
        // desert south of Deir ez-Zor.
        Region::Badia => (36.9, 33.3, 40.9, 35.6),
        Region::DeirEzZor => (39.3, 34.3, 41.35, 35.95),
        Region::Damascus => (35.95, 33.33, 36.6, 33.72),
    }
}

/// A region's box in projected km (the box of its projected corners and
/// edge midpoints, since parallels curve under the conic projection).
pub fn region_bounds(region: Region, projection: &Lcc) -> Bounds {
    let (w, s, e, n) = region_box(region);
    let mid = (w + e) / 2.0;
    let corners = [(w, s), (e, s), (w, n), (e, n), (mid, s), (mid, n)];
    Bounds::around(
        corners
            .iter()
            .map(|&(lon, lat)| projection.project(lon, lat)),
    )
    .unwrap_or(Bounds {
        min: Point::default(),
        max: Point::default(),
    })
}

/// Room kept around fitted data, in km: a single place, or a few close
/// ones, still show their surroundings.
pub const DATA_MIN_HALF_KM: f64 = 40.0;

/// The box a map fits to show data whose projected places span `extent`:
/// at least `2 × DATA_MIN_HALF_KM` wide and high, centred on the data.
pub fn data_home(extent: Bounds) -> Bounds {
    let c = extent.center();
    let half_w = ((extent.max.x - extent.min.x) / 2.0).max(DATA_MIN_HALF_KM);
    let half_h = ((extent.max.y - extent.min.y) / 2.0).max(DATA_MIN_HALF_KM);
    Bounds {
        min: Point::new(c.x - half_w, c.y - half_h),
        max: Point::new(c.x + half_w, c.y + half_h),
    }
}

/// The smallest box holding both.
pub fn union(a: Bounds, b: Bounds) -> Bounds {
    Bounds {
        min: Point::new(a.min.x.min(b.min.x), a.min.y.min(b.min.y)),
        max: Point::new(a.max.x.max(b.max.x), a.max.y.max(b.max.y)),
    }
}

/// Whether the map should open on the data rather than on `home`: when
/// the data was imported (`imported`), or when some place lies outside
/// the home region (a dataset about Iraq, or reaching beyond Syria).
pub fn fits_data(
    home: Region,
    imported: bool,
    mut points: impl Iterator<Item = (f64, f64)>,
) -> bool {
    imported || points.any(|(lon, lat)| !home.contains(lon, lat))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for r in Region::ALL {
            assert_eq!(Region::parse(r.id()), Some(*r));
        }
        assert_eq!(Region::parse("Syria"), None);
        assert_eq!(
            Region::expected(),
            "one of syria, badia, deir-ez-zor, damascus"
        );
    }

    #[test]
    fn regions_nest_inside_syria() {
        let p = Lcc::syria();
        let syria = region_bounds(Region::Syria, &p);
        for r in [Region::Badia, Region::DeirEzZor, Region::Damascus] {
            let b = region_bounds(r, &p);
            assert!(syria.contains(b.min) && syria.contains(b.max), "{r:?}");
        }
        // Palmyra is in the Badia; Damascus is not.
        let badia = region_bounds(Region::Badia, &p);
        assert!(badia.contains(p.project(38.27, 34.56)));
        assert!(!badia.contains(p.project(36.29, 33.51)));
        assert!(Region::Badia.contains(38.27, 34.56));
        assert!(!Region::Badia.contains(36.29, 33.51));
    }

    #[test]
    fn a_region_applies_only_with_a_point_inside() {
        // Mosul and Baghdad: no Syrian region applies.
        let iraq = [(43.13, 36.34), (44.36, 33.31)];
        for r in Region::ALL {
            assert!(!r.applies(iraq.iter().copied()), "{r:?}");
        }
        let damascus = [(43.13, 36.34), (36.29, 33.51)];
        assert!(Region::Damascus.applies(damascus.iter().copied()));
        assert!(Region::Syria.applies(damascus.iter().copied()));
        assert!(!Region::Badia.applies(damascus.iter().copied()));
        assert!(!Region::Syria.applies(std::iter::empty()));
    }

    #[test]
    fn data_home_pads_small_extents_and_keeps_large_ones() {
        let p = Lcc::syria();
        let one = p.project(43.13, 36.34);
        let b = data_home(Bounds { min: one, max: one });
        assert!((b.max.x - b.min.x - 2.0 * DATA_MIN_HALF_KM).abs() < 1e-9);
        assert!(b.contains(one));
        let syria = region_bounds(Region::Syria, &p);
        let same = data_home(syria);
        for (a, b) in [
            (same.min.x, syria.min.x),
            (same.min.y, syria.min.y),
            (same.max.x, syria.max.x),
            (same.max.y, syria.max.y),
        ] {
            assert!((a - b).abs() < 1e-9);
        }
        let u = union(syria, b);
        assert!(u.contains(one) && u.contains(syria.min) && u.contains(syria.max));
        let inside = [(36.29, 33.51)];
        assert!(!fits_data(Region::Syria, false, inside.iter().copied()));
        assert!(fits_data(Region::Syria, true, inside.iter().copied()));
        assert!(fits_data(
            Region::Damascus,
            false,
            [(43.13, 36.34)].into_iter()
        ));
    }
}
