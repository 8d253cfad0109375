//! The map's view: which projected point is at the centre of the screen and
//! how many pixels a kilometre takes. A small immutable value, in the
//! spirit of d3-zoom's transform; drawing and input only read and replace it.

use super::projection::Point;

/// A screen size in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Size {
    pub width: f64,
    pub height: f64,
}

/// An axis-aligned box in projected km.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub min: Point,
    pub max: Point,
}

impl Bounds {
    /// The smallest box around some points, or `None` when there are none.
    pub fn around(points: impl IntoIterator<Item = Point>) -> Option<Bounds> {
        let mut it = points.into_iter();
        let first = it.next()?;
        Some(it.fold(
            Bounds {
                min: first,
                max: first,
            },
            |b, p| Bounds {
                min: Point::new(b.min.x.min(p.x), b.min.y.min(p.y)),
                max: Point::new(b.max.x.max(p.x), b.max.y.max(p.y)),
            },
        ))
    }

    pub fn center(&self) -> Point {
        Point::new(
            (self.min.x + self.max.x) / 2.0,
            (self.min.y + self.max.y) / 2.0,
        )
    }

    pub fn contains(&self, p: Point) -> bool {
        p.x >= self.min.x && p.x <= self.max.x && p.y >= self.min.y && p.y <= self.max.y
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapView {
    /// The projected point at the centre of the viewport.
    pub center: Point,
    /// Pixels per kilometre.
    pub scale: f64,
}

impl MapView {
    /// Screen position (CSS px from the top-left) of a projected point.
    pub fn to_screen(&self, p: Point, size: Size) -> (f64, f64) {
        (
            size.width / 2.0 + (p.x - self.center.x) * self.scale,
            size.height / 2.0 - (p.y - self.center.y) * self.scale,
        )
    }

    /// The projected point under a screen position.
    pub fn to_map(&self, sx: f64, sy: f64, size: Size) -> Point {
        Point::new(
            self.center.x + (sx - size.width / 2.0) / self.scale,
            self.center.y - (sy - size.height / 2.0) / self.scale,
        )
    }

    /// The view that shows `bounds` whole, with `padding` px on every side.
    /// A box of no size is shown at `max_scale`.
    pub fn fit(bounds: Bounds, size: Size, padding: f64, max_scale: f64) -> MapView {
        let w = (bounds.max.x - bounds.min.x).max(1e-9);
        let h = (bounds.max.y - bounds.min.y).max(1e-9);
        let avail_w = (size.width - 2.0 * padding).max(1.0);
        let avail_h = (size.height - 2.0 * padding).max(1.0);
        MapView {
            center: bounds.center(),
            scale: (avail_w / w).min(avail_h / h).min(max_scale),
        }
    }

    /// Moved by a drag of (dx, dy) px: the map follows the pointer.
    pub fn panned(&self, dx: f64, dy: f64) -> MapView {
        MapView {
            center: Point::new(
                self.center.x - dx / self.scale,
                self.center.y + dy / self.scale,
            ),
            scale: self.scale,
        }
    }

    /// Zoomed by `factor` about a screen point, which stays under the
    /// pointer (as d3-zoom does for the wheel).
    pub fn zoomed_at(&self, factor: f64, sx: f64, sy: f64, size: Size) -> MapView {
        let anchor = self.to_map(sx, sy, size);
        let scale = self.scale * factor;
        MapView {
            center: Point::new(
                anchor.x - (sx - size.width / 2.0) / scale,
                anchor.y + (sy - size.height / 2.0) / scale,
            ),
            scale,
        }
    }

    /// Kept within limits: the scale within `[min_scale, max_scale]` (the
    /// zoom is re-anchored on the centre), and the centre within `bounds`.
    pub fn clamped(&self, bounds: Bounds, min_scale: f64, max_scale: f64) -> MapView {
        MapView {
            center: Point::new(
                self.center.x.clamp(bounds.min.x, bounds.max.x),
                self.center.y.clamp(bounds.min.y, bounds.max.y),
            ),
            scale: self.scale.clamp(min_scale, max_scale),
        }
    }

    /// The projected box visible on screen.
    pub fn visible(&self, size: Size) -> Bounds {
        let a = self.to_map(0.0, size.height, size);
        let b = self.to_map(size.width, 0.0, size);
        Bounds { min: a, max: b }
    }

    /// A view part-way from `self` to `to` (t in 0..=1), zooming
    /// geometrically so that the motion feels even.
    pub fn interpolate(&self, to: &MapView, t: f64) -> MapView {
        let t = t.clamp(0.0, 1.0);
        MapView {
            center: Point::new(
                self.center.x + (to.center.x - self.center.x) * t,
                self.center.y + (to.center.y - self.center.y) * t,
            ),
            scale: self.scale * (to.scale / self.scale).powf(t),
        }
    }
}

/// Round distances a scale bar may show, in km.
const SCALE_BAR_KM: [f64; 12] = [
    0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0,
];

/// The longest round distance that fits in `max_px` at `scale` px per km,
/// with its length in px; `None` when even the shortest does not fit.
pub fn scale_bar_length(scale: f64, max_px: f64) -> Option<(f64, f64)> {
    SCALE_BAR_KM
        .iter()
        .rev()
        .map(|&km| (km, km * scale))
        .find(|&(_, px)| px <= max_px)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIZE: Size = Size {
        width: 800.0,
        height: 600.0,
    };

    fn view() -> MapView {
        MapView {
            center: Point::new(10.0, 20.0),
            scale: 2.0,
        }
    }

    #[test]
    fn screen_and_map_round_trip() {
        let v = view();
        assert_eq!(v.to_screen(v.center, SIZE), (400.0, 300.0));
        let p = Point::new(-35.0, 80.0);
        let (sx, sy) = v.to_screen(p, SIZE);
        let back = v.to_map(sx, sy, SIZE);
        assert!((back.x - p.x).abs() < 1e-9 && (back.y - p.y).abs() < 1e-9);
        // North is up: a point further north is higher on screen.
        assert!(v.to_screen(Point::new(10.0, 30.0), SIZE).1 < 300.0);
    }

    #[test]
    fn zoom_keeps_the_pointer_anchor() {
        let v = view();
        let before = v.to_map(123.0, 456.0, SIZE);
        let z = v.zoomed_at(3.0, 123.0, 456.0, SIZE);
        let after = z.to_map(123.0, 456.0, SIZE);
        assert!((before.x - after.x).abs() < 1e-9 && (before.y - after.y).abs() < 1e-9);
        assert_eq!(z.scale, 6.0);
    }

    #[test]
    fn pan_follows_the_pointer() {
        let v = view();
        let p = Point::new(0.0, 0.0);
        let (x0, y0) = v.to_screen(p, SIZE);
        let (x1, y1) = v.panned(30.0, -12.0).to_screen(p, SIZE);
        assert!((x1 - x0 - 30.0).abs() < 1e-9 && (y1 - y0 + 12.0).abs() < 1e-9);
    }

    #[test]
    fn fit_shows_the_whole_box() {
        let b = Bounds {
            min: Point::new(-100.0, -50.0),
            max: Point::new(300.0, 250.0),
        };
        let v = MapView::fit(b, SIZE, 20.0, 100.0);
        let vis = v.visible(SIZE);
        assert!(vis.contains(b.min) && vis.contains(b.max));
        // A single point fits at the maximum scale rather than infinity.
        let one = Bounds {
            min: Point::new(5.0, 5.0),
            max: Point::new(5.0, 5.0),
        };
        assert_eq!(MapView::fit(one, SIZE, 20.0, 40.0).scale, 40.0);
    }

    #[test]
    fn clamped_limits_scale_and_centre() {
        let b = Bounds {
            min: Point::new(0.0, 0.0),
            max: Point::new(10.0, 10.0),
        };
        let v = MapView {
            center: Point::new(50.0, -5.0),
            scale: 1000.0,
        }
        .clamped(b, 0.1, 20.0);
        assert_eq!(v.center, Point::new(10.0, 0.0));
        assert_eq!(v.scale, 20.0);
    }

    #[test]
    fn interpolation_ends_where_asked() {
        let a = view();
        let b = MapView {
            center: Point::new(-40.0, 0.0),
            scale: 8.0,
        };
        assert_eq!(a.interpolate(&b, 0.0), a);
        let end = a.interpolate(&b, 1.0);
        assert!((end.scale - 8.0).abs() < 1e-9 && (end.center.x + 40.0).abs() < 1e-9);
        assert!((a.interpolate(&b, 0.5).scale - 4.0).abs() < 1e-9);
    }

    #[test]
    fn bounds_of_nothing_is_none() {
        assert!(Bounds::around(std::iter::empty()).is_none());
    }

    #[test]
    fn scale_bar_picks_the_longest_round_distance_that_fits() {
        assert_eq!(scale_bar_length(1.0, 110.0), Some((100.0, 100.0)));
        assert_eq!(scale_bar_length(0.3, 110.0), Some((200.0, 60.0)));
        assert_eq!(scale_bar_length(40.0, 110.0), Some((2.0, 80.0)));
        assert_eq!(scale_bar_length(5000.0, 110.0), None);
    }
}
