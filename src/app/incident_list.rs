//! The list of shown incidents: a sortable table, usable by keyboard and
//! screen reader, and the accessible alternative to the two graphics.

use leptos::prelude::*;

use super::state::{Atlas, Ui, UiLang};
use super::text::Localized;
use crate::dataset::Incident;
use crate::i18n::{date_range, number, t, Key, Locale};
use crate::order::{sort_incidents, SortKey};

/// Rows shown at first and added by "Show more".
const PAGE: usize = 50;

/// "5–37", "5", or "" when no claim gives a number killed.
fn killed_range(inc: &Incident, locale: Locale) -> String {
    match (inc.lowest_killed(), inc.highest_killed()) {
        (Some(a), Some(b)) if a != b => format!(
            "{}–{}",
            number(locale, u64::from(a)),
            number(locale, u64::from(b))
        ),
        (_, Some(b)) => number(locale, u64::from(b)),
        _ => String::new(),
    }
}

#[component]
pub fn IncidentList() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let ui = expect_context::<Ui>();
    let lang = expect_context::<UiLang>();
    let sort = RwSignal::new((SortKey::Date, false));
    let limit = RwSignal::new(PAGE);
    let dataset = atlas.dataset.clone();
    let index = atlas.filter_index.clone();
    let ordered = Memo::new(move |_| {
        let (key, descending) = sort.get();
        if key == SortKey::Date {
            // The index keeps incidents in date order: no sort needed.
            let mut ids = ui.evaluation.with(|e| e.evaluation.shown_by_start(&index));
            if descending {
                ids.reverse();
            }
            return ids;
        }
        let mut ids = ui.shown.get().ids.clone();
        let basis = ui
            .filter
            .with(|f| f.min_killed.map(|m| m.basis).unwrap_or_default());
        sort_incidents(&dataset, &mut ids, key, descending, lang.get(), basis);
        ids
    });
    let header = move |key: SortKey, label: Key| {
        let aria = move || match sort.get() {
            (k, false) if k == key => "ascending",
            (k, true) if k == key => "descending",
            _ => "none",
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button
                    class="sort-button"
                    data-sort=key.id()
                    on:click=move |_| sort.update(|(k, d)| {
                        if *k == key {
                            *d = !*d;
                        } else {
                            *k = key;
                            *d = key == SortKey::Casualties;
                        }
                    })
                >
                    {move || t(lang.get(), label)}
                    <span aria-hidden="true" class="sort-arrow">
                        {move || match aria() { "ascending" => "▲", "descending" => "▼", _ => "" }}
                    </span>
                </button>
            </th>
        }
    };
    let dataset = atlas.dataset.clone();
    // Rows are keyed by incident and language, so a filter change keeps
    // the rows that stay and only builds the new ones.
    let visible = move || {
        let l = lang.locale();
        let n = limit.get();
        ordered.with(|ids| ids.iter().take(n).map(|&i| (i, l)).collect::<Vec<_>>())
    };
    let row = move |(i, l): (u32, Locale)| {
        let inc = &dataset.incidents[i as usize];
        let when = date_range(l, inc.when.start, inc.when.end, inc.when.has_time);
        let approx = !inc.when.is_exact();
        let place = inc.places.first().map(|p| p.name.clone());
        let patterns = inc
            .patterns
            .iter()
            .filter_map(|p| dataset.patterns.get(*p))
            .map(|p| view! { <span class="chip small-chip" style=("--chip", p.color.clone())><Localized text=p.label.clone()/></span> })
            .collect_view();
        let killed = killed_range(inc, l);
        let is_selected = move || ui.selected.get() == Some(i);
        view! {
            <tr
                class:selected=is_selected
                class:hovered=move || ui.hovered.get() == Some(i)
                aria-selected=move || if is_selected() { "true" } else { "false" }
                data-incident=inc.id.clone()
                on:mouseenter=move |_| ui.hovered.set(Some(i))
                on:mouseleave=move |_| ui.hovered.set(None)
            >
                <td class="list-date">{when}{approx.then_some(" ≈")}</td>
                <td>
                    <button class="row-button" on:click=move |_| ui.selected.set(Some(i))>
                        <Localized text=inc.title.clone()/>
                    </button>
                    {place.map(|p| view! { <div class="muted small"><Localized text=p/></div> })}
                </td>
                <td class="list-patterns">{patterns}</td>
                <td class="figure">
                    {(!killed.is_empty()).then(|| view! { <span class="cell-label">{t(l.lang, Key::ListKilled)}</span> })}
                    {killed}
                </td>
            </tr>
        }
    };
    let total = move || ordered.with(Vec::len);
    view! {
        <section class="panel incident-list" aria-labelledby="list-heading">
            <h2 id="list-heading">{move || t(lang.get(), Key::IncidentList)}</h2>
            <div class="table-scroll">
                <table class="list">
                    <caption class="visually-hidden">{move || t(lang.get(), Key::ListCaption)}</caption>
                    <thead>
                        <tr>
                            {header(SortKey::Date, Key::ListDate)}
                            {header(SortKey::Place, Key::ListIncident)}
                            {header(SortKey::Pattern, Key::ListPattern)}
                            {header(SortKey::Casualties, Key::ListKilled)}
                        </tr>
                    </thead>
                    <tbody><For each=visible key=|k| *k children=row/></tbody>
                </table>
            </div>
            {move || (total() == 0).then(|| view! { <p class="muted">{t(lang.get(), Key::NoneShown)}</p> })}
            {move || (total() > limit.get()).then(|| view! {
                <button class="button show-more" on:click=move |_| limit.update(|n| *n += PAGE)>
                    {t(lang.get(), Key::ShowMore)} " (" {number(lang.locale(), (total() - limit.get()) as u64)} ")"
                </button>
            })}
        </section>
    }
}
