//! The collection view (a folder of replies converted by `dafu convert DIR --out OUT`: listed,
//! filtered, searched, summed, each opening into the reply view) as a wasm module of its own. The
//! app's wasm, which every reader downloads, does not carry it: `src/collection-hook.js` loads this
//! module the first time a page asks for a collection (`?collection=` on the dev page,
//! `data-dafu-collection` in a host page, `dafu.mount(el, { collection })`), and calls
//! [`mount_collection`]. It links the app's own components (`dafu` with `csr`), so opening a reply
//! needs no second module.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use dafu::ui::{Lang, ROOT_ATTRIBUTE};
use dafu_core::model::{Collection, SearchIndex, MAX_COLLECTION_BYTES, MAX_SEARCH_BYTES};

pub mod markup;
pub mod text;
pub mod view;

use text::Text;
use view::{align, Data, Listing, Search};

/// Instances on the page, for unique element ids.
static INSTANCES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// One mounted collection, as JavaScript sees it.
#[wasm_bindgen]
pub struct CollectionHandle {
    host: web_sys::HtmlElement,
    container: Option<web_sys::Element>,
    fallback: Option<web_sys::HtmlElement>,
    handle: Option<Box<dyn std::any::Any>>,
}

#[wasm_bindgen]
impl CollectionHandle {
    /// Removes the view and shows the element's own content again. Calling it twice is harmless.
    pub fn unmount(&mut self) {
        drop(self.handle.take());
        if let Some(c) = self.container.take() {
            c.remove();
        }
        if let Some(f) = self.fallback.take() {
            f.set_hidden(false);
        }
        let _ = self.host.remove_attribute(ROOT_ATTRIBUTE);
    }
}

fn field(options: &JsValue, name: &str) -> Option<String> {
    js_sys::Reflect::get(options, &JsValue::from_str(name))
        .ok()?
        .as_string()
}

/// Adds `dafu-collection.css` (next to the module, in `base`) to the page once.
fn add_style(document: &web_sys::Document, base: Option<&str>) {
    let Some(base) = base else { return };
    if document
        .query_selector("link[data-dafu-collection-style]")
        .ok()
        .flatten()
        .is_some()
    {
        return;
    }
    let Some(href) = web_sys::Url::new_with_base("dafu-collection.css", base)
        .ok()
        .map(|u| u.href())
    else {
        return;
    };
    let Ok(link) = document.create_element("link") else {
        return;
    };
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", &href);
    let _ = link.set_attribute("data-dafu-collection-style", "");
    if let Some(head) = document.head() {
        let _ = head.append_child(&link);
    }
}

/// Mounts a collection into `element`. `options`: `collection` (the address of `collection.json`),
/// `lang` (`zh`/`en`), `base` (where `dafu-collection.css` is; the hook passes its own folder). The
/// element's own content (the static index page, say) stays until the list is shown, and comes back
/// on unmount.
#[wasm_bindgen(js_name = mountCollection)]
pub fn mount_collection(element: web_sys::HtmlElement, options: JsValue) -> CollectionHandle {
    dafu::ui::install_panic_hook();
    let url = field(&options, "collection").unwrap_or_default();
    let lang = field(&options, "lang").map_or(Lang::Zh, |l| Lang::parse(&l));
    let mut handle = CollectionHandle {
        host: element.clone(),
        container: None,
        fallback: None,
        handle: None,
    };
    let Some(document) = element.owner_document() else {
        return handle;
    };
    add_style(&document, field(&options, "base").as_deref());
    let Ok(container) = document.create_element("div") else {
        return handle;
    };
    container.set_class_name("dafu-mount");
    let fallback = wrap_fallback(&document, &element);
    let _ = element.insert_before(&container, element.first_child().as_ref());
    let _ = element.set_attribute(ROOT_ATTRIBUTE, "");
    let Ok(target) = container.clone().dyn_into::<web_sys::HtmlElement>() else {
        return handle;
    };
    let n = INSTANCES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let hide = fallback.clone();
    let mounted = leptos::mount::mount_to(target, move || {
        view! { <Loader url=url lang=lang prefix=format!("dafu-c{n}") fallback=hide /> }
    });
    handle.container = Some(container);
    handle.fallback = fallback;
    handle.handle = Some(Box::new(mounted));
    handle
}

/// Moves the host's children into one `.dafu-fallback` wrapper, if it has any.
fn wrap_fallback(
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

/// What the loader shows.
#[derive(Clone)]
enum Loaded {
    Loading,
    Ready(Arc<Data>),
    Failed(Vec<String>),
}

/// `url` resolved against the document, as a fetch resolves it.
fn resolve(url: &str) -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok().flatten()?;
    Some(web_sys::Url::new_with_base(url, &base).ok()?.href())
}

/// The bytes at `url`, refused above `limit`.
async fn fetch_bytes(url: &str, limit: usize) -> Result<Vec<u8>, String> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|l| l.trim().parse::<usize>().ok());
    if declared.is_some_and(|l| l > limit) {
        return Err(format!("larger than the limit of {limit} bytes"));
    }
    let bytes = response.binary().await.map_err(|e| e.to_string())?;
    if bytes.len() > limit {
        return Err(format!("larger than the limit of {limit} bytes"));
    }
    Ok(bytes)
}

/// Loads the index, shows the list (or what went wrong), then fetches the full text for search.
#[component]
fn Loader(
    url: String,
    lang: Lang,
    prefix: String,
    fallback: Option<web_sys::HtmlElement>,
) -> impl IntoView {
    let t = Text::of(lang);
    let state = RwSignal::new(Loaded::Loading);
    let search = RwSignal::new(view::Search::Loading);
    let fallback = send_wrapper(fallback);
    leptos::task::spawn_local(async move {
        let Some(resolved) = resolve(&url).filter(|_| !url.trim().is_empty()) else {
            state.set(Loaded::Failed(vec!["no collection address".to_owned()]));
            return;
        };
        let loaded = match fetch_bytes(&resolved, MAX_COLLECTION_BYTES).await {
            Ok(bytes) => Collection::from_json_bytes(&bytes),
            Err(e) => Err(vec![e]),
        };
        match loaded {
            Ok(collection) => {
                let data = Arc::new(Data::new(collection, resolved.clone()));
                state.set(Loaded::Ready(data.clone()));
                if let Some(f) = fallback.take() {
                    f.set_hidden(true);
                }
                // The full text after the first show: the list never waits for it.
                let search_url = web_sys::Url::new_with_base("search.json", &resolved)
                    .ok()
                    .map(|u| u.href());
                let Some(search_url) = search_url else {
                    search.set(Search::Missing);
                    return;
                };
                let index = fetch_bytes(&search_url, MAX_SEARCH_BYTES)
                    .await
                    .and_then(|b| SearchIndex::from_json_bytes(&b));
                match index {
                    Ok(index) => search.set(Search::Ready(Arc::new(align(&data.entries, index)))),
                    Err(e) => {
                        web_sys::console::warn_1(&format!("dafu: no full-text search: {e}").into());
                        search.set(Search::Missing);
                    }
                }
            }
            Err(lines) => state.set(Loaded::Failed(lines)),
        }
    });
    view! {
        <div class="dafu-collection-root" lang=lang.tag()>
            {move || match state.get() {
                Loaded::Loading => view! { <p class="dafu-loading" role="status">{t.loading}</p> }.into_any(),
                Loaded::Ready(data) => view! { <Listing data=data search=search lang=lang prefix=prefix.clone() /> }.into_any(),
                Loaded::Failed(lines) => view! {
                    <div class="dafu-error" role="alert">
                        <h2 class="dafu-error__title">{t.cannot_show}</h2>
                        <ul class="dafu-error__lines">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    </div>
                }.into_any(),
            }}
        </div>
    }
}

/// A browser value kept by the loader's task (one thread: the wasm is single-threaded).
struct Once(std::cell::Cell<Option<web_sys::HtmlElement>>);

impl Once {
    fn take(&self) -> Option<web_sys::HtmlElement> {
        self.0.take()
    }
}

fn send_wrapper(v: Option<web_sys::HtmlElement>) -> std::rc::Rc<Once> {
    std::rc::Rc::new(Once(std::cell::Cell::new(v)))
}
