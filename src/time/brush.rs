//! The brush: selecting a time range by dragging, in the spirit of
//! d3-brush. It lives in pixels; the timeline converts its extent to time
//! at the edge, with its scale's `invert`.

/// How close to an edge (px) a press grabs that edge to resize.
pub const HANDLE_PX: f64 = 7.0;

/// What a press on the timeline does to the brush.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum BrushDrag {
    /// Draw a new brush from `anchor`.
    New { anchor: f64 },
    /// Move the whole brush; `grab` is where the press began.
    Move { grab: f64, start: (f64, f64) },
    /// Drag one edge; `fixed` is the other edge.
    Resize { fixed: f64 },
}

impl BrushDrag {
    /// The drag a press at `x` begins, given the brush's current extent in
    /// px (in any order), if there is one.
    pub fn begin(x: f64, current: Option<(f64, f64)>) -> BrushDrag {
        let Some((a, b)) = current.map(|(a, b)| (a.min(b), a.max(b))) else {
            return BrushDrag::New { anchor: x };
        };
        if (x - a).abs() <= HANDLE_PX {
            BrushDrag::Resize { fixed: b }
        } else if (x - b).abs() <= HANDLE_PX {
            BrushDrag::Resize { fixed: a }
        } else if x > a && x < b {
            BrushDrag::Move {
                grab: x,
                start: (a, b),
            }
        } else {
            BrushDrag::New { anchor: x }
        }
    }

    /// The extent (low, high) in px while the pointer is at `x`, kept
    /// within `[lo, hi]`; a moved brush keeps its width.
    pub fn extent(&self, x: f64, lo: f64, hi: f64) -> (f64, f64) {
        let x = x.clamp(lo, hi);
        match *self {
            BrushDrag::New { anchor } => (anchor.min(x), anchor.max(x)),
            BrushDrag::Resize { fixed } => (fixed.min(x), fixed.max(x)),
            BrushDrag::Move {
                grab,
                start: (a, b),
            } => {
                let width = b - a;
                let shift = (x - grab).clamp(lo - a, hi - b);
                let a = (a + shift).clamp(lo, (hi - width).max(lo));
                (a, a + width)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pressing_outside_starts_a_new_brush() {
        assert_eq!(
            BrushDrag::begin(50.0, None),
            BrushDrag::New { anchor: 50.0 }
        );
        let d = BrushDrag::begin(300.0, Some((100.0, 200.0)));
        assert_eq!(d, BrushDrag::New { anchor: 300.0 });
        // Dragging backwards still gives a low-to-high extent.
        assert_eq!(d.extent(250.0, 0.0, 500.0), (250.0, 300.0));
    }

    #[test]
    fn edges_resize_and_the_middle_moves() {
        let current = Some((200.0, 100.0)); // any order
        assert_eq!(
            BrushDrag::begin(103.0, current),
            BrushDrag::Resize { fixed: 200.0 }
        );
        assert_eq!(
            BrushDrag::begin(196.0, current),
            BrushDrag::Resize { fixed: 100.0 }
        );
        let mv = BrushDrag::begin(150.0, current);
        assert_eq!(mv.extent(170.0, 0.0, 500.0), (120.0, 220.0));
    }

    #[test]
    fn a_moved_brush_stays_inside_and_keeps_its_width() {
        let mv = BrushDrag::begin(150.0, Some((100.0, 200.0)));
        assert_eq!(mv.extent(900.0, 0.0, 500.0), (400.0, 500.0));
        assert_eq!(mv.extent(-900.0, 0.0, 500.0), (0.0, 100.0));
        let new = BrushDrag::begin(10.0, None);
        assert_eq!(new.extent(-50.0, 0.0, 500.0), (0.0, 10.0));
    }
}
