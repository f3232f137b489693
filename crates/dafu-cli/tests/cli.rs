//! The `dafu` command end to end: convert (files, stdin, GBK), validate, schema, exit codes.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)] // A failing test is a panic.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use dafu_core::model::Reply;
use dafu_core::parse::convert;

/// The repository's root, where the shared fixtures and data live.
fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixtures() -> PathBuf {
    repo().join("tests/fixtures/convert")
}

fn seed_text() -> String {
    fs::read_to_string(fixtures().join("seed.txt")).unwrap()
}

fn cli(args: &[&str], stdin: Option<&[u8]>) -> (i32, String, String) {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_dafu"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    } else {
        let _ = child.stdin.take();
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_cli_converts_a_file_and_stdin_with_diagnostics_on_stderr() {
    let path = fixtures().join("example_031.txt");
    let (code, out, err) = cli(&["convert", path.to_str().unwrap()], None);
    assert_eq!(code, 0);
    let reply = Reply::from_json(&out).unwrap();
    assert_eq!(reply.proposal.number.as_deref(), Some("23"));
    assert!(err.contains("line 1: header line not understood"), "{err}");
    let (code, out, _) = cli(&["convert", "-"], Some(seed_text().as_bytes()));
    assert_eq!(code, 0);
    assert_eq!(Reply::from_json(&out).unwrap().initiative_count(), 14);
}

#[test]
fn the_cli_reads_gbk_text_as_it_reads_utf8() {
    let text = seed_text();
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    let (code, out, err) = cli(&["convert", "-"], Some(&gbk));
    assert_eq!(code, 0);
    assert!(err.contains("read as GB18030/GBK"), "{err}");
    assert_eq!(Reply::from_json(&out).unwrap(), convert(&seed_text()).reply);
}

#[test]
fn the_cli_validates_and_names_every_problem_with_exit_1() {
    let broken = repo()
        .join("tests/fixtures/load/every_semantic_problem_is_reported_not_just_the_first.json");
    let (code, out, _) = cli(&["validate", broken.to_str().unwrap()], None);
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 3, "{out}");
    assert!(
        out.contains("figures[0].at.block: no paragraph or initiative has id \"nope\""),
        "{out}"
    );
    let seed = repo().join("data/seed.reply.json");
    let (code, out, _) = cli(&["validate", seed.to_str().unwrap()], None);
    assert_eq!((code, out.trim().ends_with(": ok")), (0, true));
}

#[test]
fn the_cli_prints_the_committed_schema_and_fails_only_on_unreadable_input() {
    let (code, out, _) = cli(&["schema"], None);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        fs::read_to_string(repo().join("data/reply.schema.json")).unwrap()
    );
    let (code, _, err) = cli(&["convert", "/no/such/file.txt"], None);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read /no/such/file.txt"), "{err}");
}
