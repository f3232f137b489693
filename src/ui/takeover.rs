//! dafu over its snapshot: a page that already shows a reply as static HTML (`dafu render`, marked
//! `data-dafu-snapshot`) keeps showing it until the live view is ready, then the two are swapped in one
//! frame, with the window's scroll kept, so the reader sees no jump. The snapshot is only hidden, never
//! changed: it stays the page's content if the wasm never loads or the reply cannot be shown, and comes
//! back on unmount.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Marks the root element of a snapshot (`dafu::snapshot`'s markup contract).
pub const SNAPSHOT_ATTRIBUTE: &str = "data-dafu-snapshot";

/// The snapshot `host` is, or the first one it holds.
pub fn snapshot_in(host: &web_sys::Element) -> Option<web_sys::HtmlElement> {
    let found = if host.has_attribute(SNAPSHOT_ATTRIBUTE) {
        Some(host.clone())
    } else {
        host.query_selector(&format!("[{SNAPSHOT_ATTRIBUTE}]"))
            .ok()
            .flatten()
    };
    found.and_then(|e| e.dyn_into().ok())
}

/// In the next animation frame (after the live view's pending updates, before the frame is painted):
/// shows `live`, then hides each of `old` (or removes it, when `remove`), and scrolls the window back
/// to where it was before, as one change.
pub fn swap_next_frame(live: web_sys::HtmlElement, old: Vec<web_sys::HtmlElement>, remove: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let swap = Closure::once_into_js(move || {
        let Some(window) = web_sys::window() else {
            return;
        };
        // Read before anything changes: once the old content is hidden, the page may be shorter for a
        // moment, and the browser would clamp the scroll to it.
        let (x, y) = (
            window.scroll_x().unwrap_or_default(),
            window.scroll_y().unwrap_or_default(),
        );
        live.set_hidden(false);
        for element in old {
            if remove {
                element.remove();
            } else {
                element.set_hidden(true);
            }
        }
        window.scroll_to_with_x_and_y(x, y);
    });
    let _ = window.request_animation_frame(swap.unchecked_ref());
}
