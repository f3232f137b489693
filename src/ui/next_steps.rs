//! The 下一步打算 panel: every next step the reply names (`Reply::next_steps`), each a link to its
//! sentence. The list is escaped markup set through `inner_html`, with one listener on the list: the
//! same links in the live view and the snapshot (a link is an element id inside the reply), and no
//! JavaScript handle per item (see ARCHITECTURE, "Handles").

use std::fmt::Write as _;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use dafu_core::model::{NextStep, NextStepKind};

use super::block_text::push_escaped;
use super::viewer::Viewer;

/// The most items the panel lists: a reply of thousands of next steps is read in its text, and the
/// panel stays one short list built at once.
pub const MAX_NEXT_STEPS: usize = 100;

/// The name of the CSS highlight that marks the sentence a link opened (`::highlight(dafu-next)`).
const HIGHLIGHT_NAME: &str = "dafu-next";

/// The panel's markup: its heading and note, then one `<li>` per item, a link to its text's element
/// holding its kind, its place and its words, then how many more there are when the list is cut.
fn panel_html(viewer: &Viewer, steps: &[NextStep], title_id: &str) -> String {
    let t = viewer.t;
    let [initiative, commitment] = t.next_steps.kinds;
    let mut out = String::from("<h2 class=\"dafu-next__title\" id=\"");
    push_escaped(&mut out, title_id);
    out.push_str("\">");
    push_escaped(&mut out, t.next_steps.heading);
    out.push_str("</h2><p class=\"dafu-next__note\">");
    push_escaped(&mut out, &t.next_steps_note(steps.len()));
    out.push_str("</p><ol class=\"dafu-next__list\">");
    for step in steps.iter().take(MAX_NEXT_STEPS) {
        let (kind, class) = match step.kind {
            NextStepKind::Initiative => (initiative, "initiative"),
            NextStepKind::Commitment => (commitment, "commitment"),
        };
        let _ = write!(
            out,
            "<li class=\"dafu-next__item dafu-next__item--{class}\"><a class=\"dafu-next__link\" href=\""
        );
        push_escaped(&mut out, &viewer.ids.reply_href(&step.anchor));
        // Spaces between the parts keep them apart where a CMS drops the stylesheet.
        out.push_str("\"><span class=\"dafu-next__where\"><span class=\"dafu-next__kind\">");
        push_escaped(&mut out, kind);
        out.push_str("</span> <span class=\"dafu-next__place\">");
        push_escaped(&mut out, &t.position(step.position));
        out.push_str("</span></span> <span class=\"dafu-next__text\">");
        push_escaped(&mut out, &step.text);
        out.push_str("</span></a></li>");
    }
    out.push_str("</ol>");
    let more = steps.len().saturating_sub(MAX_NEXT_STEPS);
    if more > 0 {
        out.push_str("<p class=\"dafu-next__note\">");
        push_escaped(&mut out, &t.next_steps_more(more));
        out.push_str("</p>");
    }
    out
}

/// Calls the method `name` of a JavaScript object (the Range and Highlight APIs, which the app's
/// web-sys features do not bind).
fn call(this: &JsValue, name: &str, args: &[JsValue]) -> Option<JsValue> {
    let f = js_sys::Reflect::get(this, &JsValue::from_str(name))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    js_sys::Reflect::apply(&f, this, &args.iter().collect::<js_sys::Array>()).ok()
}

/// The text node and UTF-16 offset of character `n` of `root`'s text, counting its text nodes in
/// order (a text's facts are spans inside it).
fn text_point(root: &web_sys::Node, n: &mut usize) -> Option<(web_sys::Node, u32)> {
    let children = root.child_nodes();
    for i in 0..children.length() {
        let Some(node) = children.item(i) else {
            continue;
        };
        if node.node_type() == web_sys::Node::TEXT_NODE {
            let text = node.node_value().unwrap_or_default();
            let count = text.chars().count();
            if *n <= count {
                let units: usize = text.chars().take(*n).map(char::len_utf16).sum();
                return Some((node, u32::try_from(units).ok()?));
            }
            *n -= count;
        } else if let Some(found) = text_point(&node, n) {
            return Some(found);
        }
    }
    None
}

/// Marks the sentence of `step` with the CSS highlight `dafu-next` (where the browser has the
/// Highlight API): a sentence in a paragraph or a closing line, or the whole initiative.
fn highlight(element_id: &str, step: &NextStep) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let element = document.get_element_by_id(element_id)?;
    let range = call(&document, "createRange", &[])?;
    match step.kind {
        NextStepKind::Commitment => {
            let (start, end) = (
                text_point(&element, &mut step.start.clone())?,
                text_point(&element, &mut step.end.clone())?,
            );
            call(&range, "setStart", &[start.0.into(), start.1.into()])?;
            call(&range, "setEnd", &[end.0.into(), end.1.into()])?;
        }
        NextStepKind::Initiative => {
            call(&range, "selectNodeContents", &[element.into()])?;
        }
    }
    let global = js_sys::global();
    let make = js_sys::Reflect::get(&global, &JsValue::from_str("Highlight"))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let marked = js_sys::Reflect::construct(&make, &js_sys::Array::of1(&range)).ok()?;
    let css = js_sys::Reflect::get(&global, &JsValue::from_str("CSS")).ok()?;
    let registry = js_sys::Reflect::get(&css, &JsValue::from_str("highlights")).ok()?;
    call(
        &registry,
        "set",
        &[JsValue::from_str(HIGHLIGHT_NAME), marked],
    )?;
    Some(())
}

/// The item whose link was clicked, by its place in the list.
fn clicked(ev: &web_sys::MouseEvent) -> Option<usize> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let mut item = target.closest(".dafu-next__item").ok()??;
    let mut index = 0;
    while let Some(before) = item.previous_element_sibling() {
        index += 1;
        item = before;
    }
    Some(index)
}

/// Shows the reply's next steps near the top, each a link that opens its section and marks its
/// sentence; nothing when the reply names none.
#[component]
pub fn NextSteps(
    /// The reply's shared state.
    viewer: Viewer,
) -> impl IntoView {
    let steps = viewer.reply.next_steps();
    if steps.is_empty() {
        return None;
    }
    let title_id = viewer.ids.of("next-title");
    let html = panel_html(&viewer, &steps, &title_id);
    let label = viewer.region_label(&title_id);
    let click = move |ev: web_sys::MouseEvent| {
        // A link opened in a new tab or window keeps doing that.
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
            return;
        }
        let Some(step) = clicked(&ev).and_then(|i| steps.get(i)) else {
            return;
        };
        // `reveal` does what following the link cannot: it opens a closed section, draws a text the
        // fill has not reached, and records the jump as every jump in dafu does.
        ev.prevent_default();
        viewer.reveal(&step.anchor, None);
        let (id, step) = (viewer.ids.reply(&step.anchor), step.clone());
        // After `reveal` has drawn, opened and focused the text (its own zero timeout runs first).
        set_timeout(
            move || {
                let _ = highlight(&id, &step);
            },
            Duration::ZERO,
        );
    };
    // One element and one listener: the markup is a string (see the module documentation).
    Some(
        view! { <section class="dafu-next" aria-labelledby=label on:click=click inner_html=html></section> },
    )
}
