//! The body: sections by numeral, paragraphs, and the series of initiatives inside them.
//!
//! Grammar:
//! - numeral:   `一、` `一.` `一．` (Chinese, 一 to 九十九), `(一)` `（一）`, `1.` `1、` `1．` (Arabic),
//!   `(1)` `（1）`; their levels, outermost first: `一、`/`一.`, `(一)`, `1.`, `(1)`;
//! - top level: the outermost style whose first item (一 or 1) starts a line; Arabic items count only
//!   when that first item is a heading (a short line, or `1.关于…`): `1.` items in running text are
//!   initiatives. A reply flattened onto one line is cut before each next top-level numeral written
//!   after a space (or, for `一、`, after `。`), so its sections are found all the same;
//! - section:   a line numbered in the top style; under Arabic numerals, the next number (a list
//!   restarting at 1 inside a section is items, and then only a `关于…` heading with the next
//!   number is the next section). Its heading is the rest when short (at most 40
//!   characters, no `。`, not ending in `;`), else the rest up to its first `。` outside quotes, the
//!   remainder being its first paragraph; a short heading ends at a colon or a space that text
//!   follows (`一、主要措施:一是…`); a first sentence with digits in it stays in the
//!   paragraph too (its facts are anchored there), the heading being its first clause. Text before
//!   the first section, or a reply with no numbering at all, forms a section without numeral or
//!   heading;
//! - item:      a line numbered in any other style is an initiative with that ordinal, even when its
//!   text starts with a year (`1.2017-2021年…` is item 1, not a date); a series inside it follows;
//! - series:    inside a paragraph or item, these start initiatives (text before the first is a
//!   paragraph, or the numbered item's own text):
//!   `一是 二是 …` after a line start, `。` `;` `:` `!` or a space, in any order; after a comma, or
//!   with no punctuation at all, only in order (a `一是` only when a `二是` follows);
//!   `第一, 第二 …` and `其一, 其二 …` followed by a comma or colon; `首先 … 其次 … (再次 …) (最后 …)`
//!   only when they really enumerate (a `首先` only when a `其次` follows); `(1) (2)`, `1. 2.` written
//!   run together after `。` `;` `:` or a space, and `① ②` anywhere, in order. A series may run over several lines of
//!   its section; an item's headline is its first sentence when that is at most 30 characters
//!   without a digit;
//! - stage:     an initiative is a next step when it starts with 下一步, 下步, 今后, 计划, 拟, 力争,
//!   预计 or a promising 将 (将 then an adverb such as 继续, 进一步, 积极; a 将 that puts something
//!   somewhere, 将…纳入, is not a promise); or when, in its section, a heading says 下一步, 下步,
//!   今后 or 下阶段, or a paragraph before it says one where a clause starts (在今后的工作中, not
//!   为今后发展奠定基础); or when the sentence introducing its series (the last before the series in
//!   its paragraph, or one ending in a colon) says so or promises (我们将…, 我局将… but not
//!   我局将…纳入; 将 + adverb; 计划, 拟). A sentence of an item starting with 下一步 or 今后 turns
//!   to the next steps: it is a paragraph of its own.

use crate::model::{Block, BlockKind, Section, Stage};

use super::lines::Line;
use super::CharSet;

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
    /// (1)
    ArabicParen,
}

impl Style {
    /// The nesting level: 0 for the outermost (`一、`, `一.`), 3 for `(1)`.
    fn level(self) -> usize {
        match self {
            Style::CnComma | Style::CnDot => 0,
            Style::CnParen => 1,
            Style::Arabic => 2,
            Style::ArabicParen => 3,
        }
    }
}

const CN_DIGITS: &str = "一二三四五六七八九十";

fn is_cn_digit(c: char) -> bool {
    // The characters of `CN_DIGITS`, matched without a string search.
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// The value of a Chinese numeral from 一 to 九十九 (`十二` = 12, `二十` = 20).
fn cn_value(digits: &[char]) -> Option<u32> {
    let d = |c: &char| {
        CN_DIGITS
            .chars()
            .position(|x| x == *c)
            .map(|p| p as u32 + 1)
    };
    match digits {
        [a] => d(a),
        ['十', b] => Some(10 + d(b).filter(|v| *v < 10)?),
        [a, '十'] => Some(d(a).filter(|v| (2..10).contains(v))? * 10),
        [a, '十', b] => {
            Some(d(a).filter(|v| (2..10).contains(v))? * 10 + d(b).filter(|v| *v < 10)?)
        }
        _ => None,
    }
}

/// A numeral at the start of a text.
struct Numeral {
    style: Style,
    /// As written, with its mark: `一、`, `(1)`.
    text: String,
    value: u32,
    /// Characters the numeral takes.
    len: usize,
}

/// Reads the numeral at the start of `chars` (only the first eight are looked at).
fn numeral(chars: &[char]) -> Option<Numeral> {
    let paren_open = matches!(chars.first(), Some('(' | '（'));
    let start = usize::from(paren_open);
    let after = chars.get(start..).unwrap_or(&[]);
    let cn = after
        .iter()
        .take(4)
        .take_while(|c| is_cn_digit(**c))
        .count();
    let ar = after
        .iter()
        .take(3)
        .take_while(|c| c.is_ascii_digit())
        .count();
    let (len, chinese) = if cn > 0 && cn <= 3 {
        (cn, true)
    } else if ar > 0 && ar <= 2 {
        (ar, false)
    } else {
        return None;
    };
    let digits = chars.get(start..start + len)?;
    let value = if chinese {
        cn_value(digits)?
    } else {
        digits
            .iter()
            .try_fold(0u32, |v, c| Some(v * 10 + c.to_digit(10)?))?
    };
    let mark = chars.get(start + len)?;
    let style = match (paren_open, chinese, mark) {
        (true, true, ')' | '）') => Style::CnParen,
        (false, true, '、') => Style::CnComma,
        (false, true, '.' | '．') => Style::CnDot,
        (false, false, '.' | '、' | '．') => Style::Arabic,
        (true, false, ')' | '）') => Style::ArabicParen,
        _ => return None,
    };
    // "1.5万" is a number, not a numeral; "1.2017-2021年" is item 1 about a span of years.
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
    Some(Numeral {
        style,
        text: chars.get(..end)?.iter().collect(),
        value,
        len: end,
    })
}

/// The numeral at the start of a line: (style, numeral as written, rest).
pub fn numbered(text: &str) -> Option<(Style, String, String)> {
    // The rules look at no more than the first eight characters.
    let chars: Vec<char> = text.chars().take(8).collect();
    let n = numeral(&chars)?;
    let rest = text
        .char_indices()
        .nth(n.len)
        .and_then(|(i, _)| text.get(i..))
        .unwrap_or("");
    Some((n.style, n.text, rest.trim().to_owned()))
}

fn is_heading(rest: &str) -> bool {
    let n = rest.chars().count();
    n > 0 && n <= 40 && !rest.contains('。') && !rest.ends_with(';') && !rest.ends_with('；')
}

/// A heading written as a heading, for Arabic numerals: a short line, or `关于…`.
fn is_arabic_heading(rest: &str) -> bool {
    is_heading(rest) || rest.starts_with("关于")
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// Ends a sentence or a list item: a series marker after one of these starts a new item.
fn is_stop(c: char) -> bool {
    matches!(c, '。' | ';' | '；' | ':' | '：' | '!' | '！' | '?' | '？') || is_space(c)
}

fn is_comma(c: char) -> bool {
    matches!(c, ',' | '，' | '、')
}

/// The byte offset of the first character `stop` accepts outside quotes (“” ‘’ 《》 「」).
fn outside_quotes(text: &str, stop: impl Fn(char) -> bool) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '“' | '‘' | '《' | '「' => depth += 1,
            '”' | '’' | '》' | '」' => depth = depth.saturating_sub(1),
            c if depth == 0 && stop(c) => return Some(i),
            _ => {}
        }
    }
    None
}

/// The byte offset of the first `。` outside quotes, else of the first `。` (a quote left open).
fn sentence_end(text: &str) -> Option<usize> {
    outside_quotes(text, |c| c == '。').or_else(|| text.find('。'))
}

/// A section's heading, and where its first paragraph starts in `rest` (a character offset), from
/// the rest of its numbered line.
fn split_heading(rest: &str) -> (String, Option<usize>) {
    let chars_to = |b: usize| rest.get(..b).map_or(0, |s| s.chars().count());
    let end = sentence_end(rest).unwrap_or(rest.len());
    let first = rest.get(..end).unwrap_or(rest);
    // A short heading set off from its text by a colon (一、主要措施:一是…), or by a space, as in a
    // reply flattened onto one line.
    if let Some(i) = outside_quotes(first, |c| is_space(c) || matches!(c, ':' | '：')) {
        let head = first.get(..i).unwrap_or("").trim();
        let tail = i + first
            .get(i..)
            .and_then(|t| t.chars().next())
            .map_or(0, char::len_utf8);
        if !head.is_empty()
            && head.chars().count() <= 40
            && rest.get(tail..).is_some_and(|t| !t.trim().is_empty())
        {
            return (head.to_owned(), Some(chars_to(tail)));
        }
    }
    if is_heading(rest) {
        return (rest.to_owned(), None);
    }
    if !first.chars().any(|c| c.is_ascii_digit()) {
        let after = (end + '。'.len_utf8()).min(rest.len());
        return (first.trim().to_owned(), Some(chars_to(after)));
    }
    // The first sentence holds facts: it stays in the text, and the heading is its first clause.
    let clause = first
        .split([',', '，', ';', '；', ':', '：'])
        .next()
        .unwrap_or(first);
    (
        clause
            .chars()
            .take(40)
            .collect::<String>()
            .trim()
            .to_owned(),
        Some(0),
    )
}

/// The kinds of series marker; each kind counts on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// 一是, 二是
    Shi,
    /// 第一, 第二
    Di,
    /// 其一, 其二
    Qi,
    /// 首先, 其次, 再次, 最后
    Order,
    /// (1), 1. and the other numerals, run together in a paragraph, by level.
    Num(usize),
    /// ① ②
    Circled,
}

const KINDS: usize = 9;

impl Kind {
    fn index(self) -> usize {
        match self {
            Kind::Shi => 0,
            Kind::Di => 1,
            Kind::Qi => 2,
            Kind::Order => 3,
            Kind::Num(l) => 4 + l.min(3),
            Kind::Circled => 8,
        }
    }
}

/// What stands before a marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Before {
    /// The start of the text, `。` `;` `:` `!` `?` or a space.
    Stop,
    /// A comma.
    Comma,
    /// Anything else: the marker is written inside a sentence.
    Word,
}

/// `最后`: the last of a 首先 series, whatever its number.
const LAST: u32 = u32::MAX;

/// A possible series marker in a text.
#[derive(Clone, Debug)]
struct Marker {
    /// Character offsets of the marker and of the item's text after it.
    start: usize,
    body: usize,
    ordinal: String,
    kind: Kind,
    value: u32,
    before: Before,
}

fn collect(chars: &[char], from: usize, to: usize) -> String {
    chars
        .get(from..to)
        .map(super::string_of)
        .unwrap_or_default()
}

/// The characters other than digits a series marker may start with: 一 to 十, 第, 其, 首, 再, 最, an
/// opening bracket, ① to ⑳.
static MARKER_STARTS: CharSet = CharSet::new(&[
    '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '第', '其', '首', '再', '最', '(',
    '（', '①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⑩', '⑪', '⑫', '⑬', '⑭', '⑮', '⑯', '⑰', '⑱',
    '⑲', '⑳',
]);

/// Every possible series marker in `chars`, in order, in one pass (none inside another).
fn candidates(chars: &[char]) -> Vec<Marker> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        // Every marker starts with one of these: any other character is passed over at once.
        if !(c.is_ascii_digit()
            || MARKER_STARTS.may_hold(c)
                && (is_cn_digit(c)
                    || matches!(c, '第' | '其' | '首' | '再' | '最' | '(' | '（')
                    || ('\u{2460}'..='\u{2473}').contains(&c)))
        {
            i += 1;
            continue;
        }
        match candidate_at(chars, i) {
            Some(m) => {
                i = m.body.max(i + 1);
                out.push(m);
            }
            None => i += 1,
        }
    }
    out
}

fn candidate_at(chars: &[char], i: usize) -> Option<Marker> {
    let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
    let before = match prev {
        None => Before::Stop,
        Some(c) if is_stop(c) => Before::Stop,
        Some(c) if is_comma(c) => Before::Comma,
        Some(_) => Before::Word,
    };
    let at = |k: usize| chars.get(i + k).copied();
    let run = |from: usize| {
        chars.get(i + from..).map_or(0, |r| {
            r.iter().take(4).take_while(|c| is_cn_digit(**c)).count()
        })
    };
    let marker = |len: usize, kind: Kind, value: u32| Marker {
        start: i,
        body: i + len,
        ordinal: collect(chars, i, i + len),
        kind,
        value,
        before,
    };
    let c = at(0)?;
    // 一是: the whole run of digits (十二是 is twelve, not 二是).
    if is_cn_digit(c) && !prev.is_some_and(is_cn_digit) {
        let n = run(0);
        if (1..=3).contains(&n) && at(n) == Some('是') {
            let value = cn_value(chars.get(i..i + n)?)?;
            return Some(marker(n + 1, Kind::Shi, value));
        }
    }
    // 第一, 其一: followed by a comma or colon, and not by another ordinal (第一、第二批 is a list of
    // batches).
    if c == '第' || c == '其' {
        let n = run(1);
        let punct = at(n + 1).is_some_and(|p| matches!(p, ',' | '，' | '、' | ':' | '：'));
        let then = at(n + 2);
        if n >= 1 && punct && !then.is_some_and(|t| t == '第' || is_cn_digit(t)) {
            let value = cn_value(chars.get(i + 1..i + 1 + n)?)?;
            let kind = if c == '第' { Kind::Di } else { Kind::Qi };
            if kind == Kind::Di || n == 1 {
                let mut m = marker(n + 1, kind, value);
                m.body = i + n + 2;
                return Some(m);
            }
        }
    }
    // 首先 … 其次 … 再次 … 最后.
    let two = (c, at(1)?);
    let order = match two {
        ('首', '先') => Some(1),
        ('其', '次') => Some(2),
        ('再', '次') => Some(3),
        ('最', '后') => Some(LAST),
        _ => None,
    };
    if let Some(value) = order {
        let punct = at(2).is_some_and(|p| matches!(p, ',' | '，' | ':' | '：'));
        // 再次感谢 and 最后一公里 are no items: these two need a comma, colon or 是 after them.
        if value <= 2 || punct || at(2) == Some('是') {
            let mut m = marker(2, Kind::Order, value);
            if punct {
                m.body = i + 3;
            }
            return Some(m);
        }
    }
    // ① to ⑳, wherever they stand.
    if ('\u{2460}'..='\u{2473}').contains(&c) {
        return Some(marker(1, Kind::Circled, u32::from(c) - 0x245f));
    }
    // (1), 1. run together after a full stop, semicolon, colon or space.
    if i > 0
        && before == Before::Stop
        && (matches!(c, '(' | '（') || c.is_ascii_digit() || is_cn_digit(c))
    {
        let n = numeral(chars.get(i..(i + 8).min(chars.len()))?)?;
        return Some(marker(n.len, Kind::Num(n.style.level()), n.value));
    }
    None
}

/// The series state of a section: the last value accepted for each kind.
type Series = [u32; KINDS];

/// Whether a candidate is an item, given what came before (`series`) and whether the next value of
/// its kind follows it (`two_follows`, for a first item).
fn accept(m: &Marker, series: &Series, two_follows: bool) -> bool {
    let last = series.get(m.kind.index()).copied().unwrap_or(0);
    let next_in_order = last > 0 && m.value == last + 1;
    match m.kind {
        Kind::Shi => m.before == Before::Stop || next_in_order || m.value == 1 && two_follows,
        Kind::Di | Kind::Qi => {
            m.before != Before::Word && (next_in_order || m.value == 1 && two_follows)
        }
        Kind::Order => match m.value {
            1 => two_follows,
            LAST => last >= 2 && m.before != Before::Word,
            _ => next_in_order && m.before != Before::Word,
        },
        Kind::Num(_) | Kind::Circled => next_in_order || m.value == 1 && two_follows,
    }
}

/// Words after which the rest of a section is next steps.
const NEXT_WORDS: [&str; 5] = ["下一步", "下步", "今后", "下一阶段", "下阶段"];

/// Words after a promising 将 (will): adverbs, auxiliaries, prepositions and verbs of action, ` `
/// between them.
const FUTURE: &str = "继续 持续 进一步 积极 加大 加快 加强 全力 认真 不断 逐步 大力 着力 尽快 适时 努力 \
                      切实 主动 力争 争取 按照 根据 结合 会同 配合 协调 督促 组织 严格 始终 坚持 做好 \
                      抓好 及时 全面 统筹 充分 重点 深入 扎实 稳步 开展 推进 推动 完善 研究 予以 会 要 \
                      在 于 对";

/// Verbs of a 将 that puts something somewhere (将…纳入规划): not a promise.
const PUT: [&str; 8] = [
    "纳入", "列入", "作为", "列为", "融入", "写入", "并入", "转为",
];

/// Whether the text after a 将 makes it a promise: a word of [`FUTURE`] follows, and no verb of
/// [`PUT`] in its clause belongs to it (将研究成果纳入 puts; in 将继续将其纳入 the second 将 puts).
fn promising_after(after: &str) -> bool {
    FUTURE.split_whitespace().any(|w| after.starts_with(w)) && !puts(after)
}

/// Whether the clause after a 将 puts something somewhere with it: a verb of [`PUT`] within 30
/// characters, before any comma or stop, with no other 将 or 把 before it.
fn puts(after: &str) -> bool {
    let clause: String = after
        .chars()
        .take(30)
        .take_while(|c| !is_comma(*c) && !is_stop(*c))
        .collect();
    PUT.iter()
        .filter_map(|p| clause.find(p))
        .min()
        .is_some_and(|i| !clause.get(..i).is_some_and(|h| h.contains(['将', '把'])))
}

/// Whether a sentence promises: 将 followed by an adverb of the future (继续, 进一步…), 我们将… or
/// 我局将… unless it puts something somewhere (纳入, 列入…), or a clause starting with 计划 or 拟.
fn promises(sentence: &str) -> bool {
    // Only 将, 计 and 拟 can promise: a sentence without them needs no reading.
    if !sentence.contains("将") && !sentence.contains("计") && !sentence.contains("拟") {
        return false;
    }
    let chars: Vec<char> = sentence.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let clause_start = i
            .checked_sub(1)
            .and_then(|p| chars.get(p))
            .is_none_or(|p| is_comma(*p) || is_stop(*p));
        let after = chars.get(i + 1..).unwrap_or(&[]);
        match c {
            '将' => {
                let by_us = chars
                    .get(i.saturating_sub(4)..i)
                    .is_some_and(|b| b.contains(&'我'));
                // As far as a put verb stands from its 将 (将该项目纳入规划).
                let clause: String = after.iter().take(30).collect();
                if promising_after(&clause) || by_us && !puts(&clause) {
                    return true;
                }
            }
            '计' if clause_start && after.first() == Some(&'划') => return true,
            '拟' if clause_start => return true,
            _ => {}
        }
    }
    false
}

/// Whether a next-step word starts a clause of `text` (下一步,…; 今后,…; 在今后的工作中,…), not
/// inside one (为今后发展奠定基础).
fn next_word_in(text: &str) -> bool {
    // Every next-step word starts with 下 or 今: a text without either holds none.
    // (Searched as strings: see `lines::may_be_flattened`.)
    if !text.contains("下") && !text.contains("今") {
        return false;
    }
    let opens = |c: Option<char>| c.is_none_or(|c| is_comma(c) || is_stop(c));
    NEXT_WORDS.iter().any(|k| {
        // A word not in the text is not looked for where it stands.
        text.contains(k)
            && text.match_indices(k).any(|(i, _)| {
                let mut before = text.get(..i).unwrap_or("").chars().rev();
                match before.next() {
                    Some('在') => opens(before.next()),
                    c => opens(c),
                }
            })
    })
}

/// Whether text before a series says that what follows is next steps. Text that introduces the
/// series (`introduces`: the series follows in the same paragraph, or the text ends in a colon) says
/// so in its last sentence, by a next-step word or a promise; a paragraph of its own, by a next-step
/// word anywhere (下一步,我们将重点做好以下工作。 then the items, one per line).
fn says_next(text: &str, introduces: bool) -> bool {
    let trimmed = text.trim_end_matches(|c: char| c == '。' || is_stop(c));
    let introduces = introduces || text.trim_end().ends_with([':', '：']);
    if !introduces {
        return next_word_in(text);
    }
    let last = trimmed.rsplit('。').next().unwrap_or(trimmed);
    next_word_in(last) || promises(last)
}

fn stage_of(text: &str, next_mode: bool) -> Stage {
    let text = text.trim_start_matches(|c: char| is_comma(c) || is_stop(c));
    let starts_next = NEXT_WORDS.iter().any(|k| text.starts_with(k))
        || ["计划", "拟", "力争", "预计"]
            .iter()
            .any(|k| text.starts_with(k))
        || text.strip_prefix('将').is_some_and(promising_after);
    if next_mode || starts_next {
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

/// Where an item turns to the next steps: the byte offset just after a `。` that a sentence starting
/// with 下一步 or 今后 follows.
fn turn(body: &str) -> Option<usize> {
    body.match_indices('。')
        .map(|(i, _)| i + '。'.len_utf8())
        .find(|&i| {
            body.get(i..)
                .is_some_and(|r| NEXT_WORDS.iter().any(|k| r.trim_start().starts_with(k)))
        })
}

/// The body: its sections, and the input line of each block, in reading order.
#[derive(Debug, Default)]
pub struct Body {
    /// The sections.
    pub sections: Vec<Section>,
    /// For each block of every section, in reading order, the 1-based input line it comes from.
    pub block_lines: Vec<usize>,
}

/// A piece of a body line: the line, or one of its parts when a flattened line is cut before its
/// section numerals.
struct Piece<'a> {
    line: usize,
    chars: Vec<char>,
    /// The line's text the characters come from, and the byte offset in it of each character and
    /// of the end: the piece's text is cut from the line, not built again character by character.
    text: &'a str,
    at: Vec<usize>,
    /// The numeral the piece starts with.
    numeral: Option<Numeral>,
    /// The series markers possible in the piece, after its numeral.
    marks: Vec<Marker>,
    /// For each kind, whether a second item (二是, 第二, 其次, (2)) may be in the piece.
    seconds: [bool; KINDS],
}

impl<'a> Piece<'a> {
    /// The piece of `chars`, which start at byte `base` of `text`.
    fn new(line: usize, chars: Vec<char>, text: &'a str, base: usize) -> Self {
        let mut at = Vec::with_capacity(chars.len() + 1);
        let mut offset = base;
        at.push(offset);
        for c in &chars {
            offset += c.len_utf8();
            at.push(offset);
        }
        let numeral = numeral(chars.get(..8.min(chars.len())).unwrap_or(&[]));
        let skip = numeral.as_ref().map_or(0, |n| n.len);
        let mut marks = candidates(chars.get(skip..).unwrap_or(&[]));
        for m in &mut marks {
            m.start += skip;
            m.body += skip;
        }
        let mut seconds = [false; KINDS];
        for (kind, value) in marks
            .iter()
            .filter(|m| m.before != Before::Word || m.kind == Kind::Shi)
            .map(|m| (m.kind, m.value))
            .chain(
                numeral
                    .as_ref()
                    .map(|n| (Kind::Num(n.style.level()), n.value)),
            )
        {
            if value == 2 {
                if let Some(s) = seconds.get_mut(kind.index()) {
                    *s = true;
                }
            }
        }
        Self {
            line,
            chars,
            text,
            at,
            numeral,
            marks,
            seconds,
        }
    }

    /// The characters `from..to` as a string (empty when the range is reversed or past the end).
    fn text_of(&self, from: usize, to: usize) -> String {
        match (self.at.get(from), self.at.get(to)) {
            (Some(&a), Some(&b)) if a <= b => self
                .text
                .get(a..b)
                .map_or_else(|| collect(&self.chars, from, to), str::to_owned),
            _ => String::new(),
        }
    }

    /// Where the text after the numeral starts: after spaces and a stray mark (`（一）、关于…`).
    fn rest_at(&self) -> usize {
        let skip = self.numeral.as_ref().map_or(0, |n| n.len);
        skip + self
            .chars
            .iter()
            .skip(skip)
            .take_while(|c| {
                c.is_whitespace() || matches!(c, '、' | '.' | '．' | ',' | '，' | ':' | '：')
            })
            .count()
    }

    /// The text after the numeral.
    fn rest(&self) -> String {
        self.text_of(self.rest_at(), self.chars.len())
            .trim()
            .to_owned()
    }
}

/// How far a first item looks ahead, in pieces, for its second.
const LOOKAHEAD: usize = 8;

/// The top-level style: the outermost style whose first item starts a line (Arabic only as a
/// heading), else the outermost Chinese numbering (`一、`, `(一)`) whose first and second items are
/// written run together inside one line, as in a reply flattened onto one line.
fn top_style(pieces: &[Piece<'_>]) -> Option<Style> {
    let starting = pieces
        .iter()
        .filter_map(|p| p.numeral.as_ref().map(|n| (n, p)))
        .filter(|(n, p)| {
            n.value == 1
                && (n.style.level() < Style::Arabic.level() || is_arabic_heading(&p.rest()))
        })
        .map(|(n, _)| n.style)
        .min_by_key(|s| s.level());
    starting.or_else(|| {
        pieces
            .iter()
            .filter_map(|p| {
                // The first inline numeral 一 of each Chinese level that a second one follows.
                let mut first: [Option<&Marker>; 2] = [None, None];
                let mut found: Option<Style> = None;
                for m in &p.marks {
                    let Kind::Num(level) = m.kind else { continue };
                    let style = if level == 0 {
                        Style::CnComma
                    } else {
                        Style::CnParen
                    };
                    if level > 1 || !cuts_section(&p.chars, m, style) {
                        continue;
                    }
                    let Some(slot) = first.get_mut(level) else {
                        continue;
                    };
                    if m.value == 1 && slot.is_none() {
                        *slot = Some(m);
                    } else if m.value == 2 && slot.is_some() {
                        let written = slot.and_then(|f| numeral(p.chars.get(f.start..)?));
                        found = match (found, written) {
                            (Some(s), Some(w)) if w.style.level() < s.level() => Some(w.style),
                            (None, Some(w)) => Some(w.style),
                            (s, _) => s,
                        };
                    }
                }
                found
            })
            .min_by_key(|s| s.level())
    })
}

/// Whether a numeral inside a line may start a section of style `top`: `一、` after a space or
/// `。`, the other styles only after a space.
fn cuts_section(chars: &[char], m: &Marker, top: Style) -> bool {
    let prev = m.start.checked_sub(1).and_then(|p| chars.get(p)).copied();
    prev.is_some_and(|p| {
        is_space(p) || top.level() == 0 && matches!(p, '。' | '!' | '！' | '?' | '？')
    })
}

/// Cuts the lines into pieces: a flattened line before each next top-level numeral in it.
fn pieces(lines: &[Line]) -> (Vec<Piece<'_>>, Option<Style>) {
    let whole: Vec<Piece<'_>> = lines
        .iter()
        .map(|l| Piece::new(l.number, super::chars_of(&l.text), &l.text, 0))
        .collect();
    let Some(top) = top_style(&whole) else {
        return (whole, None);
    };
    let level = Kind::Num(top.level());
    let mut out = Vec::with_capacity(whole.len());
    let mut last = 0u32;
    for piece in whole {
        if let Some(n) = piece
            .numeral
            .as_ref()
            .filter(|n| n.style.level() == top.level())
        {
            last = n.value;
        }
        // For each marker, whether a second top-level numeral follows it in the line (read backwards).
        let mut second = vec![false; piece.marks.len()];
        let mut seen = false;
        for (k, m) in piece.marks.iter().enumerate().rev() {
            if let Some(s) = second.get_mut(k) {
                *s = seen;
            }
            seen |= m.kind == level && m.value == 2;
        }
        let mut cuts = Vec::new();
        let mut expect = last + 1;
        for (k, m) in piece.marks.iter().enumerate() {
            if m.kind != level || !cuts_section(&piece.chars, m, top) {
                continue;
            }
            // A first section inside a line only when its second follows in the line.
            let second = second.get(k).copied().unwrap_or(false);
            if m.value == expect && (m.value > 1 || second) {
                cuts.push(m.start);
                expect += 1;
            }
        }
        if cuts.is_empty() {
            out.push(piece);
            continue;
        }
        last = expect - 1;
        let mut from = 0;
        for cut in cuts.into_iter().chain(std::iter::once(piece.chars.len())) {
            let part: Vec<char> = piece.chars.get(from..cut).unwrap_or(&[]).to_vec();
            let start = part.iter().take_while(|c| is_space(**c)).count();
            let end = part.len() - part.iter().rev().take_while(|c| is_space(**c)).count();
            let part: Vec<char> = part.get(start..end.max(start)).unwrap_or(&[]).to_vec();
            if !part.is_empty() {
                let base = piece.at.get(from + start).copied().unwrap_or(0);
                out.push(Piece::new(piece.line, part, piece.text, base));
            }
            from = cut;
        }
    }
    (out, Some(top))
}

/// Reads the body lines into sections and blocks.
pub fn read(lines: &[Line]) -> Body {
    let (pieces, top) = pieces(lines);
    let mut builder = BodyBuilder {
        body: Body::default(),
        top,
        last_top: 0,
        inner_list: false,
        next_mode: false,
        item_next: false,
        series: [0; KINDS],
        line: 0,
        paragraphs: 0,
        initiatives: 0,
    };
    for (k, piece) in pieces.iter().enumerate() {
        builder.piece(piece, pieces.get(k + 1..).unwrap_or(&[]));
    }
    builder.body
}

/// Builds sections from body pieces.
struct BodyBuilder {
    body: Body,
    top: Option<Style>,
    /// The value of the last section's numeral.
    last_top: u32,
    /// A list numbered in the top style has started inside the section (under Arabic numerals).
    inner_list: bool,
    /// The rest of the section is next steps.
    next_mode: bool,
    /// The rest of the numbered item below the top level is next steps.
    item_next: bool,
    series: Series,
    /// The line being read.
    line: usize,
    /// Paragraphs and initiatives in the last section so far, for their ids.
    paragraphs: usize,
    initiatives: usize,
}

impl BodyBuilder {
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
        let mut prefix = String::with_capacity(section.len() + 2);
        prefix.push_str(section);
        prefix.push('-');
        prefix.push(letter);
        super::id_of(&prefix, n)
    }

    /// Adds a block to the last section, with the line being read.
    fn push(&mut self, block: Block) {
        if let Some(section) = self.body.sections.last_mut() {
            section.blocks.push(block);
            self.body.block_lines.push(self.line);
        }
    }

    fn paragraph(&mut self, text: &str) {
        self.paragraph_owned(text.to_owned());
    }

    /// [`BodyBuilder::paragraph`] of a string already made: kept as it is when it needs no trimming.
    fn paragraph_owned(&mut self, text: String) {
        let trimmed = text.trim();
        if !trimmed.is_empty() {
            let text = if trimmed.len() == text.len() {
                text
            } else {
                trimmed.to_owned()
            };
            let id = self.next_id(BlockKind::Paragraph);
            self.push(Block::Paragraph { id, text });
        }
    }

    /// One initiative; a sentence in it that turns to the next steps becomes a paragraph after it.
    fn initiative(&mut self, ordinal: String, body: &str) {
        let body = body
            .trim()
            .trim_start_matches([',', '，', ':', '：'])
            .trim_start();
        let (body, turned) = match turn(body) {
            Some(i) => (body.get(..i).unwrap_or(body), body.get(i..)),
            None => (body, None),
        };
        let stage = stage_of(body, self.next_mode || self.item_next);
        let (headline, text) = split_headline(body.trim());
        let id = self.next_id(BlockKind::Initiative);
        self.push(Block::Initiative {
            id,
            ordinal,
            headline,
            text,
            stage,
        });
        if let Some(t) = turned.map(str::trim).filter(|t| !t.is_empty()) {
            self.next_mode = true;
            self.paragraph(t);
        }
    }

    /// Text from character `from` of `piece`: a lead (a paragraph, or the text of the numbered item
    /// `item`), then the series items accepted in it.
    fn run(&mut self, piece: &Piece<'_>, from: usize, item: Option<String>, ahead: &[Piece<'_>]) {
        // Whether a second item of each kind follows each marker: in the piece (read backwards), or
        // in the next pieces of the section.
        let top = self.top.map(Style::level);
        let mut later = [false; KINDS];
        for p in ahead
            .iter()
            .take(LOOKAHEAD)
            .take_while(|p| p.numeral.as_ref().map(|n| n.style.level()) != top || top.is_none())
        {
            for (l, s) in later.iter_mut().zip(p.seconds) {
                *l |= s;
            }
        }
        let mut follows = vec![false; piece.marks.len()];
        for (k, m) in piece.marks.iter().enumerate().rev() {
            let i = m.kind.index();
            if let (Some(f), Some(l)) = (follows.get_mut(k), later.get(i)) {
                *f = *l;
            }
            if m.value == 2 && (m.before != Before::Word || m.kind == Kind::Shi) {
                if let Some(l) = later.get_mut(i) {
                    *l = true;
                }
            }
        }
        let mut accepted: Vec<&Marker> = Vec::new();
        for (k, m) in piece.marks.iter().enumerate() {
            if m.start < from {
                continue;
            }
            if accept(m, &self.series, follows.get(k).copied().unwrap_or(false)) {
                if let Some(s) = self.series.get_mut(m.kind.index()) {
                    *s = if m.value == LAST { 0 } else { m.value };
                }
                accepted.push(m);
            }
        }
        let lead_end = accepted.first().map_or(piece.chars.len(), |m| m.start);
        let lead = piece.text_of(from, lead_end);
        let next = says_next(&lead, !accepted.is_empty());
        match item {
            Some(ordinal) => {
                self.initiative(ordinal, &lead);
                self.item_next = next;
            }
            None => {
                self.next_mode |= next;
                self.paragraph_owned(lead);
            }
        }
        for (k, m) in accepted.iter().enumerate() {
            let end = accepted.get(k + 1).map_or(piece.chars.len(), |n| n.start);
            let body = piece.text_of(m.body, end);
            self.initiative(m.ordinal.clone(), &body);
        }
    }

    /// Adds one piece of the body; `ahead` are the pieces after it.
    fn piece(&mut self, piece: &Piece<'_>, ahead: &[Piece<'_>]) {
        self.line = piece.line;
        let Some(n) = &piece.numeral else {
            self.run(piece, 0, None, ahead);
            return;
        };
        // Where the text after the numeral starts.
        let rest_at = piece.rest_at();
        let rest = piece.rest();
        let top = self.top.is_some_and(|t| t.level() == n.style.level());
        // Under Arabic numerals, a section continues the sections' numbering (or skips ahead as a
        // heading); once a list of that style has restarted at 1 inside the section, only a
        // `关于…` heading with the next number ends it.
        let continues = n.value == self.last_top + 1;
        let section = top
            && (n.style.level() < Style::Arabic.level()
                || if self.inner_list {
                    continues && rest.starts_with("关于")
                } else {
                    continues || n.value > self.last_top && is_arabic_heading(&rest)
                });
        if top && !section {
            self.inner_list = true;
        }
        if section {
            self.last_top = n.value;
            self.inner_list = false;
            let (heading, first) = split_heading(&rest);
            self.next_mode = NEXT_WORDS.iter().any(|k| heading.contains(k));
            self.item_next = false;
            self.series = [0; KINDS];
            self.section(n.text.clone(), heading);
            if let Some(at) = first {
                self.run(piece, rest_at + at, None, ahead);
            }
            return;
        }
        // A numbered item below the top level starts its own series.
        self.series = [0; KINDS];
        if let Some(s) = self.series.get_mut(Kind::Num(n.style.level()).index()) {
            *s = n.value;
        }
        self.item_next = false;
        self.run(piece, rest_at, Some(n.text.clone()), ahead);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_a_series_marker_may_start_with_passes_the_first_test() {
        for c in (0..=0x10ffff).filter_map(char::from_u32).filter(|c| {
            is_cn_digit(*c)
                || matches!(c, '第' | '其' | '首' | '再' | '最' | '(' | '（')
                || ('\u{2460}'..='\u{2473}').contains(c)
        }) {
            assert!(MARKER_STARTS.may_hold(c), "{c}");
        }
    }
}
