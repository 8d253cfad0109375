//! The problem collector, and the checks every part of a dataset uses.

use super::path::Path;
use crate::dataset::message::Message;
use crate::dataset::problem::Problem;
use crate::text::{Lang, Text};
use crate::time::CivilDateTime;

/// Collects every problem found, so that one pass reports them all.
#[derive(Default)]
pub(super) struct Validator {
    pub(super) problems: Vec<Problem>,
}

impl Validator {
    pub(super) fn error(&mut self, path: &Path, message: Message) {
        self.problems.push(Problem::error(path.render(), message));
    }

    pub(super) fn warn(&mut self, path: &Path, message: Message) {
        self.problems.push(Problem::warning(path.render(), message));
    }

    pub(super) fn required<T>(&mut self, value: Option<T>, path: &Path) -> Option<T> {
        if value.is_none() {
            self.error(path, Message::Missing);
        }
        value
    }

    pub(super) fn text(&mut self, value: Option<Text>, path: &Path) -> Option<Text> {
        let text = self.required(value, path)?;
        if text.is_empty() {
            self.error(path, Message::NoText);
            return None;
        }
        Some(text)
    }

    pub(super) fn optional_text(&mut self, value: Option<Text>, path: &Path) -> Option<Text> {
        value.and_then(|t| self.text(Some(t), path))
    }

    pub(super) fn date(&mut self, value: &str, path: &Path) -> Option<CivilDateTime> {
        match CivilDateTime::parse(value) {
            Ok(d) => Some(d),
            Err(detail) => {
                self.error(
                    path,
                    Message::BadDate {
                        value: value.to_owned(),
                        detail,
                    },
                );
                None
            }
        }
    }

    pub(super) fn optional_date(&mut self, value: Option<String>, path: &Path) -> Option<String> {
        let value = value?;
        self.date(&value, path).map(|_| value)
    }

    /// The languages an `as_reported_translated` list marks as the
    /// compiler's translation: each must be a language the text has.
    pub(super) fn translated(
        &mut self,
        codes: &[crate::dataset::format::Str<'_>],
        text: Option<&Text>,
        path: &Path,
    ) -> Vec<Lang> {
        let mut out = Vec::new();
        for (k, code) in codes.iter().enumerate() {
            let at = path.index(k);
            let lang = match &**code {
                "ar" => Lang::Ar,
                "en" => Lang::En,
                _ => {
                    self.error(
                        &at,
                        Message::NotOneOf {
                            got: code.to_string(),
                            allowed: "ar, en".into(),
                        },
                    );
                    continue;
                }
            };
            let has = text.is_some_and(|t| match lang {
                Lang::Ar => t.ar.is_some(),
                Lang::En => t.en.is_some(),
            });
            if !has {
                self.error(&at, Message::TranslationOfNoText { lang: lang.code() });
            } else if !out.contains(&lang) {
                out.push(lang);
            }
        }
        out
    }

    pub(super) fn vocabulary<T>(
        &mut self,
        value: Option<&str>,
        path: &Path,
        parse: fn(&str) -> Option<T>,
        ids: fn() -> String,
    ) -> Option<T> {
        let value = self.required(value, path)?;
        let parsed = parse(value);
        if parsed.is_none() {
            self.error(
                path,
                Message::NotOneOf {
                    got: value.to_owned(),
                    allowed: ids(),
                },
            );
        }
        parsed
    }
}
