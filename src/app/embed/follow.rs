//! In embed mode the detail panel opens in the flow below the views (at
//! every width: style/embed.css): bring it into sight when an incident is
//! selected.

use leptos::prelude::*;

use crate::app::state::Ui;

pub fn follow_selection(ui: Ui, embedded: bool) {
    if !embedded {
        return;
    }
    Effect::new(move |_| {
        if ui.selected.get().is_none() {
            return;
        }
        request_animation_frame(|| {
            if let Ok(Some(panel)) = document().query_selector(".detail[data-incident]") {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                panel.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    });
}
