//! The validated dataset the app works with. References between entries
//! are indexes into the dataset's tables, checked by the loader.

use super::figure::Figure;
// Named regions and place precision are geography, marker shapes are
// symbols; a dataset names them, so they are re-exported here.
use crate::geo::scene::{MapScene, PlaceInDegrees};
use crate::geo::Lcc;
pub use crate::geo::{PlacePrecision, Region};
pub use crate::symbols::Shape;
use crate::text::{Lang, Text};
use crate::time::Seconds;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// How well the date of an incident is known.
    DatePrecision {
        Exact = "exact",
        Days = "days",
        Week = "week",
        PartOfMonth = "part-of-month",
        Month = "month",
        Season = "season",
        Year = "year",
    }
}

vocabulary! {
    /// How firmly an incident is attributed to its perpetrator.
    Attribution {
        Claimed = "claimed",
        // A source states it as fact in its own voice, citing neither a
        // claim of responsibility nor another source.
        Asserted = "asserted",
        Believed = "believed",
        Alleged = "alleged",
        Unknown = "unknown",
    }
}

vocabulary! {
    /// What kind of party makes a casualty claim.
    ClaimantKind {
        Government = "government",
        Opposition = "opposition",
        Monitor = "monitor",
        Media = "media",
        International = "international",
        Other = "other",
    }
}

vocabulary! {
    /// What was attacked.
    TargetKind {
        MilitaryTransport = "military-transport",
        MilitaryPosition = "military-position",
        Checkpoint = "checkpoint",
        CivilianTransport = "civilian-transport",
        Civilians = "civilians",
        Infrastructure = "infrastructure",
        Other = "other",
        Unknown = "unknown",
    }
}

/// Syria's governorates by id, with their names, in the order the filter
/// lists them (south-west to north-east).
pub const GOVERNORATES: [(&str, &str, &str); 14] = [
    ("damascus", "Damascus", "دمشق"),
    ("rif-dimashq", "Rif Dimashq", "ريف دمشق"),
    ("quneitra", "Quneitra", "القنيطرة"),
    ("daraa", "Daraa", "درعا"),
    ("as-suwayda", "As-Suwayda", "السويداء"),
    ("homs", "Homs", "حمص"),
    ("hama", "Hama", "حماة"),
    ("tartus", "Tartus", "طرطوس"),
    ("latakia", "Latakia", "اللاذقية"),
    ("idlib", "Idlib", "إدلب"),
    ("aleppo", "Aleppo", "حلب"),
    ("ar-raqqa", "Ar-Raqqa", "الرقة"),
    ("deir-ez-zor", "Deir ez-Zor", "دير الزور"),
    ("al-hasakah", "Al-Hasakah", "الحسكة"),
];

/// The name of a governorate id in a language, if it is one of Syria's.
pub fn governorate_name(id: &str, lang: Lang) -> Option<&'static str> {
    GOVERNORATES
        .iter()
        .find(|(gid, _, _)| *gid == id)
        .map(|(_, en, ar)| if lang == Lang::Ar { *ar } else { *en })
}

#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub meta: Meta,
    pub patterns: Vec<Pattern>,
    pub actors: Vec<Actor>,
    pub claimants: Vec<Claimant>,
    pub sources: Vec<Source>,
    pub incidents: Vec<Incident>,
    /// The dataset's story, if it has one (or the app's `story=` file).
    pub story: Option<crate::story::Story>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    pub title: Text,
    pub description: Option<Text>,
    pub attribution: Option<Text>,
    pub updated: Option<String>,
    /// Index of the source the dataset was built from.
    pub primary_source: Option<usize>,
    pub default_language: Option<Lang>,
    pub default_region: Option<Region>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    pub id: String,
    pub label: Text,
    pub description: Option<Text>,
    /// `#rrggbb`
    pub color: String,
    pub shape: Shape,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    pub id: String,
    pub name: Text,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Claimant {
    pub id: String,
    pub name: Text,
    pub kind: ClaimantKind,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: String,
    pub outlet: Text,
    pub title: Option<Text>,
    /// Only ever an http(s) URL; anything else fails validation.
    pub url: Option<String>,
    pub date: Option<String>,
    pub language: Option<String>,
    pub quote: Option<Text>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Incident {
    pub id: String,
    pub title: Text,
    pub summary: Option<Text>,
    pub when: When,
    pub places: Vec<Place>,
    pub where_as_reported: Option<Text>,
    /// Indexes into [`Dataset::patterns`]; at least one.
    pub patterns: Vec<usize>,
    pub perpetrator: Perpetrator,
    pub target: Option<Target>,
    pub claims: Vec<Claim>,
    /// Indexes into [`Dataset::sources`]; at least one.
    pub sources: Vec<usize>,
    pub note: Option<Text>,
    /// Patterns (of [`Incident::patterns`]) that are the compiler's
    /// reading of the reports rather than something a report says.
    pub pattern_interpretations: Vec<PatternInterpretation>,
    /// Languages of [`Incident::where_as_reported`] that are the
    /// compiler's translation, not the reports' own words.
    pub where_as_reported_translated: Vec<Lang>,
}

/// A pattern given to an incident by interpretation, with what it rests
/// on (e.g. a general comment on a group's tactics).
#[derive(Clone, Debug, PartialEq)]
pub struct PatternInterpretation {
    /// Index into [`Dataset::patterns`]; one of the incident's patterns.
    pub pattern: usize,
    pub basis: Text,
}

/// When an incident happened: an interval of civil time and how well it is
/// known.
#[derive(Clone, Debug, PartialEq)]
pub struct When {
    /// First instant the incident may have happened at.
    pub start: Seconds,
    /// Last instant (exclusive): the day after an end given as a date.
    pub end: Seconds,
    pub precision: DatePrecision,
    /// Whether a time of day was given (not just dates).
    pub has_time: bool,
    /// Whether that time of day is approximate ("about 4 pm").
    pub approximate_time: bool,
    pub as_reported: Option<Text>,
    /// Languages of `as_reported` that are the compiler's translation.
    pub as_reported_translated: Vec<Lang>,
}

impl When {
    /// The instant that stands for the incident when one is needed: the
    /// middle of its interval.
    pub fn midpoint(&self) -> Seconds {
        self.start + (self.end - self.start) / 2
    }

    /// True when the date is known to a day (or better): drawn as a mark,
    /// not a span.
    pub fn is_exact(&self) -> bool {
        self.precision == DatePrecision::Exact
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub name: Text,
    pub lat: f64,
    pub lon: f64,
    pub precision: PlacePrecision,
    pub radius_km: f64,
    /// A Syrian governorate id (static) or, with a warning, another name.
    pub governorate: Option<std::borrow::Cow<'static, str>>,
    pub gazetteer: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Perpetrator {
    /// Index into [`Dataset::actors`]; `None` when nobody is named.
    pub actor: Option<usize>,
    pub attribution: Attribution,
    /// Indexes into [`Dataset::sources`].
    pub according_to: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    pub kind: TargetKind,
    pub description: Option<Text>,
    pub disputed: Option<Text>,
}

/// A casualty claim: figures as one claimant gave them, in one source.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    pub claimant: usize,
    pub source: usize,
    pub killed: Option<Figure>,
    pub wounded: Option<Figure>,
    pub missing: Option<Figure>,
    pub kidnapped: Option<Figure>,
    pub killed_or_wounded: Option<Figure>,
    pub victims: Option<Text>,
    pub date: Option<String>,
    pub note: Option<Text>,
}

impl Incident {
    /// The highest number killed that any claim states, for sizing markers
    /// (the legend says so). `None` when no claim gives a number.
    pub fn highest_killed(&self) -> Option<u32> {
        self.claims
            .iter()
            .filter_map(|c| c.killed.as_ref().and_then(Figure::headline))
            .max()
    }

    /// The lowest number killed that any claim states.
    pub fn lowest_killed(&self) -> Option<u32> {
        self.claims
            .iter()
            .filter_map(|c| c.killed.as_ref().and_then(Figure::low))
            .min()
    }

    /// What the pattern rests on, when the incident has it by
    /// interpretation rather than by report.
    pub fn interpretation(&self, pattern: usize) -> Option<&Text> {
        self.pattern_interpretations
            .iter()
            .find(|i| i.pattern == pattern)
            .map(|i| &i.basis)
    }

    /// Whether the incident cites the dataset's primary source.
    pub fn cites(&self, source: usize) -> bool {
        self.sources.contains(&source)
    }
}

impl Dataset {
    /// What the map draws of this dataset: every incident's places,
    /// projected and indexed.
    pub fn map_scene(&self, projection: Lcc) -> MapScene {
        let places = self.incidents.iter().enumerate().flat_map(|(i, incident)| {
            incident.places.iter().map(move |p| PlaceInDegrees {
                incident: i as u32,
                lon: p.lon,
                lat: p.lat,
                radius_km: p.radius_km,
                precision: p.precision,
            })
        });
        MapScene::new(self.incidents.len(), places, projection)
    }

    /// The time covered by all incidents, or `None` for an empty dataset.
    pub fn time_extent(&self) -> Option<(Seconds, Seconds)> {
        let start = self.incidents.iter().map(|i| i.when.start).min()?;
        let end = self.incidents.iter().map(|i| i.when.end).max()?;
        Some((start, end))
    }

    pub fn incident_index(&self, id: &str) -> Option<usize> {
        self.incidents.iter().position(|i| i.id == id)
    }
}
