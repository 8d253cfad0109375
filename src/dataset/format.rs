//! The JSON document as written (docs/dataset.md), before validation.
//!
//! Fields are optional and enumerations are plain strings here on purpose:
//! the loader then reports a missing field or an unknown value with its
//! path and keeps going, instead of stopping at serde's first complaint.

use serde::Deserialize;
use serde_json::Value;

use crate::text::Text;

#[derive(Debug, Default, Deserialize)]
pub struct RawDataset {
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
    #[serde(default)]
    pub incidents: Vec<RawIncident>,
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
pub struct RawIncident {
    pub id: Option<String>,
    pub title: Option<Text>,
    pub summary: Option<Text>,
    pub when: Option<RawWhen>,
    #[serde(rename = "where")]
    pub where_: Option<RawWhere>,
    pub patterns: Option<Vec<String>>,
    pub perpetrator: Option<RawPerpetrator>,
    pub target: Option<RawTarget>,
    #[serde(default)]
    pub casualties: Vec<RawClaim>,
    pub sources: Option<Vec<String>>,
    pub note: Option<Text>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RawWhen {
    pub start: Option<String>,
    pub end: Option<String>,
    pub precision: Option<String>,
    pub as_reported: Option<Text>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RawWhere {
    pub places: Option<Vec<RawPlace>>,
    pub as_reported: Option<Text>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RawPlace {
    pub name: Option<Text>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub precision: Option<String>,
    pub radius_km: Option<f64>,
    pub governorate: Option<String>,
    pub gazetteer: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RawPerpetrator {
    pub actor: Option<String>,
    pub attribution: Option<String>,
    #[serde(default)]
    pub according_to: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RawTarget {
    pub kind: Option<String>,
    pub description: Option<Text>,
    pub disputed: Option<Text>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RawClaim {
    pub claimant: Option<String>,
    pub source: Option<String>,
    pub killed: Option<Value>,
    pub wounded: Option<Value>,
    pub missing: Option<Value>,
    pub kidnapped: Option<Value>,
    pub killed_or_wounded: Option<Value>,
    pub victims: Option<Text>,
    pub date: Option<String>,
    pub note: Option<Text>,
}
