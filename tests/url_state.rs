//! The view in the URL: written in a stable order without defaults, read
//! back to the same state, and read forgivingly (warnings, never errors).

use incident_atlas::dataset::{load, Dataset};
use incident_atlas::filter::{Facet, Filter, KilledBasis, MinKilled, TimeRange};
use incident_atlas::geo::Region;
use incident_atlas::text::Lang;
use incident_atlas::time::CivilDateTime;
use incident_atlas::url_state::{
    url_range, Digits, FilterState, IdChoice, KilledBasisState, KilledState, MapState, Page, Pym,
    Theme, ViewState, MAX_LIST_IDS, MAX_WARNINGS, ZOOM_RANGE,
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
        page: Page {
            lang: Some(Lang::En),
            data: Some("https://example.org/data/incidents.json?v=2&x=a b".into()),
            story: Some("stories/t3 & more.json".into()),
            author: true,
            embed: true,
            theme: Theme::Dark,
            transparent: true,
            digits: Some(Digits::Latn),
            frame: Some("incident-atlas-k3v9qa".into()),
            pym: Pym {
                child_id: Some("pym-1".into()),
                initial_width: Some("640".into()),
                parent_title: Some("مقال & \"news\"".into()),
                parent_url: Some("https://news.example/a?b=c#d".into()),
            },
        },
        filter: FilterState {
            patterns: Some(IdChoice::Except(ids(&["explosion"]))),
            actors: Some(IdChoice::Only(ids(&["isis", "none"]))),
            attributions: Some(IdChoice::Only(ids(&["claimed", "believed"]))),
            targets: Some(IdChoice::Except(ids(&["unknown"]))),
            governorates: Some(IdChoice::Only(ids(&["homs", "deir-ez-zor", "other"]))),
            areas: Some(IdChoice::Only(ids(&["badia"]))),
            claimants: Some(IdChoice::Only(ids(&["sohr"]))),
            sources: Some(IdChoice::Only(ids(&["s,1", "مصدر"]))),
            date_precisions: Some(IdChoice::Only(ids(&["exact", "season"]))),
            place_precisions: Some(IdChoice::Except(ids(&["region"]))),
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
        step: Some(3),
    };
    assert_round_trip(&full, &ds);

    let others = [
        ViewState {
            page: Page {
                lang: Some(Lang::Ar),
                ..Page::default()
            },
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
            page: Page {
                theme: Theme::Auto,
                digits: Some(Digits::Arab),
                ..Page::default()
            },
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
        page: Page {
            lang: Some(Lang::En),
            embed: true,
            ..Page::default()
        },
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
        f.toggle_value(Facet::DatePrecision, 0);
        f.only_value(Facet::PlacePrecision, 2);
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
    assert_eq!(state.page.lang, Some(Lang::En));
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
    assert_eq!(state.page.lang, Some(Lang::Ar), "the first value counts");
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
    assert!(state.page.embed && state.page.transparent);
    assert_eq!(
        state.page.data.as_deref(),
        Some("https://example.org/a.json?v=1")
    );
    assert_eq!(
        state.to_query(),
        "data=https://example.org/a.json%3Fv%3D1&embed=1&transparent=1"
    );
    let state = read_clean("embed=0&transparent=no", &ds);
    assert_eq!(state, ViewState::default());
}

#[test]
fn the_page_reads_without_a_dataset_as_the_view_reads_it() {
    let ds = fixture();
    let query = "lang=EN&data=https://x.org/a.json&pattern=bus-ambush&embed=on&theme=Auto\
                 &digits=LATN&frame=f-1&childId=pym-1&parentUrl=https%3A%2F%2Fnews.example%2F";
    let (page, warnings) = Page::from_query(query);
    assert!(warnings.is_empty(), "{warnings:?}");
    let view = read_clean(query, &ds);
    assert_eq!(view.page, page);
    assert_eq!(page.lang, Some(Lang::En));
    assert!(page.embed);
    assert_eq!(page.theme, Theme::Auto);
    assert_eq!(page.digits, Some(Digits::Latn));
    assert_eq!(page.frame.as_deref(), Some("f-1"));
    assert_eq!(page.pym.child_id.as_deref(), Some("pym-1"));
    assert_eq!(
        page.pym.parent_url.as_deref(),
        Some("https://news.example/")
    );
    // Outside a frame, the embedding options go; the rest stays.
    let unframed = page.unframed();
    assert_eq!(
        unframed,
        Page {
            lang: Some(Lang::En),
            data: Some("https://x.org/a.json".into()),
            digits: Some(Digits::Latn),
            ..Page::default()
        }
    );
    // A frame id that is not plain is dropped, with a warning.
    let (page, warnings) = Page::from_query("frame=%3Cscript%3E&childId=a+b");
    assert_eq!((page.frame, page.pym.child_id), (None, None));
    assert_eq!(warnings.len(), 2, "{warnings:?}");
}

// ---- Defect 5: one parser, names in any case, the URL keeps what it honours.

#[test]
fn names_in_any_case_are_honoured_and_kept_in_the_url() {
    let ds = fixture();
    let state = read_clean("theme=Dark&embed=TRUE&transparent=On&region=Badia", &ds);
    assert_eq!(state.page.theme, Theme::Dark);
    assert!(state.page.embed && state.page.transparent);
    assert_eq!(state.map, Some(MapState::Region(Region::Badia)));
    assert_eq!(
        state.to_query(),
        "region=badia&embed=1&theme=dark&transparent=1"
    );
    let (page, _) = Page::from_query("embed=on");
    assert!(page.embed, "embed=on is honoured before any dataset loads");
}

// ---- Defect 10: clamped values, every value round-trips.

#[test]
fn a_huge_zoom_is_clamped_and_round_trips() {
    let ds = fixture();
    let state = read_warned("map=38,35,1e306", &ds, &["map: the zoom"]);
    assert_eq!(state.map, Some(MapState::centre(38.0, 35.0, ZOOM_RANGE.1)));
    let query = state.to_query();
    assert_eq!(query, "map=38.0000,35.0000,20");
    assert_eq!(read_clean(&query, &ds), state);
    // Set directly, bypassing the constructor, it is still written readable.
    let raw = ViewState {
        map: Some(MapState::Centre {
            lon: 38.0,
            lat: 35.0,
            zoom: f64::INFINITY,
        }),
        ..ViewState::default()
    };
    assert_eq!(raw.to_query(), "map=38.0000,35.0000,20");
}

#[test]
fn a_range_ending_on_9999_12_31_round_trips() {
    let ds = fixture();
    let mut f = Filter::everything(&ds);
    f.time = Some(TimeRange::new(at("9999-01-01"), at("9999-12-31") + 86_400));
    let state = ViewState::default().with_filter(&f, &ds);
    let query = state.to_query();
    assert_eq!(query, "time=9999-01-01..9999-12-31T23:59");
    assert_eq!(read_clean(&query, &ds), state);
    // Set directly, bypassing the constructor, it is still written readable.
    let raw = ViewState {
        timeline: Some(TimeRange::new(i64::MIN, i64::MAX)),
        ..ViewState::default()
    };
    assert_eq!(raw.to_query(), "timeline=0000-01-01..9999-12-31T23:59");
}

/// SplitMix64: a small deterministic generator, so that a failure replays.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self) -> bool {
        self.next() & 1 == 1
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
    /// Text with the characters that need care in a URL.
    fn text(&mut self) -> String {
        const PARTS: [&str; 16] = [
            "a", "Z", "7", " ", "&", "=", "+", "%", ",", "?", "#", "د", "ّ", "\"", "<", "\u{202E}",
        ];
        (0..self.below(12)).map(|_| self.pick(&PARTS)).collect()
    }
    fn instant(&mut self) -> i64 {
        match self.below(4) {
            0 => self.pick(&[i64::MIN, i64::MAX, 0, -1]),
            1 => at("9999-12-31") + self.below(200_000) as i64,
            2 => at("0000-01-01") - self.below(200_000) as i64,
            _ => at("2020-01-01") + (self.next() % 200_000_000) as i64,
        }
    }
    fn range(&mut self) -> TimeRange {
        url_range(TimeRange::new(self.instant(), self.instant()))
    }
    fn coordinate(&mut self, limit: f64) -> f64 {
        match self.below(4) {
            0 => self.pick(&[f64::NAN, f64::INFINITY, -1e306, -0.0, 1e-9]),
            _ => (self.next() % 1_000_000) as f64 / 1_000_000.0 * 2.0 * limit - limit,
        }
    }
}

fn choice(rng: &mut Rng, facet: Facet, ds: &Dataset) -> Option<IdChoice> {
    if rng.below(3) == 0 {
        return None;
    }
    let ids: Vec<String> = (0..facet.value_count(ds))
        .filter(|_| rng.chance())
        .filter_map(|v| facet.value_id(ds, v).map(str::to_owned))
        .collect();
    Some(if rng.chance() {
        IdChoice::Only(ids)
    } else {
        IdChoice::Except(ids)
    })
}

fn generated_state(rng: &mut Rng, ds: &Dataset) -> ViewState {
    let some = |rng: &mut Rng, s: String| rng.chance().then_some(s);
    let plain = |rng: &mut Rng| format!("f-{}", rng.next() % 1000);
    let page = Page {
        lang: rng.pick(&[None, Some(Lang::Ar), Some(Lang::En)]),
        data: rng
            .chance()
            .then(|| format!("https://x.org/{}", rng.text())),
        story: rng.chance().then(|| format!("stories/{}.json", rng.text())),
        author: rng.chance(),
        embed: rng.chance(),
        theme: rng.pick(&Theme::ALL),
        transparent: rng.chance(),
        digits: rng.pick(&[None, Some(Digits::Arab), Some(Digits::Latn)]),
        frame: {
            let id = plain(rng);
            some(rng, id)
        },
        pym: Pym {
            child_id: {
                let id = plain(rng);
                some(rng, id)
            },
            initial_width: {
                let t = rng.text();
                some(rng, t)
            },
            parent_title: {
                let t = rng.text();
                some(rng, t)
            },
            parent_url: {
                let t = rng.text();
                some(rng, t)
            },
        },
    };
    let mut filter = FilterState::default();
    for facet in Facet::LISTED {
        filter.set_list(facet, choice(rng, facet, ds));
    }
    filter.killed = rng.chance().then(|| KilledState {
        at_least: rng.pick(&[0, 1, 25, u32::MAX]),
        basis: match rng.below(3) {
            0 => KilledBasisState::Lowest,
            1 => KilledBasisState::Highest,
            _ => KilledBasisState::Claimant(ds.claimants[rng.below(ds.claimants.len())].id.clone()),
        },
    });
    filter.time = rng.chance().then(|| rng.range());
    filter.query = rng.text();
    let map = match rng.below(3) {
        0 => None,
        1 => Some(MapState::Region(rng.pick(Region::ALL))),
        _ => Some(MapState::centre(
            rng.coordinate(180.0),
            rng.coordinate(90.0),
            rng.coordinate(1e3),
        )),
    };
    ViewState {
        page,
        filter,
        timeline: rng.chance().then(|| rng.range()),
        map,
        selected: rng
            .chance()
            .then(|| ds.incidents[rng.below(ds.incidents.len())].id.clone()),
        step: rng.chance().then(|| rng.pick(&[1, 2, 5, u32::MAX])),
    }
}

#[test]
fn every_generated_state_round_trips() {
    let mut rng = Rng(8);
    for ds in [fixture(), default_dataset()] {
        for _ in 0..1_000 {
            let state = generated_state(&mut rng, &ds);
            assert_round_trip(&state, &ds);
            assert_eq!(
                read_clean(&state.to_query(), &ds).to_query(),
                state.to_query()
            );
        }
    }
}

#[test]
fn every_filter_of_generated_states_survives_the_url() {
    let mut rng = Rng(11);
    let ds = default_dataset();
    for _ in 0..500 {
        let mut filter = generated_state(&mut rng, &ds).to_filter(&ds);
        let state = ViewState::default().with_filter(&filter, &ds);
        let back = read_clean(&state.to_query(), &ds);
        assert_eq!(back, state);
        // At least 0 by the highest claim is no minimum, and not written.
        if filter.min_killed
            == Some(MinKilled {
                at_least: 0,
                basis: KilledBasis::Highest,
            })
        {
            filter.min_killed = None;
        }
        assert_eq!(back.to_filter(&ds), filter);
    }
}

// ---- Defect 11 (id lists): linear in the list, and capped.

/// A dataset with `n` sources, all cited by its one incident.
fn many_sources(n: usize) -> Dataset {
    let sources: Vec<_> = (0..n)
        .map(|i| json!({ "id": format!("source-{i}"), "outlet": { "en": "o" } }))
        .collect();
    let ids: Vec<_> = (0..n).map(|i| format!("source-{i}")).collect();
    let doc = json!({
        "format": "incident-atlas", "version": 1,
        "meta": { "title": { "en": "Many" } },
        "patterns": [ { "id": "p", "label": { "en": "P" }, "color": "#000000", "shape": "circle" } ],
        "sources": sources,
        "incidents": [ {
            "id": "a", "title": { "en": "a" },
            "when": { "start": "2021-01-01", "precision": "exact" },
            "where": { "places": [ { "name": { "en": "x" }, "lat": 35.0, "lon": 38.0, "precision": "exact" } ] },
            "patterns": ["p"], "perpetrator": { "actor": null, "attribution": "unknown" },
            "sources": ids
        } ]
    });
    match load(&doc.to_string()) {
        Ok(loaded) => loaded.dataset,
        Err(problems) => panic!("invalid: {:#?}", problems.first()),
    }
}

#[test]
fn id_lists_cost_their_length() {
    let n = MAX_LIST_IDS;
    let ds = many_sources(2 * n);
    // Every other source, last first: each id is found far into the table.
    let list: Vec<String> = (0..n).rev().map(|i| format!("source-{}", 2 * i)).collect();
    let query = format!("source={}", list.join(","));
    let started = std::time::Instant::now();
    let (state, warnings) = ViewState::from_query(&query, &ds);
    let filter = state.to_filter(&ds);
    let took = started.elapsed();
    assert!(warnings.is_empty(), "{:?}", warnings.first());
    let on = filter
        .selection(Facet::Source)
        .map(|s| s.iter().filter(|on| **on).count());
    assert_eq!(on, Some(n));
    eprintln!("{n} ids against {} sources: {took:?}", 2 * n);
    // Quadratic, this took 4.6 s in a debug build; linear, a few ms.
    assert!(took.as_secs_f64() < 1.0, "{n} ids took {took:?}");
}

#[test]
fn what_a_url_may_ask_for_is_capped() {
    let ds = many_sources(10);
    // More ids than a list may have: the first are read, one warning.
    let list: Vec<String> = (0..MAX_LIST_IDS + 5)
        .map(|i| format!("source-{}", i % 10))
        .collect();
    let state = read_warned(
        &format!("source={}", list.join(",")),
        &ds,
        &["source: a list may have 10000 ids; the 5 after them are ignored"],
    );
    assert!(matches!(&state.filter.sources, Some(IdChoice::Only(ids)) if ids.len() == 10));
    // A flood of bad parameters gives a bounded number of warnings.
    let query: String = (0..10_000).map(|i| format!("x{i}=1&")).collect();
    let (_, warnings) = ViewState::from_query(&query, &ds);
    assert_eq!(warnings.len(), MAX_WARNINGS + 1);
    assert!(
        warnings[MAX_WARNINGS].contains("9950 more"),
        "{:?}",
        warnings.last()
    );
    // A huge value is ignored whole, and quoted short in its warning.
    let huge = format!(
        "q={}",
        "a".repeat(incident_atlas::url_state::MAX_VALUE_LEN + 1)
    );
    let (state, warnings) = ViewState::from_query(&huge, &ds);
    assert_eq!(state.filter.query, "");
    assert!(
        warnings.len() == 1 && warnings[0].len() < 200,
        "{warnings:?}"
    );
}

#[test]
fn certainty_facets_round_trip_by_their_vocabulary_ids() {
    let ds = default_dataset();
    let state = ViewState {
        filter: FilterState {
            date_precisions: Some(IdChoice::Only(ids(&["exact", "part-of-month"]))),
            place_precisions: Some(IdChoice::Except(ids(&["region"]))),
            ..FilterState::default()
        },
        ..ViewState::default()
    };
    assert_eq!(
        state.to_query(),
        "date-precision=exact,part-of-month&place-precision-except=region"
    );
    assert_round_trip(&state, &ds);
    let filter = state.to_filter(&ds);
    assert!(filter.restricts(Facet::DatePrecision) && filter.restricts(Facet::PlacePrecision));
    assert!(filter.is_on(Facet::DatePrecision, 0) && !filter.is_on(Facet::DatePrecision, 1));
    assert!(!filter.is_on(Facet::PlacePrecision, 3) && filter.is_on(Facet::PlacePrecision, 2));
    // Written back from the filter: the shorter way, the same query.
    let back = ViewState::default().with_filter(&filter, &ds);
    assert_eq!(back.to_filter(&ds), filter);
    assert_eq!(
        ViewState::default()
            .with_filter(
                &{
                    let mut f = Filter::everything(&ds);
                    f.only_value(Facet::DatePrecision, 0);
                    f
                },
                &ds
            )
            .to_query(),
        "date-precision=exact"
    );
    // An unknown precision is ignored with a warning that lists the known.
    let warned = read_warned("date-precision=vague", &ds, &["unknown date precision"]);
    assert_eq!(warned.filter.date_precisions, None);
    let (_, warnings) = ViewState::from_query("place-precision=somewhere", &ds);
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("exact, near, area, region")),
        "{warnings:?}"
    );
}

// ---- Story mode: `story=`, `step=`, `author=`.

#[test]
fn a_story_link_opens_its_step() {
    let ds = default_dataset();
    let state = read_clean("lang=en&story=stories/t3.json&step=2&author=1", &ds);
    assert_eq!(state.page.story.as_deref(), Some("stories/t3.json"));
    assert!(state.page.author);
    assert_eq!(state.step, Some(2));
    assert_eq!(
        state.to_query(),
        "lang=en&story=stories/t3.json&step=2&author=1"
    );
    // The page reads the story file and author mode before any dataset.
    let (page, warnings) = Page::from_query("story=s.json&step=4&author");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(page.story.as_deref(), Some("s.json"));
    assert!(page.author);
    // The full atlas keeps the story.
    assert_eq!(page.unframed().story.as_deref(), Some("s.json"));
    // Not in a story: no step written.
    assert_eq!(ViewState::default().to_query(), "");
    let in_story = ViewState {
        step: Some(1),
        ..ViewState::default()
    };
    assert_eq!(in_story.to_query(), "step=1");
}

#[test]
fn a_bad_step_is_ignored_with_a_warning() {
    let ds = default_dataset();
    for q in [
        "step=0",
        "step=-1",
        "step=two",
        "step=1.5",
        "step=",
        "step=99999999999",
    ] {
        let (state, warnings) = ViewState::from_query(q, &ds);
        assert_eq!(state.step, None, "{q}");
        assert_eq!(warnings.len(), 1, "{q}: {warnings:?}");
        assert!(warnings[0].starts_with("step: "), "{q}: {warnings:?}");
    }
    let (state, warnings) = ViewState::from_query("step=2&step=3", &ds);
    assert_eq!(state.step, Some(2));
    assert_eq!(warnings.len(), 1);
    let (page, warnings) = Page::from_query("story=&author=maybe");
    assert_eq!((page.story, page.author), (None, false));
    assert_eq!(warnings.len(), 2, "{warnings:?}");
}
