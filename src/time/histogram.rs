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
        for item in items {
            if item.pattern >= patterns {
                continue;
            }
            if item.exact {
                let t = item.start + (item.end - item.start) / 2;
                if t >= lo && t < hi {
                    exact[item.pattern][bin_of(t)] += 1.0;
                }
                continue;
            }
            if item.end <= lo || item.start >= hi {
                continue;
            }
            // The bins the period touches, and its share in each; the part
            // outside the edges is not drawn.
            let first = bin_of(item.start.max(lo));
            let last = bin_of((item.end - 1).min(hi - 1));
            let total_bins = {
                // Bins the whole period would cover if the edges went on.
                let avg = (hi - lo) as f64 / bins as f64;
                ((item.end - item.start) as f64 / avg).max(1.0)
            };
            let share = 1.0 / total_bins.max((last - first + 1) as f64);
            diff[item.pattern][first] += share;
            diff[item.pattern][last + 1] -= share;
        }
        let spread = diff
            .into_iter()
            .map(|d| {
                let mut acc = 0.0;
                d[..bins]
                    .iter()
                    .map(|x| {
                        acc += x;
                        acc.max(0.0) as f32
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
    fn no_edges_no_bins() {
        let h = Histogram::build([exact(0, 0)], 1, vec![0]);
        assert_eq!(h.bins(), 0);
        assert_eq!(h.max_total(), 0.0);
    }
}
