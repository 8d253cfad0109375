//! Evaluating a filter through the index: for every incident, which facets
//! it fails (one bit each), then one pass that lists the shown incidents
//! and counts every facet value.
//!
//! The per-incident masks stay in the [`Evaluation`], so a new filter that
//! differs in one facet (the brush moving, a checkbox) recomputes only that
//! facet's bit, then recounts.

use super::{Facet, Filter, FilterIndex, KilledBasis, LISTED_BITS};
use crate::dataset::Dataset;
use crate::search;

/// Counts for the facet lists, with the other facets applied: the classic
/// faceted-search count ("what this value would give").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetCounts {
    first: [u32; Facet::LISTED.len() + 1],
    /// Per global value (see [`FilterIndex`]).
    values: Vec<u32>,
    /// Per facet (by `Facet as usize`).
    without: [u32; Facet::ALL.len()],
}

impl FacetCounts {
    /// For each value of a listed facet, how many incidents have it among
    /// those all the other facets let through (empty for unlisted facets).
    /// An incident with several values counts once for each.
    pub fn values(&self, facet: Facet) -> &[u32] {
        match facet.listed_position() {
            Some(k) => &self.values[self.first[k] as usize..self.first[k + 1] as usize],
            None => &[],
        }
    }

    /// One value's count (0 for a value the dataset does not have).
    pub fn value(&self, facet: Facet, value: usize) -> usize {
        self.values(facet).get(value).map_or(0, |c| *c as usize)
    }

    /// How many incidents would be shown if this facet alone restricted
    /// nothing (equal to the number shown when it restricts nothing).
    pub fn without(&self, facet: Facet) -> usize {
        self.without[facet as usize] as usize
    }
}

/// A filter evaluated over a dataset: the incidents shown and the facet
/// counts, plus what is needed to update them cheaply for the next filter.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    filter: Filter,
    /// The query words the text bits were computed for.
    words: Vec<String>,
    /// Per incident, the facets it fails (bits of [`Facet`]).
    failed: Vec<u16>,
    shown: Vec<u32>,
    mask: Vec<bool>,
    counts: FacetCounts,
}

impl Evaluation {
    pub(super) fn new(filter: &Filter, dataset: &Dataset, index: &FilterIndex) -> Evaluation {
        let mut ev = Evaluation {
            filter: filter.clone(),
            words: search::query_words(&filter.query),
            failed: vec![0; index.len],
            shown: Vec::new(),
            mask: Vec::new(),
            counts: FacetCounts::default(),
        };
        ev.recompute(u16::MAX, dataset, index, false);
        ev.recount(index);
        ev
    }

    /// The filter this is the evaluation of.
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// Indexes of the incidents shown, ascending.
    pub fn shown(&self) -> &[u32] {
        &self.shown
    }

    /// Per incident, whether it is shown.
    pub fn mask(&self) -> &[bool] {
        &self.mask
    }

    pub fn contains(&self, incident: u32) -> bool {
        self.mask.get(incident as usize).copied().unwrap_or(false)
    }

    pub fn counts(&self) -> &FacetCounts {
        &self.counts
    }

    /// Whether an incident passes every facet but one: e.g. for the
    /// timeline to show, faintly, what lies outside the brush.
    pub fn passes_all_but(&self, facet: Facet, incident: u32) -> bool {
        self.failed
            .get(incident as usize)
            .is_some_and(|f| f & !facet.bit() == 0)
    }

    /// The facets that hide an incident (empty when it is shown).
    pub fn hidden_by(&self, incident: u32) -> Vec<Facet> {
        let failed = self.failed.get(incident as usize).copied().unwrap_or(0);
        Facet::ALL
            .into_iter()
            .filter(|f| failed & f.bit() != 0)
            .collect()
    }

    /// The shown incidents in time order (by start, then end).
    pub fn shown_by_start(&self, index: &FilterIndex) -> Vec<u32> {
        index
            .by_start
            .iter()
            .copied()
            .filter(|&i| self.contains(i))
            .collect()
    }

    /// This evaluation moved on to another filter: only the facets that
    /// differ are recomputed. For a memo that keeps its previous value.
    pub fn updated(&self, next: &Filter, dataset: &Dataset, index: &FilterIndex) -> Evaluation {
        let mut ev = self.clone();
        ev.update(next, dataset, index);
        ev
    }

    /// Moves this evaluation on to another filter, recomputing only the
    /// facets that differ. `index` must be the one this evaluation was
    /// made with: only an index of another length is noticed (and then
    /// everything is recomputed).
    pub fn update(&mut self, next: &Filter, dataset: &Dataset, index: &FilterIndex) {
        let words = search::query_words(&next.query);
        if self.failed.len() != index.len {
            *self = Evaluation::new(next, dataset, index);
            return;
        }
        let mut changed = 0u16;
        for facet in Facet::LISTED {
            if self.filter.selection(facet) != next.selection(facet) {
                changed |= facet.bit();
            }
        }
        let min = |f: &Filter| f.min_killed.filter(|m| m.at_least > 0);
        if min(&self.filter) != min(next) {
            changed |= Facet::Killed.bit();
        }
        if self.filter.time != next.time {
            changed |= Facet::Time.bit();
        }
        // Only a query that gained a word or letter narrows what the last
        // one let through; anything else is searched again in full.
        let narrowing = !self.words.is_empty() && search::narrows(&words, &self.words);
        if words != self.words {
            changed |= Facet::Text.bit();
        }
        self.filter = next.clone();
        self.words = words;
        if changed != 0 {
            self.recompute(changed, dataset, index, narrowing);
            self.recount(index);
        }
    }

    /// Recomputes the bits of the `changed` facets from `self.filter`.
    fn recompute(
        &mut self,
        changed: u16,
        dataset: &Dataset,
        index: &FilterIndex,
        text_narrows: bool,
    ) {
        if changed & LISTED_BITS != 0 {
            self.recompute_listed(changed & LISTED_BITS, index);
        }
        if changed & Facet::Killed.bit() != 0 {
            self.recompute_killed(index);
        }
        if changed & Facet::Time.bit() != 0 {
            self.recompute_time(index);
        }
        if changed & Facet::Text.bit() != 0 {
            self.recompute_text(dataset, index, text_narrows);
        }
    }

    fn recompute_listed(&mut self, changed: u16, index: &FilterIndex) {
        // Which global values pass, for the changed facets that restrict.
        let mut allowed = vec![false; index.value_total()];
        let mut restricting = 0u16;
        for (k, facet) in Facet::LISTED.iter().enumerate() {
            if changed & facet.bit() == 0 || self.filter.selection(*facet).is_none() {
                continue;
            }
            restricting |= facet.bit();
            let first = index.first[k] as usize;
            for v in 0..index.sizes.0[k] {
                allowed[first + v] = self.filter.allows(*facet, v);
            }
        }
        for (i, failed) in self.failed.iter_mut().enumerate() {
            let mut passing = 0u16;
            if restricting != 0 {
                for &g in index.values_of(i) {
                    if allowed[g as usize] {
                        passing |= index.facet_bit[g as usize];
                    }
                }
            }
            *failed = (*failed & !changed) | (restricting & !passing);
        }
    }

    fn recompute_killed(&mut self, index: &FilterIndex) {
        let bit = Facet::Killed.bit();
        let Some(m) = self.filter.min_killed.filter(|m| m.at_least > 0) else {
            self.failed.iter_mut().for_each(|f| *f &= !bit);
            return;
        };
        for (i, failed) in self.failed.iter_mut().enumerate() {
            let passes = match m.basis {
                KilledBasis::Lowest => index.killed[i].lowest >= m.at_least,
                KilledBasis::Highest => index.killed[i].highest >= m.at_least,
                KilledBasis::Claimant(who) => index
                    .claimant_killed_of(i)
                    .iter()
                    .any(|&(c, n)| c as usize == who && n >= m.at_least),
            };
            *failed = if passes {
                *failed & !bit
            } else {
                *failed | bit
            };
        }
    }

    fn recompute_time(&mut self, index: &FilterIndex) {
        let bit = Facet::Time.bit();
        match self.filter.time {
            None => self.failed.iter_mut().for_each(|f| *f &= !bit),
            Some(range) => {
                let spans = index.start.iter().zip(&index.end);
                for (failed, (&start, &end)) in self.failed.iter_mut().zip(spans) {
                    *failed = if range.overlaps(start, end) {
                        *failed & !bit
                    } else {
                        *failed | bit
                    };
                }
            }
        }
    }

    /// With `narrows`, the new words only narrow the last search: an
    /// incident that failed it fails again and is not searched.
    fn recompute_text(&mut self, dataset: &Dataset, index: &FilterIndex, narrows: bool) {
        let bit = Facet::Text.bit();
        if self.words.is_empty() {
            self.failed.iter_mut().for_each(|f| *f &= !bit);
            return;
        }
        let texts = index.search(dataset);
        for (i, failed) in self.failed.iter_mut().enumerate() {
            if narrows && *failed & bit != 0 {
                continue;
            }
            let text = texts.of(i);
            *failed = if search::contains_all(text, &self.words) {
                *failed & !bit
            } else {
                *failed | bit
            };
        }
    }

    /// Lists the shown incidents and counts, in one pass over the masks:
    /// an incident that fails nothing counts for all its values; one that
    /// fails exactly one facet counts for that facet's values only (it
    /// would show if that facet allowed them); others count for nothing.
    fn recount(&mut self, index: &FilterIndex) {
        let mut values = vec![0u32; index.value_total()];
        let mut without = [0u32; Facet::ALL.len()];
        let mut shown = Vec::with_capacity(self.shown.capacity());
        let mut mask = vec![false; index.len];
        for (i, &failed) in self.failed.iter().enumerate() {
            if failed == 0 {
                shown.push(i as u32);
                mask[i] = true;
                for &g in index.values_of(i) {
                    values[g as usize] += 1;
                }
            } else if failed & (failed - 1) == 0 {
                // Exactly one facet fails: `failed` is its bit.
                without[failed.trailing_zeros() as usize] += 1;
                if failed & LISTED_BITS != 0 {
                    for &g in index.values_of(i) {
                        if index.facet_bit[g as usize] == failed {
                            values[g as usize] += 1;
                        }
                    }
                }
            }
        }
        for w in &mut without {
            *w += shown.len() as u32;
        }
        self.counts = FacetCounts {
            first: index.first,
            values,
            without,
        };
        self.shown = shown;
        self.mask = mask;
    }
}

impl Filter {
    /// Evaluates the filter over a dataset through its index (built from
    /// that dataset): the shown incidents and every facet value's count.
    /// The dataset itself is read only to build the search text, on the
    /// first search.
    pub fn evaluate(&self, dataset: &Dataset, index: &FilterIndex) -> Evaluation {
        Evaluation::new(self, dataset, index)
    }
}
