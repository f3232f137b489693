//! The timeline: initiatives and dated facts in time order, grouped by year, each opening its sentence.

use leptos::prelude::*;

use dafu_core::model::{Entry, Placement};

use super::fill::{Fill, Seen};
use super::viewer::Viewer;

fn placement_class(p: Placement) -> &'static str {
    match p {
        Placement::On => "dafu-timeline__event dafu-timeline__event--on",
        Placement::AsOf => "dafu-timeline__event dafu-timeline__event--as-of",
        Placement::Span { .. } => "dafu-timeline__event dafu-timeline__event--span",
        Placement::Since => "dafu-timeline__event dafu-timeline__event--since",
        Placement::Until => "dafu-timeline__event dafu-timeline__event--until",
        Placement::Unresolved => "dafu-timeline__event dafu-timeline__event--unresolved",
        Placement::Undated => "dafu-timeline__event dafu-timeline__event--undated",
    }
}

/// One entry: a button that opens the initiative's section and focuses it.
#[component]
fn TimelineEntry(
    /// The reply's shared state.
    viewer: Viewer,
    /// The entry shown.
    entry: Entry,
) -> impl IntoView {
    let t = viewer.t;
    // A mark only where it adds to the date as written (not 截至 before 截至2023年4月).
    let mark = if entry.shows_mark() {
        t.placement_mark(entry.placement)
    } else {
        ""
    };
    let place = t.position(entry.position);
    let stage = t.entry_stage(entry.stage());
    let when = t.entry_when(
        entry.date.as_ref().map_or("", |d| d.written()),
        entry.placement,
    );
    let (block, fact) = (entry.block.clone(), entry.fact.clone());
    // The snapshot's entry: the same parts with spaces between them, so that they stay apart where
    // a CMS drops the stylesheet (the live view's flex layout ignores such spaces anyway).
    #[cfg(feature = "snapshot")]
    let still = {
        let href = viewer.href_of(&block, fact.as_deref());
        let (date, place, summary) = (when.clone(), place.clone(), entry.summary.clone());
        view! {
            <a class="dafu-timeline__link" href=href>
                <span class="dafu-timeline__when">
                    {(!mark.is_empty()).then(|| view! { <span class="dafu-timeline__mark">{mark}</span> " " })}
                    <span class="dafu-timeline__date">{date}</span>
                </span>
                " "
                <span class="dafu-timeline__stage">{stage}</span>
                " "
                <span class="dafu-timeline__what">
                    <span class="dafu-timeline__place">{place}</span>
                    " "
                    {summary}
                </span>
            </a>
        }
    };
    let inner = view! {
        <span class="dafu-timeline__when">
            {(!mark.is_empty()).then(|| view! { <span class="dafu-timeline__mark">{mark}</span> })}
            <span class="dafu-timeline__date">{when}</span>
        </span>
        <span class="dafu-timeline__stage">{stage}</span>
        <span class="dafu-timeline__what">
            <span class="dafu-timeline__place">{place}</span>
            " "
            {entry.summary}
        </span>
    };
    let mode = viewer.mode;
    let link = super::viewer::live_or_still!(
        mode,
        still,
        view! {
            <button
                type="button"
                class="dafu-timeline__link"
                on:click=move |_| viewer.reveal(&block, fact.as_deref())
            >
                {inner}
            </button>
        }
    );
    view! {
        <li class=placement_class(entry.placement) class=("dafu-timeline__event--planned", entry.planned)>
            {link}
        </li>
    }
}

/// Shows the reply's timeline, oldest or newest first.
#[component]
pub fn Timeline(
    /// The reply's shared state.
    viewer: Viewer,
) -> impl IntoView {
    let timeline = viewer.reply.timeline();
    let newest_first = RwSignal::new(false);
    let title_id = viewer.ids.of("timeline-title");
    let labelled_by = viewer.region_label(&title_id);
    let t = viewer.t;
    let mode = viewer.mode;
    let count = timeline.len();
    // Each year's entries are drawn in slices (see `Fill`); the parts belong to the year, so turning
    // the order around keeps what is drawn.
    let parts: Vec<(Option<i32>, Vec<RwSignal<bool>>)> = timeline
        .groups
        .iter()
        .map(|g| (g.year, viewer.fill.list(g.entries.len(), Seen::AtOnce)))
        .collect();
    let groups = move || {
        timeline
            .ordered(newest_first.get())
            .into_iter()
            .map(|g| {
                let label = t.year(g.year);
                let year_parts = parts
                    .iter()
                    .find(|(year, _)| *year == g.year)
                    .map_or(&[][..], |(_, p)| p.as_slice());
                let viewer = viewer.clone();
                let entries = Fill::draw_list(g.entries, year_parts, move |e| {
                    view! { <TimelineEntry viewer=viewer.clone() entry=e /> }
                });
                view! {
                    <li class="dafu-timeline__year">
                        <h3 class="dafu-timeline__year-label">{label}</h3>
                        <ol class="dafu-timeline__events">{entries}</ol>
                    </li>
                }
            })
            .collect_view()
    };
    (count > 0).then(|| {
        view! {
            <section class="dafu-timeline" aria-labelledby=labelled_by.clone()>
                <div class="dafu-timeline__head">
                    <h2 class="dafu-timeline__title" id=title_id.clone()>{t.timeline.heading}</h2>
                    // The order toggle needs script: the snapshot is oldest first.
                    {super::viewer::live_or_still!(mode, (), view! {
                        <button
                            type="button"
                            class="dafu-timeline__order"
                            aria-pressed=move || newest_first.get().to_string()
                            on:click=move |_| newest_first.update(|n| *n = !*n)
                        >
                            {t.timeline.newest_first}
                        </button>
                    })}
                </div>
                <p class="dafu-timeline__note">
                    {t.timeline_note(count)}
                </p>
                <ol class="dafu-timeline__years">{groups}</ol>
            </section>
        }
    })
}
