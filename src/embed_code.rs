//! The code an article pastes to embed the atlas (docs/embedding.md): the
//! frame's URL on a view, the `<iframe>` and host-script snippet, and the
//! escaping that keeps any dataset title inside its attribute. Plain
//! strings, no DOM, so that it is tested natively.

use crate::text::Lang;
use crate::url_state::{Page, Theme, ViewState};

/// The prefix of generated frame ids.
pub const FRAME_ID_PREFIX: &str = "incident-atlas-";

/// What the embed code is made from.
#[derive(Clone, Debug, PartialEq)]
pub struct EmbedRequest<'a> {
    /// The atlas page's address without query or fragment, e.g.
    /// `https://example.org/atlas/index.html`.
    pub page_url: &'a str,
    /// The view the frame opens on; its page options are replaced.
    pub view: &'a ViewState,
    pub lang: Lang,
    pub theme: Theme,
    /// The new frame's id (see [`frame_id`]).
    pub frame: &'a str,
    /// The frame's accessible name (see [`frame_title`]).
    pub title: &'a str,
    /// The host script's address.
    pub host_script: &'a str,
    /// The picture shown, with a link to the full atlas, where the frame
    /// cannot run (`<noscript>`: feed readers, AMP, scripts off); see
    /// [`preview_image_url`].
    pub fallback_image: &'a str,
}

/// Where the atlas keeps its static picture of the default view in a
/// language (`assets/preview-ar.png`, made by `scripts/preview-image.mjs`),
/// beside the page at `page_url`.
pub fn preview_image_url(page_url: &str, lang: Lang) -> String {
    let dir = match page_url.rfind('/') {
        Some(i) => &page_url[..=i],
        None => "",
    };
    format!("{dir}assets/preview-{}.png", lang.code())
}

/// The width and height of the static pictures, px.
pub const PREVIEW_SIZE: (u32, u32) = (1200, 630);

fn is_web_url(u: &str) -> bool {
    let lower = u.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// The HTML to paste: the iframe on the view; for readers whose page
/// runs no script (feed readers, AMP, scripts off), a `<noscript>` with
/// the static picture linked to the full atlas on the view; and the host
/// script that sizes the frame. Every value is escaped for its
/// double-quoted attribute; the fallback is left out unless the atlas
/// and the picture have http(s) addresses.
pub fn snippet(r: &EmbedRequest) -> String {
    let src = frame_url(r.page_url, r.view, r.lang, r.theme, r.frame);
    let mut out = format!(
        "<iframe id=\"{id}\" src=\"{src}\" title=\"{title}\" lang=\"{lang}\" \
         width=\"100%\" height=\"900\" loading=\"lazy\" \
         style=\"display:block;width:100%;border:0\"></iframe>\n",
        id = escape_attribute(r.frame),
        src = escape_attribute(&src),
        title = escape_attribute(r.title),
        lang = r.lang.code(),
    );
    if is_web_url(r.page_url) && is_web_url(r.fallback_image) {
        let full = full_url(
            r.page_url,
            &ViewState {
                page: Page {
                    lang: Some(r.lang),
                    ..r.view.page.clone()
                },
                ..r.view.clone()
            },
        );
        out.push_str(&format!(
            "<noscript><a href=\"{href}\" lang=\"{lang}\"><img src=\"{img}\" alt=\"{title}\" \
             width=\"{w}\" height=\"{h}\" style=\"display:block;max-width:100%;height:auto\"></a></noscript>\n",
            href = escape_attribute(&full),
            lang = r.lang.code(),
            img = escape_attribute(r.fallback_image),
            title = escape_attribute(r.title),
            w = PREVIEW_SIZE.0,
            h = PREVIEW_SIZE.1,
        ));
    }
    out.push_str(&format!(
        "<script src=\"{host}\" async></script>",
        host = escape_attribute(r.host_script)
    ));
    out
}

/// The frame's URL: the page on `view`, in embed mode, in `lang`, with
/// `theme` and the frame id, without the options of any frame the view
/// itself is in.
pub fn frame_url(
    page_url: &str,
    view: &ViewState,
    lang: Lang,
    theme: Theme,
    frame: &str,
) -> String {
    let page = Page {
        lang: Some(lang),
        embed: true,
        theme,
        frame: Some(frame.to_owned()),
        ..view.page.unframed()
    };
    with_query(
        page_url,
        &ViewState {
            page,
            ..view.clone()
        },
    )
}

/// The full atlas on `view`, outside any frame ("Open the full atlas").
pub fn full_url(page_url: &str, view: &ViewState) -> String {
    let page = view.page.unframed();
    with_query(
        page_url,
        &ViewState {
            page,
            ..view.clone()
        },
    )
}

fn with_query(page_url: &str, view: &ViewState) -> String {
    let query = view.to_query();
    if query.is_empty() {
        page_url.to_owned()
    } else {
        format!("{page_url}?{query}")
    }
}

/// The frame's accessible name: the app's name and the dataset's title.
pub fn frame_title(app_name: &str, dataset_title: Option<&str>) -> String {
    match dataset_title.map(str::trim).filter(|t| !t.is_empty()) {
        Some(title) => format!("{app_name}: {title}"),
        None => app_name.to_owned(),
    }
}

/// A frame id from a random number: [`FRAME_ID_PREFIX`] and six base-36
/// digits, so that two embeds on one page (almost) never share one.
pub fn frame_id(random: u64) -> String {
    let mut rest = random % 36u64.pow(6);
    let mut digits = ['0'; 6];
    for d in digits.iter_mut().rev() {
        // `rest % 36` is below 36, always a base-36 digit.
        *d = char::from_digit((rest % 36) as u32, 36).unwrap_or('0');
        rest /= 36;
    }
    format!("{FRAME_ID_PREFIX}{}", digits.iter().collect::<String>())
}

/// Escapes text for a double-quoted HTML attribute: `& " ' < >`, line
/// breaks and other control characters become character references, and
/// so do the bidirectional overrides and isolates, so that a title cannot
/// close its attribute, add a line to the snippet, or make the code read
/// in a different order than it is written.
pub fn escape_attribute(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if c.is_control() || is_bidi_control(c) => {
                out.push_str(&format!("&#x{:X};", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out
}

/// Embeddings, overrides and isolates (the marks U+200E, U+200F and
/// U+061C only set the direction of neutral characters and are kept).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::Region;
    use crate::url_state::MapState;

    fn view() -> ViewState {
        ViewState {
            page: Page {
                lang: Some(Lang::Ar),
                data: Some("https://data.example/a.json".into()),
                // The view is itself in a frame: none of this carries over.
                embed: true,
                theme: Theme::Auto,
                transparent: true,
                frame: Some("old-frame".into()),
                ..Page::default()
            },
            map: Some(MapState::Region(Region::Badia)),
            ..ViewState::default()
        }
    }

    fn request<'a>(view: &'a ViewState, title: &'a str) -> EmbedRequest<'a> {
        EmbedRequest {
            page_url: "https://example.org/atlas/index.html",
            view,
            lang: Lang::En,
            theme: Theme::Dark,
            frame: "incident-atlas-k3v9qa",
            title,
            host_script: "https://example.org/atlas/embed/host.js",
            fallback_image: "https://example.org/atlas/assets/preview-en.png",
        }
    }

    #[test]
    fn the_snippet_frames_the_view() {
        let view = view();
        let code = snippet(&request(&view, "Incident Atlas: Attacks"));
        assert_eq!(
            code,
            "<iframe id=\"incident-atlas-k3v9qa\" \
             src=\"https://example.org/atlas/index.html?lang=en&amp;data=https://data.example/a.json\
             &amp;region=badia&amp;embed=1&amp;theme=dark&amp;frame=incident-atlas-k3v9qa\" \
             title=\"Incident Atlas: Attacks\" lang=\"en\" width=\"100%\" height=\"900\" \
             loading=\"lazy\" style=\"display:block;width:100%;border:0\"></iframe>\n\
             <noscript><a href=\"https://example.org/atlas/index.html?lang=en&amp;data=https://data.example/a.json\
             &amp;region=badia\" lang=\"en\"><img src=\"https://example.org/atlas/assets/preview-en.png\" \
             alt=\"Incident Atlas: Attacks\" width=\"1200\" height=\"630\" \
             style=\"display:block;max-width:100%;height:auto\"></a></noscript>\n\
             <script src=\"https://example.org/atlas/embed/host.js\" async></script>"
        );
    }

    #[test]
    fn the_fallback_needs_web_addresses() {
        let view = ViewState::default();
        let mut r = request(&view, "t");
        r.page_url = "file:///home/me/atlas/index.html";
        r.fallback_image = "file:///home/me/atlas/assets/preview-en.png";
        let code = snippet(&r);
        assert!(!code.contains("<noscript"), "{code}");
        let mut r = request(&view, "t");
        r.fallback_image = "javascript:alert(1)";
        assert!(!snippet(&r).contains("<noscript"));
        assert_eq!(
            preview_image_url("https://x.org/atlas/index.html", Lang::Ar),
            "https://x.org/atlas/assets/preview-ar.png"
        );
        assert_eq!(
            preview_image_url("https://x.org/atlas/", Lang::En),
            "https://x.org/atlas/assets/preview-en.png"
        );
    }

    #[test]
    fn the_light_theme_is_the_default_and_not_written() {
        let view = view();
        let url = frame_url("https://x.org/", &view, Lang::Ar, Theme::Light, "f");
        assert_eq!(
            url,
            "https://x.org/?lang=ar&data=https://data.example/a.json&region=badia&embed=1&frame=f"
        );
    }

    #[test]
    fn the_full_atlas_has_no_frame_options() {
        let view = view();
        assert_eq!(
            full_url("https://x.org/index.html", &view),
            "https://x.org/index.html?lang=ar&data=https://data.example/a.json&region=badia"
        );
        assert_eq!(
            full_url("https://x.org/", &ViewState::default()),
            "https://x.org/"
        );
    }

    /// The attribute values of a snippet's `<iframe>`, read as a browser
    /// would: up to the next double quote.
    fn attribute<'a>(code: &'a str, name: &str) -> &'a str {
        let start = code.find(&format!(" {name}=\"")).expect("attribute") + name.len() + 3;
        let rest = &code[start..];
        &rest[..rest.find('"').expect("closing quote")]
    }

    #[test]
    fn hostile_titles_stay_inside_their_attribute() {
        let view = ViewState::default();
        let hostile = "\"><script>alert(1)</script> & 'x'\nline two\r\u{202E}عنوان\u{2066}";
        let code = snippet(&request(&view, hostile));
        let title = attribute(&code, "title");
        assert_eq!(
            title,
            "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;x&#39;&#xA;line two&#xD;\
             &#x202E;عنوان&#x2066;"
        );
        // Nothing escaped the attribute: still one iframe, one fallback
        // picture, one script, three lines.
        assert_eq!(code.matches("<iframe").count(), 1);
        assert_eq!(code.matches("<img").count(), 1);
        assert_eq!(code.matches("<script").count(), 1);
        assert_eq!(code.lines().count(), 3);
        assert!(code.contains(
            "alt=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;x&#39;&#xA;line two"
        ));
        assert_eq!(attribute(&code, "lang"), "en");
    }

    #[test]
    fn arabic_titles_are_kept_as_written() {
        let title = frame_title(
            "أطلس الحوادث",
            Some("هجمات على القوات الحكومية في البادية، 2020–2023"),
        );
        assert_eq!(escape_attribute(&title), title, "nothing to escape");
        assert_eq!(
            title,
            "أطلس الحوادث: هجمات على القوات الحكومية في البادية، 2020–2023"
        );
        // The direction marks of Arabic text are not controls to escape.
        assert_eq!(escape_attribute("\u{200F}أ\u{061C}"), "\u{200F}أ\u{061C}");
        assert_eq!(frame_title("Incident Atlas", Some("  ")), "Incident Atlas");
        assert_eq!(frame_title("Incident Atlas", None), "Incident Atlas");
    }

    #[test]
    fn hostile_ids_and_addresses_are_escaped_too() {
        let view = ViewState::default();
        let mut r = request(&view, "t");
        r.frame = "a\"b";
        r.host_script = "https://x.org/embed/host.js?a=1&b=\"2\"";
        let code = snippet(&r);
        assert_eq!(attribute(&code, "id"), "a&quot;b");
        assert!(attribute(&code, "src").contains("frame=a%22b"), "{code}");
        assert!(code.contains(
            "<script src=\"https://x.org/embed/host.js?a=1&amp;b=&quot;2&quot;\" async>"
        ));
    }

    #[test]
    fn frame_ids_are_six_base_36_digits() {
        assert_eq!(frame_id(0), "incident-atlas-000000");
        assert_eq!(frame_id(35), "incident-atlas-00000z");
        assert_eq!(frame_id(36u64.pow(6) - 1), "incident-atlas-zzzzzz");
        assert_eq!(frame_id(36u64.pow(6)), "incident-atlas-000000", "wraps");
        assert_eq!(frame_id(u64::MAX).len(), FRAME_ID_PREFIX.len() + 6);
    }
}
