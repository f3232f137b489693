//! Native tests of the text converter: fixtures in and snapshots out, agreement with the hand-made
//! seed JSON, never panicking on arbitrary input.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // A failing test is a panic.

mod common;

use std::fs;

use common::Expected;
use dafu_core::model::{Block, Reply, DEFAULT_REPLY_JSON};
use dafu_core::parse::convert;

/// What a conversion gives, as text: the reply JSON, then each diagnostic.
fn outcome(text: &str) -> String {
    let c = convert(text);
    let mut out = c.reply.to_json();
    out.push('\n');
    for d in &c.diagnostics {
        out.push_str(&format!("// {d}\n"));
    }
    out
}

#[test]
fn every_fixture_converts_to_its_reviewed_snapshot() {
    common::check(
        "tests/fixtures/convert",
        "txt",
        19,
        Expected::Beside("expected.json"),
        |_, bytes| outcome(&String::from_utf8_lossy(bytes)),
    );
}

fn seed_text() -> String {
    fs::read_to_string(common::repo().join("tests/fixtures/convert/seed.txt")).unwrap()
}

/// Every fixture text, in name order.
fn originals() -> Vec<String> {
    common::fixtures("tests/fixtures/convert", "txt")
        .iter()
        .map(|p| fs::read_to_string(p).unwrap())
        .collect()
}

/// Facts as comparable lines: kind, written, block, range, and the value.
fn facts(r: &Reply) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for f in &r.figures {
        out.push(format!(
            "figure {} {}[{}..{}] {} {:?} {} {:?}",
            f.written, f.at.block, f.at.start, f.at.end, f.value, f.multiplier, f.unit, f.approx
        ));
    }
    for m in &r.funding {
        out.push(format!(
            "money {} {}[{}..{}] {} {:?} {:?} {:?}",
            m.written,
            m.at.block,
            m.at.start,
            m.at.end,
            m.money,
            m.role,
            m.part_of,
            m.period.as_ref().map(|p| p.when())
        ));
    }
    for d in &r.dates {
        out.push(format!(
            "date {} {}[{}..{}] {:?} {:?}",
            d.date.written(),
            d.at.block,
            d.at.start,
            d.at.end,
            d.date.when(),
            d.role
        ));
    }
    out
}

#[test]
fn the_converted_seed_agrees_with_the_hand_made_seed_on_every_fact() {
    let converted = convert(&seed_text()).reply;
    let hand = Reply::from_json(DEFAULT_REPLY_JSON).unwrap();
    assert_eq!(facts(&converted), facts(&hand));
    assert_eq!(converted.figures.len(), 20);
    assert!(
        converted.problems().is_empty(),
        "{:?}",
        converted.problems()
    );
}

#[test]
fn the_converted_seed_has_the_same_sections_initiatives_and_metadata() {
    let converted = convert(&seed_text()).reply;
    let hand = Reply::from_json(DEFAULT_REPLY_JSON).unwrap();
    let shape = |r: &Reply| -> Vec<String> {
        r.sections
            .iter()
            .flat_map(|s| {
                std::iter::once(format!("{}{}", s.numeral, s.heading)).chain(s.blocks.iter().map(
                    |b| match b {
                        Block::Paragraph { id, text } => format!("{id} {text}"),
                        Block::Initiative {
                            id,
                            ordinal,
                            headline,
                            text,
                            stage,
                        } => format!("{id} {ordinal} {headline:?} {stage:?} {text}"),
                    },
                ))
            })
            .collect()
    };
    assert_eq!(shape(&converted), shape(&hand));
    assert_eq!(converted.meta.fields, hand.meta.fields);
    assert_eq!(converted.meta.written, hand.meta.written);
    assert_eq!(converted.meta.published, hand.meta.published);
    assert_eq!(converted.meta.validity, hand.meta.validity);
    assert_eq!(converted.meta.title, hand.meta.title);
    assert_eq!(converted.proposal, hand.proposal);
    assert_eq!(converted.preamble, hand.preamble);
    assert_eq!(converted.closing, hand.closing);
}

/// A small, seeded generator, so the "arbitrary input" below is the same on every run.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n.max(1) as u64)).unwrap_or(0)
    }
}

const ALPHABET: &[&str] = &[
    "0",
    "1",
    "2",
    "9",
    ".",
    "-",
    "—",
    "年",
    "月",
    "日",
    "万",
    "亿",
    "元",
    "万元",
    "近",
    "多",
    "余",
    "超",
    "其中",
    "截至",
    "以来",
    "十四五",
    "一",
    "二",
    "是",
    "、",
    "(",
    ")",
    "(",
    "|",
    ":",
    ":",
    "\n",
    "\r\n",
    "\r",
    " ",
    "\u{3000}",
    "。",
    ";",
    ",",
    "号",
    "第",
    "收悉",
    "答复如下",
    "委员:",
    "一是",
    "下一步",
    "贷款",
    "申请",
    "未获",
    "/",
    "项",
    "人次",
    "km²",
    "\u{200b}",
    "\u{202e}",
    "😀",
    "〔",
    "〕",
    "《",
    "》",
    "“",
    "”",
    "索引号",
    "- ",
    "感谢",
    "2017821",
    "8月6日",
];

// No test here times a single conversion: a budget in milliseconds fails on a busy machine and says
// little on an idle one. Speed is measured by `cargo bench --bench convert`; what a test can check
// without flaking is that the cost grows linearly with the length (the last test below).

#[test]
fn arbitrary_text_never_panics_and_always_yields_a_sound_reply() {
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    for _ in 0..3000 {
        let len = rng.below(200);
        let text: String = (0..len)
            .map(|_| ALPHABET[rng.below(ALPHABET.len())])
            .collect();
        let c = convert(&text);
        assert!(
            c.reply.problems().is_empty(),
            "{text:?}: {:?}",
            c.reply.problems()
        );
    }
}

#[test]
fn mutated_real_replies_never_panic_and_always_yield_a_sound_reply() {
    let mut rng = XorShift(42);
    for original in &originals() {
        for _ in 0..60 {
            let mut chars: Vec<char> = original.chars().collect();
            for _ in 0..1 + rng.below(20) {
                let at = rng.below(chars.len() + 1);
                match rng.below(3) {
                    0 if at < chars.len() => {
                        chars.remove(at);
                    }
                    1 => chars.insert(
                        at.min(chars.len()),
                        ALPHABET[rng.below(ALPHABET.len())]
                            .chars()
                            .next()
                            .unwrap_or('x'),
                    ),
                    _ if at + 1 < chars.len() => chars.swap(at, at + 1),
                    _ => {}
                }
            }
            let text: String = chars.into_iter().collect();
            let c = convert(&text);
            assert!(c.reply.problems().is_empty(), "{text:?}");
        }
    }
}

#[test]
fn converting_ten_times_as_much_text_costs_about_ten_times_as_much() {
    // Every reply one after another, as if a site's archive were pasted at once: about 100 KB, then
    // ten times that, compared with each other rather than with a clock.
    let all = originals().join("\n");
    let small = vec![all.as_str(); (100_000 / all.len()).max(1)].join("\n");
    let big = [small.as_str(); 10].join("\n");
    let c = convert(&big);
    assert!(c.reply.problems().is_empty(), "{:?}", c.reply.problems());
    common::assert_cost_grows_linearly("convert", &small, &big, 4, |text| {
        std::hint::black_box(convert(text));
    });
}

#[test]
fn text_over_the_size_limit_is_refused_with_a_diagnostic_not_converted() {
    let text = "一、".repeat(dafu_core::parse::MAX_TEXT_BYTES / 6 + 1);
    let c = convert(&text);
    assert!(c.reply.sections.is_empty());
    assert_eq!(c.diagnostics.len(), 1);
    assert!(
        c.diagnostics[0]
            .message()
            .ends_with("the limit is 20971520 bytes, nothing was converted"),
        "{}",
        c.diagnostics[0]
    );
}
