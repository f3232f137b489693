//! The snapshot renderer (`dafu::snapshot::render`) as a wasm module of its own. The viewer's wasm does
//! not carry it: only the dev page's "下载网页" and "复制HTML片段" make snapshots, so readers never
//! download it; `src/render-hook.js` loads this module the first time a snapshot is made.
//!
//! [`snapshot`] is the one path from reply JSON to HTML, shared with the tests: the same steps as
//! `dafu render FILE [--fragment]`, so the page saves and copies exactly what the CLI prints.

use wasm_bindgen::prelude::*;

use dafu::snapshot::{render as render_html, SnapshotOptions};
use dafu::ui::Lang;
use dafu_core::model::Reply;

/// Renders reply JSON as the CLI does: the whole page, or only the fragment; `lang` is `zh` or `en`;
/// `redact` renders the reply with personal information hidden (the page's "隐去个人信息"). Reply JSON
/// that does not load gives the load error's message (every problem with its path).
pub fn snapshot(json: &str, fragment: bool, lang: &str, redact: bool) -> Result<String, String> {
    let reply = Reply::from_json(json).map_err(|e| e.to_string())?;
    let reply = if redact { redacted(reply) } else { reply };
    let options = SnapshotOptions {
        lang: Lang::parse(lang),
        whole_page: !fragment,
        src: None,
    };
    Ok(render_html(&reply, &options))
}

/// The reply with personal information hidden, as the page shows it when "隐去个人信息" is checked.
fn redacted(mut reply: Reply) -> Reply {
    dafu_core::privacy::redact_reply(&mut reply);
    reply
}

/// [`snapshot`] for the page: the HTML text, or an error with the reason.
#[wasm_bindgen]
pub fn render(json: &str, fragment: bool, lang: &str, redact: bool) -> Result<String, JsError> {
    snapshot(json, fragment, lang, redact).map_err(|e| JsError::new(&e))
}
