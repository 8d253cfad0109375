//! The document's meta and its tables' entries: patterns, actors,
//! claimants and sources.

use super::collector::Validator;
use super::path::Path;
use super::references::Tables;
use super::url::is_web_link;
use crate::dataset::format::*;
use crate::dataset::message::{Entry, Message};
use crate::dataset::model::*;
use crate::text::Lang;

impl Validator {
    pub(super) fn meta(&mut self, raw: Option<RawMeta>, tables: &Tables) -> Meta {
        let root = Path::root("meta");
        let Some(raw) = self.required(raw, &root) else {
            return Meta::default();
        };
        let default_language = raw.default_language.as_deref().and_then(|code| {
            let lang = Lang::from_code(code);
            if lang.is_none() {
                self.error(
                    &root.field("default_language"),
                    Message::NotOneOf {
                        got: code.to_owned(),
                        allowed: "ar, en".into(),
                    },
                );
            }
            lang
        });
        let view = root.field("default_view");
        let default_region = raw.default_view.and_then(|v| {
            let region = view.field("region");
            v.region
                .as_deref()
                .and_then(|r| self.vocabulary(Some(r), &region, Region::parse, Region::ids))
        });
        Meta {
            title: self
                .text(raw.title, &root.field("title"))
                .unwrap_or_default(),
            description: self.optional_text(raw.description, &root.field("description")),
            attribution: self.optional_text(raw.attribution, &root.field("attribution")),
            updated: self.optional_date(raw.updated, &root.field("updated")),
            primary_source: raw.primary_source.and_then(|id| {
                self.reference(
                    tables.sources,
                    &id,
                    &root.field("primary_source"),
                    Entry::Source,
                )
            }),
            default_language,
            default_region,
        }
    }

    pub(super) fn patterns(&mut self, raw: &[RawPattern]) -> Vec<Pattern> {
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
                    self.error(&color_path, Message::BadColour { got: color.clone() });
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
                            Shape::ids,
                        )
                        .unwrap_or(Shape::Circle),
                }
            })
            .collect()
    }

    pub(super) fn actors(&mut self, raw: &[RawNamed]) -> Vec<Actor> {
        raw.iter()
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
            .collect()
    }

    pub(super) fn claimants(&mut self, raw: &[RawClaimant]) -> Vec<Claimant> {
        raw.iter()
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
                            ClaimantKind::ids,
                        )
                        .unwrap_or(ClaimantKind::Other),
                }
            })
            .collect()
    }

    pub(super) fn source(&mut self, i: usize, raw: RawSource) -> Source {
        let root = Path::root("sources");
        let path = root.index(i);
        let url_path = path.field("url");
        let url = raw.url.and_then(|url| {
            if is_web_link(&url) {
                Some(url)
            } else {
                self.error(&url_path, Message::UnsafeUrl { got: url });
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
}
