//! The facts the reply states (figures, funding with its exact total, dates), each linked to its sentence.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::{Anchor, Reply};

use super::ids::Ids;
use super::sections::OpenSections;

/// A link to a fact's place in the text that opens its section first.
#[component]
fn FactLink(
    /// The reply shown.
    reply: Arc<Reply>,
    /// Where the fact stands.
    at: Anchor,
    /// The fact's id.
    id: String,
    /// This instance's ids.
    ids: Ids,
    /// The open state of the sections.
    open: OpenSections,
    /// The link text.
    children: Children,
) -> impl IntoView {
    let section = reply.section_of(&at.block);
    view! {
        <a
            class="dafu-facts__link"
            href=ids.href(&id)
            on:click=move |_| {
                if let Some(i) = section {
                    open.set(i, true);
                }
            }
        >
            {children()}
        </a>
    }
}

/// Lists every figure, amount and date the reply states; a plain view until the charts land.
#[component]
pub fn Facts(
    /// The reply shown.
    reply: Arc<Reply>,
    /// This instance's ids.
    ids: Ids,
    /// The open state of the sections.
    open: OpenSections,
) -> impl IntoView {
    let figures = reply
        .figures
        .iter()
        .map(|f| {
            let label = f.label.clone().unwrap_or_default();
            let written = f.written.clone();
            view! {
                <li class="dafu-facts__item">
                    <FactLink reply=reply.clone() at=f.at.clone() id=f.id.clone() ids=ids.clone() open=open>
                        <span class="dafu-facts__value">{written}</span>
                        " "
                        <span class="dafu-facts__label">{label}</span>
                    </FactLink>
                </li>
            }
        })
        .collect_view();
    let funding = reply
        .funding
        .iter()
        .map(|f| {
            let purpose = f.purpose.clone().unwrap_or_default();
            let payer = f.payer.clone().map(|p| format!("({p})")).unwrap_or_default();
            let (amount, role) = (f.money.to_string(), f.role.label_zh());
            view! {
                <li class="dafu-facts__item">
                    <FactLink reply=reply.clone() at=f.at.clone() id=f.id.clone() ids=ids.clone() open=open>
                        <span class="dafu-facts__value">{amount}</span>
                        " "
                        <span class="dafu-facts__label">{purpose}{payer}</span>
                        " "
                        <span class="dafu-facts__role">{role}</span>
                    </FactLink>
                </li>
            }
        })
        .collect_view();
    let total = reply.total_funding_wan_yuan().map(|t| {
        view! { <p class="dafu-facts__total">"合计 " <strong class="dafu-facts__total-value">{format!("{}万元", t.grouped())}</strong></p> }
    });
    let dates = reply
        .dates
        .iter()
        .map(|d| {
            let (written, placed) = (d.date.written().to_owned(), d.date.placed_zh());
            view! {
                <li class="dafu-facts__item">
                    <FactLink reply=reply.clone() at=d.at.clone() id=d.id.clone() ids=ids.clone() open=open>
                        <span class="dafu-facts__value">{written}</span>
                        " "
                        <span class="dafu-facts__label">{placed}</span>
                    </FactLink>
                </li>
            }
        })
        .collect_view();
    let (nf, nm, nd) = (reply.figures.len(), reply.funding.len(), reply.dates.len());
    (nf + nm + nd > 0).then(|| {
        view! {
            <section class="dafu-facts" aria-labelledby=ids.of("facts-title")>
                <h2 class="dafu-facts__title" id=ids.of("facts-title")>"要点"</h2>
                {(nm > 0).then(|| view! {
                    <h3 class="dafu-facts__heading">"资金"</h3>
                    <ul class="dafu-facts__list dafu-facts__list--funding">{funding}</ul>
                    {total}
                })}
                {(nf > 0).then(|| view! {
                    <h3 class="dafu-facts__heading">"数字"</h3>
                    <ul class="dafu-facts__list">{figures}</ul>
                })}
                {(nd > 0).then(|| view! {
                    <h3 class="dafu-facts__heading">"时间"</h3>
                    <ul class="dafu-facts__list">{dates}</ul>
                })}
            </section>
        }
    })
}
