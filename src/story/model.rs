//! The validated story: what the reader steps through.

use crate::filter::TimeRange;
use crate::text::Text;
use crate::url_state::{FilterState, MapState, Page, ViewState};

/// Most steps a story may have (a story is read, not browsed).
pub const MAX_STEPS: usize = 200;

/// A guided tour through the atlas.
#[derive(Clone, Debug, PartialEq)]
pub struct Story {
    pub title: Text,
    /// At least one, at most [`MAX_STEPS`].
    pub steps: Vec<Step>,
}

/// One stop of a story: what the card says and what the views show.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub title: Text,
    pub text: Text,
    pub view: StepView,
}

/// What the atlas shows at a step, by stable ids and dates, in the URL's
/// terms so that a step and a link are the same thing. Anything left out
/// is the atlas's default (no filter, the whole timeline, the home map).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StepView {
    /// The filters, the time range (`filter.time`) included.
    pub filter: FilterState,
    /// The timeline's visible span; `None`: the whole period.
    pub timeline: Option<TimeRange>,
    /// Where the map looks; `None`: the atlas's home region.
    pub map: Option<MapState>,
    /// The selected incident's id (checked against the dataset).
    pub incident: Option<String>,
}

impl StepView {
    /// The whole view this step asks for, on a page (language, embedding,
    /// the story itself stay the page's).
    pub fn to_view_state(&self, page: &Page) -> ViewState {
        ViewState {
            page: page.clone(),
            filter: self.filter.clone(),
            timeline: self.timeline,
            map: self.map,
            selected: self.incident.clone(),
            ..ViewState::default()
        }
    }

    /// The view part of a URL's state (for "Add this view as a step").
    pub fn from_view_state(state: &ViewState) -> StepView {
        StepView {
            filter: state.filter.clone(),
            timeline: state.timeline,
            map: state.map,
            incident: state.selected.clone(),
        }
    }
}

impl Story {
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// The step at a 0-based index.
    pub fn step(&self, index: usize) -> Option<&Step> {
        self.steps.get(index)
    }
}
