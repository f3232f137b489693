//! The addressee and the opening, and the proposal they describe.
//!
//! Grammar:
//! - addressee: a line of at most 40 characters (or a list of names of at most 200, `甲、乙、…代表:`)
//!   ending in a colon, without `。` or `|`, that is not
//!   the opening and not a header key (`冬花委员:`, `区政协…联络委:`); or a salutation at the start of
//!   the opening line itself, ending in a role word before `,` or `:` (`尊敬的释彻正委员,你在…`,
//!   `…签发人:庞佃宝 尊敬的李晓林、周志勋等代表: 您提出的…`), which wins over a colon line before it;
//! - opening:   a line with 收悉, 复如下 (答复如下, 函复如下, 回复如下) or 现答复, or with 意见如下 when it
//!   names a proposal (提案, 建议, 议案: `…提出会办意见如下`);
//! - proposal:  described by the opening, the reply's title, the header's fields and the header lines,
//!   read in that order:
//!   - number ([`number_in`]): `第N号`, `〔N〕号`, `(N号`, `编号:N`, or `N号` right after the meeting
//!     (`…会议温36号`, `…会议代表28号`, `…会议来信号提案`); N keeps letters and leading zeros as
//!     written (`DH123`, `064`); a `第N号` after `〕`, `)` or 令 is a document number, not the
//!     proposal's; else a field such as 建议号 or 新编号;
//!   - session ([`sessions_in`]): the meeting `[place][第]N届…[第]M次会议` with its place as written
//!     (`省政协十二届四次会议`, `文山市第三届人民代表大会第四次会议`): the place runs back from the
//!     numerals, at most 12 characters, to 对, 关于, 在, 的, a date (年 月 日), an agency's name (…局) or
//!     the start of a clause, after any verb (参加, 出席, 召开…), and ends in a level (省 市 县 区 州 旗
//!     盟 乡 镇) or 政协/人大/全国, else it is left out; of the meetings named, the one whose place is
//!     written most fully, the first on a tie;
//!   - title ([`title_in`]): the words after 提出的 (所提的, 提交的, or 提出 before `《“关于`; else from
//!     a 关于 before 收悉) up to 收悉, else up to the first `,` `。` `:` outside quotation marks, without
//!     an annotation (`(以下简称…)`, `,以下简称“…”`, `(第N号…`, `〔N〕号`) or a number before them
//!     (`第0123号《…》`): a `《…》` that opens the words (or follows 关于) or ends in a kind word (建议,
//!     提案, 议案, 意见) — else it names a law inside the title; else a `“…”` (or `"…"`) ending in a
//!     kind word; else the words with the marks of `关于“…”的建议` dropped; else the words as written
//!     up to the last kind word (without 关于, only eight characters or more); a kind word repeated
//!     after the title (`…的建议提案`) and a doubled 关于 dropped; never generic words (`有关建议`,
//!     `您的建议`); else a title field (建议标题, 事由, 提案内容 …) or a `《…》` ending in a kind word in
//!     the reply's title or the header;
//!   - proposer ([`proposer`]): a names field (代表姓名, 提案人, …); else the opening's own
//!     `NAME代表在…提出` (a 会办意见 addressed to another agency names the proposer there); else the
//!     addressee; names without 尊敬的, 代表/委员 or `等N位`;
//!   - kind: the meeting (政协 → 提案, 人大 → 建议), else 政协/人大 in the title, the opening or the
//!     addressee, else the proposer's role (委员, 代表), else the kind word (提案; 建议, 议案).

use crate::model::{MetaField, Proposal, ProposalKind, ResultClass};

use super::header::KEYS;
use super::lines::{normalize_key, Line};

/// The words a proposal's title ends with.
const KIND_WORDS: [&str; 4] = ["建议", "提案", "议案", "意见"];

/// Role words that end a salutation, longest first.
const ROLES: [&str; 8] = [
    "代表团",
    "代表们",
    "委员们",
    "代表",
    "委员",
    "同志",
    "先生",
    "女士",
];

/// Header keys whose value names the proposers.
const PROPOSER_KEYS: [&str; 11] = [
    "代表姓名",
    "委员姓名",
    "提案人",
    "建议人",
    "提出人",
    "领衔代表",
    "领衔委员",
    "领衔人",
    "人大代表",
    "代表",
    "委员",
];

/// Header keys whose value is the proposal's number.
const NUMBER_KEYS: [&str; 8] = [
    "建议编号",
    "建议号",
    "提案编号",
    "提案号",
    "议案号",
    "新编号",
    "编号",
    "案号",
];

/// Header keys whose value is the proposal's title.
const TITLE_KEYS: [&str; 10] = [
    "建议标题",
    "提案标题",
    "建议名称",
    "提案名称",
    "建议题目",
    "提案题目",
    "案由",
    "事由",
    "提案内容",
    "建议内容",
];

/// Is this the opening line (`…收悉。现答复如下:`)?
pub fn is_opening(text: &str) -> bool {
    text.contains("收悉")
        || text.contains("复如下")
        || text.contains("现答复")
        || text.contains("意见如下") && ["提案", "建议", "议案"].iter().any(|k| text.contains(k))
}

/// Is this the addressee line (`冬花委员:`)?
pub fn is_addressee(text: &str) -> bool {
    (text.ends_with(':') || text.ends_with('：'))
        && (text.chars().count() <= 40 || is_list_of_names(text))
        && !text.contains('。')
        && !text.contains('|')
        && !is_opening(text)
        && !KEYS.contains(&normalize_key(text).as_str())
}

/// A long salutation that only lists names (`罗华芬、刘宗华、…、朱永珍代表:`): names of two to six
/// Chinese characters between `、`, the last followed by a role word, at most 200 characters. A line of
/// prose (longer words, commas, digits, marks) never is.
fn is_list_of_names(text: &str) -> bool {
    let t = text.trim().trim_end_matches([':', '：']);
    let Some(names) = ROLES.iter().find_map(|r| t.strip_suffix(r)) else {
        return false;
    };
    t.chars().count() <= 200
        && names.contains('、')
        && names
            .split('、')
            .all(|name| (2..=6).contains(&name.chars().count()) && name.chars().all(is_cjk))
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || c == '〇'
}

fn is_comma_or_colon(c: char) -> bool {
    matches!(c, ',' | '，' | ':' | '：')
}

/// The salutation an opening line starts with (`尊敬的释彻正委员,你在…` → `尊敬的释彻正委员`): the
/// words before the first `,` or `:` that end in a role word, starting the line or after a space,
/// at most 30 characters, before the first 您/你/提出.
pub fn salutation(opening: &str) -> Option<&str> {
    let limit = ["您", "你", "提出"]
        .iter()
        .filter_map(|w| opening.find(w))
        .min()
        .unwrap_or(opening.len());
    let mut from = 0;
    for (i, c) in opening.char_indices() {
        if i >= limit {
            break;
        }
        if c.is_whitespace() || c == '\u{3000}' {
            from = i + c.len_utf8();
            continue;
        }
        if !is_comma_or_colon(c) {
            continue;
        }
        let head = opening.get(from..i)?.trim();
        let next = opening
            .get(i + c.len_utf8()..)
            .unwrap_or_default()
            .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
        if !head.is_empty()
            && head.chars().count() <= 30
            && ROLES.iter().any(|r| head.ends_with(r))
            && head
                .chars()
                .all(|c| is_cjk(c) || c == '、' || c.is_ascii_digit())
            && ["您", "你", "感谢", "首先", "现将", "现就", "贵"]
                .iter()
                .any(|w| next.starts_with(w))
        {
            return Some(head);
        }
        // Key and value pairs such as `签发人:庞佃宝` come before the salutation.
        from = i + c.len_utf8();
    }
    None
}

/// The reply's addressee: a salutation the opening line starts with, else the colon line.
pub fn addressee(line: Option<&Line>, opening: Option<&Line>) -> Option<String> {
    opening
        .and_then(|o| salutation(&o.text))
        .map(str::to_owned)
        .or_else(|| line.map(|l| l.text.clone()))
}

/// Names without 尊敬的, a role word, `等` or `等N位`: `尊敬的李晓林、周志勋等代表:` → `李晓林、周志勋`.
fn names(text: &str) -> Option<String> {
    let mut t = text.trim().trim_end_matches([':', '：', ',', '，']).trim();
    t = t.strip_prefix("尊敬的").unwrap_or(t);
    // `…等12位代表`, `…代表等`: the count and the role word, in either order.
    for _ in 0..2 {
        if let Some(at) = t.rfind('等') {
            let rest = t.get(at + '等'.len_utf8()..).unwrap_or_default();
            if rest
                .chars()
                .all(|c| c.is_ascii_digit() || "一二三四五六七八九十位人名".contains(c))
            {
                t = t.get(..at).unwrap_or(t);
            }
        }
        for role in ["代表们", "委员们", "代表", "委员", "同志", "先生", "女士"] {
            if let Some(s) = t.strip_suffix(role) {
                t = s;
                break;
            }
        }
    }
    let t = t.trim();
    (!t.is_empty() && !["各位", "诸位", "大家", "你们", "您们"].contains(&t)).then(|| t.to_owned())
}

/// Does the addressee name a person or a delegation (a role word ends it)?
fn is_person(addressee: &str) -> bool {
    let t = addressee.trim().trim_end_matches([':', '：', ',', '，']);
    ROLES.iter().any(|r| t.ends_with(r))
}

/// The proposer the opening names itself, before its first 提出: `谢善高代表在…提出`,
/// `…,夏海萍委员提出的` → `谢善高`, `夏海萍`, with the role word (委员 or 代表).
fn named_in_opening(opening: &str) -> Option<(String, &'static str)> {
    let limit = opening.find("提出")?;
    let before = opening.get(..limit)?;
    for role in ["代表", "委员"] {
        let mut search = 0;
        while let Some(found) = before.get(search..).and_then(|s| s.find(role)) {
            let at = search + found;
            search = at + role.len();
            let after = before.get(search..).unwrap_or_default();
            if !(after.is_empty()
                || ["在", "于", "等", "联名", "所"]
                    .iter()
                    .any(|w| after.starts_with(w))
                || after.starts_with(is_comma_or_colon))
            {
                continue;
            }
            let head = before.get(..at)?;
            // At most 21 characters back: a name list is shorter.
            let start = head
                .char_indices()
                .rev()
                .take(21)
                .find(|(_, c)| !(is_cjk(*c) || *c == '、') || "的在上是您你对由".contains(*c))
                .map_or_else(
                    || head.char_indices().rev().nth(20).map_or(0, |(i, _)| i),
                    |(i, c)| i + c.len_utf8(),
                );
            let name = head.get(start..)?;
            let n = name.chars().count();
            let is_body = ["人大", "政协", "全国"].iter().any(|w| name.ends_with(w))
                || name.ends_with(['省', '市', '县', '区', '州']);
            if (2..=20).contains(&n) && !is_body {
                return Some((
                    name.to_owned(),
                    if role == "代表" { "代表" } else { "委员" },
                ));
            }
        }
    }
    None
}

/// A field's value by key (spaces in keys ignored), when not empty.
fn field<'a>(fields: &'a [MetaField], keys: &[&str]) -> Option<&'a str> {
    keys.iter().find_map(|k| {
        fields
            .iter()
            .find(|f| normalize_key(&f.key) == *k)
            .map(|f| f.value.trim())
            .filter(|v| !v.is_empty())
    })
}

/// Who made the proposal: a names field, else the person the opening names, else the addressee
/// when it is not an agency answered on another's behalf.
fn proposer(
    fields: &[MetaField],
    addressee: Option<&str>,
    opening: &str,
    joint_opinion: bool,
) -> Option<String> {
    if let Some(v) = field(fields, &PROPOSER_KEYS).and_then(names) {
        return Some(v);
    }
    if let Some((name, _)) = named_in_opening(opening) {
        return names(&name);
    }
    let a = addressee?;
    if joint_opinion && !is_person(a) {
        return None;
    }
    names(a)
}

/// Digits, ASCII letters and a `.` or `-` inside, with at least one digit: `DH123`, `6.11`.
fn is_number_token(chars: &[char]) -> bool {
    !chars.is_empty()
        && chars.len() <= 10
        && chars.iter().any(char::is_ascii_digit)
        && chars
            .iter()
            .all(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
}

/// The characters from `from` up to the next `号` within `max`, and the index of that `号`.
fn up_to_hao(chars: &[char], from: usize, max: usize) -> Option<(&[char], usize)> {
    let end = (from..chars.len().min(from + max + 1)).find(|k| chars.get(*k) == Some(&'号'))?;
    Some((chars.get(from..end)?, end))
}

fn starts_kind_word(chars: &[char], at: usize) -> bool {
    KIND_WORDS.iter().any(|w| {
        w.chars()
            .enumerate()
            .all(|(k, c)| chars.get(at + k) == Some(&c))
    })
}

fn looking_at(chars: &[char], at: usize, word: &str) -> bool {
    word.chars()
        .enumerate()
        .all(|(k, c)| chars.get(at + k) == Some(&c))
}

/// The proposal's number in a line: the first of `第N号`, `〔N〕号`, `(N号`, or `N号` right after
/// the meeting (see the module grammar).
fn number_in(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let token = |s: &[char]| s.iter().collect::<String>();
    for (i, c) in chars.iter().enumerate() {
        match c {
            '第' => {
                let after_document = i
                    .checked_sub(1)
                    .and_then(|p| chars.get(p))
                    .is_some_and(|p| matches!(p, '〕' | '】' | ']' | ')' | '）' | '令'));
                if let Some((n, _)) = up_to_hao(&chars, i + 1, 10) {
                    if !after_document && is_number_token(n) {
                        return Some(token(n));
                    }
                }
            }
            '〔' | '【' | '[' => {
                if let Some(close) = (i + 1..chars.len().min(i + 10))
                    .find(|k| matches!(chars.get(*k), Some('〕' | '】' | ']')))
                {
                    let n = chars.get(i + 1..close).unwrap_or_default();
                    if chars.get(close + 1) == Some(&'号')
                        && !n.is_empty()
                        && n.iter().all(char::is_ascii_digit)
                    {
                        return Some(token(n));
                    }
                }
            }
            '(' | '（' => {
                if let Some((n, _)) = up_to_hao(&chars, i + 1, 10) {
                    if is_number_token(n) {
                        return Some(token(n));
                    }
                }
            }
            // `编号:20230123`, `(编号 123)`.
            '编' if looking_at(&chars, i, "编号") => {
                let from = i + 2;
                let from = from
                    + chars
                        .get(from..)
                        .unwrap_or_default()
                        .iter()
                        .take(3)
                        .take_while(|c| matches!(c, ':' | '：' | ' '))
                        .count();
                let n: Vec<char> = chars
                    .get(from..)
                    .unwrap_or_default()
                    .iter()
                    .take(12)
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
                    .copied()
                    .collect();
                if is_number_token(&n) {
                    return Some(token(&n));
                }
            }
            '议' if i >= 2 && looking_at(&chars, i - 2, "次会议") => {
                let mut k = i + 1;
                if looking_at(&chars, k, "代表") || looking_at(&chars, k, "委员") {
                    k += 2;
                }
                if chars.get(k) == Some(&'第') {
                    k += 1;
                }
                if let Some((n, hao)) = up_to_hao(&chars, k, 8) {
                    let lead = n.iter().take_while(|c| is_cjk(**c)).count();
                    let rest = n.get(lead..).unwrap_or_default();
                    let fits = (1..=2).contains(&lead)
                        && rest.is_empty()
                        && starts_kind_word(&chars, hao + 1)
                        || lead <= 2 && is_number_token(rest);
                    if fits {
                        return Some(token(n));
                    }
                }
            }
            _ => {}
        }
    }
    None
}

/// A number field's value: `第23号`, `201号` → `23`, `201`.
fn number_field(value: &str) -> Option<String> {
    let v: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    let v = v.strip_prefix('第').unwrap_or(&v);
    let v = v.strip_suffix('号').unwrap_or(v);
    let chars: Vec<char> = v.chars().collect();
    is_number_token(&chars).then(|| v.to_owned())
}

/// A meeting named in a line, with how many characters its place takes.
struct Session {
    text: String,
    place: usize,
    /// Numerals stand before 届 and before 次会议 (`人大次会议` is damaged).
    whole: bool,
}

const NUMERALS: &str = "一二三四五六七八九十百零〇○0123456789";

/// Every meeting named in `text` (see the module grammar).
fn sessions_in(text: &str) -> Vec<Session> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k + 3 <= chars.len() {
        if !looking_at(&chars, k, "次会议") {
            k += 1;
            continue;
        }
        let end = k + 3;
        // The 届 at most 16 characters before 次会议, with no sentence mark between.
        let jie = (k.saturating_sub(16)..k)
            .rev()
            .take_while(|j| {
                !chars
                    .get(*j)
                    .is_some_and(|c| matches!(c, '。' | ',' | '，' | ';' | '；' | '《' | '》'))
            })
            .find(|j| chars.get(*j) == Some(&'届'));
        k = end;
        let Some(jie) = jie else { continue };
        let mut i = jie;
        while i > 0 && jie - i < 6 && chars.get(i - 1).is_some_and(|c| NUMERALS.contains(*c)) {
            i -= 1;
        }
        let numbered = i < jie;
        if i > 0 && chars.get(i - 1) == Some(&'第') {
            i -= 1;
        }
        // The place, back to a clause boundary or a joining word, at most 12 characters.
        let mut p = i;
        let stops = |p: usize| {
            let c = chars.get(p - 1).copied().unwrap_or(' ');
            !is_cjk(c)
                || matches!(c, '对' | '在' | '的' | '年' | '月' | '日')
                || c == '于' && p >= 2 && chars.get(p - 2) == Some(&'关')
                // An agency's name before the meeting ends the place (`…交通运输局县十届…`).
                || matches!(c, '局' | '厅' | '部' | '院' | '办' | '室' | '处')
        };
        while p > 0 && i - p < 12 && !stops(p) {
            p -= 1;
        }
        let bounded = p == 0 || stops(p);
        // A verb before the meeting is not its place: `参加市十五届…` → `市十五届…`.
        let words: String = chars.get(p..i).unwrap_or_default().iter().collect();
        let verb_end = ["参加", "出席", "列席", "召开", "举行", "期间"]
            .iter()
            .filter_map(|v| words.rfind(v).map(|at| at + v.len()))
            .max();
        if let Some(end) = verb_end {
            p += words.get(..end).map_or(0, |w| w.chars().count());
        }
        let place: String = chars.get(p..i).unwrap_or_default().iter().collect();
        let levels = [
            "省", "市", "县", "区", "州", "旗", "盟", "乡", "镇", "政协", "人大", "全国",
        ];
        let start = if bounded && levels.iter().any(|l| place.ends_with(l)) {
            p
        } else {
            i
        };
        let whole = numbered && k >= 4 && chars.get(k - 4).is_some_and(|c| NUMERALS.contains(*c));
        out.push(Session {
            text: chars.get(start..end).unwrap_or_default().iter().collect(),
            place: i - start,
            whole,
        });
    }
    out
}

/// Cuts `text` after the last kind word it holds; `None` when it holds none.
fn through_last_kind_word(text: &str) -> Option<&str> {
    KIND_WORDS
        .iter()
        .filter_map(|w| text.rfind(w).map(|i| i + w.len()))
        .max()
        .and_then(|end| text.get(..end))
}

fn ends_with_kind_word(text: &str) -> bool {
    KIND_WORDS.iter().any(|w| text.ends_with(w))
}

/// Is an annotation at `rest`, just after an opening bracket `open`? `以下简称…`, `简称…`, `第25号`,
/// `DH123号`, and `064〕号` after `〔`.
fn is_annotation(open: char, rest: &str) -> bool {
    if rest.starts_with("以下简称") || rest.starts_with("简称") {
        return true;
    }
    let chars: Vec<char> = rest.chars().take(14).collect();
    if matches!(open, '〔' | '[' | '【') {
        let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
        return digits > 0
            && matches!(chars.get(digits), Some('〕' | ']' | '】'))
            && chars.get(digits + 1) == Some(&'号');
    }
    let from = usize::from(chars.first() == Some(&'第'));
    up_to_hao(&chars, from, 10).is_some_and(|(n, _)| is_number_token(n))
}

/// Drops what follows a title outside quotation marks: `(以下简称…)`, `,以下简称“…”`, `(第25号提案`,
/// `(DH123号)`, `〔064〕号`.
fn without_annotation(text: &str) -> &str {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        let rest = text.get(i + c.len_utf8()..).unwrap_or_default();
        let cut = match c {
            '《' | '“' => {
                depth += 1;
                false
            }
            '》' | '”' => {
                depth = depth.saturating_sub(1);
                false
            }
            '(' | '（' | '〔' | '[' | '【' => depth == 0 && is_annotation(c, rest),
            ',' | '，' => depth == 0 && (rest.starts_with("以下简称") || rest.starts_with("简称")),
            '以' => depth == 0 && text.get(i..).is_some_and(|t| t.starts_with("以下简称")),
            _ => false,
        };
        if cut {
            return text.get(..i).unwrap_or(text).trim_end();
        }
    }
    text
}

/// A number written before the title (`第0123号《…》`, `温36号《…》`): its length in bytes.
fn leading_number(text: &str) -> usize {
    let chars: Vec<char> = text.chars().take(14).collect();
    let from = usize::from(chars.first() == Some(&'第'));
    up_to_hao(&chars, from, 10)
        .filter(|(n, _)| {
            let lead = n.iter().take_while(|c| is_cjk(**c)).count();
            lead <= 2 && is_number_token(n.get(lead..).unwrap_or_default())
        })
        .map_or(0, |(_, hao)| {
            chars
                .get(..=hao)
                .map_or(0, |c| c.iter().map(|c| c.len_utf8()).sum())
        })
}

/// Drops a kind word repeated after the title (`…的建议提案` → `…的建议`) and a doubled 关于.
fn tidy_title(text: &str) -> String {
    let mut t = text.trim().trim_end_matches(['已', ' ']).trim();
    for tail in ["的提案", "的建议", "提案", "建议"] {
        if let Some(s) = t.strip_suffix(tail) {
            if ends_with_kind_word(s) {
                t = s;
                break;
            }
        }
    }
    t.strip_prefix("关于关于")
        .map_or_else(|| t.to_owned(), |s| format!("关于{s}"))
}

/// A title is more than a kind word: `建议`, `有关建议`, `您的建议` are no titles.
fn acceptable_title(t: &str) -> Option<String> {
    let n = t.chars().count();
    let core = KIND_WORDS
        .iter()
        .find_map(|w| t.strip_suffix(w))
        .unwrap_or(t)
        .trim_end_matches('的');
    let core = core.strip_prefix("关于").unwrap_or(core);
    let generic = [
        "您", "你", "我", "该", "此", "上述", "有关", "相关", "以上", "这",
    ]
    .iter()
    .any(|w| core.starts_with(w));
    ((2..=100).contains(&n) && core.chars().count() >= 2 && !generic && !t.contains('。'))
        .then(|| t.to_owned())
}

/// The text inside the first `《…》` (to the end when the closing mark is lost), without an
/// annotation left inside it.
fn book_inner(text: &str) -> Option<&str> {
    let start = text.find('《')? + '《'.len_utf8();
    let rest = text.get(start..)?;
    let inner = rest
        .find('》')
        .map_or(rest, |e| rest.get(..e).unwrap_or(rest));
    Some(without_annotation(inner))
}

/// A `《…》` that is a proposal's title (it ends in a kind word), not a law or plan it names, nor the
/// reply's own title.
fn book_title(text: &str) -> Option<String> {
    book_inner(text)
        .filter(|t| ends_with_kind_word(t))
        .and_then(acceptable_title)
}

/// Straight quotation marks as curly ones, in pairs: `"关于…的建议"` → `“关于…的建议”`.
fn curly(text: &str) -> String {
    if !text.contains('"') || text.contains(['“', '”']) {
        return text.to_owned();
    }
    let mut open = true;
    text.chars()
        .map(|c| match c {
            '"' => {
                open = !open;
                if open {
                    '”'
                } else {
                    '“'
                }
            }
            c => c,
        })
        .collect()
}

/// The proposal's title in the words after 提出的 (see the module grammar).
fn title_in(span: &str) -> Option<String> {
    let span = curly(span);
    let span = without_annotation(&span);
    let span = span.get(leading_number(span)..).unwrap_or(span).trim();
    // Book-title marks enclose the title when they open the words (`《…》的提案`, `关于《…》的议案`)
    // or enclose a kind word; else they name a law inside an unquoted title.
    if let Some(at) = span.find('《') {
        let lead = span.get(..at).unwrap_or_default();
        let inner = book_inner(span)?;
        if lead.is_empty() || lead == "关于" || ends_with_kind_word(inner) {
            return acceptable_title(inner);
        }
    }
    let (open, close) = (span.find('“'), span.find('”'));
    let title = match (open, close) {
        (Some(o), Some(c)) if o < c => {
            let q = span.get(o + '“'.len_utf8()..c)?;
            let before = span.get(..o)?;
            let after = span.get(c + '”'.len_utf8()..)?;
            let after = after.strip_prefix('的').unwrap_or(after);
            if ends_with_kind_word(q) {
                q.to_owned()
            } else if (before.is_empty() || before == "关于")
                && KIND_WORDS.iter().any(|w| after.starts_with(w))
            {
                let kind = KIND_WORDS.iter().find(|w| after.starts_with(*w))?;
                let lead = if q.starts_with("关于") { "" } else { before };
                format!("{lead}{q}的{kind}")
            } else {
                through_last_kind_word(span)?.to_owned()
            }
        }
        // An opening mark whose closing mark was lost: the title follows it.
        (Some(o), _) => {
            let rest = span.get(o + '“'.len_utf8()..)?;
            through_last_kind_word(rest)?.to_owned()
        }
        // A closing mark whose opening mark was lost: the title is before it.
        (None, Some(c)) => span.get(..c)?.to_owned(),
        // Unquoted words: up to the last kind word; without 关于 only a long title is taken.
        (None, None) => match through_last_kind_word(span) {
            Some(t) if t.starts_with("关于") || t.chars().count() >= 8 => t.to_owned(),
            None if span.starts_with("关于") => span.to_owned(),
            _ => return None,
        },
    };
    acceptable_title(&tidy_title(&title))
}

/// The words naming the proposal in the opening: after 提出的 (所提的, 提交的, or 提出 before
/// `《“关于`), else from a 关于 before 收悉; up to 收悉, else up to the first `,` `。` `:` outside
/// quotation marks.
fn proposed_span(opening: &str) -> Option<&str> {
    let after = |w: &str| opening.find(w).map(|i| i + w.len());
    let start = ["提出的", "所提的", "提交的"]
        .iter()
        .find_map(|w| after(w))
        .or_else(|| {
            let i = after("提出")?;
            let rest = opening.get(i..)?;
            ["《", "“", "\"", "关于"]
                .iter()
                .any(|w| rest.starts_with(w))
                .then_some(i)
        })
        .or_else(|| {
            let i = opening.find("关于")?;
            (i < opening.find("收悉")?).then_some(i)
        })?;
    let rest = opening.get(start..)?;
    if let Some(end) = rest.find("收悉") {
        let span = rest.get(..end)?;
        if span.chars().count() <= 120 && !span.contains('。') {
            return Some(span);
        }
    }
    let mut depth = 0usize;
    for (i, c) in rest.char_indices() {
        match c {
            '《' | '“' => depth += 1,
            '》' | '”' => depth = depth.saturating_sub(1),
            '。' | ',' | '，' | ':' | '：' | ';' | '；' | '!' | '！' if depth == 0 => {
                return rest.get(..i);
            }
            _ => {}
        }
    }
    Some(rest)
}

/// What the header says about the proposal, for what the opening does not.
pub struct FromHeader {
    /// 建议编号.
    pub number: Option<String>,
    /// 会议届次.
    pub session: Option<String>,
    /// A result-class line.
    pub result_class: Option<ResultClass>,
}

/// The kind a text's words point to: 政协 → proposal, 人大 → suggestion, the first written.
fn kind_by_meeting(text: &str) -> Option<ProposalKind> {
    let zx = text.find("政协");
    let rd = ["人大", "人民代表大会"]
        .iter()
        .filter_map(|w| text.find(w))
        .min();
    match (zx, rd) {
        (Some(z), Some(r)) if r < z => Some(ProposalKind::Suggestion),
        (Some(_), _) => Some(ProposalKind::Proposal),
        (None, Some(_)) => Some(ProposalKind::Suggestion),
        (None, None) => None,
    }
}

fn kind_by_role(role: &str) -> Option<ProposalKind> {
    if role.contains("委员") && !role.contains("委员会") {
        Some(ProposalKind::Proposal)
    } else if role.contains("代表") {
        Some(ProposalKind::Suggestion)
    } else {
        None
    }
}

fn kind_by_word(text: &str) -> Option<ProposalKind> {
    let p = text.find("提案");
    let s = ["建议", "议案"].iter().filter_map(|w| text.find(w)).min();
    match (p, s) {
        (Some(p), Some(s)) if s < p => Some(ProposalKind::Suggestion),
        (Some(_), _) => Some(ProposalKind::Proposal),
        (None, Some(_)) => Some(ProposalKind::Suggestion),
        (None, None) => None,
    }
}

/// The proposal answered, from the reply's title, its opening line, its addressee and the header
/// (its fields, its lines, and what [`FromHeader`] read).
pub fn proposal(
    title: &str,
    opening: Option<&str>,
    addressee: Option<&str>,
    header: FromHeader,
    fields: &[MetaField],
    header_lines: &[Line],
) -> Proposal {
    let opening = opening.unwrap_or_default();
    let values = || fields.iter().map(|f| f.value.as_str());
    let lines = || header_lines.iter().map(|l| l.text.as_str());
    // Where the proposal may be named, in order of trust.
    let described = || {
        [opening, title]
            .into_iter()
            .chain(values())
            .chain(lines())
            .filter(|t| !t.is_empty())
    };

    let number = number_in(opening)
        .or_else(|| number_in(title))
        .or(header.number)
        .or_else(|| field(fields, &NUMBER_KEYS).and_then(number_field))
        .or_else(|| values().chain(lines()).find_map(number_in));

    let mut sessions: Vec<Session> = [title, opening]
        .into_iter()
        .chain(values())
        .chain(lines())
        .flat_map(sessions_in)
        .collect();
    let best = sessions
        .iter()
        .enumerate()
        .filter(|(_, s)| s.whole)
        .max_by_key(|(i, s)| (s.place, std::cmp::Reverse(*i)))
        .map(|(i, _)| i)
        .or_else(|| (!sessions.is_empty()).then_some(0));
    let session = best
        .filter(|i| *i < sessions.len())
        .map(|i| sessions.swap_remove(i).text)
        .or(header.session);

    let title_of_proposal = proposed_span(opening)
        .and_then(title_in)
        .or_else(|| book_title(opening))
        .or_else(|| {
            field(fields, &TITLE_KEYS)
                .filter(|v| ends_with_kind_word(v) || v.starts_with("关于"))
                .and_then(|v| book_title(v).or_else(|| acceptable_title(&tidy_title(v))))
        })
        .or_else(|| [title].into_iter().chain(lines()).find_map(book_title));

    let joint_opinion = [title, opening]
        .iter()
        .any(|t| t.contains("会办") || t.contains("协办"));
    let named = named_in_opening(opening);
    let proposer = proposer(fields, addressee, opening, joint_opinion);

    let role = named
        .map(|(_, r)| r.to_owned())
        .or_else(|| addressee.filter(|a| is_person(a)).map(str::to_owned))
        .unwrap_or_default();
    let kind = session
        .as_deref()
        .and_then(kind_by_meeting)
        .or_else(|| {
            kind_by_meeting(&format!(
                "{title} {opening} {}",
                addressee.unwrap_or_default()
            ))
        })
        .or_else(|| kind_by_role(&role))
        .or_else(|| kind_by_word(&format!("{opening} {title}")))
        .or_else(|| described().find_map(kind_by_meeting))
        .or_else(|| described().find_map(kind_by_word));

    Proposal {
        kind,
        number,
        session,
        title: title_of_proposal,
        proposer,
        result_class: header.result_class,
    }
}
