//! What every view of one mounted reply shares: the reply, its ids, which sections are open, the
//! highlighted fact, and how to reveal a sentence.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use dafu_core::model::{FactIndex, Reply, TextId};

use super::block_text::HIGHLIGHT;
use super::cite::jumped;
use super::fill::Fill;
use super::i18n::Text;
use super::ids::Ids;
use super::options::Lang;
use super::sections::OpenSections;

/// How the views are drawn: live in the browser, or once, as the static HTML of the snapshot
/// (`crate::snapshot`), where every part that needs script has a static form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Interactive, in the browser.
    #[default]
    Live,
    /// Rendered once to an HTML string: everything drawn, no controls that need script.
    Snapshot,
}

impl Mode {
    /// Is this the snapshot? Always false in a build without the `snapshot` feature (the browser
    /// app), so the compiler drops every static form from the app's wasm.
    pub const fn is_snapshot(self) -> bool {
        cfg!(feature = "snapshot") && matches!(self, Self::Snapshot)
    }
}

/// `$live`, or in the snapshot `$still`, the static form of a part that needs script when live
/// (both made into `AnyView`). Without the `snapshot` feature (the browser app) this is `$live` as
/// written: the app's wasm holds no static form and no extra type erasure.
macro_rules! live_or_still {
    ($mode:expr, $still:expr, $live:expr) => {{
        #[cfg(feature = "snapshot")]
        let view = if $mode.is_snapshot() {
            leptos::prelude::IntoAny::into_any($still)
        } else {
            leptos::prelude::IntoAny::into_any($live)
        };
        #[cfg(not(feature = "snapshot"))]
        let view = {
            let _ = $mode;
            $live
        };
        view
    }};
}
pub(crate) use live_or_still;

/// One mounted reply's shared state, handed to each view as a prop.
#[derive(Clone)]
pub struct Viewer {
    /// The reply shown.
    pub reply: Arc<Reply>,
    /// This instance's element ids.
    pub ids: Ids,
    /// Which sections are open.
    pub open: OpenSections,
    /// The fact last revealed, highlighted in the text: [`Viewer::reveal`] moves the class, and a
    /// text drawn later draws its mark lit (see `block_text`).
    pub highlight: StoredValue<Option<String>>,
    /// The interface's words.
    pub t: &'static Text,
    /// Whether the header (and so the title element) is shown.
    pub with_title: bool,
    /// Each block's facts, found once per reply; a block's text is cut around them when it is drawn.
    pub facts: Arc<FactIndex>,
    /// What is drawn yet, for a reply too big to draw in one frame.
    pub fill: Fill,
    /// Live, or the static snapshot.
    pub mode: Mode,
}

impl Viewer {
    /// A viewer with every section closed, or every section open (also when the body is one
    /// unnumbered section: [`Reply::opens_by_default`]).
    pub fn new(reply: Arc<Reply>, open_all: bool, lang: Lang) -> Self {
        let open = OpenSections::new(reply.sections.len(), open_all || reply.opens_by_default());
        let facts = Arc::new(reply.fact_index());
        Self {
            reply,
            ids: Ids::fresh(),
            open,
            highlight: StoredValue::new(None),
            t: lang.text(),
            with_title: true,
            facts,
            fill: Fill::new(),
            mode: Mode::Live,
        }
    }

    /// A viewer for `mode`: [`Viewer::new`] live, [`Viewer::snapshot`] for the snapshot.
    pub fn with_mode(reply: Arc<Reply>, open_all: bool, lang: Lang, mode: Mode) -> Self {
        match mode {
            #[cfg(feature = "snapshot")]
            Mode::Snapshot => Self::snapshot(reply, lang),
            _ => Self::new(reply, open_all, lang),
        }
    }

    /// The snapshot's viewer: ids under the fixed prefix `dafu-s`, every section closed (each is a
    /// `<details>` the browser opens by itself), every part drawn at once.
    #[cfg(feature = "snapshot")]
    pub fn snapshot(reply: Arc<Reply>, lang: Lang) -> Self {
        Self {
            ids: Ids::snapshot(),
            fill: Fill::eager(),
            mode: Mode::Snapshot,
            ..Self::new(reply, false, lang)
        }
    }

    /// The link to the element [`Viewer::reveal`] would show for `block` and `fact` (the snapshot's
    /// links stand in for `reveal`): the fact's mark, else the text's element.
    #[cfg(feature = "snapshot")]
    pub fn href_of(&self, block: &str, fact: Option<&str>) -> String {
        if let Some(fact) = fact {
            return self.ids.reply_href(fact);
        }
        match TextId::parse(block) {
            Some(TextId::Title) => self.ids.href("title"),
            Some(TextId::Heading(section)) => format!("#{}", self.ids.heading(section)),
            _ => self.ids.reply_href(block),
        }
    }

    /// The value for a view's `aria-labelledby`: its heading, then the reply's title when the header is
    /// shown, so two replies on one page never have two regions of the same name.
    pub fn region_label(&self, heading_id: &str) -> String {
        if self.with_title {
            format!("{heading_id} {}", self.ids.of("title"))
        } else {
            heading_id.to_owned()
        }
    }

    /// Reveals the sentence of the funding item with this id (a chart bar's link).
    pub fn reveal_funding(&self, id: &str) {
        if let Some(f) = self.reply.funding.iter().find(|f| f.id == id) {
            self.reveal(&f.at.block, Some(&f.id));
        }
    }

    /// A jump the reader asked for (a figure, a timeline entry, a bar, a table row): [`Viewer::show`],
    /// with a history entry whose address links to the fact, so that 返回 and the browser's Back
    /// return to where the reader was (see `cite`).
    pub fn reveal(&self, block: &str, fact: Option<&str>) {
        let shown = self.show(block, fact);
        jumped(self, &shown, fact.unwrap_or(block));
    }

    /// Opens the section holding `block`, highlights `fact`, then (once the section is drawn) focuses
    /// the block and scrolls the fact to the middle of the screen; returns the id of the element
    /// scrolled to. `block` may also name one of the reply's other texts (`meta-title`, `preamble`,
    /// `heading-s2`, `closing-1`, `meta-3`; see [`TextId`]): there is no section to open, the text is
    /// drawn if the fill has not reached it yet, a header field's list is opened, and the text is
    /// focused (a heading's button, for a heading).
    pub fn show(&self, block: &str, fact: Option<&str>) -> String {
        let text = TextId::parse(block);
        let block_id = match text {
            Some(TextId::Title) => self.ids.of("title"),
            Some(TextId::Heading(section)) => self.ids.heading(section),
            _ => self.ids.reply(block),
        };
        match text {
            Some(TextId::Block(b)) => {
                if let Some(i) = self.reply.section_of(b) {
                    self.open.set(i, true);
                }
            }
            // Texts outside the sections are always shown, but a big reply may not have drawn them yet.
            _ => {
                let drawn = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(&block_id));
                if drawn.is_none() {
                    self.fill.finish();
                }
            }
        }
        let was_lit = self
            .highlight
            .try_update_value(|h| std::mem::replace(h, fact.map(str::to_owned)))
            .flatten()
            .map(|f| self.ids.reply(&f));
        let fact_id = fact.map(|f| self.ids.reply(f));
        let shown = fact_id.clone().unwrap_or_else(|| block_id.clone());
        set_timeout(
            move || {
                let Some(document) = web_sys::window().and_then(|w| w.document()) else {
                    return;
                };
                let element = |id: &str| document.get_element_by_id(id);
                // The mark lit before, then this one (drawn by now, its section open).
                for (id, lit) in [(was_lit.as_deref(), false), (fact_id.as_deref(), true)] {
                    if let Some(mark) = id.and_then(element) {
                        let _ = mark.class_list().toggle_with_force(HIGHLIGHT, lit);
                    }
                }
                // A header field's value sits in the closed "document details" list.
                if let Some(details) = element(&block_id)
                    .and_then(|e| e.closest("details").ok().flatten())
                    .and_then(|d| d.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                {
                    details.set_open(true);
                }
                if let Some(b) =
                    element(&block_id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = b.focus();
                }
                if let Some(target) = fact_id
                    .as_deref()
                    .and_then(element)
                    .or_else(|| element(&block_id))
                {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Center);
                    target.scroll_into_view_with_scroll_into_view_options(&options);
                }
            },
            Duration::ZERO,
        );
        shown
    }
}
