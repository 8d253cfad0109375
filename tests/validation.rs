//! The loader reports every problem with its path, and accepts good data.

use incident_atlas::dataset::{load, DatePrecision, Figure, Problem};
use serde_json::{json, Value};

fn valid() -> Value {
    json!({
        "format": "incident-atlas",
        "version": 1,
        "meta": { "title": { "en": "Test", "ar": "اختبار" }, "primary_source": "s1" },
        "patterns": [
            { "id": "bus-ambush", "label": { "en": "Bus ambush" }, "color": "#d55e00", "shape": "circle" },
            { "id": "kidnapping", "label": { "en": "Kidnapping" }, "color": "#0072b2", "shape": "square" }
        ],
        "actors": [ { "id": "isis", "name": { "en": "ISIS" } } ],
        "claimants": [ { "id": "sana", "name": { "en": "SANA" }, "kind": "government" } ],
        "sources": [ { "id": "s1", "outlet": { "en": "SY24" }, "url": "https://example.org/a" } ],
        "incidents": [
            {
                "id": "a",
                "title": { "en": "A" },
                "when": { "start": "2020-12-30", "precision": "exact" },
                "where": { "places": [ { "name": { "en": "Kabajeb" }, "lat": 35.0, "lon": 39.9, "precision": "near" } ] },
                "patterns": ["bus-ambush", "kidnapping"],
                "perpetrator": { "actor": "isis", "attribution": "believed", "according_to": ["s1"] },
                "casualties": [ { "claimant": "sana", "source": "s1", "killed": 5, "wounded": { "text": { "en": "others" } } } ],
                "sources": ["s1"]
            },
            {
                "id": "b",
                "title": { "ar": "ب" },
                "when": { "start": "2020-10-01", "end": "2020-10-10", "precision": "part-of-month" },
                "where": { "places": [ { "name": { "en": "Deir ez-Zor" }, "lat": 35.3, "lon": 40.1, "precision": "region" } ] },
                "patterns": ["bus-ambush"],
                "perpetrator": { "actor": null, "attribution": "unknown" },
                "sources": ["s1"]
            },
            {
                "id": "c",
                "title": { "en": "C" },
                "when": { "start": "2021-05-01", "end": "2021-08-31", "precision": "season" },
                "where": { "places": [ { "name": { "en": "Qudsaya" }, "lat": 33.53, "lon": 36.24, "precision": "exact" } ] },
                "patterns": ["kidnapping"],
                "perpetrator": { "actor": null, "attribution": "unknown" },
                "sources": ["s1"]
            }
        ]
    })
}

fn errors_of(doc: &Value) -> Vec<Problem> {
    match load(&doc.to_string()) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.into_iter().filter(Problem::is_error).collect(),
    }
}

/// Asserts that loading fails with an error at `path` whose message
/// contains `needle`.
fn assert_error(doc: &Value, path: &str, needle: &str) {
    let errors = errors_of(doc);
    assert!(
        errors
            .iter()
            .any(|p| p.path == path && p.message.contains(needle)),
        "no error at {path} containing {needle:?}; got: {:#?}",
        errors.iter().map(ToString::to_string).collect::<Vec<_>>()
    );
}

#[test]
fn a_valid_dataset_loads_with_its_meaning() {
    let loaded = load(&valid().to_string()).expect("valid dataset");
    let ds = &loaded.dataset;
    assert_eq!(ds.incidents.len(), 3);
    assert_eq!(ds.incidents[0].patterns, vec![0, 1]);
    assert_eq!(ds.incidents[0].claims[0].killed, Some(Figure::Exact(5)));
    assert_eq!(ds.incidents[1].when.precision, DatePrecision::PartOfMonth);
    // The end date is inclusive: the interval runs to the end of 10 October.
    assert_eq!(
        ds.incidents[1].when.end - ds.incidents[1].when.start,
        10 * 86_400
    );
    assert_eq!(ds.meta.primary_source, Some(0));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
}

#[test]
fn a_malformed_date_is_located() {
    let mut doc = valid();
    doc["incidents"][2]["when"]["start"] = json!("30/12");
    assert_error(
        &doc,
        "incidents[2].when.start",
        "expected a date like 2020-12-30",
    );
    let errors = errors_of(&doc);
    assert_eq!(
        errors[0].to_string(),
        "incidents[2].when.start: expected a date like 2020-12-30 (or 2020-12-30T16:00), got \"30/12\""
    );
}

#[test]
fn dates_out_of_order() {
    let mut doc = valid();
    doc["incidents"][1]["when"]["end"] = json!("2020-09-01");
    assert_error(&doc, "incidents[1].when.end", "before the start");
}

#[test]
fn duplicate_ids() {
    let mut doc = valid();
    doc["incidents"][2]["id"] = json!("a");
    assert_error(
        &doc,
        "incidents[2].id",
        "duplicate id \"a\" (also incidents[0])",
    );
}

#[test]
fn coordinates_outside_the_world() {
    let mut doc = valid();
    doc["incidents"][0]["where"]["places"][0]["lat"] = json!(134.2);
    doc["incidents"][1]["where"]["places"][0]["lon"] = json!(-200.0);
    assert_error(
        &doc,
        "incidents[0].where.places[0].lat",
        "is not a latitude",
    );
    assert_error(
        &doc,
        "incidents[1].where.places[0].lon",
        "is not a longitude",
    );
}

#[test]
fn swapped_coordinates() {
    let mut doc = valid();
    let incidents = doc["incidents"].as_array_mut().expect("list");
    let template = incidents[1].clone();
    let mut add = |id: &str, lat: f64, lon: f64| {
        let mut more = template.clone();
        more["id"] = json!(id);
        more["where"]["places"][0]["lat"] = json!(lat);
        more["where"]["places"][0]["lon"] = json!(lon);
        incidents.push(more);
    };
    add("palmyra", 34.56, 38.27);
    add("raqqa", 35.95, 39.01);
    // Beirut: far from the rest but really there; its swap is at sea.
    add("beirut", 33.89, 35.50);
    // Palmyra written the wrong way round: central Turkey.
    add("swapped", 38.27, 34.56);
    let errors = errors_of(&doc);
    assert!(
        errors.iter().any(|p| p.path == "incidents[6].where.places[0]" && p.message.contains("look swapped")),
        "{errors:#?}"
    );
    assert_eq!(errors.len(), 1, "only the swapped place: {errors:#?}");
}

#[test]
fn unknown_pattern_ids_name_the_known_ones() {
    let mut doc = valid();
    doc["incidents"][0]["patterns"] = json!(["bus-ambush", "ambush"]);
    assert_error(
        &doc,
        "incidents[0].patterns[1]",
        "unknown pattern id \"ambush\" (known: bus-ambush, kidnapping)",
    );
}

#[test]
fn unsafe_urls_are_refused() {
    for url in [
        "javascript:alert(1)",
        "data:text/html,x",
        "/relative",
        "ftp://x.org",
        "https:// x",
    ] {
        let mut doc = valid();
        doc["sources"][0]["url"] = json!(url);
        assert_error(&doc, "sources[0].url", "only web links");
    }
    let mut doc = valid();
    doc["sources"][0]["url"] = json!("HTTP://Example.org/path?q=1");
    assert!(errors_of(&doc).is_empty());
}

#[test]
fn missing_fields_and_bad_vocabulary() {
    let mut doc = valid();
    doc["incidents"][0]["title"] = Value::Null;
    doc["incidents"][0]["when"]["precision"] = json!("monthly");
    doc["patterns"][0]["color"] = json!("red");
    doc["claimants"][0]["kind"] = json!("regime");
    assert_error(&doc, "incidents[0].title", "is missing");
    assert_error(
        &doc,
        "incidents[0].when.precision",
        "expected one of exact, days",
    );
    assert_error(&doc, "patterns[0].color", "expected a colour");
    assert_error(&doc, "claimants[0].kind", "got \"regime\"");
}

#[test]
fn bad_figures_and_unknown_claimants() {
    let mut doc = valid();
    doc["incidents"][0]["casualties"][0]["killed"] = json!({ "min": 30, "max": 20 });
    doc["incidents"][0]["casualties"][0]["claimant"] = json!("sohr");
    assert_error(&doc, "incidents[0].casualties[0].killed", "runs backwards");
    assert_error(
        &doc,
        "incidents[0].casualties[0].claimant",
        "unknown claimant id \"sohr\"",
    );
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let mut doc = valid();
    doc["incidents"][0]["when"]["start"] = json!("yesterday");
    doc["incidents"][1]["where"]["places"][0]["lat"] = json!(99.0);
    doc["incidents"][2]["patterns"] = json!(["nope"]);
    assert_eq!(errors_of(&doc).len(), 3, "{:#?}", errors_of(&doc));
}

#[test]
fn type_errors_in_several_incidents_are_all_located() {
    let mut doc = valid();
    doc["incidents"][0]["where"]["places"][0]["lat"] = json!("35.0");
    doc["incidents"][2]["title"] = json!("just a string");
    let errors = errors_of(&doc);
    assert!(
        errors
            .iter()
            .any(|p| p.path == "incidents[0].where.places[0].lat"),
        "{errors:#?}"
    );
    assert!(
        errors.iter().any(|p| p.path == "incidents[2].title"),
        "{errors:#?}"
    );
}

#[test]
fn not_json_and_not_a_dataset() {
    let errors = load("{ \"format\": ").expect_err("broken");
    assert!(errors[0].message.contains("not valid JSON"), "{errors:?}");
    assert!(errors[0].path.starts_with("line 1"));
    let errors = load("[1, 2]").expect_err("a list");
    assert!(errors[0].message.contains("JSON object"));
    let errors = load(
        &json!({ "format": "geojson", "version": 1, "meta": { "title": { "en": "x" } } })
            .to_string(),
    )
    .expect_err("wrong format");
    assert!(errors.iter().any(|p| p.path == "format"));
}

#[test]
fn warnings_do_not_block_loading() {
    let mut doc = valid();
    doc["incidents"][0]["where"]["places"][0]["governorate"] = json!("narnia");
    let loaded = load(&doc.to_string()).expect("loads with a warning");
    assert_eq!(loaded.warnings.len(), 1);
    assert_eq!(
        loaded.warnings[0].path,
        "incidents[0].where.places[0].governorate"
    );
}

/// A period of no length (a time of day as start, no end, and a precision
/// other than "exact") has nothing to spread over: it is refused, at the
/// incident's `when`, instead of loading and breaking the histogram.
#[test]
fn a_period_must_have_a_length() {
    let mut doc = valid();
    doc["incidents"][0]["when"] = json!({ "start": "2018-01-01T00:00", "precision": "year" });
    assert_error(&doc, "incidents[0].when", "no length");
    doc["incidents"][0]["when"] =
        json!({ "start": "2018-01-01T00:00", "end": "2018-01-01T00:00", "precision": "days" });
    assert_error(&doc, "incidents[0].when", "no length");
    // An exact instant, and a period given as whole days, are fine.
    doc["incidents"][0]["when"] = json!({ "start": "2018-01-01T00:00", "precision": "exact" });
    assert!(errors_of(&doc).is_empty(), "{:?}", errors_of(&doc));
    doc["incidents"][0]["when"] = json!({ "start": "2018-01-01", "precision": "year" });
    assert!(errors_of(&doc).is_empty(), "{:?}", errors_of(&doc));
}

#[test]
fn an_interpreted_pattern_loads_with_its_basis() {
    let mut doc = valid();
    doc["incidents"][0]["pattern_interpretations"] = json!([
        { "pattern": "kidnapping", "basis": { "en": "an activist's general comment" } }
    ]);
    let loaded = load(&doc.to_string()).expect("valid dataset");
    let a = &loaded.dataset.incidents[0];
    assert_eq!(
        a.interpretation(1).and_then(|t| t.en.as_deref()),
        Some("an activist's general comment")
    );
    assert_eq!(
        a.interpretation(0),
        None,
        "bus-ambush is reported, not read"
    );
}

#[test]
fn an_interpretation_must_name_one_of_the_incidents_patterns_once_with_a_basis() {
    let at = "incidents[0].pattern_interpretations";
    let mut doc = valid();
    doc["incidents"][0]["pattern_interpretations"] = json!([
        { "pattern": "hit-and-run", "basis": { "en": "x" } },
        { "pattern": "kidnapping" },
        { "basis": { "en": "x" } },
        { "pattern": "kidnapping", "basis": {} }
    ]);
    assert_error(
        &doc,
        &format!("{at}[0].pattern"),
        "unknown pattern id \"hit-and-run\"",
    );
    assert_error(&doc, &format!("{at}[1].basis"), "is missing");
    assert_error(&doc, &format!("{at}[2].pattern"), "is missing");
    assert_error(&doc, &format!("{at}[3].basis"), "give the text");

    let mut doc = valid();
    // Incident c lists only kidnapping.
    doc["incidents"][2]["pattern_interpretations"] = json!([
        { "pattern": "bus-ambush", "basis": { "en": "x" } }
    ]);
    assert_error(
        &doc,
        "incidents[2].pattern_interpretations[0].pattern",
        "not in the incident's \"patterns\" list",
    );

    let mut doc = valid();
    doc["incidents"][0]["pattern_interpretations"] = json!([
        { "pattern": "kidnapping", "basis": { "en": "x" } },
        { "pattern": "kidnapping", "basis": { "en": "y" } }
    ]);
    assert_error(&doc, &format!("{at}[1].pattern"), "already interpreted");
}

#[test]
fn an_approximate_time_needs_a_time_of_day() {
    let mut doc = valid();
    doc["incidents"][0]["when"]["start"] = json!("2020-12-30T16:00");
    doc["incidents"][0]["when"]["approximate_time"] = json!(true);
    let loaded = load(&doc.to_string()).expect("valid dataset");
    let when = &loaded.dataset.incidents[0].when;
    assert!(when.has_time && when.approximate_time);
    assert!(!loaded.dataset.incidents[1].when.approximate_time);

    doc["incidents"][0]["when"]["start"] = json!("2020-12-30");
    assert_error(
        &doc,
        "incidents[0].when.approximate_time",
        "qualifies a time of day",
    );
    doc["incidents"][0]["when"]["approximate_time"] = json!("yes");
    assert!(
        errors_of(&doc)
            .iter()
            .any(|p| p.path.starts_with("incidents[0]")),
        "a non-boolean flag is refused where it is"
    );
}

#[test]
fn a_translation_mark_names_a_language_the_text_has() {
    let mut doc = valid();
    doc["incidents"][0]["when"]["as_reported"] = json!({ "en": "about 4 pm", "ar": "نحو الرابعة" });
    doc["incidents"][0]["when"]["as_reported_translated"] = json!(["ar"]);
    doc["incidents"][0]["where"]["as_reported"] = json!({ "en": "Kabajeb area" });
    doc["incidents"][0]["where"]["as_reported_translated"] = json!(["en"]);
    let loaded = load(&doc.to_string()).expect("valid dataset");
    let a = &loaded.dataset.incidents[0];
    assert_eq!(
        a.when.as_reported_translated,
        vec![incident_atlas::text::Lang::Ar]
    );
    assert_eq!(
        a.where_as_reported_translated,
        vec![incident_atlas::text::Lang::En]
    );

    doc["incidents"][0]["where"]["as_reported_translated"] = json!(["ar", "fr"]);
    assert_error(
        &doc,
        "incidents[0].where.as_reported_translated[0]",
        "has no \"ar\" text",
    );
    assert_error(
        &doc,
        "incidents[0].where.as_reported_translated[1]",
        "expected one of ar, en, got \"fr\"",
    );
    doc["incidents"][1]["when"]["as_reported_translated"] = json!(["en"]);
    assert_error(
        &doc,
        "incidents[1].when.as_reported_translated[0]",
        "has no \"en\" text",
    );
}

#[test]
fn asserted_is_an_attribution() {
    let mut doc = valid();
    doc["incidents"][0]["perpetrator"]["attribution"] = json!("asserted");
    let loaded = load(&doc.to_string()).expect("valid dataset");
    assert_eq!(
        loaded.dataset.incidents[0].perpetrator.attribution,
        incident_atlas::dataset::Attribution::Asserted
    );
}

/// A top-level field of the wrong type decodes in no part on its own: the
/// loader still locates it (on the parsed document, issue 11), and text
/// after the document is a syntax error with its line.
#[test]
fn top_level_shape_errors_are_located() {
    let mut doc = valid();
    doc["format"] = json!(5);
    let errors = load(&doc.to_string()).expect_err("format is a number");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].path, "format");
    assert!(errors[0].message.contains("expected"), "{errors:#?}");
    let errors = load(&format!("{} x", valid())).expect_err("trailing text");
    assert!(errors[0].message.contains("not valid JSON"), "{errors:?}");
    assert!(errors[0].path.starts_with("line 1"), "{errors:?}");
}
