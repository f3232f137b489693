//! The reply's sections as an accordion (WAI-ARIA APG accordion pattern, GOV.UK "show all").

use leptos::prelude::*;

use super::block_text::BlockText;
use super::keys::focus_sibling_header;
use super::viewer::Viewer;

/// Which sections are open, shared with views that open a section from elsewhere (facts, timeline).
#[derive(Clone, Copy, Debug)]
pub struct OpenSections(pub RwSignal<Vec<bool>>);

impl OpenSections {
    /// All sections closed, or all open.
    pub fn new(count: usize, open: bool) -> Self {
        Self(RwSignal::new(vec![open; count]))
    }

    /// Is section `i` open?
    pub fn is_open(self, i: usize) -> bool {
        self.0.with(|v| v.get(i).copied().unwrap_or(false))
    }

    /// Opens or closes section `i`.
    pub fn set(self, i: usize, open: bool) {
        self.0.update(|v| {
            if let Some(s) = v.get_mut(i) {
                *s = open;
            }
        });
    }

    /// Are all sections open?
    pub fn all_open(self) -> bool {
        self.0.with(|v| v.iter().all(|o| *o))
    }

    /// Opens or closes every section.
    pub fn set_all(self, open: bool) {
        self.0.update(|v| v.iter_mut().for_each(|s| *s = open));
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
    let items = reply
        .sections
        .iter()
        .enumerate()
        .map(|(i, section)| {
            let button_id = ids.of(&format!("{}-heading", section.id));
            let panel_id = ids.of(&section.id);
            let blocks = section
                .blocks
                .iter()
                .map(|b| view! { <BlockText viewer=viewer.clone() block=b.clone() /> })
                .collect_view();
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
                            <span class="dafu-accordion__title">{section.heading.clone()}</span>
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
                        {move || if open.all_open() { t.hide_all } else { t.show_all }}
                    </button>
                </div>
            })}
            {items}
        </div>
    }
}
