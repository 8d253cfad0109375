//! What the timeline draws for the incidents in view, and where: sparse
//! data as marks (an exact date is a point, a period a bar across it)
//! laid out in lanes so none hides another; dense data as a histogram.
//! It also answers what is under a pixel, for hovering and clicking.

use super::calendar::Seconds;
use super::histogram::Histogram;
use super::lanes::assign_lanes;
use super::scale::TimeScale;

/// Above this many incidents in view, the timeline is a histogram.
pub const DENSE_FROM: usize = 300;
/// The tallest a lane gets, px.
pub const LANE_PX: f64 = 20.0;
/// The narrowest a period's bar gets, px, so that a short one stays a bar.
pub const MIN_BAR_PX: f64 = 4.0;
/// The smallest radius a mark is drawn at, px, however many lanes.
pub const MIN_RADIUS_PX: f64 = 2.5;
/// Space kept between marks in a lane, px.
pub const LANE_GAP_PX: f64 = 3.0;
/// How far (px) around a mark a pointer still hits it.
pub const HIT_SLOP_PX: f64 = 3.0;

/// An incident's date as the timeline needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub incident: u32,
    /// `[start, end)`, seconds.
    pub start: Seconds,
    pub end: Seconds,
    /// Known to the day: a point at the middle of its day, not a bar.
    pub exact: bool,
}

impl Span {
    /// True when any of the span lies within `domain`.
    pub fn overlaps(&self, domain: (f64, f64)) -> bool {
        (self.end as f64) >= domain.0 && (self.start as f64) <= domain.1
    }

    fn midpoint(&self) -> Seconds {
        self.start + (self.end - self.start) / 2
    }
}

/// The incidents whose dates reach into `domain`, in input order.
pub fn in_view(spans: impl IntoIterator<Item = Span>, domain: (f64, f64)) -> Vec<Span> {
    spans.into_iter().filter(|s| s.overlaps(domain)).collect()
}

/// True when this many incidents in view are drawn as a histogram.
pub fn is_dense(in_view: usize) -> bool {
    in_view > DENSE_FROM
}

/// A mark as laid out: `x0..x1` is its extent (equal for an exact date),
/// `y` its centre line, `r` its radius.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mark {
    pub incident: u32,
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
    pub r: f64,
    pub exact: bool,
}

impl Mark {
    /// The middle of the mark, px.
    pub fn centre(&self) -> (f64, f64) {
        ((self.x0 + self.x1) / 2.0, self.y)
    }

    /// True when `(x, y)` is on the mark or within `slop` px of it.
    pub fn contains(&self, x: f64, y: f64, slop: f64) -> bool {
        x >= self.x0 - self.r - slop
            && x <= self.x1 + self.r + slop
            && (y - self.y).abs() <= self.r + slop
    }
}

/// The band marks are laid out in: lanes stack upwards from `baseline`
/// (px) to `top`, across a canvas `width` px wide.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    pub top: f64,
    pub baseline: f64,
    pub width: f64,
}

/// Lays out `spans` on `scale`: each in the lowest lane where it overlaps
/// no other, lanes sharing the band's height (at most [`LANE_PX`] each).
/// `radius` gives each incident's preferred radius. Marks entirely off the
/// canvas are left out.
pub fn lay_out(
    spans: &[Span],
    scale: &TimeScale,
    band: Band,
    radius: impl Fn(u32) -> f64,
) -> Vec<Mark> {
    let mut placed: Vec<Mark> = Vec::with_capacity(spans.len());
    for s in spans {
        let r = radius(s.incident).min(LANE_PX / 2.0 - 1.0);
        let (x0, x1) = if s.exact {
            let m = scale.map(s.midpoint() as f64);
            (m, m)
        } else {
            let (a, b) = (scale.map(s.start as f64), scale.map(s.end as f64));
            (a.min(b), a.max(b).max(a.min(b) + MIN_BAR_PX))
        };
        if !(x0.is_finite() && x1.is_finite()) || x1 + r < 0.0 || x0 - r > band.width {
            continue;
        }
        placed.push(Mark {
            incident: s.incident,
            x0,
            x1,
            y: 0.0,
            r,
            exact: s.exact,
        });
    }
    let intervals: Vec<(f64, f64)> = placed.iter().map(|m| (m.x0 - m.r, m.x1 + m.r)).collect();
    let lanes = assign_lanes(&intervals, LANE_GAP_PX);
    let lane_count = lanes.iter().max().map_or(1, |m| m + 1) as f64;
    let lane_h = ((band.baseline - band.top) / lane_count).min(LANE_PX);
    for (m, lane) in placed.iter_mut().zip(lanes) {
        m.y = band.baseline - lane_h * (lane as f64 + 0.5);
        m.r = m.r.min(lane_h / 2.0).max(MIN_RADIUS_PX);
    }
    placed
}

/// The incident whose mark is nearest `(x, y)` among those within
/// [`HIT_SLOP_PX`] of it.
pub fn hit(marks: &[Mark], x: f64, y: f64) -> Option<u32> {
    let distance = |m: &Mark| {
        let (cx, cy) = m.centre();
        (x - cx).abs() + (y - cy).abs()
    };
    marks
        .iter()
        .filter(|m| m.contains(x, y, HIT_SLOP_PX))
        .min_by(|a, b| distance(a).total_cmp(&distance(b)))
        .map(|m| m.incident)
}

/// The histogram bin `[start, end)` that holds instant `t`, if any.
pub fn bin_at(histogram: &Histogram, t: f64) -> Option<(Seconds, Seconds)> {
    let edges = &histogram.edges;
    let i = edges.partition_point(|&e| e as f64 <= t).checked_sub(1)?;
    Some((*edges.get(i)?, *edges.get(i + 1)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::DAY;

    fn exact(incident: u32, day: i64) -> Span {
        Span {
            incident,
            start: day * DAY,
            end: (day + 1) * DAY,
            exact: true,
        }
    }

    fn period(incident: u32, from: i64, to: i64) -> Span {
        Span {
            incident,
            start: from * DAY,
            end: to * DAY,
            exact: false,
        }
    }

    /// 100 days over 1000 px, left to right: 10 px a day.
    fn scale() -> TimeScale {
        TimeScale::new((0.0, 100.0 * DAY as f64), (0.0, 1000.0))
    }

    const BAND: Band = Band {
        top: 10.0,
        baseline: 110.0,
        width: 1000.0,
    };

    #[test]
    fn only_incidents_reaching_into_view_count() {
        let spans = [
            exact(0, 5),
            period(1, -30, -10),
            period(2, -5, 3),
            exact(3, 150),
        ];
        let ids: Vec<u32> = in_view(spans, scale().domain())
            .iter()
            .map(|s| s.incident)
            .collect();
        assert_eq!(ids, vec![0, 2]);
    }

    #[test]
    fn above_three_hundred_in_view_it_is_a_histogram() {
        assert!(!is_dense(DENSE_FROM));
        assert!(is_dense(DENSE_FROM + 1));
    }

    #[test]
    fn an_exact_date_is_a_point_at_its_day_and_a_period_a_bar_across_it() {
        let marks = lay_out(&[exact(0, 10), period(1, 40, 70)], &scale(), BAND, |_| 5.0);
        assert_eq!(marks.len(), 2);
        let (point, bar) = (marks[0], marks[1]);
        assert!(point.exact);
        assert_eq!((point.x0, point.x1), (105.0, 105.0), "noon of day 10");
        assert!(!bar.exact);
        assert_eq!((bar.x0, bar.x1), (400.0, 700.0));
        // Apart, so both in the lowest lane, as tall as a lane allows.
        assert_eq!(point.y, bar.y);
        assert_eq!(point.y, BAND.baseline - LANE_PX / 2.0);
    }

    #[test]
    fn overlapping_marks_stack_in_lanes_and_share_the_band() {
        let spans = [period(0, 10, 60), exact(1, 30), exact(2, 31), exact(3, 80)];
        let marks = lay_out(&spans, &scale(), BAND, |_| 5.0);
        let ys: Vec<f64> = marks.iter().map(|m| m.y).collect();
        // The bar, then the two marks over it, each higher; the lone one low.
        assert_eq!(ys[0], ys[3]);
        assert!(ys[1] < ys[0] && ys[2] < ys[1]);
        // Many lanes: they shrink to share the band, radii with them.
        let crowded: Vec<Span> = (0..40).map(|i| period(i, 10, 20)).collect();
        let marks = lay_out(&crowded, &scale(), BAND, |_| 5.0);
        assert!(marks
            .iter()
            .all(|m| m.y >= BAND.top && m.y <= BAND.baseline));
        assert!(marks.iter().all(|m| m.r == MIN_RADIUS_PX));
    }

    #[test]
    fn a_short_period_stays_a_bar_and_reversed_axes_work() {
        let rtl = TimeScale::new(scale().domain(), (1000.0, 0.0));
        let marks = lay_out(&[period(0, 10, 10)], &rtl, BAND, |_| 5.0);
        assert_eq!((marks[0].x0, marks[0].x1), (900.0, 900.0 + MIN_BAR_PX));
        let marks = lay_out(&[exact(0, 10)], &rtl, BAND, |_| 5.0);
        assert_eq!(marks[0].x0, 895.0);
    }

    #[test]
    fn marks_off_the_canvas_are_left_out() {
        let marks = lay_out(
            &[exact(0, -10), exact(1, 120), exact(2, 0)],
            &scale(),
            BAND,
            |_| 5.0,
        );
        let ids: Vec<u32> = marks.iter().map(|m| m.incident).collect();
        assert_eq!(ids, vec![2], "a mark at the very edge still shows");
    }

    #[test]
    fn the_nearest_mark_within_reach_is_hit() {
        let marks = lay_out(&[exact(0, 10), exact(1, 12)], &scale(), BAND, |_| 5.0);
        let y = marks[0].y;
        assert_eq!(marks[1].y, y, "one lane");
        assert_eq!(hit(&marks, 104.0, y), Some(0));
        assert_eq!(hit(&marks, 112.0, y), Some(0));
        assert_eq!(hit(&marks, 118.0, y), Some(1));
        assert_eq!(hit(&marks, 115.0, y), None, "between, out of reach of both");
        // Where two reach, the nearer wins.
        let close = [
            marks[0],
            Mark {
                incident: 7,
                x0: 111.0,
                x1: 111.0,
                ..marks[0]
            },
        ];
        assert_eq!(hit(&close, 107.0, y), Some(0));
        assert_eq!(hit(&close, 109.0, y), Some(7));
        assert_eq!(hit(&marks, 105.0, y - 5.0 - HIT_SLOP_PX - 0.5), None);
        assert_eq!(hit(&marks, 300.0, y), None);
        assert_eq!(hit(&[], 0.0, 0.0), None);
    }

    #[test]
    fn the_bin_under_an_instant() {
        let h = Histogram::build([], 1, vec![0, 10, 20]);
        assert_eq!(bin_at(&h, 5.0), Some((0, 10)));
        assert_eq!(bin_at(&h, 10.0), Some((10, 20)));
        assert_eq!(bin_at(&h, 20.0), None);
        assert_eq!(bin_at(&h, -1.0), None);
        assert_eq!(bin_at(&Histogram::build([], 1, vec![]), 0.0), None);
    }
}
