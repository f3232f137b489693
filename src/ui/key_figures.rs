//! The strip of headline numbers; each opens its section and shows the number in its sentence.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use dafu_core::model::{Figure, MoneyRole};

use super::block_text::push_escaped;
use super::fill::Seen;
use super::viewer::Viewer;

/// The most figures the strip shows, however many the reply marks as key: the strip is built at once,
/// and every figure is one click away in the full list, which is drawn in slices.
pub const MAX_KEY_FIGURES: usize = 12;

/// Scrolls to the element with this id and moves the focus there, without following a link: a jump
/// inside dafu never changes the host page's address or its history (a single-page host app reads
/// both).
fn jump_to(id: &str) {
    let Some(target) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    if !target.has_attribute("tabindex") {
        let _ = target.set_attribute("tabindex", "-1");
    }
    let _ = target.focus();
    target.scroll_into_view();
}

/// Appends one number as a list item: a button that reveals its sentence (its figure's id in
/// `data-dafu-figure`, read by the strip's one listener), or in the snapshot a link to the sentence
/// (the browser opens the section around it).
fn push_figure(out: &mut String, viewer: &Viewer, figure: &Figure, small: bool) {
    out.push_str(if small {
        "<li class=\"dafu-figures__item dafu-figures__item--small\">"
    } else {
        "<li class=\"dafu-figures__item\">"
    });
    #[cfg(feature = "snapshot")]
    let still = viewer.mode.is_snapshot();
    #[cfg(not(feature = "snapshot"))]
    let still = {
        let _ = viewer;
        false
    };
    if still {
        #[cfg(feature = "snapshot")]
        {
            out.push_str("<a class=\"dafu-figures__button\" href=\"");
            push_escaped(out, &viewer.href_of(&figure.at.block, Some(&figure.id)));
            out.push_str("\">");
        }
    } else {
        out.push_str("<button type=\"button\" class=\"dafu-figures__button\" data-dafu-figure=\"");
        push_escaped(out, &figure.id);
        out.push_str("\">");
    }
    out.push_str("<span class=\"dafu-figures__value\">");
    push_escaped(out, &figure.written);
    // In the snapshot a space keeps value and label apart where the stylesheet is dropped.
    out.push_str(if still { "</span> " } else { "</span>" });
    out.push_str("<span class=\"dafu-figures__label\">");
    push_escaped(out, figure.label.as_deref().unwrap_or_default());
    out.push_str(if still {
        "</span></a></li>"
    } else {
        "</span></button></li>"
    });
}

/// What a click in the figures chose: a figure (by its id), or the funding total's link.
fn clicked(ev: &web_sys::MouseEvent) -> Option<Result<String, ()>> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let button = target.closest(".dafu-figures__button").ok()??;
    Some(button.get_attribute("data-dafu-figure").ok_or(()))
}

/// Shows the reply's headline numbers and the exact funding total; every other figure is one click
/// away. Escaped markup with one listener (no JavaScript handle per figure).
#[component]
pub fn KeyFigures(
    /// The reply's shared state.
    viewer: Viewer,
) -> impl IntoView {
    let reply = viewer.reply.clone();
    let mut key = String::new();
    for f in reply.key_figures().into_iter().take(MAX_KEY_FIGURES) {
        push_figure(&mut key, &viewer, f, false);
    }
    let (funding_id, funding_href) = (viewer.ids.of("funding"), viewer.ids.href("funding"));
    if let Some(t) = reply.total_funding_wan_yuan() {
        key.push_str("<li class=\"dafu-figures__item\"><a class=\"dafu-figures__button dafu-figures__button--total\" href=\"");
        push_escaped(&mut key, &funding_href);
        key.push_str("\"><span class=\"dafu-figures__value\">");
        push_escaped(&mut key, &viewer.t.wan(t));
        key.push_str("</span><span class=\"dafu-figures__label\">");
        let label = viewer
            .t
            .role_total(MoneyRole::Allocated, reply.allocated_word());
        push_escaped(&mut key, label);
        key.push_str("</span></a></li>");
    }
    let all_id = viewer.ids.of("figures-all");
    let all = {
        let viewer = viewer.clone();
        viewer.fill.markup(
            all_id.clone(),
            reply.figures.len(),
            Seen::Later,
            move |i, out| {
                if let Some(f) = viewer.reply.figures.get(i) {
                    push_figure(out, &viewer, f, true);
                }
            },
        )
    };
    let count = reply.figures.len();
    let title_id = viewer.ids.of("figures-title");
    let click = {
        let viewer = viewer.clone();
        move |ev: web_sys::MouseEvent| match clicked(&ev) {
            Some(Ok(id)) => {
                if let Some(f) = viewer.reply.figures.iter().find(|f| f.id == id) {
                    viewer.reveal(&f.at.block, Some(&f.id));
                }
            }
            // The total: a jump inside dafu, not a link followed.
            Some(Err(())) => {
                ev.prevent_default();
                jump_to(&funding_id);
            }
            None => {}
        }
    };
    (!key.is_empty() || count > 0).then(|| {
        view! {
            <section class="dafu-figures" aria-labelledby=viewer.region_label(&title_id) on:click=click>
                <h2 class="dafu-figures__title" id=title_id.clone()>{viewer.t.figures.heading}</h2>
                <ul class="dafu-figures__strip" inner_html=key></ul>
                {(count > 0).then(|| view! {
                    <details class="dafu-figures__all" on:keydown=move |ev| super::keys::close_details_on_escape(&ev)>
                        <summary class="dafu-figures__more">{viewer.t.all_figures(count)}</summary>
                        <ul class="dafu-figures__strip dafu-figures__strip--all" id=all_id inner_html=all></ul>
                    </details>
                })}
            </section>
        }
    })
}
