//! A collection of replies (an office's whole year): the index `dafu convert DIR --out OUT` writes as
//! `OUT/collection.json`, one entry per input file, and what the collection views read.
//!
//! The index is a contract: the static index page (`dafu render --collection`) and the page's
//! collection view read it, and shards of one archive are merged into one ([`Collection::merge`]).
//! Money totals are exact decimal strings in 万元, never floats. Ids are safe as file names and URL
//! path segments ([`is_safe_id`]): `OUT/replies/ID.json` holds the reply of entry `ID`.

use std::collections::HashMap;
use std::fmt::Write as _;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::Point;
use super::decimal::Decimal;
use super::reply::{ProposalKind, Reply, ResultClass};

mod view;
pub use view::{
    find_folded, fold, fold_char, search_text, snippet, sort_shown, Facet, FacetValues,
    SearchIndex, SearchText, Selection, ShownTotals, Snippet, SortKey, CONTEXT_CHARS,
    MAX_SEARCH_BYTES, SEARCH_SCHEMA_VERSION,
};

/// The version of the index format; 1 today. A newer version is refused, not guessed at.
pub const COLLECTION_SCHEMA_VERSION: u32 = 1;

/// The largest index read, in bytes (about 200,000 entries).
pub const MAX_COLLECTION_BYTES: usize = 128 * 1024 * 1024;

/// The longest id, in characters (a CJK character is 3 bytes: 64 of them and `.html` stay under the
/// 255 bytes a file name may have).
pub const MAX_ID_CHARS: usize = 64;

/// An office's replies: the index of a converted folder (`OUT/collection.json`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Collection {
    /// Version of this format; 1 today.
    pub schema: u32,
    /// What wrote it (`dafu 0.1.0`): a rerun by another version converts everything again, since
    /// its converter may read the texts differently.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generator: Option<String>,
    /// The share of the input this index covers (`2/4`) when written with `--shard`; absent for a
    /// whole folder or a merged index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shard: Option<String>,
    /// One entry per input file, sorted by id.
    #[serde(default)]
    pub entries: Vec<CollectionEntry>,
}

/// Exact funding totals of one reply per role, in 万元 (as [`super::FundingTotals`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CollectionTotals {
    /// Allocated, paid or invested: the headline total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocated: Option<Decimal>,
    /// Won from elsewhere (争取到).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obtained: Option<Decimal>,
    /// Loans.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loan: Option<Decimal>,
    /// Asked for, not (yet) granted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested: Option<Decimal>,
    /// Asked for and refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refused: Option<Decimal>,
    /// Foreseen, not given (计划, 概算).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned: Option<Decimal>,
    /// Items left out of every total (rates, ranges).
    #[serde(default)]
    pub not_summed: usize,
}

/// One reply of a collection: where it came from and what a table of replies shows of it.
///
/// An input that could not be read or converted has `error` set and nothing else but its origin; it
/// has no `replies/ID.json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CollectionEntry {
    /// Unique in the collection, safe as a file name ([`is_safe_id`]): the reply is `replies/ID.json`.
    pub id: String,
    /// The input file, relative to the converted folder, with `/` between folders.
    pub source: String,
    /// The input's content hash ([`content_hash`]): a rerun skips an input whose hash is unchanged.
    pub hash: String,
    /// Personal data was masked (`--redact`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub redacted: bool,
    /// Why the input is not in the collection (unreadable, too large, invalid JSON), in one line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The page title (`meta.title`).
    #[serde(default)]
    pub title: String,
    /// The title of the proposal answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposal_title: Option<String>,
    /// 发文机构
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// 发文字号
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_number: Option<String>,
    /// 提案 or 建议.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ProposalKind>,
    /// The proposal's number as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// 会议届次.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
    /// The year of `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The reply's date (published, else written, else signed) at the precision given: `2023`,
    /// `2023-05` or `2023-05-12`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The member or deputy who made the proposal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposer: Option<String>,
    /// A, B or C.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result_class: Option<ResultClass>,
    /// Numbered sections.
    #[serde(default)]
    pub sections: usize,
    /// 一是-style initiatives.
    #[serde(default)]
    pub initiatives: usize,
    /// Figures found in the text.
    #[serde(default)]
    pub figures: usize,
    /// Funding items found in the text.
    #[serde(default)]
    pub funding: usize,
    /// Exact funding totals per role.
    #[serde(default)]
    pub totals: CollectionTotals,
    /// The converter's diagnostics (personal-data findings included); 0 for a JSON input.
    #[serde(default)]
    pub diagnostics: usize,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Where an entry came from: its id, its input file and that file's hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The entry's id ([`unique_ids`]).
    pub id: String,
    /// The input, relative to the folder, `/` between folders.
    pub source: String,
    /// [`content_hash`] of the input's bytes.
    pub hash: String,
}

/// `2023`, `2023-05`, `2023-05-12`: a point at its own precision (a time of day is left out).
fn iso(point: Point) -> String {
    match point {
        Point::Year(y) => format!("{y:04}"),
        Point::Month(y, m) => format!("{y:04}-{m:02}"),
        Point::Day(y, m, d) | Point::Moment(y, m, d, ..) => format!("{y:04}-{m:02}-{d:02}"),
    }
}

impl CollectionEntry {
    /// The entry of a reply read or converted from `origin`, with the conversion's diagnostics count.
    pub fn of(reply: &Reply, origin: Origin, diagnostics: usize, redacted: bool) -> Self {
        let meta = &reply.meta;
        let proposal = &reply.proposal;
        let point = [
            meta.published.as_ref(),
            meta.written.as_ref(),
            reply.signature.as_ref().and_then(|s| s.date.as_ref()),
        ]
        .into_iter()
        .flatten()
        .find_map(|d| d.when().start());
        let totals = reply.funding_totals();
        CollectionEntry {
            id: origin.id,
            source: origin.source,
            hash: origin.hash,
            redacted,
            error: None,
            title: meta.title.clone(),
            proposal_title: proposal.title.clone(),
            issuer: meta.issuer.clone(),
            document_number: meta.document_number.clone(),
            kind: proposal.kind,
            number: proposal.number.clone(),
            session: proposal.session.clone(),
            year: point.map(Point::year),
            date: point.map(iso),
            proposer: proposal.proposer.clone(),
            result_class: proposal.result_class,
            sections: reply.sections.len(),
            initiatives: reply.initiative_count(),
            figures: reply.figures.len(),
            funding: reply.funding.len(),
            totals: CollectionTotals {
                allocated: totals.allocated,
                obtained: totals.obtained,
                loan: totals.loan,
                requested: totals.requested,
                refused: totals.refused,
                planned: totals.planned,
                not_summed: totals.not_summed,
            },
            diagnostics,
        }
    }

    /// The entry of an input that could not be read or converted: its origin and why, in one line.
    pub fn failed(origin: Origin, error: &str) -> Self {
        // One line, and not a whole file: the reason may quote the input.
        let error: String = error
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .take(500)
            .collect();
        CollectionEntry {
            id: origin.id,
            source: origin.source,
            hash: origin.hash,
            redacted: false,
            error: Some(error),
            title: String::new(),
            proposal_title: None,
            issuer: None,
            document_number: None,
            kind: None,
            number: None,
            session: None,
            year: None,
            date: None,
            proposer: None,
            result_class: None,
            sections: 0,
            initiatives: 0,
            figures: 0,
            funding: 0,
            totals: CollectionTotals::default(),
            diagnostics: 0,
        }
    }

    /// The title a table shows: the proposal's title, else the page title, else the source file.
    pub fn display_title(&self) -> &str {
        self.proposal_title
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .or(Some(self.title.as_str()).filter(|t| !t.trim().is_empty()))
            .unwrap_or(&self.source)
    }
}

impl Collection {
    /// An index of these entries, sorted by id.
    pub fn new(generator: Option<String>, mut entries: Vec<CollectionEntry>) -> Self {
        entries.sort_by(|a, b| a.id.cmp(&b.id));
        Collection {
            schema: COLLECTION_SCHEMA_VERSION,
            generator,
            shard: None,
            entries,
        }
    }

    /// The index as pretty JSON (stable: entries sorted by id, fields in declaration order).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The JSON Schema of the index format.
    pub fn json_schema() -> String {
        let schema = schemars::schema_for!(Collection);
        serde_json::to_string_pretty(&schema).unwrap_or_default()
    }

    /// Reads and checks an index: size limit, version, shape, then every id safe and unique. Each
    /// problem is one line; never panics, whatever the bytes.
    pub fn from_json_bytes(bytes: &[u8]) -> Result<Self, Vec<String>> {
        if bytes.len() > MAX_COLLECTION_BYTES {
            return Err(vec![format!(
                "the index is {} bytes; the limit is {MAX_COLLECTION_BYTES} bytes",
                bytes.len()
            )]);
        }
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        // serde would read a struct from an array too; an index is always an object.
        if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
            return Err(vec!["not a collection index: not a JSON object".to_owned()]);
        }
        // One parse when the index is good (it is most of a collection's first show in the page);
        // when it does not read, a second look at its version alone says why better than serde.
        let collection = match serde_json::from_slice::<Collection>(bytes) {
            Ok(c) => match version_problem(Some(u64::from(c.schema))) {
                Some(problem) => return Err(vec![problem]),
                None => c,
            },
            Err(e) => {
                #[derive(Deserialize)]
                struct Peek {
                    #[serde(default)]
                    schema: Option<u64>,
                }
                let peek: Peek = serde_json::from_slice(bytes)
                    .map_err(|e| vec![format!("not a collection index: {e}")])?;
                return Err(vec![version_problem(peek.schema)
                    .unwrap_or_else(|| format!("not a collection index: {e}"))]);
            }
        };
        let problems = collection.problems();
        if problems.is_empty() {
            Ok(collection)
        } else {
            Err(problems)
        }
    }

    /// Ids that are not safe as file names, or appear twice (at most 100 lines).
    pub fn problems(&self) -> Vec<String> {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut out = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            if !is_safe_id(&e.id) {
                out.push(format!(
                    "entries[{i}].id is not a safe id: {}",
                    quote(&e.id)
                ));
            }
            if let Some(first) = seen.insert(&e.id, i) {
                out.push(format!(
                    "entries[{i}].id {} is also entries[{first}].id",
                    quote(&e.id)
                ));
            }
        }
        out.truncate(100);
        out
    }

    /// One index from several (the shards of one folder, converted apart): entries sorted by id, the
    /// same entry in two indexes kept once. Fails, naming them, when one id stands for two different
    /// entries. `generator` is kept when every index has the same, else left out (a rerun then
    /// converts everything again).
    pub fn merge(parts: Vec<Collection>) -> Result<Collection, Vec<String>> {
        let mut generators = parts.iter().map(|c| c.generator.clone());
        let first = generators.next().flatten();
        let generator = if generators.all(|g| g == first) {
            first
        } else {
            None
        };
        let mut entries: Vec<CollectionEntry> = parts.into_iter().flat_map(|c| c.entries).collect();
        entries.sort_by(|a, b| a.id.cmp(&b.id));
        let mut out: Vec<CollectionEntry> = Vec::with_capacity(entries.len());
        let mut problems = Vec::new();
        for e in entries {
            match out.last() {
                Some(last) if last.id == e.id => {
                    if *last != e {
                        problems.push(format!(
                            "id {} stands for two different entries (sources {} and {})",
                            quote(&e.id),
                            quote(&last.source),
                            quote(&e.source)
                        ));
                    }
                }
                _ => out.push(e),
            }
        }
        if problems.is_empty() {
            Ok(Collection::new(generator, out))
        } else {
            problems.truncate(100);
            Err(problems)
        }
    }
}

/// What is wrong with an index's `schema` (`None`: it is [`COLLECTION_SCHEMA_VERSION`]).
fn version_problem(schema: Option<u64>) -> Option<String> {
    match schema {
        Some(v) if v == u64::from(COLLECTION_SCHEMA_VERSION) => None,
        Some(v) if v > u64::from(COLLECTION_SCHEMA_VERSION) => Some(format!(
            "index schema version {v} is newer than this dafu understands ({COLLECTION_SCHEMA_VERSION})"
        )),
        _ => Some(format!(
            "not a collection index: \"schema\" must be {COLLECTION_SCHEMA_VERSION}"
        )),
    }
}

/// A text quoted for a message: at most 80 characters, control characters as `?`.
fn quote(text: &str) -> String {
    let mut out = String::from("\"");
    for (i, c) in text.chars().enumerate() {
        if i == 80 {
            out.push('…');
            break;
        }
        out.push(if c.is_control() { '?' } else { c });
    }
    out.push('"');
    out
}

/// FNV-1a, 64 bits, as 16 hex digits: a fast content hash to tell a changed input from an unchanged
/// one (not a defence against anyone forging a file).
pub fn content_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// A CJK ideograph (the basic block, extension A, and the supplementary planes' B–F): kept in ids
/// as they are, since they have no case and no other normalised form that a file system could
/// change them to.
fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{20000}'..='\u{2EBEF}')
}

/// Whether an id is safe as a file name and a URL path segment on every common system: 1 to
/// [`MAX_ID_CHARS`] characters among `a-z`, `0-9`, `-`, `_` and CJK ideographs, not starting with
/// `-`. No `.`, `/`, `\`, `%`, space, upper case (two ids must not differ only by case) or control
/// character can be in one.
pub fn is_safe_id(id: &str) -> bool {
    let count = id.chars().count();
    (1..=MAX_ID_CHARS).contains(&count)
        && !id.starts_with('-')
        && id.chars().all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_' || is_ideograph(c)
        })
}

/// The id a file's relative path (`2023/第12号 答复.txt`) gives alone: the extension dropped, ASCII
/// letters lower-cased, ideographs, digits and `_` kept, anything else (folder separators, spaces,
/// punctuation, other scripts) a `-`, runs of `-` made one, at most [`MAX_ID_CHARS`] characters;
/// `reply` when nothing is left. See [`unique_ids`] for two paths with the same base.
pub fn base_id(relative: &str) -> String {
    let stem = match relative.rsplit_once('.') {
        Some((stem, ext))
            if !ext.contains('/')
                && (ext.eq_ignore_ascii_case("txt") || ext.eq_ignore_ascii_case("json")) =>
        {
            stem
        }
        _ => relative,
    };
    let mut id = String::with_capacity(stem.len());
    for c in stem.chars() {
        let c = c.to_ascii_lowercase();
        let keep = c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || is_ideograph(c);
        let c = if keep { c } else { '-' };
        if c == '-' && (id.is_empty() || id.ends_with('-')) {
            continue;
        }
        id.push(c);
    }
    let mut id: String = id.chars().take(MAX_ID_CHARS).collect();
    while id.ends_with('-') {
        id.pop();
    }
    if id.is_empty() {
        "reply".to_owned()
    } else {
        id
    }
}

/// The ids of a folder's files, in the order given, unique: each path's [`base_id`], except where
/// several paths share a base: then each of them gets `-` and 8 hex digits of its path's hash
/// (`a-1b2c3d4e`), so an id depends only on its own path and on which paths share its base, never
/// on the order of the files or on the shard that converts it. A clash left after that (not seen
/// in practice) takes `-2`, `-3`… in the order given.
pub fn unique_ids(relative: &[String]) -> Vec<String> {
    let bases: Vec<String> = relative.iter().map(|r| base_id(r)).collect();
    let mut count: HashMap<&str, usize> = HashMap::new();
    for b in &bases {
        *count.entry(b.as_str()).or_default() += 1;
    }
    let ids: Vec<String> = bases
        .iter()
        .zip(relative)
        .map(|(b, r)| {
            if count.get(b.as_str()).copied().unwrap_or(0) > 1 {
                let hash = content_hash(r.as_bytes());
                let short = hash.get(..8).unwrap_or(&hash);
                let stem: String = b.chars().take(MAX_ID_CHARS - 9).collect();
                format!("{}-{short}", stem.trim_end_matches('-'))
            } else {
                b.clone()
            }
        })
        .collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let n = seen.entry(id.clone()).or_default();
        *n += 1;
        if *n == 1 {
            out.push(id);
        } else {
            let suffix = format!("-{n}");
            let stem: String = id.chars().take(MAX_ID_CHARS - suffix.len()).collect();
            let mut unique = stem;
            let _ = write!(unique, "{suffix}");
            out.push(unique);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn ids_are_safe_file_names_made_from_the_relative_path() {
        assert_eq!(base_id("2023/第12号 答复.txt"), "2023-第12号-答复");
        assert_eq!(base_id("Office A/Reply_7.JSON"), "office-a-reply_7");
        assert_eq!(base_id("../..//.txt"), "reply");
        assert_eq!(base_id("a.b.txt"), "a-b");
        assert_eq!(base_id("한국어.txt"), "reply");
        for p in [
            "2023/第12号 答复.txt",
            "../x",
            "A%2F<b>.txt",
            "-x.txt",
            &"长".repeat(300),
        ] {
            assert!(is_safe_id(&base_id(p)), "{p}");
        }
        assert!(!is_safe_id("../etc"));
        assert!(!is_safe_id("A"));
        assert!(!is_safe_id(""));
    }

    #[test]
    fn paths_with_the_same_base_get_ids_of_their_own_that_do_not_depend_on_order() {
        let paths = vec!["a.txt".to_owned(), "a.json".to_owned(), "b.txt".to_owned()];
        let ids = unique_ids(&paths);
        assert_eq!(ids[2], "b");
        assert!(ids[0].starts_with("a-") && ids[1].starts_with("a-") && ids[0] != ids[1]);
        let reversed: Vec<String> = paths.iter().rev().cloned().collect();
        let mut again = unique_ids(&reversed);
        again.reverse();
        assert_eq!(ids, again);
        assert!(ids.iter().all(|i| is_safe_id(i)));
    }

    #[test]
    fn the_content_hash_changes_with_one_byte() {
        assert_eq!(content_hash(b""), "cbf29ce484222325");
        assert_ne!(content_hash(b"abc"), content_hash(b"abd"));
    }

    #[test]
    fn an_index_with_an_unsafe_or_repeated_id_is_refused_with_each_problem() {
        let bad = r#"{"schema":1,"entries":[{"id":"../x","source":"a","hash":"0"},{"id":"b","source":"b","hash":"0"},{"id":"b","source":"c","hash":"1"}]}"#;
        let problems = Collection::from_json_bytes(bad.as_bytes()).unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            Collection::from_json_bytes(br#"{"schema":2,"entries":[]}"#).unwrap_err()[0]
                .contains("newer")
        );
        assert!(Collection::from_json_bytes(b"[1]").is_err());
    }

    #[test]
    fn merging_sorts_by_id_keeps_one_copy_and_refuses_a_conflict() {
        let entry = |id: &str, hash: &str| {
            CollectionEntry::failed(
                Origin {
                    id: id.to_owned(),
                    source: format!("{id}.txt"),
                    hash: hash.to_owned(),
                },
                "x",
            )
        };
        let a = Collection::new(None, vec![entry("c", "1"), entry("a", "1")]);
        let b = Collection::new(None, vec![entry("b", "1"), entry("a", "1")]);
        let merged = Collection::merge(vec![a.clone(), b]).unwrap();
        let ids: Vec<&str> = merged.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        let conflict = Collection::new(None, vec![entry("a", "2")]);
        assert_eq!(Collection::merge(vec![a, conflict]).unwrap_err().len(), 1);
    }

    #[test]
    fn an_entry_holds_the_replys_counts_and_exact_totals() {
        let reply = Reply::from_json(crate::model::DEFAULT_REPLY_JSON).unwrap();
        let origin = Origin {
            id: "seed".to_owned(),
            source: "seed.json".to_owned(),
            hash: content_hash(b"x"),
        };
        let e = CollectionEntry::of(&reply, origin, 3, false);
        assert_eq!(e.initiatives, 14);
        assert_eq!(
            e.totals.allocated.map(|d| d.to_string()),
            reply.funding_totals().allocated.map(|d| d.to_string())
        );
        let json = serde_json::to_string(&Collection::new(None, vec![e.clone()])).unwrap();
        let back = Collection::from_json_bytes(json.as_bytes()).unwrap();
        assert_eq!(back.entries, vec![e]);
    }
}
