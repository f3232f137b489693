//! Converting a reply's text in the browser. The converter is a wasm module of its own (crate
//! `dafu-convert`, built next to the app by `tools/package.mjs`): readers never convert, so the
//! viewer's wasm does not carry it. `src/convert-hook.js` (at the head of `dafu.js`, and the dev page's
//! `dafu-hooks.js`) or the inlined `dafu.html` puts a function under `Symbol.for("dafu.convert")`
//! that loads the module on first use and resolves to `{ json, diagnostics }` (a second argument
//! `{ redact: true }` masks personal data in the JSON); a symbol, so dafu still defines no global name
//! but `dafu`, and no element of the page can stand in for it.

use dafu_core::parse::Diagnostic;
use wasm_bindgen::{JsCast, JsValue};

/// What the converter made of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Converted {
    /// The reply JSON, exactly as `dafu convert` prints it.
    pub json: String,
    /// What the converter did not understand or had to guess, with its line.
    pub diagnostics: Vec<Diagnostic>,
}

/// Why a text could not be converted: the converter module is missing or failed to load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unavailable(pub String);

fn field(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// Converts `text` with the converter module, loading it on first use.
pub async fn convert(text: &str) -> Result<Converted, Unavailable> {
    convert_redacting(text, false).await
}

/// Converts `text` as [`convert`] does; with `redact`, the JSON has its personal data masked
/// (`dafu convert --redact`). The diagnostics list the personal data either way.
pub async fn convert_redacting(text: &str, redact: bool) -> Result<Converted, Unavailable> {
    let hook = js_sys::Reflect::get(&js_sys::global(), &js_sys::Symbol::for_("dafu.convert"))
        .ok()
        .and_then(|h| h.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| Unavailable("no converter module on this page".to_owned()))?;
    let failed = |e: JsValue| {
        Unavailable(
            e.dyn_ref::<js_sys::Error>()
                .map_or_else(|| format!("{e:?}"), |e| String::from(e.message())),
        )
    };
    let options = js_sys::Object::new();
    // Setting a property on a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(
        &options,
        &JsValue::from_str("redact"),
        &JsValue::from(redact),
    );
    let promise = hook
        .call2(&JsValue::NULL, &JsValue::from_str(text), &options)
        .map_err(failed)?;
    let result = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&promise))
        .await
        .map_err(failed)?;
    let json = field(&result, "json")
        .as_string()
        .ok_or_else(|| Unavailable("the converter returned no JSON".to_owned()))?;
    let diagnostics = js_sys::Array::from(&field(&result, "diagnostics"))
        .iter()
        .map(|d| Diagnostic {
            // A line number from our own converter: small, whole and non-negative.
            line: field(&d, "line").as_f64().map_or(0, |l| l as usize),
            message: field(&d, "message").as_string().unwrap_or_default(),
        })
        .collect();
    Ok(Converted { json, diagnostics })
}
