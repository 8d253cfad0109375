//! Lays timeline marks out in lanes so that none hides another.

/// Assigns each interval `[start, end]` (pixels) the lowest lane in which
/// it does not overlap an earlier one, keeping `gap` px between marks.
/// Returns the lane of each interval, in input order.
pub fn assign_lanes(intervals: &[(f64, f64)], gap: f64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..intervals.len()).collect();
    order.sort_by(|&a, &b| intervals[a].0.total_cmp(&intervals[b].0));
    // The right edge of the last interval placed in each lane.
    let mut lane_ends: Vec<f64> = Vec::new();
    let mut lanes = vec![0; intervals.len()];
    for i in order {
        let (start, end) = intervals[i];
        let lane = match lane_ends.iter().position(|&e| e + gap <= start) {
            Some(lane) => lane,
            None => {
                lane_ends.push(f64::NEG_INFINITY);
                lane_ends.len() - 1
            }
        };
        lane_ends[lane] = end.max(start);
        lanes[i] = lane;
    }
    lanes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_marks_take_separate_lanes() {
        let lanes = assign_lanes(&[(0.0, 10.0), (5.0, 15.0), (20.0, 30.0), (8.0, 9.0)], 2.0);
        assert_eq!(lanes, vec![0, 1, 0, 2]);
    }

    #[test]
    fn empty_and_single() {
        assert!(assign_lanes(&[], 1.0).is_empty());
        assert_eq!(assign_lanes(&[(3.0, 3.0)], 1.0), vec![0]);
    }
}
