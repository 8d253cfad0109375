//! Which incidents are shown: the reader's filter ([`Filter`]), an index
//! built once per dataset so that evaluating it is one pass over flat
//! arrays ([`FilterIndex`]), and the result with faceted counts
//! ([`Evaluation`]).
//!
//! The filter has one restriction per [`Facet`]; an incident is shown when
//! it passes all of them. Within a listed facet the values on are ORed (an
//! incident with two patterns shows while either is on; one with two
//! places shows while either place's governorate is on).
//!
//! Values of the listed facets are numbered per facet ("value indexes"):
//!
//! | facet | values |
//! | --- | --- |
//! | Pattern | [`Dataset::patterns`] indexes |
//! | Actor | [`Dataset::actors`] indexes, then "nobody named" ([`nobody_named`]) |
//! | Attribution | [`Attribution::ALL`] indexes |
//! | Target | [`TargetKind::ALL`] indexes; an incident without a target is `Unknown` |
//! | Governorate | [`GOVERNORATES`] indexes, then "other or none" ([`OTHER_GOVERNORATE`]) |
//! | Region | [`Region::ALL`] indexes; a place is in a region when it lies in its [`region_box`] |
//! | Claimant | [`Dataset::claimants`] indexes; an incident has those that made a claim about it |
//! | Source | [`Dataset::sources`] indexes; an incident has those it cites |

mod evaluate;
mod index;

pub use evaluate::{Evaluation, FacetCounts};
pub use index::FilterIndex;
mod primary;
pub use primary::primary_pattern;

use crate::dataset::{
    Attribution, Claim, Dataset, Incident, Region, TargetKind, When, GOVERNORATES,
};
use crate::geo::scene::region_box;
use crate::search;
use crate::time::Seconds;

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
    /// A minimum number killed.
    Killed,
    /// The time range (the timeline's brush).
    Time,
    /// Free-text search.
    Text,
}

impl Facet {
    pub const ALL: [Facet; 11] = [
        Facet::Pattern,
        Facet::Actor,
        Facet::Attribution,
        Facet::Target,
        Facet::Governorate,
        Facet::Region,
        Facet::Claimant,
        Facet::Source,
        Facet::Killed,
        Facet::Time,
        Facet::Text,
    ];

    /// The facets whose values the reader picks from a list, each with a
    /// count; their position here is [`Facet::listed_position`].
    pub const LISTED: [Facet; 8] = [
        Facet::Pattern,
        Facet::Actor,
        Facet::Attribution,
        Facet::Target,
        Facet::Governorate,
        Facet::Region,
        Facet::Claimant,
        Facet::Source,
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

    pub fn is_listed(self) -> bool {
        self.listed_position().is_some()
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

pub fn region_value(r: Region) -> usize {
    Region::ALL.iter().position(|x| *x == r).unwrap_or(0)
}

/// Whether a point lies in a region preset's box (edges included).
pub fn in_region(region: Region, lon: f64, lat: f64) -> bool {
    let (west, south, east, north) = region_box(region);
    (west..=east).contains(&lon) && (south..=north).contains(&lat)
}

/// How many values each listed facet has in one dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct ValueCounts([usize; Facet::LISTED.len()]);

impl ValueCounts {
    fn of(dataset: &Dataset) -> ValueCounts {
        ValueCounts([
            dataset.patterns.len(),
            dataset.actors.len() + 1,
            Attribution::ALL.len(),
            TargetKind::ALL.len(),
            GOVERNORATES.len() + 1,
            Region::ALL.len(),
            dataset.claimants.len(),
            dataset.sources.len(),
        ])
    }

    fn get(&self, facet: Facet) -> usize {
        facet.listed_position().map_or(0, |k| self.0[k])
    }
}

/// Calls `f` with each value an incident has in a listed facet (possibly
/// repeated: two places in one governorate give it twice). `nobody` is the
/// actor value for "nobody named".
fn for_each_value(incident: &Incident, facet: Facet, nobody: usize, mut f: impl FnMut(usize)) {
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
        Facet::Killed | Facet::Time | Facet::Text => {}
    }
}

/// Appends the text an incident is searched by, normalised: titles,
/// summaries, place names and the place as reported, in both languages.
fn search_text(incident: &Incident, out: &mut String) {
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

/// The numbers killed an incident's claims give, on each basis, 0 for none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct KilledFigures {
    lowest: u32,
    highest: u32,
}

impl KilledFigures {
    fn of(incident: &Incident) -> KilledFigures {
        KilledFigures {
            lowest: incident.lowest_killed().unwrap_or(0),
            highest: incident.highest_killed().unwrap_or(0),
        }
    }
}

/// The number killed a claim gives, when it gives one: its headline (a
/// range's upper end), so that a claimant's highest figure decides.
fn claim_killed(claim: &Claim) -> Option<u32> {
    claim.killed.as_ref().and_then(|k| k.headline())
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
    lists: [Option<Vec<bool>>; Facet::LISTED.len() - 1],
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
    sizes: ValueCounts,
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
    fn allows(&self, facet: Facet, value: usize) -> bool {
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

    /// The facets an incident fails, as a mask of [`Facet`] bits. Works on
    /// the incident directly (normalising its text when there is a query);
    /// [`Filter::evaluate`] does the same for a whole dataset without
    /// redoing per-incident work.
    fn failed_facets(&self, incident: &Incident, words: &[String]) -> u16 {
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

    /// Evaluates the filter over a dataset through its index (built from
    /// that dataset): the shown incidents and every facet value's count.
    /// The dataset itself is read only to build the search text, on the
    /// first search.
    pub fn evaluate(&self, dataset: &Dataset, index: &FilterIndex) -> Evaluation {
        Evaluation::new(self, dataset, index)
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
