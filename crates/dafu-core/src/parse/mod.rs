//! Plain reply text to the reply model, plus diagnostics. Never fails, never panics: what it does not
//! understand stays in the reply as plain text and is listed with its line.
//!
//! The grammar of a reply, top to bottom (each part's rules are in its module):
//! 1. **header** (`header.rs`): every line before the addressee or the opening: metadata in any of
//!    the layouts of DESIGN §1, the title (possibly split or repeated), a bare 文号 line, a result
//!    class (`A类`, `(B)类`);
//! 2. **addressee**: a short line ending in a colon (`冬花委员:`, `区政协…联络委:`), its name (without
//!    委员/代表) is the proposer;
//! 3. **opening**: the first line with 收悉 or 答复如下; the proposal's title is in `《》` (else `“”`),
//!    its number is `第N号` as written, its session `…届…次会议`, its kind 提案 (政协) or 建议 (人大);
//! 4. **body** (`body.rs`): sections by numeral, paragraphs, initiatives;
//! 5. **closing**: from the first line starting 感谢/谨此/特此/此复/再次感谢 to the end: closing
//!    paragraphs, then the signature (an issuer line, a date line, contact lines 联系人/电话/审核人);
//! 6. **facts** (`facts.rs`): figures, money and dates in every paragraph and initiative.

mod body;
mod facts;
mod header;
mod lines;

use std::fmt;

use crate::model::date::Point;
use crate::model::{
    Anchor, DateFact, DateRef, DateRole, Figure, Funding, Meta, MetaField, Proposal, ProposalKind,
    Reply, Signature, Validity, When,
};

use self::facts::FoundKind;
use self::lines::Line;

/// Something the converter did not understand or had to guess, with its line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// 1-based line in the input (0 when it concerns the whole text).
    pub line: usize,
    /// What, as a lower-case fragment.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// A converted reply and what the converter noticed.
#[derive(Clone, Debug)]
pub struct Conversion {
    /// The reply.
    pub reply: Reply,
    /// Guesses and lines not understood.
    pub diagnostics: Vec<Diagnostic>,
}

fn is_opening(text: &str) -> bool {
    text.contains("收悉") || text.contains("答复如下") || text.contains("现答复")
}

fn is_addressee(text: &str) -> bool {
    let n = text.chars().count();
    (text.ends_with(':') || text.ends_with('：'))
        && n <= 40
        && !text.contains('。')
        && !text.contains('|')
        && !is_opening(text)
        && header::KEYS
            .iter()
            .all(|k| lines::normalize_key(text) != *k)
}

fn is_closing_start(text: &str) -> bool {
    ["感谢", "谨此", "特此", "此复", "再次感谢", "以上答复"]
        .iter()
        .any(|k| text.starts_with(k))
}

fn is_contact(text: &str) -> bool {
    [
        "联系人",
        "联系电话",
        "电话",
        "审核人",
        "签发人",
        "抄送",
        "联系单位",
    ]
    .iter()
    .any(|k| text.starts_with(k))
}

fn date_line(text: &str) -> Option<DateRef> {
    let found = facts::find(text, None);
    match found.as_slice() {
        [f] if f.start == 0 && f.end == text.chars().count() => match &f.kind {
            FoundKind::Date { date, .. } => Some(date.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// A meta date such as `2024-07-01 17:57:30` or `2021-09-24`.
fn meta_date(value: &str) -> Option<DateRef> {
    let v = value.trim();
    let (date, time) = v
        .split_once(' ')
        .map_or((v, None), |(d, t)| (d, Some(t.trim())));
    let point = match time {
        Some(t) if t != "00:00:00" && !t.is_empty() => Point::parse(&format!("{date}T{t}")).ok(),
        _ => Point::parse(date).ok(),
    }
    .or_else(|| date_line(v).and_then(|d| d.when().start()))?;
    DateRef::new(v, When::On(point)).ok()
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
    let t = rest.get(..end)?.trim_end_matches([',', ',']).trim();
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

/// `…十三届全国人大五次会议…` → `十三届全国人大五次会议`.
fn session_of(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let end = (0..chars.len()).find(|&i| {
        chars
            .get(i..i + 3)
            .is_some_and(|w| w.iter().collect::<String>() == "次会议")
    })?;
    let jie = chars.get(..end)?.iter().rposition(|c| *c == '届')?;
    let start = chars
        .get(..jie)?
        .iter()
        .rposition(|c| !"一二三四五六七八九十百第".contains(*c))
        .map_or(0, |i| i + 1);
    (start < jie && end + 3 - start <= 16).then(|| {
        chars
            .get(start..end + 3)
            .map(|c| c.iter().collect())
            .unwrap_or_default()
    })
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

/// The few characters before `start` in its clause: what a number counts or what money is for.
fn clause_before(chars: &[char], start: usize, max: usize) -> String {
    let stop = |c: &char| matches!(c, '。' | ';' | '；' | ',' | '，' | ':' | '：' | '、');
    let from = chars
        .get(..start)
        .and_then(|b| b.iter().rposition(stop))
        .map_or(0, |i| i + 1);
    let from = from.max(start.saturating_sub(max));
    let s: String = chars
        .get(from..start)
        .map(|c| c.iter().collect())
        .unwrap_or_default();
    s.trim().to_owned()
}

fn clause_after(chars: &[char], end: usize, max: usize) -> String {
    let stop = |c: &char| matches!(c, '。' | ';' | '；' | ',' | '，');
    let to = chars
        .get(end..)
        .and_then(|a| a.iter().position(stop))
        .map_or(chars.len(), |i| end + i)
        .min(end + max);
    chars
        .get(end..to)
        .map(|c| c.iter().collect::<String>())
        .unwrap_or_default()
        .trim()
        .to_owned()
}

/// Who pays and what for, from the words before an amount: `市政府统筹拨付…工作经费305.29万元` gives
/// payer 市政府 and purpose `…工作经费`. Falls back to the clause before when only a verb is left.
fn purpose_of(chars: &[char], start: usize, end: usize) -> (Option<String>, Option<String>) {
    const VERBS: [&str; 8] = [
        "统筹拨付",
        "拨付",
        "安排",
        "投入",
        "下达",
        "落实",
        "争取",
        "申请",
    ];
    let before = clause_before(chars, start, 40);
    let before = before.trim_start_matches("其中").trim().to_owned();
    let (mut payer, mut purpose) = (None, before.clone());
    if let Some((verb_at, verb)) = VERBS
        .iter()
        .filter_map(|v| before.find(v).map(|i| (i, *v)))
        .min_by_key(|(i, _)| *i)
    {
        let who = before.get(..verb_at).unwrap_or("").trim();
        if !who.is_empty() && who.chars().count() <= 8 {
            payer = Some(who.to_owned());
        }
        purpose = before
            .get(verb_at + verb.len()..)
            .unwrap_or("")
            .trim()
            .to_owned();
    }
    let purpose = strip_leading_date(
        purpose
            .trim_start_matches('为')
            .trim_start_matches("用于")
            .trim(),
    );
    if purpose.chars().count() >= 2 {
        return (payer, Some(purpose));
    }
    // "…课题培训,拨付20万元": the purpose is the clause before; else the words after ("用于…").
    let stop = |c: &char| matches!(c, '。' | ';' | '；' | ',' | '，');
    let clause_start = chars.get(..start).and_then(|b| b.iter().rposition(stop));
    let previous = clause_start
        .map(|s| clause_before(chars, s, 30))
        .unwrap_or_default();
    let after = clause_after(chars, end, 30);
    let pick = if after.starts_with("用于") || after.starts_with("专项用于") {
        after
    } else if previous.chars().count() >= 2 {
        previous
    } else {
        after
    };
    let pick = pick
        .trim_start_matches("同时")
        .trim_start_matches("专项")
        .trim_start_matches("用于")
        .trim()
        .to_owned();
    (payer, (!pick.is_empty()).then_some(pick))
}

/// `2017年通过贷款` → `通过贷款`: a date at the start of a purpose is the money's period, not its purpose.
fn strip_leading_date(text: &str) -> String {
    match facts::find(text, None).first() {
        Some(f) if f.start == 0 && matches!(f.kind, FoundKind::Date { .. }) => text
            .chars()
            .skip(f.end)
            .collect::<String>()
            .trim_start_matches([',', ','])
            .trim()
            .to_owned(),
        _ => text.to_owned(),
    }
}

struct FactIds {
    figures: usize,
    funding: usize,
    dates: usize,
}

/// The largest text converted, in bytes; beyond it the conversion is an empty reply and one diagnostic.
pub const MAX_TEXT_BYTES: usize = 20 * 1024 * 1024;

/// Converts a reply's text. Never fails; see the module documentation for the grammar.
pub fn convert(text: &str) -> Conversion {
    if text.len() > MAX_TEXT_BYTES {
        let message = format!(
            "the text is {} bytes; the limit is {MAX_TEXT_BYTES} bytes, nothing was converted",
            text.len()
        );
        return Conversion {
            reply: Reply::empty(),
            diagnostics: vec![Diagnostic { line: 0, message }],
        };
    }
    let all = lines::lines(text);
    let mut diagnostics = Vec::new();
    let opening = all.iter().position(|l| is_opening(&l.text));
    let addressee_at = all
        .iter()
        .take(opening.map_or(all.len(), |o| o + 1))
        .rposition(|l| is_addressee(&l.text));
    let header_end = match (addressee_at, opening) {
        (Some(a), _) => a,
        (None, Some(o)) => o,
        (None, None) => all
            .iter()
            .position(|l| body::numbered(&l.text).is_some())
            .unwrap_or(0),
    };
    let head = header::parse(all.get(..header_end).unwrap_or(&[]));
    for (line, text) in &head.unknown {
        diagnostics.push(Diagnostic {
            line: *line,
            message: format!("header line not understood, left out: {text:?}"),
        });
    }
    let addressee = addressee_at
        .and_then(|a| all.get(a))
        .map(|l| l.text.clone());
    let preamble = opening.and_then(|o| all.get(o)).map(|l| l.text.clone());
    let body_start = opening.map_or(header_end + usize::from(addressee.is_some()), |o| o + 1);
    let rest: &[Line] = all.get(body_start..).unwrap_or(&[]);
    let closing_at = rest
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, l)| is_closing_start(&l.text))
        .map(|(i, _)| i);
    // Without a closing phrase, trailing signature lines (issuer, date, contact) still end the body.
    let tail_start = closing_at.unwrap_or_else(|| {
        let mut k = rest.len();
        while k > 1 {
            let Some(l) = rest.get(k - 1) else { break };
            let short_name =
                l.text.chars().count() <= 24 && !l.text.contains(['。', ',', ',', ';']);
            if is_contact(&l.text)
                || date_line(&l.text).is_some()
                || short_name && body::numbered(&l.text).is_none()
            {
                k -= 1;
            } else {
                break;
            }
        }
        k
    });
    let body_lines = rest.get(..tail_start).unwrap_or(&[]);
    let tail = rest.get(tail_start..).unwrap_or(&[]);

    let mut builder = body::BodyBuilder::new(body_lines);
    for l in body_lines {
        builder.line(&l.text);
    }
    let sections = builder.finish();
    if sections.iter().all(|s| s.numeral.is_empty()) && !body_lines.is_empty() {
        diagnostics.push(Diagnostic {
            line: body_lines.first().map_or(0, |l| l.number),
            message: "no numbered section headings; the body is one section".into(),
        });
    }

    // Closing paragraphs, then the signature block.
    let mut closing = Vec::new();
    let mut signer = None;
    let mut sign_date = None;
    let mut contact = Vec::new();
    for l in tail {
        if is_contact(&l.text) {
            contact.push(l.text.clone());
        } else if let Some(d) = date_line(&l.text) {
            sign_date = Some(d);
        } else if l.text.chars().count() <= 24
            && !l.text.contains(['。', '!', '!', ',', ','])
            && !closing.is_empty()
        {
            signer = Some(l.text.clone());
        } else {
            closing.push(l.text.clone());
        }
    }
    let signature =
        (signer.is_some() || sign_date.is_some() || !contact.is_empty()).then_some(Signature {
            signer,
            date: sign_date,
            contact,
        });

    // Metadata.
    let get = |k: &str| head.get(k);
    let title = head
        .title
        .clone()
        .or_else(|| get("标题"))
        .unwrap_or_default();
    let validity = get("有效性").map(|v| {
        if v.contains('效') && !v.contains("失") && !v.contains("无") {
            Validity::Valid
        } else {
            Validity::Invalid
        }
    });
    let meta = Meta {
        title: title.clone(),
        index_number: get("索引号"),
        document_number: get("发文字号")
            .or_else(|| get("文号"))
            .or_else(|| head.document_number.clone()),
        issuer: get("发文机构")
            .or_else(|| get("发布机构"))
            .or_else(|| get("发布机关"))
            .or_else(|| get("来源")),
        category: get("信息分类")
            .or_else(|| get("主题分类"))
            .or_else(|| get("公开目录")),
        summary: get("概述"),
        written: get("成文日期").and_then(|v| meta_date(&v)),
        published: get("公开日期")
            .or_else(|| get("发布日期"))
            .or_else(|| get("发布时间"))
            .or_else(|| get("日期"))
            .and_then(|v| meta_date(&v)),
        repealed: get("废止日期")
            .or_else(|| get("失效日期"))
            .and_then(|v| meta_date(&v)),
        validity,
        fields: head
            .fields
            .iter()
            .map(|f| MetaField {
                key: f.key.clone(),
                value: f.value.clone(),
            })
            .collect(),
    };

    // The proposal.
    let opening_text = preamble.clone().unwrap_or_default();
    let about = format!("{title} {opening_text}");
    let proposal_title = between(&opening_text, '《', '》')
        .or_else(|| between(&opening_text, '“', '”'))
        .map(str::to_owned)
        .or_else(|| title_between(&opening_text));
    let proposer = addressee.as_ref().map(|a| {
        a.trim_end_matches([':', '：'])
            .trim_end_matches("委员")
            .trim_end_matches("代表")
            .trim()
            .to_owned()
    });
    let proposal = Proposal {
        kind: kind_of(&format!(
            "{about} {}",
            addressee.clone().unwrap_or_default()
        )),
        number: number_of(&opening_text)
            .or_else(|| number_of(&title))
            .or_else(|| get("建议编号")),
        session: session_of(&about).or_else(|| get("会议届次")),
        title: proposal_title,
        proposer: proposer.filter(|p| !p.is_empty()),
        result_class: head.result_class,
    };

    let mut reply = Reply {
        meta,
        proposal,
        addressee,
        preamble,
        sections,
        closing,
        signature,
        ..Reply::empty()
    };
    if reply.preamble.is_none() {
        diagnostics.push(Diagnostic {
            line: 0,
            message: "no opening line (收悉 / 答复如下) found".into(),
        });
    }
    add_facts(&mut reply, &all, &mut diagnostics);
    Conversion { reply, diagnostics }
}

fn add_facts(reply: &mut Reply, all: &[Line], diagnostics: &mut Vec<Diagnostic>) {
    let mut ids = FactIds {
        figures: 0,
        funding: 0,
        dates: 0,
    };
    let mut year = reply
        .meta
        .written
        .as_ref()
        .or(reply.meta.published.as_ref())
        .and_then(|d| d.when().start())
        .map(Point::year);
    let blocks: Vec<(String, String)> = reply
        .sections
        .iter()
        .flat_map(|s| {
            s.blocks
                .iter()
                .map(|b| (b.id().to_owned(), b.text().to_owned()))
        })
        .collect();
    for (block, text) in blocks {
        let chars: Vec<char> = text.chars().collect();
        let line = all
            .iter()
            .find(|l| {
                l.text
                    .contains(text.chars().take(12).collect::<String>().as_str())
            })
            .map_or(0, |l| l.number);
        let found = facts::find(&text, year);
        let mut last_total: Option<String> = None;
        let mut sentence_year: Option<(usize, DateRef)> = None;
        let mut block_date: Option<DateRef> = None;
        for f in found {
            let at = Anchor {
                block: block.clone(),
                start: f.start,
                end: f.end,
            };
            match f.kind {
                FoundKind::Date { date, inferred } => {
                    if let Some(y) = date.when().start().map(Point::year) {
                        year = Some(y);
                    }
                    if inferred {
                        diagnostics.push(Diagnostic {
                            line,
                            message: format!(
                                "date {:?} read as {} (year from context or digits regrouped)",
                                f.written,
                                date.when()
                                    .start()
                                    .map(|p| p.to_string())
                                    .unwrap_or_default()
                            ),
                        });
                    }
                    let after = clause_after(&chars, f.end, 8);
                    let role = match date.when() {
                        When::AsOf(_) => DateRole::AsOf,
                        When::Span(..) if f.written.starts_with('十') => DateRole::Period,
                        _ if after.contains("目标") || after.starts_with("远景") => {
                            DateRole::Target
                        }
                        _ => DateRole::Event,
                    };
                    ids.dates += 1;
                    sentence_year = Some((f.start, date.clone()));
                    if f.start == 0 {
                        block_date = Some(date.clone());
                    }
                    reply.dates.push(DateFact {
                        id: format!("d{}", ids.dates),
                        date,
                        role,
                        at,
                    });
                }
                FoundKind::Money { money, role, part } => {
                    ids.funding += 1;
                    let id = format!("m{}", ids.funding);
                    let (payer, purpose) = purpose_of(&chars, f.start, f.end);
                    // A date earlier in the same sentence is the money's year; a date opening the
                    // paragraph or initiative ("二是2023年…", "2020—2021年,…") covers all of it.
                    let sentence = chars
                        .get(..f.start)
                        .and_then(|b| b.iter().rposition(|c| *c == '。'))
                        .map_or(0, |i| i + 1);
                    let period = sentence_year
                        .as_ref()
                        .filter(|(at, _)| *at >= sentence)
                        .map(|(_, d)| d.clone())
                        .or_else(|| block_date.clone());
                    let part_of = if part { last_total.clone() } else { None };
                    if !part {
                        last_total = Some(id.clone());
                    }
                    reply.funding.push(Funding {
                        id,
                        written: f.written,
                        money,
                        role,
                        purpose,
                        payer,
                        period,
                        part_of,
                        at,
                    });
                }
                FoundKind::Figure {
                    value,
                    multiplier,
                    unit,
                    approx,
                } => {
                    ids.figures += 1;
                    let label = clause_before(&chars, f.start, 12);
                    reply.figures.push(Figure {
                        id: format!("f{}", ids.figures),
                        written: f.written,
                        value,
                        multiplier,
                        unit,
                        approx,
                        label: (!label.is_empty()).then_some(label),
                        key: false,
                        at,
                    });
                }
            }
        }
    }
    // The largest counts by full value are the key figures (at most six).
    let mut order: Vec<(usize, u128)> = reply
        .figures
        .iter()
        .enumerate()
        .filter_map(|(i, f)| Some((i, f.full_value()?.to_scaled(0).unwrap_or(0))))
        .collect();
    crate::model::order::sort_by_key(&mut order, |o| std::cmp::Reverse(o.1));
    for (i, _) in order.into_iter().take(6) {
        if let Some(f) = reply.figures.get_mut(i) {
            f.key = true;
        }
    }
}
