//! Reading a query string into a [`Page`] or a [`ViewState`]: never fails;
//! anything unknown, malformed or over a cap is ignored with a warning.

use std::collections::HashSet;

use super::codec::{decode, quoted, shortened};
use super::filter::ValueIds;
use super::state::{
    plain_id, IdChoice, KilledBasisState, KilledState, MapState, Page, ViewState, ZOOM_RANGE,
};
use super::state::{Digits, Theme};
use super::{MAX_LIST_IDS, MAX_VALUE_LEN, MAX_WARNINGS};
use crate::dataset::Dataset;
use crate::filter::{Facet, TimeRange};
use crate::geo::Region;
use crate::text::Lang;
use crate::time::CivilDateTime;

/// What a reader made of one parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Accepted {
    /// Its name is known (its value may still have been ignored).
    Known,
    /// No reader knows its name.
    Unknown,
    /// Not this reader's to read ([`Page::from_query`] leaves the view's).
    Skipped,
}

/// Collects warnings, keeping the first [`MAX_WARNINGS`] and counting the
/// rest, so that a hostile query cannot make a flood of messages.
struct Warnings {
    kept: Vec<String>,
    dropped: usize,
}

impl Warnings {
    fn push(&mut self, w: String) {
        if self.kept.len() < MAX_WARNINGS {
            self.kept.push(w);
        } else {
            self.dropped += 1;
        }
    }

    fn finish(mut self) -> Vec<String> {
        if self.dropped > 0 {
            self.kept
                .push(format!("and {} more warnings, not shown", self.dropped));
        }
        self.kept
    }
}

/// Splits a query into parameters and hands each to `read` with its
/// decoded name (`-except` split off for the listed facets) and raw value.
/// A slot already filled keeps its first value.
fn read_query(
    query: &str,
    mut read: impl FnMut(&str, bool, &str, &mut dyn FnMut(String)) -> Accepted,
) -> Vec<String> {
    let mut warnings = Warnings {
        kept: Vec::new(),
        dropped: 0,
    };
    let mut seen: HashSet<String> = HashSet::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let mut key_warnings = Vec::new();
        let key = decode(raw_key, &mut key_warnings);
        // Facet lists come as `pattern` or `pattern-except`: one slot.
        let (name, except) = match key.strip_suffix("-except") {
            Some(name) if listed_facet(name).is_some() => (name, true),
            _ => (key.as_str(), false),
        };
        // `map` and `region` both say where the map looks.
        let slot = if name == "region" { "map" } else { name };
        let shown_key = shortened(&key);
        let mut warn = |message: String| warnings.push(format!("{shown_key}: {message}"));
        if seen.contains(slot) {
            warn("the view already has a value for this, so this one is ignored".into());
            continue;
        }
        if raw_value.len() > MAX_VALUE_LEN {
            warn(format!(
                "the value is {} bytes long, more than the {MAX_VALUE_LEN} a parameter may have; ignored",
                raw_value.len()
            ));
            continue;
        }
        key_warnings.into_iter().for_each(&mut warn);
        match read(name, except, raw_value, &mut warn) {
            Accepted::Known => {
                seen.insert(slot.to_owned());
            }
            Accepted::Unknown => {
                warnings.push(format!("unknown parameter {}, ignored", quoted(&key)))
            }
            Accepted::Skipped => {}
        }
    }
    warnings.finish()
}

impl Page {
    /// Reads the page's own parameters from a query string (with or
    /// without `?`), without a dataset: the view's parameters are left for
    /// [`ViewState::from_query`], which reads these too, the same way.
    pub fn from_query(query: &str) -> (Page, Vec<String>) {
        let mut page = Page::default();
        let warnings = read_query(query, |name, _, raw, warn| {
            page.read_param(name, raw, warn)
                .unwrap_or(Accepted::Skipped)
        });
        (page, warnings)
    }

    /// Applies one parameter if it is the page's; `None` when it is not.
    fn read_param(
        &mut self,
        name: &str,
        raw: &str,
        warn: &mut dyn FnMut(String),
    ) -> Option<Accepted> {
        let mut decoding = Vec::new();
        let mut text = || decode(raw, &mut decoding);
        match name {
            "lang" => {
                let v = text();
                match Lang::from_code(&v) {
                    Some(l) => self.lang = Some(l),
                    None => warn(format!("expected ar or en, got {}", quoted(&v))),
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
            "story" => {
                let v = text();
                if v.trim().is_empty() {
                    warn("no story file given".into());
                } else {
                    self.story = Some(v);
                }
            }
            "author" => {
                let v = text();
                match parse_flag(&v) {
                    Some(on) => self.author = on,
                    None => warn(format!("expected 1 or 0, got {}", quoted(&v))),
                }
            }
            "embed" | "transparent" => {
                let v = text();
                match parse_flag(&v) {
                    Some(on) if name == "embed" => self.embed = on,
                    Some(on) => self.transparent = on,
                    None => warn(format!("expected 1 or 0, got {}", quoted(&v))),
                }
            }
            "theme" => {
                let v = text();
                match Theme::parse(&v) {
                    Some(t) => self.theme = t,
                    None => warn(format!("expected light, dark or auto, got {}", quoted(&v))),
                }
            }
            "digits" => {
                let v = text();
                match Digits::parse(&v) {
                    Some(d) => self.digits = Some(d),
                    None => warn(format!("expected arab or latn, got {}", quoted(&v))),
                }
            }
            "frame" | "childId" => {
                let v = text();
                let v = v.trim();
                match plain_id(v) {
                    Some(id) if name == "frame" => self.frame = Some(id.to_owned()),
                    Some(id) => self.pym.child_id = Some(id.to_owned()),
                    None => warn(format!(
                        "expected an id of letters, digits and -_.: (at most {} characters), got {}",
                        super::state::MAX_FRAME_ID_LEN,
                        quoted(v)
                    )),
                }
            }
            // Pym.js's: not read, kept as given.
            "initialWidth" => self.pym.initial_width = Some(text()),
            "parentTitle" => self.pym.parent_title = Some(text()),
            "parentUrl" => self.pym.parent_url = Some(text()),
            _ => return None,
        }
        decoding.into_iter().for_each(warn);
        Some(Accepted::Known)
    }
}

impl ViewState {
    /// Reads a query string (with or without `?`) against a dataset. Never
    /// fails: anything unknown or malformed is ignored, and the second
    /// value says what, one warning each (at most [`MAX_WARNINGS`]).
    pub fn from_query(query: &str, dataset: &Dataset) -> (ViewState, Vec<String>) {
        let mut state = ViewState::default();
        let warnings = read_query(query, |name, except, raw, warn| {
            match state.page.read_param(name, raw, warn) {
                Some(accepted) => accepted,
                None => state.read_param(name, except, raw, dataset, warn),
            }
        });
        (state, warnings)
    }

    /// Applies one parameter of the view; says whether its name is known.
    fn read_param(
        &mut self,
        name: &str,
        except: bool,
        raw: &str,
        dataset: &Dataset,
        warn: &mut dyn FnMut(String),
    ) -> Accepted {
        let mut decoding = Vec::new();
        let mut text = || decode(raw, &mut decoding);
        match name {
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
                match parse_centre(&v, warn) {
                    Ok(m) => self.map = Some(m),
                    Err(e) => warn(e),
                }
            }
            "region" => {
                let v = text();
                match Region::parse(&v.trim().to_ascii_lowercase()) {
                    Some(r) => self.map = Some(MapState::Region(r)),
                    None => warn(format!(
                        "expected {}, got {}",
                        Region::expected(),
                        quoted(&v)
                    )),
                }
            }
            "step" => {
                let v = text();
                match v.trim().parse::<u32>() {
                    Ok(n) if n >= 1 => self.step = Some(n),
                    _ => warn(format!(
                        "expected a step number (1 for the first), got {}",
                        quoted(&v)
                    )),
                }
            }
            "incident" => {
                let v = text();
                if dataset.incident_index(&v).is_some() {
                    self.selected = Some(v);
                } else {
                    warn(format!("no incident has the id {}", quoted(&v)));
                }
            }
            _ => {
                let Some(facet) = listed_facet(name) else {
                    return Accepted::Unknown;
                };
                if let Some(choice) = parse_choice(facet, except, raw, dataset, warn) {
                    self.filter.set_list(facet, Some(choice));
                }
            }
        }
        decoding.into_iter().for_each(warn);
        Accepted::Known
    }
}

/// The listed facet a parameter name stands for.
fn listed_facet(name: &str) -> Option<Facet> {
    Facet::LISTED.into_iter().find(|f| f.id() == name)
}

/// A list of ids, checked against the dataset. Unknown ids are dropped
/// with a warning; a list of nothing but unknown ids restricts nothing.
/// Only the first [`MAX_LIST_IDS`] items are read.
fn parse_choice(
    facet: Facet,
    except: bool,
    raw: &str,
    dataset: &Dataset,
    warn: &mut dyn FnMut(String),
) -> Option<IdChoice> {
    let lookup = ValueIds::new(facet, dataset);
    let mut known: Vec<String> = Vec::new();
    let mut seen: HashSet<usize> = HashSet::new();
    let mut unknown = 0;
    let mut items = raw.split(',').filter(|_| !raw.is_empty());
    for item in items.by_ref().take(MAX_LIST_IDS) {
        let mut item_warnings = Vec::new();
        let id = decode(item, &mut item_warnings);
        item_warnings.into_iter().for_each(&mut *warn);
        match lookup.get(&id) {
            Some(v) => {
                if seen.insert(v) {
                    known.push(id);
                }
            }
            None => {
                unknown += 1;
                warn(format!(
                    "unknown {} {}, ignored (known: {})",
                    facet_noun(facet),
                    quoted(&id),
                    known_ids(facet, dataset)
                ));
            }
        }
    }
    let beyond = items.count();
    if beyond > 0 {
        warn(format!(
            "a list may have {MAX_LIST_IDS} ids; the {beyond} after them are ignored"
        ));
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
        Facet::DatePrecision => "date precision",
        Facet::PlacePrecision => "place precision",
        Facet::Killed | Facet::Time | Facet::Text => "value",
    }
}

/// "a, b, c" (the first few), to help fix an unknown id.
pub(crate) fn known_ids(facet: Facet, dataset: &Dataset) -> String {
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
        warn(format!("{EXPECTED}, got {}", quoted(raw)));
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
                    "unknown claimant {}, so the minimum is ignored (known: {})",
                    quoted(id),
                    known_ids(Facet::Claimant, dataset)
                ));
                return None;
            }
            None => {
                warn(format!("{EXPECTED}, got {}", quoted(raw)));
                return None;
            }
        },
    };
    Some(KilledState { at_least, basis })
}

/// Parses `START..END` (dates or date-times; the end excluded).
pub fn parse_range(s: &str) -> Result<TimeRange, String> {
    let expected = || {
        format!(
            "expected a range like 2020-10-01..2021-03-01 (dates, or date-times like \
             2020-10-01T16:00; the end is excluded), got {}",
            quoted(s)
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
        return Err(format!("the range {} ends before it starts", quoted(s)));
    }
    Ok(TimeRange::new(start, end))
}

/// Parses `LON,LAT,ZOOM`; a zoom outside [`ZOOM_RANGE`] is brought inside
/// it, with a warning.
fn parse_centre(s: &str, warn: &mut dyn FnMut(String)) -> Result<MapState, String> {
    let expected = || {
        format!(
            "expected longitude,latitude,zoom in degrees like 38.4600,34.5200,7.5, got {}",
            quoted(s)
        )
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
            "{} is not on Earth (longitude first, then latitude)",
            quoted(s)
        ));
    }
    let (lo, hi) = ZOOM_RANGE;
    if !(lo..=hi).contains(&zoom) {
        warn(format!(
            "the zoom {zoom} is outside {lo}..{hi}, so the nearest is used"
        ));
    }
    Ok(MapState::centre(lon, lat, zoom))
}

/// A yes/no flag: `1`, `true`, `yes`, `on` or nothing; `0`, `false`,
/// `no`, `off`; in any case.
fn parse_flag(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "" | "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => None,
    }
}
