//! The offline basemap asset (`data/basemap.json`, built by
//! `tools/basemap/build.mjs`, described in docs/basemap.md), decoded into
//! lon/lat paths.

use serde::Deserialize;

use crate::text::Text;

/// A ring or line of (lon, lat) degrees.
pub type Path = Vec<(f64, f64)>;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Basemap {
    pub countries: Vec<Feature>,
    pub governorates: Vec<Feature>,
    pub occupied: Vec<Feature>,
    pub lakes: Vec<Feature>,
    pub rivers: Vec<Feature>,
    pub roads: Vec<Feature>,
    pub towns: Vec<Town>,
    pub sources: Vec<SourceNote>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Feature {
    pub id: String,
    pub name: Text,
    /// Where to put the label, if the asset says.
    pub label: Option<(f64, f64)>,
    /// Rings for areas, lines for rivers and roads.
    pub paths: Vec<Path>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Town {
    pub name: Text,
    pub lon: f64,
    pub lat: f64,
    pub population: u64,
    /// 1 = capital or major city, 2 = governorate capital, 3 = other town.
    pub rank: u8,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct SourceNote {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub licence: String,
    #[serde(default)]
    pub attribution: String,
}

#[derive(Deserialize)]
struct RawBasemap {
    format: String,
    version: u32,
    scale: f64,
    #[serde(default)]
    sources: Vec<SourceNote>,
    #[serde(default)]
    countries: Vec<RawFeature>,
    #[serde(default)]
    governorates: Vec<RawFeature>,
    #[serde(default)]
    occupied: Vec<RawFeature>,
    #[serde(default)]
    lakes: Vec<RawFeature>,
    #[serde(default)]
    rivers: Vec<RawFeature>,
    #[serde(default)]
    roads: Vec<RawFeature>,
    #[serde(default)]
    towns: Vec<RawTown>,
}

#[derive(Deserialize)]
struct RawFeature {
    #[serde(default)]
    id: String,
    #[serde(default)]
    name: Text,
    label: Option<[i64; 2]>,
    #[serde(default)]
    rings: Vec<Vec<i64>>,
    #[serde(default)]
    lines: Vec<Vec<i64>>,
}

#[derive(Deserialize)]
struct RawTown {
    name: Text,
    lon: i64,
    lat: i64,
    #[serde(default)]
    population: u64,
    #[serde(default = "default_rank")]
    rank: u8,
}

fn default_rank() -> u8 {
    3
}

impl Basemap {
    pub fn from_json(json: &str) -> Result<Basemap, String> {
        let raw: RawBasemap =
            serde_json::from_str(json).map_err(|e| format!("the basemap is unreadable: {e}"))?;
        if raw.format != "incident-atlas-basemap" || raw.version != 1 {
            return Err(format!(
                "the basemap is {:?} version {}, expected incident-atlas-basemap version 1",
                raw.format, raw.version
            ));
        }
        if !(raw.scale.is_finite() && raw.scale > 0.0) {
            return Err("the basemap's scale must be a positive number".into());
        }
        let s = raw.scale;
        // `layer` names the list in the asset, so an error says where it is.
        let features = |layer: &str, list: Vec<RawFeature>| -> Result<Vec<Feature>, String> {
            list.into_iter()
                .enumerate()
                .map(|(i, f)| {
                    let mut paths = Vec::new();
                    for (k, flat) in f.rings.iter().chain(f.lines.iter()).enumerate() {
                        let path = decode_path(flat, s).map_err(|e| {
                            format!("the basemap's {layer}[{i}] ({:?}), path {k}: {e}", f.id)
                        })?;
                        if !path.is_empty() {
                            paths.push(path);
                        }
                    }
                    Ok(Feature {
                        id: f.id,
                        name: f.name,
                        label: f.label.map(|[x, y]| (x as f64 / s, y as f64 / s)),
                        paths,
                    })
                })
                .collect()
        };
        Ok(Basemap {
            countries: features("countries", raw.countries)?,
            governorates: features("governorates", raw.governorates)?,
            occupied: features("occupied", raw.occupied)?,
            lakes: features("lakes", raw.lakes)?,
            rivers: features("rivers", raw.rivers)?,
            roads: features("roads", raw.roads)?,
            towns: raw
                .towns
                .into_iter()
                .map(|t| Town {
                    name: t.name,
                    lon: t.lon as f64 / s,
                    lat: t.lat as f64 / s,
                    population: t.population,
                    rank: t.rank,
                })
                .collect(),
            sources: raw.sources,
        })
    }
}

/// Decodes `[x0, y0, dx1, dy1, …]` (first point absolute, then deltas).
/// An odd trailing number is ignored. A running sum that leaves `i64` is
/// refused (a corrupt asset, not a place on Earth), naming the point.
pub fn decode_path(flat: &[i64], scale: f64) -> Result<Path, String> {
    let mut out = Vec::with_capacity(flat.len() / 2);
    let (mut x, mut y) = (0i64, 0i64);
    for (k, pair) in flat.chunks_exact(2).enumerate() {
        let &[dx, dy] = pair else { continue };
        let overflow = |column| format!("point {k} ({column}) is out of range");
        x = x.checked_add(dx).ok_or_else(|| overflow("x"))?;
        y = y.checked_add(dy).ok_or_else(|| overflow("y"))?;
        out.push((x as f64 / scale, y as f64 / scale));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_delta_paths() {
        assert_eq!(
            decode_path(&[36000, 33000, 500, -250, 1, 1, 7], 1000.0),
            Ok(vec![(36.0, 33.0), (36.5, 32.75), (36.501, 32.751)])
        );
        assert_eq!(decode_path(&[], 1000.0), Ok(Vec::new()));
    }

    #[test]
    fn refuses_a_path_whose_deltas_overflow_and_says_where() {
        // The issue's reproducers: the large value in the x, then the y column.
        for (path, column) in [
            ("[1,0,9223372036854775807,0]", "x"),
            ("[0,1,0,9223372036854775807]", "y"),
        ] {
            let json = format!(
                r#"{{"format":"incident-atlas-basemap","version":1,"scale":1,"rivers":[{{"lines":[[0,0],{path}]}}]}}"#
            );
            let err = Basemap::from_json(&json).expect_err(path);
            assert!(err.contains("rivers[0]"), "{err}");
            assert!(err.contains("path 1"), "{err}");
            assert!(err.contains(&format!("point 1 ({column})")), "{err}");
        }
        // Negative overflow too, and in the towns-free minimal asset.
        let json = r#"{"format":"incident-atlas-basemap","version":1,"scale":1,
            "roads":[{"lines":[[-9223372036854775807,0,-2,0]]}]}"#;
        assert!(Basemap::from_json(json).unwrap_err().contains("roads[0]"));
        assert!(decode_path(&[i64::MAX, 0, 1, 0], 1.0).is_err());
        assert!(decode_path(&[i64::MAX, i64::MIN, 0, 0], 1.0).is_ok());
    }

    #[test]
    fn reads_a_minimal_asset_and_refuses_others() {
        let json = r#"{"format":"incident-atlas-basemap","version":1,"scale":1000,
            "governorates":[{"id":"homs","name":{"en":"Homs"},"label":[38000,34500],"rings":[[37000,34000,1000,0,0,1000]]}],
            "towns":[{"name":{"en":"Palmyra","ar":"تدمر"},"lon":38268,"lat":34560,"rank":3}]}"#;
        let b = Basemap::from_json(json).expect("valid");
        assert_eq!(b.governorates[0].paths[0].len(), 3);
        assert_eq!(b.governorates[0].label, Some((38.0, 34.5)));
        assert_eq!(b.towns[0].lat, 34.56);
        assert!(Basemap::from_json(r#"{"format":"x","version":1,"scale":1}"#).is_err());
        assert!(Basemap::from_json("not json").is_err());
    }
}
