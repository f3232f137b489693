//! The development page (index.html, and dafu.html from disk): the reply, mounted as a host page
//! mounts one ([`mount_over`]: the seed's snapshot dropped once replaced), and the editor's bar over
//! it — open or drop a file, paste a text, the other language, 下载网页 and 复制HTML片段, 隐去个人信息,
//! the converter's report and header form, 下载JSON. The bar is `src/page.js`, an editor's tool
//! loaded only by the dev page: readers never need it, so none of it is in this wasm (as a Leptos
//! component it cost the app 20 KiB gzipped).
//!
//! The page hands the script, under `Symbol.for("dafu.page")` (once it has run: `with_hook`), the
//! page element and what it cannot have otherwise: the bar's words in both languages (from the one table, [`super::i18n`]), the
//! address the reply came from or the seed's JSON (what 下载网页 renders), the size limit, and
//! `show(json, lang)`, which puts another reply — or the first one again, in another language — in
//! place of the one shown. The script converts texts with the converter module itself (it keeps the
//! report), so the app only ever receives reply JSON from it, parsed and checked like any other.

use std::cell::RefCell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;

use dafu_core::model::{DEFAULT_REPLY_JSON, MAX_JSON_BYTES};

use super::i18n::Text;
use super::mount::{mount_over, with_hook, Mounted};
use super::options::{Lang, Options};
use super::source::ReplySource;

thread_local! {
    /// The reply the page shows now: unmounted when `show` replaces it.
    static SHOWN: RefCell<Option<Mounted>> = const { RefCell::new(None) };
}

/// The bar's words in one language, by the names `src/page.js` reads.
fn words(t: &Text) -> JsValue {
    let object = js_sys::Object::new();
    let (p, s, r) = (&t.page, &t.snapshot_app, &t.privacy);
    for (name, value) in [
        ("openFile", p.open_file),
        ("paste", p.paste),
        ("otherLanguage", p.other_language),
        ("otherLanguageCode", p.other_language_code),
        ("dropHint", p.drop_hint),
        ("pasteLabel", p.paste_label),
        ("convert", p.convert),
        ("converting", p.converting),
        ("converted", p.converted),
        ("fileTooLarge", p.file_too_large),
        ("fileOpened", p.file_opened),
        ("fileUnreadable", p.file_unreadable),
        ("download", p.download),
        ("downloadPage", s.download_page),
        ("copyFragment", s.copy_fragment),
        ("rendering", s.rendering),
        ("downloaded", s.downloaded),
        ("copied", s.copied),
        ("copyByHand", s.copy_by_hand),
        ("fragmentLabel", s.fragment_label),
        ("failed", s.failed),
        ("redact", r.redact),
        ("redactHint", r.redact_hint),
    ] {
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&object, &name.into(), &value.into());
    }
    object.into()
}

/// Shows `source` in `view` in place of the reply shown, in `lang`. What the view held before (the
/// seed's snapshot, once a live reply has replaced it) goes: the page never shows it again.
fn show(view: &web_sys::HtmlElement, source: ReplySource, lang: Lang, timeout_secs: u32) {
    let old = SHOWN.with(|s| s.borrow_mut().take());
    if let Some(old) = old {
        old.unmount();
        view.set_text_content(None);
    }
    let options = Options {
        lang,
        timeout_secs,
        // The first reply's address came from the page's own (`?src=`), checked as such.
        from_address: true,
        ..Options::default()
    };
    let mounted = mount_over(view.clone(), source, options, true);
    SHOWN.with(|s| *s.borrow_mut() = mounted);
}

/// Starts the dev page: mounts `initial` into `view` (over the seed's snapshot when `view` holds it,
/// after the snapshot has been painted) and hands `page` to the bar's script (`src/page.js`).
pub fn start(
    page: &web_sys::HtmlElement,
    view: web_sys::HtmlElement,
    initial: ReplySource,
    timeout_secs: u32,
    over_snapshot: bool,
) {
    let api = js_sys::Object::new();
    let put = |name: &str, value: &JsValue| {
        let _ = js_sys::Reflect::set(&api, &name.into(), value);
    };
    put("zh", &words(Lang::Zh.text()));
    put("en", &words(Lang::En.text()));
    put("maxBytes", &JsValue::from(MAX_JSON_BYTES as f64));
    match &initial {
        ReplySource::Url(url) => put("src", &url.into()),
        _ => put("seed", &DEFAULT_REPLY_JSON.into()),
    }
    let at = view.clone();
    let first = initial.clone();
    // `show(json, lang)`: reply JSON from the bar (a file, a converted text), or none for the page's
    // first reply again; the language as `lang` options are written.
    let replace = Closure::<dyn Fn(JsValue, JsValue)>::new(move |json: JsValue, lang: JsValue| {
        let source = json
            .as_string()
            .map_or_else(|| first.clone(), ReplySource::Json);
        let lang = lang.as_string().map_or(Lang::Zh, |l| Lang::parse(&l));
        show(&at, source, lang, timeout_secs);
    });
    put("show", replace.as_ref());
    // The page lives as long as the document: so does its `show`.
    replace.forget();
    // The bar's script, once it has run (`with_hook`).
    let page = page.clone();
    with_hook("dafu.page", move |hook| {
        if let Some(hook) = hook {
            let _ = hook.call2(&JsValue::NULL, &page, &api);
        }
    });
    // Unless the bar has shown a reply of its own meanwhile.
    let start = move || {
        if SHOWN.with(|s| s.borrow().is_none()) {
            show(&view, initial, Lang::Zh, timeout_secs);
        }
    };
    if over_snapshot {
        // The snapshot is painted first: building the live view takes the main thread for a while, and
        // when the wasm arrives before the page's first paint (a fast or cached load) that would hold
        // the paint back. A frame, then a task, and the snapshot is on screen before the build starts.
        leptos::prelude::request_animation_frame(move || {
            leptos::prelude::set_timeout(start, std::time::Duration::ZERO)
        });
    } else {
        start();
    }
}
