//! An incident's places: coordinates, precision, radius, governorate.

use std::borrow::Cow;

use super::collector::Validator;
use super::path::Path;
use crate::dataset::format::*;
use crate::dataset::message::Message;
use crate::dataset::model::*;

impl Validator {
    pub(super) fn places(&mut self, raw: Option<&RawWhere<'_>>, path: &Path) -> Vec<Place> {
        let Some(raw) = self.required(raw, path) else {
            return Vec::new();
        };
        let places_path = path.field("places");
        let Some(places) = self.required(raw.places.as_ref(), &places_path) else {
            return Vec::new();
        };
        if places.is_empty() {
            self.error(&places_path, Message::NoPlaces);
        }
        let mut out = Vec::with_capacity(places.len());
        for (k, p) in places.iter().enumerate() {
            let pp = places_path.index(k);
            let lat_path = pp.field("lat");
            let lon_path = pp.field("lon");
            let lat = self.required(p.lat, &lat_path);
            let lon = self.required(p.lon, &lon_path);
            let lat_ok = lat.is_some_and(|lat| {
                let ok = (-90.0..=90.0).contains(&lat);
                if !ok {
                    self.error(
                        &lat_path,
                        Message::NotLatitude {
                            value: lat.to_string(),
                        },
                    );
                }
                ok
            });
            let lon_ok = lon.is_some_and(|lon| {
                let ok = (-180.0..=180.0).contains(&lon);
                if !ok {
                    self.error(
                        &lon_path,
                        Message::NotLongitude {
                            value: lon.to_string(),
                        },
                    );
                }
                ok
            });
            let precision = self
                .vocabulary(
                    p.precision.as_deref(),
                    &pp.field("precision"),
                    PlacePrecision::parse,
                    PlacePrecision::ids,
                )
                .unwrap_or(PlacePrecision::Region);
            let radius_path = pp.field("radius_km");
            let radius_km = match p.radius_km {
                Some(r) if r.is_finite() && r > 0.0 && r <= 2000.0 => r,
                Some(r) => {
                    self.error(
                        &radius_path,
                        Message::BadRadius {
                            value: r.to_string(),
                        },
                    );
                    precision.default_radius_km()
                }
                None => precision.default_radius_km(),
            };
            let governorate = p
                .governorate
                .as_deref()
                .map(|g| match known_governorate(g) {
                    Some(id) => Cow::Borrowed(id),
                    None => Cow::Owned(g.to_owned()),
                });
            if let Some(g) = p.governorate.as_deref() {
                if known_governorate(g).is_none() {
                    let known: Vec<&str> = GOVERNORATES.iter().map(|g| g.0).collect();
                    self.warn(
                        &pp.field("governorate"),
                        Message::UnknownGovernorate {
                            got: g.to_owned(),
                            known: known.join(", "),
                        },
                    );
                }
            }
            let name = self
                .text(p.name.clone(), &pp.field("name"))
                .unwrap_or_default();
            if let (Some(lat), Some(lon), true, true) = (lat, lon, lat_ok, lon_ok) {
                out.push(Place {
                    name,
                    lat,
                    lon,
                    precision,
                    radius_km,
                    governorate,
                    gazetteer: p.gazetteer.clone(),
                });
            }
        }
        out
    }
}

/// The id of one of Syria's governorates, as a static string.
fn known_governorate(id: &str) -> Option<&'static str> {
    GOVERNORATES.iter().find(|g| g.0 == id).map(|g| g.0)
}
