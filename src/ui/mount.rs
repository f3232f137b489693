//! Starting dafu on a page: the panic hook and mounting into the page's `#dafu` element.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::app::App;
use super::source::ReplySource;

/// Marks every element a dafu instance is mounted in, so a panic can be reported in each.
pub const ROOT_ATTRIBUTE: &str = "data-dafu-root";

/// Turns a panic into a visible message in every dafu on the page instead of a frozen view.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("dafu: {info}").into());
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Ok(roots) = document.query_selector_all(&format!("[{ROOT_ATTRIBUTE}]")) else {
            return;
        };
        for i in 0..roots.length() {
            let Some(root) = roots.item(i) else { continue };
            let Ok(panel) = document.create_element("div") else {
                continue;
            };
            panel.set_class_name("dafu-error");
            let _ = panel.set_attribute("role", "alert");
            panel.set_text_content(Some(
                "答复显示程序出现内部错误,请刷新页面重试。(dafu internal error)",
            ));
            let _ = root.append_child(&panel);
        }
    }));
}

/// The source the page's address asks for: `?src=URL`, else the default reply.
pub fn source_from_location() -> ReplySource {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|p| p.get("src"))
        .filter(|s| !s.trim().is_empty())
        .map_or(ReplySource::Default, ReplySource::Url)
}

/// Mounts one dafu into `element`, replacing its fallback content.
pub fn mount_into(
    element: web_sys::HtmlElement,
    source: ReplySource,
) -> leptos::mount::UnmountHandle<impl Mountable> {
    element.set_text_content(None);
    let _ = element.set_attribute(ROOT_ATTRIBUTE, "");
    leptos::mount::mount_to(element, move || view! { <App source=source /> })
}

/// Mounts the development page: into `#dafu` if the page has it, else into `<body>`.
pub fn mount_page() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let target = document
        .get_element_by_id("dafu")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .or_else(|| document.body());
    if let Some(target) = target {
        mount_into(target, source_from_location()).forget();
    }
}
