//! The filter: each facet's rule, faceted counts checked against brute
//! force, incremental updates equal to fresh evaluations, and questions
//! asked of the real default dataset.

use incident_atlas::dataset::{load, Attribution, Dataset, TargetKind};
use incident_atlas::filter::{
    attribution_value, governorate_value, region_value, target_value, Facet, FacetLabels, Filter,
    FilterIndex, KilledBasis, MinKilled, TimeRange, OTHER_GOVERNORATE,
};
use incident_atlas::geo::Region;
use incident_atlas::text::Lang;
use incident_atlas::time::CivilDateTime;
use serde_json::{json, Value};

fn at(date: &str) -> i64 {
    CivilDateTime::parse(date)
        .expect("a test date")
        .to_seconds()
}

fn range(start: &str, end: &str) -> TimeRange {
    TimeRange::new(at(start), at(end))
}

fn place(name: &str, lat: f64, lon: f64, governorate: Option<&str>) -> Value {
    let mut p = json!({ "name": { "en": name }, "lat": lat, "lon": lon, "precision": "near" });
    if let Some(g) = governorate {
        p["governorate"] = json!(g);
    }
    p
}

/// Five incidents that between them take most values of every facet:
///
/// | id | patterns | actor | attribution | target | governorates | regions | claims (killed) | sources | when |
/// | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
/// | t3 | bus, kid | isis | believed | military-transport | homs | syria, badia | sana 5, sohr ≥12 | s1, s2 | 2020-12-30T16:00 |
/// | qudsaya | ied | – | unknown | (none) | rif-dimashq | syria, damascus | sy24 words | s3 | 2021-05-01…08-31 |
/// | deir | kid | hts | claimed | military-position | deir-ez-zor, ar-raqqa | syria, badia, deir-ez-zor | sohr 23–26, sana 3 | s1 | 2020-10-01…10 |
/// | idlib | bus | isis | alleged | civilians | idlib | syria | – | s2 | 2022-01-02…03 |
/// | mosul | kid | – | unknown | other | (nineveh) | – | sy24 kidnapped 4 | s3 | 2023-08-10 |
fn fixture() -> Dataset {
    let incident = |id: &str, title: Value, when: Value, places: Vec<Value>, patterns: &[&str]| {
        json!({
            "id": id, "title": title, "when": when,
            "where": { "places": places }, "patterns": patterns,
            "perpetrator": { "actor": null, "attribution": "unknown" },
            "sources": ["s1"]
        })
    };
    let mut t3 = incident(
        "t3",
        json!({ "en": "Bus ambush near T3", "ar": "كمين لحافلة قرب المحطة الثالثة" }),
        json!({ "start": "2020-12-30T16:00", "precision": "exact" }),
        vec![place(
            "near the T3 pumping station",
            34.52,
            38.46,
            Some("homs"),
        )],
        &["bus", "kid"],
    );
    t3["perpetrator"] = json!({ "actor": "isis", "attribution": "believed" });
    t3["target"] = json!({ "kind": "military-transport" });
    t3["casualties"] = json!([
        { "claimant": "sana", "source": "s1", "killed": 5 },
        { "claimant": "sohr", "source": "s2", "killed": { "at_least": 12 } }
    ]);
    t3["sources"] = json!(["s1", "s2"]);

    let mut qudsaya = incident(
        "qudsaya",
        json!({ "en": "Explosion in Qudsaya", "ar": "انفجار في قُدْسَيّا" }),
        json!({ "start": "2021-05-01", "end": "2021-08-31", "precision": "season" }),
        vec![place("Qudsaya", 33.548, 36.216, Some("rif-dimashq"))],
        &["ied"],
    );
    qudsaya["casualties"] = json!([
        { "claimant": "sy24", "source": "s3", "killed": { "text": { "en": "several" } } }
    ]);
    qudsaya["sources"] = json!(["s3"]);
    qudsaya["summary"] = json!({ "en": "A shuttle bus of the Republican Guard." });

    let mut deir = incident(
        "deir",
        json!({ "en": "Attacks on positions in rural Deir ez-Zor and Raqqa" }),
        json!({ "start": "2020-10-01", "end": "2020-10-10", "precision": "part-of-month" }),
        vec![
            place("rural Deir ez-Zor", 35.336, 40.14, Some("deir-ez-zor")),
            place("rural Raqqa", 35.95, 39.0, Some("ar-raqqa")),
        ],
        &["kid"],
    );
    deir["perpetrator"] = json!({ "actor": "hts", "attribution": "claimed" });
    deir["target"] = json!({ "kind": "military-position" });
    deir["casualties"] = json!([
        { "claimant": "sohr", "source": "s1", "killed": { "min": 23, "max": 26 } },
        { "claimant": "sana", "source": "s1", "killed": 3 }
    ]);

    let mut idlib = incident(
        "idlib",
        json!({ "ar": "كمين في إدلب" }),
        json!({ "start": "2022-01-02", "end": "2022-01-03", "precision": "days" }),
        vec![place("Idlib", 35.93, 36.63, Some("idlib"))],
        &["bus"],
    );
    idlib["perpetrator"] = json!({ "actor": "isis", "attribution": "alleged" });
    idlib["target"] = json!({ "kind": "civilians" });
    idlib["sources"] = json!(["s2"]);

    let mut mosul = incident(
        "mosul",
        json!({ "en": "Kidnapping near Mosul", "ar": "خطف قرب الموصل" }),
        json!({ "start": "2023-08-10", "precision": "exact" }),
        vec![place("Mosul", 36.34, 43.13, Some("nineveh"))],
        &["kid"],
    );
    mosul["target"] = json!({ "kind": "other" });
    mosul["casualties"] = json!([{ "claimant": "sy24", "source": "s3", "kidnapped": 4 }]);
    mosul["sources"] = json!(["s3"]);

    let doc = json!({
        "format": "incident-atlas", "version": 1,
        "meta": { "title": { "en": "Fixture" } },
        "patterns": [
            { "id": "bus", "label": { "en": "Bus" }, "color": "#000000", "shape": "circle" },
            { "id": "kid", "label": { "en": "Kidnapping" }, "color": "#000000", "shape": "square" },
            { "id": "ied", "label": { "en": "IED" }, "color": "#000000", "shape": "star" }
        ],
        "actors": [ { "id": "isis", "name": { "en": "ISIS" } }, { "id": "hts", "name": { "en": "HTS" } } ],
        "claimants": [
            { "id": "sana", "name": { "en": "SANA" }, "kind": "government" },
            { "id": "sohr", "name": { "en": "SOHR" }, "kind": "monitor" },
            { "id": "sy24", "name": { "en": "SY24" }, "kind": "media" }
        ],
        "sources": [
            { "id": "s1", "outlet": { "en": "One" } },
            { "id": "s2", "outlet": { "en": "Two" } },
            { "id": "s3", "outlet": { "en": "Three" } }
        ],
        "incidents": [t3, qudsaya, deir, idlib, mosul]
    });
    match load(&doc.to_string()) {
        Ok(loaded) => loaded.dataset,
        Err(problems) => panic!("fixture is invalid: {problems:#?}"),
    }
}

fn default_dataset() -> Dataset {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/incidents.json"))
        .expect("data/incidents.json is readable");
    match load(&text) {
        Ok(loaded) => loaded.dataset,
        Err(problems) => panic!("default dataset is invalid: {problems:#?}"),
    }
}

/// The ids of the incidents a filter shows, through the index.
fn shown_ids(ds: &Dataset, filter: &Filter) -> Vec<String> {
    let index = FilterIndex::new(ds);
    let ev = filter.evaluate(ds, &index);
    assert_eq!(
        ev.shown(),
        filter.apply(ds).as_slice(),
        "the index and the direct path agree"
    );
    ev.shown()
        .iter()
        .map(|&i| ds.incidents[i as usize].id.clone())
        .collect()
}

fn with(ds: &Dataset, change: impl FnOnce(&mut Filter)) -> Filter {
    let mut f = Filter::everything(ds);
    change(&mut f);
    f
}

fn only(values: &[usize], size: usize) -> Option<Vec<bool>> {
    Some((0..size).map(|v| values.contains(&v)).collect())
}

#[test]
fn the_fixture_takes_the_values_its_table_says() {
    let ds = fixture();
    assert_eq!(governorate_value(Some("nineveh")), OTHER_GOVERNORATE);
    assert_eq!(Facet::Actor.value_count(&ds), 3, "two actors and nobody");
    assert_eq!(Facet::Governorate.value_count(&ds), 15);
    assert_eq!(Facet::Actor.value_id(&ds, 2), Some("none"));
    assert_eq!(Facet::Governorate.value_of_id(&ds, "other"), Some(14));
    assert_eq!(Facet::Region.value_of_id(&ds, "badia"), Some(1));
    let every = Filter::everything(&ds);
    assert!(every.is_everything());
    assert_eq!(
        shown_ids(&ds, &every),
        ["t3", "qudsaya", "deir", "idlib", "mosul"]
    );
}

#[test]
fn perpetrator_and_attribution() {
    let ds = fixture();
    let nobody = with(&ds, |f| f.only_value(Facet::Actor, 2));
    assert_eq!(shown_ids(&ds, &nobody), ["qudsaya", "mosul"]);
    let isis = with(&ds, |f| f.only_value(Facet::Actor, 0));
    assert_eq!(shown_ids(&ds, &isis), ["t3", "idlib"]);
    let not_unknown = with(&ds, |f| {
        f.toggle_value(Facet::Attribution, attribution_value(Attribution::Unknown))
    });
    assert_eq!(shown_ids(&ds, &not_unknown), ["t3", "deir", "idlib"]);
    let firm = with(&ds, |f| {
        let values = [
            attribution_value(Attribution::Claimed),
            attribution_value(Attribution::Believed),
        ];
        f.set_selection(Facet::Attribution, only(&values, Attribution::ALL.len()));
    });
    assert_eq!(shown_ids(&ds, &firm), ["t3", "deir"]);
}

#[test]
fn an_incident_without_a_target_counts_as_unknown() {
    let ds = fixture();
    let unknown = with(&ds, |f| {
        f.only_value(Facet::Target, target_value(TargetKind::Unknown))
    });
    assert_eq!(shown_ids(&ds, &unknown), ["qudsaya"]);
    let civilians = with(&ds, |f| {
        f.only_value(Facet::Target, target_value(TargetKind::Civilians))
    });
    assert_eq!(shown_ids(&ds, &civilians), ["idlib"]);
}

#[test]
fn governorates_and_areas_pass_when_any_place_is_in_them() {
    let ds = fixture();
    let other = with(&ds, |f| f.only_value(Facet::Governorate, OTHER_GOVERNORATE));
    assert_eq!(shown_ids(&ds, &other), ["mosul"]);
    let raqqa = with(&ds, |f| {
        f.only_value(Facet::Governorate, governorate_value(Some("ar-raqqa")))
    });
    assert_eq!(shown_ids(&ds, &raqqa), ["deir"]);
    let not_homs = with(&ds, |f| {
        f.toggle_value(Facet::Governorate, governorate_value(Some("homs")))
    });
    assert_eq!(
        shown_ids(&ds, &not_homs),
        ["qudsaya", "deir", "idlib", "mosul"]
    );

    // Areas start with none on: switching one on shows only its incidents.
    let badia = region_value(Region::Badia);
    let damascus = region_value(Region::Damascus);
    let mut f = Filter::everything(&ds);
    assert!(!f.is_on(Facet::Region, badia));
    f.toggle_value(Facet::Region, badia);
    assert!(f.is_on(Facet::Region, badia));
    assert_eq!(shown_ids(&ds, &f), ["t3", "deir"]);
    f.toggle_value(Facet::Region, damascus);
    assert_eq!(shown_ids(&ds, &f), ["t3", "qudsaya", "deir"]);
    let syria = with(&ds, |f| {
        f.only_value(Facet::Region, region_value(Region::Syria))
    });
    assert_eq!(
        shown_ids(&ds, &syria),
        ["t3", "qudsaya", "deir", "idlib"],
        "Mosul lies outside every area"
    );
    // The last area off is no restriction again.
    f.toggle_value(Facet::Region, badia);
    f.toggle_value(Facet::Region, damascus);
    assert!(f.is_everything());
}

#[test]
fn claimants_and_sources() {
    let ds = fixture();
    let sohr = with(&ds, |f| f.only_value(Facet::Claimant, 1));
    assert_eq!(shown_ids(&ds, &sohr), ["t3", "deir"]);
    let sy24 = with(&ds, |f| f.toggle_value(Facet::Claimant, 2));
    assert_eq!(
        shown_ids(&ds, &sy24),
        ["qudsaya", "mosul"],
        "a claim without a killed figure is still a claim"
    );
    let s3 = with(&ds, |f| f.only_value(Facet::Source, 2));
    assert_eq!(shown_ids(&ds, &s3), ["qudsaya", "mosul"]);
    let not_s1 = with(&ds, |f| f.toggle_value(Facet::Source, 0));
    assert_eq!(
        shown_ids(&ds, &not_s1),
        ["t3", "qudsaya", "idlib", "mosul"],
        "t3 also cites s2"
    );
}

#[test]
fn casualty_minimum_by_basis() {
    let ds = fixture();
    let min = |at_least, basis| with(&ds, |f| f.min_killed = Some(MinKilled { at_least, basis }));
    assert_eq!(
        shown_ids(&ds, &min(10, KilledBasis::Highest)),
        ["t3", "deir"]
    );
    assert!(shown_ids(&ds, &min(10, KilledBasis::Lowest)).is_empty());
    assert_eq!(shown_ids(&ds, &min(3, KilledBasis::Lowest)), ["t3", "deir"]);
    assert_eq!(shown_ids(&ds, &min(26, KilledBasis::Highest)), ["deir"]);
    assert!(shown_ids(&ds, &min(27, KilledBasis::Highest)).is_empty());
    // SOHR says ≥12 for t3 and 23–26 (read as 26) for deir; SANA 5 and 3.
    assert_eq!(
        shown_ids(&ds, &min(12, KilledBasis::Claimant(1))),
        ["t3", "deir"]
    );
    assert_eq!(shown_ids(&ds, &min(20, KilledBasis::Claimant(1))), ["deir"]);
    assert_eq!(shown_ids(&ds, &min(4, KilledBasis::Claimant(0))), ["t3"]);
    assert!(shown_ids(&ds, &min(1, KilledBasis::Claimant(2))).is_empty());
    // Words are no number: nothing passes a minimum of 1 without one.
    assert_eq!(
        shown_ids(&ds, &min(1, KilledBasis::Highest)),
        ["t3", "deir"]
    );
    let zero = min(0, KilledBasis::Lowest);
    assert!(zero.is_everything(), "a minimum of 0 restricts nothing");
    assert_eq!(shown_ids(&ds, &zero).len(), 5);
}

#[test]
fn the_time_range_keeps_incidents_that_overlap_it() {
    let ds = fixture();
    let time = |r: TimeRange| with(&ds, |f| f.time = Some(r));
    assert_eq!(
        shown_ids(&ds, &time(range("2020-12-30", "2020-12-31"))),
        ["t3"]
    );
    assert_eq!(
        shown_ids(&ds, &time(range("2020-12-30T16:00", "2021-01-01"))),
        ["t3"],
        "an instant is inside a range that starts at it"
    );
    assert!(shown_ids(&ds, &time(range("2020-12-01", "2020-12-30T16:00"))).is_empty());
    assert_eq!(
        shown_ids(&ds, &time(range("2021-08-31", "2022-01-03"))),
        ["qudsaya", "idlib"],
        "the last day of a span and the first of another"
    );
    assert!(
        shown_ids(&ds, &time(range("2021-09-01", "2022-01-02"))).is_empty(),
        "ends are exclusive on both sides"
    );
    assert_eq!(
        shown_ids(&ds, &time(range("2020-10-10", "2020-10-11"))),
        ["deir"]
    );
}

#[test]
fn text_search_in_either_language_and_spelling() {
    let ds = fixture();
    let q = |query: &str| with(&ds, |f| f.query = query.into());
    assert_eq!(shown_ids(&ds, &q("قدسيا")), ["qudsaya"]);
    assert_eq!(shown_ids(&ds, &q("QUDSAYA")), ["qudsaya"]);
    assert_eq!(shown_ids(&ds, &q("المحطه الثالثه")), ["t3"]);
    assert_eq!(shown_ids(&ds, &q("ادلب")), ["idlib"]);
    assert_eq!(shown_ids(&ds, &q("deir-ez-zor")), ["deir"]);
    assert_eq!(shown_ids(&ds, &q("pumping")), ["t3"], "place names count");
    assert_eq!(
        shown_ids(&ds, &q("bus")),
        ["t3", "qudsaya"],
        "summaries count"
    );
    assert!(
        shown_ids(&ds, &q("bus mosul")).is_empty(),
        "every word must match"
    );
    assert!(q(" - ").is_everything(), "no words, no restriction");
}

#[test]
fn toggling_and_clearing_keep_filters_comparable() {
    let ds = fixture();
    let mut f = Filter::everything(&ds);
    f.toggle_value(Facet::Actor, 0);
    assert!(!f.is_on(Facet::Actor, 0) && f.is_on(Facet::Actor, 1));
    f.toggle_value(Facet::Actor, 0);
    assert_eq!(f, Filter::everything(&ds), "all on again is no restriction");
    f.only_value(Facet::Source, 1);
    f.only_value(Facet::Source, 1);
    assert_eq!(f, Filter::everything(&ds), "only twice restores");
    f.toggle_value(Facet::Actor, 99);
    assert_eq!(
        f,
        Filter::everything(&ds),
        "a value the dataset lacks is ignored"
    );

    f.only_value(Facet::Pattern, 1);
    f.only_value(Facet::Claimant, 0);
    f.time = Some(range("2020-01-01", "2021-01-01"));
    f.query = "bus".into();
    f.min_killed = Some(MinKilled {
        at_least: 1,
        basis: KilledBasis::Lowest,
    });
    assert!(Facet::ALL.iter().filter(|x| f.restricts(**x)).eq([
        Facet::Pattern,
        Facet::Claimant,
        Facet::Killed,
        Facet::Time,
        Facet::Text
    ]
    .iter()));
    f.clear(Facet::Claimant);
    assert!(!f.restricts(Facet::Claimant));
    f.clear_all();
    assert_eq!(f, Filter::everything(&ds));
}

#[test]
fn the_legacy_pattern_api_still_works() {
    let ds = fixture();
    let f = Filter::everything(&ds).toggled(2);
    assert_eq!(f.patterns, vec![true, true, false]);
    assert_eq!(f.pattern_counts(&ds), vec![2, 3, 1]);
    assert!(!f.matches(&ds.incidents[1]) && f.matches(&ds.incidents[0]));
    assert_eq!(f.only(0).patterns, vec![true, false, false]);
    assert!(f.only(0).only(0).is_everything());
}

/// Every count, checked by brute force through the direct path: a value's
/// count is how many of the incidents the other facets let through have
/// the value (pass a filter of that value alone), and `without` what the
/// filter shows with the facet cleared.
fn assert_counts_by_brute_force(ds: &Dataset, index: &FilterIndex, filter: &Filter) {
    let ev = filter.evaluate(ds, index);
    assert_eq!(ev.shown(), filter.apply(ds).as_slice(), "{filter:?}");
    for facet in Facet::LISTED {
        let size = facet.value_count(ds);
        let counts = ev.counts().values(facet);
        assert_eq!(counts.len(), size);
        let mut others = filter.clone();
        others.clear(facet);
        let passing = others.apply(ds);
        for (v, &count) in counts.iter().enumerate() {
            let mut has_value = Filter::everything(ds);
            has_value.set_selection(facet, only(&[v], size));
            let expected = passing
                .iter()
                .filter(|&&i| has_value.matches(&ds.incidents[i as usize]))
                .count();
            assert_eq!(
                count as usize, expected,
                "{facet:?} value {v} under {filter:?}"
            );
        }
    }
    for facet in Facet::ALL {
        let mut cleared = filter.clone();
        cleared.clear(facet);
        assert_eq!(
            ev.counts().without(facet),
            cleared.apply(ds).len(),
            "without {facet:?} under {filter:?}"
        );
    }
}

#[test]
fn counts_give_each_value_with_the_other_facets_applied() {
    let ds = fixture();
    let index = FilterIndex::new(&ds);
    let mut f = Filter::everything(&ds);
    assert_counts_by_brute_force(&ds, &index, &f);
    let ev = f.evaluate(&ds, &index);
    // With nothing applied, each value counts the incidents that have it.
    assert_eq!(ev.counts().values(Facet::Pattern), [2, 3, 1]);
    assert_eq!(ev.counts().values(Facet::Region), [4, 2, 1, 1]);
    assert_eq!(ev.counts().values(Facet::Claimant), [2, 2, 2]);
    f.toggle_value(Facet::Pattern, 2);
    f.toggle_value(Facet::Region, region_value(Region::Badia));
    let ev = f.evaluate(&ds, &index);
    assert_eq!(ev.shown(), [0, 2]);
    // Switching ied off does not change what ied would give in the Badia
    // (nothing), and the Badia's own counts ignore the area facet.
    assert_eq!(ev.counts().values(Facet::Pattern), [1, 2, 0]);
    // Qudsaya (the ied) was the one by Damascus; Mosul is in no area.
    assert_eq!(ev.counts().values(Facet::Region), [3, 2, 1, 0]);
    assert_eq!(ev.counts().without(Facet::Region), 4);
    assert_eq!(ev.counts().without(Facet::Time), 2);
    assert_counts_by_brute_force(&ds, &index, &f);
    f.query = "deir".into();
    f.time = Some(range("2020-01-01", "2021-01-01"));
    f.min_killed = Some(MinKilled {
        at_least: 20,
        basis: KilledBasis::Highest,
    });
    assert_counts_by_brute_force(&ds, &index, &f);
    let ev = f.evaluate(&ds, &index);
    assert_eq!(ev.shown(), [2]);
    assert_eq!(
        ev.hidden_by(0),
        [Facet::Killed, Facet::Text],
        "t3 has 12 killed at most and no 'deir'"
    );
    // With only a time range, what lies outside it passes all but time.
    let mut g = Filter::everything(&ds);
    g.time = Some(range("2020-01-01", "2021-01-01"));
    let ev = g.evaluate(&ds, &index);
    assert_eq!(ev.shown(), [0, 2]);
    assert!(ev.passes_all_but(Facet::Time, 3), "idlib, 2022");
    assert!(
        ev.passes_all_but(Facet::Time, 0),
        "shown passes all but any"
    );
    assert!(!ev.passes_all_but(Facet::Pattern, 3));
}

/// A small deterministic generator for test filters.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, one_in: u64) -> bool {
        self.next() % one_in == 0
    }
}

/// A filter restricting a random few facets.
fn random_filter(ds: &Dataset, rng: &mut Lcg) -> Filter {
    let mut f = Filter::everything(ds);
    for facet in Facet::LISTED {
        if rng.chance(3) {
            let size = facet.value_count(ds);
            let values: Vec<usize> = (0..size).filter(|_| !rng.chance(3)).collect();
            f.set_selection(facet, only(&values, size));
        }
    }
    if rng.chance(3) {
        let basis = match rng.below(3) {
            0 => KilledBasis::Lowest,
            1 => KilledBasis::Highest,
            _ => KilledBasis::Claimant(rng.below(ds.claimants.len())),
        };
        f.min_killed = Some(MinKilled {
            at_least: rng.below(30) as u32,
            basis,
        });
    }
    if rng.chance(3) {
        if let Some((lo, hi)) = ds.time_extent() {
            let a = lo + (rng.next() as i64).rem_euclid(hi - lo);
            let b = lo + (rng.next() as i64).rem_euclid(hi - lo);
            f.time = Some(TimeRange::new(a.min(b), a.max(b) + 86_400));
        }
    }
    if rng.chance(4) {
        let words = [
            "bus",
            "حافلة",
            "deir",
            "homs",
            "بادية",
            "synthetic 1",
            "ambush",
        ];
        f.query = words[rng.below(words.len())].into();
    }
    f
}

#[test]
fn the_index_agrees_with_the_direct_path_on_synthetic_data() {
    let ds = load(&incident_atlas::synth::generate(300, 11))
        .expect("synthetic data loads")
        .dataset;
    let index = FilterIndex::new(&ds);
    let mut rng = Lcg(3);
    let mut shown = Vec::new();
    for _ in 0..12 {
        let f = random_filter(&ds, &mut rng);
        assert_counts_by_brute_force(&ds, &index, &f);
        shown.push(f.evaluate(&ds, &index).shown().len());
    }
    // The filters must have tested something: some show a few, some many.
    assert!(shown.iter().any(|&n| n > 0 && n < 50), "{shown:?}");
    assert!(shown.iter().any(|&n| n > 100), "{shown:?}");
}

#[test]
fn updates_equal_fresh_evaluations() {
    let ds = load(&incident_atlas::synth::generate(1_500, 5))
        .expect("synthetic data loads")
        .dataset;
    let index = FilterIndex::new(&ds);
    let mut rng = Lcg(17);
    let mut f = Filter::everything(&ds);
    let mut ev = f.evaluate(&ds, &index);
    for step in 0..60 {
        // Mostly one facet at a time, as a reader changes them.
        match rng.below(6) {
            0 => f = random_filter(&ds, &mut rng),
            1 => {
                let facet = Facet::LISTED[rng.below(Facet::LISTED.len())];
                let v = rng.below(facet.value_count(&ds));
                f.toggle_value(facet, v);
            }
            2 => {
                let (lo, hi) = ds.time_extent().expect("incidents");
                let a = lo + (rng.next() as i64).rem_euclid(hi - lo);
                f.time = if rng.chance(4) {
                    None
                } else {
                    Some(TimeRange::new(a, a + 90 * 86_400))
                };
            }
            3 => {
                // Typing, letter by letter, then starting again.
                let typed = [
                    "b", "bu", "bus", "bus d", "bus de", "bus dei", "ب", "با", "x",
                ];
                f.query = typed[rng.below(typed.len())].into();
            }
            4 => f.clear(Facet::ALL[rng.below(Facet::ALL.len())]),
            _ => {
                f.min_killed = Some(MinKilled {
                    at_least: rng.below(15) as u32,
                    basis: KilledBasis::Claimant(rng.below(ds.claimants.len())),
                })
            }
        }
        ev.update(&f, &ds, &index);
        assert_eq!(ev, f.evaluate(&ds, &index), "step {step}: {f:?}");
    }
}

#[test]
fn bus_ambushes_in_the_badia_in_2020_and_2022() {
    let ds = default_dataset();
    let bus = Facet::Pattern
        .value_of_id(&ds, "bus-ambush")
        .expect("a bus-ambush pattern");
    let badia = region_value(Region::Badia);
    let mut f = Filter::everything(&ds);
    f.only_value(Facet::Pattern, bus);
    f.toggle_value(Facet::Region, badia);
    f.time = Some(range("2020-01-01", "2021-01-01"));
    assert_eq!(shown_ids(&ds, &f), ["kabajeb-bus-2020-12-30"]);
    f.time = Some(range("2022-01-01", "2023-01-01"));
    assert_eq!(
        shown_ids(&ds, &f),
        ["t3-bus-2022-01-02", "t3-east-bus-2022-03-06"]
    );
    f.time = Some(range("2020-01-01", "2023-01-01"));
    assert_eq!(
        shown_ids(&ds, &f),
        [
            "kabajeb-bus-2020-12-30",
            "malha-shola-bus-2021-01-24",
            "t3-bus-2022-01-02",
            "t3-east-bus-2022-03-06"
        ]
    );

    let index = FilterIndex::new(&ds);
    let ev = f.evaluate(&ds, &index);
    let counts = ev.counts();
    // Areas, among the bus ambushes of 2020–2022: Qudsaya is the fifth,
    // by Damascus; one of the Badia's (Kabajeb) is also in the Deir ez-Zor
    // box (Malha–Shola's point is the middle of the road, west of it).
    assert_eq!(counts.values(Facet::Region), [5, 4, 1, 1]);
    // Patterns, among the Badia's incidents of 2020–2022: the October 2020
    // position attacks are there, the Qudsaya explosion is not.
    let pattern = |id: &str| {
        let p = Facet::Pattern.value_of_id(&ds, id).expect("pattern");
        counts.value(Facet::Pattern, p)
    };
    assert_eq!(pattern("bus-ambush"), 4);
    assert_eq!(pattern("position-attack"), 1);
    assert_eq!(pattern("hit-and-run"), 1);
    assert_eq!(pattern("explosion"), 0);
    let governorate = |id: &str| counts.value(Facet::Governorate, governorate_value(Some(id)));
    // Malha–Shola has no governorate: its road crosses two.
    assert_eq!(governorate("deir-ez-zor"), 1);
    assert_eq!(governorate("homs"), 2);
    assert_eq!(governorate("rif-dimashq"), 0);
    // The 2023 Mayadin ambush is the one the time range hides.
    assert_eq!(counts.without(Facet::Time), 5);
    let nobody = Facet::Actor.value_of_id(&ds, "none").expect("nobody");
    assert_eq!(
        counts.value(Facet::Actor, nobody),
        2,
        "Malha–Shola and T3 east"
    );
    assert_counts_by_brute_force(&ds, &index, &f);
}

#[test]
fn searching_the_default_dataset() {
    let ds = default_dataset();
    let q = |query: &str| with(&ds, |f| f.query = query.into());
    assert_eq!(shown_ids(&ds, &q("كبـــاجب")), ["kabajeb-bus-2020-12-30"]);
    assert_eq!(shown_ids(&ds, &q("قُدْسَيّا")), ["qudsaya-bus-2021"]);
    assert_eq!(
        shown_ids(&ds, &q("المحطه الثالثه")),
        ["t3-bus-2022-01-02", "t3-east-bus-2022-03-06"]
    );
    assert_eq!(
        shown_ids(&ds, &q("mayadin desert")),
        ["mayadin-desert-bus-2023-08-10"]
    );
}

/// Timings at the benchmark size, each the best of a few runs (the
/// machine may be shared). Slow to generate in a debug build, so on
/// request: `cargo test --release --test filter -- --ignored --nocapture`.
#[test]
#[ignore]
fn timings_for_a_hundred_thousand_incidents() {
    use std::time::Instant;
    const RUNS: usize = 5;
    /// The best time of `RUNS` runs of `f`, in ms, and its last result.
    fn best<T>(mut f: impl FnMut() -> T) -> (f64, T) {
        let mut best = f64::MAX;
        let mut out = None;
        for _ in 0..RUNS {
            let t = Instant::now();
            let value = f();
            best = best.min(t.elapsed().as_secs_f64() * 1e3);
            out = Some(value);
        }
        (best, out.expect("at least one run"))
    }
    let ds = load(&incident_atlas::synth::generate(100_000, 7))
        .expect("synthetic data loads")
        .dataset;

    let (ms, index) = best(|| FilterIndex::new(&ds));
    eprintln!("FilterIndex::new: {ms:.1} ms");
    let (ms, _) = best(|| FilterIndex::new(&ds).prepare_search(&ds));
    eprintln!("FilterIndex::new + prepare_search: {ms:.1} ms");
    index.prepare_search(&ds);

    let everything = Filter::everything(&ds);
    let (ms, _) = best(|| everything.evaluate(&ds, &index));
    eprintln!("evaluate, nothing restricted: {ms:.1} ms");

    let mut f = Filter::everything(&ds);
    f.toggle_value(Facet::Pattern, 0);
    f.toggle_value(Facet::Region, region_value(Region::Badia));
    f.min_killed = Some(MinKilled {
        at_least: 5,
        basis: KilledBasis::Lowest,
    });
    let (ms, full) = best(|| f.evaluate(&ds, &index));
    eprintln!(
        "evaluate, pattern + area + killed: {ms:.1} ms, {} shown",
        full.shown().len()
    );
    let (ms, _) = best(|| everything.evaluate(&ds, &index).updated(&f, &ds, &index));
    eprintln!("evaluate nothing, then update to that: {ms:.1} ms");

    // The brush: only the time range changes, every frame.
    let (lo, hi) = ds.time_extent().expect("incidents");
    let frames = 60;
    let mut ev = f.evaluate(&ds, &index);
    let (ms, _) = best(|| {
        for k in 0..frames {
            let start = lo + (hi - lo) * k / (2 * frames);
            f.time = Some(TimeRange::new(start, start + (hi - lo) / 3));
            ev.update(&f, &ds, &index);
        }
    });
    eprintln!(
        "brush move (time only): {:.2} ms a frame, {} shown at the end",
        ms / frames as f64,
        ev.shown().len()
    );
    let brush = ms / frames as f64;

    let (ms, _) = best(|| {
        for typed in ["d", "de", "dei", "deir"] {
            f.query = typed.into();
            ev.update(&f, &ds, &index);
        }
        f.query.clear();
        ev.update(&f, &ds, &index);
    });
    eprintln!("typing 'deir' letter by letter, then clearing: {ms:.1} ms in all");
    let (ms, _) = best(|| {
        f.query = "حافلة عسكرية".into();
        ev.update(&f, &ds, &index);
        f.query.clear();
        ev.update(&f, &ds, &index);
    });
    eprintln!("an Arabic query, then clearing it: {ms:.1} ms");

    f.query = "bus".into();
    ev.update(&f, &ds, &index);
    let t = Instant::now();
    let direct = f.apply(&ds);
    eprintln!(
        "Filter::apply without the index: {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    assert_eq!(direct, ev.shown());
    assert!(brush < 20.0, "the brush must keep up with frames");
}

/// Every value of the Source facet can be told apart from the others, in
/// both languages: the default dataset cites SANA and SOHR three times each.
#[test]
fn source_labels_tell_sources_apart() {
    let ds = default_dataset();
    let labels = FacetLabels::new(&ds);
    for lang in [Lang::En, Lang::Ar] {
        let all: Vec<String> = (0..ds.sources.len())
            .map(|v| labels.label(&ds, Facet::Source, v, lang))
            .collect();
        let distinct: std::collections::BTreeSet<&String> = all.iter().collect();
        assert_eq!(distinct.len(), all.len(), "{lang:?}: {all:#?}");
        for (source, label) in ds.sources.iter().zip(&all) {
            assert!(label.starts_with(source.outlet.pick(lang)), "{label}");
        }
    }
    // An outlet cited once keeps its plain name.
    let sy24 = ds.sources.iter().position(|s| s.id == "sy24-2022-01");
    assert_eq!(
        sy24.map(|v| labels.label(&ds, Facet::Source, v, Lang::En)),
        Some("SY24".to_owned())
    );
}

/// Sources of one outlet are told apart by their title, else their date,
/// else the incident that cites them; by their id as a last resort.
#[test]
fn a_shared_outlet_is_qualified_by_title_date_or_incident() {
    let mut doc = json!({
        "format": "incident-atlas", "version": 1,
        "meta": { "title": { "en": "t" } },
        "patterns": [{ "id": "p", "label": { "en": "P" }, "color": "#000000", "shape": "circle" }],
        "sources": [
            { "id": "a", "outlet": { "en": "SANA", "ar": "سانا" }, "title": { "en": "Bus attacked" } },
            { "id": "b", "outlet": { "en": "SANA", "ar": "سانا" }, "date": "2022-01-03" },
            { "id": "c", "outlet": { "en": "SANA", "ar": "سانا" } },
            { "id": "d", "outlet": { "en": "SANA", "ar": "سانا" } },
            { "id": "e", "outlet": { "en": "SOHR" } }
        ],
        "incidents": []
    });
    let incident = |id: &str, title: &str, sources: &[&str]| {
        json!({
            "id": id, "title": { "en": title },
            "when": { "start": "2021-01-01", "precision": "exact" },
            "where": { "places": [place("x", 35.0, 38.0, None)] },
            "patterns": ["p"], "perpetrator": { "actor": null, "attribution": "unknown" },
            "sources": sources
        })
    };
    doc["incidents"] = json!([
        incident("i", "Ambush at T3", &["c", "e"]),
        incident("j", "Ambush at T3", &["d"])
    ]);
    let ds = load(&doc.to_string()).expect("valid").dataset;
    let labels = FacetLabels::new(&ds);
    let en: Vec<String> = (0..5)
        .map(|v| labels.label(&ds, Facet::Source, v, Lang::En))
        .collect();
    assert_eq!(en[0], "SANA: Bus attacked");
    assert_eq!(en[1], "SANA: 3 January 2022");
    assert_eq!(en[2], "SANA: Ambush at T3 (c)");
    assert_eq!(en[3], "SANA: Ambush at T3 (d)");
    assert_eq!(en[4], "SOHR");
    assert_eq!(
        labels.label(&ds, Facet::Source, 1, Lang::Ar),
        "سانا: ٣ كانون الثاني ٢٠٢٢"
    );
}

/// The fixture with t3's place exact and deir's second place known only
/// to a region: date precisions exact (t3, mosul), season (qudsaya),
/// part-of-month (deir), days (idlib); place precisions exact (t3), near
/// (all others), region (deir's second).
fn certainty_fixture() -> Dataset {
    use incident_atlas::dataset::PlacePrecision;
    let mut ds = fixture();
    ds.incidents[0].places[0].precision = PlacePrecision::Exact;
    ds.incidents[2].places[1].precision = PlacePrecision::Region;
    ds
}

#[test]
fn certainty_facets_filter_by_how_well_date_and_place_are_known() {
    use incident_atlas::dataset::{DatePrecision, PlacePrecision};
    use incident_atlas::filter::{date_precision_value, place_precision_value, Certainty};
    let ds = certainty_fixture();
    let index = FilterIndex::new(&ds);
    assert_eq!(Facet::DatePrecision.value_count(&ds), 7);
    assert_eq!(Facet::PlacePrecision.value_count(&ds), 4);
    assert_eq!(Facet::DatePrecision.value_id(&ds, 3), Some("part-of-month"));
    assert_eq!(
        Facet::PlacePrecision.value_of_id(&ds, "region"),
        Some(place_precision_value(PlacePrecision::Region))
    );
    let every = Filter::everything(&ds);
    let ev = every.evaluate(&ds, &index);
    // exact, days, week, part-of-month, month, season, year
    assert_eq!(
        ev.counts().values(Facet::DatePrecision),
        [2, 1, 0, 1, 0, 1, 0]
    );
    // exact, near, area, region: deir counts under near and under region.
    assert_eq!(ev.counts().values(Facet::PlacePrecision), [1, 4, 0, 1]);

    let exact_date = with(&ds, |f| {
        f.only_value(
            Facet::DatePrecision,
            date_precision_value(DatePrecision::Exact),
        )
    });
    assert_eq!(shown_ids(&ds, &exact_date), ["t3", "mosul"]);
    let ev = exact_date.evaluate(&ds, &index);
    // Place counts among the exactly dated: t3 exact, mosul near.
    assert_eq!(ev.counts().values(Facet::PlacePrecision), [1, 1, 0, 0]);
    // The date facet's own counts ignore the date facet.
    assert_eq!(
        ev.counts().values(Facet::DatePrecision),
        [2, 1, 0, 1, 0, 1, 0]
    );
    assert_counts_by_brute_force(&ds, &index, &exact_date);

    let exact_both = with(&ds, |f| {
        f.only_value(
            Facet::DatePrecision,
            date_precision_value(DatePrecision::Exact),
        );
        f.only_value(
            Facet::PlacePrecision,
            place_precision_value(PlacePrecision::Exact),
        );
    });
    assert_eq!(shown_ids(&ds, &exact_both), ["t3"]);
    assert_counts_by_brute_force(&ds, &index, &exact_both);

    // Switching "region" off hides no incident with another place: deir
    // stays for its place known as "near".
    let not_region = with(&ds, |f| {
        f.toggle_value(
            Facet::PlacePrecision,
            place_precision_value(PlacePrecision::Region),
        )
    });
    assert_eq!(
        shown_ids(&ds, &not_region),
        ["t3", "qudsaya", "deir", "idlib", "mosul"]
    );
    let only_region = with(&ds, |f| {
        f.only_value(
            Facet::PlacePrecision,
            place_precision_value(PlacePrecision::Region),
        )
    });
    assert_eq!(shown_ids(&ds, &only_region), ["deir"]);
    assert_counts_by_brute_force(&ds, &index, &only_region);

    // The summary's line: of the shown, those exact in date and in every
    // place. Mosul's date is exact but its place is not.
    let all = every.evaluate(&ds, &index);
    assert_eq!(
        Certainty::of(&ds, all.shown()),
        Certainty { exact: 1, total: 5 }
    );
    let ev = exact_date.evaluate(&ds, &index);
    assert_eq!(
        Certainty::of(&ds, ev.shown()),
        Certainty { exact: 1, total: 2 }
    );
    assert_eq!(Certainty::of(&ds, &[]), Certainty::default());
    assert_eq!(
        Certainty::of(&ds, &[99]),
        Certainty::default(),
        "unknown indexes are skipped"
    );
    let labels = FacetLabels::new(&ds);
    assert_eq!(
        labels.label(&ds, Facet::DatePrecision, 0, Lang::En),
        "exact date"
    );
    assert_eq!(
        labels.label(&ds, Facet::PlacePrecision, 3, Lang::Ar),
        "في إقليم واسع"
    );
}

#[test]
fn the_default_dataset_says_how_well_it_knows_its_incidents() {
    use incident_atlas::filter::Certainty;
    let ds = default_dataset();
    let index = FilterIndex::new(&ds);
    let ev = Filter::everything(&ds).evaluate(&ds, &index);
    let c = Certainty::of(&ds, ev.shown());
    assert_eq!(c.total, ds.incidents.len());
    let by_hand = ds
        .incidents
        .iter()
        .filter(|i| {
            i.when.is_exact()
                && i.places
                    .iter()
                    .all(|p| p.precision == incident_atlas::dataset::PlacePrecision::Exact)
        })
        .count();
    assert_eq!(c.exact, by_hand);
    let dates: u32 = ev.counts().values(Facet::DatePrecision).iter().sum();
    assert_eq!(
        dates as usize,
        ds.incidents.len(),
        "one date precision each"
    );
}
