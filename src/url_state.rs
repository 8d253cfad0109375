//! The whole view in the URL's query string, so that a link reproduces
//! what the reader sees: language, filter, timeline zoom, map view,
//! selected incident and the presentation flags of an embed.
//!
//! Everything is by stable id or date, never by index, so links survive
//! datasets that grow. Parameters, in the order [`ViewState::to_query`]
//! writes them (defaults are left out):
//!
//! | parameter | example | meaning |
//! | --- | --- | --- |
//! | `lang` | `ar`, `en` | interface language |
//! | `data` | `https://example.org/a.json` | dataset URL, kept as given |
//! | `q` | `دير+الزور` | free-text search |
//! | `pattern`, `actor`, `attribution`, `target`, `governorate`, `area`, `claimant`, `source` | `pattern=bus-ambush,kidnapping` | only these values on |
//! | the same with `-except` | `pattern-except=explosion` | every value on but these |
//! | `killed` | `10`, `10,lowest`, `10,by:sohr` | at least 10 killed by the highest claim (default), the lowest, or a claimant's |
//! | `time` | `2020-10-01..2021-03-01` | the time filter: from the first instant to the second, excluded |
//! | `timeline` | `2019-01-01..2024-01-01` | the timeline's visible span |
//! | `map` | `38.4600,34.5200,7.5` | map centre longitude, latitude (4 decimals) and zoom |
//! | `region` | `badia` | map showing a region preset (instead of `map`) |
//! | `incident` | `t3-bus-2022-01-02` | the selected incident |
//! | `embed`, `transparent` | `1` | presentation flags (also `true`/`false`, `yes`/`no`, `0`) |
//! | `theme` | `light`, `dark` | `auto` by default |
//! | `digits` | `arab`, `latn` | numeral style, else the language's |
//!
//! Lists are comma-separated; a comma inside an id is written `%2C`. The
//! actor "nobody named" is `none`, the governorate "other or none" is
//! `other`. Dates are `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` when the instant
//! is not a midnight; times are kept to the minute.
//!
//! Reading a query never fails: unknown parameters, unknown ids and
//! malformed values are ignored, each with a warning to show.

use crate::dataset::Dataset;
use crate::filter::{Facet, Filter, KilledBasis, MinKilled, TimeRange};
use crate::geo::Region;
use crate::text::Lang;
use crate::time::{CivilDateTime, Seconds, MINUTE};

/// The page's colour theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    /// Follows the reader's system preference.
    Auto,
    /// The default: the map and timeline canvases are drawn light.
    #[default]
    Light,
    Dark,
}

impl Theme {
    pub fn id(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(s: &str) -> Option<Theme> {
        [Theme::Auto, Theme::Light, Theme::Dark]
            .into_iter()
            .find(|t| t.id() == s)
    }
}

/// Numeral style, by its Unicode (CLDR) numbering-system id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Digits {
    /// Arabic-Indic digits ٠١٢٣.
    Arab,
    /// Western digits 0123.
    Latn,
}

impl Digits {
    pub fn id(self) -> &'static str {
        match self {
            Digits::Arab => "arab",
            Digits::Latn => "latn",
        }
    }

    pub fn parse(s: &str) -> Option<Digits> {
        [Digits::Arab, Digits::Latn]
            .into_iter()
            .find(|d| d.id() == s)
    }
}

/// Which values of a listed facet are on, by stable id.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum IdChoice {
    /// Only these.
    Only(Vec<String>),
    /// Every value but these.
    Except(Vec<String>),
}

/// Whose figure a casualty minimum reads, by id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum KilledBasisState {
    Lowest,
    #[default]
    Highest,
    /// A claimant id.
    Claimant(String),
}

/// "At least `at_least` killed" on a basis.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct KilledState {
    pub at_least: u32,
    pub basis: KilledBasisState,
}

/// The filter by ids and dates. `None` (or an empty query) restricts
/// nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct FilterState {
    pub patterns: Option<IdChoice>,
    pub actors: Option<IdChoice>,
    pub attributions: Option<IdChoice>,
    pub targets: Option<IdChoice>,
    pub governorates: Option<IdChoice>,
    /// Region preset ids the incidents' places must lie in.
    pub areas: Option<IdChoice>,
    pub claimants: Option<IdChoice>,
    pub sources: Option<IdChoice>,
    pub killed: Option<KilledState>,
    pub time: Option<TimeRange>,
    pub query: String,
}

/// Where the map looks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MapState {
    /// Fitted to a region preset.
    Region(Region),
    /// A centre in degrees and a zoom (the app's zoom number, kept as
    /// given). Use [`MapState::centre`] so that values survive the URL
    /// unchanged.
    Centre { lon: f64, lat: f64, zoom: f64 },
}

impl MapState {
    /// A centre rounded as the URL writes it: 4 decimals of a degree
    /// (about 10 m), 3 decimals of zoom.
    pub fn centre(lon: f64, lat: f64, zoom: f64) -> MapState {
        MapState::Centre {
            lon: round_to(lon, 1e4),
            lat: round_to(lat, 1e4),
            zoom: round_to(zoom, 1e3),
        }
    }
}

fn round_to(x: f64, scale: f64) -> f64 {
    let r = (x * scale).round() / scale;
    // No "-0.0000" in URLs.
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// Parameters for the embedding page (frame ids, Pym.js's), which the
/// app keeps in its URL untouched.
pub const PASS_THROUGH: [&str; 5] = [
    "frame",
    "childId",
    "initialWidth",
    "parentTitle",
    "parentUrl",
];

/// Everything the URL says about the view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewState {
    /// `None`: the dataset's default, else the browser's.
    pub lang: Option<Lang>,
    /// The dataset URL, as given.
    pub data: Option<String>,
    pub filter: FilterState,
    /// The timeline's visible span.
    pub timeline: Option<TimeRange>,
    pub map: Option<MapState>,
    /// The selected incident's id.
    pub selected: Option<String>,
    pub embed: bool,
    pub theme: Theme,
    pub transparent: bool,
    /// `None`: the language's usual digits.
    pub digits: Option<Digits>,
}

impl FilterState {
    /// The filter's choices by id; times are kept to the minute (as the
    /// URL writes them). Each list is written the shorter way: the values
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
        state.killed = filter.min_killed.filter(|m| m.at_least > 0).and_then(|m| {
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
        state.time = filter.time.map(to_minutes);
        state.query = filter.query.clone();
        state
    }

    /// The filter these choices make for a dataset. Ids it does not have
    /// are skipped ([`ViewState::from_query`] has warned about them).
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
            let mut on = vec![!listed_are_on; size];
            for id in ids {
                if let Some(v) = facet.value_of_id(dataset, id) {
                    on[v] = listed_are_on;
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

    /// The choice of a listed facet.
    pub fn list(&self, facet: Facet) -> &Option<IdChoice> {
        match facet {
            Facet::Pattern => &self.patterns,
            Facet::Actor => &self.actors,
            Facet::Attribution => &self.attributions,
            Facet::Target => &self.targets,
            Facet::Governorate => &self.governorates,
            Facet::Region => &self.areas,
            Facet::Claimant => &self.claimants,
            Facet::Source => &self.sources,
            Facet::Killed | Facet::Time | Facet::Text => &None,
        }
    }

    /// Sets the choice of a listed facet (others have none).
    pub fn set_list(&mut self, facet: Facet, choice: Option<IdChoice>) {
        let slot = match facet {
            Facet::Pattern => &mut self.patterns,
            Facet::Actor => &mut self.actors,
            Facet::Attribution => &mut self.attributions,
            Facet::Target => &mut self.targets,
            Facet::Governorate => &mut self.governorates,
            Facet::Region => &mut self.areas,
            Facet::Claimant => &mut self.claimants,
            Facet::Source => &mut self.sources,
            Facet::Killed | Facet::Time | Facet::Text => return,
        };
        *slot = choice;
    }
}

fn to_minutes(r: TimeRange) -> TimeRange {
    TimeRange::new(
        r.start.div_euclid(MINUTE) * MINUTE,
        r.end.div_euclid(MINUTE) * MINUTE,
    )
}

impl ViewState {
    /// The view with its filter replaced by a [`Filter`]'s choices.
    pub fn with_filter(mut self, filter: &Filter, dataset: &Dataset) -> ViewState {
        self.filter = FilterState::from_filter(filter, dataset);
        self
    }

    /// The filter the view's choices make for a dataset.
    pub fn to_filter(&self, dataset: &Dataset) -> Filter {
        self.filter.to_filter(dataset)
    }

    /// The query string (without `?`), parameters in a fixed order,
    /// defaults left out: "" for the default view.
    pub fn to_query(&self) -> String {
        let mut q = Query::default();
        if let Some(lang) = self.lang {
            q.raw("lang", lang.code());
        }
        if let Some(data) = &self.data {
            q.text("data", data);
        }
        let f = &self.filter;
        if !f.query.trim().is_empty() {
            q.text("q", &f.query);
        }
        for facet in Facet::LISTED {
            match f.list(facet) {
                None => {}
                Some(IdChoice::Only(ids)) => q.list(facet.id(), ids),
                Some(IdChoice::Except(ids)) => q.list(&format!("{}-except", facet.id()), ids),
            }
        }
        if let Some(k) = &f.killed {
            let value = match &k.basis {
                KilledBasisState::Highest => k.at_least.to_string(),
                KilledBasisState::Lowest => format!("{},lowest", k.at_least),
                KilledBasisState::Claimant(id) => {
                    format!("{},by:{}", k.at_least, encode_item(id))
                }
            };
            q.raw("killed", &value);
        }
        if let Some(t) = f.time {
            q.raw("time", &format_range(t));
        }
        if let Some(t) = self.timeline {
            q.raw("timeline", &format_range(t));
        }
        match self.map {
            None => {}
            Some(MapState::Region(r)) => q.raw("region", r.id()),
            Some(MapState::Centre { lon, lat, zoom }) => {
                let zoom = format!("{:.3}", round_to(zoom, 1e3));
                let zoom = zoom.trim_end_matches('0').trim_end_matches('.');
                q.raw(
                    "map",
                    &format!("{:.4},{:.4},{zoom}", round_to(lon, 1e4), round_to(lat, 1e4)),
                );
            }
        }
        if let Some(id) = &self.selected {
            q.text("incident", id);
        }
        if self.embed {
            q.raw("embed", "1");
        }
        if self.theme != Theme::Light {
            q.raw("theme", self.theme.id());
        }
        if self.transparent {
            q.raw("transparent", "1");
        }
        if let Some(d) = self.digits {
            q.raw("digits", d.id());
        }
        q.out
    }

    /// Reads a query string (with or without `?`) against a dataset. Never
    /// fails: anything unknown or malformed is ignored, and the second
    /// value says what, one warning each, for the reader.
    pub fn from_query(query: &str, dataset: &Dataset) -> (ViewState, Vec<String>) {
        let mut state = ViewState::default();
        let mut warnings = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        let query = query.strip_prefix('?').unwrap_or(query);
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = decode(raw_key, &mut warnings);
            // Facet lists come as `pattern` or `pattern-except`: one slot.
            let (name, except) = match key.strip_suffix("-except") {
                Some(name) if listed_facet(name).is_some() => (name, true),
                _ => (key.as_str(), false),
            };
            // `map` and `region` both say where the map looks.
            let slot = if name == "region" { "map" } else { name };
            if seen.iter().any(|s| s == slot) {
                warnings.push(format!(
                    "{key}: the view already has a value for this, so this one is ignored"
                ));
                continue;
            }
            let mut warn = |message: String| warnings.push(format!("{key}: {message}"));
            let accepted = state.read_param(name, except, raw_value, dataset, &mut warn);
            if accepted != Accepted::Unknown {
                seen.push(slot.to_owned());
            }
            if accepted == Accepted::Unknown {
                warnings.push(format!("unknown parameter {key:?}, ignored"));
            }
        }
        (state, warnings)
    }

    /// Applies one parameter; says whether its name is known.
    fn read_param(
        &mut self,
        name: &str,
        except: bool,
        raw: &str,
        dataset: &Dataset,
        warn: &mut dyn FnMut(String),
    ) -> Accepted {
        let mut decoding_warnings = Vec::new();
        let mut text = || decode(raw, &mut decoding_warnings);
        match name {
            "lang" => {
                let v = text();
                match Lang::from_code(&v) {
                    Some(l) => self.lang = Some(l),
                    None => warn(format!("expected ar or en, got {v:?}")),
                }
            }
            "data" => {
                let v = text();
                if v.trim().is_empty() {
                    warn("no dataset URL given".into());
                } else {
                    self.data = Some(v);
                }
            }
            "q" => self.filter.query = text(),
            "killed" => {
                if let Some(k) = parse_killed(raw, dataset, warn) {
                    self.filter.killed = Some(k);
                }
            }
            "time" | "timeline" => {
                let v = text();
                match parse_range(&v) {
                    Ok(r) if name == "time" => self.filter.time = Some(r),
                    Ok(r) => self.timeline = Some(r),
                    Err(e) => warn(e),
                }
            }
            "map" => {
                let v = text();
                match parse_centre(&v) {
                    Ok(m) => self.map = Some(m),
                    Err(e) => warn(e),
                }
            }
            "region" => {
                let v = text();
                match Region::parse(&v) {
                    Some(r) => self.map = Some(MapState::Region(r)),
                    None => warn(format!("expected {}, got {v:?}", Region::expected())),
                }
            }
            "incident" => {
                let v = text();
                if dataset.incident_index(&v).is_some() {
                    self.selected = Some(v);
                } else {
                    warn(format!("no incident has the id {v:?}"));
                }
            }
            "embed" | "transparent" => {
                let v = text();
                match parse_flag(&v) {
                    Some(on) if name == "embed" => self.embed = on,
                    Some(on) => self.transparent = on,
                    None => warn(format!("expected 1 or 0, got {v:?}")),
                }
            }
            "theme" => {
                let v = text();
                match Theme::parse(&v) {
                    Some(t) => self.theme = t,
                    None => warn(format!("expected light, dark or auto, got {v:?}")),
                }
            }
            "digits" => {
                let v = text();
                match Digits::parse(&v) {
                    Some(d) => self.digits = Some(d),
                    None => warn(format!("expected arab or latn, got {v:?}")),
                }
            }
            // Read by the embedding code (src/app/embed.rs), not part of
            // the view: known, kept in the URL as they are.
            name if PASS_THROUGH.contains(&name) => {}
            _ => {
                let Some(facet) = listed_facet(name) else {
                    return Accepted::Unknown;
                };
                if let Some(choice) = parse_choice(facet, except, raw, dataset, warn) {
                    self.filter.set_list(facet, Some(choice));
                }
            }
        }
        for w in decoding_warnings {
            warn(w);
        }
        Accepted::Known
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Accepted {
    Known,
    Unknown,
}

/// The listed facet a parameter name stands for.
fn listed_facet(name: &str) -> Option<Facet> {
    Facet::LISTED.into_iter().find(|f| f.id() == name)
}

/// A list of ids, checked against the dataset. Unknown ids are dropped
/// with a warning; a list of nothing but unknown ids restricts nothing.
fn parse_choice(
    facet: Facet,
    except: bool,
    raw: &str,
    dataset: &Dataset,
    warn: &mut dyn FnMut(String),
) -> Option<IdChoice> {
    let mut known: Vec<String> = Vec::new();
    let mut unknown = 0;
    let items: Vec<&str> = if raw.is_empty() {
        Vec::new()
    } else {
        raw.split(',').collect()
    };
    for item in &items {
        let mut item_warnings = Vec::new();
        let id = decode(item, &mut item_warnings);
        item_warnings.into_iter().for_each(&mut *warn);
        if facet.value_of_id(dataset, &id).is_some() {
            if !known.contains(&id) {
                known.push(id);
            }
        } else {
            unknown += 1;
            warn(format!(
                "unknown {} {id:?}, ignored (known: {})",
                facet_noun(facet),
                known_ids(facet, dataset)
            ));
        }
    }
    if unknown > 0 && known.is_empty() {
        return None;
    }
    Some(if except {
        IdChoice::Except(known)
    } else {
        IdChoice::Only(known)
    })
}

fn facet_noun(facet: Facet) -> &'static str {
    match facet {
        Facet::Pattern => "pattern",
        Facet::Actor => "actor",
        Facet::Attribution => "attribution",
        Facet::Target => "target kind",
        Facet::Governorate => "governorate",
        Facet::Region => "area",
        Facet::Claimant => "claimant",
        Facet::Source => "source",
        Facet::Killed | Facet::Time | Facet::Text => "value",
    }
}

/// "a, b, c" (the first few), to help fix an unknown id.
fn known_ids(facet: Facet, dataset: &Dataset) -> String {
    let count = facet.value_count(dataset);
    let mut ids: Vec<&str> = (0..count.min(12))
        .filter_map(|v| facet.value_id(dataset, v))
        .collect();
    if count > 12 {
        ids.push("…");
    }
    if ids.is_empty() {
        "none".into()
    } else {
        ids.join(", ")
    }
}

fn parse_killed(raw: &str, dataset: &Dataset, warn: &mut dyn FnMut(String)) -> Option<KilledState> {
    const EXPECTED: &str = "expected a number of people killed, optionally followed by \
        \",lowest\", \",highest\" or \",by:\" and a claimant id";
    let mut decoding = Vec::new();
    let (number, basis) = match raw.split_once(',') {
        Some((n, b)) => (n, Some(decode(b, &mut decoding))),
        None => (raw, None),
    };
    decoding.into_iter().for_each(&mut *warn);
    let Ok(at_least) = number.parse::<u32>() else {
        warn(format!("{EXPECTED}, got {raw:?}"));
        return None;
    };
    let basis = match basis.as_deref() {
        None | Some("highest") => KilledBasisState::Highest,
        Some("lowest") => KilledBasisState::Lowest,
        Some(b) => match b.strip_prefix("by:") {
            Some(id) if Facet::Claimant.value_of_id(dataset, id).is_some() => {
                KilledBasisState::Claimant(id.to_owned())
            }
            Some(id) => {
                warn(format!(
                    "unknown claimant {id:?}, so the minimum is ignored (known: {})",
                    known_ids(Facet::Claimant, dataset)
                ));
                return None;
            }
            None => {
                warn(format!("{EXPECTED}, got {raw:?}"));
                return None;
            }
        },
    };
    Some(KilledState { at_least, basis })
}

/// Formats an instant as a date, or a date and time when it is not a
/// midnight (to the minute).
pub fn format_instant(t: Seconds) -> String {
    CivilDateTime::from_seconds(t.div_euclid(MINUTE) * MINUTE).to_string()
}

/// `START..END`.
pub fn format_range(r: TimeRange) -> String {
    format!("{}..{}", format_instant(r.start), format_instant(r.end))
}

/// Parses `START..END` (dates or date-times; the end excluded).
pub fn parse_range(s: &str) -> Result<TimeRange, String> {
    let expected = || {
        format!(
            "expected a range like 2020-10-01..2021-03-01 (dates, or date-times like \
             2020-10-01T16:00; the end is excluded), got {s:?}"
        )
    };
    let (a, b) = s.split_once("..").ok_or_else(expected)?;
    let start = CivilDateTime::parse(a.trim())
        .map_err(|_| expected())?
        .to_seconds();
    let end = CivilDateTime::parse(b.trim())
        .map_err(|_| expected())?
        .to_seconds();
    if end <= start {
        return Err(format!("the range {s:?} ends before it starts"));
    }
    Ok(TimeRange::new(start, end))
}

fn parse_centre(s: &str) -> Result<MapState, String> {
    let expected = || {
        format!("expected longitude,latitude,zoom in degrees like 38.4600,34.5200,7.5, got {s:?}")
    };
    let parts: Vec<&str> = s.split(',').map(str::trim).collect();
    let [lon, lat, zoom] = parts.as_slice() else {
        return Err(expected());
    };
    let number = |x: &str| x.parse::<f64>().ok().filter(|v| v.is_finite());
    let (Some(lon), Some(lat), Some(zoom)) = (number(lon), number(lat), number(zoom)) else {
        return Err(expected());
    };
    if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
        return Err(format!(
            "{s:?} is not on Earth (longitude first, then latitude)"
        ));
    }
    Ok(MapState::centre(lon, lat, zoom))
}

fn parse_flag(s: &str) -> Option<bool> {
    match s {
        "" | "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => None,
    }
}

/// Builds `key=value&…`.
#[derive(Default)]
struct Query {
    out: String,
}

impl Query {
    /// A value already safe in a query.
    fn raw(&mut self, key: &str, value: &str) {
        if !self.out.is_empty() {
            self.out.push('&');
        }
        self.out.push_str(key);
        self.out.push('=');
        self.out.push_str(value);
    }

    fn text(&mut self, key: &str, value: &str) {
        self.raw(key, &encode(value));
    }

    fn list(&mut self, key: &str, ids: &[String]) {
        let items: Vec<String> = ids.iter().map(|id| encode_item(id)).collect();
        self.raw(key, &items.join(","));
    }
}

fn encoded_list_len(ids: &[String]) -> usize {
    ids.iter().map(|id| encode_item(id).len() + 1).sum()
}

/// Percent-encodes a value for a query: UTF-8 bytes outside the
/// unreserved set (letters, digits, `-._~`) and `:/@` become `%XX`, a
/// space becomes `+`.
pub fn encode(s: &str) -> String {
    encode_with(s, b"")
}

/// [`encode`] for one item of a comma-separated list: commas are encoded
/// too.
fn encode_item(s: &str) -> String {
    encode_with(s, b",")
}

fn encode_with(s: &str, also: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        let keep = b.is_ascii_alphanumeric() || b"-._~:/@".contains(&b);
        if keep && !also.contains(&b) {
            out.push(b as char);
        } else if b == b' ' {
            out.push('+');
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 0xF)] as char);
        }
    }
    out
}

/// Decodes a percent-encoded query value (`+` is a space). A malformed
/// escape is kept as written and invalid UTF-8 replaced by �, each with a
/// warning pushed to `warnings`.
pub fn decode(s: &str, warnings: &mut Vec<String>) -> String {
    let bytes = s.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut bad_escape = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(v) => {
                        out.push(v);
                        i += 3;
                        continue;
                    }
                    None => {
                        bad_escape = true;
                        out.push(b'%');
                    }
                }
            }
            _ => out.push(b),
        }
        i += 1;
    }
    if bad_escape {
        warnings.push(format!(
            "{s:?} has a % that does not start an escape like %20; kept as written"
        ));
    }
    match String::from_utf8(out) {
        Ok(text) => text,
        Err(e) => {
            warnings.push(format!(
                "{s:?} does not decode to UTF-8 text; the invalid bytes are replaced"
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_utf8_and_reserved_characters() {
        assert_eq!(encode("deir ez-zor"), "deir+ez-zor");
        assert_eq!(encode("a&b=c+d%"), "a%26b%3Dc%2Bd%25");
        assert_eq!(encode("https://x.org/a.json"), "https://x.org/a.json");
        assert_eq!(encode("قدسيا"), "%D9%82%D8%AF%D8%B3%D9%8A%D8%A7");
        assert_eq!(encode_item("a,b"), "a%2Cb");
        let mut w = Vec::new();
        for s in ["قُدْسَيّا a+b", "x,y&z", "%", "é"] {
            assert_eq!(decode(&encode(s), &mut w), s);
        }
        assert!(w.is_empty());
    }

    #[test]
    fn decoding_forgives_with_a_warning() {
        let mut w = Vec::new();
        assert_eq!(decode("100%25", &mut w), "100%");
        assert_eq!(decode("%41%62", &mut w), "Ab");
        assert!(w.is_empty());
        assert_eq!(decode("50%", &mut w), "50%");
        assert_eq!(decode("%zz", &mut w), "%zz");
        assert_eq!(w.len(), 2);
        assert_eq!(decode("%FF", &mut w), "\u{FFFD}");
        assert_eq!(w.len(), 3);
    }

    #[test]
    fn ranges_are_dates_unless_a_time_is_needed() {
        let r = parse_range("2020-10-01..2021-03-01").expect("valid");
        assert_eq!(format_range(r), "2020-10-01..2021-03-01");
        let r = parse_range("2020-12-30T16:00..2020-12-31").expect("valid");
        assert_eq!(format_range(r), "2020-12-30T16:00..2020-12-31");
        assert!(parse_range("2021-03-01..2020-10-01").is_err());
        assert!(parse_range("2020-10-01").is_err());
        assert!(parse_range("2020-13-01..2021-01-01").is_err());
        // Seconds are dropped: the URL keeps minutes.
        assert_eq!(format_instant(90), "1970-01-01T00:01");
    }
}
