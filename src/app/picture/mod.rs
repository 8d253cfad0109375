//! "Download image": the current view as a PNG (twice its size, for
//! print) or an SVG, on the sheet of `crate::picture::sheet` (title,
//! period, filters, legend, attribution, source), in the page's language.
//! The map and the timeline are drawn by their own painters through the
//! drawing trait ([`sources`]); the file is handed over as a Blob through
//! an object URL, without any request.

pub mod sources;

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Blob, BlobPropertyBag, CanvasRenderingContext2d, HtmlAnchorElement, HtmlCanvasElement,
};

use super::state::{Atlas, Ui, UiLang};
use crate::filter::FacetLabels;
use crate::i18n::{t, Key};
use crate::picture::sheet::{draw, View};
use crate::picture::{pixel_size, Placement, Sheet, Surface, SvgSurface, PNG_SCALE};
use crate::url_state::Page;
use sources::{snapshot, Paint, Which};

/// A picture ready to draw: the sheet, where things go, the two views.
struct Prepared {
    sheet: Sheet,
    placement: Placement,
    map: Paint,
    timeline: Paint,
}

fn scratch_canvas() -> Option<(HtmlCanvasElement, CanvasRenderingContext2d)> {
    let canvas = document()
        .create_element("canvas")
        .ok()?
        .dyn_into::<HtmlCanvasElement>()
        .ok()?;
    let ctx = canvas
        .get_context("2d")
        .ok()
        .flatten()?
        .dyn_into::<CanvasRenderingContext2d>()
        .ok()?;
    Some((canvas, ctx))
}

/// Measures text as the canvas does, in a given font.
fn measurer(ctx: CanvasRenderingContext2d) -> impl Fn(&str, &str) -> f64 {
    move |text, font| {
        ctx.set_font(font);
        ctx.measure_text_width(text)
    }
}

fn prepare(
    atlas: &Atlas,
    labels: &FacetLabels,
    ui: Ui,
    lang: UiLang,
    ctx: &CanvasRenderingContext2d,
) -> Option<Prepared> {
    let (map_size, map) = snapshot(Which::Map)?;
    let (timeline_size, timeline) = snapshot(Which::Timeline)?;
    let filter = ui.filter.get_untracked();
    let shown = ui.shown.get_untracked();
    let sheet = Sheet::describe(&View {
        dataset: &atlas.dataset,
        labels,
        filter: &filter,
        shown: &shown.ids,
        locale: lang.locale_untracked(),
        map: map_size,
        timeline: timeline_size,
    });
    let placement = Placement::of(&sheet, &measurer(ctx.clone()));
    Some(Prepared {
        sheet,
        placement,
        map,
        timeline,
    })
}

/// Hands a blob to the reader as a download named `name`.
fn save(blob: &Blob, name: &str) -> Option<()> {
    let url = web_sys::Url::create_object_url_with_blob(blob).ok()?;
    let a = document()
        .create_element("a")
        .ok()?
        .dyn_into::<HtmlAnchorElement>()
        .ok()?;
    a.set_href(&url);
    a.set_download(name);
    let body = document().body()?;
    body.append_child(&a).ok()?;
    a.click();
    a.remove();
    // Revoked once the browser has surely started the download.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 30_000);
    Some(())
}

fn png(p: &Prepared, name: String, done: impl FnOnce(bool) + 'static) -> Option<()> {
    let (canvas, ctx) = scratch_canvas()?;
    let (w, h) = pixel_size(p.placement.width, p.placement.height, PNG_SCALE);
    canvas.set_width(w);
    canvas.set_height(h);
    ctx.set_transform(PNG_SCALE, 0.0, 0.0, PNG_SCALE, 0.0, 0.0)
        .ok()?;
    draw(&ctx, &p.sheet, &p.placement, &*p.map, &*p.timeline);
    let callback = Closure::once_into_js(move |blob: JsValue| {
        let saved = blob.dyn_into::<Blob>().ok().and_then(|b| save(&b, &name));
        done(saved.is_some());
    });
    canvas.to_blob(callback.unchecked_ref()).ok()
}

fn svg(p: &Prepared, ctx: CanvasRenderingContext2d, name: &str) -> Option<()> {
    let surface = SvgSurface::with_measure(Box::new(measurer(ctx)));
    draw(&surface, &p.sheet, &p.placement, &*p.map, &*p.timeline);
    let text = surface.finish(
        p.placement.width,
        p.placement.height,
        p.sheet.lang.code(),
        &p.sheet.title,
    );
    let parts = js_sys::Array::of1(&JsValue::from_str(&text));
    let options = BlobPropertyBag::new();
    options.set_type("image/svg+xml;charset=utf-8");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    save(&blob, name)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Png,
    Svg,
}

/// The menu, in the full page only: an embed's chrome stays compact (its
/// "Open the full atlas" link leads to it).
#[component]
pub fn DownloadImage() -> impl IntoView {
    if expect_context::<Page>().embed {
        return ().into_any();
    }
    let atlas = expect_context::<Atlas>();
    let ui = expect_context::<Ui>();
    let lang = expect_context::<UiLang>();
    let labels = Arc::new(FacetLabels::new(&atlas.dataset));
    let status = RwSignal::new(None::<Key>);
    // The last picture's size in CSS px, for tests and for the reader.
    let made = RwSignal::new(None::<(f64, f64)>);
    let make = move |format: Format| {
        status.set(None);
        let failed = move || status.set(Some(Key::PictureFailed));
        let Some((_, ctx)) = scratch_canvas() else {
            return failed();
        };
        let Some(p) = prepare(&atlas, &labels, ui, lang, &ctx) else {
            return failed();
        };
        made.set(Some((p.placement.width, p.placement.height)));
        let name = format!("incident-atlas-{}", p.sheet.lang.code());
        let ok = match format {
            Format::Png => png(&p, format!("{name}.png"), move |ok| {
                status.set(Some(if ok {
                    Key::PictureSaved
                } else {
                    Key::PictureFailed
                }));
            }),
            Format::Svg => {
                svg(&p, ctx, &format!("{name}.svg")).map(|()| status.set(Some(Key::PictureSaved)))
            }
        };
        if ok.is_none() {
            failed();
        }
    };
    let make = StoredValue::new_local(make);
    view! {
        <details
            class="picture-menu"
            data-width=move || made.get().map(|m| m.0)
            data-height=move || made.get().map(|m| m.1)
        >
            <summary class="button">{move || t(lang.get(), Key::DownloadImage)}</summary>
            <div class="picture-options">
                <button class="button picture-png" on:click=move |_| make.with_value(|m| m(Format::Png))>
                    {move || t(lang.get(), Key::DownloadPng)}
                </button>
                <button class="button picture-svg" on:click=move |_| make.with_value(|m| m(Format::Svg))>
                    {move || t(lang.get(), Key::DownloadSvg)}
                </button>
                <p class="picture-status" role="status" aria-live="polite">
                    {move || status.get().map(|k| t(lang.get(), k))}
                </p>
            </div>
        </details>
    }
    .into_any()
}
