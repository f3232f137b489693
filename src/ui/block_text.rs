//! One paragraph or initiative of a section, with the facts in it marked; [`fact_runs`] marks them in
//! the reply's other texts too.

use leptos::prelude::*;

use dafu_core::model::{Block, FactKind, FactRef, Stage};

use super::viewer::Viewer;

fn fact_class(kind: FactKind) -> &'static str {
    match kind {
        FactKind::Figure => "dafu-fact dafu-fact--figure",
        FactKind::Funding => "dafu-fact dafu-fact--funding",
        FactKind::Date => "dafu-fact dafu-fact--date",
    }
}

/// `text`, the reply's text named `anchor` (a block's id, `preamble`, `closing-1`, …), with each
/// figure, amount and date in it a marked span that links can target: the same marks in a block, the
/// preamble, a heading, the closing or the signature. Text without facts is drawn as it is.
pub fn fact_runs(viewer: &Viewer, anchor: &str, text: String) -> AnyView {
    if !viewer.facts.has_facts(anchor) {
        return text.into_any();
    }
    let ids = viewer.ids.clone();
    let highlight = viewer.highlight;
    viewer
        .facts
        .segments_of(anchor, &text)
        .into_iter()
        .map(|seg| match seg.fact {
            Some(FactRef { kind, id }) => {
                let element_id = ids.reply(&id);
                let lit = move || highlight.with(|h| h.as_deref() == Some(id.as_str()));
                view! {
                    <span class=fact_class(kind) class=("dafu-fact--highlight", lit) id=element_id>
                        {seg.text}
                    </span>
                }
                .into_any()
            }
            None => seg.text.into_any(),
        })
        .collect_view()
        .into_any()
}

/// Shows a block's text; each figure, amount and date in it is a marked span that links can target.
#[component]
pub fn BlockText(
    /// The reply's shared state (its facts are looked up there).
    viewer: Viewer,
    /// The block shown.
    block: Block,
) -> impl IntoView {
    let ids = viewer.ids.clone();
    let runs = fact_runs(&viewer, block.id(), block.text().to_owned());
    match block {
        Block::Paragraph { id, .. } => view! {
            <p class="dafu-paragraph" id=ids.reply(&id) tabindex="-1">{runs}</p>
        }
        .into_any(),
        Block::Initiative {
            id,
            ordinal,
            headline,
            stage,
            ..
        } => {
            let class = match stage {
                Stage::Done => "dafu-initiative dafu-initiative--done",
                Stage::Next => "dafu-initiative dafu-initiative--next",
            };
            let stage_label = viewer.t.block_stage(stage);
            view! {
                <div class=class id=ids.reply(&id) tabindex="-1">
                    <p class="dafu-initiative__text">
                        <span class="dafu-initiative__stage">{stage_label}</span>
                        <strong class="dafu-initiative__ordinal">{ordinal}</strong>
                        {headline.map(|h| view! { <strong class="dafu-initiative__headline">{h}</strong> })}
                        {runs}
                    </p>
                </div>
            }
            .into_any()
        }
    }
}
