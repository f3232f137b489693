//! The reply's sections as an accordion (WAI-ARIA APG accordion pattern, GOV.UK "show all").

use leptos::prelude::*;

use dafu_core::model::TextId;

use super::block_text::{fact_runs, BlockText};
use super::fill::{Fill, Seen, SLICE};
use super::keys::focus_sibling_header;
use super::read_aloud::ReadSection;
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

/// Shows every section as a heading button that opens and closes its panel, with one "show all" control.
#[component]
pub fn Sections(
    /// The reply's shared state.
    viewer: Viewer,
) -> impl IntoView {
    let (reply, ids, open, t) = (
        viewer.reply.clone(),
        viewer.ids.clone(),
        viewer.open,
        viewer.t,
    );
    let fill = viewer.fill;
    let viewer_mode = viewer.mode;
    #[cfg(feature = "snapshot")]
    let still_viewer = viewer.clone();
    let count = reply.sections.len();
    // Headings are drawn a slice at a time too (100,000 of them took seconds before anything showed).
    // Each slice of headings is registered before its sections' blocks, so the page fills top-down.
    let slices: Vec<(std::ops::Range<usize>, RwSignal<bool>)> = (0..count)
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
            Some((range, headings))
        })
        .collect();
    let section = {
        let reply = reply.clone();
        move |i: usize| {
            let section = reply.sections.get(i)?;
            let drawn = open.drawn(i)?;
            let button_id = ids.heading(&section.id);
            let panel_id = ids.reply(&section.id);
            // The heading is the text `heading-<section id>` names, its facts marked as in a block.
            let anchor = TextId::Heading(&section.id).to_string();
            let title_id = ids.reply(&anchor);
            let title = if section.heading.is_empty() && section.numeral.is_empty() {
                t.sections.untitled.to_owned().into_any()
            } else {
                fact_runs(&viewer, &anchor, section.heading.clone())
            };
            // A section's 朗读 row exists while the section is open: a closed one cannot be read (and
            // closing it stops its reading), and a reply of 100,000 sections does not build 100,000 rows.
            // One viewer for the section's two closures (a reply of 100,000 sections keeps 100,000).
            let viewer = std::sync::Arc::new(viewer.clone());
            let reader_viewer = std::sync::Arc::clone(&viewer);
            let reply = reply.clone();
            let blocks = move || {
                drawn.get().then(|| {
                    reply.sections.get(i).map(|s| {
                        s.blocks
                            .iter()
                            .map(|b| view! { <BlockText viewer=(*viewer).clone() block=b.clone() /> })
                            .collect_view()
                    })
                })
            };
            let is_open = move || open.is_open(i);
            Some(view! {
                <div class="dafu-accordion__section" class=("dafu-accordion__section--open", is_open)>
                    <h2 class="dafu-accordion__heading">
                        <button
                            type="button"
                            class="dafu-accordion__button"
                            id=button_id.clone()
                            aria-expanded=move || is_open().to_string()
                            aria-controls=panel_id.clone()
                            on:click=move |_| open.set(i, !open.is_open(i))
                            on:keydown=move |ev| focus_sibling_header(&ev)
                        >
                            <span class="dafu-accordion__numeral">{section.numeral.clone()}</span>
                            <span class="dafu-accordion__title" id=title_id>{title}</span>
                            <span class="dafu-accordion__icon" aria-hidden="true"></span>
                        </button>
                    </h2>
                    <div
                        class="dafu-accordion__panel"
                        id=panel_id
                        role="region"
                        aria-labelledby=button_id
                        hidden=move || (!is_open()).then_some("until-found")
                        on:beforematch=move |_: web_sys::Event| open.set(i, true)
                    >
                        {move || is_open().then(|| view! { <ReadSection viewer=(*reader_viewer).clone() /> })}
                        {blocks}
                    </div>
                </div>
            })
        }
    };
    let items = slices
        .into_iter()
        .map(|(range, headings)| {
            let section = section.clone();
            Fill::when(Some(headings), move || {
                range.clone().filter_map(&section).collect_view().into_any()
            })
        })
        .collect_view();
    let has_sections = !reply.sections.is_empty();
    super::viewer::live_or_still!(
        viewer_mode,
        still_sections(&still_viewer),
        view! {
            <div class="dafu-accordion">
                {has_sections.then(|| view! {
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
    )
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
            let title = if section.heading.is_empty() && section.numeral.is_empty() {
                viewer.t.sections.untitled.to_owned().into_any()
            } else {
                fact_runs(viewer, &anchor, section.heading.clone())
            };
            let blocks = section
                .blocks
                .iter()
                .map(|b| view! { <BlockText viewer=viewer.clone() block=b.clone() /> })
                .collect_view();
            view! {
                <details class="dafu-accordion__section">
                    <summary class="dafu-accordion__summary" id=ids.heading(&section.id)>
                        // Inline, so that without the stylesheet the heading stays beside the marker.
                        <h2 class="dafu-accordion__heading" style="display:inline">
                            <span class="dafu-accordion__numeral">{section.numeral.clone()}</span>
                            <span class="dafu-accordion__title" id=ids.reply(&anchor)>{title}</span>
                        </h2>
                        <span class="dafu-accordion__icon" aria-hidden="true"></span>
                    </summary>
                    <div class="dafu-accordion__panel" id=ids.reply(&section.id)>{blocks}</div>
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
