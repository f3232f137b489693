//! 朗读 (read aloud): the controls only. The reader itself (the sentences taken from the drawn page in
//! its order, the numbers worded for a voice, `speechSynthesis`, the sentence highlight and the status
//! line) is JavaScript, `src/read-aloud.js`, under `Symbol.for("dafu.read")`: the dev page loads it as
//! `dafu-read-aloud.js`, embed/dafu.js loads it from its own folder on first use, dafu.html inlines it.
//! The wasm only renders the buttons and tells the reader when one is pressed or a view goes away.
//!
//! Hook calls: `("toggle", id, group, strings, funding)` on 朗读全文 / 朗读本节 (`strings`: reading,
//! paused, stopped, pause, resume, no speech, no voice; `funding`: the funding's sentences, from the
//! model, since the page does not show each item's year), and `("stop", first, n)` when views go away (readers `first` to `first + n - 1`: a reply's
//! sections have one number each).

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::block_text::escaped;
use super::viewer::Viewer;

thread_local! {
    /// The next reader's number.
    static NEXT: Cell<u32> = const { Cell::new(1) };
}

/// Calls the reader hook with `args`; returns false when the page has none.
fn call(args: &[JsValue]) -> bool {
    let hook = js_sys::Reflect::get(&js_sys::global(), &js_sys::Symbol::for_("dafu.read"))
        .ok()
        .and_then(|h| h.dyn_into::<js_sys::Function>().ok());
    hook.is_some_and(|h| {
        let args: js_sys::Array = args.iter().collect();
        h.apply(&JsValue::NULL, &args).is_ok()
    })
}

/// Numbers for `n` new readers, the first returned: the rest follow it.
pub fn reserve(n: usize) -> u32 {
    let n = u32::try_from(n).unwrap_or(u32::MAX);
    NEXT.with(|next| {
        let first = next.get();
        next.set(first.saturating_add(n));
        first
    })
}

/// Tells readers `first` to `first + n - 1` to stop: their rows went away.
pub fn stop(first: u32, n: usize) {
    call(&["stop".into(), first.into(), (n as f64).into()]);
}

/// The inside of a reader's row: 朗读 (a toggle), pause or resume and stop (shown by the reader while
/// it reads), and a status line that screen readers announce.
fn buttons_html(viewer: &Viewer, label: &str) -> String {
    let t = &viewer.t.elder;
    let button = |class: &str, text: &str, hidden: &str| {
        format!(
            "<button type=\"button\" class=\"dafu-read__button dafu-read__{class}\"{hidden}>{}</button>",
            escaped(text)
        )
    };
    [
        button("start", label, " aria-pressed=\"false\""),
        button("pause", t.pause, " hidden"),
        button("stop", t.stop, " hidden"),
        "<span class=\"dafu-read__status\" role=\"status\"></span>".to_owned(),
    ]
    .concat()
}

/// 朗读本节's row, for a section just opened, as reader `id`: the reader reads that section only.
pub fn section_row_html(viewer: &Viewer, id: u32) -> String {
    format!(
        "<div class=\"dafu-read dafu-read--section\" role=\"group\" aria-label=\"{}\" data-dafu-reader=\"{}\">{}</div>",
        escaped(viewer.t.elder.group),
        id,
        buttons_html(viewer, viewer.t.elder.read_section)
    )
}

/// The row whose 朗读 button `ev` pressed, if it was one.
pub fn pressed_row(ev: &web_sys::MouseEvent) -> Option<web_sys::Element> {
    ev.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(".dafu-read__start")
        .ok()??
        .parent_element()
}

/// A press on `row`'s 朗读 button: starts its reader, or stops it. `all`: the row reads the whole
/// reply, with the funding's sentences.
pub fn press(viewer: &Viewer, row: &web_sys::Element, all: bool) {
    let t = &viewer.t.elder;
    let Some(id) = row
        .get_attribute("data-dafu-reader")
        .and_then(|id| id.parse::<u32>().ok())
    else {
        return;
    };
    let strings: js_sys::Array = [
        t.reading,
        t.paused,
        t.stopped,
        t.pause,
        t.resume,
        t.no_speech,
        t.no_voice,
    ]
    .iter()
    .map(|s| JsValue::from_str(s))
    .collect();
    let funding: js_sys::Array = if all {
        viewer
            .reply
            .funding_sentences()
            .iter()
            .map(|s| JsValue::from_str(s))
            .collect()
    } else {
        js_sys::Array::new()
    };
    let args = [
        "toggle".into(),
        id.into(),
        row.clone().into(),
        strings.into(),
        funding.into(),
    ];
    if !call(&args) {
        if let Ok(Some(status)) = row.query_selector(".dafu-read__status") {
            status.set_text_content(Some(t.no_speech));
        }
    }
}

/// 朗读全文: reads the reply's views shown, in page order. In the static snapshot, an empty row of the
/// same height, so mounting over it moves nothing.
#[component]
pub fn ReadAloud(
    /// The reply's shared state.
    viewer: Viewer,
) -> impl IntoView {
    if viewer.mode.is_snapshot() {
        return view! { <div class="dafu-read dafu-read--all dafu-read--placeholder" aria-hidden="true"></div> }
            .into_any();
    }
    let id = reserve(1);
    on_cleanup(move || stop(id, 1));
    let inside = buttons_html(&viewer, viewer.t.elder.read_all);
    let group = viewer.t.elder.group;
    view! {
        <div
            class="dafu-read dafu-read--all"
            role="group"
            aria-label=group
            data-dafu-reader=id
            on:click=move |ev| {
                if let Some(row) = pressed_row(&ev) {
                    press(&viewer, &row, true);
                }
            }
            inner_html=inside
        ></div>
    }
    .into_any()
}
