//! Geography: projection, the map view, and spatial lookups. Everything is
//! computed in f64; degrees at the edges, kilometres inside.

pub mod cluster;
pub mod fly;
pub mod gesture;
pub mod hit;
pub mod kdtree;
pub mod labels;
pub mod precision;
pub mod projection;
pub mod region;
pub mod scene;
pub mod spot;
pub mod view;

pub use kdtree::KdTree;
pub use precision::PlacePrecision;
pub use projection::{Lcc, Point};
pub use region::Region;
pub use view::{Bounds, MapView, Size};

/// Mean Earth radius in km (IUGG), used for the spherical projection and
/// for distances.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Great-circle distance in km between two (lon, lat) points in degrees
/// (haversine).
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lon1, lat1) = (a.0.to_radians(), a.1.to_radians());
    let (lon2, lat2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damascus_to_aleppo() {
        // Damascus 36.2913E 33.5102N, Aleppo 37.1613E 36.2021N: about 310 km.
        let d = distance_km((36.2913, 33.5102), (37.1613, 36.2021));
        assert!((d - 310.0).abs() < 5.0, "{d}");
        assert_eq!(distance_km((38.0, 35.0), (38.0, 35.0)), 0.0);
    }
}
