//! 复制引用 and 返回: a figure, amount or initiative copied with its sentence, the reply's title, 文号
//! and a link to it (the text from `Reply::citation`); a link to a fact (`#dafu-1-r-f2`) followed when
//! the page opens or its address changes; and a way back after every jump, both the 返回 button and the
//! browser's Back (one history entry per jump, no reload).
//!
//! Everything is one listener's work: the 复制引用 buttons are markup with `data-dafu-cite` (in the
//! blocks' HTML, the figures and the funding table) and the reply's body catches their clicks; the
//! browser calls are made through `Reflect`, which the wasm already imports, rather than one binding
//! each (the app's size is at its ceiling).

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::block_text::{escaped, push_escaped};
use super::viewer::Viewer;

/// The attribute of a 复制引用 button: the id of the figure, amount, date or text it cites.
const CITE_ATTRIBUTE: &str = "data-dafu-cite";

/// How long "copied" stays on the screen.
const SAID_FOR: Duration = Duration::from_secs(6);

/// Marks the control a jump left from, with the history entry it left (`data-dafu-left="dafu-1-3"`),
/// so that coming back to that entry finds it again: the trail lives in the page and in the history
/// entries' state (`{ dafu: "dafu-1-3", top, y }`), not in the wasm.
const LEFT_ATTRIBUTE: &str = "data-dafu-left";

fn get(target: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(target, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// `target.name(...args)`, `None` when there is no such method or it throws.
fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Option<JsValue> {
    let method = get(target, name).dyn_into::<js_sys::Function>().ok()?;
    let args: js_sys::Array = args.iter().collect();
    method.apply(target, &args).ok()
}

/// Where an element's top is on the screen.
fn top(element: &JsValue) -> f64 {
    call(element, "getBoundingClientRect", &[])
        .and_then(|r| get(&r, "top").as_f64())
        .unwrap_or_default()
}

fn history() -> JsValue {
    web_sys::window().map_or(JsValue::UNDEFINED, |w| get(&w, "history"))
}

fn element(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into()
        .ok()
}

/// This page's address with `element_id` as its hash: the link a citation carries.
fn address(element_id: &str) -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let page = href.split('#').next().unwrap_or_default();
    format!("{page}#{element_id}")
}

/// The link a citation carries: this page's address with `element_id` as its hash; on the frame page,
/// the full page its 在新窗口打开 link opens instead (`data-dafu-full`, with the reply's `src` and
/// language: see `frame.rs`), since a reader given the frame alone gets the reply without the site
/// around it. The frame page has one reply, so its element ids are those of the full page's first.
fn cited_address(element_id: &str) -> String {
    let full = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("[data-dafu-frame-page] .dafu-frame__open")
                .ok()?
        })
        .and_then(|a| a.get_attribute("href"));
    match full {
        Some(page) => format!(
            "{}#{element_id}",
            page.split('#').next().unwrap_or_default()
        ),
        None => address(element_id),
    }
}

/// Appends a 复制引用 button for the figure, amount or text `id`, named after `what` for screen
/// readers (a page holds many).
pub fn push_copy_button(out: &mut String, viewer: &Viewer, id: &str, what: &str) {
    let copy = escaped(viewer.t.cite.copy);
    out.push_str("<button type=\"button\" class=\"dafu-cite__copy\" ");
    out.push_str(CITE_ATTRIBUTE);
    out.push_str("=\"");
    push_escaped(out, id);
    out.push_str("\" aria-label=\"");
    out.push_str(&copy);
    out.push(' ');
    push_escaped(out, what);
    out.push_str("\">");
    out.push_str(&copy);
    out.push_str("</button>");
}

/// The bar at the foot of the reply, kept in view while the reply is: after a jump to a figure, an
/// amount or a date (or a link to one), 复制引用 for that fact and 返回; and the status line that says a
/// citation was copied (screen readers announce it). The bar's one 复制引用 stands in for one beside
/// every figure and every table row, which as elements of those views cost 5 KiB of wasm.
pub fn bar(viewer: &Viewer) -> impl IntoView {
    let ids = &viewer.ids;
    let html = format!(
        "<button type=\"button\" class=\"dafu-cite__copy dafu-cite__shown\" id=\"{}\" hidden>{}</button>\
         <button type=\"button\" class=\"dafu-cite__back\" id=\"{}\" hidden>{}</button>\
         <p class=\"dafu-cite__status\" id=\"{}\" role=\"status\"></p>",
        escaped(&ids.of("cite-copy")),
        escaped(viewer.t.cite.copy),
        escaped(&ids.of("cite-back")),
        escaped(viewer.t.cite.back),
        escaped(&ids.of("cite-status")),
    );
    view! { <div class="dafu-cite" id=ids.of("cite") inner_html=html></div> }
}

/// A click anywhere in the reply's body: 复制引用 copies, 返回 goes back one entry.
pub fn click(viewer: &Viewer, ev: &web_sys::MouseEvent) {
    let Some(target) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let closest = |selector: &str| target.closest(selector).ok().flatten();
    if let Some(id) = closest("[data-dafu-cite]").and_then(|b| b.get_attribute(CITE_ATTRIBUTE)) {
        copy(viewer, &id);
    } else if closest(".dafu-cite__back").is_some() {
        call(&history(), "back", &[]);
    }
}

/// Puts the citation of `id` on the clipboard, and says so.
fn copy(viewer: &Viewer, id: &str) {
    let reply = &viewer.reply;
    let (Some(mut text), Some((block, fact))) = (reply.citation(id), reply.target(id)) else {
        return;
    };
    text.push_str(&cited_address(&viewer.ids.reply(fact.unwrap_or(block))));
    let clipboard = web_sys::window().map_or(JsValue::UNDEFINED, |w| {
        get(&get(&w, "navigator"), "clipboard")
    });
    let written = call(&clipboard, "writeText", &[JsValue::from_str(&text)])
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let viewer = viewer.clone();
    leptos::task::spawn_local(async move {
        let ok = match written {
            Some(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
            None => false,
        } || by_selection(&viewer, &text);
        let t = &viewer.t.cite;
        say(&viewer, if ok { t.copied } else { t.failed });
    });
}

/// The clipboard of a page without `navigator.clipboard` (an address over plain HTTP): the text
/// selected in a scratch field inside the reply, copied, and the focus given back.
fn by_selection(viewer: &Viewer, text: &str) -> bool {
    let (Some(document), Some(bar)) = (
        web_sys::window().and_then(|w| w.document()),
        element(&viewer.ids.of("cite")),
    ) else {
        return false;
    };
    let Some(area) = document
        .create_element("textarea")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return false;
    };
    let active = document
        .active_element()
        .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok());
    area.set_class_name("dafu-cite__scratch");
    area.set_value(text);
    let _ = bar.append_child(&area);
    area.select();
    let ok = call(&document, "execCommand", &["copy".into()]).is_some_and(|r| r.is_truthy());
    area.remove();
    if let Some(a) = active {
        let _ = a.focus();
    }
    ok
}

/// Shows `text` in the status line for a while.
fn say(viewer: &Viewer, text: &'static str) {
    let Some(status) = element(&viewer.ids.of("cite-status")) else {
        return;
    };
    status.set_text_content(Some(text));
    set_timeout(
        move || {
            // A newer message keeps its own time.
            if status.text_content().as_deref() == Some(text) {
                status.set_text_content(None);
            }
        },
        SAID_FOR,
    );
}

fn show_back(viewer: &Viewer, shown: bool) {
    if let Some(back) = element(&viewer.ids.of("cite-back")) {
        back.set_hidden(!shown);
    }
}

/// Offers the bar's 复制引用 for `cited`, the fact or text just shown.
fn offer(viewer: &Viewer, cited: &str) {
    if let Some(copy) = element(&viewer.ids.of("cite-copy")) {
        let _ = copy.set_attribute(CITE_ATTRIBUTE, cited);
        copy.set_hidden(false);
    }
}

/// The history entry's number, when it is one of this instance's.
fn entry_of(viewer: &Viewer, state: &JsValue) -> Option<usize> {
    get(state, "dafu")
        .as_string()?
        .strip_prefix(&viewer.ids.of(""))?
        .parse()
        .ok()
}

/// The name of this instance's history entry `n` (`dafu-1-3`).
fn entry_name(viewer: &Viewer, n: usize) -> String {
    format!("{}{n}", viewer.ids.of(""))
}

fn set(target: &JsValue, name: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, &name.into(), value);
}

/// The control a jump left history entry `name` from, when this page still holds it.
fn left_from(name: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .query_selector(&format!("[{LEFT_ATTRIBUTE}=\"{name}\"]"))
        .ok()??
        .dyn_into()
        .ok()
}

/// A jump to `element_id` has begun (the reader used a figure, the timeline, a chart or the table):
/// marks where they were (the control they used, its place on the screen, the window's scroll) in the
/// entry they leave, keeping what the host page stored there; adds an entry whose address links to the
/// element (the frame page keeps its own address, whose hash names its reply); shows 返回.
pub fn jumped(viewer: &Viewer, element_id: &str, cited: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let history = get(&window, "history");
    let state = get(&history, "state");
    let n = entry_of(viewer, &state).unwrap_or(0);
    let name = entry_name(viewer, n);
    let here = js_sys::Object::new();
    if let Some(state) = state.dyn_ref::<js_sys::Object>() {
        js_sys::Object::assign(&here, state);
    }
    set(&here, "dafu", &name.as_str().into());
    set(&here, "y", &window.scroll_y().unwrap_or_default().into());
    if let Some(old) = left_from(&name) {
        let _ = old.remove_attribute(LEFT_ATTRIBUTE);
    }
    if let Some(active) = window.document().and_then(|d| d.active_element()) {
        let _ = active.set_attribute(LEFT_ATTRIBUTE, &name);
        set(&here, "top", &top(&active).into());
    }
    call(&history, "replaceState", &[here.into(), "".into()]);
    let next = js_sys::Object::new();
    set(&next, "dafu", &entry_name(viewer, n + 1).into());
    let mut args = vec![next.into(), "".into()];
    if !window.location().hash().unwrap_or_default().contains('=') {
        args.push(address(element_id).into());
    }
    call(&history, "pushState", &args);
    show_back(viewer, true);
    offer(viewer, cited);
}

/// Follows the page's hash when it names a fact or text of this reply: its section opens and it is
/// scrolled into view, with no history entry of its own.
fn follow_hash(viewer: &Viewer) {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let Some(named) = hash
        .strip_prefix('#')
        .and_then(|h| js_sys::decode_uri_component(h).ok())
        .map(String::from)
    else {
        return;
    };
    let Some(id) = viewer.ids.reply_id_of(&named) else {
        return;
    };
    if let Some((block, fact)) = viewer.reply.target(&id) {
        viewer.show(block, fact);
        offer(viewer, &id);
    }
}

/// The browser moved to another history entry. One this instance left by a jump: the reader returns
/// to where they were, the control they used at the same place on the screen (a section the jump
/// opened above it has moved it) and focused again. Another of its entries: the browser restores its
/// own place. Any other: a hash that names a fact here is followed.
fn popped(viewer: &Viewer) {
    let state = get(&history(), "state");
    let Some(n) = entry_of(viewer, &state) else {
        show_back(viewer, false);
        follow_hash(viewer);
        return;
    };
    show_back(viewer, n > 0);
    let Some(y) = get(&state, "y").as_f64() else {
        return;
    };
    let (name, was) = (entry_name(viewer, n), get(&state, "top").as_f64());
    // After the browser's own scroll restoration, which knows nothing of sections opened since.
    set_timeout(
        move || {
            let Some(window) = web_sys::window() else {
                return;
            };
            match (left_from(&name), was) {
                (Some(from), Some(was)) => {
                    window.scroll_by_with_x_and_y(0.0, top(&from) - was);
                    let _ = from.focus();
                }
                _ => window.scroll_to_with_x_and_y(window.scroll_x().unwrap_or_default(), y),
            }
        },
        Duration::ZERO,
    );
}

/// Once the view is on the screen (after a snapshot it replaces, which keeps the window's scroll),
/// follows a hash that names a fact; from then on follows the browser's Back and Forward.
pub fn start(viewer: &Viewer) {
    let first = viewer.clone();
    request_animation_frame(move || follow_hash(&first));
    let viewer = viewer.clone();
    let popping = window_event_listener(leptos::ev::popstate, move |_| popped(&viewer));
    on_cleanup(move || popping.remove());
}
