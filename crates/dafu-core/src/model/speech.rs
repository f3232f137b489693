//! The reply read aloud (朗读): every text in the order the page shows it, cut into sentences, each
//! worded the way a person says it.
//!
//! [`Reply::reading_script`] gives one [`Utterance`] per sentence: the header (title), the addressee
//! and opening, each section (heading, then its paragraphs and initiatives), the timeline and the
//! funding as sentences of their own (`2023年,拨付305.29万元,用于…`), then the closing and the
//! signature. Each utterance says which part of the page it belongs to (a section's 朗读 reads its
//! own) and which element shows it (the view highlights it while it is read).
//!
//! Numbers stay as written: a zh-CN voice reads `305.29万元`, `2023年4月` and `十四五` as a person
//! would. [`spoken`] only rewrites what a voice would read sign by sign or digit by digit:
//! - a range `3-5年`, `5~10万元`, `2021—2025年` → `3至5年`, `5至10万元`, `2021至2025年`;
//! - a document number's year `〔2023〕12号` (also `[2023]`, `【2023】`) → `2023年第12号`;
//! - a dotted date `2023.4.5` → `2023年4月5日` (`2023.4` alone may be a decimal and stays);
//! - a rate `120万元/公里` → `120万元每公里`;
//! - thousands separators `1,531` → `1531`;
//! - an ellipsis (`…`) is left out.

use super::money::MoneyRole;
use super::reply::{Block, Reply, TextId};

/// The part of the page an utterance belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadPart {
    /// The title, the addressee and the opening.
    Header,
    /// The section at this index of [`Reply::sections`].
    Section(usize),
    /// The timeline.
    Timeline,
    /// The funding.
    Funding,
    /// The closing lines and the signature.
    Closing,
}

/// The element that shows what an utterance reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadTarget {
    /// One of the reply's texts, by its anchor name (`meta-title`, `preamble`, `heading-s1`, a block
    /// id, `closing-1`, `signature`; see [`TextId`]).
    Text(String),
    /// A heading of dafu's own (`timeline-title`, `funding-title`).
    Own(&'static str),
    /// A timeline entry: its place among all entries oldest first, and newest first.
    Timeline {
        /// Index in the oldest-first order.
        oldest: usize,
        /// Index in the newest-first order.
        newest: usize,
    },
    /// A bar of the funding chart by purpose, by its index ([`Reply::bars_by_purpose`]).
    Funding(usize),
}

/// One sentence to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Utterance {
    /// Where on the page it is.
    pub part: ReadPart,
    /// The element that shows it.
    pub target: ReadTarget,
    /// The sentence as written (shown while it is read).
    pub written: String,
    /// The sentence as the voice is given it ([`spoken`]).
    pub spoken: String,
}

/// Ends a sentence: the full-width and ASCII stops, and a line break.
fn ends_sentence(c: char) -> bool {
    matches!(
        c,
        '。' | '!' | '?' | ';' | '\u{FF01}' | '\u{FF1F}' | '\u{FF1B}' | '\n'
    )
}

/// `text` cut after each sentence end; pieces are trimmed and those with nothing to say left out.
pub fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut push = |s: &mut String| {
        let piece = s.trim();
        if piece.chars().any(char::is_alphanumeric) {
            out.push(piece.to_owned());
        }
        s.clear();
    };
    for c in text.chars() {
        current.push(c);
        if ends_sentence(c) {
            push(&mut current);
        }
    }
    push(&mut current);
    out
}

fn is_digit(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_ascii_digit() || ('\u{FF10}'..='\u{FF19}').contains(c))
}

/// The digits at the start of `chars`, ASCII or full-width, as ASCII.
fn digits_at(chars: &[char]) -> String {
    chars
        .iter()
        .take_while(|c| is_digit(Some(c)))
        .map(|&c| {
            if c.is_ascii_digit() {
                c
            } else {
                char::from_u32(u32::from(c) - 0xFF10 + u32::from('0')).unwrap_or(c)
            }
        })
        .collect()
}

/// `2023.4.5` at the start of `chars` (a year 1900–2100, a month, a day, then no further digit or
/// dot) as `2023年4月5日`, with the number of characters it takes.
fn dotted_date(chars: &[char]) -> Option<(String, usize)> {
    let mut parts = Vec::new();
    let mut at = 0;
    for _ in 0..3 {
        let part = digits_at(chars.get(at..).unwrap_or_default());
        at += part.len();
        parts.push(part.parse::<u32>().ok()?);
        if parts.len() < 3 {
            (chars.get(at) == Some(&'.')).then_some(())?;
            at += 1;
        }
    }
    let next = chars.get(at);
    let ok = match parts.as_slice() {
        [y, m, d] => (1900..=2100).contains(y) && (1..=12).contains(m) && (1..=31).contains(d),
        _ => false,
    };
    (ok && !is_digit(next) && next != Some(&'.')).then(|| {
        let [y, m, d] = [0, 1, 2].map(|k| parts.get(k).copied().unwrap_or_default());
        (format!("{y}年{m}月{d}日"), at)
    })
}

/// `text` worded for a voice: see the module documentation for each rule.
pub fn spoken(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let prev = chars.get(i.wrapping_sub(1)).filter(|_| i > 0);
        let next = chars.get(i + 1);
        let rest = chars.get(i..).unwrap_or_default();
        match c {
            // A range between two numbers.
            '-' | '–' | '—' | '~' | '\u{FF5E}' | '\u{FF0D}' | '〜'
                if is_digit(prev) && is_digit(next) =>
            {
                out.push('至');
            }
            // A document number's year in brackets.
            '〔' | '[' | '【' | '\u{FF3B}' => {
                let year = digits_at(rest.get(1..).unwrap_or_default());
                let close = rest.get(1 + year.chars().count());
                if year.len() == 4 && matches!(close, Some('〕' | ']' | '】' | '\u{FF3D}')) {
                    out.push_str(&year);
                    out.push('年');
                    i += year.len() + 2;
                    let after = chars.get(i..).unwrap_or_default();
                    let number = digits_at(after);
                    if !number.is_empty() && after.get(number.len()) == Some(&'号') {
                        out.push('第');
                    }
                    continue;
                }
                out.push(c);
            }
            // A dotted date: a four-digit year, a month and a day (`2023.4` alone may be a decimal).
            _ if is_digit(Some(&c)) && !is_digit(prev) && prev != Some(&'.') => {
                match dotted_date(rest) {
                    Some((said, n)) => {
                        out.push_str(&said);
                        i += n;
                        continue;
                    }
                    None => out.push(c),
                }
            }
            // A rate: an amount or figure per a unit.
            '/' | '\u{FF0F}' if prev.is_some_and(|p| !p.is_ascii()) || is_digit(prev) => {
                if next.is_some_and(|n| !n.is_ascii() || n.is_ascii_digit()) {
                    out.push('每');
                } else {
                    out.push(c);
                }
            }
            // Thousands separators.
            ',' | '\u{FF0C}'
                if is_digit(prev)
                    && digits_at(rest.get(1..).unwrap_or_default()).len() == 3
                    && !is_digit(rest.get(4)) =>
            {
                // Left out.
            }
            '…' | '⋯' => {}
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// The verb a funding sentence uses for a role.
fn role_verb(role: MoneyRole) -> &'static str {
    match role {
        MoneyRole::Allocated => "拨付",
        MoneyRole::Obtained => "争取到",
        MoneyRole::Requested => "申请",
        MoneyRole::Refused => "未获批",
        MoneyRole::Loan => "贷款",
        MoneyRole::Planned => "计划安排",
    }
}

/// An ordinal said before its item: `(一)` → `一、`, `1.` → `1、`; `一是` stays.
fn said_ordinal(ordinal: &str) -> String {
    let core: String = ordinal
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '(' | ')' | '\u{FF08}' | '\u{FF09}' | '.' | '\u{FF0E}' | '、' | ' '
            )
        })
        .collect();
    if core.is_empty() || core.ends_with('是') || core.starts_with('第') {
        core
    } else {
        format!("{core}、")
    }
}

impl Reply {
    /// Every sentence of the reply in the order the page shows it, each with its part of the page,
    /// the element that shows it, and the words the voice is given (see the module documentation).
    pub fn reading_script(&self) -> Vec<Utterance> {
        let mut out = Vec::new();
        let mut say = |part: ReadPart, target: ReadTarget, text: &str| {
            for written in sentences(text) {
                let spoken = spoken(&written);
                out.push(Utterance {
                    part,
                    target: target.clone(),
                    written,
                    spoken,
                });
            }
        };
        let text = |id: TextId<'_>| ReadTarget::Text(id.to_string());
        say(ReadPart::Header, text(TextId::Title), &self.meta.title);
        if let Some(issuer) = self
            .meta
            .issuer
            .as_deref()
            .filter(|i| !self.meta.title.contains(i))
        {
            say(ReadPart::Header, text(TextId::Title), issuer);
        }
        if let Some(a) = &self.addressee {
            say(ReadPart::Header, text(TextId::Preamble), a);
        }
        if let Some(p) = &self.preamble {
            say(ReadPart::Header, text(TextId::Preamble), p);
        }
        for (i, section) in self.sections.iter().enumerate() {
            let part = ReadPart::Section(i);
            let heading = format!("{}{}", section.numeral, section.heading);
            say(part, text(TextId::Heading(&section.id)), &heading);
            for block in &section.blocks {
                let target = ReadTarget::Text(block.id().to_owned());
                match block {
                    Block::Paragraph { text, .. } => say(part, target, text),
                    Block::Initiative {
                        ordinal,
                        headline,
                        text,
                        ..
                    } => {
                        let lead = format!(
                            "{}{}",
                            said_ordinal(ordinal),
                            headline.as_deref().unwrap_or_default()
                        );
                        // The ordinal rides with the first sentence, so it is never read alone.
                        say(part, target, &format!("{lead}{text}"));
                    }
                }
            }
        }
        let timeline = self.timeline();
        if !timeline.is_empty() {
            say(
                ReadPart::Timeline,
                ReadTarget::Own("timeline-title"),
                "时间线。",
            );
            let newest: Vec<String> = timeline
                .ordered(true)
                .into_iter()
                .flat_map(|g| g.entries.into_iter().map(|e| e.key))
                .collect();
            let entries = timeline.groups.iter().flat_map(|g| g.entries.iter());
            for (oldest, e) in entries.enumerate() {
                let newest = newest.iter().position(|k| *k == e.key).unwrap_or(oldest);
                let summary = e.summary.trim_end_matches(['…', '。']);
                let sentence = match &e.date {
                    Some(d) => format!("{},{summary}。", d.written()),
                    None => format!("{summary}。"),
                };
                let target = ReadTarget::Timeline { oldest, newest };
                out_timeline(&mut say, target, &sentence);
            }
        }
        if !self.funding.is_empty() {
            say(
                ReadPart::Funding,
                ReadTarget::Own("funding-title"),
                "资金。",
            );
            if let Some(total) = self.funding_totals().allocated {
                let sentence = format!("合计拨付{total}万元。");
                say(
                    ReadPart::Funding,
                    ReadTarget::Own("funding-title"),
                    &sentence,
                );
            }
            for (n, bar) in self.bars_by_purpose().iter().enumerate() {
                let Some(item) = self.funding.iter().find(|f| f.id == bar.link) else {
                    continue;
                };
                let mut sentence = String::new();
                if bar.depth > 0 {
                    sentence.push_str("其中,");
                }
                if let Some(period) = &item.period {
                    sentence.push_str(period.written());
                    sentence.push(',');
                }
                sentence.push_str(role_verb(item.role));
                sentence.push_str(&item.written);
                if let Some(purpose) = &item.purpose {
                    if !purpose.starts_with("用于") {
                        sentence.push_str(",用于");
                    } else {
                        sentence.push(',');
                    }
                    sentence.push_str(purpose);
                }
                sentence.push('。');
                say(ReadPart::Funding, ReadTarget::Funding(n), &sentence);
            }
        }
        for (n, line) in (1..).zip(&self.closing) {
            say(ReadPart::Closing, text(TextId::Closing(n)), line);
        }
        if let Some(s) = &self.signature {
            if let Some(signer) = &s.signer {
                say(ReadPart::Closing, text(TextId::Signer), signer);
            }
            if let Some(date) = &s.date {
                say(
                    ReadPart::Closing,
                    text(TextId::SignatureDate),
                    date.written(),
                );
            }
        }
        out
    }
}

/// A timeline entry is one utterance even when its summary holds a stop, so it highlights one entry.
fn out_timeline(
    say: &mut impl FnMut(ReadPart, ReadTarget, &str),
    target: ReadTarget,
    sentence: &str,
) {
    let one_line: String = sentence
        .chars()
        .map(|c| if ends_sentence(c) { ',' } else { c })
        .collect();
    let trimmed = one_line.trim_end_matches(',');
    say(ReadPart::Timeline, target, &format!("{trimmed}。"));
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;

    #[test]
    fn a_range_between_numbers_is_read_as_zhi() {
        assert_eq!(spoken("3-5年"), "3至5年");
        assert_eq!(spoken("5~10万元"), "5至10万元");
        assert_eq!(spoken("2021—2025年"), "2021至2025年");
        assert_eq!(spoken("3\u{FF5E}5年"), "3至5年");
        assert_eq!(spoken("\u{FF13}\u{FF0D}\u{FF15}年"), "\u{FF13}至\u{FF15}年");
    }

    #[test]
    fn a_dash_that_is_not_a_range_is_kept() {
        assert_eq!(spoken("民族团结—进步"), "民族团结—进步");
        assert_eq!(spoken("A-B类"), "A-B类");
    }

    #[test]
    fn a_document_numbers_year_in_brackets_is_read_as_a_year_and_its_number_as_an_ordinal() {
        assert_eq!(spoken("呼民宗发〔2023〕12号"), "呼民宗发2023年第12号");
        assert_eq!(spoken("[2022]3号"), "2022年第3号");
        assert_eq!(spoken("\u{FF3B}2022\u{FF3D}3号"), "2022年第3号");
        assert_eq!(spoken("【2021】"), "2021年");
        assert_eq!(spoken("〔064〕号"), "〔064〕号");
    }

    #[test]
    fn dotted_dates_are_read_as_dates_and_decimals_stay_numbers() {
        assert_eq!(spoken("2023.4.5召开"), "2023年4月5日召开");
        assert_eq!(spoken("2023.12起"), "2023.12起");
        assert_eq!(spoken("2023.4.5.6"), "2023.4.5.6");
        assert_eq!(spoken("305.29万元"), "305.29万元");
        assert_eq!(spoken("2023.5万元"), "2023.5万元");
        assert_eq!(spoken("1234.56"), "1234.56");
    }

    #[test]
    fn numbers_a_voice_reads_well_stay_as_written() {
        let text = "截至2023年4月,拨付305.29万元,“十四五”期间培训1531期、25%";
        assert_eq!(spoken(text), text);
    }

    #[test]
    fn a_rate_is_read_with_mei_and_thousands_separators_go() {
        assert_eq!(spoken("120万元/公里"), "120万元每公里");
        assert_eq!(spoken("2万元/项"), "2万元每项");
        assert_eq!(spoken("共1,531期"), "共1531期");
        assert_eq!(spoken("1,2"), "1,2");
        assert_eq!(spoken("一项…"), "一项");
    }

    #[test]
    fn sentences_are_cut_after_each_stop_and_empty_pieces_are_left_out() {
        assert_eq!(
            sentences("第一句。第二句!第三句;第四句\u{FF01}第五句\u{FF1F}\n。"),
            vec![
                "第一句。",
                "第二句!",
                "第三句;",
                "第四句\u{FF01}",
                "第五句\u{FF1F}"
            ]
        );
        assert_eq!(sentences("无句号"), vec!["无句号"]);
        assert!(sentences("。 \n").is_empty());
    }

    fn seed() -> Reply {
        Reply::from_json(crate::model::DEFAULT_REPLY_JSON).unwrap()
    }

    #[test]
    fn the_seed_is_read_in_page_order_header_sections_timeline_funding_closing() {
        let script = seed().reading_script();
        let parts: Vec<ReadPart> = script.iter().map(|u| u.part).collect();
        let rank = |p: &ReadPart| match p {
            ReadPart::Header => 0,
            ReadPart::Section(i) => 1 + *i,
            ReadPart::Timeline => 100,
            ReadPart::Funding => 101,
            ReadPart::Closing => 102,
        };
        assert!(parts.windows(2).all(|w| rank(&w[0]) <= rank(&w[1])));
        assert_eq!(script[0].written, "关于政协提案的答复");
        assert_eq!(script[0].target, ReadTarget::Text("meta-title".into()));
        for p in [
            ReadPart::Section(0),
            ReadPart::Timeline,
            ReadPart::Funding,
            ReadPart::Closing,
        ] {
            assert!(parts.contains(&p), "{p:?} is read");
        }
        let first_of_section = script
            .iter()
            .find(|u| u.part == ReadPart::Section(0))
            .unwrap();
        assert_eq!(
            first_of_section.target,
            ReadTarget::Text("heading-s1".into())
        );
        assert!(first_of_section
            .written
            .starts_with("一、关于持续全面加强党对民族工作的领导"));
    }

    #[test]
    fn the_seeds_funding_is_read_as_sentences_with_year_verb_amount_and_purpose() {
        let script = seed().reading_script();
        let funding: Vec<&Utterance> = script
            .iter()
            .filter(|u| u.part == ReadPart::Funding)
            .collect();
        assert_eq!(funding[0].written, "资金。");
        assert_eq!(funding[1].written, "合计拨付631.29万元。");
        assert_eq!(
            funding[2].spoken,
            "2023年,拨付305.29万元,用于创建全国民族团结进步示范市工作经费。"
        );
        assert_eq!(funding[2].target, ReadTarget::Funding(0));
        assert_eq!(funding.len(), 2 + 3);
    }

    #[test]
    fn an_initiative_is_read_with_its_ordinal_and_headline_first() {
        let script = seed().reading_script();
        let first = script
            .iter()
            .find(|u| u.target == ReadTarget::Text("s2-i1".into()))
            .unwrap();
        assert!(
            first.written.starts_with("一是面向干部实施示范工程。"),
            "{}",
            first.written
        );
        assert_eq!(said_ordinal("(一)"), "一、");
        assert_eq!(said_ordinal("1."), "1、");
        assert_eq!(said_ordinal("\u{FF08}二\u{FF09}"), "二、");
        assert_eq!(said_ordinal("第一"), "第一");
    }

    #[test]
    fn each_timeline_entry_is_one_sentence_that_knows_its_place_in_both_orders() {
        let reply = seed();
        let script = reply.reading_script();
        let entries: Vec<&Utterance> = script
            .iter()
            .filter(|u| matches!(u.target, ReadTarget::Timeline { .. }))
            .collect();
        let n = reply.timeline().len();
        assert_eq!(entries.len(), n);
        for (i, u) in entries.iter().enumerate() {
            let ReadTarget::Timeline { oldest, newest } = u.target else {
                unreachable!()
            };
            assert_eq!(oldest, i);
            assert!(newest < n);
            assert_eq!(u.written.matches('。').count(), 1, "{}", u.written);
        }
        assert!(entries
            .iter()
            .any(|u| u.written.starts_with("截至2023年4月,")));
    }
}
