//! Derived values the view shows: lookups, totals, and text split around the facts in it.

use std::collections::HashMap;

use super::reply::{Block, Reply, Section, TextId};

/// What kind of fact a piece of text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactKind {
    /// A number.
    Figure,
    /// Money.
    Funding,
    /// A date.
    Date,
}

/// A fact a run of text shows: its kind and its id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactRef {
    /// Figure, funding or date.
    pub kind: FactKind,
    /// The fact's id.
    pub id: String,
}

/// Where a block sits: its section, that section's index, and the block.
#[derive(Clone, Copy, Debug)]
pub struct BlockAt<'a> {
    /// The index of the section in the reply.
    pub section_index: usize,
    /// The section.
    pub section: &'a Section,
    /// The block.
    pub block: &'a Block,
}

/// A run of a block's text, marked when it is a fact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// The text of the run.
    pub text: String,
    /// The fact it shows, with the fact's id.
    pub fact: Option<FactRef>,
}

/// The reply's texts by anchor name, for many lookups: blocks and sections are indexed once (one pass),
/// every other text is found directly. See [`Reply::anchor_texts`].
#[derive(Clone, Debug)]
pub struct AnchorTexts<'a> {
    reply: &'a Reply,
    blocks: HashMap<&'a str, &'a Block>,
    sections: HashMap<&'a str, &'a Section>,
}

impl<'a> AnchorTexts<'a> {
    /// The text an anchor names (see [`TextId`]), `None` when the reply has no such text.
    pub fn text(&self, id: &str) -> Option<&'a str> {
        self.text_of(TextId::parse(id)?)
    }

    /// The text of a parsed name.
    pub fn text_of(&self, id: TextId<'_>) -> Option<&'a str> {
        match id {
            TextId::Block(b) => self.blocks.get(b).map(|b| b.text()),
            TextId::Heading(s) => self.sections.get(s).map(|s| s.heading.as_str()),
            other => self.reply.own_text(other),
        }
    }

    /// The section with this id, if any.
    pub fn section(&self, id: &str) -> Option<&'a Section> {
        self.sections.get(id).copied()
    }
}

impl Reply {
    /// The text an anchor names: a block's text, or one of the reply's other texts by its fixed name
    /// (`meta-title`, `meta-1`, `preamble`, `heading-s2`, `closing-1`, `signature`, `signature-date`,
    /// `contact-1`;
    /// see [`TextId`]). `None` when the reply has no such text. One lookup scans the sections; for
    /// many, [`Reply::anchor_texts`] indexes them once.
    pub fn anchor_text(&self, id: &str) -> Option<&str> {
        match TextId::parse(id)? {
            TextId::Block(b) => self
                .sections
                .iter()
                .flat_map(|s| &s.blocks)
                .find(|x| x.id() == b)
                .map(Block::text),
            TextId::Heading(s) => self
                .sections
                .iter()
                .find(|x| x.id == s)
                .map(|x| x.heading.as_str()),
            other => self.own_text(other),
        }
    }

    /// Every text an anchor may name, indexed for lookups by name (one pass over the sections; the
    /// first block or section of an id wins).
    pub fn anchor_texts(&self) -> AnchorTexts<'_> {
        let mut blocks = HashMap::new();
        let mut sections = HashMap::new();
        for s in &self.sections {
            sections.entry(s.id.as_str()).or_insert(s);
            for b in &s.blocks {
                blocks.entry(b.id()).or_insert(b);
            }
        }
        AnchorTexts {
            reply: self,
            blocks,
            sections,
        }
    }

    /// The texts outside the sections' blocks and headings, by name; `None` for the others.
    fn own_text(&self, id: TextId<'_>) -> Option<&str> {
        let signature = self.signature.as_ref();
        match id {
            TextId::Title => Some(self.meta.title.as_str()).filter(|t| !t.is_empty()),
            TextId::Preamble => self.preamble.as_deref(),
            TextId::Closing(n) => nth(&self.closing, n).map(String::as_str),
            TextId::Signer => signature?.signer.as_deref(),
            TextId::SignatureDate => signature?.date.as_ref().map(|d| d.written()),
            TextId::Contact(n) => nth(&signature?.contact, n).map(String::as_str),
            TextId::Meta(n) => nth(&self.meta.fields, n).map(|f| f.value.as_str()),
            TextId::Block(_) | TextId::Heading(_) => None,
        }
    }

    /// Every block by id, with its section and that section's index: one pass, for views and layouts
    /// that look blocks up many times (a scan per lookup cost blocks × lookups).
    pub fn blocks_by_id(&self) -> HashMap<&str, BlockAt<'_>> {
        self.sections
            .iter()
            .enumerate()
            .flat_map(|(section_index, section)| {
                section.blocks.iter().map(move |block| {
                    let at = BlockAt {
                        section_index,
                        section,
                        block,
                    };
                    (block.id(), at)
                })
            })
            .collect()
    }

    /// The index of the section holding a block.
    pub fn section_of(&self, block: &str) -> Option<usize> {
        self.sections
            .iter()
            .position(|s| s.blocks.iter().any(|b| b.id() == block))
    }

    /// The headline numbers: those marked `key`, else the first six figures.
    pub fn key_figures(&self) -> Vec<&super::reply::Figure> {
        let marked: Vec<_> = self.figures.iter().filter(|f| f.key).collect();
        if marked.is_empty() {
            self.figures.iter().take(6).collect()
        } else {
            marked
        }
    }

    /// How many 一是-style initiatives the reply has.
    pub fn initiative_count(&self) -> usize {
        self.sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter(|b| matches!(b, Block::Initiative { .. }))
            .count()
    }

    /// The facts of every text (blocks and the reply's other texts alike, by anchor name), found in one
    /// pass over the facts (looking each block's facts up separately cost blocks × facts);
    /// [`FactIndex::segments`] cuts a block's text when it is drawn, [`FactIndex::segments_of`] any
    /// other text.
    pub fn fact_index(&self) -> FactIndex {
        let mut by_block: HashMap<String, Vec<Placed>> = HashMap::new();
        let figures = self
            .figures
            .iter()
            .map(|f| (&f.at, FactKind::Figure, f.id.as_str()));
        let funding = self
            .funding
            .iter()
            .map(|f| (&f.at, FactKind::Funding, f.id.as_str()));
        let dates = self
            .dates
            .iter()
            .map(|d| (&d.at, FactKind::Date, d.id.as_str()));
        for (at, kind, id) in figures.chain(funding).chain(dates) {
            by_block.entry(at.block.clone()).or_default().push(Placed {
                start: at.start,
                end: at.end,
                kind,
                id: id.to_owned(),
            });
        }
        for list in by_block.values_mut() {
            super::order::sort_by_key(list, |p| (p.start, std::cmp::Reverse(p.end)));
        }
        FactIndex { by_block }
    }
}

/// One fact's place in its block, as the index keeps it.
#[derive(Clone, Debug)]
struct Placed {
    start: usize,
    end: usize,
    kind: FactKind,
    id: String,
}

/// The `n`th item of a list, counted from 1.
fn nth<T>(list: &[T], n: usize) -> Option<&T> {
    list.get(n.checked_sub(1)?)
}

/// Each text's facts in text order, by anchor name, to cut the text into segments when it is drawn.
#[derive(Clone, Debug, Default)]
pub struct FactIndex {
    by_block: HashMap<String, Vec<Placed>>,
}

impl FactIndex {
    /// `block`'s text cut into runs, each fact its own run.
    pub fn segments(&self, block: &Block) -> Vec<Segment> {
        self.segments_of(block.id(), block.text())
    }

    /// `text`, the text the anchor name `id` names (a block's id, `preamble`, `closing-1`, …; see
    /// [`TextId`]), cut into runs, each fact its own run.
    pub fn segments_of(&self, id: &str, text: &str) -> Vec<Segment> {
        cut(text, self.by_block.get(id).map_or(&[], Vec::as_slice))
    }

    /// Does any fact stand in the text named `id`?
    pub fn has_facts(&self, id: &str) -> bool {
        self.by_block.contains_key(id)
    }
}

/// Where a text's characters start, for turning the character positions anchors count in into byte
/// positions: built in one pass over the text, then each lookup steps over at most [`Self::STRIDE`]
/// characters. Counting a block's characters afresh for every fact in it cost facts × text length
/// (20,000 figures in a 1,000,000-character block took 20 s to validate).
#[derive(Clone, Debug)]
pub(crate) struct CharIndex<'a> {
    text: &'a str,
    /// The byte offset of every `STRIDE`th character.
    marks: Vec<usize>,
    /// How many characters the text has.
    chars: usize,
}

impl<'a> CharIndex<'a> {
    /// Characters between two marks: a mark costs a `usize` per 32 characters (under 1% of the text
    /// in memory), a lookup at most 31 steps.
    const STRIDE: usize = 32;

    /// Indexes `text` in one pass.
    pub(crate) fn new(text: &'a str) -> Self {
        let mut marks = Vec::with_capacity(text.len() / Self::STRIDE + 1);
        let mut chars = 0;
        for (i, (byte, _)) in text.char_indices().enumerate() {
            if i % Self::STRIDE == 0 {
                marks.push(byte);
            }
            chars = i + 1;
        }
        CharIndex { text, marks, chars }
    }

    /// How many characters the text has.
    pub(crate) fn len(&self) -> usize {
        self.chars
    }

    /// The text.
    pub(crate) fn text(&self) -> &'a str {
        self.text
    }

    /// The byte offset of character `at`; the text's length for `at == len()`, `None` past it.
    pub(crate) fn byte(&self, at: usize) -> Option<usize> {
        if at >= self.chars {
            return (at == self.chars).then_some(self.text.len());
        }
        let mark = *self.marks.get(at / Self::STRIDE)?;
        let (offset, _) = self
            .text
            .get(mark..)?
            .char_indices()
            .nth(at % Self::STRIDE)?;
        Some(mark + offset)
    }

    /// The characters `start..end`, without copying; `None` when the range is reversed or past the end.
    pub(crate) fn slice(&self, start: usize, end: usize) -> Option<&'a str> {
        if start > end {
            return None;
        }
        self.text.get(self.byte(start)?..self.byte(end)?)
    }
}

/// `text` cut into runs at the facts (sorted by start). Overlapping or out-of-range facts are
/// skipped, so the text always reads whole.
fn cut(text: &str, anchors: &[Placed]) -> Vec<Segment> {
    let chars: Vec<char> = text.chars().collect();
    let run = |from: usize, to: usize| {
        chars
            .get(from..to)
            .unwrap_or_default()
            .iter()
            .collect::<String>()
    };
    let mut out = Vec::new();
    let mut pos = 0;
    for at in anchors {
        if at.start < pos || at.end > chars.len() || at.start >= at.end {
            continue;
        }
        if at.start > pos {
            out.push(Segment {
                text: run(pos, at.start),
                fact: None,
            });
        }
        out.push(Segment {
            text: run(at.start, at.end),
            fact: Some(FactRef {
                kind: at.kind,
                id: at.id.clone(),
            }),
        });
        pos = at.end;
    }
    if pos < chars.len() || out.is_empty() {
        out.push(Segment {
            text: run(pos, chars.len()),
            fact: None,
        });
    }
    out
}
