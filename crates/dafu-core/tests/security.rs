//! Findings of the security review of the core, each reproduced: error messages that grew with the
//! text they quoted, validation and the timeline costing facts × text length, reply JSON that is not
//! UTF-8, and `part_of` cycles and chains that hid money.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // A failing test is a panic.

mod common;

use std::collections::HashMap;

use dafu_core::model::{LoadError, Reply, MAX_LISTED_PROBLEMS, MAX_QUOTED_CHARS};
use serde_json::{json, Value};

/// A reply of one section holding one paragraph, `p1`, with `text`, and the facts given
/// (`{"figures": [...]}` and so on).
fn one_block(text: &str, facts: Value) -> String {
    let mut reply = json!({
        "schema": 1,
        "sections": [{"id": "s1", "heading": "密集", "blocks": [
            {"kind": "paragraph", "id": "p1", "text": text}
        ]}],
    });
    if let (Some(reply), Value::Object(facts)) = (reply.as_object_mut(), facts) {
        reply.extend(facts);
    }
    reply.to_string()
}

/// A figure `12名` with the id `f{i}` at `start..end` of `p1`.
fn figure(i: usize, start: usize, end: usize) -> Value {
    json!({"id": format!("f{i}"), "written": "12名", "value": "12", "unit": "名",
           "at": {"block": "p1", "start": start, "end": end}})
}

/// `count` figures whose anchors each span the whole of a `chars`-character block and do not
/// match it: each problem once quoted the whole block (as `tests/hostile/generate.mjs` writes).
fn amplifying(count: usize, chars: usize) -> String {
    let figures: Vec<Value> = (0..count).map(|i| figure(i, 0, chars)).collect();
    one_block(&"x".repeat(chars), json!({ "figures": figures }))
}

/// 50 characters with a date at 0..5 and a figure at 7..10, and no full stop.
fn dense_text(chars: usize) -> String {
    let unit = "2023年聘请12名专家";
    let filler = "铸".repeat(50 - unit.chars().count());
    format!("{unit}{filler}").repeat(chars / 50)
}

/// One `chars`-character block with a figure every 50 characters, `count` in all.
fn dense_figures(count: usize, chars: usize) -> Reply {
    let figures: Vec<Value> = (0..count)
        .map(|i| figure(i, i * 50 % chars + 7, i * 50 % chars + 10))
        .collect();
    Reply::from_json(&one_block(
        &dense_text(chars),
        json!({ "figures": figures }),
    ))
    .unwrap()
}

/// One `chars`-character block with a date every 50 characters, `count` in all.
fn dense_dates(count: usize, chars: usize) -> Reply {
    let dates: Vec<Value> = (0..count)
        .map(|i| {
            let start = i * 50 % chars;
            json!({"id": format!("d{i}"), "date": {"written": "2023年", "on": "2023"},
                   "at": {"block": "p1", "start": start, "end": start + 5}})
        })
        .collect();
    Reply::from_json(&one_block(&dense_text(chars), json!({ "dates": dates }))).unwrap()
}

/// Every line of the error loading `json` gives.
fn error_lines(json: &str) -> Vec<String> {
    Reply::from_json(json).unwrap_err().lines()
}

// Finding 2: error messages amplified a small file into hundreds of megabytes.

#[test]
fn three_hundred_anchors_across_a_long_block_make_a_short_error_that_counts_the_rest() {
    // 200,000 characters keep the test quick; the review's 1,000,000 made 300 MB of messages.
    let json = amplifying(300, 200_000);
    let e = Reply::from_json(&json).unwrap_err();
    let LoadError::Invalid(problems) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(problems.len(), 300, "every problem is still found");
    let lines = e.lines();
    let x40 = "x".repeat(MAX_QUOTED_CHARS);
    assert_eq!(
        lines[0],
        format!(r#"figures[0].at: the text there is "{x40}…", not "12名""#)
    );
    assert_eq!(lines.len(), MAX_LISTED_PROBLEMS + 1);
    assert_eq!(lines[MAX_LISTED_PROBLEMS], "and 200 more problems");
    let listed: usize = lines.iter().map(|l| l.len() + 1).sum();
    assert!(
        listed < 10_000,
        "{listed} bytes of error for a {} byte reply",
        json.len()
    );
    let shown = e.to_string();
    assert!(shown.len() < 10_000, "{} bytes", shown.len());
    assert!(shown.ends_with("; and 200 more problems"), "{shown}");
}

#[test]
fn every_problem_quotes_at_most_forty_characters_of_what_it_names() {
    let long = "长".repeat(100_000);
    let json = json!({
        "schema": 1,
        "sections": [
            {"id": long, "heading": "", "blocks": [{"kind": "paragraph", "id": "p1", "text": "短"}]},
            {"id": long, "heading": ""},
        ],
        "figures": [
            {"id": "f1", "written": long, "value": "1", "unit": "", "at": {"block": "p1", "start": 0, "end": 1}},
            {"id": "f2", "written": "1", "value": "1", "unit": "", "at": {"block": long, "start": 0, "end": 1}},
        ],
        "funding": [
            {"id": "m1", "written": "1元", "money": {"amount": "1", "unit": "元"}, "part_of": long,
             "at": {"block": "p1", "start": 0, "end": 1}},
        ],
    });
    let lines = error_lines(&json.to_string());
    let quoted = format!("\"{}…\"", "长".repeat(MAX_QUOTED_CHARS));
    assert_eq!(
        lines,
        [
            format!("sections[1].id: duplicate id {quoted}, first used at sections[0].id"),
            format!(r#"figures[0].at: the text there is "短", not {quoted}"#),
            format!("figures[1].at.block: no paragraph or initiative has id {quoted}"),
            r#"funding[0].at: the text there is "短", not "1元""#.to_owned(),
            format!("funding[0].part_of: no funding item has id {quoted}"),
        ]
    );
}

#[test]
fn a_syntax_error_quotes_at_most_forty_characters_of_the_value_it_refuses() {
    let long = "值".repeat(1_000_000);
    let message = |json: String| match Reply::from_json(&json) {
        Err(LoadError::Syntax { message, .. }) => message,
        other => panic!("{other:?}"),
    };
    let forty = "值".repeat(MAX_QUOTED_CHARS);
    assert_eq!(
        message(format!(r#"{{"schema": "{long}"}}"#)),
        format!(r#"invalid type: string "{forty}…", expected u32"#)
    );
    let unknown = message(format!(r#"{{"schema": 1, "{long}": 1}}"#));
    assert!(
        unknown.starts_with(&format!(
            "unknown field `{forty}…`, expected one of `schema`"
        )),
        "{unknown}"
    );
    // Short values and escapes stay whole.
    assert_eq!(
        message(r#"{"schema": "a\"b"}"#.to_owned()),
        r#"invalid type: string "a\"b", expected u32"#
    );
}

// Finding 4: validation and the timeline cost facts × text length.

#[test]
fn validating_ten_times_the_figures_in_a_ten_times_longer_block_costs_about_ten_times_as_much() {
    // Each anchor counted the characters of its whole block: 20,000 figures in a 1,000,000-character
    // block took 20 s. The sizes here (a tenth of those) fail in seconds without the fix.
    let small = dense_figures(200, 10_000);
    let big = dense_figures(2_000, 100_000);
    assert!(small.problems().is_empty() && big.problems().is_empty());
    let (small_json, big_json) = (small.to_json(), big.to_json());
    let reply_of = |text: &str| {
        if text.len() == small_json.len() {
            &small
        } else {
            &big
        }
    };
    common::assert_cost_grows_linearly("problems", &small_json, &big_json, 4, |text| {
        std::hint::black_box(reply_of(text).problems());
    });
}

#[test]
fn the_timeline_of_ten_times_the_dates_in_a_ten_times_longer_block_costs_about_ten_times_as_much() {
    // Each date's summary copied its whole block: 2,000 dates in one block took 6–12 s.
    let small = dense_dates(200, 10_000);
    let big = dense_dates(2_000, 100_000);
    let (small_json, big_json) = (small.to_json(), big.to_json());
    let reply_of = |text: &str| {
        if text.len() == small_json.len() {
            &small
        } else {
            &big
        }
    };
    common::assert_cost_grows_linearly("timeline", &small_json, &big_json, 4, |text| {
        std::hint::black_box(reply_of(text).timeline());
    });
    // Still the sentence around each date, cut at 40 characters either side.
    let entry = &big.timeline().groups[0].entries[1];
    assert_eq!(
        entry.summary,
        format!(
            "{}…",
            dense_text(100)
                .chars()
                .skip(10)
                .take(85)
                .collect::<String>()
        )
    );
}

/// The summary of a date as it was before the block was indexed: the whole block copied, then cut.
fn sentence_around_by_copying(text: &str, start: usize, end: usize, max: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let stop = |c: &char| matches!(c, '。' | ';' | '\u{ff1b}');
    let from = chars.get(..start.min(chars.len())).map_or(0, |before| {
        before
            .iter()
            .rposition(stop)
            .map_or(0, |i| i + 1)
            .max(start.saturating_sub(max))
    });
    let to = chars
        .get(end.min(chars.len())..)
        .map_or(chars.len(), |after| {
            after
                .iter()
                .position(stop)
                .map_or(chars.len(), |i| end + i + 1)
                .min(end + max)
        });
    let mut out: String = chars
        .get(from..to.min(chars.len()))
        .map(|s| s.iter().collect())
        .unwrap_or_default();
    if to < chars.len() && !chars.get(to.saturating_sub(1)).is_some_and(stop) {
        out.push('…');
    }
    out.trim().to_owned()
}

#[test]
fn a_dates_summary_is_the_sentence_around_it_wherever_it_stands_in_any_script() {
    // Characters of one to four bytes, spaces and the three full stops, in a seeded order, so that
    // dates fall at every distance from a stop, from either end and from the index's marks.
    let pieces = ["a", "é", "铸", "😀", " ", "年", "。", ";", "\u{ff1b}"];
    let mut seed = 7u32;
    let text: String = (0..400)
        .map(|_| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let r = (seed >> 16) as usize;
            // Stops about one character in twenty.
            let piece = if r.is_multiple_of(20) {
                6 + r / 20 % 3
            } else {
                r % 6
            };
            pieces[piece]
        })
        .collect();
    let chars: Vec<char> = text.chars().collect();
    let mut dates = Vec::new();
    let mut expected = HashMap::new();
    for start in 0..chars.len() {
        for len in 1..=3 {
            let end = (start + len).min(chars.len());
            if start >= end {
                continue;
            }
            let id = format!("d{start}-{len}");
            let written: String = chars[start..end].iter().collect();
            if written.trim().is_empty() {
                continue; // A date is never written as spaces alone.
            }
            dates.push(json!({"id": id, "date": {"written": written, "on": "2023"},
                              "at": {"block": "p1", "start": start, "end": end}}));
            expected.insert(id, sentence_around_by_copying(&text, start, end, 40));
        }
    }
    let reply = Reply::from_json(&one_block(&text, json!({ "dates": dates }))).unwrap();
    let timeline = reply.timeline();
    assert_eq!(timeline.len(), expected.len());
    for entry in timeline.groups.iter().flat_map(|g| &g.entries) {
        assert_eq!(entry.summary, expected[&entry.key], "{}", entry.key);
    }
}

#[test]
fn an_anchor_is_checked_against_its_exact_characters_in_any_script() {
    // Every range of a text of one- to four-byte characters, longer than the index's stride: the
    // right text passes, a wrong one is named.
    let text: String = "a é铸😀b".repeat(20);
    let chars: Vec<char> = text.chars().collect();
    let mut figures = Vec::new();
    for start in 0..chars.len() {
        for end in start + 1..=chars.len().min(start + 70) {
            let written: String = chars[start..end].iter().collect();
            figures.push(
                json!({"id": format!("f{start}-{end}"), "written": written, "value": "1",
                                "unit": "", "at": {"block": "p1", "start": start, "end": end}}),
            );
        }
    }
    let n = figures.len();
    let sound = one_block(&text, json!({ "figures": figures.clone() }));
    assert!(Reply::from_json(&sound).is_ok());
    let last = chars.len();
    figures.push(
        json!({"id": "wrong", "written": "😀b", "value": "1", "unit": "",
                        "at": {"block": "p1", "start": last - 70, "end": last}}),
    );
    let lines = error_lines(&one_block(&text, json!({ "figures": figures })));
    let found: String = chars[last - 70..].iter().take(MAX_QUOTED_CHARS).collect();
    assert_eq!(
        lines,
        [format!(
            r#"figures[{n}].at: the text there is "{found}…", not "😀b""#
        )]
    );
}

// Finding 8 (the core's half): reply JSON must be UTF-8, for the page and the CLI alike.

#[test]
fn reply_json_that_is_not_utf8_is_refused_where_it_stops_being_utf8() {
    let seed = dafu_core::model::DEFAULT_REPLY_JSON;
    assert_eq!(
        Reply::from_json_bytes(seed.as_bytes()),
        Reply::from_json(seed),
        "UTF-8 reads as text does"
    );
    let bom = [b"\xef\xbb\xbf".as_slice(), seed.as_bytes()].concat();
    assert!(
        Reply::from_json_bytes(&bom).is_ok(),
        "a UTF-8 BOM is allowed"
    );

    // The seed with its first Chinese character written in GBK (关 is B9 D8 there), as a file saved
    // by an editor set to GBK would have it.
    let first = seed.find(|c: char| !c.is_ascii()).unwrap();
    let width = seed[first..].chars().next().unwrap().len_utf8();
    let gbk = [
        &seed.as_bytes()[..first],
        b"\xb9\xd8",
        &seed.as_bytes()[first + width..],
    ]
    .concat();
    let e = Reply::from_json_bytes(&gbk).unwrap_err();
    let LoadError::Syntax {
        path,
        line,
        column,
        message,
    } = &e
    else {
        panic!("{e:?}")
    };
    let before = &seed[..first];
    assert_eq!(
        (*line, *column),
        (
            before.matches('\n').count() + 1,
            before.rsplit('\n').next().unwrap().chars().count() + 1
        )
    );
    assert_eq!(path, "meta.title", "{e}");
    assert!(
        message.starts_with("not UTF-8: byte 0xb9 here (GBK or GB18030?); ")
            && message.ends_with("reply JSON must be UTF-8 (RFC 8259): save the file as UTF-8"),
        "{message}"
    );

    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(seed.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16_without_bom = &utf16[2..];
    for bytes in [utf16.as_slice(), utf16_without_bom] {
        assert_eq!(
            Reply::from_json_bytes(bytes).unwrap_err().to_string(),
            ". (line 1, column 1): not UTF-8: the file is UTF-16 or UTF-32; reply JSON must be \
             UTF-8 (RFC 8259): save the file as UTF-8"
        );
    }
}

// Finding 11: `part_of` cycles and chains hid money.

/// A reply whose funding items `(id, part_of)` are each 100万元, at one place of one block.
fn funding(items: &[(&str, Option<&str>)]) -> String {
    let funding: Vec<Value> = items
        .iter()
        .map(|(id, part_of)| {
            json!({"id": id, "written": "100万元", "money": {"amount": "100", "unit": "万元"},
                   "part_of": part_of, "at": {"block": "p1", "start": 0, "end": 5}})
        })
        .collect();
    one_block("100万元。", json!({ "funding": funding }))
}

const NEST: &str =
    "parts nest one level only, so a total must not itself be part of another amount";

#[test]
fn a_cycle_of_parts_is_refused_with_the_path_of_each_item_on_it() {
    // m2 → m3 → m2 passed, and 200万元 vanished from the chart, the table and the totals.
    let json = funding(&[("m1", None), ("m2", Some("m3")), ("m3", Some("m2"))]);
    assert_eq!(
        error_lines(&json),
        [
            format!(r#"funding[1].part_of: a cycle: "m2" → "m3" → "m2"; {NEST}"#),
            format!(r#"funding[2].part_of: a cycle: "m3" → "m2" → "m3"; {NEST}"#),
        ]
    );
}

#[test]
fn a_part_of_a_part_is_refused_as_parts_nest_one_level_deep() {
    let json = funding(&[("m1", None), ("m2", Some("m1")), ("m3", Some("m2"))]);
    assert_eq!(
        error_lines(&json),
        [format!(
            r#"funding[2].part_of: too deep: "m3" → "m2" → "m1"; {NEST}"#
        )]
    );
    // Leading into a cycle is too deep; the cycle's own items are named as such.
    let json = funding(&[("a", Some("b")), ("b", Some("c")), ("c", Some("b"))]);
    assert_eq!(
        error_lines(&json),
        [
            format!(r#"funding[0].part_of: too deep: "a" → "b" → "c" → "b"; {NEST}"#),
            format!(r#"funding[1].part_of: a cycle: "b" → "c" → "b"; {NEST}"#),
            format!(r#"funding[2].part_of: a cycle: "c" → "b" → "c"; {NEST}"#),
        ]
    );
}

#[test]
fn a_long_cycle_is_named_a_cycle_with_its_path_cut_short() {
    let ids: Vec<String> = (0..10_000).map(|i| format!("m{i}")).collect();
    let items: Vec<(&str, Option<&str>)> = (0..ids.len())
        .map(|i| (ids[i].as_str(), Some(ids[(i + 1) % ids.len()].as_str())))
        .collect();
    let e = Reply::from_json(&funding(&items)).unwrap_err();
    let LoadError::Invalid(problems) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(problems.len(), 10_000);
    assert_eq!(
        e.lines()[0],
        format!(r#"funding[0].part_of: a cycle: "m0" → "m1" → "m2" → "m3" → "m4" → …; {NEST}"#)
    );
}

#[test]
fn every_funding_item_of_a_sound_reply_has_a_row_in_the_chart_and_the_table() {
    // Every way four items can name their totals (none, one another, or themselves): whatever
    // passes validation shows each item exactly once.
    let ids = ["m1", "m2", "m3", "m4"];
    let mut sound = 0;
    for code in 0..5usize.pow(4) {
        let items: Vec<(&str, Option<&str>)> = (0..4)
            .map(|i| (ids[i], ids.get(code / 5usize.pow(i as u32) % 5).copied()))
            .collect();
        let Ok(reply) = Reply::from_json(&funding(&items)) else {
            continue;
        };
        sound += 1;
        let mut shown: Vec<&str> = reply
            .funding_rows()
            .iter()
            .map(|r| r.item.id.as_str())
            .collect();
        shown.sort_unstable();
        assert_eq!(shown, ids, "{items:?}");
    }
    assert!(sound > 1, "{sound} sound replies");
}
