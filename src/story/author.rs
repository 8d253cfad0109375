//! Authoring: the atlas's current view as a new step, and a story written
//! out as the JSON that [`super::validate`] reads back (docs/story.md).

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::model::{Step, StepView, Story};
use crate::dataset::Dataset;
use crate::filter::Facet;
use crate::text::Text;
use crate::url_state::{format_range, IdChoice, KilledBasisState, MapState, ViewState};

/// A new step showing `state`'s view. Its title is the selected incident's
/// when there is one; the text is a placeholder for the author to replace.
pub fn step_from_view(state: &ViewState, dataset: &Dataset, number: usize) -> Step {
    let view = StepView::from_view_state(state);
    let title = view
        .incident
        .as_deref()
        .and_then(|id| dataset.incident_index(id))
        .and_then(|i| dataset.incidents.get(i))
        .map(|inc| inc.title.clone())
        .unwrap_or_else(|| Text::new(&format!("Step {number}"), &format!("الخطوة {number}")));
    Step {
        title,
        text: Text::new(
            "Write what the reader should see in this view.",
            "اكتب هنا ما ينبغي أن يراه القارئ في هذا العرض.",
        ),
        view,
    }
}

#[derive(Serialize)]
struct OutStory<'a> {
    title: &'a Text,
    steps: Vec<OutStep<'a>>,
}

#[derive(Serialize)]
struct OutStep<'a> {
    title: &'a Text,
    text: &'a Text,
    view: OutView<'a>,
}

#[derive(Serialize)]
struct OutView<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    time: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    timeline: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    map: Option<OutCentre>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    filter: BTreeMap<String, Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    incident: Option<&'a str>,
}

#[derive(Serialize)]
struct OutCentre {
    lon: f64,
    lat: f64,
    zoom: f64,
}

fn out_view(view: &StepView) -> OutView<'_> {
    let f = &view.filter;
    let mut filter = BTreeMap::new();
    for facet in Facet::LISTED {
        let (name, ids) = match f.list(facet) {
            None => continue,
            Some(IdChoice::Only(ids)) => (facet.id().to_owned(), ids),
            Some(IdChoice::Except(ids)) => (format!("{}-except", facet.id()), ids),
        };
        filter.insert(name, Value::from(ids.clone()));
    }
    if !f.query.is_empty() {
        filter.insert("q".into(), Value::from(f.query.clone()));
    }
    if let Some(k) = &f.killed {
        filter.insert("killed".into(), Value::from(k.at_least));
        match &k.basis {
            KilledBasisState::Highest => {}
            KilledBasisState::Lowest => {
                filter.insert("killed_by".into(), Value::from("lowest"));
            }
            KilledBasisState::Claimant(id) => {
                filter.insert("killed_by".into(), Value::from(id.clone()));
            }
        }
    }
    let (region, map) = match view.map {
        None => (None, None),
        Some(MapState::Region(r)) => (Some(r.id()), None),
        Some(MapState::Centre { lon, lat, zoom }) => (None, Some(OutCentre { lon, lat, zoom })),
    };
    OutView {
        time: f.time.map(format_range),
        timeline: view.timeline.map(format_range),
        region,
        map,
        filter,
        incident: view.incident.as_deref(),
    }
}

/// The story as pretty-printed JSON, as a story file or a dataset's
/// `story` holds it.
pub fn story_json(story: &Story) -> String {
    let out = OutStory {
        title: &story.title,
        steps: story
            .steps
            .iter()
            .map(|s| OutStep {
                title: &s.title,
                text: &s.text,
                view: out_view(&s.view),
            })
            .collect(),
    };
    // Plain data: serialising cannot fail.
    serde_json::to_string_pretty(&out).unwrap_or_default()
}
