//! How well the shown incidents are known: the summary's line "3 of 7
//! incidents have an exact date and place". The facets that filter by it
//! are [`Facet::DatePrecision`](super::Facet::DatePrecision) and
//! [`Facet::PlacePrecision`](super::Facet::PlacePrecision).

use crate::dataset::{Dataset, DatePrecision, Incident, PlacePrecision};

/// Whether an incident's date is exact and every one of its places is
/// exact (an incident without a place is not).
pub fn exactly_known(incident: &Incident) -> bool {
    incident.when.precision == DatePrecision::Exact
        && !incident.places.is_empty()
        && incident
            .places
            .iter()
            .all(|p| p.precision == PlacePrecision::Exact)
}

/// Of some incidents, how many are [`exactly_known`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Certainty {
    pub exact: usize,
    pub total: usize,
}

impl Certainty {
    /// Counts `incidents` (indexes into the dataset; unknown ones are
    /// skipped).
    pub fn of(dataset: &Dataset, incidents: &[u32]) -> Certainty {
        let mut c = Certainty::default();
        for incident in incidents
            .iter()
            .filter_map(|&i| dataset.incidents.get(i as usize))
        {
            c.total += 1;
            if exactly_known(incident) {
                c.exact += 1;
            }
        }
        c
    }
}
