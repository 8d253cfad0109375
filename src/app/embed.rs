//! Embedding in other pages (docs/embedding.md):
//!
//! - URL options, read once at start: `embed=1` (compact chrome for an
//!   iframe), `theme=light|dark|auto`, `transparent=1`, `frame=<id>` (echoed
//!   in height messages) and Pym.js's `childId`. They become attributes on
//!   `<html>` (`data-embed`, `data-theme`, `data-transparent`) that
//!   style/embed.css keys on.
//! - Height reporting: when the page is in a frame, it posts its content
//!   height to the parent whenever it changes (a ResizeObserver on `<html>`
//!   and `<body>`), as `{type: "incident-atlas:height", height, id}`; with
//!   `childId` also as Pym.js's string message. embed/host.js resizes the
//!   frame.
//! - The embed-code generator: the "Embed" button in the header opens a
//!   modal dialog with the iframe snippet for the current view.

use std::cell::{Cell, OnceCell};
use std::rc::Rc;

use leptos::html::{Button, Dialog, Textarea};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::state::{Atlas, Ui, UiLang};
use super::text::Localized;
use crate::i18n::{t, Key};
use crate::text::{Lang, Text};

/// The `type` of the height message a frame posts to its parent.
pub const HEIGHT_MESSAGE: &str = "incident-atlas:height";
/// The `type` of the message a host posts to ask for the height again.
pub const REQUEST_MESSAGE: &str = "incident-atlas:request-height";
/// Longest frame id kept from the URL.
const MAX_ID_LEN: usize = 64;
/// Query parameters that only make sense inside a frame.
const FRAME_PARAMS: [&str; 8] = [
    "embed",
    "frame",
    "theme",
    "transparent",
    // Added by Pym.js parents.
    "childId",
    "initialWidth",
    "parentTitle",
    "parentUrl",
];

/// A colour theme chosen by URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    /// Follows the reader's `prefers-color-scheme`.
    Auto,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::Auto];

    pub fn parse(value: &str) -> Option<Theme> {
        match value.trim().to_ascii_lowercase().as_str() {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            "auto" => Some(Theme::Auto),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }

    fn label(self) -> Key {
        match self {
            Theme::Light => Key::ThemeLight,
            Theme::Dark => Key::ThemeDark,
            Theme::Auto => Key::ThemeAuto,
        }
    }
}

/// The embedding options of this page load.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EmbedOptions {
    /// `embed=1`: compact chrome for an iframe.
    pub embedded: bool,
    pub theme: Option<Theme>,
    /// `transparent=1`: no page background, the host's shows through.
    pub transparent: bool,
    /// `frame=…`: the id the frame reports with its height.
    pub frame: Option<String>,
    /// Pym.js's `childId`, when a Pym parent made the frame.
    pub pym_id: Option<String>,
}

impl EmbedOptions {
    /// Reads the options from a query string (`?embed=1&theme=dark…`).
    pub fn from_query(search: &str) -> EmbedOptions {
        let Ok(params) = web_sys::UrlSearchParams::new_with_str(search) else {
            return EmbedOptions::default();
        };
        let flag = |name: &str| {
            params.get(name).is_some_and(|v| {
                matches!(
                    v.trim().to_ascii_lowercase().as_str(),
                    "1" | "true" | "yes" | ""
                )
            })
        };
        EmbedOptions {
            embedded: flag("embed"),
            theme: params.get("theme").and_then(|v| Theme::parse(&v)),
            transparent: flag("transparent"),
            frame: params.get("frame").and_then(|v| clean_id(&v)),
            pym_id: params.get("childId").and_then(|v| clean_id(&v)),
        }
    }
}

/// An id from the URL, kept only if it is short and plain (letters,
/// digits, `-_.:`), so that hosts can use it anywhere.
fn clean_id(value: &str) -> Option<String> {
    let v = value.trim();
    let plain = v
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'));
    (!v.is_empty() && v.len() <= MAX_ID_LEN && plain).then(|| v.to_owned())
}

thread_local! {
    static OPTIONS: OnceCell<EmbedOptions> = const { OnceCell::new() };
}

/// This page load's options (read from the URL on first use).
pub fn options() -> EmbedOptions {
    OPTIONS.with(|o| {
        o.get_or_init(|| {
            let search = window().location().search().unwrap_or_default();
            EmbedOptions::from_query(&search)
        })
        .clone()
    })
}

/// Applies the URL's options to `<html>` and, inside a frame, starts
/// reporting the page's height to the parent. Call once, before mounting.
pub fn install() {
    let opts = options();
    if let Some(root) = document().document_element() {
        if opts.embedded {
            let _ = root.set_attribute("data-embed", "1");
        }
        if let Some(theme) = opts.theme {
            let _ = root.set_attribute("data-theme", theme.code());
            apply_scheme(theme);
        }
        if opts.transparent {
            let _ = root.set_attribute("data-transparent", "1");
        }
    }
    report_height(&opts);
}

/// Sets `data-scheme` on `<html>` to the colours in use (`light`, `dark`),
/// following the reader's preference for `theme=auto`.
fn apply_scheme(theme: Theme) {
    let set = |dark: bool| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-scheme", if dark { "dark" } else { "light" });
        }
    };
    match theme {
        Theme::Light => set(false),
        Theme::Dark => set(true),
        Theme::Auto => {
            let Ok(Some(query)) = window().match_media("(prefers-color-scheme: dark)") else {
                set(false);
                return;
            };
            set(query.matches());
            let on_change = Closure::<dyn FnMut(web_sys::MediaQueryListEvent)>::new(
                move |e: web_sys::MediaQueryListEvent| set(e.matches()),
            );
            let _ = query
                .add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
            on_change.forget();
        }
    }
}

/// The page's content height in CSS pixels (the `<html>` box, which grows
/// and shrinks with the content, unlike `scrollHeight` inside a frame).
fn content_height() -> f64 {
    document()
        .document_element()
        .map_or(0.0, |e| e.get_bounding_client_rect().height().ceil())
}

/// Posts the height to the parent window whenever it changes, and again
/// when the parent asks (embed/host.js asks once it has loaded).
fn report_height(opts: &EmbedOptions) {
    let win = window();
    let Ok(Some(parent)) = win.parent() else {
        return;
    };
    if JsValue::from(parent.clone()) == JsValue::from(win.clone()) {
        return; // Not in a frame.
    }
    let last = Rc::new(Cell::new(-1.0_f64));
    let frame = opts.frame.clone();
    let pym = opts.pym_id.clone();
    let post = {
        let parent = parent.clone();
        move |force: bool| {
            let height = content_height();
            if height <= 0.0 || (!force && height == last.get()) {
                return;
            }
            last.set(height);
            let message = js_sys::Object::new();
            let id = frame.as_deref().map_or(JsValue::NULL, JsValue::from_str);
            let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
            let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
            let _ = js_sys::Reflect::set(&message, &"id".into(), &id);
            // The height is not a secret: any parent may have it.
            let _ = parent.post_message(&message, "*");
            if let Some(pym) = &pym {
                let text = format!("pymxPYMx{pym}xPYMxheightxPYMx{height}");
                let _ = parent.post_message(&JsValue::from_str(&text), "*");
            }
        }
    };
    let post = Rc::new(post);

    let on_resize = {
        let post = post.clone();
        Closure::<dyn FnMut()>::new(move || post(false))
    };
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        if let Some(root) = document().document_element() {
            observer.observe(&root);
        }
        if let Some(body) = document().body() {
            observer.observe(&body);
        }
    }
    on_resize.forget();

    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let from_parent = e
                .source()
                .is_some_and(|s| JsValue::from(s) == JsValue::from(parent.clone()));
            if from_parent && message_type(&e.data()).as_deref() == Some(REQUEST_MESSAGE) {
                post(true);
            }
        });
    let _ = win.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
}

/// The `type` field of a message, when it is an object with a string there.
fn message_type(data: &JsValue) -> Option<String> {
    if !data.is_object() {
        return None;
    }
    js_sys::Reflect::get(data, &"type".into())
        .ok()
        .and_then(|v| v.as_string())
}

/// In embed mode on a narrow frame the detail panel sits below the views:
/// bring it into sight when an incident is selected.
pub fn follow_selection(ui: Ui) {
    if !options().embedded {
        return;
    }
    Effect::new(move |_| {
        if ui.selected.get().is_none() {
            return;
        }
        request_animation_frame(|| {
            let narrow = window()
                .match_media("(max-width: 720px)")
                .ok()
                .flatten()
                .is_some_and(|m| m.matches());
            if !narrow {
                return;
            }
            if let Ok(Some(panel)) = document().query_selector(".detail[data-incident]") {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                panel.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    });
}

/// The dataset description: a paragraph, or in embed mode a disclosure
/// that starts closed, to keep the frame's chrome short.
pub fn description(text: Text) -> impl IntoView {
    let lang = expect_context::<UiLang>();
    if options().embedded {
        view! {
            <details class="description-toggle">
                <summary>{move || t(lang.get(), Key::AboutData)}</summary>
                <p class="description"><Localized text=text/></p>
            </details>
        }
        .into_any()
    } else {
        view! { <p class="description"><Localized text=text/></p> }.into_any()
    }
}

/// The header's embedding control: the "Embed" button and its dialog, or
/// inside a frame a link to the full atlas.
#[component]
pub fn EmbedControl() -> impl IntoView {
    if options().embedded {
        view! { <OpenFull/> }.into_any()
    } else {
        view! { <EmbedDialog/> }.into_any()
    }
}

/// "Open the full atlas", in a new tab, on the same view without the frame
/// options. The link is refreshed when used, so it follows the view.
#[component]
fn OpenFull() -> impl IntoView {
    let lang = expect_context::<UiLang>();
    view! {
        <a
            class="open-full"
            href=full_url().unwrap_or_else(|| "./".to_owned())
            target="_blank"
            rel="noopener"
            on:click=move |e| refresh_link(&e)
            on:focus=move |e| refresh_link(&e)
            on:pointerenter=move |e| refresh_link(&e)
        >
            {move || t(lang.get(), Key::OpenFull)}
            <span class="visually-hidden">" (" {move || t(lang.get(), Key::Opens)} ")"</span>
            <span aria-hidden="true">" ↗"</span>
        </a>
    }
}

/// Points the link that received `e` at the current view.
fn refresh_link(e: &web_sys::Event) {
    let anchor = e
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    if let (Some(a), Some(href)) = (anchor, full_url()) {
        let _ = a.set_attribute("href", &href);
    }
}

/// The current page's URL without the frame options.
fn full_url() -> Option<String> {
    let href = window().location().href().ok()?;
    let url = web_sys::Url::new(&href).ok()?;
    let params = url.search_params();
    for p in FRAME_PARAMS {
        params.delete(p);
    }
    url.set_hash("");
    Some(url.href())
}

/// What the generated code is built from.
#[derive(Clone, Debug, PartialEq)]
struct Snapshot {
    /// The page's URL (its query is the current view).
    href: String,
    /// The new frame's id.
    frame: String,
}

/// The "Embed" button and the dialog it opens.
#[component]
fn EmbedDialog() -> impl IntoView {
    let lang = expect_context::<UiLang>();
    let atlas = expect_context::<Atlas>();
    let title = atlas.dataset.meta.title.clone();
    let dialog = NodeRef::<Dialog>::new();
    let opener = NodeRef::<Button>::new();
    let code_box = NodeRef::<Textarea>::new();
    let snapshot = RwSignal::new(None::<Snapshot>);
    let theme = RwSignal::new(options().theme.unwrap_or(Theme::Light));
    let status = RwSignal::new(None::<Key>);

    let code = Memo::new(move |_| {
        let s = snapshot.get()?;
        let l = lang.get();
        Some(embed_code(&s, l, theme.get(), &frame_title(&title, l)))
    });
    let open = move |_| {
        let href = window().location().href().unwrap_or_default();
        snapshot.set(Some(Snapshot {
            href,
            frame: new_frame_id(),
        }));
        status.set(None);
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    // However the dialog closes (button, Escape), focus returns to the
    // button that opened it.
    let closed = move |_| {
        if let Some(b) = opener.get() {
            let _ = b.focus();
        }
    };
    let copy = move |_| {
        let Some(text) = code.get_untracked() else {
            return;
        };
        if let Some(area) = code_box.get() {
            area.select();
        }
        let done = Closure::<dyn FnMut(JsValue)>::new(move |_| status.set(Some(Key::Copied)));
        let failed = Closure::<dyn FnMut(JsValue)>::new(move |_| status.set(Some(Key::CopyFailed)));
        let clipboard = window().navigator().clipboard();
        // `clipboard` is undefined outside secure contexts.
        if JsValue::from(clipboard.clone()).is_undefined() {
            status.set(Some(Key::CopyFailed));
            return;
        }
        let _ = clipboard.write_text(&text).then2(&done, &failed);
        done.forget();
        failed.forget();
    };

    view! {
        <button
            class="button embed-open"
            node_ref=opener
            aria-haspopup="dialog"
            on:click=open
        >
            {move || t(lang.get(), Key::Embed)}
        </button>
        <dialog
            class="embed-dialog"
            node_ref=dialog
            aria-labelledby="embed-dialog-title"
            aria-describedby="embed-dialog-intro"
            on:close=closed
        >
            <div class="embed-dialog-head">
                <h2 id="embed-dialog-title">{move || t(lang.get(), Key::EmbedTitle)}</h2>
                <button
                    class="close"
                    aria-label=move || t(lang.get(), Key::Close)
                    title=move || t(lang.get(), Key::Close)
                    on:click=close
                >
                    "×"
                </button>
            </div>
            <p id="embed-dialog-intro" class="embed-intro">{move || t(lang.get(), Key::EmbedIntro)}</p>
            <fieldset class="embed-themes">
                <legend>{move || t(lang.get(), Key::Theme)}</legend>
                {Theme::ALL
                    .into_iter()
                    .map(|th| {
                        view! {
                            <label class="embed-theme">
                                <input
                                    type="radio"
                                    name="embed-theme"
                                    value=th.code()
                                    prop:checked=move || theme.get() == th
                                    on:change=move |_| theme.set(th)
                                />
                                {move || t(lang.get(), th.label())}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <label class="embed-code-label" for="embed-code">{move || t(lang.get(), Key::EmbedCode)}</label>
            <textarea
                id="embed-code"
                class="embed-code"
                node_ref=code_box
                readonly
                rows="7"
                dir="ltr"
                lang="en"
                spellcheck="false"
                prop:value=move || code.get().unwrap_or_default()
            ></textarea>
            <div class="embed-actions">
                <button class="button embed-copy" on:click=copy>{move || t(lang.get(), Key::Copy)}</button>
                <p class="embed-status" role="status" aria-live="polite">
                    {move || status.get().map(|k| t(lang.get(), k))}
                </p>
            </div>
        </dialog>
    }
}

/// The frame's accessible name: the app and the dataset's title.
fn frame_title(title: &Text, lang: Lang) -> String {
    let app = t(lang, Key::AppName);
    match title.get(lang) {
        Some(l) => format!("{app}: {}", l.text),
        None => app.to_owned(),
    }
}

/// A fresh frame id, so that two embeds on one page never share one.
fn new_frame_id() -> String {
    let n = (js_sys::Math::random() * 2_176_782_336.0) as u64; // 36^6
    let mut digits = Vec::new();
    let mut rest = n;
    for _ in 0..6 {
        let d = (rest % 36) as u32;
        digits.push(char::from_digit(d, 36).unwrap_or('0'));
        rest /= 36;
    }
    digits.reverse();
    format!("incident-atlas-{}", digits.into_iter().collect::<String>())
}

/// The HTML to paste: the iframe on the snapshot's view, and the host
/// script that sizes it.
fn embed_code(s: &Snapshot, lang: Lang, theme: Theme, title: &str) -> String {
    let src = frame_url(&s.href, lang, theme, &s.frame).unwrap_or_default();
    let host = web_sys::Url::new_with_base("embed/host.js", &s.href)
        .map(|u| u.href())
        .unwrap_or_else(|_| "embed/host.js".to_owned());
    format!(
        "<iframe id=\"{id}\" src=\"{src}\" title=\"{title}\" lang=\"{lang}\" \
         width=\"100%\" height=\"900\" loading=\"lazy\" \
         style=\"display:block;width:100%;border:0\"></iframe>\n\
         <script src=\"{host}\" async></script>",
        id = escape_attr(&s.frame),
        src = escape_attr(&src),
        title = escape_attr(title),
        lang = lang.code(),
        host = escape_attr(&host),
    )
}

/// The frame's URL: this page with its query (the current view), in
/// embed mode, in `lang`, with `theme` and the frame id.
fn frame_url(href: &str, lang: Lang, theme: Theme, frame: &str) -> Option<String> {
    let url = web_sys::Url::new(href).ok()?;
    url.set_hash("");
    let params = url.search_params();
    for p in FRAME_PARAMS {
        params.delete(p);
    }
    params.set("lang", lang.code());
    params.set("embed", "1");
    if theme != Theme::Light {
        params.set("theme", theme.code());
    }
    params.set("frame", frame);
    // `search_params` is live: the URL already has them.
    Some(url.href())
}

/// Escapes text for a double-quoted HTML attribute.
fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}
