//! Writing a [`ViewState`] as a query string: a fixed order, defaults left
//! out, every value inside what reading accepts.

use super::codec::Query;
use super::state::{
    round_to, url_instant, url_range, IdChoice, KilledBasisState, MapState, Theme, ViewState,
};
use crate::filter::{Facet, TimeRange};
use crate::time::{CivilDateTime, Seconds};

impl ViewState {
    /// The query string (without `?`), parameters in a fixed order,
    /// defaults left out: "" for the default view.
    pub fn to_query(&self) -> String {
        let mut q = Query::default();
        let page = &self.page;
        if let Some(lang) = page.lang {
            q.raw("lang", lang.code());
        }
        if let Some(data) = &page.data {
            q.text("data", data);
        }
        if let Some(story) = &page.story {
            q.text("story", story);
        }
        let f = &self.filter;
        if !f.query.is_empty() {
            q.text("q", &f.query);
        }
        for facet in Facet::LISTED {
            match f.list(facet) {
                None => {}
                Some(IdChoice::Only(ids)) => q.list(facet.id(), ids),
                Some(IdChoice::Except(ids)) => q.list(&format!("{}-except", facet.id()), ids),
            }
        }
        if let Some(k) = &f.killed {
            let value = match &k.basis {
                KilledBasisState::Highest => k.at_least.to_string(),
                KilledBasisState::Lowest => format!("{},lowest", k.at_least),
                KilledBasisState::Claimant(id) => {
                    format!("{},by:{}", k.at_least, super::codec::encode_item(id))
                }
            };
            q.raw("killed", &value);
        }
        if let Some(t) = f.time {
            q.raw("time", &format_range(t));
        }
        if let Some(t) = self.timeline {
            q.raw("timeline", &format_range(t));
        }
        match self.map {
            None => {}
            Some(MapState::Region(r)) => q.raw("region", r.id()),
            Some(MapState::Centre { lon, lat, zoom }) => {
                // Through the constructor again: a value set directly is
                // still written as one that reads back.
                if let MapState::Centre { lon, lat, zoom } = MapState::centre(lon, lat, zoom) {
                    let zoom = format!("{:.3}", round_to(zoom, 1e3));
                    let zoom = zoom.trim_end_matches('0').trim_end_matches('.');
                    q.raw("map", &format!("{lon:.4},{lat:.4},{zoom}"));
                }
            }
        }
        if let Some(id) = &self.selected {
            q.text("incident", id);
        }
        if let Some(step) = self.step.filter(|&n| n >= 1) {
            q.raw("step", &step.to_string());
        }
        if page.author {
            q.raw("author", "1");
        }
        if page.embed {
            q.raw("embed", "1");
        }
        if page.theme != Theme::Light {
            q.raw("theme", page.theme.id());
        }
        if page.transparent {
            q.raw("transparent", "1");
        }
        if let Some(d) = page.digits {
            q.raw("digits", d.id());
        }
        if let Some(frame) = &page.frame {
            q.text("frame", frame);
        }
        let pym = &page.pym;
        for (key, value) in [
            ("childId", &pym.child_id),
            ("initialWidth", &pym.initial_width),
            ("parentTitle", &pym.parent_title),
            ("parentUrl", &pym.parent_url),
        ] {
            if let Some(v) = value {
                q.text(key, v);
            }
        }
        q.finish()
    }
}

/// Formats an instant as a date, or a date and time when it is not a
/// midnight (to the minute, within the years 0000–9999).
pub fn format_instant(t: Seconds) -> String {
    CivilDateTime::from_seconds(url_instant(t)).to_string()
}

/// `START..END`, kept to what a URL can write ([`url_range`]).
pub fn format_range(r: TimeRange) -> String {
    let r = url_range(r);
    format!("{}..{}", format_instant(r.start), format_instant(r.end))
}

#[cfg(test)]
mod tests {
    use super::super::read::parse_range;
    use super::*;

    #[test]
    fn ranges_are_dates_unless_a_time_is_needed() {
        let r = parse_range("2020-10-01..2021-03-01").expect("valid");
        assert_eq!(format_range(r), "2020-10-01..2021-03-01");
        let r = parse_range("2020-12-30T16:00..2020-12-31").expect("valid");
        assert_eq!(format_range(r), "2020-12-30T16:00..2020-12-31");
        assert!(parse_range("2021-03-01..2020-10-01").is_err());
        assert!(parse_range("2020-10-01").is_err());
        assert!(parse_range("2020-13-01..2021-01-01").is_err());
        // Seconds are dropped: the URL keeps minutes.
        assert_eq!(format_instant(90), "1970-01-01T00:01");
    }

    #[test]
    fn the_last_day_of_the_calendar_is_writable() {
        let last_day = CivilDateTime::date(9999, 12, 31).to_seconds();
        let r = TimeRange::new(last_day, last_day + 86_400);
        let written = format_range(r);
        assert_eq!(written, "9999-12-31..9999-12-31T23:59");
        assert!(parse_range(&written).is_ok(), "{written}");
    }
}
