//! The timeline as a picture's view (`app::picture`): the current layout
//! painted again through the drawing trait, without hover.

use std::sync::Arc;

use leptos::prelude::*;

use super::super::picture::sources::{register as register_source, Paint, Which};
use super::super::state::{Ui, UiLang};
use super::layout::Layout;
use super::paint;
use crate::dataset::Dataset;

pub fn register(
    dataset: Arc<Dataset>,
    layout: Memo<Option<Layout>>,
    brush: Memo<Option<(i64, i64)>>,
    ui: Ui,
    lang: UiLang,
) {
    register_source(
        Which::Timeline,
        Box::new(move || {
            let layout = layout.try_get_untracked()??;
            let filter = ui.filter.try_get_untracked()?;
            let brush = brush.try_get_untracked()?;
            let selected = ui.selected.get_untracked();
            let locale = lang.locale_untracked();
            let size = (layout.size.width, layout.size.height);
            let dataset = dataset.clone();
            let paint: Paint = std::rc::Rc::new(move |surface| {
                paint::paint(
                    surface,
                    &paint::Scene {
                        dataset: &dataset,
                        filter: &filter,
                        layout: &layout,
                        brush,
                        selected,
                        hovered: None,
                        locale,
                    },
                );
            });
            Some((size, paint))
        }),
    );
}
