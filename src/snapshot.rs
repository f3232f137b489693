//! The static HTML snapshot of a reply: the same Leptos components as the live view, rendered once to
//! a string natively (leptos' `ssr`), where every part that needs script takes its static form.
//!
//! [`render`] writes either the fragment (one `<article data-dafu-snapshot>`, no `<style>`, no
//! `<script>`, for pasting into a CMS) or a whole page around it (`<!doctype html>`, the 政府网站发展指引
//! detail-page meta tags, the CSS inline). Everything from the reply is inserted as text: Leptos
//! escapes text and attribute values. Nothing here touches a browser API, so it runs in the CLI.

use std::sync::Arc;

/// The static index page of a collection of replies (`dafu render --collection`).
pub mod collection;

use leptos::prelude::*;

use dafu_core::model::{Point, Reply, When};

use crate::ui::Mode;
use crate::ui::{Lang, Options, ReplyView};

/// Every element id in a snapshot starts with this prefix and a dash (`dafu-s-r-f1`).
pub const ID_PREFIX: &str = "dafu-s";

/// What to render.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SnapshotOptions {
    /// The interface's language (headings, labels); the reply's own text is never translated.
    pub lang: Lang,
    /// A whole page (`<!doctype html>`, meta tags, CSS inline) rather than the fragment alone.
    pub whole_page: bool,
    /// Where the reply's JSON lives, written as `data-dafu-src` on the snapshot's root so that the
    /// live view can later be mounted over it.
    pub src: Option<String>,
}

/// The stylesheets of the live view (the files `index.html` inlines, in its order), then the
/// snapshot's own, then print's last, as in `index.html`: a saved page printed hides the placeholders,
/// the chart's click hint and the table's links, as the live page does.
const STYLES: [&str; 12] = [
    include_str!("../style/dafu.css"),
    include_str!("../style/header.css"),
    include_str!("../style/key_figures.css"),
    include_str!("../style/next_steps.css"),
    include_str!("../style/sections.css"),
    include_str!("../style/block_text.css"),
    include_str!("../style/timeline.css"),
    include_str!("../style/funding_chart.css"),
    include_str!("../style/error_panel.css"),
    include_str!("../style/settings.css"),
    include_str!("../style/snapshot.css"),
    include_str!("../style/print.css"),
];

/// The CSS a whole page inlines: the live view's component styles and the snapshot's static forms.
pub fn css() -> String {
    STYLES.concat()
}

/// The reply as static HTML: the fragment, or a whole page around it (see [`SnapshotOptions`]).
pub fn render(reply: &Reply, options: &SnapshotOptions) -> String {
    // Signals and stored values need an owner; it is dropped with everything it holds once the
    // string is made.
    let owner = Owner::new();
    let fragment = owner.with(|| fragment(reply, options));
    drop(owner);
    if options.whole_page {
        page(reply, &fragment)
    } else {
        fragment
    }
}

/// The snapshot's root element and the reply view inside it.
fn fragment(reply: &Reply, options: &SnapshotOptions) -> String {
    let reply = Arc::new(reply.clone());
    let lang = options.lang;
    let view_options = Options {
        lang,
        ..Options::default()
    };
    let html = view! {
        <article
            class="dafu-reply dafu-reply--size-0 dafu-reply--snapshot"
            lang=lang.tag()
            data-dafu-snapshot=""
            data-dafu-src=options.src.clone()
        >
            // Room for the reading settings the live view shows here (they need script).
            <div class="dafu-settings dafu-settings--placeholder" aria-hidden="true"></div>
            <ReplyView reply=reply options=view_options mode=Mode::Snapshot />
        </article>
    }
    .to_html();
    without_markers(&html)
}

/// Leptos' HTML without its hydration markers: `<!>` where text nodes meet or an empty view stands,
/// `<!--<() />-->` after an empty type-erased view. A static page is never hydrated, `<!>` is a parse
/// error to a validator, and the markers differ between the native build and the wasm one (whose
/// components are type-erased), which must print the same bytes. The reply's text cannot hold
/// either: text and attribute values are escaped (`<` is `&lt;`).
fn without_markers(html: &str) -> String {
    html.replace("<!>", "").replace("<!--<() />-->", "")
}

/// `YYYY-MM-DD HH:MM` when the point has a time of day, else `YYYY-MM-DD`: the 指引's `PubDate`, at
/// the precision the reply gives (no invented time).
fn pub_date(point: Point) -> Option<String> {
    match point {
        Point::Day(y, m, d) => Some(format!("{y:04}-{m:02}-{d:02}")),
        Point::Moment(y, m, d, h, min, _) => Some(format!("{y:04}-{m:02}-{d:02} {h:02}:{min:02}")),
        Point::Year(_) | Point::Month(..) => None,
    }
}

/// The reply's publication date for `PubDate`: the date published, else written, else signed; only a
/// date placed on one day.
fn publication(reply: &Reply) -> Option<String> {
    let meta = &reply.meta;
    [
        meta.published.as_ref(),
        meta.written.as_ref(),
        reply.signature.as_ref().and_then(|s| s.date.as_ref()),
    ]
    .into_iter()
    .flatten()
    .find_map(|d| match d.when() {
        When::On(p) => pub_date(p),
        _ => None,
    })
}

/// A whole page: the detail-page meta tags of the 政府网站发展指引 (`ArticleTitle`, `PubDate`,
/// `ContentSource`) filled from the reply, the CSS inline, the fragment as its body.
fn page(reply: &Reply, fragment: &str) -> String {
    let meta = &reply.meta;
    let title = meta.title.clone();
    let head = view! {
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title.clone()}</title>
        <meta name="ArticleTitle" content=title />
        <meta name="PubDate" content=publication(reply) />
        <meta name="ContentSource" content=meta.issuer.clone() />
    }
    .to_html();
    let head = without_markers(&head);
    // The CSS is dafu's own, never the reply's, and holds no `</style`: it goes in as it is.
    format!(
        "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n{head}\n<style>\n{}</style>\n</head>\n<body class=\"dafu-snapshot-page\">\n{fragment}\n</body>\n</html>\n",
        css()
    )
}
