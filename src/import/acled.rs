//! ACLED exports (CSV, the columns of ACLED's codebook in any order).
//! The mapping, column by column, is in docs/dataset.md.

use super::csv::Record;
use super::dates::{parse_date, Date, DayMonth};
use super::digits::parse_count;
use super::document::{
    self, en, text_of, Claim, Figure, Incident, Perpetrator, Place, Target, When, Where,
};
use super::{coordinates, Columns, Context, ImportError, Located, Row, RowProblem};

/// The columns an ACLED file must have.
pub const REQUIRED: [&str; 3] = ["event_date", "latitude", "longitude"];

/// Columns only ACLED uses, to recognise its files.
pub const TELLTALE: [&str; 6] = [
    "event_id_cnty",
    "sub_event_type",
    "geo_precision",
    "time_precision",
    "assoc_actor_1",
    "inter1",
];

pub struct AcledRows {
    pub columns: Columns,
}

impl AcledRows {
    pub fn new(columns: Columns) -> Result<AcledRows, ImportError> {
        columns.require(&REQUIRED, "ACLED")?;
        Ok(AcledRows { columns })
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
            title: en(ctx
                .options
                .title
                .clone()
                .unwrap_or_else(|| "ACLED events".into())),
            description: Some(en(
                "Events imported from an ACLED export. Fatalities are ACLED's estimates.",
            )),
            attribution: Some(en(
                "Armed Conflict Location & Event Data Project (ACLED), acleddata.com",
            )),
        }
    }
}

/// The span and precision of an ACLED date (codebook: time_precision 1 is
/// the day, 2 a week around the date, 3 the month).
pub fn when_of(
    date: Date,
    time_precision: Option<&str>,
) -> Result<(Date, Date, &'static str), String> {
    let day = date.day_only();
    match time_precision.map(str::trim) {
        None | Some("1") => Ok((day, day, "exact")),
        Some("2") => Ok((day.add_days(-3), day.add_days(3), "week")),
        Some("3") => {
            let first = Date::new(day.year, day.month, 1);
            let last = Date::new(
                day.year,
                day.month,
                crate::time::calendar::days_in_month(day.year, day.month),
            );
            Ok((first, last, "month"))
        }
        Some(other) => Err(format!(
            "expected 1 (day), 2 (week) or 3 (month), got {other:?}"
        )),
    }
}

/// The place precision and radius of ACLED's geo_precision (1: the named
/// town, 2: near it or part of a region, 3: only the region).
pub fn place_of(geo_precision: Option<&str>) -> Result<(&'static str, f64), String> {
    match geo_precision.map(str::trim) {
        None | Some("1") => Ok(("exact", 2.0)),
        Some("2") => Ok(("near", 25.0)),
        Some("3") => Ok(("region", 75.0)),
        Some(other) => Err(format!("expected 1, 2 or 3, got {other:?}")),
    }
}

fn incident(row: &Row, ctx: &mut Context) -> Result<(), RowProblem> {
    let n = row.number();
    let raw_date = row.get("event_date").unwrap_or("");
    let date = parse_date(raw_date)
        .and_then(|cell| cell.resolve(ctx.options.day_month.unwrap_or(DayMonth::DayFirst)))
        .map_err(|e| row.problem("event_date", e))?;
    let time_precision = row.get("time_precision");
    let (start, end, precision) =
        when_of(date, time_precision).map_err(|e| row.problem("time_precision", e))?;
    let (lat, lon) = coordinates(row, "latitude", "longitude")?;
    let (place_precision, radius) =
        place_of(row.get("geo_precision")).map_err(|e| row.problem("geo_precision", e))?;
    let fatalities = parse_count(row.get("fatalities").unwrap_or(""))
        .map_err(|e| row.problem("fatalities", e))?;

    let location = row
        .get("location")
        .or(row.get("admin3"))
        .or(row.get("admin2"))
        .or(row.get("admin1"));
    let place = Place {
        name: text_of(location.unwrap_or("(no location named)")),
        lat,
        lon,
        precision: place_precision.into(),
        radius_km: Some(radius),
        governorate: None,
    };
    let country = row.get("country").or(row.get("iso3")).or(row.get("iso"));
    let place = match ctx.locate(n, place, country, row.get("admin1")) {
        Located::In(p) => p,
        Located::Outside(c) => {
            ctx.report.leave_out(&c);
            return Ok(());
        }
    };

    let b = &mut ctx.builder;
    let kind = row
        .get("sub_event_type")
        .or(row.get("event_type"))
        .unwrap_or("Unspecified");
    let pattern = b.pattern(&text_of(kind), row.get("event_type").map(text_of));
    let source = match row.get("source") {
        Some(s) => b.source(s),
        None => b.source("ACLED (no source named)"),
    };
    let actor = row
        .get("actor1")
        .filter(|a| !a.to_lowercase().starts_with("unidentified"))
        .map(|a| b.actor(a));
    let claimant = b.claimant("acled", en("ACLED"), "monitor");
    let wanted_id = row
        .get("event_id_cnty")
        .or(row.get("event_id_no_cnty"))
        .map(str::to_owned);
    let (id, renamed) = match wanted_id.as_deref() {
        Some(w) => b.incident_id(w),
        None => b.incident_id(&format!("acled-row-{n}")),
    };
    if renamed {
        ctx.report.warn(row.problem(
            "event_id_cnty",
            format!(
                "the id {:?} is used by an earlier row; this one is {id:?}",
                wanted_id.unwrap_or_default()
            ),
        ));
    } else if wanted_id.is_none() {
        ctx.report.warn(RowProblem::new(
            n,
            Some("event_id_cnty"),
            format!("no id given; this row is {id:?}"),
        ));
    }
    let target = row.get("actor2").map(|a2| {
        let with = row
            .get("assoc_actor_2")
            .map(|x| format!(" ({x})"))
            .unwrap_or_default();
        Target {
            kind: "unknown".into(),
            description: Some(text_of(&format!("{a2}{with}"))),
        }
    });
    let title = match location {
        Some(l) => format!("{kind} in {l}"),
        None => kind.to_owned(),
    };
    let incident = Incident {
        id,
        title: text_of(&title),
        summary: row.get("notes").map(text_of),
        when: When {
            start: start.to_format(),
            end: (end != start).then(|| end.to_format()),
            precision: precision.into(),
            as_reported: (precision != "exact").then(|| {
                en(format!(
                    "{raw_date} (ACLED time precision {})",
                    time_precision.unwrap_or("")
                ))
            }),
        },
        where_: Where {
            places: vec![place],
            as_reported: None,
        },
        patterns: vec![pattern],
        perpetrator: Perpetrator {
            attribution: if actor.is_some() {
                "believed"
            } else {
                "unknown"
            }
            .into(),
            according_to: if actor.is_some() {
                vec![source.clone()]
            } else {
                Vec::new()
            },
            actor,
        },
        target,
        casualties: fatalities
            .map(|k| Claim {
                claimant,
                source: source.clone(),
                killed: Some(Figure::Exact(k)),
                wounded: None,
                note: None,
            })
            .into_iter()
            .collect(),
        sources: vec![source],
        note: row
            .get("assoc_actor_1")
            .map(|a| text_of(&format!("Associated with the actor: {a}"))),
    };
    ctx.builder.push(incident);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_precision_never_sharpens_a_date() {
        let d = Date::new(2020, 5, 9);
        assert_eq!(when_of(d, Some("1")).unwrap(), (d, d, "exact"));
        assert_eq!(
            when_of(d, Some("2")).unwrap(),
            (Date::new(2020, 5, 6), Date::new(2020, 5, 12), "week")
        );
        assert_eq!(
            when_of(d, Some("3")).unwrap(),
            (Date::new(2020, 5, 1), Date::new(2020, 5, 31), "month")
        );
        assert!(when_of(d, Some("4")).is_err());
    }

    #[test]
    fn geo_precision_sets_precision_and_radius() {
        assert_eq!(place_of(Some("1")).unwrap(), ("exact", 2.0));
        assert_eq!(place_of(Some("2")).unwrap(), ("near", 25.0));
        assert_eq!(place_of(Some("3")).unwrap(), ("region", 75.0));
        assert!(place_of(Some("0")).is_err());
    }
}
