//! Marker symbols: the outline of each pattern shape and the size a marker
//! takes for its casualties. Shared by the canvas views and the SVG legend
//! so that both always draw the same thing.

use crate::vocabulary::vocabulary;

vocabulary! {
    /// The marker shape of an attack pattern.
    Shape {
        Circle = "circle",
        Square = "square",
        Triangle = "triangle",
        Diamond = "diamond",
        Cross = "cross",
        Star = "star",
    }
}

/// The outline of `shape` centred on (0, 0) with "radius" `r`, as a closed
/// polygon (a circle is returned as `None`: draw it as an arc).
pub fn outline(shape: Shape, r: f64) -> Option<Vec<(f64, f64)>> {
    let polar = |n: usize, radii: &[f64], rot: f64| -> Vec<(f64, f64)> {
        (0..n)
            .map(|i| {
                let a = rot + i as f64 * std::f64::consts::TAU / n as f64;
                let rr = radii[i % radii.len()];
                (rr * a.cos(), rr * a.sin())
            })
            .collect()
    };
    let up = -std::f64::consts::FRAC_PI_2;
    match shape {
        Shape::Circle => None,
        // Areas roughly equal to the circle's so no shape looks bigger.
        Shape::Square => {
            let h = r * 0.89;
            Some(vec![(-h, -h), (h, -h), (h, h), (-h, h)])
        }
        Shape::Triangle => Some(polar(3, &[r * 1.3], up)),
        Shape::Diamond => Some(polar(4, &[r * 1.2], up)),
        Shape::Star => Some(polar(10, &[r * 1.35, r * 0.6], up)),
        Shape::Cross => {
            let (a, b) = (r * 1.1, r * 0.4);
            Some(vec![
                (-b, -a),
                (b, -a),
                (b, -b),
                (a, -b),
                (a, b),
                (b, b),
                (b, a),
                (-b, a),
                (-b, b),
                (-a, b),
                (-a, -b),
                (-b, -b),
            ])
        }
    }
}

/// An SVG path `d` for a shape, for legends and filter swatches.
pub fn svg_path(shape: Shape, cx: f64, cy: f64, r: f64) -> String {
    match outline(shape, r) {
        None => format!(
            "M{:.2},{:.2}a{r:.2},{r:.2} 0 1,0 {:.2},0a{r:.2},{r:.2} 0 1,0 {:.2},0Z",
            cx - r,
            cy,
            2.0 * r,
            -2.0 * r
        ),
        Some(points) => {
            let mut d = String::new();
            for (i, (x, y)) in points.iter().enumerate() {
                d.push(if i == 0 { 'M' } else { 'L' });
                d.push_str(&format!("{:.2},{:.2}", cx + x, cy + y));
            }
            d.push('Z');
            d
        }
    }
}

/// Marker radius in px for a number killed: area grows with the number
/// (radius with its square root), from `base` for none or unknown up to
/// `base * 3` at 100 and beyond.
pub fn radius_for_killed(killed: Option<u32>, base: f64) -> f64 {
    let k = f64::from(killed.unwrap_or(0).min(100));
    base * (1.0 + 2.0 * (k / 100.0).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shape_but_the_circle_is_a_polygon() {
        for s in Shape::ALL {
            let o = outline(*s, 5.0);
            assert_eq!(o.is_none(), *s == Shape::Circle, "{s:?}");
            if let Some(points) = o {
                assert!(points.len() >= 3);
                assert!(points.iter().all(|(x, y)| x.abs() <= 7.0 && y.abs() <= 7.0));
            }
        }
    }

    #[test]
    fn svg_paths_are_closed() {
        for s in Shape::ALL {
            let d = svg_path(*s, 8.0, 8.0, 5.0);
            assert!(d.starts_with('M') && d.ends_with('Z'), "{d}");
        }
    }

    #[test]
    fn size_grows_with_casualties_and_is_capped() {
        let r0 = radius_for_killed(None, 4.0);
        let r5 = radius_for_killed(Some(5), 4.0);
        let r37 = radius_for_killed(Some(37), 4.0);
        assert_eq!(r0, 4.0);
        assert!(r0 < r5 && r5 < r37);
        assert_eq!(radius_for_killed(Some(5000), 4.0), 12.0);
    }
}
