//! Derived values the view shows: lookups, totals, and text split around the facts in it.

use std::collections::HashMap;

use super::reply::{Anchor, Block, Reply, Section};

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

/// A run of a block's text, marked when it is a fact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// The text of the run.
    pub text: String,
    /// The fact it shows, with the fact's id.
    pub fact: Option<(FactKind, String)>,
}

impl Reply {
    /// The section and block with this id.
    pub fn block(&self, id: &str) -> Option<(&Section, &Block)> {
        self.sections
            .iter()
            .find_map(|s| s.blocks.iter().find(|b| b.id() == id).map(|b| (s, b)))
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

    /// Every block's text cut into runs, each fact its own run, keyed by block id. One pass over the
    /// facts for the whole reply: looking each block's facts up separately cost blocks × facts.
    pub fn segments_by_block(&self) -> HashMap<String, Vec<Segment>> {
        let mut anchors: HashMap<&str, Vec<(&Anchor, FactKind, &str)>> = HashMap::new();
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
        for fact in figures.chain(funding).chain(dates) {
            anchors.entry(fact.0.block.as_str()).or_default().push(fact);
        }
        self.sections
            .iter()
            .flat_map(|s| &s.blocks)
            .map(|b| {
                let mut list = anchors.remove(b.id()).unwrap_or_default();
                super::order::sort_by_key(&mut list, |(a, ..)| (a.start, std::cmp::Reverse(a.end)));
                (b.id().to_owned(), cut(b.text(), &list))
            })
            .collect()
    }
}

/// `text` cut into runs at the anchors (sorted by start). Overlapping or out-of-range anchors are
/// skipped, so the text always reads whole.
fn cut(text: &str, anchors: &[(&Anchor, FactKind, &str)]) -> Vec<Segment> {
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
    for (at, kind, id) in anchors {
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
            fact: Some((*kind, (*id).to_owned())),
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
