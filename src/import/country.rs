//! Which rows lie in the basemap's country, and in which governorate.
//!
//! A row's own country column decides when the file has one (ACLED's
//! `country`/`iso`/`iso3`, UCDP's `country`); otherwise its point is tested
//! against the country's outline from the basemap (Syria with the occupied
//! Golan, which the basemap draws apart).

use crate::basemap::{Basemap, Path};

/// An outline with its bounding box, for quick point tests.
#[derive(Clone, Debug, PartialEq)]
struct Outline {
    rings: Vec<Path>,
    /// (min lon, min lat, max lon, max lat)
    bbox: (f64, f64, f64, f64),
}

impl Outline {
    fn new(rings: Vec<Path>) -> Outline {
        let mut bbox = (
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        );
        for &(x, y) in rings.iter().flatten() {
            bbox = (bbox.0.min(x), bbox.1.min(y), bbox.2.max(x), bbox.3.max(y));
        }
        Outline { rings, bbox }
    }

    /// Even-odd rule over all rings (holes included).
    fn contains(&self, lon: f64, lat: f64) -> bool {
        let (x0, y0, x1, y1) = self.bbox;
        if !(lon >= x0 && lon <= x1 && lat >= y0 && lat <= y1) {
            return false;
        }
        let mut inside = false;
        for ring in &self.rings {
            let mut j = ring.len().wrapping_sub(1);
            for (i, &(xi, yi)) in ring.iter().enumerate() {
                if let Some(&(xj, yj)) = ring.get(j) {
                    if (yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi {
                        inside = !inside;
                    }
                }
                j = i;
            }
        }
        inside
    }
}

/// The country the map shows: its outline, names and governorates.
#[derive(Clone, Debug, PartialEq)]
pub struct Territory {
    /// ISO 3166-1 alpha-3, e.g. "SYR".
    pub iso3: String,
    /// ISO 3166-1 alpha-2, e.g. "SY".
    pub iso2: String,
    pub name: String,
    /// Names and codes a file may use for it, lowercase.
    aliases: Vec<String>,
    outline: Outline,
    governorates: Vec<(String, Outline)>,
}

impl Territory {
    /// Syria from the basemap asset (data/basemap.json).
    pub fn syria(basemap: &Basemap) -> Result<Territory, String> {
        let country = basemap
            .countries
            .iter()
            .find(|c| c.id == "SYR")
            .ok_or("the basemap has no outline of Syria (country SYR)")?;
        let mut rings = country.paths.clone();
        rings.extend(
            basemap
                .occupied
                .iter()
                .flat_map(|f| f.paths.iter().cloned()),
        );
        Ok(Territory {
            iso3: "SYR".into(),
            iso2: "SY".into(),
            name: "Syria".into(),
            aliases: [
                "syria",
                "syrian arab republic",
                "syria, arab republic of",
                "sy",
                "syr",
                "760",
                "652",
                "سوريا",
                "سورية",
                "الجمهورية العربية السورية",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect(),
            outline: Outline::new(rings),
            governorates: basemap
                .governorates
                .iter()
                .map(|g| (g.id.clone(), Outline::new(g.paths.clone())))
                .collect(),
        })
    }

    /// Syria from the basemap that ships with the app.
    pub fn default_syria() -> Result<Territory, String> {
        let basemap = Basemap::from_json(include_str!("../../data/basemap.json"))?;
        Territory::syria(&basemap)
    }

    /// Whether a country name or code from a file means this country.
    pub fn is_named(&self, value: &str) -> bool {
        let value = value.trim();
        if self.aliases.iter().any(|a| a.eq_ignore_ascii_case(value)) {
            return true;
        }
        let v = value.to_lowercase();
        self.aliases.contains(&v)
    }

    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        self.outline.contains(lon, lat)
    }

    /// Whether a point is within the outline's bounding box (cheap).
    pub fn in_bounding_box(&self, lon: f64, lat: f64) -> bool {
        let (x0, y0, x1, y1) = self.outline.bbox;
        lon >= x0 && lon <= x1 && lat >= y0 && lat <= y1
    }

    /// The governorate id of a point, if it lies in one.
    pub fn governorate_at(&self, lon: f64, lat: f64) -> Option<&str> {
        self.governorates
            .iter()
            .find(|(_, o)| o.contains(lon, lat))
            .map(|(id, _)| id.as_str())
    }
}

/// Governorate names as ACLED, UCDP and newsrooms spell them → ids.
pub fn governorate_id(name: &str) -> Option<&'static str> {
    let n: String = name
        .to_lowercase()
        .replace("governorate", "")
        .replace("province", "")
        .replace("محافظة", "")
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    const NAMES: [(&str, &[&str]); 14] = [
        ("damascus", &["damascus", "dimashq", "دمشق"]),
        (
            "rif-dimashq",
            &[
                "rifdimashq",
                "ruraldamascus",
                "rifdamascus",
                "damascuscountryside",
                "reefdamascus",
                "ريفدمشق",
            ],
        ),
        (
            "quneitra",
            &[
                "quneitra",
                "alquneitra",
                "alqunaytirah",
                "qunaytirah",
                "القنيطرة",
            ],
        ),
        ("daraa", &["daraa", "dara", "deraa", "dar", "draa", "درعا"]),
        (
            "as-suwayda",
            &[
                "assuwayda",
                "suwayda",
                "assweida",
                "sweida",
                "alsuwayda",
                "assuwaydaa",
                "السويداء",
            ],
        ),
        ("homs", &["homs", "hims", "حمص"]),
        ("hama", &["hama", "hamah", "حماة", "حماه"]),
        ("tartus", &["tartus", "tartous", "tartous", "طرطوس"]),
        (
            "latakia",
            &[
                "latakia",
                "lattakia",
                "allatakia",
                "allathiqiyah",
                "lattakiya",
                "اللاذقية",
            ],
        ),
        ("idlib", &["idlib", "idleb", "إدلب", "ادلب"]),
        ("aleppo", &["aleppo", "halab", "حلب"]),
        (
            "ar-raqqa",
            &["arraqqa", "raqqa", "arraqqah", "alraqqa", "raqqah", "الرقة"],
        ),
        (
            "deir-ez-zor",
            &[
                "deirezzor",
                "deirezzour",
                "dayrazzawr",
                "deirazzor",
                "deiralzour",
                "deirezzur",
                "ديرالزور",
            ],
        ),
        (
            "al-hasakah",
            &[
                "alhasakah",
                "hasakah",
                "alhasakeh",
                "hasakeh",
                "alhasaka",
                "hasaka",
                "الحسكة",
            ],
        ),
    ];
    NAMES
        .iter()
        .find(|(_, names)| names.contains(&n.as_str()))
        .map(|(id, _)| *id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_in_and_out_of_syria() {
        let syria = Territory::default_syria().expect("basemap");
        assert!(syria.contains(38.27, 34.56), "Palmyra");
        assert!(syria.contains(36.29, 33.51), "Damascus");
        assert!(!syria.contains(44.36, 33.31), "Baghdad");
        assert!(!syria.contains(35.50, 33.89), "Beirut");
        assert!(!syria.contains(34.56, 38.27), "Palmyra swapped");
        assert_eq!(syria.governorate_at(40.14, 35.33), Some("deir-ez-zor"));
        assert_eq!(syria.governorate_at(38.27, 34.56), Some("homs"));
    }

    #[test]
    fn names_and_codes() {
        let syria = Territory::default_syria().expect("basemap");
        assert!(syria.is_named(" Syria"));
        assert!(syria.is_named("760"));
        assert!(syria.is_named("سوريا"));
        assert!(!syria.is_named("Iraq"));
        assert_eq!(governorate_id("Deir ez Zor"), Some("deir-ez-zor"));
        assert_eq!(governorate_id("Rural Damascus"), Some("rif-dimashq"));
        assert_eq!(
            governorate_id("Dayr az Zawr governorate"),
            Some("deir-ez-zor")
        );
        assert_eq!(governorate_id("محافظة حمص"), Some("homs"));
        assert_eq!(governorate_id("Anbar"), None);
    }
}
