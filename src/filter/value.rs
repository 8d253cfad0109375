//! The reader's filter as a value: one restriction per facet.

use super::facet::ValueCounts;
use super::Facet;
use crate::dataset::{Dataset, When};
use crate::search;
use crate::time::Seconds;

/// A half-open range of civil time, `[start, end)` in seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TimeRange {
    pub start: Seconds,
    pub end: Seconds,
}

impl TimeRange {
    pub fn new(start: Seconds, end: Seconds) -> TimeRange {
        TimeRange { start, end }
    }

    /// Whether an incident's interval `[start, end)` overlaps the range.
    /// An incident that is a single instant (`start == end`, a date-time
    /// without an end) is inside when `self.start <= start < self.end`.
    pub fn overlaps(&self, start: Seconds, end: Seconds) -> bool {
        start < self.end && end.max(start.saturating_add(1)) > self.start
    }

    pub fn overlaps_when(&self, when: &When) -> bool {
        self.overlaps(when.start, when.end)
    }
}

/// Whose figure a casualty minimum reads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum KilledBasis {
    /// The lowest figure any claim gives ([`Figure::low`](crate::dataset::Figure::low)):
    /// every claim with a number says at least that many.
    Lowest,
    /// The highest figure any claim gives ([`Figure::headline`](crate::dataset::Figure::headline)),
    /// the one marker sizes use. The default.
    #[default]
    Highest,
    /// The highest figure one claimant (a [`Dataset::claimants`] index)
    /// gives across its claims (a claimant may revise its count).
    Claimant(usize),
}

/// "At least `at_least` killed", read on `basis`. An incident with no
/// number on that basis fails any minimum above 0; a minimum of 0
/// restricts nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MinKilled {
    pub at_least: u32,
    pub basis: KilledBasis,
}

/// The reader's filter: one restriction per [`Facet`], each "none" by
/// default. Build it with [`Filter::everything`] for a dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filter {
    /// Whether each attack pattern ([`Dataset::patterns`] index) is on.
    /// Default: all on (no restriction).
    pub patterns: Vec<bool>,
    /// The values on for the listed facets after Pattern (Actor…Source, in
    /// [`Facet::LISTED`] order, position − 1); `None` restricts nothing.
    /// Default: all `None`.
    pub(super) lists: [Option<Vec<bool>>; Facet::LISTED.len() - 1],
    /// At least this many killed. Default: none.
    pub min_killed: Option<MinKilled>,
    /// Only incidents whose interval overlaps this range (the brush).
    /// Default: none.
    pub time: Option<TimeRange>,
    /// Free text as typed; every word must occur in the incident's title,
    /// summary or place names, in either language (see [`crate::search`]).
    /// Default: empty.
    pub query: String,
    /// The number of values of each listed facet in the dataset.
    pub(super) sizes: ValueCounts,
}

impl Filter {
    /// Everything shown.
    pub fn everything(dataset: &Dataset) -> Filter {
        Filter {
            patterns: vec![true; dataset.patterns.len()],
            lists: Default::default(),
            min_killed: None,
            time: None,
            query: String::new(),
            sizes: ValueCounts::of(dataset),
        }
    }

    /// The filter with one pattern switched.
    pub fn toggled(&self, pattern: usize) -> Filter {
        let mut next = self.clone();
        next.toggle_value(Facet::Pattern, pattern);
        next
    }

    /// Only `pattern` on (or, when it is already the only one, all on).
    pub fn only(&self, pattern: usize) -> Filter {
        let mut next = self.clone();
        next.only_value(Facet::Pattern, pattern);
        next
    }

    /// Whether no facet restricts anything.
    pub fn is_everything(&self) -> bool {
        Facet::ALL.iter().all(|f| !self.restricts(*f))
    }

    /// Removes every restriction.
    pub fn clear_all(&mut self) {
        for facet in Facet::ALL {
            self.clear(facet);
        }
    }

    /// Removes one facet's restriction.
    pub fn clear(&mut self, facet: Facet) {
        match facet {
            Facet::Pattern => self.patterns.iter_mut().for_each(|on| *on = true),
            Facet::Killed => self.min_killed = None,
            Facet::Time => self.time = None,
            Facet::Text => self.query.clear(),
            _ => {
                if let Some(slot) = self.list_slot(facet) {
                    *slot = None;
                }
            }
        }
    }

    /// Whether a facet restricts which incidents are shown. A minimum of 0
    /// killed and a query with no words do not.
    pub fn restricts(&self, facet: Facet) -> bool {
        match facet {
            Facet::Killed => self.min_killed.is_some_and(|m| m.at_least > 0),
            Facet::Time => self.time.is_some(),
            Facet::Text => !search::query_words(&self.query).is_empty(),
            _ => self.selection(facet).is_some(),
        }
    }

    /// The values on in a listed facet, by value index, or `None` when the
    /// facet restricts nothing (for patterns: when all are on).
    pub fn selection(&self, facet: Facet) -> Option<&[bool]> {
        match facet {
            Facet::Pattern if self.patterns.iter().all(|on| *on) => None,
            Facet::Pattern => Some(&self.patterns),
            _ => self.list(facet)?.as_deref(),
        }
    }

    /// Whether a value shows as on in the facet's list. With no
    /// restriction, facets where every incident has a value show all on,
    /// the others none (see [`Facet::every_incident_has_a_value`]).
    pub fn is_on(&self, facet: Facet, value: usize) -> bool {
        match self.selection(facet) {
            Some(sel) => sel.get(value).copied().unwrap_or(false),
            None => facet.every_incident_has_a_value(),
        }
    }

    /// Whether an incident with `value` passes the facet on that value.
    /// Unlike [`Filter::is_on`], no restriction allows every value.
    pub(super) fn allows(&self, facet: Facet, value: usize) -> bool {
        match self.selection(facet) {
            // A pattern the filter does not know (from another dataset)
            // stays visible, as it always has.
            Some(sel) => sel.get(value).copied().unwrap_or(facet == Facet::Pattern),
            None => true,
        }
    }

    /// Switches one value of a listed facet, as a checkbox would; see
    /// [`Filter::is_on`] for how "no restriction" shows. Turning the last
    /// value of a Region or Claimant list off, or the last of another
    /// list on, removes the restriction.
    pub fn toggle_value(&mut self, facet: Facet, value: usize) {
        let size = self.sizes.get(facet);
        if value >= size {
            return;
        }
        let mut on: Vec<bool> = (0..size).map(|v| self.is_on(facet, v)).collect();
        on[value] = !on[value];
        self.set_selection(facet, Some(on));
    }

    /// Only `value` on in a listed facet, or, when it already is the only
    /// one, no restriction.
    pub fn only_value(&mut self, facet: Facet, value: usize) {
        let size = self.sizes.get(facet);
        if value >= size {
            return;
        }
        let already_only = self.selection(facet).is_some_and(|sel| {
            (0..size).all(|v| sel.get(v).copied().unwrap_or(false) == (v == value))
        });
        if already_only {
            self.clear(facet);
        } else {
            self.set_selection(facet, Some((0..size).map(|v| v == value).collect()));
        }
    }

    /// Sets the values on in a listed facet (`None`: no restriction). A list
    /// with every value on (for facets where every incident has a value)
    /// or none on (for the others) is stored as no restriction, so that
    /// equal filters compare equal; one of the wrong length is padded with
    /// "off" or cut.
    pub fn set_selection(&mut self, facet: Facet, selection: Option<Vec<bool>>) {
        let size = self.sizes.get(facet);
        let selection = selection.map(|mut s| {
            s.resize(size, false);
            s
        });
        let selection = selection.filter(|s| {
            if facet.every_incident_has_a_value() {
                !s.iter().all(|on| *on)
            } else {
                s.iter().any(|on| *on)
            }
        });
        match facet {
            Facet::Pattern => {
                self.patterns = selection.unwrap_or_else(|| vec![true; size]);
            }
            _ => {
                if let Some(slot) = self.list_slot(facet) {
                    *slot = selection;
                }
            }
        }
    }

    fn list(&self, facet: Facet) -> Option<&Option<Vec<bool>>> {
        let k = facet.listed_position()?.checked_sub(1)?;
        self.lists.get(k)
    }

    fn list_slot(&mut self, facet: Facet) -> Option<&mut Option<Vec<bool>>> {
        let k = facet.listed_position()?.checked_sub(1)?;
        self.lists.get_mut(k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_fall_in_the_range_that_starts_at_them() {
        let r = TimeRange::new(100, 200);
        assert!(r.overlaps(100, 100));
        assert!(!r.overlaps(200, 200));
        assert!(r.overlaps(50, 101));
        assert!(
            !r.overlaps(50, 100),
            "the interval ends where the range starts"
        );
    }
}
