//! The frame page (`embed/frame.html`): the one reply its address names, nothing else, and a link
//! that opens the same reply on a full page of its own. Its height is told to the parent page by
//! `src/frame.js`, not here.

use wasm_bindgen::JsCast;

use super::mount::{mount_into, ROOT_ATTRIBUTE};
use super::options::{
    or_warn, parse_elder, parse_size, parse_timeout, ClassLabels, Lang, Options, Views,
};
use super::origin::{param, refused_panel, source_from_location};
use super::settings::ReadingStart;
use super::source::{ReplySource, DEFAULT_TIMEOUT_SECS};

/// Marks the element of `embed/frame.html` the reply is mounted into.
pub const FRAME_PAGE_ATTRIBUTE: &str = "data-dafu-frame-page";

/// The frame page's attribute giving the result classes' labels (`A=name:meaning;…`), as on a host
/// page: a site that uses other labels sets it in its copy of `embed/frame.html`.
const CLASS_LABELS_ATTRIBUTE: &str = "data-dafu-class-labels";

/// The frame page's attribute naming the full page its link opens (resolved against the frame's
/// address; `src` and `lang` are added to it). `../index.html` when absent.
const FULL_PAGE_ATTRIBUTE: &str = "data-dafu-full";

/// Mounts the frame page into its `[data-dafu-frame-page]` element, from the frame's address:
/// `src` (also in the fragment, `#src=`), `lang`, `views`, `open`, `timeout`, `mode` (`elder`), `size`
/// (`large`, `larger`, `largest`). Returns `false`, doing
/// nothing, on any other page. A refused `src` shows only the panel that says why: no link either.
pub fn mount_frame_page() -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(host) = document
        .query_selector(&format!("[{FRAME_PAGE_ATTRIBUTE}]"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    let lang = param("lang", true)
        .map(|l| Lang::parse(&l))
        .unwrap_or_default();
    match source_from_location(true) {
        Ok(source) => {
            let link = full_page_link(&document, &host, &source, lang);
            let options = Options {
                views: param("views", true)
                    .map(|v| Views::parse(&v))
                    .unwrap_or_default(),
                open_all: param("open", true).is_some_and(|o| o.trim() == "all"),
                lang,
                timeout_secs: param("timeout", true)
                    .map_or(DEFAULT_TIMEOUT_SECS, |t| parse_timeout(&t)),
                elder: ReadingStart {
                    elder: param("mode", true).is_some_and(|m| parse_elder(&m)),
                    size: param("size", true).map_or(0, |s| or_warn(parse_size(&s))),
                },
                // From the frame page's own markup, never from its address: a link could otherwise
                // make a government's page say what a result class means.
                class_labels: host
                    .get_attribute(CLASS_LABELS_ATTRIBUTE)
                    .map(|l| or_warn(ClassLabels::parse(&l)))
                    .unwrap_or_default(),
                from_address: true,
            };
            if let Some(mounted) = mount_into(host.clone(), source, options) {
                mounted.forget();
            }
            if let Some(link) = link {
                let _ = host.insert_before(&link, host.first_child().as_ref());
            }
        }
        Err(refused) => {
            host.set_text_content(None);
            let _ = host.set_attribute(ROOT_ATTRIBUTE, "");
            leptos::mount::mount_to(host, move || refused_panel(&refused, lang)).forget();
        }
    }
    true
}

/// `<p class="dafu-frame__bar"><a target="_blank">在新窗口打开</a></p>`, to the full page with the
/// same reply (its address resolved, so that it means the same there) and language.
fn full_page_link(
    document: &web_sys::Document,
    host: &web_sys::HtmlElement,
    source: &ReplySource,
    lang: Lang,
) -> Option<web_sys::Element> {
    let base = document.base_uri().ok().flatten()?;
    let full = host
        .get_attribute(FULL_PAGE_ATTRIBUTE)
        .unwrap_or_else(|| "../index.html".to_owned());
    let url = web_sys::Url::new_with_base(&full, &base).ok()?;
    let params = url.search_params();
    if let ReplySource::Url(src) = source {
        params.set("src", src);
    }
    if lang != Lang::default() {
        params.set("lang", lang.tag());
    }
    url.set_search(&params.to_string().as_string().unwrap_or_default());
    let bar = document.create_element("p").ok()?;
    bar.set_class_name("dafu-frame__bar");
    let link = document.create_element("a").ok()?;
    link.set_class_name("dafu-frame__open");
    link.set_attribute("href", &url.href()).ok()?;
    link.set_attribute("target", "_blank").ok()?;
    link.set_attribute("rel", "noopener").ok()?;
    link.set_text_content(Some(lang.text().address.open_full));
    bar.append_child(&link).ok()?;
    Some(bar)
}
