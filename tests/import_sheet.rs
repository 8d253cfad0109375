//! A newsroom's spreadsheet → dataset through a proposed or given mapping.

use incident_atlas::dataset;
use incident_atlas::import::dates::DayMonth;
use incident_atlas::import::sheet::TextColumns;
use incident_atlas::import::{document::Figure, import_bytes, Format, Mapping, Options, Territory};

const SHEET: &[u8] = include_bytes!("fixtures/import/newsroom.csv");

fn syria() -> Options {
    Options {
        territory: Some(Territory::default_syria().expect("basemap")),
        ..Options::default()
    }
}

#[test]
fn arabic_headers_semicolons_and_arabic_digits() {
    let imported = import_bytes(SHEET, Some("newsroom.csv"), syria()).expect("imports");
    let r = &imported.report;
    assert_eq!(r.format, "spreadsheet");
    assert_eq!(
        (r.rows, r.loaded, r.left_out_total(), r.skipped),
        (7, 4, 1, 2),
        "{r}"
    );
    let reasons: Vec<String> = r.skip_reasons.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        reasons[0],
        "row 6, column التاريخ: \"31/02/2021\" is not a date (2021-02 has no day 31)"
    );
    assert_eq!(
        reasons[1],
        "row 8, column الإحداثيات: \"35.13\" is not a \"lat, lon\" pair"
    );

    let m = imported.mapping.expect("mapping");
    assert_eq!(m.date.as_deref(), Some("التاريخ"));
    assert_eq!(m.lat_lon.as_deref(), Some("الإحداثيات"));
    assert_eq!(
        m.place,
        Some(TextColumns::Bilingual {
            en: Some("المكان_en".into()),
            ar: Some("المكان_ar".into())
        })
    );

    let doc = &imported.document;
    let first = &doc.incidents[0];
    // 03/04/2021 is day-first because 25/04/2021 in the same column is.
    assert_eq!(first.when.start, "2021-04-03");
    assert_eq!(first.where_.places[0].name.en.as_deref(), Some("Palmyra"));
    assert_eq!(first.where_.places[0].name.ar.as_deref(), Some("تدمر"));
    assert_eq!(first.casualties[0].killed, Some(Figure::Exact(5)));
    assert_eq!(
        first.summary.as_ref().and_then(|s| s.ar.as_deref()),
        Some("كمين لحافلة;\nعلى طريق تدمر")
    );
    // Two patterns in one cell; Arabic-Indic decimal coordinates.
    let third = &doc.incidents[2];
    assert_eq!(third.patterns.len(), 2);
    assert_eq!(
        (third.where_.places[0].lat, third.where_.places[0].lon),
        (34.8867, 38.8722)
    );
    assert_eq!(doc.incidents[3].id, "N-1-2");
    dataset::load(&doc.to_json()).unwrap_or_else(|p| panic!("{p:#?}"));
}

#[test]
fn the_users_choice_of_order_overrides_the_column() {
    let mapping = Mapping {
        day_month: Some(DayMonth::MonthFirst),
        ..import_bytes(SHEET, None, syria())
            .expect("imports")
            .mapping
            .expect("mapping")
    };
    let imported = import_bytes(
        SHEET,
        None,
        Options {
            mapping: Some(mapping),
            ..syria()
        },
    )
    .expect("imports");
    // 03/04 is now 4 March; 25/04 cannot be month-first but is unambiguous.
    assert_eq!(imported.document.incidents[0].when.start, "2021-03-04");
    assert_eq!(imported.document.incidents[1].when.start, "2021-04-25");
}

#[test]
fn month_first_columns_and_a_given_mapping() {
    let csv = "when,y,x,what\n03/04/2020,34.55,38.27,Ambush\n12/25/2020,35.33,40.14,Raid\n";
    let mapping =
        Mapping::from_json(r#"{"date":"when","lat":"y","lon":"x","pattern":"what"}"#).unwrap();
    let imported = import_bytes(
        csv.as_bytes(),
        None,
        Options {
            format: Some(Format::Spreadsheet),
            mapping: Some(mapping),
            ..syria()
        },
    )
    .expect("imports");
    assert_eq!(imported.document.incidents[0].when.start, "2020-03-04");
    assert_eq!(
        imported.document.incidents[0].title.en.as_deref(),
        Some("Ambush")
    );
    assert!(dataset::load(&imported.document.to_json()).is_ok());
}

#[test]
fn a_mapping_naming_a_missing_column_or_no_date_is_refused() {
    let csv = b"a,b\n1,2\n";
    let bad = Mapping::from_json(r#"{"date":"nope","lat_lon":"b"}"#).unwrap();
    let e = import_bytes(
        csv,
        None,
        Options {
            mapping: Some(bad),
            ..syria()
        },
    )
    .unwrap_err();
    assert!(e.0.contains("\"nope\""), "{e}");
    let e = import_bytes(csv, None, syria()).unwrap_err();
    assert!(e.0.contains("choose the column that holds the date"), "{e}");
}

#[test]
fn a_link_the_validator_would_refuse_is_not_written() {
    // Found by the fuzzer: control characters and an empty host passed the
    // importer's own check, and the dataset it wrote did not load.
    let csv = "date,lat,lon,source,url\n\
               2021-03-04,34.55,38.27,SY24,https:///b\n\
               2021-03-05,34.55,38.27,Syria TV,https://syr\u{12}ia.tv/b\n\
               2021-03-06,34.55,38.27,Enab,https://enab.example/a\n";
    let imported =
        import_bytes(csv.as_bytes(), Some("sheet.csv"), Options::default()).expect("imports");
    let json = imported.document.to_json();
    let loaded = incident_atlas::dataset::load(&json).unwrap_or_else(|p| panic!("{p:#?}"));
    let urls: Vec<Option<&str>> = loaded
        .dataset
        .sources
        .iter()
        .map(|s| s.url.as_deref())
        .collect();
    assert_eq!(urls.iter().flatten().count(), 1, "{urls:?}");
    assert!(urls.contains(&Some("https://enab.example/a")));
}
