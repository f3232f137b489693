//! Converting a reply's text in the browser. The converter is a wasm module of its own (crate
//! `dafu-convert`, built next to the app by `tools/package.mjs`): readers never convert, so the
//! viewer's wasm does not carry it. `src/convert-hook.js` (at the head of `dafu.js`, and the dev page's
//! `dafu-hooks.js`) or the inlined `dafu.html` puts a function under `Symbol.for("dafu.convert")`
//! that loads the module on first use and resolves to what the module's `convert` returns; a symbol,
//! so dafu still defines no global name but `dafu`, and no element of the page can stand in for it.
//! The module also decodes a file's bytes (as the CLI does), applies the editor's header
//! corrections, and words the dev page's report and form, so none of that is in this wasm either.

use wasm_bindgen::{JsCast, JsValue};

use super::options::Lang;

/// What the converter made of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Converted {
    /// The reply JSON, exactly as `dafu convert` (with the same `--redact` and `--set`) prints it.
    pub json: String,
    /// The name the downloaded JSON takes (文号, else title).
    pub file_name: String,
    /// The converter report as markup, worded in the interface's language, the text escaped.
    pub report: String,
    /// The header form as markup, filled with the reply's values.
    pub form: String,
}

/// Why a text could not be converted: the converter module is missing or failed to load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unavailable(pub String);

fn field(object: &JsValue, name: &str) -> String {
    js_sys::Reflect::get(object, &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Converts `text` with the converter module, loading it on first use (the JSON only: no report).
pub async fn convert(text: &str) -> Result<Converted, Unavailable> {
    call(&JsValue::from_str(text), false, Lang::Zh, &[], false).await
}

/// Converts `input` (a string, or a file's bytes as a `Uint8Array`) as [`convert`] does; with
/// `redact`, the JSON has its personal data masked (`dafu convert --redact`); `set` are header
/// corrections `(key, value)` (`dafu convert --set key=value`); the report and the header form are
/// made, worded in `lang`.
pub async fn convert_with(
    input: &JsValue,
    redact: bool,
    lang: Lang,
    set: &[(String, String)],
) -> Result<Converted, Unavailable> {
    call(input, redact, lang, set, true).await
}

async fn call(
    input: &JsValue,
    redact: bool,
    lang: Lang,
    set: &[(String, String)],
    report: bool,
) -> Result<Converted, Unavailable> {
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
    let put = |name: &str, value: &JsValue| {
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str(name), value);
    };
    put("redact", &JsValue::from(redact));
    put(
        "lang",
        &JsValue::from_str(if lang == Lang::En { "en" } else { "zh" }),
    );
    let pairs: js_sys::Array = set
        .iter()
        .map(|(k, v)| js_sys::Array::of2(&JsValue::from_str(k), &JsValue::from_str(v)))
        .collect();
    put("set", &pairs);
    put("report", &JsValue::from(report));
    let promise = hook
        .call2(&JsValue::NULL, input, &options)
        .map_err(failed)?;
    let result = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&promise))
        .await
        .map_err(failed)?;
    let json = js_sys::Reflect::get(&result, &JsValue::from_str("json"))
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| Unavailable("the converter returned no JSON".to_owned()))?;
    Ok(Converted {
        json,
        file_name: field(&result, "fileName"),
        report: field(&result, "report"),
        form: field(&result, "form"),
    })
}
