//! Moving through a story: by the buttons, the keyboard and swipes, with
//! the reading direction in mind (in Arabic "next" lies to the left).
//! Steps are 0-based here; the URL's `step=` is 1-based ([`from_url`],
//! [`to_url`]).

/// What the reader asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Next,
    Previous,
    First,
    Last,
    /// Leave the story, staying at its view.
    Leave,
}

/// The step a move leads to from `current` in a story of `len` steps;
/// `None` when it leads nowhere (Next at the last step, or [`Move::Leave`]).
pub fn go(current: usize, len: usize, m: Move) -> Option<usize> {
    if len == 0 {
        return None;
    }
    let current = clamp(current, len);
    let to = match m {
        Move::Next => current.checked_add(1).filter(|&n| n < len)?,
        Move::Previous => current.checked_sub(1)?,
        Move::First => 0,
        Move::Last => len - 1,
        Move::Leave => return None,
    };
    (to != current).then_some(to)
}

/// A step index inside a story of `len` steps (`len` > 0).
pub fn clamp(index: usize, len: usize) -> usize {
    index.min(len.saturating_sub(1))
}

/// The 0-based step a URL's 1-based `step=` opens: `step=0` is the first,
/// one past the end the last.
pub fn from_url(step: u32, len: usize) -> usize {
    clamp((step as usize).saturating_sub(1), len)
}

/// The URL's 1-based `step=` for a 0-based index.
pub fn to_url(index: usize) -> u32 {
    u32::try_from(index)
        .unwrap_or(u32::MAX - 1)
        .saturating_add(1)
}

/// The step a URL's `step=` opens in `story` (none without a story).
pub fn initial_step(step: Option<u32>, story: Option<&super::Story>) -> Option<usize> {
    let story = story.filter(|s| !s.is_empty())?;
    step.map(|n| from_url(n, story.len()))
}

/// The view a URL opens: at a story step (`step=`), the step's own view
/// (with the URL's page options), so that a link opens the step as its
/// author made it; without a story, `step=` is dropped.
pub fn open_step(
    state: crate::url_state::ViewState,
    story: Option<&super::Story>,
) -> crate::url_state::ViewState {
    let Some(index) = initial_step(state.step, story) else {
        return crate::url_state::ViewState {
            step: None,
            ..state
        };
    };
    let Some(step) = story.and_then(|s| s.step(index)) else {
        return state;
    };
    crate::url_state::ViewState {
        step: Some(to_url(index)),
        ..step.view.to_view_state(&state.page)
    }
}

/// A key pressed on the story card. The arrow pointing the way the text
/// reads goes forward: → in English, ← in Arabic. Page Down and Page Up
/// go forward and back in either language; Home and End to the ends;
/// Escape leaves.
pub fn key(key: &str, rtl: bool) -> Option<Move> {
    let (forward, back) = if rtl {
        ("ArrowLeft", "ArrowRight")
    } else {
        ("ArrowRight", "ArrowLeft")
    };
    Some(match key {
        k if k == forward => Move::Next,
        k if k == back => Move::Previous,
        "PageDown" => Move::Next,
        "PageUp" => Move::Previous,
        "Home" => Move::First,
        "End" => Move::Last,
        "Escape" | "Esc" => Move::Leave,
        _ => return None,
    })
}

/// Shortest swipe that turns a step, in CSS px.
pub const SWIPE_MIN_PX: f64 = 50.0;

/// A swipe from a touch's start to its end (`dx`, `dy` in px, x to the
/// right). Mostly horizontal and long enough, it turns the page the way a
/// book does: swiping the card towards where the text starts brings the
/// next step (leftwards in English, rightwards in Arabic).
pub fn swipe(dx: f64, dy: f64, rtl: bool) -> Option<Move> {
    if !(dx.is_finite() && dy.is_finite()) || dx.abs() < SWIPE_MIN_PX || dx.abs() < 1.5 * dy.abs() {
        return None;
    }
    let towards_start = if rtl { dx > 0.0 } else { dx < 0.0 };
    Some(if towards_start {
        Move::Next
    } else {
        Move::Previous
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_stay_inside_the_story() {
        assert_eq!(go(0, 5, Move::Next), Some(1));
        assert_eq!(go(4, 5, Move::Next), None);
        assert_eq!(go(0, 5, Move::Previous), None);
        assert_eq!(go(3, 5, Move::Previous), Some(2));
        assert_eq!(go(3, 5, Move::First), Some(0));
        assert_eq!(go(0, 5, Move::First), None, "already there");
        assert_eq!(go(1, 5, Move::Last), Some(4));
        assert_eq!(go(2, 5, Move::Leave), None);
        assert_eq!(go(0, 0, Move::Next), None);
        // An index past the end counts as the last step.
        assert_eq!(go(99, 5, Move::Previous), Some(3));
        assert_eq!(go(usize::MAX, 5, Move::Next), None);
    }

    #[test]
    fn the_url_counts_from_one() {
        assert_eq!(from_url(1, 5), 0);
        assert_eq!(from_url(5, 5), 4);
        assert_eq!(from_url(0, 5), 0);
        assert_eq!(from_url(u32::MAX, 5), 4);
        assert_eq!(to_url(0), 1);
        assert_eq!(to_url(4), 5);
        assert_eq!(to_url(usize::MAX), u32::MAX);
        for i in 0..5 {
            assert_eq!(from_url(to_url(i), 5), i);
        }
    }

    #[test]
    fn a_step_opens_only_in_a_story() {
        use crate::story::{Step, StepView, Story};
        use crate::text::Text;
        let step = Step {
            title: Text::new("a", "ب"),
            text: Text::new("a", "ب"),
            view: StepView::default(),
        };
        let story = Story {
            title: Text::new("s", "ق"),
            steps: vec![step.clone(), step],
        };
        assert_eq!(initial_step(Some(2), Some(&story)), Some(1));
        assert_eq!(initial_step(Some(9), Some(&story)), Some(1));
        assert_eq!(initial_step(None, Some(&story)), None);
        assert_eq!(initial_step(Some(1), None), None);

        use crate::url_state::{MapState, ViewState};
        let mut story = story;
        story.steps[1].view.incident = Some("x".into());
        let asked = ViewState {
            step: Some(7),
            map: Some(MapState::centre(1.0, 2.0, 3.0)),
            ..ViewState::default()
        };
        let opened = open_step(asked.clone(), Some(&story));
        assert_eq!(
            (opened.step, opened.map),
            (Some(2), None),
            "the step's view"
        );
        assert_eq!(opened.selected.as_deref(), Some("x"));
        let free = open_step(asked, None);
        assert_eq!(free.step, None);
        assert_eq!(free.map, Some(MapState::centre(1.0, 2.0, 3.0)));
    }

    #[test]
    fn arrows_follow_the_reading_direction() {
        assert_eq!(key("ArrowRight", false), Some(Move::Next));
        assert_eq!(key("ArrowLeft", false), Some(Move::Previous));
        assert_eq!(key("ArrowLeft", true), Some(Move::Next));
        assert_eq!(key("ArrowRight", true), Some(Move::Previous));
        for rtl in [false, true] {
            assert_eq!(key("PageDown", rtl), Some(Move::Next));
            assert_eq!(key("PageUp", rtl), Some(Move::Previous));
            assert_eq!(key("Escape", rtl), Some(Move::Leave));
            assert_eq!(key("Home", rtl), Some(Move::First));
            assert_eq!(key("End", rtl), Some(Move::Last));
            assert_eq!(key("a", rtl), None);
            assert_eq!(key("ArrowDown", rtl), None);
        }
    }

    #[test]
    fn swipes_turn_pages_like_a_book() {
        assert_eq!(swipe(-80.0, 10.0, false), Some(Move::Next));
        assert_eq!(swipe(80.0, 10.0, false), Some(Move::Previous));
        assert_eq!(swipe(80.0, 10.0, true), Some(Move::Next));
        assert_eq!(swipe(-80.0, 10.0, true), Some(Move::Previous));
        // Too short, too vertical, or not a number: no move.
        assert_eq!(swipe(-30.0, 0.0, false), None);
        assert_eq!(swipe(-80.0, 70.0, false), None);
        assert_eq!(swipe(f64::NAN, 0.0, false), None);
    }
}
