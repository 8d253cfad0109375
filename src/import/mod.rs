//! Importers: ACLED and UCDP GED exports, GeoJSON, and any spreadsheet
//! (CSV/TSV) become a dataset in the format of docs/dataset.md, with a
//! report of what happened to every row.
//!
//! Pure functions over bytes (no files), so the same code runs in the app
//! (later in a worker) and in the `atlas` command. CSV is read
//! incrementally: [`CsvImport::feed`] takes the file chunk by chunk and
//! [`CsvImport::rows`] says how far it got, for a progress bar.

pub mod acled;
pub mod country;
pub mod csv;
pub mod dates;
pub mod detect;
pub mod digits;
pub mod document;
pub mod geojson;
pub mod mapping_step;
pub mod report;
pub mod sheet;
pub mod ucdp;
pub mod words;

use std::collections::HashMap;

pub use country::Territory;
pub use detect::Format;
pub use document::Document;
pub use report::{ImportReport, RowProblem};
pub use sheet::Mapping;

use csv::{CsvReader, Record};
use dates::DayMonth;
use document::{Builder, Place};

/// What the user chose for an import.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// `None`: recognise the format from the content.
    pub format: Option<Format>,
    /// Column mapping for a spreadsheet (`None`: proposed from the file).
    pub mapping: Option<Mapping>,
    /// The map's country: rows elsewhere are left out unless
    /// `keep_outside`. `None` keeps everything (and names no governorate).
    pub territory: Option<Territory>,
    pub keep_outside: bool,
    /// The dataset's title (e.g. the file name).
    pub title: Option<String>,
    /// Day or month first for ambiguous numeric dates (overrides the
    /// column's evidence).
    pub day_month: Option<DayMonth>,
    /// CSV separator (`None`: guessed from the header line).
    pub separator: Option<u8>,
}

/// A finished import.
#[derive(Debug)]
pub struct Imported {
    pub document: Document,
    pub report: ImportReport,
    /// For a spreadsheet, the mapping used (proposed or given).
    pub mapping: Option<Mapping>,
}

/// A problem with the whole file: nothing could be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError(pub String);

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ImportError {}

/// The header of a CSV file: column names to positions.
#[derive(Clone, Debug, Default)]
pub struct Columns {
    names: Vec<String>,
    index: HashMap<String, usize>,
}

impl Columns {
    pub fn new(header: &Record) -> Columns {
        let names: Vec<String> = header.fields().map(|f| f.trim().to_owned()).collect();
        let mut index = HashMap::new();
        for (i, n) in names.iter().enumerate() {
            index.entry(n.to_lowercase()).or_insert(i);
        }
        Columns { names, index }
    }

    pub fn names(&self) -> &[String] {
        &self.names
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The position of a column by name, case-insensitively.
    pub fn find(&self, name: &str) -> Option<usize> {
        // Importers ask with lowercase names: no allocation per cell.
        if let Some(&i) = self.index.get(name) {
            return Some(i);
        }
        self.index.get(&name.trim().to_lowercase()).copied()
    }

    pub fn has(&self, name: &str) -> bool {
        self.find(name).is_some()
    }

    /// Fails, naming what is missing and what the file has, unless every
    /// `required` column is present; `file` says what kind of file it is
    /// ("ACLED", "UCDP GED").
    pub fn require(&self, required: &[&str], file: &str) -> Result<(), ImportError> {
        let missing: Vec<&str> = required.iter().copied().filter(|c| !self.has(c)).collect();
        if missing.is_empty() {
            return Ok(());
        }
        Err(ImportError(format!(
            "this {file} file has no {} column (its columns: {})",
            missing.join(", "),
            self.names().join(", ")
        )))
    }
}

/// One data row with its header.
pub struct Row<'r> {
    pub record: &'r Record,
    pub columns: &'r Columns,
}

impl<'r> Row<'r> {
    /// The trimmed value of a column; `None` when absent or empty.
    pub fn get(&self, column: &str) -> Option<&'r str> {
        self.at(self.columns.find(column)?)
    }

    pub fn at(&self, i: usize) -> Option<&'r str> {
        let v = self.record.get(i)?.trim();
        (!v.is_empty()).then_some(v)
    }

    pub fn number(&self) -> usize {
        self.record.row
    }

    fn problem(&self, column: &str, message: impl Into<String>) -> RowProblem {
        RowProblem::new(self.number(), Some(column), message)
    }
}

/// Where a row's point lies, once checked against the map's country.
pub(crate) enum Located {
    In(Place),
    Outside(String),
}

/// Shared by every importer: the dataset being built, the report, and
/// the options.
pub(crate) struct Context {
    pub builder: Builder,
    pub report: ImportReport,
    pub options: Options,
    /// Governorate names already looked up (a file repeats a few dozen).
    governorate_names: HashMap<String, Option<&'static str>>,
}

impl Context {
    fn new(options: Options, format: &str) -> Context {
        let report = ImportReport {
            format: format.to_owned(),
            kept_to: options.territory.as_ref().map(|t| t.name.clone()),
            ..ImportReport::default()
        };
        Context {
            builder: Builder::default(),
            report,
            options,
            governorate_names: HashMap::new(),
        }
    }

    /// Checks a place against the map's country. `country` is the row's
    /// own country column, which decides when present. A point outside
    /// whose swapped coordinates lie inside is put right, with a note.
    pub(crate) fn locate(
        &mut self,
        row: usize,
        mut place: Place,
        country: Option<&str>,
        governorate_name: Option<&str>,
    ) -> Located {
        let named_governorate =
            governorate_name.and_then(|g| match self.governorate_names.get(g) {
                Some(&id) => id,
                None => {
                    let id = country::governorate_id(g);
                    self.governorate_names.insert(g.to_owned(), id);
                    id
                }
            });
        let Some(t) = self.options.territory.as_ref() else {
            place.governorate = named_governorate.map(Into::into);
            return Located::In(place);
        };
        let named_inside = country.map(|c| t.is_named(c));
        // The outline test is the costly part of a row. A swapped point of
        // the country always falls outside its bounding box, so a row whose
        // country column names it and whose point is in the box is settled.
        let in_box = t.in_bounding_box(place.lon, place.lat);
        let point_inside =
            in_box && (named_inside == Some(true) || t.contains(place.lon, place.lat));
        let mut inside = named_inside.unwrap_or(point_inside);
        if named_inside != Some(false) && !point_inside && t.contains(place.lat, place.lon) {
            self.report.warn(RowProblem::new(
                row,
                None,
                format!(
                    "latitude {} and longitude {} look swapped (swapped, the point lies in {}); they were swapped",
                    place.lat, place.lon, t.name
                ),
            ));
            std::mem::swap(&mut place.lat, &mut place.lon);
            inside = true;
        }
        if !inside && !self.options.keep_outside {
            return Located::Outside(country.unwrap_or("").to_owned());
        }
        if inside {
            place.governorate = named_governorate
                .or_else(|| t.governorate_at(place.lon, place.lat))
                .map(Into::into);
        }
        Located::In(place)
    }

    fn finish(self, meta: document::Meta) -> Imported {
        let mut report = self.report;
        let document = self.builder.finish(meta);
        report.loaded = document.incidents.len();
        Imported {
            document,
            report,
            mapping: None,
        }
    }
}

/// Latitude and longitude from two cells, checked to be on Earth.
pub(crate) fn coordinates(
    row: &Row,
    lat_column: &str,
    lon_column: &str,
) -> Result<(f64, f64), RowProblem> {
    let read = |column: &str| -> Result<f64, RowProblem> {
        let raw = row.get(column).unwrap_or("");
        match digits::parse_degrees(raw) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Err(row.problem(column, "no coordinate given")),
            Err(e) => Err(row.problem(column, e)),
        }
    };
    let lat = read(lat_column)?;
    let lon = read(lon_column)?;
    check_on_earth(row.number(), lat, lon, Some(lat_column), Some(lon_column))?;
    Ok((lat, lon))
}

pub(crate) fn check_on_earth(
    row: usize,
    lat: f64,
    lon: f64,
    lat_column: Option<&str>,
    lon_column: Option<&str>,
) -> Result<(), RowProblem> {
    if !(-90.0..=90.0).contains(&lat) {
        return Err(RowProblem::new(
            row,
            lat_column,
            format!("{lat} is not a latitude (it must be between -90 and 90)"),
        ));
    }
    if !(-180.0..=180.0).contains(&lon) {
        return Err(RowProblem::new(
            row,
            lon_column,
            format!("{lon} is not a longitude (it must be between -180 and 180)"),
        ));
    }
    Ok(())
}

/// Which importer reads the rows of a CSV file.
enum Rows {
    /// Waiting for the header.
    Header,
    Acled(acled::AcledRows),
    Ucdp(ucdp::UcdpRows),
    Sheet(Box<sheet::SheetRows>),
    Failed(ImportError),
}

/// An import of a CSV/TSV file fed chunk by chunk.
pub struct CsvImport {
    reader: CsvReader,
    rows: Rows,
    context: Option<Context>,
    options: Options,
}

impl CsvImport {
    pub fn new(options: Options) -> CsvImport {
        CsvImport {
            reader: CsvReader::new(options.separator),
            rows: Rows::Header,
            context: None,
            options,
        }
    }

    /// Data rows read so far (for progress).
    pub fn rows(&self) -> usize {
        self.context.as_ref().map_or(0, |c| c.report.rows)
    }

    pub fn feed(&mut self, chunk: &[u8]) {
        let CsvImport {
            reader,
            rows,
            context,
            options,
        } = self;
        reader.feed(chunk, &mut |r| on_record(r, rows, context, options));
    }

    pub fn finish(mut self) -> Result<Imported, ImportError> {
        {
            let CsvImport {
                reader,
                rows,
                context,
                options,
            } = &mut self;
            reader.finish(&mut |r| on_record(r, rows, context, options));
        }
        if self.reader.is_utf16() {
            return Err(ImportError(
                "this file is UTF-16 text; save it as \"CSV UTF-8\" (Excel) or UTF-8 text and try again".into(),
            ));
        }
        let context = self.context.take();
        match (self.rows, context) {
            (Rows::Failed(e), _) => Err(e),
            (Rows::Header, _) | (_, None) => {
                Err(ImportError("the file is empty: no header row".into()))
            }
            (Rows::Acled(a), Some(c)) => {
                let meta = a.meta(&c);
                Ok(c.finish(meta))
            }
            (Rows::Ucdp(u), Some(c)) => {
                let meta = u.meta(&c);
                Ok(c.finish(meta))
            }
            (Rows::Sheet(s), Some(mut c)) => {
                let (meta, mapping) = s.finish(&mut c)?;
                Ok(Imported {
                    mapping: Some(mapping),
                    ..c.finish(meta)
                })
            }
        }
    }
}

fn on_record(record: &Record, rows: &mut Rows, context: &mut Option<Context>, options: &Options) {
    match rows {
        Rows::Failed(_) => {}
        Rows::Header => {
            let columns = Columns::new(record);
            let format = options
                .format
                .unwrap_or_else(|| detect::csv_format(&columns));
            let made = match format {
                Format::Acled => acled::AcledRows::new(columns).map(Rows::Acled),
                Format::Ucdp => ucdp::UcdpRows::new(columns).map(Rows::Ucdp),
                Format::Spreadsheet => {
                    sheet::SheetRows::new(columns, options.mapping.clone(), options.day_month)
                        .map(|s| Rows::Sheet(Box::new(s)))
                }
                other => Err(ImportError(format!(
                    "this is a CSV file, not {}",
                    other.name()
                ))),
            };
            match made {
                Ok(r) => {
                    *context = Some(Context::new(options.clone(), format.name()));
                    *rows = r;
                }
                Err(e) => *rows = Rows::Failed(e),
            }
        }
        _ => {
            let Some(ctx) = context.as_mut() else {
                return;
            };
            ctx.report.rows += 1;
            let columns = match rows {
                Rows::Acled(a) => &a.columns,
                Rows::Ucdp(u) => &u.columns,
                Rows::Sheet(s) => &s.columns,
                _ => return,
            };
            if let Some(problem) = shape_problem(record, columns) {
                ctx.report.skip(problem);
                return;
            }
            match rows {
                Rows::Acled(a) => a.row(record, ctx),
                Rows::Ucdp(u) => u.row(record, ctx),
                Rows::Sheet(s) => s.row(record, ctx),
                _ => {}
            }
        }
    }
}

/// A row that cannot be read safely: ragged or cut off.
fn shape_problem(record: &Record, columns: &Columns) -> Option<RowProblem> {
    if record.unterminated_quote {
        return Some(RowProblem::new(
            record.row,
            None,
            format!(
                "a quoted field opened on line {} is never closed",
                record.line
            ),
        ));
    }
    if record.len() < columns.len() {
        return Some(RowProblem::new(
            record.row,
            None,
            format!(
                "has {} fields but the header has {} (line {})",
                record.len(),
                columns.len(),
                record.line
            ),
        ));
    }
    // Extra empty fields at the end are harmless (some sheets pad rows).
    let extra_empty =
        (columns.len()..record.len()).all(|i| record.get(i).is_some_and(|f| f.trim().is_empty()));
    if !extra_empty {
        return Some(RowProblem::new(
            record.row,
            None,
            format!(
                "has {} fields but the header has {}: is a separator missing its quotes? (line {})",
                record.len(),
                columns.len(),
                record.line
            ),
        ));
    }
    None
}

/// Imports a whole file held in memory, recognising its format from the
/// content and the file name.
pub fn import_bytes(
    bytes: &[u8],
    file_name: Option<&str>,
    options: Options,
) -> Result<Imported, ImportError> {
    let format = match options.format {
        Some(f) => f,
        None => detect::detect(bytes, file_name),
    };
    match format {
        Format::GeoJson => {
            let text =
                std::str::from_utf8(bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes))
                    .map_err(|e| {
                        ImportError(format!("the GeoJSON file is not UTF-8 text ({e})"))
                    })?;
            geojson::import(text, options)
        }
        Format::Dataset => Err(ImportError(
            "this is already an Incident Atlas dataset; it loads as it is".into(),
        )),
        Format::Acled | Format::Ucdp | Format::Spreadsheet => {
            let mut import = CsvImport::new(Options {
                format: options.format,
                ..options
            });
            // Fed in pieces as a file reader would, to keep one code path.
            for chunk in bytes.chunks(1 << 16) {
                import.feed(chunk);
            }
            import.finish()
        }
    }
}
