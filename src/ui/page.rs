//! The development page (index.html, and dafu.html from disk): a reply, plus opening a local reply
//! file (JSON, or text in any encoding the CLI reads) by picker or drop, pasting a reply's text, and
//! for a converted text the converter's report (each line not understood and what to do, the header
//! facts not found), a form that corrects the header facts, and a download of the JSON named after
//! its 文号 — the bytes `dafu convert --set …` prints. The report's and the form's words and markup
//! come from the converter module (`crates/dafu-convert`, `src/ui/i18n/editor.rs`), not this wasm.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use dafu_core::model::Reply;
use dafu_core::model::MAX_JSON_BYTES;

use super::app::App;
use super::converter::{self, Unavailable};
use super::i18n::{fill, Text};
use super::options::{Lang, Options};
use super::renderer;
use super::source::ReplySource;

/// What the converter made of a text: the JSON the CLI would print, with the name to save it under.
/// The report and the header form are markup the converter module words (the text escaped there),
/// set into the panel's elements by id as they come ([`set_html`]): no reactive markup for them.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Report {
    json: String,
    file_name: String,
}

/// The element holding the report's words, and the one holding the header form (the dev page is
/// one per document, so its ids are fixed, like `dafu-page-paste`).
const REPORT_ID: &str = "dafu-page-report-text";
const FORM_ID: &str = "dafu-page-edit";

/// Sets the markup of the page's element `id` (markup from the converter module, escaped there).
fn set_html(id: &str, html: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        el.set_inner_html(html);
    }
}

/// The text converted last and the header corrections typed for it, `(key, value)` in the order
/// first typed: read, never watched.
#[derive(Default)]
struct Edit {
    input: Option<Input>,
    set: Vec<(String, String)>,
}

/// A reply's text as the page was given it: typed or pasted, or a file's bytes, which the converter
/// module decodes as the CLI does (UTF-8, UTF-16 by its BOM, GB18030), every time it converts.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Input {
    Text(String),
    Bytes(Vec<u8>),
}

impl Input {
    fn to_js(&self) -> wasm_bindgen::JsValue {
        match self {
            Self::Text(text) => wasm_bindgen::JsValue::from_str(text),
            Self::Bytes(bytes) => js_sys::Uint8Array::from(bytes.as_slice()).into(),
        }
    }
}

/// Whether personal data is hidden ("隐去个人信息"), the editor's header corrections, and which
/// conversion is the page's latest. Copy, so every handler holds it. Other controls read
/// [`Redaction::on`] (`redaction.on.get_untracked()`) to mask what they make too.
#[derive(Clone, Copy)]
struct Redaction {
    /// The checkbox: mask personal data in the converted reply shown, its JSON and the snapshots.
    on: RwSignal<bool>,
    /// The text converted last, while the reply shown comes from it, and its corrections: converted
    /// again when `on`, a correction or the language changes, so that what is shown is what is
    /// downloaded.
    edit: StoredValue<Edit>,
    /// The number of the latest conversion; one that ends after a later one started is dropped.
    latest: RwSignal<u64>,
}

impl Redaction {
    fn new() -> Self {
        Self {
            on: RwSignal::new(false),
            edit: StoredValue::new(Edit::default()),
            latest: RwSignal::new(0),
        }
    }

    /// The text to convert again, if the reply shown comes from one.
    fn input(self) -> Option<Input> {
        self.edit.with_value(|e| e.input.clone())
    }

    /// The reply shown no longer comes from a text (a JSON file was opened): nothing to convert again,
    /// and a conversion still running is not shown.
    fn forget(self) {
        self.edit.update_value(|e| *e = Edit::default());
        self.latest.update(|n| *n += 1);
    }
}

/// Why a text is converted: a new one (the corrections start again and the form is filled from it),
/// the language (the form is worded again), or a change to the checkbox or a correction.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Why {
    New,
    Language,
    Edit,
}

/// Converts text with the converter module (loaded on first use), shows the reply it gives, as it is
/// (no second JSON parse of what the view shows), and keeps the report for the side panel. With
/// "隐去个人信息" checked, the reply and its JSON have their personal data masked; the header
/// corrections typed in the form are applied as `dafu convert --set` applies them.
fn show_text(
    input: Input,
    why: Why,
    source: RwSignal<ReplySource>,
    report: RwSignal<Option<Report>>,
    note: RwSignal<Option<String>>,
    redaction: Redaction,
    t: &'static Text,
) {
    if why == Why::New {
        // A long text converts in a worker; the status line says so meanwhile (the page stays
        // usable). Not said for each key typed in the form.
        note.set(Some(t.page.converting.to_owned()));
    }
    redaction.latest.update(|n| *n += 1);
    let this = redaction.latest.get_untracked();
    let redact = redaction.on.get_untracked();
    let js = input.to_js();
    let set = redaction.edit.try_update_value(|e| {
        if why == Why::New {
            e.set.clear();
        }
        e.input = Some(input);
        e.set.clone()
    });
    let set = set.unwrap_or_default();
    leptos::task::spawn_local(async move {
        let result = converter::convert_with(&js, redact, t.lang, &set).await;
        // A later conversion (another text, the checkbox, a correction) shows instead.
        if redaction.latest.get_untracked() != this {
            return;
        }
        let converted = match result {
            Ok(c) => c,
            Err(Unavailable(why)) => {
                report.set(None);
                note.set(Some(why));
                return;
            }
        };
        // The form is replaced for a new text or language, never while typing (the focus would go).
        if why != Why::Edit {
            set_html(FORM_ID, &converted.form);
        }
        set_html(REPORT_ID, &converted.report);
        match Reply::from_json(&converted.json) {
            Ok(r) => {
                report.set(Some(Report {
                    json: converted.json,
                    file_name: converted.file_name,
                }));
                source.set(ReplySource::Reply(std::sync::Arc::new(r)));
                if why == Why::New {
                    note.set(Some(t.page.converted.to_owned()));
                }
            }
            // The converter's output always loads (a test holds it to that); if it ever did not, the
            // view's error panel says why.
            Err(_) => {
                report.set(None);
                source.set(ReplySource::Json(converted.json));
            }
        }
    });
}

/// Whether a file's bytes are reply JSON: `{` first, after a UTF-8 BOM and white space.
fn is_json(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// Shows a dropped text or a file's content: JSON (text starting with `{`) as it is, anything else as
/// reply text to convert.
fn show_content(
    input: Input,
    source: RwSignal<ReplySource>,
    report: RwSignal<Option<Report>>,
    note: RwSignal<Option<String>>,
    redaction: Redaction,
    t: &'static Text,
) {
    match input {
        Input::Text(json) if json.trim_start().starts_with('{') => {
            redaction.forget();
            report.set(None);
            source.set(ReplySource::Json(json));
        }
        input => show_text(input, Why::New, source, report, note, redaction, t),
    }
}

/// Reads a file the user chose or dropped, or says why it cannot.
fn open_file(
    file: web_sys::File,
    source: RwSignal<ReplySource>,
    report: RwSignal<Option<Report>>,
    note: RwSignal<Option<String>>,
    redaction: Redaction,
    t: &'static Text,
) {
    // f64 is only the browser's way of giving a file size; no money passes through here.
    if file.size() > MAX_JSON_BYTES as f64 {
        note.set(Some(fill(
            t.page.file_too_large,
            &[&file.name(), &(MAX_JSON_BYTES / 1024 / 1024)],
        )));
        return;
    }
    let name = file.name();
    leptos::task::spawn_local(async move {
        // The bytes, not `file.text()`: a text file may be GBK or UTF-16, and the converter module
        // decodes it as the CLI does. Reply JSON is UTF-8, as the JSON standard says: read as text.
        let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
            .await
            .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec());
        let input = match bytes {
            Ok(bytes) if is_json(&bytes) => wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .map(|text| Input::Text(text.as_string().unwrap_or_default())),
            Ok(bytes) => Ok(Input::Bytes(bytes)),
            Err(e) => Err(e),
        };
        match input {
            Ok(input) => {
                note.set(Some(fill(t.page.file_opened, &[&name])));
                show_content(input, source, report, note, redaction, t);
            }
            Err(_) => note.set(Some(fill(t.page.file_unreadable, &[&name]))),
        }
    });
}

/// Saves `text` as a file named `file_name` of type `mime` (UTF-8) through a temporary object URL.
fn save_file(text: &str, file_name: &str, mime: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(file_name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// What a snapshot button makes: the whole page to save, or the fragment to copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Snapshot {
    Page,
    Fragment,
}

/// What the renderer is given for the reply shown, as the CLI would read it from a file: the seed's own
/// file, JSON as given, a converted reply as `dafu convert` printed it (the page keeps that text), or
/// the address a fetched reply came from, which the renderer's hook fetches again. The page never
/// serialises a reply or fetches it twice in its own wasm: readers would pay for that code.
enum Shown {
    Json(String),
    Url(String),
}

fn shown(source: ReplySource, converted: Option<String>) -> Shown {
    match source {
        ReplySource::Default => Shown::Json(dafu_core::model::DEFAULT_REPLY_JSON.to_owned()),
        ReplySource::Json(json) => Shown::Json(json),
        ReplySource::Url(url) => Shown::Url(url),
        // A reply in hand on this page is always a converted one, whose JSON the report keeps (the
        // page never shows text unconverted); without it the renderer's own error says there is
        // nothing to render.
        ReplySource::Reply(_) | ReplySource::Text(_) => Shown::Json(converted.unwrap_or_default()),
    }
}

/// The name a saved page takes from where its reply came from: `2024-153.json` gives `2024-153`.
fn file_stem(path: &str) -> String {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let last = path.rsplit(['/', '\\']).next().unwrap_or_default();
    let stem = last.rsplit_once('.').map_or(last, |(stem, _)| stem);
    if stem.trim().is_empty() {
        "reply".to_owned()
    } else {
        stem.to_owned()
    }
}

/// Writes `text` to the clipboard; `false` when the browser refuses (no permission, no clipboard).
async fn write_clipboard(text: &str) -> bool {
    use wasm_bindgen::JsValue;
    let get = |o: &JsValue, name: &str| js_sys::Reflect::get(o, &JsValue::from_str(name)).ok();
    let Some(clipboard) = get(&js_sys::global(), "navigator").and_then(|n| get(&n, "clipboard"))
    else {
        return false;
    };
    let Some(write) =
        get(&clipboard, "writeText").and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return false;
    };
    let Ok(promise) = write.call1(&clipboard, &JsValue::from_str(text)) else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&promise))
        .await
        .is_ok()
}

/// What one snapshot needs to know of the page.
#[derive(Clone)]
struct SnapshotRequest {
    source: ReplySource,
    /// The converter's JSON of a converted reply (the converter report's), when one is shown.
    converted: Option<String>,
    name: String,
    lang: Lang,
    redact: bool,
}

/// Renders the reply shown with the renderer module (loaded on first use), then saves the page as
/// `<name>.html` or copies the fragment; when the clipboard refuses, the fragment goes in a box to copy
/// by hand. The status line says which.
fn make_snapshot(
    kind: Snapshot,
    request: SnapshotRequest,
    note: RwSignal<Option<String>>,
    by_hand: RwSignal<Option<String>>,
) {
    let t = request.lang.text();
    let words = &t.snapshot_app;
    note.set(Some(words.rendering.to_owned()));
    by_hand.set(None);
    leptos::task::spawn_local(async move {
        let (json, src) = match shown(request.source, request.converted) {
            Shown::Json(json) => (json, None),
            Shown::Url(url) => (String::new(), Some(url)),
        };
        let html = renderer::render(
            &json,
            src.as_deref(),
            kind == Snapshot::Fragment,
            request.lang,
            request.redact,
        )
        .await
        .map_err(|Unavailable(why)| why);
        match (html, kind) {
            (Err(why), _) => note.set(Some(fill(words.failed, &[&why]))),
            (Ok(html), Snapshot::Page) => {
                let file = format!("{}.html", request.name);
                save_file(&html, &file, "text/html;charset=utf-8");
                note.set(Some(fill(words.downloaded, &[&file])));
            }
            (Ok(html), Snapshot::Fragment) => {
                if write_clipboard(&html).await {
                    note.set(Some(words.copied.to_owned()));
                } else {
                    by_hand.set(Some(html));
                    note.set(Some(words.copy_by_hand.to_owned()));
                }
            }
        }
    });
}

/// The page around one reply, with a file picker, a drop target and a paste box.
#[component]
pub fn Page(
    /// The reply shown first.
    initial: ReplySource,
    /// How long a reply from a URL may take (`?timeout=` seconds).
    timeout_secs: u32,
) -> impl IntoView {
    let initial_name = initial.clone();
    let source = RwSignal::new(initial);
    let note = RwSignal::new(None::<String>);
    let report = RwSignal::new(None::<Report>);
    let redaction = Redaction::new();
    let dragging = RwSignal::new(false);
    let pasting = RwSignal::new(false);
    let pasted = RwSignal::new(String::new());
    let lang = RwSignal::new(Lang::Zh);
    let t = move || lang.get().text();
    // The name a saved page takes: the reply file's, else the fetched address's, else "reply".
    let name = RwSignal::new(match &initial_name {
        ReplySource::Url(url) => file_stem(url),
        _ => file_stem(""),
    });
    let by_hand = RwSignal::new(None::<String>);
    let snapshot = move |kind: Snapshot| {
        let request = SnapshotRequest {
            source: source.get_untracked(),
            converted: report.with_untracked(|r| r.as_ref().map(|r| r.json.clone())),
            name: name.get_untracked(),
            lang: lang.get_untracked(),
            redact: redaction.on.get_untracked(),
        };
        make_snapshot(kind, request, note, by_hand);
    };
    // What is shown is what is published: a converted reply is converted again, masked or not.
    let on_redact = move |ev: web_sys::Event| {
        redaction.on.set(event_target_checked(&ev));
        if let Some(input) = redaction.input() {
            show_text(input, Why::Edit, source, report, note, redaction, t());
        }
    };
    // One listener for the whole header form (its markup comes from the converter module): the
    // control's `data-dafu-set` names the fact, its value is the correction; the reply shown and
    // the JSON to download are converted again with it.
    let on_set = move |ev: web_sys::Event| {
        let Some(control) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let Some(key) = control.get_attribute("data-dafu-set") else {
            return;
        };
        let value = js_sys::Reflect::get(&control, &wasm_bindgen::JsValue::from_str("value"))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        redaction
            .edit
            .update_value(|e| match e.set.iter_mut().find(|(k, _)| *k == key) {
                Some(pair) => pair.1 = value,
                None => e.set.push((key, value)),
            });
        if let Some(input) = redaction.input() {
            show_text(input, Why::Edit, source, report, note, redaction, t());
        }
    };
    let on_download = move |_| {
        report.with_untracked(|r| {
            if let Some(r) = r {
                save_file(&r.json, &r.file_name, "application/json;charset=utf-8");
            }
        });
    };
    // The other language: the bar, the view and a converted text's report and form, worded again.
    let on_lang = move |_| {
        lang.update(|l| *l = if *l == Lang::Zh { Lang::En } else { Lang::Zh });
        if let Some(input) = redaction.input() {
            show_text(input, Why::Language, source, report, note, redaction, t());
        }
    };
    let on_pick = move |ev: web_sys::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(file) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        {
            name.set(file_stem(&file.name()));
            open_file(file, source, report, note, redaction, t());
        }
        // Clearing lets the same file be chosen again after editing it.
        if let Some(i) = input {
            i.set_value("");
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let Some(data) = ev.data_transfer() else {
            return;
        };
        if let Some(file) = data.files().and_then(|f| f.get(0)) {
            name.set(file_stem(&file.name()));
            open_file(file, source, report, note, redaction, t());
        } else if let Ok(text) = data.get_data("text/plain") {
            if !text.trim().is_empty() {
                show_content(Input::Text(text), source, report, note, redaction, t());
            }
        }
    };
    view! {
        <div
            class="dafu-page__drop"
            class=("dafu-page__drop--active", move || dragging.get())
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <div class="dafu-page__tools">
                <label class="dafu-page__open">
                    {move || t().page.open_file}
                    <input type="file" class="dafu-page__file" accept=".json,.txt,application/json,text/plain" on:change=on_pick />
                </label>
                <button
                    type="button"
                    class="dafu-page__button"
                    aria-expanded=move || pasting.get().to_string()
                    aria-controls="dafu-page-paste"
                    on:click=move |_| pasting.update(|p| *p = !*p)
                >
                    {move || t().page.paste}
                </button>
                <button
                    type="button"
                    class="dafu-page__lang"
                    lang=move || t().page.other_language_code
                    on:click=on_lang
                >
                    {move || t().page.other_language}
                </button>
                <button type="button" class="dafu-page__button" on:click=move |_| snapshot(Snapshot::Page)>
                    {move || t().snapshot_app.download_page}
                </button>
                <button type="button" class="dafu-page__button" on:click=move |_| snapshot(Snapshot::Fragment)>
                    {move || t().snapshot_app.copy_fragment}
                </button>
                <label class="dafu-page__redact" title=move || t().privacy.redact_hint>
                    <input type="checkbox" class="dafu-page__redact-box" prop:checked=move || redaction.on.get() on:change=on_redact />
                    {move || t().privacy.redact}
                </label>
                <span class="dafu-page__hint">{move || t().page.drop_hint}</span>
                <p class="dafu-page__note" role="status">{move || note.get()}</p>
                <div class="dafu-page__paste" id="dafu-page-paste" hidden=move || !pasting.get()>
                    <label class="dafu-page__paste-label" for="dafu-page-text">{move || t().page.paste_label}</label>
                    <textarea
                        class="dafu-page__text"
                        id="dafu-page-text"
                        rows="8"
                        prop:value=move || pasted.get()
                        on:input=move |ev| pasted.set(event_target_value(&ev))
                    ></textarea>
                    <button
                        type="button"
                        class="dafu-page__button"
                        on:click=move |_| {
                            show_text(Input::Text(pasted.get()), Why::New, source, report, note, redaction, t());
                        }
                    >
                        {move || t().page.convert}
                    </button>
                </div>
                {move || by_hand.get().map(|html| view! {
                    <div class="dafu-page__paste">
                        <label class="dafu-page__paste-label" for="dafu-page-fragment">{t().snapshot_app.fragment_label}</label>
                        <textarea class="dafu-page__text" id="dafu-page-fragment" rows="8" readonly prop:value=html></textarea>
                    </div>
                })}
                <aside class="dafu-page__report" aria-labelledby="dafu-page-report-title" hidden=move || report.with(Option::is_none)>
                    <div class="dafu-page__report-text" id=REPORT_ID></div>
                    <section class="dafu-page__edit" id=FORM_ID aria-labelledby="dafu-page-edit-title" on:input=on_set></section>
                    <button type="button" class="dafu-page__button" on:click=on_download>{move || t().page.download}</button>
                </aside>
            </div>
            {move || {
                let options = Options { lang: lang.get(), timeout_secs, from_address: true, ..Options::default() };
                view! { <App source=source.get() options=options /> }
            }}
        </div>
    }
}
