//! The cross-references: each table's ids (present, well formed, unique)
//! and the references to them.

use std::collections::HashMap;

use super::collector::Validator;
use super::path::Path;
use crate::dataset::format::*;
use crate::dataset::message::{Entry, Message};

/// Ids of one table, to resolve references and catch duplicates.
#[derive(Default)]
pub(super) struct Table {
    ids: HashMap<String, usize>,
    listing: Vec<String>,
}

/// How many ids an unknown-id message lists.
const KNOWN_SHOWN: usize = 12;

impl Table {
    fn resolve(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }
}

/// The tables references point into.
pub(super) struct Tables<'a> {
    pub(super) patterns: &'a Table,
    pub(super) actors: &'a Table,
    pub(super) claimants: &'a Table,
    pub(super) sources: &'a Table,
}

fn is_word(id: &str) -> bool {
    !id.is_empty() && !id.chars().any(char::is_whitespace)
}

impl Validator {
    /// Registers the ids of a table, reporting missing, malformed and
    /// duplicate ones.
    pub(super) fn table<'a>(
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
            if !is_word(id) {
                self.error(&path, Message::BadId { id: id.to_owned() });
            }
            if let Some(first) = table.ids.get(id) {
                self.error(
                    &path,
                    Message::DuplicateId {
                        id: id.to_owned(),
                        first: format!("{name}[{first}]"),
                    },
                );
            } else {
                table.ids.insert(id.to_owned(), i);
                table.listing.push(id.to_owned());
            }
        }
        table
    }

    /// Incident ids are only checked for presence, form and uniqueness;
    /// borrowing them keeps 100,000 ids from being copied.
    pub(super) fn unique_incident_ids(&mut self, incidents: &[RawIncident<'_>]) {
        let root = Path::root("incidents");
        let mut seen: HashMap<&str, usize> = HashMap::with_capacity(incidents.len());
        for (i, inc) in incidents.iter().enumerate() {
            let item = root.index(i);
            let path = item.field("id");
            let Some(id) = self.required(inc.id.as_deref(), &path) else {
                continue;
            };
            if !is_word(id) {
                self.error(&path, Message::BadId { id: id.to_owned() });
            }
            if let Some(first) = seen.get(id) {
                self.error(
                    &path,
                    Message::DuplicateId {
                        id: id.to_owned(),
                        first: format!("incidents[{first}]"),
                    },
                );
            } else {
                seen.insert(id, i);
            }
        }
    }

    pub(super) fn reference(
        &mut self,
        table: &Table,
        id: &str,
        path: &Path,
        what: Entry,
    ) -> Option<usize> {
        let found = table.resolve(id);
        if found.is_none() {
            self.error(
                path,
                Message::UnknownId {
                    what,
                    id: id.to_owned(),
                    known: table.listing.iter().take(KNOWN_SHOWN).cloned().collect(),
                    more: table.listing.len() > KNOWN_SHOWN,
                },
            );
        }
        found
    }

    pub(super) fn references(
        &mut self,
        ids: Option<&[Str<'_>]>,
        path: &Path,
        table: &Table,
        what: Entry,
        at_least_one: bool,
    ) -> Vec<usize> {
        let ids = match ids {
            Some(ids) => ids,
            None if at_least_one => {
                self.error(path, Message::MissingReferences { what });
                return Vec::new();
            }
            None => return Vec::new(),
        };
        if ids.is_empty() && at_least_one {
            self.error(path, Message::NoReferences { what });
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
}
