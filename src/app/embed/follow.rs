//! In embed mode on a narrow frame the detail panel sits below the views:
//! bring it into sight when an incident is selected.

use leptos::prelude::*;

use crate::app::state::Ui;

/// Frames this narrow stack the panel under the views (style/embed.css).
const NARROW: &str = "(max-width: 720px)";

pub fn follow_selection(ui: Ui, embedded: bool) {
    if !embedded {
        return;
    }
    Effect::new(move |_| {
        // In a story the card, not the panel, is what the reader follows.
        if ui.selected.get().is_none() || ui.story_step.get_untracked().is_some() {
            return;
        }
        request_animation_frame(|| {
            let narrow = window()
                .match_media(NARROW)
                .ok()
                .flatten()
                .is_some_and(|m| m.matches());
            if !narrow {
                return;
            }
            if let Ok(Some(panel)) = document().query_selector(".detail[data-incident]") {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                panel.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    });
}
