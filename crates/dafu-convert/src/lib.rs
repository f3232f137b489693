//! The converter (`dafu_core::parse::convert`) as a wasm module of its own. The viewer's wasm does not
//! carry it: readers never convert, so they never download it; the page loads this module the first
//! time a text is converted (pasted text, a `.txt` file, `data-dafu-text`, `dafu.convert`).

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

/// Converts a reply's text: `{ json, diagnostics: [{ line, message }] }`, where `json` is exactly what
/// `dafu convert` prints for the same text (`dafu convert --redact` when `redact` is true) and the
/// diagnostics are the converter's, then the personal data the text holds (`dafu_core::privacy`).
/// `redact` may be left out (false).
#[wasm_bindgen]
pub fn convert(text: &str, redact: Option<bool>) -> JsValue {
    let conversion = dafu_core::privacy::convert(text, redact.unwrap_or(false));
    let diagnostics: Array = conversion
        .diagnostics
        .iter()
        .map(|d| {
            let item = Object::new();
            // Setting a property on a fresh plain object cannot fail.
            let _ = Reflect::set(&item, &"line".into(), &JsValue::from(d.line as f64));
            let _ = Reflect::set(&item, &"message".into(), &d.message.as_str().into());
            JsValue::from(item)
        })
        .collect();
    let out = Object::new();
    let json = format!("{}\n", conversion.reply.to_json());
    let _ = Reflect::set(&out, &"json".into(), &json.into());
    let _ = Reflect::set(&out, &"diagnostics".into(), &diagnostics.into());
    out.into()
}
