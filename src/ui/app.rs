//! The whole reply view: loading state, then header, figures, sections, timeline, funding and closing,
//! or an error panel.

use std::sync::Arc;

use leptos::callback::UnsyncCallback;
use leptos::prelude::*;

use dafu_core::model::{Attachment, Reply, TextId};

use super::block_text::fact_html;
use super::error_panel::ErrorPanel;
use super::fill::Seen;
use super::funding_chart::FundingChart;
use super::header::Header;
use super::key_figures::KeyFigures;
use super::next_steps::NextSteps;
use super::options::Options;
use super::read_aloud::ReadAloud;
use super::sections::Sections;
use super::settings::{ReadingSettings, Settings};
use super::source::{fetch, Failure, ReplySource};
use super::timeline::Timeline;
use super::viewer::{Mode, Viewer};

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
    /// Live (the default), or the static snapshot (`crate::snapshot`).
    #[prop(optional)]
    mode: Mode,
) -> impl IntoView {
    let viewer = Viewer {
        with_title: options.views.header,
        ..Viewer::with_mode(reply.clone(), options.open_all, options.lang, mode)
    };
    let views = options.views;
    let preamble = reply.preamble.clone().map(|p| {
        let id = TextId::Preamble.to_string();
        view! {
            <p class="dafu-preamble" id=viewer.ids.reply(&id) tabindex="-1" inner_html=fact_html(&viewer, &id, &p)></p>
        }
    });
    let addressee = reply
        .addressee
        .clone()
        .map(|a| view! { <p class="dafu-addressee">{a}</p> });
    let fill = viewer.fill;
    // Each view registers its parts with the fill as it is built (see `Fill`), so the views are built
    // here one after the other, in the order the page shows them.
    let header = views.header.then(|| {
        view! { <Header viewer=viewer.clone() title_id=viewer.ids.of("title") /> }
    });
    let figures = views
        .figures
        .then(|| view! { <KeyFigures viewer=viewer.clone() /> });
    // The next steps point into the sections and the closing, so they come with them.
    let next_steps = views
        .sections
        .then(|| view! { <NextSteps viewer=viewer.clone() /> });
    let sections = views
        .sections
        .then(|| view! { <Sections viewer=viewer.clone() /> });
    let timeline = views
        .timeline
        .then(|| view! { <Timeline viewer=viewer.clone() /> });
    let funding = views
        .funding
        .then(|| view! { <FundingChart viewer=viewer.clone() /> });
    let footer = views.sections.then(|| closing(&viewer));
    let read_aloud = view! { <ReadAloud viewer=viewer.clone() /> };
    // 复制引用 and 返回 (`cite`): one bar, and the body's one click listener for every button.
    let cite_bar = (!mode.is_snapshot()).then(|| super::cite::bar(&viewer));
    let cite_viewer = viewer.clone();
    let view = view! {
        {header}
        <div
            class="dafu-body"
            data-dafu-filling=move || fill.filling().then_some("")
            on:click=move |ev| {
                fill.yield_to_input();
                super::cite::click(&cite_viewer, &ev);
            }
            on:keydown=move |_| fill.yield_to_input()
        >
            {read_aloud}
            {views.sections.then(|| view! { {addressee}{preamble} })}
            {figures}
            {next_steps}
            {sections}
            {timeline}
            {funding}
            {footer}
            {cite_bar}
        </div>
    };
    // Every view has registered its parts by now (component bodies run as the view is built); what
    // did not fit the first frame is drawn after mounting, and all of it before printing. The
    // snapshot has drawn everything already, and has no window to listen to.
    if !mode.is_snapshot() {
        fill.start();
        super::cite::start(&viewer);
        let printing = window_event_listener(leptos::ev::beforeprint, move |_| fill.finish());
        on_cleanup(move || printing.remove());
    }
    view
}

/// The closing lines, the signature and the attachments, each list drawn in slices (a reply may hold
/// tens of thousands of lines in any of them). Each text shows its facts marked, under the name its
/// anchors use (`closing-1`, `signature`, `signature-date`, `contact-1`).
fn closing(viewer: &Viewer) -> impl IntoView {
    let (reply, fill, t) = (&viewer.reply, viewer.fill, viewer.t);
    let lines = {
        let viewer = viewer.clone();
        let numbered: Vec<_> = (1..).zip(reply.closing.clone()).collect();
        fill.slices(numbered, Seen::AtOnce, move |(n, p)| {
            let id = TextId::Closing(n).to_string();
            view! {
                <p class="dafu-closing__text" id=viewer.ids.reply(&id) tabindex="-1" inner_html=fact_html(&viewer, &id, &p)></p>
            }
        })
    };
    let signature = reply.signature.clone().map(|s| {
        let contact = {
            let viewer = viewer.clone();
            let numbered: Vec<_> = (1..).zip(s.contact).collect();
            fill.slices(numbered, Seen::AtOnce, move |(n, c)| {
                signature_part(&viewer, TextId::Contact(n), "dafu-closing__contact", c)
            })
        };
        let signer = s
            .signer
            .map(|n| signature_part(viewer, TextId::Signer, "dafu-closing__signer", n));
        let date = s.date.map(|d| {
            let written = d.written().to_owned();
            signature_part(viewer, TextId::SignatureDate, "dafu-closing__date", written)
        });
        view! { <p class="dafu-closing__signature">{signer}{date}{contact}</p> }
    });
    let attachments = (!reply.attachments.is_empty()).then(|| {
        let items = fill.slices(reply.attachments.clone(), Seen::AtOnce, move |a: Attachment| {
            match a.safe_url().map(str::to_owned) {
                Some(url) => view! {
                    <li class="dafu-attachments__item">
                        <a class="dafu-attachments__link" href=url target="_blank" rel="noopener noreferrer">{a.title}</a>
                    </li>
                }
                .into_any(),
                None => view! {
                    <li class="dafu-attachments__item">{a.title}<span class="dafu-attachments__unsafe">{t.app.unsafe_link}</span></li>
                }
                .into_any(),
            }
        });
        view! {
            <h2 class="dafu-attachments__title">{t.app.attachments}</h2>
            <ul class="dafu-attachments">{items}</ul>
        }
    });
    view! { <footer class="dafu-closing">{lines}{signature}{attachments}</footer> }
}

/// A part of the signature (the signer, the date, a contact line) with its facts marked, as an element
/// `reveal` can focus.
fn signature_part(viewer: &Viewer, at: TextId<'_>, class: &'static str, text: String) -> AnyView {
    let id = at.to_string();
    view! {
        <span class=class id=viewer.ids.reply(&id) tabindex="-1" inner_html=fact_html(viewer, &id, &text)></span>
    }
    .into_any()
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
    let from_address = options.from_address;
    // Whatever went wrong with a fetched reply, the server may have fixed it by now: offer a retry.
    let fetched = matches!(source, ReplySource::Url(_));
    // Loading is a callback so the error panel can offer to run it again.
    let load = UnsyncCallback::new(move |()| {
        if let Some(local) = source.local() {
            // Local sources are shown in the first frame, with no loading flash.
            settle(local);
        } else if let ReplySource::Text(text) = source.clone() {
            state.set(State::Loading);
            leptos::task::spawn_local(async move {
                settle(super::source::convert_text(&text).await.map(Arc::new));
            });
        } else if let ReplySource::Url(url) = source.clone() {
            state.set(State::Loading);
            leptos::task::spawn_local(async move {
                settle(fetch(url, timeout, from_address).await.map(Arc::new))
            });
        }
    });
    load.run(());
    let lang = options.lang.tag();
    let t = options.lang.text();
    let settings = ReadingSettings::starting(options.elder);
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
