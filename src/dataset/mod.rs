//! The dataset: its JSON format, the validated model, and the loader that
//! turns one into the other while reporting every problem with its path.

pub mod figure;
pub mod format;
pub mod load;
pub mod message;
pub mod model;
pub mod problem;

pub use figure::Figure;
pub use load::{load, Loaded};
pub use message::Message;
pub use model::*;
pub use problem::{Problem, Severity};
