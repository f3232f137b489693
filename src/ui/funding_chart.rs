//! Funding as SVG charts (by purpose, by year, share of total) with a real table twin.

use leptos::prelude::*;

use dafu_core::model::{per_mille, percent};
use dafu_core::model::{AllocatedWord, Bar, Centi, Decimal, FundingTotals, LinearScale, MoneyRole};

mod bar_rows;
mod funding_table;
mod patterns;
mod share_rows;
#[cfg(feature = "snapshot")]
mod still_rows;

use self::bar_rows::BarRows;
use self::funding_table::FundingTable;
use self::patterns::Patterns;
use self::share_rows::ShareRows;
#[cfg(feature = "snapshot")]
use self::still_rows::StillRows;
use super::fill::{Fill, Seen};
use super::i18n::Text;
use super::viewer::Viewer;

/// Chart geometry is in hundredths of an em, so the chart grows with the text-size setting and the
/// host page's font size. One row: a label line, then the bar.
const ROW: u64 = 375;
/// Where a row's label sits (baseline), and its bar.
const LABEL_Y: u64 = 125;
const BAR_Y: u64 = 175;
const BAR_H: Centi = Centi(125);
/// How far a 其中 part is indented.
const INDENT: Centi = Centi(150);
/// The share view: the stacked bar, then legend lines.
const SHARE_TOP: u64 = 400;
const LEGEND_ROW: u64 = 200;

/// A length in ems.
fn em(c: Centi) -> String {
    format!("{c}em")
}
/// The longest bar spans the whole width.
const BAR_RANGE: Centi = Centi(10_000);
/// A non-zero amount is drawn at least this long (hundredths of a percent of the width).
const MIN_BAR: Centi = Centi(50);
/// A bar ending past this share of the width carries its amount inside, so the text never runs off a phone.
const INSIDE_FROM: Centi = Centi(4500);
/// SVG labels longer than this are cut; the table beside the chart has them whole.
const LABEL_CHARS: usize = 18;

/// Which chart is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ChartView {
    Purpose,
    Year,
    Share,
}

fn role_class(role: MoneyRole) -> &'static str {
    match role {
        MoneyRole::Allocated => "dafu-chart__bar dafu-chart__bar--allocated",
        MoneyRole::Obtained => "dafu-chart__bar dafu-chart__bar--obtained",
        MoneyRole::Requested => "dafu-chart__bar dafu-chart__bar--requested",
        MoneyRole::Refused => "dafu-chart__bar dafu-chart__bar--refused",
        MoneyRole::Loan => "dafu-chart__bar dafu-chart__bar--loan",
        MoneyRole::Planned => "dafu-chart__bar dafu-chart__bar--planned",
    }
}

fn clip_label(label: &str) -> String {
    let chars: Vec<char> = label.chars().collect();
    if chars.len() > LABEL_CHARS {
        chars.iter().take(LABEL_CHARS - 1).collect::<String>() + "…"
    } else {
        label.to_owned()
    }
}

fn fill(viewer: &Viewer, role: MoneyRole) -> Option<String> {
    let name = match role {
        // Solid (obtained with a dark border) or outlined (planned) in the stylesheet: no pattern.
        MoneyRole::Allocated | MoneyRole::Obtained | MoneyRole::Planned => return None,
        MoneyRole::Requested => "pattern-requested",
        MoneyRole::Refused => "pattern-refused",
        MoneyRole::Loan => "pattern-loan",
    };
    Some(format!("url({})", viewer.ids.href(name)))
}

/// One line per role with money: its exact total (never summed across roles), allocated money as the
/// text says it (`word`).
fn total_lines(t: &'static Text, totals: &FundingTotals, word: AllocatedWord) -> impl IntoView {
    [
        (totals.allocated, MoneyRole::Allocated, "dafu-funding__total dafu-funding__total--allocated"),
        (totals.obtained, MoneyRole::Obtained, "dafu-funding__total"),
        (totals.loan, MoneyRole::Loan, "dafu-funding__total"),
        (totals.requested, MoneyRole::Requested, "dafu-funding__total"),
        (totals.refused, MoneyRole::Refused, "dafu-funding__total"),
        (totals.planned, MoneyRole::Planned, "dafu-funding__total"),
    ]
    .into_iter()
    .filter_map(|(sum, role, class)| {
        sum.map(|s| {
            view! { <p class=class>{t.role_total(role, word)} " " <strong class="dafu-funding__total-value">{t.wan(s)}</strong></p> }
        })
    })
    .collect_view()
}

/// Shows the reply's funding: exact totals per role, a chart (by purpose, by year when years differ,
/// or as shares), and the same numbers as a table.
#[component]
pub fn FundingChart(
    /// The reply's shared state.
    viewer: Viewer,
) -> impl IntoView {
    let reply = viewer.reply.clone();
    let ids = viewer.ids.clone();
    let t = viewer.t;
    let title_id = ids.of("funding-title");
    let section_id = ids.of("funding");
    if reply.funding.is_empty() {
        return view! {
            <section class="dafu-funding" id=section_id aria-labelledby=viewer.region_label(&title_id)>
                <h2 class="dafu-funding__title" id=title_id.clone()>{t.funding.heading}</h2>
                <p class="dafu-funding__none">{t.funding.none}</p>
            </section>
        }
        .into_any();
    }
    #[cfg(feature = "snapshot")]
    if viewer.mode.is_snapshot() {
        return still_funding(&viewer).into_any();
    }
    let totals = reply.funding_totals();
    let word = reply.allocated_word();
    let by_purpose = reply.bars_by_purpose();
    let key = t.chart_key(&by_purpose, word);
    let by_year = reply.bars_by_year();
    let shares: Vec<Bar> = by_purpose
        .iter()
        .filter(|b| b.depth == 0 && b.role == MoneyRole::Allocated && b.upper_wan.is_none())
        .cloned()
        .collect();
    let has_years = by_year.is_some();
    let row_count = |n: usize| u64::try_from(n).unwrap_or(0);
    let (by_purpose_len, by_year_len, share_len) = (
        row_count(by_purpose.len()),
        row_count(by_year.as_ref().map_or(0, Vec::len)),
        row_count(shares.len()),
    );
    let can_share = shares.len() > 1 && totals.allocated.is_some();
    let view_mode = RwSignal::new(ChartView::Purpose);
    let show_table = RwSignal::new(false);

    let total_lines = total_lines(t, &totals, word);
    let not_summed = (totals.not_summed > 0).then(|| t.not_summed(totals.not_summed));
    let largest = by_purpose
        .iter()
        .filter(|b| b.depth == 0)
        .max_by_key(|b| b.wan)
        .cloned();
    let chart_title = move || {
        let what = match view_mode.get() {
            ChartView::Purpose => t.funding.by_purpose,
            ChartView::Year => t.funding.by_year,
            ChartView::Share => t.funding.shares_title,
        };
        t.chart_title(what, totals.allocated, word)
    };
    let chart_desc = largest.as_ref().map(|b| {
        let share = totals.allocated.and_then(|total| per_mille(b.wan, total));
        t.chart_desc(
            reply.funding.len(),
            &t.bar_label(&b.label),
            &t.bar_value(b),
            share,
        )
    });
    let share_total = totals.allocated.unwrap_or(Decimal::ZERO);
    // Drawn with the rest of the page, a slice of rows at a time (see `Fill`): the bars by purpose at
    // first sight, the table (behind a button) after the rest or its top as soon as it is asked for
    // (print shows it too, so the fill draws it in any case). A view switched to is made anew: its
    // top at once, the rest queued, so a switch never draws thousands of rows in one frame.
    let fill = viewer.fill;
    let purpose_parts = fill.list(by_purpose.len(), Seen::AtOnce);
    let year_parts = Fill::unqueued(by_year.as_ref().map_or(0, Vec::len));
    let share_parts = Fill::unqueued(if can_share { shares.len() } else { 0 });
    let table_parts = fill.list(reply.funding.len(), Seen::Later);
    let table = view! { <FundingTable viewer=viewer.clone() parts=table_parts.clone() /> };
    let parts_of = move |mode: ChartView| match mode {
        ChartView::Purpose => purpose_parts.clone(),
        ChartView::Year => year_parts.clone(),
        ChartView::Share => share_parts.clone(),
    };
    let rows_for = move |mode: ChartView| match mode {
        ChartView::Purpose => by_purpose.clone(),
        ChartView::Year => by_year.clone().unwrap_or_default(),
        ChartView::Share => shares.clone(),
    };
    let chart_viewer = viewer.clone();
    let chart = {
        let parts_of = parts_of.clone();
        move || {
            let mode = view_mode.get();
            let (bars, parts) = (rows_for(mode), parts_of(mode));
            match mode {
                ChartView::Share => view! {
                    <ShareRows viewer=chart_viewer.clone() bars=bars total=share_total parts=parts />
                }
                .into_any(),
                _ => view! { <BarRows viewer=chart_viewer.clone() bars=bars parts=parts /> }
                    .into_any(),
            }
        }
    };
    let counts = [
        (ChartView::Purpose, by_purpose_len),
        (ChartView::Year, by_year_len),
        (ChartView::Share, share_len),
    ];
    let chart_height = move || {
        let mode = view_mode.get();
        let rows = counts
            .iter()
            .find(|(m, _)| *m == mode)
            .map_or(0, |(_, n)| *n);
        match mode {
            ChartView::Share => em(Centi(SHARE_TOP + rows * LEGEND_ROW)),
            _ => em(Centi(rows * ROW + 25)),
        }
    };
    let svg_title_id = ids.of("funding-chart-title");
    let svg_desc_id = ids.of("funding-chart-desc");
    let labelled_by = format!("{svg_title_id} {svg_desc_id}");
    let table_id = ids.of("funding-table");
    let switch = move |mode: ChartView, label: &'static str| {
        let parts = parts_of(mode);
        view! {
            <button
                type="button"
                class="dafu-funding__switch"
                aria-pressed=move || (view_mode.get() == mode).to_string()
                on:click=move |_| {
                    if view_mode.get_untracked() != mode {
                        fill.redraw(&parts);
                        view_mode.set(mode);
                    }
                }
            >
                {label}
            </button>
        }
    };
    view! {
        <section class="dafu-funding" id=section_id aria-labelledby=viewer.region_label(&title_id)>
            <h2 class="dafu-funding__title" id=title_id.clone()>{t.funding.heading}</h2>
            {total_lines}
            {not_summed.map(|n| view! { <p class="dafu-funding__note">{n}</p> })}
            {(has_years || can_share).then(|| view! {
                <div class="dafu-funding__switches" role="group" aria-label=t.funding.chart_view>
                    {switch(ChartView::Purpose, t.funding.by_purpose)}
                    {has_years.then(|| switch(ChartView::Year, t.funding.by_year))}
                    {can_share.then(|| switch(ChartView::Share, t.funding.shares))}
                </div>
            })}
            <figure class="dafu-chart">
                <svg
                    class="dafu-chart__svg"
                    role="img"
                    aria-labelledby=labelled_by
                    width="100%"
                    height=chart_height
                    xmlns="http://www.w3.org/2000/svg"
                >
                    <title id=svg_title_id>{chart_title}</title>
                    <desc id=svg_desc_id>{chart_desc}</desc>
                    <Patterns viewer=viewer.clone() />
                    {chart}
                </svg>
                <figcaption class="dafu-chart__caption">{key}</figcaption>
            </figure>
            <button
                type="button"
                class="dafu-funding__table-toggle"
                aria-expanded=move || show_table.get().to_string()
                aria-controls=table_id.clone()
                on:click=move |_| {
                    Fill::draw_first(&table_parts);
                    show_table.update(|s| *s = !*s);
                }
            >
                {move || if show_table.get() { t.funding.hide_table } else { t.funding.show_table }}
            </button>
            <div class="dafu-funding__table-wrap" id=table_id hidden=move || !show_table.get()>
                {table}
            </div>
        </section>
    }
    .into_any()
}

/// The snapshot's funding: the totals, the chart by purpose as HTML bars (widths in `style`), and the
/// table beside it, shown (no switches, no table toggle: they need script).
#[cfg(feature = "snapshot")]
fn still_funding(viewer: &Viewer) -> impl IntoView {
    let (reply, ids, t) = (&viewer.reply, &viewer.ids, viewer.t);
    let title_id = ids.of("funding-title");
    let totals = reply.funding_totals();
    let word = reply.allocated_word();
    let by_purpose = reply.bars_by_purpose();
    let key = t.chart_key(&by_purpose, word);
    let total_lines = total_lines(t, &totals, word);
    let not_summed = (totals.not_summed > 0).then(|| t.not_summed(totals.not_summed));
    let desc = by_purpose
        .iter()
        .filter(|b| b.depth == 0)
        .max_by_key(|b| b.wan)
        .map(|b| {
            let share = totals.allocated.and_then(|total| per_mille(b.wan, total));
            t.chart_desc(
                reply.funding.len(),
                &t.bar_label(&b.label),
                &t.bar_value(b),
                share,
            )
        });
    view! {
        <section class="dafu-funding" id=ids.of("funding") aria-labelledby=viewer.region_label(&title_id)>
            <h2 class="dafu-funding__title" id=title_id.clone()>{t.funding.heading}</h2>
            {total_lines}
            {not_summed.map(|n| view! { <p class="dafu-funding__note">{n}</p> })}
            <figure class="dafu-chart dafu-chart--still">
                <p class="dafu-chart__heading">{t.chart_title(t.funding.by_purpose, totals.allocated, word)}</p>
                {desc.map(|d| view! { <p class="dafu-chart__desc">{d}</p> })}
                <StillRows viewer=viewer.clone() bars=by_purpose />
                <figcaption class="dafu-chart__caption">{key}</figcaption>
            </figure>
            <div class="dafu-funding__table-wrap" id=ids.of("funding-table")>
                <FundingTable viewer=viewer.clone() parts=Vec::new() />
            </div>
        </section>
    }
}
