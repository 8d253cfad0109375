//! Story mode: a guided tour through the atlas, step by step. A story is a
//! title and an ordered list of steps; each step has a title and a text
//! (Arabic and English) and a view (time range, map, filters, selected
//! incident) that the atlas moves to. Plain Rust, tested natively; the
//! reader's card and the author's tools are in `app::story`.
//!
//! - [`model`]: the validated [`Story`], [`Step`] and [`StepView`], and
//!   how a step's view becomes the URL's [`ViewState`](crate::url_state::ViewState);
//! - [`validate`]: JSON (in a dataset's `story` key, or a story file of its
//!   own) into a [`Story`], every problem located like the dataset's
//!   (`story.steps[2].view.incident: …`);
//! - [`message`]: the story's problems, worded in Arabic and English;
//! - [`nav`]: which step comes next by button, key or swipe, and the
//!   step a URL opens;
//! - [`motion`]: the timeline moving to a step, eased like the map;
//! - [`author`]: the current view as a new step, a story as JSON.
//!
//! The format is in docs/story.md.

pub mod author;
pub mod message;
pub mod model;
pub mod motion;
pub mod nav;
pub mod validate;

pub use message::StoryMessage;
pub use model::{Step, StepView, Story};
pub use validate::{load_story_file, validate_story};
