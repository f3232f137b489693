//! Native tests of next steps at a glance (`Reply::next_steps`): real replies against what a reader
//! lists, the seed, one-line rules in both punctuations, and every item pointing at its own text.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // A failing test is a panic.

mod common;

use std::collections::BTreeMap;
use std::fs;

use common::{ascii_punctuation, full_width, repo};
use serde_json::json;

use dafu_core::model::{
    numeral_value, NextStep, NextStepKind, Position, Reply, DEFAULT_REPLY_JSON,
};
use dafu_core::parse::convert;

/// What a reader lists for one reply: (mark, kind, text) with mark `+`, `?` or `!`.
type Listed = Vec<(char, String, String)>;

/// `tests/fixtures/next_steps/expected.txt`, by reply name.
fn expected() -> BTreeMap<String, Listed> {
    let path = repo().join("tests/fixtures/next_steps/expected.txt");
    let text = fs::read_to_string(&path).unwrap();
    let mut out: BTreeMap<String, Listed> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        if let Some(name) = line.strip_prefix("== ") {
            current = Some(name.to_owned());
            out.entry(name.to_owned()).or_default();
            continue;
        }
        let mark = line.chars().next().unwrap();
        assert!(matches!(mark, '+' | '?' | '!'), "bad line {line:?}");
        let (kind, text) = line[1..].split_once('|').unwrap();
        let name = current.clone().expect("a line before the first reply");
        out.get_mut(&name)
            .unwrap()
            .push((mark, kind.trim().to_owned(), text.trim().to_owned()));
    }
    out
}

/// The text of the reply named in the fixture list.
fn source(name: &str) -> String {
    let path = if name.starts_with("example_") {
        repo().join(format!("tests/fixtures/convert/{name}.txt"))
    } else {
        repo().join(format!("tests/fixtures/corpus/{name}.txt"))
    };
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn kind_word(kind: NextStepKind) -> &'static str {
    match kind {
        NextStepKind::Initiative => "initiative",
        NextStepKind::Commitment => "sentence",
    }
}

/// The items as the fixture writes them: kind and text, punctuation in ASCII.
fn shown(steps: &[NextStep]) -> Vec<(String, String)> {
    steps
        .iter()
        .map(|s| (kind_word(s.kind).to_owned(), ascii_punctuation(&s.text)))
        .collect()
}

/// Each step's range, cut from the text it names, is the text it shows (an initiative's range is
/// its whole text).
#[track_caller]
fn check_ranges(reply: &Reply, steps: &[NextStep]) {
    for s in steps {
        let text = reply.anchor_text(&s.anchor).unwrap_or_else(|| {
            panic!("{} names no text", s.anchor);
        });
        let cut: String = text.chars().skip(s.start).take(s.end - s.start).collect();
        match s.kind {
            NextStepKind::Commitment => assert_eq!(cut, s.text, "{}", s.anchor),
            NextStepKind::Initiative => assert_eq!(cut, text, "{}", s.anchor),
        }
    }
}

#[test]
fn real_replies_list_the_next_steps_a_reader_finds_in_both_punctuations() {
    let all = expected();
    assert_eq!(all.len(), 45, "the five examples and c01–c40");
    let mut listed = 0;
    for (name, lines) in &all {
        let want: Vec<(String, String)> = lines
            .iter()
            .filter(|(mark, _, _)| *mark != '?')
            .map(|(_, k, t)| (k.clone(), t.clone()))
            .collect();
        listed += want.len();
        let text = source(name);
        for (form, text) in [("ascii", text.clone()), ("full-width", full_width(&text))] {
            let reply = convert(&text).reply;
            let steps = reply.next_steps();
            check_ranges(&reply, &steps);
            let got = shown(&steps);
            assert_eq!(got, want, "{name} ({form} punctuation)");
            for (_, kind, missed) in lines.iter().filter(|(mark, _, _)| *mark == '?') {
                assert!(
                    !got.iter().any(|(_, t)| t == missed),
                    "{name}: the rules now find the {kind} {missed:?}: mark it `+`"
                );
            }
        }
    }
    assert!(listed >= 35, "the fixture lists {listed} next steps");
}

#[test]
fn the_seeds_next_step_is_the_promise_in_its_closing() {
    let seed = Reply::from_json(DEFAULT_REPLY_JSON).unwrap();
    let steps = seed.next_steps();
    check_ranges(&seed, &steps);
    assert_eq!(steps.len(), 1, "{steps:#?}");
    let s = &steps[0];
    assert_eq!(s.kind, NextStepKind::Commitment);
    assert_eq!(s.anchor, "closing-1");
    assert_eq!(s.position, Position::Closing);
    assert!(
        s.text.starts_with("我们将结合您提出的工作意见和建议")
            && s.text.ends_with("推动民族工作高质量发展。"),
        "{}",
        s.text
    );
    // The thanks before it are not part of the promise.
    assert_eq!(
        s.start,
        "感谢您对我市民族团结进步工作的关心和支持,".chars().count()
    );
}

/// A reply of one section holding `text` as a paragraph and two next-step initiatives.
fn reply_with(text: &str) -> Reply {
    let json = json!({
        "schema": 1,
        "sections": [{"id": "s1", "numeral": "三、", "heading": "下一步工作", "blocks": [
            {"kind": "paragraph", "id": "p1", "text": text},
            {"kind": "initiative", "id": "i1", "ordinal": "一是", "headline": "加强宣传。",
             "text": "开展宣传。", "stage": "next"},
            {"kind": "initiative", "id": "i2", "ordinal": "(2)", "text": "完善机制;明确责任。",
             "stage": "next"}
        ]}],
        "closing": ["感谢您的关心,我们将继续做好相关工作。"]
    });
    Reply::from_json(&json.to_string()).unwrap()
}

/// The commitments found in `text` as a paragraph (ASCII and full-width punctuation alike).
#[track_caller]
fn check(text: &str, expected: &[&str]) {
    for text in [ascii_punctuation(text), full_width(text)] {
        let reply = reply_with(&text);
        let steps = reply.next_steps();
        check_ranges(&reply, &steps);
        let found: Vec<String> = steps
            .iter()
            .filter(|s| s.anchor == "p1")
            .map(|s| ascii_punctuation(&s.text))
            .collect();
        assert_eq!(found, expected, "in {text:?}");
    }
}

#[test]
fn a_promise_is_found_and_a_put_or_done_is_not() {
    check("下一步,我们将加大投入。", &["下一步,我们将加大投入。"]);
    check("感谢关心,我局将积极协调.", &["我局将积极协调."]);
    check("今年将继续推进;已完成3.5公里。", &["今年将继续推进;"]);
    check(
        "在今后的工作中,我们将认真研究。",
        &["在今后的工作中,我们将认真研究。"],
    );
    check("将该项目纳入规划。", &[]);
    check("我局已将该项目上报。", &[]);
    check("为今后发展奠定基础。", &[]);
    check("希望在今后的工作中继续提出宝贵意见。", &[]);
    check("今后,欢迎您继续关心支持。", &[]);
    check("经研究,决定将旧楼拆除。", &["经研究,决定将旧楼拆除。"]);
    check(
        "待资金落实后,我局将启动建设。",
        &["待资金落实后,我局将启动建设。"],
    );
    check(
        "该项目已立项,拟于明年开工。",
        &["该项目已立项,拟于明年开工。"],
    );
    check("项目计划投资500万元。", &[]);
    check("我们一定虚心听取。", &["我们一定虚心听取。"]);
    check(
        "已建成道路12.5公里,下一步将加快推进。",
        &["下一步将加快推进。"],
    );
}

#[test]
fn an_introduction_to_next_step_initiatives_is_left_to_its_items() {
    check("下一步,我们将重点做好以下工作:", &[]);
    // Not followed by initiatives (the closing), a sentence ending in a colon still commits.
    let reply = reply_with("");
    let shown: Vec<String> = reply.next_steps().iter().map(|s| s.text.clone()).collect();
    assert_eq!(
        shown,
        ["加强宣传。", "完善机制;", "我们将继续做好相关工作。"],
        "the initiatives by headline or first sentence, then the closing's promise"
    );
}

#[test]
fn next_steps_say_where_they_are_as_numbers() {
    let reply = reply_with("下一步,我们将加大投入。");
    let places: Vec<Position> = reply.next_steps().iter().map(|s| s.position).collect();
    assert_eq!(
        places,
        [
            Position::Body {
                part: Some(3),
                item: None
            },
            Position::Body {
                part: Some(3),
                item: Some(1)
            },
            Position::Body {
                part: Some(3),
                item: Some(2)
            },
            Position::Closing,
        ]
    );
}

#[test]
fn numerals_and_ordinals_are_read_as_numbers() {
    for (written, value) in [
        ("一、", Some(1)),
        ("二.", Some(2)),
        ("(三)", Some(3)),
        ("（十）", Some(10)),
        ("十二、", Some(12)),
        ("二十、", Some(20)),
        ("二十三是", Some(23)),
        ("3.", Some(3)),
        ("12、", Some(12)),
        ("（４）", Some(4)),
        ("三是", Some(3)),
        ("第五", Some(5)),
        ("其二", Some(2)),
        ("③", Some(3)),
        ("首先", Some(1)),
        ("其次", Some(2)),
        ("最后", None),
        ("", None),
        ("〇", None),
    ] {
        assert_eq!(numeral_value(written), value, "{written:?}");
    }
}

#[test]
fn finding_next_steps_costs_linear_time_on_dense_sentences() {
    // One sentence of many clauses that each open with a next-step word and ask the reader, many
    // short promises, and clauses of time before a promise: each shape read once.
    for unit in ["今后,请", "我们将继续推进。", "到2020年,", "将纳入规划,"] {
        let small = reply_with(&unit.repeat(2_000));
        let big = reply_with(&unit.repeat(20_000));
        let (small_json, big_json) = (
            small.sections[0].blocks[0].text().to_owned(),
            big.sections[0].blocks[0].text().to_owned(),
        );
        common::assert_cost_grows_linearly(unit, &small_json, &big_json, 4, |text| {
            let reply = if text.len() == small_json.len() {
                &small
            } else {
                &big
            };
            std::hint::black_box(reply.next_steps());
        });
    }
}

#[test]
fn done_work_and_a_wish_for_the_reader_promise_nothing() {
    // The fixture the browser tests open to see the panel hidden.
    let reply = common::reply("no_next_steps.reply.json");
    assert_eq!(reply.next_steps(), []);
}
