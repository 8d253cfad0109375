//! Times loading a dataset natively, split into JSON decoding and
//! validation: `cargo run --release --example load_time -- FILE [RUNS]`.

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: load_time FILE [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    for run in 1..=runs {
        let t0 = Instant::now();
        let raw: Result<incident_atlas::dataset::format::RawDataset, _> =
            serde_json::from_str(&text);
        let decode = t0.elapsed();
        drop(raw);
        let t1 = Instant::now();
        let loaded = incident_atlas::dataset::load(&text);
        let total = t1.elapsed();
        let n = loaded.as_ref().map_or(0, |l| l.dataset.incidents.len());
        println!(
            "run {run}: {n} incidents, {:.1} MB: decode {:.0} ms, decode+validate {:.0} ms",
            text.len() as f64 / 1e6,
            decode.as_secs_f64() * 1e3,
            total.as_secs_f64() * 1e3
        );
    }
}
