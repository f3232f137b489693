//! The collection view: the list of replies with filters, search, sorting and totals, and a reply
//! opened from it in the app's own reply view. Its state (filters, sort, query, the reply opened)
//! lives in the page's address after `#`, so a filtered view can be linked and Back returns to the
//! list; the list keeps its place (it is only hidden while a reply shows).

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use dafu::ui::{App, Lang, Options, ReplySource};
use dafu_core::model::{
    find_folded, fold, snippet, sort_shown, Collection, CollectionEntry, Facet, FacetValues,
    SearchIndex, Selection, ShownTotals, SortKey,
};

use crate::mark;
use crate::markup::{self, encode, Hits};
use crate::text::{fill, Text};

/// Rows drawn at first, and added by each press of "show more".
pub const PAGE: usize = 100;
/// Matches counted in one reply, and snippets shown.
const MAX_COUNTED: usize = 99;
const MAX_SNIPPETS: usize = 3;
/// Rows drawn before the first paint (a screenful, even on a tall screen); the rest follow a frame
/// later.
pub const FIRST_SCREEN: usize = 15;

/// Where a query occurs in one reply's text.
#[derive(Default)]
struct Match {
    /// Matches counted, up to [`MAX_COUNTED`].
    count: usize,
    /// Where the first [`MAX_SNIPPETS`] are, in characters.
    at: Vec<usize>,
}

/// What drawing rows needs: the entries, their texts and matches, and the address a row opens.
struct Rows {
    data: Arc<Data>,
    texts: Option<Arc<Texts>>,
    /// Per entry (empty without a query).
    found: Vec<Option<Match>>,
    query_chars: usize,
    /// The list's address up to the reply's id (`#q=…&reply=`).
    base: String,
    t: &'static Text,
}

impl Rows {
    /// Appends the rows of the entries at `which`, with their snippets.
    fn push<'a>(&self, html: &mut String, which: impl Iterator<Item = &'a usize>) {
        for &i in which {
            let Some(entry) = self.data.entries.get(i) else {
                continue;
            };
            let href = format!("{}{}", self.base, encode(&entry.id));
            let text = self
                .texts
                .as_ref()
                .and_then(|t| t.get(i))
                .and_then(Option::as_ref);
            let hits = self.found.get(i).and_then(Option::as_ref).map(|m| Hits {
                snippets: text
                    .map(|(text, _)| {
                        m.at.iter()
                            .map(|&a| snippet(text, a, self.query_chars))
                            .collect()
                    })
                    .unwrap_or_default(),
                count: m.count,
            });
            markup::row(html, self.t, entry, &href, hits.as_ref());
        }
    }
}

/// The collection as loaded: its entries, each one's facet values and searchable fields, and its
/// address.
pub struct Data {
    /// The index's entries, in its order (by id).
    pub entries: Vec<CollectionEntry>,
    /// [`CollectionEntry::facet_values`] of each entry: filters and counts read these.
    pub facets: Vec<FacetValues>,
    /// [`CollectionEntry::fields_folded`] of each entry, made the first time a search needs them
    /// (or once the full text has arrived), not before the first show.
    fields: std::sync::OnceLock<Vec<String>>,
    /// The index's address, resolved: replies are `replies/ID.json` beside it.
    pub url: String,
}

impl Data {
    /// The collection of a checked index at `url`.
    pub fn new(collection: Collection, url: String) -> Self {
        let facets = collection
            .entries
            .iter()
            .map(CollectionEntry::facet_values)
            .collect();
        Data {
            entries: collection.entries,
            facets,
            fields: std::sync::OnceLock::new(),
            url,
        }
    }

    /// Each entry's searchable fields, folded.
    pub fn fields(&self) -> &[String] {
        self.fields.get_or_init(|| {
            self.entries
                .iter()
                .map(CollectionEntry::fields_folded)
                .collect()
        })
    }

    /// The address of entry `id`'s reply, if the collection has it (and it converted).
    fn reply_url(&self, id: &str) -> Option<String> {
        self.entries
            .iter()
            .find(|e| e.id == id && e.error.is_none())?;
        let url = web_sys::Url::new_with_base(&format!("replies/{id}.json"), &self.url).ok()?;
        Some(url.href())
    }
}

/// Each entry's full text and its folded copy, in the index's order (`None`: not in the search index).
pub type Texts = Vec<Option<(String, String)>>;

/// Where the full text stands.
#[derive(Clone)]
pub enum Search {
    /// On its way: searches look at the index's fields.
    Loading,
    /// Not there (no `search.json`, or it did not read: why, if known): fields only.
    Missing(Option<String>),
    /// Over the size limit (what was seen): fields only.
    TooLarge(String),
    /// Every reply's text.
    Ready(Arc<Texts>),
}

impl Search {
    /// The full text did not come, for this reason.
    pub fn missing(why: String) -> Self {
        Search::Missing(Some(why))
    }
}

/// Runs one search over the first text, throwing the result away, as soon as the full text has
/// arrived: the browser compiles a wasm function the first time it runs, so otherwise the reader's
/// first keystroke would pay for compiling the search and the snippets.
pub fn warm_up(texts: &Texts) {
    let Some((text, folded)) = texts.iter().flatten().next() else {
        return;
    };
    let at = find_folded(folded, "的", MAX_COUNTED);
    let mut scratch = String::new();
    for &a in at.iter().take(MAX_SNIPPETS) {
        let s = snippet(text, a, 1);
        markup::push_escaped(&mut scratch, &s.hit);
    }
}

/// The search index's texts in the order of `entries`.
pub fn align(entries: &[CollectionEntry], index: SearchIndex) -> Texts {
    let mut by_id: std::collections::HashMap<String, String> =
        index.texts.into_iter().map(|t| (t.id, t.text)).collect();
    entries
        .iter()
        .map(|e| {
            by_id.remove(&e.id).map(|text| {
                let folded = fold(&text);
                (text, folded)
            })
        })
        .collect()
}

/// What the view shows, as the address writes it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct State {
    selection: Selection,
    sort: SortKey,
    ascending: bool,
    query: String,
    reply: Option<String>,
    /// The address names none of the view's keys (and is not empty): a jump inside the reply view
    /// (`#dafu-1-r-f3`), which the view leaves alone.
    foreign: bool,
}

impl State {
    /// The state in the address after `#` (`kind=proposal&year=2023&q=…&reply=ID`); unknown names are
    /// left alone.
    fn parse(hash: &str) -> Self {
        let mut state = State::default();
        let hash = hash.trim_start_matches('#');
        let mut known = hash.is_empty();
        for pair in hash.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = js_sys::decode_uri_component(&value.replace('+', " "))
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            known |=
                Facet::from_key(key).is_some() || matches!(key, "sort" | "order" | "q" | "reply");
            if let Some(facet) = Facet::from_key(key) {
                if !value.is_empty() && !state.selection.has(facet, &value) {
                    state.selection.toggle(facet, &value);
                }
            } else {
                match key {
                    "sort" => state.sort = SortKey::from_key(&value).unwrap_or_default(),
                    "order" => state.ascending = value == "asc",
                    "q" => state.query = value,
                    "reply" if !value.is_empty() => state.reply = Some(value),
                    _ => {}
                }
            }
        }
        state.foreign = !known;
        state
    }

    /// The list's part of the address (no reply).
    fn list_hash(&self) -> String {
        let mut parts: Vec<String> = self
            .selection
            .chosen
            .iter()
            .map(|(f, v)| format!("{}={}", f.key(), encode(v)))
            .collect();
        if self.sort != SortKey::Date {
            parts.push(format!("sort={}", self.sort.key()));
        }
        if self.ascending {
            parts.push("order=asc".to_owned());
        }
        if !self.query.is_empty() {
            parts.push(format!("q={}", encode(&self.query)));
        }
        parts.join("&")
    }
}

fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Sets the address's fragment without a new history entry (filters, sort, query).
fn replace_hash(hash: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let current = location_hash();
    if current.trim_start_matches('#') == hash {
        return;
    }
    let location = window.location();
    let url = format!(
        "{}{}{}{hash}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default(),
        if hash.is_empty() { "" } else { "#" }
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Which control to focus again once the markup it was in is drawn anew.
#[derive(Clone, Debug)]
enum Refocus {
    Facet(String, String),
    Sort(String),
    Row(usize),
    Search,
}

/// The list, its controls and totals, and the reply opened from it.
#[component]
pub fn Listing(
    data: Arc<Data>,
    search: RwSignal<Search>,
    lang: Lang,
    prefix: String,
) -> impl IntoView {
    let t = Text::of(lang);
    let first = State::parse(&location_hash());
    let selection = RwSignal::new(first.selection.clone());
    let sort = RwSignal::new((first.sort, first.ascending));
    let query = RwSignal::new(first.query.clone());
    let limit = RwSignal::new(PAGE);
    let opened = RwSignal::new(
        first
            .reply
            .clone()
            .filter(|id| data.reply_url(id).is_some()),
    );
    // Set by a click on a row: Back (the button) is then the browser's back, to the same list.
    let from_list = StoredValue::new(false);
    let scroll = StoredValue::new(0.0f64);
    let last_row = StoredValue::new(None::<String>);
    let refocus = StoredValue::new(None::<Refocus>);

    let filters_ref = NodeRef::<leptos::html::Div>::new();
    let list_ref = NodeRef::<leptos::html::Div>::new();
    let totals_ref = NodeRef::<leptos::html::Div>::new();
    let status_ref = NodeRef::<leptos::html::P>::new();
    let root_ref = NodeRef::<leptos::html::Section>::new();
    let search_ref = NodeRef::<leptos::html::Input>::new();

    let current = move || State {
        selection: selection.get_untracked(),
        sort: sort.get_untracked().0,
        ascending: sort.get_untracked().1,
        query: query.get_untracked(),
        reply: None,
        foreign: false,
    };

    // Everything the list shows, drawn anew as markup whenever a filter, the sort, the query, the
    // number of rows or the full text changes. The first screenful of rows, the filters and the
    // status are drawn at once; the rest of the rows and the totals (below them) a frame later, so
    // a keystroke or the first show paints as soon as the top of the list is ready.
    let drawing = StoredValue::new(0u64);
    {
        let data = data.clone();
        let prefix = prefix.clone();
        Effect::new(move |_| {
            let selection = selection.get();
            let (key, ascending) = sort.get();
            let q = query.get();
            let lim = limit.get();
            let search = search.get();
            let entries = &data.entries;
            let folded_query = fold(q.trim());
            let texts = match &search {
                Search::Ready(texts) => Some(texts.clone()),
                _ => None,
            };
            // Each entry's matches (count, and where the first few are); snippets are cut only for
            // the rows drawn.
            let mut found: Vec<Option<Match>> = Vec::with_capacity(entries.len());
            if !folded_query.is_empty() {
                for (i, field) in data.fields().iter().enumerate() {
                    let text = texts
                        .as_ref()
                        .and_then(|t| t.get(i))
                        .and_then(Option::as_ref);
                    let in_text = text.map(|(_, folded)| {
                        let mut at = find_folded(folded, &folded_query, MAX_COUNTED);
                        let count = at.len();
                        at.truncate(MAX_SNIPPETS);
                        Match { count, at }
                    });
                    let in_fields = field.contains(&folded_query);
                    found.push(match in_text {
                        Some(m) if m.count > 0 || in_fields => Some(m),
                        None if in_fields => Some(Match::default()),
                        _ => None,
                    });
                }
            }
            let matches =
                |i: usize| folded_query.is_empty() || found.get(i).is_some_and(Option::is_some);
            let mut shown: Vec<usize> = (0..entries.len())
                .filter(|&i| {
                    matches(i)
                        && data
                            .facets
                            .get(i)
                            .is_some_and(|v| selection.passes_values(v, None))
                })
                .collect();
            sort_shown(entries, &mut shown, key, !ascending);
            let counts = selection.counts(&data.facets, &matches);
            let state = State {
                selection: selection.clone(),
                sort: key,
                ascending,
                query: q.clone(),
                reply: None,
                foreign: false,
            };
            let list_hash = state.list_hash();
            let rows = Rows {
                data: data.clone(),
                texts,
                found,
                query_chars: folded_query.chars().count(),
                base: if list_hash.is_empty() {
                    "#reply=".to_owned()
                } else {
                    format!("#{list_hash}&reply=")
                },
                t,
            };
            // "Show more" focuses the first new row: draw them all at once then.
            let first = if matches!(refocus.get_value(), Some(Refocus::Row(_))) {
                lim
            } else {
                FIRST_SCREEN.min(lim)
            };
            let mut html = String::with_capacity(first.min(shown.len()) * 600 + 1024);
            html.push_str("<table class=\"dafu-collection__table\"><caption class=\"dafu-collection__caption\">");
            markup::push_escaped(&mut html, t.caption);
            html.push_str("</caption>");
            html.push_str(&markup::head(t, key, !ascending));
            html.push_str("<tbody class=\"dafu-collection__body\">");
            rows.push(&mut html, shown.iter().take(first));
            html.push_str("</tbody></table>");
            if shown.is_empty() {
                html.push_str("<p class=\"dafu-collection__none\">");
                markup::push_escaped(&mut html, t.none);
                html.push_str("</p>");
            }
            if shown.len() > lim {
                let more = (shown.len() - lim).min(PAGE);
                html.push_str(
                    "<button type=\"button\" class=\"dafu-collection__more\" data-dafu-more=\"\">",
                );
                markup::push_escaped(&mut html, &fill(t.more, &[&more]));
                html.push_str("</button>");
            }
            let filters = markup::filters(t, &prefix, &counts, &selection);
            let mut status = fill(t.shown, &[&shown.len(), &entries.len()]);
            if !folded_query.is_empty() {
                let note = match &search {
                    Search::Loading => Some(t.index_loading),
                    Search::Missing(_) => Some(t.index_missing),
                    Search::TooLarge(_) => Some(t.index_too_large),
                    Search::Ready(_) => None,
                };
                if let Some(note) = note {
                    status.push(' ');
                    status.push_str(note);
                }
            }
            if let Some(el) = list_ref.get() {
                el.set_inner_html(&html);
            }
            if let Some(el) = filters_ref.get() {
                el.set_inner_html(&filters);
            }
            if let Some(el) = status_ref.get() {
                el.set_text_content(Some(&status));
            }
            if opened.get_untracked().is_none() {
                replace_hash(&list_hash);
            }
            focus_again(refocus.get_value(), filters_ref, list_ref, search_ref);
            refocus.set_value(None);
            if drawing.get_value() == 0 {
                mark("dafu-collection:drawn");
            }
            // The rest in the next frame, once this one is painted; a newer drawing makes it moot.
            let this = drawing.get_value().wrapping_add(1);
            drawing.set_value(this);
            let rest = move || {
                if drawing.try_get_value() != Some(this) {
                    return;
                }
                let mut more = String::new();
                rows.push(&mut more, shown.iter().take(lim).skip(first));
                if !more.is_empty() {
                    let body = list_ref
                        .get_untracked()
                        .and_then(|l| l.query_selector(".dafu-collection__body").ok().flatten());
                    if let Some(body) = body {
                        let _ = body.insert_adjacent_html("beforeend", &more);
                    }
                }
                let totals = markup::totals(t, &ShownTotals::of(&rows.data.entries, &shown));
                if let Some(el) = totals_ref.get_untracked() {
                    el.set_inner_html(&totals);
                }
            };
            request_animation_frame(move || request_animation_frame(rest));
        });
    }

    // The address changed (a row opened, Back, a link): the view follows it.
    {
        let data = data.clone();
        let handle = window_event_listener(leptos::ev::hashchange, move |_| {
            let state = State::parse(&location_hash());
            if state.foreign {
                return;
            }
            let reply = state
                .reply
                .clone()
                .filter(|id| data.reply_url(id).is_some());
            if reply.is_none() {
                if selection.get_untracked() != state.selection {
                    selection.set(state.selection);
                }
                if sort.get_untracked() != (state.sort, state.ascending) {
                    sort.set((state.sort, state.ascending));
                }
                if query.get_untracked() != state.query {
                    query.set(state.query);
                }
            }
            if opened.get_untracked() != reply {
                opened.set(reply);
            }
        });
        on_cleanup(move || handle.remove());
    }

    // Opening a reply starts at its top with the back button focused; coming back puts the list where
    // it was and focus on the row that was opened.
    Effect::new(move |previous: Option<Option<String>>| {
        let now = opened.get();
        let root = root_ref.get_untracked();
        if now.is_some() {
            request_animation_frame(move || {
                if let Some(w) = web_sys::window() {
                    w.scroll_to_with_x_and_y(0.0, 0.0);
                }
                let back = root
                    .and_then(|r| r.query_selector(".dafu-collection__back").ok().flatten())
                    .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(b) = back {
                    let _ = b.focus();
                }
            });
        } else if previous.flatten().is_some() {
            let y = scroll.get_value();
            let id = last_row.get_value();
            from_list.set_value(false);
            request_animation_frame(move || {
                if let Some(w) = web_sys::window() {
                    w.scroll_to_with_x_and_y(0.0, y);
                }
                let link = id.and_then(|id| {
                    let list = list_ref.get_untracked()?;
                    let links = list.query_selector_all("a[data-dafu-open]").ok()?;
                    (0..links.length())
                        .filter_map(|i| links.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
                        .find(|a| a.get_attribute("data-dafu-open").as_deref() == Some(id.as_str()))
                });
                if let Some(a) = link {
                    let options = web_sys::FocusOptions::new();
                    options.set_prevent_scroll(true);
                    let _ = a.focus_with_options(&options);
                }
            });
        }
        now
    });

    // One listener for every control drawn as markup (filters, sort buttons, rows, show more).
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let closest = |s: &str| target.closest(s).ok().flatten();
        if let Some(b) = closest("[data-dafu-facet]") {
            let facet = b.get_attribute("data-dafu-facet").unwrap_or_default();
            let value = b.get_attribute("data-dafu-value").unwrap_or_default();
            if let Some(f) = Facet::from_key(&facet) {
                refocus.set_value(Some(Refocus::Facet(facet, value.clone())));
                limit.set(PAGE);
                selection.update(|s| s.toggle(f, &value));
            }
        } else if let Some(b) = closest("[data-dafu-sort]") {
            let key = b.get_attribute("data-dafu-sort").unwrap_or_default();
            if let Some(k) = SortKey::from_key(&key) {
                refocus.set_value(Some(Refocus::Sort(key)));
                // A second press on the same column turns the order round.
                sort.update(|(s, asc)| {
                    if *s == k {
                        *asc = !*asc;
                    } else {
                        *s = k;
                        *asc = false;
                    }
                });
            }
        } else if closest("[data-dafu-clear]").is_some() {
            refocus.set_value(Some(Refocus::Search));
            selection.set(Selection::default());
        } else if closest("[data-dafu-more]").is_some() {
            let before = limit.get_untracked();
            refocus.set_value(Some(Refocus::Row(before)));
            limit.set(before + PAGE);
        } else if let Some(a) = closest("a[data-dafu-open]") {
            scroll.set_value(
                web_sys::window()
                    .and_then(|w| w.scroll_y().ok())
                    .unwrap_or(0.0),
            );
            last_row.set_value(a.get_attribute("data-dafu-open"));
            from_list.set_value(true);
            // The link itself changes the address; the hashchange listener opens the reply.
        }
    };

    let back = move |_| {
        let history = web_sys::window().and_then(|w| w.history().ok());
        match history.filter(|_| from_list.get_value()) {
            Some(h) => {
                let _ = h.back();
            }
            None => {
                let hash = current().list_hash();
                if let Some(w) = web_sys::window() {
                    // A new entry: the reply came from a link, and Back should return to it.
                    let _ = w.location().set_hash(&hash);
                }
            }
        }
    };

    let search_id = format!("{prefix}-search");
    let status_id = format!("{prefix}-status");
    let heading_id = format!("{prefix}-heading");
    let labelled_by = heading_id.clone();
    let reply_view = {
        let data = data.clone();
        move || {
            opened.get().and_then(|id| {
                let url = data.reply_url(&id)?;
                let options = Options {
                    lang,
                    ..Options::default()
                };
                Some(view! {
                    <div class="dafu-collection__reply">
                        <button type="button" class="dafu-collection__back" on:click=back>{"← "}{t.back}</button>
                        <App source=ReplySource::Url(url) options=options />
                    </div>
                })
            })
        }
    };
    view! {
        <section class="dafu-collection" node_ref=root_ref aria-labelledby=labelled_by>
            <div class="dafu-collection__list" hidden=move || opened.get().is_some()>
                <h2 class="dafu-collection__heading" id=heading_id>{t.heading}</h2>
                <div class="dafu-collection__search" role="search">
                    <label class="dafu-collection__search-label" for=search_id.clone()>{t.search}</label>
                    <input
                        class="dafu-collection__search-input"
                        id=search_id
                        type="search"
                        node_ref=search_ref
                        aria-describedby=status_id.clone()
                        prop:value=first.query.clone()
                        on:input=move |ev| {
                            limit.set(PAGE);
                            query.set(event_target_value(&ev));
                        }
                    />
                </div>
                <p class="dafu-collection__status" id=status_id role="status" aria-live="polite" node_ref=status_ref></p>
                <div class="dafu-collection__controls" on:click=on_click>
                    <div class="dafu-collection__filters" role="group" aria-label=t.filters node_ref=filters_ref></div>
                    <div class="dafu-collection__rows" node_ref=list_ref></div>
                </div>
                <div class="dafu-collection__totals" node_ref=totals_ref></div>
            </div>
            {reply_view}
        </section>
    }
}

/// Focuses the control that was pressed, now drawn anew.
fn focus_again(
    what: Option<Refocus>,
    filters: NodeRef<leptos::html::Div>,
    list: NodeRef<leptos::html::Div>,
    search: NodeRef<leptos::html::Input>,
) {
    let Some(what) = what else { return };
    let find = |root: Option<web_sys::HtmlDivElement>,
                selector: &str,
                pick: &dyn Fn(&web_sys::Element) -> bool| {
        let nodes = root?.query_selector_all(selector).ok()?;
        (0..nodes.length())
            .filter_map(|i| nodes.item(i)?.dyn_into::<web_sys::Element>().ok())
            .find(|e| pick(e))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    };
    let element = match what {
        Refocus::Facet(facet, value) => find(filters.get_untracked(), "[data-dafu-facet]", &|e| {
            e.get_attribute("data-dafu-facet").as_deref() == Some(facet.as_str())
                && e.get_attribute("data-dafu-value").as_deref() == Some(value.as_str())
        }),
        Refocus::Sort(key) => find(list.get_untracked(), "[data-dafu-sort]", &|e| {
            e.get_attribute("data-dafu-sort").as_deref() == Some(key.as_str())
        }),
        Refocus::Row(n) => {
            let nodes = list
                .get_untracked()
                .and_then(|l| l.query_selector_all("a[data-dafu-open]").ok());
            nodes
                .and_then(|n_| n_.item(u32::try_from(n).unwrap_or(u32::MAX)))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        }
        Refocus::Search => search
            .get_untracked()
            .and_then(|i| i.dyn_into::<web_sys::HtmlElement>().ok()),
    };
    if let Some(e) = element {
        // A value behind "more" stays in view: its disclosure is drawn closed again.
        if let Ok(Some(details)) = e.closest("details") {
            let _ = details.set_attribute("open", "");
        }
        let _ = e.focus();
    }
}
