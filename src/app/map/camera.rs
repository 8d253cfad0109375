//! What the map looks at: the view (a [`MapView`] memo), the region preset
//! while it holds, and flights between views. Gestures replace the view
//! at once ([`Camera::set_view`]); presets and clusters fly
//! ([`Camera::fly_to`]), frame by frame, along [`Flight::view_at`].

use leptos::prelude::*;

use super::super::behaviours::reduced_motion::prefers_reduced_motion;
use crate::dataset::Region;
use crate::geo::fly::Flight;
use crate::geo::gesture::ViewLimits;
use crate::geo::region::union;
use crate::geo::scene::region_bounds;
use crate::geo::{Bounds, Lcc, MapView, Size};
use crate::url_state::MapState;

/// Closest zoom: about 80 px per km (a few streets).
pub const MAX_SCALE: f64 = 80.0;
/// How far outside Syria the centre may wander, in km.
const PAN_MARGIN_KM: f64 = 250.0;
/// Room around a fitted region, in px.
const FIT_PADDING_PX: f64 = 10.0;

#[derive(Clone, Copy)]
pub struct Camera {
    /// The view a gesture or a flight put the map in; `None` until then,
    /// when the view is the first one fitted to the current size.
    placed: RwSignal<Option<MapView>>,
    /// The preset the map shows, until a gesture leaves it.
    pub region: RwSignal<Option<Region>>,
    /// The flight under way, numbered so that its frames stop once a newer
    /// flight or a gesture replaces it.
    flight: StoredValue<(u64, Option<Flight>)>,
    /// What the map shows; `None` until its size is known.
    pub view: Memo<Option<MapView>>,
    /// How far the view may go at the current size.
    pub limits: Memo<Option<ViewLimits>>,
    /// Where `0` and ⟲ go back to: a region, or the data's box when the
    /// map fits the data (an import; places outside the home region).
    pub home: Region,
    home_extent: Option<Bounds>,
    size: ReadSignal<Option<Size>>,
    projection: Lcc,
}

impl Camera {
    /// A camera first showing `initial` (the URL's view), else
    /// `home_extent` when given, else `home`.
    pub fn new(
        projection: Lcc,
        size: ReadSignal<Option<Size>>,
        home: Region,
        home_extent: Option<Bounds>,
        initial: Option<MapState>,
    ) -> Camera {
        let placed = RwSignal::new(None::<MapView>);
        let fit_data = initial.is_none() && home_extent.is_some();
        let initial = initial.unwrap_or(MapState::Region(home));
        let region = RwSignal::new(match initial {
            MapState::Region(r) if !fit_data => Some(r),
            _ => None,
        });
        let syria = region_bounds(Region::Syria, &projection);
        // The view may go wherever the data is, not only around Syria.
        let area = home_extent.map_or(syria, |b| union(syria, b));
        let limits = Memo::new(move |_| {
            size.get()
                .map(|s| ViewLimits::around(area, PAN_MARGIN_KM, s, MAX_SCALE))
        });
        // Until placed, the initial view follows the size: a preset (or
        // the data's box) stays fitted while the page lays out.
        let view = Memo::new(move |_| {
            placed.get().or_else(|| {
                let (s, l) = (size.get()?, limits.get()?);
                let v = match home_extent.filter(|_| fit_data) {
                    Some(b) => MapView::fit(b, s, FIT_PADDING_PX, MAX_SCALE),
                    None => view_of(initial, s, &projection),
                };
                Some(l.clamp(v))
            })
        });
        Camera {
            placed,
            region,
            flight: StoredValue::new((0, None)),
            view,
            limits,
            home,
            home_extent,
            size,
            projection,
        }
    }

    /// Flies home (`0`, ⟲): to the data's box when the map fits the data,
    /// else to the home region.
    pub fn show_home(&self) {
        match (self.home_extent, self.size.get_untracked()) {
            (Some(b), Some(s)) => self.fly_to(MapView::fit(b, s, FIT_PADDING_PX, MAX_SCALE), None),
            (Some(_), None) => {}
            (None, _) => self.show_region(self.home),
        }
    }

    fn clamp(&self, v: MapView) -> MapView {
        self.limits.get_untracked().map_or(v, |l| l.clamp(v))
    }

    /// A view the reader moved to: it ends any flight and leaves the preset.
    pub fn set_view(&self, v: MapView) {
        self.flight.update_value(|(id, f)| {
            *id += 1;
            *f = None;
        });
        self.region.set(None);
        self.placed.set(Some(self.clamp(v)));
    }

    /// Flies to `to`, showing `region` (a preset, or `None`) from now on.
    pub fn fly_to(&self, to: MapView, region: Option<Region>) {
        let to = self.clamp(to);
        self.region.set(region);
        let Some(from) = self.view.get_untracked() else {
            self.placed.set(Some(to));
            return;
        };
        let flight = Flight::new(from, to, now_ms(), prefers_reduced_motion());
        let mut id = 0;
        self.flight.update_value(|(n, f)| {
            *n += 1;
            id = *n;
            *f = Some(flight);
        });
        self.fly_frame(id);
    }

    /// Shows one frame of flight `id` and asks for the next until it lands.
    fn fly_frame(self, id: u64) {
        let Some(flight) = self
            .flight
            .with_value(|(n, f)| if *n == id { *f } else { None })
        else {
            return;
        };
        let now = now_ms();
        self.placed.set(Some(flight.view_at(now)));
        if !flight.landed(now) {
            request_animation_frame(move || self.fly_frame(id));
        }
    }

    /// Flies to a region preset.
    pub fn show_region(&self, r: Region) {
        if let Some(s) = self.size.get_untracked() {
            self.fly_to(view_of(MapState::Region(r), s, &self.projection), Some(r));
        }
    }

    /// Flies to a view asked for from outside (the URL, back and forward).
    pub fn show_state(&self, state: MapState) {
        let Some(s) = self.size.get_untracked() else {
            return;
        };
        let region = match state {
            MapState::Region(r) => Some(r),
            MapState::Centre { .. } => None,
        };
        self.fly_to(view_of(state, s, &self.projection), region);
    }

    /// What the map shows, as the URL says it: the preset while it holds,
    /// else the centre in degrees and the zoom as log2 of px per km.
    pub fn state(&self) -> Option<MapState> {
        match (self.region.get(), self.view.get()) {
            (Some(r), _) => Some(MapState::Region(r)),
            (None, Some(v)) => {
                let (lon, lat) = self.projection.unproject(v.center);
                Some(MapState::centre(lon, lat, v.scale.log2()))
            }
            (None, None) => None,
        }
    }
}

/// The view a map state asks for at `size`.
fn view_of(state: MapState, size: Size, projection: &Lcc) -> MapView {
    match state {
        MapState::Region(r) => MapView::fit(
            region_bounds(r, projection),
            size,
            FIT_PADDING_PX,
            MAX_SCALE,
        ),
        MapState::Centre { lon, lat, zoom } => MapView {
            center: projection.project(lon, lat),
            scale: 2f64.powf(zoom),
        },
    }
}

pub fn now_ms() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}
