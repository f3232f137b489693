//! Semantic checks a well-typed reply must also pass; every problem is reported, with its JSON path.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::query::{AnchorTexts, CharIndex};
use super::reply::{Anchor, Funding, Reply, TextId, SCHEMA_VERSION};

/// The most characters of a text a message quotes: a problem names what it found, it does not copy
/// it (300 anchors over a 1,000,000-character block once made 300 MB of messages).
pub const MAX_QUOTED_CHARS: usize = 40;

/// `text` in quotes as Rust writes it, cut after [`MAX_QUOTED_CHARS`] characters with `…`.
pub(crate) fn quote(text: &str) -> String {
    match text.char_indices().nth(MAX_QUOTED_CHARS) {
        Some((cut, _)) => {
            let quoted = format!("{:?}", text.get(..cut).unwrap_or_default());
            // The ellipsis goes inside the closing quote: `"xxxx…"`.
            let open = quoted.strip_suffix('"').unwrap_or(&quoted);
            format!("{open}…\"")
        }
        None => format!("{text:?}"),
    }
}

/// How many links of a `part_of` chain a message shows before `…`.
const CHAIN_SHOWN: usize = 4;

/// One thing wrong with a reply, at a JSON path such as `figures[3].at.end`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where, as a JSON path.
    pub path: String,
    /// What, as a lower-case fragment.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

struct Checker<'a> {
    reply: &'a Reply,
    problems: Vec<Problem>,
    ids: HashMap<&'a str, String>,
    /// The texts anchors may name.
    anchors: AnchorTexts<'a>,
    /// Each anchored text's characters, indexed once on its first anchor.
    texts: HashMap<&'a str, CharIndex<'a>>,
}

impl<'a> Checker<'a> {
    fn problem(&mut self, path: String, message: impl Into<String>) {
        self.problems.push(Problem {
            path,
            message: message.into(),
        });
    }

    fn id(&mut self, id: &'a str, path: String) {
        if id.trim().is_empty() {
            self.problem(path, "id must not be empty");
        } else if TextId::is_reserved(id) {
            // Anchors and the page name the reply's other texts so (`preamble`, `closing-1`, …).
            let message = format!(
                "id {} is reserved for the reply's other texts (preamble, signature, signature-date, heading-…, closing-…, contact-…, meta-…)",
                quote(id)
            );
            self.problem(path, message);
        } else if let Some(first) = self.ids.get(id) {
            let message = format!("duplicate id {}, first used at {first}", quote(id));
            self.problem(path, message);
        } else {
            self.ids.insert(id, path);
        }
    }

    /// Why the text an anchor names is missing.
    fn missing(&self, id: &str) -> String {
        let reply = self.reply;
        let count = |what: &str, n: usize, has: usize| {
            format!("there is no {what} {n}: the reply has {has}")
        };
        match TextId::parse(id) {
            None => format!(
                "{} names no text: closing-, contact- and meta- take a number from 1 (or meta-title)",
                quote(id)
            ),
            Some(TextId::Block(_)) => format!("no paragraph or initiative has id {}", quote(id)),
            Some(TextId::Heading(s)) => format!("no section has id {}", quote(s)),
            Some(TextId::Title) => "the reply has no title".into(),
            Some(TextId::Preamble) => "the reply has no preamble".into(),
            Some(TextId::Closing(n)) => count("closing paragraph", n, reply.closing.len()),
            Some(TextId::Signer) => "the reply has no signer line".into(),
            Some(TextId::SignatureDate) => "the reply's signature has no date".into(),
            Some(TextId::Contact(n)) => count(
                "contact line",
                n,
                reply.signature.as_ref().map_or(0, |s| s.contact.len()),
            ),
            Some(TextId::Meta(n)) => count("header field", n, reply.meta.fields.len()),
        }
    }

    fn anchor(&mut self, at: &'a Anchor, written: &str, path: &str) {
        let Some(found) = self.anchors.text(&at.block) else {
            let message = self.missing(&at.block);
            self.problem(format!("{path}.at.block"), message);
            return;
        };
        let text = self
            .texts
            .entry(at.block.as_str())
            .or_insert_with(|| CharIndex::new(found));
        let len = text.len();
        let problem = if at.start >= at.end {
            Some((
                format!("{path}.at"),
                format!(
                    "range reversed or empty: start {} is not before end {}",
                    at.start, at.end
                ),
            ))
        } else if at.end > len {
            Some((
                format!("{path}.at.end"),
                format!(
                    "points outside the text: end {} is past the {len} characters of {}",
                    at.end,
                    quote(&at.block)
                ),
            ))
        } else {
            match text.slice(at.start, at.end) {
                Some(found) if found == written => None,
                found => Some((
                    format!("{path}.at"),
                    format!(
                        "the text there is {}, not {}",
                        quote(found.unwrap_or_default()),
                        quote(written)
                    ),
                )),
            }
        };
        if let Some((path, message)) = problem {
            self.problem(path, message);
        }
    }

    /// A 其中 part names a total that exists, is not itself, and is part of nothing: the chart, the
    /// table and the totals nest parts one level deep, and an amount whose total is itself a part
    /// (in a chain, or a cycle such as m2 → m3 → m2) would be shown nowhere and counted nowhere.
    fn part_of(&mut self, parts: &Parts<'a>, f: &'a Funding, path: String) {
        let Some(total) = f.part_of.as_deref() else {
            return;
        };
        if total == f.id {
            self.problem(path, "an amount cannot be part of itself");
            return;
        }
        let Some(parent) = parts.by_id.get(total) else {
            self.problem(path, format!("no funding item has id {}", quote(total)));
            return;
        };
        // A total whose own total does not exist has its own problem; this part shows under it.
        if parts.total_of(parent).is_none() {
            return;
        }
        // The chain from this item up, as far as it goes without repeating, at most CHAIN_SHOWN links.
        let mut chain = vec![quote(&f.id)];
        let mut seen = vec![f.id.as_str()];
        let mut at = f;
        while let Some(next) = parts.total_of(at) {
            if chain.len() > CHAIN_SHOWN {
                chain.push("…".to_owned());
                break;
            }
            chain.push(quote(&next.id));
            if seen.contains(&next.id.as_str()) {
                break;
            }
            seen.push(&next.id);
            at = next;
        }
        let what = if parts.on_cycle.contains(f.id.as_str()) {
            "a cycle"
        } else {
            "too deep"
        };
        self.problem(
            path,
            format!(
                "{what}: {}; parts nest one level only, so a total must not itself be part of another amount",
                chain.join(" → ")
            ),
        );
    }

    fn run(mut self) -> Vec<Problem> {
        let reply = self.reply;
        if reply.schema == 0 || reply.schema > SCHEMA_VERSION {
            self.problem(
                "schema".into(),
                format!("schema version must be {SCHEMA_VERSION}"),
            );
        }
        for (s, section) in reply.sections.iter().enumerate() {
            self.id(&section.id, format!("sections[{s}].id"));
            for (b, block) in section.blocks.iter().enumerate() {
                self.id(block.id(), format!("sections[{s}].blocks[{b}].id"));
            }
        }
        for (i, f) in reply.figures.iter().enumerate() {
            self.id(&f.id, format!("figures[{i}].id"));
            self.anchor(&f.at, &f.written, &format!("figures[{i}]"));
        }
        for (i, f) in reply.funding.iter().enumerate() {
            self.id(&f.id, format!("funding[{i}].id"));
            self.anchor(&f.at, &f.written, &format!("funding[{i}]"));
        }
        for (i, d) in reply.dates.iter().enumerate() {
            self.id(&d.id, format!("dates[{i}].id"));
            self.anchor(&d.at, d.date.written(), &format!("dates[{i}]"));
        }
        let parts = Parts::new(&reply.funding);
        for (i, f) in reply.funding.iter().enumerate() {
            self.part_of(&parts, f, format!("funding[{i}].part_of"));
        }
        self.problems
    }
}

/// The funding items by id, and which of them sit on a `part_of` cycle.
struct Parts<'a> {
    /// The first item of each id.
    by_id: HashMap<&'a str, &'a Funding>,
    /// The ids on a cycle (m2 → m3 → m2).
    on_cycle: HashSet<&'a str>,
}

impl<'a> Parts<'a> {
    /// Finds every cycle in one pass: each item names at most one total, so following the totals
    /// from each item in turn, and stopping at any item already followed, visits each item once.
    fn new(funding: &'a [Funding]) -> Self {
        let mut by_id: HashMap<&str, &Funding> = HashMap::new();
        for f in funding {
            by_id.entry(f.id.as_str()).or_insert(f);
        }
        let mut parts = Parts {
            by_id,
            on_cycle: HashSet::new(),
        };
        // Finished: followed to its end, from this item or an earlier one.
        let mut done: HashSet<&str> = HashSet::new();
        for f in funding {
            // This walk's items, each with its place in it.
            let mut walk: HashMap<&str, usize> = HashMap::new();
            let mut order: Vec<&str> = Vec::new();
            let mut at = Some(f);
            while let Some(item) = at {
                let id = item.id.as_str();
                if done.contains(id) {
                    break;
                }
                if let Some(&i) = walk.get(id) {
                    let cycle = order.get(i..).unwrap_or_default();
                    parts.on_cycle.extend(cycle.iter().copied());
                    break;
                }
                walk.insert(id, order.len());
                order.push(id);
                at = parts.total_of(item);
            }
            done.extend(order);
        }
        parts
    }

    /// The item `f` is part of, if that exists.
    fn total_of(&self, f: &Funding) -> Option<&'a Funding> {
        self.by_id.get(f.part_of.as_deref()?).copied()
    }
}

impl Reply {
    /// Every semantic problem: ids, anchors, references. Empty when the reply is sound.
    pub fn problems(&self) -> Vec<Problem> {
        Checker {
            reply: self,
            problems: Vec::new(),
            ids: HashMap::new(),
            anchors: self.anchor_texts(),
            texts: HashMap::new(),
        }
        .run()
    }
}
