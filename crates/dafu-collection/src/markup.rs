//! The collection view's markup as escaped HTML strings, set with `inner_html`: a list of thousands
//! of rows as tachys elements would hold a JavaScript handle per element, attribute and listener
//! (ARCHITECTURE, "Why": handles); here the whole list is one string and one delegated listener.
//! Every text from the index or a reply goes through [`push_escaped`].

use std::fmt::Write as _;

use dafu_core::model::{Centi, CONTEXT_CHARS};
use dafu_core::model::{
    CollectionEntry, Decimal, Facet, LinearScale, ResultClass, Selection, ShownTotals, Snippet,
    SortKey,
};

use crate::text::{fill, Text};

pub use dafu_core::text::{escaped, push_escaped};

/// A value for the page's address, percent-encoded (everything but `A-Z a-z 0-9 - _ . ~`).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// How a facet's value reads in the interface.
pub fn facet_label(t: &Text, facet: Facet, value: &str) -> String {
    match facet {
        Facet::Kind => match value {
            "proposal" => t.kinds[0].to_owned(),
            "suggestion" => t.kinds[1].to_owned(),
            other => other.to_owned(),
        },
        Facet::Class => fill(t.class, &[&value]),
        Facet::Funded => t.funded.to_owned(),
        Facet::Year | Facet::Office => value.to_owned(),
    }
}

/// Toggle buttons shown for one facet before the rest go behind "more".
const MAX_TOGGLES: usize = 12;

/// The filters: one group of toggle buttons per facet with values, each with its count.
pub fn filters(
    t: &Text,
    prefix: &str,
    counts: &[(Facet, Vec<(String, usize)>)],
    selection: &Selection,
) -> String {
    let mut out = String::with_capacity(4096);
    for (i, (facet, values)) in counts.iter().enumerate() {
        if values.is_empty() {
            continue;
        }
        let name = t.facets.get(i).copied().unwrap_or_default();
        let _ = write!(
            out,
            "<div class=\"dafu-collection__facet\" role=\"group\" aria-labelledby=\"{prefix}-facet-{i}\"><span class=\"dafu-collection__facet-name\" id=\"{prefix}-facet-{i}\">"
        );
        push_escaped(&mut out, name);
        out.push_str("</span>");
        for (k, (value, n)) in values.iter().enumerate() {
            if k == MAX_TOGGLES {
                // A province has hundreds of offices: the rest behind a disclosure.
                out.push_str("<details class=\"dafu-collection__more-values\"><summary class=\"dafu-collection__summary\">");
                push_escaped(
                    &mut out,
                    &fill(t.more_values, &[&(values.len() - MAX_TOGGLES)]),
                );
                out.push_str("</summary>");
            }
            let on = selection.has(*facet, value);
            let _ = write!(
                out,
                "<button type=\"button\" class=\"dafu-collection__toggle{}\" aria-pressed=\"{on}\" data-dafu-facet=\"{}\" data-dafu-value=\"",
                if *n == 0 && !on { " dafu-collection__toggle--empty" } else { "" },
                facet.key()
            );
            push_escaped(&mut out, value);
            out.push_str("\">");
            push_escaped(&mut out, &facet_label(t, *facet, value));
            let _ = write!(
                out,
                " <span class=\"dafu-collection__n\">{n}</span></button>"
            );
        }
        if values.len() > MAX_TOGGLES {
            out.push_str("</details>");
        }
        out.push_str("</div>");
    }
    if !selection.chosen.is_empty() {
        out.push_str(
            "<button type=\"button\" class=\"dafu-collection__clear\" data-dafu-clear=\"\">",
        );
        push_escaped(&mut out, t.clear);
        out.push_str("</button>");
    }
    out
}

/// One row's search matches: the snippets, and how many there are.
pub struct Hits {
    /// At most a few, in text order.
    pub snippets: Vec<Snippet>,
    /// Every match counted (up to the search's limit).
    pub count: usize,
}

fn class_badge(out: &mut String, t: &Text, class: Option<ResultClass>) {
    let Some(class) = class else { return };
    let letter = match class {
        ResultClass::A => "A",
        ResultClass::B => "B",
        ResultClass::C => "C",
    };
    let _ = write!(
        out,
        "<span class=\"dafu-collection__badge dafu-collection__badge--{}\">",
        letter.to_ascii_lowercase()
    );
    push_escaped(out, &fill(t.class, &[&letter]));
    out.push_str("</span>");
}

/// The table's head: a sort button in the number, date and amount columns.
pub fn head(t: &Text, sort: SortKey, descending: bool) -> String {
    let mut out = String::from("<thead><tr>");
    for (i, name) in t.columns.iter().enumerate() {
        let key = match i {
            2 => Some(SortKey::Number),
            3 => Some(SortKey::Date),
            6 => Some(SortKey::Amount),
            _ => None,
        };
        let cls = if i == 6 {
            "dafu-collection__th dafu-collection__th--number"
        } else {
            "dafu-collection__th"
        };
        match key {
            Some(k) => {
                let active = k == sort;
                let aria = match (active, descending) {
                    (true, true) => " aria-sort=\"descending\"",
                    (true, false) => " aria-sort=\"ascending\"",
                    _ => "",
                };
                let arrow = match (active, descending) {
                    (true, true) => "↓",
                    (true, false) => "↑",
                    _ => "↕",
                };
                let _ = write!(
                    out,
                    "<th scope=\"col\" class=\"{cls}\"{aria}><button type=\"button\" class=\"dafu-collection__sort\" data-dafu-sort=\"{}\">",
                    k.key()
                );
                push_escaped(&mut out, name);
                let _ = write!(
                    out,
                    "<span class=\"dafu-collection__arrow\" aria-hidden=\"true\">{arrow}</span></button></th>"
                );
            }
            None => {
                let _ = write!(out, "<th scope=\"col\" class=\"{cls}\">");
                push_escaped(&mut out, name);
                out.push_str("</th>");
            }
        }
    }
    out.push_str("</tr></thead>");
    out
}

/// One row of the list: the title (a link that opens the reply, its search matches under it), office,
/// number, date, kind, class badge and funding total. A failed entry shows its source and error.
pub fn row(out: &mut String, t: &Text, entry: &CollectionEntry, href: &str, hits: Option<&Hits>) {
    let label = |out: &mut String, i: usize| {
        out.push_str(" data-label=\"");
        push_escaped(out, t.columns.get(i).copied().unwrap_or_default());
        out.push('"');
    };
    if let Some(error) = &entry.error {
        out.push_str("<tr class=\"dafu-collection__row dafu-collection__row--failed\"><th scope=\"row\" class=\"dafu-collection__title\">");
        push_escaped(out, &entry.source);
        out.push_str("</th><td class=\"dafu-collection__error\" colspan=\"6\">");
        push_escaped(out, t.failed);
        push_escaped(out, error);
        out.push_str("</td></tr>");
        return;
    }
    out.push_str("<tr class=\"dafu-collection__row\"><th scope=\"row\" class=\"dafu-collection__title\"><a class=\"dafu-collection__open\" href=\"");
    push_escaped(out, href);
    out.push_str("\" data-dafu-open=\"");
    push_escaped(out, &entry.id);
    out.push_str("\">");
    push_escaped(out, entry.display_title());
    out.push_str("</a>");
    if let Some(hits) = hits.filter(|h| h.count > 0) {
        out.push_str("<span class=\"dafu-collection__hits\">");
        push_escaped(out, &fill(t.matches, &[&hits.count]));
        out.push_str("</span>");
        for s in &hits.snippets {
            out.push_str("<span class=\"dafu-collection__snippet\">");
            if s.before.chars().count() >= CONTEXT_CHARS {
                out.push('…');
            }
            push_escaped(out, &s.before);
            out.push_str("<mark class=\"dafu-collection__mark\">");
            push_escaped(out, &s.hit);
            out.push_str("</mark>");
            push_escaped(out, &s.after);
            out.push_str("</span>");
        }
    }
    out.push_str("</th>");
    let cell = |out: &mut String, i: usize, cls: &str, text: Option<&str>| {
        let _ = write!(out, "<td class=\"dafu-collection__cell{cls}\"");
        label(out, i);
        out.push('>');
        if let Some(text) = text {
            push_escaped(out, text);
        }
        out.push_str("</td>");
    };
    cell(out, 1, "", entry.issuer.as_deref());
    cell(out, 2, "", entry.number.as_deref());
    cell(out, 3, "", entry.date.as_deref());
    let kind = entry
        .facet(Facet::Kind)
        .map(|k| facet_label(t, Facet::Kind, &k));
    cell(out, 4, "", kind.as_deref());
    out.push_str("<td class=\"dafu-collection__cell\"");
    label(out, 5);
    out.push('>');
    class_badge(out, t, entry.result_class);
    out.push_str("</td>");
    let amount = entry
        .totals
        .allocated
        .filter(|d| !d.is_zero())
        .map(|d| fill(t.wan, &[&d.grouped()]));
    cell(out, 6, " dafu-collection__cell--number", amount.as_deref());
    out.push_str("</tr>");
}

/// One bar chart (SVG, hidden from screen readers) and its table twin, in the reply's funding
/// chart's style (`dafu-chart__*`, `dafu-table__*`).
fn chart(out: &mut String, title: &str, columns: [&str; 2], rows: &[(String, Decimal, String)]) {
    /// Chart rows drawn; the table lists them all.
    const MAX_BARS: usize = 12;
    out.push_str("<figure class=\"dafu-collection__chart\"><figcaption class=\"dafu-collection__chart-title\">");
    push_escaped(out, title);
    out.push_str("</figcaption>");
    let bars: Vec<&(String, Decimal, String)> = rows.iter().take(MAX_BARS).collect();
    let scale = LinearScale::new(bars.iter().map(|r| r.1), Centi(10_000));
    let height = Centi(u64::try_from(bars.len()).unwrap_or(0) * 375);
    let _ = write!(
        out,
        "<svg class=\"dafu-chart__svg\" width=\"100%\" height=\"{height}em\" aria-hidden=\"true\" focusable=\"false\">"
    );
    for (i, (label, value, shown)) in bars.iter().enumerate() {
        let y = u64::try_from(i).unwrap_or(0) * 375;
        let len = scale.length(*value, Centi(50));
        let short: String = if label.chars().count() > 18 {
            label.chars().take(17).chain(['…']).collect()
        } else {
            label.clone()
        };
        let _ = write!(
            out,
            "<text class=\"dafu-chart__label\" x=\"0\" y=\"{}em\">",
            Centi(y + 125)
        );
        push_escaped(out, &short);
        let _ = write!(
            out,
            "</text><svg x=\"0\" y=\"{}em\" width=\"100%\" height=\"1.25em\" overflow=\"visible\"><rect class=\"dafu-chart__bar dafu-chart__bar--allocated\" x=\"0\" y=\"0\" width=\"{len}%\" height=\"1.25em\"></rect>",
            Centi(y + 175)
        );
        if len > Centi(4500) {
            let _ = write!(out, "<text class=\"dafu-chart__value dafu-chart__value--inside\" x=\"{len}%\" dx=\"-0.4em\" y=\"0.95em\" text-anchor=\"end\">");
        } else {
            let _ = write!(
                out,
                "<text class=\"dafu-chart__value\" x=\"{len}%\" dx=\"0.4em\" y=\"0.95em\">"
            );
        }
        push_escaped(out, shown);
        out.push_str("</text></svg>");
    }
    out.push_str("</svg><table class=\"dafu-table dafu-collection__table-twin\"><thead><tr>");
    for c in columns {
        out.push_str("<th scope=\"col\" class=\"dafu-table__head\">");
        push_escaped(out, c);
        out.push_str("</th>");
    }
    out.push_str("</tr></thead><tbody>");
    for (label, _, shown) in rows {
        out.push_str("<tr><th scope=\"row\" class=\"dafu-table__label\">");
        push_escaped(out, label);
        out.push_str("</th><td class=\"dafu-table__number\">");
        push_escaped(out, shown);
        out.push_str("</td></tr>");
    }
    out.push_str("</tbody></table></figure>");
}

/// The totals of what is shown: replies by result class, funding by office and by year.
pub fn totals(t: &Text, totals: &ShownTotals) -> String {
    let mut out = String::with_capacity(4096);
    out.push_str("<h3 class=\"dafu-collection__totals-title\">");
    push_escaped(&mut out, t.totals);
    out.push_str("</h3>");
    let classes: Vec<(String, Decimal, String)> = totals
        .by_class
        .iter()
        .map(|(c, n)| {
            let label = match c {
                Some(ResultClass::A) => fill(t.class, &[&"A"]),
                Some(ResultClass::B) => fill(t.class, &[&"B"]),
                Some(ResultClass::C) => fill(t.class, &[&"C"]),
                None => t.not_given.to_owned(),
            };
            let count = u64::try_from(*n).unwrap_or(u64::MAX);
            (label, Decimal::from_int(count), n.to_string())
        })
        .collect();
    let wan = |d: &Decimal| fill(t.wan, &[&d.grouped()]);
    chart(
        &mut out,
        t.totals_by[0],
        [t.columns[5], t.replies],
        &classes,
    );
    if totals.by_office.is_empty() {
        out.push_str("<p class=\"dafu-collection__no-funding\">");
        push_escaped(&mut out, t.no_funding);
        out.push_str("</p>");
        return out;
    }
    let offices: Vec<(String, Decimal, String)> = totals
        .by_office
        .iter()
        .map(|(o, d)| {
            (
                o.clone().unwrap_or_else(|| t.not_given.to_owned()),
                *d,
                wan(d),
            )
        })
        .collect();
    chart(&mut out, t.totals_by[1], [t.columns[1], t.amount], &offices);
    let years: Vec<(String, Decimal, String)> = totals
        .by_year
        .iter()
        .map(|(y, d)| {
            (
                y.map_or_else(|| t.not_given.to_owned(), |y| y.to_string()),
                *d,
                wan(d),
            )
        })
        .collect();
    chart(&mut out, t.totals_by[2], [t.facets[1], t.amount], &years);
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn text_from_a_collection_is_escaped_in_every_place() {
        let mut entry = dafu_core::model::CollectionEntry::failed(
            dafu_core::model::Origin {
                id: "x".into(),
                source: "<img src=x onerror=alert(1)>.txt".into(),
                hash: String::new(),
            },
            "<script>\"'",
        );
        let mut out = String::new();
        row(&mut out, &crate::text::ZH, &entry, "#reply=x", None);
        assert!(!out.contains("<img"));
        assert!(!out.contains("<script"));
        entry.error = None;
        entry.proposal_title = Some("<b>标题</b>".into());
        let mut out = String::new();
        row(&mut out, &crate::text::ZH, &entry, "#\"reply=x", None);
        assert!(out.contains("&lt;b&gt;标题&lt;/b&gt;"));
        assert!(out.contains("href=\"#&quot;reply=x\""));
    }

    #[test]
    fn each_of_the_five_characters_is_escaped_wherever_it_stands() {
        assert_eq!(escaped("<>&\"'"), "&lt;&gt;&amp;&quot;&#39;");
        assert_eq!(escaped("公交<站>点&"), "公交&lt;站&gt;点&amp;");
        assert_eq!(escaped("'𠀀'"), "&#39;𠀀&#39;");
        assert_eq!(escaped("公交站点"), "公交站点");
        assert_eq!(escaped(""), "");
    }

    #[test]
    fn address_values_are_percent_encoded() {
        assert_eq!(
            encode("交通局 A&b=c"),
            "%E4%BA%A4%E9%80%9A%E5%B1%80%20A%26b%3Dc"
        );
    }
}
