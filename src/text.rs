//! Bilingual text as it appears in datasets and the basemap.

use serde::{Deserialize, Serialize};

/// A language the interface speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Ar,
    En,
}

impl Lang {
    /// The BCP 47 code used in the URL and in `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "ar" => Some(Lang::Ar),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Text direction, for the `dir` attribute.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            Lang::En => "ltr",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Ar => Lang::En,
            Lang::En => Lang::Ar,
        }
    }
}

/// A text in Arabic and/or English. At least one is present in valid data.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ar: Option<String>,
}

/// A text picked for a language, saying whether it had to fall back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Localized<'a> {
    pub text: &'a str,
    /// The language the text is actually in.
    pub lang: Lang,
    /// True when the wanted language was missing and the other was used.
    pub is_fallback: bool,
}

impl Text {
    pub fn new(en: &str, ar: &str) -> Text {
        Text {
            en: Some(en.to_owned()),
            ar: Some(ar.to_owned()),
        }
    }

    fn in_lang(&self, lang: Lang) -> Option<&str> {
        let value = match lang {
            Lang::Ar => self.ar.as_deref(),
            Lang::En => self.en.as_deref(),
        };
        value.filter(|s| !s.trim().is_empty())
    }

    /// The text in `lang`, else in the other language (marked as a fallback).
    pub fn get(&self, lang: Lang) -> Option<Localized<'_>> {
        if let Some(text) = self.in_lang(lang) {
            return Some(Localized {
                text,
                lang,
                is_fallback: false,
            });
        }
        self.in_lang(lang.other()).map(|text| Localized {
            text,
            lang: lang.other(),
            is_fallback: true,
        })
    }

    /// The language a page in `page` shows this text in, if any.
    pub fn shown_in(&self, page: Lang) -> Option<Lang> {
        self.get(page).map(|l| l.lang)
    }

    /// The text in `lang` or the other language, or "" when there is none.
    pub fn pick(&self, lang: Lang) -> &str {
        self.get(lang).map(|l| l.text).unwrap_or("")
    }

    pub fn is_empty(&self) -> bool {
        self.in_lang(Lang::Ar).is_none() && self.in_lang(Lang::En).is_none()
    }

    /// Both languages, for search.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        self.en.iter().chain(self.ar.iter()).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_shown_in_the_page_language_or_else_the_other() {
        let both = Text::new("x", "س");
        assert_eq!(both.shown_in(Lang::En), Some(Lang::En));
        let arabic_only = Text {
            en: None,
            ar: Some("س".into()),
        };
        assert_eq!(arabic_only.shown_in(Lang::En), Some(Lang::Ar));
        assert_eq!(Text::default().shown_in(Lang::Ar), None);
    }

    #[test]
    fn picks_language_and_falls_back() {
        let t = Text {
            en: Some("Bus".into()),
            ar: None,
        };
        let en = t.get(Lang::En).expect("english");
        assert_eq!((en.text, en.is_fallback), ("Bus", false));
        let ar = t.get(Lang::Ar).expect("fallback");
        assert_eq!((ar.text, ar.lang, ar.is_fallback), ("Bus", Lang::En, true));
    }

    #[test]
    fn blank_counts_as_missing() {
        let t = Text {
            en: Some("  ".into()),
            ar: Some("حافلة".into()),
        };
        assert_eq!(t.get(Lang::En).map(|l| l.text), Some("حافلة"));
        assert!(Text::default().is_empty());
        assert!(Text::default().get(Lang::Ar).is_none());
    }
}
