//! The strip of headline numbers; each opens its section and shows the number in its sentence.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use dafu_core::model::{Figure, MoneyRole};

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

/// One number as a button that reveals its sentence.
#[component]
fn FigureButton(
    /// The reply's shared state.
    viewer: Viewer,
    /// The figure shown.
    figure: Figure,
) -> impl IntoView {
    let label = figure.label.clone().unwrap_or_default();
    let (block, fact) = (figure.at.block.clone(), figure.id.clone());
    let mode = viewer.mode;
    // The snapshot's figure is a link to its sentence (the browser opens the section around it).
    #[cfg(feature = "snapshot")]
    let still = {
        let href = viewer.href_of(&block, Some(&fact));
        let (written, label) = (figure.written.clone(), label.clone());
        move || {
            view! {
                // The space keeps value and label apart where the stylesheet is dropped.
                <a class="dafu-figures__button" href=href>
                    <span class="dafu-figures__value">{written}</span>
                    " "
                    <span class="dafu-figures__label">{label}</span>
                </a>
            }
        }
    };
    super::viewer::live_or_still!(
        mode,
        still(),
        view! {
            <button type="button" class="dafu-figures__button" on:click=move |_| viewer.reveal(&block, Some(&fact))>
                <span class="dafu-figures__value">{figure.written}</span>
                <span class="dafu-figures__label">{label}</span>
            </button>
        }
    )
}

/// Shows the reply's headline numbers and the exact funding total; every other figure is one click away.
#[component]
pub fn KeyFigures(
    /// The reply's shared state.
    viewer: Viewer,
) -> impl IntoView {
    let reply = viewer.reply.clone();
    let button = |f: &Figure| view! { <FigureButton viewer=viewer.clone() figure=f.clone() /> };
    let key = reply
        .key_figures()
        .into_iter()
        .take(MAX_KEY_FIGURES)
        .map(|f| view! { <li class="dafu-figures__item">{button(f)}</li> })
        .collect_view();
    let all_viewer = viewer.clone();
    let all = viewer
        .fill
        .slices(reply.figures.clone(), Seen::Later, move |f: Figure| {
            view! {
                <li class="dafu-figures__item dafu-figures__item--small">
                    <FigureButton viewer=all_viewer.clone() figure=f />
                </li>
            }
        });
    let (funding_id, funding_href) = (viewer.ids.of("funding"), viewer.ids.href("funding"));
    let total = reply.total_funding_wan_yuan().map(|t| {
        view! {
            <li class="dafu-figures__item">
                <a
                    class="dafu-figures__button dafu-figures__button--total"
                    href=funding_href
                    on:click=move |ev| {
                        ev.prevent_default();
                        jump_to(&funding_id);
                    }
                >
                    <span class="dafu-figures__value">{viewer.t.wan(t)}</span>
                    <span class="dafu-figures__label">{viewer.t.role_total(MoneyRole::Allocated, reply.allocated_word())}</span>
                </a>
            </li>
        }
    });
    let count = reply.figures.len();
    let title_id = viewer.ids.of("figures-title");
    (count > 0 || total.is_some()).then(|| {
        view! {
            <section class="dafu-figures" aria-labelledby=viewer.region_label(&title_id)>
                <h2 class="dafu-figures__title" id=title_id.clone()>{viewer.t.figures.heading}</h2>
                <ul class="dafu-figures__strip">{key}{total}</ul>
                {(count > 0).then(|| view! {
                    <details class="dafu-figures__all" on:keydown=move |ev| super::keys::close_details_on_escape(&ev)>
                        <summary class="dafu-figures__more">{viewer.t.all_figures(count)}</summary>
                        <ul class="dafu-figures__strip dafu-figures__strip--all">{all}</ul>
                    </details>
                })}
            </section>
        }
    })
}
