//! The chart's rows: one bar per funding item (or year), its label and its amount as written.

use leptos::prelude::*;

use super::*;

/// Bars, one row each: the label above, the bar, and the exact amount after it. A click on a row opens
/// the sentence the amount comes from.
#[component]
pub(super) fn BarRows(
    /// The reply's shared state.
    viewer: Viewer,
    /// The bars.
    bars: Vec<Bar>,
    /// The fill's parts for these rows (from [`Fill::list`]), a slice of rows each.
    parts: Vec<RwSignal<bool>>,
) -> impl IntoView {
    let scale = LinearScale::new(bars.iter().map(|b| b.upper_wan.unwrap_or(b.wan)), BAR_RANGE);
    let row = move |(i, bar): (usize, Bar)| {
        let y = u64::try_from(i).unwrap_or(0) * ROW;
        let indent = em(if bar.depth > 0 { INDENT } else { Centi(0) });
        let len = scale.length(bar.wan, MIN_BAR);
        let upper = bar.upper_wan.map(|u| scale.length(u, MIN_BAR));
        let end = upper.unwrap_or(len);
        let t = viewer.t;
        let label = clip_label(&t.bar_label(&bar.label));
        let label = if bar.depth > 0 {
            format!("{}{label}", t.funding.of_which)
        } else {
            label
        };
        let value = format!("{}{}", t.bar_value(&bar), t.role_suffix(bar.role));
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
    };
    Fill::draw_list(bars.into_iter().enumerate().collect(), &parts, row)
}
