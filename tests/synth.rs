//! The synthetic dataset generator: valid, deterministic, varied, and
//! plainly marked as synthetic.

use std::collections::BTreeSet;

use incident_atlas::dataset::{
    load, Attribution, ClaimantKind, Dataset, DatePrecision, Figure, PlacePrecision, GOVERNORATES,
};
use incident_atlas::synth::generate;
use incident_atlas::time::CivilDateTime;
use serde_json::Value;

/// Big enough for every variety to show up, small enough to stay quick.
const COUNT: usize = 2_000;

fn load_clean(json: &str) -> Dataset {
    match load(json) {
        Ok(loaded) => {
            assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
            loaded.dataset
        }
        Err(problems) => panic!("synthetic dataset is invalid: {problems:#?}"),
    }
}

fn sample() -> Dataset {
    load_clean(&generate(COUNT, 7))
}

#[test]
fn loads_without_errors_or_warnings() {
    let ds = sample();
    assert_eq!(ds.incidents.len(), COUNT);
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let a = generate(500, 7);
    assert_eq!(a, generate(500, 7));
    assert_ne!(a, generate(500, 8));
}

#[test]
fn honours_the_count_including_zero_and_one() {
    for count in [0, 1, 2, 3, 37] {
        let ds = load_clean(&generate(count, 42));
        assert_eq!(ds.incidents.len(), count, "count {count}");
        // The tables are there even without incidents, so the legend shows.
        assert_eq!(ds.patterns.len(), 6);
        assert!(ds.sources.len() >= 200, "a pool of a few hundred sources");
    }
}

#[test]
fn a_smaller_dataset_is_a_prefix_of_a_larger_one() {
    let incidents = |count| -> Vec<Value> {
        let doc: Value = serde_json::from_str(&generate(count, 3)).expect("valid JSON");
        doc["incidents"].as_array().expect("a list").clone()
    };
    let small = incidents(50);
    let large = incidents(200);
    assert_eq!(small[..], large[..50]);
}

#[test]
fn extreme_seeds_work() {
    for seed in [0, u64::MAX] {
        load_clean(&generate(20, seed));
    }
}

#[test]
fn says_it_is_synthetic() {
    let ds = sample();
    let title = &ds.meta.title;
    assert!(title.en.as_deref().unwrap_or("").contains("SYNTHETIC"));
    assert!(title.ar.as_deref().unwrap_or("").contains("اصطناعية"));
    for incident in &ds.incidents {
        let en = incident.title.en.as_deref().unwrap_or("");
        let ar = incident.title.ar.as_deref().unwrap_or("");
        assert!(en.starts_with("Synthetic incident "), "{en}");
        assert!(ar.starts_with("حادثة اصطناعية "), "{ar}");
    }
    for source in &ds.sources {
        let url = source.url.as_deref().expect("every source has a link");
        assert!(url.starts_with("https://example.org/"), "{url}");
    }
}

#[test]
fn uses_the_default_datasets_patterns() {
    let real = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/incidents.json"))
        .expect("data/incidents.json is readable");
    let real = load(&real).expect("the default dataset loads").dataset;
    let synthetic = sample();
    let summary = |ds: &Dataset| -> Vec<_> {
        ds.patterns
            .iter()
            .map(|p| (p.id.clone(), p.label.clone(), p.color.clone(), p.shape))
            .collect()
    };
    assert_eq!(summary(&synthetic), summary(&real));
}

#[test]
fn mixes_precisions_patterns_attributions_and_figures() {
    let ds = sample();
    let incidents = &ds.incidents;

    let date_precisions: BTreeSet<_> = incidents.iter().map(|i| i.when.precision).collect();
    assert_eq!(date_precisions.len(), DatePrecision::ALL.len());
    let exact = incidents.iter().filter(|i| i.when.is_exact()).count();
    assert!(exact > COUNT / 2, "mostly exact dates, got {exact}");
    assert!(
        incidents.iter().any(|i| i.when.has_time),
        "some exact dates give the time of day"
    );

    let place_precisions: BTreeSet<_> = incidents
        .iter()
        .flat_map(|i| &i.places)
        .map(|p| p.precision)
        .collect();
    assert_eq!(place_precisions.len(), PlacePrecision::ALL.len());
    assert!(incidents.iter().any(|i| i.places.len() == 2));

    let patterns: BTreeSet<_> = incidents.iter().flat_map(|i| &i.patterns).collect();
    assert_eq!(patterns.len(), ds.patterns.len());
    let pattern_counts: BTreeSet<_> = incidents.iter().map(|i| i.patterns.len()).collect();
    assert_eq!(pattern_counts, BTreeSet::from([1, 2]));

    let attributions: BTreeSet<_> = incidents
        .iter()
        .map(|i| i.perpetrator.attribution)
        .collect();
    assert_eq!(attributions.len(), Attribution::ALL.len());
    assert!(incidents.iter().any(|i| i.perpetrator.actor.is_none()));

    let target_kinds: BTreeSet<_> = incidents
        .iter()
        .filter_map(|i| i.target.as_ref())
        .map(|t| t.kind)
        .collect();
    assert!(target_kinds.len() >= 6, "{target_kinds:?}");

    let claim_counts: BTreeSet<_> = incidents.iter().map(|i| i.claims.len()).collect();
    assert_eq!(claim_counts, BTreeSet::from([0, 1, 2, 3]));
    let source_counts: BTreeSet<_> = incidents.iter().map(|i| i.sources.len()).collect();
    assert_eq!(source_counts, BTreeSet::from([1, 2, 3]));

    let claimant_kinds: BTreeSet<_> = incidents
        .iter()
        .flat_map(|i| &i.claims)
        .map(|c| ds.claimants[c.claimant].kind)
        .collect();
    assert_eq!(
        claimant_kinds,
        BTreeSet::from([
            ClaimantKind::Government,
            ClaimantKind::Monitor,
            ClaimantKind::Media
        ])
    );

    let mut forms = BTreeSet::new();
    for claim in incidents.iter().flat_map(|i| &i.claims) {
        let figures = [
            &claim.killed,
            &claim.wounded,
            &claim.missing,
            &claim.kidnapped,
            &claim.killed_or_wounded,
        ];
        for figure in figures.into_iter().flatten() {
            forms.insert(match figure {
                Figure::Exact(_) => "exact",
                Figure::Approx(_) => "approx",
                Figure::AtLeast(_) => "at_least",
                Figure::MoreThan(_) => "more_than",
                Figure::Range(..) => "range",
                Figure::Words(_) => "text",
            });
        }
    }
    assert_eq!(forms.len(), 6, "{forms:?}");

    let primary = ds.meta.primary_source.expect("a primary source");
    let citing = incidents.iter().filter(|i| i.cites(primary)).count();
    assert!(
        citing > 0 && citing < COUNT,
        "some but not all incidents cite the primary report: {citing}"
    );
}

#[test]
fn places_lie_in_syria_and_cover_every_governorate() {
    let ds = sample();
    let mut governorates = BTreeSet::new();
    for place in ds.incidents.iter().flat_map(|i| &i.places) {
        assert!(
            (35.5..=42.5).contains(&place.lon) && (32.2..=37.4).contains(&place.lat),
            "{} at ({}, {}) is outside Syria",
            place.name.en.as_deref().unwrap_or(""),
            place.lat,
            place.lon
        );
        governorates.insert(place.governorate.clone().expect("a governorate"));
    }
    assert_eq!(governorates.len(), GOVERNORATES.len(), "{governorates:?}");
}

#[test]
fn dates_lie_in_2014_to_2024_and_cluster_in_the_badia() {
    let ds = sample();
    let first = CivilDateTime::date(2014, 1, 1).to_seconds();
    let after_last = CivilDateTime::date(2025, 1, 1).to_seconds();
    for incident in &ds.incidents {
        let when = &incident.when;
        assert!(
            when.start >= first && when.end <= after_last,
            "{} {:?}",
            incident.id,
            when
        );
    }
    let badia = ds
        .incidents
        .iter()
        .filter(|i| {
            let g = i.places[0].governorate.as_deref();
            matches!(g, Some("homs" | "deir-ez-zor" | "ar-raqqa"))
        })
        .count();
    assert!(badia > COUNT * 2 / 5, "Badia governorates: {badia}");
}

/// The benchmark size loads cleanly too. Slow in a debug build, so it runs
/// on request: `cargo test --release --test synth -- --ignored`.
#[test]
#[ignore]
fn a_hundred_thousand_incidents_load_cleanly() {
    let json = generate(100_000, 7);
    let started = std::time::Instant::now();
    let ds = load_clean(&json);
    eprintln!(
        "loaded {} incidents ({:.1} MB) in {:.2} s",
        ds.incidents.len(),
        json.len() as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    assert_eq!(ds.incidents.len(), 100_000);
}
