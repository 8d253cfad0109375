//! The view as the URL holds it: plain values by stable id and date, with
//! the constructors that keep them inside what the URL can write.

use crate::filter::{Facet, TimeRange};
use crate::geo::Region;
pub use crate::i18n::Digits;
use crate::text::Lang;
use crate::time::{CivilDateTime, Seconds, MINUTE};

/// The page's colour theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    /// The default: the page and its canvases are drawn light.
    #[default]
    Light,
    Dark,
    /// Follows the reader's `prefers-color-scheme`.
    Auto,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::Auto];

    pub fn id(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }

    /// Reads an id, ignoring case and surrounding spaces (`Dark` is `dark`).
    pub fn parse(s: &str) -> Option<Theme> {
        let s = s.trim();
        Theme::ALL
            .into_iter()
            .find(|t| t.id().eq_ignore_ascii_case(s))
    }
}

/// The parameters a Pym.js parent adds to a frame's URL. Only `childId` is
/// read (it names Pym's height message); the others are kept as given.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Pym {
    /// `childId`, kept when it is a plain id (see [`plain_id`]).
    pub child_id: Option<String>,
    pub initial_width: Option<String>,
    pub parent_title: Option<String>,
    pub parent_url: Option<String>,
}

impl Pym {
    pub fn is_empty(&self) -> bool {
        *self == Pym::default()
    }
}

/// What the URL says about the page rather than the data: readable before
/// any dataset loads ([`Page::from_query`](crate::url_state::Page::from_query)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Page {
    /// `None`: the dataset's default, else the browser's.
    pub lang: Option<Lang>,
    /// The dataset URL, as given.
    pub data: Option<String>,
    /// A story file's URL (`story=`), as given; the app loads it from the
    /// page's own site.
    pub story: Option<String>,
    /// Author mode (`author=1`): "Add this view as a step".
    pub author: bool,
    /// Compact chrome for an iframe.
    pub embed: bool,
    pub theme: Theme,
    /// No page background: the host page shows through.
    pub transparent: bool,
    /// `None`: the language's usual digits.
    pub digits: Option<Digits>,
    /// The id an embedded frame reports with its height, kept when it is a
    /// plain id (see [`plain_id`]).
    pub frame: Option<String>,
    pub pym: Pym,
}

impl Page {
    /// The page outside any frame: without the embedding options (embed
    /// mode, theme, transparency, frame id, Pym's parameters).
    pub fn unframed(&self) -> Page {
        Page {
            lang: self.lang,
            data: self.data.clone(),
            story: self.story.clone(),
            digits: self.digits,
            ..Page::default()
        }
    }
}

/// The interface language: the one chosen (by the URL, then by the
/// reader), else the dataset's default, else English when the browser
/// prefers it (`navigator.language`), else Arabic.
pub fn page_language(chosen: Option<Lang>, dataset_default: Option<Lang>, browser: &str) -> Lang {
    chosen.or(dataset_default).unwrap_or_else(|| {
        if browser.trim().to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::Ar
        }
    })
}

/// Longest frame or Pym child id kept from a URL.
pub const MAX_FRAME_ID_LEN: usize = 64;

/// An id for a frame, kept only if it is short and plain (ASCII letters,
/// digits, `-_.:`, at most [`MAX_FRAME_ID_LEN`]), so that hosts can use it
/// anywhere.
pub fn plain_id(s: &str) -> Option<&str> {
    let plain = s
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'));
    (!s.is_empty() && s.len() <= MAX_FRAME_ID_LEN && plain).then_some(s)
}

/// Which values of a listed facet are on, by stable id.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum IdChoice {
    /// Only these.
    Only(Vec<String>),
    /// Every value but these.
    Except(Vec<String>),
}

/// Whose figure a casualty minimum reads, by id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum KilledBasisState {
    Lowest,
    #[default]
    Highest,
    /// A claimant id.
    Claimant(String),
}

/// "At least `at_least` killed" on a basis.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct KilledState {
    pub at_least: u32,
    pub basis: KilledBasisState,
}

/// The filter by ids and dates. `None` (or an empty query) restricts
/// nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct FilterState {
    pub patterns: Option<IdChoice>,
    pub actors: Option<IdChoice>,
    pub attributions: Option<IdChoice>,
    pub targets: Option<IdChoice>,
    pub governorates: Option<IdChoice>,
    /// Region preset ids the incidents' places must lie in.
    pub areas: Option<IdChoice>,
    pub claimants: Option<IdChoice>,
    pub sources: Option<IdChoice>,
    /// How well the date is known: [`DatePrecision`](crate::dataset::DatePrecision) ids.
    pub date_precisions: Option<IdChoice>,
    /// How well a place is known: [`PlacePrecision`](crate::dataset::PlacePrecision) ids.
    pub place_precisions: Option<IdChoice>,
    pub killed: Option<KilledState>,
    /// Use [`url_range`] so that the range survives the URL unchanged.
    pub time: Option<TimeRange>,
    pub query: String,
}

impl FilterState {
    /// The choice of a listed facet.
    pub fn list(&self, facet: Facet) -> &Option<IdChoice> {
        match facet {
            Facet::Pattern => &self.patterns,
            Facet::Actor => &self.actors,
            Facet::Attribution => &self.attributions,
            Facet::Target => &self.targets,
            Facet::Governorate => &self.governorates,
            Facet::Region => &self.areas,
            Facet::Claimant => &self.claimants,
            Facet::Source => &self.sources,
            Facet::DatePrecision => &self.date_precisions,
            Facet::PlacePrecision => &self.place_precisions,
            Facet::Killed | Facet::Time | Facet::Text => &None,
        }
    }

    /// Sets the choice of a listed facet (others have none).
    pub fn set_list(&mut self, facet: Facet, choice: Option<IdChoice>) {
        let slot = match facet {
            Facet::Pattern => &mut self.patterns,
            Facet::Actor => &mut self.actors,
            Facet::Attribution => &mut self.attributions,
            Facet::Target => &mut self.targets,
            Facet::Governorate => &mut self.governorates,
            Facet::Region => &mut self.areas,
            Facet::Claimant => &mut self.claimants,
            Facet::Source => &mut self.sources,
            Facet::DatePrecision => &mut self.date_precisions,
            Facet::PlacePrecision => &mut self.place_precisions,
            Facet::Killed | Facet::Time | Facet::Text => return,
        };
        *slot = choice;
    }
}

/// The zooms a URL may ask for. The app's zoom is log2 of pixels per km;
/// the map narrows this further to what it can show.
pub const ZOOM_RANGE: (f64, f64) = (-10.0, 20.0);

/// Where the map looks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MapState {
    /// Fitted to a region preset.
    Region(Region),
    /// A centre in degrees and a zoom. Use [`MapState::centre`] so that
    /// values survive the URL unchanged.
    Centre { lon: f64, lat: f64, zoom: f64 },
}

impl MapState {
    /// A centre as the URL writes it: on Earth, the zoom within
    /// [`ZOOM_RANGE`] (a NaN becomes 0), rounded to 4 decimals of a degree
    /// (about 10 m) and 3 decimals of zoom.
    pub fn centre(lon: f64, lat: f64, zoom: f64) -> MapState {
        MapState::Centre {
            lon: round_to(bounded(lon, -180.0, 180.0), 1e4),
            lat: round_to(bounded(lat, -90.0, 90.0), 1e4),
            zoom: round_to(bounded(zoom, ZOOM_RANGE.0, ZOOM_RANGE.1), 1e3),
        }
    }
}

fn bounded(x: f64, lo: f64, hi: f64) -> f64 {
    if x.is_nan() {
        0.0_f64.clamp(lo, hi)
    } else {
        x.clamp(lo, hi)
    }
}

pub(super) fn round_to(x: f64, scale: f64) -> f64 {
    let r = (x * scale).round() / scale;
    // No "-0.0000" in URLs.
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// The first instant a URL can write: 0000-01-01.
pub fn url_time_min() -> Seconds {
    CivilDateTime::date(0, 1, 1).to_seconds()
}

/// The last instant a URL can write: 9999-12-31T23:59 (dates have four
/// digits, so the day after 9999-12-31 has no spelling).
pub fn url_time_max() -> Seconds {
    CivilDateTime::date(9999, 12, 31).to_seconds() + 24 * 60 * MINUTE - MINUTE
}

/// A range as the URL writes it: to the minute (rounded down), within the
/// years 0000–9999, and at least a minute long.
pub fn url_range(r: TimeRange) -> TimeRange {
    let (min, max) = (url_time_min(), url_time_max());
    // Clamped before flooring, which could overflow near i64's ends; both
    // bounds are whole minutes, so flooring stays inside them.
    let start = floor_minute(r.start.clamp(min, max - MINUTE));
    let end = floor_minute(r.end.clamp(start + MINUTE, max));
    TimeRange::new(start, end)
}

/// An instant within the URL's years, to the minute (rounded down).
pub(super) fn url_instant(t: Seconds) -> Seconds {
    floor_minute(t.clamp(url_time_min(), url_time_max()))
}

fn floor_minute(t: Seconds) -> Seconds {
    t.div_euclid(MINUTE) * MINUTE
}

/// Everything the URL says about the view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewState {
    pub page: Page,
    pub filter: FilterState,
    /// The timeline's visible span. Use [`url_range`] so that the range
    /// survives the URL unchanged.
    pub timeline: Option<TimeRange>,
    pub map: Option<MapState>,
    /// The selected incident's id.
    pub selected: Option<String>,
    /// The story step shown, counted from 1 (`step=`); `None`: not in the
    /// story. The app brings a number past the end to the last step.
    pub step: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_kept_writable() {
        let r = url_range(TimeRange::new(90, 100));
        assert_eq!((r.start, r.end), (60, 120), "a minute at least");
        let far = url_range(TimeRange::new(0, i64::MAX));
        assert_eq!(far.end, url_time_max());
        let late = url_range(TimeRange::new(i64::MAX - 5, i64::MAX));
        assert_eq!(
            (late.start, late.end),
            (url_time_max() - MINUTE, url_time_max())
        );
        let early = url_range(TimeRange::new(i64::MIN, i64::MIN + 1));
        assert_eq!(early.start, url_time_min());
    }

    #[test]
    fn centres_stay_on_earth_and_in_zoom() {
        assert_eq!(
            MapState::centre(f64::NAN, 95.0, 1e306),
            MapState::Centre {
                lon: 0.0,
                lat: 90.0,
                zoom: ZOOM_RANGE.1
            }
        );
        assert_eq!(
            MapState::centre(-181.0, -0.00001, f64::NEG_INFINITY),
            MapState::Centre {
                lon: -180.0,
                lat: 0.0,
                zoom: ZOOM_RANGE.0
            }
        );
    }

    #[test]
    fn names_ignore_case() {
        assert_eq!(Theme::parse(" Dark"), Some(Theme::Dark));
        assert_eq!(Theme::parse("AUTO"), Some(Theme::Auto));
        assert_eq!(Digits::parse("Latn"), Some(Digits::Latn));
        assert_eq!(Theme::parse("blue"), None);
    }

    #[test]
    fn the_language_is_chosen_then_the_datasets_then_the_browsers() {
        assert_eq!(
            page_language(Some(Lang::Ar), Some(Lang::En), "en-GB"),
            Lang::Ar
        );
        assert_eq!(page_language(None, Some(Lang::En), "ar"), Lang::En);
        assert_eq!(page_language(None, None, "EN-us"), Lang::En);
        assert_eq!(page_language(None, None, "fr"), Lang::Ar);
        assert_eq!(page_language(None, None, ""), Lang::Ar);
    }

    #[test]
    fn frame_ids_are_plain_and_short() {
        assert_eq!(
            plain_id("incident-atlas-k3v9qa"),
            Some("incident-atlas-k3v9qa")
        );
        assert_eq!(plain_id("a b"), None);
        assert_eq!(plain_id("<x>"), None);
        assert_eq!(plain_id(""), None);
        assert_eq!(plain_id(&"a".repeat(65)), None);
    }
}
