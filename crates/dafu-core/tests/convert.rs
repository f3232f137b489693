//! Native tests of the text converter: fixtures in and snapshots out, agreement with the hand-made
//! seed JSON, never panicking on arbitrary input.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // A failing test is a panic.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use dafu_core::model::{Block, Reply, DEFAULT_REPLY_JSON};
use dafu_core::parse::convert;

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/convert")
}

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

/// Compares every `tests/fixtures/convert/*.txt` with its `.expected.json`; `UPDATE_EXPECT=1` rewrites.
#[track_caller]
fn check(dir: &Path) {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut names: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    names.sort();
    let mut failures = Vec::new();
    for path in names
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        let actual = outcome(&fs::read_to_string(path).unwrap());
        let expected_path = path.with_extension("expected.json");
        if update {
            fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        if fs::read_to_string(&expected_path).unwrap_or_default() != actual {
            failures.push(path.display().to_string());
        }
    }
    assert!(
        failures.is_empty(),
        "conversions differ (UPDATE_EXPECT=1 to accept after review): {failures:?}"
    );
}

#[test]
fn every_fixture_converts_to_its_reviewed_snapshot() {
    check(&fixtures());
}

fn seed_text() -> String {
    fs::read_to_string(fixtures().join("seed.txt")).unwrap()
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

#[test]
fn arbitrary_text_never_panics_and_always_yields_a_sound_reply_quickly() {
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    let mut worst = Duration::ZERO;
    for _ in 0..3000 {
        let len = rng.below(200);
        let text: String = (0..len)
            .map(|_| ALPHABET[rng.below(ALPHABET.len())])
            .collect();
        let start = Instant::now();
        let c = convert(&text);
        worst = worst.max(start.elapsed());
        assert!(
            c.reply.problems().is_empty(),
            "{text:?}: {:?}",
            c.reply.problems()
        );
    }
    assert!(
        worst < Duration::from_millis(500),
        "slowest small input took {worst:?}"
    );
}

#[test]
fn mutated_real_replies_never_panic_and_take_time_proportional_to_their_length() {
    let mut rng = XorShift(42);
    let mut originals: Vec<String> = fs::read_dir(fixtures())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| fs::read_to_string(e.path()).unwrap())
        .collect();
    originals.sort();
    for original in &originals {
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
            let start = Instant::now();
            let c = convert(&text);
            let budget = Duration::from_millis(50) + Duration::from_micros(50 * text.len() as u64);
            assert!(
                start.elapsed() < budget,
                "{} bytes took {:?}",
                text.len(),
                start.elapsed()
            );
            assert!(c.reply.problems().is_empty());
        }
    }
    // A long input: every reply repeated, 1 MB or so, converts in linear time.
    let big: String = originals
        .iter()
        .cycle()
        .take(400)
        .cloned()
        .collect::<Vec<_>>()
        .join("\n");
    let start = Instant::now();
    let c = convert(&big);
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "{} bytes took {:?}",
        big.len(),
        start.elapsed()
    );
    assert!(c.reply.problems().is_empty());
}

#[test]
fn text_over_the_size_limit_is_refused_with_a_diagnostic_not_converted() {
    let text = "一、".repeat(dafu_core::parse::MAX_TEXT_BYTES / 6 + 1);
    let c = convert(&text);
    assert!(c.reply.sections.is_empty());
    assert_eq!(c.diagnostics.len(), 1);
    assert!(
        c.diagnostics[0]
            .message
            .ends_with("the limit is 20971520 bytes, nothing was converted"),
        "{}",
        c.diagnostics[0]
    );
}
