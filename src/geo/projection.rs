//! The Lambert conformal conic projection on a sphere (Snyder, *Map
//! Projections: A Working Manual*, 1987, pp. 104–110). Conformal, so shapes
//! and bearings look right, with small scale error across a country the
//! size of Syria when the standard parallels bracket it.

use super::EARTH_RADIUS_KM;
use std::f64::consts::FRAC_PI_4;

/// A projected point in km: x east, y north.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }
}

/// A Lambert conformal conic projection with two standard parallels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lcc {
    radius: f64,
    lon0: f64,
    n: f64,
    f: f64,
    rho0: f64,
}

impl Lcc {
    /// A projection with standard parallels `lat1`, `lat2`, origin
    /// (`lon0`, `lat0`), all in degrees, on a sphere of `radius` (any unit;
    /// the output is in that unit).
    pub fn new(lat1: f64, lat2: f64, lat0: f64, lon0: f64, radius: f64) -> Lcc {
        let (p1, p2, p0) = (lat1.to_radians(), lat2.to_radians(), lat0.to_radians());
        let t = |p: f64| (FRAC_PI_4 + p / 2.0).tan();
        let n = if (lat1 - lat2).abs() < 1e-10 {
            p1.sin()
        } else {
            (p1.cos() / p2.cos()).ln() / (t(p2) / t(p1)).ln()
        };
        let f = p1.cos() * t(p1).powf(n) / n;
        let rho0 = radius * f / t(p0).powf(n);
        Lcc {
            radius,
            lon0: lon0.to_radians(),
            n,
            f,
            rho0,
        }
    }

    /// The projection used for Syria: standard parallels 33°N and 37°N
    /// (Syria spans 32.3°N–37.3°N), origin 35°N 38.5°E, output in km.
    pub fn syria() -> Lcc {
        Lcc::new(33.0, 37.0, 35.0, 38.5, EARTH_RADIUS_KM)
    }

    /// Projects (lon, lat) in degrees.
    pub fn project(&self, lon: f64, lat: f64) -> Point {
        // Clamp the poles away: the cone's apex is at infinity for one.
        let lat = lat.clamp(-89.9, 89.9).to_radians();
        let rho = self.radius * self.f / (FRAC_PI_4 + lat / 2.0).tan().powf(self.n);
        let theta = self.n * wrap_pi(lon.to_radians() - self.lon0);
        Point {
            x: rho * theta.sin(),
            y: self.rho0 - rho * theta.cos(),
        }
    }

    /// The (lon, lat) in degrees of a projected point: the inverse of
    /// [`Lcc::project`].
    pub fn unproject(&self, p: Point) -> (f64, f64) {
        let dy = self.rho0 - p.y;
        let rho = self.n.signum() * (p.x * p.x + dy * dy).sqrt();
        let theta = if self.n >= 0.0 {
            p.x.atan2(dy)
        } else {
            (-p.x).atan2(-dy)
        };
        let lat = if rho == 0.0 {
            90f64.copysign(self.n).to_radians()
        } else {
            2.0 * (self.radius * self.f / rho).powf(1.0 / self.n).atan()
                - std::f64::consts::FRAC_PI_2
        };
        let lon = self.lon0 + theta / self.n;
        (wrap_pi(lon).to_degrees(), lat.to_degrees())
    }
}

fn wrap_pi(a: f64) -> f64 {
    use std::f64::consts::{PI, TAU};
    (a + PI).rem_euclid(TAU) - PI
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Snyder's worked example for the spherical LCC (p. 295): R = 1,
    /// parallels 33°N and 45°N, origin 23°N 96°W; 35°N 75°W projects to
    /// x = 0.2966785, y = 0.2462112.
    #[test]
    fn snyder_worked_example() {
        let p = Lcc::new(33.0, 45.0, 23.0, -96.0, 1.0);
        let xy = p.project(-75.0, 35.0);
        assert!((xy.x - 0.296_678_5).abs() < 1e-6, "{xy:?}");
        assert!((xy.y - 0.246_211_2).abs() < 1e-6, "{xy:?}");
    }

    #[test]
    fn origin_is_zero_and_north_is_up() {
        let p = Lcc::syria();
        let o = p.project(38.5, 35.0);
        assert!(o.x.abs() < 1e-9 && o.y.abs() < 1e-9);
        assert!(p.project(38.5, 36.0).y > 0.0);
        assert!(p.project(39.5, 35.0).x > 0.0);
    }

    #[test]
    fn round_trips_across_the_region() {
        let p = Lcc::syria();
        for lon in (340..=440).step_by(7) {
            for lat in (310..=385).step_by(5) {
                let (lon, lat) = (f64::from(lon) / 10.0, f64::from(lat) / 10.0);
                let (lon2, lat2) = p.unproject(p.project(lon, lat));
                assert!(
                    (lon - lon2).abs() < 1e-9 && (lat - lat2).abs() < 1e-9,
                    "{lon},{lat}"
                );
            }
        }
    }

    #[test]
    fn distances_match_the_sphere_within_a_percent() {
        // Palmyra 38.2684E 34.5601N to Deir ez-Zor 40.1408E 35.3360N.
        let p = Lcc::syria();
        let (a, b) = (p.project(38.2684, 34.5601), p.project(40.1408, 35.3360));
        let planar = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt();
        let sphere = super::super::distance_km((38.2684, 34.5601), (40.1408, 35.3360));
        assert!((planar / sphere - 1.0).abs() < 0.01, "{planar} vs {sphere}");
    }
}
