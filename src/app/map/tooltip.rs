//! The tooltip over the hovered mark: a cluster's count, or an incident's
//! title and date.

use leptos::prelude::*;

use super::super::state::{Atlas, Ui, UiLang};
use super::camera::Camera;
use super::clusters::MapClusters;
use super::pick::MapPicker;
use crate::geo::hit::cluster_radius;
use crate::geo::Size;
use crate::i18n::{date_range, number, t, Key};

#[component]
pub fn Tooltip(
    size: ReadSignal<Option<Size>>,
    camera: Camera,
    clusters: MapClusters,
    picker: MapPicker,
) -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let ui = expect_context::<Ui>();
    let lang = expect_context::<UiLang>();
    move || {
        let (s, v) = (size.get()?, camera.view.get()?);
        let l = lang.get();
        let loc = lang.locale();
        if let Some(hovered) = picker.hovered_cluster.get() {
            let clustered = clusters.current.get()?;
            let group = clustered
                .clustering
                .groups
                .get(hovered.group_in(&clustered)?)?;
            let (x, y) = v.to_screen(group.at, s);
            let r = cluster_radius(group.incident_count());
            return Some(view! {
                <div class="map-tooltip" role="tooltip" style:left=format!("{x:.0}px") style:top=format!("{:.0}px", y - r)>
                    <strong>{format!("{} {}", number(loc, group.incident_count() as u64), t(l, Key::IncidentsHere))}</strong>
                    <span>{t(l, Key::ClusterHint)}</span>
                </div>
            }
            .into_any());
        }
        let i = ui.hovered.get()?;
        let inc = atlas.dataset.incidents.get(i as usize)?;
        let p = atlas.scene.first_point_of(i)?;
        let (x, y) = v.to_screen(p.at, s);
        let title = inc.title.pick(l).to_owned();
        let when = date_range(loc, inc.when.start, inc.when.end, false);
        Some(
            view! {
                <div class="map-tooltip" role="tooltip" style:left=format!("{x:.0}px") style:top=format!("{:.0}px", y - 8.0)>
                    <strong>{title}</strong>
                    <span>{when}</span>
                </div>
            }
            .into_any(),
        )
    }
}
