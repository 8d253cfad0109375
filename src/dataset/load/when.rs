//! An incident's date: an interval with a precision.

use super::collector::Validator;
use super::path::Path;
use crate::dataset::format::*;
use crate::dataset::message::Message;
use crate::dataset::model::*;
use crate::time::DAY;

impl Validator {
    pub(super) fn when(&mut self, raw: Option<RawWhen<'_>>, path: &Path) -> When {
        let mut out = When {
            start: 0,
            end: DAY,
            precision: DatePrecision::Exact,
            has_time: false,
            approximate_time: false,
            as_reported: None,
            as_reported_translated: Vec::new(),
        };
        let Some(raw) = self.required(raw, path) else {
            return out;
        };
        let start_path = path.field("start");
        let start = self
            .required(raw.start.as_deref(), &start_path)
            .and_then(|s| self.date(s, &start_path));
        let end_path = path.field("end");
        let end = raw.end.as_deref().and_then(|s| self.date(s, &end_path));
        out.precision = self
            .vocabulary(
                raw.precision.as_deref(),
                &path.field("precision"),
                DatePrecision::parse,
                DatePrecision::ids,
            )
            .unwrap_or(DatePrecision::Exact);
        out.as_reported = self.optional_text(raw.as_reported, &path.field("as_reported"));
        out.as_reported_translated = self.translated(
            &raw.as_reported_translated,
            out.as_reported.as_ref(),
            &path.field("as_reported_translated"),
        );
        if let Some(start) = start {
            out.start = start.to_seconds();
            out.has_time = start.has_time;
            if raw.approximate_time == Some(true) && !start.has_time {
                // "About" qualifies a time of day; a date alone has none.
                self.error(
                    &path.field("approximate_time"),
                    Message::ApproximateWithoutTime,
                );
            }
            out.approximate_time = raw.approximate_time == Some(true) && start.has_time;
            let end = end.unwrap_or(start);
            // A date ends at the end of its day; a time is an instant.
            out.end = if end.has_time {
                end.to_seconds()
            } else {
                end.to_seconds() + DAY
            };
            if end < start || out.end < out.start {
                self.error(
                    &end_path,
                    Message::EndBeforeStart {
                        start: start.to_string(),
                        end: end.to_string(),
                    },
                );
                out.end = out.start + DAY;
            } else if out.end == out.start && out.precision != DatePrecision::Exact {
                // Only an exact date may be an instant: a period of no length
                // has nothing to spread over, so the timeline could not draw it.
                self.error(
                    path,
                    Message::NoLength {
                        precision: out.precision,
                    },
                );
                out.end = out.start + DAY;
            }
        }
        out
    }
}
