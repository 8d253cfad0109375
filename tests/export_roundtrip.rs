//! Export → re-import gives the same incidents (CSV and GeoJSON).

use incident_atlas::dataset::{self, Dataset};
use incident_atlas::export::{csv::to_csv, geojson::to_geojson};
use incident_atlas::import::{import_bytes, Format, Options, Territory};

fn acled_dataset() -> Dataset {
    let options = Options {
        territory: Some(Territory::default_syria().expect("basemap")),
        ..Options::default()
    };
    let doc = import_bytes(include_bytes!("fixtures/import/acled.csv"), None, options)
        .expect("imports")
        .document;
    dataset::load(&doc.to_json()).expect("valid").dataset
}

/// What must survive a round trip, by value (table indexes resolved).
fn view(d: &Dataset) -> Vec<String> {
    d.incidents
        .iter()
        .map(|i| {
            let p = &i.places[0];
            let patterns: Vec<String> = i
                .patterns
                .iter()
                .map(|&k| format!("{:?}", d.patterns[k].label))
                .collect();
            let claims: Vec<String> = i
                .claims
                .iter()
                .map(|c| {
                    format!(
                        "{:?} {:?} {:?}",
                        d.claimants[c.claimant].name.en, c.killed, c.wounded
                    )
                })
                .collect();
            let actor = i
                .perpetrator
                .actor
                .map(|a| format!("{:?}", d.actors[a].name));
            format!(
                "{} {:?} {} {} {:?} | {:?} {} {} {:?} {} {:?} | {:?} {:?} {:?} | {:?} {:?}",
                i.id,
                i.title,
                i.when.start,
                i.when.end,
                i.when.precision,
                p.name,
                p.lat,
                p.lon,
                p.precision,
                p.radius_km,
                p.governorate,
                patterns,
                actor,
                i.perpetrator.attribution,
                claims,
                i.summary
            )
        })
        .collect()
}

fn all(d: &Dataset) -> Vec<usize> {
    (0..d.incidents.len()).collect()
}

#[test]
fn csv_round_trip_gives_the_same_incidents() {
    let original = acled_dataset();
    let csv = to_csv(&original, &all(&original));
    assert!(csv.starts_with('\u{feff}'), "UTF-8 with a byte-order mark");
    assert!(csv.contains("killed (ACLED)"));
    let again =
        import_bytes(csv.as_bytes(), Some("export.csv"), Options::default()).expect("re-imports");
    assert_eq!(again.report.format, "spreadsheet");
    assert_eq!(again.report.skipped, 0, "{}", again.report);
    let reloaded = dataset::load(&again.document.to_json())
        .expect("valid")
        .dataset;
    assert_eq!(view(&reloaded), view(&original));
}

/// The default dataset has figures in words ("others", "a large number"):
/// they come back as words, and no row is skipped.
#[test]
fn the_default_dataset_round_trips_with_figures_in_words() {
    let original = dataset::load(include_str!("../data/incidents.json"))
        .expect("valid")
        .dataset;
    for text in [
        to_csv(&original, &all(&original)),
        to_geojson(&original, &all(&original)),
    ] {
        let again =
            import_bytes(text.as_bytes(), Some("export"), Options::default()).expect("re-imports");
        assert_eq!(again.report.skipped, 0, "{}", again.report);
        let reloaded = dataset::load(&again.document.to_json())
            .expect("valid")
            .dataset;
        assert_eq!(reloaded.incidents.len(), original.incidents.len());
        let words = |d: &Dataset| {
            d.incidents
                .iter()
                .flat_map(|i| i.claims.iter())
                .filter(|c| {
                    matches!(c.killed, Some(dataset::Figure::Words(_)))
                        || matches!(c.wounded, Some(dataset::Figure::Words(_)))
                })
                .count()
        };
        assert!(words(&original) > 0);
        assert_eq!(words(&reloaded), words(&original));
    }
}

#[test]
fn geojson_round_trip_gives_the_same_incidents() {
    let original = acled_dataset();
    let json = to_geojson(&original, &all(&original));
    let again = import_bytes(json.as_bytes(), Some("export.geojson"), Options::default())
        .expect("re-imports");
    assert_eq!(again.report.format, "GeoJSON");
    let reloaded = dataset::load(&again.document.to_json())
        .expect("valid")
        .dataset;
    assert_eq!(view(&reloaded), view(&original));
}

#[test]
fn only_the_shown_incidents_are_exported() {
    let original = acled_dataset();
    let csv = to_csv(&original, &[1, 3]);
    let again = import_bytes(
        csv.as_bytes(),
        None,
        Options {
            format: Some(Format::Spreadsheet),
            ..Options::default()
        },
    )
    .expect("re-imports");
    assert_eq!(again.document.incidents.len(), 2);
    assert_eq!(again.document.incidents[0].id, original.incidents[1].id);
}

#[test]
fn geojson_polygons_and_properties() {
    let json = r#"{"type":"FeatureCollection","features":[
      {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[38.0,34.0],[39.0,34.0],[39.0,35.0],[38.0,35.0],[38.0,34.0]]]},
       "properties":{"date":"2021-01-03","name_en":"Badia","name_ar":"البادية","type":"Ambush","killed":9}},
      {"type":"Feature","geometry":{"type":"Point","coordinates":[40.14,35.33]},"properties":{"date":"03.01.2021","type":"Raid"}},
      {"type":"Feature","geometry":null,"properties":{"date":"2021-01-05"}}
    ]}"#;
    let imported = import_bytes(
        json.as_bytes(),
        None,
        Options {
            territory: Some(Territory::default_syria().expect("basemap")),
            ..Options::default()
        },
    )
    .expect("imports");
    let r = &imported.report;
    assert_eq!((r.rows, r.loaded, r.skipped), (3, 2, 1), "{r}");
    assert_eq!(
        r.skip_reasons[0].to_string(),
        "row 4, column geometry: feature 3: the feature has no geometry"
    );
    let area = &imported.document.incidents[0].where_.places[0];
    assert_eq!(area.precision, "area");
    assert!(area.radius_km.is_some_and(|km| km > 60.0));
    assert_eq!(imported.document.incidents[1].when.start, "2021-01-03");
    dataset::load(&imported.document.to_json()).unwrap_or_else(|p| panic!("{p:#?}"));
}
