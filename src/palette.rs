//! The colours the map and the timeline paint with, one palette per colour
//! scheme (the page's `data-scheme`: light, or dark for `theme=dark` and
//! `theme=auto` with a dark preference). The painters read these values
//! instead of colours of their own, and the tests below hold each pairing
//! that carries meaning to WCAG 2.2's contrast minimums: 4.5:1 for text
//! (1.4.3) and 3:1 for marks, lines and the axis (1.4.11).
//!
//! Colours are `#rrggbb`; a translucent one is a colour and an alpha, so
//! that its contrast can be computed over what it is drawn on.

/// Which palette: the page's resolved colour scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Scheme {
    #[default]
    Light,
    Dark,
}

impl Scheme {
    pub fn palette(self) -> &'static Palette {
        match self {
            Scheme::Light => &LIGHT,
            Scheme::Dark => &DARK,
        }
    }

    /// The value of `<html data-scheme>`.
    pub fn id(self) -> &'static str {
        match self {
            Scheme::Light => "light",
            Scheme::Dark => "dark",
        }
    }
}

/// A translucent colour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tint {
    pub hex: &'static str,
    pub alpha: f64,
}

impl Tint {
    /// As a canvas style: `rgba(r,g,b,a)`.
    pub fn css(self) -> String {
        let (r, g, b) = rgb(self.hex).unwrap_or((119, 119, 119));
        format!("rgba({r},{g},{b},{})", self.alpha)
    }
}

/// Every colour the canvases use. `panel` is the card the timeline is
/// drawn on (the CSS `--panel` of the same scheme).
#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    pub scheme: Scheme,
    // The map.
    pub water: &'static str,
    /// Countries other than Syria.
    pub land: &'static str,
    pub syria: &'static str,
    pub governorate_line: &'static str,
    pub border: &'static str,
    pub syria_border: &'static str,
    pub river: &'static str,
    pub road: &'static str,
    /// The hatching of occupied land (the Golan).
    pub hatch: Tint,
    pub town: &'static str,
    pub label: &'static str,
    /// Governorate names.
    pub quiet_label: &'static str,
    /// The outline drawn under labels.
    pub halo: Tint,
    /// Outlines of marks and clusters, a cluster's count.
    pub ink: &'static str,
    /// Inside a hollow (approximate) mark.
    pub hollow: &'static str,
    /// The disc behind a selected or hovered mark.
    pub emphasis: Tint,
    pub cluster: &'static str,
    pub cluster_hovered: &'static str,
    // The timeline.
    pub panel: &'static str,
    pub grid_major: &'static str,
    pub grid_minor: &'static str,
    pub tick_major: &'static str,
    pub tick_minor: &'static str,
    pub axis: &'static str,
    /// Over what lies outside the brushed range.
    pub veil: Tint,
    pub brush: &'static str,
    pub brush_fill: Tint,
    /// The histogram's scale line and its count.
    pub scale_line: &'static str,
    pub scale_text: &'static str,
    /// Behind an emphasised mark.
    pub mark_emphasis: Tint,
}

pub static LIGHT: Palette = Palette {
    scheme: Scheme::Light,
    water: "#d9e5ec",
    land: "#ece8e0",
    syria: "#fbfaf6",
    governorate_line: "#c4bcad",
    border: "#8a8173",
    syria_border: "#4f473c",
    river: "#4f86ab",
    road: "#a86a2c",
    hatch: Tint {
        hex: "#786450",
        alpha: 0.45,
    },
    town: "#3b3630",
    label: "#2b2722",
    quiet_label: "#655d50",
    halo: Tint {
        hex: "#fbfaf6",
        alpha: 0.9,
    },
    ink: "#1b1b1b",
    hollow: "#ffffff",
    emphasis: Tint {
        hex: "#ffffff",
        alpha: 0.85,
    },
    cluster: "#fffdf9",
    cluster_hovered: "#fff6e8",
    panel: "#fffdf9",
    grid_major: "#cfc8bb",
    grid_minor: "#e6e1d8",
    tick_major: "#2b2722",
    tick_minor: "#6b6457",
    axis: "#8a8173",
    veil: Tint {
        hex: "#f6f3ed",
        alpha: 0.72,
    },
    brush: "#1259c3",
    brush_fill: Tint {
        hex: "#1259c3",
        alpha: 0.07,
    },
    scale_line: "#d8d1c4",
    scale_text: "#6b6457",
    mark_emphasis: Tint {
        hex: "#1b1b1b",
        alpha: 0.08,
    },
};

pub static DARK: Palette = Palette {
    scheme: Scheme::Dark,
    water: "#132430",
    land: "#2b2e32",
    syria: "#393e45",
    governorate_line: "#5d646d",
    border: "#8e96a0",
    syria_border: "#d9d3c8",
    river: "#6ea8d0",
    road: "#e09a5a",
    hatch: Tint {
        hex: "#d8c8b4",
        alpha: 0.5,
    },
    town: "#ebe8e2",
    label: "#f4f1ea",
    quiet_label: "#c9c2b6",
    halo: Tint {
        hex: "#1f2226",
        alpha: 0.9,
    },
    ink: "#f4f1ea",
    hollow: "#1f2226",
    emphasis: Tint {
        hex: "#1f2226",
        alpha: 0.85,
    },
    cluster: "#1f2226",
    cluster_hovered: "#2f3338",
    panel: "#1f2226",
    grid_major: "#4a5058",
    grid_minor: "#33373d",
    tick_major: "#ebe8e2",
    tick_minor: "#b8b0a4",
    axis: "#8e96a0",
    veil: Tint {
        hex: "#1f2226",
        alpha: 0.72,
    },
    brush: "#8db8ff",
    brush_fill: Tint {
        hex: "#8db8ff",
        alpha: 0.1,
    },
    scale_line: "#4a5058",
    scale_text: "#b8b0a4",
    mark_emphasis: Tint {
        hex: "#f4f1ea",
        alpha: 0.12,
    },
};

/// `#rrggbb` as channels.
pub fn rgb(hex: &str) -> Option<(u8, u8, u8)> {
    let h = hex.strip_prefix('#')?;
    if h.len() != 6 || !h.is_ascii() {
        return None;
    }
    let c = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    Some((c(0)?, c(2)?, c(4)?))
}

/// WCAG relative luminance of an sRGB colour.
pub fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// WCAG contrast ratio of two colours, from 1 to 21.
pub fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// A translucent colour composited over an opaque one.
pub fn over(tint: Tint, ground: (u8, u8, u8)) -> (u8, u8, u8) {
    let top = rgb(tint.hex).unwrap_or(ground);
    let mix = |t: u8, g: u8| {
        (f64::from(t) * tint.alpha + f64::from(g) * (1.0 - tint.alpha)).round() as u8
    };
    (
        mix(top.0, ground.0),
        mix(top.1, ground.1),
        mix(top.2, ground.2),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: f64 = 4.5;
    const GRAPHIC: f64 = 3.0;

    fn c(hex: &str) -> (u8, u8, u8) {
        rgb(hex).unwrap_or_else(|| panic!("{hex} is not #rrggbb"))
    }

    fn ratio(a: &str, b: &str) -> f64 {
        contrast(c(a), c(b))
    }

    fn check(p: &Palette, what: &str, fg: (u8, u8, u8), bg: (u8, u8, u8), min: f64) {
        let r = contrast(fg, bg);
        assert!(r >= min, "{:?} {what}: {r:.2} < {min}", p.scheme);
    }

    #[test]
    fn contrast_matches_wcag_examples() {
        assert!((ratio("#000000", "#ffffff") - 21.0).abs() < 1e-9);
        assert!((ratio("#777777", "#ffffff") - 4.48).abs() < 0.01);
        assert!((ratio("#ffffff", "#ffffff") - 1.0).abs() < 1e-9);
        assert_eq!(rgb("#d9e5ec"), Some((0xd9, 0xe5, 0xec)));
        assert_eq!(rgb("d9e5ec"), None);
        assert_eq!(rgb("#d9e5e"), None);
        assert_eq!(rgb("#ééé"), None);
        let half = Tint {
            hex: "#000000",
            alpha: 0.5,
        };
        assert_eq!(over(half, (255, 255, 255)), (128, 128, 128));
        assert_eq!(half.css(), "rgba(0,0,0,0.5)");
    }

    #[test]
    fn every_colour_parses() {
        for p in [&LIGHT, &DARK] {
            let all = [
                p.water,
                p.land,
                p.syria,
                p.governorate_line,
                p.border,
                p.syria_border,
                p.river,
                p.road,
                p.hatch.hex,
                p.town,
                p.label,
                p.quiet_label,
                p.halo.hex,
                p.ink,
                p.hollow,
                p.emphasis.hex,
                p.cluster,
                p.cluster_hovered,
                p.panel,
                p.grid_major,
                p.grid_minor,
                p.tick_major,
                p.tick_minor,
                p.axis,
                p.veil.hex,
                p.brush,
                p.brush_fill.hex,
                p.scale_line,
                p.scale_text,
                p.mark_emphasis.hex,
            ];
            for hex in all {
                assert!(rgb(hex).is_some(), "{:?}: {hex}", p.scheme);
            }
        }
    }

    /// Labels are drawn on their halo, over any of the grounds: each must
    /// read at 4.5:1 on the halo as composited over every ground.
    #[test]
    fn map_text_reads_at_4_5() {
        for p in [&LIGHT, &DARK] {
            for ground in [p.water, p.land, p.syria] {
                let under = over(p.halo, c(ground));
                check(p, "label on its halo", c(p.label), under, TEXT);
                check(
                    p,
                    "governorate name on its halo",
                    c(p.quiet_label),
                    under,
                    TEXT,
                );
            }
            check(p, "label on Syria", c(p.label), c(p.syria), TEXT);
            check(
                p,
                "governorate name on Syria",
                c(p.quiet_label),
                c(p.syria),
                TEXT,
            );
            check(p, "cluster count", c(p.ink), c(p.cluster), TEXT);
            check(
                p,
                "cluster count, hovered",
                c(p.ink),
                c(p.cluster_hovered),
                TEXT,
            );
        }
    }

    #[test]
    fn map_marks_and_lines_stand_out_at_3() {
        for p in [&LIGHT, &DARK] {
            for (name, ground) in [("water", p.water), ("land", p.land), ("Syria", p.syria)] {
                check(
                    p,
                    &format!("mark outline on {name}"),
                    c(p.ink),
                    c(ground),
                    GRAPHIC,
                );
            }
            check(
                p,
                "Syria's border on Syria",
                c(p.syria_border),
                c(p.syria),
                GRAPHIC,
            );
            check(
                p,
                "Syria's border on its neighbours",
                c(p.syria_border),
                c(p.land),
                GRAPHIC,
            );
            check(p, "road", c(p.road), c(p.syria), GRAPHIC);
            check(p, "river", c(p.river), c(p.syria), GRAPHIC);
            check(p, "town dot", c(p.town), c(p.syria), GRAPHIC);
            check(
                p,
                "border between neighbours",
                c(p.border),
                c(p.land),
                GRAPHIC,
            );
            check(p, "hollow mark's outline", c(p.ink), c(p.hollow), GRAPHIC);
            check(p, "cluster disc on Syria", c(p.ink), c(p.cluster), GRAPHIC);
            // Water and Syria are told apart by the border, and the
            // hatching is visible on Syria's colour.
            let hatched = over(p.hatch, c(p.syria));
            assert!(
                contrast(hatched, c(p.syria)) > 1.25,
                "{:?} hatching",
                p.scheme
            );
        }
    }

    #[test]
    fn timeline_text_and_axis_on_the_panel() {
        for p in [&LIGHT, &DARK] {
            let panel = c(p.panel);
            check(p, "year tick", c(p.tick_major), panel, TEXT);
            check(p, "tick", c(p.tick_minor), panel, TEXT);
            check(p, "histogram scale", c(p.scale_text), panel, TEXT);
            check(p, "axis", c(p.axis), panel, GRAPHIC);
            check(p, "brush edge", c(p.brush), panel, GRAPHIC);
            check(p, "mark outline", c(p.ink), panel, GRAPHIC);
            // Under the veil, marks still show (they are context).
            let veiled = over(p.veil, panel);
            check(p, "outline under the veil", c(p.ink), veiled, 2.0);
            // A tick label inside the brushed range stays legible.
            let brushed = over(p.brush_fill, panel);
            check(
                p,
                "tick in the brushed range",
                c(p.tick_minor),
                brushed,
                TEXT,
            );
        }
    }

    /// The palettes' `panel` is the page's `--panel` in each scheme, so
    /// the canvases sit on the colour they were checked against.
    #[test]
    fn panel_matches_the_stylesheets() {
        let main = include_str!("../style/main.css");
        let embed = include_str!("../style/embed.css");
        assert!(main.contains(&format!("--panel: {};", LIGHT.panel)));
        let dark = embed
            .split(":root[data-scheme=\"dark\"] {")
            .nth(1)
            .and_then(|s| s.split('}').next())
            .unwrap_or_default();
        assert!(
            dark.contains(&format!("--panel: {};", DARK.panel)),
            "{dark}"
        );
    }

    #[test]
    fn schemes_differ_where_it_shows() {
        assert_ne!(LIGHT.water, DARK.water);
        assert_ne!(LIGHT.syria, DARK.syria);
        assert_ne!(LIGHT.label, DARK.label);
        assert_eq!(Scheme::Dark.palette().scheme, Scheme::Dark);
        assert_eq!(Scheme::default().id(), "light");
    }
}
