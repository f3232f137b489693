//! Derived values the view shows: lookups, totals, and text split around the facts in it.

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

    /// How many 一是-style initiatives the reply has.
    pub fn initiative_count(&self) -> usize {
        self.sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter(|b| matches!(b, Block::Initiative { .. }))
            .count()
    }

    /// Every fact anchored in a block, as (anchor, kind, id), ordered by start.
    fn anchors_in(&self, block: &str) -> Vec<(&Anchor, FactKind, &str)> {
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
        let mut all: Vec<_> = figures
            .chain(funding)
            .chain(dates)
            .filter(|(a, ..)| a.block == block)
            .collect();
        all.sort_by_key(|(a, ..)| (a.start, std::cmp::Reverse(a.end)));
        all
    }

    /// A block's text cut into runs, each fact its own run. Overlapping or out-of-range anchors are
    /// skipped, so the text always reads whole.
    pub fn segments(&self, block: &Block) -> Vec<Segment> {
        let chars: Vec<char> = block.text().chars().collect();
        let mut out = Vec::new();
        let mut pos = 0;
        for (at, kind, id) in self.anchors_in(block.id()) {
            if at.start < pos || at.end > chars.len() || at.start >= at.end {
                continue;
            }
            if at.start > pos {
                out.push(Segment {
                    text: chars
                        .get(pos..at.start)
                        .unwrap_or_default()
                        .iter()
                        .collect(),
                    fact: None,
                });
            }
            out.push(Segment {
                text: chars
                    .get(at.start..at.end)
                    .unwrap_or_default()
                    .iter()
                    .collect(),
                fact: Some((kind, id.to_owned())),
            });
            pos = at.end;
        }
        if pos < chars.len() || out.is_empty() {
            out.push(Segment {
                text: chars.get(pos..).unwrap_or_default().iter().collect(),
                fact: None,
            });
        }
        out
    }
}

impl Reply {
    /// The index of the section holding a block.
    pub fn section_of(&self, block: &str) -> Option<usize> {
        self.sections
            .iter()
            .position(|s| s.blocks.iter().any(|b| b.id() == block))
    }
}
