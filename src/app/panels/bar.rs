//! The buttons that open the filters, the legend and (in embed mode) the
//! incident list, and the one-line summary of what is shown.

use leptos::prelude::*;

use super::Panels;
use crate::app::state::{Atlas, Ui, UiLang};
use crate::filter::Facet;
use crate::i18n::{number, t, view_summary, Key};
use crate::url_state::Page;

/// Filters, Legend and, in embed mode, the list: toggles with
/// `aria-expanded`, each controlling its panel.
#[component]
pub fn PanelButtons() -> impl IntoView {
    let panels = expect_context::<Panels>();
    let ui = expect_context::<Ui>();
    let lang = expect_context::<UiLang>();
    let embed = expect_context::<Page>().embed;
    let expanded = |s: RwSignal<bool>| move || if s.get() { "true" } else { "false" };
    // How many filters restrict the view (the timeline's range is shown
    // on the timeline itself).
    let active = move || {
        ui.filter.with(|f| {
            Facet::ALL
                .iter()
                .filter(|&&facet| facet != Facet::Time && f.restricts(facet))
                .count()
        })
    };
    let list = embed.then(|| {
        view! {
            <button
                class="button panel-button list-open"
                aria-expanded=expanded(panels.list)
                aria-controls="list-holder"
                on:click=move |_| panels.list.update(|o| *o = !*o)
            >
                {move || t(lang.get(), Key::ShowList)}
            </button>
        }
    });
    view! {
        <button
            class="button panel-button filters-open"
            node_ref=panels.filters_opener
            aria-expanded=expanded(panels.filters)
            aria-controls="filter-sheet"
            on:click=move |_| panels.filters.update(|o| *o = !*o)
        >
            {move || t(lang.get(), Key::Filters)}
            {move || (active() > 0).then(|| view! {
                <span class="active-count">
                    {number(lang.locale(), active() as u64)}
                    <span class="visually-hidden">" " {t(lang.get(), Key::ActiveFilters)}</span>
                </span>
            })}
        </button>
        <button
            class="button panel-button legend-open"
            node_ref=panels.legend_opener
            aria-expanded=expanded(panels.legend)
            aria-controls="legend-card"
            on:click=move |_| panels.legend.update(|o| *o = !*o)
        >
            {move || t(lang.get(), Key::Legend)}
        </button>
        {list}
    }
}

/// "5 of 7 incidents shown · 30 December 2020 – 6 March 2022": the count
/// and the dates the shown incidents span.
#[component]
pub fn ViewSummary() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let ui = expect_context::<Ui>();
    let lang = expect_context::<UiLang>();
    let total = atlas.dataset.incidents.len() as u64;
    let dataset = atlas.dataset.clone();
    let span = Memo::new(move |_| {
        ui.shown.with(|s| {
            let whens = s
                .ids
                .iter()
                .filter_map(|&i| dataset.incidents.get(i as usize))
                .map(|inc| (inc.when.start, inc.when.end));
            whens.fold(None, |acc: Option<(i64, i64)>, (a, b)| {
                Some(acc.map_or((a, b), |(x, y)| (x.min(a), y.max(b))))
            })
        })
    });
    view! {
        <p class="view-summary" data-shown=move || ui.shown.with(|s| s.ids.len())>
            {move || view_summary(lang.locale(), ui.shown.with(|s| s.ids.len()) as u64, total, span.get())}
        </p>
    }
}
