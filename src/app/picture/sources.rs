//! Where a picture gets its two views: the map panel and the timeline
//! panel each register how to paint what they show now, through the
//! drawing trait, so that the picture is drawn by their own painters.

use std::cell::RefCell;
use std::rc::Rc;

use crate::picture::Surface;

/// Paints one view at its size, in its own coordinates.
pub type Paint = Rc<dyn Fn(&dyn Surface)>;

/// What a view shows now: its size (CSS px) and its painter, or `None`
/// before it has a size.
pub type Snapshot = Box<dyn Fn() -> Option<((f64, f64), Paint)>>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    Map,
    Timeline,
}

thread_local! {
    static SOURCES: RefCell<[Option<Rc<Snapshot>>; 2]> = const { RefCell::new([None, None]) };
}

/// Registers a view's snapshot, replacing any earlier one (a remount).
pub fn register(which: Which, snapshot: Snapshot) {
    SOURCES.with(|s| s.borrow_mut()[which as usize] = Some(Rc::new(snapshot)));
}

/// A view as it is now.
pub fn snapshot(which: Which) -> Option<((f64, f64), Paint)> {
    let source = SOURCES.with(|s| s.borrow()[which as usize].clone())?;
    source()
}
