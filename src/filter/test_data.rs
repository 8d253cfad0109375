//! A small dataset for the filter's unit tests: three patterns (bus, kid,
//! ied) and incidents a (bus), b (bus and kid) and c (kid).

use crate::dataset::{load, Dataset};

pub fn three_patterns() -> Dataset {
    let incident = |id: &str, patterns: &[&str]| {
        serde_json::json!({
            "id": id, "title": {"en": id},
            "when": {"start": "2021-01-01", "precision": "exact"},
            "where": {"places": [{"name": {"en": "x"}, "lat": 35.0, "lon": 38.0, "precision": "exact"}]},
            "patterns": patterns, "perpetrator": {"actor": null, "attribution": "unknown"},
            "sources": ["s"]
        })
    };
    let doc = serde_json::json!({
        "format": "incident-atlas", "version": 1,
        "meta": {"title": {"en": "t"}},
        "patterns": [
            {"id": "bus", "label": {"en": "Bus"}, "color": "#000000", "shape": "circle"},
            {"id": "kid", "label": {"en": "Kidnap"}, "color": "#111111", "shape": "square"},
            {"id": "ied", "label": {"en": "IED"}, "color": "#222222", "shape": "star"}
        ],
        "sources": [{"id": "s", "outlet": {"en": "o"}}],
        "incidents": [incident("a", &["bus"]), incident("b", &["bus", "kid"]), incident("c", &["kid"])]
    });
    load(&doc.to_string())
        .expect("the test dataset is valid")
        .dataset
}
