//! Ordering incidents for the list: by date, place, pattern or casualties.

use std::cmp::Ordering;

use crate::dataset::{Dataset, Figure, Incident};
use crate::filter::KilledBasis;
use crate::text::Lang;

/// What the list is sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortKey {
    Date,
    Place,
    Pattern,
    /// The highest number killed any claimant gives; incidents without a
    /// number sort last whichever the direction.
    Casualties,
}

impl SortKey {
    pub const ALL: [SortKey; 4] = [
        SortKey::Date,
        SortKey::Place,
        SortKey::Pattern,
        SortKey::Casualties,
    ];

    pub fn id(self) -> &'static str {
        match self {
            SortKey::Date => "date",
            SortKey::Place => "place",
            SortKey::Pattern => "pattern",
            SortKey::Casualties => "casualties",
        }
    }

    pub fn parse(s: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.id() == s)
    }
}

/// The number killed an incident counts for, read on `basis`: the highest
/// or lowest claim, or one claimant's (highest) figure.
pub fn killed_by(inc: &Incident, basis: KilledBasis) -> Option<u32> {
    match basis {
        KilledBasis::Highest => inc.highest_killed(),
        KilledBasis::Lowest => inc.lowest_killed(),
        KilledBasis::Claimant(c) => inc
            .claims
            .iter()
            .filter(|claim| claim.claimant == c)
            .filter_map(|claim| claim.killed.as_ref().and_then(Figure::headline))
            .max(),
    }
}

/// Sorts incident indexes in place. Ties keep date order, so the list
/// reads chronologically within a place or pattern. Casualties are read on
/// `basis` (the reader's choice in the filters).
pub fn sort_incidents(
    ds: &Dataset,
    ids: &mut [u32],
    key: SortKey,
    descending: bool,
    lang: Lang,
    basis: KilledBasis,
) {
    let date = |i: u32| ds.incidents[i as usize].when.start;
    let place = |i: u32| {
        ds.incidents[i as usize]
            .places
            .first()
            .map(|p| p.name.pick(lang).to_lowercase())
            .unwrap_or_default()
    };
    let pattern = |i: u32| {
        ds.incidents[i as usize]
            .patterns
            .first()
            .and_then(|p| ds.patterns.get(*p))
            .map(|p| p.label.pick(lang).to_lowercase())
            .unwrap_or_default()
    };
    let killed = |i: u32| killed_by(&ds.incidents[i as usize], basis);
    let directed = |o: Ordering| if descending { o.reverse() } else { o };
    match key {
        SortKey::Date => ids.sort_by(|&a, &b| directed(date(a).cmp(&date(b)))),
        SortKey::Place => {
            let mut keyed: Vec<(String, u32)> = ids.iter().map(|&i| (place(i), i)).collect();
            keyed.sort_by(|a, b| directed(a.0.cmp(&b.0)).then(date(a.1).cmp(&date(b.1))));
            for (slot, (_, i)) in ids.iter_mut().zip(keyed) {
                *slot = i;
            }
        }
        SortKey::Pattern => {
            let mut keyed: Vec<(String, u32)> = ids.iter().map(|&i| (pattern(i), i)).collect();
            keyed.sort_by(|a, b| directed(a.0.cmp(&b.0)).then(date(a.1).cmp(&date(b.1))));
            for (slot, (_, i)) in ids.iter_mut().zip(keyed) {
                *slot = i;
            }
        }
        SortKey::Casualties => ids.sort_by(|&a, &b| match (killed(a), killed(b)) {
            (Some(x), Some(y)) => directed(x.cmp(&y)).then(date(a).cmp(&date(b))),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => date(a).cmp(&date(b)),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset() -> Dataset {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/incidents.json"))
                .expect("default dataset");
        crate::dataset::load(&text).expect("valid").dataset
    }

    #[test]
    fn by_date_both_ways() {
        let ds = dataset();
        let mut ids: Vec<u32> = (0..ds.incidents.len() as u32).collect();
        sort_incidents(
            &ds,
            &mut ids,
            SortKey::Date,
            false,
            Lang::En,
            KilledBasis::Highest,
        );
        assert!(ids
            .windows(2)
            .all(|w| ds.incidents[w[0] as usize].when.start
                <= ds.incidents[w[1] as usize].when.start));
        sort_incidents(
            &ds,
            &mut ids,
            SortKey::Date,
            true,
            Lang::En,
            KilledBasis::Highest,
        );
        assert!(ids
            .windows(2)
            .all(|w| ds.incidents[w[0] as usize].when.start
                >= ds.incidents[w[1] as usize].when.start));
    }

    #[test]
    fn deadliest_first_with_unknowns_last() {
        let ds = dataset();
        let mut ids: Vec<u32> = (0..ds.incidents.len() as u32).collect();
        sort_incidents(
            &ds,
            &mut ids,
            SortKey::Casualties,
            true,
            Lang::En,
            KilledBasis::Highest,
        );
        let killed: Vec<Option<u32>> = ids
            .iter()
            .map(|&i| ds.incidents[i as usize].highest_killed())
            .collect();
        let numbers: Vec<u32> = killed.iter().flatten().copied().collect();
        assert!(numbers.windows(2).all(|w| w[0] >= w[1]), "{killed:?}");
        let first_none = killed
            .iter()
            .position(Option::is_none)
            .unwrap_or(killed.len());
        assert!(killed[first_none..].iter().all(Option::is_none));
        // Kabajeb, with SOHR's "at least 37", is the deadliest claim.
        assert!(ds.incidents[ids[0] as usize].id.contains("kabajeb"));
    }

    #[test]
    fn deadliest_by_one_claimants_count() {
        let ds = dataset();
        let sohr = ds
            .claimants
            .iter()
            .position(|c| c.id == "sohr")
            .expect("SOHR");
        let mut ids: Vec<u32> = (0..ds.incidents.len() as u32).collect();
        sort_incidents(
            &ds,
            &mut ids,
            SortKey::Casualties,
            true,
            Lang::En,
            KilledBasis::Claimant(sohr),
        );
        let by_sohr: Vec<Option<u32>> = ids
            .iter()
            .map(|&i| killed_by(&ds.incidents[i as usize], KilledBasis::Claimant(sohr)))
            .collect();
        // SOHR counted Kabajeb (at least 37), Mayadin (26) and T3 east (15).
        assert_eq!(&by_sohr[..3], &[Some(37), Some(26), Some(15)]);
        assert!(by_sohr[3..].iter().all(Option::is_none));
    }

    #[test]
    fn keys_round_trip() {
        for k in SortKey::ALL {
            assert_eq!(SortKey::parse(k.id()), Some(k));
        }
        assert_eq!(SortKey::parse("nope"), None);
    }
}
