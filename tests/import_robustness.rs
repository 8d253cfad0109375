//! Mutated real files never panic an importer, and every row read is
//! accounted for. (A cheap deterministic stand-in until the fuzzing
//! harness of the robustness issue takes the readers.)

use incident_atlas::import::{import_bytes, Options, Territory};

fn mutations(seed: &[u8], count: usize) -> Vec<Vec<u8>> {
    let specials = [
        b'"', b',', b';', b'\t', b'\n', b'\r', b'{', b'}', b'[', b']', b'-', b'/', 0xD9, 0xA3, 0xFF,
    ];
    let mut state: u64 = 0x9E3779B97F4A7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..count)
        .map(|_| {
            let mut bytes = seed.to_vec();
            for _ in 0..(1 + next() % 8) {
                if bytes.is_empty() {
                    break;
                }
                let at = (next() as usize) % bytes.len();
                match next() % 3 {
                    0 => bytes[at] = specials[(next() as usize) % specials.len()],
                    1 => {
                        bytes.remove(at);
                    }
                    _ => bytes.truncate(at),
                }
            }
            bytes
        })
        .collect()
}

fn check(seed: &[u8], name: &str) {
    let territory = Territory::default_syria().expect("basemap");
    for bytes in mutations(seed, 400) {
        let options = Options {
            territory: Some(territory.clone()),
            ..Options::default()
        };
        if let Ok(imported) = import_bytes(&bytes, Some(name), options) {
            assert!(imported.report.balances(), "{}", imported.report);
        }
    }
}

#[test]
fn mutated_acled_ucdp_and_sheets() {
    check(include_bytes!("fixtures/import/acled.csv"), "acled.csv");
    check(include_bytes!("fixtures/import/ucdp.csv"), "ucdp.csv");
    check(
        include_bytes!("fixtures/import/newsroom.csv"),
        "newsroom.csv",
    );
}

#[test]
fn mutated_geojson() {
    let json = br#"{"type":"FeatureCollection","features":[
      {"type":"Feature","geometry":{"type":"MultiPolygon","coordinates":[[[[38,34],[39,34],[39,35],[38,34]]]]},"properties":{"date":"2021-01-03","type":"Ambush","killed (SOHR)":"~9"}},
      {"type":"Feature","geometry":{"type":"Point","coordinates":[40.14,35.33]},"properties":{"date":"03/01/2021","lat":"x"}}]}"#;
    check(json, "x.geojson");
}
