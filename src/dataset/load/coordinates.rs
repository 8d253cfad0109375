//! Checks across all the places of a dataset.

use super::collector::Validator;
use super::path::Path;
use crate::dataset::message::Message;
use crate::dataset::model::*;
use crate::geo::distance_km;

impl Validator {
    /// Flags places far from the rest of the data whose swapped coordinates
    /// would put them among it: the classic lat/lon mix-up. Distances are
    /// measured against the typical distance of places from the median
    /// point, so the test adapts to a town's data as to a country's.
    pub(super) fn check_swapped_coordinates(&mut self, incidents: &[Incident]) {
        let mut lats: Vec<f64> = Vec::new();
        let mut lons: Vec<f64> = Vec::new();
        for p in incidents.iter().flat_map(|i| &i.places) {
            lats.push(p.lat);
            lons.push(p.lon);
        }
        if lats.len() < 3 {
            return;
        }
        let centre = (median(&mut lons), median(&mut lats));
        let mut spread: Vec<f64> = incidents
            .iter()
            .flat_map(|i| &i.places)
            .map(|p| distance_km((p.lon, p.lat), centre))
            .collect();
        spread.sort_by(f64::total_cmp);
        let typical = spread[spread.len() / 2].max(25.0);
        let root = Path::root("incidents");
        for (i, incident) in incidents.iter().enumerate() {
            for (k, p) in incident.places.iter().enumerate() {
                if !(-90.0..=90.0).contains(&p.lon) {
                    continue;
                }
                let here = distance_km((p.lon, p.lat), centre);
                let swapped = distance_km((p.lat, p.lon), centre);
                if here > 2.5 * typical && swapped <= 2.0 * typical && here > 1.5 * swapped {
                    let inc = root.index(i);
                    let w = inc.field("where");
                    let places = w.field("places");
                    let place = places.index(k);
                    self.error(
                        &place,
                        Message::SwappedCoordinates {
                            lat: p.lat.to_string(),
                            lon: p.lon.to_string(),
                            km: format!("{here:.0}"),
                        },
                    );
                }
            }
        }
    }
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}
