//! Painting the map's canvas whenever what it shows changes, at most once
//! per animation frame (the shared `request_paint` behaviour). The basemap
//! is kept on an off-screen layer and redrawn only when the view or the
//! size moves.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

use super::super::behaviours::frame_paint::request_paint;
use super::super::canvas::prepare;
use super::super::embed::PageScheme;
use super::super::state::{Atlas, Ui, UiLang};
use super::super::{loader, test_hooks};
use super::camera::{now_ms, Camera};
use super::clusters::MapClusters;
use super::draw;
use super::pick::MapPicker;
use crate::geo::{MapView, Size};
use crate::palette::Scheme;

/// The off-screen basemap, with what it was drawn for.
struct BaseLayer {
    drawn_for: [u64; 7],
    canvas: HtmlCanvasElement,
}

/// What a base layer drawn for this view and size at this pixel ratio, in
/// this colour scheme, is keyed by (bit patterns: exact equality is what
/// matters).
fn layer_key(v: MapView, s: Size, scheme: Scheme) -> [u64; 7] {
    [
        v.center.x.to_bits(),
        v.center.y.to_bits(),
        v.scale.to_bits(),
        s.width.to_bits(),
        s.height.to_bits(),
        window().device_pixel_ratio().to_bits(),
        scheme as u64,
    ]
}

/// Repaints `canvas` when the view, the size, the shown incidents, the
/// selection, the hover, the language or the colour scheme change. Returns how many incidents
/// the last frame drew (for `data-drawn`).
pub fn paint_on_change(
    atlas: &Atlas,
    canvas: NodeRef<Canvas>,
    size: ReadSignal<Option<Size>>,
    camera: Camera,
    clusters: MapClusters,
    picker: MapPicker,
) -> ReadSignal<usize> {
    let ui = expect_context::<Ui>();
    let lang = expect_context::<UiLang>();
    let scheme = expect_context::<PageScheme>().0;
    let (drawn, set_drawn) = signal(0usize);
    let pending = StoredValue::new(false);
    let painted_once = StoredValue::new(false);
    let base: Rc<RefCell<Option<BaseLayer>>> = Rc::new(RefCell::new(None));
    let paint = {
        let atlas = atlas.clone();
        move || {
            let (Some(s), Some(v), Some(c), Some(clustered)) = (
                size.get_untracked(),
                camera.view.get_untracked(),
                canvas.get_untracked(),
                clusters.current.get_untracked(),
            ) else {
                return;
            };
            let Some(ctx) = prepare(&c, s) else {
                return;
            };
            let started = now_ms();
            let filter = ui.filter.get_untracked();
            let scheme = scheme.get_untracked();
            let frame = draw::Frame {
                atlas: &atlas,
                view: v,
                size: s,
                filter: &filter,
                selected: ui.selected.get_untracked(),
                hovered: ui.hovered.get_untracked(),
                hovered_group: picker
                    .hovered_cluster
                    .get_untracked()
                    .and_then(|h| h.group_in(&clustered)),
                clustered: &clustered,
                locale: lang.locale_untracked(),
                palette: scheme.palette(),
            };
            let key = layer_key(v, s, scheme);
            let mut layer = base.borrow_mut();
            if layer.as_ref().is_none_or(|l| l.drawn_for != key) {
                let canvas = layer.take().map(|l| l.canvas).or_else(|| {
                    document()
                        .create_element("canvas")
                        .ok()
                        .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
                });
                if let Some(canvas) = canvas {
                    if let Some(bctx) = prepare(&canvas, s) {
                        draw::draw_base(&bctx, &frame);
                        *layer = Some(BaseLayer {
                            drawn_for: key,
                            canvas,
                        });
                    }
                }
            }
            set_drawn.set(draw::draw(&ctx, &frame, layer.as_ref().map(|l| &l.canvas)));
            test_hooks::record_paint("map", now_ms() - started);
            if !painted_once.get_value() {
                painted_once.set_value(true);
                loader::mark("atlas:first-map-draw");
            }
            clusters.prefetch_next_level();
        }
    };
    Effect::new(move |_| {
        size.track();
        camera.view.track();
        clusters.current.track();
        ui.shown.track();
        ui.selected.track();
        ui.hovered.track();
        picker.hovered_cluster.track();
        lang.0.track();
        scheme.track();
        request_paint(pending, &paint);
    });
    drawn
}
