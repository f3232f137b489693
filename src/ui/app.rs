//! The whole reply view: loading state, then header, facts, sections and closing, or an error panel.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::Reply;

use super::error_panel::ErrorPanel;
use super::funding_chart::FundingChart;
use super::header::Header;
use super::key_figures::KeyFigures;
use super::sections::Sections;
use super::source::{fetch, parse, Failure, ReplySource};
use super::timeline::Timeline;
use super::viewer::Viewer;

/// What the component is showing.
#[derive(Clone, Debug)]
enum State {
    Loading,
    Ready(Arc<Reply>),
    Failed(Failure),
}

/// Shows a loaded reply: header, key figures, the sections accordion, timeline, funding, closing.
#[component]
pub fn ReplyView(
    /// The reply shown.
    reply: Arc<Reply>,
) -> impl IntoView {
    let viewer = Viewer::new(reply.clone());
    let preamble = reply
        .preamble
        .clone()
        .map(|p| view! { <p class="dafu-preamble">{p}</p> });
    let addressee = reply
        .addressee
        .clone()
        .map(|a| view! { <p class="dafu-addressee">{a}</p> });
    let closing = reply
        .closing
        .iter()
        .map(|p| view! { <p class="dafu-closing__text">{p.clone()}</p> })
        .collect_view();
    let signature = reply.signature.clone().map(|s| {
        view! {
            <p class="dafu-closing__signature">
                {s.signer.map(|n| view! { <span class="dafu-closing__signer">{n}</span> })}
                {s.date.map(|d| view! { <span class="dafu-closing__date">{d.written().to_owned()}</span> })}
                {s.contact.into_iter().map(|c| view! { <span class="dafu-closing__contact">{c}</span> }).collect_view()}
            </p>
        }
    });
    view! {
        <Header reply=reply.clone() />
        <div class="dafu-body">
            {addressee}
            {preamble}
            <KeyFigures viewer=viewer.clone() />
            <Sections viewer=viewer.clone() />
            <Timeline viewer=viewer.clone() />
            <FundingChart viewer=viewer.clone() />
            <footer class="dafu-closing">{closing}{signature}</footer>
        </div>
    }
}

/// One dafu instance: loads its reply from `source` and shows it, a loading note, or an error panel.
#[component]
pub fn App(
    /// Where the reply comes from.
    source: ReplySource,
) -> impl IntoView {
    let state = RwSignal::new(State::Loading);
    let settle = move |result: Result<Reply, Failure>| {
        state.set(match result {
            Ok(r) => State::Ready(Arc::new(r)),
            Err(f) => State::Failed(f),
        });
    };
    if let Some(json) = source.local_json() {
        // Local sources are shown in the first frame, with no loading flash.
        settle(parse(json));
    } else if let ReplySource::Url(url) = source {
        leptos::task::spawn_local(async move { settle(fetch(url).await) });
    }
    view! {
        <article class="dafu" lang="zh-CN" aria-busy=move || matches!(state.get(), State::Loading).to_string()>
            {move || match state.get() {
                State::Loading => view! {
                    <p class="dafu-loading" role="status">"正在加载答复…"</p>
                }.into_any(),
                State::Ready(reply) => view! { <ReplyView reply=reply /> }.into_any(),
                State::Failed(f) => view! { <ErrorPanel title=f.title_zh() lines=f.lines() /> }.into_any(),
            }}
        </article>
    }
}
