//! Which incidents are shown: the filter state and its evaluation.

use crate::dataset::{Dataset, Incident};

/// The reader's filter. Patterns are indexed like [`Dataset::patterns`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filter {
    /// Whether each attack pattern is switched on.
    pub patterns: Vec<bool>,
}

impl Filter {
    /// Everything shown.
    pub fn everything(dataset: &Dataset) -> Filter {
        Filter {
            patterns: vec![true; dataset.patterns.len()],
        }
    }

    /// The filter with one pattern switched.
    pub fn toggled(&self, pattern: usize) -> Filter {
        let mut next = self.clone();
        if let Some(on) = next.patterns.get_mut(pattern) {
            *on = !*on;
        }
        next
    }

    /// Only `pattern` on (or, when it is already the only one, all on).
    pub fn only(&self, pattern: usize) -> Filter {
        let already_only = self
            .patterns
            .iter()
            .enumerate()
            .all(|(i, on)| *on == (i == pattern));
        Filter {
            patterns: (0..self.patterns.len())
                .map(|i| already_only || i == pattern)
                .collect(),
        }
    }

    pub fn is_everything(&self) -> bool {
        self.patterns.iter().all(|on| *on)
    }

    /// An incident passes when any of its patterns is switched on.
    fn pattern_passes(&self, incident: &Incident) -> bool {
        incident
            .patterns
            .iter()
            .any(|p| self.patterns.get(*p).copied().unwrap_or(true))
    }

    /// Whether an incident is shown.
    pub fn matches(&self, incident: &Incident) -> bool {
        self.pattern_passes(incident)
    }

    /// Indexes of the incidents shown, in dataset order.
    pub fn apply(&self, dataset: &Dataset) -> Vec<u32> {
        dataset
            .incidents
            .iter()
            .enumerate()
            .filter(|(_, inc)| self.matches(inc))
            .map(|(i, _)| i as u32)
            .collect()
    }

    /// For each pattern, how many incidents have it among those the other
    /// filters let through: what switching it on would show.
    pub fn pattern_counts(&self, dataset: &Dataset) -> Vec<usize> {
        let mut counts = vec![0; dataset.patterns.len()];
        for incident in &dataset.incidents {
            for p in &incident.patterns {
                if let Some(c) = counts.get_mut(*p) {
                    *c += 1;
                }
            }
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::load;

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
                {"id": "kid", "label": {"en": "Kidnap"}, "color": "#000000", "shape": "square"},
                {"id": "ied", "label": {"en": "IED"}, "color": "#000000", "shape": "star"}
            ],
            "sources": [{"id": "s", "outlet": {"en": "o"}}],
            "incidents": [incident("a", &["bus"]), incident("b", &["bus", "kid"]), incident("c", &["kid"])]
        });
        load(&doc.to_string()).expect("valid").dataset
    }

    #[test]
    fn everything_shows_all() {
        let ds = dataset();
        assert_eq!(Filter::everything(&ds).apply(&ds), vec![0, 1, 2]);
    }

    #[test]
    fn an_incident_shows_while_any_of_its_patterns_is_on() {
        let ds = dataset();
        let f = Filter::everything(&ds).toggled(0);
        assert_eq!(f.apply(&ds), vec![1, 2]);
        let f = f.toggled(1);
        assert!(f.apply(&ds).is_empty());
        assert_eq!(f.toggled(0).apply(&ds), vec![0, 1]);
    }

    #[test]
    fn counts_say_what_each_pattern_would_show() {
        let ds = dataset();
        let f = Filter::everything(&ds).toggled(0);
        // Switching "bus" off does not change what it would give.
        assert_eq!(f.pattern_counts(&ds), vec![2, 2, 0]);
    }

    #[test]
    fn only_isolates_then_restores() {
        let ds = dataset();
        let f = Filter::everything(&ds).only(2);
        assert_eq!(f.patterns, vec![false, false, true]);
        assert!(f.only(2).is_everything());
        assert_eq!(Filter::everything(&ds).toggled(9), Filter::everything(&ds));
    }
}
