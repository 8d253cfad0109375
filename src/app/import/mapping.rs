//! The mapping step of a spreadsheet that is neither ACLED nor UCDP: a
//! choice of column per field (as `import::sheet` proposed them), the
//! day/month order of ambiguous dates, a preview of the first rows as
//! incidents, saving and reusing the mapping as a small JSON file, then
//! loading. What a choice means is `crate::import::mapping_step`'s.

use std::sync::Arc;

use leptos::html::{Div, Input};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;

use super::super::state::UiLang;
use super::download::download;
use super::session::{Draft, Importer};
use crate::import::csv::Record;
use crate::import::dates::DayMonth;
use crate::import::mapping_step::{get, preview, set, Field};
use crate::import::words::{location, w, W};
use crate::import::{Columns, Mapping};

#[component]
pub fn MappingStep() -> impl IntoView {
    let importer = expect_context::<Importer>();
    // A new form for each new draft only (editing does not touch it).
    let shown = Memo::new(move |_| importer.draft.with(|d| d.as_ref().map(|d| d.name.clone())));
    move || {
        shown.get()?;
        let draft = importer.draft.get_untracked()?;
        Some(view! { <MappingForm draft=draft/> })
    }
}

fn day_month_id(d: Option<DayMonth>) -> &'static str {
    match d {
        None => "",
        Some(DayMonth::DayFirst) => "day-first",
        Some(DayMonth::MonthFirst) => "month-first",
    }
}

#[component]
fn MappingForm(draft: Draft) -> impl IntoView {
    let lang = expect_context::<UiLang>();
    let importer = expect_context::<Importer>();
    let mapping = RwSignal::new(draft.mapping.clone());
    let day_month = RwSignal::new(draft.day_month.or(draft.mapping.day_month));
    let note = RwSignal::new(draft.note.clone());
    let head = draft.head.clone();
    let checked = Memo::new(move |_| preview(&head, &mapping.get(), day_month.get()));
    let columns: Arc<Vec<String>> = draft.columns.clone();
    let dialog = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if let Some(d) = dialog.get() {
            let _ = d.focus();
        }
    });

    let fields = Field::ALL
        .iter()
        .map(|&f| {
            let options = columns
                .iter()
                .map(|c| {
                    let (value, text, mine) = (c.clone(), c.clone(), c.clone());
                    view! {
                        <option
                            value=value
                            prop:selected=move || mapping.with(|m| get(m, f) == Some(mine.as_str()))
                        >{text}</option>
                    }
                })
                .collect_view();
            view! {
                <label class="mapping-field">
                    <span>{move || w(lang.get(), f.word())}</span>
                    <select
                        data-field=f.id()
                        on:change=move |e| {
                            let v = event_target_value(&e);
                            mapping.update(|m| set(m, f, Some(v)));
                        }
                    >
                        <option value="" prop:selected=move || mapping.with(|m| get(m, f).is_none())>
                            {move || w(lang.get(), W::NoColumn)}
                        </option>
                        {options}
                    </select>
                </label>
            }
        })
        .collect_view();

    let order_options = [
        (None, W::DayMonthAuto),
        (Some(DayMonth::DayFirst), W::DayFirst),
        (Some(DayMonth::MonthFirst), W::MonthFirst),
    ]
    .into_iter()
    .map(|(d, word)| {
        view! {
            <option value=day_month_id(d) prop:selected=move || day_month.get() == d>
                {move || w(lang.get(), word)}
            </option>
        }
    })
    .collect_view();

    let preview_rows = move || {
        let l = lang.get();
        let p = checked.get();
        let rows = p
            .rows
            .iter()
            .map(|r| {
                view! {
                    <tr>
                        <td dir="ltr">{r.date.clone()}</td>
                        <td>{r.place.pick(l).to_owned()} " " <span class="small muted" dir="ltr">{format!("{:.4}, {:.4}", r.lat, r.lon)}</span></td>
                        <td>{r.pattern.pick(l).to_owned()}</td>
                        <td>{r.title.pick(l).to_owned()}</td>
                    </tr>
                }
            })
            .collect_view();
        let empty = p.rows.is_empty();
        let problems = p
            .problems
            .iter()
            .map(|q| {
                view! {
                    <li class="warning">
                        <span class="problem-path">{location(lang.locale(), q)}</span>
                        <span class="problem-message" lang="en" dir="auto">{q.message.clone()}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <table class="mapping-preview" data-rows=p.rows.len()>
                <thead><tr>
                    <th>{w(l, W::PreviewWhen)}</th>
                    <th>{w(l, W::PreviewWhere)}</th>
                    <th>{w(l, W::FieldPattern)}</th>
                    <th>{w(l, W::PreviewWhat)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            {empty.then(|| view! { <p class="muted">{w(l, W::PreviewNone)}</p> })}
            <ol class="problem-list mapping-problems" data-count=p.problems.len()>{problems}</ol>
        }
    };

    let save = move |_| {
        let mut m = mapping.get_untracked();
        m.day_month = day_month.get_untracked();
        if let Err(e) = download("mapping.json", "application/json", &m.to_json()) {
            web_sys::console::error_2(&"Incident Atlas: saving the mapping failed".into(), &e);
        }
    };
    let load = move |_| {
        let (m, d) = (mapping.get_untracked(), day_month.get_untracked());
        importer.draft.update(|draft| {
            if let Some(draft) = draft {
                draft.mapping = m;
                draft.day_month = d;
            }
        });
        importer.load_draft();
    };
    let saved_input = NodeRef::<Input>::new();
    let header = Columns::new(&Record::from_fields(columns.iter().map(String::as_str), 1));
    let header = StoredValue::new(header);
    let use_saved = move |e: leptos::ev::Event| {
        let Some(el) = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = el.files().and_then(|f| f.get(0)) else {
            return;
        };
        el.set_value("");
        leptos::task::spawn_local(async move {
            let text = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            match Mapping::from_json(&text)
                .and_then(|m| header.with_value(|h| m.check(h)).map(|_| m))
            {
                Ok(m) => {
                    day_month.set(m.day_month);
                    mapping.set(m);
                    note.set(None);
                }
                Err(e) => note.set(Some(e)),
            }
        });
    };

    view! {
        <div class="import-backdrop">
            <div
                class="import-dialog mapping-step"
                role="dialog"
                aria-modal="true"
                aria-labelledby="mapping-heading"
                tabindex="-1"
                node_ref=dialog
                on:keydown=move |e| if e.key() == "Escape" { importer.cancel() }
            >
                <h2 id="mapping-heading">{move || w(lang.get(), W::MappingHeading)}</h2>
                <p><code dir="ltr">{draft.name.clone()}</code></p>
                <p>{move || w(lang.get(), W::MappingIntro)}</p>
                <p class="small muted">{move || w(lang.get(), W::LocalOnly)}</p>
                <div class="mapping-fields">{fields}</div>
                <label class="mapping-field">
                    <span>{move || w(lang.get(), W::DayMonthLabel)}</span>
                    <select
                        data-field="day_month"
                        on:change=move |e| {
                            let v = event_target_value(&e);
                            day_month.set(match v.as_str() {
                                "day-first" => Some(DayMonth::DayFirst),
                                "month-first" => Some(DayMonth::MonthFirst),
                                _ => None,
                            });
                        }
                    >{order_options}</select>
                </label>
                <h3>{move || w(lang.get(), W::Preview)}</h3>
                {preview_rows}
                {move || note.get().map(|n| view! {
                    <p class="import-reason" role="alert" lang="en" dir="ltr">{n}</p>
                })}
                <div class="mapping-actions">
                    <button
                        class="button mapping-load"
                        disabled=move || !checked.with(|p| p.usable)
                        on:click=load
                    >{move || w(lang.get(), W::LoadMapped)}</button>
                    <button class="button mapping-save" on:click=save>{move || w(lang.get(), W::SaveMapping)}</button>
                    <button class="button mapping-use" on:click=move |_| {
                        if let Some(i) = saved_input.get() { i.click(); }
                    }>{move || w(lang.get(), W::UseMapping)}</button>
                    <input
                        node_ref=saved_input
                        class="visually-hidden mapping-file"
                        type="file"
                        tabindex="-1"
                        aria-hidden="true"
                        accept=".json,application/json"
                        on:change=use_saved
                    />
                    <button class="button mapping-cancel" on:click=move |_| importer.cancel()>
                        {move || w(lang.get(), W::Cancel)}
                    </button>
                </div>
            </div>
        </div>
    }
}
