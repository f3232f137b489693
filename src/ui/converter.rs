//! Converting a reply's text in the browser. The converter is a wasm module of its own (crate
//! `dafu-convert`, built next to the app by `tools/package.mjs`): readers never convert, so the
//! viewer's wasm does not carry it. `src/convert-hook.js` (at the head of `dafu.js`, and the dev page's
//! `dafu-hooks.js`) or the inlined `dafu.html` puts a function under `Symbol.for("dafu.convert")`
//! that loads the module on first use and resolves to what the module's `convert` returns; a symbol,
//! so dafu still defines no global name but `dafu`, and no element of the page can stand in for it.
//! The module also decodes a file's bytes (as the CLI does), applies the editor's header
//! corrections, and words the dev page's report and form, so none of that is in this wasm either.

use wasm_bindgen::{JsCast, JsValue};

/// Why a text could not be converted: the converter module is missing or failed to load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unavailable(pub String);

/// Converts `text` with the converter module, loading it on first use: the reply JSON, exactly as
/// `dafu convert` prints it. (The dev page's bar, `src/page.js`, calls the module itself for the
/// report, the header form, redaction and corrections.)
pub async fn convert(text: &str) -> Result<String, Unavailable> {
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
    let promise = hook
        .call2(
            &JsValue::NULL,
            &JsValue::from_str(text),
            &js_sys::Object::new(),
        )
        .map_err(failed)?;
    let result = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&promise))
        .await
        .map_err(failed)?;
    js_sys::Reflect::get(&result, &JsValue::from_str("json"))
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| Unavailable("the converter returned no JSON".to_owned()))
}
