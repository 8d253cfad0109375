//! The map as a picture's view (`app::picture`): the current view drawn
//! again through the drawing trait, basemap and all, without hover.

use leptos::prelude::*;

use super::super::picture::sources::{register as register_source, Paint, Which};
use super::super::state::{Atlas, Ui, UiLang};
use super::camera::Camera;
use super::clusters::MapClusters;
use super::draw;
use crate::geo::Size;

pub fn register(
    atlas: &Atlas,
    size: ReadSignal<Option<Size>>,
    camera: Camera,
    clusters: MapClusters,
) {
    let ui = expect_context::<Ui>();
    let lang = expect_context::<UiLang>();
    let atlas = atlas.clone();
    register_source(
        Which::Map,
        Box::new(move || {
            let (s, view, clustered) = (
                size.try_get_untracked()??,
                camera.view.try_get_untracked()??,
                clusters.current.try_get_untracked()??,
            );
            let filter = ui.filter.try_get_untracked()?;
            let selected = ui.selected.get_untracked();
            let locale = lang.locale_untracked();
            let atlas = atlas.clone();
            let paint: Paint = std::rc::Rc::new(move |surface| {
                let frame = draw::Frame {
                    atlas: &atlas,
                    view,
                    size: s,
                    filter: &filter,
                    selected,
                    hovered: None,
                    hovered_group: None,
                    clustered: &clustered,
                    locale,
                };
                draw::draw_base(surface, &frame);
                draw::draw_marks(surface, &frame);
            });
            Some(((s.width, s.height), paint))
        }),
    );
}
