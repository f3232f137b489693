//! Funding as SVG charts (by purpose, by year, share of total) with a real table twin.

use leptos::prelude::*;

use dafu_core::model::scale::{per_mille, percent};
use dafu_core::model::{Bar, Centi, Decimal, LinearScale, MoneyRole};

use super::fill::{Fill, Seen};
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
        MoneyRole::Requested => "dafu-chart__bar dafu-chart__bar--requested",
        MoneyRole::Refused => "dafu-chart__bar dafu-chart__bar--refused",
        MoneyRole::Loan => "dafu-chart__bar dafu-chart__bar--loan",
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

/// The patterns that tell roles apart without colour, with ids unique to this instance.
#[component]
fn Patterns(
    /// The reply's shared state.
    viewer: Viewer,
) -> impl IntoView {
    view! {
        <defs>
            <pattern id=viewer.ids.of("pattern-requested") class="dafu-chart__pattern" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
                <rect class="dafu-chart__pattern-bg" width="8" height="8"></rect>
                <line class="dafu-chart__pattern-ink" x1="0" y1="0" x2="0" y2="8" stroke-width="3"></line>
            </pattern>
            <pattern id=viewer.ids.of("pattern-refused") class="dafu-chart__pattern" patternUnits="userSpaceOnUse" width="8" height="8">
                <rect class="dafu-chart__pattern-bg" width="8" height="8"></rect>
                <path class="dafu-chart__pattern-ink" d="M0 0L8 8M8 0L0 8" stroke-width="1.5"></path>
            </pattern>
            <pattern id=viewer.ids.of("pattern-loan") class="dafu-chart__pattern" patternUnits="userSpaceOnUse" width="6" height="6">
                <rect class="dafu-chart__pattern-bg" width="6" height="6"></rect>
                <circle class="dafu-chart__pattern-dot" cx="3" cy="3" r="1.6"></circle>
            </pattern>
        </defs>
    }
}

fn fill(viewer: &Viewer, role: MoneyRole) -> Option<String> {
    let name = match role {
        MoneyRole::Allocated => return None,
        MoneyRole::Requested => "pattern-requested",
        MoneyRole::Refused => "pattern-refused",
        MoneyRole::Loan => "pattern-loan",
    };
    Some(format!("url({})", viewer.ids.href(name)))
}

/// Bars, one row each: the label above, the bar, and the exact amount after it. A click on a row opens
/// the sentence the amount comes from.
#[component]
fn BarRows(
    /// The reply's shared state.
    viewer: Viewer,
    /// The bars.
    bars: Vec<Bar>,
) -> impl IntoView {
    let scale = LinearScale::new(bars.iter().map(|b| b.upper_wan.unwrap_or(b.wan)), BAR_RANGE);
    bars.into_iter()
        .enumerate()
        .map(|(i, bar)| {
            let y = u64::try_from(i).unwrap_or(0) * ROW;
            let indent = em(if bar.depth > 0 { INDENT } else { Centi(0) });
            let len = scale.length(bar.wan, MIN_BAR);
            let upper = bar.upper_wan.map(|u| scale.length(u, MIN_BAR));
            let end = upper.unwrap_or(len);
            let t = viewer.t;
            let label = if bar.depth > 0 { format!("{}{}", t.of_which, clip_label(&bar.label)) } else { clip_label(&bar.label) };
            let value = format!("{}{}", bar.value_text, t.role_suffix(bar.role));
            let fill = fill(&viewer, bar.role);
            let link = bar.link.clone();
            let reveal = {
                let viewer = viewer.clone();
                move |_| {
                    viewer.reveal_funding(&link);
                }
            };
            view! {
                <g class="dafu-chart__row" class=("dafu-chart__row--part", bar.depth > 0) on:click=reveal>
                    // The whole row takes the click, not only the painted bar and text.
                    <rect class="dafu-chart__hit" x="0" y=em(Centi(y)) width="100%" height=em(Centi(ROW)) fill="transparent"></rect>
                    <text class="dafu-chart__label" x=indent.clone() y=em(Centi(y + LABEL_Y))>{label}</text>
                    <svg x=indent y=em(Centi(y + BAR_Y)) width="100%" height=em(BAR_H) overflow="visible">
                        <rect
                            class=role_class(bar.role)
                            class=("dafu-chart__bar--approx", bar.approx)
                            x="0"
                            y="0"
                            width=format!("{len}%")
                            height=em(BAR_H)
                            fill=fill
                        ></rect>
                        {upper.map(|u| view! {
                            <rect
                                class="dafu-chart__bar dafu-chart__bar--range"
                                x=format!("{len}%")
                                y="0"
                                width=format!("{}%", Centi(u.0.saturating_sub(len.0)))
                                height=em(BAR_H)
                            ></rect>
                        })}
                        {if end > INSIDE_FROM {
                            view! {
                                <text class="dafu-chart__value dafu-chart__value--inside" x=format!("{end}%") dx="-0.4em" y="0.95em" text-anchor="end">{value}</text>
                            }.into_any()
                        } else {
                            view! { <text class="dafu-chart__value" x=format!("{end}%") dx="0.4em" y="0.95em">{value}</text> }.into_any()
                        }}
                    </svg>
                </g>
            }
        })
        .collect_view()
}

/// One stacked bar of the allocated items' shares of the total, with a numbered legend.
#[component]
fn ShareRows(
    /// The reply's shared state.
    viewer: Viewer,
    /// The allocated, summable top-level bars.
    bars: Vec<Bar>,
    /// Their exact total.
    total: Decimal,
) -> impl IntoView {
    let scale = LinearScale::new([total], Centi(10_000));
    let mut at = Decimal::ZERO;
    let segments = bars
        .iter()
        .enumerate()
        .map(|(i, bar)| {
            let x = scale.map(at);
            at = at.checked_add(bar.wan).unwrap_or(at);
            let width = Centi(scale.map(at).0.saturating_sub(x.0));
            view! {
                <rect
                    class="dafu-chart__segment"
                    class=("dafu-chart__segment--alt", i % 2 == 1)
                    x=format!("{x}%")
                    y="0.25em"
                    width=format!("{width}%")
                    height="2.25em"
                ></rect>
                <text class="dafu-chart__segment-number" x=format!("{x}%") dx="0.3em" y="1.6em">{(i + 1).to_string()}</text>
            }
        })
        .collect_view();
    let legend = bars
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            let y = em(Centi(
                SHARE_TOP + u64::try_from(i).unwrap_or(0) * LEGEND_ROW,
            ));
            let share = per_mille(bar.wan, total).map(percent).unwrap_or_default();
            let link = bar.link.clone();
            let viewer = viewer.clone();
            view! {
                <text
                    class="dafu-chart__legend"
                    x="0"
                    y=y
                    on:click=move |_| {
                        viewer.reveal_funding(&link);
                    }
                >
                    {format!("{}. {} {} {share}", i + 1, clip_label(&bar.label), bar.value_text)}
                </text>
            }
        })
        .collect_view();
    view! { {segments}{legend} }
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
                <h2 class="dafu-funding__title" id=title_id.clone()>{t.funding}</h2>
                <p class="dafu-funding__none">{t.no_funding}</p>
            </section>
        }
        .into_any();
    }
    let totals = reply.funding_totals();
    let by_purpose = reply.bars_by_purpose();
    let purpose_bars = by_purpose.len();
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

    let total_lines = [
        (totals.allocated, MoneyRole::Allocated, "dafu-funding__total dafu-funding__total--allocated"),
        (totals.loan, MoneyRole::Loan, "dafu-funding__total"),
        (totals.requested, MoneyRole::Requested, "dafu-funding__total"),
        (totals.refused, MoneyRole::Refused, "dafu-funding__total"),
    ]
    .into_iter()
    .filter_map(|(sum, role, class)| {
        sum.map(|s| {
            view! { <p class=class>{t.role_total(role)} " " <strong class="dafu-funding__total-value">{t.wan(s)}</strong></p> }
        })
    })
    .collect_view();
    let not_summed = (totals.not_summed > 0).then(|| t.not_summed(totals.not_summed));
    let largest = by_purpose
        .iter()
        .filter(|b| b.depth == 0)
        .max_by_key(|b| b.wan)
        .cloned();
    let chart_title = move || {
        let what = match view_mode.get() {
            ChartView::Purpose => t.by_purpose,
            ChartView::Year => t.by_year,
            ChartView::Share => t.shares_title(),
        };
        t.chart_title(what, totals.allocated)
    };
    let chart_desc = largest.as_ref().map(|b| {
        let share = totals.allocated.and_then(|total| per_mille(b.wan, total));
        t.chart_desc(reply.funding.len(), &b.label, &b.value_text, share)
    });
    let rows_for = move |mode: ChartView| match mode {
        ChartView::Purpose => by_purpose.clone(),
        ChartView::Year => by_year.clone().unwrap_or_default(),
        ChartView::Share => shares.clone(),
    };
    let share_total = totals.allocated.unwrap_or(Decimal::ZERO);
    // Drawn with the rest of the page (see `Fill`): the bars at first sight, the hidden table later
    // or as soon as it is asked for (print shows it too, so the fill draws it in any case).
    let bars_drawn = viewer.fill.part(purpose_bars, Seen::AtOnce);
    let table_drawn = viewer.fill.part(reply.funding.len(), Seen::Later);
    let table_viewer = viewer.clone();
    let chart_viewer = viewer.clone();
    let chart = move || {
        let bars = rows_for(view_mode.get());
        match view_mode.get() {
            ChartView::Share => {
                view! { <ShareRows viewer=chart_viewer.clone() bars=bars total=share_total /> }
                    .into_any()
            }
            _ => view! { <BarRows viewer=chart_viewer.clone() bars=bars /> }.into_any(),
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
        view! {
            <button
                type="button"
                class="dafu-funding__switch"
                aria-pressed=move || (view_mode.get() == mode).to_string()
                on:click=move |_| view_mode.set(mode)
            >
                {label}
            </button>
        }
    };
    view! {
        <section class="dafu-funding" id=section_id aria-labelledby=viewer.region_label(&title_id)>
            <h2 class="dafu-funding__title" id=title_id.clone()>{t.funding}</h2>
            {total_lines}
            {not_summed.map(|n| view! { <p class="dafu-funding__note">{n}</p> })}
            {(has_years || can_share).then(|| view! {
                <div class="dafu-funding__switches" role="group" aria-label=t.chart_view>
                    {switch(ChartView::Purpose, t.by_purpose)}
                    {has_years.then(|| switch(ChartView::Year, t.by_year))}
                    {can_share.then(|| switch(ChartView::Share, t.shares))}
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
                    {move || bars_drawn.get().then(chart.clone())}
                </svg>
                <figcaption class="dafu-chart__caption">
                    {t.chart_key}
                </figcaption>
            </figure>
            <button
                type="button"
                class="dafu-funding__table-toggle"
                aria-expanded=move || show_table.get().to_string()
                aria-controls=table_id.clone()
                on:click=move |_| {
                    Fill::draw(table_drawn);
                    show_table.update(|s| *s = !*s);
                }
            >
                {move || if show_table.get() { t.hide_table } else { t.show_table }}
            </button>
            <div class="dafu-funding__table-wrap" id=table_id hidden=move || !show_table.get()>
                {move || table_drawn.get().then(|| view! { <FundingTable viewer=table_viewer.clone() /> })}
            </div>
        </section>
    }
    .into_any()
}

/// The funding as a table: every item, its parts indented, role and share, with a link to the sentence.
#[component]
fn FundingTable(
    /// The reply's shared state.
    viewer: Viewer,
) -> impl IntoView {
    let reply = viewer.reply.clone();
    let t = viewer.t;
    let [c_item, c_written, c_wan, c_kind, c_share, c_source] = t.columns;
    let totals = reply.funding_totals();
    let rows = reply
        .funding_rows()
        .into_iter()
        .map(|row| {
            let item = row.item;
            let label = dafu_core::model::funding::label_of(item);
            let label = if row.depth > 0 {
                format!("{}{label}", t.of_which)
            } else {
                label
            };
            let wan = row.wan.map(|w| w.grouped()).unwrap_or_default();
            let wan = match (item.money.per(), item.money.upper_in_wan_yuan()) {
                (Some(per), _) => format!("{wan}/{per}"),
                (None, Some(u)) => format!("{wan}-{}", u.grouped()),
                (None, None) => wan,
            };
            let share = row.share.map(percent).unwrap_or_else(|| "—".to_owned());
            let note = if row.counted {
                ""
            } else if row.depth > 0 {
                t.included_above
            } else {
                t.not_in_totals
            };
            let href = viewer.ids.href(&item.id);
            let (block, id) = (item.at.block.clone(), item.id.clone());
            let v = viewer.clone();
            view! {
                <tr class="dafu-table__row" class=("dafu-table__row--part", row.depth > 0)>
                    <th class="dafu-table__label" scope="row">{label}</th>
                    <td class="dafu-table__number" data-label=c_written>{item.written.clone()}</td>
                    <td class="dafu-table__number" data-label=c_wan>{wan}</td>
                    <td class="dafu-table__role" data-label=c_kind>{t.role(item.role)}{note}</td>
                    <td class="dafu-table__number" data-label=c_share>{share}</td>
                    <td class="dafu-table__source" data-label=c_source>
                        <a
                            class="dafu-table__link"
                            href=href
                            on:click=move |ev| {
                                ev.prevent_default();
                                v.reveal(&block, Some(&id));
                            }
                        >
                            {t.source_link}
                        </a>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let total = totals.allocated.map(|sum| {
        view! {
            <tfoot>
                <tr class="dafu-table__total">
                    <th class="dafu-table__label" scope="row">{t.allocated_total}</th>
                    <td class="dafu-table__number dafu-table__number--empty"></td>
                    <td class="dafu-table__number" data-label=c_wan>{sum.grouped()}</td>
                    <td class="dafu-table__role dafu-table__role--empty"></td>
                    <td class="dafu-table__number" data-label=c_share>"100%"</td>
                    <td class="dafu-table__source dafu-table__source--empty"></td>
                </tr>
            </tfoot>
        }
    });
    view! {
        <table class="dafu-table">
            <caption class="dafu-table__caption">{t.table_caption}</caption>
            <thead>
                <tr>
                    <th class="dafu-table__head" scope="col">{c_item}</th>
                    <th class="dafu-table__head" scope="col">{c_written}</th>
                    <th class="dafu-table__head" scope="col">{c_wan}</th>
                    <th class="dafu-table__head" scope="col">{c_kind}</th>
                    <th class="dafu-table__head" scope="col">{c_share}</th>
                    <th class="dafu-table__head" scope="col">{c_source}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
            {total}
        </table>
    }
}
