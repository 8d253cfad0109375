//! How well a place is known, and the radius that stands for it when a
//! dataset gives none (docs/dataset.md).

use crate::vocabulary::vocabulary;

vocabulary! {
    /// How well the location of a place is known.
    PlacePrecision {
        Exact = "exact",
        Near = "near",
        Area = "area",
        Region = "region",
    }
}

impl PlacePrecision {
    /// The radius assumed when a place does not give one (docs/dataset.md).
    pub fn default_radius_km(self) -> f64 {
        match self {
            PlacePrecision::Exact => 0.5,
            PlacePrecision::Near => 10.0,
            PlacePrecision::Area => 30.0,
            PlacePrecision::Region => 75.0,
        }
    }
}
