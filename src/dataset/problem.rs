//! A located problem in a dataset, in words a journalist understands, in
//! Arabic or English (see [`Message`]).

use std::fmt;

use super::message::Message;
use crate::text::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The dataset loads but something deserves a look.
    Warning,
    /// The dataset cannot be shown until this is fixed.
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// Where in the document, e.g. `incidents[2].where.places[0].lat`.
    /// The same in every language: it names the file's own keys.
    pub path: String,
    pub message: Message,
}

impl Problem {
    /// An error; a plain string becomes [`Message::Untranslated`].
    pub fn error(path: impl Into<String>, message: impl Into<Message>) -> Problem {
        Problem {
            severity: Severity::Error,
            path: path.into(),
            message: message.into(),
        }
    }

    /// A warning; a plain string becomes [`Message::Untranslated`].
    pub fn warning(path: impl Into<String>, message: impl Into<Message>) -> Problem {
        Problem {
            severity: Severity::Warning,
            path: path.into(),
            message: message.into(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// "path: message", with the message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        if self.path.is_empty() {
            self.message.text(lang)
        } else {
            format!("{}: {}", self.path, self.message.text(lang))
        }
    }
}

/// In English.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}
