//! 朗读 (read aloud): the whole reply or one section spoken by the browser's own speech synthesis
//! (`speechSynthesis`, a Chinese voice; nothing goes over the network), one sentence at a time, the
//! element being read highlighted and kept in view.
//!
//! The sentences, their order and their wording come from the model ([`Reply::reading_script`]).
//! There is one speech queue per browser window, so one reader speaks at a time on the whole page:
//! starting one stops the others (`ACTIVE`). A reader stops when its section is closed or its view
//! unmounted. Where the browser cannot speak, or has no Chinese voice, the control says so.
//!
//! [`Reply::reading_script`]: dafu_core::model::Reply::reading_script

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

use dafu_core::model::{ReadPart, ReadTarget, TextId, Utterance};

use super::options::Views;
use super::viewer::Viewer;

/// The class the element being read carries.
const CURRENT: &str = "dafu-read--current";

/// The reader speaking, by its number, and what brings its controls back to rest.
type Active = Option<(u64, Rc<dyn Fn()>)>;

/// An utterance and its end handler, kept together so the handler lives as long as the utterance.
type Spoken = Option<(SpeechSynthesisUtterance, Closure<dyn FnMut()>)>;

thread_local! {
    /// The next reader's number.
    static NEXT_READER: Cell<u64> = const { Cell::new(1) };
    /// The reader speaking now, and how to stop it (its controls go back to rest).
    static ACTIVE: RefCell<Active> = const { RefCell::new(None) };
}

/// Where a reader is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Idle,
    Speaking,
    Paused,
}

/// The window's speech synthesis, if the browser has one.
fn synthesis() -> Option<SpeechSynthesis> {
    let window = web_sys::window()?;
    let value = js_sys::Reflect::get(&window, &JsValue::from_str("speechSynthesis")).ok()?;
    let has_utterance =
        js_sys::Reflect::get(&window, &JsValue::from_str("SpeechSynthesisUtterance"))
            .is_ok_and(|u| u.is_function());
    (value.is_object() && has_utterance).then(|| value.unchecked_into())
}

/// A Chinese voice: zh-CN first, then any Chinese, a voice on the device before one on a server.
fn chinese_voice(synth: &SpeechSynthesis) -> Option<SpeechSynthesisVoice> {
    let text = |v: &JsValue, key: &str| {
        js_sys::Reflect::get(v, &JsValue::from_str(key))
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    };
    let local = |v: &JsValue| {
        js_sys::Reflect::get(v, &JsValue::from_str("localService")).is_ok_and(|l| l.is_truthy())
    };
    let voices: Vec<JsValue> = synth.get_voices().iter().collect();
    let rank = |v: &JsValue| {
        let lang = text(v, "lang").to_ascii_lowercase().replace('_', "-");
        let exact = lang == "zh-cn" || lang == "cmn-cn" || lang == "cmn-hans-cn";
        let chinese = exact || lang.starts_with("zh") || lang.starts_with("cmn");
        chinese.then_some((exact, local(v)))
    };
    voices
        .iter()
        .filter_map(|v| rank(v).map(|r| (r, v)))
        .max_by_key(|(r, _)| *r)
        .map(|(_, v)| v.clone().unchecked_into())
}

/// What a reader reads.
#[derive(Clone, Copy, Debug)]
enum Which {
    /// The reply's views shown.
    All(Views),
    /// One section, by its index.
    Section(usize),
}

impl Which {
    fn reads(self, part: ReadPart) -> bool {
        match self {
            Self::All(views) => match part {
                ReadPart::Header => views.header || views.sections,
                ReadPart::Section(_) | ReadPart::Closing => views.sections,
                ReadPart::Timeline => views.timeline,
                ReadPart::Funding => views.funding,
            },
            Self::Section(i) => part == ReadPart::Section(i),
        }
    }
}

/// One reader: what it reads, its state, and what it is speaking and highlighting.
#[derive(Clone, Copy)]
struct Reader {
    id: u64,
    which: Which,
    state: RwSignal<State>,
    /// What the status line says (empty at rest).
    status: RwSignal<&'static str>,
    /// The sentences, made when reading starts (a reply of many sections makes none it never reads).
    lines: StoredValue<Vec<Utterance>, LocalStorage>,
    /// The sentence being read.
    at: StoredValue<usize>,
    viewer: StoredValue<Viewer, LocalStorage>,
    /// Inside this instance's root: where targets are looked up.
    anchor: NodeRef<Div>,
    /// The utterance speaking and its handler, kept so the handler lives as long as the utterance.
    speaking: StoredValue<Spoken, LocalStorage>,
    /// The element highlighted.
    lit: StoredValue<Option<web_sys::Element>, LocalStorage>,
}

impl Reader {
    fn new(viewer: Viewer, which: Which, anchor: NodeRef<Div>) -> Self {
        Self {
            id: NEXT_READER.with(|n| {
                let id = n.get();
                n.set(id + 1);
                id
            }),
            which,
            state: RwSignal::new(State::Idle),
            status: RwSignal::new(""),
            lines: StoredValue::new_local(Vec::new()),
            at: StoredValue::new(0),
            viewer: StoredValue::new_local(viewer),
            anchor,
            speaking: StoredValue::new_local(None),
            lit: StoredValue::new_local(None),
        }
    }

    fn is_active(self) -> bool {
        ACTIVE.with(|a| a.borrow().as_ref().is_some_and(|(id, _)| *id == self.id))
    }

    /// Starts from the first sentence, stopping any other reader on the page.
    fn start(self) {
        let t = self.viewer.with_value(|v| v.t);
        let Some(synth) = synthesis() else {
            self.status.set(t.elder.no_speech);
            return;
        };
        let Some(voice) = chinese_voice(&synth) else {
            self.status.set(t.elder.no_voice);
            return;
        };
        let previous = ACTIVE.with(|a| a.borrow_mut().take());
        if let Some((_, stop)) = previous {
            stop();
        }
        self.forget_utterance();
        synth.cancel();
        let lines = self.viewer.with_value(|v| v.reply.reading_script());
        let which = self.which;
        self.lines
            .set_value(lines.into_iter().filter(|u| which.reads(u.part)).collect());
        ACTIVE.with(|a| {
            *a.borrow_mut() = Some((self.id, Rc::new(move || self.rest())));
        });
        self.state.set(State::Speaking);
        self.status.set(t.elder.reading);
        self.speak(&synth, &voice, 0);
    }

    /// Speaks sentence `k`, then (when it ends) the next; past the last, comes to rest.
    fn speak(self, synth: &SpeechSynthesis, voice: &SpeechSynthesisVoice, k: usize) {
        let Some(line) = self.lines.with_value(|l| l.get(k).cloned()) else {
            self.stop();
            return;
        };
        let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(&line.spoken) else {
            self.stop();
            return;
        };
        utterance.set_lang("zh-CN");
        utterance.set_voice(Some(voice));
        let (synth_next, voice_next) = (synth.clone(), voice.clone());
        // The next sentence is spoken from a fresh task: this handler is dropped when it is replaced.
        // An error (the voice failed) moves on too; `at` makes an end and an error count once.
        let ended = Closure::<dyn FnMut()>::new(move || {
            let (synth, voice) = (synth_next.clone(), voice_next.clone());
            set_timeout(
                move || {
                    let current = self.at.try_get_value() == Some(k);
                    if current && self.is_active() && self.state.get_untracked() != State::Idle {
                        self.speak(&synth, &voice, k + 1);
                    }
                },
                Duration::ZERO,
            );
        });
        utterance.set_onend(Some(ended.as_ref().unchecked_ref()));
        utterance.set_onerror(Some(ended.as_ref().unchecked_ref()));
        self.forget_utterance();
        self.speaking.set_value(Some((utterance.clone(), ended)));
        self.at.set_value(k);
        // Whole-reply reading opens each section as it comes to it; its text is drawn a moment later.
        if let ReadPart::Section(i) = line.part {
            self.viewer.with_value(|v| v.open.set(i, true));
        }
        set_timeout(
            move || {
                if self.is_active() && self.at.try_get_value() == Some(k) {
                    self.highlight(&line);
                }
            },
            Duration::ZERO,
        );
        synth.speak(&utterance);
    }

    /// Detaches the handler of the utterance spoken last, so a cancelled one calls nothing.
    fn forget_utterance(self) {
        if let Some((u, _)) = self.speaking.try_update_value(Option::take).flatten() {
            u.set_onend(None);
            u.set_onerror(None);
        }
    }

    fn pause_or_resume(self) {
        let (Some(synth), true) = (synthesis(), self.is_active()) else {
            self.rest();
            return;
        };
        let t = self.viewer.with_value(|v| v.t);
        if self.state.get_untracked() == State::Paused {
            synth.resume();
            self.state.set(State::Speaking);
            self.status.set(t.elder.reading);
        } else {
            synth.pause();
            self.state.set(State::Paused);
            self.status.set(t.elder.paused);
        }
    }

    /// Stops speaking, if this reader is the one speaking, and comes to rest.
    fn stop(self) {
        if self.is_active() {
            ACTIVE.with(|a| a.borrow_mut().take());
            self.forget_utterance();
            if let Some(synth) = synthesis() {
                synth.cancel();
            }
        }
        if self
            .state
            .try_get_untracked()
            .is_some_and(|s| s != State::Idle)
        {
            self.rest();
            let t = self.viewer.try_with_value(|v| v.t);
            if let Some(t) = t {
                self.status.try_set(t.elder.stopped);
            }
        }
    }

    /// Back to rest: controls reset and the highlight removed (another reader took over, or it ended).
    fn rest(self) {
        self.forget_utterance();
        self.state.try_set(State::Idle);
        self.status.try_set("");
        if let Some(Some(e)) = self.lit.try_update_value(Option::take) {
            let _ = e.class_list().remove_1(CURRENT);
        }
    }

    /// Marks the element showing `line` and scrolls it into view (opening its section first when the
    /// whole reply is read).
    fn highlight(self, line: &Utterance) {
        if let Some(Some(e)) = self.lit.try_update_value(Option::take) {
            let _ = e.class_list().remove_1(CURRENT);
        }
        let Some(element) = self.target(line) else {
            return;
        };
        let _ = element.class_list().add_1(CURRENT);
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        element.scroll_into_view_with_scroll_into_view_options(&options);
        self.lit.set_value(Some(element));
    }

    /// The element that shows `line` in this instance, if it is drawn.
    fn target(self, line: &Utterance) -> Option<web_sys::Element> {
        let root = self.anchor.get_untracked()?.closest(".dafu-reply").ok()??;
        let viewer = self.viewer.get_value();
        let by_id = |id: String| {
            root.query_selector(&format!("[id=\"{id}\"]"))
                .ok()
                .flatten()
        };
        let nth = |selector: &str, n: usize| {
            let list = root.query_selector_all(selector).ok()?;
            list.item(u32::try_from(n).ok()?)?.dyn_into().ok()
        };
        let pressed = |selector: &str| {
            root.query_selector(selector)
                .ok()
                .flatten()
                .and_then(|b| b.get_attribute("aria-pressed"))
                .is_some_and(|p| p == "true")
        };
        match &line.target {
            ReadTarget::Text(name) => by_id(match TextId::parse(name) {
                Some(TextId::Title) => viewer.ids.of("title"),
                Some(TextId::Heading(section)) => viewer.ids.heading(section),
                _ => viewer.ids.reply(name),
            }),
            ReadTarget::Own(name) => by_id(viewer.ids.of(name)),
            ReadTarget::Timeline { oldest, newest } => {
                let newest_first = pressed(".dafu-timeline__order");
                nth(
                    ".dafu-timeline__link",
                    if newest_first { *newest } else { *oldest },
                )
            }
            // The chart shows the bars by purpose while its first view is chosen (or it has one view).
            ReadTarget::Funding(n) => {
                let by_purpose = root
                    .query_selector(".dafu-funding__switch")
                    .ok()
                    .flatten()
                    .is_none()
                    || pressed(".dafu-funding__switch");
                if by_purpose {
                    nth(".dafu-chart__row", *n)
                } else {
                    by_id(viewer.ids.of("funding"))
                }
            }
        }
    }
}

/// The controls of one reader: 朗读 (a toggle), then pause or resume and stop while it reads, and a
/// status line that screen readers announce.
fn controls(reader: Reader, label: &'static str, class: &'static str) -> impl IntoView {
    let t = reader.viewer.with_value(|v| v.t);
    let reading = move || reader.state.get() != State::Idle;
    view! {
        <div class=class node_ref=reader.anchor role="group" aria-label=t.elder.group>
            <button
                type="button"
                class="dafu-read__button dafu-read__start"
                aria-pressed=move || reading().to_string()
                on:click=move |_| if reading() { reader.stop() } else { reader.start() }
            >
                {label}
            </button>
            <button
                type="button"
                class="dafu-read__button dafu-read__pause"
                hidden=move || !reading()
                on:click=move |_| reader.pause_or_resume()
            >
                {move || if reader.state.get() == State::Paused { t.elder.resume } else { t.elder.pause }}
            </button>
            <button
                type="button"
                class="dafu-read__button dafu-read__stop"
                hidden=move || !reading()
                on:click=move |_| reader.stop()
            >
                {t.elder.stop}
            </button>
            <span class="dafu-read__status" role="status">{move || reader.status.get()}</span>
        </div>
    }
}

/// A reader that stops when its view is unmounted.
fn reader(viewer: &Viewer, which: Which) -> Reader {
    let reader = Reader::new(viewer.clone(), which, NodeRef::new());
    on_cleanup(move || reader.stop());
    reader
}

/// 朗读全文: reads the reply's views shown, in page order. Nothing in the static snapshot.
#[component]
pub fn ReadAloud(
    /// The reply's shared state.
    viewer: Viewer,
    /// The views shown: only those are read.
    views: Views,
) -> impl IntoView {
    if viewer.mode.is_snapshot() {
        return ().into_any();
    }
    let reader = reader(&viewer, Which::All(views));
    controls(reader, viewer.t.elder.read_all, "dafu-read dafu-read--all").into_any()
}

/// 朗读本节: reads one section; stops when the section is closed.
#[component]
pub fn ReadSection(
    /// The reply's shared state.
    viewer: Viewer,
    /// The section's index in the reply.
    index: usize,
) -> impl IntoView {
    if viewer.mode.is_snapshot() {
        return ().into_any();
    }
    let open = viewer.open;
    let reader = reader(&viewer, Which::Section(index));
    Effect::new(move || {
        if !open.is_open(index) {
            reader.stop();
        }
    });
    controls(
        reader,
        viewer.t.elder.read_section,
        "dafu-read dafu-read--section",
    )
    .into_any()
}
