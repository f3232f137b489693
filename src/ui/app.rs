//! The whole reply view: loading state, then header, figures, sections, timeline, funding and closing,
//! or an error panel.

use std::sync::Arc;

use leptos::callback::UnsyncCallback;
use leptos::prelude::*;

use dafu_core::model::Reply;

use super::error_panel::ErrorPanel;
use super::funding_chart::FundingChart;
use super::header::Header;
use super::key_figures::KeyFigures;
use super::options::Options;
use super::sections::Sections;
use super::settings::{ReadingSettings, Settings};
use super::source::{fetch, Failure, ReplySource};
use super::timeline::Timeline;
use super::viewer::Viewer;

/// What the component is showing.
#[derive(Clone, Debug)]
enum State {
    Loading,
    Ready(Arc<Reply>),
    Failed(Failure),
}

/// Shows a loaded reply: the views `options` asks for, in reading order.
#[component]
pub fn ReplyView(
    /// The reply shown.
    reply: Arc<Reply>,
    /// Views, initial state and language.
    #[prop(optional)]
    options: Options,
) -> impl IntoView {
    let viewer = Viewer {
        with_title: options.views.header,
        ..Viewer::new(reply.clone(), options.open_all, options.lang)
    };
    let views = options.views;
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
    let t = viewer.t;
    let attachments = (!reply.attachments.is_empty()).then(|| {
        let items = reply
            .attachments
            .iter()
            .map(|a| match a.safe_url() {
                Some(url) => view! {
                    <li class="dafu-attachments__item">
                        <a class="dafu-attachments__link" href=url.to_owned() target="_blank" rel="noopener noreferrer">{a.title.clone()}</a>
                    </li>
                }
                .into_any(),
                None => view! {
                    <li class="dafu-attachments__item">{a.title.clone()}<span class="dafu-attachments__unsafe">{t.app.unsafe_link}</span></li>
                }
                .into_any(),
            })
            .collect_view();
        view! {
            <h2 class="dafu-attachments__title">{t.app.attachments}</h2>
            <ul class="dafu-attachments">{items}</ul>
        }
    });
    let fill = viewer.fill;
    let view = view! {
        {views.header.then(|| view! { <Header reply=reply.clone() t=viewer.t title_id=viewer.ids.of("title") /> })}
        <div
            class="dafu-body"
            data-dafu-filling=move || fill.filling().then_some("")
            on:click=move |_| fill.yield_to_input()
            on:keydown=move |_| fill.yield_to_input()
        >
            {views.sections.then(|| view! { {addressee}{preamble} })}
            {views.figures.then(|| view! { <KeyFigures viewer=viewer.clone() /> })}
            {views.sections.then(|| view! { <Sections viewer=viewer.clone() /> })}
            {views.timeline.then(|| view! { <Timeline viewer=viewer.clone() /> })}
            {views.funding.then(|| view! { <FundingChart viewer=viewer.clone() /> })}
            {views.sections.then(|| view! { <footer class="dafu-closing">{closing}{signature}{attachments}</footer> })}
        </div>
    };
    // Every view has registered its parts by now (component bodies run as the view is built); what
    // did not fit the first frame is drawn after mounting, and all of it before printing.
    fill.start();
    let printing = window_event_listener(leptos::ev::beforeprint, move |_| fill.finish());
    on_cleanup(move || printing.remove());
    view
}

/// One dafu instance: loads its reply from `source` and shows it, a loading note, or an error panel.
#[component]
pub fn App(
    /// Where the reply comes from.
    source: ReplySource,
    /// Views, initial state and language.
    #[prop(optional)]
    options: Options,
    /// Told once the reply is shown (`true`) or has failed (`false`).
    #[prop(optional, into)]
    on_settled: Option<UnsyncCallback<bool>>,
) -> impl IntoView {
    let state = RwSignal::new(State::Loading);
    let settle = move |result: Result<Arc<Reply>, Failure>| {
        let ok = result.is_ok();
        state.set(match result {
            Ok(r) => State::Ready(r),
            Err(f) => State::Failed(f),
        });
        if let Some(cb) = on_settled {
            cb.run(ok);
        }
    };
    let timeout = options.timeout_secs;
    // Whatever went wrong with a fetched reply, the server may have fixed it by now: offer a retry.
    let fetched = matches!(source, ReplySource::Url(_));
    // Loading is a callback so the error panel can offer to run it again.
    let load = UnsyncCallback::new(move |()| {
        if let Some(local) = source.local() {
            // Local sources are shown in the first frame, with no loading flash.
            settle(local);
        } else if let ReplySource::Url(url) = source.clone() {
            state.set(State::Loading);
            leptos::task::spawn_local(
                async move { settle(fetch(url, timeout).await.map(Arc::new)) },
            );
        }
    });
    load.run(());
    let lang = options.lang.tag();
    let t = options.lang.text();
    let settings = ReadingSettings::new();
    view! {
        <article
            class=move || format!("dafu-reply {}", settings.classes())
            lang=lang
            aria-busy=move || matches!(state.get(), State::Loading).to_string()
        >
            {move || match state.get() {
                State::Loading => view! {
                    <p class="dafu-loading" role="status">{t.app.loading}</p>
                }.into_any(),
                State::Ready(reply) => view! {
                    <Settings settings=settings t=t />
                    <ReplyView reply=reply options=options.clone() />
                }.into_any(),
                State::Failed(f) => {
                    let retry = fetched.then_some((t.app.retry, load));
                    view! { <ErrorPanel heading=t.app.cannot_show title=f.title(t) lines=f.lines() on_retry=retry /> }.into_any()
                }
            }}
        </article>
    }
}
