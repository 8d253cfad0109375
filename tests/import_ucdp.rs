//! UCDP GED → dataset.

use incident_atlas::dataset;
use incident_atlas::import::{document::Figure, import_bytes, Options, Territory};

const UCDP: &[u8] = include_bytes!("fixtures/import/ucdp.csv");

fn syria() -> Options {
    Options {
        territory: Some(Territory::default_syria().expect("basemap")),
        ..Options::default()
    }
}

#[test]
fn rows_accounted_for_and_precisions_mapped() {
    let imported = import_bytes(UCDP, Some("ged.csv"), syria()).expect("imports");
    let r = &imported.report;
    assert_eq!(r.format, "UCDP GED");
    assert_eq!(
        (r.rows, r.loaded, r.left_out_total(), r.skipped),
        (5, 3, 1, 1)
    );
    assert_eq!(
        r.skip_reasons[0].to_string(),
        "row 5, column where_prec: expected 1 to 7, got \"9\""
    );
    let doc = &imported.document;
    let first = &doc.incidents[0];
    assert_eq!(first.id, "ucdp-311001");
    assert_eq!(first.when.start, "2017-05-03");
    assert_eq!(first.when.precision, "exact");
    assert_eq!(
        first.casualties[0].killed,
        Some(Figure::Range { min: 11, max: 17 })
    );
    assert!(first.casualties[0]
        .note
        .as_ref()
        .and_then(|n| n.en.as_deref())
        .is_some_and(|n| n.starts_with("best estimate 13")));
    assert_eq!(first.where_.places[0].governorate.as_deref(), Some("homs"));
    // source_article split into two sources, headlines paired with them.
    assert_eq!(first.sources.len(), 2);
    assert_eq!(first.perpetrator.attribution, "unknown");

    let one_sided = &doc.incidents[1];
    assert_eq!(
        (one_sided.when.start.as_str(), one_sided.when.end.as_deref()),
        ("2017-06-05", Some("2017-06-10"))
    );
    assert_eq!(one_sided.when.precision, "week");
    assert_eq!(one_sided.where_.places[0].precision, "near");
    assert_eq!(one_sided.perpetrator.attribution, "believed");
    assert_eq!(
        one_sided.where_.places[0].governorate.as_deref(),
        Some("deir-ez-zor")
    );

    let dup = &doc.incidents[2];
    assert_eq!(dup.id, "ucdp-311001-2");
    assert_eq!(dup.when.precision, "month");
    assert_eq!(dup.where_.places[0].precision, "region");

    let patterns: Vec<&str> = doc.patterns.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(patterns, vec!["one-sided-violence", "state-based-violence"]);
    dataset::load(&doc.to_json()).unwrap_or_else(|p| panic!("{p:#?}"));
}
