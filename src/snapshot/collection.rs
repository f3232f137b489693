//! The static index page of a collection of replies (`dafu render --collection`): one table, a row
//! per entry of the index with a link to the reply's own snapshot (`replies/ID.html`), no script.
//!
//! Rendered natively by a Leptos component, as the reply snapshot is: every value from the index is
//! inserted as text or an escaped attribute, so a title holding markup shows as those characters. A
//! link is made only from an id that [`is_safe_id`] accepts (the index was checked when read, this
//! checks again). An entry with an error shows the error in its row, and only there.

use leptos::prelude::*;

use dafu_core::model::{is_safe_id, Collection, CollectionEntry, Point, ProposalKind};

use crate::ui::i18n::{fill, Text};
use crate::ui::Lang;

/// The index page's stylesheet (the reply view's CSS is scoped to a reply: none of it applies here).
const CSS: &str = include_str!("../../style/collection_index.css");

/// The page's date column: the entry's date in the interface's words, else as the index holds it.
fn date_text(text: &Text, date: Option<&str>) -> String {
    date.map_or_else(String::new, |d| {
        Point::parse(d).map_or_else(|_| d.to_owned(), |p| text.point(p))
    })
}

/// The proposal's kind in words (`政协提案`).
fn kind_text(text: &Text, kind: Option<ProposalKind>) -> &'static str {
    let [proposal, suggestion] = text.header.kind;
    match kind {
        Some(ProposalKind::Proposal) => proposal,
        Some(ProposalKind::Suggestion) => suggestion,
        None => "",
    }
}

/// One row: the reply's title as a link to its page, then its office, number, date, kind, result
/// class and allocated total; or, for an entry that failed, its source and its error.
#[component]
fn EntryRow(entry: CollectionEntry, lang: Lang) -> impl IntoView {
    let text = lang.text();
    let title = entry.display_title().to_owned();
    if let Some(error) = entry.error.clone() {
        let message = fill(text.collection.failed, &[&error]);
        return view! {
            <tr class="dafu-collection__row dafu-collection__row--failed" data-dafu-id=entry.id.clone()>
                <th class="dafu-collection__title" scope="row">{entry.source.clone()}</th>
                <td class="dafu-collection__error" colspan="6">{message}</td>
            </tr>
        }
        .into_any();
    }
    let link = is_safe_id(&entry.id).then(|| format!("replies/{}.html", entry.id));
    let title_cell = match link {
        Some(href) => view! { <a class="dafu-collection__link" href=href>{title}</a> }.into_any(),
        None => view! { <span>{title}</span> }.into_any(),
    };
    let number = entry.document_number.clone().or(entry.number.clone());
    let result = entry.result_class.map(|c| text.result_class(c));
    let total = entry.totals.allocated.map(|d| text.wan(d));
    view! {
        <tr class="dafu-collection__row" data-dafu-id=entry.id.clone()>
            <th class="dafu-collection__title" scope="row">{title_cell}</th>
            <td>{entry.issuer.clone()}</td>
            <td>{number}</td>
            <td class="dafu-collection__date">{date_text(text, entry.date.as_deref())}</td>
            <td>{kind_text(text, entry.kind)}</td>
            <td>{result}</td>
            <td class="dafu-collection__money">{total}</td>
        </tr>
    }
    .into_any()
}

/// The index page's body: heading, count, and the table.
#[component]
fn CollectionIndex(entries: Vec<CollectionEntry>, lang: Lang) -> impl IntoView {
    let text = lang.text();
    let count = fill(text.collection.count, &[&entries.len()]);
    let columns = text.collection.columns;
    view! {
        <main class="dafu-collection" lang=lang.tag()>
            <h1 class="dafu-collection__heading">{text.collection.heading}</h1>
            <p class="dafu-collection__count">{count}</p>
            <div class="dafu-collection__scroll">
                <table class="dafu-collection__table">
                    <thead>
                        <tr>
                            {columns
                                .into_iter()
                                .map(|c| view! { <th class="dafu-collection__column" scope="col">{c}</th> })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {entries
                            .into_iter()
                            .map(|entry| view! { <EntryRow entry=entry lang=lang /> })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </main>
    }
}

/// The collection's index as a whole static page: `<!doctype html>`, its CSS inline, the table of
/// replies in the index's order (by id) with links to `replies/ID.html`.
pub fn render_index(collection: &Collection, lang: Lang) -> String {
    let owner = Owner::new();
    let body = owner.with(|| {
        view! { <CollectionIndex entries=collection.entries.clone() lang=lang /> }
            .to_html()
            // Hydration markers, as in the reply snapshot: a static page is never hydrated.
            .replace("<!>", "")
    });
    drop(owner);
    let heading = lang.text().collection.heading;
    // The heading and the CSS are dafu's own, never the index's: they go in as they are.
    format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\" />\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<title>{heading}</title>\n<style>\n{}</style>\n</head>\n<body class=\"dafu-collection-page\">\n{body}\n</body>\n</html>\n",
        lang.tag(),
        CSS
    )
}
