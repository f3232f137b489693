//! The reply's header: title, issuer, the proposal answered, what identifies the reply (文号, its date,
//! the result class with its meaning), and the metadata list.

use leptos::prelude::*;

use dafu_core::model::{DocumentDate, Reply, TextId};

use super::block_text::{fact_html, push_escaped, push_fact_html};
use super::fill::Seen;
use super::i18n::{fill as fill_in, Text};
use super::options::ClassLabels;
use super::viewer::Viewer;

/// `<div class="dafu-header__date">`: a label and its value, escaped.
fn push_pair(out: &mut String, label: &str, value: &str) {
    out.push_str("<div class=\"dafu-header__date\"><dt class=\"dafu-header__date-label\">");
    push_escaped(out, label);
    out.push_str("</dt><dd class=\"dafu-header__date-value\">");
    push_escaped(out, value);
    out.push_str("</dd></div>");
}

/// The badges (validity; the result class, its name and its meaning in words, a locality's own when
/// the host page gives them) and the list of what identifies the reply: 文号, 成文日期 (or the
/// signature's date when the header has none), 公开日期. Escaped markup: static text drawn as one
/// string holds no JavaScript handle (see ARCHITECTURE, "Why": handles).
fn identity_html(out: &mut String, reply: &Reply, t: &'static Text, labels: &ClassLabels) {
    let (meta, proposal) = (&reply.meta, &reply.proposal);
    if meta.validity.is_some() || proposal.result_class.is_some() {
        out.push_str("<ul class=\"dafu-badges\" aria-label=\"");
        push_escaped(out, t.header.status);
        out.push_str("\">");
        if let Some(v) = meta.validity {
            let class = match v {
                dafu_core::model::Validity::Valid => "valid",
                dafu_core::model::Validity::Invalid => "invalid",
            };
            out.push_str("<li class=\"dafu-badge dafu-badge--");
            out.push_str(class);
            out.push_str("\">");
            push_escaped(out, t.validity(v));
            out.push_str("</li>");
        }
        if let Some(c) = proposal.result_class {
            let (name, meaning) = labels.of(c).map_or_else(
                || (t.result_class(c), t.result_meaning(c)),
                |l| (l.name.as_str(), l.meaning.as_str()),
            );
            out.push_str(
                "<li class=\"dafu-badge--class\"><strong class=\"dafu-badge dafu-badge__name\">",
            );
            push_escaped(out, name);
            out.push_str("</strong>");
            if !meaning.is_empty() {
                out.push_str("<span class=\"dafu-badge__meaning\">");
                push_escaped(out, &fill_in(t.header.class_meaning, &[&meaning]));
                out.push_str("</span>");
            }
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    let mut dates = String::new();
    if let Some(number) = &meta.document_number {
        push_pair(&mut dates, t.header.document_number, number);
    }
    if let Some((from, d)) = reply.document_date() {
        let label = match from {
            DocumentDate::Written => t.header.written_on,
            DocumentDate::Signed => t.header.signed_on,
        };
        push_pair(&mut dates, label, &t.placed(d));
    }
    if let Some(d) = &meta.published {
        push_pair(&mut dates, t.header.published_on, &t.placed(d));
    }
    if !dates.is_empty() {
        out.push_str("<dl class=\"dafu-header__dates\">");
        out.push_str(&dates);
        out.push_str("</dl>");
    }
}

/// Shows who answered what and when, with every header field as printed.
#[component]
pub fn Header(
    /// The reply's shared state: the reply, the interface's words, and the fill that draws the
    /// header fields (behind a closed disclosure) in slices with the rest of the reply; a field's
    /// value and the title show their dates marked as the text does.
    viewer: Viewer,
    /// The id the title gets, so the views' regions can name the reply they belong to.
    title_id: String,
) -> impl IntoView {
    // The host page's result-class labels, given to the instance at mount (`mount_into`).
    let class_labels = use_context::<ClassLabels>().unwrap_or_default();
    let (reply, t, fill) = (viewer.reply.clone(), viewer.t, viewer.fill);
    let meta = &reply.meta;
    let proposal = &reply.proposal;
    let mut top = String::new();
    if let Some(issuer) = &meta.issuer {
        top.push_str("<p class=\"dafu-header__issuer\">");
        push_escaped(&mut top, issuer);
        top.push_str("</p>");
    }
    top.push_str("<h1 class=\"dafu-header__title\" id=\"");
    push_escaped(&mut top, &title_id);
    top.push_str("\" tabindex=\"-1\">");
    if meta.title.is_empty() {
        push_escaped(&mut top, t.header.untitled);
    } else {
        top.push_str(&fact_html(&viewer, &TextId::Title.to_string(), &meta.title));
    }
    top.push_str("</h1>");
    if let Some(title) = &proposal.title {
        top.push_str("<p class=\"dafu-header__proposal\">");
        let line = t.proposal_line(
            proposal.kind,
            proposal.number.as_deref(),
            proposal.session.as_deref(),
            title,
            proposal.proposer.as_deref(),
        );
        push_escaped(&mut top, &line);
        top.push_str("</p>");
    }
    identity_html(&mut top, &reply, t, &class_labels);
    let list_id = viewer.ids.of("meta-list");
    let fields = {
        let viewer = viewer.clone();
        fill.markup(
            list_id.clone(),
            meta.fields.len(),
            Seen::Later,
            move |i, out| {
                let Some(f) = viewer.reply.meta.fields.get(i) else {
                    return;
                };
                // The value is the text `meta-<n>` names, where the header's dates are anchored.
                let anchor = TextId::Meta(i + 1).to_string();
                out.push_str("<div class=\"dafu-meta__row\"><dt class=\"dafu-meta__key\">");
                push_escaped(out, &f.key);
                out.push_str("</dt><dd class=\"dafu-meta__value\" id=\"");
                push_escaped(out, &viewer.ids.reply(&anchor));
                out.push_str("\" tabindex=\"-1\">");
                push_fact_html(out, &viewer, &anchor, &f.value);
                out.push_str("</dd></div>");
            },
        )
    };
    let has_fields = !meta.fields.is_empty();
    view! {
        <header class="dafu-header">
            <div class="dafu-header__top" inner_html=top></div>
            {has_fields.then(|| view! {
                <details class="dafu-meta" on:keydown=move |ev| super::keys::close_details_on_escape(&ev)>
                    <summary class="dafu-meta__summary">{t.header.document_details}</summary>
                    <dl class="dafu-meta__list" id=list_id inner_html=fields></dl>
                </details>
            })}
        </header>
    }
}
