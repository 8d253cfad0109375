//! The fuzzer's driver: `fuzz-atlas <target> [options]` (see `--help` and
//! docs/fuzzing.md). Runs the seeds and known crashers, then mutates
//! inputs for the time given, keeping those that reach new coverage, and
//! saves every input that panics under `fuzz/crashes/<target>/`.

mod coverage;
mod mutate;
mod targets;

use std::cell::RefCell;
use std::fs;
use std::panic;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use coverage::Coverage;
use mutate::Rng;

const HELP: &str = "\
usage: fuzz-atlas <target> [--seconds N | --minutes N] [--seed N] [--corpus DIR]
       fuzz-atlas --list

Fuzzes one target: runs fuzz/seeds/<target>/ and fuzz/crashes/<target>/,
then mutates inputs until the time is up (default 60 s). Inputs that panic
are saved to fuzz/crashes/<target>/ and make the exit status 1. --corpus
loads and saves the inputs that reached new coverage (not kept in git).";

struct Options {
    target: String,
    duration: Duration,
    seed: u64,
    corpus: Option<PathBuf>,
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut target = None;
    let mut duration = Duration::from_secs(60);
    let mut seed = 0x5eed_a71a5;
    let mut corpus = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        let number = |name: &str, v: String| {
            v.parse::<f64>()
                .ok()
                .filter(|n| n.is_finite() && *n >= 0.0)
                .ok_or_else(|| format!("{name} {v:?} is not a number"))
        };
        match arg.as_str() {
            "--seconds" => duration = Duration::from_secs_f64(number(arg, value(arg)?)?),
            "--minutes" => duration = Duration::from_secs_f64(60.0 * number(arg, value(arg)?)?),
            "--seed" => seed = number(arg, value(arg)?)? as u64,
            "--corpus" => corpus = Some(PathBuf::from(value(arg)?)),
            name if !name.starts_with('-') && target.is_none() => target = Some(name.to_owned()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(Options {
        target: target.ok_or("which target?")?,
        duration,
        seed,
        corpus,
    })
}

fn fuzz_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file of a folder (none if it does not exist), in name order.
fn read_dir(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.is_file());
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| fs::read(&p).ok().map(|bytes| (p, bytes)))
        .collect()
}

thread_local! {
    /// The last panic's message and location, kept by the panic hook.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs the target on one input: `Err` with the panic's location and
/// message if it panics.
fn run(target: targets::Target, input: &[u8]) -> Result<(), String> {
    panic::catch_unwind(|| target(input)).map_err(|_| {
        LAST_PANIC
            .with(|p| p.borrow_mut().take())
            .unwrap_or_else(|| "a panic without a message".into())
    })
}

/// FNV-1a, to name saved inputs by their content.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn extension(bytes: &[u8]) -> &'static str {
    if serde_json::from_slice::<serde_json::Value>(bytes).is_ok() {
        "json"
    } else {
        "txt"
    }
}

struct Stats {
    started: Instant,
    execs: u64,
    slowest: Duration,
}

impl Stats {
    fn line(&self, target: &str, corpus: usize, cov: &Coverage, crashes: usize) -> String {
        let secs = self.started.elapsed().as_secs_f64();
        format!(
            "{target}: {} execs in {secs:.0} s ({:.0}/s), corpus {corpus}, coverage {}, crashes {crashes}, slowest {} ms",
            self.execs,
            self.execs as f64 / secs.max(1e-9),
            if cov.enabled() {
                format!("{} features of {} counters", cov.features(), cov.counters())
            } else {
                "off (uninstrumented build)".into()
            },
            self.slowest.as_millis(),
        )
    }
}

fn fuzz(options: Options) -> Result<bool, String> {
    let target = targets::TARGETS
        .iter()
        .find(|(name, _)| *name == options.target)
        .map(|(_, target)| *target)
        .ok_or_else(|| {
            let names: Vec<&str> = targets::TARGETS.iter().map(|(n, _)| *n).collect();
            format!(
                "no target {:?}; targets: {}",
                options.target,
                names.join(", ")
            )
        })?;
    // Panics are expected: record them quietly instead of printing each.
    panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(format!("{at}: {message}")));
    }));

    let crash_dir = fuzz_dir().join("crashes").join(&options.target);
    let mut cov = Coverage::new();
    let mut corpus: Vec<Vec<u8>> = Vec::new();
    // (site, signature) of every crash seen.
    let mut crash_sites: Vec<(String, String)> = Vec::new();
    let mut known = 0;

    // Known crashers first: say which still crash.
    for (path, input) in read_dir(&crash_dir) {
        cov.reset();
        if let Err(message) = run(target, &input) {
            eprintln!("still crashes: {}: {message}", path.display());
            crash_sites.push((site(&message), signature(&message)));
            known += 1;
        }
        cov.gather();
        corpus.push(input);
    }
    let mut seed_dirs = vec![fuzz_dir().join("seeds").join(&options.target)];
    seed_dirs.extend(options.corpus.iter().cloned());
    for dir in &seed_dirs {
        for (path, input) in read_dir(dir) {
            cov.reset();
            if let Err(message) = run(target, &input) {
                eprintln!("seed crashes: {}: {message}", path.display());
            }
            cov.gather();
            corpus.push(input);
        }
    }
    if corpus.is_empty() {
        corpus.push(Vec::new());
    }
    let seeds = corpus.len();
    let words = mutate::dictionary(&corpus);
    let mut rng = Rng::new(options.seed);
    let mut stats = Stats {
        started: Instant::now(),
        execs: 0,
        slowest: Duration::ZERO,
    };
    let mut new_crashes = 0;
    let mut last_report = Instant::now();
    eprintln!("{}", stats.line(&options.target, corpus.len(), &cov, known));

    while stats.started.elapsed() < options.duration {
        // A quarter of the time a seed: inputs kept for coverage are mostly
        // small parser-error variants, and the seeds reach deepest.
        let parent = if rng.chance(4) {
            rng.below(seeds)
        } else {
            rng.below(corpus.len())
        };
        let others: Vec<&[u8]> = (0..2)
            .filter_map(|_| corpus.get(rng.below(corpus.len())).map(Vec::as_slice))
            .collect();
        let input = mutate::mutate(&corpus[parent], &others, &words, &mut rng);

        cov.reset();
        let began = Instant::now();
        let outcome = run(target, &input);
        let took = began.elapsed();
        let new_features = cov.gather();
        stats.execs += 1;
        stats.slowest = stats.slowest.max(took);

        match outcome {
            Err(message) => {
                let key = (site(&message), signature(&message));
                let at_site = crash_sites.iter().filter(|(s, _)| *s == key.0).count();
                if !crash_sites.contains(&key) && at_site < SAVED_PER_SITE {
                    let name = format!("{:016x}.{}", fnv(&input), extension(&input));
                    let path = crash_dir.join(name);
                    fs::create_dir_all(&crash_dir).map_err(|e| e.to_string())?;
                    fs::write(&path, &input).map_err(|e| e.to_string())?;
                    eprintln!("CRASH {message}\n  saved as {}", path.display());
                    crash_sites.push(key);
                    new_crashes += 1;
                }
            }
            Ok(()) if new_features > 0 => {
                if let Some(dir) = &options.corpus {
                    let path = dir.join(format!("{:016x}", fnv(&input)));
                    fs::create_dir_all(dir).map_err(|e| e.to_string())?;
                    fs::write(path, &input).map_err(|e| e.to_string())?;
                }
                corpus.push(input);
            }
            Ok(()) => {
                // Without coverage, keep a few mutants to walk further.
                if !cov.enabled() && rng.chance(200) && corpus.len() < 5000 {
                    corpus.push(input);
                }
            }
        }
        if took > Duration::from_secs(1) {
            eprintln!("slow input: {} ms", took.as_millis());
        }
        if last_report.elapsed() > Duration::from_secs(10) {
            eprintln!(
                "{}",
                stats.line(&options.target, corpus.len(), &cov, crash_sites.len())
            );
            last_report = Instant::now();
        }
    }
    println!(
        "{}",
        stats.line(&options.target, corpus.len(), &cov, crash_sites.len())
    );
    Ok(new_crashes == 0)
}

/// Where a panic happened: the part of its message before the first ": ".
fn site(message: &str) -> String {
    message.split(": ").next().unwrap_or(message).to_owned()
}

/// At most this many inputs are saved per site: one assertion (the URL
/// round trip) can catch several defects, but not hundreds.
const SAVED_PER_SITE: usize = 4;

/// What tells two panics apart: the message without its digits, so that
/// inputs differing only in a number count once.
fn signature(message: &str) -> String {
    message
        .chars()
        .filter(|c| !c.is_ascii_digit())
        .take(400)
        .collect()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--help" || a == "-h") || args.is_empty() {
        println!("{HELP}");
        return ExitCode::SUCCESS;
    }
    if args.iter().any(|a| a == "--list") {
        for (name, _) in targets::TARGETS {
            println!("{name}");
        }
        return ExitCode::SUCCESS;
    }
    match parse_args(&args).and_then(fuzz) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("fuzz-atlas: {e}");
            ExitCode::from(2)
        }
    }
}
