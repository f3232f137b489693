//! The snapshot's chart: one row per funding item, the bar an HTML element whose width is set in its
//! `style` (no SVG, no script), so it survives a CMS's sanitizer and reads without the stylesheet.

use leptos::prelude::*;

use super::*;

/// The bar's class for its role (painted by `style/snapshot.css`, patterns included).
fn still_class(role: MoneyRole) -> &'static str {
    match role {
        MoneyRole::Allocated => "dafu-chart__hbar dafu-chart__hbar--allocated",
        MoneyRole::Obtained => "dafu-chart__hbar dafu-chart__hbar--obtained",
        MoneyRole::Requested => "dafu-chart__hbar dafu-chart__hbar--requested",
        MoneyRole::Refused => "dafu-chart__hbar dafu-chart__hbar--refused",
        MoneyRole::Loan => "dafu-chart__hbar dafu-chart__hbar--loan",
        MoneyRole::Planned => "dafu-chart__hbar dafu-chart__hbar--planned",
    }
}

/// Bars as a list, one row each: the label (a link to the amount in its sentence), the bar, the
/// exact amount. Widths come from the same integer scale as the live chart's.
#[component]
pub(super) fn StillRows(
    /// The reply's shared state.
    viewer: Viewer,
    /// The bars.
    bars: Vec<Bar>,
) -> impl IntoView {
    let scale = LinearScale::new(bars.iter().map(|b| b.upper_wan.unwrap_or(b.wan)), BAR_RANGE);
    let t = viewer.t;
    let rows = bars
        .into_iter()
        .map(|bar| {
            let len = scale.length(bar.wan, MIN_BAR);
            let range = bar
                .upper_wan
                .map(|u| Centi(scale.length(u, MIN_BAR).0.saturating_sub(len.0)));
            let label = t.bar_label(&bar.label);
            let label = if bar.depth > 0 {
                format!("{}{label}", t.funding.of_which)
            } else {
                label
            };
            let value = format!("{}{}", t.bar_value(&bar), t.role_suffix(bar.role));
            view! {
                <li class="dafu-chart__hrow" class=("dafu-chart__hrow--part", bar.depth > 0)>
                    <a class="dafu-chart__hlabel" href=viewer.ids.reply_href(&bar.link)>{label}</a>
                    // Spaces keep label and amount apart where the stylesheet is dropped.
                    " "
                    <span class="dafu-chart__track">
                        <span
                            class=still_class(bar.role)
                            class=("dafu-chart__hbar--approx", bar.approx)
                            style=format!("width:{len}%")
                        ></span>
                        {range.map(|r| view! {
                            <span class="dafu-chart__hbar dafu-chart__hbar--range" style=format!("width:{r}%")></span>
                        })}
                    </span>
                    " "
                    <span class="dafu-chart__hvalue">{value}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="dafu-chart__rows">{rows}</ol> }
}
