//! The reply's sections as an accordion (WAI-ARIA APG accordion pattern, GOV.UK "show all").

use leptos::prelude::*;

use super::block_text::BlockText;
use super::fill::{Fill, Seen};
use super::keys::focus_sibling_header;
use super::viewer::Viewer;

/// Which sections are open, shared with views that open a section from elsewhere (facts, timeline).
///
/// One signal per section, so toggling one section re-renders that section only (a single signal over
/// all of them made a toggle cost grow with the reply: 91 ms for 500 sections), and a count of open
/// sections so "show all" knows its state without reading every signal.
///
/// It also holds whether each section's blocks are drawn yet (see [`Fill`]): opening a section, or all
/// of them, draws what it opens. Both lists are made whole here, one entry per section.
#[derive(Clone, Copy)]
pub struct OpenSections {
    each: StoredValue<Vec<RwSignal<bool>>>,
    open_count: RwSignal<usize>,
    drawn: StoredValue<Vec<RwSignal<bool>>>,
}

impl OpenSections {
    /// `count` sections, all closed or all open, none drawn yet (the [`Sections`] view registers
    /// them with the fill in document order).
    pub fn new(count: usize, open: bool) -> Self {
        let each = (0..count).map(|_| RwSignal::new(open)).collect();
        let drawn = (0..count).map(|_| RwSignal::new(false)).collect();
        Self {
            each: StoredValue::new(each),
            open_count: RwSignal::new(if open { count } else { 0 }),
            drawn: StoredValue::new(drawn),
        }
    }

    /// Whether section `i`'s blocks are drawn.
    fn drawn(self, i: usize) -> Option<RwSignal<bool>> {
        self.drawn.with_value(|d| d.get(i).copied())
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
            if let Some(drawn) = self.drawn(i) {
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
    let items = reply
        .sections
        .iter()
        .enumerate()
        .filter_map(|(i, section)| {
            let drawn = open.drawn(i)?;
            fill.register(drawn, section.blocks.len(), Seen::AtOnce);
            Some((i, section, drawn))
        })
        .map(|(i, section, drawn)| {
            let button_id = ids.of(&format!("{}-heading", section.id));
            let panel_id = ids.of(&section.id);
            let (blocks, viewer) = (section.blocks.clone(), viewer.clone());
            let blocks = move || {
                drawn.get().then(|| {
                    blocks
                        .iter()
                        .map(|b| view! { <BlockText viewer=viewer.clone() block=b.clone() /> })
                        .collect_view()
                })
            };
            let is_open = move || open.is_open(i);
            view! {
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
                            <span class="dafu-accordion__title">
                                {if section.heading.is_empty() && section.numeral.is_empty() {
                                    t.sections.untitled.to_owned()
                                } else {
                                    section.heading.clone()
                                }}
                            </span>
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
                        {blocks}
                    </div>
                </div>
            }
        })
        .collect_view();
    let has_sections = !reply.sections.is_empty();
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
}
