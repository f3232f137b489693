//! Personal data in a reply before it is published: mobile numbers, resident ID numbers, personal
//! e-mail addresses and home addresses, found with their line and masked without changing the number
//! of characters, so that every fact's anchor (a range of characters) stays valid.
//!
//! The rules on publishing replies (国办发〔2014〕46号) keep a deputy's or member's contact details out
//! of the published text. What counts:
//!
//! - **mobile number**: 11 digits `1[3-9]…`, also written `138-1234-1234` or `138 1234 1234`, standing
//!   alone: never part of a longer run of digits (an amount, a 索引号, an ID number), never right after
//!   a letter or after `-` `.` `/` joined to other digits (`2021-…`, a decimal), never before a money
//!   unit or 号. A landline (`0571-87654321`, `09092288759`) is no mobile number. Masked `138****1234`.
//! - **resident ID number** (GB 11643): 17 digits and a check digit (or `X`), a province code, a birth
//!   date that exists, and the right checksum; 18 digits with a wrong checksum are not an ID (a
//!   索引号 or a credit code often has 18 characters). Masked `110101********1234`.
//! - **e-mail address**: any address but a government one (`…gov.cn`, `….gov`). Masked
//!   `z*******@qq.com` (the first character of the local part and the domain are kept).
//! - **home address**: after `住址`, `家住`, `家庭住址`, `现住`, `居住在` … to the end of the clause. A
//!   label (`住址:`) needs a place word in what follows (省 市 县 区 镇 乡 村 路 街 号 …); prose
//!   (`家住…`, `居住在…`) needs a precise place (a number with 号 室 栋 组 …, or a village under a
//!   town: `…镇…村`), so `居住在农村的老人` is no address. Masked with stars after the key.
//!
//! **The office's own contact lines are not personal data.** A line after the reply's opening (or
//! anywhere in a text without one) that is short, does not speak to or of the proposer (no 您, 你,
//! 。, 代表, 委员, 提案人, 住址, 身份证 …) and names a contact (联系人, 联系电话, 承办人, 经办人, 电话,
//! 邮箱 …) is the office's: a landline there is nothing, and a mobile number or e-mail address there
//! is reported as a **note** ([`Finding::office`]) and never masked: the office chose to publish it,
//! and the rule protects the proposer. In the header (before the opening) a contact line may be the
//! proposer's (a record of the proposal), so it gets no such exception.
//!
//! Every scan looks at each character a bounded number of times: the time is linear in the text.

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::model::{Anchor, Block, DateRef, Reply};
use crate::parse::{Conversion, Diagnostic, DiagnosticKind, MAX_TEXT_BYTES};

/// The kinds of personal data found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A mobile number (`13812341234`).
    Mobile,
    /// A resident ID number with a valid checksum.
    IdNumber,
    /// An e-mail address outside government domains.
    Email,
    /// A home address after 住址, 家住 ….
    HomeAddress,
}

impl Kind {
    /// The kind in words, as diagnostics name it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Mobile => "mobile number",
            Self::IdNumber => "resident id number",
            Self::Email => "e-mail address",
            Self::HomeAddress => "home address",
        }
    }
}

/// Personal data in a text: what, where, and how it reads masked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// What it is.
    pub kind: Kind,
    /// 1-based line in the text (CRLF, CR and LF each end a line, as the converter counts them).
    pub line: usize,
    /// First character (Unicode scalar value) in the text, counted from 0.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The characters of the range as masked (same count): `138****1234`.
    pub masked: String,
    /// For a home address, the word before it (`家住`).
    pub after: Option<&'static str>,
    /// In the office's own contact line: a note, never masked (see the module documentation).
    pub office: bool,
}

impl Finding {
    /// The diagnostic's words: lower case, naming the kind and the masked form, never the data.
    pub fn message(&self) -> String {
        self.diagnostic().message()
    }

    /// The finding as a converter diagnostic, with its line.
    pub fn diagnostic(&self) -> Diagnostic {
        Diagnostic {
            line: self.line,
            kind: DiagnosticKind::PersonalData {
                what: self.kind,
                shown: format!("{}{}", self.after.unwrap_or(""), self.masked),
                office: self.office,
            },
        }
    }
}

/// Every personal datum in a reply's text, in order, office notes included.
pub fn find(text: &str) -> Vec<Finding> {
    scan(text, Place::Text)
}

/// The personal-data diagnostics of a reply's text, each with its line (see [`Finding::message`]).
/// Nothing for a text over the converter's limit, which is not converted either.
pub fn diagnostics(text: &str) -> Vec<Diagnostic> {
    if text.len() > MAX_TEXT_BYTES {
        return Vec::new();
    }
    find(text).iter().map(Finding::diagnostic).collect()
}

/// The text with its personal data masked (office notes are kept); the number of characters, the
/// lines and everything else are unchanged.
pub fn mask(text: &str) -> String {
    mask_in(text, Place::Text).0
}

/// Converts a reply's text ([`crate::parse::convert`]), adds the personal-data diagnostics after the
/// converter's, and masks the reply's personal data when `redact` is set ([`redact_reply`]). What
/// `dafu convert`, the page's converter and `dafu render` all do.
pub fn convert(text: &str, redact: bool) -> Conversion {
    let mut conversion = crate::parse::convert(text);
    conversion.diagnostics.extend(diagnostics(text));
    if redact {
        redact_reply(&mut conversion.reply);
    }
    conversion
}

/// Personal data found in one of a reply's texts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplyFinding {
    /// Which text: an anchor name (`s2-p1`, `meta-3`, `contact-1`, …) or, for a text no fact can
    /// point at, its path (`proposal.proposer`, `s2-i1.headline`, `m3.purpose`,
    /// `attachments[0].title`).
    pub text: String,
    /// What and where in that text.
    pub finding: Finding,
}

impl fmt::Display for ReplyFinding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.text, self.finding.message())
    }
}

/// Every personal datum in a reply's texts (for reply JSON, which has no lines: each names its text).
pub fn find_in_reply(reply: &Reply) -> Vec<ReplyFinding> {
    let mut out = Vec::new();
    visit(reply, &mut |name, found| {
        out.extend(found.into_iter().map(|finding| ReplyFinding {
            text: name.to_string(),
            finding,
        }));
    });
    out
}

/// Masks the personal data in every text of the reply (title, header fields, proposal, addressee,
/// preamble, headings, blocks, closing, signature, contact lines, attachments' titles, facts' labels
/// and purposes, anything kept in `extra`) and returns how many were masked. Office notes are kept.
///
/// Characters are replaced one for one, so every fact's range still holds; a fact that stands inside
/// masked data (a number in an address) is removed, since its value would tell what the mask hides,
/// and a 其中 part of a removed total is no longer a part. The reply still passes its own validation.
pub fn redact_reply(reply: &mut Reply) -> usize {
    let mut r = Redactor::default();
    let header = Place::Header;
    let body = Place::Body;
    let m = &mut reply.meta;
    r.text(Name::Anchor("meta-title"), header, &mut m.title);
    for (i, f) in m.fields.iter_mut().enumerate() {
        r.text(Name::Path("meta.fields[].key", i), header, &mut f.key);
        let found = scan_value(&f.key, &f.value, header);
        r.apply(Name::Numbered("meta-", i + 1), &found, &mut f.value);
    }
    for (path, value) in [
        ("meta.index_number", &mut m.index_number),
        ("meta.document_number", &mut m.document_number),
        ("meta.issuer", &mut m.issuer),
        ("meta.category", &mut m.category),
        ("meta.summary", &mut m.summary),
        ("proposal.number", &mut reply.proposal.number),
        ("proposal.session", &mut reply.proposal.session),
        ("proposal.title", &mut reply.proposal.title),
        ("proposal.proposer", &mut reply.proposal.proposer),
        ("addressee", &mut reply.addressee),
    ] {
        if let Some(v) = value.as_mut() {
            r.text(Name::Field(path), header, v);
        }
    }
    for (path, date) in [
        ("meta.written", &mut m.written),
        ("meta.published", &mut m.published),
        ("meta.repealed", &mut m.repealed),
    ] {
        r.date(Name::Field(path), header, date);
    }
    if let Some(p) = reply.preamble.as_mut() {
        r.text(Name::Anchor("preamble"), body, p);
    }
    for (si, s) in reply.sections.iter_mut().enumerate() {
        r.text(Name::Path("sections[].numeral", si), body, &mut s.numeral);
        r.text(Name::Prefixed("heading-", &s.id), body, &mut s.heading);
        for b in &mut s.blocks {
            match b {
                Block::Paragraph { id, text } => r.text(Name::Anchor(id), body, text),
                Block::Initiative {
                    id,
                    ordinal,
                    headline,
                    text,
                    ..
                } => {
                    r.text(Name::Block("ordinal", id), body, ordinal);
                    if let Some(h) = headline.as_mut() {
                        r.text(Name::Block("headline", id), body, h);
                    }
                    r.text(Name::Anchor(id), body, text);
                }
            }
        }
    }
    for (i, c) in reply.closing.iter_mut().enumerate() {
        r.text(Name::Numbered("closing-", i + 1), body, c);
    }
    if let Some(sig) = reply.signature.as_mut() {
        if let Some(signer) = sig.signer.as_mut() {
            r.text(Name::Anchor("signature"), body, signer);
        }
        r.date(Name::Anchor("signature-date"), body, &mut sig.date);
        for (i, c) in sig.contact.iter_mut().enumerate() {
            r.text(Name::Numbered("contact-", i + 1), body, c);
        }
    }
    for (i, a) in reply.attachments.iter_mut().enumerate() {
        r.text(Name::Path("attachments[].title", i), body, &mut a.title);
    }
    for f in &mut reply.figures {
        if let Some(l) = f.label.as_mut() {
            r.text(Name::Fact("label", &f.id), body, l);
        }
    }
    for f in &mut reply.funding {
        if let Some(p) = f.purpose.as_mut() {
            r.text(Name::Fact("purpose", &f.id), body, p);
        }
        if let Some(p) = f.payer.as_mut() {
            r.text(Name::Fact("payer", &f.id), body, p);
        }
        r.date(Name::Fact("period", &f.id), body, &mut f.period);
    }
    if let Some(extra) = reply.extra.as_mut() {
        for v in extra.values_mut() {
            redact_value(v, &mut |t| r.text(Name::Field("extra"), body, t));
        }
    }

    // Facts inside masked data go, with the 其中 links to a removed total.
    let masked = r.masked;
    let hit = |at: &Anchor| {
        masked
            .get(&at.block)
            .is_some_and(|ranges| ranges.iter().any(|&(s, e)| at.start < e && s < at.end))
    };
    reply.figures.retain(|f| !hit(&f.at));
    reply.dates.retain(|d| !hit(&d.at));
    let gone: HashSet<String> = reply
        .funding
        .iter()
        .filter(|f| hit(&f.at))
        .map(|f| f.id.clone())
        .collect();
    reply.funding.retain(|f| !gone.contains(&f.id));
    for f in &mut reply.funding {
        if f.part_of.as_ref().is_some_and(|p| gone.contains(p)) {
            f.part_of = None;
        }
    }
    r.count
}

/// What [`redact_reply`] has masked so far.
#[derive(Default)]
struct Redactor {
    /// How many findings were masked.
    count: usize,
    /// The masked ranges of each text a fact can point at, by anchor name.
    masked: HashMap<String, Vec<(usize, usize)>>,
}

impl Redactor {
    /// Masks one text in place.
    fn text(&mut self, name: Name<'_>, place: Place, text: &mut String) {
        let found = scan(text, place);
        self.apply(name, &found, text);
    }

    /// Masks what was found in one text, in place (office notes are kept).
    fn apply(&mut self, name: Name<'_>, found: &[Finding], text: &mut String) {
        let (new, ranges) = apply(text, found);
        if ranges.is_empty() {
            return;
        }
        self.count += ranges.len();
        *text = new;
        if name.is_anchor() {
            self.masked
                .entry(name.to_string())
                .or_default()
                .extend(ranges);
        }
    }

    /// Masks a date's text (a date never holds personal data, but a damaged one might hold anything).
    fn date(&mut self, name: Name<'_>, place: Place, date: &mut Option<DateRef>) {
        let Some(d) = date.as_mut() else { return };
        let mut written = d.written().to_owned();
        self.text(name, place, &mut written);
        if written != d.written() {
            if let Ok(new) = DateRef::new(written, d.when()) {
                *d = new;
            }
        }
    }
}

/// Every string inside a JSON value, in place (arrays and objects walked with an explicit stack, so
/// deep nesting cannot overflow ours).
fn redact_value(value: &mut serde_json::Value, edit: &mut impl FnMut(&mut String)) {
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::String(s) => edit(s),
            serde_json::Value::Array(a) => stack.extend(a.iter_mut()),
            serde_json::Value::Object(o) => stack.extend(o.values_mut()),
            _ => {}
        }
    }
}

/// Calls `f` with the name, place and content of every text of the reply that [`redact_reply`]
/// masks, in the same order.
fn visit(reply: &Reply, f: &mut impl FnMut(Name<'_>, Vec<Finding>)) {
    let header = Place::Header;
    let body = Place::Body;
    let m = &reply.meta;
    f(Name::Anchor("meta-title"), scan(&m.title, header));
    for (i, field) in m.fields.iter().enumerate() {
        f(Name::Path("meta.fields[].key", i), scan(&field.key, header));
        let name = Name::Numbered("meta-", i + 1);
        f(name, scan_value(&field.key, &field.value, header));
    }
    for (path, value) in [
        ("meta.index_number", &m.index_number),
        ("meta.document_number", &m.document_number),
        ("meta.issuer", &m.issuer),
        ("meta.category", &m.category),
        ("meta.summary", &m.summary),
        ("proposal.number", &reply.proposal.number),
        ("proposal.session", &reply.proposal.session),
        ("proposal.title", &reply.proposal.title),
        ("proposal.proposer", &reply.proposal.proposer),
        ("addressee", &reply.addressee),
    ] {
        if let Some(v) = value {
            f(Name::Field(path), scan(v, header));
        }
    }
    for (path, date) in [
        ("meta.written", &m.written),
        ("meta.published", &m.published),
        ("meta.repealed", &m.repealed),
    ] {
        if let Some(d) = date {
            f(Name::Field(path), scan(d.written(), header));
        }
    }
    if let Some(p) = &reply.preamble {
        f(Name::Anchor("preamble"), scan(p, body));
    }
    for (si, s) in reply.sections.iter().enumerate() {
        f(Name::Path("sections[].numeral", si), scan(&s.numeral, body));
        f(Name::Prefixed("heading-", &s.id), scan(&s.heading, body));
        for b in &s.blocks {
            if let Block::Initiative {
                ordinal, headline, ..
            } = b
            {
                f(Name::Block("ordinal", b.id()), scan(ordinal, body));
                if let Some(h) = headline {
                    f(Name::Block("headline", b.id()), scan(h, body));
                }
            }
            f(Name::Anchor(b.id()), scan(b.text(), body));
        }
    }
    for (i, c) in reply.closing.iter().enumerate() {
        f(Name::Numbered("closing-", i + 1), scan(c, body));
    }
    if let Some(sig) = &reply.signature {
        if let Some(signer) = &sig.signer {
            f(Name::Anchor("signature"), scan(signer, body));
        }
        if let Some(d) = &sig.date {
            f(Name::Anchor("signature-date"), scan(d.written(), body));
        }
        for (i, c) in sig.contact.iter().enumerate() {
            f(Name::Numbered("contact-", i + 1), scan(c, body));
        }
    }
    for (i, a) in reply.attachments.iter().enumerate() {
        f(Name::Path("attachments[].title", i), scan(&a.title, body));
    }
    for x in &reply.figures {
        if let Some(l) = &x.label {
            f(Name::Fact("label", &x.id), scan(l, body));
        }
    }
    for x in &reply.funding {
        if let Some(p) = &x.purpose {
            f(Name::Fact("purpose", &x.id), scan(p, body));
        }
        if let Some(p) = &x.payer {
            f(Name::Fact("payer", &x.id), scan(p, body));
        }
        if let Some(d) = &x.period {
            f(Name::Fact("period", &x.id), scan(d.written(), body));
        }
    }
    if let Some(extra) = &reply.extra {
        let mut stack: Vec<&serde_json::Value> = extra.values().collect();
        while let Some(v) = stack.pop() {
            match v {
                serde_json::Value::String(s) => f(Name::Field("extra"), scan(s, body)),
                serde_json::Value::Array(a) => stack.extend(a.iter()),
                serde_json::Value::Object(o) => stack.extend(o.values()),
                _ => {}
            }
        }
    }
}

/// How a reply's text is named in findings.
#[derive(Clone, Copy)]
enum Name<'a> {
    /// An anchor name as it is (`preamble`, a block's id).
    Anchor(&'a str),
    /// An anchor name with a prefix (`heading-` + the section's id).
    Prefixed(&'static str, &'a str),
    /// A numbered anchor name (`closing-` + 2).
    Numbered(&'static str, usize),
    /// A JSON path with one index to fill (`sections[].numeral`, 0 → `sections[0].numeral`).
    Path(&'static str, usize),
    /// A field of a block (`s2-i1.headline`).
    Block(&'static str, &'a str),
    /// A field of a fact (`m3.purpose`).
    Fact(&'static str, &'a str),
    /// A fixed path.
    Field(&'static str),
}

impl Name<'_> {
    /// Can a fact's anchor name this text?
    fn is_anchor(self) -> bool {
        matches!(
            self,
            Self::Anchor(_) | Self::Prefixed(..) | Self::Numbered(..)
        )
    }
}

impl fmt::Display for Name<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Anchor(a) | Self::Field(a) => f.write_str(a),
            Self::Prefixed(p, a) => write!(f, "{p}{a}"),
            Self::Numbered(p, n) => write!(f, "{p}{n}"),
            Self::Path(p, i) => f.write_str(&p.replacen("[]", &format!("[{i}]"), 1)),
            Self::Block(field, id) | Self::Fact(field, id) => write!(f, "{id}.{field}"),
        }
    }
}

/// Where a text stands, which decides whether a contact line can be the office's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    /// A whole reply's text: lines before the opening are the header, the rest the body.
    Text,
    /// The header, the title, the proposal and the addressee: no office contact lines.
    Header,
    /// After the opening: a contact line is the office's.
    Body,
}

/// The text masked, and the ranges masked.
fn mask_in(text: &str, place: Place) -> (String, Vec<(usize, usize)>) {
    apply(text, &scan(text, place))
}

/// The text with the findings that are not office notes masked, and their ranges.
fn apply(text: &str, found: &[Finding]) -> (String, Vec<(usize, usize)>) {
    let findings: Vec<&Finding> = found.iter().filter(|f| !f.office).collect();
    if findings.is_empty() {
        return (text.to_owned(), Vec::new());
    }
    let mut chars: Vec<char> = text.chars().collect();
    // Findings may overlap (an address that runs over a number): both masks apply.
    for f in &findings {
        for (slot, m) in chars.iter_mut().skip(f.start).zip(f.masked.chars()) {
            if m == '*' {
                *slot = '*';
            }
        }
    }
    let ranges = findings.iter().map(|f| (f.start, f.end)).collect();
    (chars.into_iter().collect(), ranges)
}

/// The findings in a header field's value, read after its key (`住址` + `:` + the value), since the
/// key is what makes a value an address; ranges in the value.
fn scan_value(key: &str, value: &str, place: Place) -> Vec<Finding> {
    let offset = key.chars().count() + 1;
    scan(&format!("{key}:{value}"), place)
        .into_iter()
        .filter(|f| f.end > offset)
        .map(|mut f| {
            let cut = offset.saturating_sub(f.start);
            f.masked = f.masked.chars().skip(cut).collect();
            f.start = f.start.max(offset) - offset;
            f.end -= offset;
            f
        })
        .collect()
}

/// The opening's words (as the converter's `opening::is_opening` reads them): the lines before the
/// first line with one are the header.
const OPENING_WORDS: [&str; 7] = [
    "收悉",
    "复如下",
    "现答复",
    // The same in traditional characters.
    "復如下",
    "覆如下",
    "現答復",
    "現答覆",
];

/// Every finding of a text, line by line.
fn scan(text: &str, place: Place) -> Vec<Finding> {
    let mut out = Vec::new();
    // In a whole text, the lines before the opening (when there is one) are the header: those that
    // end before the first opening word.
    let opening = match place {
        Place::Text => OPENING_WORDS.iter().filter_map(|w| text.find(w)).min(),
        Place::Header => Some(usize::MAX),
        Place::Body => None,
    };
    let mut chars: Vec<char> = Vec::new();
    for (number, offset, end, line) in split_lines(text) {
        if !may_hold_data(line) {
            continue;
        }
        chars.clear();
        chars.extend(line.chars().map(simplified));
        let before = out.len();
        scan_line(&chars, &mut out);
        let found = out.get_mut(before..).unwrap_or_default();
        let in_header = opening.is_some_and(|at| end <= at);
        // Only a contact detail can be the office's; the line is looked at only when it holds one.
        let office = !in_header
            && found
                .iter()
                .any(|f| matches!(f.kind, Kind::Mobile | Kind::Email))
            && is_office_contact(line);
        for f in found {
            f.line = number;
            f.start += offset;
            f.end += offset;
            f.office = office && matches!(f.kind, Kind::Mobile | Kind::Email);
        }
    }
    out
}

/// The simplified form of the traditional characters this module's words are written with (a reply in
/// traditional characters writes 聯繫電話, 現住, 身份證); one character for one, so every range holds.
fn simplified(c: char) -> char {
    match c {
        '現' => '现',
        '戶' => '户',
        '聯' => '联',
        '繫' | '係' => '系',
        '電' => '电',
        '話' => '话',
        '辦' => '办',
        '經' => '经',
        '機' => '机',
        '郵' => '邮',
        '傳' => '传',
        '處' => '处',
        '單' => '单',
        '員' => '员',
        '領' => '领',
        '銜' => '衔',
        '議' => '议',
        '證' => '证',
        '樓' => '楼',
        '棟' => '栋',
        '區' => '区',
        '鄉' => '乡',
        '鎮' => '镇',
        '縣' => '县',
        '組' => '组',
        '號' => '号',
        '會' => '会',
        '門' => '门',
        _ => c,
    }
}

/// Can this line hold any personal data at all: a digit, an `@`, or a character every address word
/// has (住 居 址)? Most lines of prose answer no at once.
fn may_hold_data(line: &str) -> bool {
    line.bytes().any(|b| b.is_ascii_digit() || b == b'@')
        || line.contains(|c| matches!(c, '０'..='９' | '＠' | '住' | '居' | '址'))
}

/// The lines of a text with their 1-based number, the character offset where each starts and the byte
/// offset where each ends (CRLF, CR and LF each end a line).
fn split_lines(text: &str) -> impl Iterator<Item = (usize, usize, usize, &str)> {
    let mut rest = text;
    let mut number = 0;
    let mut offset = 0;
    let mut byte = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        number += 1;
        let (line, skip) = match rest.find(['\r', '\n']) {
            Some(i) => {
                let crlf = rest.get(i..).is_some_and(|r| r.starts_with("\r\n"));
                (rest.get(..i).unwrap_or(""), i + if crlf { 2 } else { 1 })
            }
            None => {
                done = true;
                (rest, rest.len())
            }
        };
        let item = (number, offset, byte + line.len(), line);
        offset += rest.get(..skip).map_or(0, |s| s.chars().count());
        byte += skip;
        rest = rest.get(skip..).unwrap_or("");
        Some(item)
    })
}

/// Words that make a short line the office's contact line.
const OFFICE_KEYS: [&str; 14] = [
    "联系人",
    "联系电话",
    "联系方式",
    "联系单位",
    "承办人",
    "经办人",
    "办理人",
    "承办单位",
    "承办处室",
    "电话",
    "手机",
    "邮箱",
    "电子邮件",
    "传真",
];

/// Words that make a line the proposer's, whatever else it says: speaking to them, naming them, or
/// giving a home or an ID, which an office's contact line never does.
const PROPOSER_WORDS: [&str; 12] = [
    "您",
    "你",
    "。",
    "代表",
    "委员",
    "提案人",
    "领衔人",
    "建议人",
    "附议人",
    "住址",
    "家住",
    "身份证",
];

/// Is this line the office's own contact line: short, not addressing the proposer, naming a contact?
fn is_office_contact(line: &str) -> bool {
    // Keys are often spaced out (`联 系 电 话`); a committee (委员会) is an office, not a member.
    let compact: String = line
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(simplified)
        .collect::<String>()
        .replace("委员会", "会");
    compact.chars().count() <= 80
        && !PROPOSER_WORDS.iter().any(|w| compact.contains(w))
        && OFFICE_KEYS.iter().any(|k| compact.contains(k))
}

/// The value of an ASCII or full-width digit.
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(u32::from(c) - u32::from('０')),
        _ => None,
    }
}

fn is_digit(c: Option<&char>) -> bool {
    c.is_some_and(|c| digit(*c).is_some())
}

/// A letter or digit that would make a number part of a code (`DH138…`, `…Y`).
fn is_code_char(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric() || digit(*c).is_some())
}

/// The findings of one line, ranges relative to the line, in order of their start.
fn scan_line(line: &[char], out: &mut Vec<Finding>) {
    let mut found = Vec::new();
    numbers(line, &mut found);
    emails(line, &mut found);
    addresses(line, &mut found);
    found.sort_by_key(|f: &Finding| f.start);
    out.extend(found);
}

fn finding(
    kind: Kind,
    line: &[char],
    start: usize,
    end: usize,
    keep: impl Fn(usize) -> bool,
) -> Finding {
    let masked = line
        .get(start..end)
        .unwrap_or(&[])
        .iter()
        .enumerate()
        .map(|(i, &c)| if keep(i) { c } else { '*' })
        .collect();
    Finding {
        kind,
        line: 0,
        start,
        end,
        masked,
        after: None,
        office: false,
    }
}

/// Mobile numbers and ID numbers: each maximal run of digits is looked at once.
fn numbers(line: &[char], out: &mut Vec<Finding>) {
    let at = |i: usize| line.get(i);
    let run_end = |from: usize| {
        let mut j = from;
        while is_digit(at(j)) {
            j += 1;
        }
        j
    };
    let mut i = 0;
    while i < line.len() {
        if !is_digit(at(i)) {
            i += 1;
            continue;
        }
        let end = run_end(i);
        let len = end - i;
        let left_ok = left_stands_alone(line, i);
        // `138-1234-1234`, `138 1234 1234`: three groups with one separator.
        if len == 3 && mobile_prefix(line, i) && left_ok {
            if let Some(sep) = at(end).copied().filter(|c| matches!(c, '-' | ' ' | '－')) {
                let second = run_end(end + 1);
                let third = run_end(second + 1);
                if second == end + 5
                    && at(second) == Some(&sep)
                    && third == second + 5
                    && right_stands_alone(line, third)
                {
                    // Keep the first three digits and the last four (and both separators).
                    out.push(finding(Kind::Mobile, line, i, third, |k| {
                        !(4..8).contains(&k)
                    }));
                    i = third;
                    continue;
                }
            }
        }
        if len == 11 && mobile_prefix(line, i) && left_ok && right_stands_alone(line, end) {
            out.push(finding(Kind::Mobile, line, i, end, |k| {
                !(3..7).contains(&k)
            }));
        } else if left_ok {
            let x = at(end).is_some_and(|c| matches!(c, 'X' | 'x' | 'Ｘ' | 'ｘ'));
            let id_end = if len == 17 && x { end + 1 } else { end };
            if id_end - i == 18
                && !is_code_char(at(id_end))
                && line.get(i..id_end).is_some_and(is_id_number)
            {
                out.push(finding(Kind::IdNumber, line, i, id_end, |k| {
                    !(6..14).contains(&k)
                }));
            }
        }
        i = end;
    }
}

/// `1` then `3`–`9`.
fn mobile_prefix(line: &[char], i: usize) -> bool {
    line.get(i).and_then(|c| digit(*c)) == Some(1)
        && line
            .get(i + 1)
            .and_then(|c| digit(*c))
            .is_some_and(|d| d >= 3)
}

/// Nothing before position `i` makes the digits there part of something else: a letter or digit
/// (a code), `.` `/` `-` joined to digits or letters (a decimal, a 索引号 such as `2021-…`; but
/// `+86-` and `86-` are a country code), a currency sign, or `@` (a domain).
fn left_stands_alone(line: &[char], i: usize) -> bool {
    let Some(before) = i.checked_sub(1) else {
        return true;
    };
    let prev = line.get(before);
    if is_code_char(prev) || prev.is_some_and(|c| matches!(c, '¥' | '￥' | '$' | '@' | '＠')) {
        return false;
    }
    if prev.is_some_and(|c| matches!(c, '.' | '/' | '_' | '-' | '－')) {
        let mut j = before;
        while j > 0 && is_code_char(line.get(j - 1)) {
            j -= 1;
        }
        let joined: String = line.get(j..before).unwrap_or(&[]).iter().collect();
        let country = joined == "86" && !prev.is_some_and(|c| matches!(c, '.' | '/' | '_'));
        return joined.is_empty() || country;
    }
    true
}

/// Nothing from position `end` on makes the digits before it part of something else: a letter or
/// digit, `.` `/` `-` followed by one (a decimal, a range, a code), a money or percent unit, `号` (a
/// document's or a case's number: `〔2021〕…号`), or `@` (the local part of an e-mail address, reported
/// as such).
fn right_stands_alone(line: &[char], end: usize) -> bool {
    let next = line.get(end);
    if is_code_char(next) {
        return false;
    }
    if next.is_some_and(|c| matches!(c, '.' | '/' | '_' | '-' | '－'))
        && is_code_char(line.get(end + 1))
    {
        return false;
    }
    !next.is_some_and(|c| matches!(c, '元' | '万' | '亿' | '%' | '％' | '‰' | '号' | '@' | '＠'))
}

/// GB 11643: a province code, a birth date that exists, and the check digit.
fn is_id_number(id: &[char]) -> bool {
    let digits: Vec<u32> = id.iter().take(17).filter_map(|c| digit(*c)).collect();
    if digits.len() != 17 {
        return false;
    }
    let number = |from: usize, to: usize| {
        digits
            .get(from..to)
            .map_or(0, |d| d.iter().fold(0, |n, x| n * 10 + x))
    };
    let province = number(0, 2);
    let provinces = [
        11..=15,
        21..=23,
        31..=37,
        41..=46,
        50..=54,
        61..=65,
        71..=71,
        81..=83,
    ];
    if !provinces.iter().any(|p| p.contains(&province)) {
        return false;
    }
    let (year, month, day) = (number(6, 10), number(10, 12), number(12, 14));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    };
    if !(1900..=2099).contains(&year) || day == 0 || day > days {
        return false;
    }
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = digits.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
    let check = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
    let expected = check.get((sum % 11) as usize).copied();
    let last = id.get(17).map(|c| match c {
        'x' | 'Ｘ' | 'ｘ' => 'X',
        c => digit(*c)
            .and_then(|d| char::from_digit(d, 10))
            .unwrap_or(*c),
    });
    last.is_some() && last == expected
}

fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn is_domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-')
}

/// E-mail addresses outside government domains. Each `@` looks back over the local part and ahead
/// over the domain, neither of which can hold another `@`: every character is looked at at most twice.
fn emails(line: &[char], out: &mut Vec<Finding>) {
    let mut taken = 0;
    for (at, &c) in line.iter().enumerate() {
        if !matches!(c, '@' | '＠') || at < taken {
            continue;
        }
        let mut start = at;
        while start > taken
            && at - start < 64
            && line.get(start - 1).is_some_and(|c| is_local_char(*c))
        {
            start -= 1;
        }
        // The local part starts and ends with a letter or digit.
        while start < at && !line.get(start).is_some_and(char::is_ascii_alphanumeric) {
            start += 1;
        }
        let mut end = at + 1;
        while end - at < 254 && line.get(end).is_some_and(|c| is_domain_char(*c)) {
            end += 1;
        }
        while end > at + 1 && line.get(end - 1).is_some_and(|c| matches!(c, '.' | '-')) {
            end -= 1;
        }
        let domain: String = line.get(at + 1..end).unwrap_or(&[]).iter().collect();
        let labels: Vec<&str> = domain.split('.').collect();
        let valid = start < at
            && labels.len() >= 2
            && labels.iter().all(|l| !l.is_empty())
            && labels
                .last()
                .is_some_and(|t| t.len() >= 2 && t.chars().all(|c| c.is_ascii_alphabetic()));
        let lower = domain.to_ascii_lowercase();
        let government = lower.ends_with(".gov.cn") || lower == "gov.cn" || lower.ends_with(".gov");
        if valid && !government {
            out.push(finding(Kind::Email, line, start, end, |k| {
                k == 0 || k >= at - start
            }));
            taken = end;
        }
    }
}

/// The words a home address follows, longest first (a longer one contains a shorter one).
const ADDRESS_KEYS: [&str; 12] = [
    "家庭住址",
    "家庭地址",
    "户籍地址",
    "居住地址",
    "现居住在",
    "现住址",
    "现居住",
    "居住在",
    "现住在",
    "家住",
    "现住",
    "住址",
];

/// Where a clause ends.
fn ends_clause(c: char) -> bool {
    matches!(
        c,
        ',' | '，'
            | '。'
            | ';'
            | '；'
            | '、'
            | '!'
            | '！'
            | '?'
            | '？'
            | '('
            | ')'
            | '（'
            | '）'
            | '|'
    )
}

/// Words that start another field: an address stops before them.
const FIELD_WORDS: [&str; 6] = ["电话", "手机", "联系", "邮箱", "身份证", "邮编"];

/// Place words: a labelled address names at least one.
const PLACE_CHARS: &str = "省市县区镇乡村路街巷道号组栋幢楼室弄屯";

/// Home addresses after one of [`ADDRESS_KEYS`], to the end of the clause.
fn addresses(line: &[char], out: &mut Vec<Finding>) {
    let text_at = |i: usize, word: &str| {
        word.chars()
            .enumerate()
            .all(|(k, w)| line.get(i + k) == Some(&w))
    };
    let mut i = 0;
    while i < line.len() {
        // Every key starts with one of these: most characters are passed over at once.
        let starts_key = line
            .get(i)
            .is_some_and(|c| matches!(c, '家' | '户' | '居' | '现' | '住'));
        let Some(key) = ADDRESS_KEYS.iter().find(|k| starts_key && text_at(i, k)) else {
            i += 1;
            continue;
        };
        let mut j = i + key.chars().count();
        while line.get(j).is_some_and(|c| c.is_whitespace()) {
            j += 1;
        }
        let label = line.get(j).is_some_and(|c| matches!(c, ':' | '：'));
        if label {
            j += 1;
            while line.get(j).is_some_and(|c| c.is_whitespace()) {
                j += 1;
            }
        } else if line
            .get(j)
            .is_some_and(|c| matches!(c, '在' | '于' | '为' | '是'))
        {
            j += 1;
        }
        let start = j;
        let mut end = j;
        while end < line.len() && end - start < 60 {
            let Some(&c) = line.get(end) else { break };
            // In prose the address is what `的` qualifies: `家住…村的老人`.
            if ends_clause(c)
                || (!label && c == '的')
                || FIELD_WORDS.iter().any(|w| text_at(end, w))
            {
                break;
            }
            // A space before another `key:` ends the address too.
            if c.is_whitespace() && next_is_key(line, end) {
                break;
            }
            end += 1;
        }
        while end > start && line.get(end - 1).is_some_and(|c| c.is_whitespace()) {
            end -= 1;
        }
        // In prose the address ends with its last place word (`…杨家村`, `…5组`, `…2单元`), not
        // with what the sentence goes on to say.
        if !label {
            while end > start && !ends_place(line, end - 1) {
                end -= 1;
            }
        }
        let clause = line.get(start..end).unwrap_or(&[]);
        let is_address = if label {
            clause.len() >= 2 && clause.iter().any(|c| PLACE_CHARS.contains(*c))
        } else {
            is_precise_place(clause)
        };
        if is_address {
            let mut f = finding(Kind::HomeAddress, line, start, end, |_| false);
            f.after = Some(key);
            out.push(f);
            i = end.max(i + 1);
        } else {
            i += key.chars().count();
        }
    }
}

/// Does a place word end at `i` (`村`, `号`, `社区`, `单元`)?
fn ends_place(line: &[char], i: usize) -> bool {
    match line.get(i) {
        Some('元') => i > 0 && line.get(i - 1) == Some(&'单'),
        Some(c) => PLACE_CHARS.contains(*c),
        None => false,
    }
}

/// After the spaces at `i`, a few characters and a colon (`电话:`): another field starts.
fn next_is_key(line: &[char], i: usize) -> bool {
    let mut j = i;
    while line.get(j).is_some_and(|c| c.is_whitespace()) {
        j += 1;
    }
    (j..j + 7)
        .map_while(|k| line.get(k))
        .take_while(|c| !c.is_whitespace())
        .any(|c| matches!(c, ':' | '：'))
}

/// A place precise enough to be someone's home: a number with 号 室 栋 幢 单元 组 楼 弄 (digits or
/// Chinese numerals), or a village, community or estate under a town or district (`…镇…村`).
fn is_precise_place(clause: &[char]) -> bool {
    let numeral = |c: &char| digit(*c).is_some() || "一二三四五六七八九十".contains(*c);
    let numbered = clause.windows(2).any(|w| match w {
        [a, b] => numeral(a) && "号室栋幢组楼弄单".contains(*b),
        _ => false,
    });
    let text: String = clause.iter().collect();
    let town = ["镇", "乡", "街道", "县", "区"]
        .iter()
        .filter_map(|t| text.find(t))
        .min();
    let village = town.is_some_and(|t| {
        ["村", "社区", "小区", "组", "屯"]
            .iter()
            .any(|v| text.get(t..).is_some_and(|rest| rest.contains(v)))
    });
    numbered || village || text.contains("小区")
}
