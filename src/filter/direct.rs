//! Evaluating the filter incident by incident, redoing every incident's
//! work: the plain definition of what is shown, which tests check the
//! indexed [`Evaluation`](super::Evaluation) against.

use super::{claim_killed, for_each_value, search_text, Facet, Filter, KilledBasis, KilledFigures};
use crate::dataset::{Dataset, Incident};
use crate::search;

impl Filter {
    /// The facets an incident fails, as a mask of [`Facet`] bits. Works on
    /// the incident directly (normalising its text when there is a query);
    /// [`Filter::evaluate`] does the same for a whole dataset without
    /// redoing per-incident work.
    pub(super) fn failed_facets(&self, incident: &Incident, words: &[String]) -> u16 {
        let mut failed = 0;
        for facet in Facet::LISTED {
            if self.selection(facet).is_none() {
                continue;
            }
            let mut passes = false;
            for_each_value(incident, facet, self.sizes.get(Facet::Actor) - 1, |v| {
                passes |= self.allows(facet, v);
            });
            if !passes {
                failed |= facet.bit();
            }
        }
        if let Some(m) = self.min_killed.filter(|m| m.at_least > 0) {
            let passes = match m.basis {
                KilledBasis::Lowest => KilledFigures::of(incident).lowest >= m.at_least,
                KilledBasis::Highest => KilledFigures::of(incident).highest >= m.at_least,
                KilledBasis::Claimant(who) => incident
                    .claims
                    .iter()
                    .any(|c| c.claimant == who && claim_killed(c) >= Some(m.at_least)),
            };
            if !passes {
                failed |= Facet::Killed.bit();
            }
        }
        if let Some(range) = self.time {
            if !range.overlaps_when(&incident.when) {
                failed |= Facet::Time.bit();
            }
        }
        if !words.is_empty() {
            let mut text = String::new();
            search_text(incident, &mut text);
            if !search::contains_all(&text, words) {
                failed |= Facet::Text.bit();
            }
        }
        failed
    }

    /// Whether an incident is shown. For one incident; to filter a dataset
    /// use [`Filter::evaluate`].
    pub fn matches(&self, incident: &Incident) -> bool {
        self.failed_facets(incident, &search::query_words(&self.query)) == 0
    }

    /// Indexes of the incidents shown, in dataset order. Does every
    /// incident's work again; [`Filter::evaluate`] with a [`FilterIndex`]
    /// does not.
    pub fn apply(&self, dataset: &Dataset) -> Vec<u32> {
        let words = search::query_words(&self.query);
        dataset
            .incidents
            .iter()
            .enumerate()
            .filter(|(_, inc)| self.failed_facets(inc, &words) == 0)
            .map(|(i, _)| i as u32)
            .collect()
    }

    /// For each pattern, how many incidents have it among those the other
    /// facets let through: what switching it on would show.
    pub fn pattern_counts(&self, dataset: &Dataset) -> Vec<usize> {
        let words = search::query_words(&self.query);
        let mut counts = vec![0; dataset.patterns.len()];
        for incident in &dataset.incidents {
            if self.failed_facets(incident, &words) & !Facet::Pattern.bit() != 0 {
                continue;
            }
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

    use crate::filter::test_data::three_patterns as dataset;

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
