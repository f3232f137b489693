//! Derived values the view shows: lookups, totals, and text split around the facts in it.

use std::collections::HashMap;

use super::reply::{Block, Reply, Section};

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

impl Reply {
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

    /// The facts of every block, found in one pass over the facts (looking each block's facts up
    /// separately cost blocks × facts); [`FactIndex::segments`] cuts a block's text when it is drawn.
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

/// Each block's facts in text order, to cut a block's text into segments when it is drawn.
#[derive(Clone, Debug, Default)]
pub struct FactIndex {
    by_block: HashMap<String, Vec<Placed>>,
}

impl FactIndex {
    /// `block`'s text cut into runs, each fact its own run.
    pub fn segments(&self, block: &Block) -> Vec<Segment> {
        cut(
            block.text(),
            self.by_block.get(block.id()).map_or(&[], Vec::as_slice),
        )
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
