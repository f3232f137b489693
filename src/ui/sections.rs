//! The reply's sections as an accordion (WAI-ARIA APG accordion pattern, GOV.UK "show all").

use std::fmt::Write as _;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use dafu_core::model::{Section, TextId};

use super::block_text::{blocks_html, escaped, fact_html, push_blocks_html, push_escaped};
use super::fill::{Fill, Seen, SLICE};
use super::keys::focus_sibling_header;
use super::read_aloud::{press, pressed_row, reserve, section_row_html, stop};
use super::viewer::Viewer;

/// Which sections are open, shared with views that open a section from elsewhere (facts, timeline).
///
/// One signal per section, so toggling one section re-renders that section only (a single signal over
/// all of them made a toggle cost grow with the reply: 91 ms for 500 sections), and a count of open
/// sections so "show all" knows its state without reading every signal.
///
/// It also holds what is drawn yet (see [`Fill`]): the headings, [`SLICE`] to a part, and each
/// section's blocks; opening a section, or all of them, draws what it opens. These lists are made
/// whole here, one entry per section (per slice of sections for the headings).
#[derive(Clone, Copy)]
pub struct OpenSections {
    each: StoredValue<Vec<RwSignal<bool>>>,
    open_count: RwSignal<usize>,
    drawn: StoredValue<Vec<RwSignal<bool>>>,
    headings: StoredValue<Vec<RwSignal<bool>>>,
}

impl OpenSections {
    /// `count` sections, all closed or all open, none drawn yet (the [`Sections`] view registers
    /// them with the fill in document order).
    pub fn new(count: usize, open: bool) -> Self {
        let each = (0..count).map(|_| RwSignal::new(open)).collect();
        let drawn = (0..count).map(|_| RwSignal::new(false)).collect();
        let headings = (0..count.div_ceil(SLICE))
            .map(|_| RwSignal::new(false))
            .collect();
        Self {
            each: StoredValue::new(each),
            open_count: RwSignal::new(if open { count } else { 0 }),
            drawn: StoredValue::new(drawn),
            headings: StoredValue::new(headings),
        }
    }

    /// Whether section `i`'s blocks are drawn.
    fn drawn(self, i: usize) -> Option<RwSignal<bool>> {
        self.drawn.with_value(|d| d.get(i).copied())
    }

    /// Whether the headings of the slice of sections that holds section `i` are drawn.
    fn headings(self, i: usize) -> Option<RwSignal<bool>> {
        self.headings.with_value(|h| h.get(i / SLICE).copied())
    }

    fn signal(self, i: usize) -> Option<RwSignal<bool>> {
        self.each.with_value(|v| v.get(i).copied())
    }

    /// Is section `i` open?
    pub fn is_open(self, i: usize) -> bool {
        self.signal(i).is_some_and(|s| s.get())
    }

    /// Opens or closes section `i`.
    pub fn set(self, i: usize, open: bool) {
        let Some(s) = self.signal(i) else { return };
        if open {
            for drawn in [self.headings(i), self.drawn(i)].into_iter().flatten() {
                Fill::draw(drawn);
            }
        }
        if s.get_untracked() != open {
            s.set(open);
            self.open_count
                .update(|n| *n = if open { *n + 1 } else { n.saturating_sub(1) });
        }
    }

    /// Are all sections open?
    pub fn all_open(self) -> bool {
        self.open_count.get() == self.each.with_value(Vec::len)
    }

    /// Opens or closes every section.
    pub fn set_all(self, open: bool) {
        // Opening everything while a big reply is still being drawn draws every section now, so no
        // open panel waits for the fill to reach it.
        if open {
            self.headings
                .with_value(|h| h.iter().copied().for_each(Fill::draw));
            self.drawn
                .with_value(|d| d.iter().copied().for_each(Fill::draw));
        }
        self.each.with_value(|v| {
            for s in v.iter().filter(|s| s.get_untracked() != open) {
                s.set(open);
            }
        });
        self.open_count.set(if open {
            self.each.with_value(Vec::len)
        } else {
            0
        });
    }
}

/// What a section shows: open or closed, its blocks drawn or not.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Shown {
    open: bool,
    drawn: bool,
}

/// The sections drawn through `inner_html`, a slice at a time, with one effect per section that
/// follows its state: a page of 100,000 sections drawn as elements, attributes and listeners held a
/// JavaScript handle for each (84 a section), and a browser's table of handles (at most 10,000,000)
/// ran out before the last one. Events are caught once, on the accordion.
struct Drawing {
    viewer: Viewer,
    /// Section `i`'s 朗读本节 reader is number `readers + i`.
    readers: u32,
}

impl Drawing {
    /// Appends section `i`'s markup as it is `shown`.
    fn push_html(&self, out: &mut String, i: usize, shown: Shown) {
        let viewer = &self.viewer;
        let Some(section) = viewer.reply.sections.get(i) else {
            return;
        };
        let ids = &viewer.ids;
        let button_id = escaped(&ids.heading(&section.id));
        let panel_id = escaped(&ids.reply(&section.id));
        let anchor = TextId::Heading(&section.id).to_string();
        let _ = write!(
            out,
            "<div class=\"dafu-accordion__section{}\" data-dafu-i=\"{i}\"><h2 class=\"dafu-accordion__heading\">\
             <button type=\"button\" class=\"dafu-accordion__button\" id=\"{button_id}\" aria-expanded=\"{}\" \
             aria-controls=\"{panel_id}\"><span class=\"dafu-accordion__numeral\">",
            if shown.open { " dafu-accordion__section--open" } else { "" },
            shown.open,
        );
        push_escaped(out, &section.numeral);
        let _ = write!(
            out,
            "</span><span class=\"dafu-accordion__title\" id=\"{}\">{}</span>\
             <span class=\"dafu-accordion__icon\" aria-hidden=\"true\"></span></button></h2>\
             <div class=\"dafu-accordion__panel\" id=\"{panel_id}\" role=\"region\" aria-labelledby=\"{button_id}\"{}>",
            escaped(&ids.reply(&anchor)),
            title_html(viewer, section, &anchor),
            if shown.open { "" } else { " hidden=\"until-found\"" },
        );
        if shown.open {
            out.push_str(&section_row_html(viewer, self.reader(i)));
        }
        if shown.drawn {
            push_blocks_html(out, viewer, &section.blocks);
        }
        out.push_str("</div></div>");
    }

    fn reader(&self, i: usize) -> u32 {
        self.readers
            .saturating_add(u32::try_from(i).unwrap_or(u32::MAX))
    }

    /// Section `i` as it is now (read without tracking).
    fn shown(&self, i: usize) -> Shown {
        let open = self.viewer.open;
        Shown {
            open: open.signal(i).is_some_and(|s| s.get_untracked()),
            drawn: open.drawn(i).is_some_and(|d| d.get_untracked()),
        }
    }

    /// Changes the drawn section `i` from `was` to `now`: its heading's state, its panel's `hidden`,
    /// its 朗读本节 row (there while it is open: closing stops its reading) and its blocks.
    fn apply(&self, i: usize, was: Shown, now: Shown) {
        let viewer = &self.viewer;
        let Some(section) = viewer.reply.sections.get(i) else {
            return;
        };
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Some(panel) = document.get_element_by_id(&viewer.ids.reply(&section.id)) else {
            return;
        };
        if now.open != was.open {
            if let Some(button) = document.get_element_by_id(&viewer.ids.heading(&section.id)) {
                let _ =
                    button.set_attribute("aria-expanded", if now.open { "true" } else { "false" });
            }
            if let Some(whole) = panel.parent_element() {
                let _ = whole
                    .class_list()
                    .toggle_with_force("dafu-accordion__section--open", now.open);
            }
            if now.open {
                let _ = panel.remove_attribute("hidden");
                let _ = panel
                    .insert_adjacent_html("afterbegin", &section_row_html(viewer, self.reader(i)));
            } else {
                let _ = panel.set_attribute("hidden", "until-found");
                if let Ok(Some(row)) = panel.query_selector(":scope > .dafu-read--section") {
                    row.remove();
                }
                stop(self.reader(i), 1);
            }
        }
        if now.drawn && !was.drawn {
            let _ = panel.insert_adjacent_html("beforeend", &blocks_html(viewer, &section.blocks));
        }
    }

    /// The markup of sections `range`, each followed from now on by an effect.
    fn slice(this: &Arc<Self>, range: std::ops::Range<usize>) -> AnyView {
        let mut html = String::new();
        for i in range {
            let baked = this.shown(i);
            this.push_html(&mut html, i, baked);
            let (this, open) = (Arc::clone(this), this.viewer.open);
            let Some(drawn) = open.drawn(i) else { continue };
            Effect::new(move |was: Option<Shown>| {
                let now = Shown {
                    open: open.is_open(i),
                    drawn: drawn.get(),
                };
                let was = was.unwrap_or(baked);
                if now != was {
                    this.apply(i, was, now);
                }
                now
            });
        }
        view! { <div class="dafu-accordion__slice" inner_html=html></div> }.into_any()
    }
}

/// The section whose markup holds the event's target, by its number.
fn section_of(ev: &web_sys::Event) -> Option<(web_sys::Element, usize)> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let i = target
        .closest(".dafu-accordion__section")
        .ok()??
        .get_attribute("data-dafu-i")?
        .parse()
        .ok()?;
    Some((target, i))
}

/// Shows every section as a heading button that opens and closes its panel, with one "show all" control.
#[component]
pub fn Sections(
    /// The reply's shared state.
    viewer: Viewer,
) -> impl IntoView {
    super::viewer::live_or_still!(viewer.mode, still_sections(&viewer), live_sections(&viewer))
}

fn live_sections(viewer: &Viewer) -> impl IntoView {
    let (reply, open, t, fill) = (viewer.reply.clone(), viewer.open, viewer.t, viewer.fill);
    let count = reply.sections.len();
    let readers = reserve(count);
    on_cleanup(move || stop(readers, count));
    let drawing = Arc::new(Drawing {
        viewer: viewer.clone(),
        readers,
    });
    // Headings are drawn a slice at a time too (100,000 of them took seconds before anything showed).
    // Each slice of headings is registered before its sections' blocks, so the page fills top-down.
    let items = (0..count)
        .step_by(SLICE)
        .filter_map(|start| {
            let range = start..(start + SLICE).min(count);
            let headings = open.headings(start)?;
            fill.register(headings, range.len(), Seen::AtOnce);
            for i in range.clone() {
                if let (Some(drawn), Some(section)) = (open.drawn(i), reply.sections.get(i)) {
                    fill.register(drawn, section.blocks.len(), Seen::AtOnce);
                }
            }
            let drawing = Arc::clone(&drawing);
            Some(Fill::when(Some(headings), move || {
                Drawing::slice(&drawing, range.clone())
            }))
        })
        .collect_view();
    let click = {
        let viewer = viewer.clone();
        move |ev: web_sys::MouseEvent| {
            if let Some(row) = pressed_row(&ev) {
                press(&viewer, &row, false);
            } else if let Some((target, i)) = section_of(&ev) {
                if target
                    .closest(".dafu-accordion__button")
                    .ok()
                    .flatten()
                    .is_some()
                {
                    open.set(i, !open.is_open(i));
                }
            }
        }
    };
    view! {
        <div
            class="dafu-accordion"
            on:click=click
            on:keydown=move |ev| focus_sibling_header(&ev)
            // A find-in-page match in a closed panel opens its section.
            on:beforematch=move |ev: web_sys::Event| {
                if let Some((_, i)) = section_of(&ev) {
                    open.set(i, true);
                }
            }
        >
            {(count > 0).then(|| view! {
                <div class="dafu-accordion__controls">
                    <button
                        type="button"
                        class="dafu-accordion__show-all"
                        aria-expanded=move || open.all_open().to_string()
                        on:click=move |_| open.set_all(!open.all_open())
                    >
                        {move || if open.all_open() { t.sections.hide_all } else { t.sections.show_all }}
                    </button>
                </div>
            })}
            {items}
        </div>
    }
}

/// A section's title as HTML: its heading with the facts marked, or "untitled".
fn title_html(viewer: &Viewer, section: &Section, anchor: &str) -> String {
    if section.heading.is_empty() && section.numeral.is_empty() {
        escaped(viewer.t.sections.untitled)
    } else {
        fact_html(viewer, anchor, &section.heading)
    }
}

/// The snapshot's sections: each a `<details>` (closed; the browser opens it for find-in-page and for
/// a link to an id inside) whose `<summary>` holds the real heading, every block drawn.
#[cfg(feature = "snapshot")]
fn still_sections(viewer: &Viewer) -> impl IntoView {
    let ids = &viewer.ids;
    let sections = viewer
        .reply
        .sections
        .iter()
        .map(|section| {
            let anchor = TextId::Heading(&section.id).to_string();
            view! {
                <details class="dafu-accordion__section">
                    <summary class="dafu-accordion__summary" id=ids.heading(&section.id)>
                        // Inline, so that without the stylesheet the heading stays beside the marker.
                        <h2 class="dafu-accordion__heading" style="display:inline">
                            <span class="dafu-accordion__numeral">{section.numeral.clone()}</span>
                            <span
                                class="dafu-accordion__title"
                                id=ids.reply(&anchor)
                                inner_html=title_html(viewer, section, &anchor)
                            ></span>
                        </h2>
                        <span class="dafu-accordion__icon" aria-hidden="true"></span>
                    </summary>
                    <div
                        class="dafu-accordion__panel"
                        id=ids.reply(&section.id)
                        inner_html=blocks_html(viewer, &section.blocks)
                    ></div>
                </details>
            }
        })
        .collect_view();
    // Room for the live view's "show all" row (it needs script), so nothing moves when it replaces this.
    let controls = (!viewer.reply.sections.is_empty()).then(|| {
        view! { <div class="dafu-accordion__controls dafu-accordion__controls--placeholder" aria-hidden="true"></div> }
    });
    view! { <div class="dafu-accordion">{controls}{sections}</div> }
}
