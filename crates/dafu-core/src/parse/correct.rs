//! Corrections an editor makes to a converted reply's header facts before publishing (the page's form,
//! `dafu convert --set KEY=VALUE`), and the header facts a reply lacks (the report's 未找到 list).
//!
//! A correction replaces one fact with what the editor typed; an empty value removes the fact. The
//! page and the CLI apply the same [`Correction`]s with [`apply`], so the same text and corrections
//! give the same JSON byte for byte. A value that cannot stand for its fact (a date that is not a
//! date) changes nothing and becomes a diagnostic ([`super::DiagnosticKind::NotCorrected`]).

use crate::model::{ProposalKind, Reply, ResultClass};

use super::{Conversion, Diagnostic, DiagnosticKind};

/// A header fact the editor can correct; the first five are the ones the report lists when missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// 文号 (`meta.document_number`).
    DocumentNumber,
    /// 办理结果, the result class A, B or C (`proposal.result_class`).
    ResultClass,
    /// 成文日期 (`meta.written`).
    Written,
    /// 承办单位, the issuer (`meta.issuer`).
    Issuer,
    /// 提案/建议编号 (`proposal.number`).
    Number,
    /// The reply's title (`meta.title`).
    Title,
    /// 公开日期 (`meta.published`).
    Published,
    /// 提案 or 建议 (`proposal.kind`).
    Kind,
    /// The proposal's title (`proposal.title`).
    ProposalTitle,
}

impl Field {
    /// Every field, in the form's order.
    pub const ALL: [Field; 9] = [
        Field::Title,
        Field::Issuer,
        Field::DocumentNumber,
        Field::Written,
        Field::Published,
        Field::Kind,
        Field::Number,
        Field::ProposalTitle,
        Field::ResultClass,
    ];

    /// The field's key, as `--set` and the page's form name it.
    pub fn key(self) -> &'static str {
        match self {
            Self::DocumentNumber => "document_number",
            Self::ResultClass => "result_class",
            Self::Written => "written",
            Self::Issuer => "issuer",
            Self::Number => "number",
            Self::Title => "title",
            Self::Published => "published",
            Self::Kind => "kind",
            Self::ProposalTitle => "proposal_title",
        }
    }

    /// The field a key names: its English key (`document_number`) or a Chinese name (`文号`).
    pub fn from_key(key: &str) -> Option<Self> {
        let key = key.trim();
        Self::ALL.into_iter().find(|f| {
            f.key() == key
                || match f {
                    Self::DocumentNumber => matches!(key, "文号" | "发文字号"),
                    Self::ResultClass => matches!(key, "办理结果" | "类别" | "答复类别"),
                    Self::Written => matches!(key, "成文日期"),
                    Self::Issuer => matches!(key, "承办单位" | "发文机构" | "办理单位"),
                    Self::Number => matches!(key, "编号" | "提案编号" | "建议编号"),
                    Self::Title => matches!(key, "标题"),
                    Self::Published => matches!(key, "公开日期" | "发布日期"),
                    Self::Kind => matches!(key, "类型" | "提案或建议"),
                    Self::ProposalTitle => matches!(key, "提案标题" | "建议标题"),
                }
        })
    }

    /// The fact's value in `reply` as the form shows it: the text as written, a date as written, the
    /// kind's key (`proposal`, `suggestion`), the class's letter; empty when the reply has none.
    pub fn value(self, reply: &Reply) -> String {
        let meta = &reply.meta;
        let proposal = &reply.proposal;
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        match self {
            Self::DocumentNumber => text(&meta.document_number),
            Self::ResultClass => proposal
                .result_class
                .map(|c| class_letter(c).to_owned())
                .unwrap_or_default(),
            Self::Written => meta
                .written
                .as_ref()
                .map(|d| d.written().to_owned())
                .unwrap_or_default(),
            Self::Issuer => text(&meta.issuer),
            Self::Number => text(&proposal.number),
            Self::Title => meta.title.clone(),
            Self::Published => meta
                .published
                .as_ref()
                .map(|d| d.written().to_owned())
                .unwrap_or_default(),
            Self::Kind => match proposal.kind {
                Some(ProposalKind::Proposal) => "proposal".to_owned(),
                Some(ProposalKind::Suggestion) => "suggestion".to_owned(),
                None => String::new(),
            },
            Self::ProposalTitle => text(&proposal.title),
        }
    }
}

fn class_letter(c: ResultClass) -> &'static str {
    match c {
        ResultClass::A => "A",
        ResultClass::B => "B",
        ResultClass::C => "C",
    }
}

/// One correction: a field and the value the editor gave it (empty: remove the fact).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Correction {
    /// Which fact.
    pub field: Field,
    /// The value, as typed.
    pub value: String,
}

impl Correction {
    /// `KEY=VALUE` as `--set` takes it (`文号=X政发〔2024〕3号`, `result_class=A`); `None` when there is
    /// no `=` or the key names no field.
    pub fn parse(arg: &str) -> Option<Self> {
        let (key, value) = arg.split_once('=')?;
        Some(Self {
            field: Field::from_key(key)?,
            value: value.to_owned(),
        })
    }
}

/// Why a correction was not made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A date field's value is not a date the header reads.
    NotADate,
    /// The kind is neither 提案 nor 建议.
    NotAKind,
    /// The result class is not A, B or C.
    NotAClass,
}

impl Refusal {
    /// The reason in English words, as the CLI prints it.
    pub fn words(self) -> &'static str {
        match self {
            Self::NotADate => "not a date",
            Self::NotAKind => "neither proposal (提案) nor suggestion (建议)",
            Self::NotAClass => "not A, B or C",
        }
    }
}

/// Applies the corrections in order to a conversion's reply; each one refused is added to its
/// diagnostics (line 0). What the page's form and `dafu convert --set` both do.
pub fn apply(conversion: &mut Conversion, corrections: &[Correction]) {
    for c in corrections {
        if let Err(why) = correct(&mut conversion.reply, c) {
            conversion.diagnostics.push(Diagnostic {
                line: 0,
                kind: DiagnosticKind::NotCorrected {
                    field: c.field,
                    value: c.value.clone(),
                    why,
                },
            });
        }
    }
}

/// Sets one fact of `reply` to the corrected value. A changed title loses the facts found in the
/// old one (their anchors would point into a text that is gone); a correction that would leave the
/// reply invalid is not made.
pub fn correct(reply: &mut Reply, c: &Correction) -> Result<(), Refusal> {
    let value = c.value.trim();
    let some = || (!value.is_empty()).then(|| value.to_owned());
    let before = reply.clone();
    match c.field {
        Field::DocumentNumber => reply.meta.document_number = some(),
        Field::Issuer => reply.meta.issuer = some(),
        Field::Number => reply.proposal.number = some(),
        Field::ProposalTitle => reply.proposal.title = some(),
        Field::Title => {
            if reply.meta.title != value {
                reply.meta.title = value.to_owned();
                let kept = |block: &str| block != "meta-title";
                reply.figures.retain(|f| kept(&f.at.block));
                reply.funding.retain(|f| kept(&f.at.block));
                reply.dates.retain(|d| kept(&d.at.block));
            }
        }
        Field::Written | Field::Published => {
            let date = if value.is_empty() {
                None
            } else {
                Some(super::header::meta_date(value).ok_or(Refusal::NotADate)?)
            };
            if c.field == Field::Written {
                reply.meta.written = date;
            } else {
                reply.meta.published = date;
            }
        }
        Field::Kind => {
            reply.proposal.kind = match value {
                "" => None,
                "proposal" | "提案" | "政协提案" => Some(ProposalKind::Proposal),
                "suggestion" | "建议" | "人大建议" | "代表建议" => {
                    Some(ProposalKind::Suggestion)
                }
                _ => return Err(Refusal::NotAKind),
            }
        }
        Field::ResultClass => {
            let bare = value.trim_end_matches('类');
            reply.proposal.result_class = match bare {
                "" => None,
                "A" | "a" | "甲" => Some(ResultClass::A),
                "B" | "b" | "乙" => Some(ResultClass::B),
                "C" | "c" | "丙" => Some(ResultClass::C),
                _ => return Err(Refusal::NotAClass),
            }
        }
    }
    // Only the title can touch an anchor, and its facts went with it; this keeps it so if a rule
    // changes. Checked only when the reply was sound before, so a correction is never blamed for
    // an older problem.
    if !reply.problems().is_empty() && before.problems().is_empty() {
        *reply = before;
    }
    Ok(())
}

/// The header facts `reply` lacks, in the report's order: 文号, 办理结果, 成文日期 (the signature's
/// date stands for it), 承办单位 (the signer stands for it), 提案/建议编号.
pub fn missing(reply: &Reply) -> Vec<Field> {
    let meta = &reply.meta;
    let signature = reply.signature.as_ref();
    let blank = |v: &Option<String>| v.as_deref().is_none_or(|v| v.trim().is_empty());
    let mut out = Vec::new();
    if blank(&meta.document_number) {
        out.push(Field::DocumentNumber);
    }
    if reply.proposal.result_class.is_none() {
        out.push(Field::ResultClass);
    }
    if meta.written.is_none() && signature.is_none_or(|s| s.date.is_none()) {
        out.push(Field::Written);
    }
    if blank(&meta.issuer) && signature.is_none_or(|s| blank(&s.signer)) {
        out.push(Field::Issuer);
    }
    if blank(&reply.proposal.number) {
        out.push(Field::Number);
    }
    out
}
