//! The map panel: a canvas with the basemap and the incidents (clustered
//! when zoomed out), pan and zoom by pointer, wheel, touch and keyboard,
//! region presets, a scale bar and a legend.

mod clusters;
mod draw;
mod legend;
mod scale_bar;

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{KeyboardEvent, PointerEvent, WheelEvent};

use super::behaviours::element_size::use_element_size;
use super::behaviours::frame_paint::request_paint;
use super::behaviours::reduced_motion::prefers_reduced_motion;
use super::canvas::prepare;
use super::state::{query_param, Atlas, Ui, UiLang};
use super::test_hooks;
use crate::dataset::Region;
use crate::geo::cluster::{level_for_scale, ClusterOptions};
use crate::geo::scene::region_bounds;
use crate::geo::{Bounds, MapView, Point, Size};
use crate::i18n::{date_range, number, t, Key};
use crate::symbols::radius_for_killed;
use crate::url_state::MapState;
use clusters::{cluster_radius, ClusterCache, Clustered};
pub use draw::primary_pattern;
pub use legend::Legend;

/// Closest zoom: about 80 px per km (a few streets).
const MAX_SCALE: f64 = 80.0;
/// How far outside Syria the centre may wander, in km.
const PAN_MARGIN_KM: f64 = 250.0;
/// A press that moves less than this is a click, not a drag.
const CLICK_SLOP_PX: f64 = 5.0;
/// How long a preset or cluster zoom takes to fly, in ms.
const FLIGHT_MS: f64 = 450.0;
/// The most incidents a list of a spot's incidents shows.
const SPOT_LIST_MAX: usize = 40;

const REGIONS: [(Region, Key); 4] = [
    (Region::Syria, Key::RegionSyria),
    (Region::Badia, Key::RegionBadia),
    (Region::DeirEzZor, Key::RegionDeirEzZor),
    (Region::Damascus, Key::RegionDamascus),
];

/// Pointer state between events.
#[derive(Clone, Default)]
struct Gesture {
    /// Active pointers and their last positions (canvas px).
    pointers: HashMap<i32, (f64, f64)>,
    /// Where the press began, and whether it has become a drag.
    start: Option<(f64, f64)>,
    dragged: bool,
}

/// What is under the pointer.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Hit {
    Incident(u32),
    Cluster(usize),
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
    let home_region = query_param("region")
        .and_then(|r| Region::parse(&r))
        .or(atlas.dataset.meta.default_region)
        .unwrap_or(Region::Syria);
    let region = RwSignal::new(Some(home_region));
    let fit_region =
        move |r: Region, s: Size| MapView::fit(region_bounds(r, &projection), s, 10.0, MAX_SCALE);
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
    // Any direct manipulation ends a flight and leaves the preset.
    let flight = StoredValue::new(0u64);
    let set_view = move |v: MapView| {
        flight.update_value(|f| *f += 1);
        region.set(None);
        view.set(Some(clamp(v)));
    };
    let fly_to = move |to: MapView| {
        let to = clamp(to);
        let Some(from) = view.get_untracked() else {
            view.set(Some(to));
            return;
        };
        flight.update_value(|f| *f += 1);
        if prefers_reduced_motion() {
            view.set(Some(to));
            return;
        }
        fly(view, flight, flight.get_value(), from, to, now_ms());
    };

    // A view asked for from outside (the URL, back and forward).
    let view_for = move |state: MapState, s: Size| -> (MapView, Option<Region>) {
        match state {
            MapState::Region(r) => (fit_region(r, s), Some(r)),
            MapState::Centre { lon, lat, zoom } => (
                MapView {
                    center: projection.project(lon, lat),
                    scale: 2f64.powf(zoom),
                },
                None,
            ),
        }
    };
    // The first size known sets the home view; later resizes keep the view.
    Effect::new(move |_| {
        if let Some(s) = size.get() {
            if view.get_untracked().is_none() {
                match ui.map_request.get_untracked() {
                    Some(state) => {
                        let (v, r) = view_for(state, s);
                        region.set(r);
                        view.set(Some(clamp(v)));
                    }
                    None => view.set(Some(fit_region(home_region, s))),
                }
            }
        }
    });

    Effect::new(move |previous: Option<Option<MapState>>| {
        let request = ui.map_request.get();
        if previous.is_some() && request != previous.flatten() {
            if let (Some(state), Some(s)) = (request, size.get_untracked()) {
                let (v, r) = view_for(state, s);
                fly_to(v);
                region.set(r);
            }
        }
        request
    });
    // What the map shows, for the URL: a preset while it holds, else the
    // centre in degrees and the zoom as log2 of px per km.
    Effect::new(move |_| {
        let state = match (region.get(), view.get()) {
            (Some(r), _) => Some(MapState::Region(r)),
            (None, Some(v)) => {
                let (lon, lat) = projection.unproject(v.center);
                Some(MapState::centre(lon, lat, v.scale.log2()))
            }
            _ => None,
        };
        if ui.map_state.get_untracked() != state {
            ui.map_state.set(state);
        }
    });

    let cache = StoredValue::new(ClusterCache::default());
    let clustered = {
        let atlas = atlas.clone();
        move || -> Option<Arc<Clustered>> {
            let v = view.get_untracked()?;
            let shown = ui.shown.get_untracked();
            let filter = ui.filter.get_untracked();
            let id = shown.generation as usize;
            let mut out = None;
            cache.update_value(|c| {
                out = Some(
                    c.get(v.scale, id, &atlas.scene, &atlas.dataset, &filter, |i| {
                        shown.contains(i)
                    }),
                );
            });
            out
        }
    };

    // While the reader looks, the zoom levels next to the current one are
    // clustered in the background, one per timer tick, so that zooming
    // does not stall on a rebuild.
    let prefetch_levels = {
        let atlas = atlas.clone();
        move || {
            let Some(v) = view.get_untracked() else {
                return;
            };
            let shown = ui.shown.get_untracked();
            let id = shown.generation as usize;
            let level = level_for_scale(v.scale);
            let Some(next) = [level + 1, level - 1, level + 2, level - 2]
                .into_iter()
                .find(|l| !cache.with_value(|c| c.has(*l, id)))
            else {
                return;
            };
            let atlas = atlas.clone();
            set_timeout(
                move || {
                    let shown = ui.shown.get_untracked();
                    if shown.generation as usize != id {
                        return;
                    }
                    let filter = ui.filter.get_untracked();
                    cache.update_value(|c| {
                        c.get_level(next, id, &atlas.scene, &atlas.dataset, &filter, |i| {
                            shown.contains(i)
                        });
                    });
                },
                std::time::Duration::from_millis(40),
            );
        }
    };
    let hovered_group = RwSignal::new(None::<usize>);
    let drawn = RwSignal::new(0usize);
    let pending = StoredValue::new(false);
    let painted_once = StoredValue::new(false);
    type BaseLayer = Option<([u64; 6], web_sys::HtmlCanvasElement)>;
    let base_layer: Rc<RefCell<BaseLayer>> = Rc::new(RefCell::new(None));
    let paint = {
        let atlas = atlas.clone();
        let clustered = clustered.clone();
        move || {
            let (Some(s), Some(v), Some(c)) = (
                size.get_untracked(),
                view.get_untracked(),
                canvas.get_untracked(),
            ) else {
                return;
            };
            let (Some(ctx), Some(clustered)) = (prepare(&c, s), clustered()) else {
                return;
            };
            let started = now_ms();
            let filter = ui.filter.get_untracked();
            let f = draw::Frame {
                atlas: &atlas,
                view: v,
                size: s,
                filter: &filter,
                selected: ui.selected.get_untracked(),
                hovered: ui.hovered.get_untracked(),
                hovered_group: hovered_group.get_untracked(),
                clustered: &clustered,
                lang: lang.0.get_untracked(),
            };
            // The basemap layer, redrawn only when the view or size moved.
            let key = [
                v.center.x.to_bits(),
                v.center.y.to_bits(),
                v.scale.to_bits(),
                s.width.to_bits(),
                s.height.to_bits(),
                window().device_pixel_ratio().to_bits(),
            ];
            let mut layer = base_layer.borrow_mut();
            if layer.as_ref().is_none_or(|(k, _)| *k != key) {
                let canvas = layer.take().map(|(_, c)| c).or_else(|| {
                    document()
                        .create_element("canvas")
                        .ok()
                        .and_then(|e| e.dyn_into::<web_sys::HtmlCanvasElement>().ok())
                });
                if let Some(canvas) = canvas {
                    if let Some(bctx) = prepare(&canvas, s) {
                        draw::draw_base(&bctx, &f);
                        *layer = Some((key, canvas));
                    }
                }
            }
            drawn.set(draw::draw(&ctx, &f, layer.as_ref().map(|(_, c)| c)));
            test_hooks::record_paint("map", now_ms() - started);
            if !painted_once.get_value() {
                painted_once.set_value(true);
                super::loader::mark("atlas:first-map-draw");
            }
            prefetch_levels();
        }
    };
    Effect::new(move |_| {
        size.track();
        view.track();
        ui.shown.track();
        ui.selected.track();
        ui.hovered.track();
        hovered_group.track();
        lang.0.track();
        request_paint(pending, &paint);
    });

    // Tests and hosts can ask where a mark is: the incident's own marker,
    // or the cluster that holds it.
    {
        let atlas = atlas.clone();
        let clustered = clustered.clone();
        test_hooks::register("map", move |id| {
            let i = atlas.dataset.incident_index(id)? as u32;
            let (s, v, c) = (
                size.get_untracked()?,
                view.get_untracked()?,
                canvas.get_untracked()?,
            );
            let cl = clustered()?;
            let g = cl.clustering.group_of(i)?;
            let group = &cl.clustering.groups[g];
            let at = if group.is_cluster() {
                group.at
            } else {
                let k = *cl.clustering.points(g).first()?;
                atlas.scene.points[k as usize].at
            };
            let (x, y) = v.to_screen(at, s);
            let rect = c.get_bounding_client_rect();
            Some((rect.left() + x, rect.top() + y))
        });
    }

    test_hooks::register_projector(move |lon, lat| {
        let (s, v, c) = (
            size.get_untracked()?,
            view.get_untracked()?,
            canvas.get_untracked()?,
        );
        let (x, y) = v.to_screen(projection.project(lon, lat), s);
        let rect = c.get_bounding_client_rect();
        Some((rect.left() + x, rect.top() + y))
    });

    let local = move |x: f64, y: f64| -> (f64, f64) {
        canvas.get_untracked().map_or((x, y), |c| {
            let r = c.get_bounding_client_rect();
            (x - r.left(), y - r.top())
        })
    };
    let hit = {
        let atlas = atlas.clone();
        let clustered = clustered.clone();
        move |at: (f64, f64)| -> Option<Hit> {
            let (s, v) = (size.get_untracked()?, view.get_untracked()?);
            let cl = clustered()?;
            let p = v.to_map(at.0, at.1, s);
            // Wide enough for the biggest cluster; then check the real radius.
            let reach = (cluster_radius(100_000) + 4.0) / v.scale;
            let g = cl.clustering.hit(p, reach)?;
            let group = &cl.clustering.groups[g];
            let (gx, gy) = v.to_screen(group.at, s);
            if group.is_cluster() {
                let r = cluster_radius(group.incident_count()) + 3.0;
                return ((gx - at.0).hypot(gy - at.1) <= r).then_some(Hit::Cluster(g));
            }
            let shown = ui.shown.get_untracked();
            let max_r = radius_for_killed(Some(100), draw::MARKER_BASE) + 4.0;
            atlas
                .scene
                .hit(&v, s, at, max_r, |i| shown.contains(i))
                .map(Hit::Incident)
        }
    };
    let set_hover = move |h: Option<Hit>| {
        let (inc, grp) = match h {
            Some(Hit::Incident(i)) => (Some(i), None),
            Some(Hit::Cluster(g)) => (None, Some(g)),
            None => (None, None),
        };
        if ui.hovered.get_untracked() != inc {
            ui.hovered.set(inc);
        }
        if hovered_group.get_untracked() != grp {
            hovered_group.set(grp);
        }
    };

    // A list of the incidents at one spot, when zooming cannot split them.
    let spot = RwSignal::new(None::<(usize, (f64, f64))>);
    let open_hit = {
        let clustered = clustered.clone();
        move |h: Option<Hit>, at: (f64, f64)| {
            spot.set(None);
            match h {
                None => ui.selected.set(None),
                Some(Hit::Incident(i)) => ui.selected.set(Some(i)),
                Some(Hit::Cluster(g)) => {
                    let (Some(s), Some(v), Some(cl)) =
                        (size.get_untracked(), view.get_untracked(), clustered())
                    else {
                        return;
                    };
                    let b = cl.clustering.groups[g].bounds;
                    let spread_px = (b.max.x - b.min.x).max(b.max.y - b.min.y) * MAX_SCALE;
                    if spread_px < ClusterOptions::default().coincident_px
                        || v.scale >= MAX_SCALE * 0.99
                    {
                        spot.set(Some((g, at)));
                    } else {
                        let target = MapView::fit(b, s, 60.0, MAX_SCALE);
                        let scale = target.scale.max(v.scale * 2.0).min(MAX_SCALE);
                        fly_to(MapView {
                            center: b.center(),
                            scale,
                        });
                    }
                }
            }
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
                    set_hover(hit_for_move(at));
                }
            }
        }
    };
    let hit_for_up = hit.clone();
    let open_for_up = open_hit.clone();
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
            open_for_up(hit_for_up(at), at);
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
            set_hover(None);
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
    let show_region = move |r: Region| {
        if let Some(s) = size.get_untracked() {
            fly_to(fit_region(r, s));
            region.set(Some(r));
        }
    };
    let on_keydown = move |e: KeyboardEvent| {
        let Some(v) = view.get_untracked() else {
            return;
        };
        let step = 80.0;
        match e.key().as_str() {
            "ArrowLeft" => set_view(v.panned(step, 0.0)),
            "ArrowRight" => set_view(v.panned(-step, 0.0)),
            "ArrowUp" => set_view(v.panned(0.0, step)),
            "ArrowDown" => set_view(v.panned(0.0, -step)),
            "+" | "=" => zoom_by(1.5),
            "-" | "_" => zoom_by(1.0 / 1.5),
            "0" | "Home" => show_region(home_region),
            "Escape" => {
                spot.set(None);
                ui.selected.set(None);
            }
            _ => return,
        }
        e.prevent_default();
    };

    let tooltip = {
        let atlas = atlas.clone();
        let clustered = clustered.clone();
        move || {
            let (s, v) = (size.get()?, view.get()?);
            let l = lang.get();
            if let Some(g) = hovered_group.get() {
                let cl = clustered()?;
                let group = cl.clustering.groups.get(g)?;
                let (x, y) = v.to_screen(group.at, s);
                let r = cluster_radius(group.incident_count());
                return Some(view! {
                    <div class="map-tooltip" role="tooltip" style:left=format!("{x:.0}px") style:top=format!("{:.0}px", y - r)>
                        <strong>{format!("{} {}", number(l, group.incident_count() as u64), t(l, Key::IncidentsHere))}</strong>
                        <span>{t(l, Key::ClusterHint)}</span>
                    </div>
                }
                .into_any());
            }
            let i = ui.hovered.get()?;
            let inc = atlas.dataset.incidents.get(i as usize)?;
            let p = atlas.scene.first_point_of(i)?;
            let (x, y) = v.to_screen(p.at, s);
            let title = inc.title.pick(l).to_owned();
            let when = date_range(l, inc.when.start, inc.when.end, false);
            Some(view! {
                <div class="map-tooltip" role="tooltip" style:left=format!("{x:.0}px") style:top=format!("{:.0}px", y - 8.0)>
                    <strong>{title}</strong>
                    <span>{when}</span>
                </div>
            }
            .into_any())
        }
    };

    let spot_list = {
        let atlas = atlas.clone();
        let clustered = clustered.clone();
        move || {
            let (g, (x, y)) = spot.get()?;
            let cl = clustered()?;
            let group = cl.clustering.groups.get(g)?;
            let l = lang.get();
            let more = group.incident_count().saturating_sub(SPOT_LIST_MAX);
            let items = cl
                .clustering
                .incidents(g)
                .iter()
                .take(SPOT_LIST_MAX)
                .filter_map(|&i| {
                    let inc = atlas.dataset.incidents.get(i as usize)?;
                    let title = inc.title.pick(l).to_owned();
                    let when = date_range(l, inc.when.start, inc.when.end, false);
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
                        <strong>{format!("{} {}", number(l, group.incident_count() as u64), t(l, Key::IncidentsHere))}</strong>
                        <button class="close" aria-label=t(l, Key::Close) on:click=move |_| spot.set(None)>"×"</button>
                    </div>
                    <ul>{items}</ul>
                    {(more > 0).then(|| view! { <p class="muted">"+" {number(l, more as u64)} " " {t(l, Key::AndMore)}</p> })}
                </div>
            })
        }
    };

    let presets = REGIONS
        .iter()
        .map(|&(r, key)| {
            view! {
                <button
                    class="preset"
                    data-region=r.id()
                    aria-pressed=move || if region.get() == Some(r) { "true" } else { "false" }
                    on:click=move |_| show_region(r)
                >
                    {move || t(lang.get(), key)}
                </button>
            }
        })
        .collect_view();

    let governorates = atlas.basemap.as_ref().map_or(0, |b| b.governorates.len());
    let occupied = atlas
        .basemap
        .as_ref()
        .map(|b| {
            b.occupied
                .iter()
                .map(|o| o.id.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default();
    view! {
        <section class="panel map-panel" aria-labelledby="map-heading">
            <h2 id="map-heading" class="visually-hidden">{move || t(lang.get(), Key::Map)}</h2>
            <div class="map-frame" node_ref=frame>
                <canvas
                    node_ref=canvas
                    class="map-canvas"
                    tabindex="0"
                    role="img"
                    aria-label=move || format!("{}. {}", t(lang.get(), Key::MapLabel), t(lang.get(), Key::MapKeys))
                    data-drawn=move || drawn.get()
                    data-governorates=governorates
                    data-occupied=occupied
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
                {spot_list}
                <div class="map-presets" role="group" aria-label=move || t(lang.get(), Key::Regions)>{presets}</div>
                <div class="map-controls">
                    <button class="map-button" aria-label=move || t(lang.get(), Key::ZoomIn) title=move || t(lang.get(), Key::ZoomIn) on:click=move |_| zoom_by(1.5)>"+"</button>
                    <button class="map-button" aria-label=move || t(lang.get(), Key::ZoomOut) title=move || t(lang.get(), Key::ZoomOut) on:click=move |_| zoom_by(1.0 / 1.5)>"−"</button>
                    <button class="map-button" aria-label=move || t(lang.get(), Key::ResetView) title=move || t(lang.get(), Key::ResetView) on:click=move |_| show_region(home_region)>"⟲"</button>
                </div>
                <scale_bar::ScaleBar scale=Signal::derive(move || view.get().map(|v| v.scale))/>
                <p class="map-attribution">{move || t(lang.get(), Key::MapAttribution)}</p>
            </div>
        </section>
    }
}

fn now_ms() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// One step of a flight from `from` to `to`, rescheduling itself until it
/// lands or a newer flight (or a direct manipulation) replaces it.
fn fly(
    view: RwSignal<Option<MapView>>,
    flight: StoredValue<u64>,
    id: u64,
    from: MapView,
    to: MapView,
    start: f64,
) {
    request_animation_frame(move || {
        if flight.get_value() != id {
            return;
        }
        let t = ((now_ms() - start) / FLIGHT_MS).clamp(0.0, 1.0);
        // Ease in and out (smoothstep).
        let eased = t * t * (3.0 - 2.0 * t);
        view.set(Some(from.interpolate(&to, eased)));
        if t < 1.0 {
            fly(view, flight, id, from, to, start);
        }
    });
}
