//! A story from JSON: the shape first (each step decoded on its own, so
//! that every malformed step is reported), then the meaning against the
//! dataset (ids that resolve, ranges that read, a map on Earth). Every
//! problem has its path, e.g. `story.steps[2].view.incident`.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use super::message::StoryMessage;
use super::model::{Step, StepView, Story, MAX_STEPS};
use crate::dataset::message::JsonKind;
use crate::dataset::{Dataset, Message, Problem};
use crate::filter::Facet;
use crate::geo::Region;
use crate::text::Text;
use crate::url_state::known_ids;
use crate::url_state::{
    parse_range, url_range, FilterState, IdChoice, KilledBasisState, KilledState, MapState,
    ZOOM_RANGE,
};

/// The shape of a story as written.
#[derive(Debug, Default, Deserialize)]
struct RawStory {
    title: Option<Text>,
    steps: Option<Vec<Value>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    title: Option<Text>,
    text: Option<Text>,
    view: Option<RawView>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawView {
    time: Option<String>,
    timeline: Option<String>,
    region: Option<String>,
    map: Option<RawCentre>,
    #[serde(default)]
    filter: BTreeMap<String, Value>,
    incident: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCentre {
    lon: f64,
    lat: f64,
    zoom: f64,
}

/// Filter names besides the listed facets (and their `-except`).
const TEXT_FILTER: &str = "q";
const KILLED_FILTER: &str = "killed";
const KILLED_BY_FILTER: &str = "killed_by";

/// Reads a story file (the same object a dataset has under `story`).
pub fn load_story_file(json: &str, dataset: &Dataset) -> Result<Story, Vec<Problem>> {
    let value: Value = serde_json::from_str(json).map_err(|e| {
        let detail = e.to_string();
        let detail = match detail.find(" at line ") {
            Some(i) => detail[..i].to_owned(),
            None => detail,
        };
        vec![Problem::error(
            format!("line {}, column {}", e.line(), e.column()),
            Message::NotJson { detail },
        )]
    })?;
    let (story, problems) = validate_story(&value, dataset, "");
    match story {
        Some(s) if !problems.iter().any(Problem::is_error) => Ok(s),
        _ => Err(problems),
    }
}

/// Validates a story against the dataset it tours. `root` is where the
/// story sits (`"story"` in a dataset, `""` for a file of its own). The
/// story is `None` when there are errors; the list holds every problem.
pub fn validate_story(
    value: &Value,
    dataset: &Dataset,
    root: &str,
) -> (Option<Story>, Vec<Problem>) {
    let mut v = Checker {
        problems: Vec::new(),
        dataset,
    };
    let story = v.story(value, root);
    let story = story.filter(|_| !v.problems.iter().any(Problem::is_error));
    (story, v.problems)
}

fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_owned()
    } else {
        format!("{path}.{field}")
    }
}

struct Checker<'a> {
    problems: Vec<Problem>,
    dataset: &'a Dataset,
}

impl Checker<'_> {
    fn error(&mut self, path: String, message: impl Into<Message>) {
        self.problems.push(Problem::error(path, message.into()));
    }

    fn story_error(&mut self, path: String, message: StoryMessage) {
        self.error(path, Message::Story(message));
    }

    /// Decodes `value` as `T`, locating a shape error under `path`.
    fn decode<T: for<'de> Deserialize<'de>>(&mut self, value: &Value, path: &str) -> Option<T> {
        match serde_path_to_error::deserialize::<_, T>(value) {
            Ok(t) => Some(t),
            Err(e) => {
                let inner = e.path().to_string();
                let at = if inner == "." {
                    path.to_owned()
                } else {
                    join(path, &inner)
                };
                let detail = e.inner().to_string();
                let detail = detail
                    .replace("invalid type: ", "expected ")
                    .replace(", expected f64", " where a number was expected");
                self.error(at, Message::Shape { detail });
                None
            }
        }
    }

    fn text(&mut self, value: Option<Text>, path: String) -> Option<Text> {
        match value {
            None => {
                self.error(path, Message::Missing);
                None
            }
            Some(t) if t.is_empty() => {
                self.error(path, Message::NoText);
                None
            }
            Some(t) => Some(t),
        }
    }

    fn story(&mut self, value: &Value, root: &str) -> Option<Story> {
        if !value.is_object() {
            self.error(
                root.to_owned(),
                Message::Shape {
                    detail: format!(
                        "expected a story, an object with \"title\" and \"steps\", got {}",
                        json_kind_en(value)
                    ),
                },
            );
            return None;
        }
        let raw: RawStory = self.decode(value, root)?;
        let title = self.text(raw.title, join(root, "title"));
        let steps_path = join(root, "steps");
        let Some(raw_steps) = raw.steps else {
            self.error(steps_path, Message::Missing);
            return None;
        };
        if raw_steps.is_empty() {
            self.story_error(steps_path.clone(), StoryMessage::NoSteps);
        }
        if raw_steps.len() > MAX_STEPS {
            self.story_error(
                steps_path.clone(),
                StoryMessage::TooManySteps { max: MAX_STEPS },
            );
        }
        let steps: Vec<Option<Step>> = raw_steps
            .iter()
            .take(MAX_STEPS)
            .enumerate()
            .map(|(i, s)| self.step(s, &format!("{steps_path}[{i}]")))
            .collect();
        let steps: Option<Vec<Step>> = steps.into_iter().collect();
        Some(Story {
            title: title?,
            steps: steps?,
        })
    }

    fn step(&mut self, value: &Value, path: &str) -> Option<Step> {
        let raw: RawStep = self.decode(value, path)?;
        let title = self.text(raw.title, join(path, "title"));
        let text = self.text(raw.text, join(path, "text"));
        let view_path = join(path, "view");
        let view = match raw.view {
            Some(v) => self.view(v, &view_path),
            None => {
                self.error(view_path, Message::Missing);
                None
            }
        };
        Some(Step {
            title: title?,
            text: text?,
            view: view?,
        })
    }

    fn range(
        &mut self,
        raw: Option<String>,
        path: String,
    ) -> Result<Option<crate::filter::TimeRange>, ()> {
        let Some(raw) = raw else {
            return Ok(None);
        };
        match parse_range(&raw) {
            Ok(r) => Ok(Some(url_range(r))),
            Err(_) => {
                self.story_error(path, StoryMessage::BadRange { got: raw });
                Err(())
            }
        }
    }

    fn view(&mut self, raw: RawView, path: &str) -> Option<StepView> {
        let mut ok = true;
        let time = self.range(raw.time, join(path, "time"));
        let timeline = self.range(raw.timeline, join(path, "timeline"));
        let map = match (raw.region, raw.map) {
            (Some(_), Some(_)) => {
                self.story_error(path.to_owned(), StoryMessage::RegionAndMap);
                ok = false;
                None
            }
            (Some(r), None) => match Region::parse(&r.trim().to_ascii_lowercase()) {
                Some(region) => Some(MapState::Region(region)),
                None => {
                    self.error(
                        join(path, "region"),
                        Message::NotOneOf {
                            got: r,
                            allowed: Region::ids(),
                        },
                    );
                    ok = false;
                    None
                }
            },
            (None, Some(c)) => {
                let at = join(path, "map");
                ok &= self.centre(&c, &at);
                Some(MapState::centre(c.lon, c.lat, c.zoom))
            }
            (None, None) => None,
        };
        let mut filter = self.filter(&raw.filter, &join(path, "filter"), &mut ok);
        let incident = match raw.incident {
            Some(id) if self.dataset.incident_index(&id).is_none() => {
                self.story_error(join(path, "incident"), StoryMessage::UnknownIncident { id });
                ok = false;
                None
            }
            other => other,
        };
        let (Ok(time), Ok(timeline)) = (time, timeline) else {
            return None;
        };
        filter.time = time;
        ok.then_some(StepView {
            filter,
            timeline,
            map,
            incident,
        })
    }

    fn centre(&mut self, c: &RawCentre, path: &str) -> bool {
        let mut ok = true;
        if !(c.lon.is_finite() && (-180.0..=180.0).contains(&c.lon)) {
            self.error(
                join(path, "lon"),
                Message::NotLongitude {
                    value: c.lon.to_string(),
                },
            );
            ok = false;
        }
        if !(c.lat.is_finite() && (-90.0..=90.0).contains(&c.lat)) {
            self.error(
                join(path, "lat"),
                Message::NotLatitude {
                    value: c.lat.to_string(),
                },
            );
            ok = false;
        }
        let (lo, hi) = ZOOM_RANGE;
        if !(c.zoom.is_finite() && (lo..=hi).contains(&c.zoom)) {
            self.story_error(
                join(path, "zoom"),
                StoryMessage::BadZoom {
                    got: c.zoom.to_string(),
                    min: lo.to_string(),
                    max: hi.to_string(),
                },
            );
            ok = false;
        }
        ok
    }

    fn filter(&mut self, raw: &BTreeMap<String, Value>, path: &str, ok: &mut bool) -> FilterState {
        let mut state = FilterState::default();
        let mut killed_by = KilledBasisState::Highest;
        if let Some(by) = raw.get(KILLED_BY_FILTER) {
            let at = join(path, KILLED_BY_FILTER);
            match by.as_str() {
                Some("highest") => {}
                Some("lowest") => killed_by = KilledBasisState::Lowest,
                Some(id) if Facet::Claimant.value_of_id(self.dataset, id).is_some() => {
                    killed_by = KilledBasisState::Claimant(id.to_owned())
                }
                Some(id) => {
                    self.story_error(
                        at,
                        StoryMessage::UnknownValue {
                            filter: KILLED_BY_FILTER.into(),
                            id: id.to_owned(),
                            known: format!(
                                "highest, lowest, {}",
                                known_ids(Facet::Claimant, self.dataset)
                            ),
                        },
                    );
                    *ok = false;
                }
                None => {
                    self.error(
                        at,
                        Message::Shape {
                            detail: format!("expected text, got {}", json_kind_en(by)),
                        },
                    );
                    *ok = false;
                }
            }
        }
        for (name, value) in raw {
            let at = join(path, name);
            match name.as_str() {
                TEXT_FILTER => match value.as_str() {
                    Some(q) => state.query = q.to_owned(),
                    None => {
                        self.error(
                            at,
                            Message::Shape {
                                detail: format!("expected text, got {}", json_kind_en(value)),
                            },
                        );
                        *ok = false;
                    }
                },
                KILLED_FILTER => match value.as_u64().and_then(|n| u32::try_from(n).ok()) {
                    Some(at_least) => {
                        state.killed = Some(KilledState {
                            at_least,
                            basis: killed_by.clone(),
                        })
                    }
                    None => {
                        self.error(
                            at,
                            Message::NotACount {
                                got: value.to_string(),
                            },
                        );
                        *ok = false;
                    }
                },
                KILLED_BY_FILTER => {}
                _ => {
                    let (facet_name, except) = match name.strip_suffix("-except") {
                        Some(n) => (n, true),
                        None => (name.as_str(), false),
                    };
                    let Some(facet) = Facet::LISTED.into_iter().find(|f| f.id() == facet_name)
                    else {
                        self.story_error(
                            at,
                            StoryMessage::UnknownFilter {
                                name: name.clone(),
                                known: filter_names(),
                            },
                        );
                        *ok = false;
                        continue;
                    };
                    if except && raw.contains_key(facet_name) {
                        self.story_error(
                            at,
                            StoryMessage::OnlyAndExcept {
                                filter: facet_name.to_owned(),
                            },
                        );
                        *ok = false;
                        continue;
                    }
                    match self.ids(facet, value, &at) {
                        Some(ids) if except => state.set_list(facet, Some(IdChoice::Except(ids))),
                        Some(ids) => state.set_list(facet, Some(IdChoice::Only(ids))),
                        None => *ok = false,
                    }
                }
            }
        }
        state
    }

    /// A list of a facet's value ids, each known to the dataset.
    fn ids(&mut self, facet: Facet, value: &Value, path: &str) -> Option<Vec<String>> {
        let Value::Array(items) = value else {
            self.error(
                path.to_owned(),
                Message::NotAList {
                    got: JsonKind::of(value),
                },
            );
            return None;
        };
        let mut ids = Vec::new();
        let mut ok = true;
        for (k, item) in items.iter().enumerate() {
            let at = format!("{path}[{k}]");
            match item.as_str() {
                Some(id) if facet.value_of_id(self.dataset, id).is_some() => {
                    if !ids.iter().any(|x| x == id) {
                        ids.push(id.to_owned());
                    }
                }
                Some(id) => {
                    self.story_error(
                        at,
                        StoryMessage::UnknownValue {
                            filter: facet.id().to_owned(),
                            id: id.to_owned(),
                            known: known_ids(facet, self.dataset),
                        },
                    );
                    ok = false;
                }
                None => {
                    self.error(
                        at,
                        Message::Shape {
                            detail: format!("expected an id (text), got {}", json_kind_en(item)),
                        },
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(ids)
    }
}

fn json_kind_en(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Every filter name a step may use.
fn filter_names() -> String {
    let mut names: Vec<String> = Facet::LISTED.iter().map(|f| f.id().to_owned()).collect();
    names.extend(Facet::LISTED.iter().map(|f| format!("{}-except", f.id())));
    names.extend([TEXT_FILTER, KILLED_FILTER, KILLED_BY_FILTER].map(str::to_owned));
    names.join(", ")
}
