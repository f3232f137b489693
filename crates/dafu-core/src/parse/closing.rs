//! The end of a reply: closing paragraphs and the signature.
//!
//! Grammar:
//! - closing:   from the first line after the body's first and after its last numbered line that
//!   starts with a closing phrase (谨此, 特此, 此复, 此函, 专此, 以上答复, 谢谢, or 感谢 after at most five
//!   characters such as 非常, 衷心, `最后,`), to the end;
//! - without a closing phrase, the trailing lines that are trailer lines, dates, notes in brackets or
//!   names are the end;
//! - trailer line ([`is_trailer`]): a labelled line, `key:value` with a key of at most ten characters
//!   ending in 人 or made of the words of trailer labels (联系, 电话, 签发, 抄, 附, 来源, 单位, 领导,
//!   情况, 日期…: 联系人, 联 系 电 话, 承办人, 抄 报, 信息来源, `人大代表对办理情况`), possibly in
//!   brackets, a line starting with 抄送, 联系, 附件 and the like, a line naming a telephone, a line
//!   ending in 印发 (the print note), or digits alone (a postcode); these are the contact lines, never
//!   the signer;
//! - date line ([`signed_date`]): a whole date, spaces inside ignored (`2019年6月30日`, `2021-09-24`,
//!   `2023.5.6`), in Chinese numerals (`二○一一年五月十日`, `二0一二年四月二十四日`), or damaged: digits run together with one real
//!   reading (`2022427`) or a day without its 日 at the end of the line (`2020年11月12`), read with a
//!   diagnostic; the first date line is the date signed;
//! - signer: a name ([`is_name`]: at most 30 characters, no sentence punctuation or colon, not in
//!   brackets, no run of digits) on the line just before the date (else just after it), or before
//!   the date on the same line (`湘阴县教育局 2019年4月20日`); without a date, the last name after a
//!   closing paragraph;
//! - every other line is a closing paragraph.

use crate::model::date::Point;
use crate::model::{DateRef, Signature, When};

use super::body;
use super::facts::whole_date;
use super::lines::{normalize_key, Line};
use super::{Diagnostic, DiagnosticKind, Repair};

/// Does the line start with a closing phrase?
fn is_closing_start(text: &str) -> bool {
    if [
        "谨此",
        "特此",
        "此复",
        "此函",
        "专此",
        "以上答复",
        "再次感谢",
        "谢谢",
    ]
    .iter()
    .any(|k| text.starts_with(k))
    {
        return true;
    }
    // 感谢 after a few words of emphasis: 非常感谢, 衷心感谢, 最后,衷心感谢.
    text.find("感谢").is_some_and(|at| {
        let lead = text.get(..at).unwrap_or_default();
        lead.chars().count() <= 5
            && lead
                .chars()
                .all(|c| !"您你的对了是我".contains(c) && (is_cjk(c) || matches!(c, ',' | '，')))
    })
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || c == '〇'
}

fn is_bracket(c: char) -> bool {
    matches!(c, '(' | ')' | '（' | '）' | '[' | ']' | '【' | '】')
}

/// A trailer line: contact, copy, print and attachment lines (see the module grammar).
fn is_trailer(text: &str) -> bool {
    let t = text.trim_matches(|c: char| is_bracket(c) || c.is_whitespace());
    let normalized = normalize_key(t);
    let prefixed = [
        "抄送",
        "抄报",
        "抄发",
        "联系",
        "电话",
        "附件",
        "附:",
        "附：",
        "签发",
        "审核",
        "承办",
        "经办",
        "编辑",
        "信息来源",
        "校对",
        "打印",
        "印发",
        "传真",
        "邮编",
    ]
    .iter()
    .any(|k| normalized.starts_with(k));
    // The words trailer labels are made of; a label such as `下一步工作:` ending a body is none.
    let labelled = t.find([':', '：']).is_some_and(|at| {
        let key = normalize_key(t.get(..at).unwrap_or_default());
        let n = key.chars().count();
        (1..=10).contains(&n)
            && key.chars().all(|c| is_cjk(c) || "、/及和".contains(c))
            && !t.contains('。')
            && (key.ends_with('人')
                || [
                    "联系", "电话", "签发", "审核", "承办", "经办", "抄", "附", "编辑", "来源",
                    "地址", "邮编", "传真", "校对", "单位", "领导", "科室", "部门", "情况", "结果",
                    "方式", "时间", "日期", "意见",
                ]
                .iter()
                .any(|w| key.contains(w)))
    });
    let telephone = t.contains("电话") && t.chars().any(|c| c.is_ascii_digit());
    let digits_alone = !t.is_empty()
        && t.chars().count() <= 20
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | ' ' | '—'));
    prefixed || labelled || telephone || t.ends_with("印发") || digits_alone && !is_date(t)
}

/// A short line in brackets (`(此件公开发布)`): a note, never the signer.
fn is_note(text: &str) -> bool {
    text.starts_with(is_bracket) && text.ends_with(is_bracket) && text.chars().count() <= 40
}

/// A name that can sign (see the module grammar).
fn is_name(text: &str) -> bool {
    let n = text.chars().count();
    let mut digits = 0;
    let mut longest = 0;
    for c in text.chars() {
        digits = if c.is_ascii_digit() { digits + 1 } else { 0 };
        longest = longest.max(digits);
    }
    (2..=30).contains(&n)
        && text.chars().filter(|c| is_cjk(*c)).count() >= 2
        && longest < 3
        && !text.contains(['。', ',', '，', ';', '；', '!', '！', '?', '？', ':', '：'])
        && !text.starts_with(is_bracket)
        && body::numbered(text).is_none()
        && !is_closing_start(text)
        && !is_trailer(text)
        && !is_date(text)
}

/// A Chinese numeral's value: 〇/○/0 to 九 for one digit.
fn digit(c: char) -> Option<u32> {
    match c {
        '〇' | '○' | '零' | '0' | 'O' => Some(0),
        _ => "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .and_then(|p| u32::try_from(p + 1).ok()),
    }
}

/// `十二`, `二十四`, `五` → 12, 24, 5 (up to 39).
fn small_numeral(s: &str) -> Option<u32> {
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [d] if *d != '十' => digit(*d).filter(|v| *v > 0),
        ['十'] => Some(10),
        ['十', d] => digit(*d).filter(|v| *v > 0).map(|v| 10 + v),
        [t, '十'] => digit(*t).filter(|v| (2..=3).contains(v)).map(|v| v * 10),
        [t, '十', d] => {
            let (t, d) = (digit(*t)?, digit(*d)?);
            ((2..=3).contains(&t) && d > 0).then_some(t * 10 + d)
        }
        _ => None,
    }
}

/// `二○一一年五月十日` → 2011-05-10.
fn chinese_date(text: &str) -> Option<Point> {
    let (year, rest) = text.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let day = rest.strip_suffix('日')?;
    let y = year
        .chars()
        .try_fold(0u32, |v, c| Some(v * 10 + digit(c)?))?;
    if year.chars().count() != 4 {
        return None;
    }
    let day = Point::Day(
        i32::try_from(y).ok()?,
        u8::try_from(small_numeral(month)?).ok()?,
        u8::try_from(small_numeral(day)?).ok()?,
    );
    day.checked().ok()
}

/// `2020年11月12` at the end of a line: a day whose 日 was lost.
fn day_without_ri(text: &str) -> Option<Point> {
    let (year, rest) = text.split_once('年')?;
    let (month, day) = rest.split_once('月')?;
    let number = |s: &str, max: usize| {
        (!s.is_empty() && s.len() <= max && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let point = Point::Day(
        i32::try_from(number(year, 4)?).ok()?,
        u8::try_from(number(month, 2)?).ok()?,
        u8::try_from(number(day, 2)?).ok()?,
    );
    (year.len() == 4).then_some(point)?.checked().ok()
}

/// `2023.5.6`, `2023/5/6` → 2023-05-06.
fn dotted_date(text: &str) -> Option<Point> {
    let sep = ['.', '/'].into_iter().find(|c| text.contains(*c))?;
    let mut parts = text.split(sep);
    let mut number = |max: usize| {
        parts
            .next()
            .filter(|s| !s.is_empty() && s.len() <= max && s.chars().all(|c| c.is_ascii_digit()))
            .and_then(|s| s.parse::<u32>().ok())
    };
    let (y, m, d) = (number(4)?, number(2)?, number(2)?);
    let point = Point::Day(
        i32::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    );
    (parts.next().is_none() && y >= 1000)
        .then_some(point)?
        .checked()
        .ok()
}

/// A whole line read as the date signed (spaces inside ignored, the text kept as written), with the
/// reason when it had to be repaired.
fn signed_date(text: &str) -> Option<(DateRef, Option<Repair>)> {
    let bare: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if bare.is_empty() || bare.chars().count() > 16 {
        return None;
    }
    let on = |p: Point| DateRef::new(text, When::On(p)).ok();
    if let Some(p) = day_without_ri(&bare) {
        return on(p).map(|d| (d, Some(Repair::NoDay)));
    }
    if let Some(d) = whole_date(&bare) {
        if bare.chars().all(|c| c.is_ascii_digit()) {
            return Some((
                DateRef::new(text, d.when()).ok()?,
                Some(Repair::RunTogether),
            ));
        }
        return Some((DateRef::new(text, d.when()).ok()?, None));
    }
    on(chinese_date(&bare).or_else(|| dotted_date(&bare))?).map(|d| (d, None))
}

fn is_date(text: &str) -> bool {
    signed_date(text).is_some()
}

/// `湘阴县教育局 2019年4月20日` → the name and the date, split at the last space.
fn name_and_date(text: &str) -> Option<(&str, DateRef, Option<Repair>)> {
    let (name, date) = text.trim().rsplit_once(char::is_whitespace)?;
    let name = name.trim();
    let (d, why) = signed_date(date.trim())?;
    is_name(name).then_some((name, d, why))
}

/// Where the end of the reply starts in `rest` (the lines after the opening): the closing phrase,
/// else the trailing signature lines; never at the first line.
pub fn start(rest: &[Line]) -> usize {
    // A closing phrase counts after the last numbered line: thanks in the body do not end it.
    let last_numbered = rest
        .iter()
        .rposition(|l| body::numbered(&l.text).is_some())
        .unwrap_or(0);
    if let Some(at) = rest
        .iter()
        .enumerate()
        .skip(last_numbered.max(1))
        .find(|(_, l)| is_closing_start(&l.text))
    {
        return at.0;
    }
    let mut k = rest.len();
    while k > 1 {
        let Some(l) = rest.get(k - 1) else { break };
        let t = l.text.as_str();
        if is_trailer(t) || is_date(t) || is_note(t) || is_name(t) || name_and_date(t).is_some() {
            k -= 1;
        } else {
            break;
        }
    }
    k
}

/// What the end of a reply holds.
pub struct Closing {
    /// Closing paragraphs.
    pub paragraphs: Vec<String>,
    /// The signer, the date signed and the contact lines, when any is given.
    pub signature: Option<Signature>,
    /// Repairs made to the date signed.
    pub diagnostics: Vec<Diagnostic>,
}

/// One line of the end, classified.
enum Part<'a> {
    Trailer,
    Date(DateRef, Option<Repair>),
    NameAndDate(&'a str, DateRef, Option<Repair>),
    Name,
    Paragraph,
}

fn part(text: &str) -> Part<'_> {
    if is_trailer(text) {
        Part::Trailer
    } else if let Some((d, why)) = signed_date(text) {
        Part::Date(d, why)
    } else if let Some((name, d, why)) = name_and_date(text) {
        Part::NameAndDate(name, d, why)
    } else if is_name(text) {
        Part::Name
    } else {
        Part::Paragraph
    }
}

/// The closing paragraphs and the signature, from the lines at the end.
pub fn read(tail: &[Line]) -> Closing {
    let parts: Vec<Part<'_>> = tail.iter().map(|l| part(&l.text)).collect();
    let dated = parts
        .iter()
        .position(|p| matches!(p, Part::Date(..) | Part::NameAndDate(..)));
    // The signer: the name just before the date, else the last name after a closing paragraph.
    let signer_at = match dated {
        Some(d) => d
            .checked_sub(1)
            .filter(|s| matches!(parts.get(*s), Some(Part::Name)))
            .or_else(|| Some(d + 1).filter(|s| matches!(parts.get(*s), Some(Part::Name)))),
        None => parts
            .iter()
            .rposition(|p| matches!(p, Part::Name))
            .filter(|s| {
                parts
                    .get(..*s)
                    .is_some_and(|before| before.iter().any(|p| matches!(p, Part::Paragraph)))
            }),
    };
    let mut closing = Closing {
        paragraphs: Vec::new(),
        signature: None,
        diagnostics: Vec::new(),
    };
    let mut signer = None;
    let mut date = None;
    let mut contact = Vec::new();
    for (k, (l, p)) in tail.iter().zip(parts).enumerate() {
        let text = l.text.clone();
        let mut signed = |d: DateRef, why: Option<Repair>, diagnostics: &mut Vec<Diagnostic>| {
            if let Some(why) = why {
                diagnostics.push(Diagnostic {
                    line: l.number,
                    kind: DiagnosticKind::SignatureDate {
                        written: d.written().to_owned(),
                        read_as: d.when().start().map(|p| p.to_string()).unwrap_or_default(),
                        repair: why,
                    },
                });
            }
            date = Some(d);
        };
        match p {
            Part::Trailer => contact.push(text),
            Part::Date(d, why) if Some(k) == dated => signed(d, why, &mut closing.diagnostics),
            Part::NameAndDate(name, d, why) if Some(k) == dated => {
                signer = Some(name.to_owned());
                signed(d, why, &mut closing.diagnostics);
            }
            Part::Name if Some(k) == signer_at => signer = Some(text),
            Part::Date(..) | Part::NameAndDate(..) | Part::Name | Part::Paragraph => {
                closing.paragraphs.push(text);
            }
        }
    }
    closing.signature =
        (signer.is_some() || date.is_some() || !contact.is_empty()).then_some(Signature {
            signer,
            date,
            contact,
        });
    closing
}
