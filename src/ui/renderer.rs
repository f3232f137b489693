//! Making a snapshot of the reply shown (the dev page's "下载网页" and "复制HTML片段"). The renderer is
//! a wasm module of its own (crate `dafu-render`, built by `tools/package.mjs`): it carries leptos'
//! server-side rendering, which readers never need, so the viewer's wasm does not. `src/render-hook.js`
//! (the dev page's `dafu-hooks.js`) or the inlined `dafu.html` puts a function under
//! `Symbol.for("dafu.render")` that loads the module on first use and resolves to the HTML, exactly
//! what `dafu render FILE [--fragment]` prints for the same reply.

use wasm_bindgen::{JsCast, JsValue};

use super::converter::Unavailable;
use super::options::Lang;

/// Renders reply JSON (or, with `src`, the reply JSON the hook fetches from that address, which the
/// page has already opened) to a whole page (`fragment == false`) or its fragment, in `lang`, with
/// personal information hidden when `redact`; loads the renderer module on first use.
pub async fn render(
    json: &str,
    src: Option<&str>,
    fragment: bool,
    lang: Lang,
    redact: bool,
) -> Result<String, Unavailable> {
    let hook = js_sys::Reflect::get(&js_sys::global(), &js_sys::Symbol::for_("dafu.render"))
        .ok()
        .and_then(|h| h.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| Unavailable("no renderer module on this page".to_owned()))?;
    let failed = |e: JsValue| {
        Unavailable(
            e.dyn_ref::<js_sys::Error>()
                .map_or_else(|| format!("{e:?}"), |e| String::from(e.message())),
        )
    };
    let options = js_sys::Object::new();
    // Setting a property on a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(&options, &"fragment".into(), &fragment.into());
    let code = if lang == Lang::En { "en" } else { "zh" };
    let _ = js_sys::Reflect::set(&options, &"lang".into(), &code.into());
    let _ = js_sys::Reflect::set(&options, &"redact".into(), &redact.into());
    if let Some(src) = src {
        let _ = js_sys::Reflect::set(&options, &"src".into(), &src.into());
    }
    let promise = hook
        .call2(&JsValue::NULL, &JsValue::from_str(json), &options)
        .map_err(failed)?;
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&promise))
        .await
        .map_err(failed)?
        .as_string()
        .ok_or_else(|| Unavailable("the renderer returned no HTML".to_owned()))
}
