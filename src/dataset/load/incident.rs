//! Each incident: what happened, who is blamed, what was hit, and its
//! sources (its date, places and claims have their own modules).

use super::collector::Validator;
use super::path::Path;
use super::references::Tables;
use crate::dataset::format::*;
use crate::dataset::message::{Entry, Message};
use crate::dataset::model::*;

impl Validator {
    pub(super) fn incident(&mut self, i: usize, raw: RawIncident<'_>, t: &Tables) -> Incident {
        let root = Path::root("incidents");
        let path = root.index(i);
        let sources = self.references(
            raw.sources.as_deref(),
            &path.field("sources"),
            t.sources,
            Entry::Source,
            true,
        );
        let patterns = self.references(
            raw.patterns.as_deref(),
            &path.field("patterns"),
            t.patterns,
            Entry::Pattern,
            true,
        );
        let pattern_interpretations = self.interpretations(
            &raw.pattern_interpretations,
            &path.field("pattern_interpretations"),
            t,
            &patterns,
        );
        let where_as_reported_translated = match raw.where_.as_ref() {
            Some(w) => self.translated(
                &w.as_reported_translated,
                w.as_reported.as_ref(),
                &path.field("where").field("as_reported_translated"),
            ),
            None => Vec::new(),
        };
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
            patterns,
            pattern_interpretations,
            where_as_reported_translated,
            perpetrator: self.perpetrator(raw.perpetrator, &path.field("perpetrator"), t),
            target: raw.target.map(|target| {
                let p = path.field("target");
                Target {
                    kind: self
                        .vocabulary(
                            target.kind.as_deref(),
                            &p.field("kind"),
                            TargetKind::parse,
                            TargetKind::ids,
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

    /// Each interpretation names one of the incident's own patterns, once,
    /// and says what it rests on.
    fn interpretations(
        &mut self,
        raw: &[RawInterpretation<'_>],
        path: &Path,
        t: &Tables,
        patterns: &[usize],
    ) -> Vec<PatternInterpretation> {
        let mut out: Vec<PatternInterpretation> = Vec::new();
        for (k, r) in raw.iter().enumerate() {
            let at = path.index(k);
            let pattern_path = at.field("pattern");
            let pattern = self
                .required(r.pattern.as_deref(), &pattern_path)
                .and_then(|id| self.reference(t.patterns, id, &pattern_path, Entry::Pattern));
            let basis = self.text(r.basis.clone(), &at.field("basis"));
            let (Some(pattern), Some(basis)) = (pattern, basis) else {
                continue;
            };
            let id = r.pattern.as_deref().unwrap_or_default().to_owned();
            if !patterns.contains(&pattern) {
                self.error(&pattern_path, Message::InterpretsUnlistedPattern { id });
            } else if out.iter().any(|i| i.pattern == pattern) {
                self.error(&pattern_path, Message::InterpretedTwice { id });
            } else {
                out.push(PatternInterpretation { pattern, basis });
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
            .and_then(|id| self.reference(t.actors, id, &path.field("actor"), Entry::Actor));
        out.attribution = self
            .vocabulary(
                raw.attribution.as_deref(),
                &path.field("attribution"),
                Attribution::parse,
                Attribution::ids,
            )
            .unwrap_or(Attribution::Unknown);
        out.according_to = self.references(
            Some(&raw.according_to),
            &path.field("according_to"),
            t.sources,
            Entry::Source,
            false,
        );
        if raw.actor.is_none() && out.attribution != Attribution::Unknown {
            self.warn(
                &path.field("attribution"),
                Message::AttributionWithoutActor {
                    attribution: out.attribution,
                },
            );
        }
        out
    }
}
