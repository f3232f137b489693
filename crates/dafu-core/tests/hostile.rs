//! The hostile-input corpus (`tests/fixtures/hostile/`, written by `tests/hostile/generate.mjs`) and a
//! few cases too big to commit: every JSON case loads or is refused as `json.expected` says, with a clear
//! error; every text case converts into a sound reply; none panics; big inputs cost linear time.
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
use dafu_core::model::{LoadError, Reply};
use dafu_core::parse::convert;

const CORPUS: &str = "tests/fixtures/hostile";

/// Every case: the JSON ones, then the text ones, each with its bytes.
fn corpus() -> Vec<(String, Vec<u8>)> {
    ["json", "txt"]
        .iter()
        .flat_map(|ext| common::fixtures(CORPUS, ext))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read(&p).unwrap())
        })
        .collect()
}

// No case is timed: a budget in milliseconds fails on a busy machine. A size over the limit is shown
// to be refused before parsing by the kind of error it gets, and the cost of big inputs is compared
// with that of inputs a tenth their size rather than with a clock.

/// Loads one JSON case: `loads`, or `error` and the first line of an error whose every line says what
/// is wrong (and, for a syntax error, where); `(+N more)` counts further problems.
#[track_caller]
fn load(name: &str, text: &str) -> String {
    let e = match Reply::from_json(text) {
        Ok(_) => return "loads".to_owned(),
        Err(e) => e,
    };
    let lines = e.lines();
    for line in &lines {
        assert!(!line.trim().is_empty(), "{name}: empty error line");
    }
    if let LoadError::Syntax {
        path, line, column, ..
    } = &e
    {
        assert!(
            !path.is_empty() && *line >= 1 && *column <= text.chars().count() + 1,
            "{name}: {e}"
        );
    }
    let first = lines
        .first()
        .map_or_else(String::new, |l| l.replace('\r', "\\r").replace('\n', "\\n"));
    // Every problem counts, listed or not (the lines stop at MAX_LISTED_PROBLEMS).
    let count = match &e {
        LoadError::Invalid(problems) => problems.len(),
        _ => lines.len(),
    };
    match count {
        0 | 1 => format!("error {first}"),
        n => format!("error {first} (+{} more)", n - 1),
    }
}

/// Converts one text case into a reply that passes its own checks.
#[track_caller]
fn check_text(name: &str, text: &str) {
    let c = convert(text);
    assert!(
        c.reply.problems().is_empty(),
        "{name}: {:?}",
        c.reply.problems()
    );
}

#[test]
fn the_corpus_has_at_least_two_hundred_cases() {
    assert!(corpus().len() >= 200, "{} cases", corpus().len());
}

#[test]
fn every_json_case_loads_or_is_refused_as_its_reviewed_line_says() {
    common::check(
        CORPUS,
        "json",
        119,
        Expected::Listed("tests/fixtures/hostile/json.expected"),
        |name, bytes| load(name, &String::from_utf8_lossy(bytes)),
    );
}

#[test]
fn every_text_case_converts_into_a_sound_reply() {
    let texts: Vec<_> = corpus()
        .into_iter()
        .filter(|(n, _)| n.ends_with(".txt"))
        .collect();
    assert!(texts.len() >= 86, "{} text cases", texts.len());
    for (name, bytes) in &texts {
        check_text(name, &String::from_utf8_lossy(bytes));
    }
}

#[test]
fn script_payloads_survive_as_plain_text_in_the_model() {
    let json =
        fs::read_to_string(common::repo().join(CORPUS).join("json-payload-00.json")).unwrap();
    let reply = Reply::from_json(&json).unwrap();
    assert!(
        reply.to_json().contains("<script>alert(1)</script>"),
        "kept as data, to be shown as text"
    );
}

#[test]
fn a_ten_megabyte_string_loads_and_converts_into_a_sound_reply() {
    let big = "铸".repeat(10 * 1024 * 1024 / 3);
    let json = format!(r#"{{"schema": 1, "preamble": "{big}"}}"#);
    assert_eq!(load("10 MB preamble", &json), "loads");
    check_text("10 MB text", &big);
}

#[test]
fn loading_and_converting_ten_times_as_long_a_string_costs_about_ten_times_as_much() {
    // 100 KB and 1 MB: long enough for the fastest run to take milliseconds, short enough for a
    // debug build to run each seven times in about a second.
    let small = "铸".repeat(100 * 1024 / 3);
    let big = small.repeat(10);
    let json = |s: &str| format!(r#"{{"schema": 1, "preamble": "{s}"}}"#);
    let (small_json, big_json) = (json(&small), json(&big));
    common::assert_cost_grows_linearly("from_json", &small_json, &big_json, 4, |text| {
        std::hint::black_box(Reply::from_json(text).is_ok());
    });
    common::assert_cost_grows_linearly("convert", &small, &big, 4, |text| {
        std::hint::black_box(convert(text));
    });
}

#[test]
fn ten_thousand_levels_of_nesting_are_refused_with_a_message() {
    let json = format!(
        r#"{{"schema": 1, "extra": {{"a": {}1{}}}}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    match Reply::from_json(&json) {
        Err(LoadError::Syntax { message, .. }) => assert_eq!(
            message,
            "nesting is deeper than 128 levels (recursion limit exceeded)"
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn json_over_the_size_limit_is_refused_before_parsing() {
    // Not even JSON: had it been parsed, the error would be a syntax error at its first `[`. Getting
    // `TooLarge` for it shows the size was checked before anything was parsed, which is what keeps
    // a huge paste cheap; no clock needed.
    let json = "[".repeat(dafu_core::model::MAX_JSON_BYTES + 1);
    assert_eq!(
        Reply::from_json(&json).err(),
        Some(LoadError::TooLarge {
            bytes: dafu_core::model::MAX_JSON_BYTES + 1
        })
    );
    let json = "[".repeat(dafu_core::model::MAX_JSON_BYTES);
    assert!(
        matches!(Reply::from_json(&json), Err(LoadError::Syntax { .. })),
        "just under the limit the same text is parsed"
    );
}
