//! Binning incidents through time for the dense view of the timeline: a
//! histogram stacked by attack pattern, in calendar-aligned bins.
//!
//! Incidents with an exact date count in the bin of their date. An
//! incident known only to a period is spread evenly over the bins its
//! period covers and kept apart, so the chart never shows "mid-2021" as a
//! spike on one day.

use super::calendar::Seconds;

/// Counts per pattern and bin.
#[derive(Clone, Debug, PartialEq)]
pub struct Histogram {
    /// Bin edges: bin `i` covers `[edges[i], edges[i + 1])`.
    pub edges: Vec<Seconds>,
    /// `exact[p][i]`: incidents of pattern `p` dated exactly within bin `i`.
    pub exact: Vec<Vec<f32>>,
    /// `spread[p][i]`: the share of period-dated incidents of pattern `p`
    /// falling in bin `i`.
    pub spread: Vec<Vec<f32>>,
}

/// One incident to bin: its interval, whether its date is exact, and the
/// pattern it is counted under.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dated {
    pub start: Seconds,
    pub end: Seconds,
    pub exact: bool,
    pub pattern: usize,
}

impl Histogram {
    /// Bins `items` into `edges` (sorted, at least two). Items outside the
    /// edges are left out. O(items · log bins + patterns · bins).
    pub fn build(
        items: impl IntoIterator<Item = Dated>,
        patterns: usize,
        edges: Vec<Seconds>,
    ) -> Histogram {
        let bins = edges.len().saturating_sub(1);
        let mut exact = vec![vec![0f32; bins]; patterns];
        // Spread shares go into difference arrays: +d where a period starts,
        // −d after it ends, summed once at the end.
        let mut diff = vec![vec![0f64; bins + 1]; patterns];
        // Periods of no length, counted whole in their one bin.
        let mut spread_at = vec![vec![0f32; bins]; patterns];
        if bins == 0 {
            return Histogram {
                edges,
                exact,
                spread: vec![Vec::new(); patterns],
            };
        }
        let (lo, hi) = (edges[0], edges[bins]);
        let bin_of = |t: Seconds| {
            edges
                .partition_point(|&e| e <= t)
                .saturating_sub(1)
                .min(bins - 1)
        };
        // Widths in f64: any two i64 instants differ by more than i64 holds.
        let width = |a: Seconds, b: Seconds| b as f64 - a as f64;
        let avg_bin = width(lo, hi) / bins as f64;
        for item in items {
            if item.pattern >= patterns {
                continue;
            }
            // An inverted period is taken as the instant it starts at.
            let (start, end) = (item.start, item.end.max(item.start));
            if item.exact || start == end {
                // An instant, or an exact date at its middle; a period of
                // no length counts in full where it is, like an exact date.
                let t = midpoint(start, end);
                if t >= lo && t < hi {
                    let counts = if item.exact {
                        &mut exact
                    } else {
                        &mut spread_at
                    };
                    counts[item.pattern][bin_of(t)] += 1.0;
                }
                continue;
            }
            if end <= lo || start >= hi {
                continue;
            }
            // The bins the period touches, and its share in each; the part
            // outside the edges is not drawn. `end > start`, so `end - 1`
            // cannot overflow, and `last >= first` because `end - 1 >= start`.
            let first = bin_of(start.max(lo));
            let last = bin_of((end - 1).min(hi - 1)).max(first);
            // Bins the whole period would cover if the edges went on.
            let total_bins = (width(start, end) / avg_bin).max(1.0);
            let share = 1.0 / total_bins.max((last - first + 1) as f64);
            diff[item.pattern][first] += share;
            diff[item.pattern][last + 1] -= share;
        }
        let spread = diff
            .into_iter()
            .zip(spread_at)
            .map(|(d, at)| {
                let mut acc = 0.0;
                d[..bins]
                    .iter()
                    .zip(at)
                    .map(|(x, a)| {
                        acc += x;
                        acc.max(0.0) as f32 + a
                    })
                    .collect()
            })
            .collect();
        Histogram {
            edges,
            exact,
            spread,
        }
    }

    pub fn bins(&self) -> usize {
        self.edges.len().saturating_sub(1)
    }

    /// Everything in bin `i`, exact and spread, over all patterns.
    pub fn total(&self, i: usize) -> f32 {
        self.exact
            .iter()
            .chain(&self.spread)
            .map(|p| p.get(i).copied().unwrap_or(0.0))
            .sum()
    }

    /// The largest bin total, for the vertical scale.
    pub fn max_total(&self) -> f32 {
        (0..self.bins()).map(|i| self.total(i)).fold(0.0, f32::max)
    }
}

/// The instant halfway between `a` and `b`, rounded towards `a`'s side
/// of zero as integer division does, without overflowing.
fn midpoint(a: Seconds, b: Seconds) -> Seconds {
    // The mean of two i64 always fits in an i64.
    ((a as i128 + b as i128) / 2) as Seconds
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: Seconds = 86_400;

    fn exact(day: i64, pattern: usize) -> Dated {
        Dated {
            start: day * DAY,
            end: (day + 1) * DAY,
            exact: true,
            pattern,
        }
    }

    #[test]
    fn exact_dates_count_in_their_bin_by_pattern() {
        let edges = (0..=10).map(|d| d * 7 * DAY).collect();
        let h = Histogram::build(
            [exact(0, 0), exact(3, 0), exact(8, 1), exact(100, 0)],
            2,
            edges,
        );
        assert_eq!(h.bins(), 10);
        assert_eq!(h.exact[0][0], 2.0);
        assert_eq!(h.exact[1][1], 1.0);
        assert_eq!(h.total(0), 2.0);
        // Day 100 is past the last edge (day 70): left out.
        assert_eq!(h.exact[0].iter().sum::<f32>(), 2.0);
        assert_eq!(h.max_total(), 2.0);
    }

    #[test]
    fn a_period_is_spread_over_its_bins_and_sums_to_one() {
        let edges: Vec<Seconds> = (0..=12).map(|m| m * 30 * DAY).collect();
        let season = Dated {
            start: 120 * DAY,
            end: 240 * DAY,
            exact: false,
            pattern: 0,
        };
        let h = Histogram::build([season], 1, edges);
        let sum: f32 = h.spread[0].iter().sum();
        assert!((sum - 1.0).abs() < 1e-5, "{sum}");
        assert_eq!(h.spread[0][3], 0.0);
        assert!((h.spread[0][4] - 0.25).abs() < 1e-5);
        assert_eq!(h.spread[0][8], 0.0);
        assert!(h.exact[0].iter().all(|x| *x == 0.0));
    }

    #[test]
    fn a_period_reaching_past_the_edges_only_shows_its_visible_share() {
        let edges: Vec<Seconds> = (0..=4).map(|m| m * 10 * DAY).collect();
        let long = Dated {
            start: 20 * DAY,
            end: 100 * DAY,
            exact: false,
            pattern: 0,
        };
        let h = Histogram::build([long], 1, edges);
        let sum: f32 = h.spread[0].iter().sum();
        assert!((sum - 0.25).abs() < 1e-5, "{sum}");
    }

    #[test]
    fn a_zero_length_period_on_a_bin_edge_counts_in_the_bin_it_starts() {
        // The dataset: a year-precision date with no end gives a
        // period of zero length; one starting on an edge used to underflow.
        let edges: Vec<Seconds> = (0..=4).map(|m| m * 10 * DAY).collect();
        for at in [0, 10, 20, 25, 30] {
            let instant = Dated {
                start: at * DAY,
                end: at * DAY,
                exact: false,
                pattern: 0,
            };
            let h = Histogram::build([instant], 1, edges.clone());
            let sum: f32 = h.spread[0].iter().sum();
            assert_eq!(sum, 1.0, "at day {at}");
            assert_eq!(h.spread[0][(at / 10) as usize], 1.0, "at day {at}");
        }
        // On the last edge it is outside, as an exact date there would be.
        let past = Dated {
            start: 40 * DAY,
            end: 40 * DAY,
            exact: false,
            pattern: 0,
        };
        let h = Histogram::build([past], 1, edges);
        assert_eq!(h.spread[0].iter().sum::<f32>(), 0.0);
    }

    #[test]
    fn extreme_and_malformed_input_never_overflows() {
        let extremes = [i64::MIN, i64::MIN + 1, -1, 0, 1, i64::MAX - 1, i64::MAX];
        let edge_sets: Vec<Vec<Seconds>> = vec![
            vec![i64::MIN, 0, i64::MAX],
            vec![i64::MIN, i64::MAX],
            vec![0, 10 * DAY, 20 * DAY],
            // Unsorted and repeated edges are the caller's mistake, but
            // still no panic.
            vec![20 * DAY, 0, 10 * DAY, 10 * DAY],
        ];
        for edges in edge_sets {
            for &start in &extremes {
                for &end in &extremes {
                    for exact in [false, true] {
                        let item = Dated {
                            start,
                            end,
                            exact,
                            pattern: 0,
                        };
                        let h = Histogram::build([item], 1, edges.clone());
                        let total: f32 = (0..h.bins()).map(|i| h.total(i)).sum();
                        assert!(total.is_finite() && total <= 1.0 + 1e-5, "{item:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn no_edges_no_bins() {
        let h = Histogram::build([exact(0, 0)], 1, vec![0]);
        assert_eq!(h.bins(), 0);
        assert_eq!(h.max_total(), 0.0);
    }
}
