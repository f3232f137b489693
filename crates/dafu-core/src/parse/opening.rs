//! The addressee and the opening, and the proposal they describe.
//!
//! Grammar:
//! - addressee: a line of at most 40 characters ending in a colon, without `。` or `|`, that is not
//!   the opening and not a header key (`冬花委员:`, `区政协…联络委:`); its name without 委员/代表
//!   is the proposer;
//! - opening:   a line with 收悉, 答复如下 or 现答复;
//! - proposal:  its title is in `《》` (else `“”`, else `提出的关于…收悉`), its number is `第N号` as
//!   written (in the opening, else the title, else the header's 建议编号), its session `…届…次会议`
//!   (else the header's 会议届次), its kind 提案 (政协, 委员) or 建议 (人大, 代表).

use crate::model::{Proposal, ProposalKind, ResultClass};

use super::header::KEYS;
use super::lines::normalize_key;

/// Is this the opening line (`…收悉。现答复如下:`)?
pub fn is_opening(text: &str) -> bool {
    text.contains("收悉") || text.contains("答复如下") || text.contains("现答复")
}

/// Is this the addressee line (`冬花委员:`)?
pub fn is_addressee(text: &str) -> bool {
    (text.ends_with(':') || text.ends_with('：'))
        && text.chars().count() <= 40
        && !text.contains('。')
        && !text.contains('|')
        && !is_opening(text)
        && !KEYS.contains(&normalize_key(text).as_str())
}

fn between(text: &str, open: char, close: char) -> Option<&str> {
    let start = text.find(open)? + open.len_utf8();
    let end = text.get(start..)?.find(close)? + start;
    text.get(start..end)
}

/// `您提出的关于…的建议收悉` → `关于…的建议`.
fn title_between(text: &str) -> Option<String> {
    let start = text.find("提出的")? + "提出的".len();
    let rest = text.get(start..)?;
    let end = rest.find("已收悉").or_else(|| rest.find("收悉"))?;
    let t = rest.get(..end)?.trim_end_matches([',', '，']).trim();
    (t.starts_with("关于") && t.chars().count() <= 60).then(|| t.to_owned())
}

/// `第153号` → `153`.
fn number_of(text: &str) -> Option<String> {
    let start = text.find('第')? + '第'.len_utf8();
    let end = text.get(start..)?.find('号')? + start;
    let n = text.get(start..end)?;
    (!n.is_empty()
        && n.chars().count() <= 10
        && n.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-'))
    .then(|| n.to_owned())
}

/// `…十三届全国人大五次会议…` → `十三届全国人大五次会议`: from the numerals before the last 届 before
/// the first 次会议, at most 16 characters.
fn session_of(text: &str) -> Option<String> {
    let end = text.find("次会议")? + "次会议".len();
    let before = text.get(..end - "次会议".len())?;
    let jie = before.rfind('届')?;
    let start = before
        .get(..jie)?
        .char_indices()
        .rev()
        .find(|(_, c)| !"一二三四五六七八九十百第".contains(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let session = text.get(start..end)?;
    (start < jie && session.chars().count() <= 16).then(|| session.to_owned())
}

fn kind_of(text: &str) -> Option<ProposalKind> {
    if text.contains("政协") || text.contains("委员") {
        Some(ProposalKind::Proposal)
    } else if text.contains("人大") || text.contains("代表") {
        Some(ProposalKind::Suggestion)
    } else if text.contains("提案") {
        Some(ProposalKind::Proposal)
    } else if text.contains("建议") {
        Some(ProposalKind::Suggestion)
    } else {
        None
    }
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

/// The proposal answered, from the reply's title, its opening line, its addressee and the header.
pub fn proposal(
    title: &str,
    opening: Option<&str>,
    addressee: Option<&str>,
    header: FromHeader,
) -> Proposal {
    let opening = opening.unwrap_or_default();
    let about = format!("{title} {opening}");
    let proposer = addressee.map(|a| {
        a.trim_end_matches([':', '：'])
            .trim_end_matches("委员")
            .trim_end_matches("代表")
            .trim()
            .to_owned()
    });
    Proposal {
        kind: kind_of(&format!("{about} {}", addressee.unwrap_or_default())),
        number: number_of(opening)
            .or_else(|| number_of(title))
            .or(header.number),
        session: session_of(&about).or(header.session),
        title: between(opening, '《', '》')
            .or_else(|| between(opening, '“', '”'))
            .map(str::to_owned)
            .or_else(|| title_between(opening)),
        proposer: proposer.filter(|p| !p.is_empty()),
        result_class: header.result_class,
    }
}
