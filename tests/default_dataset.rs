//! The shipped default dataset loads cleanly and carries the seed facts.

use incident_atlas::dataset::{load, DatePrecision, Figure, PlacePrecision};

fn dataset() -> incident_atlas::dataset::Loaded {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/incidents.json"))
        .expect("data/incidents.json is readable");
    match load(&text) {
        Ok(loaded) => loaded,
        Err(problems) => panic!("default dataset is invalid: {problems:#?}"),
    }
}

#[test]
fn loads_without_warnings() {
    let loaded = dataset();
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
}

#[test]
fn carries_the_four_seed_incidents_and_marks_the_others() {
    let ds = dataset().dataset;
    let primary = ds.meta.primary_source.expect("a primary source");
    assert_eq!(ds.sources[primary].outlet.en.as_deref(), Some("SY24"));
    let from_seed = ds.incidents.iter().filter(|i| i.cites(primary)).count();
    assert_eq!(from_seed, 4);
    assert!(
        ds.incidents.len() > 4,
        "the corroborating incidents are there too"
    );
}

#[test]
fn t3_shows_the_regime_figure_beside_the_other_claim() {
    let ds = dataset().dataset;
    let t3 = ds
        .incidents
        .iter()
        .find(|i| i.id.starts_with("t3-bus-2022-01"))
        .expect("the T3 attack");
    let government: Vec<_> = t3
        .claims
        .iter()
        .filter(|c| {
            ds.claimants[c.claimant].kind == incident_atlas::dataset::ClaimantKind::Government
        })
        .collect();
    assert!(government
        .iter()
        .any(|c| c.killed == Some(Figure::Exact(5)) && c.wounded == Some(Figure::Exact(20))));
    assert!(
        t3.claims
            .iter()
            .any(|c| matches!(c.killed, Some(Figure::Words(_)))),
        "the documenting sources' 'a large number'"
    );
    assert_ne!(
        t3.places[0].precision,
        PlacePrecision::Exact,
        "near T3 is not a point"
    );
}

#[test]
fn uncertain_dates_stay_uncertain() {
    let ds = dataset().dataset;
    let october = ds
        .incidents
        .iter()
        .find(|i| i.id.contains("2020-10"))
        .expect("early October 2020");
    assert_eq!(october.when.precision, DatePrecision::PartOfMonth);
    assert!(
        october.places.len() >= 2,
        "rural Deir ez-Zor and rural Raqqa"
    );
    let mid_2021 = ds
        .incidents
        .iter()
        .find(|i| i.id.contains("qudsaya"))
        .expect("Qudsaya");
    assert_eq!(mid_2021.when.precision, DatePrecision::Season);
}

#[test]
fn every_claim_cites_a_source_of_its_incident() {
    let ds = dataset().dataset;
    for inc in &ds.incidents {
        for c in &inc.claims {
            assert!(inc.sources.contains(&c.source), "{}", inc.id);
        }
    }
}
