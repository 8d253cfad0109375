//! The fuzz targets: each takes any bytes and panics only on a defect
//! (a crash, an overflow, a broken invariant). Shared, as this one file,
//! by the fuzzer (`fuzz/src/main.rs`) and by the replay of every crasher
//! in plain `cargo test` (`tests/fuzz_crashes.rs`), so both run exactly
//! the same code. It uses nothing but `incident_atlas` and `std`.
//!
//! Adding a target is one function here and one line in [`TARGETS`].

use std::sync::OnceLock;

use incident_atlas::basemap::Basemap;
use incident_atlas::dataset::{load, Dataset};
use incident_atlas::filter::{Facet, Filter, FilterIndex, KilledBasis, MinKilled, TimeRange};
use incident_atlas::geo::cluster::{ClusterOptions, Clustering};
use incident_atlas::geo::projection::Lcc;
use incident_atlas::geo::scene::ProjectedBasemap;
use incident_atlas::geo::view::{MapView, Size};
use incident_atlas::import::csv::{CsvReader, Record};
use incident_atlas::import::{import_bytes, Format, Options, Territory};
use incident_atlas::order::{sort_incidents, SortKey};
use incident_atlas::search;
use incident_atlas::text::Lang;
use incident_atlas::time::histogram::{Dated, Histogram};
use incident_atlas::time::scale::TimeScale;
use incident_atlas::time::{DAY, MINUTE};
use incident_atlas::url_state::{url_range, MapState, ViewState};

/// A fuzz target: bytes in, a panic out only on a defect.
pub type Target = fn(&[u8]);

/// Every target by name (the name is also its corpus and crash folder).
pub const TARGETS: &[(&str, Target)] = &[
    ("dataset", dataset),
    ("url", url),
    ("basemap", basemap),
    ("search", search),
    ("csv", csv),
    ("import", import),
];

/// Text as the browser would hand it over: invalid UTF-8 replaced.
fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// The dataset loader and, on what loads, everything the app derives
/// from a dataset: filter indexes and evaluations (checked against the
/// brute-force filter), the map scene and clusters, the timeline's
/// histogram, the list's orderings and the URL round trip.
pub fn dataset(data: &[u8]) {
    let Ok(loaded) = load(&text(data)) else {
        return;
    };
    exercise_dataset(&loaded.dataset);
}

fn exercise_dataset(ds: &Dataset) {
    let index = FilterIndex::new(ds);
    let filters = sample_filters(ds);
    let mut previous = Filter::everything(ds).evaluate(ds, &index);
    for filter in &filters {
        let fresh = filter.evaluate(ds, &index);
        assert_eq!(fresh.shown(), filter.apply(ds), "indexed ≠ brute force");
        let moved = previous.updated(filter, ds, &index);
        assert_eq!(moved.shown(), fresh.shown(), "updated ≠ fresh");
        previous = fresh;
    }

    let scene = ds.map_scene(Lcc::syria());
    let size = Size {
        width: 800.0,
        height: 600.0,
    };
    if let Some(extent) = scene.extent() {
        let view = MapView::fit(extent, size, 20.0, 1e4);
        let _ = scene.hit(&view, size, (400.0, 300.0), 12.0, |_| true);
    }
    for level in [-8, 0, 6, 12, 30] {
        let clustering = Clustering::build(
            &scene.points,
            |i| previous.contains(i),
            level,
            ClusterOptions::default(),
        );
        for g in 0..clustering.groups.len() {
            for &i in clustering.incidents(g) {
                assert!(clustering.holds(g, i));
            }
        }
    }

    histogram(ds);

    let shown = previous.shown().to_vec();
    for key in SortKey::ALL {
        for (descending, lang) in [(false, Lang::Ar), (true, Lang::En)] {
            for basis in [KilledBasis::Highest, KilledBasis::Claimant(0)] {
                let mut ids = shown.clone();
                sort_incidents(ds, &mut ids, key, descending, lang, basis);
                let mut sorted = ids.clone();
                sorted.sort_unstable();
                assert_eq!(sorted, shown, "sorting is a permutation");
            }
        }
    }

    for filter in &filters {
        url_round_trip(view_of(ds, filter), ds);
    }
}

/// Filters touching each facet, built from what the dataset holds.
fn sample_filters(ds: &Dataset) -> Vec<Filter> {
    let all = Filter::everything(ds);
    let mut out = vec![all.clone(), all.toggled(0), all.only(ds.patterns.len() / 2)];
    for facet in Facet::LISTED {
        let mut f = all.clone();
        f.toggle_value(facet, 0);
        out.push(f.clone());
        f.only_value(facet, facet.value_count(ds).saturating_sub(1));
        out.push(f);
    }
    let mut f = all.clone();
    f.min_killed = Some(MinKilled {
        at_least: 3,
        basis: KilledBasis::Lowest,
    });
    out.push(f.clone());
    f.min_killed = Some(MinKilled {
        at_least: u32::MAX,
        basis: KilledBasis::Claimant(ds.claimants.len().saturating_sub(1)),
    });
    out.push(f);
    if let Some(first) = ds.incidents.first() {
        let mut f = all.clone();
        // A brush is at least a minute long.
        let end = first.when.end.max(first.when.start.saturating_add(MINUTE));
        f.time = Some(TimeRange::new(first.when.start, end));
        f.query = first.title.pick(Lang::En).chars().take(12).collect();
        out.push(f);
        let mut f = all.clone();
        f.query = first.title.pick(Lang::Ar).to_string();
        out.push(f);
    }
    out
}

/// The timeline's histogram over the whole span, as the dense view draws
/// it; shares never add up to more incidents than there are.
fn histogram(ds: &Dataset) {
    let (Some(start), Some(end)) = (
        ds.incidents.iter().map(|i| i.when.start).min(),
        ds.incidents.iter().map(|i| i.when.end).max(),
    ) else {
        return;
    };
    for width in [40.0, 1200.0] {
        let edges = TimeScale::fitting(start, end, 0.05, (0.0, width)).bin_edges(7.0);
        let items = ds.incidents.iter().map(|inc| Dated {
            start: inc.when.start,
            end: inc.when.end,
            exact: inc.when.is_exact(),
            pattern: inc.patterns.first().copied().unwrap_or(0),
        });
        let h = Histogram::build(items, ds.patterns.len(), edges);
        let total: f64 = (0..h.bins()).map(|i| f64::from(h.total(i))).sum();
        assert!(
            total.is_finite() && total <= ds.incidents.len() as f64 * 1.001 + 1e-3,
            "histogram holds {total} of {} incidents",
            ds.incidents.len()
        );
    }
}

/// A full view: the filter, a time range, a map centre, a selection.
fn view_of(ds: &Dataset, filter: &Filter) -> ViewState {
    let mut view = ViewState::default().with_filter(filter, ds);
    if let Some(first) = ds.incidents.first() {
        // The timeline always shows a span (the app's zoom stops at a
        // few minutes), put in the URL's range as the app does.
        let (start, end) = (first.when.start, first.when.end.max(first.when.start));
        view.timeline = Some(url_range(TimeRange::new(start, end.saturating_add(DAY))));
        view.selected = Some(first.id.clone());
        if let Some(place) = first.places.first() {
            view.map = Some(MapState::centre(place.lon, place.lat, 7.25));
        }
    }
    view
}

/// Written, then read: the same view, without a warning, and written the
/// same again.
fn url_round_trip(view: ViewState, ds: &Dataset) {
    let query = view.to_query();
    let (back, warnings) = ViewState::from_query(&query, ds);
    assert_eq!(warnings, Vec::<String>::new(), "warnings reading {query:?}");
    assert_eq!(back, view, "reading {query:?}");
    assert_eq!(back.to_query(), query);
}

/// The default dataset, loaded once.
fn default_dataset() -> &'static Dataset {
    static DEFAULT: OnceLock<Dataset> = OnceLock::new();
    DEFAULT.get_or_init(|| match load(include_str!("../../data/incidents.json")) {
        Ok(loaded) => loaded.dataset,
        Err(problems) => panic!("data/incidents.json does not load: {problems:?}"),
    })
}

/// The URL parser against the default dataset: whatever it makes of a
/// query, writing that view and reading it back gives the same view.
pub fn url(data: &[u8]) {
    let ds = default_dataset();
    let (view, _warnings) = ViewState::from_query(&text(data), ds);
    url_round_trip(view, ds);
}

/// The basemap decoder and, on what decodes, its projection.
pub fn basemap(data: &[u8]) {
    if let Ok(basemap) = Basemap::from_json(&text(data)) {
        let _ = ProjectedBasemap::new(&basemap, &Lcc::syria());
    }
}

/// Search normalisation and matching. The first line is a query, the rest
/// a text; the properties hold for any of them.
pub fn search(data: &[u8]) {
    let input = text(data);
    let (query, hay) = input.split_once('\n').unwrap_or((&input, ""));
    let normalized = search::normalize(hay);
    assert_eq!(search::normalize(&normalized), normalized, "idempotent");
    assert!(!normalized.starts_with(' ') && !normalized.ends_with(' '));
    assert!(!normalized.contains("  "));

    let words = search::query_words(query);
    assert!(words.len() <= search::MAX_QUERY_WORDS);
    assert!(words.iter().all(|w| !w.is_empty() && !w.contains(' ')));
    assert!(search::narrows(&words, &words));
    let _ = search::matches(&normalized, query);
    // A query finds the text it was typed from.
    assert!(
        search::matches(&search::normalize(query), query),
        "{query:?} does not find itself"
    );

    // Appending texts is normalising them joined by a space.
    let mut joined = String::new();
    search::normalize_into(query, &mut joined);
    search::normalize_into(hay, &mut joined);
    assert_eq!(joined, search::normalize(&format!("{query} {hay}")));
}

/// The CSV reader: however a file is cut into chunks (a browser's file
/// reader, a pipe), it reads the same records. The first byte chooses
/// the cut and the separator; the rest is the file.
pub fn csv(data: &[u8]) {
    let Some((&choice, file)) = data.split_first() else {
        return;
    };
    let separator = match choice % 4 {
        0 => None,
        1 => Some(b','),
        2 => Some(b';'),
        _ => Some(b'\t'),
    };
    let whole = read_records(file, separator, &[]);
    let cut = (choice as usize * 7919) % (file.len() + 1);
    let halves = read_records(file, separator, &[cut]);
    assert_eq!(whole, halves, "cut at byte {cut}");
    let bytewise: Vec<usize> = (1..file.len()).collect();
    assert_eq!(
        whole,
        read_records(file, separator, &bytewise),
        "byte by byte"
    );
    for (i, (row, line, _)) in whole.iter().enumerate() {
        assert_eq!(*row, i + 1, "records are numbered from 1 in order");
        assert!(
            *line >= *row,
            "a record starts on or after its own row's line"
        );
    }
    // Marks that open the file are not data (one further on is).
    let opens_with_bom = file.starts_with(b"\xEF\xBB\xBF");
    if let (true, Some((_, _, fields))) = (opens_with_bom, whole.first()) {
        let first = fields.first().map_or("", String::as_str);
        assert!(
            !first.starts_with('\u{feff}'),
            "the byte-order mark is not data"
        );
    }
}

/// Reads `file` fed in pieces cut at `cuts` (ascending), as (row, line,
/// fields) of each record.
fn read_records(
    file: &[u8],
    separator: Option<u8>,
    cuts: &[usize],
) -> Vec<(usize, usize, Vec<String>)> {
    let mut reader = CsvReader::new(separator);
    let mut out = Vec::new();
    let mut keep = |r: &Record| out.push((r.row, r.line, r.fields().map(str::to_owned).collect()));
    let mut from = 0;
    for &cut in cuts.iter().chain(std::iter::once(&file.len())) {
        reader.feed(&file[from..cut], &mut keep);
        from = cut;
    }
    reader.finish(&mut keep);
    out
}

/// Every importer (ACLED, UCDP, GeoJSON, any spreadsheet) on any bytes:
/// every row read is accounted for, what it writes loads as a dataset
/// with as many incidents as it reported loaded, and the CSV export of
/// that dataset imports again to as many incidents. The first byte
/// chooses the file name and whether rows outside Syria are kept.
pub fn import(data: &[u8]) {
    let Some((&choice, file)) = data.split_first() else {
        return;
    };
    let name = ["export.csv", "ged.csv", "x.geojson", "sheet.tsv"][(choice % 4) as usize];
    let options = Options {
        territory: Some(syria().clone()),
        keep_outside: choice & 4 != 0,
        ..Options::default()
    };
    let Ok(imported) = import_bytes(file, Some(name), options) else {
        return;
    };
    let report = &imported.report;
    assert!(report.balances(), "rows unaccounted for: {report}");
    let json = imported.document.to_json();
    let loaded = match load(&json) {
        Ok(loaded) => loaded.dataset,
        Err(problems) => panic!("an import wrote a dataset that does not load: {problems:?}"),
    };
    assert_eq!(loaded.incidents.len(), report.loaded, "{report}");
    if loaded.incidents.is_empty() {
        return;
    }
    let shown: Vec<usize> = (0..loaded.incidents.len()).collect();
    let csv = incident_atlas::export::csv::to_csv(&loaded, &shown);
    let again = import_bytes(
        csv.as_bytes(),
        Some("export.csv"),
        Options {
            format: Some(Format::Spreadsheet),
            ..Options::default()
        },
    );
    match again {
        Ok(again) => assert_eq!(again.report.loaded, report.loaded, "{}", again.report),
        Err(e) => panic!("the CSV export does not import again: {e:?}"),
    }
}

fn syria() -> &'static Territory {
    static SYRIA: OnceLock<Territory> = OnceLock::new();
    SYRIA.get_or_init(|| match Territory::default_syria() {
        Ok(t) => t,
        Err(e) => panic!("the basemap's Syria outline: {e}"),
    })
}
