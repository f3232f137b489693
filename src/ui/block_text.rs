//! One paragraph or initiative of a section, with the facts in it marked.

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

/// Shows a block's text; each figure, amount and date in it is a marked span that links can target.
#[component]
pub fn BlockText(
    /// The reply's shared state (its facts are looked up there).
    viewer: Viewer,
    /// The block shown.
    block: Block,
) -> impl IntoView {
    let ids = viewer.ids.clone();
    let highlight = viewer.highlight;
    let runs = viewer
        .facts
        .segments(&block)
        .into_iter()
        .map(|seg| match seg.fact {
            Some(FactRef { kind, id }) => {
                let element_id = ids.of(&id);
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
        .collect_view();
    match block {
        Block::Paragraph { id, .. } => view! {
            <p class="dafu-paragraph" id=ids.of(&id) tabindex="-1">{runs}</p>
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
                <div class=class id=ids.of(&id) tabindex="-1">
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
