//! The hostile-input corpus (`tests/fixtures/hostile/`, written by `tests/hostile/generate.mjs`) and a
//! few cases too big to commit: every JSON case loads or gives a clear error, every text case converts
//! into a sound reply, none panics, each within a time bound.
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

use dafu_core::model::{LoadError, Reply};
use dafu_core::parse::convert;

fn corpus() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/hostile");
    let mut cases: Vec<(String, Vec<u8>)> = fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    cases.sort();
    cases
}

/// Loads one JSON case: a reply, or an error whose every line says where.
#[track_caller]
fn check_json(name: &str, text: &str) {
    let start = Instant::now();
    let result = Reply::from_json(text);
    let spent = start.elapsed();
    assert!(
        spent < Duration::from_millis(500) + Duration::from_micros(text.len() as u64 / 4),
        "{name} took {spent:?}"
    );
    if let Err(e) = result {
        for line in e.lines() {
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
    }
}

/// Converts one text case into a reply that passes its own checks.
#[track_caller]
fn check_text(name: &str, text: &str) {
    let start = Instant::now();
    let c = convert(text);
    let spent = start.elapsed();
    assert!(
        spent < Duration::from_millis(500) + Duration::from_micros(text.len() as u64),
        "{name} took {spent:?}"
    );
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
fn every_json_case_loads_or_names_its_error_without_panicking() {
    for (name, bytes) in corpus().iter().filter(|(n, _)| n.ends_with(".json")) {
        check_json(name, &String::from_utf8_lossy(bytes));
    }
}

#[test]
fn every_text_case_converts_into_a_sound_reply() {
    for (name, bytes) in corpus().iter().filter(|(n, _)| n.ends_with(".txt")) {
        check_text(name, &String::from_utf8_lossy(bytes));
    }
}

#[test]
fn script_payloads_survive_as_plain_text_in_the_model() {
    let json = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/hostile/json-payload-00.json"),
    )
    .unwrap();
    let reply = Reply::from_json(&json).unwrap();
    assert!(
        reply.to_json().contains("<script>alert(1)</script>"),
        "kept as data, to be shown as text"
    );
}

#[test]
fn a_ten_megabyte_string_loads_and_converts_within_bounds() {
    let big = "铸".repeat(10 * 1024 * 1024 / 3);
    let json = format!(r#"{{"schema": 1, "preamble": "{big}"}}"#);
    check_json("10 MB preamble", &json);
    check_text("10 MB text", &big);
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
    let json = " ".repeat(dafu_core::model::MAX_JSON_BYTES + 1);
    let start = Instant::now();
    assert!(matches!(
        Reply::from_json(&json),
        Err(LoadError::TooLarge { .. })
    ));
    assert!(start.elapsed() < Duration::from_millis(50));
}
