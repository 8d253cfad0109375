//! Flying the map from one view to another (a region preset, a click on a
//! cluster) as a pure function of time, and where a click on a cluster
//! flies to. The panel only asks for the view at each animation frame.

use super::view::{Bounds, MapView, Size};

/// How long a flight takes, in ms.
pub const FLIGHT_MS: f64 = 450.0;

/// A flight from one view to another, started at a time in ms (any clock,
/// as long as [`Flight::view_at`] is asked with the same one).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Flight {
    from: MapView,
    to: MapView,
    start_ms: f64,
    duration_ms: f64,
}

impl Flight {
    /// A flight of [`FLIGHT_MS`]; with `reduced_motion` (the reader asked
    /// for less motion) it lands at once.
    pub fn new(from: MapView, to: MapView, start_ms: f64, reduced_motion: bool) -> Flight {
        Flight {
            from,
            to,
            start_ms,
            duration_ms: if reduced_motion { 0.0 } else { FLIGHT_MS },
        }
    }

    /// Where it lands.
    pub fn destination(&self) -> MapView {
        self.to
    }

    /// The view at `now_ms`: eased in and out, zooming geometrically
    /// ([`MapView::interpolate`]); the destination from the end on, the
    /// start before the start.
    pub fn view_at(&self, now_ms: f64) -> MapView {
        if self.landed(now_ms) {
            return self.to;
        }
        let t = ((now_ms - self.start_ms) / self.duration_ms).clamp(0.0, 1.0);
        self.from.interpolate(&self.to, smoothstep(t))
    }

    /// Whether the flight is over at `now_ms`.
    pub fn landed(&self, now_ms: f64) -> bool {
        // A NaN time counts as landed: a flight must end.
        let elapsed = now_ms - self.start_ms;
        elapsed.is_nan() || elapsed >= self.duration_ms
    }
}

/// Eases 0..=1 in and out.
fn smoothstep(t: f64) -> f64 {
    t * t * (3.0 - 2.0 * t)
}

/// Where a click on a cluster whose places span `bounds` flies: to fit
/// them (with room around), and at least twice closer than `view` so each
/// click makes progress, no closer than `max_scale`. `None` when its places
/// lie closer than `coincident_px` even at `max_scale`, or the view is
/// already there: zooming cannot split them, so the map lists them instead.
pub fn into_cluster(
    bounds: Bounds,
    view: MapView,
    size: Size,
    max_scale: f64,
    coincident_px: f64,
) -> Option<MapView> {
    let spread_px = (bounds.max.x - bounds.min.x).max(bounds.max.y - bounds.min.y) * max_scale;
    if spread_px < coincident_px || view.scale >= max_scale * 0.99 {
        return None;
    }
    let fitted = MapView::fit(bounds, size, 60.0, max_scale);
    Some(MapView {
        center: bounds.center(),
        scale: fitted.scale.max(view.scale * 2.0).min(max_scale),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::Point;

    const SIZE: Size = Size {
        width: 800.0,
        height: 600.0,
    };

    fn a() -> MapView {
        MapView {
            center: Point::new(0.0, 0.0),
            scale: 1.0,
        }
    }

    fn b() -> MapView {
        MapView {
            center: Point::new(100.0, -50.0),
            scale: 16.0,
        }
    }

    #[test]
    fn a_flight_goes_from_start_to_destination_and_stays() {
        let f = Flight::new(a(), b(), 1000.0, false);
        assert_eq!(f.view_at(900.0), a());
        assert_eq!(f.view_at(1000.0), a());
        assert!(!f.landed(1000.0 + FLIGHT_MS / 2.0));
        let mid = f.view_at(1000.0 + FLIGHT_MS / 2.0);
        // Half-way in time is half-way in log scale (eased symmetrically).
        assert!((mid.scale - 4.0).abs() < 1e-9, "{}", mid.scale);
        assert!((mid.center.x - 50.0).abs() < 1e-9);
        assert!(f.landed(1000.0 + FLIGHT_MS));
        assert_eq!(f.view_at(1000.0 + FLIGHT_MS), b());
        assert_eq!(f.view_at(1e12), b());
        assert_eq!(f.destination(), b());
    }

    #[test]
    fn it_eases_in_and_out() {
        let f = Flight::new(a(), b(), 0.0, false);
        let x = |t: f64| f.view_at(t * FLIGHT_MS).center.x;
        // Slower at the ends than in the middle.
        assert!(x(0.1) < 10.0 * 0.5 && x(0.6) - x(0.4) > 20.0 && 100.0 - x(0.9) < 5.0);
    }

    #[test]
    fn reduced_motion_jumps() {
        let f = Flight::new(a(), b(), 500.0, true);
        assert!(f.landed(500.0));
        assert_eq!(f.view_at(500.0), b());
        assert!(Flight::new(a(), b(), 0.0, false).landed(f64::NAN));
    }

    #[test]
    fn a_click_on_a_cluster_zooms_at_least_twice_closer_or_lists_it() {
        let spread = Bounds {
            min: Point::new(0.0, 0.0),
            max: Point::new(40.0, 30.0),
        };
        let v = into_cluster(spread, a(), SIZE, 80.0, 6.0).expect("can split");
        assert_eq!(v.center, Point::new(20.0, 15.0));
        assert!(v.visible(SIZE).contains(spread.min) && v.visible(SIZE).contains(spread.max));
        // Already closer than the fit: twice closer still.
        let close = MapView {
            center: Point::new(0.0, 0.0),
            scale: 30.0,
        };
        assert_eq!(
            into_cluster(spread, close, SIZE, 80.0, 6.0).map(|v| v.scale),
            Some(60.0)
        );
        // Places 10 m apart stay under 6 px even at 80 px per km: a list.
        let same = Bounds {
            min: Point::new(0.0, 0.0),
            max: Point::new(0.01, 0.0),
        };
        assert_eq!(into_cluster(same, a(), SIZE, 80.0, 6.0), None);
        let at_max = MapView { scale: 80.0, ..a() };
        assert_eq!(into_cluster(spread, at_max, SIZE, 80.0, 6.0), None);
    }
}
