//! GeoJSON export: one Feature per incident, a Point (or a MultiPoint for
//! an incident in several places), with the CSV table's columns as
//! properties.

use serde_json::{json, Map, Value};

use super::table;
use crate::dataset::Dataset;

pub fn to_geojson(dataset: &Dataset, shown: &[usize]) -> String {
    let t = table(dataset, shown);
    let features: Vec<Value> = shown
        .iter()
        .filter_map(|&i| dataset.incidents.get(i))
        .zip(t.rows.iter())
        .map(|(inc, row)| {
            let mut props = Map::new();
            for (k, v) in t.header.iter().zip(row) {
                // Coordinates live in the geometry.
                if !v.is_empty() && k != "lat" && k != "lon" {
                    props.insert(k.clone(), Value::String(v.clone()));
                }
            }
            let geometry = match inc.places.as_slice() {
                [p] => json!({ "type": "Point", "coordinates": [p.lon, p.lat] }),
                places => json!({
                    "type": "MultiPoint",
                    "coordinates": places.iter().map(|p| json!([p.lon, p.lat])).collect::<Vec<_>>()
                }),
            };
            json!({ "type": "Feature", "id": inc.id, "geometry": geometry, "properties": props })
        })
        .collect();
    json!({ "type": "FeatureCollection", "features": features }).to_string()
}
