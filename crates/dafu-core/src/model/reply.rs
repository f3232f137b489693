//! The reply document: metadata, the proposal it answers, its text and the facts found in that text.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::date::DateRef;
use super::decimal::Decimal;
use super::money::{Approx, Money, MoneyRole};

/// The newest version of the reply JSON this build understands.
pub const SCHEMA_VERSION: u32 = 1;

/// Anything a producer wants to keep that dafu does not interpret.
pub type Extra = Option<Map<String, Value>>;

/// One reply (答复) to a proposal (提案) or suggestion (建议).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reply {
    /// Version of this format; 1 today. A newer version is refused, not guessed at.
    pub schema: u32,
    /// The information-disclosure header printed above the reply.
    #[serde(default)]
    pub meta: Meta,
    /// The proposal or suggestion answered.
    #[serde(default)]
    pub proposal: Proposal,
    /// Who the reply is addressed to (`张三代表:`), as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addressee: Option<String>,
    /// The opening (`您提出的《…》已收悉…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preamble: Option<String>,
    /// The numbered sections of the body, in order.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// The closing paragraphs (thanks, commitment, contact).
    #[serde(default)]
    pub closing: Vec<String>,
    /// The signature block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<Signature>,
    /// Attachments and sources the reply links to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
    /// Numbers found in the text.
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// Money found in the text.
    #[serde(default)]
    pub funding: Vec<Funding>,
    /// Dates found in the text.
    #[serde(default)]
    pub dates: Vec<DateFact>,
    /// Anything else, kept but not shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra: Extra,
}

impl Reply {
    /// A reply of the current schema with nothing in it.
    pub fn empty() -> Self {
        Reply {
            schema: SCHEMA_VERSION,
            meta: Meta::default(),
            proposal: Proposal::default(),
            addressee: None,
            preamble: None,
            sections: Vec::new(),
            closing: Vec::new(),
            signature: None,
            attachments: Vec::new(),
            figures: Vec::new(),
            funding: Vec::new(),
            dates: Vec::new(),
            extra: None,
        }
    }
}

/// A file or page the reply links to (附件, 来源).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    /// What it is, as written.
    pub title: String,
    /// Where it is, as given; shown as a link only when [`Attachment::safe_url`] allows.
    pub url: String,
}

impl Attachment {
    /// The URL, if it is an absolute http(s) URL without spaces or control characters; anything else
    /// (`javascript:`, `data:`, relative paths) is never made a link.
    pub fn safe_url(&self) -> Option<&str> {
        let url = self.url.trim();
        let lower = url.to_ascii_lowercase();
        let http = lower.starts_with("https://") || lower.starts_with("http://");
        let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control());
        (http && clean && url.len() > "https://".len()).then_some(url)
    }
}

/// Whether a document is in force (有效性).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Validity {
    /// 有效
    Valid,
    /// 失效 / 废止
    Invalid,
}

/// One header field exactly as printed: `索引号` / `01165940-9/2023-00001`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MetaField {
    /// The label as printed.
    pub key: String,
    /// The value as printed; placeholders such as `———` are kept.
    pub value: String,
}

/// The information-disclosure header: every field as printed, plus the ones with a type.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// The page title (`关于政协提案的答复`).
    #[serde(default)]
    pub title: String,
    /// 索引号
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index_number: Option<String>,
    /// 发文字号 (`〔2021〕69号`); absent when printed empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_number: Option<String>,
    /// 发文机构
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// 信息分类 / 主题分类
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// 概述
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// 成文日期
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written: Option<DateRef>,
    /// 公开日期 / 发布日期
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<DateRef>,
    /// 废止日期
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repealed: Option<DateRef>,
    /// 有效性
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validity: Option<Validity>,
    /// Every header field in printed order, as written.
    #[serde(default)]
    pub fields: Vec<MetaField>,
}

/// Which kind of text the reply answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProposalKind {
    /// 政协提案 (CPPCC proposal)
    Proposal,
    /// 人大建议 (NPC deputy's suggestion)
    Suggestion,
}

/// How the proposer's request was settled (答复类别).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum ResultClass {
    /// A: solved or adopted.
    A,
    /// B: being solved or planned.
    B,
    /// C: kept for reference.
    C,
}

/// The proposal or suggestion answered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    /// 提案 or 建议.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ProposalKind>,
    /// The number as written, leading zeros kept (`153`, `01926`, `6.11`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// 会议届次 (`十四届一次会议`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
    /// The title without its quotation marks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The member or deputy who made it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposer: Option<String>,
    /// A, B or C.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result_class: Option<ResultClass>,
}

/// A numbered part of the body (`一、关于…方面`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Unique id within the reply, used by facts and links (`s2`).
    pub id: String,
    /// The numeral as written (`一、`, `(一)`, `1.`); empty when unnumbered.
    #[serde(default)]
    pub numeral: String,
    /// The heading text after the numeral.
    pub heading: String,
    /// Paragraphs and initiatives in reading order.
    #[serde(default)]
    pub blocks: Vec<Block>,
}

/// Whether an initiative reports what was done or promises what comes next (下一步, 将…).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Work done.
    #[default]
    Done,
    /// A next step, promised.
    Next,
}

/// A piece of a section's body.
///
/// In JSON it is one flat object with a `kind` (rather than serde's internally tagged enum, which
/// buffers the object and so loses the path and line of any error inside it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(into = "BlockRepr")]
#[schemars(with = "BlockRepr")]
pub enum Block {
    /// Running text that is not one of the 一是… items.
    Paragraph {
        /// Unique id within the reply (`s2-p1`).
        id: String,
        /// The text.
        text: String,
    },
    /// One 一是 / 二是 / (一) item.
    Initiative {
        /// Unique id within the reply (`s2-i1`).
        id: String,
        /// The ordinal as written (`一是`, `1.`).
        ordinal: String,
        /// The short lead sentence, when the item has one (`面向干部实施示范工程。`).
        headline: Option<String>,
        /// The rest of the item.
        text: String,
        /// Done or next step.
        stage: Stage,
    },
}

/// The two kinds of [`Block`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// Running text.
    Paragraph,
    /// A 一是 / 二是 item.
    Initiative,
}

/// The JSON form of [`Block`].
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BlockRepr {
    /// `paragraph` or `initiative`.
    pub kind: BlockKind,
    /// Unique id within the reply (`s2-i1`).
    pub id: String,
    /// Initiatives only: the ordinal as written (`一是`, `1.`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordinal: Option<String>,
    /// Initiatives only: the short lead sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    /// The text facts point into (for an initiative, the text after its headline).
    pub text: String,
    /// Initiatives only: `done` (default) or `next`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::de::checked_object::<_, BlockRepr, _, _>(
            d,
            "a block object with a `kind`",
            Block::try_from,
        )
    }
}

impl TryFrom<BlockRepr> for Block {
    type Error = String;
    fn try_from(r: BlockRepr) -> Result<Self, Self::Error> {
        match r.kind {
            BlockKind::Paragraph => {
                if r.ordinal.is_some() || r.headline.is_some() || r.stage.is_some() {
                    return Err("a paragraph has no `ordinal`, `headline` or `stage`; use kind \"initiative\"".into());
                }
                Ok(Block::Paragraph {
                    id: r.id,
                    text: r.text,
                })
            }
            BlockKind::Initiative => match r.ordinal {
                Some(ordinal) if !ordinal.trim().is_empty() => Ok(Block::Initiative {
                    id: r.id,
                    ordinal,
                    headline: r.headline,
                    text: r.text,
                    stage: r.stage.unwrap_or_default(),
                }),
                _ => Err("an initiative needs its `ordinal` as written, such as \"一是\"".into()),
            },
        }
    }
}

impl From<Block> for BlockRepr {
    fn from(b: Block) -> Self {
        match b {
            Block::Paragraph { id, text } => BlockRepr {
                kind: BlockKind::Paragraph,
                id,
                ordinal: None,
                headline: None,
                text,
                stage: None,
            },
            Block::Initiative {
                id,
                ordinal,
                headline,
                text,
                stage,
            } => BlockRepr {
                kind: BlockKind::Initiative,
                id,
                ordinal: Some(ordinal),
                headline,
                text,
                stage: Some(stage),
            },
        }
    }
}

impl Block {
    /// The block's id.
    pub fn id(&self) -> &str {
        match self {
            Self::Paragraph { id, .. } | Self::Initiative { id, .. } => id,
        }
    }

    /// The text facts point into (for an initiative, the text after its headline).
    pub fn text(&self) -> &str {
        match self {
            Self::Paragraph { text, .. } | Self::Initiative { text, .. } => text,
        }
    }
}

/// The signature at the end: who and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// The signing body as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer: Option<String>,
    /// The date as written and placed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DateRef>,
    /// Contact lines (联系人, 联系电话).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contact: Vec<String>,
}

/// Where a fact stands: a text of the reply and a range of characters (Unicode scalar values) in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    /// The text: a paragraph's or initiative's id, or the name of one of the reply's other texts:
    /// `meta-title` (the header's title), `meta-<n>` (the value of the n-th header field, from 1),
    /// `preamble`, `heading-<section id>`, `closing-<n>` (the n-th closing paragraph), `signature`
    /// (the signer line), `signature-date` (the signature's date as written) or `contact-<n>` (the
    /// n-th contact line). These names are reserved: no section, block or fact may take one as its id.
    pub block: String,
    /// First character, counted from 0.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// Which of a reply's texts an anchor names ([`Anchor::block`]): a paragraph or initiative by its id,
/// or one of the reply's other texts by a fixed name. The fixed names are reserved: no section, block
/// or fact may take one as its id (validation refuses it), so a name never means two texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextId<'a> {
    /// The reply's title, as the header gives it (`meta-title`).
    Title,
    /// The value of a header field, counted from 1 (`meta-3`).
    Meta(usize),
    /// The opening (`preamble`).
    Preamble,
    /// A section's heading, by the section's id (`heading-s2`).
    Heading(&'a str),
    /// A paragraph or initiative, by its id (`s2-p1`).
    Block(&'a str),
    /// A closing paragraph, counted from 1 (`closing-1`).
    Closing(usize),
    /// The signer line (`signature`).
    Signer,
    /// The signature's date as written (`signature-date`).
    SignatureDate,
    /// A contact line, counted from 1 (`contact-1`).
    Contact(usize),
}

impl<'a> TextId<'a> {
    /// Reads an anchor's text name. `None` for a reserved name that names nothing: a numbered name
    /// whose number is not written `1`, `2`, … (`closing-0`, `meta-01`, `contact-x`).
    pub fn parse(id: &'a str) -> Option<Self> {
        /// `1`, `2`, …: digits only, no leading zero.
        fn ordinal(n: &str) -> Option<usize> {
            let canonical = n.bytes().all(|b| b.is_ascii_digit()) && !n.starts_with('0');
            n.parse().ok().filter(|_| canonical)
        }
        Some(match id {
            "preamble" => Self::Preamble,
            "signature" => Self::Signer,
            "signature-date" => Self::SignatureDate,
            _ => {
                if let Some(section) = id.strip_prefix("heading-") {
                    Self::Heading(section)
                } else if let Some(n) = id.strip_prefix("closing-") {
                    Self::Closing(ordinal(n)?)
                } else if let Some(n) = id.strip_prefix("contact-") {
                    Self::Contact(ordinal(n)?)
                } else if let Some(n) = id.strip_prefix("meta-") {
                    if n == "title" {
                        Self::Title
                    } else {
                        Self::Meta(ordinal(n)?)
                    }
                } else {
                    Self::Block(id)
                }
            }
        })
    }

    /// Is `id` one of the fixed names (or of their forms: `heading-…`, `closing-…`, `contact-…`,
    /// `meta-…`), which no section, block or fact may take?
    pub fn is_reserved(id: &str) -> bool {
        !matches!(TextId::parse(id), Some(TextId::Block(_)))
    }

    /// Is this one of the reply's own texts (the title, the header's values, the signer line, the
    /// signature's date), whose dates are the document's rather than events it reports?
    pub fn is_own(self) -> bool {
        matches!(
            self,
            Self::Title | Self::Meta(_) | Self::Signer | Self::SignatureDate
        )
    }
}

impl std::fmt::Display for TextId<'_> {
    /// The name as an anchor writes it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Title => f.write_str("meta-title"),
            Self::Meta(n) => write!(f, "meta-{n}"),
            Self::Preamble => f.write_str("preamble"),
            Self::Heading(section) => write!(f, "heading-{section}"),
            Self::Block(id) => f.write_str(id),
            Self::Closing(n) => write!(f, "closing-{n}"),
            Self::Signer => f.write_str("signature"),
            Self::SignatureDate => f.write_str("signature-date"),
            Self::Contact(n) => write!(f, "contact-{n}"),
        }
    }
}

/// A number in the text: `1531期`, `25万人次`, `820余万次`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// Unique id within the reply.
    pub id: String,
    /// The figure exactly as written; must equal the anchored text.
    pub written: String,
    /// The number before any 万/亿 multiplier.
    pub value: Decimal,
    /// 万 or 亿 when written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multiplier: Option<Multiplier>,
    /// The measure word or unit (`期`, `人次`, `公里`).
    pub unit: String,
    /// A hedge such as 余.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approx: Option<Approx>,
    /// What is counted, in a few words (`培训干部职工`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// A headline number for the key-figures strip.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub key: bool,
    /// Where it stands.
    pub at: Anchor,
}

/// 万 (10⁴) or 亿 (10⁸) written after a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Multiplier {
    /// 万
    #[serde(rename = "万")]
    Wan,
    /// 亿
    #[serde(rename = "亿")]
    Yi,
}

impl Multiplier {
    /// The power of ten.
    pub fn exponent(self) -> u32 {
        match self {
            Self::Wan => 4,
            Self::Yi => 8,
        }
    }
}

impl Figure {
    /// The full value with its multiplier applied (`25万` → `250000`).
    pub fn full_value(&self) -> Option<Decimal> {
        self.value
            .shift_left(self.multiplier.map_or(0, Multiplier::exponent))
    }
}

/// Money in the text: `305.29万元` with what it is for and who pays.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Funding {
    /// Unique id within the reply.
    pub id: String,
    /// The amount exactly as written; must equal the anchored text.
    pub written: String,
    /// The exact amount.
    pub money: Money,
    /// Allocated, obtained, requested, refused, a loan or planned.
    #[serde(default)]
    pub role: MoneyRole,
    /// What it is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    /// Who pays (`市政府`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payer: Option<String>,
    /// The year or period it belongs to, when the text says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<DateRef>,
    /// The id of the total this is a 其中 part of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    /// Where it stands.
    pub at: Anchor,
}

/// What a date in the text means.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DateRole {
    /// When something happened or happens.
    #[default]
    Event,
    /// The point at which figures were counted (截至).
    AsOf,
    /// A plan period (十四五).
    Period,
    /// A goal year (2035年远景目标).
    Target,
    /// The document's own date: a date in the title or the header (成文日期, 发布日期), or the
    /// signature's. The reply's dates, not events it reports: the timeline leaves them out.
    Document,
}

/// A date in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DateFact {
    /// Unique id within the reply.
    pub id: String,
    /// The date; its `written` must equal the anchored text.
    pub date: DateRef,
    /// What the date means.
    #[serde(default)]
    pub role: DateRole,
    /// Where it stands.
    pub at: Anchor,
}

impl Reply {
    /// Calls `f` on every text of the reply, in place, in the order of the keys of its JSON form
    /// (sorted, as `serde_json` keeps them), depth first: every string the JSON holds except the
    /// names dafu gives (ids, anchors' text names, `part_of`), the schema's value names (kinds,
    /// roles, stages, units, hedges) and dates' calendar points, which are never cut from a text.
    /// A date's or a rate's text that `f` leaves empty is kept as it was (neither may be empty).
    pub fn texts_mut(&mut self, f: &mut impl FnMut(&mut String)) {
        let opt = |v: &mut Option<String>, f: &mut dyn FnMut(&mut String)| {
            if let Some(s) = v.as_mut() {
                f(s);
            }
        };
        opt(&mut self.addressee, f);
        for a in &mut self.attachments {
            f(&mut a.title);
            f(&mut a.url);
        }
        self.closing.iter_mut().for_each(&mut *f);
        for d in &mut self.dates {
            date_text(&mut d.date, f);
        }
        if let Some(extra) = self.extra.as_mut() {
            // Depth first in order, with an explicit stack so that deep nesting cannot overflow ours.
            let mut stack: Vec<&mut Value> = extra.values_mut().rev().collect();
            while let Some(v) = stack.pop() {
                match v {
                    Value::String(s) => f(s),
                    Value::Array(a) => stack.extend(a.iter_mut().rev()),
                    Value::Object(o) => stack.extend(o.values_mut().rev()),
                    _ => {}
                }
            }
        }
        for x in &mut self.figures {
            opt(&mut x.label, f);
            f(&mut x.unit);
            f(&mut x.written);
        }
        for x in &mut self.funding {
            if let Some(per) = x.money.per() {
                let mut s = per.to_owned();
                f(&mut s);
                if s != per {
                    if let Ok(money) = x.money.clone().with_per(Some(s)) {
                        x.money = money;
                    }
                }
            }
            opt(&mut x.payer, f);
            if let Some(d) = x.period.as_mut() {
                date_text(d, f);
            }
            opt(&mut x.purpose, f);
            f(&mut x.written);
        }
        let m = &mut self.meta;
        opt(&mut m.category, f);
        opt(&mut m.document_number, f);
        for field in &mut m.fields {
            f(&mut field.key);
            f(&mut field.value);
        }
        opt(&mut m.index_number, f);
        opt(&mut m.issuer, f);
        for d in [&mut m.published, &mut m.repealed] {
            if let Some(d) = d.as_mut() {
                date_text(d, f);
            }
        }
        opt(&mut m.summary, f);
        f(&mut m.title);
        if let Some(d) = m.written.as_mut() {
            date_text(d, f);
        }
        opt(&mut self.preamble, f);
        let p = &mut self.proposal;
        opt(&mut p.number, f);
        opt(&mut p.proposer, f);
        opt(&mut p.session, f);
        opt(&mut p.title, f);
        for s in &mut self.sections {
            for b in &mut s.blocks {
                match b {
                    Block::Paragraph { text, .. } => f(text),
                    Block::Initiative {
                        ordinal,
                        headline,
                        text,
                        ..
                    } => {
                        opt(headline, f);
                        f(ordinal);
                        f(text);
                    }
                }
            }
            f(&mut s.heading);
            f(&mut s.numeral);
        }
        if let Some(sig) = self.signature.as_mut() {
            sig.contact.iter_mut().for_each(&mut *f);
            if let Some(d) = sig.date.as_mut() {
                date_text(d, f);
            }
            opt(&mut sig.signer, f);
        }
    }
}

/// Calls `f` on a date's text as written, keeping the date as it was if the new text is empty.
fn date_text(d: &mut DateRef, f: &mut impl FnMut(&mut String)) {
    let mut written = d.written().to_owned();
    f(&mut written);
    if written != d.written() {
        if let Ok(new) = DateRef::new(written, d.when()) {
            *d = new;
        }
    }
}

/// Where the date that identifies a reply comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentDate {
    /// The header's 成文日期.
    Written,
    /// The signature's date, when the header gives no 成文日期.
    Signed,
}

impl Reply {
    /// The date that identifies the reply, and where it comes from: the header's 成文日期, else the
    /// signature's date. `None` when the reply has neither.
    pub fn document_date(&self) -> Option<(DocumentDate, &DateRef)> {
        self.meta
            .written
            .as_ref()
            .map(|d| (DocumentDate::Written, d))
            .or_else(|| {
                let date = self.signature.as_ref()?.date.as_ref()?;
                Some((DocumentDate::Signed, date))
            })
    }

    /// Does the reply open its body at once? Yes when the body is one unnumbered section (a reply
    /// written as plain paragraphs): a reader on a phone should not have to open the only section
    /// there is.
    pub fn opens_by_default(&self) -> bool {
        matches!(self.sections.as_slice(), [only] if only.numeral.is_empty())
    }
}
