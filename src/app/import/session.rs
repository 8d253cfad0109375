//! An import under way: reading a file from the reader's computer in
//! chunks (nothing leaves the browser), feeding the importers of
//! `crate::import`, showing progress, cancelling, and replacing the atlas
//! with the result.
//!
//! Every decision (the format, the rows, the mapping, the report) is the
//! native importers'; this only moves bytes and sets signals.

use std::sync::Arc;

use js_sys::{Promise, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, File};

use super::super::loader::{load_base, mark};
use super::super::state::{Atlas, Base};
use crate::dataset::{load, Problem};
use crate::import::dates::DayMonth;
use crate::import::detect::{detect, Format};
use crate::import::mapping_step::{columns_and_proposal, head, HEAD_BYTES};
use crate::import::{import_bytes, CsvImport, Imported, Mapping, Options};
use crate::url_state::{Page, ViewState};

/// Bytes read and fed per step; the page can paint and answer between two.
const CHUNK: f64 = (1 << 20) as f64;

#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    pub name: String,
    /// 0 to 1 (of the file's bytes).
    pub fraction: f64,
    pub rows: usize,
}

#[derive(Clone, Debug)]
pub enum Failure {
    /// The importer's reason (English), or a reading error.
    Message {
        name: String,
        reason: String,
    },
    /// A dataset JSON file with problems, listed as on the error page.
    Problems {
        name: String,
        problems: Vec<Problem>,
    },
    Cancelled,
}

/// A spreadsheet waiting for its columns to be chosen.
#[derive(Clone, Debug)]
pub struct Draft {
    pub name: String,
    /// The header and the first rows ([`HEAD_BYTES`] at most).
    pub head: Arc<[u8]>,
    pub columns: Arc<Vec<String>>,
    pub mapping: Mapping,
    pub day_month: Option<DayMonth>,
    /// Why a saved mapping could not be used.
    pub note: Option<String>,
}

/// What the reader chose for the file besides its bytes.
#[derive(Clone, Debug, Default)]
pub struct Choice {
    pub mapping: Option<Mapping>,
    pub day_month: Option<DayMonth>,
    pub keep_outside: bool,
}

/// The import's signals, provided as context by the app.
#[derive(Clone, Copy)]
pub struct Importer {
    /// The atlas of the last import; it replaces the URL's dataset.
    pub opened: RwSignal<Option<Atlas>>,
    pub progress: RwSignal<Option<Progress>>,
    pub failure: RwSignal<Option<Failure>>,
    pub draft: RwSignal<Option<Draft>>,
    /// A file is being dragged over the page.
    pub dragging: RwSignal<bool>,
    /// Rows outside the map were kept in the shown import.
    pub kept_outside: RwSignal<bool>,
    /// The import's number: cancelling or starting another bumps it, and
    /// an import whose number is gone stops at its next step.
    run: StoredValue<u64>,
    file: StoredValue<Option<File>, LocalStorage>,
    choice: StoredValue<Choice>,
    base: StoredValue<Option<Base>>,
}

impl Importer {
    pub fn new() -> Importer {
        Importer {
            opened: RwSignal::new(None),
            progress: RwSignal::new(None),
            failure: RwSignal::new(None),
            draft: RwSignal::new(None),
            dragging: RwSignal::new(false),
            kept_outside: RwSignal::new(false),
            run: StoredValue::new(0),
            file: StoredValue::new_local(None),
            choice: StoredValue::new(Choice::default()),
            base: StoredValue::new(None),
        }
    }

    /// The basemap and country of the loaded page, reused by imports.
    pub fn set_base(&self, base: Base) {
        self.base.set_value(Some(base));
    }

    /// Opens a file the reader chose or dropped.
    pub fn open(&self, file: File) {
        self.file.set_value(Some(file.clone()));
        self.start(file, Choice::default());
    }

    /// Loads the spreadsheet of the mapping step with its chosen columns.
    pub fn load_draft(&self) {
        let Some(draft) = self.draft.get_untracked() else {
            return;
        };
        let Some(file) = self.file.get_value() else {
            return;
        };
        let mut mapping = draft.mapping;
        mapping.day_month = draft.day_month;
        self.start(
            file,
            Choice {
                mapping: Some(mapping),
                day_month: draft.day_month,
                keep_outside: false,
            },
        );
    }

    /// Imports the last file again, keeping (or leaving out) the rows
    /// outside the map.
    pub fn keep_outside(&self, keep: bool) {
        let Some(file) = self.file.get_value() else {
            return;
        };
        let mut choice = self.choice.get_value();
        choice.keep_outside = keep;
        self.start(file, choice);
    }

    /// Whether the shown atlas came from a file this page can read again.
    pub fn has_file(&self) -> bool {
        self.file.with_value(Option::is_some)
    }

    pub fn cancel(&self) {
        self.run.update_value(|n| *n += 1);
        self.progress.set(None);
        self.draft.set(None);
        self.failure.set(Some(Failure::Cancelled));
    }

    pub fn dismiss_failure(&self) {
        self.failure.set(None);
    }

    fn start(&self, file: File, choice: Choice) {
        self.run.update_value(|n| *n += 1);
        let run = self.run.get_value();
        self.choice.set_value(choice.clone());
        self.failure.set(None);
        self.draft.set(None);
        self.progress.set(Some(Progress {
            name: file.name(),
            fraction: 0.0,
            rows: 0,
        }));
        let this = *self;
        leptos::task::spawn_local(async move {
            let name = file.name();
            if let Err(reason) = this.run_import(run, file, choice).await {
                if this.current(run) {
                    this.progress.set(None);
                    this.failure.set(Some(Failure::Message { name, reason }));
                }
            }
        });
    }

    fn current(&self, run: u64) -> bool {
        self.run.try_get_value() == Some(run)
    }

    async fn base(&self) -> Base {
        if let Some(b) = self.base.get_value() {
            return b;
        }
        let b = load_base().await;
        self.base.set_value(Some(b.clone()));
        b
    }

    async fn run_import(&self, run: u64, file: File, choice: Choice) -> Result<(), String> {
        let name = file.name();
        let base = self.base().await;
        let first = read(file.slice_with_f64_and_f64(0.0, HEAD_BYTES as f64)).await?;
        if !self.current(run) {
            return Ok(());
        }
        let options = Options {
            mapping: choice.mapping.clone(),
            day_month: choice.day_month,
            keep_outside: choice.keep_outside,
            territory: base.territory.as_deref().cloned(),
            title: Some(name.clone()),
            ..Options::default()
        };
        match detect(&first, Some(&name)) {
            Format::Dataset => {
                let bytes = read(Ok(file.clone().into())).await?;
                let text = String::from_utf8(bytes)
                    .map_err(|e| format!("the file is not UTF-8 text ({e})"))?;
                match load(&text) {
                    Ok(loaded) => {
                        let atlas = Atlas::new(loaded, &base, text, None);
                        self.show(run, atlas, false);
                    }
                    Err(problems) => {
                        self.progress.set(None);
                        self.failure.set(Some(Failure::Problems { name, problems }));
                    }
                }
                Ok(())
            }
            Format::GeoJson => {
                let bytes = read(Ok(file.clone().into())).await?;
                let imported = import_bytes(&bytes, Some(&name), options).map_err(|e| e.0)?;
                self.finish(run, imported, &base, choice.keep_outside)
            }
            Format::Spreadsheet if choice.mapping.is_none() => {
                let head = head(&first);
                let (columns, mapping) = columns_and_proposal(head)
                    .ok_or_else(|| "the file is empty: no header row".to_owned())?;
                self.progress.set(None);
                self.draft.set(Some(Draft {
                    name,
                    head: head.into(),
                    columns: Arc::new(columns),
                    mapping,
                    day_month: None,
                    note: None,
                }));
                Ok(())
            }
            format => {
                let options = Options {
                    format: Some(format),
                    ..options
                };
                let imported = match self.stream(run, &file, options).await? {
                    Some(i) => i,
                    None => return Ok(()),
                };
                self.finish(run, imported, &base, choice.keep_outside)
            }
        }
    }

    /// Feeds the file to a CSV import chunk by chunk, yielding to the
    /// event loop between chunks; `None` when cancelled.
    async fn stream(
        &self,
        run: u64,
        file: &File,
        options: Options,
    ) -> Result<Option<Imported>, String> {
        let size = file.size();
        let name = file.name();
        let mut import = CsvImport::new(options);
        let mut at = 0.0;
        mark("atlas:import-start");
        while at < size {
            let chunk = read(file.slice_with_f64_and_f64(at, (at + CHUNK).min(size))).await?;
            if !self.current(run) {
                return Ok(None);
            }
            import.feed(&chunk);
            at += CHUNK;
            self.progress.set(Some(Progress {
                name: name.clone(),
                fraction: (at / size).min(1.0),
                rows: import.rows(),
            }));
            next_turn().await;
        }
        if !self.current(run) {
            return Ok(None);
        }
        let imported = import.finish().map_err(|e| e.0)?;
        mark("atlas:import-read");
        Ok(Some(imported))
    }

    fn finish(&self, run: u64, imported: Imported, base: &Base, kept: bool) -> Result<(), String> {
        if !self.current(run) {
            return Ok(());
        }
        let json = imported.document.to_json();
        drop(imported.document);
        let loaded = load(&json).map_err(|problems| {
            let first = problems
                .first()
                .map(|p| format!("{}: {}", p.path, p.message.text(crate::text::Lang::En)))
                .unwrap_or_default();
            format!("the converted dataset does not validate: {first}")
        })?;
        let atlas = Atlas::new(loaded, base, json, Some(imported.report));
        mark("atlas:import-done");
        self.show(run, atlas, kept);
        Ok(())
    }

    fn show(&self, run: u64, atlas: Atlas, kept: bool) {
        if !self.current(run) {
            return;
        }
        forget_url_view();
        self.progress.set(None);
        self.kept_outside.set(kept);
        self.opened.set(Some(atlas));
    }
}

/// The URL once a file replaced its dataset: the page's options (language,
/// digits, embedding) without `data=` or the old dataset's view, so that
/// a reload or a copied link does not claim to show the file.
fn forget_url_view() {
    let search = window().location().search().unwrap_or_default();
    let (page, _) = Page::from_query(&search);
    let state = ViewState {
        page: Page { data: None, ..page },
        ..ViewState::default()
    };
    let query = state.to_query();
    let url = if query.is_empty() {
        window().location().pathname().unwrap_or_default()
    } else {
        format!("?{query}")
    };
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// The bytes of a blob (a file or a slice of one).
async fn read(blob: Result<Blob, JsValue>) -> Result<Vec<u8>, String> {
    let unreadable = |e: JsValue| {
        format!(
            "the file could not be read ({})",
            e.as_string()
                .or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| e.message().into()))
                .unwrap_or_default()
        )
    };
    let blob = blob.map_err(unreadable)?;
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(unreadable)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Resolves on a later turn of the event loop, after the page has had a
/// chance to paint and handle input.
async fn next_turn() {
    let promise = Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = JsFuture::from(promise).await;
}
