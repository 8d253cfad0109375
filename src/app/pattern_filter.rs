//! The attack-pattern filter: one toggle per pattern with its count.

use leptos::prelude::*;

use super::state::{Atlas, Ui, UiLang};
use super::text::Localized;
use crate::filter::Facet;
use crate::i18n::{number, t, Key};
use crate::symbols::svg_path;

#[component]
pub fn PatternFilter() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let ui = expect_context::<Ui>();
    let lang = expect_context::<UiLang>();
    let total = atlas.dataset.incidents.len() as u64;
    let patterns = atlas.dataset.patterns.clone();
    let items = patterns
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let on = move || ui.filter.with(|f| f.patterns.get(i).copied().unwrap_or(true));
            let count = move || ui.pattern_counts.with(|c| c.get(i).copied().unwrap_or(0));
            let swatch = svg_path(p.shape, 9.0, 9.0, 6.0);
            view! {
                <li>
                    <button
                        class="pattern-toggle"
                        class:off=move || !on()
                        class:empty=move || count() == 0
                        aria-pressed=move || if on() { "true" } else { "false" }
                        data-pattern=p.id.clone()
                        on:click=move |_| ui.filter.update(|f| *f = f.toggled(i))
                    >
                        <svg class="swatch" width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
                            <path d=swatch fill=p.color.clone() stroke="#1b1b1b" stroke-width="1"></path>
                        </svg>
                        <span class="pattern-label"><Localized text=p.label.clone()/></span>
                        <span class="pattern-count">{move || number(lang.locale(), count() as u64)}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel pattern-filter" aria-labelledby="pattern-filter-heading">
            <div class="panel-heading">
                <h2 id="pattern-filter-heading">{move || t(lang.get(), Key::Patterns)}</h2>
                <button
                    class="link-button"
                    on:click=move |_| ui.filter.update(|f| f.clear(Facet::Pattern))
                    disabled=move || ui.filter.with(|f| !f.restricts(Facet::Pattern))
                >
                    {move || t(lang.get(), Key::ShowAll)}
                </button>
            </div>
            <ul class="pattern-list">{items}</ul>
            <p class="summary" role="status" aria-live="polite" data-shown=move || ui.shown.with(|s| s.ids.len())>
                {move || {
                    let l = lang.locale();
                    let shown = ui.shown.with(|s| s.ids.len()) as u64;
                    format!("{} {} {} {}", number(l, shown), t(l.lang, Key::Of), number(l, total), t(l.lang, Key::Shown))
                }}
            </p>
            <super::certainty::CertaintyLine/>
        </section>
    }
}
