//! The JSON document as written (docs/dataset.md), before validation.
//!
//! Fields are optional and enumerations are plain strings here on purpose:
//! the loader then reports a missing field or an unknown value with its
//! path and keeps going, instead of stopping at serde's first complaint.
//!
//! Strings that are only looked at (enumerations, references) borrow from
//! the JSON text (`Str<'a>`): at 100,000 incidents, allocating each
//! of them was a third of the loading time.

use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;

use serde::de::{Deserializer, Visitor};
use serde::Deserialize;
use serde_json::Value;

use crate::text::Text;

/// A string that borrows from the JSON text when it can (no escapes) and
/// owns a copy when it must. serde's own `Cow<str>` only borrows as a bare
/// field, not inside `Option` or `Vec`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Str<'a>(pub Cow<'a, str>);

impl Deref for Str<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Str<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StrVisitor;
        impl<'de> Visitor<'de> for StrVisitor {
            type Value = Str<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("text")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(StrVisitor)
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct RawDataset<'a> {
    pub format: Option<String>,
    pub version: Option<Value>,
    pub meta: Option<RawMeta>,
    #[serde(default)]
    pub patterns: Vec<RawPattern>,
    #[serde(default)]
    pub actors: Vec<RawNamed>,
    #[serde(default)]
    pub claimants: Vec<RawClaimant>,
    #[serde(default)]
    pub sources: Vec<RawSource>,
    #[serde(default, borrow)]
    pub incidents: Vec<RawIncident<'a>>,
    /// A guided story through the data (src/story), validated once the
    /// incidents are.
    pub story: Option<Value>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RawMeta {
    pub title: Option<Text>,
    pub description: Option<Text>,
    pub attribution: Option<Text>,
    pub updated: Option<String>,
    pub primary_source: Option<String>,
    pub default_language: Option<String>,
    pub default_view: Option<RawView>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RawView {
    pub region: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RawPattern {
    pub id: Option<String>,
    pub label: Option<Text>,
    pub description: Option<Text>,
    pub color: Option<String>,
    pub shape: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RawNamed {
    pub id: Option<String>,
    pub name: Option<Text>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RawClaimant {
    pub id: Option<String>,
    pub name: Option<Text>,
    pub kind: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RawSource {
    pub id: Option<String>,
    pub outlet: Option<Text>,
    pub title: Option<Text>,
    pub url: Option<String>,
    pub date: Option<String>,
    pub language: Option<String>,
    pub quote: Option<Text>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RawIncident<'a> {
    pub id: Option<String>,
    pub title: Option<Text>,
    pub summary: Option<Text>,
    #[serde(borrow)]
    pub when: Option<RawWhen<'a>>,
    #[serde(rename = "where", borrow)]
    pub where_: Option<RawWhere<'a>>,
    #[serde(borrow)]
    pub patterns: Option<Vec<Str<'a>>>,
    #[serde(borrow)]
    pub perpetrator: Option<RawPerpetrator<'a>>,
    #[serde(borrow)]
    pub target: Option<RawTarget<'a>>,
    #[serde(default, borrow)]
    pub casualties: Vec<RawClaim<'a>>,
    #[serde(borrow)]
    pub sources: Option<Vec<Str<'a>>>,
    pub note: Option<Text>,
    /// Patterns of this incident that are the compiler's reading, not a
    /// report's: each with what it rests on.
    #[serde(default, borrow)]
    pub pattern_interpretations: Vec<RawInterpretation<'a>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RawInterpretation<'a> {
    #[serde(borrow)]
    pub pattern: Option<Str<'a>>,
    pub basis: Option<Text>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RawWhen<'a> {
    #[serde(borrow)]
    pub start: Option<Str<'a>>,
    #[serde(borrow)]
    pub end: Option<Str<'a>>,
    #[serde(borrow)]
    pub precision: Option<Str<'a>>,
    pub as_reported: Option<Text>,
    /// The time of day is approximate ("about 4 pm").
    #[serde(default)]
    pub approximate_time: Option<bool>,
    /// Languages of `as_reported` that are the compiler's translation.
    #[serde(default, borrow)]
    pub as_reported_translated: Vec<Str<'a>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RawWhere<'a> {
    #[serde(borrow)]
    pub places: Option<Vec<RawPlace<'a>>>,
    pub as_reported: Option<Text>,
    /// Languages of `as_reported` that are the compiler's translation.
    #[serde(default, borrow)]
    pub as_reported_translated: Vec<Str<'a>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RawPlace<'a> {
    pub name: Option<Text>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    #[serde(borrow)]
    pub precision: Option<Str<'a>>,
    pub radius_km: Option<f64>,
    #[serde(borrow)]
    pub governorate: Option<Str<'a>>,
    pub gazetteer: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RawPerpetrator<'a> {
    #[serde(borrow)]
    pub actor: Option<Str<'a>>,
    #[serde(borrow)]
    pub attribution: Option<Str<'a>>,
    #[serde(default, borrow)]
    pub according_to: Vec<Str<'a>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RawTarget<'a> {
    #[serde(borrow)]
    pub kind: Option<Str<'a>>,
    pub description: Option<Text>,
    pub disputed: Option<Text>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RawClaim<'a> {
    #[serde(borrow)]
    pub claimant: Option<Str<'a>>,
    #[serde(borrow)]
    pub source: Option<Str<'a>>,
    pub killed: Option<Value>,
    pub wounded: Option<Value>,
    pub missing: Option<Value>,
    pub kidnapped: Option<Value>,
    pub killed_or_wounded: Option<Value>,
    pub victims: Option<Text>,
    pub date: Option<String>,
    pub note: Option<Text>,
}
