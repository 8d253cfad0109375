//! Embedding in other pages (docs/embedding.md). The options come from the
//! URL through [`crate::url_state::Page`] (`embed`, `theme`, `transparent`,
//! `frame`, Pym.js's `childId`); the embed code is
//! [`crate::embed_code`]'s. Here they meet the page:
//!
//! - [`install`]: attributes on `<html>` (`data-embed`, `data-theme`,
//!   `data-scheme`, `data-transparent`) that style/embed.css keys on, the
//!   colour scheme ([`scheme`], also a signal the canvases paint by) and, inside a frame, height messages to
//!   the host ([`height`]);
//! - [`follow`]: in embed mode, keeping the selected incident's panel in
//!   sight;
//! - [`chrome`]: the compact header's parts, the link to the full atlas;
//! - [`dialog`]: the "Embed" button's dialog with the code to paste.

mod chrome;
mod dialog;
mod follow;
mod height;
mod scheme;

pub use chrome::{description, EmbedControl};
pub use follow::follow_selection;
pub use scheme::PageScheme;

use leptos::prelude::document;

use crate::url_state::Page;

/// Applies the URL's options to `<html>` and, inside a frame, starts
/// reporting the page's height to the parent. Call once, before mounting.
/// Returns the colour scheme, for the canvases.
pub fn install(page: &Page) -> PageScheme {
    if let Some(root) = document().document_element() {
        if page.embed {
            let _ = root.set_attribute("data-embed", "1");
        }
        let _ = root.set_attribute("data-theme", page.theme.id());
        if page.transparent {
            let _ = root.set_attribute("data-transparent", "1");
        }
    }
    let scheme = scheme::apply(page.theme);
    height::report(page.frame.clone(), page.pym.child_id.clone());
    scheme
}
