//! Browser events on the map's canvas, translated into [`Input`]s for the
//! gesture state machine; the views it produces go to the camera, and the
//! rest of what the events meant is handed back to the panel.

use leptos::html::Canvas;
use leptos::prelude::*;
use web_sys::{KeyboardEvent, MouseEvent, PointerEvent, WheelEvent};

use super::camera::Camera;
use crate::geo::gesture::{wheel_delta_px, Gesture, Input, MapKey, Outcome, Px};
use crate::geo::Size;

#[derive(Clone, Copy)]
pub struct MapInput {
    gesture: StoredValue<Gesture>,
    canvas: NodeRef<Canvas>,
    size: ReadSignal<Option<Size>>,
    camera: Camera,
}

impl MapInput {
    pub fn new(
        canvas: NodeRef<Canvas>,
        size: ReadSignal<Option<Size>>,
        camera: Camera,
    ) -> MapInput {
        MapInput {
            gesture: StoredValue::new(Gesture::Idle),
            canvas,
            size,
            camera,
        }
    }

    /// Runs `input` through the gesture; a new view goes to the camera,
    /// anything else is returned.
    pub fn feed(&self, input: Input) -> Outcome {
        let (Some(size), Some(view), Some(limits)) = (
            self.size.get_untracked(),
            self.camera.view.get_untracked(),
            self.camera.limits.get_untracked(),
        ) else {
            return Outcome::Nothing;
        };
        let (next, outcome) = self.gesture.get_value().on(input, view, size, &limits);
        self.gesture.set_value(next);
        match outcome {
            Outcome::View(v) => {
                self.camera.set_view(v);
                Outcome::Nothing
            }
            other => other,
        }
    }

    /// An event's position on the canvas.
    fn local(&self, e: &MouseEvent) -> Px {
        let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
        self.canvas.get_untracked().map_or((x, y), |c| {
            let r = c.get_bounding_client_rect();
            (x - r.left(), y - r.top())
        })
    }

    pub fn pointer_down(&self, e: &PointerEvent) -> Outcome {
        // Captured, a drag goes on outside the canvas until released.
        if let Some(c) = self.canvas.get_untracked() {
            let _ = c.set_pointer_capture(e.pointer_id());
        }
        let at = self.local(e);
        self.feed(Input::Down {
            pointer: e.pointer_id(),
            at,
        })
    }

    pub fn pointer_move(&self, e: &PointerEvent) -> Outcome {
        let at = self.local(e);
        self.feed(Input::Move {
            pointer: e.pointer_id(),
            at,
        })
    }

    pub fn pointer_up(&self, e: &PointerEvent) -> Outcome {
        let at = self.local(e);
        self.feed(Input::Up {
            pointer: e.pointer_id(),
            at,
        })
    }

    pub fn pointer_cancel(&self, e: &PointerEvent) -> Outcome {
        self.feed(Input::Cancel {
            pointer: e.pointer_id(),
        })
    }

    pub fn pointer_leave(&self) -> Outcome {
        self.feed(Input::Leave)
    }

    pub fn wheel(&self, e: &WheelEvent) -> Outcome {
        // The page must not scroll while the map zooms.
        e.prevent_default();
        let at = self.local(e);
        let delta_px = wheel_delta_px(e.delta_y(), e.delta_mode());
        self.feed(Input::Wheel { delta_px, at })
    }

    pub fn double_click(&self, e: &MouseEvent) -> Outcome {
        let at = self.local(e);
        self.feed(Input::DoubleClick {
            at,
            zoom_out: e.shift_key(),
        })
    }

    pub fn key(&self, e: &KeyboardEvent) -> Outcome {
        let Some(key) = MapKey::from_key(&e.key()) else {
            return Outcome::Nothing;
        };
        e.prevent_default();
        self.feed(Input::Key(key))
    }
}
