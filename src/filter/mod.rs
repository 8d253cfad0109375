//! Which incidents are shown: the reader's filter ([`Filter`]), an index
//! built once per dataset so that evaluating it is one pass over flat
//! arrays ([`FilterIndex`]), and the result with faceted counts
//! ([`Evaluation`]).
//!
//! The filter has one restriction per [`Facet`]; an incident is shown when
//! it passes all of them. Within a listed facet the values on are ORed (an
//! incident with two patterns shows while either is on; one with two
//! places shows while either place's governorate is on).
//!
//! Values of the listed facets are numbered per facet ("value indexes"):
//!
//! | facet | values |
//! | --- | --- |
//! | Pattern | [`Dataset::patterns`] indexes |
//! | Actor | [`Dataset::actors`] indexes, then "nobody named" ([`nobody_named`]) |
//! | Attribution | [`Attribution::ALL`] indexes |
//! | Target | [`TargetKind::ALL`] indexes; an incident without a target is `Unknown` |
//! | Governorate | [`GOVERNORATES`] indexes, then "other or none" ([`OTHER_GOVERNORATE`]) |
//! | Region | [`Region::ALL`] indexes; a place is in a region when it lies in its [`region_box`](crate::geo::region::region_box) |
//! | Claimant | [`Dataset::claimants`] indexes; an incident has those that made a claim about it |
//! | Source | [`Dataset::sources`] indexes; an incident has those it cites |
//! | DatePrecision | [`DatePrecision::ALL`](crate::dataset::DatePrecision::ALL) indexes: how well its date is known |
//! | PlacePrecision | [`PlacePrecision::ALL`](crate::dataset::PlacePrecision::ALL) indexes; an incident has each of its places' |
//!
//! The parts: [`Facet`] and the values an incident has in each (facet.rs),
//! the [`Filter`] value (value.rs), its labels ([`FacetLabels`]), the
//! direct per-incident evaluation that tests check the index against
//! (direct.rs), the [`FilterIndex`] and the indexed [`Evaluation`].

mod certainty;
mod direct;
mod evaluate;
mod facet;
mod index;
mod labels;
mod primary;
#[cfg(test)]
mod test_data;
mod value;

pub use certainty::{exactly_known, Certainty};
pub use evaluate::{Evaluation, FacetCounts};
pub use facet::{
    attribution_value, date_precision_value, governorate_value, in_region, nobody_named,
    place_precision_value, region_value, target_value, Facet, NOBODY_NAMED_ID, OTHER_GOVERNORATE,
    OTHER_GOVERNORATE_ID,
};
pub use index::FilterIndex;
pub use labels::FacetLabels;
pub use primary::primary_pattern;
pub use value::{Filter, KilledBasis, MinKilled, TimeRange};

use facet::{claim_killed, for_each_value, search_text, KilledFigures, ValueCounts, LISTED_BITS};
