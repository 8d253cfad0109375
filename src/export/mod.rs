//! Export of the shown incidents: CSV for spreadsheets and GeoJSON for GIS
//! tools. Both carry the same flat table (one row per incident), whose
//! column names the spreadsheet importer recognises, so an export
//! re-imports to the same incidents.

pub mod csv;
pub mod geojson;

use crate::dataset::{Dataset, Figure, Incident};
use crate::text::Text;
use crate::time::{CivilDateTime, DAY};

/// The flat table: a header and one row of cells per incident.
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// A figure as the interface writes it: 5, ~27, ≥37, >15, 23–26.
pub fn figure_text(f: &Figure) -> String {
    match f {
        Figure::Exact(n) => n.to_string(),
        Figure::Approx(n) => format!("~{n}"),
        Figure::AtLeast(n) => format!("≥{n}"),
        Figure::MoreThan(n) => format!(">{n}"),
        Figure::Range(a, b) => format!("{a}–{b}"),
        Figure::Words(t) => t.en.clone().or(t.ar.clone()).unwrap_or_default(),
    }
}

fn date_text(t: i64, has_time: bool) -> String {
    let d = CivilDateTime::from_seconds(t);
    if has_time {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}",
            d.year, d.month, d.day, d.hour, d.minute
        )
    } else {
        format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
    }
}

/// The last day of an incident (the model's end is exclusive for dates).
fn end_text(i: &Incident) -> String {
    if i.when.has_time {
        date_text(i.when.end, true)
    } else {
        date_text(i.when.end - DAY, false)
    }
}

fn en(t: &Text) -> String {
    t.en.clone().unwrap_or_default()
}

fn ar(t: &Text) -> String {
    t.ar.clone().unwrap_or_default()
}

/// A download's file name from a dataset's title: lowercase letters and
/// digits (any script) joined by dashes, 60 characters at most;
/// "incidents" when nothing is left.
pub fn file_stem(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out: String = out.trim_end_matches('-').chars().take(60).collect();
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "incidents".to_owned()
    } else {
        out.to_owned()
    }
}

/// The table of the incidents at `shown` (indexes into the dataset).
pub fn table(dataset: &Dataset, shown: &[usize]) -> Table {
    let mut header: Vec<String> = [
        "id",
        "date",
        "date_end",
        "date_precision",
        "title_en",
        "title_ar",
        "summary_en",
        "summary_ar",
        "place_en",
        "place_ar",
        "lat",
        "lon",
        "place_precision",
        "radius_km",
        "governorate",
        "patterns_en",
        "patterns_ar",
        "actor",
        "attribution",
        "sources",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // Each claimant's figures in their own columns, only for claimants
    // that appear among the shown incidents.
    let mut claimants: Vec<usize> = shown
        .iter()
        .filter_map(|&i| dataset.incidents.get(i))
        .flat_map(|inc| inc.claims.iter().map(|c| c.claimant))
        .collect();
    claimants.sort_unstable();
    claimants.dedup();
    let claimant_name = |c: usize| {
        dataset
            .claimants
            .get(c)
            .map(|c| {
                c.name
                    .en
                    .clone()
                    .or(c.name.ar.clone())
                    .unwrap_or(c.id.clone())
            })
            .unwrap_or_default()
    };
    for &c in &claimants {
        header.push(format!("killed ({})", claimant_name(c)));
        header.push(format!("wounded ({})", claimant_name(c)));
    }
    let rows = shown
        .iter()
        .filter_map(|&i| dataset.incidents.get(i))
        .map(|inc| {
            let place = inc.places.first();
            let labels = |pick: fn(&Text) -> String| {
                let v: Vec<String> = inc
                    .patterns
                    .iter()
                    .filter_map(|&p| dataset.patterns.get(p))
                    .map(|p| pick(&p.label))
                    .collect();
                if v.iter().all(String::is_empty) {
                    String::new()
                } else {
                    v.join("; ")
                }
            };
            let mut row = vec![
                inc.id.clone(),
                date_text(inc.when.start, inc.when.has_time),
                end_text(inc),
                inc.when.precision.id().to_owned(),
                en(&inc.title),
                ar(&inc.title),
                inc.summary.as_ref().map(en).unwrap_or_default(),
                inc.summary.as_ref().map(ar).unwrap_or_default(),
                place.map(|p| en(&p.name)).unwrap_or_default(),
                place.map(|p| ar(&p.name)).unwrap_or_default(),
                place.map(|p| p.lat.to_string()).unwrap_or_default(),
                place.map(|p| p.lon.to_string()).unwrap_or_default(),
                place
                    .map(|p| p.precision.id().to_owned())
                    .unwrap_or_default(),
                place.map(|p| p.radius_km.to_string()).unwrap_or_default(),
                place
                    .and_then(|p| p.governorate.as_deref().map(str::to_owned))
                    .unwrap_or_default(),
                labels(en),
                labels(ar),
                inc.perpetrator
                    .actor
                    .and_then(|a| dataset.actors.get(a))
                    .map(|a| a.name.en.clone().or(a.name.ar.clone()).unwrap_or_default())
                    .unwrap_or_default(),
                inc.perpetrator.attribution.id().to_owned(),
                inc.sources
                    .iter()
                    .filter_map(|&s| dataset.sources.get(s))
                    .map(|s| {
                        s.outlet
                            .en
                            .clone()
                            .or(s.outlet.ar.clone())
                            .unwrap_or_default()
                    })
                    .collect::<Vec<_>>()
                    .join(" | "),
            ];
            for &c in &claimants {
                let claim = inc.claims.iter().find(|k| k.claimant == c);
                row.push(
                    claim
                        .and_then(|k| k.killed.as_ref())
                        .map(figure_text)
                        .unwrap_or_default(),
                );
                row.push(
                    claim
                        .and_then(|k| k.wounded.as_ref())
                        .map(figure_text)
                        .unwrap_or_default(),
                );
            }
            row
        })
        .collect();
    Table { header, rows }
}

#[cfg(test)]
mod tests {
    use super::file_stem;

    #[test]
    fn file_stems_are_safe_names() {
        assert_eq!(file_stem("ACLED: Syria, 2020"), "acled-syria-2020");
        assert_eq!(file_stem("هجمات البادية"), "هجمات-البادية");
        assert_eq!(file_stem("../../etc/passwd"), "etc-passwd");
        assert_eq!(file_stem("  ***  "), "incidents");
        assert!(file_stem(&"a ".repeat(100)).len() <= 60);
    }
}
