//! The map panel: a canvas with the basemap and the incidents, pan and
//! zoom by pointer, wheel, touch and keyboard, and a legend.

mod draw;
mod legend;

use std::collections::HashMap;

use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use web_sys::{KeyboardEvent, PointerEvent, WheelEvent};

use super::behaviours::element_size::use_element_size;
use super::canvas::prepare;
use super::state::{Atlas, Ui, UiLang};
use super::test_hooks;
use crate::dataset::Region;
use crate::geo::scene::region_bounds;
use crate::geo::{Bounds, MapView, Point, Size};
use crate::i18n::{date_range, t, Key};
use crate::symbols::radius_for_killed;
pub use draw::primary_pattern;
pub use legend::Legend;

/// Closest zoom: about 80 px per km (a few streets).
const MAX_SCALE: f64 = 80.0;
/// How far outside Syria the centre may wander, in km.
const PAN_MARGIN_KM: f64 = 250.0;
/// A press that moves less than this is a click, not a drag.
const CLICK_SLOP_PX: f64 = 5.0;

/// Pointer state between events.
#[derive(Clone, Default)]
struct Gesture {
    /// Active pointers and their last positions (canvas px).
    pointers: HashMap<i32, (f64, f64)>,
    /// Where the press began, and whether it has become a drag.
    start: Option<(f64, f64)>,
    dragged: bool,
}

#[component]
pub fn MapPanel() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let ui = expect_context::<Ui>();
    let lang = expect_context::<UiLang>();
    let frame = NodeRef::<Div>::new();
    let canvas = NodeRef::<Canvas>::new();
    let size = use_element_size(frame);
    let projection = atlas.scene.projection;
    let syria = region_bounds(Region::Syria, &projection);
    let home_region = atlas.dataset.meta.default_region.unwrap_or(Region::Syria);
    let home =
        move |s: Size| MapView::fit(region_bounds(home_region, &projection), s, 10.0, MAX_SCALE);
    let limits = Bounds {
        min: Point::new(syria.min.x - PAN_MARGIN_KM, syria.min.y - PAN_MARGIN_KM),
        max: Point::new(syria.max.x + PAN_MARGIN_KM, syria.max.y + PAN_MARGIN_KM),
    };
    let view = RwSignal::new(None::<MapView>);
    // Keeps a view within the zoom and pan limits for the current size.
    let clamp = move |v: MapView| -> MapView {
        let min_scale = size.get_untracked().map_or(0.01, |s| {
            MapView::fit(syria, s, 10.0, MAX_SCALE).scale * 0.6
        });
        v.clamped(limits, min_scale, MAX_SCALE)
    };
    let set_view = move |v: MapView| view.set(Some(clamp(v)));

    // The first size known sets the home view; later resizes keep the view.
    Effect::new(move |_| {
        if let Some(s) = size.get() {
            if view.get_untracked().is_none() {
                view.set(Some(home(s)));
            }
        }
    });

    // Redraw on any change, at most once per animation frame.
    let pending = StoredValue::new(false);
    let drawn = RwSignal::new(0usize);
    let atlas_for_draw = atlas.clone();
    let paint = move || {
        let (Some(s), Some(v), Some(c)) = (
            size.get_untracked(),
            view.get_untracked(),
            canvas.get_untracked(),
        ) else {
            return;
        };
        let Some(ctx) = prepare(&c, s) else {
            return;
        };
        let shown = ui.shown.get_untracked();
        let filter = ui.filter.get_untracked();
        let f = draw::Frame {
            atlas: &atlas_for_draw,
            view: v,
            size: s,
            shown: &shown,
            filter: &filter,
            selected: ui.selected.get_untracked(),
            hovered: ui.hovered.get_untracked(),
            lang: lang.0.get_untracked(),
        };
        drawn.set(draw::draw(&ctx, &f));
    };
    Effect::new(move |_| {
        size.track();
        view.track();
        ui.shown.track();
        ui.selected.track();
        ui.hovered.track();
        lang.0.track();
        if !pending.get_value() {
            pending.set_value(true);
            let paint = paint.clone();
            request_animation_frame(move || {
                pending.set_value(false);
                paint();
            });
        }
    });

    // Tests and hosts can ask where a mark is.
    {
        let atlas = atlas.clone();
        test_hooks::register("map", move |id| {
            let i = atlas.dataset.incident_index(id)? as u32;
            let (s, v, c) = (
                size.get_untracked()?,
                view.get_untracked()?,
                canvas.get_untracked()?,
            );
            let p = atlas.scene.points.iter().find(|p| p.incident == i)?;
            let (x, y) = v.to_screen(p.at, s);
            let rect = c.get_bounding_client_rect();
            Some((rect.left() + x, rect.top() + y))
        });
    }

    let local = move |x: f64, y: f64| -> (f64, f64) {
        canvas.get_untracked().map_or((x, y), |c| {
            let r = c.get_bounding_client_rect();
            (x - r.left(), y - r.top())
        })
    };
    let hit = {
        let atlas = atlas.clone();
        move |at: (f64, f64)| -> Option<u32> {
            let (s, v) = (size.get_untracked()?, view.get_untracked()?);
            let shown = ui.shown.get_untracked();
            let max_r = radius_for_killed(Some(100), draw::MARKER_BASE) + 4.0;
            atlas.scene.hit(&v, s, at, max_r, |i| shown.contains(i))
        }
    };

    let gesture = StoredValue::new(Gesture::default());
    let on_pointerdown = move |e: PointerEvent| {
        let at = local(f64::from(e.client_x()), f64::from(e.client_y()));
        if let Some(c) = canvas.get_untracked() {
            let _ = c.set_pointer_capture(e.pointer_id());
        }
        gesture.update_value(|g| {
            g.pointers.insert(e.pointer_id(), at);
            if g.pointers.len() == 1 {
                g.start = Some(at);
                g.dragged = false;
            } else {
                g.dragged = true;
            }
        });
    };
    let hit_for_move = hit.clone();
    let on_pointermove = move |e: PointerEvent| {
        let at = local(f64::from(e.client_x()), f64::from(e.client_y()));
        let Some(s) = size.get_untracked() else {
            return;
        };
        let mut next_view = None;
        gesture.update_value(|g| {
            let Some(&prev) = g.pointers.get(&e.pointer_id()) else {
                return;
            };
            let Some(v) = view.get_untracked() else {
                return;
            };
            if g.pointers.len() >= 2 {
                // Pinch: scale by the change in distance between two
                // fingers, about their midpoint, and follow the midpoint.
                let other = g
                    .pointers
                    .iter()
                    .find(|(id, _)| **id != e.pointer_id())
                    .map(|(_, p)| *p);
                if let Some(o) = other {
                    let d0 = (prev.0 - o.0).hypot(prev.1 - o.1).max(1.0);
                    let d1 = (at.0 - o.0).hypot(at.1 - o.1).max(1.0);
                    let mid0 = ((prev.0 + o.0) / 2.0, (prev.1 + o.1) / 2.0);
                    let mid1 = ((at.0 + o.0) / 2.0, (at.1 + o.1) / 2.0);
                    next_view = Some(
                        v.zoomed_at(d1 / d0, mid0.0, mid0.1, s)
                            .panned(mid1.0 - mid0.0, mid1.1 - mid0.1),
                    );
                }
            } else if let Some(start) = g.start {
                if g.dragged || (at.0 - start.0).hypot(at.1 - start.1) > CLICK_SLOP_PX {
                    g.dragged = true;
                    next_view = Some(v.panned(at.0 - prev.0, at.1 - prev.1));
                }
            }
            g.pointers.insert(e.pointer_id(), at);
        });
        match next_view {
            Some(v) => set_view(v),
            None => {
                if gesture.with_value(|g| g.pointers.is_empty()) {
                    let h = hit_for_move(at);
                    if ui.hovered.get_untracked() != h {
                        ui.hovered.set(h);
                    }
                }
            }
        }
    };
    let hit_for_up = hit.clone();
    let on_pointerup = move |e: PointerEvent| {
        let at = local(f64::from(e.client_x()), f64::from(e.client_y()));
        let mut click = false;
        gesture.update_value(|g| {
            g.pointers.remove(&e.pointer_id());
            if g.pointers.is_empty() {
                click = !g.dragged && g.start.is_some();
                g.start = None;
                g.dragged = false;
            }
        });
        if click {
            ui.selected.set(hit_for_up(at));
        }
    };
    let on_pointercancel = move |e: PointerEvent| {
        gesture.update_value(|g| {
            g.pointers.remove(&e.pointer_id());
            g.start = None;
        });
    };
    let on_pointerleave = move |_e: PointerEvent| {
        if gesture.with_value(|g| g.pointers.is_empty()) {
            ui.hovered.set(None);
        }
    };
    let on_wheel = move |e: WheelEvent| {
        e.prevent_default();
        let (Some(s), Some(v)) = (size.get_untracked(), view.get_untracked()) else {
            return;
        };
        let at = local(f64::from(e.client_x()), f64::from(e.client_y()));
        // Lines and pages scroll further than pixels (deltaMode 1 and 2).
        let unit = match e.delta_mode() {
            1 => 16.0,
            2 => 400.0,
            _ => 1.0,
        };
        let factor = (-e.delta_y() * unit * 0.002).exp().clamp(0.25, 4.0);
        set_view(v.zoomed_at(factor, at.0, at.1, s));
    };
    let on_dblclick = move |e: web_sys::MouseEvent| {
        let (Some(s), Some(v)) = (size.get_untracked(), view.get_untracked()) else {
            return;
        };
        let at = local(f64::from(e.client_x()), f64::from(e.client_y()));
        let factor = if e.shift_key() { 0.5 } else { 2.0 };
        set_view(v.zoomed_at(factor, at.0, at.1, s));
    };
    let zoom_by = move |factor: f64| {
        if let (Some(s), Some(v)) = (size.get_untracked(), view.get_untracked()) {
            set_view(v.zoomed_at(factor, s.width / 2.0, s.height / 2.0, s));
        }
    };
    let reset = move || {
        if let Some(s) = size.get_untracked() {
            view.set(Some(home(s)));
        }
    };
    let on_keydown = move |e: KeyboardEvent| {
        let Some(v) = view.get_untracked() else {
            return;
        };
        let step = 80.0;
        let handled = match e.key().as_str() {
            "ArrowLeft" => {
                set_view(v.panned(step, 0.0));
                true
            }
            "ArrowRight" => {
                set_view(v.panned(-step, 0.0));
                true
            }
            "ArrowUp" => {
                set_view(v.panned(0.0, step));
                true
            }
            "ArrowDown" => {
                set_view(v.panned(0.0, -step));
                true
            }
            "+" | "=" => {
                zoom_by(1.5);
                true
            }
            "-" | "_" => {
                zoom_by(1.0 / 1.5);
                true
            }
            "0" | "Home" => {
                reset();
                true
            }
            "Escape" => {
                ui.selected.set(None);
                true
            }
            _ => false,
        };
        if handled {
            e.prevent_default();
        }
    };

    let tooltip = {
        let atlas = atlas.clone();
        move || {
            let i = ui.hovered.get()?;
            let inc = atlas.dataset.incidents.get(i as usize)?;
            let (s, v) = (size.get()?, view.get()?);
            let p = atlas.scene.points.iter().find(|p| p.incident == i)?;
            let (x, y) = v.to_screen(p.at, s);
            let l = lang.get();
            let title = inc.title.pick(l).to_owned();
            let when = date_range(l, inc.when.start, inc.when.end, false);
            Some(view! {
                <div class="map-tooltip" role="tooltip" style=format!("left:{x:.0}px;top:{y:.0}px")>
                    <strong>{title}</strong>
                    <span>{when}</span>
                </div>
            })
        }
    };

    view! {
        <section class="panel map-panel" aria-labelledby="map-heading">
            <h2 id="map-heading" class="visually-hidden">{move || t(lang.get(), Key::Map)}</h2>
            <div class="map-frame" node_ref=frame>
                <canvas
                    node_ref=canvas
                    class="map-canvas"
                    tabindex="0"
                    role="img"
                    aria-label=move || t(lang.get(), Key::MapLabel)
                    data-drawn=move || drawn.get()
                    data-scale=move || view.get().map(|v| format!("{:.4}", v.scale)).unwrap_or_default()
                    data-center=move || view.get().map(|v| format!("{:.2},{:.2}", v.center.x, v.center.y)).unwrap_or_default()
                    on:pointerdown=on_pointerdown
                    on:pointermove=on_pointermove
                    on:pointerup=on_pointerup
                    on:pointercancel=on_pointercancel
                    on:pointerleave=on_pointerleave
                    on:wheel=on_wheel
                    on:dblclick=on_dblclick
                    on:keydown=on_keydown
                ></canvas>
                {tooltip}
                <div class="map-controls">
                    <button class="map-button" aria-label="+" title="+" on:click=move |_| zoom_by(1.5)>"+"</button>
                    <button class="map-button" aria-label="−" title="−" on:click=move |_| zoom_by(1.0 / 1.5)>"−"</button>
                    <button class="map-button" aria-label="⟲" title="⟲" on:click=move |_| reset()>"⟲"</button>
                </div>
            </div>
        </section>
    }
}
