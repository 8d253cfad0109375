//! The reader's [`Filter`] (value indexes) as the URL's [`FilterState`]
//! (stable ids), and back.

use std::collections::HashMap;

use super::codec::encoded_list_len;
use super::state::{url_range, FilterState, IdChoice, KilledBasisState, KilledState};
use crate::dataset::Dataset;
use crate::filter::{nobody_named, Facet, Filter, KilledBasis, MinKilled, OTHER_GOVERNORATE};
use crate::filter::{NOBODY_NAMED_ID, OTHER_GOVERNORATE_ID};

/// A listed facet's values by stable id: one hash lookup per id, so that
/// reading a list costs its length, not its length times the facet's size.
pub(super) struct ValueIds<'a> {
    by_id: HashMap<&'a str, usize>,
}

impl<'a> ValueIds<'a> {
    /// Agrees with [`Facet::value_of_id`]: the first value with an id wins,
    /// and `none` and `other` always mean "nobody named" and "other
    /// governorate".
    pub fn new(facet: Facet, dataset: &'a Dataset) -> ValueIds<'a> {
        let count = facet.value_count(dataset);
        let mut by_id = HashMap::with_capacity(count);
        for v in 0..count {
            if let Some(id) = facet.value_id(dataset, v) {
                by_id.entry(id).or_insert(v);
            }
        }
        match facet {
            Facet::Actor => {
                by_id.insert(NOBODY_NAMED_ID, nobody_named(dataset));
            }
            Facet::Governorate => {
                by_id.insert(OTHER_GOVERNORATE_ID, OTHER_GOVERNORATE);
            }
            _ => {}
        }
        ValueIds { by_id }
    }

    pub fn get(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }
}

impl FilterState {
    /// The filter's choices by id; times as the URL writes them
    /// ([`url_range`]). Each list is written the shorter way: the values
    /// on, or the values off.
    pub fn from_filter(filter: &Filter, dataset: &Dataset) -> FilterState {
        let mut state = FilterState::default();
        for facet in Facet::LISTED {
            let Some(selection) = filter.selection(facet) else {
                continue;
            };
            let ids = |on: bool| -> Vec<String> {
                (0..facet.value_count(dataset))
                    .filter(|&v| selection.get(v).copied().unwrap_or(false) == on)
                    .filter_map(|v| facet.value_id(dataset, v).map(str::to_owned))
                    .collect()
            };
            let (on, off) = (ids(true), ids(false));
            let choice = if encoded_list_len(&off) < encoded_list_len(&on) {
                IdChoice::Except(off)
            } else {
                IdChoice::Only(on)
            };
            state.set_list(facet, Some(choice));
        }
        // "At least 0 by the highest claim" restricts nothing and shows as
        // nothing; at least 0 on another basis keeps the reader's choice.
        let restricts_or_chosen = |m: &MinKilled| m.at_least > 0 || m.basis != KilledBasis::Highest;
        state.killed = filter.min_killed.filter(restricts_or_chosen).and_then(|m| {
            let basis = match m.basis {
                KilledBasis::Lowest => KilledBasisState::Lowest,
                KilledBasis::Highest => KilledBasisState::Highest,
                KilledBasis::Claimant(c) => {
                    KilledBasisState::Claimant(dataset.claimants.get(c)?.id.clone())
                }
            };
            Some(KilledState {
                at_least: m.at_least,
                basis,
            })
        });
        state.time = filter.time.map(url_range);
        state.query = filter.query.clone();
        state
    }

    /// The filter these choices make for a dataset. Ids it does not have
    /// are skipped ([`ViewState::from_query`](super::ViewState::from_query)
    /// has warned about them).
    pub fn to_filter(&self, dataset: &Dataset) -> Filter {
        let mut filter = Filter::everything(dataset);
        for facet in Facet::LISTED {
            let Some(choice) = self.list(facet) else {
                continue;
            };
            let size = facet.value_count(dataset);
            let (ids, listed_are_on) = match choice {
                IdChoice::Only(ids) => (ids, true),
                IdChoice::Except(ids) => (ids, false),
            };
            let lookup = ValueIds::new(facet, dataset);
            let mut on = vec![!listed_are_on; size];
            for id in ids {
                if let Some(slot) = lookup.get(id).and_then(|v| on.get_mut(v)) {
                    *slot = listed_are_on;
                }
            }
            filter.set_selection(facet, Some(on));
        }
        filter.min_killed = self.killed.as_ref().and_then(|k| {
            let basis = match &k.basis {
                KilledBasisState::Lowest => KilledBasis::Lowest,
                KilledBasisState::Highest => KilledBasis::Highest,
                KilledBasisState::Claimant(id) => {
                    KilledBasis::Claimant(Facet::Claimant.value_of_id(dataset, id)?)
                }
            };
            Some(MinKilled {
                at_least: k.at_least,
                basis,
            })
        });
        filter.time = self.time;
        filter.query = self.query.clone();
        filter
    }
}
