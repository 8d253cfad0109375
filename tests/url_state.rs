//! The view in the URL: written in a stable order without defaults, read
//! back to the same state, and read forgivingly (warnings, never errors).

use incident_atlas::dataset::{load, Dataset, Region};
use incident_atlas::filter::{Facet, Filter, KilledBasis, MinKilled, TimeRange};
use incident_atlas::text::Lang;
use incident_atlas::time::CivilDateTime;
use incident_atlas::url_state::{
    Digits, FilterState, IdChoice, KilledBasisState, KilledState, MapState, Theme, ViewState,
};
use serde_json::json;

fn at(date: &str) -> i64 {
    CivilDateTime::parse(date)
        .expect("a test date")
        .to_seconds()
}

fn range(start: &str, end: &str) -> TimeRange {
    TimeRange::new(at(start), at(end))
}

/// A small dataset whose ids need encoding: a comma, Arabic letters.
fn fixture() -> Dataset {
    let incident = |id: &str, pattern: &str, source: &str| {
        json!({
            "id": id, "title": { "en": id },
            "when": { "start": "2021-01-01", "precision": "exact" },
            "where": { "places": [ { "name": { "en": "x" }, "lat": 35.0, "lon": 38.0, "precision": "exact" } ] },
            "patterns": [pattern], "perpetrator": { "actor": null, "attribution": "unknown" },
            "casualties": [ { "claimant": "sohr", "source": source, "killed": 3 } ],
            "sources": [source]
        })
    };
    let doc = json!({
        "format": "incident-atlas", "version": 1,
        "meta": { "title": { "en": "Fixture" } },
        "patterns": [
            { "id": "bus-ambush", "label": { "en": "Bus" }, "color": "#000000", "shape": "circle" },
            { "id": "hit-and-run", "label": { "en": "Raid" }, "color": "#000000", "shape": "square" },
            { "id": "kidnapping", "label": { "en": "Kidnapping" }, "color": "#000000", "shape": "star" },
            { "id": "explosion", "label": { "en": "Explosion" }, "color": "#000000", "shape": "cross" }
        ],
        "actors": [ { "id": "isis", "name": { "en": "ISIS" } } ],
        "claimants": [
            { "id": "sana", "name": { "en": "SANA" }, "kind": "government" },
            { "id": "sohr", "name": { "en": "SOHR" }, "kind": "monitor" }
        ],
        "sources": [
            { "id": "s,1", "outlet": { "en": "One" } },
            { "id": "مصدر", "outlet": { "ar": "مصدر" } }
        ],
        "incidents": [
            incident("kabajeb-bus-2020-12-30", "bus-ambush", "s,1"),
            incident("t3-bus-2022-01-02", "hit-and-run", "مصدر")
        ]
    });
    match load(&doc.to_string()) {
        Ok(loaded) => loaded.dataset,
        Err(problems) => panic!("fixture is invalid: {problems:#?}"),
    }
}

fn default_dataset() -> Dataset {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/incidents.json"))
        .expect("data/incidents.json is readable");
    load(&text).expect("the default dataset loads").dataset
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// Reads a query that must give no warnings.
fn read_clean(query: &str, ds: &Dataset) -> ViewState {
    let (state, warnings) = ViewState::from_query(query, ds);
    assert!(warnings.is_empty(), "{query}: {warnings:#?}");
    state
}

fn assert_round_trip(state: &ViewState, ds: &Dataset) {
    let query = state.to_query();
    assert_eq!(&read_clean(&query, ds), state, "through {query:?}");
    assert_eq!(
        &read_clean(&format!("?{query}"), ds),
        state,
        "with a leading ?"
    );
}

#[test]
fn an_empty_query_is_the_default_view() {
    let ds = fixture();
    for q in ["", "?", "&&", "?&"] {
        assert_eq!(read_clean(q, &ds), ViewState::default(), "{q:?}");
    }
    assert_eq!(ViewState::default().to_query(), "");
    assert!(ViewState::default().to_filter(&ds).is_everything());
}

#[test]
fn every_field_round_trips() {
    let ds = fixture();
    let full = ViewState {
        lang: Some(Lang::En),
        data: Some("https://example.org/data/incidents.json?v=2&x=a b".into()),
        filter: FilterState {
            patterns: Some(IdChoice::Except(ids(&["explosion"]))),
            actors: Some(IdChoice::Only(ids(&["isis", "none"]))),
            attributions: Some(IdChoice::Only(ids(&["claimed", "believed"]))),
            targets: Some(IdChoice::Except(ids(&["unknown"]))),
            governorates: Some(IdChoice::Only(ids(&["homs", "deir-ez-zor", "other"]))),
            areas: Some(IdChoice::Only(ids(&["badia"]))),
            claimants: Some(IdChoice::Only(ids(&["sohr"]))),
            sources: Some(IdChoice::Only(ids(&["s,1", "مصدر"]))),
            killed: Some(KilledState {
                at_least: 10,
                basis: KilledBasisState::Claimant("sohr".into()),
            }),
            time: Some(range("2020-10-01", "2021-03-01")),
            query: "المحطة الثالثة & T3+".into(),
        },
        timeline: Some(range("2020-12-30T16:00", "2021-01-02T08:30")),
        map: Some(MapState::centre(38.46, 34.52, 7.5)),
        selected: Some("t3-bus-2022-01-02".into()),
        embed: true,
        theme: Theme::Dark,
        transparent: true,
        digits: Some(Digits::Latn),
    };
    assert_round_trip(&full, &ds);

    let others = [
        ViewState {
            lang: Some(Lang::Ar),
            map: Some(MapState::Region(Region::DeirEzZor)),
            ..ViewState::default()
        },
        ViewState {
            filter: FilterState {
                patterns: Some(IdChoice::Only(Vec::new())),
                killed: Some(KilledState {
                    at_least: 1,
                    basis: KilledBasisState::Lowest,
                }),
                query: "قُدْسَيّا".into(),
                ..FilterState::default()
            },
            theme: Theme::Light,
            digits: Some(Digits::Arab),
            ..ViewState::default()
        },
        ViewState {
            filter: FilterState {
                killed: Some(KilledState {
                    at_least: 25,
                    basis: KilledBasisState::Highest,
                }),
                ..FilterState::default()
            },
            map: Some(MapState::centre(-0.00001, -33.123456, 0.25)),
            ..ViewState::default()
        },
    ];
    for state in &others {
        assert_round_trip(state, &ds);
    }
}

#[test]
fn the_query_is_in_a_stable_order_and_readable() {
    let ds = fixture();
    let state = ViewState {
        lang: Some(Lang::En),
        filter: FilterState {
            patterns: Some(IdChoice::Only(ids(&["bus-ambush", "kidnapping"]))),
            sources: Some(IdChoice::Only(ids(&["s,1"]))),
            killed: Some(KilledState {
                at_least: 5,
                basis: KilledBasisState::Lowest,
            }),
            time: Some(range("2020-10-01", "2021-03-01")),
            query: "deir ez-zor".into(),
            ..FilterState::default()
        },
        map: Some(MapState::centre(38.46, 34.52, 7.0)),
        selected: Some("t3-bus-2022-01-02".into()),
        embed: true,
        ..ViewState::default()
    };
    assert_eq!(
        state.to_query(),
        "lang=en&q=deir+ez-zor&pattern=bus-ambush,kidnapping&source=s%2C1\
         &killed=5,lowest&time=2020-10-01..2021-03-01&map=38.4600,34.5200,7\
         &incident=t3-bus-2022-01-02&embed=1"
    );
    // Parameters may come in any order.
    let shuffled = "embed=1&incident=t3-bus-2022-01-02&map=38.4600,34.5200,7&time=2020-10-01..2021-03-01\
                    &killed=5,lowest&source=s%2C1&pattern=bus-ambush,kidnapping&q=deir+ez-zor&lang=en";
    assert_eq!(read_clean(shuffled, &ds), state);
}

#[test]
fn a_filter_survives_the_url() {
    for ds in [fixture(), default_dataset()] {
        let mut filters = Vec::new();
        let mut f = Filter::everything(&ds);
        filters.push(f.clone());
        f.toggle_value(Facet::Pattern, 0);
        f.only_value(Facet::Actor, Facet::Actor.value_count(&ds) - 1);
        filters.push(f.clone());
        f.toggle_value(Facet::Region, 1);
        f.toggle_value(Facet::Governorate, 3);
        f.only_value(Facet::Source, 1);
        f.only_value(Facet::Claimant, 1);
        f.time = Some(range("2020-12-30T16:00", "2022-01-01"));
        f.query = "حافلة T3".into();
        f.min_killed = Some(MinKilled {
            at_least: 4,
            basis: KilledBasis::Claimant(1),
        });
        filters.push(f.clone());
        f.min_killed = Some(MinKilled {
            at_least: 4,
            basis: KilledBasis::Lowest,
        });
        f.set_selection(Facet::Target, Some(vec![false; 8]));
        filters.push(f.clone());
        for filter in filters {
            let state = ViewState::default().with_filter(&filter, &ds);
            let query = state.to_query();
            let back = read_clean(&query, &ds);
            assert_eq!(back, state, "{query}");
            assert_eq!(back.to_filter(&ds), filter, "{query}");
        }
    }
}

#[test]
fn lists_are_written_the_shorter_way() {
    let ds = default_dataset();
    let explosion = Facet::Pattern
        .value_of_id(&ds, "explosion")
        .expect("pattern");
    let bus = Facet::Pattern
        .value_of_id(&ds, "bus-ambush")
        .expect("pattern");
    let mut f = Filter::everything(&ds);
    f.toggle_value(Facet::Pattern, explosion);
    let query = ViewState::default().with_filter(&f, &ds).to_query();
    assert_eq!(query, "pattern-except=explosion");
    f.only_value(Facet::Pattern, bus);
    let query = ViewState::default().with_filter(&f, &ds).to_query();
    assert_eq!(query, "pattern=bus-ambush");
    // Nothing on is an empty list, which hides everything.
    f.toggle_value(Facet::Pattern, bus);
    let query = ViewState::default().with_filter(&f, &ds).to_query();
    assert_eq!(query, "pattern=");
    assert!(read_clean(&query, &ds).to_filter(&ds).apply(&ds).is_empty());
}

#[test]
fn the_map_links_of_the_first_version_still_work() {
    let ds = default_dataset();
    let state = read_clean("?region=badia&lang=en", &ds);
    assert_eq!(state.map, Some(MapState::Region(Region::Badia)));
    assert_eq!(state.lang, Some(Lang::En));
    assert_eq!(state.to_query(), "lang=en&region=badia");
}

/// Reads a query, expecting it to warn about each fragment in `warned`.
fn read_warned(query: &str, ds: &Dataset, warned: &[&str]) -> ViewState {
    let (state, warnings) = ViewState::from_query(query, ds);
    assert_eq!(warnings.len(), warned.len(), "{query}: {warnings:#?}");
    for (w, fragment) in warnings.iter().zip(warned) {
        assert!(w.contains(fragment), "{w:?} should mention {fragment:?}");
    }
    state
}

#[test]
fn malformed_values_are_ignored_with_a_warning() {
    let ds = default_dataset();
    let state = read_warned(
        "lang=fr&time=last+week&timeline=2021-03-01..2020-10-01&map=34.5,38.4&theme=blue\
         &digits=roman&embed=maybe&killed=many&killed-by=sana",
        &ds,
        &[
            "lang: expected ar or en",
            "time: expected a range like 2020-10-01..2021-03-01",
            "timeline: the range",
            "map: expected longitude,latitude,zoom",
            "theme: expected light, dark or auto",
            "digits: expected arab or latn",
            "embed: expected 1 or 0",
            "killed: expected a number",
            "unknown parameter \"killed-by\"",
        ],
    );
    assert_eq!(state, ViewState::default());

    let state = read_warned(
        "map=200,35,6&time=2020-10-01..2021-03-01&q=%D8%AD%D9%84%zz&lang=ar&lang=en",
        &ds,
        &[
            "map: \"200,35,6\" is not on Earth",
            "q: \"%D8%AD%D9%84%zz\" has a % that does not start an escape",
            "lang: the view already has a value",
        ],
    );
    assert_eq!(state.map, None);
    assert_eq!(state.filter.time, Some(range("2020-10-01", "2021-03-01")));
    assert_eq!(state.filter.query, "حل%zz");
    assert_eq!(state.lang, Some(Lang::Ar), "the first value counts");
}

#[test]
fn unknown_ids_are_ignored_with_a_warning() {
    let ds = default_dataset();
    let state = read_warned(
        "pattern=bus-ambush,car-bomb&actor=hts&governorate=beirut,homs&area=aleppo\
         &incident=no-such-incident&killed=10,by:reuters&source=sy24-2022-01",
        &ds,
        &[
            "pattern: unknown pattern \"car-bomb\", ignored (known: bus-ambush,",
            "actor: unknown actor \"hts\"",
            "governorate: unknown governorate \"beirut\"",
            "area: unknown area \"aleppo\"",
            "incident: no incident has the id \"no-such-incident\"",
            "killed: unknown claimant \"reuters\"",
        ],
    );
    assert_eq!(
        state.filter.patterns,
        Some(IdChoice::Only(ids(&["bus-ambush"]))),
        "the known ids stay"
    );
    assert_eq!(state.filter.actors, None, "no known id: no restriction");
    assert_eq!(
        state.filter.governorates,
        Some(IdChoice::Only(ids(&["homs"])))
    );
    assert_eq!(state.filter.areas, None);
    assert_eq!(state.filter.killed, None);
    assert_eq!(state.selected, None);
    assert_eq!(
        state.filter.sources,
        Some(IdChoice::Only(ids(&["sy24-2022-01"])))
    );
    let filter = state.to_filter(&ds);
    let shown: Vec<&str> = filter
        .apply(&ds)
        .iter()
        .map(|&i| ds.incidents[i as usize].id.as_str())
        .collect();
    assert_eq!(
        shown,
        ["t3-bus-2022-01-02"],
        "bus ambushes in Homs citing SY24"
    );
}

#[test]
fn pattern_and_pattern_except_are_one_choice() {
    let ds = default_dataset();
    let state = read_warned(
        "pattern-except=explosion&pattern=bus-ambush",
        &ds,
        &["pattern: the view already has a value"],
    );
    assert_eq!(
        state.filter.patterns,
        Some(IdChoice::Except(ids(&["explosion"])))
    );
    let state = read_warned(
        "map=38.46,34.52,7&region=badia",
        &ds,
        &["region: the view already has a value"],
    );
    assert_eq!(state.map, Some(MapState::centre(38.46, 34.52, 7.0)));
}

#[test]
fn flags_and_the_dataset_url() {
    let ds = default_dataset();
    let state = read_clean(
        "embed&transparent=true&data=https://example.org/a.json%3Fv%3D1",
        &ds,
    );
    assert!(state.embed && state.transparent);
    assert_eq!(
        state.data.as_deref(),
        Some("https://example.org/a.json?v=1")
    );
    assert_eq!(
        state.to_query(),
        "data=https://example.org/a.json%3Fv%3D1&embed=1&transparent=1"
    );
    let state = read_clean("embed=0&transparent=no", &ds);
    assert_eq!(state, ViewState::default());
}
