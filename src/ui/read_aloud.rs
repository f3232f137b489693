//! 朗读 (read aloud): the controls only. The reader itself (the sentences taken from the drawn page in
//! its order, the numbers worded for a voice, `speechSynthesis`, the sentence highlight and the status
//! line) is JavaScript, `src/read-aloud.js`, under `Symbol.for("dafu.read")`: the dev page loads it as
//! `dafu-read-aloud.js`, embed/dafu.js loads it from its own folder on first use, dafu.html inlines it.
//! The wasm only renders the buttons and tells the reader when one is pressed or a view goes away.
//!
//! Hook calls: `("toggle", id, group, strings, funding)` on 朗读全文 / 朗读本节 (`strings`: reading,
//! paused, stopped, pause, resume, no speech, no voice; `funding`: the funding's sentences, from the
//! model, since the page does not show each item's year), and `("stop", id)` when the view unmounts.

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

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

/// The controls of one reader: 朗读 (a toggle), pause or resume and stop (shown by the reader while it
/// reads), and a status line that screen readers announce.
fn controls(viewer: &Viewer, all: bool) -> impl IntoView {
    let t = &viewer.t.elder;
    let id = NEXT.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    });
    on_cleanup(move || {
        call(&["stop".into(), id.into()]);
    });
    let reply = viewer.reply.clone();
    let click = move |ev: web_sys::MouseEvent| {
        let Some(group) = ev
            .current_target()
            .and_then(|b| b.dyn_into::<web_sys::Element>().ok())
            .and_then(|b| b.parent_element())
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
            reply
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
            group.clone().into(),
            strings.into(),
            funding.into(),
        ];
        if !call(&args) {
            if let Ok(Some(status)) = group.query_selector(".dafu-read__status") {
                status.set_text_content(Some(t.no_speech));
            }
        }
    };
    let (class, label) = if all {
        ("dafu-read dafu-read--all", t.read_all)
    } else {
        ("dafu-read dafu-read--section", t.read_section)
    };
    view! {
        <div class=class role="group" aria-label=t.group>
            <button type="button" class="dafu-read__button dafu-read__start" aria-pressed="false" on:click=click>
                {label}
            </button>
            <button type="button" class="dafu-read__button dafu-read__pause" hidden>{t.pause}</button>
            <button type="button" class="dafu-read__button dafu-read__stop" hidden>{t.stop}</button>
            <span class="dafu-read__status" role="status"></span>
        </div>
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
    controls(&viewer, true).into_any()
}

/// 朗读本节: reads one section; the reader stops when the section is closed.
#[component]
pub fn ReadSection(
    /// The reply's shared state.
    viewer: Viewer,
) -> impl IntoView {
    if viewer.mode.is_snapshot() {
        return ().into_any();
    }
    controls(&viewer, false).into_any()
}
