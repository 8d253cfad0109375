//! The page around the views: what opens when needed instead of standing
//! in a column of its own. The filters open in a side sheet from their
//! button, the selected incident in the detail sheet, the legend in a card
//! over the map (in embed mode all three, and the incident list, open in
//! the flow below the views so that the frame grows to them and its height
//! messages follow). Each closes with its close button or Escape, and
//! focus moves into it as it opens and back to where it was as it closes.
//!
//! - [`bar`]: the buttons that open them and the one-line summary;
//! - [`focus`]: moving focus in and back.

mod bar;
mod focus;

pub use bar::{PanelButtons, ViewSummary};

use leptos::html::{Aside, Button, Div};
use leptos::prelude::*;
use web_sys::KeyboardEvent;

use super::state::{Ui, UiLang};
use crate::i18n::{t, Key};
use crate::url_state::Page;

/// Which panels are open, and the buttons that open them (focus returns
/// there).
#[derive(Clone, Copy)]
pub struct Panels {
    pub filters: RwSignal<bool>,
    pub legend: RwSignal<bool>,
    /// The incident list; only embed mode folds it away.
    pub list: RwSignal<bool>,
    filters_opener: NodeRef<Button>,
    legend_opener: NodeRef<Button>,
}

impl Panels {
    pub fn provide() -> Panels {
        let panels = Panels {
            filters: RwSignal::new(false),
            legend: RwSignal::new(false),
            list: RwSignal::new(false),
            filters_opener: NodeRef::new(),
            legend_opener: NodeRef::new(),
        };
        provide_context(panels);
        panels
    }
}

fn is_escape(e: &KeyboardEvent) -> bool {
    e.key() == "Escape" && !e.default_prevented()
}

/// Focus moves into `sheet` when `open` becomes true, and back to
/// `opener` when it becomes false while focus was inside (or was lost
/// with the hidden content).
fn manage_focus(open: RwSignal<bool>, sheet: NodeRef<Aside>, opener: NodeRef<Button>) {
    Effect::watch(
        move || open.get(),
        move |now, before, _| {
            if before.copied() == Some(*now) {
                return;
            }
            if *now {
                request_animation_frame(move || {
                    if let Some(s) = sheet.get_untracked() {
                        focus::focus_quietly(&s);
                    }
                });
            } else if let (Some(s), Some(b)) = (sheet.get_untracked(), opener.get_untracked()) {
                if focus::is_inside_or_lost(&s) {
                    focus::focus_quietly(&b);
                }
            }
        },
        false,
    );
}

/// The filters' side sheet (inline-start: left in English, right in
/// Arabic; a sheet from the bottom on phones; in the flow in embed mode).
#[component]
pub fn FilterSheet(children: Children) -> impl IntoView {
    let panels = expect_context::<Panels>();
    let lang = expect_context::<UiLang>();
    let sheet = NodeRef::<Aside>::new();
    let open = panels.filters;
    manage_focus(open, sheet, panels.filters_opener);
    view! {
        <aside
            id="filter-sheet"
            class="sheet filter-sheet"
            node_ref=sheet
            tabindex="-1"
            hidden=move || !open.get()
            aria-labelledby="filter-sheet-title"
            on:keydown=move |e| if is_escape(&e) {
                e.prevent_default();
                open.set(false);
            }
        >
            <div class="sheet-head">
                <h2 id="filter-sheet-title">{move || t(lang.get(), Key::Filters)}</h2>
                <button
                    class="close"
                    aria-label=move || t(lang.get(), Key::CloseFilters)
                    title=move || t(lang.get(), Key::CloseFilters)
                    on:click=move |_| open.set(false)
                >
                    "×"
                </button>
            </div>
            {children()}
        </aside>
    }
}

/// The legend's card (over the map; in the flow in embed mode).
#[component]
pub fn LegendCard(children: Children) -> impl IntoView {
    let panels = expect_context::<Panels>();
    let lang = expect_context::<UiLang>();
    let card = NodeRef::<Aside>::new();
    let open = panels.legend;
    manage_focus(open, card, panels.legend_opener);
    view! {
        <aside
            id="legend-card"
            class="sheet legend-card"
            node_ref=card
            tabindex="-1"
            hidden=move || !open.get()
            aria-labelledby="legend-heading"
            on:keydown=move |e| if is_escape(&e) {
                e.prevent_default();
                open.set(false);
            }
        >
            <button
                class="close legend-close"
                aria-label=move || t(lang.get(), Key::CloseLegend)
                title=move || t(lang.get(), Key::CloseLegend)
                on:click=move |_| open.set(false)
            >
                "×"
            </button>
            {children()}
        </aside>
    }
}

/// The detail panel's sheet (inline-end; from the bottom on phones; in
/// the flow in embed mode). Escape closes it; focus moves to the
/// incident's title when one is opened and returns to what had it (the
/// map, the timeline, a row of the list) when it closes.
#[component]
pub fn DetailSheet(children: Children) -> impl IntoView {
    let ui = expect_context::<Ui>();
    let holder = NodeRef::<Div>::new();
    // What had focus when the sheet opened.
    let previous = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::watch(
        move || ui.selected.get().is_some(),
        move |open, before, _| {
            // Not on the first run: an incident from the URL takes no focus.
            let Some(&before) = before else {
                return;
            };
            if before == *open {
                return;
            }
            if *open {
                previous.set_value(focus::active_element());
                request_animation_frame(|| {
                    if let Ok(Some(title)) = document().query_selector(".detail[data-incident] h2")
                    {
                        if let Ok(title) =
                            wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(title)
                        {
                            focus::focus_quietly(&title);
                        }
                    }
                });
            } else if let Some(h) = holder.get_untracked() {
                if focus::is_inside_or_lost(&h) {
                    if let Some(p) = previous.get_value().filter(|p| p.is_connected()) {
                        focus::focus_quietly(&p);
                    }
                }
            }
        },
        false,
    );
    view! {
        <div
            class="detail-sheet"
            node_ref=holder
            on:keydown=move |e| if is_escape(&e) && ui.selected.get_untracked().is_some() {
                e.prevent_default();
                ui.selected.set(None);
            }
        >
            {children()}
        </div>
    }
}

/// The incident list: always there on the full page; in embed mode
/// behind its button.
#[component]
pub fn ListHolder(children: Children) -> impl IntoView {
    let panels = expect_context::<Panels>();
    let embed = expect_context::<Page>().embed;
    view! {
        <div id="list-holder" class="list-holder" hidden=move || embed && !panels.list.get()>
            {children()}
        </div>
    }
}
