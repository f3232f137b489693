//! Plain reply text to the reply model, plus diagnostics. Never fails, never panics: what it does not
//! understand stays in the reply as plain text and is listed with its line.
//!
//! This module is the pipeline; the grammar of each part is in its module's documentation. A reply,
//! top to bottom:
//! 1. **lines** (`lines.rs`): numbered, trimmed, non-empty lines; a reply flattened onto one line is cut
//!    back into its parts;
//! 2. **header** (`header.rs`): every line before the addressee or the opening: metadata in any of
//!    the layouts of DESIGN §1, the title (possibly split or repeated), a bare 文号 line, a result
//!    class (`A类`, `(B)类`);
//! 3. **addressee** and **opening** (`opening.rs`): a short line ending in a colon names the proposer;
//!    the first line with 收悉 or 答复如下 describes the proposal (title, number, session, kind);
//! 4. **body** (`body.rs`): sections by numeral, paragraphs, initiatives, each block with its line;
//! 5. **closing** (`closing.rs`): closing paragraphs, then the signature;
//! 6. **facts**: found in every paragraph and initiative (`facts.rs`, reading through `cursor.rs`), then
//!    interpreted where they stand (`meaning.rs`: roles, purposes, payers, periods, 其中 totals, labels,
//!    key figures).
//!
//! Every stage takes time in proportion to its input (`tests/linear.rs` holds it to that): each line
//! is read a bounded number of times, blocks keep their line from the start, and inside a block no rule
//! looks further than a few characters from where it stands, except through the finder's cursor and
//! the interpretation's context, which only move forward.

mod body;
mod closing;
mod cursor;
mod facts;
mod header;
mod lines;
mod meaning;
mod opening;

use std::fmt;

use crate::model::Reply;

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
}

impl<'a> Parts<'a> {
    /// The header ends at the addressee (the last short line ending in a colon before the opening, or
    /// anywhere without an opening), else at the opening, else at the first numbered line; the body
    /// runs from after the opening (or addressee) to the closing.
    fn of(all: &'a [Line]) -> Self {
        let opening = all.iter().position(|l| opening::is_opening(&l.text));
        let addressee = all
            .iter()
            .take(opening.map_or(all.len(), |o| o + 1))
            .rposition(|l| opening::is_addressee(&l.text));
        let header_end = match (addressee, opening) {
            (Some(a), _) => a,
            (None, Some(o)) => o,
            (None, None) => all
                .iter()
                .position(|l| body::numbered(&l.text).is_some())
                .unwrap_or(0),
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
        }
    }
}

fn convert_counting(text: &str) -> (Conversion, u64) {
    if text.len() > MAX_TEXT_BYTES {
        let message = format!(
            "the text is {} bytes; the limit is {MAX_TEXT_BYTES} bytes, nothing was converted",
            text.len()
        );
        let diagnostics = vec![Diagnostic { line: 0, message }];
        return (
            Conversion {
                reply: Reply::empty(),
                diagnostics,
            },
            0,
        );
    }
    let all = lines::lines(text);
    let parts = Parts::of(&all);
    let mut diagnostics = Vec::new();

    let head = header::parse(parts.header);
    for (line, text) in &head.unknown {
        diagnostics.push(Diagnostic {
            line: *line,
            message: format!("header line not understood, left out: {text:?}"),
        });
    }

    let body = body::read(parts.body);
    if body.sections.iter().all(|s| s.numeral.is_empty()) && !parts.body.is_empty() {
        diagnostics.push(Diagnostic {
            line: parts.body.first().map_or(0, |l| l.number),
            message: "no numbered section headings; the body is one section".into(),
        });
    }

    let (closing, signature) = closing::read(parts.tail);
    let meta = head.meta();
    let addressee = parts.addressee.map(|l| l.text.clone());
    let preamble = parts.opening.map(|l| l.text.clone());
    let proposal = opening::proposal(
        &meta.title,
        preamble.as_deref(),
        addressee.as_deref(),
        head.about_proposal(),
    );
    if preamble.is_none() {
        diagnostics.push(Diagnostic {
            line: 0,
            message: "no opening line (收悉 / 答复如下) found".into(),
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
    let steps = meaning::add_facts(&mut reply, &body.block_lines, &mut diagnostics);
    (Conversion { reply, diagnostics }, steps)
}
