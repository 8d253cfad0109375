//! `atlas`: imports ACLED, UCDP GED and spreadsheet files into the dataset
//! format, validates datasets, and exports them, with the importers the
//! app uses (`incident_atlas::import`).
//!
//! Exit codes: 0 done, 1 the input has errors or could not be read or
//! written, 2 bad arguments. Output files are written whole or not at all.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use incident_atlas::dataset;
use incident_atlas::import::{self, CsvImport, Format, Mapping, Options, Territory};

const USAGE: &str = "\
atlas: Incident Atlas datasets from the command line.

Usage:
  atlas import FILE [--format acled|ucdp|geojson|csv] [--mapping mapping.json]
                    [--country SY|all] [--keep-outside] [--day-first|--month-first]
                    [--title TEXT] -o dataset.json
  atlas validate FILE
  atlas export dataset.json --csv out.csv | --geojson out.geojson

import    converts FILE (recognised by content and extension unless --format
          says) into a dataset. Rows outside the map's country (Syria, SY)
          are counted and left out; --keep-outside keeps them, --country all
          keeps every row. A spreadsheet's columns are proposed from its
          header and content unless --mapping gives them; the mapping used is
          printed so it can be saved and edited.
validate  prints every problem of a dataset (or of an import) with its
          location; exits 1 on errors.
export    writes a dataset's incidents as CSV (UTF-8 with a byte-order mark,
          one row per incident) or as GeoJSON.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("import") => import_command(&args[1..]),
        Some("validate") => validate_command(&args[1..]),
        Some("export") => export_command(&args[1..]),
        Some("-h" | "--help") | None => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(Failure::Usage(format!("unknown command {other:?}"))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(msg)) => {
            eprintln!("atlas: {msg}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Input(msg)) => {
            eprintln!("atlas: {msg}");
            ExitCode::from(1)
        }
    }
}

enum Failure {
    Usage(String),
    Input(String),
}

fn input(msg: impl Into<String>) -> Failure {
    Failure::Input(msg.into())
}

/// `--name value` pairs and plain arguments.
struct Args {
    plain: Vec<String>,
    pairs: Vec<(String, String)>,
    flags: Vec<String>,
}

fn parse_args(args: &[String], with_value: &[&str], flags: &[&str]) -> Result<Args, Failure> {
    let mut out = Args {
        plain: Vec::new(),
        pairs: Vec::new(),
        flags: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if with_value.contains(&a.as_str()) {
            let v = it
                .next()
                .ok_or_else(|| Failure::Usage(format!("{a} needs a value")))?;
            out.pairs.push((a.clone(), v.clone()));
        } else if flags.contains(&a.as_str()) {
            out.flags.push(a.clone());
        } else if a.starts_with('-') && a.len() > 1 {
            return Err(Failure::Usage(format!("unknown option {a}")));
        } else {
            out.plain.push(a.clone());
        }
    }
    Ok(out)
}

impl Args {
    fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
    fn flag(&self, name: &str) -> bool {
        self.flags.iter().any(|f| f == name)
    }
    fn one_file(&self) -> Result<&str, Failure> {
        match self.plain.as_slice() {
            [f] => Ok(f),
            [] => Err(Failure::Usage("give the input FILE".into())),
            _ => Err(Failure::Usage(format!(
                "give one input FILE, got {}",
                self.plain.join(" ")
            ))),
        }
    }
}

fn read_text(path: &str) -> Result<String, Failure> {
    let bytes = std::fs::read(path).map_err(|e| input(format!("cannot read {path}: {e}")))?;
    String::from_utf8(bytes).map_err(|e| input(format!("{path} is not UTF-8 text ({e})")))
}

/// Writes `contents` to a temporary file beside `path`, then renames it
/// over `path`: readers never see half a file.
fn write_atomically(
    path: &str,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Failure> {
    let target = PathBuf::from(path);
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .ok_or_else(|| input(format!("{path} is not a file name")))?;
    let temp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| -> io::Result<()> {
        let file = File::create(&temp)?;
        let mut w = io::BufWriter::with_capacity(1 << 20, file);
        write(&mut w)?;
        let file = w.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        std::fs::rename(&temp, &target)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        input(format!("cannot write {path}: {e}"))
    })
}

fn options_from(args: &Args) -> Result<Options, Failure> {
    let format = match args.get("--format") {
        Some(f) => Some(Format::parse(f).ok_or_else(|| {
            Failure::Usage(format!(
                "--format must be acled, ucdp, geojson or csv, got {f:?}"
            ))
        })?),
        None => None,
    };
    let mapping = match args.get("--mapping") {
        Some(path) => {
            Some(Mapping::from_json(&read_text(path)?).map_err(|e| input(format!("{path}: {e}")))?)
        }
        None => None,
    };
    let territory = match args
        .get("--country")
        .unwrap_or("SY")
        .to_ascii_uppercase()
        .as_str()
    {
        "ALL" => None,
        "SY" | "SYR" => Some(Territory::default_syria().map_err(input)?),
        other => {
            return Err(Failure::Usage(format!(
                "--country must be SY (the basemap's country) or all, got {other:?}"
            )))
        }
    };
    let day_month = match (args.flag("--day-first"), args.flag("--month-first")) {
        (true, true) => {
            return Err(Failure::Usage(
                "choose --day-first or --month-first, not both".into(),
            ))
        }
        (true, false) => Some(import::dates::DayMonth::DayFirst),
        (false, true) => Some(import::dates::DayMonth::MonthFirst),
        _ => None,
    };
    Ok(Options {
        format,
        mapping,
        territory,
        keep_outside: args.flag("--keep-outside"),
        title: args.get("--title").map(str::to_owned),
        day_month,
        separator: None,
    })
}

/// Imports a file, streaming CSV from disk in chunks.
fn run_import(path: &str, mut options: Options) -> Result<import::Imported, Failure> {
    let mut file = File::open(path).map_err(|e| input(format!("cannot read {path}: {e}")))?;
    let mut head = vec![0u8; 64 * 1024];
    let n =
        read_full(&mut file, &mut head).map_err(|e| input(format!("cannot read {path}: {e}")))?;
    head.truncate(n);
    let format = options
        .format
        .unwrap_or_else(|| import::detect::detect(&head, Some(path)));
    if options.title.is_none() {
        options.title = Path::new(path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
    }
    let fail = |e: import::ImportError| input(format!("{path}: {e}"));
    match format {
        Format::GeoJson | Format::Dataset => {
            let mut bytes = head;
            file.read_to_end(&mut bytes)
                .map_err(|e| input(format!("cannot read {path}: {e}")))?;
            import::import_bytes(
                &bytes,
                Some(path),
                Options {
                    format: Some(format),
                    ..options
                },
            )
            .map_err(fail)
        }
        _ => {
            let mut csv = CsvImport::new(Options {
                format: Some(format),
                ..options
            });
            csv.feed(&head);
            let mut buf = vec![0u8; 1 << 20];
            loop {
                let n = file
                    .read(&mut buf)
                    .map_err(|e| input(format!("cannot read {path}: {e}")))?;
                if n == 0 {
                    break;
                }
                csv.feed(buf.get(..n).unwrap_or_default());
            }
            csv.finish().map_err(fail)
        }
    }
}

fn read_full(file: &mut File, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

fn import_command(args: &[String]) -> Result<(), Failure> {
    let args = parse_args(
        args,
        &[
            "--format",
            "--mapping",
            "--country",
            "--title",
            "-o",
            "--out",
        ],
        &["--keep-outside", "--day-first", "--month-first"],
    )?;
    let path = args.one_file()?;
    let out = args
        .get("-o")
        .or(args.get("--out"))
        .ok_or_else(|| Failure::Usage("give the output file with -o dataset.json".into()))?
        .to_owned();
    let options = options_from(&args)?;
    let started = Instant::now();
    let imported = run_import(path, options)?;
    write_atomically(&out, |w| imported.document.write_json(w))?;
    eprint!("{}", imported.report);
    if let Some(m) = &imported.mapping {
        eprintln!(
            "columns used (save as mapping.json to reuse or edit):\n{}",
            m.to_json()
        );
    }
    eprintln!(
        "wrote {out}: {} incidents in {:.1} s",
        imported.document.incidents.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn validate_command(args: &[String]) -> Result<(), Failure> {
    let args = parse_args(
        args,
        &["--format", "--mapping", "--country", "--title"],
        &["--keep-outside", "--day-first", "--month-first"],
    )?;
    let path = args.one_file()?;
    let options = options_from(&args)?;
    let mut head = vec![0u8; 4096];
    let n = File::open(path)
        .and_then(|mut f| read_full(&mut f, &mut head))
        .map_err(|e| input(format!("cannot read {path}: {e}")))?;
    head.truncate(n);
    let format = options
        .format
        .unwrap_or_else(|| import::detect::detect(&head, Some(path)));
    if format == Format::Dataset {
        let text = read_text(path)?;
        return match dataset::load(&text) {
            Ok(loaded) => {
                for w in &loaded.warnings {
                    println!("warning: {w}");
                }
                println!(
                    "{path}: valid, {} incidents, {} warnings",
                    loaded.dataset.incidents.len(),
                    loaded.warnings.len()
                );
                Ok(())
            }
            Err(problems) => {
                let errors = problems.iter().filter(|p| p.is_error()).count();
                for p in &problems {
                    let kind = if p.is_error() { "error" } else { "warning" };
                    println!("{kind}: {p}");
                }
                Err(input(format!("{path}: {errors} errors")))
            }
        };
    }
    let imported = run_import(path, options)?;
    print!("{}", imported.report);
    if let Err(problems) = dataset::load(&imported.document.to_json()) {
        for p in problems.iter().filter(|p| p.is_error()) {
            println!("error in the converted dataset: {p}");
        }
        return Err(input(format!("{path}: the converted dataset has errors")));
    }
    if imported.report.skipped > 0 {
        return Err(input(format!(
            "{path}: {} rows have errors",
            imported.report.skipped
        )));
    }
    Ok(())
}

fn export_command(args: &[String]) -> Result<(), Failure> {
    let args = parse_args(args, &["--csv", "--geojson"], &[])?;
    let path = args.one_file()?;
    let text = read_text(path)?;
    let loaded = dataset::load(&text).map_err(|problems| {
        let lines: Vec<String> = problems
            .iter()
            .filter(|p| p.is_error())
            .map(|p| p.to_string())
            .collect();
        input(format!(
            "{path} is not a valid dataset:\n{}",
            lines.join("\n")
        ))
    })?;
    let all: Vec<usize> = (0..loaded.dataset.incidents.len()).collect();
    let mut done = false;
    if let Some(out) = args.get("--csv") {
        let csv = incident_atlas::export::csv::to_csv(&loaded.dataset, &all);
        write_atomically(out, |w| w.write_all(csv.as_bytes()))?;
        eprintln!("wrote {out}: {} incidents", all.len());
        done = true;
    }
    if let Some(out) = args.get("--geojson") {
        let json = incident_atlas::export::geojson::to_geojson(&loaded.dataset, &all);
        write_atomically(out, |w| w.write_all(json.as_bytes()))?;
        eprintln!("wrote {out}: {} incidents", all.len());
        done = true;
    }
    if !done {
        return Err(Failure::Usage(
            "give --csv out.csv or --geojson out.geojson".into(),
        ));
    }
    Ok(())
}
