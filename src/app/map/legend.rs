//! The legend: what shapes, colours, sizes, areas and bars mean, and the
//! hatching of the Golan (occupied land, Syrian under international law).

use leptos::prelude::*;

use super::super::state::{Atlas, UiLang};
use super::super::text::Localized;
use crate::i18n::{t, with_year, Key};
use crate::symbols::svg_path;

#[component]
pub fn Legend() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let lang = expect_context::<UiLang>();
    let patterns = atlas.dataset.patterns.clone();
    // The hatching is explained where the basemap draws any.
    let occupied = atlas
        .basemap
        .as_ref()
        .is_some_and(|b| !b.occupied.is_empty());
    let rows = patterns
        .into_iter()
        .map(|p| {
            let d = svg_path(p.shape, 9.0, 9.0, 5.5);
            view! {
                <li>
                    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
                        <path d=d fill=p.color.clone() stroke="#1b1b1b"></path>
                    </svg>
                    <Localized text=p.label.clone()/>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel legend" aria-labelledby="legend-heading">
            <h2 id="legend-heading">{move || t(lang.get(), Key::Legend)}</h2>
            <ul class="legend-list">{rows}</ul>
            <ul class="legend-list legend-notes">
                <li>
                    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
                        <circle cx="9" cy="9" r="8" fill="rgba(213,94,0,0.13)" stroke="#d55e00" stroke-dasharray="3 2"></circle>
                        <circle cx="9" cy="9" r="3.5" fill="#fff" stroke="#d55e00" stroke-width="2"></circle>
                    </svg>
                    <span>{move || t(lang.get(), Key::LegendImprecise)}</span>
                </li>
                <li>
                    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
                        <circle cx="6" cy="11" r="3" fill="#777" stroke="#1b1b1b"></circle>
                        <circle cx="12" cy="8" r="6" fill="#777" stroke="#1b1b1b"></circle>
                    </svg>
                    <span>{move || t(lang.get(), Key::LegendSize)}</span>
                </li>
                <li>
                    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
                        <rect x="1" y="6" width="16" height="6" rx="3" fill="rgba(0,114,178,0.25)" stroke="#0072b2"></rect>
                    </svg>
                    <span>{move || t(lang.get(), Key::LegendSpan)}</span>
                </li>
                {occupied.then(|| view! {
                    <li class="legend-occupied">
                        <svg class="legend-hatch" width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
                            <rect x="1" y="1" width="16" height="16" fill="none" stroke="currentColor" stroke-dasharray="3 2"></rect>
                            <path d="M1 7 7 1M1 13 13 1M1 17 17 1M7 17 17 7M13 17 17 13" stroke="currentColor" stroke-width="1"></path>
                        </svg>
                        <span>{move || with_year(lang.locale(), Key::LegendOccupied, 1967)}</span>
                    </li>
                })}
            </ul>
        </section>
    }
}
