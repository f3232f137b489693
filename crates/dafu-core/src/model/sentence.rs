//! The one sentence cutter: the sentence of a reply's text around a fact, for what 复制引用 quotes
//! (`cite.rs`) and for the word a funding sentence says about its money (`funding.rs`).
//!
//! Replies are published with full-width punctuation (the ideographic full stop U+3002 and the
//! full-width exclamation mark, question mark, semicolon and bracket U+FF01, U+FF1F, U+FF1B, U+FF09)
//! and are often retyped or converted with the ASCII marks: both forms end a sentence alike. The
//! full-width marks are written as escapes because some editors and tools turn them into ASCII
//! unseen, which once left both cutters with the ASCII mark twice and the full-width one missing.

/// Where a sentence ends: 。, full-width ! and ?, ASCII ! and ?.
const FULL_STOPS: [char; 5] = ['。', '\u{ff01}', '\u{ff1f}', '!', '?'];

/// Where a clause that stands as a sentence ends, besides the full stops: full-width and ASCII ;.
const SEMICOLONS: [char; 2] = ['\u{ff1b}', ';'];

/// Closing quotation marks and brackets that belong to the sentence they follow (`“…。”`): ” ’ 」 』,
/// full-width ) and ASCII ).
const CLOSERS: [char; 6] = ['”', '’', '」', '』', '\u{ff09}', ')'];

/// How far the text around a fact reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cut {
    /// To the full stops (and line breaks): what a citation quotes. A semicolon does not end it: a
    /// clause of an enumeration (`一是…;二是…`) quoted alone loses what it belongs to.
    Sentence,
    /// Also to the semicolons: the clause that says what was done with one amount (`一是拨付10万元;
    /// 二是安排20万元`), whose verb must not be read from its neighbour's.
    Clause,
}

impl Cut {
    fn ends_at(self, c: char) -> bool {
        FULL_STOPS.contains(&c) || self == Self::Clause && SEMICOLONS.contains(&c)
    }
}

/// The sentence (or clause, by `cut`) of `text` that holds the characters `start..end` (counted in
/// characters): from just after the previous stop or line break to its own stop and any closing mark
/// after it, trimmed. The whole text when it has no stop; an empty range gives the sentence at `start`.
/// A stop inside the range does not end the sentence before the range does.
pub fn sentence_around(text: &str, start: usize, end: usize, cut: Cut) -> &str {
    let mut from = 0;
    let mut to = text.len();
    let mut closing = false;
    for (n, (at, c)) in text.char_indices().enumerate() {
        let after = at + c.len_utf8();
        if closing {
            if CLOSERS.contains(&c) {
                to = after;
                continue;
            }
            break;
        }
        let stop = cut.ends_at(c);
        if n < start {
            if stop || c == '\n' {
                from = after;
            }
        } else if n >= end && c == '\n' {
            to = at;
            break;
        } else if n + 1 >= end && stop {
            to = after;
            closing = true;
        }
    }
    text.get(from..to).unwrap_or(text).trim()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::string_slice)]
    use super::*;

    /// ASCII marks and their full-width forms (,:;()!?), written as escapes (see the module doc).
    const WIDE: [(char, char); 7] = [
        (',', '\u{ff0c}'),
        (':', '\u{ff1a}'),
        (';', '\u{ff1b}'),
        ('(', '\u{ff08}'),
        (')', '\u{ff09}'),
        ('!', '\u{ff01}'),
        ('?', '\u{ff1f}'),
    ];

    /// The text as published: every ASCII mark of `WIDE` full-width (the cases are all Chinese).
    fn full_width(text: &str) -> String {
        text.chars()
            .map(|c| WIDE.iter().find(|(a, _)| *a == c).map_or(c, |(_, w)| *w))
            .collect()
    }

    /// Checks `fact`'s sentence in `text` is `expected`, as written (ASCII marks) and as published
    /// (full-width).
    #[track_caller]
    fn check(cut: Cut, text: &str, fact: &str, expected: &str) {
        for (text, fact, expected) in [
            (text.to_owned(), fact.to_owned(), expected.to_owned()),
            (full_width(text), full_width(fact), full_width(expected)),
        ] {
            let start = text.find(&fact).map(|b| text[..b].chars().count()).unwrap();
            let end = start + fact.chars().count();
            assert_eq!(
                sentence_around(&text, start, end, cut),
                expected,
                "{fact} in {text}"
            );
        }
    }

    #[test]
    fn the_full_width_marks_are_the_ones_meant() {
        assert_eq!(
            full_width(",:;()!?"),
            "\u{ff0c}\u{ff1a}\u{ff1b}\u{ff08}\u{ff09}\u{ff01}\u{ff1f}"
        );
        assert!(FULL_STOPS.contains(&'！') && FULL_STOPS.contains(&'？'));
        assert!(SEMICOLONS.contains(&'；') && CLOSERS.contains(&'）'));
    }

    #[test]
    fn a_fact_is_quoted_with_the_sentence_it_stands_in_and_no_other() {
        let text = "今年安排资金20万元。全市培训干部3121场,覆盖25万人次!下一步将继续推进?是。";
        for cut in [Cut::Sentence, Cut::Clause] {
            check(cut, text, "20万元", "今年安排资金20万元。");
            check(cut, text, "3121场", "全市培训干部3121场,覆盖25万人次!");
            check(cut, text, "25万人次", "全市培训干部3121场,覆盖25万人次!");
            check(cut, text, "继续", "下一步将继续推进?");
        }
    }

    #[test]
    fn a_closing_quotation_mark_or_bracket_stays_with_its_sentence() {
        for cut in [Cut::Sentence, Cut::Clause] {
            check(
                cut,
                "他说:“投入500万元。”其后另议。",
                "500万元",
                "他说:“投入500万元。”",
            );
            check(cut, "(共投入5万元。)其后另议。", "5万元", "(共投入5万元。)");
        }
    }

    #[test]
    fn a_semicolon_ends_a_clause_but_not_a_sentence() {
        let text = "一是拨付资金10万元;二是安排资金20万元。";
        check(Cut::Sentence, text, "20万元", text);
        check(Cut::Sentence, text, "10万元", text);
        check(Cut::Clause, text, "10万元", "一是拨付资金10万元;");
        check(Cut::Clause, text, "20万元", "二是安排资金20万元。");
    }

    #[test]
    fn a_text_without_a_stop_is_quoted_whole_and_a_line_break_ends_a_sentence() {
        for cut in [Cut::Sentence, Cut::Clause] {
            check(cut, "共计12个项目", "12个", "共计12个项目");
            check(
                cut,
                "第一行\n  共计12个项目\n第三行。",
                "12个",
                "共计12个项目",
            );
        }
    }

    #[test]
    fn a_range_at_the_edges_or_past_the_end_gives_a_sentence_and_never_panics() {
        let text = "去年拨付10万元。今年安排资金50万元。";
        assert_eq!(
            sentence_around(text, 0, 0, Cut::Sentence),
            "去年拨付10万元。"
        );
        assert_eq!(
            sentence_around(text, 18, 18, Cut::Clause),
            "今年安排资金50万元。"
        );
        assert_eq!(sentence_around(text, 100, 200, Cut::Clause), "");
        assert_eq!(sentence_around("", 0, 0, Cut::Sentence), "");
    }
}
