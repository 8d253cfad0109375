//! A linear time scale in the spirit of d3-scale's `scaleTime`: it owns a
//! domain (instants) and a range (pixels), maps and inverts between them,
//! and chooses calendar-aligned ticks for whatever span is on screen.

use super::calendar::{days_from_civil, CivilDateTime, Seconds, DAY, HOUR};

/// The calendar unit a tick stands for; it decides how the tick is labelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TickUnit {
    Hour,
    Day,
    Month,
    Year,
}

/// One tick on the axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tick {
    pub t: Seconds,
    pub unit: TickUnit,
    /// True when the tick also starts the next larger unit (a 1 January
    /// among month ticks), so the label can name the larger unit too.
    pub starts_larger_unit: bool,
}

/// A step between ticks, calendar-aware.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Hours(i64),
    Days(i64),
    Weeks,
    Months(u32),
    Years(i32),
}

impl Step {
    /// Approximate length in seconds, to choose a step for a span.
    fn approx_seconds(self) -> f64 {
        const YEAR: f64 = 365.2425 * DAY as f64;
        match self {
            Step::Hours(n) => (n * HOUR) as f64,
            Step::Days(n) => (n * DAY) as f64,
            Step::Weeks => (7 * DAY) as f64,
            Step::Months(n) => f64::from(n) * YEAR / 12.0,
            Step::Years(n) => f64::from(n) * YEAR,
        }
    }

    fn unit(self) -> TickUnit {
        match self {
            Step::Hours(_) => TickUnit::Hour,
            Step::Days(_) | Step::Weeks => TickUnit::Day,
            Step::Months(_) => TickUnit::Month,
            Step::Years(_) => TickUnit::Year,
        }
    }
}

const STEPS: [Step; 18] = [
    Step::Hours(1),
    Step::Hours(3),
    Step::Hours(6),
    Step::Hours(12),
    Step::Days(1),
    Step::Days(2),
    Step::Weeks,
    Step::Months(1),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
    Step::Years(20),
    Step::Years(50),
    Step::Years(100),
    Step::Years(500),
];

/// Maps instants to pixels linearly.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeScale {
    domain: (f64, f64),
    range: (f64, f64),
}

impl TimeScale {
    /// A scale from `domain` (seconds) to `range` (pixels). The range may run
    /// backwards (right to left). A domain of a single instant maps that
    /// instant to the middle of the range.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> TimeScale {
        let (a, b) = domain;
        let domain = if a <= b { (a, b) } else { (b, a) };
        TimeScale { domain, range }
    }

    /// A scale whose domain covers `[start, end]` with `pad` of the span
    /// added on each side; an empty or instantaneous span gets a week around
    /// it so that there is always an axis to draw.
    pub fn fitting(start: Seconds, end: Seconds, pad: f64, range: (f64, f64)) -> TimeScale {
        let (start, end) = (start.min(end) as f64, start.max(end) as f64);
        let span = (end - start).max(7.0 * DAY as f64);
        let mid = (start + end) / 2.0;
        let half = span / 2.0 * (1.0 + 2.0 * pad);
        TimeScale::new((mid - half, mid + half), range)
    }

    pub fn domain(&self) -> (f64, f64) {
        self.domain
    }

    pub fn range(&self) -> (f64, f64) {
        self.range
    }

    /// Pixel position of an instant.
    pub fn map(&self, t: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 <= d0 {
            return (r0 + r1) / 2.0;
        }
        r0 + (t - d0) / (d1 - d0) * (r1 - r0)
    }

    /// Instant at a pixel position (the inverse of [`TimeScale::map`]).
    pub fn invert(&self, x: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if r1 == r0 {
            return (d0 + d1) / 2.0;
        }
        d0 + (x - r0) / (r1 - r0) * (d1 - d0)
    }

    /// Calendar-aligned ticks inside the domain, about `count` of them.
    pub fn ticks(&self, count: usize) -> Vec<Tick> {
        let (d0, d1) = self.domain;
        if !(d0.is_finite() && d1.is_finite()) || count == 0 {
            return Vec::new();
        }
        let target = (d1 - d0).max(1.0) / count as f64;
        ticks_with_step(
            d0.ceil() as Seconds,
            d1.floor() as Seconds,
            nearest_step(target),
        )
    }

    /// Calendar-aligned bin edges about `px` pixels apart that cover the
    /// domain (one edge at or before its start, one at or after its end),
    /// for histograms that line up with the axis' ticks.
    pub fn bin_edges(&self, px: f64) -> Vec<Seconds> {
        let (d0, d1) = self.domain;
        let width = (self.range.1 - self.range.0).abs();
        if !(d0.is_finite() && d1.is_finite()) || width <= 0.0 || px <= 0.0 {
            return Vec::new();
        }
        let target = (d1 - d0).max(1.0) * px / width;
        let step = nearest_step(target);
        // Widen by one step each side so that the edges enclose the domain.
        let pad = step.approx_seconds() * 1.5;
        let mut edges: Vec<Seconds> = ticks_with_step(
            (d0 - pad).floor() as Seconds,
            (d1 + pad).ceil() as Seconds,
            step,
        )
        .into_iter()
        .map(|t| t.t)
        .collect();
        edges.dedup();
        edges
    }
}

/// The calendar step nearest `target` seconds by ratio (as d3's
/// tickInterval does), so that a short axis still gets a few ticks.
fn nearest_step(target: f64) -> Step {
    match STEPS.iter().position(|s| s.approx_seconds() >= target) {
        None => Step::Years(1000),
        Some(0) => STEPS[0],
        Some(i) => {
            let (below, above) = (STEPS[i - 1], STEPS[i]);
            if target / below.approx_seconds() < above.approx_seconds() / target {
                below
            } else {
                above
            }
        }
    }
}

fn ticks_with_step(start: Seconds, end: Seconds, step: Step) -> Vec<Tick> {
    let mut out = Vec::new();
    if end < start {
        return out;
    }
    let first = CivilDateTime::from_seconds(start);
    let unit = step.unit();
    match step {
        Step::Hours(n) | Step::Days(n) => {
            let size = if unit == TickUnit::Hour {
                n * HOUR
            } else {
                n * DAY
            };
            let mut t = start.div_euclid(size) * size;
            if t < start {
                t += size;
            }
            while t <= end {
                let larger = if unit == TickUnit::Hour {
                    t.rem_euclid(DAY) == 0
                } else {
                    CivilDateTime::from_seconds(t).day == 1
                };
                out.push(Tick {
                    t,
                    unit,
                    starts_larger_unit: larger,
                });
                t += size;
            }
        }
        Step::Weeks => {
            // Weeks start on Mondays; 1970-01-05 was a Monday.
            let monday = 4 * DAY;
            let size = 7 * DAY;
            let mut t = (start - monday).div_euclid(size) * size + monday;
            if t < start {
                t += size;
            }
            while t <= end {
                out.push(Tick {
                    t,
                    unit,
                    starts_larger_unit: false,
                });
                t += size;
            }
        }
        Step::Months(n) => {
            let (mut year, mut month) = (first.year, first.month);
            // Align to a multiple of n months from January.
            month = ((month - 1) / n) * n + 1;
            loop {
                let t = days_from_civil(year, month, 1) * DAY;
                if t > end {
                    break;
                }
                if t >= start {
                    out.push(Tick {
                        t,
                        unit,
                        starts_larger_unit: month == 1,
                    });
                }
                month += n;
                if month > 12 {
                    month -= 12;
                    year += 1;
                }
            }
        }
        Step::Years(n) => {
            let mut year = first.year.div_euclid(n) * n;
            loop {
                let t = days_from_civil(year, 1, 1) * DAY;
                if t > end {
                    break;
                }
                if t >= start {
                    out.push(Tick {
                        t,
                        unit,
                        starts_larger_unit: false,
                    });
                }
                year += n;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> f64 {
        CivilDateTime::parse(s).expect("valid").to_seconds() as f64
    }

    #[test]
    fn maps_and_inverts() {
        let s = TimeScale::new((at("2020-01-01"), at("2022-01-01")), (0.0, 800.0));
        assert_eq!(s.map(at("2020-01-01")), 0.0);
        assert_eq!(s.map(at("2022-01-01")), 800.0);
        let x = s.map(at("2021-03-15"));
        assert!((s.invert(x) - at("2021-03-15")).abs() < 1e-3);
    }

    #[test]
    fn reversed_range_runs_right_to_left() {
        let s = TimeScale::new((0.0, 100.0), (500.0, 0.0));
        assert_eq!(s.map(0.0), 500.0);
        assert_eq!(s.map(100.0), 0.0);
        assert_eq!(s.invert(250.0), 50.0);
    }

    #[test]
    fn single_instant_and_empty_range_do_not_fail() {
        let s = TimeScale::new((10.0, 10.0), (0.0, 100.0));
        assert_eq!(s.map(10.0), 50.0);
        let flat = TimeScale::new((0.0, 10.0), (5.0, 5.0));
        assert_eq!(flat.invert(5.0), 5.0);
        let fit = TimeScale::fitting(1000, 1000, 0.05, (0.0, 100.0));
        let (a, b) = fit.domain();
        assert!(a < 1000.0 && b > 1000.0);
        assert!(!fit.ticks(5).is_empty());
    }

    #[test]
    fn ticks_over_years_are_years() {
        let s = TimeScale::new((at("2019-06-01"), at("2024-03-01")), (0.0, 900.0));
        let ticks = s.ticks(6);
        assert!(ticks.iter().all(|t| t.unit == TickUnit::Year));
        let years: Vec<i32> = ticks
            .iter()
            .map(|t| CivilDateTime::from_seconds(t.t).year)
            .collect();
        assert_eq!(years, vec![2020, 2021, 2022, 2023, 2024]);
    }

    #[test]
    fn ticks_over_months_are_month_starts_with_years_marked() {
        let s = TimeScale::new((at("2020-10-15"), at("2021-03-20")), (0.0, 900.0));
        let ticks = s.ticks(6);
        assert!(ticks.iter().all(|t| t.unit == TickUnit::Month));
        let starts: Vec<String> = ticks
            .iter()
            .map(|t| CivilDateTime::from_seconds(t.t).to_string())
            .collect();
        assert_eq!(
            starts,
            [
                "2020-11-01",
                "2020-12-01",
                "2021-01-01",
                "2021-02-01",
                "2021-03-01"
            ]
        );
        assert_eq!(
            ticks.iter().filter(|t| t.starts_larger_unit).count(),
            1,
            "only January starts a year"
        );
    }

    #[test]
    fn ticks_down_to_hours() {
        let s = TimeScale::new(
            (at("2022-01-02T06:30"), at("2022-01-03T06:00")),
            (0.0, 600.0),
        );
        let ticks = s.ticks(8);
        assert!(ticks.iter().all(|t| t.unit == TickUnit::Hour));
        assert!(ticks.iter().all(|t| t.t % (3 * HOUR) == 0));
        assert!(ticks.iter().any(|t| t.starts_larger_unit), "midnight");
    }

    #[test]
    fn a_short_axis_still_gets_yearly_ticks() {
        // About three years on a phone: three ticks wanted.
        let s = TimeScale::new((at("2020-09-01"), at("2023-10-01")), (0.0, 350.0));
        let years: Vec<i32> = s
            .ticks(3)
            .iter()
            .map(|t| CivilDateTime::from_seconds(t.t).year)
            .collect();
        assert_eq!(years, vec![2021, 2022, 2023]);
    }

    #[test]
    fn ticks_over_decades() {
        let s = TimeScale::new((at("1950-01-01"), at("2025-01-01")), (0.0, 600.0));
        let ticks = s.ticks(5);
        let years: Vec<i32> = ticks
            .iter()
            .map(|t| CivilDateTime::from_seconds(t.t).year)
            .collect();
        assert_eq!(years, vec![1960, 1980, 2000, 2020]);
    }

    #[test]
    fn weekly_ticks_fall_on_mondays() {
        let s = TimeScale::new((at("2022-01-01"), at("2022-02-15")), (0.0, 600.0));
        let ticks = s.ticks(7);
        assert!(!ticks.is_empty());
        for t in &ticks {
            // 1970-01-05 was a Monday.
            assert_eq!((t.t / DAY - 4).rem_euclid(7), 0);
        }
    }

    #[test]
    fn bin_edges_are_calendar_aligned_and_cover_the_domain() {
        let s = TimeScale::new((at("2020-10-15"), at("2021-03-20")), (0.0, 600.0));
        // ~150 days over 600 px: 30 px per bin is about a week.
        let edges = s.bin_edges(30.0);
        assert!(edges.len() > 10);
        assert!(edges[0] as f64 <= at("2020-10-15"));
        assert!(*edges.last().expect("edges") as f64 >= at("2021-03-20"));
        assert!(edges.windows(2).all(|w| w[1] - w[0] == 7 * DAY), "weekly");
        let monthly = s.bin_edges(120.0);
        assert!(monthly
            .iter()
            .all(|e| CivilDateTime::from_seconds(*e).day == 1));
        assert!(TimeScale::new((0.0, 1.0), (5.0, 5.0))
            .bin_edges(10.0)
            .is_empty());
    }
}
