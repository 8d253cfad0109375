//! What each value of a listed facet is called, in the reader's language.

use std::collections::HashMap;

use super::{nobody_named, Facet};
use crate::dataset::{
    governorate_name, Attribution, Dataset, DatePrecision, PlacePrecision, TargetKind, GOVERNORATES,
};
use crate::geo::Region;
use crate::i18n::{
    attribution_label, date, place_precision_label, precision_label, t, target_label, Key,
};
use crate::text::Lang;
use crate::time::CivilDateTime;

/// The labels of a dataset's facet values, in both languages. Built once
/// per dataset, since telling sources apart looks at the whole table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetLabels {
    /// Per [`Dataset::sources`] index: English, Arabic.
    sources: Vec<[String; 2]>,
}

impl FacetLabels {
    pub fn new(dataset: &Dataset) -> FacetLabels {
        let en = source_labels(dataset, Lang::En);
        let ar = source_labels(dataset, Lang::Ar);
        FacetLabels {
            sources: en.into_iter().zip(ar).map(|(en, ar)| [en, ar]).collect(),
        }
    }

    /// The label of value `value` of a listed facet (empty for a value the
    /// facet does not have).
    pub fn label(&self, dataset: &Dataset, facet: Facet, value: usize, lang: Lang) -> String {
        match facet {
            Facet::Actor if value == nobody_named(dataset) => t(lang, Key::NobodyNamed).to_owned(),
            Facet::Pattern => dataset
                .patterns
                .get(value)
                .map(|p| p.label.pick(lang).to_owned())
                .unwrap_or_default(),
            Facet::Actor => dataset
                .actors
                .get(value)
                .map(|a| a.name.pick(lang).to_owned())
                .unwrap_or_default(),
            Facet::Attribution => Attribution::ALL
                .get(value)
                .map(|a| attribution_label(lang, *a).to_owned())
                .unwrap_or_default(),
            Facet::Target => TargetKind::ALL
                .get(value)
                .map(|k| target_label(lang, *k).to_owned())
                .unwrap_or_default(),
            Facet::Governorate => GOVERNORATES
                .get(value)
                .and_then(|g| governorate_name(g.0, lang))
                .unwrap_or_else(|| t(lang, Key::OtherGovernorate))
                .to_owned(),
            Facet::Region => Region::ALL
                .get(value)
                .map(|r| t(lang, region_key(*r)).to_owned())
                .unwrap_or_default(),
            Facet::Claimant => dataset
                .claimants
                .get(value)
                .map(|c| c.name.pick(lang).to_owned())
                .unwrap_or_default(),
            Facet::Source => self
                .sources
                .get(value)
                .map(|both| both[usize::from(lang == Lang::Ar)].clone())
                .unwrap_or_default(),
            Facet::DatePrecision => DatePrecision::ALL
                .get(value)
                .map(|p| precision_label(lang, *p).to_owned())
                .unwrap_or_default(),
            Facet::PlacePrecision => PlacePrecision::ALL
                .get(value)
                .map(|p| place_precision_label(lang, *p).to_owned())
                .unwrap_or_default(),
            Facet::Killed | Facet::Time | Facet::Text => String::new(),
        }
    }
}

fn region_key(region: Region) -> Key {
    match region {
        Region::Syria => Key::RegionSyria,
        Region::Badia => Key::RegionBadia,
        Region::DeirEzZor => Key::RegionDeirEzZor,
        Region::Damascus => Key::RegionDamascus,
    }
}

/// Each source's outlet, and where several sources share an outlet, what
/// tells them apart: their title, else their date, else the title of the
/// first incident that cites them; and their id if that still is not
/// enough. "SANA" three times would leave the reader guessing.
fn source_labels(dataset: &Dataset, lang: Lang) -> Vec<String> {
    let outlets: Vec<&str> = dataset
        .sources
        .iter()
        .map(|s| s.outlet.pick(lang))
        .collect();
    let mut per_outlet: HashMap<&str, usize> = HashMap::new();
    for outlet in &outlets {
        *per_outlet.entry(outlet).or_default() += 1;
    }
    let mut first_citer: Vec<Option<usize>> = vec![None; dataset.sources.len()];
    for (i, incident) in dataset.incidents.iter().enumerate() {
        for &s in &incident.sources {
            if let Some(slot @ None) = first_citer.get_mut(s) {
                *slot = Some(i);
            }
        }
    }
    let labels: Vec<String> = dataset
        .sources
        .iter()
        .zip(&outlets)
        .zip(&first_citer)
        .map(|((source, outlet), citer)| {
            if per_outlet.get(outlet).copied().unwrap_or(0) < 2 {
                return (*outlet).to_owned();
            }
            let date = source
                .date
                .as_deref()
                .and_then(|d| CivilDateTime::parse(d).ok())
                .map(|d| date(lang, d.to_seconds(), d.has_time));
            let detail = match (&source.title, date) {
                (Some(title), Some(date)) => Some(format!("{}, {date}", title.pick(lang))),
                (Some(title), None) => Some(title.pick(lang).to_owned()),
                (None, Some(date)) => Some(date),
                (None, None) => citer
                    .and_then(|i| dataset.incidents.get(i))
                    .map(|incident| incident.title.pick(lang).to_owned()),
            };
            match detail {
                Some(detail) => format!("{outlet}: {detail}"),
                None => (*outlet).to_owned(),
            }
        })
        .collect();
    let mut uses: HashMap<&str, usize> = HashMap::new();
    for label in &labels {
        *uses.entry(label).or_default() += 1;
    }
    labels
        .iter()
        .zip(&dataset.sources)
        .map(|(label, source)| {
            if uses.get(label.as_str()).copied().unwrap_or(0) > 1 {
                format!("{label} ({})", source.id)
            } else {
                label.clone()
            }
        })
        .collect()
}
