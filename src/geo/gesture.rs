//! The map's gestures as a state machine, in the spirit of d3-zoom and of
//! [`crate::time::brush`]: pointer, wheel and key events in CSS pixels go
//! in, and out come the next [`Gesture`] and what the event meant: a new
//! [`MapView`] (always within the [`ViewLimits`]), a click, a hover. No DOM:
//! the map panel only translates browser events into [`Input`]s.
//!
//! One pointer pressed and moved past [`CLICK_SLOP_PX`] pans; a second
//! pointer turns it into a pinch (zoom about the fingers' midpoint, which
//! follows them); lifting one finger of a pinch goes back to panning with
//! the other. A press released without moving is a click. A cancelled
//! pointer (the browser took the touch over) ends the gesture.

use super::projection::Point;
use super::view::{Bounds, MapView, Size};

/// A press that moves less than this (px) is a click, not a drag.
pub const CLICK_SLOP_PX: f64 = 5.0;
/// How far an arrow key pans, in px.
pub const KEY_PAN_PX: f64 = 80.0;
/// How much `+`, `-` and the zoom buttons zoom.
pub const STEP_ZOOM: f64 = 1.5;

/// A position on the map's canvas in CSS px from its top-left corner.
pub type Px = (f64, f64);

/// Which pointer an event is about (the browser's pointer id).
pub type PointerId = i32;

/// How far the view may go: the centre stays in `centre`, the scale (px
/// per km) in `[min_scale, max_scale]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewLimits {
    pub centre: Bounds,
    pub min_scale: f64,
    pub max_scale: f64,
}

impl ViewLimits {
    /// The limits for a map of `area` shown at `size`: the centre may
    /// wander `margin_km` outside it, and zooming out stops a little past
    /// the whole area (at 0.6 of the scale that fits it).
    pub fn around(area: Bounds, margin_km: f64, size: Size, max_scale: f64) -> ViewLimits {
        ViewLimits {
            centre: Bounds {
                min: Point::new(area.min.x - margin_km, area.min.y - margin_km),
                max: Point::new(area.max.x + margin_km, area.max.y + margin_km),
            },
            min_scale: MapView::fit(area, size, 10.0, max_scale).scale * 0.6,
            max_scale,
        }
    }

    /// `view` brought within the limits.
    pub fn clamp(&self, view: MapView) -> MapView {
        view.clamped(self.centre, self.min_scale, self.max_scale)
    }
}

/// The keys the map answers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapKey {
    /// The arrows: the map moves the way the arrow points at what is
    /// beyond that edge (Left shows more of the west).
    Left,
    Right,
    Up,
    Down,
    ZoomIn,
    ZoomOut,
    /// Back to the home view.
    Home,
    /// Close what is open (the spot list, the selection).
    Dismiss,
}

impl MapKey {
    /// The key for a `KeyboardEvent.key` value, if the map uses it.
    pub fn from_key(key: &str) -> Option<MapKey> {
        Some(match key {
            "ArrowLeft" => MapKey::Left,
            "ArrowRight" => MapKey::Right,
            "ArrowUp" => MapKey::Up,
            "ArrowDown" => MapKey::Down,
            "+" | "=" => MapKey::ZoomIn,
            "-" | "_" => MapKey::ZoomOut,
            "0" | "Home" => MapKey::Home,
            "Escape" => MapKey::Dismiss,
            _ => return None,
        })
    }
}

/// One event, in canvas px.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Input {
    Down {
        pointer: PointerId,
        at: Px,
    },
    Move {
        pointer: PointerId,
        at: Px,
    },
    Up {
        pointer: PointerId,
        at: Px,
    },
    Cancel {
        pointer: PointerId,
    },
    /// The pointer left the canvas.
    Leave,
    /// A wheel turn of `delta_px` (positive: towards the reader, zooms
    /// out; see [`wheel_delta_px`]) with the cursor at `at`.
    Wheel {
        delta_px: f64,
        at: Px,
    },
    /// A double click; with Shift it zooms out.
    DoubleClick {
        at: Px,
        zoom_out: bool,
    },
    Key(MapKey),
    /// A zoom button: zoom by `factor` about the centre.
    ZoomBy(f64),
}

/// What an event means for the map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Outcome {
    Nothing,
    /// The reader moved the map to this view (already within limits).
    View(MapView),
    /// A press released where it began.
    Click(Px),
    /// A free pointer (no button down) is over this position.
    Hover(Px),
    /// The pointer is no longer over the map.
    Unhover,
    Home,
    Dismiss,
}

/// The pointers pressed on the map and what they are doing.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Gesture {
    #[default]
    Idle,
    /// One pointer down, not yet moved past the click slop.
    Pressed { pointer: PointerId, start: Px },
    /// One pointer dragging the map.
    Panning { pointer: PointerId, last: Px },
    /// Two pointers; further pointers are ignored.
    Pinching {
        a: (PointerId, Px),
        b: (PointerId, Px),
    },
}

impl Gesture {
    /// Whether any pointer is pressed (a hover then means nothing).
    pub fn is_active(&self) -> bool {
        *self != Gesture::Idle
    }

    /// The gesture after `input`, and what `input` did to `view` (shown at
    /// `size`, kept within `limits`).
    pub fn on(
        self,
        input: Input,
        view: MapView,
        size: Size,
        limits: &ViewLimits,
    ) -> (Gesture, Outcome) {
        let moved = |v: MapView| Outcome::View(limits.clamp(v));
        let centre = (size.width / 2.0, size.height / 2.0);
        match (self, input) {
            (Gesture::Idle, Input::Down { pointer, at }) => {
                (Gesture::Pressed { pointer, start: at }, Outcome::Nothing)
            }
            (Gesture::Pressed { pointer, start }, Input::Down { pointer: p, at })
                if p != pointer =>
            {
                (
                    Gesture::Pinching {
                        a: (pointer, start),
                        b: (p, at),
                    },
                    Outcome::Nothing,
                )
            }
            (Gesture::Panning { pointer, last }, Input::Down { pointer: p, at })
                if p != pointer =>
            {
                (
                    Gesture::Pinching {
                        a: (pointer, last),
                        b: (p, at),
                    },
                    Outcome::Nothing,
                )
            }
            (Gesture::Idle, Input::Move { at, .. }) => (self, Outcome::Hover(at)),
            (Gesture::Pressed { pointer, start }, Input::Move { pointer: p, at })
                if p == pointer =>
            {
                if distance(start, at) > CLICK_SLOP_PX {
                    // Pan by the whole way from the press, so that the point
                    // pressed stays under the pointer.
                    (
                        Gesture::Panning { pointer, last: at },
                        moved(view.panned(at.0 - start.0, at.1 - start.1)),
                    )
                } else {
                    (self, Outcome::Nothing)
                }
            }
            (Gesture::Panning { pointer, last }, Input::Move { pointer: p, at })
                if p == pointer =>
            {
                (
                    Gesture::Panning { pointer, last: at },
                    moved(view.panned(at.0 - last.0, at.1 - last.1)),
                )
            }
            (Gesture::Pinching { a, b }, Input::Move { pointer, at }) => {
                let (moving, fixed, a_moves) = if pointer == a.0 {
                    (a, b, true)
                } else if pointer == b.0 {
                    (b, a, false)
                } else {
                    return (self, Outcome::Nothing);
                };
                let next = pinched(view, size, moving.1, at, fixed.1);
                let gesture = if a_moves {
                    Gesture::Pinching { a: (a.0, at), b }
                } else {
                    Gesture::Pinching { a, b: (b.0, at) }
                };
                (gesture, moved(next))
            }
            (Gesture::Pressed { pointer, .. }, Input::Up { pointer: p, at }) if p == pointer => {
                (Gesture::Idle, Outcome::Click(at))
            }
            (Gesture::Panning { pointer, .. }, Input::Up { pointer: p, .. }) if p == pointer => {
                (Gesture::Idle, Outcome::Nothing)
            }
            // Lifting one finger of a pinch leaves the other panning (it is
            // never a click: the gesture has been a pinch).
            (Gesture::Pinching { a, b }, Input::Up { pointer, .. })
                if pointer == a.0 || pointer == b.0 =>
            {
                let (id, last) = if pointer == a.0 { b } else { a };
                (Gesture::Panning { pointer: id, last }, Outcome::Nothing)
            }
            (_, Input::Cancel { pointer }) if self.holds(pointer) => {
                (Gesture::Idle, Outcome::Nothing)
            }
            (Gesture::Idle, Input::Leave) => (self, Outcome::Unhover),
            (_, Input::Wheel { delta_px, at }) => (
                self,
                moved(view.zoomed_at(wheel_factor(delta_px), at.0, at.1, size)),
            ),
            (_, Input::DoubleClick { at, zoom_out }) => {
                let factor = if zoom_out { 0.5 } else { 2.0 };
                (self, moved(view.zoomed_at(factor, at.0, at.1, size)))
            }
            (_, Input::ZoomBy(factor)) => (
                self,
                moved(view.zoomed_at(factor, centre.0, centre.1, size)),
            ),
            (_, Input::Key(key)) => {
                let outcome = match key {
                    MapKey::Left => moved(view.panned(KEY_PAN_PX, 0.0)),
                    MapKey::Right => moved(view.panned(-KEY_PAN_PX, 0.0)),
                    MapKey::Up => moved(view.panned(0.0, KEY_PAN_PX)),
                    MapKey::Down => moved(view.panned(0.0, -KEY_PAN_PX)),
                    MapKey::ZoomIn => moved(view.zoomed_at(STEP_ZOOM, centre.0, centre.1, size)),
                    MapKey::ZoomOut => {
                        moved(view.zoomed_at(1.0 / STEP_ZOOM, centre.0, centre.1, size))
                    }
                    MapKey::Home => Outcome::Home,
                    MapKey::Dismiss => Outcome::Dismiss,
                };
                (self, outcome)
            }
            _ => (self, Outcome::Nothing),
        }
    }

    /// Whether `pointer` takes part in the gesture.
    fn holds(&self, pointer: PointerId) -> bool {
        match *self {
            Gesture::Idle => false,
            Gesture::Pressed { pointer: p, .. } | Gesture::Panning { pointer: p, .. } => {
                p == pointer
            }
            Gesture::Pinching { a, b } => a.0 == pointer || b.0 == pointer,
        }
    }
}

fn distance(a: Px, b: Px) -> f64 {
    (a.0 - b.0).hypot(a.1 - b.1)
}

/// One finger of a pinch moved from `from` to `to` while the other stays
/// at `fixed`: zoom by the change in their distance about the old
/// midpoint, then follow the midpoint. The map points under both fingers
/// stay under them.
fn pinched(view: MapView, size: Size, from: Px, to: Px, fixed: Px) -> MapView {
    // Fingers a pixel apart or closer give no usable ratio.
    let factor = distance(to, fixed).max(1.0) / distance(from, fixed).max(1.0);
    let mid0 = ((from.0 + fixed.0) / 2.0, (from.1 + fixed.1) / 2.0);
    let mid1 = ((to.0 + fixed.0) / 2.0, (to.1 + fixed.1) / 2.0);
    view.zoomed_at(factor, mid0.0, mid0.1, size)
        .panned(mid1.0 - mid0.0, mid1.1 - mid0.1)
}

/// A wheel event's `deltaY` in px: lines and pages (`deltaMode` 1 and 2)
/// scroll further than pixels.
pub fn wheel_delta_px(delta_y: f64, delta_mode: u32) -> f64 {
    let unit = match delta_mode {
        1 => 16.0,
        2 => 400.0,
        _ => 1.0,
    };
    delta_y * unit
}

/// The zoom factor for a wheel turn of `delta_px`: exponential, so that
/// turning back undoes it, and at most ×4 per event whatever the device.
pub fn wheel_factor(delta_px: f64) -> f64 {
    let exponent = -delta_px * 0.002;
    if exponent.is_nan() {
        return 1.0;
    }
    exponent.clamp(-4f64.ln(), 4f64.ln()).exp()
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
            center: Point::new(100.0, 200.0),
            scale: 2.0,
        }
    }

    fn limits() -> ViewLimits {
        ViewLimits {
            centre: Bounds {
                min: Point::new(-1000.0, -1000.0),
                max: Point::new(1000.0, 1000.0),
            },
            min_scale: 0.5,
            max_scale: 80.0,
        }
    }

    /// Feeds events one by one, as the panel does, keeping the view.
    fn run(inputs: &[Input]) -> (Gesture, MapView, Vec<Outcome>) {
        let (mut g, mut v) = (Gesture::Idle, view());
        let mut outcomes = Vec::new();
        for &input in inputs {
            let (next, outcome) = g.on(input, v, SIZE, &limits());
            if let Outcome::View(w) = outcome {
                v = w;
            }
            g = next;
            outcomes.push(outcome);
        }
        (g, v, outcomes)
    }

    fn close(a: Point, b: Point) -> bool {
        (a.x - b.x).abs() < 1e-9 && (a.y - b.y).abs() < 1e-9
    }

    #[test]
    fn a_drag_moves_the_point_under_the_pointer_with_it() {
        let pressed = view().to_map(300.0, 250.0, SIZE);
        let (g, v, _) = run(&[
            Input::Down {
                pointer: 1,
                at: (300.0, 250.0),
            },
            Input::Move {
                pointer: 1,
                at: (303.0, 251.0),
            },
            Input::Move {
                pointer: 1,
                at: (340.0, 230.0),
            },
            Input::Move {
                pointer: 1,
                at: (420.0, 190.0),
            },
        ]);
        assert!(matches!(g, Gesture::Panning { pointer: 1, .. }));
        assert!(close(v.to_map(420.0, 190.0, SIZE), pressed));
        let (g, _, outcomes) = run(&[
            Input::Down {
                pointer: 1,
                at: (300.0, 250.0),
            },
            Input::Move {
                pointer: 1,
                at: (420.0, 190.0),
            },
            Input::Up {
                pointer: 1,
                at: (420.0, 190.0),
            },
        ]);
        assert_eq!(g, Gesture::Idle);
        assert!(
            !outcomes.iter().any(|o| matches!(o, Outcome::Click(_))),
            "a drag is no click"
        );
    }

    #[test]
    fn a_press_within_the_slop_is_a_click_and_leaves_the_view() {
        let (g, v, outcomes) = run(&[
            Input::Down {
                pointer: 1,
                at: (300.0, 250.0),
            },
            Input::Move {
                pointer: 1,
                at: (302.0, 252.0),
            },
            Input::Up {
                pointer: 1,
                at: (302.0, 252.0),
            },
        ]);
        assert_eq!(g, Gesture::Idle);
        assert_eq!(v, view());
        assert_eq!(outcomes.last(), Some(&Outcome::Click((302.0, 252.0))));
    }

    #[test]
    fn a_pinch_keeps_the_midpoint_and_each_finger_on_its_point() {
        let under_mid = view().to_map(400.0, 300.0, SIZE);
        let under_a = view().to_map(300.0, 300.0, SIZE);
        let under_b = view().to_map(500.0, 300.0, SIZE);
        let (_, v, _) = run(&[
            Input::Down {
                pointer: 1,
                at: (300.0, 300.0),
            },
            Input::Down {
                pointer: 2,
                at: (500.0, 300.0),
            },
            Input::Move {
                pointer: 1,
                at: (200.0, 300.0),
            },
            Input::Move {
                pointer: 2,
                at: (600.0, 300.0),
            },
        ]);
        assert!(
            (v.scale - 4.0).abs() < 1e-9,
            "twice as far apart: twice the scale"
        );
        assert!(close(v.to_map(400.0, 300.0, SIZE), under_mid));
        assert!(close(v.to_map(200.0, 300.0, SIZE), under_a));
        assert!(close(v.to_map(600.0, 300.0, SIZE), under_b));
    }

    #[test]
    fn a_second_finger_mid_drag_switches_to_a_pinch_and_back() {
        let (g, _, _) = run(&[
            Input::Down {
                pointer: 1,
                at: (300.0, 300.0),
            },
            Input::Move {
                pointer: 1,
                at: (350.0, 300.0),
            },
            Input::Down {
                pointer: 2,
                at: (500.0, 300.0),
            },
        ]);
        assert_eq!(
            g,
            Gesture::Pinching {
                a: (1, (350.0, 300.0)),
                b: (2, (500.0, 300.0))
            }
        );
        // A third finger is ignored; lifting one of the two pans with the other.
        let (g, v, outcomes) = run(&[
            Input::Down {
                pointer: 1,
                at: (300.0, 300.0),
            },
            Input::Down {
                pointer: 2,
                at: (500.0, 300.0),
            },
            Input::Down {
                pointer: 3,
                at: (100.0, 100.0),
            },
            Input::Move {
                pointer: 3,
                at: (150.0, 100.0),
            },
            Input::Up {
                pointer: 1,
                at: (300.0, 300.0),
            },
        ]);
        assert_eq!(v, view());
        assert_eq!(
            g,
            Gesture::Panning {
                pointer: 2,
                last: (500.0, 300.0)
            }
        );
        let (g, _, more) = run(&[
            Input::Down {
                pointer: 1,
                at: (300.0, 300.0),
            },
            Input::Down {
                pointer: 2,
                at: (500.0, 300.0),
            },
            Input::Up {
                pointer: 1,
                at: (300.0, 300.0),
            },
            Input::Up {
                pointer: 2,
                at: (500.0, 300.0),
            },
        ]);
        assert_eq!(g, Gesture::Idle);
        assert!(!outcomes
            .iter()
            .chain(&more)
            .any(|o| matches!(o, Outcome::Click(_))));
    }

    #[test]
    fn a_cancelled_pointer_ends_the_gesture_without_a_click() {
        let (g, _, outcomes) = run(&[
            Input::Down {
                pointer: 1,
                at: (300.0, 300.0),
            },
            Input::Cancel { pointer: 1 },
            Input::Up {
                pointer: 1,
                at: (300.0, 300.0),
            },
        ]);
        assert_eq!(g, Gesture::Idle);
        assert!(!outcomes.iter().any(|o| matches!(o, Outcome::Click(_))));
        let (g, _, _) = run(&[
            Input::Down {
                pointer: 1,
                at: (300.0, 300.0),
            },
            Input::Down {
                pointer: 2,
                at: (500.0, 300.0),
            },
            Input::Cancel { pointer: 2 },
        ]);
        assert_eq!(g, Gesture::Idle);
        // Another pointer's cancel leaves a drag alone.
        let (g, _, _) = run(&[
            Input::Down {
                pointer: 1,
                at: (300.0, 300.0),
            },
            Input::Cancel { pointer: 7 },
        ]);
        assert!(matches!(g, Gesture::Pressed { pointer: 1, .. }));
    }

    #[test]
    fn the_wheel_zooms_about_the_cursor() {
        let at = (123.0, 456.0);
        let before = view().to_map(at.0, at.1, SIZE);
        let (_, v, _) = run(&[Input::Wheel {
            delta_px: -300.0,
            at,
        }]);
        assert!(v.scale > view().scale * 1.5);
        assert!(close(v.to_map(at.0, at.1, SIZE), before));
        let (_, out, _) = run(&[Input::Wheel {
            delta_px: 300.0,
            at,
        }]);
        assert!(out.scale < view().scale);
        assert_eq!(wheel_delta_px(3.0, 1), 48.0);
        assert_eq!(wheel_factor(f64::NAN), 1.0);
        assert!((wheel_factor(f64::NEG_INFINITY) - 4.0).abs() < 1e-9);
        assert!((wheel_factor(1e6) - 0.25).abs() < 1e-9);
    }

    #[test]
    fn zoom_is_clamped_to_the_limits() {
        let many_in = vec![
            Input::DoubleClick {
                at: (10.0, 10.0),
                zoom_out: false
            };
            20
        ];
        assert_eq!(run(&many_in).1.scale, 80.0);
        let many_out = vec![Input::Key(MapKey::ZoomOut); 20];
        assert_eq!(run(&many_out).1.scale, 0.5);
        let far = vec![Input::Key(MapKey::Left); 200];
        assert_eq!(run(&far).1.center.x, -1000.0);
    }

    #[test]
    fn limits_keep_the_area_in_reach() {
        let area = Bounds {
            min: Point::new(0.0, 0.0),
            max: Point::new(780.0, 580.0),
        };
        let l = ViewLimits::around(area, 50.0, SIZE, 80.0);
        assert_eq!(l.centre.min, Point::new(-50.0, -50.0));
        assert_eq!(l.centre.max, Point::new(830.0, 630.0));
        assert!((l.min_scale - 0.6).abs() < 1e-9, "{}", l.min_scale);
        assert_eq!(l.max_scale, 80.0);
    }

    #[test]
    fn keys_pan_zoom_and_ask_for_home() {
        let (_, v, _) = run(&[Input::Key(MapKey::Right)]);
        // Right shows more of the east: the centre moves east.
        assert!((v.center.x - (100.0 + KEY_PAN_PX / 2.0)).abs() < 1e-9);
        let (_, v, _) = run(&[Input::Key(MapKey::ZoomIn)]);
        assert_eq!(v.center, view().center);
        assert!((v.scale - 3.0).abs() < 1e-9);
        let (_, _, o) = run(&[Input::Key(MapKey::Home), Input::Key(MapKey::Dismiss)]);
        assert_eq!(o, vec![Outcome::Home, Outcome::Dismiss]);
        assert_eq!(MapKey::from_key("="), Some(MapKey::ZoomIn));
        assert_eq!(MapKey::from_key("a"), None);
    }

    #[test]
    fn a_free_pointer_hovers_and_leaving_unhovers() {
        let (_, _, o) = run(&[
            Input::Move {
                pointer: 1,
                at: (5.0, 6.0),
            },
            Input::Leave,
        ]);
        assert_eq!(o, vec![Outcome::Hover((5.0, 6.0)), Outcome::Unhover]);
        // While dragging, moving is not hovering and leaving keeps the drag.
        let (g, _, o) = run(&[
            Input::Down {
                pointer: 1,
                at: (5.0, 6.0),
            },
            Input::Move {
                pointer: 1,
                at: (6.0, 6.0),
            },
            Input::Leave,
        ]);
        assert!(g.is_active());
        assert_eq!(o[1..], [Outcome::Nothing, Outcome::Nothing]);
    }
}
