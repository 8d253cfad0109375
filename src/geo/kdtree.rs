//! A static 2-d tree over projected points, for hit-testing and range
//! queries without looking at every incident.
//!
//! Built once per dataset (O(n log n)); the points are stored in tree order
//! in one flat array, each node splitting its slice at the median.

use super::projection::Point;
use super::view::Bounds;

#[derive(Clone, Debug, Default)]
pub struct KdTree {
    /// (point, item) in tree order.
    nodes: Vec<(Point, u32)>,
}

impl KdTree {
    /// A tree over `items`, each a point and an id the caller understands
    /// (an incident index). Non-finite points are left out.
    pub fn build(items: impl IntoIterator<Item = (Point, u32)>) -> KdTree {
        let mut nodes: Vec<(Point, u32)> = items
            .into_iter()
            .filter(|(p, _)| p.x.is_finite() && p.y.is_finite())
            .collect();
        sort_level(&mut nodes, 0);
        KdTree { nodes }
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The item nearest to `at` within `radius`, if any (ties go to the
    /// item found first).
    pub fn nearest_within(&self, at: Point, radius: f64) -> Option<(u32, f64)> {
        let mut best: Option<(u32, f64)> = None;
        let mut r2 = radius * radius;
        self.nearest_in(&self.nodes, 0, at, &mut r2, &mut best);
        best.map(|(id, d2)| (id, d2.sqrt()))
    }

    fn nearest_in(
        &self,
        slice: &[(Point, u32)],
        depth: usize,
        at: Point,
        r2: &mut f64,
        best: &mut Option<(u32, f64)>,
    ) {
        if slice.is_empty() {
            return;
        }
        let mid = slice.len() / 2;
        let (p, id) = slice[mid];
        let d2 = (p.x - at.x).powi(2) + (p.y - at.y).powi(2);
        if d2 <= *r2 && best.is_none_or(|(_, b)| d2 < b) {
            *best = Some((id, d2));
            *r2 = d2;
        }
        let diff = if depth % 2 == 0 {
            at.x - p.x
        } else {
            at.y - p.y
        };
        let (near, far) = if diff < 0.0 {
            (&slice[..mid], &slice[mid + 1..])
        } else {
            (&slice[mid + 1..], &slice[..mid])
        };
        self.nearest_in(near, depth + 1, at, r2, best);
        if diff * diff <= *r2 {
            self.nearest_in(far, depth + 1, at, r2, best);
        }
    }

    /// Calls `visit` with every item inside `bounds`.
    pub fn within(&self, bounds: Bounds, mut visit: impl FnMut(u32, Point)) {
        within_in(&self.nodes, 0, bounds, &mut visit);
    }
}

fn within_in(slice: &[(Point, u32)], depth: usize, b: Bounds, visit: &mut impl FnMut(u32, Point)) {
    if slice.is_empty() {
        return;
    }
    let mid = slice.len() / 2;
    let (p, id) = slice[mid];
    if b.contains(p) {
        visit(id, p);
    }
    let (v, lo, hi) = if depth % 2 == 0 {
        (p.x, b.min.x, b.max.x)
    } else {
        (p.y, b.min.y, b.max.y)
    };
    if lo <= v {
        within_in(&slice[..mid], depth + 1, b, visit);
    }
    if hi >= v {
        within_in(&slice[mid + 1..], depth + 1, b, visit);
    }
}

fn sort_level(slice: &mut [(Point, u32)], depth: usize) {
    if slice.len() <= 1 {
        return;
    }
    let mid = slice.len() / 2;
    if depth % 2 == 0 {
        slice.select_nth_unstable_by(mid, |a, b| a.0.x.total_cmp(&b.0.x));
    } else {
        slice.select_nth_unstable_by(mid, |a, b| a.0.y.total_cmp(&b.0.y));
    }
    let (left, right) = slice.split_at_mut(mid);
    sort_level(left, depth + 1);
    sort_level(&mut right[1..], depth + 1);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic pseudo-random sequence (xorshift) for tests.
    fn points(n: u32) -> Vec<(Point, u32)> {
        points_from(0x9e37_79b9_7f4a_7c15, n)
    }

    /// `n` points in [0, 1000)² from `seed`, on a 0.1 grid.
    fn points_from(seed: u64, n: u32) -> Vec<(Point, u32)> {
        let mut s = seed;
        let mut next = || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s % 10_000) as f64 / 10.0
        };
        (0..n).map(|i| (Point::new(next(), next()), i)).collect()
    }

    /// Query points off the tree's grid (a quarter-step offset), so no
    /// query can stop at a point it starts on.
    fn queries(n: u32) -> Vec<Point> {
        points_from(0x2545_f491_4f6c_dd1d, n)
            .into_iter()
            .map(|(p, _)| Point::new(p.x + 0.025, p.y + 0.075))
            .collect()
    }

    fn brute_nearest(items: &[(Point, u32)], at: Point, r: f64) -> Option<f64> {
        items
            .iter()
            .map(|(p, _)| ((p.x - at.x).powi(2) + (p.y - at.y).powi(2)).sqrt())
            .filter(|d| *d <= r)
            .min_by(f64::total_cmp)
    }

    #[test]
    fn nearest_matches_brute_force() {
        let items = points(2000);
        let tree = KdTree::build(items.clone());
        for (q, _) in points(200).iter().skip(3) {
            let got = tree.nearest_within(*q, 25.0).map(|(_, d)| d);
            assert_eq!(got, brute_nearest(&items, *q, 25.0), "{q:?}");
        }
    }

    #[test]
    fn nearest_at_points_not_in_the_tree_matches_brute_force() {
        // 20,000 points: deep enough that a wrong pruning test skips
        // subtrees holding the answer.
        let items = points(20_000);
        let tree = KdTree::build(items.clone());
        let mut found = 0;
        for q in queries(400) {
            for r in [0.5, 3.0, 12.0, 60.0, f64::INFINITY] {
                let got = tree.nearest_within(q, r);
                let want = brute_nearest(&items, q, r);
                assert_eq!(got.map(|(_, d)| d), want, "at {q:?} within {r}");
                if let Some((id, d)) = got {
                    // The id is a point at that distance (ties may differ).
                    let p = items[id as usize].0;
                    assert_eq!(((p.x - q.x).powi(2) + (p.y - q.y).powi(2)).sqrt(), d);
                    found += 1;
                }
            }
        }
        // Both outcomes were exercised: found and nothing within reach.
        assert!(found > 400 && found < 2000, "{found}");
    }

    #[test]
    fn within_random_boxes_matches_brute_force() {
        let items = points(20_000);
        let tree = KdTree::build(items.clone());
        let corners = queries(600);
        for pair in corners.chunks_exact(2) {
            let (a, c) = (pair[0], pair[1]);
            // Boxes from slivers to a third of the plane.
            let b = Bounds {
                min: Point::new(a.x.min(c.x), a.y.min(c.y)),
                max: Point::new(a.x.max(c.x), a.y.min(c.y) + (a.y - c.y).abs() / 3.0),
            };
            let mut got = Vec::new();
            tree.within(b, |id, _| got.push(id));
            got.sort_unstable();
            let want: Vec<u32> = items
                .iter()
                .filter(|(p, _)| b.contains(*p))
                .map(|(_, id)| *id)
                .collect();
            assert_eq!(got, want, "{b:?}");
        }
    }

    #[test]
    fn within_matches_brute_force() {
        let items = points(1500);
        let tree = KdTree::build(items.clone());
        let b = Bounds {
            min: Point::new(100.0, 200.0),
            max: Point::new(400.0, 350.0),
        };
        let mut got = Vec::new();
        tree.within(b, |id, _| got.push(id));
        got.sort_unstable();
        let want: Vec<u32> = items
            .iter()
            .filter(|(p, _)| b.contains(*p))
            .map(|(_, id)| *id)
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn empty_single_and_coincident() {
        let empty = KdTree::build(Vec::new());
        assert!(empty.nearest_within(Point::new(0.0, 0.0), 1e9).is_none());
        let one = KdTree::build(vec![(Point::new(1.0, 1.0), 7)]);
        assert_eq!(
            one.nearest_within(Point::new(1.5, 1.0), 1.0).map(|x| x.0),
            Some(7)
        );
        assert!(one.nearest_within(Point::new(5.0, 1.0), 1.0).is_none());
        let same = KdTree::build((0..100).map(|i| (Point::new(3.0, 3.0), i)));
        let mut n = 0;
        same.within(
            Bounds {
                min: Point::new(3.0, 3.0),
                max: Point::new(3.0, 3.0),
            },
            |_, _| n += 1,
        );
        assert_eq!(n, 100);
        assert!(same.nearest_within(Point::new(3.0, 3.0), 0.0).is_some());
    }

    #[test]
    fn skips_non_finite_points() {
        let t = KdTree::build(vec![
            (Point::new(f64::NAN, 0.0), 1),
            (Point::new(0.0, 0.0), 2),
        ]);
        assert_eq!(t.len(), 1);
    }
}
