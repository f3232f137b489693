//! The body: sections by numeral, paragraphs, and the 一是…N是 initiatives inside them.
//!
//! Grammar:
//! - numeral:   `一、` `一.` `一．` (Chinese, 一 to 二十), `(一)` `（一）`, `1.` `1、` `1．` (Arabic);
//! - section:   the numeral style of the first numbered line whose rest is a short heading (at most 40
//!   characters, no `。`) marks sections; a long rest is split at its first `。` into
//!   heading and first paragraph. Text before the first section, or a reply with no
//!   numbered headings at all, forms a section without numeral or heading;
//! - item:      a numbered line of any other style is an initiative with that ordinal, even when its
//!   text starts with a year (`1.2017-2021年…` is item 1, not a date);
//! - series:    inside a paragraph, `一是` … `N是` at its start or after `。` `;` `；` start
//!   initiatives; text before the first is a paragraph of its own. An initiative's headline
//!   is its first sentence when that is at most 30 characters;
//! - stage:     an initiative is a next step when its text starts with 下一步 or 今后, or the series
//!   follows text saying 下一步, 今后 or 我们将 (a leading 将 is not enough: 将…纳入 is "put into").

use crate::model::{Block, BlockKind, Section, Stage};

use super::lines::Line;

/// How a line is numbered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// 一、
    CnComma,
    /// 一.
    CnDot,
    /// (一)
    CnParen,
    /// 1. / 1、
    Arabic,
}

const CN_DIGITS: &str = "一二三四五六七八九十";

/// The numeral at the start of a line: (style, numeral as written, rest).
pub fn numbered(text: &str) -> Option<(Style, String, String)> {
    // The rules below look at no more than the first eight characters.
    let chars: Vec<char> = text.chars().take(8).collect();
    let paren_open = matches!(chars.first(), Some('(' | '（'));
    let start = usize::from(paren_open);
    let cn = chars.get(start..).map_or(0, |r| {
        r.iter().take_while(|c| CN_DIGITS.contains(**c)).count()
    });
    let ar = chars
        .get(start..)
        .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count());
    let (len, chinese) = if cn > 0 && cn <= 3 {
        (cn, true)
    } else if ar > 0 && ar <= 2 {
        (ar, false)
    } else {
        return None;
    };
    let mark = chars.get(start + len)?;
    let style = match (paren_open, chinese, mark) {
        (true, true, ')' | '）') => Style::CnParen,
        (false, true, '、') => Style::CnComma,
        (false, true, '.' | '．') => Style::CnDot,
        (false, false, '.' | '、' | '．') => Style::Arabic,
        (true, false, ')' | '）') => Style::Arabic,
        _ => return None,
    };
    // "1.5万" is a number, not a numeral.
    if !chinese
        && *mark == '.'
        && chars
            .get(start + len + 1)
            .is_some_and(|c| c.is_ascii_digit())
        && !chars
            .get(start + len + 1..start + len + 5)
            .is_some_and(|y| y.iter().all(char::is_ascii_digit))
    {
        return None;
    }
    let end = start + len + 1;
    let numeral: String = chars.get(..end)?.iter().collect();
    let rest = text
        .char_indices()
        .nth(end)
        .and_then(|(i, _)| text.get(i..))
        .unwrap_or("");
    Some((style, numeral, rest.trim().to_owned()))
}

fn is_heading(rest: &str) -> bool {
    let n = rest.chars().count();
    n > 0 && n <= 40 && !rest.contains('。') && !rest.ends_with(';') && !rest.ends_with('；')
}

/// Where `一是` … markers start in a paragraph (character offsets), with their ordinal text.
fn markers(chars: &[char]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for i in 0..chars.len() {
        let boundary = i == 0
            || chars
                .get(i - 1)
                .is_some_and(|c| matches!(c, '。' | ';' | '；' | ' ' | '\u{3000}'));
        if !boundary {
            continue;
        }
        let n = chars.get(i..).map_or(0, |r| {
            r.iter().take_while(|c| CN_DIGITS.contains(**c)).count()
        });
        if (1..=3).contains(&n) && chars.get(i + n) == Some(&'是') {
            out.push((
                i,
                chars
                    .get(i..i + n + 1)
                    .map(|c| c.iter().collect())
                    .unwrap_or_default(),
            ));
        }
    }
    out
}

fn says_next(text: &str) -> bool {
    ["下一步", "今后", "我们将"]
        .iter()
        .any(|k| text.contains(k))
}

fn stage_of(text: &str, lead_next: bool) -> Stage {
    // Not "starts with 将": 将 is as often "take" (将…纳入) as "will".
    if lead_next || text.starts_with("下一步") || text.starts_with("今后") {
        Stage::Next
    } else {
        Stage::Done
    }
}

/// Headline: the first sentence, when short.
fn split_headline(text: &str) -> (Option<String>, String) {
    if let Some(i) = text.find('。') {
        let head = text.get(..i + '。'.len_utf8()).unwrap_or(text);
        // A headline is a short label; one with a number in it is a sentence with a fact, kept in the text.
        if head.chars().count() <= 30
            && head.chars().count() < text.chars().count()
            && !head.chars().any(|c| c.is_ascii_digit())
        {
            return (
                Some(head.to_owned()),
                text.get(i + '。'.len_utf8()..)
                    .unwrap_or("")
                    .trim()
                    .to_owned(),
            );
        }
    }
    (None, text.to_owned())
}

/// The body: its sections, and the input line of each block, in reading order.
#[derive(Debug, Default)]
pub struct Body {
    /// The sections.
    pub sections: Vec<Section>,
    /// For each block of every section, in reading order, the 1-based input line it comes from.
    pub block_lines: Vec<usize>,
}

/// Reads the body lines into sections and blocks.
pub fn read(lines: &[Line]) -> Body {
    let mut builder = BodyBuilder::new(lines);
    for l in lines {
        builder.line(l);
    }
    builder.body
}

/// Builds sections from body lines.
struct BodyBuilder {
    body: Body,
    style: Option<Style>,
    next_mode: bool,
    /// The line being read.
    line: usize,
    /// Paragraphs and initiatives in the last section so far, for their ids.
    paragraphs: usize,
    initiatives: usize,
}

impl BodyBuilder {
    /// An empty body; `lines` decides the section numeral style.
    fn new(lines: &[Line]) -> Self {
        let style = lines.iter().find_map(|l| {
            numbered(&l.text)
                .filter(|(_, _, rest)| is_heading(rest))
                .map(|(s, _, _)| s)
        });
        Self {
            body: Body::default(),
            style,
            next_mode: false,
            line: 0,
            paragraphs: 0,
            initiatives: 0,
        }
    }

    /// Opens a section; its id is `s` and its number.
    fn section(&mut self, numeral: String, heading: String) {
        let id = format!("s{}", self.body.sections.len() + 1);
        self.body.sections.push(Section {
            id,
            numeral,
            heading,
            blocks: Vec::new(),
        });
        self.paragraphs = 0;
        self.initiatives = 0;
    }

    /// The id of the next block of `kind` in the last section (opening a section without numeral or
    /// heading if there is none): the section's, then `p` or `i` and the block's number among its kind
    /// (`s2-p1`, `s2-i3`).
    fn next_id(&mut self, kind: BlockKind) -> String {
        // Text before any numbered heading opens a section without numeral or heading.
        if self.body.sections.is_empty() {
            self.section(String::new(), String::new());
        }
        let (letter, n) = match kind {
            BlockKind::Paragraph => {
                self.paragraphs += 1;
                ('p', self.paragraphs)
            }
            BlockKind::Initiative => {
                self.initiatives += 1;
                ('i', self.initiatives)
            }
        };
        let section = self.body.sections.last().map_or("", |s| s.id.as_str());
        format!("{section}-{letter}{n}")
    }

    /// Adds a block to the last section, with the line being read.
    fn push(&mut self, block: Block) {
        if let Some(section) = self.body.sections.last_mut() {
            section.blocks.push(block);
            self.body.block_lines.push(self.line);
        }
    }

    fn paragraph(&mut self, text: &str) {
        let chars: Vec<char> = text.chars().collect();
        let marks = markers(&chars);
        let lead_end = marks.first().map_or(chars.len(), |m| m.0);
        let lead: String = chars
            .get(..lead_end)
            .map(|c| c.iter().collect::<String>())
            .unwrap_or_default();
        let lead = lead.trim().to_owned();
        if says_next(&lead) {
            self.next_mode = true;
        }
        if !lead.is_empty() {
            let id = self.next_id(BlockKind::Paragraph);
            self.push(Block::Paragraph { id, text: lead });
        }
        for (n, (start, ordinal)) in marks.iter().enumerate() {
            let end = marks.get(n + 1).map_or(chars.len(), |m| m.0);
            let body: String = chars
                .get(start + ordinal.chars().count()..end)
                .map(|c| c.iter().collect())
                .unwrap_or_default();
            // "…。下一步,我们将…" inside an item starts the next-steps series: it is a paragraph of its own.
            let (body, turn) = match ["。下一步", "。今后"]
                .iter()
                .filter_map(|k| body.find(k))
                .min()
            {
                Some(i) => (
                    body.get(..i + '。'.len_utf8()).unwrap_or(&body).to_owned(),
                    Some(
                        body.get(i + '。'.len_utf8()..)
                            .unwrap_or("")
                            .trim()
                            .to_owned(),
                    ),
                ),
                None => (body, None),
            };
            let (headline, rest) = split_headline(body.trim());
            let stage = stage_of(&rest, self.next_mode);
            let ordinal = ordinal.clone();
            let id = self.next_id(BlockKind::Initiative);
            self.push(Block::Initiative {
                id,
                ordinal,
                headline,
                text: rest,
                stage,
            });
            if let Some(turn) = turn.filter(|t| !t.is_empty()) {
                self.next_mode = true;
                let id = self.next_id(BlockKind::Paragraph);
                self.push(Block::Paragraph { id, text: turn });
            }
        }
    }

    /// Adds one body line.
    fn line(&mut self, line: &Line) {
        self.line = line.number;
        let text = line.text.as_str();
        match numbered(text) {
            Some((style, numeral, rest)) if Some(style) == self.style => {
                let (heading, first) = if is_heading(&rest) {
                    (rest, None)
                } else {
                    match rest.find('。') {
                        Some(i) if rest.get(..i).is_some_and(|h| h.chars().count() <= 40) => (
                            rest.get(..i).unwrap_or("").to_owned(),
                            Some(
                                rest.get(i + '。'.len_utf8()..)
                                    .unwrap_or("")
                                    .trim()
                                    .to_owned(),
                            ),
                        ),
                        _ => (String::new(), Some(rest)),
                    }
                };
                self.section(numeral, heading);
                self.next_mode = says_next(text);
                if let Some(first) = first.filter(|f| !f.is_empty()) {
                    self.paragraph(&first);
                }
            }
            Some((_, numeral, rest)) => {
                let stage = stage_of(&rest, self.next_mode);
                let id = self.next_id(BlockKind::Initiative);
                self.push(Block::Initiative {
                    id,
                    ordinal: numeral,
                    headline: None,
                    text: rest,
                    stage,
                });
            }
            None => self.paragraph(text),
        }
    }
}
