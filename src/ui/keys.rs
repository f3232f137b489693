//! Keyboard handling shared by views: moving between accordion headers, closing disclosures on Escape.

use wasm_bindgen::JsCast;

/// Moves focus between accordion headers with the APG's optional keys (↑ ↓ Home End).
pub fn focus_sibling_header(ev: &leptos::ev::KeyboardEvent) {
    let key = ev.key();
    if !matches!(key.as_str(), "ArrowDown" | "ArrowUp" | "Home" | "End") {
        return;
    }
    // Caught on the accordion: the key was pressed on a heading's button, or on nothing of ours.
    let Some(button) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .filter(|t| t.class_list().contains("dafu-accordion__button"))
    else {
        return;
    };
    let Some(root) = button.closest(".dafu-accordion").ok().flatten() else {
        return;
    };
    let Ok(list) = root.query_selector_all(".dafu-accordion__button") else {
        return;
    };
    let buttons: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .collect();
    let Some(here) = buttons.iter().position(|b| b.is_same_node(Some(&button))) else {
        return;
    };
    let last = buttons.len().saturating_sub(1);
    let target = match key.as_str() {
        "ArrowDown" => {
            if here == last {
                0
            } else {
                here + 1
            }
        }
        "ArrowUp" => {
            if here == 0 {
                last
            } else {
                here - 1
            }
        }
        "Home" => 0,
        _ => last,
    };
    if let Some(b) = buttons.get(target) {
        ev.prevent_default();
        let _ = b.focus();
    }
}

/// Closes an open `<details>` on Escape and puts focus back on its summary, as for a popover.
pub fn close_details_on_escape(ev: &leptos::ev::KeyboardEvent) {
    if ev.key() != "Escape" {
        return;
    }
    let Some(details) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
    else {
        return;
    };
    if details.open() {
        ev.prevent_default();
        details.set_open(false);
        if let Some(summary) = details
            .query_selector("summary")
            .ok()
            .flatten()
            .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = summary.focus();
        }
    }
}
