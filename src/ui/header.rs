//! The reply's header: title, issuer, the proposal answered, dates, badges and the metadata list.

use leptos::prelude::*;

use dafu_core::model::TextId;

use super::block_text::{escaped, fact_html};
use super::fill::Seen;
use super::viewer::Viewer;

/// Shows who answered what and when, with every header field as printed.
#[component]
pub fn Header(
    /// The reply's shared state: the reply, the interface's words, and the fill that draws the
    /// header fields (behind a closed disclosure) in slices with the rest of the reply; a field's
    /// value and the title show their dates marked as the text does.
    viewer: Viewer,
    /// The id the title gets, so the views' regions can name the reply they belong to.
    title_id: String,
) -> impl IntoView {
    let (reply, t, fill) = (viewer.reply.clone(), viewer.t, viewer.fill);
    let meta = &reply.meta;
    let proposal = &reply.proposal;
    let title = if meta.title.is_empty() {
        escaped(t.header.untitled)
    } else {
        fact_html(&viewer, &TextId::Title.to_string(), &meta.title)
    };
    let issuer = meta.issuer.clone();
    let proposal_line = proposal.title.as_ref().map(|title| {
        t.proposal_line(
            proposal.kind,
            proposal.number.as_deref(),
            proposal.session.as_deref(),
            title,
            proposal.proposer.as_deref(),
        )
    });
    let validity = meta.validity.map(|v| {
        let class = match v {
            dafu_core::model::Validity::Valid => "dafu-badge dafu-badge--valid",
            dafu_core::model::Validity::Invalid => "dafu-badge dafu-badge--invalid",
        };
        view! { <li class=class>{t.validity(v)}</li> }
    });
    let class = proposal
        .result_class
        .map(|c| view! { <li class="dafu-badge dafu-badge--class">{t.result_class(c)}</li> });
    let date = |label: &'static str, d: &dafu_core::model::DateRef| {
        view! {
            <div class="dafu-header__date">
                <dt class="dafu-header__date-label">{label}</dt>
                <dd class="dafu-header__date-value">{t.placed(d)}</dd>
            </div>
        }
    };
    let written = meta.written.as_ref().map(|d| date(t.header.written_on, d));
    let published = meta
        .published
        .as_ref()
        .map(|d| date(t.header.published_on, d));
    let has_badges = validity.is_some() || class.is_some();
    let numbered: Vec<_> = (1..).zip(meta.fields.clone()).collect();
    let fields = fill.slices(numbered, Seen::Later, move |(n, f)| {
        // The value is the text `meta-<n>` names, where the header's dates are anchored.
        let anchor = TextId::Meta(n).to_string();
        view! {
            <div class="dafu-meta__row">
                <dt class="dafu-meta__key">{f.key}</dt>
                <dd class="dafu-meta__value" id=viewer.ids.reply(&anchor) tabindex="-1" inner_html=fact_html(&viewer, &anchor, &f.value)></dd>
            </div>
        }
    });
    let has_fields = !meta.fields.is_empty();
    view! {
        <header class="dafu-header">
            {issuer.map(|i| view! { <p class="dafu-header__issuer">{i}</p> })}
            <h1 class="dafu-header__title" id=title_id tabindex="-1" inner_html=title></h1>
            {proposal_line.map(|p| view! { <p class="dafu-header__proposal">{p}</p> })}
            {has_badges.then(|| view! { <ul class="dafu-badges" aria-label=t.header.status>{validity}{class}</ul> })}
            <dl class="dafu-header__dates">{written}{published}</dl>
            {has_fields.then(|| view! {
                <details class="dafu-meta" on:keydown=move |ev| super::keys::close_details_on_escape(&ev)>
                    <summary class="dafu-meta__summary">{t.header.document_details}</summary>
                    <dl class="dafu-meta__list">{fields}</dl>
                </details>
            })}
        </header>
    }
}
