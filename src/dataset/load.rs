//! Loading: JSON text → [`Dataset`], or every problem found, each located.
//!
//! The work is split by part of the document: `decode` (the shape, with
//! every malformed entry located), `entries` (meta, patterns, actors,
//! claimants, sources), `incident` (each incident: what, who, target),
//! `when`, `places`, `claims`, `references` (ids and references
//! between tables), `coordinates` (the swapped lat/lon check across the
//! data), and `collector`, which gathers every problem with its `path`.

mod claims;
mod collector;
mod coordinates;
mod decode;
mod entries;
mod incident;
mod path;
mod places;
mod references;
mod url;
mod when;

use serde_json::Value;

use super::format::RawDataset;
use super::message::Message;
use super::model::*;
use super::problem::Problem;
use collector::Validator;
use decode::decode;
use path::Path;
use references::Tables;
pub use url::{check_url, is_web_link};

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

impl Validator {
    /// Validates the whole document into the model.
    fn dataset(&mut self, raw: RawDataset<'_>) -> Dataset {
        let root = Path::root("");
        match raw.format.as_deref() {
            Some("incident-atlas") => {}
            Some(other) => self.error(
                &root.field("format"),
                Message::WrongFormat {
                    got: other.to_owned(),
                },
            ),
            None => self.error(&root.field("format"), Message::MissingFormat),
        }
        match raw.version.as_ref().and_then(Value::as_u64) {
            Some(1) => {}
            _ => self.error(
                &root.field("version"),
                Message::WrongVersion {
                    got: raw.version.map(|v| v.to_string()),
                },
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
        let actors = self.actors(&raw.actors);
        let claimants = self.claimants(&raw.claimants);
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
        let mut dataset = Dataset {
            meta,
            patterns,
            actors,
            claimants,
            sources,
            incidents,
            story: None,
        };
        // The story refers to the incidents and filter values by id, so it
        // is checked against the dataset as built.
        if let Some(story) = &raw.story {
            let (story, problems) = crate::story::validate_story(story, &dataset, "story");
            self.problems.extend(problems);
            dataset.story = story;
        }
        dataset
    }
}
