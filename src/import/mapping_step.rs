//! The mapping step of a spreadsheet that is neither ACLED nor UCDP: the
//! fields the user chooses a column for, reading and changing them on a
//! [`Mapping`], and a preview of the first rows as incidents.
//!
//! The app's mapping form only connects `<select>`s to [`Field`]s; what a
//! choice means and what the preview shows is decided here.

use super::csv::read_all;
use super::dates::DayMonth;
use super::detect::Format;
use super::sheet::{propose, Mapping, TextColumns};
use super::words::W;
use super::{import_bytes, Columns, Options, RowProblem};
use crate::text::{Lang, Text};

/// A field of the form. Text fields have a second, Arabic column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Date,
    DateEnd,
    Place,
    PlaceAr,
    Lat,
    Lon,
    LatLon,
    Pattern,
    Actor,
    Fatalities,
    Source,
    Title,
    TitleAr,
    Description,
    DescriptionAr,
}

impl Field {
    pub const ALL: &'static [Field] = &[
        Field::Date,
        Field::DateEnd,
        Field::Place,
        Field::PlaceAr,
        Field::Lat,
        Field::Lon,
        Field::LatLon,
        Field::Pattern,
        Field::Actor,
        Field::Fatalities,
        Field::Source,
        Field::Title,
        Field::TitleAr,
        Field::Description,
        Field::DescriptionAr,
    ];

    /// The field's label (`import::words`).
    pub fn word(self) -> W {
        match self {
            Field::Date => W::FieldDate,
            Field::DateEnd => W::FieldDateEnd,
            Field::Place => W::FieldPlace,
            Field::PlaceAr => W::FieldPlaceAr,
            Field::Lat => W::FieldLat,
            Field::Lon => W::FieldLon,
            Field::LatLon => W::FieldLatLon,
            Field::Pattern => W::FieldPattern,
            Field::Actor => W::FieldActor,
            Field::Fatalities => W::FieldFatalities,
            Field::Source => W::FieldSource,
            Field::Title => W::FieldTitle,
            Field::TitleAr => W::FieldTitleAr,
            Field::Description => W::FieldDescription,
            Field::DescriptionAr => W::FieldDescriptionAr,
        }
    }

    /// A stable name for tests and the DOM (`data-field`).
    pub fn id(self) -> &'static str {
        match self {
            Field::Date => "date",
            Field::DateEnd => "date_end",
            Field::Place => "place",
            Field::PlaceAr => "place_ar",
            Field::Lat => "lat",
            Field::Lon => "lon",
            Field::LatLon => "lat_lon",
            Field::Pattern => "pattern",
            Field::Actor => "actor",
            Field::Fatalities => "fatalities",
            Field::Source => "source",
            Field::Title => "title",
            Field::TitleAr => "title_ar",
            Field::Description => "description",
            Field::DescriptionAr => "description_ar",
        }
    }
}

/// The first and the Arabic column of a text field.
fn split(t: &Option<TextColumns>) -> (Option<&str>, Option<&str>) {
    match t {
        None => (None, None),
        Some(TextColumns::One(c)) => (Some(c), None),
        Some(TextColumns::Bilingual { en, ar }) => (en.as_deref(), ar.as_deref()),
    }
}

fn join(first: Option<String>, ar: Option<String>) -> Option<TextColumns> {
    match (first, ar) {
        (None, None) => None,
        (Some(c), None) => Some(TextColumns::One(c)),
        (en, ar) => Some(TextColumns::Bilingual { en, ar }),
    }
}

/// The column a mapping gives a field.
pub fn get(m: &Mapping, field: Field) -> Option<&str> {
    match field {
        Field::Date => m.date.as_deref(),
        Field::DateEnd => m.date_end.as_deref(),
        Field::Lat => m.lat.as_deref(),
        Field::Lon => m.lon.as_deref(),
        Field::LatLon => m.lat_lon.as_deref(),
        Field::Actor => m.actor.as_deref(),
        Field::Fatalities => m.fatalities.as_deref(),
        Field::Source => m.source.as_deref(),
        Field::Place => split(&m.place).0,
        Field::PlaceAr => split(&m.place).1,
        Field::Pattern => split(&m.pattern).0,
        Field::Title => split(&m.title).0,
        Field::TitleAr => split(&m.title).1,
        Field::Description => split(&m.description).0,
        Field::DescriptionAr => split(&m.description).1,
    }
}

/// Gives `field` the column `column` (`None`: no column). Choosing one
/// "lat, lon" column clears the two coordinate columns and the other way
/// round, so the mapping never names both.
pub fn set(m: &mut Mapping, field: Field, column: Option<String>) {
    let column = column.filter(|c| !c.is_empty());
    let text = |t: &mut Option<TextColumns>, first: bool, column: Option<String>| {
        let (a, b) = split(t);
        let (a, b) = (a.map(str::to_owned), b.map(str::to_owned));
        *t = if first {
            join(column, b)
        } else {
            join(a, column)
        };
    };
    match field {
        Field::Date => m.date = column,
        Field::DateEnd => m.date_end = column,
        Field::Lat | Field::Lon => {
            if column.is_some() {
                m.lat_lon = None;
            }
            if field == Field::Lat {
                m.lat = column;
            } else {
                m.lon = column;
            }
        }
        Field::LatLon => {
            if column.is_some() {
                m.lat = None;
                m.lon = None;
            }
            m.lat_lon = column;
        }
        Field::Actor => m.actor = column,
        Field::Fatalities => m.fatalities = column,
        Field::Source => m.source = column,
        Field::Place => text(&mut m.place, true, column),
        Field::PlaceAr => text(&mut m.place, false, column),
        Field::Pattern => m.pattern = column.map(TextColumns::One),
        Field::Title => text(&mut m.title, true, column),
        Field::TitleAr => text(&mut m.title, false, column),
        Field::Description => text(&mut m.description, true, column),
        Field::DescriptionAr => text(&mut m.description, false, column),
    }
}

/// How much of a file the mapping step reads: the header and the first
/// rows, cut at the last line end.
pub const HEAD_BYTES: usize = 256 * 1024;

/// The start of a file up to its last complete line (the whole text when
/// it is short or has a single line).
pub fn head(bytes: &[u8]) -> &[u8] {
    let cut = &bytes[..bytes.len().min(HEAD_BYTES)];
    if cut.len() == bytes.len() {
        return cut;
    }
    match cut.iter().rposition(|&b| b == b'\n') {
        Some(i) => &cut[..=i],
        None => cut,
    }
}

/// The header and the proposed mapping of a spreadsheet's first bytes.
pub fn columns_and_proposal(head: &[u8]) -> Option<(Vec<String>, Mapping)> {
    let records = read_all(head, None);
    let (header, sample) = records.split_first()?;
    let columns = Columns::new(header);
    let sample_end = sample.len().min(super::sheet::SAMPLE_ROWS);
    let mapping = propose(&columns, &sample[..sample_end]);
    Some((columns.names().to_vec(), mapping))
}

/// One previewed row.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviewRow {
    pub date: String,
    pub place: Text,
    pub lat: f64,
    pub lon: f64,
    pub pattern: Text,
    pub title: Text,
}

/// The first rows as the import would read them with a mapping.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Preview {
    pub rows: Vec<PreviewRow>,
    /// Why previewed rows were skipped (the first few), or why the mapping
    /// cannot be used at all (row 1).
    pub problems: Vec<RowProblem>,
    /// The mapping names a date and coordinates, as loading needs.
    pub usable: bool,
}

/// How many rows the preview shows.
pub const PREVIEW_ROWS: usize = 5;

/// Reads `head` with `mapping` (every row kept wherever it lies: the
/// preview shows what the columns say).
pub fn preview(head: &[u8], mapping: &Mapping, day_month: Option<DayMonth>) -> Preview {
    let options = Options {
        format: Some(Format::Spreadsheet),
        mapping: Some(mapping.clone()),
        day_month,
        ..Options::default()
    };
    match import_bytes(head, None, options) {
        Err(e) => Preview {
            rows: Vec::new(),
            problems: vec![RowProblem::new(1, None, e.0)],
            usable: false,
        },
        Ok(imported) => {
            let d = &imported.document;
            let pattern_label = |id: &String| -> Text {
                d.patterns
                    .iter()
                    .find(|p| &p.id == id)
                    .map(|p| p.label.clone())
                    .unwrap_or_default()
            };
            let rows = d
                .incidents
                .iter()
                .take(PREVIEW_ROWS)
                .map(|i| {
                    let place = i.where_.places.first();
                    PreviewRow {
                        date: match &i.when.end {
                            Some(e) => format!("{} – {e}", i.when.start),
                            None => i.when.start.clone(),
                        },
                        place: place.map(|p| p.name.clone()).unwrap_or_default(),
                        lat: place.map_or(0.0, |p| p.lat),
                        lon: place.map_or(0.0, |p| p.lon),
                        pattern: i.patterns.first().map(pattern_label).unwrap_or_default(),
                        title: i.title.clone(),
                    }
                })
                .collect();
            Preview {
                rows,
                problems: imported
                    .report
                    .skip_reasons
                    .into_iter()
                    .take(PREVIEW_ROWS)
                    .collect(),
                usable: true,
            }
        }
    }
}

/// The text of a previewed field in the page's language, if any.
pub fn shown(t: &Text, lang: Lang) -> &str {
    t.pick(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHEET: &str = "\u{feff}التاريخ;المكان;place_en;الإحداثيات;النوع;عدد القتلى;ملاحظات\r\n\
        03/04/2021;تدمر;Palmyra;\"34.56, 38.27\";كمين;5;\"هجوم على حافلة؛ سطران\nفي الوصف\"\r\n\
        13/04/2021;السخنة;al-Sukhnah;\"34.88, 38.87\";عبوة ناسفة;2;\r\n\
        31/02/2021;دير الزور;Deir ez-Zor;\"35.33, 40.14\";كمين;1;\r\n";

    #[test]
    fn proposes_from_arabic_headers_and_previews() {
        let (columns, mapping) = columns_and_proposal(SHEET.as_bytes()).expect("a header");
        assert_eq!(columns.len(), 7);
        assert_eq!(get(&mapping, Field::Date), Some("التاريخ"));
        assert_eq!(get(&mapping, Field::LatLon), Some("الإحداثيات"));
        assert_eq!(get(&mapping, Field::Fatalities), Some("عدد القتلى"));
        let p = preview(SHEET.as_bytes(), &mapping, None);
        assert!(p.usable);
        assert_eq!(p.rows.len(), 2);
        // 13/04 settles the column as day-first: 03/04 is 3 April.
        assert_eq!(p.rows[0].date, "2021-04-03");
        assert!((p.rows[0].lat - 34.56).abs() < 1e-9);
        assert_eq!(p.problems.len(), 1);
        assert_eq!(p.problems[0].row, 4);
        assert_eq!(p.problems[0].column.as_deref(), Some("التاريخ"));
    }

    #[test]
    fn changing_a_choice_changes_the_preview() {
        let (_, mut mapping) = columns_and_proposal(SHEET.as_bytes()).expect("a header");
        set(&mut mapping, Field::Date, None);
        let p = preview(SHEET.as_bytes(), &mapping, None);
        assert!(!p.usable);
        assert!(p.rows.is_empty());
        set(&mut mapping, Field::Date, Some("التاريخ".into()));
        set(&mut mapping, Field::Title, Some("place_en".into()));
        let p = preview(SHEET.as_bytes(), &mapping, Some(DayMonth::MonthFirst));
        // Month-first: 13/04 is no date; 03/04 is March 4.
        assert_eq!(p.rows[0].date, "2021-03-04");
        assert_eq!(p.rows[0].title.en.as_deref(), Some("Palmyra"));
    }

    #[test]
    fn text_fields_keep_their_two_languages() {
        let mut m = Mapping::default();
        set(&mut m, Field::Place, Some("place_en".into()));
        assert_eq!(m.place, Some(TextColumns::One("place_en".into())));
        set(&mut m, Field::PlaceAr, Some("المكان".into()));
        assert_eq!(get(&m, Field::Place), Some("place_en"));
        assert_eq!(get(&m, Field::PlaceAr), Some("المكان"));
        set(&mut m, Field::Place, None);
        assert_eq!(get(&m, Field::PlaceAr), Some("المكان"));
        assert_eq!(get(&m, Field::Place), None);
        set(&mut m, Field::PlaceAr, Some(String::new()));
        assert_eq!(m.place, None);
    }

    #[test]
    fn one_coordinate_column_or_two() {
        let mut m = Mapping::default();
        set(&mut m, Field::Lat, Some("y".into()));
        set(&mut m, Field::Lon, Some("x".into()));
        set(&mut m, Field::LatLon, Some("coords".into()));
        assert_eq!((m.lat.as_deref(), m.lon.as_deref()), (None, None));
        set(&mut m, Field::Lat, Some("y".into()));
        assert_eq!(m.lat_lon, None);
        for &f in Field::ALL {
            let mut m = Mapping::default();
            set(&mut m, f, Some("c".into()));
            assert_eq!(get(&m, f), Some("c"), "{f:?}");
        }
    }

    #[test]
    fn head_stops_at_a_line_end() {
        let mut big = b"a,b\n".to_vec();
        while big.len() < HEAD_BYTES + 10 {
            big.extend_from_slice(b"1,2\n");
        }
        big.extend_from_slice(b"3,4");
        let h = head(&big);
        assert!(h.len() <= HEAD_BYTES);
        assert_eq!(h.last(), Some(&b'\n'));
        assert_eq!(head(b"a,b\n1,2"), b"a,b\n1,2");
    }
}
