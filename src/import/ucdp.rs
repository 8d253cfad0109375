//! UCDP GED (CSV as UCDP's download writes it). The mapping, column by
//! column, is in docs/dataset.md.

use super::csv::Record;
use super::dates::{parse_date, Date, DayMonth};
use super::digits::parse_count;
use super::document::{
    self, en, text_of, Claim, Figure, Incident, Perpetrator, Place, Target, When, Where,
};
use super::{coordinates, Columns, Context, ImportError, Located, Row, RowProblem};

pub const REQUIRED: [&str; 4] = ["date_start", "latitude", "longitude", "best"];

/// Columns only UCDP GED uses, to recognise its files.
pub const TELLTALE: [&str; 6] = [
    "type_of_violence",
    "where_prec",
    "date_prec",
    "side_a",
    "dyad_name",
    "deaths_civilians",
];

pub struct UcdpRows {
    pub columns: Columns,
}

/// UCDP's date_prec (1 the day, 2 two to six days, 3 a week, 4 a month,
/// 5 more than a month within a year) as the format's precision. The span
/// is UCDP's own date_start … date_end.
pub fn date_precision(date_prec: Option<&str>) -> Result<&'static str, String> {
    match date_prec.map(str::trim) {
        None | Some("1") => Ok("exact"),
        Some("2") => Ok("days"),
        Some("3") => Ok("week"),
        Some("4") => Ok("month"),
        Some("5") => Ok("season"),
        Some(other) => Err(format!("expected 1 to 5, got {other:?}")),
    }
}

/// UCDP's where_prec (1 the exact place … 7 international waters or
/// airspace) as a place precision and radius.
pub fn place_precision(where_prec: Option<&str>) -> Result<(&'static str, f64), String> {
    match where_prec.map(str::trim) {
        None | Some("1") => Ok(("exact", 2.0)),
        // Within about 25 km of a known point.
        Some("2") => Ok(("near", 25.0)),
        // A second-order division (district).
        Some("3") => Ok(("area", 50.0)),
        // A first-order division (governorate).
        Some("4") => Ok(("region", 100.0)),
        // A linear feature or larger area between divisions.
        Some("5") => Ok(("region", 150.0)),
        // Only the country, or international waters and airspace.
        Some("6") | Some("7") => Ok(("region", 300.0)),
        Some(other) => Err(format!("expected 1 to 7, got {other:?}")),
    }
}

/// UCDP's types of violence.
pub fn violence_type(code: Option<&str>) -> Result<&'static str, String> {
    match code.map(str::trim) {
        Some("1") => Ok("State-based violence"),
        Some("2") => Ok("Non-state violence"),
        Some("3") => Ok("One-sided violence"),
        None => Ok("Unspecified violence"),
        Some(other) => Err(format!("expected 1, 2 or 3, got {other:?}")),
    }
}

/// The killed figure: low–high as a range when they differ, the best
/// estimate given in the claim's note.
pub fn killed(best: u32, low: Option<u32>, high: Option<u32>) -> Figure {
    let low = low.unwrap_or(best).min(best);
    let high = high.unwrap_or(best).max(best);
    if low == high {
        Figure::Exact(best)
    } else {
        Figure::Range {
            min: low,
            max: high,
        }
    }
}

impl UcdpRows {
    pub fn new(columns: Columns) -> Result<UcdpRows, ImportError> {
        columns.require(&REQUIRED, "UCDP GED")?;
        Ok(UcdpRows { columns })
    }

    pub(crate) fn row(&mut self, record: &Record, ctx: &mut Context) {
        let row = Row {
            record,
            columns: &self.columns,
        };
        if let Err(problem) = incident(&row, ctx) {
            ctx.report.skip(problem);
        }
    }

    pub(crate) fn meta(&self, ctx: &Context) -> document::Meta {
        document::Meta {
            title: en(ctx.options.title.clone().unwrap_or_else(|| "UCDP GED events".into())),
            description: Some(en("Events imported from the UCDP Georeferenced Event Dataset. Deaths are UCDP's low–high estimates, with the best estimate noted.")),
            attribution: Some(en("Uppsala Conflict Data Program (UCDP), ucdp.uu.se")),
        }
    }
}

fn date(row: &Row, column: &str, order: DayMonth) -> Result<Date, RowProblem> {
    parse_date(row.get(column).unwrap_or(""))
        .and_then(|c| c.resolve(order))
        .map(Date::day_only)
        .map_err(|e| row.problem(column, e))
}

fn count(row: &Row, column: &str) -> Result<Option<u32>, RowProblem> {
    parse_count(row.get(column).unwrap_or("")).map_err(|e| row.problem(column, e))
}

fn incident(row: &Row, ctx: &mut Context) -> Result<(), RowProblem> {
    let n = row.number();
    let order = ctx.options.day_month.unwrap_or(DayMonth::DayFirst);
    let start = date(row, "date_start", order)?;
    let end = match row.get("date_end") {
        Some(_) => date(row, "date_end", order)?,
        None => start,
    };
    if end < start {
        return Err(row.problem(
            "date_end",
            format!(
                "{} is before date_start {}",
                end.to_format(),
                start.to_format()
            ),
        ));
    }
    let precision =
        date_precision(row.get("date_prec")).map_err(|e| row.problem("date_prec", e))?;
    // A span of several days is never "exact", whatever date_prec says.
    let precision = if precision == "exact" && end != start {
        "days"
    } else {
        precision
    };
    let (lat, lon) = coordinates(row, "latitude", "longitude")?;
    let (place_prec, radius) =
        place_precision(row.get("where_prec")).map_err(|e| row.problem("where_prec", e))?;
    let violence = violence_type(row.get("type_of_violence"))
        .map_err(|e| row.problem("type_of_violence", e))?;
    let best = count(row, "best")?.ok_or_else(|| row.problem("best", "no best estimate given"))?;
    let figure = killed(best, count(row, "low")?, count(row, "high")?);
    let breakdown: Vec<String> = [
        ("deaths_a", "side A"),
        ("deaths_b", "side B"),
        ("deaths_civilians", "civilians"),
        ("deaths_unknown", "unknown"),
    ]
    .iter()
    .filter_map(|(c, label)| Some(format!("{label} {}", count(row, c).ok()??)))
    .collect();

    let name = row
        .get("where_coordinates")
        .or(row.get("adm_2"))
        .or(row.get("adm_1"));
    let place = Place {
        name: text_of(name.unwrap_or("(no place named)")),
        lat,
        lon,
        precision: place_prec.into(),
        radius_km: Some(radius),
        governorate: None,
    };
    let place = match ctx.locate(n, place, row.get("country"), row.get("adm_1")) {
        Located::In(p) => p,
        Located::Outside(c) => {
            ctx.report.leave_out(&c);
            return Ok(());
        }
    };

    let b = &mut ctx.builder;
    let pattern = b.pattern(&en(violence), None);
    let articles: Vec<&str> = row
        .get("source_article")
        .map(|s| {
            s.split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let headlines: Vec<&str> = row
        .get("source_headline")
        .map(|s| s.split(';').map(str::trim).collect())
        .unwrap_or_default();
    let mut sources: Vec<String> = Vec::new();
    for (k, article) in articles.iter().enumerate() {
        // Headlines pair with articles only when the counts agree.
        let title = (headlines.len() == articles.len())
            .then(|| {
                headlines
                    .get(k)
                    .filter(|h| !h.is_empty())
                    .map(|h| text_of(h))
            })
            .flatten();
        let id = b.source_with(article, title, None);
        if !sources.contains(&id) {
            sources.push(id);
        }
    }
    if sources.is_empty() {
        sources.push(b.source("UCDP GED (no source article named)"));
    }
    let side_a = row.get("side_a").map(|a| b.actor(a));
    let one_sided = row.get("type_of_violence") == Some("3");
    let claimant = b.claimant("ucdp", en("UCDP"), "monitor");
    let wanted = row.get("id").map(str::to_owned);
    let (id, renamed) = b.incident_id(&format!(
        "ucdp-{}",
        wanted.as_deref().unwrap_or(&format!("row-{n}"))
    ));
    if renamed {
        ctx.report.warn(row.problem(
            "id",
            format!(
                "the id {:?} is used by an earlier row; this one is {id:?}",
                wanted.unwrap_or_default()
            ),
        ));
    }
    let mut note = vec![format!("best estimate {best}")];
    if !breakdown.is_empty() {
        note.push(format!("by side: {}", breakdown.join(", ")));
    }
    let dyad = row.get("dyad_name").or(row.get("conflict_name"));
    let title = match (dyad, name) {
        (Some(d), Some(p)) => format!("{violence}: {d}, {p}"),
        (Some(d), None) => format!("{violence}: {d}"),
        (None, Some(p)) => format!("{violence} in {p}"),
        (None, None) => violence.to_owned(),
    };
    let incident = Incident {
        id,
        title: text_of(&title),
        summary: row.get("source_headline").map(text_of),
        when: When {
            start: start.to_format(),
            end: (end != start).then(|| end.to_format()),
            precision: precision.into(),
            as_reported: None,
        },
        where_: Where {
            places: vec![place],
            as_reported: row.get("where_description").map(text_of),
        },
        patterns: vec![pattern],
        perpetrator: Perpetrator {
            // UCDP records a dyad; only one-sided violence names who did it.
            attribution: if one_sided && side_a.is_some() {
                "believed"
            } else {
                "unknown"
            }
            .into(),
            according_to: if one_sided && side_a.is_some() {
                sources.clone()
            } else {
                Vec::new()
            },
            actor: side_a,
        },
        target: row.get("side_b").map(|s| Target {
            kind: if one_sided { "civilians" } else { "unknown" }.into(),
            description: Some(text_of(s)),
        }),
        casualties: vec![Claim {
            claimant,
            source: sources[0].clone(),
            killed: Some(figure),
            wounded: None,
            note: Some(en(note.join("; "))),
        }],
        sources,
        note: None,
    };
    ctx.builder.push(incident);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precisions_map_without_sharpening() {
        assert_eq!(date_precision(Some("2")).unwrap(), "days");
        assert_eq!(date_precision(Some("5")).unwrap(), "season");
        assert!(date_precision(Some("6")).is_err());
        assert_eq!(place_precision(Some("4")).unwrap(), ("region", 100.0));
        assert_eq!(place_precision(Some("7")).unwrap(), ("region", 300.0));
        assert!(place_precision(Some("8")).is_err());
    }

    #[test]
    fn low_high_range_around_best() {
        assert_eq!(
            killed(5, Some(3), Some(9)),
            Figure::Range { min: 3, max: 9 }
        );
        assert_eq!(killed(5, Some(5), Some(5)), Figure::Exact(5));
        assert_eq!(killed(5, Some(7), None), Figure::Exact(5));
    }
}
