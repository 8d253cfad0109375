//! `synth`: writes a synthetic Incident Atlas dataset for benchmarks and
//! scale tests (see `incident_atlas::synth`).
//!
//! Exit codes: 0 done, 1 the output could not be written, 2 bad arguments.

use std::fs::File;
use std::io::{self, BufWriter};
use std::process::ExitCode;
use std::time::Instant;

use incident_atlas::synth::write_dataset;

const USAGE: &str = "\
synth: writes a SYNTHETIC Incident Atlas dataset (dataset format v1) for
benchmarks and scale tests. Nothing in it is real.

Usage:
  synth --count N [--seed S] [--out FILE]

Options:
  --count N    number of incidents, 0 to 10000000 (required)
  --seed S     seed, a whole number 0 to 18446744073709551615 (default 1);
               the same count and seed always give the same bytes
  --out FILE   where to write the JSON (default: standard output)
  -h, --help   show this help

Example:
  cargo run --release --features synth --bin synth -- --count 100000 --seed 7 --out /tmp/s100k.json
";

/// Far beyond any benchmark (about 6.5 GB of JSON), but it stops a typo
/// such as an extra zero from filling the disk.
const MAX_COUNT: usize = 10_000_000;

const DEFAULT_SEED: u64 = 1;

#[derive(Debug)]
struct Request {
    count: usize,
    seed: u64,
    /// `None` writes to standard output.
    out: Option<String>,
}

#[derive(Debug)]
enum Command {
    Help,
    Generate(Request),
}

fn main() -> ExitCode {
    let request = match parse(std::env::args_os().skip(1)) {
        Ok(Command::Help) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Ok(Command::Generate(request)) => request,
        Err(message) => {
            eprintln!("synth: {message}\nRun `synth --help` for usage.");
            return ExitCode::from(2);
        }
    };
    match run(&request) {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stops early (`synth … | head`) is not a failure.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let target = request.out.as_deref().unwrap_or("standard output");
            eprintln!("synth: could not write {target}: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(request: &Request) -> io::Result<()> {
    let Some(path) = &request.out else {
        let stdout = io::stdout().lock();
        return write_dataset(request.count, request.seed, BufWriter::new(stdout));
    };
    let started = Instant::now();
    let mut file = BufWriter::with_capacity(1 << 20, File::create(path)?);
    write_dataset(request.count, request.seed, &mut file)?;
    let file = file.into_inner().map_err(|e| e.into_error())?;
    file.sync_all()?;
    let bytes = file.metadata()?.len();
    eprintln!(
        "synth: wrote {} incidents (seed {}, {:.1} MB) to {path} in {:.2} s",
        request.count,
        request.seed,
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Reads `--name value` and `--name=value` options. Every mistake comes
/// back as a message for the user, never a panic.
fn parse(args: impl Iterator<Item = std::ffi::OsString>) -> Result<Command, String> {
    let mut args = args.map(|a| {
        a.into_string()
            .map_err(|a| format!("argument {a:?} is not valid text"))
    });
    let mut count = None;
    let mut seed = None;
    let mut out = None;
    while let Some(arg) = args.next() {
        let arg = arg?;
        if arg == "-h" || arg == "--help" {
            return Ok(Command::Help);
        }
        let (name, inline_value) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name.to_owned(), Some(value.into())),
            _ => (arg.clone(), None),
        };
        let slot = match name.as_str() {
            "--count" => &mut count,
            "--seed" => &mut seed,
            "--out" => &mut out,
            _ if arg.starts_with('-') => return Err(format!("unknown option {arg:?}")),
            _ => return Err(format!("unexpected argument {arg:?}")),
        };
        let value = match inline_value {
            Some(value) => value,
            None => match args.next().transpose()? {
                // "--out --count 5" forgot the file, it did not name it "--count".
                Some(value) if !value.starts_with("--") => value,
                _ => return Err(format!("{name} needs a value")),
            },
        };
        if slot.replace(value).is_some() {
            return Err(format!("{name} is given twice"));
        }
    }

    let count = match count {
        None => return Err("--count is required (how many incidents to generate)".into()),
        Some(text) => match text.parse::<usize>() {
            Ok(n) if n <= MAX_COUNT => n,
            Ok(_) => return Err(format!("--count must be at most {MAX_COUNT}, got {text}")),
            Err(_) => {
                return Err(format!(
                    "--count expects a whole number like 10000, got {text:?}"
                ))
            }
        },
    };
    let seed = match seed {
        None => DEFAULT_SEED,
        Some(text) => text.parse::<u64>().map_err(|_| {
            format!(
                "--seed expects a whole number from 0 to {}, got {text:?}",
                u64::MAX
            )
        })?,
    };
    let out = match out {
        Some(path) if path.is_empty() => return Err("--out needs a file path".into()),
        // "-" is the usual spelling of standard output.
        Some(path) if path == "-" => None,
        other => other,
    };
    Ok(Command::Generate(Request { count, seed, out }))
}
