//! The whole reply view: loading state, then header, figures, sections, timeline, funding and closing,
//! or an error panel.

use std::sync::Arc;

use leptos::callback::UnsyncCallback;
use leptos::prelude::*;

use dafu_core::model::{Reply, TextId};

use std::fmt::Write as _;

use super::block_text::{fact_html, push_escaped, push_fact_html};
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

/// The closing lines, the signature and the attachments, as escaped markup, each list drawn in slices
/// (a reply may hold tens of thousands of lines in any of them: `Fill::markup`). Each text shows its
/// facts marked, under the name its anchors use (`closing-1`, `signature`, `signature-date`,
/// `contact-1`), as an element `reveal` can focus.
fn closing(viewer: &Viewer) -> impl IntoView {
    let (reply, fill) = (&viewer.reply, viewer.fill);
    let lines_id = viewer.ids.of("closing-lines");
    let lines = {
        let viewer = viewer.clone();
        fill.markup(
            lines_id.clone(),
            reply.closing.len(),
            Seen::AtOnce,
            move |i, out| {
                if let Some(p) = viewer.reply.closing.get(i) {
                    push_text(
                        out,
                        &viewer,
                        TextId::Closing(i + 1),
                        "p",
                        "dafu-closing__text",
                        p,
                    );
                }
            },
        )
    };
    let signature = reply.signature.as_ref().map(|s| {
        let mut html = String::new();
        if let Some(n) = &s.signer {
            push_text(
                &mut html,
                viewer,
                TextId::Signer,
                "span",
                "dafu-closing__signer",
                n,
            );
        }
        if let Some(d) = &s.date {
            let class = "dafu-closing__date";
            push_text(
                &mut html,
                viewer,
                TextId::SignatureDate,
                "span",
                class,
                d.written(),
            );
        }
        let id = viewer.ids.of("closing-signature");
        let contact = {
            let viewer = viewer.clone();
            fill.markup(id.clone(), s.contact.len(), Seen::AtOnce, move |i, out| {
                let contact = viewer
                    .reply
                    .signature
                    .as_ref()
                    .and_then(|s| s.contact.get(i));
                if let Some(c) = contact {
                    let class = "dafu-closing__contact";
                    push_text(out, &viewer, TextId::Contact(i + 1), "span", class, c);
                }
            })
        };
        html.push_str(&contact);
        view! { <p class="dafu-closing__signature" id=id inner_html=html></p> }
    });
    let attachments = (!reply.attachments.is_empty()).then(|| {
        let id = viewer.ids.of("closing-attachments");
        let unsafe_link = viewer.t.app.unsafe_link;
        let items = {
            let reply = reply.clone();
            fill.markup(
                id.clone(),
                reply.attachments.len(),
                Seen::AtOnce,
                move |i, out| {
                    let Some(a) = reply.attachments.get(i) else {
                        return;
                    };
                    out.push_str("<li class=\"dafu-attachments__item\">");
                    match a.safe_url() {
                        Some(url) => {
                            out.push_str("<a class=\"dafu-attachments__link\" href=\"");
                            push_escaped(out, url);
                            out.push_str("\" target=\"_blank\" rel=\"noopener noreferrer\">");
                            push_escaped(out, &a.title);
                            out.push_str("</a>");
                        }
                        None => {
                            push_escaped(out, &a.title);
                            out.push_str("<span class=\"dafu-attachments__unsafe\">");
                            push_escaped(out, unsafe_link);
                            out.push_str("</span>");
                        }
                    }
                    out.push_str("</li>");
                },
            )
        };
        view! {
            <h2 class="dafu-attachments__title">{viewer.t.app.attachments}</h2>
            <ul class="dafu-attachments" id=id inner_html=items></ul>
        }
    });
    view! {
        <footer class="dafu-closing">
            <div class="dafu-closing__lines" id=lines_id inner_html=lines></div>
            {signature}
            {attachments}
        </footer>
    }
}

/// Appends a text of the closing as `<tag class id tabindex="-1">`, its facts marked.
fn push_text(
    out: &mut String,
    viewer: &Viewer,
    at: TextId<'_>,
    tag: &str,
    class: &str,
    text: &str,
) {
    let anchor = at.to_string();
    let _ = write!(out, "<{tag} class=\"{class}\" id=\"");
    push_escaped(out, &viewer.ids.reply(&anchor));
    out.push_str("\" tabindex=\"-1\">");
    push_fact_html(out, viewer, &anchor, text);
    let _ = write!(out, "</{tag}>");
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
