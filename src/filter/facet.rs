//! The facets a reader filters by, their values (numbered per facet, see
//! the table in the module above), and which values an incident has.

use crate::dataset::{
    Attribution, Claim, Dataset, DatePrecision, Incident, PlacePrecision, TargetKind, GOVERNORATES,
};
use crate::geo::Region;
use crate::search;

/// A dimension the reader filters by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Pattern,
    Actor,
    Attribution,
    Target,
    Governorate,
    Region,
    Claimant,
    Source,
    /// How well the date is known ([`DatePrecision`]).
    DatePrecision,
    /// How well the place is known ([`PlacePrecision`]), per place.
    PlacePrecision,
    /// A minimum number killed.
    Killed,
    /// The time range (the timeline's brush).
    Time,
    /// Free-text search.
    Text,
}

impl Facet {
    pub const ALL: [Facet; 13] = [
        Facet::Pattern,
        Facet::Actor,
        Facet::Attribution,
        Facet::Target,
        Facet::Governorate,
        Facet::Region,
        Facet::Claimant,
        Facet::Source,
        Facet::DatePrecision,
        Facet::PlacePrecision,
        Facet::Killed,
        Facet::Time,
        Facet::Text,
    ];

    /// The facets whose values the reader picks from a list, each with a
    /// count; their position here is [`Facet::listed_position`]. They
    /// come first in the enum too, so that their bits are the low ones
    /// ([`LISTED_BITS`]).
    pub const LISTED: [Facet; 10] = [
        Facet::Pattern,
        Facet::Actor,
        Facet::Attribution,
        Facet::Target,
        Facet::Governorate,
        Facet::Region,
        Facet::Claimant,
        Facet::Source,
        Facet::DatePrecision,
        Facet::PlacePrecision,
    ];

    /// A stable name, e.g. for the URL and for tests.
    pub fn id(self) -> &'static str {
        match self {
            Facet::Pattern => "pattern",
            Facet::Actor => "actor",
            Facet::Attribution => "attribution",
            Facet::Target => "target",
            Facet::Governorate => "governorate",
            Facet::Region => "area",
            Facet::Claimant => "claimant",
            Facet::Source => "source",
            Facet::DatePrecision => "date-precision",
            Facet::PlacePrecision => "place-precision",
            Facet::Killed => "killed",
            Facet::Time => "time",
            Facet::Text => "text",
        }
    }

    /// The facet's bit in a mask of facets.
    pub(crate) fn bit(self) -> u16 {
        1 << (self as u16)
    }

    /// Position in [`Facet::LISTED`], for the listed facets.
    pub fn listed_position(self) -> Option<usize> {
        Facet::LISTED.iter().position(|f| *f == self)
    }

    /// Whether every incident has at least one value of this listed facet,
    /// so that having every value on is the same as no restriction. Not so
    /// for Region (a place may lie outside every preset) and Claimant (an
    /// incident may have no claims).
    ///
    /// It decides how "no restriction" looks: all values on for these
    /// facets (switching one off hides its incidents), none on for the
    /// others (switching one on shows only its incidents).
    pub fn every_incident_has_a_value(self) -> bool {
        !matches!(
            self,
            Facet::Region | Facet::Claimant | Facet::Killed | Facet::Time | Facet::Text
        )
    }

    /// How many values the facet lists for a dataset (0 for unlisted ones).
    pub fn value_count(self, dataset: &Dataset) -> usize {
        ValueCounts::of(dataset).get(self)
    }

    /// The stable id of a value, as the URL spells it: the dataset's ids
    /// for patterns, actors, claimants and sources, the vocabulary's for
    /// attributions, target kinds and regions, the governorate ids, and
    /// [`NOBODY_NAMED_ID`] and [`OTHER_GOVERNORATE_ID`].
    pub fn value_id(self, dataset: &Dataset, value: usize) -> Option<&str> {
        match self {
            Facet::Pattern => dataset.patterns.get(value).map(|p| p.id.as_str()),
            Facet::Actor if value == nobody_named(dataset) => Some(NOBODY_NAMED_ID),
            Facet::Actor => dataset.actors.get(value).map(|a| a.id.as_str()),
            Facet::Attribution => Attribution::ALL.get(value).map(|a| a.id()),
            Facet::Target => TargetKind::ALL.get(value).map(|k| k.id()),
            Facet::Governorate if value == OTHER_GOVERNORATE => Some(OTHER_GOVERNORATE_ID),
            Facet::Governorate => GOVERNORATES.get(value).map(|g| g.0),
            Facet::Region => Region::ALL.get(value).map(|r| r.id()),
            Facet::Claimant => dataset.claimants.get(value).map(|c| c.id.as_str()),
            Facet::Source => dataset.sources.get(value).map(|s| s.id.as_str()),
            Facet::DatePrecision => DatePrecision::ALL.get(value).map(|p| p.id()),
            Facet::PlacePrecision => PlacePrecision::ALL.get(value).map(|p| p.id()),
            Facet::Killed | Facet::Time | Facet::Text => None,
        }
    }

    /// The value with a stable id (the inverse of [`Facet::value_id`]).
    pub fn value_of_id(self, dataset: &Dataset, id: &str) -> Option<usize> {
        match self {
            Facet::Pattern => dataset.patterns.iter().position(|p| p.id == id),
            // "none" means nobody named even if an actor took that id:
            // the URL must be able to say it.
            Facet::Actor if id == NOBODY_NAMED_ID => Some(nobody_named(dataset)),
            Facet::Actor => dataset.actors.iter().position(|a| a.id == id),
            Facet::Attribution => Attribution::parse(id).map(attribution_value),
            Facet::Target => TargetKind::parse(id).map(target_value),
            Facet::Governorate if id == OTHER_GOVERNORATE_ID => Some(OTHER_GOVERNORATE),
            Facet::Governorate => GOVERNORATES.iter().position(|g| g.0 == id),
            Facet::Region => Region::parse(id).map(region_value),
            Facet::Claimant => dataset.claimants.iter().position(|c| c.id == id),
            Facet::Source => dataset.sources.iter().position(|s| s.id == id),
            Facet::DatePrecision => DatePrecision::parse(id).map(date_precision_value),
            Facet::PlacePrecision => PlacePrecision::parse(id).map(place_precision_value),
            Facet::Killed | Facet::Time | Facet::Text => None,
        }
    }
}

/// Mask of the listed facets.
pub(crate) const LISTED_BITS: u16 = (1 << Facet::LISTED.len()) - 1;

/// The id of the actor value "nobody named".
pub const NOBODY_NAMED_ID: &str = "none";
/// The id of the governorate value for places outside Syria's governorates
/// or without one.
pub const OTHER_GOVERNORATE_ID: &str = "other";
/// The governorate value "other or none".
pub const OTHER_GOVERNORATE: usize = GOVERNORATES.len();

/// The actor value "nobody named" in a dataset: the one after its actors.
pub fn nobody_named(dataset: &Dataset) -> usize {
    dataset.actors.len()
}

/// The governorate value of a place's governorate id.
pub fn governorate_value(id: Option<&str>) -> usize {
    id.and_then(|id| GOVERNORATES.iter().position(|g| g.0 == id))
        .unwrap_or(OTHER_GOVERNORATE)
}

pub fn attribution_value(a: Attribution) -> usize {
    Attribution::ALL.iter().position(|x| *x == a).unwrap_or(0)
}

pub fn target_value(k: TargetKind) -> usize {
    TargetKind::ALL.iter().position(|x| *x == k).unwrap_or(0)
}

pub fn date_precision_value(p: DatePrecision) -> usize {
    DatePrecision::ALL.iter().position(|x| *x == p).unwrap_or(0)
}

pub fn place_precision_value(p: PlacePrecision) -> usize {
    PlacePrecision::ALL
        .iter()
        .position(|x| *x == p)
        .unwrap_or(0)
}

pub fn region_value(r: Region) -> usize {
    Region::ALL.iter().position(|x| *x == r).unwrap_or(0)
}

/// Whether a point lies in a region preset's box (edges included).
pub fn in_region(region: Region, lon: f64, lat: f64) -> bool {
    region.contains(lon, lat)
}

/// How many values each listed facet has in one dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct ValueCounts(pub(super) [usize; Facet::LISTED.len()]);

impl ValueCounts {
    pub(super) fn of(dataset: &Dataset) -> ValueCounts {
        ValueCounts([
            dataset.patterns.len(),
            dataset.actors.len() + 1,
            Attribution::ALL.len(),
            TargetKind::ALL.len(),
            GOVERNORATES.len() + 1,
            Region::ALL.len(),
            dataset.claimants.len(),
            dataset.sources.len(),
            DatePrecision::ALL.len(),
            PlacePrecision::ALL.len(),
        ])
    }

    pub(super) fn get(&self, facet: Facet) -> usize {
        facet.listed_position().map_or(0, |k| self.0[k])
    }
}

/// Calls `f` with each value an incident has in a listed facet (possibly
/// repeated: two places in one governorate give it twice). `nobody` is the
/// actor value for "nobody named".
pub(super) fn for_each_value(
    incident: &Incident,
    facet: Facet,
    nobody: usize,
    mut f: impl FnMut(usize),
) {
    match facet {
        Facet::Pattern => incident.patterns.iter().for_each(|&p| f(p)),
        Facet::Actor => f(incident.perpetrator.actor.unwrap_or(nobody)),
        Facet::Attribution => f(attribution_value(incident.perpetrator.attribution)),
        Facet::Target => f(target_value(
            incident
                .target
                .as_ref()
                .map_or(TargetKind::Unknown, |t| t.kind),
        )),
        Facet::Governorate => {
            if incident.places.is_empty() {
                f(OTHER_GOVERNORATE);
            }
            for p in &incident.places {
                f(governorate_value(p.governorate.as_deref()));
            }
        }
        Facet::Region => {
            for p in &incident.places {
                for (k, r) in Region::ALL.iter().enumerate() {
                    if in_region(*r, p.lon, p.lat) {
                        f(k);
                    }
                }
            }
        }
        Facet::Claimant => incident.claims.iter().for_each(|c| f(c.claimant)),
        Facet::Source => incident.sources.iter().for_each(|&s| f(s)),
        Facet::DatePrecision => f(date_precision_value(incident.when.precision)),
        Facet::PlacePrecision => incident
            .places
            .iter()
            .for_each(|p| f(place_precision_value(p.precision))),
        Facet::Killed | Facet::Time | Facet::Text => {}
    }
}

/// Appends the text an incident is searched by, normalised: titles,
/// summaries, place names and the place as reported, in both languages.
pub(super) fn search_text(incident: &Incident, out: &mut String) {
    let texts = std::iter::once(&incident.title)
        .chain(incident.summary.as_ref())
        .chain(incident.places.iter().map(|p| &p.name))
        .chain(incident.where_as_reported.as_ref());
    for text in texts {
        for s in text.all() {
            search::normalize_into(s, out);
        }
    }
}

/// The numbers killed an incident's claims give, on each basis, 0 for none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct KilledFigures {
    pub(super) lowest: u32,
    pub(super) highest: u32,
}

impl KilledFigures {
    pub(super) fn of(incident: &Incident) -> KilledFigures {
        KilledFigures {
            lowest: incident.lowest_killed().unwrap_or(0),
            highest: incident.highest_killed().unwrap_or(0),
        }
    }
}

/// The number killed a claim gives, when it gives one: its headline (a
/// range's upper end), so that a claimant's highest figure decides.
pub(super) fn claim_killed(claim: &Claim) -> Option<u32> {
    claim.killed.as_ref().and_then(|k| k.headline())
}
