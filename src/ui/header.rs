//! The reply's header: title, issuer, the proposal answered, dates, badges and the metadata list.

use leptos::prelude::*;

use crate::model::{Reply, Validity};

/// Shows who answered what and when, with every header field as printed.
#[component]
pub fn Header(
    /// The reply shown.
    reply: std::sync::Arc<Reply>,
) -> impl IntoView {
    let meta = &reply.meta;
    let proposal = &reply.proposal;
    let title = if meta.title.is_empty() {
        "答复".to_owned()
    } else {
        meta.title.clone()
    };
    let issuer = meta.issuer.clone();
    let proposal_line = proposal.title.as_ref().map(|t| {
        let kind = proposal.kind.map_or("", |k| k.zh());
        let number = proposal
            .number
            .as_ref()
            .map(|n| format!("第{n}号"))
            .unwrap_or_default();
        let session = proposal.session.clone().unwrap_or_default();
        let proposer = proposal
            .proposer
            .as_ref()
            .map(|p| format!(" · 提出人:{p}"))
            .unwrap_or_default();
        format!("答复{session}{kind}{number}《{t}》{proposer}")
    });
    let validity = meta.validity.map(|v| match v {
        Validity::Valid => view! { <li class="dafu-badge dafu-badge--valid">"有效"</li> },
        Validity::Invalid => view! { <li class="dafu-badge dafu-badge--invalid">"已失效"</li> },
    });
    let class = proposal
        .result_class
        .map(|c| view! { <li class="dafu-badge dafu-badge--class">{c.zh()}</li> });
    let written = meta.written.as_ref().map(|d| {
        view! { <div class="dafu-header__date"><dt class="dafu-header__date-label">"成文日期"</dt><dd class="dafu-header__date-value">{d.placed_zh()}</dd></div> }
    });
    let published = meta.published.as_ref().map(|d| {
        view! { <div class="dafu-header__date"><dt class="dafu-header__date-label">"公开日期"</dt><dd class="dafu-header__date-value">{d.placed_zh()}</dd></div> }
    });
    let fields = meta
        .fields
        .iter()
        .map(|f| {
            view! {
                <div class="dafu-meta__row">
                    <dt class="dafu-meta__key">{f.key.clone()}</dt>
                    <dd class="dafu-meta__value">{f.value.clone()}</dd>
                </div>
            }
        })
        .collect_view();
    let has_fields = !meta.fields.is_empty();
    view! {
        <header class="dafu-header">
            {issuer.map(|i| view! { <p class="dafu-header__issuer">{i}</p> })}
            <h1 class="dafu-header__title">{title}</h1>
            {proposal_line.map(|p| view! { <p class="dafu-header__proposal">{p}</p> })}
            <ul class="dafu-badges" aria-label="状态">{validity}{class}</ul>
            <dl class="dafu-header__dates">{written}{published}</dl>
            {has_fields.then(|| view! {
                <details class="dafu-meta">
                    <summary class="dafu-meta__summary">"文件信息"</summary>
                    <dl class="dafu-meta__list">{fields}</dl>
                </details>
            })}
        </header>
    }
}
