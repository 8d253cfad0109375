//! Where the map draws things, for tests and hosts (see `test_hooks`): an
//! incident's own marker or the cluster that holds it, and any (lon, lat).

use leptos::html::Canvas;
use leptos::prelude::*;

use super::super::state::Atlas;
use super::super::test_hooks;
use super::camera::Camera;
use super::clusters::MapClusters;
use crate::geo::{Point, Size};

pub fn register(
    atlas: &Atlas,
    canvas: NodeRef<Canvas>,
    size: ReadSignal<Option<Size>>,
    camera: Camera,
    clusters: MapClusters,
) {
    // A projected point in client (viewport) px.
    let to_client = move |at: Point| -> Option<(f64, f64)> {
        let (s, v, c) = (
            size.get_untracked()?,
            camera.view.get_untracked()?,
            canvas.get_untracked()?,
        );
        let (x, y) = v.to_screen(at, s);
        let rect = c.get_bounding_client_rect();
        Some((rect.left() + x, rect.top() + y))
    };
    {
        let atlas = atlas.clone();
        test_hooks::register("map", move |id| {
            let i = atlas.dataset.incident_index(id)? as u32;
            let clustered = clusters.current.get_untracked()?;
            let clustering = &clustered.clustering;
            let g = clustering.group_of(i)?;
            let group = clustering.groups.get(g)?;
            let at = if group.is_cluster() {
                group.at
            } else {
                let k = *clustering.points(g).first()?;
                atlas.scene.points.get(k as usize)?.at
            };
            to_client(at)
        });
    }
    let projection = atlas.scene.projection;
    test_hooks::register_projector(move |lon, lat| to_client(projection.project(lon, lat)));
}
