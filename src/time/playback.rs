//! Playback: a time window moving through the data, as a pure function of
//! the clock. The window glides at a speed (at 1× the whole data takes
//! [`PLAY_MS`]) or, for readers who ask for reduced motion, jumps by
//! whole windows; it stops where the data ends.
//!
//! A playback is a straight line from an anchor (a clock time and the
//! window's start then). Changing the speed starts a new line from where
//! the window is at that moment, so the window never jumps.

use super::calendar::{Seconds, DAY};

/// How long playing through the whole data takes at 1×, in ms.
pub const PLAY_MS: f64 = 20_000.0;
/// With reduced motion, how long each window stays at 1×, in ms.
pub const JUMP_MS: f64 = 1_000.0;

/// How the window moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Motion {
    Glide,
    /// Jumps by whole windows (reduced motion).
    Jump,
}

/// A running playback.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Playback {
    /// The data's time extent `[lo, hi)`.
    extent: (Seconds, Seconds),
    /// The window's width.
    width: Seconds,
    /// The clock (ms) and the window's start at the anchor.
    anchor: (f64, f64),
    speed: f64,
    motion: Motion,
}

/// Where the window is at a moment, and whether it reached the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// `[start, end)`.
    pub window: (Seconds, Seconds),
    /// True once the window touches the end of the data: playback stops.
    pub ended: bool,
}

impl Playback {
    /// Starts playing at clock time `now` (ms). The window is the current
    /// selection's width where it is, if it is narrower than the data and
    /// not already at the end; else a twelfth of the data from its start.
    pub fn start(
        extent: (Seconds, Seconds),
        selection: Option<(Seconds, Seconds)>,
        now: f64,
        speed: f64,
        motion: Motion,
    ) -> Playback {
        let (lo, hi) = (extent.0.min(extent.1), extent.0.max(extent.1));
        let total = hi.saturating_sub(lo).max(DAY);
        let (start, width) = match selection {
            Some((a, b)) if b > a && b - a < total && b < hi => (a, b - a),
            _ => (lo, (total / 12).max(DAY)),
        };
        Playback {
            extent: (lo, hi),
            width,
            anchor: (now, start as f64),
            speed: sane_speed(speed),
            motion,
        }
    }

    pub fn speed(&self) -> f64 {
        self.speed
    }

    /// The same playback at another speed from clock time `now` on: the
    /// window continues from where it is at `now`.
    pub fn with_speed(&self, now: f64, speed: f64) -> Playback {
        Playback {
            speed: sane_speed(speed),
            anchor: (now, self.start_at(now)),
            ..*self
        }
    }

    /// The window's start at clock time `now`, before the end stops it.
    fn start_at(&self, now: f64) -> f64 {
        let (clock, start) = self.anchor;
        let elapsed = (now - clock).max(0.0);
        let travelled = match self.motion {
            Motion::Glide => {
                let total = self.extent.1.saturating_sub(self.extent.0).max(DAY) as f64;
                elapsed / PLAY_MS * total * self.speed
            }
            Motion::Jump => (elapsed * self.speed / JUMP_MS).floor() * self.width as f64,
        };
        start + travelled
    }

    /// The window at clock time `now` (ms).
    pub fn at(&self, now: f64) -> Position {
        let (_, hi) = self.extent;
        let last = hi.saturating_sub(self.width);
        let start = self.start_at(now);
        let a = if start >= last as f64 {
            last
        } else {
            start.floor() as Seconds
        };
        Position {
            window: (a, a.saturating_add(self.width)),
            ended: a >= last,
        }
    }
}

/// Speeds are positive and finite; anything else plays at 1×.
fn sane_speed(speed: f64) -> f64 {
    if speed.is_finite() && speed > 0.0 {
        speed
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A year of data from day 0.
    const EXTENT: (Seconds, Seconds) = (0, 360 * DAY);

    #[test]
    fn without_a_selection_a_twelfth_of_the_data_plays_from_the_start() {
        let p = Playback::start(EXTENT, None, 1000.0, 1.0, Motion::Glide);
        assert_eq!(p.at(1000.0).window, (0, 30 * DAY));
        assert!(!p.at(1000.0).ended);
        // Halfway through the clock, halfway through the data.
        assert_eq!(p.at(1000.0 + PLAY_MS / 2.0).window.0, 180 * DAY);
    }

    #[test]
    fn a_selection_plays_on_from_where_it_is() {
        let selection = Some((100 * DAY, 110 * DAY));
        let p = Playback::start(EXTENT, selection, 0.0, 1.0, Motion::Glide);
        assert_eq!(p.at(0.0).window, (100 * DAY, 110 * DAY));
        // A selection already at the end starts again from the beginning.
        let at_end = Some((350 * DAY, 360 * DAY));
        let p = Playback::start(EXTENT, at_end, 0.0, 1.0, Motion::Glide);
        assert_eq!(p.at(0.0).window, (0, 30 * DAY));
    }

    #[test]
    fn playback_stops_at_the_end_of_the_data() {
        let p = Playback::start(EXTENT, None, 0.0, 4.0, Motion::Glide);
        // At 4× the whole data takes a quarter of PLAY_MS.
        let before = p.at(PLAY_MS / 4.0 * 0.9);
        assert!(!before.ended);
        let end = p.at(PLAY_MS / 4.0);
        assert!(end.ended);
        assert_eq!(end.window, (330 * DAY, 360 * DAY));
        assert_eq!(p.at(1e12).window, end.window, "never past the end");
    }

    #[test]
    fn reduced_motion_jumps_by_whole_windows() {
        let selection = Some((0, 90 * DAY));
        let p = Playback::start(EXTENT, selection, 0.0, 1.0, Motion::Jump);
        assert_eq!(p.at(999.0).window, (0, 90 * DAY));
        assert_eq!(p.at(1000.0).window, (90 * DAY, 180 * DAY));
        assert_eq!(p.at(2500.0).window, (180 * DAY, 270 * DAY));
        // A faster speed jumps more often, still by whole windows.
        let fast = p.with_speed(0.0, 2.0);
        assert_eq!(fast.at(500.0).window, (90 * DAY, 180 * DAY));
    }

    #[test]
    fn changing_the_speed_during_play_keeps_the_window_where_it_is() {
        for motion in [Motion::Glide, Motion::Jump] {
            let p = Playback::start(EXTENT, None, 0.0, 1.0, motion);
            let t = 2_600.0;
            for speed in [0.5, 2.0, 4.0] {
                let faster = p.with_speed(t, speed);
                assert_eq!(faster.at(t), p.at(t), "{motion:?} at {speed}×");
                // From then on it moves at the new speed.
                let later = faster.at(t + 2_000.0).window.0;
                assert!(later >= p.at(t).window.0);
                assert_eq!(faster.speed(), speed);
            }
        }
        let p = Playback::start(EXTENT, None, 0.0, 1.0, Motion::Glide);
        let q = p.with_speed(5_000.0, 2.0);
        // 5 s at 1× then 1 s at 2× is 7 s of 1×.
        assert_eq!(q.at(6_000.0), p.at(7_000.0));
    }

    #[test]
    fn odd_inputs_do_not_break_it() {
        let p = Playback::start((50, 50), None, 0.0, f64::NAN, Motion::Glide);
        assert_eq!(p.speed(), 1.0);
        let at = p.at(f64::INFINITY);
        assert!(at.window.1 > at.window.0);
        // The clock going backwards holds the window.
        let p = Playback::start(EXTENT, None, 1000.0, 1.0, Motion::Glide);
        assert_eq!(p.at(0.0).window, (0, 30 * DAY));
    }
}
