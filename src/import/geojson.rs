//! GeoJSON FeatureCollections. Each feature becomes a spreadsheet row: its
//! properties are the columns (mapped like a spreadsheet's), its geometry
//! gives the place. A Point or MultiPoint is the point itself (a
//! MultiPoint's first point; the others are noted); a Polygon or
//! MultiPolygon becomes an `area` place at its centroid with the radius
//! that covers every vertex.

use serde_json::Value;

use super::csv::Record;
use super::{sheet, Columns, Context, ImportError, Imported, Options, RowProblem};
use crate::geo::distance_km;

/// Synthesised columns for the geometry.
const LAT: &str = "geometry_lat";
const LON: &str = "geometry_lon";
const PRECISION: &str = "geometry_precision";
const RADIUS: &str = "geometry_radius_km";

/// Centroid (lon, lat) of a polygon's outer ring by the shoelace formula,
/// falling back to the vertex mean for a degenerate ring.
fn ring_centroid(ring: &[(f64, f64)]) -> Option<((f64, f64), f64)> {
    if ring.is_empty() {
        return None;
    }
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for (k, &(x0, y0)) in ring.iter().enumerate() {
        let (x1, y1) = ring[(k + 1) % ring.len()];
        let cross = x0 * y1 - x1 * y0;
        a += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
    }
    if a.abs() < 1e-12 {
        let n = ring.len() as f64;
        let (sx, sy) = ring.iter().fold((0.0, 0.0), |s, p| (s.0 + p.0, s.1 + p.1));
        return Some(((sx / n, sy / n), 0.0));
    }
    Some(((cx / (3.0 * a), cy / (3.0 * a)), (a / 2.0).abs()))
}

fn positions(v: &Value) -> Vec<(f64, f64)> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|p| {
                    let p = p.as_array()?;
                    Some((p.first()?.as_f64()?, p.get(1)?.as_f64()?))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Latitude, longitude, and for areas a precision and a radius in km.
pub type GeometryPlace = (f64, f64, Option<&'static str>, Option<f64>);

/// The place of a geometry.
pub fn place_of(geometry: &Value) -> Result<GeometryPlace, String> {
    let kind = geometry.get("type").and_then(Value::as_str).unwrap_or("");
    let coords = geometry.get("coordinates").unwrap_or(&Value::Null);
    match kind {
        "Point" => {
            let p = positions(&Value::Array(vec![coords.clone()]));
            p.first()
                .map(|&(x, y)| (y, x, None, None))
                .ok_or_else(|| "the Point has no coordinates".into())
        }
        "MultiPoint" => positions(coords)
            .first()
            .map(|&(x, y)| (y, x, None, None))
            .ok_or_else(|| "the MultiPoint has no coordinates".into()),
        "Polygon" | "MultiPolygon" => {
            let polygons: Vec<Value> = if kind == "Polygon" {
                vec![coords.clone()]
            } else {
                coords.as_array().cloned().unwrap_or_default()
            };
            let mut all = Vec::new();
            let (mut sx, mut sy, mut sa) = (0.0, 0.0, 0.0);
            for poly in &polygons {
                let outer = positions(poly.get(0).unwrap_or(&Value::Null));
                if let Some(((cx, cy), area)) = ring_centroid(&outer) {
                    let w = if area > 0.0 { area } else { 1e-9 };
                    sx += cx * w;
                    sy += cy * w;
                    sa += w;
                }
                all.extend(outer);
            }
            if sa == 0.0 {
                return Err(format!("the {kind} has no coordinates"));
            }
            let centre = (sx / sa, sy / sa);
            let radius = all
                .iter()
                .map(|&p| distance_km(p, centre))
                .fold(0.0, f64::max);
            Ok((
                centre.1,
                centre.0,
                Some("area"),
                Some(radius.clamp(0.5, 2000.0)),
            ))
        }
        "" => Err("the feature has no geometry".into()),
        other => Err(format!(
            "a {other} geometry is not a place (use Point, MultiPoint, Polygon or MultiPolygon)"
        )),
    }
}

fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

pub fn import(text: &str, options: Options) -> Result<Imported, ImportError> {
    let doc: Value = serde_json::from_str(text).map_err(|e| {
        ImportError(format!(
            "this is not valid JSON (line {}, column {}: {e})",
            e.line(),
            e.column()
        ))
    })?;
    let features = match doc.get("type").and_then(Value::as_str) {
        Some("FeatureCollection") => doc
            .get("features")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default(),
        Some("Feature") => vec![doc.clone()],
        _ => return Err(ImportError("expected a GeoJSON FeatureCollection".into())),
    };
    // The columns: every property name in order of first appearance.
    let mut names: Vec<String> = Vec::new();
    for f in &features {
        if let Some(props) = f.get("properties").and_then(Value::as_object) {
            for k in props.keys() {
                if !names.contains(k) {
                    names.push(k.clone());
                }
            }
        }
    }
    let header: Vec<String> = names
        .iter()
        .cloned()
        .chain([LAT, LON, PRECISION, RADIUS].map(String::from))
        .collect();
    let columns = Columns::new(&Record::from_fields(header.iter().map(String::as_str), 1));
    let mut mapping = options.mapping.clone();
    let records: Vec<Result<Record, RowProblem>> = features
        .iter()
        .enumerate()
        .map(|(k, f)| {
            // Features are numbered like rows: the first is row 2.
            let row = k + 2;
            let (lat, lon, precision, radius) = place_of(f.get("geometry").unwrap_or(&Value::Null))
                .map_err(|e| {
                    RowProblem::new(row, Some("geometry"), format!("feature {}: {e}", k + 1))
                })?;
            let props = f.get("properties");
            let mut cells: Vec<String> = names
                .iter()
                .map(|n| props.and_then(|p| p.get(n)).map(cell).unwrap_or_default())
                .collect();
            cells.extend([
                lat.to_string(),
                lon.to_string(),
                precision.unwrap_or("").to_owned(),
                radius.map(|r| format!("{r:.1}")).unwrap_or_default(),
            ]);
            Ok(Record::from_fields(cells.iter().map(String::as_str), row))
        })
        .collect();
    if mapping.is_none() {
        let sample: Vec<Record> = records
            .iter()
            .filter_map(|r| r.as_ref().ok())
            .take(sheet::SAMPLE_ROWS)
            .cloned()
            .collect();
        let mut m = sheet::propose(&columns, &sample);
        // The geometry gives the place unless properties are mapped to it.
        m.lat = Some(LAT.into());
        m.lon = Some(LON.into());
        m.lat_lon = None;
        if m.place_precision.is_none() {
            m.place_precision = Some(PRECISION.into());
        }
        if m.radius_km.is_none() {
            m.radius_km = Some(RADIUS.into());
        }
        mapping = Some(m);
    }
    let mut ctx = Context::new(options.clone(), "GeoJSON");
    let mut rows = sheet::SheetRows::new(columns, mapping, options.day_month)?;
    for r in records {
        ctx.report.rows += 1;
        match r {
            Ok(record) => rows.row(&record, &mut ctx),
            Err(p) => ctx.report.skip(p),
        }
    }
    let (meta, mapping) = rows.finish(&mut ctx)?;
    let meta = super::document::Meta {
        title: super::document::en(options.title.unwrap_or_else(|| "Imported GeoJSON".into())),
        ..meta
    };
    Ok(Imported {
        mapping: Some(mapping),
        ..ctx.finish(meta)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn polygons_become_areas_covering_them() {
        let square = json!({"type": "Polygon", "coordinates": [[[38.0, 34.0], [39.0, 34.0], [39.0, 35.0], [38.0, 35.0], [38.0, 34.0]]]});
        let (lat, lon, precision, radius) = place_of(&square).unwrap();
        assert!((lat - 34.5).abs() < 1e-9 && (lon - 38.5).abs() < 1e-9);
        assert_eq!(precision, Some("area"));
        let r = radius.unwrap();
        assert!(r > 60.0 && r < 80.0, "{r}");
        assert!(place_of(&json!({"type": "LineString", "coordinates": []})).is_err());
        assert_eq!(
            place_of(&json!({"type": "Point", "coordinates": [38.2, 34.5]}))
                .unwrap()
                .0,
            34.5
        );
    }
}
