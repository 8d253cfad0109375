//! The timeline's part of a step change: its visible span moves from where
//! it is to the step's, eased like the map's flight (`geo::fly`) and over
//! the same time, or at once under reduced motion.

use crate::geo::fly::FLIGHT_MS;

/// A span of the timeline moving from `from` to `to` (seconds), started at
/// `start_ms`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SpanMove {
    from: (f64, f64),
    to: (f64, f64),
    start_ms: f64,
    duration_ms: f64,
}

impl SpanMove {
    pub fn new(from: (f64, f64), to: (f64, f64), start_ms: f64, reduced_motion: bool) -> SpanMove {
        SpanMove {
            from,
            to,
            start_ms,
            duration_ms: if reduced_motion { 0.0 } else { FLIGHT_MS },
        }
    }

    /// Whether the move is over at `now_ms` (a NaN time counts as over).
    pub fn landed(&self, now_ms: f64) -> bool {
        let elapsed = now_ms - self.start_ms;
        elapsed.is_nan() || elapsed >= self.duration_ms
    }

    /// The span at `now_ms`: its ends eased in and out, the destination
    /// from the end on.
    pub fn span_at(&self, now_ms: f64) -> (f64, f64) {
        if self.landed(now_ms) {
            return self.to;
        }
        let t = ((now_ms - self.start_ms) / self.duration_ms).clamp(0.0, 1.0);
        let e = t * t * (3.0 - 2.0 * t);
        let lerp = |a: f64, b: f64| a + (b - a) * e;
        (lerp(self.from.0, self.to.0), lerp(self.from.1, self.to.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_moves_from_start_to_end_and_stays() {
        let m = SpanMove::new((0.0, 100.0), (1000.0, 1200.0), 10.0, false);
        assert_eq!(m.span_at(0.0), (0.0, 100.0));
        assert_eq!(m.span_at(10.0), (0.0, 100.0));
        assert_eq!(m.span_at(10.0 + FLIGHT_MS / 2.0), (500.0, 650.0));
        assert!(!m.landed(10.0 + FLIGHT_MS / 2.0));
        assert_eq!(m.span_at(10.0 + FLIGHT_MS), (1000.0, 1200.0));
        assert!(m.landed(f64::NAN));
    }

    #[test]
    fn reduced_motion_jumps() {
        let m = SpanMove::new((0.0, 1.0), (5.0, 6.0), 0.0, true);
        assert!(m.landed(0.0));
        assert_eq!(m.span_at(0.0), (5.0, 6.0));
    }
}
