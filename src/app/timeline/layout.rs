//! What the timeline draws, derived from the dataset, the incidents in
//! context and the scale: the glue between the app's state and
//! `time::marks` / `time::histogram`. Kept in a memo, so hovering,
//! selecting and brushing repaint without laying out again.

use std::sync::Arc;

use super::super::state::Shown;
use crate::dataset::Dataset;
use crate::filter::primary_pattern;
use crate::filter::Filter;
use crate::geo::Size;
use crate::symbols::radius_for_killed;
use crate::text::Lang;
use crate::time::histogram::{Dated, Histogram};
use crate::time::marks::{self, Band, Mark, Span};
use crate::time::TimeScale;

/// The axis band's height at the bottom of the canvas, px.
pub const AXIS_HEIGHT: f64 = 26.0;
/// Space above the plot, px.
pub const TOP: f64 = 10.0;
/// The margin at each end of the axis, px.
pub const SIDE: f64 = 18.0;
/// A mark's radius before it is scaled by casualties, px.
const MARK_R: f64 = 5.0;
/// The width a histogram bin aims for, px.
const BIN_PX: f64 = 7.0;

/// The pixel range the time axis spans: right to left in Arabic (see
/// docs/architecture.md, "Time runs with the reading direction").
pub fn axis_range(width: f64, lang: Lang) -> (f64, f64) {
    match lang {
        Lang::En => (SIDE, width - SIDE),
        Lang::Ar => (width - SIDE, SIDE),
    }
}

/// The incidents in view, as marks or as a histogram.
#[derive(Clone, Debug, PartialEq)]
pub enum Drawn {
    Marks(Vec<Mark>),
    Histogram {
        bins: Arc<Histogram>,
        in_view: usize,
    },
}

/// One laid-out timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub scale: TimeScale,
    pub size: Size,
    /// The top of the axis band, px.
    pub axis_y: f64,
    pub drawn: Drawn,
}

impl Layout {
    /// How many incidents the timeline draws.
    pub fn count(&self) -> usize {
        match &self.drawn {
            Drawn::Marks(m) => m.len(),
            Drawn::Histogram { in_view, .. } => *in_view,
        }
    }

    pub fn marks(&self) -> &[Mark] {
        match &self.drawn {
            Drawn::Marks(m) => m,
            Drawn::Histogram { .. } => &[],
        }
    }

    pub fn histogram(&self) -> Option<&Histogram> {
        match &self.drawn {
            Drawn::Histogram { bins, .. } => Some(bins),
            Drawn::Marks(_) => None,
        }
    }

    /// The mark of `incident`, if it is drawn as one.
    pub fn mark_of(&self, incident: u32) -> Option<Mark> {
        self.marks()
            .iter()
            .find(|m| m.incident == incident)
            .copied()
    }
}

/// Lays out the incidents of `context` on `scale` in a canvas of `size`.
/// `filter` chooses the pattern each incident is counted under.
pub fn lay_out(
    dataset: &Dataset,
    context: &Shown,
    filter: &Filter,
    scale: TimeScale,
    size: Size,
) -> Layout {
    let axis_y = size.height - AXIS_HEIGHT;
    let spans = context.ids.iter().filter_map(|&i| {
        let when = &dataset.incidents.get(i as usize)?.when;
        Some(Span {
            incident: i,
            start: when.start,
            end: when.end,
            exact: when.is_exact(),
        })
    });
    let in_view = marks::in_view(spans, scale.domain());
    let drawn = if marks::is_dense(in_view.len()) {
        let items = in_view.iter().filter_map(|s| {
            let incident = dataset.incidents.get(s.incident as usize)?;
            primary_pattern(incident, filter).map(|pattern| Dated {
                start: s.start,
                end: s.end,
                exact: s.exact,
                pattern,
            })
        });
        let bins = Histogram::build(items, dataset.patterns.len(), scale.bin_edges(BIN_PX));
        Drawn::Histogram {
            bins: Arc::new(bins),
            in_view: in_view.len(),
        }
    } else {
        let band = Band {
            top: TOP,
            baseline: axis_y - 6.0,
            width: size.width,
        };
        Drawn::Marks(marks::lay_out(&in_view, &scale, band, |i| {
            let killed = dataset
                .incidents
                .get(i as usize)
                .and_then(|inc| inc.highest_killed());
            radius_for_killed(killed, MARK_R)
        }))
    };
    Layout {
        scale,
        size,
        axis_y,
        drawn,
    }
}
