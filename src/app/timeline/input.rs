//! Browser events on the timeline's canvas, run through the gesture state
//! machine (`time::gesture`): the spans it produces go to the visible
//! domain, brushes to the time filter (or to a preview over a large
//! dataset), clicks to the selection or into a histogram bin.

use leptos::html::Canvas;
use leptos::prelude::*;
use web_sys::{KeyboardEvent, MouseEvent, PointerEvent, WheelEvent};

use super::layout::Layout;
use crate::app::state::Ui;
use crate::time::gesture::{self, Domain, Frame, Gestures, Outcome, ZoomLimits};
use crate::time::{marks, TimeScale};

/// Up to this many incidents, the other views follow a brush as it moves;
/// above, only the brush moves until it is let go.
const LIVE_BRUSH_MAX: usize = 20_000;

/// Where the timeline looks: the visible domain, kept in
/// `ui.timeline_domain` (`None`: the whole data) where the URL reads it.
#[derive(Clone, Copy)]
pub struct Span {
    pub home: Domain,
    pub limits: ZoomLimits,
    ui: Ui,
}

impl Span {
    pub fn new(home: Domain, ui: Ui) -> Span {
        Span {
            home,
            limits: ZoomLimits::around(home),
            ui,
        }
    }

    /// Shows `d`, written only when it changes.
    pub fn show(&self, d: Domain) {
        let next = (d != self.home).then_some(d);
        if self.ui.timeline_domain.get_untracked() != next {
            self.ui.timeline_domain.set(next);
        }
    }

    /// The visible domain, tracked.
    pub fn domain(&self) -> Domain {
        self.ui.timeline_domain.get().unwrap_or(self.home)
    }
}

#[derive(Clone, Copy)]
pub struct TimelineInput {
    gestures: StoredValue<Gestures>,
    canvas: NodeRef<Canvas>,
    layout: Memo<Option<Layout>>,
    scale: Memo<Option<TimeScale>>,
    span: Span,
    /// The brush as drawn: the preview while one is dragged over a large
    /// dataset, else the time filter.
    brush: Memo<Option<(i64, i64)>>,
    brush_preview: RwSignal<Option<(i64, i64)>>,
    live_brush: bool,
    ui: Ui,
}

impl TimelineInput {
    pub fn new(
        canvas: NodeRef<Canvas>,
        layout: Memo<Option<Layout>>,
        scale: Memo<Option<TimeScale>>,
        span: Span,
        incidents: usize,
        ui: Ui,
    ) -> TimelineInput {
        let brush_preview = RwSignal::new(None::<(i64, i64)>);
        TimelineInput {
            gestures: StoredValue::new(Gestures::new()),
            canvas,
            layout,
            scale,
            span,
            brush: Memo::new(move |_| brush_preview.get().or_else(|| ui.time())),
            brush_preview,
            live_brush: incidents <= LIVE_BRUSH_MAX,
            ui,
        }
    }

    /// The brush as drawn.
    pub fn brush(&self) -> Memo<Option<(i64, i64)>> {
        self.brush
    }

    pub fn pointer_down(&self, e: &PointerEvent) {
        let Some(f) = self.frame() else {
            return;
        };
        if let Some(c) = self.canvas.get_untracked() {
            let _ = c.set_pointer_capture(e.pointer_id());
        }
        let at = self.local(e);
        let current = self.brush.get_untracked();
        self.gestures
            .update_value(|g| g.down(e.pointer_id(), at, &f, current));
    }

    pub fn pointer_move(&self, e: &PointerEvent) {
        let Some(f) = self.frame() else {
            return;
        };
        let at = self.local(e);
        let limits = self.span.limits;
        let mut outcome = Outcome::Nothing;
        self.gestures
            .update_value(|g| outcome = g.moved(e.pointer_id(), at, &f, limits));
        self.apply(outcome);
    }

    pub fn pointer_up(&self, e: &PointerEvent) {
        let at = self.local(e);
        let mut outcome = Outcome::Nothing;
        self.gestures
            .update_value(|g| outcome = g.up(e.pointer_id(), at));
        self.apply(outcome);
        if let Some(range) = self.brush_preview.get_untracked() {
            self.brush_preview.set(None);
            self.ui.set_time(Some(range));
        }
    }

    pub fn pointer_cancel(&self, e: &PointerEvent) {
        self.gestures.update_value(|g| g.cancel(e.pointer_id()));
    }

    pub fn pointer_leave(&self) {
        self.ui.hovered.set(None);
    }

    pub fn wheel(&self, e: &WheelEvent) {
        e.prevent_default();
        if let Some(sc) = self.scale.get_untracked() {
            let (x, _) = self.local(e);
            let d = gesture::wheel(&sc, (e.delta_x(), e.delta_y()), x, self.span.limits);
            self.span.show(d);
        }
    }

    pub fn key(&self, e: &KeyboardEvent) {
        let Some(sc) = self.scale.get_untracked() else {
            return;
        };
        if let Some(d) = gesture::key(&e.key(), &sc, self.span.home, self.span.limits) {
            e.prevent_default();
            self.span.show(d);
        }
    }

    /// Zooms about the middle of the axis (the + and − buttons).
    pub fn zoom_by(&self, factor: f64) {
        if let Some(sc) = self.scale.get_untracked() {
            self.span
                .show(gesture::zoom_centre(&sc, factor, self.span.limits));
        }
    }

    pub fn reset(&self) {
        self.span.show(self.span.home);
    }

    fn frame(&self) -> Option<Frame> {
        self.layout.with_untracked(|l| {
            l.as_ref().map(|l| Frame {
                scale: l.scale,
                width: l.size.width,
                axis_y: l.axis_y,
            })
        })
    }

    /// An event's position on the canvas.
    fn local(&self, e: &MouseEvent) -> (f64, f64) {
        self.canvas.get_untracked().map_or((0.0, 0.0), |c| {
            let r = c.get_bounding_client_rect();
            (
                f64::from(e.client_x()) - r.left(),
                f64::from(e.client_y()) - r.top(),
            )
        })
    }

    fn hit(&self, x: f64, y: f64) -> Option<u32> {
        self.layout
            .with_untracked(|l| l.as_ref().and_then(|l| marks::hit(l.marks(), x, y)))
    }

    /// A click in a histogram zooms into its bin; on marks it selects.
    fn click(&self, x: f64, y: f64) {
        let limits = self.span.limits;
        let bin = self.layout.with_untracked(|l| {
            let l = l.as_ref().filter(|l| y < l.axis_y)?;
            let bin = marks::bin_at(l.histogram()?, l.scale.invert(x))?;
            Some(gesture::zoom_into(&l.scale, bin, limits))
        });
        match bin {
            Some(d) => self.span.show(d),
            None => self.ui.selected.set(self.hit(x, y)),
        }
    }

    fn apply(&self, outcome: Outcome) {
        match outcome {
            Outcome::Nothing | Outcome::Released => {}
            Outcome::Hover { x, y } => {
                let h = self.hit(x, y);
                if self.ui.hovered.get_untracked() != h {
                    self.ui.hovered.set(h);
                }
            }
            Outcome::Show(d) => self.span.show(d),
            Outcome::Brush(range) if self.live_brush => self.ui.set_time(Some(range)),
            Outcome::Brush(range) => self.brush_preview.set(Some(range)),
            Outcome::Click { x, y } => self.click(x, y),
        }
    }
}
