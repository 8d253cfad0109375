//! The pattern an incident is drawn with. An incident may have several
//! attack patterns; the map, its clusters' pattern mix and the timeline
//! give it one colour and shape, and must agree on which.

use super::Filter;
use crate::dataset::Incident;

/// The incident's first pattern that the filter has on, else its first
/// pattern (so that an incident shown for another facet still has a
/// colour). `None` only for an incident with no pattern at all.
pub fn primary_pattern(incident: &Incident, filter: &Filter) -> Option<usize> {
    incident
        .patterns
        .iter()
        .copied()
        .find(|p| filter.patterns.get(*p).copied().unwrap_or(true))
        .or_else(|| incident.patterns.first().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::filter::test_data::three_patterns as dataset;

    #[test]
    fn the_first_pattern_on_wins() {
        let ds = dataset();
        let both = &ds.incidents[1];
        let all = Filter::everything(&ds);
        assert_eq!(primary_pattern(both, &all), Some(0));
        // With "bus" off the incident still shows, as a kidnapping.
        assert_eq!(primary_pattern(both, &all.toggled(0)), Some(1));
    }

    #[test]
    fn with_every_pattern_off_the_first_one_is_kept() {
        let ds = dataset();
        let none = Filter::everything(&ds).toggled(0).toggled(1).toggled(2);
        assert_eq!(primary_pattern(&ds.incidents[1], &none), Some(0));
        assert_eq!(primary_pattern(&ds.incidents[2], &none), Some(1));
    }
}
