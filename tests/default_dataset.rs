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

// The fact-check of issue 12: each correction, as the data must now say it.

use incident_atlas::dataset::{Attribution, Dataset, Incident};
use incident_atlas::geo::distance_km;
use incident_atlas::text::Lang;

fn incident<'a>(ds: &'a Dataset, id_part: &str) -> &'a Incident {
    ds.incidents
        .iter()
        .find(|i| i.id.contains(id_part))
        .unwrap_or_else(|| panic!("an incident with {id_part:?} in its id"))
}

fn en(t: &Option<incident_atlas::text::Text>) -> &str {
    t.as_ref().and_then(|t| t.en.as_deref()).unwrap_or("")
}

fn ar(t: &Option<incident_atlas::text::Text>) -> &str {
    t.as_ref().and_then(|t| t.ar.as_deref()).unwrap_or("")
}

/// Deir ez-Zor and Tadmur (Palmyra), GeoNames 170794 and 163808, (lon, lat).
const DEIR_EZ_ZOR: (f64, f64) = (40.14084, 35.33588);
const TADMUR: (f64, f64) = (38.28402, 34.56240);

#[test]
fn kabajeb_is_an_area_that_covers_its_reported_position() {
    let ds = dataset().dataset;
    let kabajeb = incident(&ds, "kabajeb");
    let place = &kabajeb.places[0];
    assert_eq!(place.precision, PlacePrecision::Area);
    // Reported: about 35.0 N, 39.9–40.0 E (issue 12's fact-check).
    for lon in [39.9, 39.95, 40.0] {
        let off = distance_km((place.lon, place.lat), (lon, 35.0));
        assert!(
            off <= place.radius_km,
            "35.0 N {lon} E is {off:.0} km from the point, radius {} km",
            place.radius_km
        );
    }
    let gazetteer = place.gazetteer.as_deref().unwrap_or("");
    assert!(!gazetteer.contains("along the M20"), "{gazetteer}");
    let note = en(&kabajeb.note);
    assert!(note.contains("tools/gazetteer"), "{note}");
    assert!(
        note.contains("about 50 km south-west of Deir ez-Zor"),
        "{note}"
    );
    assert!(ar(&kabajeb.note).contains("tools/gazetteer"));
}

#[test]
fn al_malha_al_shola_is_placed_on_the_reported_road_without_an_unsourced_distance() {
    let ds = dataset().dataset;
    let malha = incident(&ds, "malha-shola");
    let place = &malha.places[0];
    assert_eq!(place.precision, PlacePrecision::Region);
    // Only "on the Deir ez-Zor–Palmyra road" is reported: the radius covers
    // the road from end to end.
    for end in [DEIR_EZ_ZOR, TADMUR] {
        let off = distance_km((place.lon, place.lat), end);
        assert!(off <= place.radius_km, "{off:.0} km > {}", place.radius_km);
    }
    let gazetteer = place.gazetteer.as_deref().unwrap_or("");
    assert!(!gazetteer.contains("22-50"), "{gazetteer}");
    let note = en(&malha.note);
    assert!(note.contains("no report gives a distance"), "{note}");
    assert!(!note.contains("Kabajeb"), "{note}");
}

#[test]
fn t3_hit_and_run_is_an_interpretation_with_its_basis() {
    let ds = dataset().dataset;
    let t3 = incident(&ds, "t3-bus-2022-01");
    let id = |p: usize| ds.patterns[p].id.as_str();
    let hit_and_run = t3
        .patterns
        .iter()
        .copied()
        .find(|p| id(*p) == "hit-and-run")
        .expect("T3 keeps the pattern");
    let basis = t3
        .interpretation(hit_and_run)
        .expect("marked as interpretation");
    let basis_en = basis.en.as_deref().unwrap_or("");
    assert!(
        basis_en.contains("general comment on ISIS tactics"),
        "{basis_en}"
    );
    assert!(basis_en.contains("SY24"), "{basis_en}");
    assert!(basis.ar.as_deref().is_some_and(|a| a.contains("تعقيب")));
    for p in &t3.patterns {
        if id(*p) != "hit-and-run" {
            assert!(t3.interpretation(*p).is_none(), "{} is reported", id(*p));
        }
    }
}

#[test]
fn about_times_are_approximate() {
    let ds = dataset().dataset;
    for part in ["kabajeb", "malha-shola", "t3-east"] {
        let when = &incident(&ds, part).when;
        assert!(when.has_time && when.approximate_time, "{part}");
    }
    for inc in &ds.incidents {
        if en(&inc.when.as_reported).contains("about") && inc.when.has_time {
            assert!(inc.when.approximate_time, "{}", inc.id);
        }
    }
}

#[test]
fn attributions_follow_the_wording() {
    let ds = dataset().dataset;
    // SY24 names ISIS for the October attacks in its own voice.
    assert_eq!(
        incident(&ds, "2020-10").perpetrator.attribution,
        Attribution::Asserted
    );
    // AP: "an official blamed IS".
    assert_eq!(
        incident(&ds, "t3-bus-2022-01").perpetrator.attribution,
        Attribution::Alleged
    );
}

#[test]
fn qudsaya_note_points_out_that_8_and_7_make_15() {
    let ds = dataset().dataset;
    let q = incident(&ds, "qudsaya");
    let note = en(&q.note);
    assert!(note.contains("make 15"), "{note}");
    assert!(note.contains("more than 15"), "{note}");
    assert!(ar(&q.note).contains("15"), "{}", ar(&q.note));
}

#[test]
fn the_publication_date_is_said_to_be_inferred() {
    let ds = dataset().dataset;
    let d = &ds.meta.description;
    assert!(en(d).contains("inferred"), "{}", en(d));
    assert!(ar(d).contains("استُنتج"), "{}", ar(d));
}

#[test]
fn arabic_renderings_of_other_outlets_are_marked_as_translations() {
    let ds = dataset().dataset;
    let primary = ds.meta.primary_source.expect("a primary source");
    for inc in ds.incidents.iter().filter(|i| !i.cites(primary)) {
        assert!(
            inc.when.as_reported_translated.contains(&Lang::Ar),
            "{}",
            inc.id
        );
        assert!(
            inc.where_as_reported_translated.contains(&Lang::Ar),
            "{}",
            inc.id
        );
    }
    let t3 = incident(&ds, "t3-bus-2022-01");
    assert!(t3.when.as_reported_translated.contains(&Lang::Ar));
    assert!(t3.where_as_reported_translated.contains(&Lang::Ar));
    assert!(incident(&ds, "kabajeb")
        .when
        .as_reported_translated
        .contains(&Lang::Ar));
    // SY24's own Arabic is not a translation.
    let q = incident(&ds, "qudsaya");
    assert!(q.when.as_reported_translated.is_empty());
    assert!(q.where_as_reported_translated.is_empty());
}

#[test]
fn the_story_tells_the_seed_article_and_each_step_points_at_an_incident() {
    let ds = dataset().dataset;
    let story = ds.story.as_ref().expect("the default dataset has a story");
    assert!((4..=6).contains(&story.len()), "{} steps", story.len());
    for (i, step) in story.steps.iter().enumerate() {
        for t in [&step.title, &step.text] {
            assert!(
                t.en.is_some() && t.ar.is_some(),
                "step {i} in both languages"
            );
        }
        if let Some(id) = &step.view.incident {
            assert!(ds.incident_index(id).is_some(), "step {i}: {id}");
        }
    }
    // T3 first, then the earlier attacks the article recalls, in its order.
    let incidents: Vec<Option<&str>> = story
        .steps
        .iter()
        .map(|s| s.view.incident.as_deref())
        .collect();
    assert_eq!(
        incidents,
        [
            Some("t3-bus-2022-01-02"),
            Some("kabajeb-bus-2020-12-30"),
            Some("deir-raqqa-positions-2020-10"),
            Some("qudsaya-bus-2021"),
            None,
        ]
    );
    // The last step shows the pattern: bus attacks only.
    let last = &story.steps[story.len() - 1].view;
    assert_eq!(
        last.filter.patterns,
        Some(incident_atlas::url_state::IdChoice::Only(vec![
            "bus-ambush".into()
        ]))
    );
    // Every figure a step's text gives is in a claim of the dataset.
    let figures: std::collections::HashSet<u32> = ds
        .incidents
        .iter()
        .flat_map(|i| &i.claims)
        .flat_map(|c| [&c.killed, &c.wounded])
        .filter_map(|f| f.as_ref().and_then(Figure::headline))
        .collect();
    for step in &story.steps {
        // Names with digits are not figures.
        let en = step.text.en.as_deref().unwrap_or_default();
        let en = en.replace("SY24", "").replace("T3", "");
        for word in en.split(|c: char| !c.is_ascii_digit()) {
            let Ok(n) = word.parse::<u32>() else { continue };
            // Years and days of the month are dates.
            let day = ["January", "March", "August", "October", "December"]
                .iter()
                .any(|m| en.contains(&format!("{n} {m}")));
            if n >= 1900 || day {
                continue;
            }
            assert!(
                figures.contains(&n),
                "{n} in {en:?} is not a claimed figure"
            );
        }
    }
}
