//! Plain reply text to the reply model, plus diagnostics. Never fails, never panics: what it does not
//! understand stays in the reply as plain text and is listed with its line.
//!
//! This module is the pipeline; the grammar of each part is in its module's documentation. A reply,
//! top to bottom:
//! 1. **lines** (`lines.rs`): numbered, trimmed, non-empty lines; a reply flattened onto one line is cut
//!    back into its parts;
//! 2. **header** (`header.rs`): every line before the addressee or the opening (without either, the
//!    header-shaped lines at the top): metadata in any of the layouts of DESIGN §1 and any
//!    `key:value` shape, the title (possibly split or repeated), a bare 文号 line, a result class
//!    (`A类`, `(B)类`, `类别:B`); a summary record (fields only) has its prose values as its body;
//! 3. **addressee** and **opening** (`opening.rs`): a short line ending in a colon names the proposer;
//!    the first line with 收悉 or 答复如下 describes the proposal (title, number, session, kind);
//! 4. **body** (`body.rs`): sections by numeral, paragraphs, initiatives, each block with its line;
//! 5. **closing** (`closing.rs`): closing paragraphs, then the signature;
//! 6. **facts**: found in every text of the reply, in reading order ([`readings`]): the title and the
//!    header's values (dates only), the preamble, each section's heading and blocks, the closing
//!    paragraphs, the signer line, the signature's date and the contact lines (`facts.rs`, reading
//!    through `cursor.rs`), then interpreted where they stand (`meaning.rs`: roles, purposes,
//!    payers, periods, 其中 totals, labels, key figures); each is anchored to its text by name
//!    (`TextId`).
//!
//! Every stage takes time in proportion to its input (`tests/linear.rs` holds it to that): each line
//! is read a bounded number of times, blocks keep their line from the start, and inside a block no rule
//! looks further than a few characters from where it stands, except through the finder's cursor and
//! the interpretation's context, which only move forward.

mod body;
mod closing;
pub mod correct;
mod cursor;
mod facts;
mod header;
mod lines;
mod meaning;
mod opening;
mod script;

use std::collections::HashSet;
use std::fmt;

use crate::model::{Reply, TextId};

pub use self::correct::{Correction, Field, Refusal};

use self::lines::Line;
use self::meaning::{Place, Reading};

/// Something the converter did not understand or had to guess, with its line. What it is comes as
/// data ([`DiagnosticKind`]), so that each side words it in its own language: the CLI in English
/// ([`Diagnostic::message`], `Display`), the page in the interface's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// 1-based line in the input (0 when it concerns the whole text).
    pub line: usize,
    /// What, with the text concerned.
    pub kind: DiagnosticKind,
}

/// What a diagnostic says, with what is needed to word it and to say what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiagnosticKind {
    /// The text is over [`MAX_TEXT_BYTES`]; nothing was converted.
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
    },
    /// A header line the header grammar does not read, left out of the reply.
    HeaderLine {
        /// The line as written.
        text: String,
        /// What the line looks like it was meant to give.
        looks: Looks,
    },
    /// A header field kept as written (in the reply's list of fields) whose key names a fact the
    /// reply lacks: it was not read as that fact.
    HeaderField {
        /// The line as written.
        text: String,
        /// The fact its key names.
        looks: Looks,
    },
    /// The body has no numbered section headings, so it is one section.
    OneSection,
    /// No opening line (收悉, 答复如下) was found.
    NoOpening,
    /// The signature's date was read after a repair.
    SignatureDate {
        /// As written.
        written: String,
        /// The date read (`2022-04-27`).
        read_as: String,
        /// Which repair.
        repair: Repair,
    },
    /// A date whose year came from the text around it, or whose digits were regrouped.
    DateInferred {
        /// As written.
        written: String,
        /// The date read (`2022-04-27`).
        read_as: String,
    },
    /// A correction ([`correct::apply`]) that was not made: the field, the value given, why.
    NotCorrected {
        /// The field.
        field: Field,
        /// The value given.
        value: String,
        /// Why it was refused.
        why: Refusal,
    },
    /// Personal data in the text (`crate::privacy`), named by its masked form only.
    PersonalData {
        /// Which kind.
        what: crate::privacy::Kind,
        /// The masked form, with the word before a home address (`家住***`).
        shown: String,
        /// In the office's own contact line: a note, never masked.
        office: bool,
    },
}

/// What a header line not understood looks like it was meant to give: the header fact its key or
/// value suggests. Said only to help the editor; the converter never reads the line as that.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Looks {
    /// The result class (`类别:A`), with the letter when one stands in the line.
    ResultClass(Option<crate::model::ResultClass>),
    /// The 文号.
    DocumentNumber,
    /// A date (成文日期, 发布日期).
    Date,
    /// The issuing or handling agency.
    Issuer,
    /// Some other `key:value` field.
    Field,
    /// Nothing recognisable.
    Other,
}

/// A repair made to a signature date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Repair {
    /// `2022年4月27` : the day has no 日.
    NoDay,
    /// `2022427`: the digits run together, and one reading is a date.
    RunTogether,
}

impl Repair {
    /// The repair in English words, as the CLI prints it.
    pub fn words(self) -> &'static str {
        match self {
            Self::NoDay => "the day has no 日",
            Self::RunTogether => "digits run together, one reading is a date",
        }
    }
}

impl Looks {
    /// What a header line not understood looks like: by its key (the part before a colon), else by
    /// its value. `类别:A` is a result class with its letter, `发文字号:…` a 文号, `成文日期:…` a date.
    pub fn of(line: &str) -> Self {
        use crate::model::ResultClass;
        let (key, value) = line
            .split_once([':', '：'])
            .map_or(("", line), |(k, v)| (k.trim(), v.trim()));
        let letter = |text: &str| {
            text.chars().find_map(|c| match c {
                'A' | 'Ａ' | '甲' => Some(ResultClass::A),
                'B' | 'Ｂ' | '乙' => Some(ResultClass::B),
                'C' | 'Ｃ' | '丙' => Some(ResultClass::C),
                _ => None,
            })
        };
        let has = |words: &[&str]| words.iter().any(|w| key.contains(w));
        if has(&["类别", "结果", "答复类", "办理类"]) {
            return Self::ResultClass(letter(value));
        }
        if has(&["文号", "字号", "文件号"]) {
            return Self::DocumentNumber;
        }
        if has(&["日期", "时间"]) {
            return Self::Date;
        }
        if has(&["单位", "机关", "机构", "部门"]) {
            return Self::Issuer;
        }
        if !key.is_empty() && key.chars().count() <= 8 {
            return Self::Field;
        }
        let t = line.trim();
        // A class alone with something the class reader does not take (`A 类`, `(A)`).
        if t.chars().count() <= 6 && t.contains('类') {
            return Self::ResultClass(letter(t));
        }
        if t.contains('号') && t.contains(['〔', '[', '【', '(', '（']) {
            return Self::DocumentNumber;
        }
        Self::Other
    }
}

impl Diagnostic {
    /// The diagnostic in English, as a lower-case fragment (what the CLI prints after the line).
    pub fn message(&self) -> String {
        match &self.kind {
            DiagnosticKind::TooLarge { bytes } => format!(
                "the text is {bytes} bytes; the limit is {MAX_TEXT_BYTES} bytes, nothing was converted"
            ),
            DiagnosticKind::HeaderLine { text, looks } | DiagnosticKind::HeaderField { text, looks } => {
                let hint = match looks {
                    Looks::ResultClass(Some(c)) => {
                        format!(" (a result class? write it as \"{c:?}类\" and convert again)")
                    }
                    Looks::ResultClass(None) => {
                        " (a result class? write it as \"A类\", \"B类\" or \"C类\" and convert again)"
                            .to_owned()
                    }
                    Looks::DocumentNumber => {
                        " (a document number? write it as \"文号:…\" and convert again)".to_owned()
                    }
                    Looks::Date => {
                        " (a date? write it as \"成文日期:2024年5月10日\" and convert again)".to_owned()
                    }
                    Looks::Issuer | Looks::Field | Looks::Other => String::new(),
                };
                if matches!(self.kind, DiagnosticKind::HeaderField { .. }) {
                    let what = match looks {
                        Looks::ResultClass(_) => "the result class",
                        Looks::DocumentNumber => "the document number",
                        Looks::Date => "a date",
                        Looks::Issuer => "the issuer",
                        Looks::Field | Looks::Other => "a fact",
                    };
                    format!("header field {text:?} kept as written, not read as {what}{hint}")
                } else {
                    format!("header line not understood, left out: {text:?}{hint}")
                }
            }
            DiagnosticKind::OneSection => {
                "no numbered section headings; the body is one section".to_owned()
            }
            DiagnosticKind::NoOpening => "no opening line (收悉 / 答复如下) found".to_owned(),
            DiagnosticKind::SignatureDate {
                written,
                read_as,
                repair,
            } => format!(
                "signature date {written:?} read as {read_as} ({})",
                repair.words()
            ),
            DiagnosticKind::DateInferred { written, read_as } => format!(
                "date {written:?} read as {read_as} (year from context or digits regrouped)"
            ),
            DiagnosticKind::NotCorrected { field, value, why } => format!(
                "{}={value:?} not set: {}; the converted value is kept",
                field.key(),
                why.words()
            ),
            DiagnosticKind::PersonalData { what, shown, office } => {
                if *office {
                    format!(
                        "office contact, kept: {} {shown} in the office's own contact line",
                        what.name()
                    )
                } else {
                    format!(
                        "personal data, not for publishing: {} {shown} (redacting masks it)",
                        what.name()
                    )
                }
            }
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message())
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

/// The largest text converted, in bytes; beyond it the conversion is an empty reply and one diagnostic.
pub const MAX_TEXT_BYTES: usize = 20 * 1024 * 1024;

/// Converts a reply's text. Never fails; see the module documentation for the grammar.
pub fn convert(text: &str) -> Conversion {
    convert_counting(text).0
}

/// How many characters the fact finder and the interpretation of facts looked at while converting
/// `text`: the work the linear-time test compares across input sizes. Not part of the API.
#[doc(hidden)]
pub fn fact_steps(text: &str) -> u64 {
    convert_counting(text).1
}

/// Where the parts of a reply are, as ranges of lines.
struct Parts<'a> {
    header: &'a [Line],
    addressee: Option<&'a Line>,
    opening: Option<&'a Line>,
    body: &'a [Line],
    tail: &'a [Line],
    /// The header grammar's reading of every line, when it was needed to find where the header ends
    /// and the header turned out to be every line: the same as parsing `header` again.
    whole_header: Option<header::Header>,
}

impl<'a> Parts<'a> {
    /// The header ends at the addressee (the last short line ending in a colon before the opening, or
    /// anywhere without an opening), else at the opening, else at the first numbered line; the body
    /// runs from after the opening (or addressee) to the closing.
    fn of(all: &'a [Line]) -> Self {
        let opening = all.iter().position(|l| opening::is_opening(&l.text));
        // A salutation at the start of the opening line is the addressee; a colon line before it
        // is then part of the header.
        let inline = opening
            .and_then(|o| all.get(o))
            .is_some_and(|l| opening::salutation(&l.text).is_some());
        let addressee = all
            .iter()
            .take(opening.map_or(all.len(), |o| o + 1))
            .rposition(|l| opening::is_addressee(&l.text))
            .filter(|_| !inline);
        let mut whole_header = None;
        let header_end = match (addressee, opening) {
            (Some(a), _) => a,
            (None, Some(o)) => o,
            // Nothing says where the header ends: it is the lines the header grammar reads, up to
            // the first numbered line at most.
            (None, None) => {
                let whole = header::parse(all);
                let end = header::extent_of(&whole, all).min(
                    all.iter()
                        .position(|l| body::numbered(&l.text).is_some())
                        .unwrap_or(all.len()),
                );
                // Parsing fewer lines may end differently (a title or value read from the line
                // after the last): the reading is kept only when it covered exactly the header.
                whole_header = (end == all.len()).then_some(whole);
                end
            }
        };
        let body_start = opening.map_or(header_end + usize::from(addressee.is_some()), |o| o + 1);
        let rest: &[Line] = all.get(body_start..).unwrap_or(&[]);
        let (body, tail) = rest.split_at(closing::start(rest).min(rest.len()));
        Self {
            header: all.get(..header_end).unwrap_or(&[]),
            addressee: addressee.and_then(|a| all.get(a)),
            opening: opening.and_then(|o| all.get(o)),
            body,
            tail,
            whole_header,
        }
    }
}

fn convert_counting(text: &str) -> (Conversion, u64) {
    if text.len() > MAX_TEXT_BYTES {
        return convert_as_written(text);
    }
    // A reply in traditional characters is read from a folded copy, its strings then cut again
    // from the text as written (see `script`).
    match script::fold(text) {
        Some(folded) => {
            let (mut conversion, steps) = convert_as_written(&folded);
            script::restore(&mut conversion.reply, &folded, text);
            (conversion, steps)
        }
        None => convert_as_written(text),
    }
}

/// Converts the text with the grammar's words as they are written in it.
fn convert_as_written(text: &str) -> (Conversion, u64) {
    if text.len() > MAX_TEXT_BYTES {
        let diagnostics = vec![Diagnostic {
            line: 0,
            kind: DiagnosticKind::TooLarge { bytes: text.len() },
        }];
        return (
            Conversion {
                reply: Reply::empty(),
                diagnostics,
            },
            0,
        );
    }
    let all = lines::lines(text);
    let mut parts = Parts::of(&all);
    let mut diagnostics = Vec::new();

    let head = parts
        .whole_header
        .take()
        .unwrap_or_else(|| header::parse(parts.header));
    // A summary record (key:value fields and nothing else): its prose values are its body.
    let record_body = if parts.addressee.is_none()
        && parts.opening.is_none()
        && parts.body.is_empty()
        && parts.tail.is_empty()
    {
        head.prose.clone()
    } else {
        Vec::new()
    };
    let parts = if record_body.is_empty() {
        parts
    } else {
        Parts {
            body: &record_body,
            ..parts
        }
    };
    for (line, text) in &head.unknown {
        diagnostics.push(Diagnostic {
            line: *line,
            kind: DiagnosticKind::HeaderLine {
                text: text.clone(),
                looks: Looks::of(text),
            },
        });
    }

    let body = body::read(parts.body);
    if body.sections.iter().all(|s| s.numeral.is_empty()) && !parts.body.is_empty() {
        diagnostics.push(Diagnostic {
            line: parts.body.first().map_or(0, |l| l.number),
            kind: DiagnosticKind::OneSection,
        });
    }

    let closing::Closing {
        paragraphs: closing,
        signature,
        diagnostics: repaired,
    } = closing::read(parts.tail);
    diagnostics.extend(repaired);
    let mut meta = head.meta();
    if meta.issuer.is_none() && signature.as_ref().is_none_or(|s| s.signer.is_none()) {
        meta.issuer = head.named_issuer(&meta.title);
    }
    let addressee = opening::addressee(parts.addressee, parts.opening);
    let preamble = parts.opening.map(|l| l.text.clone());
    let proposal = opening::proposal(
        &meta.title,
        preamble.as_deref(),
        addressee.as_deref(),
        head.about_proposal(),
        &meta.fields,
        parts.header,
    );
    let signed_by = signature.as_ref().is_some_and(|s| s.signer.is_some());
    unread_fields(&meta, &proposal, signed_by, parts.header, &mut diagnostics);
    if preamble.is_none() {
        diagnostics.push(Diagnostic {
            line: 0,
            kind: DiagnosticKind::NoOpening,
        });
    }
    let mut reply = Reply {
        meta,
        proposal,
        addressee,
        preamble,
        sections: body.sections,
        closing,
        signature,
        ..Reply::empty()
    };
    let texts = readings(&reply, &parts, &body.block_lines);
    let steps = meaning::add_facts(&mut reply, &texts, &mut diagnostics);
    (Conversion { reply, diagnostics }, steps)
}

/// A diagnostic for each header field kept as written whose key names a fact the reply still lacks
/// (`类别:A(所提问题已解决)` and no result class, `成文日期:二〇二四年五月十日` and no 成文日期): the
/// editor sees why the page does not show it. Only words: what the converter read is unchanged.
fn unread_fields(
    meta: &crate::model::Meta,
    proposal: &crate::model::Proposal,
    signed_by: bool,
    header: &[Line],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let dated = |v: &str| {
        [&meta.written, &meta.published, &meta.repealed]
            .iter()
            .any(|d| d.as_ref().is_some_and(|d| d.written() == v.trim()))
    };
    for field in &meta.fields {
        // An empty slot (`文号:`, `发文字号: ———`) gives nothing to read.
        let value = field.value.trim();
        if !value.chars().any(char::is_alphanumeric) {
            continue;
        }
        let looks = Looks::of(&format!("{}:{value}", field.key));
        let unread = match looks {
            Looks::ResultClass(_) => proposal.result_class.is_none(),
            Looks::DocumentNumber => meta.document_number.is_none(),
            // Only the dates the page shows (成文日期, 发布日期); 著录日期 or 生效日期 are listed as
            // written and need no word.
            Looks::Date => {
                ["成文", "发布", "公开", "印发"]
                    .iter()
                    .any(|w| field.key.contains(w))
                    && !dated(value)
            }
            // The signer stands for the issuer (the report's 未找到 list says the same).
            Looks::Issuer => meta.issuer.is_none() && !signed_by,
            Looks::Field | Looks::Other => false,
        };
        if !unread {
            continue;
        }
        let line = header.iter().find(|l| l.text.contains(value));
        diagnostics.push(Diagnostic {
            line: line.map_or(0, |l| l.number),
            kind: DiagnosticKind::HeaderField {
                text: line.map_or_else(
                    || format!("{}:{}", field.key, field.value),
                    |l| l.text.clone(),
                ),
                looks,
            },
        });
    }
}

/// The texts facts are read in, in reading order, each with its input line: the title and the header's
/// values (at the header's first line: fields do not keep theirs), the preamble, each section's heading then
/// its blocks, then the closing paragraphs, the signer line, the signature's date and the contact
/// lines in the order the tail prints them. Every line is looked at a bounded number of times.
fn readings(reply: &Reply, parts: &Parts<'_>, block_lines: &[usize]) -> Vec<Reading> {
    let reading = |at: TextId<'_>, line: usize| Reading {
        at: at.to_string(),
        line,
        place: Place::Named,
    };
    let mut out = Vec::new();
    let header_line = parts.header.first().map_or(0, |l| l.number);
    // A title a header field gives (标题, 名称) is read as that field's value.
    let meta = &reply.meta;
    if !meta.title.is_empty() && !meta.fields.iter().any(|f| f.value == meta.title) {
        out.push(reading(TextId::Title, header_line));
    }
    // A summary record's prose values are its body too: their facts are read there, once. Only
    // body lines as long as some value are compared, so most lines are passed over unhashed.
    let values: HashSet<&str> = meta.fields.iter().map(|f| f.value.as_str()).collect();
    let mut lengths: Vec<usize> = values.iter().map(|v| v.len()).collect();
    lengths.sort_unstable();
    let in_body: HashSet<&str> = parts
        .body
        .iter()
        .map(|l| l.text.as_str())
        .filter(|t| lengths.binary_search(&t.len()).is_ok() && values.contains(t))
        .collect();
    for (n, field) in (1..).zip(&reply.meta.fields) {
        if !in_body.contains(field.value.as_str()) {
            out.push(reading(TextId::Meta(n), header_line));
        }
    }
    if reply.preamble.is_some() {
        out.push(reading(
            TextId::Preamble,
            parts.opening.map_or(0, |l| l.number),
        ));
    }
    // A heading's line comes after the previous section's last block and at most at its own first
    // block's line: the body's lines are walked once for all the headings.
    let mut body = parts.body.iter().peekable();
    let mut block = 0;
    for (s, section) in reply.sections.iter().enumerate() {
        let first = block_lines.get(block).copied();
        // A heading cut from a sentence its first block keeps whole is read in the block, once.
        let repeated = section
            .blocks
            .first()
            .is_some_and(|b| b.text().starts_with(section.heading.as_str()));
        if !section.heading.is_empty() && !repeated {
            let after = block
                .checked_sub(1)
                .and_then(|b| block_lines.get(b))
                .copied()
                .unwrap_or(0);
            let found =
                std::iter::from_fn(|| body.next_if(|l| first.is_none_or(|f| l.number <= f)))
                    .filter(|l| l.number > after)
                    .find(|l| l.text.contains(section.heading.as_str()));
            let line = found.map(|l| l.number).or(first).unwrap_or(0);
            out.push(Reading {
                place: Place::Heading(s),
                ..reading(TextId::Heading(&section.id), line)
            });
        }
        for (k, b) in section.blocks.iter().enumerate() {
            let line = block_lines.get(block).copied().unwrap_or(0);
            out.push(Reading {
                at: b.id().to_owned(),
                line,
                place: Place::Block(s, k),
            });
            block += 1;
        }
    }
    out.extend(tail_readings(reply, parts.tail));
    out
}

/// The closing's and the signature's texts in the order the tail prints them: each is one of its
/// lines, matched in one forward pass; a text no line matches comes last, at the tail's first line.
fn tail_readings(reply: &Reply, tail: &[Line]) -> Vec<Reading> {
    let signature = reply.signature.as_ref();
    let contact = signature.map_or(&[][..], |s| s.contact.as_slice());
    let signer = signature.and_then(|s| s.signer.as_deref());
    let date = signature.and_then(|s| s.date.as_ref()).map(|d| d.written());
    let (mut closing_n, mut contact_n) = (0, 0);
    let (mut signer_seen, mut date_seen) = (false, false);
    let mut out = Vec::new();
    for l in tail {
        let text = l.text.as_str();
        let at = if reply.closing.get(closing_n).is_some_and(|c| c == text) {
            closing_n += 1;
            TextId::Closing(closing_n)
        } else if contact.get(contact_n).is_some_and(|c| c == text) {
            contact_n += 1;
            TextId::Contact(contact_n)
        } else if !signer_seen && signer == Some(text) {
            signer_seen = true;
            TextId::Signer
        } else if !date_seen && date == Some(text) {
            date_seen = true;
            TextId::SignatureDate
        } else {
            continue;
        };
        out.push(Reading {
            at: at.to_string(),
            line: l.number,
            place: Place::Named,
        });
    }
    let first = tail.first().map_or(0, |l| l.number);
    let rest = ((closing_n + 1)..=reply.closing.len())
        .map(TextId::Closing)
        .chain((!signer_seen && signer.is_some()).then_some(TextId::Signer))
        .chain((!date_seen && date.is_some()).then_some(TextId::SignatureDate))
        .chain(((contact_n + 1)..=contact.len()).map(TextId::Contact));
    out.extend(rest.map(|at| Reading {
        at: at.to_string(),
        line: first,
        place: Place::Named,
    }));
    out
}

/// A fixed list of words, made ready to be looked for in `&[char]` text many times: the same answers
/// as collecting the text into a `String` and asking `contains` for each word, without building the
/// string. A character that starts no word is passed over after one bit test.
struct WordSet {
    /// The words' first characters.
    starts: CharSet,
    /// The words as characters, with their first character apart.
    words: Vec<(char, Vec<char>)>,
    /// Is the empty word among them (which is in every text)?
    has_empty: bool,
}

impl WordSet {
    fn new(words: &[&str]) -> Self {
        let mut set = Self {
            starts: CharSet::new(&[]),
            words: Vec::new(),
            has_empty: false,
        };
        for w in words {
            let mut cs = w.chars();
            match cs.next() {
                Some(first) => set.words.push((first, cs.collect())),
                None => set.has_empty = true,
            }
        }
        let firsts: Vec<char> = set.words.iter().map(|(first, _)| *first).collect();
        set.starts = CharSet::new(&firsts);
        set
    }

    /// Does one of the words stand wholly inside `chars`?
    fn any_in(&self, chars: &[char]) -> bool {
        self.has_empty
            || chars.iter().enumerate().any(|(i, c)| {
                self.starts.may_hold(*c)
                    && self.words.iter().any(|(first, rest)| {
                        first == c
                            && chars
                                .get(i + 1..i + 1 + rest.len())
                                .is_some_and(|after| after == rest.as_slice())
                    })
            })
    }
}

/// A fixed set of characters, asked about many times: one bit of 1,024 (by the character's value
/// modulo 1,024) refuses most characters outside it at once; a character whose bit is set may be in
/// it, and the caller tests it exactly.
pub(crate) struct CharSet {
    bits: [u64; 16],
}

impl CharSet {
    /// The bits of `chars`, made at compile time.
    pub(crate) const fn new(chars: &[char]) -> Self {
        let mut bits = [0u64; 16];
        let mut word = 0;
        // (No indexing in a constant: the words are walked as a slice.)
        let mut words: &mut [u64] = &mut bits;
        while let [slot, rest @ ..] = words {
            let mut left = chars;
            while let [c, tail @ ..] = left {
                let at = *c as usize % 1024;
                if at / 64 == word {
                    *slot |= 1 << (at % 64);
                }
                left = tail;
            }
            words = rest;
            word += 1;
        }
        Self { bits }
    }

    /// Can `c` be one of the characters? False only when it is none of them.
    pub(crate) fn may_hold(&self, c: char) -> bool {
        let at = c as usize % 1024;
        self.bits
            .get(at / 64)
            .is_some_and(|w| w & (1 << (at % 64)) != 0)
    }
}

/// `prefix` followed by `n` in decimal (`s2-p`, 3 → `s2-p3`): an id, made without the formatting
/// machinery (ids are made for every block and fact).
pub(crate) fn id_of(prefix: &str, n: usize) -> String {
    fn push_decimal(s: &mut String, n: usize) {
        if n >= 10 {
            push_decimal(s, n / 10);
        }
        s.extend(
            u32::try_from(n % 10)
                .ok()
                .and_then(|d| char::from_digit(d, 10)),
        );
    }
    let mut id = String::with_capacity(prefix.len() + 6);
    id.push_str(prefix);
    push_decimal(&mut id, n);
    id
}

/// `text.find(word)`, without setting up a substring search when the word is not in the text at all
/// (`contains` with a string looks for its first and last bytes many at a time).
pub(crate) fn find_word(text: &str, word: &str) -> Option<usize> {
    if text.contains(word) {
        text.find(word)
    } else {
        None
    }
}

/// The characters of `text`, allocated once at their exact number (collecting grows the vector
/// several times).
pub(crate) fn chars_of(text: &str) -> Vec<char> {
    let mut chars = Vec::with_capacity(text.chars().count());
    // Decoded here rather than through `str::chars`, whose per-character call the size-optimised
    // build does not inline. The text is valid UTF-8: every sequence decodes to a character.
    let mut bytes = text.as_bytes();
    while let [lead, rest @ ..] = bytes {
        let (code, rest) = match (*lead, rest) {
            (0..=0x7f, _) => (u32::from(*lead), rest),
            (0xc0..=0xdf, [b, rest @ ..]) => {
                (u32::from(lead & 0x1f) << 6 | u32::from(b & 0x3f), rest)
            }
            (0xe0..=0xef, [b, c, rest @ ..]) => (
                u32::from(lead & 0x0f) << 12 | u32::from(b & 0x3f) << 6 | u32::from(c & 0x3f),
                rest,
            ),
            (_, [b, c, d, rest @ ..]) => (
                u32::from(lead & 0x07) << 18
                    | u32::from(b & 0x3f) << 12
                    | u32::from(c & 0x3f) << 6
                    | u32::from(d & 0x3f),
                rest,
            ),
            _ => break,
        };
        if let Some(c) = char::from_u32(code) {
            chars.push(c);
        }
        bytes = rest;
    }
    chars
}

/// `chars` as a `String`, allocated once at its exact size (collecting grows it several times).
fn string_of(chars: &[char]) -> String {
    let mut s = String::with_capacity(chars.iter().map(|c| c.len_utf8()).sum());
    s.extend(chars);
    s
}
