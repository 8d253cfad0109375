//! The whole view in the URL's query string, so that a link reproduces
//! what the reader sees: language, filter, timeline zoom, map view,
//! selected incident and the presentation flags of an embed. This is the
//! only place that reads or writes the app's query parameters.
//!
//! Everything is by stable id or date, never by index, so links survive
//! datasets that grow. Parameters, in the order [`ViewState::to_query`]
//! writes them (defaults are left out):
//!
//! | parameter | example | meaning |
//! | --- | --- | --- |
//! | `lang` | `ar`, `en` | interface language |
//! | `data` | `https://example.org/a.json` | dataset URL, kept as given |
//! | `story` | `stories/t3.json` | a story file on the atlas's own site, kept as given |
//! | `q` | `دير+الزور` | free-text search |
//! | `pattern`, `actor`, `attribution`, `target`, `governorate`, `area`, `claimant`, `source`, `date-precision`, `place-precision` | `pattern=bus-ambush,kidnapping`, `date-precision=exact,days` | only these values on |
//! | the same with `-except` | `pattern-except=explosion` | every value on but these |
//! | `killed` | `10`, `10,lowest`, `10,by:sohr` | at least 10 killed by the highest claim (default), the lowest, or a claimant's |
//! | `time` | `2020-10-01..2021-03-01` | the time filter: from the first instant to the second, excluded |
//! | `timeline` | `2019-01-01..2024-01-01` | the timeline's visible span |
//! | `map` | `38.4600,34.5200,7.5` | map centre longitude, latitude (4 decimals) and zoom (−10 to 20) |
//! | `region` | `badia` | map showing a region preset (instead of `map`) |
//! | `incident` | `t3-bus-2022-01-02` | the selected incident |
//! | `step` | `2` | the story's step shown, from 1 (a number past the end is the last step) |
//! | `author` | `1` | author mode: "Add this view as a step" |
//! | `embed`, `transparent` | `1` | presentation flags (also `true`/`false`, `yes`/`no`, `on`/`off`, `0`, in any case) |
//! | `theme` | `light`, `dark`, `auto` | `light` by default |
//! | `digits` | `arab`, `latn` | numeral style, else the language's |
//! | `frame` | `incident-atlas-k3v9qa` | the id an embedded frame reports with its height |
//! | `childId`, `initialWidth`, `parentTitle`, `parentUrl` | | added by Pym.js parents; `childId` names Pym's height message, the others are kept as given |
//!
//! Lists are comma-separated; a comma inside an id is written `%2C`. The
//! actor "nobody named" is `none`, the governorate "other or none" is
//! `other`. Dates are `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` when the instant
//! is not a midnight; times are kept to the minute, within the years
//! 0000–9999 ([`url_range`]). Names of themes, digits, flags, languages
//! and regions are read in any case; ids are exact.
//!
//! Reading a query never fails: unknown parameters, unknown ids and
//! malformed values are ignored, each with a warning to show. What a URL
//! may ask for is capped, so that reading costs at most its length:
//!
//! - a parameter's value: [`MAX_VALUE_LEN`] bytes (a longer one is ignored);
//! - a list: [`MAX_LIST_IDS`] ids (the rest are ignored); each id costs one
//!   hash lookup;
//! - warnings: [`MAX_WARNINGS`], then one saying how many more there were.
//!
//! Writing keeps every value inside what reading accepts (a zoom of 1e306
//! is written as 20, a range ending after 9999 ends on 9999-12-31T23:59),
//! so that reading what was written gives the same state.
//!
//! The parts: `state` holds the values ([`ViewState`], [`Page`],
//! [`FilterState`], [`MapState`]…) and their constructors, `codec` the
//! percent-encoding, `filter` the reader's filter by ids and back, `read`
//! and `write` the query string.

mod codec;
mod filter;
mod read;
mod state;
mod write;

pub use codec::{decode, encode};
pub(crate) use read::known_ids;
pub use read::parse_range;
pub use state::{
    page_language, plain_id, url_range, url_time_max, url_time_min, Digits, FilterState, IdChoice,
    KilledBasisState, KilledState, MapState, Page, Pym, Theme, ViewState, MAX_FRAME_ID_LEN,
    ZOOM_RANGE,
};
pub use write::{format_instant, format_range};

use crate::dataset::Dataset;
use crate::filter::Filter;

/// Longest parameter value read, in bytes (before decoding). Generous: a
/// list of every source of a large dataset fits.
pub const MAX_VALUE_LEN: usize = 1 << 20;
/// Most ids read from one list.
pub const MAX_LIST_IDS: usize = 10_000;
/// Most warnings reported for one query.
pub const MAX_WARNINGS: usize = 50;

impl ViewState {
    /// The view with its filter replaced by a [`Filter`]'s choices.
    pub fn with_filter(mut self, filter: &Filter, dataset: &Dataset) -> ViewState {
        self.filter = FilterState::from_filter(filter, dataset);
        self
    }

    /// The filter the view's choices make for a dataset.
    pub fn to_filter(&self, dataset: &Dataset) -> Filter {
        self.filter.to_filter(dataset)
    }
}
