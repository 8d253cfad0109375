//! Loading: JSON text → [`Dataset`], or every problem found, each located.

use std::collections::HashMap;

use std::borrow::Cow;

use serde::Deserialize;
use serde_json::Value;

use super::figure::Figure;
use super::format::*;
use super::model::*;
use super::problem::Problem;
use crate::geo::distance_km;
use crate::text::{Lang, Text};
use crate::time::{CivilDateTime, DAY};

/// A dataset that loaded, with the warnings found on the way.
#[derive(Debug)]
pub struct Loaded {
    pub dataset: Dataset,
    pub warnings: Vec<Problem>,
}

/// Parses and validates a dataset. On failure the list holds every error
/// (and the warnings found alongside them).
pub fn load(json: &str) -> Result<Loaded, Vec<Problem>> {
    let raw = decode(json)?;
    let mut v = Validator::default();
    let dataset = v.dataset(raw);
    if v.problems.iter().any(Problem::is_error) {
        v.problems.sort_by_key(|p| std::cmp::Reverse(p.severity));
        return Err(v.problems);
    }
    Ok(Loaded {
        dataset,
        warnings: v.problems,
    })
}

/// Decodes the document's shape. When the fast typed decode fails, each
/// entry is decoded on its own so that every malformed entry is reported,
/// not just the first.
fn decode(json: &str) -> Result<RawDataset<'_>, Vec<Problem>> {
    // The plain decode is twice as fast as the path-tracking one, which is
    // only needed to locate a failure.
    if let Ok(raw) = serde_json::from_str::<RawDataset>(json) {
        return Ok(raw);
    }
    let mut de = serde_json::Deserializer::from_str(json);
    let first = match serde_path_to_error::deserialize::<_, RawDataset>(&mut de) {
        Ok(raw) => match de.end() {
            Ok(()) => return Ok(raw),
            Err(e) => return Err(vec![syntax_problem(&e)]),
        },
        Err(e) => e,
    };
    let value: Value = match serde_json::from_str(json) {
        Ok(v) => v,
        Err(e) => return Err(vec![syntax_problem(&e)]),
    };
    let Value::Object(top) = &value else {
        return Err(vec![Problem::error(
            "",
            "the dataset must be a JSON object with \"meta\" and \"incidents\"",
        )]);
    };
    let mut problems = Vec::new();
    if let Some(meta) = top.get("meta") {
        decode_part::<RawMeta>(meta, "meta".into(), &mut problems);
    }
    for key in ["patterns", "actors", "claimants", "sources", "incidents"] {
        match top.get(key) {
            None | Some(Value::Null) => {}
            Some(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    let path = format!("{key}[{i}]");
                    match key {
                        "patterns" => decode_part::<RawPattern>(item, path, &mut problems),
                        "actors" => decode_part::<RawNamed>(item, path, &mut problems),
                        "claimants" => decode_part::<RawClaimant>(item, path, &mut problems),
                        "sources" => decode_part::<RawSource>(item, path, &mut problems),
                        _ => decode_part::<RawIncident>(item, path, &mut problems),
                    }
                }
            }
            Some(other) => problems.push(Problem::error(
                key,
                format!("expected a list, got {}", kind_of(other)),
            )),
        }
    }
    if problems.is_empty() {
        // The parts decode alone but not together: report serde's finding.
        problems.push(Problem::error(
            first.path().to_string(),
            plain(first.inner()),
        ));
    }
    Err(problems)
}

fn decode_part<'a, T: Deserialize<'a>>(value: &'a Value, path: String, out: &mut Vec<Problem>) {
    if let Err(e) = serde_path_to_error::deserialize::<_, T>(value) {
        let inner = e.path().to_string();
        let full = if inner == "." {
            path
        } else {
            format!("{path}.{inner}")
        };
        out.push(Problem::error(full, plain(e.inner())));
    }
}

fn syntax_problem(e: &serde_json::Error) -> Problem {
    Problem::error(
        format!("line {}, column {}", e.line(), e.column()),
        format!("this is not valid JSON ({})", plain(e)),
    )
}

/// serde's message without its own "at line … column …" suffix, with its
/// Rust-flavoured type names put in a reader's words.
fn plain(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let msg = match msg.find(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    };
    msg.replace("invalid type: ", "expected ")
        .replace("expected string, expected", "expected text, got")
        .replace(", expected a string", " where text was expected")
        .replace(", expected f64", " where a number was expected")
        .replace(", expected a sequence", " where a list was expected")
        .replace("expected a sequence", "expected a list")
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A location in the document, built on the stack and only turned into a
/// string when a problem is reported (100,000 incidents must load fast).
#[derive(Clone, Copy)]
struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    seg: Seg,
}

#[derive(Clone, Copy)]
enum Seg {
    Root(&'static str),
    Field(&'static str),
    Index(usize),
}

impl<'a> Path<'a> {
    fn root(name: &'static str) -> Path<'static> {
        Path {
            parent: None,
            seg: Seg::Root(name),
        }
    }
    fn field(&'a self, name: &'static str) -> Path<'a> {
        Path {
            parent: Some(self),
            seg: Seg::Field(name),
        }
    }
    fn index(&'a self, i: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            seg: Seg::Index(i),
        }
    }
    fn render(&self) -> String {
        let mut out = self.parent.map(Path::render).unwrap_or_default();
        match self.seg {
            Seg::Root(name) => out.push_str(name),
            Seg::Field(name) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
        out
    }
}

/// Ids of one table, to resolve references and catch duplicates.
#[derive(Default)]
struct Table {
    ids: HashMap<String, usize>,
    listing: Vec<String>,
}

impl Table {
    fn resolve(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }
    /// "a, b, c" (the first few), to help fix an unknown id.
    fn known(&self) -> String {
        let mut shown: Vec<&str> = self.listing.iter().take(12).map(String::as_str).collect();
        if self.listing.len() > shown.len() {
            shown.push("…");
        }
        if shown.is_empty() {
            "none are defined".into()
        } else {
            shown.join(", ")
        }
    }
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
}

impl Validator {
    fn error(&mut self, path: &Path, message: impl Into<String>) {
        self.problems.push(Problem::error(path.render(), message));
    }

    fn warn(&mut self, path: &Path, message: impl Into<String>) {
        self.problems.push(Problem::warning(path.render(), message));
    }

    fn required<T>(&mut self, value: Option<T>, path: &Path) -> Option<T> {
        if value.is_none() {
            self.error(path, "is missing");
        }
        value
    }

    fn text(&mut self, value: Option<Text>, path: &Path) -> Option<Text> {
        let text = self.required(value, path)?;
        if text.is_empty() {
            self.error(path, "give the text in Arabic (\"ar\") or English (\"en\")");
            return None;
        }
        Some(text)
    }

    fn optional_text(&mut self, value: Option<Text>, path: &Path) -> Option<Text> {
        value.and_then(|t| self.text(Some(t), path))
    }

    fn date(&mut self, value: &str, path: &Path) -> Option<CivilDateTime> {
        match CivilDateTime::parse(value) {
            Ok(d) => Some(d),
            Err(msg) => {
                self.error(path, msg);
                None
            }
        }
    }

    fn optional_date(&mut self, value: Option<String>, path: &Path) -> Option<String> {
        let value = value?;
        self.date(&value, path).map(|_| value)
    }

    fn vocabulary<T>(
        &mut self,
        value: Option<&str>,
        path: &Path,
        parse: fn(&str) -> Option<T>,
        expected: fn() -> String,
    ) -> Option<T> {
        let value = self.required(value, path)?;
        let parsed = parse(value);
        if parsed.is_none() {
            self.error(path, format!("expected {}, got {value:?}", expected()));
        }
        parsed
    }

    /// Registers the ids of a table, reporting missing, malformed and
    /// duplicate ones.
    fn table<'a>(
        &mut self,
        ids: impl Iterator<Item = Option<&'a str>>,
        name: &'static str,
    ) -> Table {
        let root = Path::root(name);
        let mut table = Table::default();
        for (i, id) in ids.enumerate() {
            let item = root.index(i);
            let path = item.field("id");
            let Some(id) = self.required(id, &path) else {
                continue;
            };
            if id.is_empty() || id.chars().any(char::is_whitespace) {
                self.error(
                    &path,
                    format!("an id must be a word without spaces, got {id:?}"),
                );
            }
            if let Some(first) = table.ids.get(id) {
                self.error(&path, format!("duplicate id {id:?} (also {name}[{first}])"));
            } else {
                table.ids.insert(id.to_owned(), i);
                table.listing.push(id.to_owned());
            }
        }
        table
    }

    /// Incident ids are only checked for presence, form and uniqueness;
    /// borrowing them keeps 100,000 ids from being copied.
    fn unique_incident_ids(&mut self, incidents: &[RawIncident<'_>]) {
        let root = Path::root("incidents");
        let mut seen: HashMap<&str, usize> = HashMap::with_capacity(incidents.len());
        for (i, inc) in incidents.iter().enumerate() {
            let item = root.index(i);
            let path = item.field("id");
            let Some(id) = self.required(inc.id.as_deref(), &path) else {
                continue;
            };
            if id.is_empty() || id.chars().any(char::is_whitespace) {
                self.error(
                    &path,
                    format!("an id must be a word without spaces, got {id:?}"),
                );
            }
            if let Some(first) = seen.get(id) {
                self.error(
                    &path,
                    format!("duplicate id {id:?} (also incidents[{first}])"),
                );
            } else {
                seen.insert(id, i);
            }
        }
    }

    fn reference(&mut self, table: &Table, id: &str, path: &Path, what: &str) -> Option<usize> {
        let found = table.resolve(id);
        if found.is_none() {
            self.error(
                path,
                format!("unknown {what} id {id:?} (known: {})", table.known()),
            );
        }
        found
    }

    fn dataset(&mut self, raw: RawDataset<'_>) -> Dataset {
        let root = Path::root("");
        match raw.format.as_deref() {
            Some("incident-atlas") => {}
            Some(other) => self.error(
                &root.field("format"),
                format!("expected \"incident-atlas\", got {other:?}: is this an Incident Atlas dataset?"),
            ),
            None => self.error(&root.field("format"), "is missing (it must be \"incident-atlas\")"),
        }
        match raw.version.as_ref().and_then(Value::as_u64) {
            Some(1) => {}
            _ => self.error(
                &root.field("version"),
                format!(
                    "this app reads version 1 datasets, got {}",
                    raw.version.map_or("nothing".into(), |v| v.to_string())
                ),
            ),
        }

        let patterns_table = self.table(raw.patterns.iter().map(|p| p.id.as_deref()), "patterns");
        let actors_table = self.table(raw.actors.iter().map(|a| a.id.as_deref()), "actors");
        let claimants_table =
            self.table(raw.claimants.iter().map(|c| c.id.as_deref()), "claimants");
        let sources_table = self.table(raw.sources.iter().map(|s| s.id.as_deref()), "sources");
        self.unique_incident_ids(&raw.incidents);
        let tables = Tables {
            patterns: &patterns_table,
            actors: &actors_table,
            claimants: &claimants_table,
            sources: &sources_table,
        };

        let meta = self.meta(raw.meta, &tables);
        let patterns = self.patterns(&raw.patterns);
        let actors = raw
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let root = Path::root("actors");
                let p = root.index(i);
                Actor {
                    id: a.id.clone().unwrap_or_default(),
                    name: self
                        .text(a.name.clone(), &p.field("name"))
                        .unwrap_or_default(),
                }
            })
            .collect();
        let claimants = raw
            .claimants
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let root = Path::root("claimants");
                let p = root.index(i);
                Claimant {
                    id: c.id.clone().unwrap_or_default(),
                    name: self
                        .text(c.name.clone(), &p.field("name"))
                        .unwrap_or_default(),
                    kind: self
                        .vocabulary(
                            c.kind.as_deref(),
                            &p.field("kind"),
                            ClaimantKind::parse,
                            ClaimantKind::expected,
                        )
                        .unwrap_or(ClaimantKind::Other),
                }
            })
            .collect();
        let sources = raw
            .sources
            .into_iter()
            .enumerate()
            .map(|(i, s)| self.source(i, s))
            .collect();
        let incidents: Vec<Incident> = raw
            .incidents
            .into_iter()
            .enumerate()
            .map(|(i, inc)| self.incident(i, inc, &tables))
            .collect();
        self.check_swapped_coordinates(&incidents);
        Dataset {
            meta,
            patterns,
            actors,
            claimants,
            sources,
            incidents,
        }
    }

    fn meta(&mut self, raw: Option<RawMeta>, tables: &Tables) -> Meta {
        let root = Path::root("meta");
        let Some(raw) = self.required(raw, &root) else {
            return Meta::default();
        };
        let default_language = raw.default_language.as_deref().and_then(|code| {
            let lang = Lang::from_code(code);
            if lang.is_none() {
                self.error(
                    &root.field("default_language"),
                    format!("expected \"ar\" or \"en\", got {code:?}"),
                );
            }
            lang
        });
        let view = root.field("default_view");
        let default_region = raw.default_view.and_then(|v| {
            let region = view.field("region");
            v.region
                .as_deref()
                .and_then(|r| self.vocabulary(Some(r), &region, Region::parse, Region::expected))
        });
        Meta {
            title: self
                .text(raw.title, &root.field("title"))
                .unwrap_or_default(),
            description: self.optional_text(raw.description, &root.field("description")),
            attribution: self.optional_text(raw.attribution, &root.field("attribution")),
            updated: self.optional_date(raw.updated, &root.field("updated")),
            primary_source: raw.primary_source.and_then(|id| {
                self.reference(tables.sources, &id, &root.field("primary_source"), "source")
            }),
            default_language,
            default_region,
        }
    }

    fn patterns(&mut self, raw: &[RawPattern]) -> Vec<Pattern> {
        let root = Path::root("patterns");
        raw.iter()
            .enumerate()
            .map(|(i, p)| {
                let path = root.index(i);
                let color_path = path.field("color");
                let color = self
                    .required(p.color.clone(), &color_path)
                    .unwrap_or_default();
                let valid_color = color.len() == 7
                    && color.starts_with('#')
                    && color[1..].bytes().all(|b| b.is_ascii_hexdigit());
                if !color.is_empty() && !valid_color {
                    self.error(
                        &color_path,
                        format!("expected a colour like \"#d55e00\", got {color:?}"),
                    );
                }
                Pattern {
                    id: p.id.clone().unwrap_or_default(),
                    label: self
                        .text(p.label.clone(), &path.field("label"))
                        .unwrap_or_default(),
                    description: self
                        .optional_text(p.description.clone(), &path.field("description")),
                    color: if valid_color { color } else { "#777777".into() },
                    shape: self
                        .vocabulary(
                            p.shape.as_deref(),
                            &path.field("shape"),
                            Shape::parse,
                            Shape::expected,
                        )
                        .unwrap_or(Shape::Circle),
                }
            })
            .collect()
    }

    fn source(&mut self, i: usize, raw: RawSource) -> Source {
        let root = Path::root("sources");
        let path = root.index(i);
        let url_path = path.field("url");
        let url = raw.url.and_then(|url| match check_url(&url) {
            Ok(()) => Some(url),
            Err(msg) => {
                self.error(&url_path, msg);
                None
            }
        });
        Source {
            id: raw.id.unwrap_or_default(),
            outlet: self
                .text(raw.outlet, &path.field("outlet"))
                .unwrap_or_default(),
            title: self.optional_text(raw.title, &path.field("title")),
            url,
            date: self.optional_date(raw.date, &path.field("date")),
            language: raw.language,
            quote: self.optional_text(raw.quote, &path.field("quote")),
        }
    }

    fn incident(&mut self, i: usize, raw: RawIncident<'_>, t: &Tables) -> Incident {
        let root = Path::root("incidents");
        let path = root.index(i);
        let sources = self.references(
            raw.sources.as_deref(),
            &path.field("sources"),
            t.sources,
            "source",
            true,
        );
        let claims = raw
            .casualties
            .into_iter()
            .enumerate()
            .filter_map(|(k, c)| {
                let casualties = path.field("casualties");
                self.claim(c, &casualties.index(k), t, &sources)
            })
            .collect();
        Incident {
            id: raw.id.unwrap_or_default(),
            title: self
                .text(raw.title, &path.field("title"))
                .unwrap_or_default(),
            summary: self.optional_text(raw.summary, &path.field("summary")),
            when: self.when(raw.when, &path.field("when")),
            places: self.places(raw.where_.as_ref(), &path.field("where")),
            where_as_reported: raw.where_.and_then(|w| w.as_reported),
            patterns: self.references(
                raw.patterns.as_deref(),
                &path.field("patterns"),
                t.patterns,
                "pattern",
                true,
            ),
            perpetrator: self.perpetrator(raw.perpetrator, &path.field("perpetrator"), t),
            target: raw.target.map(|target| {
                let p = path.field("target");
                Target {
                    kind: self
                        .vocabulary(
                            target.kind.as_deref(),
                            &p.field("kind"),
                            TargetKind::parse,
                            TargetKind::expected,
                        )
                        .unwrap_or(TargetKind::Unknown),
                    description: self.optional_text(target.description, &p.field("description")),
                    disputed: self.optional_text(target.disputed, &p.field("disputed")),
                }
            }),
            claims,
            sources,
            note: self.optional_text(raw.note, &path.field("note")),
        }
    }

    fn references(
        &mut self,
        ids: Option<&[Str<'_>]>,
        path: &Path,
        table: &Table,
        what: &str,
        at_least_one: bool,
    ) -> Vec<usize> {
        let ids = match ids {
            Some(ids) => ids,
            None if at_least_one => {
                self.error(path, format!("is missing (list at least one {what} id)"));
                return Vec::new();
            }
            None => return Vec::new(),
        };
        if ids.is_empty() && at_least_one {
            self.error(path, format!("list at least one {what} id"));
        }
        let mut out = Vec::with_capacity(ids.len());
        for (k, id) in ids.iter().enumerate() {
            if let Some(ix) = self.reference(table, id, &path.index(k), what) {
                if !out.contains(&ix) {
                    out.push(ix);
                }
            }
        }
        out
    }

    fn when(&mut self, raw: Option<RawWhen<'_>>, path: &Path) -> When {
        let mut out = When {
            start: 0,
            end: DAY,
            precision: DatePrecision::Exact,
            has_time: false,
            as_reported: None,
        };
        let Some(raw) = self.required(raw, path) else {
            return out;
        };
        let start_path = path.field("start");
        let start = self
            .required(raw.start.as_deref(), &start_path)
            .and_then(|s| self.date(s, &start_path));
        let end_path = path.field("end");
        let end = raw.end.as_deref().and_then(|s| self.date(s, &end_path));
        out.precision = self
            .vocabulary(
                raw.precision.as_deref(),
                &path.field("precision"),
                DatePrecision::parse,
                DatePrecision::expected,
            )
            .unwrap_or(DatePrecision::Exact);
        out.as_reported = self.optional_text(raw.as_reported, &path.field("as_reported"));
        if let Some(start) = start {
            out.start = start.to_seconds();
            out.has_time = start.has_time;
            let end = end.unwrap_or(start);
            // A date ends at the end of its day; a time is an instant.
            out.end = if end.has_time {
                end.to_seconds()
            } else {
                end.to_seconds() + DAY
            };
            if end < start || out.end < out.start {
                self.error(
                    &end_path,
                    format!("the end {end} is before the start {start}"),
                );
                out.end = out.start + DAY;
            } else if out.end == out.start && out.precision != DatePrecision::Exact {
                // Only an exact date may be an instant: a period of no length
                // has nothing to spread over, so the timeline could not draw it.
                self.error(
                    path,
                    format!(
                        "a date of precision {:?} is a period, but this one has no length: give an \"end\" after the start, or dates without a time of day",
                        out.precision.id()
                    ),
                );
                out.end = out.start + DAY;
            }
        }
        out
    }

    fn places(&mut self, raw: Option<&RawWhere<'_>>, path: &Path) -> Vec<Place> {
        let Some(raw) = self.required(raw, path) else {
            return Vec::new();
        };
        let places_path = path.field("places");
        let Some(places) = self.required(raw.places.as_ref(), &places_path) else {
            return Vec::new();
        };
        if places.is_empty() {
            self.error(&places_path, "list at least one place");
        }
        let mut out = Vec::with_capacity(places.len());
        for (k, p) in places.iter().enumerate() {
            let pp = places_path.index(k);
            let lat_path = pp.field("lat");
            let lon_path = pp.field("lon");
            let lat = self.required(p.lat, &lat_path);
            let lon = self.required(p.lon, &lon_path);
            let lat_ok = lat.is_some_and(|lat| {
                let ok = (-90.0..=90.0).contains(&lat);
                if !ok {
                    self.error(
                        &lat_path,
                        format!("{lat} is not a latitude (it must be between -90 and 90)"),
                    );
                }
                ok
            });
            let lon_ok = lon.is_some_and(|lon| {
                let ok = (-180.0..=180.0).contains(&lon);
                if !ok {
                    self.error(
                        &lon_path,
                        format!("{lon} is not a longitude (it must be between -180 and 180)"),
                    );
                }
                ok
            });
            let precision = self
                .vocabulary(
                    p.precision.as_deref(),
                    &pp.field("precision"),
                    PlacePrecision::parse,
                    PlacePrecision::expected,
                )
                .unwrap_or(PlacePrecision::Region);
            let radius_path = pp.field("radius_km");
            let radius_km = match p.radius_km {
                Some(r) if r.is_finite() && r > 0.0 && r <= 2000.0 => r,
                Some(r) => {
                    self.error(
                        &radius_path,
                        format!("expected a distance in km above 0 and at most 2000, got {r}"),
                    );
                    precision.default_radius_km()
                }
                None => precision.default_radius_km(),
            };
            let governorate = p
                .governorate
                .as_deref()
                .map(|g| match known_governorate(g) {
                    Some(id) => Cow::Borrowed(id),
                    None => Cow::Owned(g.to_owned()),
                });
            if let Some(g) = p.governorate.as_deref() {
                if known_governorate(g).is_none() {
                    let known: Vec<&str> = GOVERNORATES.iter().map(|g| g.0).collect();
                    self.warn(
                        &pp.field("governorate"),
                        format!(
                            "{g:?} is not one of Syria's governorates ({})",
                            known.join(", ")
                        ),
                    );
                }
            }
            let name = self
                .text(p.name.clone(), &pp.field("name"))
                .unwrap_or_default();
            if let (Some(lat), Some(lon), true, true) = (lat, lon, lat_ok, lon_ok) {
                out.push(Place {
                    name,
                    lat,
                    lon,
                    precision,
                    radius_km,
                    governorate,
                    gazetteer: p.gazetteer.clone(),
                });
            }
        }
        out
    }

    fn perpetrator(
        &mut self,
        raw: Option<RawPerpetrator<'_>>,
        path: &Path,
        t: &Tables,
    ) -> Perpetrator {
        let mut out = Perpetrator {
            actor: None,
            attribution: Attribution::Unknown,
            according_to: Vec::new(),
        };
        let Some(raw) = self.required(raw, path) else {
            return out;
        };
        out.actor = raw
            .actor
            .as_deref()
            .and_then(|id| self.reference(t.actors, id, &path.field("actor"), "actor"));
        out.attribution = self
            .vocabulary(
                raw.attribution.as_deref(),
                &path.field("attribution"),
                Attribution::parse,
                Attribution::expected,
            )
            .unwrap_or(Attribution::Unknown);
        out.according_to = self.references(
            Some(&raw.according_to),
            &path.field("according_to"),
            t.sources,
            "source",
            false,
        );
        if raw.actor.is_none() && out.attribution != Attribution::Unknown {
            self.warn(
                &path.field("attribution"),
                format!("is {:?} but no actor is named", out.attribution.id()),
            );
        }
        out
    }

    fn claim(
        &mut self,
        raw: RawClaim<'_>,
        path: &Path,
        t: &Tables,
        incident_sources: &[usize],
    ) -> Option<Claim> {
        let claimant_path = path.field("claimant");
        let claimant = self
            .required(raw.claimant.as_deref(), &claimant_path)
            .and_then(|id| self.reference(t.claimants, id, &claimant_path, "claimant"));
        let source_path = path.field("source");
        let source = self
            .required(raw.source.as_deref(), &source_path)
            .and_then(|id| self.reference(t.sources, id, &source_path, "source"));
        if let Some(s) = source {
            if !incident_sources.contains(&s) {
                self.warn(
                    &source_path,
                    "this source is not in the incident's \"sources\" list; add it there",
                );
            }
        }
        let mut figure = |value: Option<Value>, name: &'static str| {
            let value = value?;
            match Figure::from_json(&value) {
                Ok(f) => Some(f),
                Err(msg) => {
                    self.error(&path.field(name), msg);
                    None
                }
            }
        };
        let killed = figure(raw.killed, "killed");
        let wounded = figure(raw.wounded, "wounded");
        let missing = figure(raw.missing, "missing");
        let kidnapped = figure(raw.kidnapped, "kidnapped");
        let killed_or_wounded = figure(raw.killed_or_wounded, "killed_or_wounded");
        let any = killed.is_some()
            || wounded.is_some()
            || missing.is_some()
            || kidnapped.is_some()
            || killed_or_wounded.is_some();
        if !any {
            self.warn(
                path,
                "gives no figure (killed, wounded, missing, kidnapped or killed_or_wounded)",
            );
        }
        let claim = Claim {
            claimant: claimant?,
            source: source?,
            killed,
            wounded,
            missing,
            kidnapped,
            killed_or_wounded,
            victims: self.optional_text(raw.victims, &path.field("victims")),
            date: self.optional_date(raw.date, &path.field("date")),
            note: self.optional_text(raw.note, &path.field("note")),
        };
        Some(claim)
    }

    /// Flags places far from the rest of the data whose swapped coordinates
    /// would put them among it: the classic lat/lon mix-up. Distances are
    /// measured against the typical distance of places from the median
    /// point, so the test adapts to a town's data as to a country's.
    fn check_swapped_coordinates(&mut self, incidents: &[Incident]) {
        let mut lats: Vec<f64> = Vec::new();
        let mut lons: Vec<f64> = Vec::new();
        for p in incidents.iter().flat_map(|i| &i.places) {
            lats.push(p.lat);
            lons.push(p.lon);
        }
        if lats.len() < 3 {
            return;
        }
        let centre = (median(&mut lons), median(&mut lats));
        let mut spread: Vec<f64> = incidents
            .iter()
            .flat_map(|i| &i.places)
            .map(|p| distance_km((p.lon, p.lat), centre))
            .collect();
        spread.sort_by(f64::total_cmp);
        let typical = spread[spread.len() / 2].max(25.0);
        let root = Path::root("incidents");
        for (i, incident) in incidents.iter().enumerate() {
            for (k, p) in incident.places.iter().enumerate() {
                if !(-90.0..=90.0).contains(&p.lon) {
                    continue;
                }
                let here = distance_km((p.lon, p.lat), centre);
                let swapped = distance_km((p.lat, p.lon), centre);
                if here > 2.5 * typical && swapped <= 2.0 * typical && here > 1.5 * swapped {
                    let inc = root.index(i);
                    let w = inc.field("where");
                    let places = w.field("places");
                    let place = places.index(k);
                    self.error(
                        &place,
                        format!(
                            "lat and lon look swapped: (lat {}, lon {}) is {:.0} km from the rest of the data; swapped, it would lie among them",
                            p.lat, p.lon, here
                        ),
                    );
                }
            }
        }
    }
}

/// The id of one of Syria's governorates, as a static string.
fn known_governorate(id: &str) -> Option<&'static str> {
    GOVERNORATES.iter().find(|g| g.0 == id).map(|g| g.0)
}

struct Tables<'a> {
    patterns: &'a Table,
    actors: &'a Table,
    claimants: &'a Table,
    sources: &'a Table,
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// Only http(s) links are ever followed; anything else (javascript:, data:,
/// file:, relative paths) is refused.
pub fn check_url(url: &str) -> Result<(), String> {
    let lower = url.trim().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(host)
            if !host.is_empty()
                && !host.starts_with('/')
                && !url.chars().any(|c| c.is_whitespace() || c.is_control()) =>
        {
            Ok(())
        }
        _ => Err(format!(
            "only web links starting with https:// or http:// are allowed, got {url:?}"
        )),
    }
}
