//! Pictures of the view: the sheet's text, its SVG (well-formed, dataset
//! text escaped, title, legend, attribution and source there, Arabic
//! right to left) and the PNG's size.

use incident_atlas::dataset::{load, Dataset};
use incident_atlas::filter::{Facet, FacetLabels, Filter, FilterIndex};
use incident_atlas::i18n::{Digits, Locale};
use incident_atlas::picture::sheet::{draw, View};
use incident_atlas::picture::{
    estimate_width, pixel_size, Placement, Sheet, Surface, SvgSurface, PNG_SCALE,
};
use incident_atlas::text::Lang;

fn default_dataset() -> Dataset {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/incidents.json"))
        .expect("data/incidents.json is readable");
    load(&text).expect("the default dataset loads").dataset
}

/// The default dataset with hostile text where a newsroom's data could
/// put it: the title, a pattern's label, the attribution.
fn hostile_dataset() -> Dataset {
    let mut ds = default_dataset();
    ds.meta.title.en = Some("Attacks & \"raids\" <script>alert(1)</script>\u{202E}".into());
    ds.patterns[0].label.en = Some("Bus </text><svg onload=x> ambush".into());
    ds.meta.attribution = Some(incident_atlas::text::Text::new(
        "Data: A&B <c>",
        "البيانات: أ&ب",
    ));
    ds
}

/// Checks that `xml` is well-formed as far as this SVG needs: one root,
/// balanced tags, quoted attributes, `&` only in references, no `<` in
/// text or attributes.
fn assert_well_formed(xml: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut roots = 0;
    let mut rest = xml;
    let check_text = |text: &str| {
        for (i, _) in text.match_indices('&') {
            let tail = &text[i..];
            let ok = ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#"]
                .iter()
                .any(|e| tail.starts_with(e));
            assert!(ok, "a bare & in {:?}", &tail[..tail.len().min(30)]);
        }
    };
    while let Some(open) = rest.find('<') {
        check_text(&rest[..open]);
        rest = &rest[open..];
        if let Some(after) = rest.strip_prefix("<?") {
            let end = after.find("?>").expect("closed declaration");
            rest = &after[end + 2..];
            continue;
        }
        let end = rest.find('>').expect("a closed tag");
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop().as_deref(), Some(name), "mismatched </{name}>");
            continue;
        }
        let self_closing = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let (name, mut attrs) = tag.split_once(' ').unwrap_or((tag, ""));
        assert!(
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == ':'),
            "tag name {name:?}"
        );
        loop {
            attrs = attrs.trim_start();
            if attrs.is_empty() {
                break;
            }
            let eq = attrs.find("=\"").expect("attribute=\"value\"");
            let key = &attrs[..eq];
            assert!(
                key.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':'),
                "attribute name {key:?}"
            );
            let value_end = attrs[eq + 2..].find('"').expect("closing quote") + eq + 2;
            let value = &attrs[eq + 2..value_end];
            assert!(!value.contains('<'), "< in attribute {key}");
            check_text(value);
            attrs = &attrs[value_end + 1..];
        }
        if stack.is_empty() {
            roots += 1;
        }
        if !self_closing {
            stack.push(name.to_owned());
        }
    }
    check_text(rest);
    assert!(stack.is_empty(), "unclosed {stack:?}");
    assert_eq!(roots, 1, "one root element");
}

fn sheet(ds: &Dataset, filter: &Filter, locale: Locale) -> Sheet {
    let index = FilterIndex::new(ds);
    let ev = filter.evaluate(ds, &index);
    let labels = FacetLabels::new(ds);
    Sheet::describe(&View {
        dataset: ds,
        labels: &labels,
        filter,
        shown: ev.shown(),
        locale,
        map: (700.0, 520.0),
        timeline: (760.0, 190.0),
    })
}

/// The sheet as SVG, with stand-in views that draw a labelled box.
fn svg_of(sheet: &Sheet) -> (String, Placement) {
    let p = Placement::of(sheet, &estimate_width);
    let s = SvgSurface::new();
    let view = |label: &'static str| {
        move |s: &dyn Surface| {
            s.set_fill_style_str("#d9e5ec");
            s.fill_rect(0.0, 0.0, 10_000.0, 10_000.0);
            s.set_fill_style_str("#000000");
            s.fill_text(label, 5.0, 5.0);
        }
    };
    draw(&s, sheet, &p, &view("MAP-VIEW"), &view("TIMELINE-VIEW"));
    let lang = sheet.lang.code();
    (s.finish(p.width, p.height, lang, &sheet.title), p)
}

#[test]
fn the_sheet_says_what_the_view_shows() {
    let ds = default_dataset();
    let mut f = Filter::everything(&ds);
    f.only_value(Facet::DatePrecision, 0);
    f.query = "T3".into();
    let s = sheet(&ds, &f, Lang::En.into());
    assert_eq!(s.brand, "Incident Atlas");
    assert_eq!(s.title, ds.meta.title.pick(Lang::En));
    assert!(
        s.filters
            .contains(&"How well the date is known: exact date".to_owned()),
        "{:?}",
        s.filters
    );
    assert!(
        s.filters.contains(&"Search: “T3”".to_owned()),
        "{:?}",
        s.filters
    );
    assert!(s.summary[0].ends_with(&format!("of {} incidents shown", ds.incidents.len())));
    assert!(
        s.summary[1].contains("have an exact date and place")
            || s.summary[1].contains("has an exact")
    );
    assert!(s
        .period
        .as_deref()
        .is_some_and(|p| p.starts_with("Time range: ")));
    assert_eq!(s.legend.items.len(), ds.patterns.len());
    assert!(s.source.starts_with("Source: SY24"), "{}", s.source);

    let ar = sheet(&ds, &f, Locale::new(Lang::Ar, None));
    assert!(ar.rtl());
    assert!(
        ar.filters.contains(&"دقّة التاريخ: تاريخ دقيق".to_owned()),
        "{:?}",
        ar.filters
    );
    assert!(
        ar.summary[1].starts_with("حوادث معروفة التاريخ والمكان بدقّة: "),
        "{:?}",
        ar.summary
    );
    assert!(
        ar.summary[0].chars().any(|c| ('٠'..='٩').contains(&c)),
        "Arabic digits"
    );
    let latn = sheet(&ds, &f, Locale::new(Lang::Ar, Some(Digits::Latn)));
    assert!(!latn.summary[0].chars().any(|c| ('٠'..='٩').contains(&c)));
    // Nothing filtered: no filter lines.
    assert!(sheet(&ds, &Filter::everything(&ds), Lang::En.into())
        .filters
        .is_empty());
}

#[test]
fn the_svg_is_well_formed_and_holds_the_sheet() {
    let ds = default_dataset();
    let s = sheet(&ds, &Filter::everything(&ds), Lang::En.into());
    let (svg, p) = svg_of(&s);
    assert_well_formed(&svg);
    assert!(svg.starts_with(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""
    ));
    assert!(svg.contains(&format!("<title>{}</title>", s.title)));
    for part in [
        "MAP-VIEW",
        "TIMELINE-VIEW",
        "Legend",
        "Natural Earth",
        "Compiled by the Incident Atlas project",
    ] {
        assert!(svg.contains(part), "{part} missing");
    }
    for item in &s.legend.items {
        assert!(svg.contains(&item.label), "legend {}", item.label);
    }
    // The views sit inside the sheet, below the title, map above timeline.
    assert!(p.map.1 > 60.0 && p.timeline.1 >= p.map.1 + 520.0);
    assert!(p.width >= 760.0 + 48.0 && p.height > p.timeline.1 + 190.0);
    // Both views are clipped to their size.
    assert_eq!(svg.matches("<clipPath").count(), 2);
}

#[test]
fn dataset_text_is_escaped_in_the_svg() {
    let ds = hostile_dataset();
    let s = sheet(&ds, &Filter::everything(&ds), Lang::En.into());
    let (svg, _) = svg_of(&s);
    assert_well_formed(&svg);
    assert!(!svg.contains("<script"), "no script element");
    assert!(!svg.contains("<svg onload"), "no second svg");
    assert!(svg.contains("Attacks &amp; &quot;raids&quot; &lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(svg.contains("Bus &lt;/text&gt;&lt;svg onload=x&gt; ambush"));
    assert!(!svg.contains('\u{202E}'), "no bidi override");
    assert!(svg.contains("Data: A&amp;B &lt;c&gt;"));
    let ar = sheet(&ds, &Filter::everything(&ds), Lang::Ar.into());
    assert!(svg_of(&ar).0.contains("البيانات: أ&amp;ب"));
}

#[test]
fn the_arabic_svg_reads_right_to_left() {
    let ds = default_dataset();
    let s = sheet(&ds, &Filter::everything(&ds), Lang::Ar.into());
    let (svg, p) = svg_of(&s);
    assert_well_formed(&svg);
    assert!(svg.contains("xml:lang=\"ar\" direction=\"rtl\""));
    let title = ds.meta.title.pick(Lang::Ar);
    assert!(svg.contains(&format!("<title>{title}</title>")));
    // Text is anchored at the right margin, written right to left.
    let right = format!("x=\"{}\"", p.width - 24.0);
    let line = svg
        .lines()
        .find(|l| l.contains("font-size=\"22\"") && l.contains(">هجمات على"))
        .expect("the title is drawn (perhaps over two lines)");
    assert!(
        line.contains(&right) && line.contains("direction=\"rtl\""),
        "{line}"
    );
    assert!(svg.contains("دليل الرموز"), "the legend heading");
}

#[test]
fn the_png_is_twice_the_sheet() {
    let ds = default_dataset();
    let s = sheet(&ds, &Filter::everything(&ds), Lang::En.into());
    let p = Placement::of(&s, &estimate_width);
    let (w, h) = pixel_size(p.width, p.height, PNG_SCALE);
    assert_eq!(w, (p.width * 2.0).ceil() as u32);
    assert_eq!(h, (p.height * 2.0).ceil() as u32);
    assert_eq!(w, 2 * (760 + 48));
}
