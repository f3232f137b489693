//! What each fact means where it stands. `facts.rs` finds what is written and where; this module reads
//! the words around each fact and gives it every interpretation the reply records, in one place:
//!
//! - **date role** ([`date_role`]): 截至 → as of; a 十X五 or 第十X个五年 span → period; an until
//!   written `到…` or `…底前` → target (a deadline); 目标 in the words after it (at most eight
//!   characters, within its clause), or 远景 right after → target; else event;
//! - **money role** ([`money_role`]): in the money's clause (between `。` `;` `；` `,` `，`), first
//!   that applies: 贷款 / 借款 / 欠款 / 债务 → loan; 未获 / 未批准 / 不予 / 未能获 in the clause or
//!   the twelve characters after (within the sentence) → refused; 争取到 / 申请到 / 获得 / 获批 / 争得
//!   → obtained; 申请 / 争取 / 申报 without 下达 / 到位 / 拨付 / 落实 → requested; 拟 / 预计 / 概算 /
//!   估算 / 匡算 / 测算 / 需, or 计划 used as a verb (计划投资, 计划于; not 投资计划), not inside 拟定 /
//!   草拟 / 模拟 / 虚拟 / 无需 / 不需 → planned; a clause with no role word at all takes planned from
//!   an earlier clause of its sentence (`拟建设道路500米,按120万元/公里`), and a 其中 part whose
//!   clause has none takes its total's role; else allocated;
//! - **parent** (a 其中 part): money after `其中` in its sentence (since the last `。`) is a part of
//!   the block's last money that was not itself a part; a total written after its parts (合计, 共计,
//!   总计, 总共, 一共, 总投资, 总额, 总金额 or 累计 in the eight characters before it) is the parent of
//!   the last two to twelve plain amounts of its sentence, with its role, that are neither parts nor
//!   totals, when they add up to it exactly;
//! - **purpose and payer** ([`purpose_of`]): the words before the amount (back to a clause end, a colon
//!   or `、`, at most 40 characters, without a leading 其中), split at the first verb (统筹拨付, 拨付,
//!   安排, 投入, 下达, 落实, 争取, 申请): the words before it pay when at most eight characters, the
//!   words after it are the purpose, without a leading date, 为 or 用于. With fewer than two characters
//!   left, the purpose is the words after the amount when they start 用于 or 专项用于, else the words
//!   before the previous clause end of the same sentence (at most 30 characters), else the words after
//!   (at most 30, within the clause), without a leading 同时, 专项 or 用于: never words of another
//!   sentence;
//! - **period**: the last date earlier in the money's sentence, else a date opening the block
//!   (`二是2023年…`);
//! - **figure label**: the words before the figure (back to a clause end, a colon or `、`, at most
//!   twelve characters);
//! - **key figures** ([`mark_key_figures`]): the six largest figures by full value, ties in reading
//!   order.
//!
//! Facts are read in order, and what the text before a fact says (the last clause and sentence ends,
//! the last 其中, the role words of the current clause, whether an earlier clause of the sentence is
//! planned) is carried along in a [`Context`], so a block's
//! text is read a bounded number of times however many facts it holds; everything else looks at a few
//! characters around the fact.

use std::sync::LazyLock;

use crate::model::date::Point;
use crate::model::{
    Anchor, DateFact, DateRef, DateRole, Figure, Funding, MoneyRole, Reply, TextId, When,
};

use super::facts::{self, Kind};
use super::{Diagnostic, DiagnosticKind, WordSet};

/// Ends a clause: where a money's role is read, and where the clause before a money starts.
fn ends_clause(c: char) -> bool {
    matches!(c, '。' | ';' | '；' | ',' | '，' | '\n')
}

/// Ends a sentence: where a 其中 stops applying and a date stops being a money's period.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '\n')
}

/// Ends the words right before a fact that name it (a label, a purpose): a clause end, a colon or `、`.
fn ends_label(c: char) -> bool {
    matches!(c, '。' | ';' | '；' | ',' | '，' | ':' | '：' | '、')
}

/// Ends the words right after a fact.
fn ends_words_after(c: char) -> bool {
    matches!(c, '。' | ';' | '；' | ',' | '，')
}

/// The words before `start` up to a label end, at most `max` characters, trimmed.
fn words_before(chars: &[char], start: usize, max: usize) -> String {
    let window = start.saturating_sub(max);
    let from = chars
        .get(window..start)
        .and_then(|b| b.iter().rposition(|c| ends_label(*c)))
        .map_or(window, |i| window + i + 1);
    chars
        .get(from..start)
        .map(|w| super::string_of(trim_chars(w)))
        .unwrap_or_default()
}

/// `chars` without the whitespace at either end (what `str::trim` takes off), so that a string is
/// made once, already trimmed.
fn trim_chars(chars: &[char]) -> &[char] {
    let start = chars.iter().take_while(|c| c.is_whitespace()).count();
    let rest = chars.get(start..).unwrap_or(&[]);
    let end = rest.len() - rest.iter().rev().take_while(|c| c.is_whitespace()).count();
    rest.get(..end).unwrap_or(&[])
}

/// The words after `end` up to the end of its clause, at most `max` characters, trimmed.
fn words_after(chars: &[char], end: usize, max: usize) -> String {
    let window = (end + max).min(chars.len());
    let to = chars
        .get(end..window)
        .and_then(|a| a.iter().position(|c| ends_words_after(*c)))
        .map_or(window, |i| end + i);
    chars
        .get(end..to)
        .map(|w| super::string_of(trim_chars(w)))
        .unwrap_or_default()
}

/// The words that decide a money's role, as present or not in a stretch of text. A new role is a word
/// list here, a field, and its place in [`money_role`]'s order; the words are looked up once per
/// clause, whatever the number of amounts in it.
#[derive(Clone, Copy, Debug, Default)]
struct RoleWords {
    loan: bool,
    refused: bool,
    obtained: bool,
    requested: bool,
    granted: bool,
    planned: bool,
    allocated: bool,
}

const LOAN: [&str; 4] = ["贷款", "借款", "欠款", "债务"];
const REFUSED: [&str; 4] = ["未获", "未批准", "不予", "未能获"];
const OBTAINED: [&str; 5] = ["争取到", "申请到", "获得", "获批", "争得"];
const REQUESTED: [&str; 3] = ["申请", "争取", "申报"];
const GRANTED: [&str; 4] = ["下达", "到位", "拨付", "落实"];
/// Money foreseen: 拟, 预计, 概算, 估算, money needed (需, 所需), and 计划 used as a verb (计划投资,
/// 计划于); 计划 as a noun (投资计划) says nothing.
const PLANNED: [&str; 28] = [
    "拟",
    "预计",
    "概算",
    "估算",
    "匡算",
    "测算",
    // 需 alone is in 需要, 需求, 急需, 所需 ("所需资金已到位"): only the forms that foresee money.
    "需投入",
    "需投资",
    "需资金",
    "需要资金",
    "需要投入",
    "需要投资",
    "尚需",
    "还需",
    "仍需",
    "共需",
    "约需",
    "预需",
    "计划投资",
    "计划投入",
    "计划安排",
    "计划总投资",
    "计划建设",
    "计划实施",
    "计划新建",
    "计划改造",
    "计划于",
    "计划在",
];
/// Words holding a planned word that say nothing of the future (拟定 a plan, 无需 money).
const NOT_PLANNED: [&str; 7] = ["拟定", "草拟", "模拟", "虚拟", "无需", "不需", "所需"];
/// Words that say the money was given or spent, so that the clause does not take the planned mood
/// of the clause before it.
const ALLOCATED: [&str; 8] = [
    "安排",
    "投入",
    "补助",
    "完成投资",
    "划拨",
    "支出",
    "已",
    "累计",
];

/// Is one of `words` wholly inside `chars`?
fn has_word(chars: &[char], words: &WordSet) -> bool {
    words.any_in(chars)
}

/// The word lists above, made ready for [`has_word`].
static LOAN_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&LOAN));
static REFUSED_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&REFUSED));
static OBTAINED_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&OBTAINED));
static REQUESTED_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&REQUESTED));
static GRANTED_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&GRANTED));
static PLANNED_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&PLANNED));
static NOT_PLANNED_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&NOT_PLANNED));
static ALLOCATED_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&ALLOCATED));
static TOTAL_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&TOTAL_WORDS));

impl RoleWords {
    /// The role words wholly inside `chars`.
    fn in_text(chars: &[char]) -> Self {
        let has = |words: &WordSet| has_word(chars, words);
        Self {
            loan: has(&LOAN_SET),
            refused: has(&REFUSED_SET),
            obtained: has(&OBTAINED_SET),
            requested: has(&REQUESTED_SET),
            granted: has(&GRANTED_SET),
            planned: Self::planned_in(chars),
            allocated: has(&ALLOCATED_SET),
        }
    }

    /// [`RoleWords::in_text`]'s `planned` alone: the only word a clause passed over needs.
    fn planned_in(chars: &[char]) -> bool {
        if has_word(chars, &NOT_PLANNED_SET) {
            // Taking a word out can join its neighbours into a planned word: the slow way.
            let mut rest: String = chars.iter().collect();
            for w in NOT_PLANNED {
                rest = rest.replace(w, "");
            }
            PLANNED.iter().any(|w| rest.contains(w))
        } else {
            has_word(chars, &PLANNED_SET)
        }
    }

    /// Does the clause say anything about what its money is?
    fn says_anything(self) -> bool {
        self.loan
            || self.refused
            || self.obtained
            || self.requested
            || self.granted
            || self.planned
            || self.allocated
    }
}

/// A money's role from the words of its clause and the few characters after it; a clause that says
/// nothing takes the planned mood of an earlier clause of its sentence (`拟建设道路500米,按120万元/公里`).
fn money_role(clause: RoleWords, after: RoleWords, planned_sentence: bool) -> MoneyRole {
    if clause.loan {
        MoneyRole::Loan
    } else if clause.refused || after.refused {
        MoneyRole::Refused
    } else if clause.obtained {
        MoneyRole::Obtained
    } else if clause.requested && !clause.granted {
        MoneyRole::Requested
    } else if clause.planned || (planned_sentence && !clause.says_anything()) {
        MoneyRole::Planned
    } else {
        MoneyRole::Allocated
    }
}

/// A date's role from its form and the words right after it.
fn date_role(date: &DateRef, after: &str) -> DateRole {
    let written = date.written();
    match date.when() {
        When::AsOf(_) => DateRole::AsOf,
        When::Span(..) if written.starts_with('十') || written.starts_with("第十") => {
            DateRole::Period
        }
        // A deadline: 到2030年, 2020年11月底前.
        When::Until(_) if written.starts_with('到') || written.ends_with("底前") => {
            DateRole::Target
        }
        _ if after.contains("目标") || after.starts_with("远景") => DateRole::Target,
        _ => DateRole::Event,
    }
}

/// `2017年通过贷款` → `通过贷款`: a date at the start of a purpose is the money's period, not its purpose.
fn strip_leading_date(text: &str) -> String {
    // Every date form starts with a digit, 截, 自 or 十: anything else needs no search.
    if !text
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, '截' | '自' | '十'))
    {
        return text.to_owned();
    }
    match facts::find(text, None).first() {
        Some(f) if f.start == 0 && matches!(f.kind, Kind::Date { .. }) => text
            .chars()
            .skip(f.end)
            .collect::<String>()
            .trim_start_matches([',', '，'])
            .trim()
            .to_owned(),
        _ => text.to_owned(),
    }
}

/// Who pays and what for, from the words around the amount at `start..end`: `市政府统筹拨付…工作经费
/// 305.29万元` gives payer 市政府 and purpose `…工作经费`. `clause_end` is the end of the clause
/// before the amount's, if any.
fn purpose_of(
    chars: &[char],
    start: usize,
    end: usize,
    clause_end: Option<usize>,
) -> (Option<String>, Option<String>) {
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
    let before = words_before(chars, start, 40);
    let before = before.trim_start_matches("其中").trim();
    let (mut payer, mut purpose) = (None, before);
    if let Some((verb_at, verb)) = VERBS
        .iter()
        .filter_map(|v| super::find_word(before, v).map(|i| (i, *v)))
        .min_by_key(|(i, _)| *i)
    {
        let who = before.get(..verb_at).unwrap_or("").trim();
        if !who.is_empty() && who.chars().count() <= 8 {
            payer = Some(who.to_owned());
        }
        purpose = before.get(verb_at + verb.len()..).unwrap_or("").trim();
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
    let after = words_after(chars, end, 30);
    let previous = clause_end
        .map(|e| words_before(chars, e, 30))
        .unwrap_or_default();
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

/// What the text before a position says, brought up to date as a block's facts are read in order.
struct Context<'a> {
    chars: &'a [char],
    /// Every character before this one has been looked at.
    seen: usize,
    /// The last clause end before `seen`.
    clause_end: Option<usize>,
    /// Just after the last sentence end before `seen`.
    sentence_start: usize,
    /// Where the last 其中 wholly before `seen` starts.
    qizhong: Option<usize>,
    /// The clause last asked about: its start, its end and its role words.
    clause: Option<(usize, usize, RoleWords)>,
    /// Does a clause wholly before `seen`, in the current sentence, say its money is foreseen (拟,
    /// 计划投资, 预计)?
    planned_sentence: bool,
    /// Characters looked at.
    steps: u64,
}

impl<'a> Context<'a> {
    fn new(chars: &'a [char]) -> Self {
        Self {
            chars,
            seen: 0,
            clause_end: None,
            sentence_start: 0,
            qizhong: None,
            clause: None,
            planned_sentence: false,
            steps: 0,
        }
    }

    /// Looks at the characters up to `to` (never backwards).
    fn advance(&mut self, to: usize) {
        let to = to.min(self.chars.len());
        for k in self.seen..to {
            let Some(&c) = self.chars.get(k) else { break };
            if ends_clause(c) {
                // Each clause's words are read once, when its end is passed.
                let from = self.clause_end.map_or(0, |e| e + 1);
                let clause = self.chars.get(from..k).unwrap_or(&[]);
                self.planned_sentence |= RoleWords::planned_in(clause);
                self.steps += clause.len() as u64;
                self.clause_end = Some(k);
            }
            if ends_sentence(c) {
                self.sentence_start = k + 1;
                self.planned_sentence = false;
            }
            if c == '中' && k > 0 && self.chars.get(k - 1) == Some(&'其') {
                self.qizhong = Some(k - 1);
            }
        }
        self.steps += to.saturating_sub(self.seen) as u64;
        self.seen = self.seen.max(to);
    }

    /// Is there a 其中 earlier in the sentence?
    fn after_qizhong(&self) -> bool {
        self.qizhong.is_some_and(|q| q >= self.sentence_start)
    }

    /// The role words of the clause around a fact that ends at `end` (the context has reached its
    /// start). Read once per clause: the facts of one clause share them.
    fn clause_words(&mut self, end: usize) -> RoleWords {
        let from = self.clause_end.map_or(0, |e| e + 1);
        if let Some((start, to, words)) = self.clause {
            if start == from && to >= end {
                return words;
            }
        }
        let to = self
            .chars
            .get(end..)
            .and_then(|a| a.iter().position(|c| ends_clause(*c)))
            .map_or(self.chars.len(), |i| end + i);
        let words = RoleWords::in_text(self.chars.get(from..to).unwrap_or(&[]));
        self.steps += (to.saturating_sub(from) + to.saturating_sub(end)) as u64;
        self.clause = Some((from, to, words));
        words
    }
}

/// The facts of a reply under construction, with the year the next year-less date belongs to.
struct Facts {
    figures: Vec<Figure>,
    funding: Vec<Funding>,
    dates: Vec<DateFact>,
    year: Option<i32>,
    /// The year the reply was written (its date written, else its signature's, else its
    /// publication's): the year of `今年`.
    this_year: Option<i32>,
    steps: u64,
}

/// A text the facts are read in: a block or another of the reply's texts, by its anchor name.
pub struct Reading {
    /// The anchor name (`s2-p1`, `preamble`, `closing-1`, `meta-3`; see [`TextId`]).
    pub at: String,
    /// Its 1-based line in the input, for diagnostics.
    pub line: usize,
    /// Where the text is, so that it is found without looking its name up.
    pub place: Place,
}

/// Where a [`Reading`]'s text is in the reply.
#[derive(Clone, Copy, Debug)]
pub enum Place {
    /// The block of this index in the section of this index.
    Block(usize, usize),
    /// The heading of the section of this index.
    Heading(usize),
    /// A text outside the sections, found by its name.
    Named,
}

impl Reading {
    /// The text read: what the reply's anchor of this name holds (section and block ids are
    /// unique, so the index names the same text).
    fn text<'r>(&self, reply: &'r Reply) -> Option<&'r str> {
        match self.place {
            Place::Block(s, b) => reply
                .sections
                .get(s)
                .and_then(|s| s.blocks.get(b))
                .map(|b| b.text()),
            Place::Heading(s) => reply.sections.get(s).map(|s| s.heading.as_str()),
            Place::Named => reply.anchor_text(&self.at),
        }
    }
}

/// Finds and reads the facts of each text in `texts`, in that order (reading order: the year of a
/// date without one comes from the dates before it). In the reply's own texts (the title, a header
/// value, the signer line, the signature's date) only dates are read, and they are the document's dates
/// ([`DateRole::Document`]): a page's view count is no figure. Returns the characters looked at by
/// the fact finder and this module.
pub fn add_facts(reply: &mut Reply, texts: &[Reading], diagnostics: &mut Vec<Diagnostic>) -> u64 {
    let year = reply
        .meta
        .written
        .as_ref()
        .or(reply.meta.published.as_ref())
        .and_then(|d| d.when().start())
        .map(Point::year);
    let this_year = [
        reply.meta.written.as_ref(),
        reply.signature.as_ref().and_then(|s| s.date.as_ref()),
        reply.meta.published.as_ref(),
    ]
    .into_iter()
    .flatten()
    .find_map(|d| d.when().start())
    .map(Point::year);
    let mut facts = Facts {
        figures: Vec::new(),
        funding: Vec::new(),
        dates: Vec::new(),
        year,
        this_year,
        steps: 0,
    };
    let signed = reply.signature.as_ref().and_then(|s| s.date.as_ref());
    for t in texts {
        // Only a text outside the sections can be one of the reply's own.
        let id = match t.place {
            Place::Named => TextId::parse(&t.at),
            Place::Block(..) | Place::Heading(_) => None,
        };
        match (id, signed) {
            // The signature's date is one date, read where the signature was: anchored whole.
            (Some(TextId::SignatureDate), Some(date)) => facts.whole_date(&t.at, date),
            _ => {
                if let Some(text) = t.text(reply) {
                    let own = id.is_some_and(TextId::is_own);
                    read_block(&t.at, text, t.line, own, &mut facts, diagnostics);
                }
            }
        }
    }
    mark_key_figures(&mut facts.figures);
    reply.figures.extend(facts.figures);
    reply.funding.extend(facts.funding);
    reply.dates.extend(facts.dates);
    facts.steps
}

impl Facts {
    /// A text that is one date, already read (the signature's): the document's date, anchored whole.
    fn whole_date(&mut self, block: &str, date: &DateRef) {
        let end = date.written().chars().count();
        if end > 0 {
            self.dates.push(DateFact {
                id: super::id_of("d", self.dates.len() + 1),
                date: date.clone(),
                role: DateRole::Document,
                at: Anchor {
                    block: block.to_owned(),
                    start: 0,
                    end,
                },
            });
        }
    }
}

fn read_block(
    block: &str,
    text: &str,
    line: usize,
    own: bool,
    out: &mut Facts,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let chars = super::chars_of(text);
    let years = facts::Years {
        context: out.year,
        this: out.this_year,
    };
    let (found, steps) = facts::find_with(&chars, years);
    let mut cx = Context::new(&chars);
    // The block's last money that is not a 其中 part: the total the next parts belong to.
    let mut total: Option<String> = None;
    // The role of that total: a part whose clause says nothing of its own is money of that kind.
    let mut total_role = MoneyRole::Allocated;
    // The plain amounts of the current sentence that are neither parts nor totals, as indexes into
    // `out.funding`: the parts a total written after them (合计656万元) may add up.
    let mut loose: Vec<usize> = Vec::new();
    let mut loose_sentence = 0;
    // The last date read, and a date opening the block.
    let mut last_date: Option<(usize, DateRef)> = None;
    let mut opening_date: Option<DateRef> = None;
    for f in found {
        if own && !matches!(f.kind, Kind::Date { .. }) {
            continue;
        }
        cx.advance(f.start);
        let at = Anchor {
            block: block.to_owned(),
            start: f.start,
            end: f.end,
        };
        match f.kind {
            Kind::Date { date, inferred } => {
                if let Some(y) = date.when().start().map(Point::year) {
                    out.year = Some(y);
                }
                if inferred {
                    diagnostics.push(Diagnostic {
                        line,
                        kind: DiagnosticKind::DateInferred {
                            written: f.written.clone(),
                            read_as: date
                                .when()
                                .start()
                                .map(|p| p.to_string())
                                .unwrap_or_default(),
                        },
                    });
                }
                let role = if own {
                    DateRole::Document
                } else {
                    date_role(&date, &words_after(&chars, f.end, 8))
                };
                last_date = Some((f.start, date.clone()));
                if f.start == 0 {
                    opening_date = Some(date.clone());
                }
                out.dates.push(DateFact {
                    id: super::id_of("d", out.dates.len() + 1),
                    date,
                    role,
                    at,
                });
            }
            Kind::Money { money } => {
                let id = super::id_of("m", out.funding.len() + 1);
                // The twelve characters after the amount, within its sentence.
                let after = chars
                    .get(f.end..(f.end + 12).min(chars.len()))
                    .unwrap_or(&[]);
                let after = after
                    .iter()
                    .position(|c| ends_sentence(*c))
                    .and_then(|n| after.get(..n))
                    .unwrap_or(after);
                let refused_after = RoleWords {
                    refused: has_word(after, &REFUSED_SET),
                    ..RoleWords::default()
                };
                let clause = cx.clause_words(f.end);
                let mut role = money_role(clause, refused_after, cx.planned_sentence);
                if loose_sentence != cx.sentence_start {
                    loose.clear();
                    loose_sentence = cx.sentence_start;
                }
                let parts = parts_before(&chars, f.start, &money, role, &loose, &out.funding);
                let part_of = if !parts.is_empty() {
                    for i in &parts {
                        if let Some(part) = out.funding.get_mut(*i) {
                            part.part_of = Some(id.clone());
                        }
                    }
                    // The parts are the last of the loose amounts.
                    loose.truncate(loose.len().saturating_sub(parts.len()));
                    total = Some(id.clone());
                    total_role = role;
                    None
                } else if cx.after_qizhong() {
                    // The total now has parts: it can no longer be a part itself. Parts without a
                    // total before them may add up to one written after them.
                    // The total, when loose, is the last loose amount.
                    let t = total.as_deref();
                    if loose
                        .last()
                        .and_then(|i| out.funding.get(*i))
                        .map(|m| m.id.as_str())
                        == t
                    {
                        loose.pop();
                    }
                    if total.is_none() && money.is_summable() {
                        loose.push(out.funding.len());
                    }
                    if total.is_some() && !clause.says_anything() && !refused_after.refused {
                        role = total_role;
                    }
                    total.clone()
                } else {
                    total = Some(id.clone());
                    total_role = role;
                    if money.is_summable() {
                        loose.push(out.funding.len());
                    }
                    None
                };
                // The clause before counts only within the sentence.
                let clause_end = cx
                    .clause_end
                    .filter(|e| chars.get(*e).is_some_and(|c| !ends_sentence(*c)));
                let (payer, purpose) = purpose_of(&chars, f.start, f.end, clause_end);
                let period = last_date
                    .as_ref()
                    .filter(|(at, _)| *at >= cx.sentence_start)
                    .map(|(_, d)| d.clone())
                    .or_else(|| opening_date.clone());
                out.funding.push(Funding {
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
            Kind::Figure {
                value,
                multiplier,
                unit,
                approx,
            } => {
                let label = words_before(&chars, f.start, 12);
                out.figures.push(Figure {
                    id: super::id_of("f", out.figures.len() + 1),
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
    out.steps += steps + cx.steps;
}

/// Words right before an amount that make it a total (`合计656万元`, `总投资656万元`).
const TOTAL_WORDS: [&str; 9] = [
    "合计",
    "共计",
    "总计",
    "总共",
    "一共",
    "总投资",
    "总额",
    "总金额",
    "累计",
];

/// A total written after its parts: when a total word stands in the eight characters before the
/// amount at `start`, the last two to twelve `loose` amounts of the sentence (indexes into
/// `funding`) with the same role that add up to it exactly. Empty when there are none.
fn parts_before(
    chars: &[char],
    start: usize,
    money: &crate::model::Money,
    role: MoneyRole,
    loose: &[usize],
    funding: &[Funding],
) -> Vec<usize> {
    let before = chars
        .get(start.saturating_sub(8)..start)
        .unwrap_or_default();
    if !has_word(before, &TOTAL_SET) || !money.is_summable() {
        return Vec::new();
    }
    let Some(target) = money.in_wan_yuan() else {
        return Vec::new();
    };
    let mut sum = crate::model::Decimal::from_int(0);
    let mut parts = Vec::new();
    for i in loose.iter().rev().take(12) {
        let Some(m) = funding.get(*i).filter(|m| m.role == role) else {
            break;
        };
        let Some(next) = m.money.in_wan_yuan().and_then(|v| sum.checked_add(v)) else {
            break;
        };
        sum = next;
        parts.push(*i);
        if parts.len() >= 2 && sum.normalized() == target.normalized() {
            return parts;
        }
    }
    Vec::new()
}

/// Marks the key figures: the six largest by full value, ties in reading order.
fn mark_key_figures(figures: &mut [Figure]) {
    let mut order: Vec<(usize, u128)> = figures
        .iter()
        .enumerate()
        .filter_map(|(i, f)| Some((i, f.full_value()?.to_scaled(0).unwrap_or(0))))
        .collect();
    crate::model::order::sort_by_key(&mut order, |o| std::cmp::Reverse(o.1));
    for (i, _) in order.into_iter().take(6) {
        if let Some(f) = figures.get_mut(i) {
            f.key = true;
        }
    }
}
