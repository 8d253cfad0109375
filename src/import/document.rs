//! The dataset an import writes: the format of docs/dataset.md as owned,
//! serialisable values, and a builder that keeps the taxonomy tables
//! (patterns, actors, sources, claimants) free of duplicates.
//!
//! `dataset::format` holds the same shape for reading (borrowed, all
//! optional); this side is what an importer knows it produces.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::text::Text;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub format: String,
    pub version: u32,
    pub meta: Meta,
    pub patterns: Vec<Pattern>,
    pub actors: Vec<Named>,
    pub claimants: Vec<Claimant>,
    pub sources: Vec<Source>,
    pub incidents: Vec<Incident>,
}

impl Document {
    /// Writes the JSON text as it is produced (no copy of it in memory).
    pub fn write_json(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        serde_json::to_writer(w, self).map_err(std::io::Error::other)
    }

    /// The JSON text, as `dataset::load` reads it.
    pub fn to_json(&self) -> String {
        // Serialising owned strings and numbers cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub title: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pattern {
    pub id: String,
    pub label: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    pub color: String,
    pub shape: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Named {
    pub id: String,
    pub name: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claimant {
    pub id: String,
    pub name: Text,
    pub kind: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub outlet: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    pub id: String,
    pub title: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    pub when: When,
    #[serde(rename = "where")]
    pub where_: Where,
    pub patterns: Vec<String>,
    pub perpetrator: Perpetrator,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub casualties: Vec<Claim>,
    pub sources: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct When {
    pub start: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    pub precision: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_reported: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Where {
    pub places: Vec<Place>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_reported: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub name: Text,
    pub lat: f64,
    pub lon: f64,
    pub precision: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub radius_km: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub governorate: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Perpetrator {
    pub actor: Option<String>,
    pub attribution: String,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub according_to: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub claimant: String,
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub killed: Option<Figure>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wounded: Option<Figure>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// The figures an importer writes (docs/dataset.md, "Figure").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Figure {
    Exact(u32),
    Range {
        min: u32,
        max: u32,
    },
    Approx {
        approx: u32,
    },
    AtLeast {
        at_least: u32,
    },
    MoreThan {
        more_than: u32,
    },
    /// A figure given only in words ("others", "عشرات"), as the atlas's
    /// own export writes one.
    Words {
        text: Text,
    },
}

/// Text in the language its script says: Arabic script → `ar`, else `en`.
pub fn text_of(s: &str) -> Text {
    let s = s.trim();
    if super::digits::is_arabic(s) {
        Text {
            en: None,
            ar: Some(s.to_owned()),
        }
    } else {
        Text {
            en: Some(s.to_owned()),
            ar: None,
        }
    }
}

/// English text.
pub fn en(s: impl Into<String>) -> Text {
    Text {
        en: Some(s.into()),
        ar: None,
    }
}

/// An id from a name: lowercase ASCII letters, digits and `-`. Empty when
/// the name has none of them (an Arabic-only name).
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Colour-blind-safe marker colours (Okabe–Ito, then darker variants).
const COLORS: [&str; 8] = [
    "#d55e00", "#0072b2", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#7a5195", "#555555",
];
const SHAPES: [&str; 6] = ["circle", "triangle", "square", "diamond", "cross", "star"];

/// Names → ids for one table, ids unique even when two names slug alike.
#[derive(Debug, Default)]
struct Registry {
    by_name: HashMap<String, String>,
    taken: HashMap<String, ()>,
    /// (id, name) in first-seen order.
    entries: Vec<(String, String)>,
}

impl Registry {
    fn id(&mut self, name: &str, prefix: &str) -> String {
        if let Some(id) = self.by_name.get(name) {
            return id.clone();
        }
        let base = match slug(name) {
            s if s.is_empty() => format!("{prefix}{}", self.entries.len() + 1),
            s => s,
        };
        let mut id = base.clone();
        let mut n = 2;
        while self.taken.contains_key(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.taken.insert(id.clone(), ());
        self.by_name.insert(name.to_owned(), id.clone());
        self.entries.push((id.clone(), name.to_owned()));
        id
    }
}

/// Collects incidents and the tables they refer to.
#[derive(Debug, Default)]
pub struct Builder {
    patterns: Registry,
    pattern_info: HashMap<String, (Text, Option<Text>)>,
    actors: Registry,
    source_ids: HashMap<String, String>,
    sources: Vec<Source>,
    claimants: BTreeMap<String, Claimant>,
    claimant_names: Registry,
    incident_ids: HashMap<String, u32>,
    pub incidents: Vec<Incident>,
}

impl Builder {
    /// The pattern id for a label (created on first use).
    pub fn pattern(&mut self, label: &Text, description: Option<Text>) -> String {
        let key = label
            .en
            .as_deref()
            .or(label.ar.as_deref())
            .unwrap_or_default();
        let id = self.patterns.id(key, "pattern-");
        if !self.pattern_info.contains_key(&id) {
            self.pattern_info
                .insert(id.clone(), (label.clone(), description));
        }
        id
    }

    pub fn actor(&mut self, name: &str) -> String {
        self.actors.id(name.trim(), "actor-")
    }

    /// The source id for an outlet string (each distinct string one entry).
    pub fn source(&mut self, outlet: &str) -> String {
        self.source_with(outlet, None, None)
    }

    pub fn source_with(
        &mut self,
        outlet: &str,
        title: Option<Text>,
        url: Option<String>,
    ) -> String {
        // Most sources have no URL: look them up without building a key.
        if url.is_none() {
            if let Some(id) = self.source_ids.get(outlet) {
                return id.clone();
            }
        }
        let key = match &url {
            Some(u) => format!("{outlet}\u{1f}{u}"),
            None => outlet.to_owned(),
        };
        if let Some(id) = self.source_ids.get(&key) {
            return id.clone();
        }
        // Numbered ids: outlet strings would make long slugs.
        let id = format!("s{}", self.sources.len() + 1);
        self.source_ids.insert(key, id.clone());
        self.sources.push(Source {
            id: id.clone(),
            outlet: text_of(outlet),
            title,
            url,
        });
        id
    }

    /// A claimant known only by name (a spreadsheet's column).
    pub fn named_claimant(&mut self, name: &str) -> String {
        let id = self.claimant_names.id(name.trim(), "claimant-");
        self.claimant(&id, text_of(name), "other")
    }

    pub fn claimant(&mut self, id: &str, name: Text, kind: &str) -> String {
        if !self.claimants.contains_key(id) {
            self.claimants.insert(
                id.to_owned(),
                Claimant {
                    id: id.to_owned(),
                    name,
                    kind: kind.to_owned(),
                },
            );
        }
        id.to_owned()
    }

    /// A unique incident id: a repeated id gets a suffix (`-2`, `-3`…).
    /// Returns the id and whether it had to be changed.
    pub fn incident_id(&mut self, wanted: &str) -> (String, bool) {
        let base: String = wanted
            .trim()
            .chars()
            .map(|c| if c.is_whitespace() { '-' } else { c })
            .collect();
        let base = if base.is_empty() {
            "incident".to_owned()
        } else {
            base
        };
        let seen = self.incident_ids.entry(base.clone()).or_insert(0);
        *seen += 1;
        if *seen == 1 {
            return (base, false);
        }
        let mut n = *seen;
        loop {
            let candidate = format!("{base}-{n}");
            if !self.incident_ids.contains_key(&candidate) {
                self.incident_ids.insert(candidate.clone(), 1);
                return (candidate, true);
            }
            n += 1;
        }
    }

    pub fn push(&mut self, incident: Incident) {
        self.incidents.push(incident);
    }

    /// The document. Patterns get colours and shapes by the order of their
    /// ids, so the same taxonomy always looks the same whatever the order
    /// of the rows.
    pub fn finish(self, meta: Meta) -> Document {
        let mut pattern_ids: Vec<&(String, String)> = self.patterns.entries.iter().collect();
        pattern_ids.sort();
        let patterns = pattern_ids
            .iter()
            .enumerate()
            .map(|(k, (id, name))| {
                let (label, description) = self
                    .pattern_info
                    .get(id)
                    .cloned()
                    .unwrap_or_else(|| (en(name.clone()), None));
                Pattern {
                    id: id.clone(),
                    label,
                    description,
                    color: COLORS[k % COLORS.len()].to_owned(),
                    shape: SHAPES[(k / COLORS.len() + k) % SHAPES.len()].to_owned(),
                }
            })
            .collect();
        let actors = self
            .actors
            .entries
            .iter()
            .map(|(id, name)| Named {
                id: id.clone(),
                name: text_of(name),
            })
            .collect();
        Document {
            format: "incident-atlas".into(),
            version: 1,
            meta,
            patterns,
            actors,
            claimants: self.claimants.into_values().collect(),
            sources: self.sources,
            incidents: self.incidents,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_unique_ids() {
        assert_eq!(slug("Armed clash / Attack"), "armed-clash-attack");
        assert_eq!(slug("داعش"), "");
        let mut b = Builder::default();
        assert_eq!(b.actor("ISIS"), "isis");
        assert_eq!(b.actor("ISIS"), "isis");
        assert_eq!(b.actor("Isis"), "isis-2");
        assert_eq!(b.actor("داعش"), "actor-3");
        assert_eq!(b.incident_id("SYR1"), ("SYR1".into(), false));
        assert_eq!(b.incident_id("SYR1"), ("SYR1-2".into(), true));
        assert_eq!(b.incident_id("SYR1-2 "), ("SYR1-2-2".into(), true));
        assert_eq!(b.source("SOHR"), "s1");
        assert_eq!(b.source("SANA"), "s2");
        assert_eq!(b.source("SOHR"), "s1");
    }

    #[test]
    fn pattern_styles_do_not_depend_on_row_order() {
        let style = |labels: &[&str]| {
            let mut b = Builder::default();
            for l in labels {
                b.pattern(&en(*l), None);
            }
            let doc = b.finish(Meta {
                title: en("t"),
                description: None,
                attribution: None,
            });
            doc.patterns
                .into_iter()
                .map(|p| (p.id, p.color, p.shape))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            style(&["Shelling", "Armed clash"]),
            style(&["Armed clash", "Shelling"])
        );
    }
}
