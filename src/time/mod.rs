//! Time: civil dates, the time scale and its ticks.
//!
//! Instants are seconds since 1970-01-01T00:00 in *civil* time: datasets
//! give local dates without a time zone, so no zone is applied anywhere.

pub mod brush;
pub mod calendar;
pub mod gesture;
pub mod histogram;
pub mod lanes;
pub mod marks;
pub mod playback;
pub mod scale;

pub use calendar::{CivilDateTime, Seconds, DAY, HOUR, MINUTE};
pub use scale::{Tick, TickUnit, TimeScale};
