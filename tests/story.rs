//! Story mode: a story's JSON validated against a dataset with located
//! problems, and the author's JSON reading back as the same story.

use incident_atlas::dataset::{load, Dataset, Message};
use incident_atlas::story::author::{step_from_view, story_json};
use incident_atlas::story::{load_story_file, validate_story, StoryMessage};
use incident_atlas::text::{Lang, Text};
use incident_atlas::url_state::{IdChoice, MapState, ViewState};
use serde_json::json;

fn dataset() -> Dataset {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/incidents.json"))
        .expect("data/incidents.json is readable");
    load(&text).expect("the default dataset loads").dataset
}

fn step(view: serde_json::Value) -> serde_json::Value {
    json!({ "title": { "en": "A step" }, "text": { "ar": "نص" }, "view": view })
}

/// The problems of a story file, as "path: message" in English.
fn problems(story: serde_json::Value, ds: &Dataset) -> Vec<String> {
    match load_story_file(&story.to_string(), ds) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(|p| p.to_string()).collect(),
    }
}

#[test]
fn a_valid_story_file_loads() {
    let ds = dataset();
    let story = json!({
        "title": { "en": "Two steps", "ar": "خطوتان" },
        "steps": [
            step(json!({ "region": "Badia", "filter": { "pattern": ["bus-ambush"], "q": "T3" } })),
            step(json!({
                "map": { "lon": 38.69, "lat": 34.7, "zoom": 2.5 },
                "time": "2022-01-01..2022-01-05",
                "timeline": "2021-12-01..2022-02-01",
                "filter": { "actor-except": ["none"], "killed": 5, "killed_by": "lowest" },
                "incident": "t3-bus-2022-01-02"
            })),
        ]
    });
    let s = load_story_file(&story.to_string(), &ds).expect("valid");
    assert_eq!(s.len(), 2);
    assert_eq!(
        s.steps[0].view.map,
        Some(MapState::Region(incident_atlas::geo::Region::Badia))
    );
    assert_eq!(
        s.steps[0].view.filter.patterns,
        Some(IdChoice::Only(vec!["bus-ambush".into()]))
    );
    let second = &s.steps[1].view;
    assert_eq!(second.incident.as_deref(), Some("t3-bus-2022-01-02"));
    assert!(second.filter.time.is_some() && second.timeline.is_some());
    assert_eq!(second.filter.killed.as_ref().map(|k| k.at_least), Some(5));
}

#[test]
fn every_problem_is_located() {
    let ds = dataset();
    let story = json!({
        "title": { "en": "" },
        "steps": [
            step(json!({ "incident": "t3-bus-2022-01-02" })),
            { "title": { "en": "no text" }, "view": {} },
            step(json!({ "incident": "x" })),
            step(json!({ "region": "narnia", "time": "2022", "filter": { "pattern": ["ambush"], "colour": ["red"] } })),
            step(json!({ "region": "badia", "map": { "lon": 38, "lat": 34, "zoom": 2 } })),
            step(json!({ "map": { "lon": 200, "lat": 34, "zoom": 99 } })),
            step(json!({ "zoom": 3 })),
            step(json!({ "filter": { "pattern": ["bus-ambush"], "pattern-except": ["explosion"] } })),
        ]
    });
    let got = problems(story, &ds);
    let expected = [
        "title: give the text",
        "steps[1].text: is missing",
        "steps[2].view.incident: no incident with id \"x\"",
        "steps[3].view.time: expected a range like",
        "steps[3].view.region: expected one of syria, badia",
        "steps[3].view.filter.colour: \"colour\" is not a filter",
        "steps[3].view.filter.pattern[0]: the dataset has no pattern \"ambush\" (known: bus-ambush",
        "steps[4].view: give either \"region\" or \"map\", not both",
        "steps[5].view.map.lon: 200 is not a longitude",
        "steps[5].view.map.zoom: the zoom 99 is outside",
        "steps[6].view.zoom: unknown field `zoom`",
        "steps[7].view.filter.pattern-except: \"pattern\" and \"pattern-except\" are both given",
    ];
    for e in expected {
        assert!(
            got.iter().any(|p| p.starts_with(e)),
            "{e:?} not in {got:#?}"
        );
    }
    assert_eq!(got.len(), expected.len(), "{got:#?}");
}

#[test]
fn a_story_in_a_dataset_is_located_under_story() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/incidents.json"))
        .expect("readable");
    let mut doc: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    doc["story"]["steps"][2]["view"]["incident"] = json!("x");
    let problems = load(&doc.to_string()).expect_err("the story's error stops the dataset");
    let texts: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        texts,
        ["story.steps[2].view.incident: no incident with id \"x\" in the dataset"]
    );
    assert_eq!(
        problems[0].message,
        Message::Story(StoryMessage::UnknownIncident { id: "x".into() })
    );
    assert!(problems[0].message.text(Lang::Ar).contains("لا توجد"));
    // Not an object, no steps, empty steps.
    for (story, path) in [
        (json!("a story"), "story"),
        (json!({ "title": { "en": "t" } }), "story.steps"),
        (
            json!({ "title": { "en": "t" }, "steps": [] }),
            "story.steps",
        ),
    ] {
        doc["story"] = story;
        let problems = load(&doc.to_string()).expect_err("refused");
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_eq!(problems[0].path, path);
    }
    // Without a story the dataset has none.
    doc.as_object_mut().expect("object").remove("story");
    assert_eq!(load(&doc.to_string()).expect("loads").dataset.story, None);
}

#[test]
fn a_story_file_that_is_not_json_says_where() {
    let ds = dataset();
    let err = load_story_file("{ \"title\": ", &ds).expect_err("not JSON");
    assert_eq!(err.len(), 1);
    assert!(err[0].path.starts_with("line 1, column"), "{err:?}");
}

#[test]
fn the_authors_json_reads_back_as_the_same_story() {
    let ds = dataset();
    let base = ds.story.clone().expect("the default story");
    // Every step of the default story, written out and read back.
    let written = story_json(&base);
    let back = load_story_file(&written, &ds).expect("the written story is valid");
    assert_eq!(back, base);

    // A view the author built by hand in the atlas: the URL's state.
    let (view, warnings) = ViewState::from_query(
        "lang=ar&q=%D8%AD%D8%A7%D9%81%D9%84%D8%A9&pattern-except=explosion&actor=isis,none\
         &killed=3,by:sohr&time=2020-12-01..2021-02-01&timeline=2020-06-01..2021-06-01\
         &map=39.7500,35.0200,2.25&incident=kabajeb-bus-2020-12-30&step=2",
        &ds,
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    let added = step_from_view(&view, &ds, 6);
    assert_eq!(
        added.title, ds.incidents[1].title,
        "the selected incident's title"
    );
    let mut story = base.clone();
    story.steps.push(added.clone());
    let plain = step_from_view(&ViewState::default(), &ds, 7);
    assert_eq!(plain.title, Text::new("Step 7", "الخطوة 7"));
    story.steps.push(plain);
    let back = load_story_file(&story_json(&story), &ds).expect("valid");
    assert_eq!(back, story);
    // The step's view is the view it was made from (less the page and the
    // step number, which are not the view's).
    let again = back.steps[5].view.to_view_state(&view.page);
    assert_eq!(again, ViewState { step: None, ..view });
    let (validated, problems) = validate_story(
        &serde_json::from_str(&story_json(&story)).expect("JSON"),
        &ds,
        "story",
    );
    assert!(problems.is_empty() && validated.is_some());
}
