//! The converter (`dafu_core::parse::convert`) as a wasm module of its own, with what only editors
//! need around it: reading a text file's bytes (`decode`, shared with the CLI), the editor's
//! corrections of the header facts, and the converter report and header form worded in the
//! interface's language (`report`). The viewer's wasm carries none of it: readers never convert, so
//! they never download it; the page loads this module the first time a text is converted (pasted
//! text, a `.txt` file, `data-dafu-text`, `dafu.convert`). Natively (an rlib) it is what the CLI
//! converts and decodes with, so the page and `dafu convert` give the same bytes.

pub mod decode;
pub mod report;
// The report's words live with the interface's other words (src/ui/i18n/); only this module uses them.
#[path = "../../../src/ui/i18n/editor.rs"]
pub mod words;

use dafu_core::parse::{Conversion, Correction, Field};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::decode::Encoding;

/// Converts a reply's text as `dafu convert` does: the converter, the personal data it holds (masked
/// when `redact`), then the editor's corrections in order (`--set`), each refused one a diagnostic.
pub fn conversion(text: &str, redact: bool, corrections: &[Correction]) -> Conversion {
    let mut c = dafu_core::privacy::convert(text, redact);
    dafu_core::parse::correct::apply(&mut c, corrections);
    c
}

/// The reply JSON exactly as `dafu convert` prints it: pretty, then one newline.
pub fn json_of(c: &Conversion) -> String {
    format!("{}\n", c.reply.to_json())
}

fn get(object: &JsValue, name: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn set(object: &Object, name: &str, value: &JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(object, &JsValue::from_str(name), value);
}

/// The corrections in `options.set`: `[[key, value], …]`, keys as `--set` takes them; unknown keys
/// are passed over.
fn corrections(options: &JsValue) -> Vec<Correction> {
    let list = get(options, "set");
    if !Array::is_array(&list) {
        return Vec::new();
    }
    Array::from(&list)
        .iter()
        .filter_map(|pair| {
            let pair = Array::from(&pair);
            let field = Field::from_key(&pair.get(0).as_string()?)?;
            Some(Correction {
                field,
                value: pair.get(1).as_string().unwrap_or_default(),
            })
        })
        .collect()
}

/// GB18030 by the browser's `TextDecoder` (`fatal`: `None` at the first error), the decoder
/// [`decode::decode_with`] is given in the browser.
fn browser_gb18030(bytes: &[u8]) -> Option<String> {
    let class = Reflect::get(&js_sys::global(), &JsValue::from_str("TextDecoder"))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let options = Object::new();
    set(&options, "fatal", &JsValue::TRUE);
    let args = Array::of2(&JsValue::from_str("gb18030"), &options);
    let decoder = Reflect::construct(&class, &args).ok()?;
    let decode = Reflect::get(&decoder, &JsValue::from_str("decode"))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let view = js_sys::Uint8Array::from(bytes);
    decode.call1(&decoder, &view).ok()?.as_string()
}

fn encoding_name(e: Encoding) -> &'static str {
    match e {
        Encoding::Utf8 => "utf-8",
        Encoding::Utf16Le => "utf-16le",
        Encoding::Utf16Be => "utf-16be",
        Encoding::Gb18030 => "gb18030",
        Encoding::Lossy => "lossy",
    }
}

/// Converts a reply's text, given as a string or as a file's bytes (`Uint8Array`, `ArrayBuffer`:
/// decoded by the CLI's rule, [`decode::decode_with`], GB18030 by the browser's decoder).
///
/// `options` (all optional): `redact` (mask personal data, `dafu convert --redact`), `lang` (`"zh"`,
/// `"en"`: the report's language), `set` (`[[key, value], …]`, the header corrections of
/// `dafu convert --set key=value`), `report` (make `report` and `form`). A boolean instead of
/// `options` is `redact`, as before.
///
/// Resolves to `{ json, diagnostics: [{ line, message }], fileName, report, form, issues, encoding,
/// text }`: `json` is exactly what `dafu convert` prints for the same text and options; `message` is
/// the CLI's English; `report` and `form` (when asked for) are the dev page's report and header
/// form as markup in `lang`, everything from the text escaped; `fileName` the download's name (文号, else title);
/// `text` the decoded text when bytes were given.
#[wasm_bindgen]
pub fn convert(input: JsValue, options: JsValue) -> JsValue {
    let (text, encoding, decoded) = if let Some(s) = input.as_string() {
        (s, Encoding::Utf8, false)
    } else {
        let bytes = if let Some(b) = input.dyn_ref::<js_sys::ArrayBuffer>() {
            js_sys::Uint8Array::new(b).to_vec()
        } else if let Some(b) = input.dyn_ref::<js_sys::Uint8Array>() {
            b.to_vec()
        } else {
            Vec::new()
        };
        let d = decode::decode_with(&bytes, browser_gb18030);
        (d.text, d.encoding, true)
    };
    let redact = options
        .as_bool()
        .unwrap_or_else(|| get(&options, "redact").is_truthy());
    let words = if get(&options, "lang").as_string().as_deref() == Some("en") {
        &words::EN
    } else {
        &words::ZH
    };
    let c = conversion(&text, redact, &corrections(&options));
    let diagnostics: Array = c
        .diagnostics
        .iter()
        .map(|d| {
            let item = Object::new();
            set(&item, "line", &JsValue::from(d.line as f64));
            set(&item, "message", &d.message().into());
            JsValue::from(item)
        })
        .collect();
    let out = Object::new();
    set(&out, "json", &json_of(&c).into());
    set(&out, "diagnostics", &diagnostics.into());
    set(&out, "fileName", &report::file_name(&c.reply).into());
    // Only the dev page shows them; `dafu.convert` and `data-dafu-text` need the JSON alone.
    if get(&options, "report").is_truthy() {
        let html = report::report_html(&c, encoding, words);
        set(&out, "report", &html.into());
        set(&out, "form", &report::form_html(&c.reply, words).into());
    }
    set(&out, "issues", &JsValue::from(c.diagnostics.len() as f64));
    set(&out, "encoding", &encoding_name(encoding).into());
    if decoded {
        set(&out, "text", &text.into());
    }
    out.into()
}
