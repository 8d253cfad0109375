//! The timeline's gestures as a pure state machine, in the spirit of
//! d3-zoom and d3-brush: pointer, wheel and key events in pixels go in;
//! new visible spans ("domains") and brushed time ranges come out.
//!
//! Every zoom and pan here is one operation: put a given instant at a
//! given pixel with a given span ([`place`]). Zooming keeps the instant
//! under the cursor, an axis drag keeps the instant under the pointer, a
//! pinch keeps the instant under the fingers' midpoint. Because the scale
//! owns its range, a right-to-left axis (Arabic) needs no special case.

use super::brush::BrushDrag;
use super::calendar::Seconds;
use super::scale::TimeScale;

/// How far (px) a press may wander and still count as a click.
pub const CLICK_SLOP_PX: f64 = 4.0;
/// How far (px) an arrow key moves the axis, as a share of its width.
pub const KEY_PAN_SHARE: f64 = 1.0 / 8.0;
/// The zoom factor of one `+`/`-` press or zoom button.
pub const KEY_ZOOM: f64 = 1.5;

/// A visible span of time, `(start, end)` in seconds.
pub type Domain = (f64, f64);

/// The spans a zoom may reach.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ZoomLimits {
    pub min_span: f64,
    pub max_span: f64,
}

impl ZoomLimits {
    /// From six hours (the finest ticks) to four times the whole dataset,
    /// whose span is `home`.
    pub fn around(home: Domain) -> ZoomLimits {
        let span = (home.1 - home.0).abs();
        ZoomLimits {
            min_span: 6.0 * 3600.0,
            max_span: (span * 4.0).max(6.0 * 3600.0),
        }
    }

    fn clamp(&self, span: f64) -> f64 {
        span.clamp(self.min_span, self.max_span)
    }
}

/// The domain of `span` seconds in which instant `t` sits at pixel `x` of
/// `scale`'s range. A degenerate range (zero width) keeps the domain.
pub fn place(scale: &TimeScale, t: f64, x: f64, span: f64) -> Domain {
    let (r0, r1) = scale.range();
    if r1 == r0 || !(t.is_finite() && x.is_finite() && span.is_finite()) {
        return scale.domain();
    }
    let share = (x - r0) / (r1 - r0);
    let start = t - share * span;
    (start, start + span)
}

fn span(scale: &TimeScale) -> f64 {
    let (d0, d1) = scale.domain();
    d1 - d0
}

/// Zooms by `factor` (above 1 magnifies) keeping the instant at pixel `x`
/// where it is; the span stays within `limits`.
pub fn zoom_around(scale: &TimeScale, factor: f64, x: f64, limits: ZoomLimits) -> Domain {
    if !(factor.is_finite() && factor > 0.0) {
        return scale.domain();
    }
    place(
        scale,
        scale.invert(x),
        x,
        limits.clamp(span(scale) / factor),
    )
}

/// Zooms by `factor` around the middle of the axis.
pub fn zoom_centre(scale: &TimeScale, factor: f64, limits: ZoomLimits) -> Domain {
    let (r0, r1) = scale.range();
    zoom_around(scale, factor, (r0 + r1) / 2.0, limits)
}

/// Drags the axis by `dx` px: the instant under the pointer moves with it.
pub fn pan(scale: &TimeScale, dx: f64) -> Domain {
    let (r0, _) = scale.range();
    place(scale, scale.invert(r0), r0 + dx, span(scale))
}

/// Two fingers went from `from` to `to` (each their distance apart and
/// their midpoint, px): the span scales with the distance and the instant
/// under the old midpoint ends up under the new one.
pub fn pinch(scale: &TimeScale, from: (f64, f64), to: (f64, f64), limits: ZoomLimits) -> Domain {
    let (d0, m0) = from;
    let (d1, m1) = to;
    let factor = d1.max(1.0) / d0.max(1.0);
    place(
        scale,
        scale.invert(m0),
        m1,
        limits.clamp(span(scale) / factor),
    )
}

/// A wheel turn at pixel `x`: a sideways scroll pans, a vertical one zooms
/// (scrolling up magnifies, at most 4× per event).
pub fn wheel(scale: &TimeScale, delta: (f64, f64), x: f64, limits: ZoomLimits) -> Domain {
    let (dx, dy) = delta;
    if dx.abs() > dy.abs() {
        pan(scale, -dx)
    } else {
        zoom_around(scale, (-dy * 0.002).exp().clamp(0.25, 4.0), x, limits)
    }
}

/// Zooming into a histogram bin `[start, end)`: centred on it, a quarter
/// of the span or two bins wide, whichever is wider.
pub fn zoom_into(scale: &TimeScale, bin: (Seconds, Seconds), limits: ZoomLimits) -> Domain {
    let (a, b) = (bin.0 as f64, bin.1 as f64);
    let wanted = (span(scale) / 4.0).max((b - a) * 2.0);
    let width = limits.clamp(wanted);
    let mid = (a + b) / 2.0;
    (mid - width / 2.0, mid + width / 2.0)
}

/// What a key does to the visible span, if anything. The arrows move the
/// axis towards the end they point to, so they follow the axis' direction:
/// in Arabic, where time runs right to left, → goes back in time.
pub fn key(key: &str, scale: &TimeScale, home: Domain, limits: ZoomLimits) -> Option<Domain> {
    let (r0, r1) = scale.range();
    let step = (r1 - r0).abs() * KEY_PAN_SHARE;
    match key {
        // Showing what lies to the left is dragging the axis rightwards.
        "ArrowLeft" => Some(pan(scale, step)),
        "ArrowRight" => Some(pan(scale, -step)),
        "+" | "=" => Some(zoom_centre(scale, KEY_ZOOM, limits)),
        "-" | "_" => Some(zoom_centre(scale, 1.0 / KEY_ZOOM, limits)),
        "0" | "Home" => Some(home),
        _ => None,
    }
}

/// Where the gestures happen: the time scale as drawn, the canvas' width
/// and the top of the axis band (a press below it pans, above it brushes).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub scale: TimeScale,
    pub width: f64,
    pub axis_y: f64,
}

/// What a pointer event asks of the timeline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Outcome {
    /// Nothing to change.
    Nothing,
    /// No button is down: hit-test here for hovering.
    Hover { x: f64, y: f64 },
    /// Show this span.
    Show(Domain),
    /// The brush now covers `[start, end)`.
    Brush((Seconds, Seconds)),
    /// A press let go where it began: pick what is there.
    Click { x: f64, y: f64 },
    /// A drag or pinch ended.
    Released,
}

/// A press and what it is doing.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Press {
    /// Dragging the axis; `last` is the pointer's previous x.
    Pan {
        start: (f64, f64),
        moved: bool,
        last: f64,
    },
    Brush {
        start: (f64, f64),
        moved: bool,
        drag: BrushDrag,
    },
    /// Two fingers: their distance and midpoint at the last event.
    Pinch { distance: f64, mid: f64 },
}

/// The gesture state of one timeline: the current press and where each
/// pointer is.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Gestures {
    press: Option<Press>,
    /// (pointer id, x) of every pointer down.
    pointers: Vec<(i32, f64)>,
}

impl Gestures {
    pub fn new() -> Gestures {
        Gestures::default()
    }

    /// True while a press (drag, brush or pinch) is under way.
    pub fn is_pressed(&self) -> bool {
        self.press.is_some()
    }

    /// The distance and midpoint of the first two pointers down.
    fn fingers(&self) -> Option<(f64, f64)> {
        match self.pointers.as_slice() {
            [(_, a), (_, b), ..] => Some(((a - b).abs().max(1.0), (a + b) / 2.0)),
            _ => None,
        }
    }

    /// A pointer went down at `(x, y)`; `brush` is the brushed range, if
    /// any. A second pointer turns the press into a pinch.
    pub fn down(
        &mut self,
        pointer: i32,
        (x, y): (f64, f64),
        frame: &Frame,
        brush: Option<(Seconds, Seconds)>,
    ) {
        match self.pointers.iter_mut().find(|(id, _)| *id == pointer) {
            Some(p) => p.1 = x,
            None => self.pointers.push((pointer, x)),
        }
        if let Some((distance, mid)) = self.fingers() {
            self.press = Some(Press::Pinch { distance, mid });
            return;
        }
        let start = (x, y);
        self.press = Some(if y >= frame.axis_y {
            Press::Pan {
                start,
                moved: false,
                last: x,
            }
        } else {
            let current =
                brush.map(|(a, b)| (frame.scale.map(a as f64), frame.scale.map(b as f64)));
            Press::Brush {
                start,
                moved: false,
                drag: BrushDrag::begin(x, current),
            }
        });
    }

    /// A pointer moved to `(x, y)`.
    pub fn moved(
        &mut self,
        pointer: i32,
        (x, y): (f64, f64),
        frame: &Frame,
        limits: ZoomLimits,
    ) -> Outcome {
        if let Some(p) = self.pointers.iter_mut().find(|(id, _)| *id == pointer) {
            p.1 = x;
        }
        let Some(press) = self.press else {
            return Outcome::Hover { x, y };
        };
        match press {
            Press::Pinch { distance, mid } => {
                let Some(now) = self.fingers() else {
                    return Outcome::Nothing;
                };
                self.press = Some(Press::Pinch {
                    distance: now.0,
                    mid: now.1,
                });
                Outcome::Show(pinch(&frame.scale, (distance, mid), now, limits))
            }
            Press::Pan { start, moved, last } => {
                if !moved && (x - start.0).abs() <= CLICK_SLOP_PX {
                    return Outcome::Nothing;
                }
                self.press = Some(Press::Pan {
                    start,
                    moved: true,
                    last: x,
                });
                Outcome::Show(pan(&frame.scale, x - last))
            }
            Press::Brush { start, moved, drag } => {
                if !moved && (x - start.0).abs() <= CLICK_SLOP_PX {
                    return Outcome::Nothing;
                }
                self.press = Some(Press::Brush {
                    start,
                    moved: true,
                    drag,
                });
                let (lo, hi) = drag.extent(x, 0.0, frame.width);
                let (t0, t1) = (frame.scale.invert(lo), frame.scale.invert(hi));
                let range = (t0.min(t1).round() as Seconds, t0.max(t1).round() as Seconds);
                if range.1 > range.0 {
                    Outcome::Brush(range)
                } else {
                    Outcome::Nothing
                }
            }
        }
    }

    /// A pointer went up at `(x, y)`. A pinch ends with its first finger.
    pub fn up(&mut self, pointer: i32, (x, y): (f64, f64)) -> Outcome {
        self.pointers.retain(|(id, _)| *id != pointer);
        let outcome = match self.press {
            None => Outcome::Nothing,
            Some(Press::Pan { moved: false, .. } | Press::Brush { moved: false, .. }) => {
                Outcome::Click { x, y }
            }
            Some(_) => Outcome::Released,
        };
        self.press = None;
        outcome
    }

    /// The browser took the pointer away (a scroll, a lost capture).
    pub fn cancel(&mut self, pointer: i32) {
        self.pointers.retain(|(id, _)| *id != pointer);
        self.press = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::DAY;

    const WIDTH: f64 = 636.0;
    const YEAR: f64 = 365.0 * DAY as f64;

    /// Two years on a 600 px axis, left to right (English) or right to
    /// left (Arabic), with 18 px margins as the timeline draws it.
    fn scale(rtl: bool) -> TimeScale {
        let range = if rtl { (618.0, 18.0) } else { (18.0, 618.0) };
        TimeScale::new((0.0, 2.0 * YEAR), range)
    }

    fn frame(rtl: bool) -> Frame {
        Frame {
            scale: scale(rtl),
            width: WIDTH,
            axis_y: 100.0,
        }
    }

    fn limits() -> ZoomLimits {
        ZoomLimits::around((0.0, 2.0 * YEAR))
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
    }

    #[test]
    fn wheel_zoom_keeps_the_time_under_the_cursor() {
        for rtl in [false, true] {
            let before = scale(rtl);
            for x in [18.0, 200.0, 500.0] {
                let t = before.invert(x);
                for dy in [-100.0, 100.0] {
                    let after =
                        TimeScale::new(wheel(&before, (0.0, dy), x, limits()), before.range());
                    assert!(close(after.map(t), x), "rtl {rtl} x {x} dy {dy}");
                    let (a, b) = after.domain();
                    let zoomed_in = b - a < 2.0 * YEAR;
                    assert_eq!(zoomed_in, dy < 0.0, "scrolling up magnifies");
                }
            }
        }
    }

    #[test]
    fn zoom_clamps_the_span() {
        let s = scale(false);
        let l = limits();
        let (a, b) = zoom_around(&s, 1e9, 300.0, l);
        assert!(close(b - a, l.min_span));
        let (a, b) = zoom_around(&s, 1e-9, 300.0, l);
        assert!(close(b - a, l.max_span));
        // The clamped zoom still keeps the cursor's instant in place.
        let t = s.invert(300.0);
        assert!(close(TimeScale::new((a, b), s.range()).map(t), 300.0));
        // Nonsense factors change nothing.
        assert_eq!(zoom_around(&s, f64::NAN, 300.0, l), s.domain());
        assert_eq!(zoom_around(&s, 0.0, 300.0, l), s.domain());
    }

    #[test]
    fn an_axis_drag_moves_time_with_the_pointer() {
        for rtl in [false, true] {
            let mut g = Gestures::new();
            let f = frame(rtl);
            let grabbed = f.scale.invert(300.0);
            g.down(1, (300.0, 110.0), &f, None);
            // Within the click slop nothing moves yet.
            assert_eq!(g.moved(1, (302.0, 110.0), &f, limits()), Outcome::Nothing);
            let Outcome::Show(d) = g.moved(1, (380.0, 110.0), &f, limits()) else {
                panic!("an axis drag shows another span");
            };
            let after = TimeScale::new(d, f.scale.range());
            assert!(close(after.map(grabbed), 380.0), "rtl {rtl}");
            assert!(close(d.1 - d.0, 2.0 * YEAR), "a pan keeps the span");
            assert_eq!(g.up(1, (380.0, 110.0)), Outcome::Released);
            assert!(!g.is_pressed());
        }
    }

    #[test]
    fn arrow_keys_follow_the_axis_direction() {
        let home = (0.0, 2.0 * YEAR);
        // English: time runs left to right, ← goes back in time.
        let en = scale(false);
        let left = key("ArrowLeft", &en, home, limits()).expect("handled");
        let right = key("ArrowRight", &en, home, limits()).expect("handled");
        assert!(left.0 < 0.0 && right.0 > 0.0);
        // Arabic: time runs right to left, → points to the past.
        let ar = scale(true);
        let left = key("ArrowLeft", &ar, home, limits()).expect("handled");
        let right = key("ArrowRight", &ar, home, limits()).expect("handled");
        assert!(right.0 < 0.0, "→ goes back in time in Arabic");
        assert!(left.0 > 0.0, "← goes forward in time in Arabic");
        // An eighth of the axis either way.
        assert!(close(left.0, 2.0 * YEAR / 8.0));
        assert_eq!(key("0", &ar, home, limits()), Some(home));
        assert_eq!(key("a", &ar, home, limits()), None);
    }

    #[test]
    fn plus_and_minus_zoom_around_the_middle() {
        let s = scale(true);
        let middle = s.invert(318.0);
        let d = key("+", &s, s.domain(), limits()).expect("handled");
        assert!(close(d.1 - d.0, 2.0 * YEAR / KEY_ZOOM));
        assert!(close(TimeScale::new(d, s.range()).map(middle), 318.0));
        let d = key("-", &s, s.domain(), limits()).expect("handled");
        assert!(close(d.1 - d.0, 2.0 * YEAR * KEY_ZOOM));
    }

    #[test]
    fn a_pinch_keeps_the_midpoint() {
        for rtl in [false, true] {
            let mut g = Gestures::new();
            let mut f = frame(rtl);
            g.down(1, (260.0, 40.0), &f, None);
            g.down(2, (340.0, 40.0), &f, None);
            let under_fingers = f.scale.invert(300.0);
            // The fingers spread to twice their distance around the same
            // middle; each finger's event applies its part in turn.
            for (id, x) in [(1, 220.0), (2, 380.0)] {
                let Outcome::Show(d) = g.moved(id, (x, 40.0), &f, limits()) else {
                    panic!("a pinch shows another span");
                };
                f.scale = TimeScale::new(d, f.scale.range());
            }
            assert!(close(f.scale.map(under_fingers), 300.0), "rtl {rtl}");
            let (a, b) = f.scale.domain();
            assert!(close(b - a, YEAR), "twice the distance, half the span");
            // A pinch ends with its first finger, without a click.
            assert_eq!(g.up(1, (220.0, 40.0)), Outcome::Released);
            assert!(!g.is_pressed());
        }
    }

    #[test]
    fn a_pinch_that_moves_pans_with_the_midpoint() {
        let s = scale(false);
        let t = s.invert(300.0);
        let d = pinch(&s, (80.0, 300.0), (80.0, 350.0), limits());
        assert!(close(TimeScale::new(d, s.range()).map(t), 350.0));
    }

    #[test]
    fn dragging_the_chart_brushes_in_time() {
        for rtl in [false, true] {
            let mut g = Gestures::new();
            let f = frame(rtl);
            g.down(1, (100.0, 40.0), &f, None);
            let Outcome::Brush((a, b)) = g.moved(1, (300.0, 50.0), &f, limits()) else {
                panic!("a drag on the chart brushes");
            };
            let (t0, t1) = (f.scale.invert(100.0), f.scale.invert(300.0));
            assert_eq!(
                (a, b),
                (t0.min(t1).round() as Seconds, t0.max(t1).round() as Seconds)
            );
            assert_eq!(g.up(1, (300.0, 50.0)), Outcome::Released);
        }
    }

    #[test]
    fn the_middle_of_a_brush_moves_it() {
        let mut g = Gestures::new();
        let f = frame(false);
        let brush = (
            f.scale.invert(200.0).round() as Seconds,
            f.scale.invert(300.0).round() as Seconds,
        );
        g.down(1, (250.0, 40.0), &f, Some(brush));
        let Outcome::Brush((a, b)) = g.moved(1, (290.0, 40.0), &f, limits()) else {
            panic!("moving the brush");
        };
        assert!((f.scale.map(a as f64) - 240.0).abs() < 0.01);
        assert!((f.scale.map(b as f64) - 340.0).abs() < 0.01);
    }

    #[test]
    fn a_press_let_go_in_place_is_a_click_and_hovering_asks_for_a_hit_test() {
        let mut g = Gestures::new();
        let f = frame(false);
        assert_eq!(
            g.moved(1, (10.0, 20.0), &f, limits()),
            Outcome::Hover { x: 10.0, y: 20.0 }
        );
        g.down(1, (10.0, 20.0), &f, None);
        assert_eq!(g.moved(1, (12.0, 21.0), &f, limits()), Outcome::Nothing);
        assert_eq!(g.up(1, (12.0, 21.0)), Outcome::Click { x: 12.0, y: 21.0 });
        g.down(1, (10.0, 20.0), &f, None);
        g.cancel(1);
        assert!(!g.is_pressed());
        assert_eq!(g.up(1, (10.0, 20.0)), Outcome::Nothing);
    }

    #[test]
    fn zooming_into_a_bin_centres_it() {
        let s = scale(false);
        let bin = (100 * DAY, 107 * DAY);
        let (a, b) = zoom_into(&s, bin, limits());
        assert!(close((a + b) / 2.0, 103.5 * DAY as f64));
        assert!(close(b - a, 2.0 * YEAR / 4.0));
    }

    #[test]
    fn a_flat_axis_changes_nothing() {
        let s = TimeScale::new((0.0, YEAR), (5.0, 5.0));
        assert_eq!(pan(&s, 40.0), (0.0, YEAR));
        assert_eq!(zoom_around(&s, 2.0, 5.0, limits()), (0.0, YEAR));
    }
}
