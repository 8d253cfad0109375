//! The filters beyond attack patterns: free-text search, perpetrator,
//! attribution, target, governorate, area, claimant, source, how well the
//! date and the place are known, and a casualty minimum. Every value shows how many incidents it would give with the
//! other filters in place; values that give none stay visible, dimmed.

use std::sync::Arc;

use leptos::prelude::*;

use super::state::{Atlas, Ui, UiLang};
use crate::filter::{Facet, FacetLabels, Filter, KilledBasis, MinKilled};
use crate::i18n::{number, t, Key};
use crate::text::Lang;

/// The facets listed here, with their headings (patterns have their own
/// panel).
const FACETS: [(Facet, Key); 9] = [
    (Facet::Region, Key::FacetRegion),
    (Facet::Governorate, Key::FacetGovernorate),
    (Facet::Actor, Key::FacetActor),
    (Facet::Attribution, Key::FacetAttribution),
    (Facet::Target, Key::FacetTarget),
    (Facet::Claimant, Key::FacetClaimant),
    (Facet::Source, Key::FacetSource),
    (Facet::DatePrecision, Key::FacetDatePrecision),
    (Facet::PlacePrecision, Key::FacetPlacePrecision),
];

#[component]
pub fn FacetFilters() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let ui = expect_context::<Ui>();
    let lang = expect_context::<UiLang>();
    let labels = Arc::new(FacetLabels::new(&atlas.dataset));
    // The values this dataset has at all: counted with nothing filtered,
    // not with the filter the URL opened on, so that a link lists the same
    // values as clicking to the same view.
    let unfiltered =
        Filter::everything(&atlas.dataset).evaluate(&atlas.dataset, &atlas.filter_index);
    let groups = FACETS
        .iter()
        .map(|&(facet, heading)| {
            let ds = atlas.dataset.clone();
            let labels = labels.clone();
            let count = facet.value_count(&ds);
            // Rendered once so that focus stays put while counts change.
            let present: Vec<usize> = (0..count)
                .filter(|&v| unfiltered.counts().value(facet, v) > 0)
                .collect();
            let items = present
                .into_iter()
                .map(|v| {
                    let n = move || ui.evaluation.with(|e| e.evaluation.counts().value(facet, v));
                    let on = move || ui.filter.with(|f| f.is_on(facet, v));
                    let label_ds = ds.clone();
                    let labels = labels.clone();
                    let label = move || labels.label(&label_ds, facet, v, lang.get());
                    let id = facet.value_id(&ds, v).unwrap_or("").to_owned();
                    view! {
                        <li class:empty=move || n() == 0>
                            <label class="facet-value">
                                <input
                                    type="checkbox"
                                    data-facet=facet.id()
                                    data-value=id
                                    prop:checked=on
                                    on:change=move |_| ui.filter.update(|f| f.toggle_value(facet, v))
                                />
                                <span class="facet-label">{label}</span>
                                <span class="facet-count">{move || number(lang.locale(), n() as u64)}</span>
                            </label>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <details class="facet" data-facet=facet.id() open=matches!(facet, Facet::Region)>
                    <summary>
                        {move || t(lang.get(), heading)}
                        {move || ui.filter.with(|f| f.restricts(facet)).then_some(" •")}
                    </summary>
                    <ul class="facet-values">{items}</ul>
                    {move || ui.filter.with(|f| f.restricts(facet)).then(|| view! {
                        <button class="link-button" on:click=move |_| ui.filter.update(|f| f.clear(facet))>
                            {t(lang.get(), Key::ShowAll)}
                        </button>
                    })}
                </details>
            }
        })
        .collect_view();

    let claimants: Vec<(usize, String, String)> = atlas
        .dataset
        .claimants
        .iter()
        .enumerate()
        .map(|(i, c)| {
            (
                i,
                c.name.pick(Lang::En).to_owned(),
                c.name.pick(Lang::Ar).to_owned(),
            )
        })
        .collect();
    let min_value = move || {
        ui.filter.with(|f| {
            f.min_killed
                .map(|m| m.at_least.to_string())
                .unwrap_or_default()
        })
    };
    let basis_value = move || {
        ui.filter.with(
            |f| match f.min_killed.map(|m| m.basis).unwrap_or_default() {
                KilledBasis::Highest => "highest".to_owned(),
                KilledBasis::Lowest => "lowest".to_owned(),
                KilledBasis::Claimant(i) => format!("claimant:{i}"),
            },
        )
    };
    let parse_basis = |s: &str| match s {
        "lowest" => KilledBasis::Lowest,
        other => other
            .strip_prefix("claimant:")
            .and_then(|i| i.parse().ok())
            .map_or(KilledBasis::Highest, KilledBasis::Claimant),
    };
    let set_min = move |text: String| {
        let at_least = text.trim().parse::<u32>().ok().filter(|n| *n > 0);
        ui.filter.update(|f| {
            let basis = f.min_killed.map(|m| m.basis).unwrap_or_default();
            f.min_killed = at_least.map(|at_least| MinKilled { at_least, basis });
        });
    };
    let set_basis = move |text: String| {
        let basis = parse_basis(&text);
        ui.filter.update(|f| {
            if let Some(m) = f.min_killed.as_mut() {
                m.basis = basis;
            } else {
                f.min_killed = Some(MinKilled { at_least: 0, basis });
            }
        });
    };

    view! {
        <section class="panel facet-filters" aria-labelledby="facets-heading">
            <div class="panel-heading">
                <h2 id="facets-heading">{move || t(lang.get(), Key::Filters)}</h2>
                <button
                    class="link-button clear-all"
                    disabled=move || ui.filter.with(|f| f.is_everything())
                    on:click=move |_| ui.filter.update(|f| f.clear_all())
                >
                    {move || t(lang.get(), Key::ClearAll)}
                </button>
            </div>
            <label class="search">
                <span class="visually-hidden">{move || t(lang.get(), Key::Search)}</span>
                <input
                    type="search"
                    class="search-input"
                    placeholder=move || t(lang.get(), Key::Search)
                    prop:value=move || ui.filter.with(|f| f.query.clone())
                    on:input=move |e| {
                        let q = event_target_value(&e);
                        ui.filter.update(|f| f.query = q);
                    }
                />
            </label>
            <div class="killed-min">
                <label>
                    <span>{move || t(lang.get(), Key::AtLeastKilled)}</span>
                    <input type="number" min="0" step="1" inputmode="numeric" class="killed-input"
                        prop:value=min_value
                        on:change=move |e| set_min(event_target_value(&e))/>
                </label>
                <label>
                    <span>{move || t(lang.get(), Key::KilledBasis)}</span>
                    <select class="killed-basis" prop:value=basis_value on:change=move |e| set_basis(event_target_value(&e))>
                        <option value="highest">{move || t(lang.get(), Key::BasisHighest)}</option>
                        <option value="lowest">{move || t(lang.get(), Key::BasisLowest)}</option>
                        {claimants.into_iter().map(|(i, en, ar)| view! {
                            <option value=format!("claimant:{i}")>{move || if lang.get() == Lang::Ar { ar.clone() } else { en.clone() }}</option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
            {groups}
        </section>
    }
}
