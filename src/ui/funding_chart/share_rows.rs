//! The share view: one stacked bar of the allocated items, with a numbered legend.

use leptos::prelude::*;

use super::*;

/// One stacked bar of the allocated items' shares of the total, with a numbered legend. Each item's
/// segment and legend line are drawn together, a slice of items at a time.
#[component]
pub(super) fn ShareRows(
    /// The reply's shared state.
    viewer: Viewer,
    /// The allocated, summable top-level bars.
    bars: Vec<Bar>,
    /// Their exact total.
    total: Decimal,
    /// The fill's parts for these items (from [`Fill::list`]), a slice of items each.
    parts: Vec<RwSignal<bool>>,
) -> impl IntoView {
    let t = viewer.t;
    let scale = LinearScale::new([total], Centi(10_000));
    // Where each segment starts and how wide it is, summed in order before any is drawn.
    let mut at = Decimal::ZERO;
    let items: Vec<(usize, Bar, Centi, Centi)> = bars
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            let x = scale.map(at);
            at = at.checked_add(bar.wan).unwrap_or(at);
            let width = Centi(scale.map(at).0.saturating_sub(x.0));
            (i, bar, x, width)
        })
        .collect();
    let item = move |(i, bar, x, width): (usize, Bar, Centi, Centi)| {
        let y = em(Centi(
            SHARE_TOP + u64::try_from(i).unwrap_or(0) * LEGEND_ROW,
        ));
        let share = per_mille(bar.wan, total).map(percent).unwrap_or_default();
        let link = bar.link.clone();
        let viewer = viewer.clone();
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
            <text
                class="dafu-chart__legend"
                x="0"
                y=y
                on:click=move |_| {
                    viewer.reveal_funding(&link);
                }
            >
                {format!("{}. {} {} {share}", i + 1, clip_label(&t.bar_label(&bar.label)), t.bar_value(&bar))}
            </text>
        }
    };
    Fill::draw_list(items, &parts, item)
}
