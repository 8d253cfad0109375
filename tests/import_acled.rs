//! ACLED export → dataset: every row accounted for, mapping rules, and the
//! result loads in the app's validator.

use incident_atlas::dataset;
use incident_atlas::import::{
    document::Figure, import_bytes, CsvImport, Format, Options, Territory,
};

const ACLED: &[u8] = include_bytes!("fixtures/import/acled.csv");

fn syria() -> Options {
    Options {
        territory: Some(Territory::default_syria().expect("basemap")),
        ..Options::default()
    }
}

#[test]
fn every_row_is_loaded_left_out_or_skipped_with_its_location() {
    let imported = import_bytes(ACLED, Some("acled.csv"), syria()).expect("imports");
    let r = &imported.report;
    assert_eq!(r.format, "ACLED");
    assert_eq!(r.rows, 9);
    assert_eq!(r.loaded, 5);
    assert_eq!(r.left_out_total(), 2);
    assert_eq!(r.skipped, 2);
    assert!(r.balances());
    assert_eq!(
        r.left_out_notice().as_deref(),
        Some("2 rows outside Syria were left out: Iraq 1, Yemen 1")
    );
    let reasons: Vec<String> = r.skip_reasons.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        reasons,
        vec![
            "row 6, column event_date: \"31/02/2021\" is not a date (2021-02 has no day 31)"
                .to_string(),
            "row 8, column latitude: no coordinate given".to_string(),
        ]
    );
    let notes: Vec<String> = r.warnings.iter().map(|p| p.to_string()).collect();
    assert!(notes.iter().any(|n| n.starts_with("row 4, column event_id_cnty: the id \"SYR1002\" is used by an earlier row; this one is \"SYR1002-2\"")), "{notes:?}");
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("row 7: latitude 38.267 and longitude 34.556 look swapped")),
        "{notes:?}"
    );
}

#[test]
fn maps_dates_places_figures_and_taxonomy_faithfully() {
    let doc = import_bytes(ACLED, None, syria())
        .expect("imports")
        .document;
    let by_id = |id: &str| doc.incidents.iter().find(|i| i.id == id).expect(id);

    let bus = by_id("SYR1001");
    assert_eq!(bus.when.start, "2020-05-09");
    assert_eq!(bus.when.precision, "exact");
    assert_eq!(bus.where_.places[0].precision, "exact");
    assert_eq!(bus.where_.places[0].governorate.as_deref(), Some("homs"));
    assert!(bus
        .summary
        .as_ref()
        .and_then(|s| s.en.as_deref())
        .is_some_and(|s| s.contains("bus\ncarrying")));
    assert_eq!(bus.casualties[0].claimant, "acled");
    assert_eq!(bus.casualties[0].killed, Some(Figure::Exact(5)));
    assert_eq!(
        bus.perpetrator.actor.as_deref(),
        Some("islamic-state-syria")
    );

    // time_precision 2 is a week around the date, geo_precision 2 "near".
    let clash = by_id("SYR1002");
    assert_eq!(
        (clash.when.start.as_str(), clash.when.end.as_deref()),
        ("2020-05-06", Some("2020-05-12"))
    );
    assert_eq!(clash.when.precision, "week");
    assert_eq!(clash.where_.places[0].precision, "near");
    assert_eq!(
        clash.where_.places[0].governorate.as_deref(),
        Some("deir-ez-zor")
    );

    // time_precision 3 is the month, geo_precision 3 a region; an
    // unidentified actor is no actor.
    let shelling = by_id("SYR1006");
    assert_eq!(
        (shelling.when.start.as_str(), shelling.when.end.as_deref()),
        ("2021-03-01", Some("2021-03-31"))
    );
    assert_eq!(shelling.where_.places[0].precision, "region");
    assert_eq!(
        shelling.where_.places[0].governorate.as_deref(),
        Some("rif-dimashq")
    );
    assert_eq!(shelling.perpetrator.actor, None);
    assert_eq!(shelling.perpetrator.attribution, "unknown");
    assert_eq!(
        shelling.summary.as_ref().and_then(|s| s.ar.as_deref()),
        Some("قصف على أطراف قطنا، دون ضحايا")
    );

    let swapped = by_id("SYR1004");
    assert_eq!(
        (swapped.where_.places[0].lat, swapped.where_.places[0].lon),
        (34.556, 38.267)
    );

    // Each distinct source string is one source entry.
    let outlets: Vec<&str> = doc
        .sources
        .iter()
        .filter_map(|s| s.outlet.en.as_deref())
        .collect();
    assert_eq!(outlets, vec!["SOHR", "Step Agency; SANA", "Syria TV"]);
    let patterns: Vec<&str> = doc.patterns.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        patterns,
        vec![
            "armed-clash",
            "attack",
            "remote-explosive-landmine-ied",
            "shelling-artillery-missile-attack"
        ]
    );
}

#[test]
fn the_result_is_a_valid_dataset() {
    let doc = import_bytes(ACLED, None, syria())
        .expect("imports")
        .document;
    let loaded = dataset::load(&doc.to_json()).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(loaded.dataset.incidents.len(), 5);
}

#[test]
fn rows_outside_can_be_kept_and_every_country_with_all() {
    let kept = import_bytes(
        ACLED,
        None,
        Options {
            keep_outside: true,
            ..syria()
        },
    )
    .expect("imports");
    assert_eq!(kept.report.loaded, 7);
    assert!(dataset::load(&kept.document.to_json()).is_ok());
    let all = import_bytes(ACLED, None, Options::default()).expect("imports");
    assert_eq!(all.report.loaded, 7);
    assert_eq!(all.report.left_out_total(), 0);
}

#[test]
fn fed_byte_by_byte_gives_the_same_dataset() {
    let whole = import_bytes(ACLED, None, syria())
        .expect("imports")
        .document;
    let mut import = CsvImport::new(Options {
        format: Some(Format::Acled),
        ..syria()
    });
    for b in ACLED.chunks(1) {
        import.feed(b);
    }
    assert_eq!(import.rows(), 9);
    assert_eq!(import.finish().expect("imports").document, whole);
}

#[test]
fn columns_in_another_order_and_missing_optional_ones() {
    let csv =
        "latitude;notes;event_date;longitude;country\n34.556;\"a; b\";2020-05-09;38.267;Syria\n";
    let imported = import_bytes(
        csv.as_bytes(),
        None,
        Options {
            format: Some(Format::Acled),
            ..syria()
        },
    )
    .expect("imports");
    assert_eq!(imported.report.loaded, 1);
    let inc = &imported.document.incidents[0];
    assert_eq!(inc.id, "acled-row-2");
    assert_eq!(inc.patterns, vec!["unspecified"]);
    assert!(dataset::load(&imported.document.to_json()).is_ok());
    let missing = import_bytes(
        b"event_date,latitude\n2020-01-01,3\n",
        None,
        Options {
            format: Some(Format::Acled),
            ..syria()
        },
    );
    assert!(missing.is_err_and(|e| e.0.contains("no longitude column")));
}

#[test]
fn ragged_rows_and_unclosed_quotes_are_skipped_with_their_row() {
    let csv =
        "event_id_cnty,event_date,sub_event_type,geo_precision,time_precision,latitude,longitude\n\
               A,2020-05-09,Attack,1,1,34.5,38.2,extra\n\
               B,2020-05-09,Attack,1,1,34.5\n\
               C,2020-05-09,\"Attack,1,1,34.5,38.2\n";
    let r = import_bytes(csv.as_bytes(), None, syria())
        .expect("imports")
        .report;
    let reasons: Vec<String> = r.skip_reasons.iter().map(|p| p.to_string()).collect();
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    assert!(reasons[0].starts_with("row 2: has 8 fields but the header has 7"));
    assert!(reasons[1].starts_with("row 3: has 6 fields"));
    assert!(reasons[2].starts_with("row 4: a quoted field opened on line 4 is never closed"));
}

#[test]
fn utf16_and_empty_files_are_clear_errors() {
    let e = import_bytes(
        b"\xff\xfee\0v\0",
        None,
        Options {
            format: Some(Format::Acled),
            ..Options::default()
        },
    )
    .unwrap_err();
    assert!(e.0.contains("UTF-16"));
    let e = import_bytes(b"", None, Options::default()).unwrap_err();
    assert!(e.0.contains("empty"));
}
