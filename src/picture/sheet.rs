//! The sheet a picture of the view is printed on: the dataset's title,
//! the period, what is shown and how well it is known, the active
//! filters, the map and the timeline as the reader sees them, the
//! legend, the map's attribution and the source line. [`Sheet::describe`]
//! gathers its text, [`Placement::of`] lays it out, [`draw`] draws it on
//! any [`Surface`] with the two views painted by the app's own painters.

use super::{trace_symbol, wrap, Surface};
use crate::dataset::{Dataset, Shape};
use crate::filter::{Certainty, Facet, FacetLabels, Filter, KilledBasis, TimeRange};
use crate::i18n::{certainty_line, date_range, number, t, Key, Locale};
use crate::text::Lang;

/// The sheet's fonts: the page's.
const FAMILY: &str = "system-ui, \"Segoe UI\", \"Noto Sans Arabic\", Tahoma, sans-serif";
/// The margin around everything, px.
pub const MARGIN: f64 = 24.0;
/// The narrowest sheet's content, px.
const MIN_CONTENT: f64 = 480.0;
const INK: &str = "#1b1b1b";
const MUTED: &str = "#5f584c";
const PAPER: &str = "#ffffff";
const FRAME: &str = "#8a8173";
/// Most values an active filter line names before "…".
const MAX_VALUES: usize = 8;

/// One pattern in the legend.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendItem {
    pub label: String,
    /// `#rrggbb`
    pub color: String,
    pub shape: Shape,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Legend {
    pub heading: String,
    pub items: Vec<LegendItem>,
    /// What areas, sizes and bars mean.
    pub notes: Vec<String>,
}

/// Everything a sheet says, in one language, and the views' sizes (CSS
/// px, as on screen).
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub lang: Lang,
    pub brand: String,
    pub title: String,
    /// The time shown: the time filter, else the span of the shown
    /// incidents.
    pub period: Option<String>,
    /// "7 of 12 incidents shown", and the certainty line.
    pub summary: Vec<String>,
    /// One line per active filter: "Area: Badia".
    pub filters: Vec<String>,
    pub legend: Legend,
    /// The basemap's attribution.
    pub attribution: String,
    /// Who compiled the data, from what.
    pub source: String,
    pub map: (f64, f64),
    pub timeline: (f64, f64),
}

/// What a sheet is made from.
pub struct View<'a> {
    pub dataset: &'a Dataset,
    pub labels: &'a FacetLabels,
    pub filter: &'a Filter,
    /// The shown incidents (dataset indexes).
    pub shown: &'a [u32],
    pub locale: Locale,
    pub map: (f64, f64),
    pub timeline: (f64, f64),
}

impl Sheet {
    /// The sheet of a view, worded in the locale's language.
    pub fn describe(v: &View) -> Sheet {
        let (ds, l) = (v.dataset, v.locale);
        let lang = l.lang;
        let period = v.filter.time.or_else(|| span_of(ds, v.shown)).map(|r| {
            format!(
                "{}: {}",
                t(lang, Key::TimeRange),
                date_range(l, r.start, r.end, false)
            )
        });
        let certainty = Certainty::of(ds, v.shown);
        let summary = vec![
            format!(
                "{} {} {} {}",
                number(l, v.shown.len() as u64),
                t(lang, Key::Of),
                number(l, ds.incidents.len() as u64),
                t(lang, Key::Shown)
            ),
            certainty_line(l, certainty.exact, certainty.total),
        ];
        let items = ds
            .patterns
            .iter()
            .enumerate()
            .filter(|(i, _)| v.filter.is_on(Facet::Pattern, *i))
            .map(|(_, p)| LegendItem {
                label: p.label.pick(lang).to_owned(),
                color: p.color.clone(),
                shape: p.shape,
            })
            .collect();
        let primary = ds
            .meta
            .primary_source
            .and_then(|s| ds.sources.get(s))
            .map(|s| {
                let mut parts = vec![s.outlet.pick(lang).to_owned()];
                if let Some(title) = &s.title {
                    parts.push(title.pick(lang).to_owned());
                }
                if let Some(url) = s.url.as_deref().filter(|u| is_web_url(u)) {
                    parts.push(url.to_owned());
                }
                parts.join(" · ")
            });
        let mut source = String::new();
        if let Some(p) = primary {
            source = format!("{}: {p}.", t(lang, Key::FacetSource));
        }
        if let Some(a) = &ds.meta.attribution {
            if !source.is_empty() {
                source.push(' ');
            }
            source.push_str(a.pick(lang));
        }
        Sheet {
            lang,
            brand: t(lang, Key::AppName).to_owned(),
            title: ds.meta.title.pick(lang).to_owned(),
            period,
            summary,
            filters: filter_lines(v),
            legend: Legend {
                heading: t(lang, Key::Legend).to_owned(),
                items,
                notes: [Key::LegendImprecise, Key::LegendSize, Key::LegendSpan]
                    .iter()
                    .map(|k| t(lang, *k).to_owned())
                    .collect(),
            },
            attribution: t(lang, Key::MapAttribution).to_owned(),
            source,
            map: v.map,
            timeline: v.timeline,
        }
    }

    pub fn rtl(&self) -> bool {
        self.lang == Lang::Ar
    }
}

fn is_web_url(u: &str) -> bool {
    let lower = u.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// From the earliest start to the latest end of the shown incidents.
fn span_of(ds: &Dataset, shown: &[u32]) -> Option<TimeRange> {
    let whens = shown
        .iter()
        .filter_map(|&i| ds.incidents.get(i as usize))
        .map(|i| &i.when);
    let (mut start, mut end) = (None::<i64>, None::<i64>);
    for w in whens {
        start = Some(start.map_or(w.start, |s| s.min(w.start)));
        end = Some(end.map_or(w.end, |e| e.max(w.end)));
    }
    Some(TimeRange::new(start?, end?.max(start? + 1)))
}

/// The heading a listed facet has in the filter panel.
fn facet_heading(facet: Facet) -> Option<Key> {
    Some(match facet {
        Facet::Pattern => Key::Patterns,
        Facet::Actor => Key::FacetActor,
        Facet::Attribution => Key::FacetAttribution,
        Facet::Target => Key::FacetTarget,
        Facet::Governorate => Key::FacetGovernorate,
        Facet::Region => Key::FacetRegion,
        Facet::Claimant => Key::FacetClaimant,
        Facet::Source => Key::FacetSource,
        Facet::DatePrecision => Key::FacetDatePrecision,
        Facet::PlacePrecision => Key::FacetPlacePrecision,
        Facet::Killed | Facet::Time | Facet::Text => return None,
    })
}

/// One line per facet that restricts what is shown (the time filter is
/// the period line): its heading and the values on.
fn filter_lines(v: &View) -> Vec<String> {
    let (ds, f, lang) = (v.dataset, v.filter, v.locale.lang);
    let comma = if lang == Lang::Ar { "، " } else { ", " };
    let mut lines = Vec::new();
    for facet in Facet::LISTED {
        let (Some(heading), true) = (facet_heading(facet), f.restricts(facet)) else {
            continue;
        };
        let on: Vec<String> = (0..facet.value_count(ds))
            .filter(|&x| f.is_on(facet, x))
            .map(|x| v.labels.label(ds, facet, x, lang))
            .collect();
        let mut named: Vec<String> = on.iter().take(MAX_VALUES).cloned().collect();
        if on.len() > MAX_VALUES {
            named.push("…".into());
        }
        let values = if named.is_empty() {
            "—".to_owned()
        } else {
            named.join(comma)
        };
        lines.push(format!("{}: {values}", t(lang, heading)));
    }
    if let Some(m) = f.min_killed.filter(|m| m.at_least > 0) {
        let basis = match m.basis {
            KilledBasis::Highest => t(lang, Key::BasisHighest).to_owned(),
            KilledBasis::Lowest => t(lang, Key::BasisLowest).to_owned(),
            KilledBasis::Claimant(c) => ds
                .claimants
                .get(c)
                .map(|c| c.name.pick(lang).to_owned())
                .unwrap_or_default(),
        };
        lines.push(format!(
            "{}: {} ({} {basis})",
            t(lang, Key::AtLeastKilled),
            number(v.locale, u64::from(m.at_least)),
            t(lang, Key::KilledBasis)
        ));
    }
    if f.restricts(Facet::Text) {
        let (open, close) = if lang == Lang::Ar {
            ("«", "»")
        } else {
            ("“", "”")
        };
        lines.push(format!(
            "{}: {open}{}{close}",
            t(lang, Key::PictureSearch),
            f.query.trim()
        ));
    }
    lines
}

/// A line of text on the sheet.
#[derive(Clone, Debug, PartialEq)]
struct Line {
    text: String,
    y: f64,
    font: String,
    color: &'static str,
}

/// Where everything goes on a sheet, CSS px.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    pub width: f64,
    pub height: f64,
    /// The map's and the timeline's top-left corners.
    pub map: (f64, f64),
    pub timeline: (f64, f64),
    lines: Vec<Line>,
    /// Legend items: index, swatch centre x, baseline-middle y; and where
    /// their label starts (on the reading side of the swatch).
    legend: Vec<(usize, f64, f64, f64)>,
}

fn font(weight: &str, size: f64) -> String {
    format!("{weight}{size}px {FAMILY}")
}

impl Placement {
    /// Lays the sheet out, wrapping text by `measure(text, font)`.
    pub fn of(sheet: &Sheet, measure: &dyn Fn(&str, &str) -> f64) -> Placement {
        let content = sheet.map.0.max(sheet.timeline.0).max(MIN_CONTENT);
        let width = content + 2.0 * MARGIN;
        let mut lines = Vec::new();
        let mut y = MARGIN;
        let mut block = |y: &mut f64, text: &str, f: String, lh: f64, color: &'static str| {
            for l in wrap(text, content, &|s| measure(s, &f)) {
                lines.push(Line {
                    text: l,
                    y: *y + lh / 2.0,
                    font: f.clone(),
                    color,
                });
                *y += lh;
            }
        };
        block(&mut y, &sheet.brand, font("600 ", 12.0), 18.0, MUTED);
        block(&mut y, &sheet.title, font("700 ", 22.0), 29.0, INK);
        y += 4.0;
        if let Some(p) = &sheet.period {
            block(&mut y, p, font("600 ", 14.0), 20.0, INK);
        }
        for s in &sheet.summary {
            block(&mut y, s, font("", 13.0), 18.0, INK);
        }
        for f in &sheet.filters {
            block(&mut y, f, font("", 13.0), 18.0, MUTED);
        }
        y += 10.0;
        let centred = |w: f64| MARGIN + (content - w) / 2.0;
        let map = (centred(sheet.map.0), y);
        y += sheet.map.1 + 12.0;
        let timeline = (centred(sheet.timeline.0), y);
        y += sheet.timeline.1 + 16.0;

        block(&mut y, &sheet.legend.heading, font("600 ", 13.0), 20.0, INK);
        let item_font = font("", 12.0);
        let rtl = sheet.rtl();
        let (swatch, gap, spacing, row) = (14.0, 6.0, 18.0, 22.0);
        let mut legend = Vec::new();
        let mut along = 0.0;
        for (i, item) in sheet.legend.items.iter().enumerate() {
            let w = swatch + gap + measure(&item.label, &item_font);
            if along > 0.0 && along + w > content {
                along = 0.0;
                y += row;
            }
            let (cx, label_x) = if rtl {
                let right = MARGIN + content - along;
                (right - swatch / 2.0, right - swatch - gap)
            } else {
                let left = MARGIN + along;
                (left + swatch / 2.0, left + swatch + gap)
            };
            legend.push((i, cx, y + row / 2.0, label_x));
            along += w + spacing;
        }
        if !sheet.legend.items.is_empty() {
            y += row + 2.0;
        }
        for n in &sheet.legend.notes {
            block(&mut y, n, font("", 11.5), 16.0, MUTED);
        }
        y += 8.0;
        block(&mut y, &sheet.attribution, font("", 11.0), 15.0, MUTED);
        block(&mut y, &sheet.source, font("", 11.0), 15.0, MUTED);
        Placement {
            width,
            height: y + MARGIN,
            map,
            timeline,
            lines,
            legend,
        }
    }
}

/// Draws the sheet, with `map` and `timeline` painting the two views in
/// their own coordinates (0, 0 at their top-left corner), clipped to
/// their size.
pub fn draw(
    s: &dyn Surface,
    sheet: &Sheet,
    p: &Placement,
    map: &dyn Fn(&dyn Surface),
    timeline: &dyn Fn(&dyn Surface),
) {
    let rtl = sheet.rtl();
    s.set_fill_style_str(PAPER);
    s.fill_rect(0.0, 0.0, p.width, p.height);
    s.set_direction(rtl);
    s.set_text_baseline("middle");
    s.set_text_align(if rtl { "right" } else { "left" });
    let x = if rtl { p.width - MARGIN } else { MARGIN };
    for line in &p.lines {
        s.set_font(&line.font);
        s.set_fill_style_str(line.color);
        s.fill_text(&line.text, x, line.y);
    }
    s.set_font(&font("", 12.0));
    for &(i, cx, cy, label_x) in &p.legend {
        let Some(item) = sheet.legend.items.get(i) else {
            continue;
        };
        trace_symbol(s, item.shape, cx, cy, 5.5);
        s.set_fill_style_str(&item.color);
        s.fill();
        s.set_stroke_style_str(INK);
        s.set_line_width(1.0);
        s.stroke();
        s.set_fill_style_str(INK);
        s.fill_text(&item.label, label_x, cy);
    }
    for (at, size, paint) in [
        (p.map, sheet.map, map),
        (p.timeline, sheet.timeline, timeline),
    ] {
        s.save();
        s.translate(at.0, at.1);
        s.begin_path();
        s.rect(0.0, 0.0, size.0, size.1);
        s.clip();
        paint(s);
        s.restore();
        s.save();
        s.set_line_dash(&[]);
        s.set_stroke_style_str(FRAME);
        s.set_line_width(1.0);
        s.begin_path();
        s.rect(at.0 - 0.5, at.1 - 0.5, size.0 + 1.0, size.1 + 1.0);
        s.stroke();
        s.restore();
    }
}
