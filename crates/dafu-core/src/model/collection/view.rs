//! What the page's collection view derives from an index (the web crate `dafu-collection` only
//! shows it): the search index the CLI writes beside it (`OUT/search.json`), folding for search,
//! facets and their counts, sorting, and the totals of what is shown.
//!
//! Search is a plain substring search over every reply's text, both sides folded one character to one
//! character (full-width ASCII forms to half-width, the ideographic space to a space, ASCII letters
//! to lower case), so a query finds exactly what a substring search would (公交站 finds 公交站点) and a
//! folded position is also a position in the text as written, counted in characters.

use std::cmp::Ordering;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::super::decimal::Decimal;
use super::super::order::sort_by;
use super::super::reply::{ProposalKind, Reply, ResultClass};
use super::CollectionEntry;

/// The version of the search index's format; 1 today.
pub const SEARCH_SCHEMA_VERSION: u32 = 1;

/// The largest search index read, in bytes.
pub const MAX_SEARCH_BYTES: usize = 256 * 1024 * 1024;

/// The full text of every reply of a collection, by id: `OUT/search.json`, fetched by the page after
/// the list is shown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchIndex {
    /// Version of this format; 1 today.
    pub schema: u32,
    /// One text per reply that converted, in the index's order.
    #[serde(default)]
    pub texts: Vec<SearchText>,
}

/// One reply's text, as [`search_text`] gives it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchText {
    /// The entry's id.
    pub id: String,
    /// Every text of the reply, one per line.
    pub text: String,
}

impl SearchIndex {
    /// The index as compact JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a search index: size limit, version, shape. Never panics.
    pub fn from_json_bytes(bytes: &[u8]) -> Result<Self, String> {
        if bytes.len() > MAX_SEARCH_BYTES {
            return Err(format!(
                "the search index is {} bytes; the limit is {MAX_SEARCH_BYTES} bytes",
                bytes.len()
            ));
        }
        // serde would read a struct from an array too (`[1]` as schema 1, no texts).
        if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
            return Err("not a search index: not a JSON object".to_owned());
        }
        let index: SearchIndex =
            serde_json::from_slice(bytes).map_err(|e| format!("not a search index: {e}"))?;
        if index.schema != SEARCH_SCHEMA_VERSION {
            return Err(format!(
                "search index schema {} is not {SEARCH_SCHEMA_VERSION}",
                index.schema
            ));
        }
        Ok(index)
    }
}

/// Every text a reader sees in a reply, one per line, in reading order: the title, the proposal's
/// title, the addressee, the preamble, each section's heading and blocks, the closing, the signature.
pub fn search_text(reply: &Reply) -> String {
    let mut out = String::new();
    let mut line = |s: &str| {
        if !s.trim().is_empty() {
            out.push_str(s);
            out.push('\n');
        }
    };
    line(&reply.meta.title);
    if let Some(t) = &reply.proposal.title {
        line(t);
    }
    if let Some(a) = &reply.addressee {
        line(a);
    }
    if let Some(p) = &reply.preamble {
        line(p);
    }
    for s in &reply.sections {
        line(&s.heading);
        for b in &s.blocks {
            line(b.text());
        }
    }
    for c in &reply.closing {
        line(c);
    }
    if let Some(s) = &reply.signature {
        if let Some(signer) = &s.signer {
            line(signer);
        }
        for c in &s.contact {
            line(c);
        }
    }
    out
}

/// One character folded for search: full-width ASCII forms (`Ａ`, `１`, `（`) to half-width, the
/// ideographic space to a space, ASCII letters to lower case; anything else as it is.
pub fn fold_char(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    c.to_ascii_lowercase()
}

/// A text folded character by character ([`fold_char`]): as many characters as the text. The runs
/// that need no folding (most of a Chinese text) are copied whole.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((at, c)) = rest.char_indices().find(|&(_, c)| fold_char(c) != c) {
        out.push_str(rest.get(..at).unwrap_or_default());
        out.push(fold_char(c));
        rest = rest.get(at + c.len_utf8()..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// A match shown in context: the text before, the match as written, the text after (each cut at a
/// line end).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// Up to [`CONTEXT_CHARS`] characters before the match.
    pub before: String,
    /// The matched characters, as written.
    pub hit: String,
    /// Up to [`CONTEXT_CHARS`] characters after the match.
    pub after: String,
}

/// Characters of context either side of a match.
pub const CONTEXT_CHARS: usize = 24;

/// Where `query` (already folded, not empty) occurs in `folded`: every match's character index, at
/// most `limit` of them, matches not overlapping. `folded` is [`fold`] of a text.
pub fn find_folded(folded: &str, query: &str, limit: usize) -> Vec<usize> {
    let mut out = Vec::new();
    if query.is_empty() {
        return out;
    }
    let (mut from, mut chars_before) = (0usize, 0usize);
    while out.len() < limit {
        let Some(rest) = folded.get(from..) else {
            break;
        };
        let Some(at) = rest.find(query) else { break };
        let skipped = rest.get(..at).map_or(0, |s| s.chars().count());
        chars_before += skipped;
        out.push(chars_before);
        chars_before += query.chars().count();
        from += at + query.len();
    }
    out
}

/// The snippet of `text` (as written) around the match at character `at`, `len` characters long.
pub fn snippet(text: &str, at: usize, len: usize) -> Snippet {
    let start = at.saturating_sub(CONTEXT_CHARS);
    let mut before = String::new();
    let mut hit = String::new();
    let mut after = String::new();
    for (i, c) in text.chars().enumerate().skip(start) {
        if i < at {
            if c == '\n' {
                before.clear();
            } else {
                before.push(c);
            }
        } else if i < at + len {
            hit.push(c);
        } else if i < at + len + CONTEXT_CHARS && c != '\n' {
            after.push(c);
        } else {
            break;
        }
    }
    Snippet { before, hit, after }
}

/// A filter of the collection view: one row of toggle buttons.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Facet {
    /// 提案 or 建议.
    Kind,
    /// The reply's year.
    Year,
    /// The office that replied (发文机构).
    Office,
    /// A, B or C.
    Class,
    /// Has funding (an allocated total).
    Funded,
}

impl Facet {
    /// Every facet, in the order the view shows them.
    pub const ALL: [Facet; 5] = [
        Facet::Kind,
        Facet::Year,
        Facet::Office,
        Facet::Class,
        Facet::Funded,
    ];

    /// The facet's name in the page's address (`#kind=proposal&year=2023`).
    pub fn key(self) -> &'static str {
        match self {
            Facet::Kind => "kind",
            Facet::Year => "year",
            Facet::Office => "office",
            Facet::Class => "class",
            Facet::Funded => "funded",
        }
    }

    /// The facet named `key` in the address.
    pub fn from_key(key: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.key() == key)
    }

    /// Its place in [`Facet::ALL`] (and in [`FacetValues`]).
    pub fn index(self) -> usize {
        match self {
            Facet::Kind => 0,
            Facet::Year => 1,
            Facet::Office => 2,
            Facet::Class => 3,
            Facet::Funded => 4,
        }
    }
}

/// An entry's value for every facet, in [`Facet::ALL`]'s order ([`CollectionEntry::facet_values`]):
/// worked out once per entry, not once per filter, count and redraw.
pub type FacetValues = [Option<String>; 5];

impl CollectionEntry {
    /// This entry's value for a facet, as the address writes it: `proposal`/`suggestion`, `2023`, the
    /// office's name, `A`/`B`/`C`, `yes`; `None` when the entry has none (or failed).
    pub fn facet(&self, facet: Facet) -> Option<String> {
        if self.error.is_some() {
            return None;
        }
        match facet {
            Facet::Kind => self.kind.map(|k| {
                match k {
                    ProposalKind::Proposal => "proposal",
                    ProposalKind::Suggestion => "suggestion",
                }
                .to_owned()
            }),
            Facet::Year => self.year.map(|y| y.to_string()),
            Facet::Office => self
                .issuer
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned),
            Facet::Class => self.result_class.map(|c| {
                match c {
                    ResultClass::A => "A",
                    ResultClass::B => "B",
                    ResultClass::C => "C",
                }
                .to_owned()
            }),
            Facet::Funded => self.funded().then(|| "yes".to_owned()),
        }
    }

    /// [`CollectionEntry::facet`] for every facet.
    pub fn facet_values(&self) -> FacetValues {
        Facet::ALL.map(|f| self.facet(f))
    }

    /// Has an allocated (headline) funding total above zero.
    pub fn funded(&self) -> bool {
        self.totals.allocated.is_some_and(|d| !d.is_zero())
    }

    /// The proposal's number as a number (its first run of digits, full-width digits too), to sort.
    pub fn number_value(&self) -> Option<u64> {
        let number = self.number.as_deref()?;
        let digits: String = number
            .chars()
            .map(fold_char)
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(char::is_ascii_digit)
            .take(18)
            .collect();
        digits.parse().ok()
    }

    /// What a search over the index alone looks at, folded: the titles, the office, the number, the
    /// proposer, the source file (before the full text has arrived, or without one).
    pub fn fields_folded(&self) -> String {
        let mut out = String::new();
        for s in [
            Some(self.title.as_str()),
            self.proposal_title.as_deref(),
            self.issuer.as_deref(),
            self.number.as_deref(),
            self.document_number.as_deref(),
            self.proposer.as_deref(),
            Some(self.source.as_str()),
        ]
        .into_iter()
        .flatten()
        {
            out.push_str(&fold(s));
            out.push('\n');
        }
        out
    }
}

/// The filters chosen: for each facet, the values chosen (any of them passes; every facet with a
/// choice must pass).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// `(facet, value)` pairs, in the order chosen.
    pub chosen: Vec<(Facet, String)>,
}

impl Selection {
    /// Whether `value` of `facet` is chosen.
    pub fn has(&self, facet: Facet, value: &str) -> bool {
        self.chosen.iter().any(|(f, v)| *f == facet && v == value)
    }

    /// Chooses `value` of `facet`, or un-chooses it if it was chosen.
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        let before = self.chosen.len();
        self.chosen.retain(|(f, v)| !(*f == facet && v == value));
        if self.chosen.len() == before {
            self.chosen.push((facet, value.to_owned()));
        }
    }

    /// Whether `entry` passes every facet with a choice, except `except`.
    pub fn passes(&self, entry: &CollectionEntry, except: Option<Facet>) -> bool {
        self.chosen.is_empty() || self.passes_values(&entry.facet_values(), except)
    }

    /// Whether an entry with these [`FacetValues`] passes every facet with a choice, except
    /// `except`.
    pub fn passes_values(&self, values: &FacetValues, except: Option<Facet>) -> bool {
        Facet::ALL
            .into_iter()
            .filter(|f| Some(*f) != except)
            .all(|f| {
                let mut wanted = self.chosen.iter().filter(|(g, _)| *g == f).peekable();
                if wanted.peek().is_none() {
                    return true;
                }
                let value = values.get(f.index()).and_then(Option::as_deref);
                wanted.any(|(_, v)| value == Some(v.as_str()))
            })
    }

    /// Every facet's values with the number of entries each would show: entries that `matches`
    /// (the search) and pass every other facet. `values` are the entries' [`FacetValues`], in their
    /// order. Values in a stable order: kinds and classes as named, years newest first, offices by
    /// their count in the whole collection, then name.
    pub fn counts(
        &self,
        values: &[FacetValues],
        matches: &dyn Fn(usize) -> bool,
    ) -> Vec<(Facet, Vec<(String, usize)>)> {
        Facet::ALL
            .into_iter()
            .map(|facet| {
                // (shown, in the whole collection): offices are ordered by the second, so a button
                // does not move while the filters change.
                let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
                for (i, all) in values.iter().enumerate() {
                    if let Some(v) = all.get(facet.index()).and_then(Option::as_deref) {
                        let n = counts.entry(v).or_default();
                        n.1 += 1;
                        if matches(i) && self.passes_values(all, Some(facet)) {
                            n.0 += 1;
                        }
                    }
                }
                let mut values: Vec<(&str, (usize, usize))> = counts.into_iter().collect();
                sort_by(&mut values, |a, b| match facet {
                    Facet::Year => b.0.cmp(a.0),
                    Facet::Office => b.1 .1.cmp(&a.1 .1).then_with(|| a.0.cmp(b.0)),
                    _ => a.0.cmp(b.0),
                });
                (
                    facet,
                    values
                        .into_iter()
                        .map(|(v, (n, _))| (v.to_owned(), n))
                        .collect(),
                )
            })
            .collect()
    }
}

/// What the list is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    /// The reply's date (the default, newest first).
    #[default]
    Date,
    /// The proposal's number.
    Number,
    /// The allocated funding total.
    Amount,
}

impl SortKey {
    /// The name in the address (`#sort=number`).
    pub fn key(self) -> &'static str {
        match self {
            SortKey::Date => "date",
            SortKey::Number => "number",
            SortKey::Amount => "amount",
        }
    }

    /// The key named in the address.
    pub fn from_key(key: &str) -> Option<SortKey> {
        [SortKey::Date, SortKey::Number, SortKey::Amount]
            .into_iter()
            .find(|k| k.key() == key)
    }
}

/// `shown` (indices into `entries`) sorted by `key`, descending when `descending`; entries without
/// the value go last either way, and ties keep the index's order (by id).
pub fn sort_shown(
    entries: &[CollectionEntry],
    shown: &mut Vec<usize>,
    key: SortKey,
    descending: bool,
) {
    let order = |o: Ordering| if descending { o.reverse() } else { o };
    let last = |a: bool, b: bool| b.cmp(&a);
    sort_by(shown, |&a, &b| {
        let (Some(x), Some(y)) = (entries.get(a), entries.get(b)) else {
            return Ordering::Equal;
        };
        match key {
            SortKey::Date => match (&x.date, &y.date) {
                (Some(p), Some(q)) => order(p.cmp(q)),
                (p, q) => last(p.is_some(), q.is_some()),
            },
            SortKey::Number => match (x.number_value(), y.number_value()) {
                (Some(p), Some(q)) => order(p.cmp(&q)),
                (p, q) => last(p.is_some(), q.is_some()),
            },
            SortKey::Amount => match (x.totals.allocated, y.totals.allocated) {
                (Some(p), Some(q)) => order(p.cmp(&q)),
                (p, q) => last(p.is_some(), q.is_some()),
            },
        }
    });
}

/// The totals of what is shown: replies by result class, allocated funding by office and by year
/// (exact sums in 万元).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ShownTotals {
    /// `A`, `B`, `C`, then `None` (no class given), with counts; only those with replies.
    pub by_class: Vec<(Option<ResultClass>, usize)>,
    /// Office (`None`: not named) and its sum, largest first.
    pub by_office: Vec<(Option<String>, Decimal)>,
    /// Year (`None`: undated) and its sum, oldest first.
    pub by_year: Vec<(Option<i32>, Decimal)>,
}

impl ShownTotals {
    /// The totals of `shown` (indices into `entries`). A sum that would overflow keeps its last
    /// exact value (never seen: 10^38).
    pub fn of(entries: &[CollectionEntry], shown: &[usize]) -> Self {
        let mut classes = [0usize; 4];
        let mut offices: HashMap<Option<String>, Decimal> = HashMap::new();
        let mut years: HashMap<Option<i32>, Decimal> = HashMap::new();
        for e in shown.iter().filter_map(|&i| entries.get(i)) {
            if e.error.is_some() {
                continue;
            }
            let slot = match e.result_class {
                Some(ResultClass::A) => 0,
                Some(ResultClass::B) => 1,
                Some(ResultClass::C) => 2,
                None => 3,
            };
            if let Some(n) = classes.get_mut(slot) {
                *n += 1;
            }
            let Some(amount) = e.totals.allocated.filter(|d| !d.is_zero()) else {
                continue;
            };
            let add = |sum: &mut Decimal| {
                if let Some(s) = sum.checked_add(amount) {
                    *sum = s;
                }
            };
            add(offices
                .entry(e.facet(Facet::Office))
                .or_insert(Decimal::from_int(0)));
            add(years.entry(e.year).or_insert(Decimal::from_int(0)));
        }
        let by_class = [
            Some(ResultClass::A),
            Some(ResultClass::B),
            Some(ResultClass::C),
            None,
        ]
        .into_iter()
        .zip(classes)
        .filter(|(_, n)| *n > 0)
        .collect();
        let mut by_office: Vec<(Option<String>, Decimal)> = offices.into_iter().collect();
        sort_by(&mut by_office, |a, b| {
            b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0))
        });
        let mut by_year: Vec<(Option<i32>, Decimal)> = years.into_iter().collect();
        sort_by(&mut by_year, |a, b| match (a.0, b.0) {
            (Some(x), Some(y)) => x.cmp(&y),
            (x, y) => y.is_some().cmp(&x.is_some()),
        });
        ShownTotals {
            by_class,
            by_office,
            by_year,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::super::Origin;
    use super::*;

    fn entry(id: &str, date: &str, number: &str, amount: Option<&str>) -> CollectionEntry {
        let mut e = CollectionEntry::failed(
            Origin {
                id: id.into(),
                source: format!("{id}.txt"),
                hash: String::new(),
            },
            "",
        );
        e.error = None;
        e.date = Some(date.into());
        e.year = date.get(..4).and_then(|y| y.parse().ok());
        e.number = Some(number.into());
        e.totals.allocated = amount.map(|a| Decimal::parse(a).unwrap());
        e
    }

    #[test]
    fn a_query_finds_what_a_substring_search_finds_and_full_width_forms_fold() {
        let text = "增设公交站点。ＡＢＣ１２３路";
        let folded = fold(text);
        assert_eq!(folded.chars().count(), text.chars().count());
        assert_eq!(find_folded(&folded, &fold("公交站"), 10), vec![2]);
        assert_eq!(find_folded(&folded, &fold("abc123"), 10), vec![7]);
        assert_eq!(find_folded(&folded, &fold("ＡＢＣ"), 10), vec![7]);
        let s = snippet(text, 7, 6);
        assert_eq!(s.hit, "ＡＢＣ１２３");
        assert_eq!(s.before, "增设公交站点。");
        assert_eq!(s.after, "路");
    }

    #[test]
    fn folding_a_text_folds_each_character_as_fold_char_does_and_keeps_the_rest() {
        let text = "第ＡＢ号\u{3000}Road 12、（市）公交𠀀站ｚ~";
        let by_char: String = text.chars().map(fold_char).collect();
        assert_eq!(fold(text), by_char);
        assert_eq!(fold(text), "第ab号 road 12、(市)公交𠀀站z~");
        assert_eq!(fold("公交站点"), "公交站点");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn matches_are_counted_without_overlap_and_up_to_the_limit() {
        let folded = fold("aaaa");
        assert_eq!(find_folded(&folded, "aa", 10), vec![0, 2]);
        assert_eq!(find_folded(&folded, "a", 3), vec![0, 1, 2]);
        assert!(find_folded(&folded, "", 3).is_empty());
    }

    #[test]
    fn sorting_by_number_reads_the_digits_and_puts_missing_values_last() {
        let mut a = entry("a", "2023-05-01", "第12号", Some("10"));
        let b = entry("b", "2024-01-01", "第３号", None);
        let c = entry("c", "2022", "第100号", Some("5"));
        a.number = Some("第12号".into());
        let entries = vec![a, b, c];
        let mut shown = vec![0, 1, 2];
        sort_shown(&entries, &mut shown, SortKey::Number, false);
        assert_eq!(shown, vec![1, 0, 2]);
        sort_shown(&entries, &mut shown, SortKey::Date, true);
        assert_eq!(shown, vec![1, 0, 2]);
        sort_shown(&entries, &mut shown, SortKey::Amount, true);
        assert_eq!(shown, vec![0, 2, 1]);
        sort_shown(&entries, &mut shown, SortKey::Amount, false);
        assert_eq!(shown, vec![2, 0, 1]);
    }

    #[test]
    fn facet_counts_leave_out_the_facets_own_choice_and_combine_the_others() {
        let mut a = entry("a", "2023-05-01", "1", Some("10"));
        a.kind = Some(ProposalKind::Proposal);
        let mut b = entry("b", "2024-01-01", "2", None);
        b.kind = Some(ProposalKind::Suggestion);
        let mut c = entry("c", "2023-02-01", "3", Some("5"));
        c.kind = Some(ProposalKind::Suggestion);
        let entries = [a, b, c];
        let mut sel = Selection::default();
        sel.toggle(Facet::Year, "2023");
        let values: Vec<FacetValues> = entries.iter().map(CollectionEntry::facet_values).collect();
        let counts = sel.counts(&values, &|_| true);
        let kinds = &counts.iter().find(|(f, _)| *f == Facet::Kind).unwrap().1;
        assert_eq!(
            kinds,
            &vec![("proposal".into(), 1), ("suggestion".into(), 1)]
        );
        let years = &counts.iter().find(|(f, _)| *f == Facet::Year).unwrap().1;
        assert_eq!(years, &vec![("2024".into(), 1), ("2023".into(), 2)]);
        sel.toggle(Facet::Kind, "suggestion");
        let shown: Vec<usize> = (0..3).filter(|&i| sel.passes(&entries[i], None)).collect();
        assert_eq!(shown, vec![2]);
        sel.toggle(Facet::Kind, "suggestion");
        assert!(!sel.has(Facet::Kind, "suggestion"));
    }

    #[test]
    fn totals_sum_exactly_by_office_and_year_and_count_classes() {
        let mut a = entry("a", "2023-05-01", "1", Some("0.1"));
        a.issuer = Some("交通局".into());
        a.result_class = Some(ResultClass::A);
        let mut b = entry("b", "2023-01-01", "2", Some("0.2"));
        b.issuer = Some("交通局".into());
        let c = entry("c", "2024", "3", Some("7"));
        let entries = vec![a, b, c];
        let t = ShownTotals::of(&entries, &[0, 1, 2]);
        assert_eq!(t.by_class, vec![(Some(ResultClass::A), 1), (None, 2)]);
        assert_eq!(
            t.by_office,
            vec![
                (None, Decimal::parse("7").unwrap()),
                (Some("交通局".into()), Decimal::parse("0.3").unwrap())
            ]
        );
        assert_eq!(t.by_year[0], (Some(2023), Decimal::parse("0.3").unwrap()));
    }

    #[test]
    fn a_search_index_over_the_limit_of_another_version_or_not_an_object_is_refused() {
        assert!(SearchIndex::from_json_bytes(br#"{"schema":2,"texts":[]}"#).is_err());
        assert!(SearchIndex::from_json_bytes(b"[]").is_err());
        // An array would read as the struct's fields in order: schema 1, no texts.
        assert_eq!(
            SearchIndex::from_json_bytes(b" [1]"),
            Err("not a search index: not a JSON object".to_owned())
        );
        let ok = SearchIndex::from_json_bytes(br#"{"schema":1,"texts":[{"id":"a","text":"x"}]}"#);
        assert_eq!(ok.unwrap().texts.len(), 1);
    }
}
