//! Starting dafu on a page: the panic hook, mounting one instance into a host element (keeping the
//! element's own content as the fallback), and the development page.

use std::any::Any;

use leptos::callback::UnsyncCallback;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::app::App;
use super::options::{Lang, Options};
use super::source::ReplySource;
use super::takeover;

/// Marks every element a dafu instance is mounted in, so a panic can be reported in each.
pub const ROOT_ATTRIBUTE: &str = "data-dafu-root";

/// Turns a panic into a visible message in every dafu on the page instead of a frozen view.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| report_panic(&info.to_string())));
}

/// What the panic hook does: logs the panic and puts an alert panel in every mounted dafu. One wasm
/// instance serves every dafu on a page, so a panic stops them all and each must say so; the host page
/// itself keeps working.
pub fn report_panic(message: &str) {
    web_sys::console::error_1(&format!("dafu: {message}").into());
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
        // Bilingual by its wording: the instance's own language may be lost with the panic.
        panel.set_text_content(Some(Lang::Zh.text().app.internal_error));
        let _ = root.append_child(&panel);
    }
}

/// A parameter of the page's address (`?src=…&timeout=…`).
fn param(name: &str) -> Option<String> {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|p| p.get(name))
}

/// A dafu mounted into a host element; [`Mounted::unmount`] gives the element back as it was.
pub struct Mounted {
    host: web_sys::HtmlElement,
    container: web_sys::Element,
    fallback: Option<web_sys::HtmlElement>,
    /// A snapshot that is the host itself: hidden while the live view shows, shown again on unmount.
    snapshot: Option<web_sys::HtmlElement>,
    handle: Option<Box<dyn Any>>,
}

impl Mounted {
    /// Removes the reply view and restores the host element's own content. Whatever the host has done
    /// to the element meanwhile (emptied it, moved the content), this ends: the content goes back
    /// where the wrapper is now, nowhere if the wrapper is gone, and the first failed move stops it.
    pub fn unmount(mut self) {
        // Dropping the handle disposes the reactive owner and removes the view's nodes.
        drop(self.handle.take());
        self.container.remove();
        if let Some(fallback) = self.fallback.take() {
            if let Some(parent) = fallback.parent_node() {
                // Bounded by the children there are now, should moving one ever add another.
                for _ in 0..fallback.child_nodes().length() {
                    let Some(child) = fallback.first_child() else {
                        break;
                    };
                    if parent.insert_before(&child, Some(&fallback)).is_err() {
                        break;
                    }
                }
            }
            fallback.remove();
        }
        if let Some(snapshot) = self.snapshot.take() {
            snapshot.set_hidden(false);
        }
        let _ = self.host.remove_attribute(ROOT_ATTRIBUTE);
    }

    /// Keeps the instance for the life of the page.
    pub fn forget(mut self) {
        if let Some(handle) = self.handle.take() {
            std::mem::forget(handle);
        }
    }
}

/// Mounts one dafu into `host`. The host's own content (the reply as plain text, or a note) stays
/// visible while the reply loads and if it fails, and is hidden once the reply is shown. An element
/// that already shows a dafu is refused (`None`, and a console error): mounted again, the second
/// would wrap the first, and neither could give the element back.
pub fn mount_into(
    host: web_sys::HtmlElement,
    source: ReplySource,
    options: Options,
) -> Option<Mounted> {
    mount_over(host, source, options, false)
}

/// [`mount_into`], and with `drop_snapshot` a snapshot the host holds is removed, not hidden, once the
/// live view has taken its place: the dev page never shows it again, so it keeps no second copy of
/// the reply in its document.
pub fn mount_over(
    host: web_sys::HtmlElement,
    source: ReplySource,
    options: Options,
    drop_snapshot: bool,
) -> Option<Mounted> {
    if host.has_attribute(ROOT_ATTRIBUTE) {
        web_sys::console::error_1(
            &"dafu: this element already shows a reply; unmount it before mounting it again".into(),
        );
        return None;
    }
    let document = host.owner_document()?;
    let container = document.create_element("div").ok()?;
    container.set_class_name("dafu-mount");
    let target: web_sys::HtmlElement = container.clone().dyn_into().ok()?;
    // Over a snapshot (the host is one, or holds one), the live view waits hidden and takes its place in
    // one frame once shown (`takeover`). A snapshot that is the host itself stays as it is, the live view
    // going just before it, so that one `.dafu-reply` is never nested in another.
    let over = takeover::snapshot_in(&host);
    let own = over.as_ref().filter(|s| **s == host).cloned();
    let fallback = if own.is_some() {
        None
    } else {
        wrap_fallback(&document, &host)
    };
    match (&own, host.parent_node()) {
        (Some(_), Some(parent)) => {
            let _ = parent.insert_before(&container, Some(&host));
        }
        _ => {
            let _ = host.insert_before(&container, host.first_child().as_ref());
        }
    }
    let _ = host.set_attribute(ROOT_ATTRIBUTE, "");
    target.set_hidden(over.is_some());
    let hide = fallback.clone().or_else(|| own.clone());
    let live = target.clone();
    let on_settled = UnsyncCallback::new(move |ok: bool| {
        if over.is_some() {
            // The error panel shows above the snapshot, which stays; a shown reply replaces it.
            let old = hide.clone().filter(|_| ok).into_iter().collect();
            takeover::swap_next_frame(live.clone(), old, drop_snapshot);
        } else if let Some(f) = &hide {
            f.set_hidden(ok);
        }
    });
    let handle = leptos::mount::mount_to(target, move || {
        // The header reads the host page's result-class labels from here (`header::Header`).
        provide_context(options.class_labels.clone());
        view! { <App source=source options=options on_settled=on_settled /> }
    });
    Some(Mounted {
        host,
        container,
        fallback,
        snapshot: own,
        handle: Some(Box::new(handle)),
    })
}

/// Moves the host's children into one `.dafu-fallback` wrapper, if it has any.
pub fn wrap_fallback(
    document: &web_sys::Document,
    host: &web_sys::HtmlElement,
) -> Option<web_sys::HtmlElement> {
    host.first_child()?;
    let wrapper: web_sys::HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    wrapper.set_class_name("dafu-fallback");
    while let Some(child) = host.first_child() {
        wrapper.append_child(&child).ok()?;
    }
    host.append_child(&wrapper).ok()?;
    Some(wrapper)
}

/// Mounts the development page (index.html, dafu.html) into its `[data-dafu-page]` element; on any
/// other page this does nothing, so the same wasm serves embedding.
pub fn mount_page() {
    if super::frame::mount_frame_page() {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(target) = document
        .query_selector("[data-dafu-page]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    if let Some(url) = param("collection") {
        // `?collection=URL`: the collection module (`src/collection-hook.js`) shows it instead of the
        // page; the address is checked as `?src=` is.
        with_hook("dafu.collection", move |hook| {
            show_collection(target, url, hook)
        });
        return;
    }
    let timeout = param("timeout").map_or(super::source::DEFAULT_TIMEOUT_SECS, |t| {
        super::options::parse_timeout(&t)
    });
    let source = match super::origin::source_from_location(false) {
        Ok(source) => source,
        Err(refused) => {
            // Only the panel: a link that was refused leads nowhere else.
            target.set_text_content(None);
            let _ = target.set_attribute(ROOT_ATTRIBUTE, "");
            leptos::mount::mount_to(target, move || {
                super::origin::refused_panel(&refused, Lang::default())
            })
            .forget();
            return;
        }
    };
    // The reply goes in an element of its own after the bar's band. The seed's snapshot (put there by
    // tools/package.mjs) moves into it and shows until the live view is drawn over it (`takeover`);
    // any other reply replaces it at once.
    let Some(view) = document
        .create_element("div")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    view.set_class_name("dafu-page__view");
    let seed = matches!(source, ReplySource::Default);
    let children = target.children();
    let old: Vec<web_sys::Element> = (0..children.length())
        .filter_map(|i| children.item(i))
        .filter(|c| !c.class_list().contains("dafu-page__tools"))
        .collect();
    for child in old {
        if seed {
            let _ = view.append_child(&child);
        } else {
            child.remove();
        }
    }
    let _ = target.append_child(&view);
    let over = seed && takeover::snapshot_in(&view).is_some();
    super::page::start(&target, view, source, timeout, over);
}

/// Calls `then` with the page's hook under `Symbol.for(name)`, or `None` when the page has none. The
/// dev page's hooks come in `dafu-hooks.js`, a deferred script that may run after the wasm has started
/// (even once the document is parsed: deferred scripts run after that): until the page has loaded,
/// a missing hook is looked for again at `load`, which comes after every deferred script.
pub fn with_hook(name: &'static str, then: impl FnOnce(Option<js_sys::Function>) + 'static) {
    let hook = move || {
        js_sys::Reflect::get(&js_sys::global(), &js_sys::Symbol::for_(name))
            .ok()
            .and_then(|h| h.dyn_into::<js_sys::Function>().ok())
    };
    let window = web_sys::window();
    let loaded = window
        .as_ref()
        .and_then(|w| w.document())
        .and_then(|d| js_sys::Reflect::get(&d, &"readyState".into()).ok())
        .and_then(|s| s.as_string())
        .is_none_or(|s| s == "complete");
    match (hook(), window) {
        (None, Some(window)) if !loaded => {
            let later = wasm_bindgen::closure::Closure::once_into_js(move || then(hook()));
            let _ = window.add_event_listener_with_callback("load", later.unchecked_ref());
        }
        (found, _) => then(found),
    }
}

/// Shows the collection at `url` in the dev page's element, or why not.
fn show_collection(target: web_sys::HtmlElement, url: String, hook: Option<js_sys::Function>) {
    target.set_text_content(None);
    let _ = target.set_attribute(ROOT_ATTRIBUTE, "");
    let refused = super::origin::allows(&url).err();
    if let (None, Some(hook)) = (&refused, hook) {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"collection".into(), &url.into());
        let _ = js_sys::Reflect::set(&options, &"lang".into(), &param("lang").into());
        // The promise of the collection's handle is kept for the page's life: a handle that
        // JavaScript collects unmounts its view.
        if let Ok(handle) = hook.call2(&wasm_bindgen::JsValue::NULL, &target, &options) {
            std::mem::forget(handle);
        }
    } else {
        let refused = refused.unwrap_or(super::origin::Refused::Invalid);
        leptos::mount::mount_to(target, move || {
            super::origin::refused_panel(&refused, Lang::default())
        })
        .forget();
    }
}
