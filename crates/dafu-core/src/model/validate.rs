//! Semantic checks a well-typed reply must also pass; every problem is reported, with its JSON path.

use std::collections::HashMap;
use std::fmt;

use super::reply::{Anchor, Block, Reply, SCHEMA_VERSION};

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
    blocks: HashMap<&'a str, &'a Block>,
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
        } else if let Some(first) = self.ids.get(id) {
            let message = format!("duplicate id {id:?}, first used at {first}");
            self.problem(path, message);
        } else {
            self.ids.insert(id, path);
        }
    }

    fn anchor(&mut self, at: &Anchor, written: &str, path: &str) {
        let Some(block) = self.blocks.get(at.block.as_str()).copied() else {
            self.problem(
                format!("{path}.at.block"),
                format!("no paragraph or initiative has id {:?}", at.block),
            );
            return;
        };
        let text = block.text();
        let len = text.chars().count();
        if at.start >= at.end {
            self.problem(
                format!("{path}.at"),
                format!(
                    "range reversed or empty: start {} is not before end {}",
                    at.start, at.end
                ),
            );
        } else if at.end > len {
            self.problem(
                format!("{path}.at.end"),
                format!(
                    "points outside the text: end {} is past the {len} characters of {:?}",
                    at.end, at.block
                ),
            );
        } else {
            let found: String = text
                .chars()
                .skip(at.start)
                .take(at.end - at.start)
                .collect();
            if found != written {
                self.problem(
                    format!("{path}.at"),
                    format!("the text there is {found:?}, not {written:?}"),
                );
            }
        }
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
                self.blocks.insert(block.id(), block);
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
        for (i, f) in reply.funding.iter().enumerate() {
            let Some(total) = &f.part_of else { continue };
            let path = format!("funding[{i}].part_of");
            if total == &f.id {
                self.problem(path, "an amount cannot be part of itself");
            } else if !reply.funding.iter().any(|t| &t.id == total) {
                self.problem(path, format!("no funding item has id {total:?}"));
            }
        }
        self.problems
    }
}

impl Reply {
    /// Every semantic problem: ids, anchors, references. Empty when the reply is sound.
    pub fn problems(&self) -> Vec<Problem> {
        Checker {
            reply: self,
            problems: Vec::new(),
            ids: HashMap::new(),
            blocks: HashMap::new(),
        }
        .run()
    }
}
