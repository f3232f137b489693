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

use text::{fill, Text};
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
/// `lang` (`zh`/`en`), `base` (where `dafu-collection.css` is; the hook passes its own folder),
/// `response` and `prefetched` (the hook's `fetch` of the index, started while this module loaded,
/// and the resolved address it is for; used only when that is the collection's address). The
/// element's own content (the static index page, say) stays until the list is shown, and comes back
/// on unmount.
#[wasm_bindgen(js_name = mountCollection)]
pub fn mount_collection(element: web_sys::HtmlElement, options: JsValue) -> CollectionHandle {
    mark("dafu-collection:mount");
    dafu::ui::install_panic_hook();
    let url = field(&options, "collection").unwrap_or_default();
    let early = resolve(&url).and_then(|u| prefetched(&options, &u));
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
    let fallback = dafu::ui::wrap_fallback(&document, &element);
    let _ = element.insert_before(&container, element.first_child().as_ref());
    let _ = element.set_attribute(ROOT_ATTRIBUTE, "");
    let Ok(target) = container.clone().dyn_into::<web_sys::HtmlElement>() else {
        return handle;
    };
    let n = INSTANCES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let hide = fallback.clone();
    let mounted = leptos::mount::mount_to(target, move || {
        view! { <Loader url=url lang=lang prefix=format!("dafu-c{n}") fallback=hide prefetched=early.clone() /> }
    });
    handle.container = Some(container);
    handle.fallback = fallback;
    handle.handle = Some(Box::new(mounted));
    handle
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

/// Marks a moment of the first show on the page's performance timeline (`dafu-collection:mount`,
/// `:index`, `:read`, `:drawn`, `:search`): the benchmark reads them, and so can a site measuring
/// its own page.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Why a fetch gave no bytes.
pub enum Refused {
    /// Over `limit` bytes: by its `Content-Length`, or counted as the body arrived.
    TooLarge {
        /// The limit, in bytes.
        limit: usize,
        /// What was seen, in one line.
        line: String,
    },
    /// Anything else (the network, an HTTP status), in one line.
    Other(String),
}

/// A JavaScript exception in one line (`TypeError: Failed to fetch`).
fn js_line(e: &JsValue) -> String {
    match e.dyn_ref::<js_sys::Error>() {
        Some(e) => format!("{}: {}", String::from(e.name()), String::from(e.message())),
        None => e
            .as_string()
            .unwrap_or_else(|| "the request failed".to_owned()),
    }
}

/// The body read as the reply loader reads it (`dafu::ui::read_limited`: stopped past `limit` as it
/// streams, whatever `Content-Length` says), its refusals in the collection's words.
async fn read_limited(
    body: Option<web_sys::ReadableStream>,
    limit: usize,
) -> Result<Vec<u8>, Refused> {
    dafu::ui::read_limited(body, limit)
        .await
        .map_err(|stop| match stop {
            dafu::ui::Stop::Failed(e) => Refused::Other(js_line(&e)),
            dafu::ui::Stop::TooLong(total) => Refused::TooLarge {
                limit,
                line: format!("reading stopped after {total} bytes: the limit is {limit} bytes"),
            },
        })
}

/// The bytes at `url`, refused above `limit`. `prefetched`: the response the hook asked for as soon
/// as it saw the collection (while this module was still loading); else it is fetched now.
async fn fetch_bytes(
    url: &str,
    limit: usize,
    prefetched: Option<js_sys::Promise>,
) -> Result<Vec<u8>, Refused> {
    let response = match prefetched {
        Some(promise) => wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .map_err(|e| Refused::Other(js_line(&e)))?
            .dyn_into::<web_sys::Response>()
            .map(gloo_net::http::Response::from)
            .map_err(|_| Refused::Other("not a response".to_owned()))?,
        None => gloo_net::http::Request::get(url)
            .send()
            .await
            .map_err(|e| Refused::Other(e.to_string()))?,
    };
    if !response.ok() {
        return Err(Refused::Other(format!("HTTP {}", response.status())));
    }
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|l| l.trim().parse::<usize>().ok());
    if let Some(declared) = declared.filter(|l| *l > limit) {
        return Err(Refused::TooLarge {
            limit,
            line: format!("{declared} bytes: the limit is {limit} bytes"),
        });
    }
    read_limited(response.body(), limit).await
}

/// The hook's early request for `url` (`options.response`), if it is for this very address.
fn prefetched(options: &JsValue, url: &str) -> Option<js_sys::Promise> {
    if field(options, "prefetched").as_deref() != Some(url) {
        return None;
    }
    js_sys::Reflect::get(options, &JsValue::from_str("response"))
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()
}

/// Loads the index, shows the list (or what went wrong), then fetches the full text for search.
#[component]
fn Loader(
    url: String,
    lang: Lang,
    prefix: String,
    fallback: Option<web_sys::HtmlElement>,
    /// The hook's early request for the index, if any.
    prefetched: Option<js_sys::Promise>,
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
        let loaded = match fetch_bytes(&resolved, MAX_COLLECTION_BYTES, prefetched).await {
            Ok(bytes) => {
                mark("dafu-collection:index");
                Collection::from_json_bytes(&bytes)
            }
            Err(Refused::TooLarge { limit, line }) => {
                Err(vec![fill(t.too_large, &[&mebibytes(limit)]), line])
            }
            Err(Refused::Other(line)) => Err(vec![line]),
        };
        match loaded {
            Ok(collection) => {
                let data = Arc::new(Data::new(collection, resolved.clone()));
                mark("dafu-collection:read");
                state.set(Loaded::Ready(data.clone()));
                if let Some(f) = fallback.take() {
                    f.set_hidden(true);
                }
                // The full text after the first show has painted: the list never waits for it, and
                // reading and folding it never delays that paint.
                after_paint().await;
                let search_url = web_sys::Url::new_with_base("search.json", &resolved)
                    .ok()
                    .map(|u| u.href());
                let Some(search_url) = search_url else {
                    search.set(Search::Missing(None));
                    return;
                };
                let index = match fetch_bytes(&search_url, MAX_SEARCH_BYTES, None).await {
                    Ok(bytes) => SearchIndex::from_json_bytes(&bytes).map_err(Search::missing),
                    Err(Refused::TooLarge { line, .. }) => Err(Search::TooLarge(line)),
                    Err(Refused::Other(line)) => Err(Search::missing(line)),
                };
                match index {
                    Ok(index) => {
                        // Ready before the first keystroke: the fields too (the list is shown).
                        let _ = data.fields();
                        let texts = align(&data.entries, index);
                        view::warm_up(&texts);
                        search.set(Search::Ready(Arc::new(texts)));
                        mark("dafu-collection:search");
                    }
                    Err(missing) => {
                        if let Search::Missing(Some(why)) | Search::TooLarge(why) = &missing {
                            web_sys::console::warn_1(
                                &format!("dafu: no full-text search: {why}").into(),
                            );
                        }
                        search.set(missing);
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

/// Resolves once the next frame has been painted (an animation frame, then a task).
async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        request_animation_frame(move || {
            set_timeout(
                move || {
                    let _ = resolve.call0(&JsValue::NULL);
                },
                std::time::Duration::ZERO,
            );
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// `bytes` in MiB for a message (`128 MiB`).
fn mebibytes(bytes: usize) -> String {
    let whole = bytes / (1024 * 1024);
    if whole * 1024 * 1024 == bytes {
        format!("{whole} MiB")
    } else {
        format!("{bytes} bytes")
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
