//! Next steps at a glance: what the reply says the office will do, each item pointing at its text.
//!
//! The items, in reading order:
//! - every next-step initiative (`Stage::Next`, as the converter or the JSON says), whole;
//! - every sentence that commits to future work, in the paragraphs, in the initiatives not already
//!   listed, and in the closing. A sentence commits when, in one of its clauses:
//!   - a next-step word opens the clause: 下一步, 下步, 下一阶段, 下阶段, 今后 (also after 在: 在今后的
//!     工作中), unless what follows only asks the reader (希望…, 请…, 欢迎…) and no 将 or 我 says
//!     what the office does;
//!   - 将 promises: 我们将, 我局将 (a 我 at most four characters before), or 将 followed by a word
//!     of the future (继续, 进一步, 积极, 结合, …), unless the clause puts something somewhere (将…
//!     纳入, 列入, 作为: the same rule the converter's stages use) or says it was done (已将);
//!   - 计划, 拟 or 力争 opens the clause, or 我… opens it and 一定 follows (我们一定…).
//!
//! A sentence ends at 。！？；, their ASCII forms `! ? ;`, an ASCII `.` that is not a decimal point,
//! or a line break; a clause at a comma (，, ,) or a colon (：, :). The item's range starts at the
//! clause that commits (感谢…，**我们将…**), or before it at the clauses that say when or on what
//! condition (到2020年，…; 待资金落实后，…) and at the one that names what a clause without a subject
//! is about (该段河道…，将根据…), and runs to the end of its sentence. A sentence that ends its text
//! with a colon and introduces initiatives that follow is left out: its items are listed themselves.
//!
//! Known limits, kept in `tests/fixtures/next_steps/expected.txt`: a promise made with 会 alone
//! (待资金落实后会适时启动) is missed, as 会 is too often part of a word (社会, 会议, 会同); a proposal's
//! own words that the converter put in the body (拟建设…, the deputy's plan) are listed.

use super::reply::{Block, Reply, Stage, TextId};
use super::timeline::Position;

/// What a next step is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NextStepKind {
    /// A next-step initiative (下一步 一是…).
    Initiative,
    /// A sentence that commits to future work (我们将…, 下一步…, 今后…).
    Commitment,
}

/// One next step: its text, and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextStep {
    /// Initiative or sentence.
    pub kind: NextStepKind,
    /// The text it is in: a block's id or another text's name (`closing-1`; see [`TextId`]).
    pub anchor: String,
    /// The first character of the sentence in that text (characters, not bytes).
    pub start: usize,
    /// Just after its last character.
    pub end: usize,
    /// What the panel shows: an initiative's headline, else its first sentence; a commitment's
    /// sentence from the clause that commits.
    pub text: String,
    /// Where it is in the reply.
    pub position: Position,
}

/// Words that, opening a clause, turn to the next steps.
const NEXT_WORDS: [&str; 5] = ["下一阶段", "下一步", "下阶段", "下步", "今后"];

/// Words after a promising 将: adverbs, auxiliaries, prepositions and verbs of action (the
/// converter's list, `parse::body`).
const FUTURE: &[&str] = &[
    "继续",
    "持续",
    "进一步",
    "积极",
    "加大",
    "加快",
    "加强",
    "全力",
    "认真",
    "不断",
    "逐步",
    "大力",
    "着力",
    "尽快",
    "适时",
    "努力",
    "切实",
    "主动",
    "力争",
    "争取",
    "按照",
    "根据",
    "结合",
    "会同",
    "配合",
    "协调",
    "督促",
    "组织",
    "严格",
    "始终",
    "坚持",
    "做好",
    "抓好",
    "及时",
    "全面",
    "统筹",
    "充分",
    "重点",
    "深入",
    "扎实",
    "稳步",
    "开展",
    "推进",
    "推动",
    "完善",
    "研究",
    "予以",
    "会",
    "要",
    "在",
    "于",
    "对",
];

/// Verbs of a 将 that puts something somewhere (将…纳入规划): not a promise.
const PUT: [&str; 8] = [
    "纳入", "列入", "作为", "列为", "融入", "写入", "并入", "转为",
];

/// Words that open a request to the reader rather than a promise.
const ASKS: [&str; 6] = ["希望", "欢迎", "敬请", "恳请", "请", "望"];

fn is_stop(chars: &[char], i: usize) -> bool {
    match chars.get(i) {
        Some('。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n') => true,
        // A full stop, not a decimal point (3.5万元).
        Some('.') => {
            !(i.checked_sub(1)
                .and_then(|p| chars.get(p))
                .is_some_and(char::is_ascii_digit)
                && chars.get(i + 1).is_some_and(char::is_ascii_digit))
        }
        _ => false,
    }
}

fn is_comma(c: char) -> bool {
    matches!(c, '，' | ',' | '：' | ':')
}

/// Whether `chars[at..]` starts with `word`.
fn starts(chars: &[char], at: usize, word: &str) -> bool {
    (at..)
        .zip(word.chars())
        .all(|(i, w)| chars.get(i) == Some(&w))
}

/// Whether a verb of [`PUT`] belongs to the 将 whose clause starts at `after`: one within 30
/// characters, before any comma or stop, with no other 将 or 把 before it.
fn puts(chars: &[char], after: usize) -> bool {
    let mut i = after;
    while i < after + 30 {
        let Some(&c) = chars.get(i) else { break };
        if is_comma(c) || is_stop(chars, i) || c == '将' || c == '把' {
            break;
        }
        if PUT.iter().any(|p| starts(chars, i, p)) {
            return true;
        }
        i += 1;
    }
    false
}

/// Whether the 将 at `i` promises.
fn promises_at(chars: &[char], i: usize, clause: usize) -> bool {
    let before = chars.get(clause..i).unwrap_or(&[]);
    if before.last() == Some(&'已') || before.ends_with(&['已', '经']) {
        return false;
    }
    // 我们将, 我局将; 决定将 (经研究，决定将…) decides what will be done.
    let by_us = before.iter().rev().take(4).any(|c| *c == '我') || before.ends_with(&['决', '定']);
    let future = FUTURE.iter().any(|w| starts(chars, i + 1, w));
    (by_us || future) && !puts(chars, i + 1)
}

/// Whether the clause starting at `clause` opens with a next-step word (also after 在).
fn opens_with_next_word(chars: &[char], clause: usize) -> bool {
    let at = if chars.get(clause) == Some(&'在') {
        clause + 1
    } else {
        clause
    };
    NEXT_WORDS.iter().any(|w| starts(chars, at, w))
}

/// Whether the sentence `from..end` only asks the reader: a clause opens with a word of [`ASKS`] and
/// nothing says what the office does (no 将, no clause opening with 我).
fn only_asks(chars: &[char], from: usize, end: usize) -> bool {
    let rest = chars.get(from..end).unwrap_or(&[]);
    let opening = |word: &str| {
        (0..rest.len()).any(|i| {
            let opens = i == 0 || rest.get(i - 1).copied().is_some_and(is_comma);
            opens && starts(rest, i, word)
        })
    };
    ASKS.iter().any(|w| opening(w)) && !rest.contains(&'将') && !opening("我")
}

/// The start of the first clause of `chars[start..end]` that commits, if any.
fn committing_clause(chars: &[char], start: usize, end: usize) -> Option<usize> {
    let mut clause = start;
    // Read once for the sentence, when a next-step word first opens a clause (once per clause would
    // cost clauses × length on a sentence of many).
    let mut asks: Option<bool> = None;
    for i in start..end {
        let c = *chars.get(i)?;
        if i > start && chars.get(i - 1).copied().is_some_and(is_comma) {
            clause = i;
        }
        // Spaces before a clause's first word (a line's indent, `, 下一步`) do not start it.
        if clause == i && c.is_whitespace() {
            clause = i + 1;
            continue;
        }
        if i == clause
            && opens_with_next_word(chars, i)
            && !*asks.get_or_insert_with(|| only_asks(chars, start, end))
        {
            return Some(clause);
        }
        if i == clause && ["计划", "拟", "力争"].iter().any(|w| starts(chars, i, w)) {
            return Some(clause);
        }
        // 我们一定…, 我局一定….
        if i == clause && c == '我' && (1..=3).any(|k| starts(chars, i + k, "一定")) {
            return Some(clause);
        }
        if c == '将' && promises_at(chars, i, clause) {
            return Some(clause);
        }
    }
    None
}

/// Where a commitment's range starts: at its committing clause, or earlier over the clauses that
/// say when or on what condition (到2020年，…; 待资金落实后，…; 在新的形势下，…), and over the one
/// clause that names what a clause without a subject is about (该段河道…，将根据…): a reader needs
/// them, and the thanks before a promise (感谢…，我们将…) is left out.
fn range_start(chars: &[char], sentence: usize, committing: usize) -> usize {
    let subjectless = ["将", "拟", "计划", "力争", "决定"]
        .iter()
        .any(|w| starts(chars, committing, w));
    let mut start = committing;
    let mut first = true;
    // `start - 1` is the comma ending the clause before; its first character follows the comma
    // before it, or starts the sentence.
    while start > sentence {
        let end = start - 1;
        let mut from = end;
        while from > sentence && !chars.get(from - 1).copied().is_some_and(is_comma) {
            from -= 1;
        }
        let clause = chars.get(from..end).unwrap_or(&[]);
        let has = |w: &str| (0..clause.len()).any(|i| starts(clause, i, w));
        let body: Vec<char> = clause
            .iter()
            .copied()
            .filter(|c| !c.is_whitespace())
            .collect();
        let when = ["到", "至", "待", "在", "于", "截至", "截止"]
            .iter()
            .any(|w| starts(&body, 0, w))
            || body
                .last()
                .is_some_and(|c| ['后', '前', '时', '中', '内', '下'].contains(c));
        let topic = first && subjectless && body.len() <= 30;
        let thanks = ["感谢", "谢谢", "感激"].iter().any(|w| has(w));
        if thanks || body.is_empty() || !(when || topic) {
            break;
        }
        start = from;
        first = false;
    }
    while start < committing && chars.get(start).is_some_and(|c| c.is_whitespace()) {
        start += 1;
    }
    start
}

/// Every sentence of `text` that commits, as (start, end) in characters, from its committing clause
/// to its stop (kept). With `introduces`, a last sentence ending in a colon is left out.
fn commitments(text: &str, introduces: bool) -> Vec<(usize, usize, String)> {
    // Only these characters can start a commitment: most texts need no further reading.
    if !text.contains(['将', '下', '今', '计', '拟', '力', '定']) {
        return Vec::new();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let mut end = start;
        while end < chars.len() && !is_stop(&chars, end) {
            end += 1;
        }
        let stop_end = (end + 1).min(chars.len());
        let body = chars.get(start..end).unwrap_or(&[]);
        let last = body.iter().rev().find(|c| !c.is_whitespace());
        let is_intro =
            introduces && stop_end >= chars.len() && last.is_some_and(|c| matches!(c, '：' | ':'));
        if !is_intro {
            if let Some(from) = committing_clause(&chars, start, end)
                .map(|clause| range_start(&chars, start, clause))
            {
                let sentence: String = chars.get(from..stop_end).unwrap_or(&[]).iter().collect();
                let trimmed = sentence.trim_end();
                let to = from + trimmed.chars().count();
                if to > from {
                    out.push((from, to, trimmed.to_owned()));
                }
            }
        }
        start = stop_end;
    }
    out
}

/// An initiative's shown text: its headline, else its first sentence (with its stop).
fn first_sentence(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut end = 0;
    while end < chars.len() && !is_stop(&chars, end) {
        end += 1;
    }
    let taken = (end + 1).min(chars.len());
    chars
        .get(..taken)
        .unwrap_or(&[])
        .iter()
        .collect::<String>()
        .trim()
        .to_owned()
}

impl Reply {
    /// Every next step the reply names: see the module documentation for the rules.
    pub fn next_steps(&self) -> Vec<NextStep> {
        let positions = self.positions();
        let mut out = Vec::new();
        for section in &self.sections {
            for (i, block) in section.blocks.iter().enumerate() {
                let id = block.id();
                match block {
                    Block::Initiative {
                        stage: Stage::Next,
                        headline,
                        text,
                        ..
                    } => out.push(NextStep {
                        kind: NextStepKind::Initiative,
                        anchor: id.to_owned(),
                        start: 0,
                        end: text.chars().count(),
                        text: headline
                            .as_deref()
                            .map_or_else(|| first_sentence(text), |h| h.trim().to_owned()),
                        position: positions.of(id),
                    }),
                    _ => {
                        let introduces =
                            matches!(section.blocks.get(i + 1), Some(Block::Initiative { .. }));
                        for (start, end, text) in commitments(block.text(), introduces) {
                            out.push(NextStep {
                                kind: NextStepKind::Commitment,
                                anchor: id.to_owned(),
                                start,
                                end,
                                text,
                                position: positions.of(id),
                            });
                        }
                    }
                }
            }
        }
        for (n, line) in (1..).zip(&self.closing) {
            let anchor = TextId::Closing(n).to_string();
            for (start, end, text) in commitments(line, false) {
                out.push(NextStep {
                    kind: NextStepKind::Commitment,
                    anchor: anchor.clone(),
                    start,
                    end,
                    text,
                    position: Position::Closing,
                });
            }
        }
        out
    }
}
