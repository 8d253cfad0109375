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
    use crate::dataset::{load, Dataset};

    fn dataset() -> Dataset {
        let incident = |id: &str, patterns: &[&str]| {
            serde_json::json!({
                "id": id, "title": {"en": id},
                "when": {"start": "2021-01-01", "precision": "exact"},
                "where": {"places": [{"name": {"en": "x"}, "lat": 35.0, "lon": 38.0, "precision": "exact"}]},
                "patterns": patterns, "perpetrator": {"actor": null, "attribution": "unknown"},
                "sources": ["s"]
            })
        };
        let doc = serde_json::json!({
            "format": "incident-atlas", "version": 1,
            "meta": {"title": {"en": "t"}},
            "patterns": [
                {"id": "bus", "label": {"en": "Bus"}, "color": "#000000", "shape": "circle"},
                {"id": "kid", "label": {"en": "Kidnap"}, "color": "#111111", "shape": "square"}
            ],
            "sources": [{"id": "s", "outlet": {"en": "o"}}],
            "incidents": [incident("both", &["bus", "kid"]), incident("kid", &["kid"])]
        });
        load(&doc.to_string()).expect("valid").dataset
    }

    #[test]
    fn the_first_pattern_on_wins() {
        let ds = dataset();
        let both = &ds.incidents[0];
        let all = Filter::everything(&ds);
        assert_eq!(primary_pattern(both, &all), Some(0));
        // With "bus" off the incident still shows, as a kidnapping.
        assert_eq!(primary_pattern(both, &all.toggled(0)), Some(1));
    }

    #[test]
    fn with_every_pattern_off_the_first_one_is_kept() {
        let ds = dataset();
        let none = Filter::everything(&ds).toggled(0).toggled(1);
        assert_eq!(primary_pattern(&ds.incidents[0], &none), Some(0));
        assert_eq!(primary_pattern(&ds.incidents[1], &none), Some(1));
    }
}
