//! An incident's casualty claims: who says how many, and where.

use serde_json::Value;

use super::collector::Validator;
use super::path::Path;
use super::references::Tables;
use crate::dataset::figure::Figure;
use crate::dataset::format::*;
use crate::dataset::message::{Entry, Message};
use crate::dataset::model::*;

impl Validator {
    pub(super) fn claim(
        &mut self,
        raw: RawClaim<'_>,
        path: &Path,
        t: &Tables,
        incident_sources: &[usize],
    ) -> Option<Claim> {
        let claimant_path = path.field("claimant");
        let claimant = self
            .required(raw.claimant.as_deref(), &claimant_path)
            .and_then(|id| self.reference(t.claimants, id, &claimant_path, Entry::Claimant));
        let source_path = path.field("source");
        let source = self
            .required(raw.source.as_deref(), &source_path)
            .and_then(|id| self.reference(t.sources, id, &source_path, Entry::Source));
        if let Some(s) = source {
            if !incident_sources.contains(&s) {
                self.warn(&source_path, Message::ClaimSourceNotListed);
            }
        }
        let mut figure = |value: Option<Value>, name: &'static str| {
            let value = value?;
            match Figure::decode(&value) {
                Ok(f) => Some(f),
                Err(message) => {
                    self.error(&path.field(name), message);
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
            self.warn(path, Message::NoFigure);
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
}
