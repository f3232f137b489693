//! The funding as a table: the chart's real twin, every item with its role, share and sentence.

use leptos::prelude::*;

use super::*;

/// One row of the table, as shown.
#[derive(Clone)]
struct Row {
    label: String,
    written: String,
    wan: String,
    role: &'static str,
    note: &'static str,
    share: String,
    part: bool,
    block: String,
    id: String,
}

/// The funding as a table: every item, its parts indented, role and share, with a link to the sentence.
#[component]
pub(super) fn FundingTable(
    /// The reply's shared state.
    viewer: Viewer,
    /// The fill's parts for the rows (from [`Fill::list`]), a slice of rows each.
    parts: Vec<RwSignal<bool>>,
) -> impl IntoView {
    let reply = viewer.reply.clone();
    let t = viewer.t;
    let [c_item, c_written, c_wan, c_kind, c_share, c_source] = t.funding.columns;
    let totals = reply.funding_totals();
    let word = reply.allocated_word();
    let rows: Vec<Row> = reply
        .funding_rows()
        .into_iter()
        .map(|row| {
            let item = row.item;
            let label = dafu_core::model::label_of(item);
            let label = if row.depth > 0 {
                format!("{}{label}", t.funding.of_which)
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
                t.funding.included_above
            } else {
                t.funding.not_in_totals
            };
            Row {
                label,
                written: item.written.clone(),
                wan,
                // Each row says what its own sentence says (安排, 投入, 拨付).
                role: t.role(item.role, row.word),
                note,
                share,
                part: row.depth > 0,
                block: item.at.block.clone(),
                id: item.id.clone(),
            }
        })
        .collect();
    let rows = Fill::draw_list(rows, &parts, move |row: Row| {
        let Row {
            label,
            written,
            wan,
            role,
            note,
            share,
            part,
            block,
            id,
        } = row;
        let href = viewer.ids.reply_href(&id);
        let v = viewer.clone();
        view! {
            <tr class="dafu-table__row" class=("dafu-table__row--part", part)>
                <th class="dafu-table__label" scope="row">{label}</th>
                <td class="dafu-table__number" data-label=c_written>{written}</td>
                <td class="dafu-table__number" data-label=c_wan>{wan}</td>
                <td class="dafu-table__role" data-label=c_kind>{role}{note}</td>
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
                        {t.funding.source_link}
                    </a>
                </td>
            </tr>
        }
    });
    let total = totals.allocated.map(|sum| {
        view! {
            <tfoot>
                <tr class="dafu-table__total">
                    <th class="dafu-table__label" scope="row">{t.role_total(MoneyRole::Allocated, word)}</th>
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
            <caption class="dafu-table__caption">{t.funding.table_caption}</caption>
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
