//! What the filter needs to know about each incident, worked out once per
//! dataset and laid out in flat arrays: evaluating a filter then reads
//! numbers and one text buffer, never the incidents themselves.

use std::sync::OnceLock;

use super::{claim_killed, for_each_value, search_text, Facet, KilledFigures, ValueCounts};
use crate::dataset::Dataset;
use crate::time::Seconds;

/// The per-dataset index a [`super::Filter`] is evaluated against. Build it
/// once when a dataset loads; it does not change with the filter.
#[derive(Clone, Debug)]
pub struct FilterIndex {
    pub(super) len: usize,
    pub(super) sizes: ValueCounts,
    /// The values of all listed facets share one numbering ("global
    /// values"): facet k's value v is `first[k] + v`.
    pub(super) first: [u32; Facet::LISTED.len() + 1],
    /// The facet bit of each global value.
    pub(super) facet_bit: Vec<u16>,
    /// Incident i's global values are `values[value_start[i]..value_start[i + 1]]`,
    /// without repeats, grouped by facet.
    pub(super) value_start: Vec<u32>,
    pub(super) values: Vec<u32>,
    pub(super) start: Vec<Seconds>,
    pub(super) end: Vec<Seconds>,
    /// Incident indexes by start time (then end, then index).
    pub(super) by_start: Vec<u32>,
    pub(super) killed: Vec<KilledFigures>,
    /// Incident i's (claimant, number killed) pairs, one per claim that
    /// gives a number, are `claimant_killed[claimant_start[i]..claimant_start[i + 1]]`.
    pub(super) claimant_start: Vec<u32>,
    pub(super) claimant_killed: Vec<(u32, u32)>,
    /// Built on the first search (or [`FilterIndex::prepare_search`]): at
    /// 100,000 incidents it is most of the index's cost, and many readers
    /// never search.
    search: OnceLock<SearchText>,
}

/// Every incident's normalised search text, one after another: incident
/// i's is `text[start[i]..start[i + 1]]`.
#[derive(Clone, Debug, Default)]
pub(super) struct SearchText {
    text: String,
    start: Vec<usize>,
}

impl SearchText {
    fn new(dataset: &Dataset) -> SearchText {
        let n = dataset.incidents.len();
        // About 180 bytes of search text per incident in synthetic data.
        let mut text = String::with_capacity(n * 200);
        let mut start = Vec::with_capacity(n + 1);
        for incident in &dataset.incidents {
            start.push(text.len());
            search_text(incident, &mut text);
        }
        start.push(text.len());
        SearchText { text, start }
    }

    /// Incident i's text ("" for an index it does not have).
    pub(super) fn of(&self, i: usize) -> &str {
        match (self.start.get(i), self.start.get(i + 1)) {
            (Some(&a), Some(&b)) => self.text.get(a..b).unwrap_or(""),
            _ => "",
        }
    }
}

impl FilterIndex {
    pub fn new(dataset: &Dataset) -> FilterIndex {
        let n = dataset.incidents.len();
        let sizes = ValueCounts::of(dataset);
        let mut first = [0u32; Facet::LISTED.len() + 1];
        let mut facet_bit = Vec::new();
        for (k, facet) in Facet::LISTED.iter().enumerate() {
            first[k + 1] = first[k] + sizes.0[k] as u32;
            facet_bit.extend(std::iter::repeat_n(facet.bit(), sizes.0[k]));
        }
        let nobody = super::nobody_named(dataset);

        let mut value_start = Vec::with_capacity(n + 1);
        let mut values = Vec::with_capacity(n * 12);
        let mut claimant_start = Vec::with_capacity(n + 1);
        let mut claimant_killed = Vec::with_capacity(n * 2);
        let mut scratch: Vec<u32> = Vec::new();
        for incident in &dataset.incidents {
            value_start.push(values.len() as u32);
            for (k, facet) in Facet::LISTED.iter().enumerate() {
                scratch.clear();
                for_each_value(incident, *facet, nobody, |v| {
                    // A value outside the dataset's tables cannot be chosen
                    // and would count in another facet: leave it out.
                    if v < sizes.0[k] {
                        scratch.push(first[k] + v as u32);
                    }
                });
                scratch.sort_unstable();
                scratch.dedup();
                values.extend_from_slice(&scratch);
            }
            claimant_start.push(claimant_killed.len() as u32);
            claimant_killed.extend(
                incident
                    .claims
                    .iter()
                    .filter_map(|c| Some((c.claimant as u32, claim_killed(c)?))),
            );
        }
        value_start.push(values.len() as u32);
        claimant_start.push(claimant_killed.len() as u32);

        let start: Vec<Seconds> = dataset.incidents.iter().map(|i| i.when.start).collect();
        let end: Vec<Seconds> = dataset.incidents.iter().map(|i| i.when.end).collect();
        let mut spans: Vec<(Seconds, Seconds, u32)> =
            (0..n).map(|i| (start[i], end[i], i as u32)).collect();
        // The index makes every key distinct, so an unstable sort is exact.
        spans.sort_unstable();
        let by_start = spans.into_iter().map(|(_, _, i)| i).collect();
        FilterIndex {
            len: n,
            sizes,
            first,
            facet_bit,
            value_start,
            values,
            start,
            end,
            by_start,
            killed: dataset.incidents.iter().map(KilledFigures::of).collect(),
            claimant_start,
            claimant_killed,
            search: OnceLock::new(),
        }
    }

    /// The number of incidents indexed.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Incident indexes sorted by start time (ties by end, then index).
    pub fn by_start(&self) -> &[u32] {
        &self.by_start
    }

    /// How many values a listed facet has (0 for the others).
    pub fn value_count(&self, facet: Facet) -> usize {
        self.sizes.get(facet)
    }

    /// Normalises every incident's text for search now rather than on the
    /// first search, e.g. when the page is idle after loading. `dataset`
    /// is the one the index was built from.
    pub fn prepare_search(&self, dataset: &Dataset) {
        self.search(dataset);
    }

    /// The incidents' normalised search texts, built on first use.
    pub(super) fn search(&self, dataset: &Dataset) -> &SearchText {
        self.search.get_or_init(|| SearchText::new(dataset))
    }

    /// An incident's normalised search text (titles, summaries, place
    /// names, in both languages), as the search sees it.
    pub fn search_text<'a>(&'a self, dataset: &Dataset, incident: usize) -> &'a str {
        self.search(dataset).of(incident)
    }

    /// Incident i's global values.
    pub(super) fn values_of(&self, i: usize) -> &[u32] {
        &self.values[self.value_start[i] as usize..self.value_start[i + 1] as usize]
    }

    /// Incident i's (claimant, number killed) pairs.
    pub(super) fn claimant_killed_of(&self, i: usize) -> &[(u32, u32)] {
        &self.claimant_killed[self.claimant_start[i] as usize..self.claimant_start[i + 1] as usize]
    }

    /// The total number of global values.
    pub(super) fn value_total(&self) -> usize {
        self.first[Facet::LISTED.len()] as usize
    }
}
