//! The list of the incidents at one spot (a cluster that zooming cannot
//! split). It lists the spot's own incidents that the filter still shows,
//! and disappears when it shows none (see [`crate::geo::spot`]).

use leptos::prelude::*;

use super::super::state::{Atlas, Ui, UiLang};
use super::pick::MapPicker;
use crate::i18n::{date_range, number, t, Key};

/// The most incidents the list shows.
const SPOT_LIST_MAX: usize = 40;

#[component]
pub fn SpotList(picker: MapPicker) -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let ui = expect_context::<Ui>();
    let lang = expect_context::<UiLang>();
    let spot = picker.spot;
    let listed = Memo::new(move |_| {
        let shown = ui.shown.get();
        spot.with(|s| {
            s.as_ref()
                .map(|s| (s.anchor(), s.listed(|i| shown.contains(i))))
        })
    });
    move || {
        let ((x, y), incidents) = listed.get().filter(|(_, l)| !l.is_empty())?;
        let l = lang.get();
        let loc = lang.locale();
        let more = incidents.len().saturating_sub(SPOT_LIST_MAX);
        let items = incidents
            .iter()
            .take(SPOT_LIST_MAX)
            .filter_map(|&i| {
                let inc = atlas.dataset.incidents.get(i as usize)?;
                let title = inc.title.pick(l).to_owned();
                let when = date_range(loc, inc.when.start, inc.when.end, false);
                Some(view! {
                    <li><button class="spot-item" on:click=move |_| { spot.set(None); ui.selected.set(Some(i)); }>
                        <strong>{title}</strong><span class="muted">{when}</span>
                    </button></li>
                })
            })
            .collect_view();
        Some(view! {
            <div class="spot-list" style:left=format!("{x:.0}px") style:top=format!("{y:.0}px")>
                <div class="spot-head">
                    <strong>{format!("{} {}", number(loc, incidents.len() as u64), t(l, Key::IncidentsHere))}</strong>
                    <button class="close" aria-label=t(l, Key::Close) on:click=move |_| spot.set(None)>"×"</button>
                </div>
                <ul>{items}</ul>
                {(more > 0).then(|| view! { <p class="muted">"+" {number(loc, more as u64)} " " {t(l, Key::AndMore)}</p> })}
            </div>
        })
    }
}
