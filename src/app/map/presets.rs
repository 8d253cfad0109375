//! The region presets: all Syria, the Badia, Deir ez-Zor, Damascus. The
//! one the map shows is pressed until a gesture leaves it; one with no
//! place of the data inside is disabled.

use leptos::prelude::*;

use super::super::state::{Atlas, UiLang};
use super::camera::Camera;
use crate::dataset::Region;
use crate::i18n::{t, Key};

const REGIONS: [(Region, Key); 4] = [
    (Region::Syria, Key::RegionSyria),
    (Region::Badia, Key::RegionBadia),
    (Region::DeirEzZor, Key::RegionDeirEzZor),
    (Region::Damascus, Key::RegionDamascus),
];

#[component]
pub fn Presets(camera: Camera) -> impl IntoView {
    let lang = expect_context::<UiLang>();
    let atlas = expect_context::<Atlas>();
    let buttons = REGIONS
        .iter()
        .map(|&(r, key)| {
            // A region with no place of the data in it does not apply.
            let applies = atlas.regions.contains(&r);
            view! {
                <button
                    class="preset"
                    data-region=r.id()
                    disabled=!applies
                    aria-pressed=move || if camera.region.get() == Some(r) { "true" } else { "false" }
                    on:click=move |_| camera.show_region(r)
                >
                    {move || t(lang.get(), key)}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="map-presets" role="group" aria-label=move || t(lang.get(), Key::Regions)>{buttons}</div>
    }
}
