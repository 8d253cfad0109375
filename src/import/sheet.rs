//! Spreadsheets: any CSV/TSV with one header row, read through a column
//! [`Mapping`] that is proposed from the header names (English and
//! Arabic) and the content, and that the user may change, save and pass
//! back (it is a small JSON value).

use serde::{Deserialize, Serialize};

use super::csv::Record;
use super::dates::{parse_date, DateCell, DayMonth, OrderEvidence};
use super::digits::{parse_count, parse_degrees, parse_figure, parse_lat_lon};
use super::document::{
    self, en, text_of, Claim, Figure, Incident, Perpetrator, Place, When, Where,
};
use super::{check_on_earth, Columns, Context, ImportError, Located, Row, RowProblem};
use crate::dataset::model::{Attribution, DatePrecision, PlacePrecision};
use crate::text::Text;

/// A text field taken from one column, or from an English and an Arabic
/// column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum TextColumns {
    One(String),
    Bilingual {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        en: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ar: Option<String>,
    },
}

impl TextColumns {
    fn names(&self) -> Vec<&str> {
        match self {
            TextColumns::One(c) => vec![c.as_str()],
            TextColumns::Bilingual { en, ar } => {
                en.iter().chain(ar.iter()).map(String::as_str).collect()
            }
        }
    }

    /// The text of a row, `None` when every column is empty.
    fn read(&self, row: &Row) -> Option<Text> {
        let text = match self {
            TextColumns::One(c) => row.get(c).map(text_of)?,
            TextColumns::Bilingual { en, ar } => Text {
                en: en.as_deref().and_then(|c| row.get(c)).map(str::to_owned),
                ar: ar.as_deref().and_then(|c| row.get(c)).map(str::to_owned),
            },
        };
        (!text.is_empty()).then_some(text)
    }
}

/// Which column holds what. Every field is optional; a usable mapping
/// names a date and either latitude and longitude or one "lat, lon"
/// column.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Mapping {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_end: Option<String>,
    /// A column of the format's date precisions (`exact`, `week`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_precision: Option<String>,
    /// Day or month first for ambiguous numeric dates; `None`: the column
    /// decides (see `import::dates`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day_month: Option<DayMonth>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<TextColumns>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat_lon: Option<String>,
    /// A column of the format's place precisions (`exact`, `near`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place_precision: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub radius_km: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub governorate: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<TextColumns>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fatalities: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<TextColumns>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<TextColumns>,
    /// Figures by named claimants, each in their own columns (as the
    /// atlas's CSV export writes them: "killed (SOHR)").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<ClaimColumns>,
}

/// One claimant's figure columns.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClaimColumns {
    pub claimant: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub killed: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wounded: Option<String>,
}

/// "killed (SOHR)" → ("killed", "SOHR").
fn claim_header(header: &str) -> Option<(&'static str, &str)> {
    let h = header.trim();
    let open = h.find('(')?;
    let inner = h.get(open + 1..)?.strip_suffix(')')?.trim();
    let what = match h.get(..open)?.trim().to_lowercase().as_str() {
        "killed" | "القتلى" => "killed",
        "wounded" | "الجرحى" => "wounded",
        _ => return None,
    };
    (!inner.is_empty()).then_some((what, inner))
}

impl Mapping {
    pub fn from_json(json: &str) -> Result<Mapping, String> {
        serde_json::from_str(json).map_err(|e| format!("the mapping is not valid: {e}"))
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Every column the mapping names, with the field naming it.
    fn named_columns(&self) -> Vec<(&'static str, &str)> {
        let single: [(&'static str, &Option<String>); 16] = [
            ("id", &self.id),
            ("date", &self.date),
            ("date_end", &self.date_end),
            ("date_precision", &self.date_precision),
            ("lat", &self.lat),
            ("lon", &self.lon),
            ("lat_lon", &self.lat_lon),
            ("place_precision", &self.place_precision),
            ("radius_km", &self.radius_km),
            ("governorate", &self.governorate),
            ("country", &self.country),
            ("actor", &self.actor),
            ("attribution", &self.attribution),
            ("fatalities", &self.fatalities),
            ("source", &self.source),
            ("url", &self.url),
        ];
        let mut out: Vec<(&'static str, &str)> = single
            .iter()
            .filter_map(|(f, c)| c.as_deref().map(|c| (*f, c)))
            .collect();
        for c in &self.claims {
            out.extend(
                c.killed
                    .iter()
                    .chain(c.wounded.iter())
                    .map(|k| ("claims", k.as_str())),
            );
        }
        for (field, t) in [
            ("place", &self.place),
            ("pattern", &self.pattern),
            ("title", &self.title),
            ("description", &self.description),
        ] {
            for c in t.iter().flat_map(TextColumns::names) {
                out.push((field, c));
            }
        }
        out
    }

    /// Checks the mapping against a file's header.
    pub fn check(&self, columns: &Columns) -> Result<(), String> {
        for (field, c) in self.named_columns() {
            if !columns.has(c) {
                return Err(format!(
                    "the mapping's {field} is the column {c:?}, which this file does not have (its columns: {})",
                    columns.names().join(", ")
                ));
            }
        }
        if self.date.is_none() {
            return Err("choose the column that holds the date".into());
        }
        if self.lat_lon.is_none() && (self.lat.is_none() || self.lon.is_none()) {
            return Err(
                "choose the latitude and longitude columns, or one \"lat, lon\" column".into(),
            );
        }
        Ok(())
    }
}

/// Header names of each field, lowercase with spaces for `_`, `-`, `.`.
const NAMES: &[(&str, &[&str])] = &[
    (
        "id",
        &[
            "id",
            "event id",
            "incident id",
            "ref",
            "reference",
            "no",
            "رقم",
            "المعرف",
            "الرقم",
            "الرمز",
        ],
    ),
    (
        "date",
        &[
            "date",
            "event date",
            "day",
            "date start",
            "start date",
            "start",
            "when",
            "التاريخ",
            "تاريخ",
            "اليوم",
            "تاريخ الحادثة",
            "تاريخ الحدث",
        ],
    ),
    (
        "date_end",
        &[
            "date end",
            "end date",
            "end",
            "until",
            "to",
            "تاريخ النهاية",
            "إلى",
            "الى",
        ],
    ),
    (
        "date_precision",
        &["date precision", "time precision", "دقة التاريخ"],
    ),
    (
        "place",
        &[
            "place",
            "location",
            "town",
            "village",
            "city",
            "site",
            "place name",
            "locality",
            "المكان",
            "الموقع",
            "البلدة",
            "القرية",
            "المدينة",
            "المنطقة",
            "اسم المكان",
        ],
    ),
    (
        "lat",
        &["lat", "latitude", "y", "خط العرض", "العرض", "دائرة العرض"],
    ),
    (
        "lon",
        &["lon", "lng", "long", "longitude", "x", "خط الطول", "الطول"],
    ),
    (
        "lat_lon",
        &[
            "coordinates",
            "coords",
            "latlon",
            "lat lon",
            "lat, lon",
            "lat,lon",
            "location coordinates",
            "الإحداثيات",
            "الاحداثيات",
        ],
    ),
    (
        "place_precision",
        &[
            "place precision",
            "geo precision",
            "location precision",
            "دقة الموقع",
        ],
    ),
    ("radius_km", &["radius km", "radius", "نصف القطر"]),
    (
        "governorate",
        &["governorate", "province", "admin1", "muhafaza", "المحافظة"],
    ),
    ("country", &["country", "iso3", "iso", "البلد", "الدولة"]),
    (
        "pattern",
        &[
            "pattern",
            "patterns",
            "type",
            "event type",
            "incident type",
            "attack type",
            "category",
            "kind",
            "النمط",
            "النوع",
            "نوع الهجوم",
            "نوع الحادثة",
            "التصنيف",
        ],
    ),
    (
        "actor",
        &[
            "actor",
            "perpetrator",
            "group",
            "responsible",
            "attacker",
            "perpetrators",
            "الفاعل",
            "الجهة",
            "المنفذ",
            "الجهة المنفذة",
            "الجهة المسؤولة",
        ],
    ),
    ("attribution", &["attribution", "الإسناد", "درجة الإسناد"]),
    (
        "fatalities",
        &[
            "fatalities",
            "killed",
            "deaths",
            "dead",
            "death toll",
            "casualties",
            "القتلى",
            "عدد القتلى",
            "الضحايا",
            "قتلى",
        ],
    ),
    (
        "source",
        &[
            "source",
            "sources",
            "outlet",
            "reported by",
            "المصدر",
            "المصادر",
        ],
    ),
    ("url", &["url", "link", "source url", "الرابط"]),
    ("title", &["title", "headline", "name", "العنوان", "الاسم"]),
    (
        "description",
        &[
            "description",
            "notes",
            "summary",
            "details",
            "note",
            "الوصف",
            "التفاصيل",
            "ملاحظات",
            "الملخص",
        ],
    ),
];

/// A header name without case, punctuation or language suffix, and the
/// language the suffix names.
fn normalise(header: &str) -> (String, Option<&'static str>) {
    let lower = header.trim().trim_start_matches('\u{feff}').to_lowercase();
    let mut n: String = lower
        .chars()
        .map(|c| {
            if matches!(c, '_' | '-' | '.' | '(' | ')' | '[' | ']' | ':') {
                ' '
            } else {
                c
            }
        })
        .collect();
    n = n.split_whitespace().collect::<Vec<_>>().join(" ");
    for (suffix, lang) in [
        (" en", "en"),
        (" english", "en"),
        (" ar", "ar"),
        (" arabic", "ar"),
        (" بالعربية", "ar"),
        (" بالإنجليزية", "en"),
    ] {
        if let Some(base) = n.strip_suffix(suffix) {
            return (base.to_owned(), Some(lang));
        }
    }
    for (prefix, lang) in [("en ", "en"), ("ar ", "ar")] {
        if let Some(base) = n.strip_prefix(prefix) {
            return (base.to_owned(), Some(lang));
        }
    }
    (n, None)
}

fn field_of_header(header: &str) -> Option<(&'static str, Option<&'static str>)> {
    let (base, lang) = normalise(header);
    NAMES
        .iter()
        .find(|(_, names)| names.contains(&base.as_str()))
        .map(|(field, _)| (*field, lang))
}

/// The share of a column's non-empty sample values that pass `test`
/// (0 when the column is empty).
fn share(sample: &[Record], i: usize, test: impl Fn(&str) -> bool) -> f64 {
    let values: Vec<&str> = sample
        .iter()
        .filter_map(|r| r.get(i))
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .collect();
    if values.is_empty() {
        return 0.0;
    }
    values.iter().filter(|v| test(v)).count() as f64 / values.len() as f64
}

fn mean(sample: &[Record], i: usize) -> Option<f64> {
    let v: Vec<f64> = sample
        .iter()
        .filter_map(|r| r.get(i))
        .filter_map(|v| parse_degrees(v).ok().flatten())
        .collect();
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

/// Proposes a mapping from the header and the first rows: header names
/// first (English or Arabic, with `_en`/`_ar` pairs), then the content for
/// a date, coordinates or a "lat, lon" column still unassigned.
pub fn propose(columns: &Columns, sample: &[Record]) -> Mapping {
    let mut m = Mapping::default();
    let mut used = vec![false; columns.len()];
    for (i, name) in columns.names().iter().enumerate() {
        if let Some((what, claimant)) = claim_header(name) {
            let k = match m.claims.iter().position(|c| c.claimant == claimant) {
                Some(k) => k,
                None => {
                    m.claims.push(ClaimColumns {
                        claimant: claimant.to_owned(),
                        ..ClaimColumns::default()
                    });
                    m.claims.len() - 1
                }
            };
            if let Some(c) = m.claims.get_mut(k) {
                let slot = if what == "killed" {
                    &mut c.killed
                } else {
                    &mut c.wounded
                };
                *slot = Some(name.clone());
            }
            used[i] = true;
            continue;
        }
        let Some((field, lang)) = field_of_header(name) else {
            continue;
        };
        let col = Some(name.clone());
        let slot = match field {
            "id" => &mut m.id,
            "date" => &mut m.date,
            "date_end" => &mut m.date_end,
            "date_precision" => &mut m.date_precision,
            "lat" => &mut m.lat,
            "lon" => &mut m.lon,
            "lat_lon" => &mut m.lat_lon,
            "place_precision" => &mut m.place_precision,
            "radius_km" => &mut m.radius_km,
            "governorate" => &mut m.governorate,
            "country" => &mut m.country,
            "actor" => &mut m.actor,
            "attribution" => &mut m.attribution,
            "fatalities" => &mut m.fatalities,
            "source" => &mut m.source,
            "url" => &mut m.url,
            _ => {
                let text = match field {
                    "place" => &mut m.place,
                    "pattern" => &mut m.pattern,
                    "title" => &mut m.title,
                    _ => &mut m.description,
                };
                match (text.as_mut(), lang) {
                    (None, None) => *text = Some(TextColumns::One(name.clone())),
                    (None, Some(l)) => {
                        *text = Some(TextColumns::Bilingual {
                            en: (l == "en").then(|| name.clone()),
                            ar: (l == "ar").then(|| name.clone()),
                        })
                    }
                    (Some(TextColumns::Bilingual { en, ar }), Some(l)) => {
                        let slot = if l == "en" { en } else { ar };
                        if slot.is_none() {
                            *slot = Some(name.clone());
                        }
                    }
                    _ => continue,
                }
                used[i] = true;
                continue;
            }
        };
        if slot.is_none() {
            *slot = col;
            used[i] = true;
        }
    }
    let free: Vec<usize> = (0..columns.len()).filter(|&i| !used[i]).collect();
    let name = |i: usize| columns.names().get(i).cloned();
    if m.date.is_none() {
        if let Some(&i) = free
            .iter()
            .find(|&&i| share(sample, i, |v| parse_date(v).is_ok()) >= 0.8)
        {
            m.date = name(i);
            used[i] = true;
        }
    }
    if m.lat_lon.is_none() && (m.lat.is_none() || m.lon.is_none()) {
        let pair = free.iter().find(|&&i| {
            !used[i] && share(sample, i, |v| parse_lat_lon(v).ok().flatten().is_some()) >= 0.8
        });
        if let Some(&i) = pair {
            m.lat_lon = name(i);
            used[i] = true;
        } else {
            // Two columns of degrees with fractions: the latitude is the
            // one nearer Syria's middle latitude (35°N, lon 38.5°E).
            let degrees: Vec<usize> = free
                .iter()
                .copied()
                .filter(|&i| {
                    !used[i]
                        && share(sample, i, |v| {
                            v.contains(['.', ',', '٫'])
                                && parse_degrees(v)
                                    .ok()
                                    .flatten()
                                    .is_some_and(|d| d.abs() <= 180.0)
                        }) >= 0.8
                })
                .collect();
            if let [a, b] = degrees.as_slice() {
                let (ma, mb) = (
                    mean(sample, *a).unwrap_or(0.0),
                    mean(sample, *b).unwrap_or(0.0),
                );
                let a_is_lat =
                    (ma - 35.0).abs() + (mb - 38.5).abs() <= (mb - 35.0).abs() + (ma - 38.5).abs();
                let (lat, lon) = if a_is_lat { (*a, *b) } else { (*b, *a) };
                m.lat = name(lat);
                m.lon = name(lon);
            }
        }
    }
    if m.url.is_none() {
        if let Some(&i) = free.iter().find(|&&i| {
            !used[i]
                && share(sample, i, |v| {
                    v.starts_with("http://") || v.starts_with("https://")
                }) >= 0.8
        }) {
            m.url = name(i);
        }
    }
    m
}

/// How many rows are looked at before a mapping is proposed.
pub const SAMPLE_ROWS: usize = 200;

/// A row whose date waits for the whole column to decide its order.
struct Pending {
    incident: usize,
    row: usize,
    start: DateCell,
    end: Option<DateCell>,
}

pub(crate) struct SheetRows {
    pub columns: Columns,
    mapping: Option<Mapping>,
    chosen_order: Option<DayMonth>,
    sample: Vec<Record>,
    evidence: OrderEvidence,
    pending: Vec<Pending>,
}

impl SheetRows {
    pub(crate) fn new(
        columns: Columns,
        mapping: Option<Mapping>,
        order: Option<DayMonth>,
    ) -> Result<SheetRows, ImportError> {
        if let Some(m) = &mapping {
            m.check(&columns).map_err(ImportError)?;
        }
        let chosen_order = order.or(mapping.as_ref().and_then(|m| m.day_month));
        Ok(SheetRows {
            columns,
            mapping,
            chosen_order,
            sample: Vec::new(),
            evidence: OrderEvidence::default(),
            pending: Vec::new(),
        })
    }

    pub(crate) fn row(&mut self, record: &Record, ctx: &mut Context) {
        if self.mapping.is_none() {
            self.sample.push(record.clone());
            if self.sample.len() >= SAMPLE_ROWS {
                self.settle_mapping(ctx);
            }
            return;
        }
        self.map_row(record, ctx);
    }

    /// Proposes the mapping from the sample and imports the sample's rows.
    fn settle_mapping(&mut self, ctx: &mut Context) {
        let proposed = propose(&self.columns, &self.sample);
        self.mapping = Some(proposed);
        for record in std::mem::take(&mut self.sample) {
            self.map_row(&record, ctx);
        }
    }

    fn map_row(&mut self, record: &Record, ctx: &mut Context) {
        let Some(mapping) = self.mapping.as_ref() else {
            return;
        };
        let row = Row {
            record,
            columns: &self.columns,
        };
        match sheet_incident(&row, mapping, ctx, &mut self.evidence) {
            Ok(Some((start, end))) => self.pending.push(Pending {
                incident: ctx.builder.incidents.len() - 1,
                row: row.number(),
                start,
                end,
            }),
            Ok(None) => {}
            Err(p) => ctx.report.skip(p),
        }
    }

    /// Resolves the open dates; returns the dataset's meta and the mapping
    /// used (proposed or given), for the user to check and save.
    pub(crate) fn finish(
        mut self,
        ctx: &mut Context,
    ) -> Result<(document::Meta, Mapping), ImportError> {
        if self.mapping.is_none() {
            let proposed = propose(&self.columns, &self.sample);
            proposed.check(&self.columns).map_err(|e| {
                ImportError(format!(
                    "{e}: no column of this spreadsheet looks like it (pass a mapping; proposed so far: {})",
                    proposed.to_json().split_whitespace().collect::<Vec<_>>().join(" ")
                ))
            })?;
            self.settle_mapping(ctx);
        }
        let order = self.evidence.order(self.chosen_order);
        for p in &self.pending {
            let Some(incident) = ctx.builder.incidents.get_mut(p.incident) else {
                continue;
            };
            let (Ok(start), end) = (p.start.resolve(order), p.end.map(|e| e.resolve(order))) else {
                continue;
            };
            incident.when.start = start.to_format();
            match end {
                Some(Ok(end)) if end > start => incident.when.end = Some(end.to_format()),
                Some(Ok(end)) if end < start => {
                    incident.when.end = None;
                    ctx.report.warn(RowProblem::new(
                        p.row,
                        None,
                        format!(
                            "the end date {} is before the start {}; the start was kept",
                            end.to_format(),
                            start.to_format()
                        ),
                    ));
                }
                _ => incident.when.end = None,
            }
        }
        if !self.pending.is_empty() {
            ctx.report.warn(RowProblem::new(
                1,
                self.mapping.as_ref().and_then(|m| m.date.as_deref()),
                format!(
                    "{} dates could be read day-first or month-first; they were read {}",
                    self.pending.len(),
                    match (order, self.chosen_order.is_some()) {
                        (DayMonth::DayFirst, true) => "day-first, as chosen",
                        (DayMonth::MonthFirst, true) => "month-first, as chosen",
                        (DayMonth::DayFirst, false) =>
                            "day-first, as the rest of the column is (or by default)",
                        (DayMonth::MonthFirst, false) =>
                            "month-first, as the rest of the column is",
                    }
                ),
            ));
        }
        let meta = document::Meta {
            title: en(ctx
                .options
                .title
                .clone()
                .unwrap_or_else(|| "Imported spreadsheet".into())),
            description: None,
            attribution: None,
        };
        Ok((meta, self.mapping.unwrap_or_default()))
    }
}

fn vocabulary<T>(
    row: &Row,
    column: Option<&str>,
    parse: fn(&str) -> Option<T>,
    expected: fn() -> String,
) -> Result<Option<T>, RowProblem> {
    let Some(c) = column else { return Ok(None) };
    match row.get(c) {
        None => Ok(None),
        Some(v) => parse(&v.to_lowercase())
            .map(Some)
            .ok_or_else(|| row.problem(c, format!("expected {}, got {v:?}", expected()))),
    }
}

/// Maps one row; returns the raw dates when their order is still open.
fn sheet_incident(
    row: &Row,
    m: &Mapping,
    ctx: &mut Context,
    evidence: &mut OrderEvidence,
) -> Result<Option<(DateCell, Option<DateCell>)>, RowProblem> {
    let n = row.number();
    let date_col = m.date.as_deref().unwrap_or("");
    let raw_date = row.get(date_col).unwrap_or("");
    evidence.observe(raw_date);
    let start = parse_date(raw_date).map_err(|e| row.problem(date_col, e))?;
    let end = match m.date_end.as_deref() {
        Some(c) => match row.get(c) {
            Some(v) => {
                evidence.observe(v);
                Some(parse_date(v).map_err(|e| row.problem(c, e))?)
            }
            None => None,
        },
        None => None,
    };
    let (lat, lon) = match (&m.lat_lon, &m.lat, &m.lon) {
        (Some(c), _, _) => match parse_lat_lon(row.get(c).unwrap_or("")) {
            Ok(Some(p)) => p,
            Ok(None) => return Err(row.problem(c, "no coordinates given")),
            Err(e) => return Err(row.problem(c, e)),
        },
        (None, Some(la), Some(lo)) => super::coordinates(row, la, lo)?,
        _ => return Err(RowProblem::new(n, None, "the mapping names no coordinates")),
    };
    if m.lat_lon.is_some() {
        check_on_earth(n, lat, lon, m.lat_lon.as_deref(), m.lat_lon.as_deref())?;
    }
    let date_precision = vocabulary(
        row,
        m.date_precision.as_deref(),
        DatePrecision::parse,
        DatePrecision::expected,
    )?;
    let place_precision = vocabulary(
        row,
        m.place_precision.as_deref(),
        PlacePrecision::parse,
        PlacePrecision::expected,
    )?
    .unwrap_or(PlacePrecision::Near);
    let attribution = vocabulary(
        row,
        m.attribution.as_deref(),
        Attribution::parse,
        Attribution::expected,
    )?;
    let radius = match m.radius_km.as_deref() {
        Some(c) => match parse_degrees(row.get(c).unwrap_or("")) {
            Ok(Some(r)) if r > 0.0 && r <= 2000.0 => Some(r),
            Ok(None) => None,
            _ => return Err(row.problem(c, "expected a distance in km above 0 and at most 2000")),
        },
        None => None,
    };
    let fatalities = match m.fatalities.as_deref() {
        Some(c) => parse_count(row.get(c).unwrap_or("")).map_err(|e| row.problem(c, e))?,
        None => None,
    };
    let mut claim_figures = Vec::new();
    for c in &m.claims {
        let read = |col: &Option<String>| -> Result<Option<Figure>, RowProblem> {
            match col.as_deref() {
                Some(col) => {
                    let v = row.get(col).unwrap_or("");
                    match parse_figure(v) {
                        Ok(f) => Ok(f),
                        // Words without a digit are a figure in words, as
                        // the format has them ("others", "a large number").
                        Err(_) if !v.chars().any(char::is_numeric) => {
                            Ok(Some(Figure::Words { text: text_of(v) }))
                        }
                        Err(e) => Err(row.problem(col, e)),
                    }
                }
                None => Ok(None),
            }
        };
        let (killed, wounded) = (read(&c.killed)?, read(&c.wounded)?);
        if killed.is_some() || wounded.is_some() {
            claim_figures.push((c.claimant.as_str(), killed, wounded));
        }
    }
    let place_name = m.place.as_ref().and_then(|p| p.read(row));
    let place = Place {
        name: place_name
            .clone()
            .unwrap_or_else(|| en(format!("{lat}, {lon}"))),
        lat,
        lon,
        precision: place_precision.id().into(),
        radius_km: radius,
        governorate: None,
    };
    let country = m.country.as_deref().and_then(|c| row.get(c));
    let governorate = m.governorate.as_deref().and_then(|c| row.get(c));
    let place = match ctx.locate(n, place, country, governorate) {
        Located::In(p) => p,
        Located::Outside(c) => {
            ctx.report.leave_out(&c);
            return Ok(None);
        }
    };

    let b = &mut ctx.builder;
    let pattern_text = m
        .pattern
        .as_ref()
        .and_then(|p| p.read(row))
        .unwrap_or_else(|| en("Unspecified"));
    // Several patterns may share a cell: "ambush; kidnapping".
    let patterns: Vec<String> = split_list(&pattern_text)
        .iter()
        .map(|t| b.pattern(t, None))
        .collect();
    let url = m
        .url
        .as_deref()
        .and_then(|c| row.get(c))
        .filter(|u| is_web_link(u));
    let source = match (m.source.as_deref().and_then(|c| row.get(c)), url) {
        (Some(s), url) => b.source_with(s, None, url.map(str::to_owned)),
        (None, Some(u)) => b.source_with(u, None, Some(u.to_owned())),
        (None, None) => b.source("the spreadsheet"),
    };
    let actor = m
        .actor
        .as_deref()
        .and_then(|c| row.get(c))
        .map(|a| b.actor(a));
    let attribution = match (&actor, attribution) {
        (None, _) => Attribution::Unknown,
        (Some(_), Some(a)) => a,
        (Some(_), None) => Attribution::Unknown,
    };
    let claimant =
        fatalities.map(|_| b.claimant("compiler", en("the spreadsheet's compiler"), "other"));
    let named_claims: Vec<Claim> = claim_figures
        .into_iter()
        .map(|(name, killed, wounded)| Claim {
            claimant: b.named_claimant(name),
            source: source.clone(),
            killed,
            wounded,
            note: None,
        })
        .collect();
    let wanted = m.id.as_deref().and_then(|c| row.get(c)).map(str::to_owned);
    let (id, renamed) = b.incident_id(wanted.as_deref().unwrap_or(&format!("row-{n}")));
    if renamed {
        ctx.report.warn(RowProblem::new(
            n,
            m.id.as_deref(),
            format!(
                "the id {:?} is used by an earlier row; this one is {id:?}",
                wanted.unwrap_or_default()
            ),
        ));
    }
    let title =
        m.title
            .as_ref()
            .and_then(|t| t.read(row))
            .unwrap_or_else(|| match &place_name {
                Some(p) => Text {
                    en: p.en.as_ref().map(|p| {
                        format!(
                            "{} in {p}",
                            pattern_text.en.as_deref().unwrap_or("Incident")
                        )
                    }),
                    ar: p.ar.as_ref().map(|p| {
                        format!("{} في {p}", pattern_text.ar.as_deref().unwrap_or("حادثة"))
                    }),
                },
                None => pattern_text.clone(),
            });
    let (start_s, end_s, open) = match (start, end) {
        (DateCell::Known(s), None) => (s.to_format(), None, false),
        (DateCell::Known(s), Some(DateCell::Known(e))) => {
            if e < s {
                return Err(row.problem(
                    m.date_end.as_deref().unwrap_or(""),
                    format!("{} is before the start {}", e.to_format(), s.to_format()),
                ));
            }
            (s.to_format(), (e != s).then(|| e.to_format()), false)
        }
        _ => (String::new(), None, true),
    };
    let precision = date_precision.unwrap_or(if end.is_some() && end != Some(start) {
        DatePrecision::Days
    } else {
        DatePrecision::Exact
    });
    ctx.builder.push(Incident {
        id,
        title,
        summary: m.description.as_ref().and_then(|d| d.read(row)),
        when: When {
            start: start_s,
            end: end_s,
            precision: precision.id().into(),
            as_reported: None,
        },
        where_: Where {
            places: vec![place],
            as_reported: None,
        },
        patterns,
        perpetrator: Perpetrator {
            actor,
            attribution: attribution.id().into(),
            according_to: Vec::new(),
        },
        target: None,
        casualties: match (fatalities, claimant) {
            (Some(k), Some(claimant)) => vec![Claim {
                claimant,
                source: source.clone(),
                killed: Some(Figure::Exact(k)),
                wounded: None,
                note: None,
            }],
            _ => Vec::new(),
        }
        .into_iter()
        .chain(named_claims)
        .collect(),
        sources: vec![source],
        note: None,
    });
    Ok(open.then_some((start, end)))
}

/// Only http(s) links become source URLs (the validator refuses others).
fn is_web_link(u: &str) -> bool {
    (u.starts_with("https://") || u.starts_with("http://")) && !u.contains(char::is_whitespace)
}

/// "ambush; kidnapping" → two texts (English and Arabic split alike).
fn split_list(t: &Text) -> Vec<Text> {
    let split = |s: &Option<String>| -> Vec<String> {
        s.as_deref()
            .map(|s| {
                s.split([';', '،', '|'])
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    };
    let (ens, ars) = (split(&t.en), split(&t.ar));
    let n = ens.len().max(ars.len()).max(1);
    if (ens.len() > 1 && !ars.is_empty() && ars.len() != ens.len())
        || (ars.len() > 1 && !ens.is_empty() && ars.len() != ens.len())
    {
        return vec![t.clone()];
    }
    (0..n)
        .map(|k| Text {
            en: ens.get(k).cloned(),
            ar: ars.get(k).cloned(),
        })
        .filter(|t| !t.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::csv::read_all;

    fn columns_and_sample(text: &str) -> (Columns, Vec<Record>) {
        let records = read_all(text.as_bytes(), None);
        let columns = Columns::new(&records[0]);
        (columns, records[1..].to_vec())
    }

    #[test]
    fn proposes_from_english_and_arabic_headers() {
        let (c, s) = columns_and_sample(
            "التاريخ,المكان,خط العرض,خط الطول,الجهة المنفذة,عدد القتلى,المصدر,title_en,title_ar\n",
        );
        let m = propose(&c, &s);
        assert_eq!(m.date.as_deref(), Some("التاريخ"));
        assert_eq!(m.place, Some(TextColumns::One("المكان".into())));
        assert_eq!(m.lat.as_deref(), Some("خط العرض"));
        assert_eq!(m.lon.as_deref(), Some("خط الطول"));
        assert_eq!(m.actor.as_deref(), Some("الجهة المنفذة"));
        assert_eq!(m.fatalities.as_deref(), Some("عدد القتلى"));
        assert_eq!(m.source.as_deref(), Some("المصدر"));
        assert_eq!(
            m.title,
            Some(TextColumns::Bilingual {
                en: Some("title_en".into()),
                ar: Some("title_ar".into())
            })
        );
    }

    #[test]
    fn proposes_from_content_when_headers_say_nothing() {
        let (c, s) = columns_and_sample("a,b,c,d\n2021-03-01,\"34.55, 38.27\",x,https://example.org/1\n02/03/2021,\"35.33, 40.14\",y,https://example.org/2\n");
        let m = propose(&c, &s);
        assert_eq!(m.date.as_deref(), Some("a"));
        assert_eq!(m.lat_lon.as_deref(), Some("b"));
        assert_eq!(m.url.as_deref(), Some("d"));
        let (c, s) = columns_and_sample("p,q\n38.27,34.55\n40.14,35.33\n");
        let m = propose(&c, &s);
        assert_eq!((m.lat.as_deref(), m.lon.as_deref()), (Some("q"), Some("p")));
    }

    #[test]
    fn mapping_round_trips_as_small_json() {
        let json = r#"{"date":"day","lat_lon":"where","title":{"en":"t_en","ar":"t_ar"},"day_month":"month-first"}"#;
        let m = Mapping::from_json(json).unwrap();
        assert_eq!(m.day_month, Some(DayMonth::MonthFirst));
        assert_eq!(Mapping::from_json(&m.to_json()).unwrap(), m);
        assert!(Mapping::from_json("{\"date\": 3}").is_err());
    }

    #[test]
    fn splits_pattern_lists() {
        let parts = split_list(&en("ambush; kidnapping"));
        assert_eq!(parts, vec![en("ambush"), en("kidnapping")]);
    }
}
