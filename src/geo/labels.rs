//! Label placement without collisions: a greedy pass in priority order.

/// A label that would like a place on screen: its box in px.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelBox {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl LabelBox {
    fn overlaps(&self, o: &LabelBox, margin: f64) -> bool {
        self.x < o.x + o.width + margin
            && o.x < self.x + self.width + margin
            && self.y < o.y + o.height + margin
            && o.y < self.y + self.height + margin
    }
}

/// Which labels to draw: walking `boxes` in order (most important first),
/// each is kept when it overlaps none kept before, nor any `obstacle`.
/// Returns the indexes kept.
pub fn place_labels(boxes: &[LabelBox], obstacles: &[LabelBox], margin: f64) -> Vec<usize> {
    let mut kept: Vec<LabelBox> = Vec::new();
    let mut out = Vec::new();
    for (i, b) in boxes.iter().enumerate() {
        let free = !kept.iter().chain(obstacles).any(|k| b.overlaps(k, margin));
        if free {
            kept.push(*b);
            out.push(i);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(x: f64, y: f64) -> LabelBox {
        LabelBox {
            x,
            y,
            width: 40.0,
            height: 12.0,
        }
    }

    #[test]
    fn earlier_labels_win_collisions() {
        let kept = place_labels(&[b(0.0, 0.0), b(20.0, 5.0), b(100.0, 0.0)], &[], 2.0);
        assert_eq!(kept, vec![0, 2]);
    }

    #[test]
    fn obstacles_block_labels() {
        assert!(place_labels(&[b(0.0, 0.0)], &[b(10.0, 0.0)], 0.0).is_empty());
        assert!(place_labels(&[], &[], 0.0).is_empty());
    }
}
