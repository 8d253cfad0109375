//! Painting the map: basemap, labels and incident markers, in CSS pixels.

use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::super::canvas::{set_dash, trace_symbol, with_alpha};
use super::super::state::Atlas;
use super::clusters::Clustered;
use crate::dataset::{Dataset, PlacePrecision};
use crate::filter::{primary_pattern, Filter};
use crate::geo::hit::{cluster_radius, MARKER_BASE_PX};
use crate::geo::labels::{place_labels, LabelBox};
use crate::geo::scene::{ProjectedBasemap, ProjectedFeature};
use crate::geo::{Bounds, MapView, Point, Size};
use crate::i18n::{number, Locale};
use crate::palette::Palette;
use crate::symbols::radius_for_killed;

thread_local! {
    /// Measured label widths by (text, font size bits, quiet).
    static LABEL_WIDTHS: std::cell::RefCell<std::collections::HashMap<(String, u64, bool), f64>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// What the map shows, gathered for one frame.
pub struct Frame<'a> {
    pub atlas: &'a Atlas,
    pub view: MapView,
    pub size: Size,
    pub filter: &'a Filter,
    pub selected: Option<u32>,
    pub hovered: Option<u32>,
    /// The group of `clustered` under the pointer.
    pub hovered_group: Option<usize>,
    pub clustered: &'a Clustered,
    pub locale: Locale,
    /// The colours of the page's scheme.
    pub palette: &'static Palette,
}

impl Frame<'_> {
    fn screen(&self, p: Point) -> (f64, f64) {
        self.view.to_screen(p, self.size)
    }

    fn on_screen(&self, (x, y): (f64, f64), margin: f64) -> bool {
        x >= -margin
            && y >= -margin
            && x <= self.size.width + margin
            && y <= self.size.height + margin
    }
}

/// Paints a frame; returns how many incidents have a mark on screen.
/// The cached basemap layer is reused while the view and size stay.
pub fn draw(
    ctx: &CanvasRenderingContext2d,
    f: &Frame,
    base_layer: Option<&HtmlCanvasElement>,
) -> usize {
    match base_layer {
        Some(layer) => {
            let _ = ctx.draw_image_with_html_canvas_element_and_dw_and_dh(
                layer,
                0.0,
                0.0,
                f.size.width,
                f.size.height,
            );
        }
        None => draw_base(ctx, f),
    }
    let mut label_obstacles = Vec::new();
    let drawn = draw_incidents(ctx, f, &mut label_obstacles);
    if let Some(base) = &f.atlas.basemap {
        draw_labels(ctx, f, base, &label_obstacles);
    }
    drawn
}

/// Paints what depends only on the view: water and the basemap. The map
/// keeps it in an off-screen canvas, so that a frame that only changes the
/// incidents (a filter, a hover) does not rasterise the basemap again.
pub fn draw_base(ctx: &CanvasRenderingContext2d, f: &Frame) {
    ctx.set_fill_style_str(f.palette.water);
    ctx.fill_rect(0.0, 0.0, f.size.width, f.size.height);
    if let Some(base) = &f.atlas.basemap {
        draw_basemap(ctx, f, base);
    }
}

fn trace(ctx: &CanvasRenderingContext2d, f: &Frame, path: &[Point], close: bool) {
    for (i, p) in path.iter().enumerate() {
        let (x, y) = f.screen(*p);
        if i == 0 {
            ctx.move_to(x, y);
        } else {
            ctx.line_to(x, y);
        }
    }
    if close {
        ctx.close_path();
    }
}

fn trace_feature(
    ctx: &CanvasRenderingContext2d,
    f: &Frame,
    feature: &ProjectedFeature,
    close: bool,
) {
    ctx.begin_path();
    for path in &feature.paths {
        trace(ctx, f, path, close);
    }
}

fn draw_basemap(ctx: &CanvasRenderingContext2d, f: &Frame, base: &ProjectedBasemap) {
    let pal = f.palette;
    ctx.set_line_join("round");
    ctx.set_line_cap("round");
    for c in &base.countries {
        trace_feature(ctx, f, c, true);
        ctx.set_fill_style_str(if c.id == "SYR" { pal.syria } else { pal.land });
        ctx.fill();
    }
    for o in &base.occupied {
        trace_feature(ctx, f, o, true);
        ctx.set_fill_style_str(pal.syria);
        ctx.fill();
    }
    for lake in &base.lakes {
        trace_feature(ctx, f, lake, true);
        ctx.set_fill_style_str(pal.water);
        ctx.fill();
        ctx.set_stroke_style_str(pal.river);
        ctx.set_line_width(0.6);
        ctx.stroke();
    }
    ctx.set_stroke_style_str(pal.governorate_line);
    ctx.set_line_width(0.8);
    for g in &base.governorates {
        trace_feature(ctx, f, g, true);
        ctx.stroke();
    }
    ctx.set_stroke_style_str(pal.river);
    for r in &base.rivers {
        ctx.set_line_width(if r.name.en.as_deref() == Some("Euphrates") {
            1.6
        } else {
            1.0
        });
        trace_feature(ctx, f, r, false);
        ctx.stroke();
    }
    for c in &base.countries {
        trace_feature(ctx, f, c, true);
        let syria = c.id == "SYR";
        ctx.set_stroke_style_str(if syria { pal.syria_border } else { pal.border });
        ctx.set_line_width(if syria { 1.6 } else { 0.9 });
        ctx.stroke();
    }
    for o in &base.occupied {
        draw_occupied(ctx, f, o);
    }
    ctx.set_stroke_style_str(pal.road);
    ctx.set_line_width(1.4);
    set_dash(ctx, &[6.0, 3.0]);
    for r in &base.roads {
        trace_feature(ctx, f, r, false);
        ctx.stroke();
    }
    set_dash(ctx, &[]);
}

/// Occupied territory: hatched, with a dashed line where the occupation
/// line runs, so it reads as Syrian land under occupation.
fn draw_occupied(ctx: &CanvasRenderingContext2d, f: &Frame, o: &ProjectedFeature) {
    ctx.save();
    trace_feature(ctx, f, o, true);
    ctx.clip();
    let (w, h) = (f.size.width, f.size.height);
    ctx.set_stroke_style_str(&f.palette.hatch.css());
    ctx.set_line_width(0.8);
    ctx.begin_path();
    let step = 6.0;
    let mut x = -h;
    while x < w {
        ctx.move_to(x, h);
        ctx.line_to(x + h, 0.0);
        x += step;
    }
    ctx.stroke();
    ctx.restore();
    trace_feature(ctx, f, o, true);
    ctx.set_stroke_style_str(f.palette.syria_border);
    ctx.set_line_width(1.0);
    set_dash(ctx, &[3.0, 3.0]);
    ctx.stroke();
    set_dash(ctx, &[]);
}

fn draw_incidents(
    ctx: &CanvasRenderingContext2d,
    f: &Frame,
    obstacles: &mut Vec<LabelBox>,
) -> usize {
    let dataset: &Dataset = &f.atlas.dataset;
    let scene = &f.atlas.scene;
    let groups = &f.clustered.clustering.groups;
    // Groups whose centre is on screen or near enough for their marks or
    // areas to reach it.
    let margin_km = 80.0 + 60.0 / f.view.scale;
    let vis = f.view.visible(f.size);
    let reach = Bounds {
        min: Point::new(vis.min.x - margin_km, vis.min.y - margin_km),
        max: Point::new(vis.max.x + margin_km, vis.max.y + margin_km),
    };
    let mut visible_groups = Vec::new();
    f.clustered
        .clustering
        .within(reach, |g| visible_groups.push(g));
    let mut on_screen = vec![false; dataset.incidents.len()];
    let mut singles: Vec<(u32, f64)> = Vec::new();
    let mut clusters: Vec<usize> = Vec::new();
    for &g in &visible_groups {
        let group = &groups[g];
        if group.is_cluster() {
            let r = cluster_radius(group.incident_count());
            if f.on_screen(f.screen(group.at), r) {
                clusters.push(g);
                for &i in f.clustered.clustering.incidents(g) {
                    on_screen[i as usize] = true;
                }
            }
        } else {
            for &k in f.clustered.clustering.points(g) {
                let p = &scene.points[k as usize];
                let r = radius_for_killed(
                    dataset.incidents[p.incident as usize].highest_killed(),
                    MARKER_BASE_PX,
                );
                singles.push((k, r));
            }
        }
    }
    // Areas first so that every marker sits on top of every area.
    for &(k, _) in &singles {
        let p = &scene.points[k as usize];
        if p.precision == PlacePrecision::Exact {
            continue;
        }
        let inc = &dataset.incidents[p.incident as usize];
        let Some(pattern) = primary_pattern(inc, f.filter).and_then(|i| dataset.patterns.get(i))
        else {
            continue;
        };
        let (x, y) = f.screen(p.at);
        let r = p.radius_km * f.view.scale;
        if r < MARKER_BASE_PX || !f.on_screen((x, y), r) {
            continue;
        }
        ctx.begin_path();
        let _ = ctx.arc(x, y, r, 0.0, std::f64::consts::TAU);
        ctx.set_fill_style_str(&with_alpha(&pattern.color, 0.13));
        ctx.fill();
        ctx.set_stroke_style_str(&with_alpha(&pattern.color, 0.7));
        ctx.set_line_width(1.0);
        set_dash(ctx, &[4.0, 3.0]);
        ctx.stroke();
        set_dash(ctx, &[]);
    }
    // Markers, big ones first so that small ones stay visible on top.
    singles.sort_by(|a, b| b.1.total_cmp(&a.1));
    let mut emphasised = Vec::new();
    for (k, r) in singles {
        let p = &scene.points[k as usize];
        let (x, y) = f.screen(p.at);
        if !f.on_screen((x, y), r) {
            continue;
        }
        on_screen[p.incident as usize] = true;
        if Some(p.incident) == f.selected || Some(p.incident) == f.hovered {
            emphasised.push((k, r));
            continue;
        }
        draw_marker(ctx, f, k as usize, r, false);
        obstacles.push(LabelBox {
            x: x - r,
            y: y - r,
            width: 2.0 * r,
            height: 2.0 * r,
        });
    }
    for g in clusters {
        let at = f.screen(groups[g].at);
        let r = cluster_radius(groups[g].incident_count());
        draw_cluster(ctx, f, g, at, r);
        obstacles.push(LabelBox {
            x: at.0 - r,
            y: at.1 - r,
            width: 2.0 * r,
            height: 2.0 * r,
        });
    }
    for (k, r) in emphasised {
        draw_marker(ctx, f, k as usize, r, true);
    }
    on_screen.iter().filter(|v| **v).count()
}

/// A cluster: a disc with its count, ringed by its mix of patterns.
fn draw_cluster(ctx: &CanvasRenderingContext2d, f: &Frame, g: usize, (x, y): (f64, f64), r: f64) {
    let dataset = &f.atlas.dataset;
    let group = &f.clustered.clustering.groups[g];
    let hovered = f.hovered_group == Some(g);
    let selected = f
        .selected
        .is_some_and(|s| f.clustered.clustering.holds(g, s));
    ctx.begin_path();
    let _ = ctx.arc(x, y, r, 0.0, std::f64::consts::TAU);
    ctx.set_fill_style_str(if hovered {
        f.palette.cluster_hovered
    } else {
        f.palette.cluster
    });
    ctx.fill();
    let total: u32 = f.clustered.mix[g].iter().map(|m| m.1).sum();
    let mut start = -std::f64::consts::FRAC_PI_2;
    for &(p, count) in &f.clustered.mix[g] {
        let sweep = std::f64::consts::TAU * f64::from(count) / f64::from(total.max(1));
        ctx.begin_path();
        let _ = ctx.arc(x, y, r - 2.5, start, start + sweep);
        ctx.set_stroke_style_str(
            dataset
                .patterns
                .get(p)
                .map_or("#777777", |p| p.color.as_str()),
        );
        ctx.set_line_width(5.0);
        ctx.stroke();
        start += sweep;
    }
    ctx.begin_path();
    let _ = ctx.arc(x, y, r, 0.0, std::f64::consts::TAU);
    ctx.set_stroke_style_str(f.palette.ink);
    ctx.set_line_width(if hovered || selected { 2.5 } else { 1.0 });
    ctx.stroke();
    ctx.set_fill_style_str(f.palette.ink);
    ctx.set_font("700 12px system-ui, \"Segoe UI\", \"Noto Sans Arabic\", Tahoma, sans-serif");
    ctx.set_text_align("center");
    ctx.set_text_baseline("middle");
    let _ = ctx.fill_text(&number(f.locale, group.incident_count() as u64), x, y + 0.5);
}

fn draw_marker(ctx: &CanvasRenderingContext2d, f: &Frame, k: usize, r: f64, emphasised: bool) {
    let dataset = &f.atlas.dataset;
    let p = &f.atlas.scene.points[k];
    let inc = &dataset.incidents[p.incident as usize];
    let Some(pattern) = primary_pattern(inc, f.filter).and_then(|i| dataset.patterns.get(i)) else {
        return;
    };
    let (x, y) = f.screen(p.at);
    if emphasised {
        ctx.begin_path();
        let _ = ctx.arc(x, y, r + 5.0, 0.0, std::f64::consts::TAU);
        ctx.set_fill_style_str(&f.palette.emphasis.css());
        ctx.fill();
        ctx.set_stroke_style_str(f.palette.ink);
        ctx.set_line_width(2.0);
        ctx.stroke();
    }
    trace_symbol(ctx, pattern.shape, x, y, r);
    if p.precision == PlacePrecision::Exact {
        ctx.set_fill_style_str(&pattern.color);
        ctx.fill();
        ctx.set_stroke_style_str(f.palette.ink);
        ctx.set_line_width(1.0);
        ctx.stroke();
    } else {
        // Hollow: the point stands for an approximate place.
        ctx.set_fill_style_str(f.palette.hollow);
        ctx.fill();
        ctx.set_stroke_style_str(&pattern.color);
        ctx.set_line_width(2.5);
        ctx.stroke();
    }
}

fn draw_labels(
    ctx: &CanvasRenderingContext2d,
    f: &Frame,
    base: &ProjectedBasemap,
    obstacles: &[LabelBox],
) {
    struct Candidate<'a> {
        text: &'a str,
        at: (f64, f64),
        dot: bool,
        quiet: bool,
        size: f64,
    }
    let scale = f.view.scale;
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut towns: Vec<_> = base.towns.iter().collect();
    towns.sort_by(|a, b| a.rank.cmp(&b.rank).then(b.population.cmp(&a.population)));
    let town_visible = |rank: u8| match rank {
        1 => true,
        2 => scale > 0.9,
        _ => scale > 2.2,
    };
    for t in towns.iter().filter(|t| t.rank == 1) {
        candidates.push(Candidate {
            text: t.name.pick(f.locale.lang),
            at: f.screen(t.at),
            dot: true,
            quiet: false,
            size: 12.5,
        });
    }
    if scale > 0.75 {
        for g in &base.governorates {
            if let Some(at) = g.label {
                candidates.push(Candidate {
                    text: g.name.pick(f.locale.lang),
                    at: f.screen(at),
                    dot: false,
                    quiet: true,
                    size: 10.5,
                });
            }
        }
    }
    for t in towns.iter().filter(|t| t.rank > 1 && town_visible(t.rank)) {
        candidates.push(Candidate {
            text: t.name.pick(f.locale.lang),
            at: f.screen(t.at),
            dot: true,
            quiet: false,
            size: 11.0,
        });
    }
    candidates.retain(|c| !c.text.is_empty() && f.on_screen(c.at, 0.0));
    let font = |size: f64, quiet: bool| {
        format!(
            "{}{size}px system-ui, \"Segoe UI\", \"Noto Sans Arabic\", \"Noto Naskh Arabic\", Tahoma, sans-serif",
            if quiet { "" } else { "600 " }
        )
    };
    // Setting a canvas font parses it, and measuring text shapes it: both
    // are slow enough to matter every frame, so fonts are set only when
    // they change and widths are remembered (the labels are the basemap's).
    let mut current_font = String::new();
    let mut use_font = |size: f64, quiet: bool| {
        let wanted = font(size, quiet);
        if wanted != current_font {
            ctx.set_font(&wanted);
            current_font = wanted;
        }
    };
    let boxes: Vec<LabelBox> = candidates
        .iter()
        .map(|c| {
            let key = (c.text.to_owned(), c.size.to_bits(), c.quiet);
            let width = match LABEL_WIDTHS.with(|w| w.borrow().get(&key).copied()) {
                Some(w) => w,
                None => {
                    use_font(c.size, c.quiet);
                    let w = ctx
                        .measure_text(c.text)
                        .map(|m| m.width())
                        .unwrap_or(c.text.len() as f64 * 6.0);
                    LABEL_WIDTHS.with(|cache| cache.borrow_mut().insert(key, w));
                    w
                }
            };
            if c.dot {
                LabelBox {
                    x: c.at.0 + 5.0,
                    y: c.at.1 - c.size / 2.0 - 1.0,
                    width,
                    height: c.size + 2.0,
                }
            } else {
                LabelBox {
                    x: c.at.0 - width / 2.0,
                    y: c.at.1 - c.size / 2.0,
                    width,
                    height: c.size,
                }
            }
        })
        .collect();
    ctx.set_text_baseline("middle");
    ctx.set_text_align("left");
    ctx.set_line_join("round");
    let halo = f.palette.halo.css();
    for i in place_labels(&boxes, obstacles, 3.0) {
        let (c, b) = (&candidates[i], &boxes[i]);
        if c.dot {
            ctx.begin_path();
            let _ = ctx.arc(c.at.0, c.at.1, 2.2, 0.0, std::f64::consts::TAU);
            ctx.set_fill_style_str(f.palette.town);
            ctx.fill();
        }
        use_font(c.size, c.quiet);
        let y = b.y + b.height / 2.0;
        ctx.set_stroke_style_str(&halo);
        ctx.set_line_width(3.0);
        let _ = ctx.stroke_text(c.text, b.x, y);
        ctx.set_fill_style_str(if c.quiet {
            f.palette.quiet_label
        } else {
            f.palette.label
        });
        let _ = ctx.fill_text(c.text, b.x, y);
    }
}
