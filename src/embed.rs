//! The JavaScript API an embedding page uses (through `embed/dafu.js`): `mount(element, options)`
//! returning a handle with `unmount()`.

use wasm_bindgen::prelude::*;

use crate::ui::options::{
    or_warn, parse_elder, parse_size, parse_timeout, ClassLabels, Lang, Options, Views,
};
use crate::ui::settings::ReadingStart;
use crate::ui::{mount_into, Mounted, ReplySource};

/// One mounted reply, as JavaScript sees it.
#[wasm_bindgen]
pub struct Handle {
    inner: Option<Mounted>,
}

#[wasm_bindgen]
impl Handle {
    /// Removes the reply view and gives the element back its own content. Calling it twice is harmless.
    pub fn unmount(&mut self) {
        if let Some(m) = self.inner.take() {
            m.unmount();
        }
    }
}

fn field(options: &JsValue, name: &str) -> Option<String> {
    js_sys::Reflect::get(options, &JsValue::from_str(name))
        .ok()?
        .as_string()
}

/// Mounts a reply into `element`. `options` is a plain object: `src` (URL of reply JSON), `reply`
/// (reply JSON text) or `text` (the reply's plain text, converted in the browser); `lang` (`zh`/`en`); `views` (`"header figures sections timeline funding"`);
/// `open` (`"all"` to start with every section open); `mode` (`"elder"` starts in 长辈版); `size`
/// (`"large"`, `"larger"`, `"largest"`: the starting text size); `classLabels`
/// (`"A=name:meaning;B=…"`: the result classes' labels). Neither `src` nor `reply` shows the default reply.
#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, options: JsValue) -> Handle {
    let source = match (
        field(&options, "reply"),
        field(&options, "text"),
        field(&options, "src"),
    ) {
        (Some(json), _, _) => ReplySource::Json(json),
        (None, Some(text), _) => ReplySource::Text(text),
        (None, None, Some(url)) if !url.trim().is_empty() => ReplySource::Url(url),
        _ => ReplySource::Default,
    };
    let opts = Options {
        views: field(&options, "views")
            .map(|v| Views::parse(&v))
            .unwrap_or_default(),
        open_all: field(&options, "open").is_some_and(|o| o.trim() == "all"),
        lang: field(&options, "lang")
            .map(|l| Lang::parse(&l))
            .unwrap_or_default(),
        timeout_secs: field(&options, "timeout")
            .map_or(crate::ui::source::DEFAULT_TIMEOUT_SECS, |t| {
                parse_timeout(&t)
            }),
        elder: ReadingStart {
            elder: field(&options, "mode").is_some_and(|m| parse_elder(&m)),
            size: field(&options, "size").map_or(0, |s| or_warn(parse_size(&s))),
        },
        class_labels: field(&options, "classLabels")
            .map(|l| or_warn(ClassLabels::parse(&l)))
            .unwrap_or_default(),
        // The host's markup or script chose the source: it is not checked (see `origin`).
        from_address: false,
    };
    Handle {
        inner: mount_into(element, source, opts),
    }
}

/// The message every instance shows once dafu has stopped (the panic hook's). The loader reads it at
/// start, so that it can show the same message when a call into the wasm fails in a way no hook sees (a
/// trap): by then nothing in the wasm can be called safely.
#[wasm_bindgen(js_name = internalError)]
pub fn internal_error() -> String {
    crate::ui::options::Lang::Zh
        .text()
        .app
        .internal_error
        .to_owned()
}
