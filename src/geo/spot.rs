//! The list of incidents at one spot, opened from a cluster that zooming
//! cannot split. It is keyed by the incidents it was opened on, never by
//! the group's index: indexes are renumbered by every re-clustering (a
//! filter change, a zoom across a level), and an index kept across one
//! names another group.

use super::cluster::Clustering;
use super::gesture::Px;

/// An open spot list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spot {
    /// The group's incidents when it was opened (dataset indexes, sorted).
    incidents: Vec<u32>,
    /// Where it opened, in canvas px (integers, so a spot can be `Eq`).
    anchor: (i32, i32),
}

impl Spot {
    /// The list for group `g` of `clustering`, opened at `anchor`; `None`
    /// for a group that is not there.
    pub fn open(clustering: &Clustering, g: usize, anchor: Px) -> Option<Spot> {
        (g < clustering.groups.len()).then(|| Spot {
            incidents: clustering.incidents(g).to_vec(),
            anchor: (anchor.0.round() as i32, anchor.1.round() as i32),
        })
    }

    /// The incidents to list now: those of the spot that `shown` still
    /// allows, in dataset order. Empty means the list should close.
    pub fn listed(&self, shown: impl Fn(u32) -> bool) -> Vec<u32> {
        self.incidents
            .iter()
            .copied()
            .filter(|&i| shown(i))
            .collect()
    }

    /// Where the list sits, in canvas px.
    pub fn anchor(&self) -> Px {
        (f64::from(self.anchor.0), f64::from(self.anchor.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::cluster::ClusterOptions;
    use crate::geo::scene::IncidentPoint;
    use crate::geo::PlacePrecision;
    use crate::geo::Point;

    fn point(incident: u32, x: f64) -> IncidentPoint {
        IncidentPoint {
            incident,
            at: Point::new(x, 0.0),
            radius_km: 1.0,
            precision: PlacePrecision::Exact,
        }
    }

    #[test]
    fn a_spot_keeps_its_own_incidents_across_a_reclustering() {
        // Incidents 0 and 1 alone, far west; 2, 3, 4 at one spot, east.
        let points = vec![
            point(0, -500.0),
            point(1, -300.0),
            point(2, 100.0),
            point(3, 100.0),
            point(4, 100.0),
        ];
        let level = 10;
        let before = Clustering::build(&points, |i| i >= 2, level, ClusterOptions::default());
        let g = before.group_of(3).expect("shown");
        let spot = Spot::open(&before, g, (120.4, 80.6)).expect("a group");
        assert_eq!(spot.anchor(), (120.0, 81.0));
        // Showing more incidents renumbers the groups: the old index now
        // names another group (the defect this type prevents).
        let after = Clustering::build(&points, |_| true, level, ClusterOptions::default());
        assert_ne!(after.incidents(g), before.incidents(g));
        assert_eq!(spot.listed(|_| true), vec![2, 3, 4]);
        // Hiding some of its incidents lists the rest; hiding all closes it.
        assert_eq!(spot.listed(|i| i != 3), vec![2, 4]);
        assert!(spot.listed(|i| i < 2).is_empty());
        assert_eq!(Spot::open(&before, 99, (0.0, 0.0)), None);
    }
}
