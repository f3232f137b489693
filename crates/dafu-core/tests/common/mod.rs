//! Helpers shared by the native test suites: sample replies, the one snapshot check every fixture suite
//! goes through, and a cost comparison that a busy machine cannot make fail.
#![allow(dead_code)] // Each test crate includes this module and uses only part of it.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dafu_core::model::Reply;

/// The repository root, where `tests/fixtures/` lives.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Loads `tests/fixtures/replies/<name>`, which must be a valid reply.
pub fn reply(name: &str) -> Reply {
    let path = repo().join("tests/fixtures/replies").join(name);
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Reply::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The files in `dir` (relative to the repository root) whose names end in `.{ext}`, sorted.
pub fn fixtures(dir: &str, ext: &str) -> Vec<PathBuf> {
    let dir = repo().join(dir);
    let suffix = format!(".{ext}");
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| file_name(p).ends_with(&suffix))
        .collect();
    paths.sort();
    paths
}

/// A path as shown in a failure: from the repository root.
fn shown(path: &Path) -> String {
    path.strip_prefix(repo())
        .unwrap_or(path)
        .display()
        .to_string()
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Where a suite keeps the outcomes it has reviewed.
pub enum Expected<'a> {
    /// A file beside each fixture, named by replacing the fixture's extension with this one
    /// (`a.json` → `a.expected`).
    Beside(&'a str),
    /// One file for the whole suite (relative to the repository root) holding a `name: outcome` line
    /// per fixture, in name order; each outcome must then be a single line.
    Listed(&'a str),
}

/// Compares the outcome of every fixture in `dir` whose name ends in `.{ext}` with the reviewed one.
///
/// Fails when an outcome differs, when a fixture has no expectation, when an expectation has no
/// fixture, and when fewer than `at_least` fixtures are found, so a suite whose fixtures moved cannot
/// pass by checking nothing. `UPDATE_EXPECT=1` rewrites the expectations instead of comparing; review
/// the diff before committing it.
#[track_caller]
pub fn check(
    dir: &str,
    ext: &str,
    at_least: usize,
    expected: Expected<'_>,
    outcome: impl Fn(&str, &[u8]) -> String,
) {
    let inputs = fixtures(dir, ext);
    assert!(
        inputs.len() >= at_least,
        "{dir}: found {} `.{ext}` fixture(s), expected at least {at_least}",
        inputs.len()
    );
    let outcome_of = |path: &PathBuf| {
        let bytes = fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        outcome(&file_name(path), &bytes)
    };
    // Each expectation file with the text the code gives now.
    let mut snapshots: Vec<(PathBuf, String)> = Vec::new();
    let mut failures: Vec<String> = Vec::new();
    match expected {
        Expected::Beside(expected_ext) => {
            for path in &inputs {
                snapshots.push((path.with_extension(expected_ext), outcome_of(path)));
            }
            // An expectation whose fixture is gone would otherwise sit there unchecked.
            for orphan in fixtures(dir, expected_ext) {
                let name = file_name(&orphan);
                let stem = name
                    .get(..name.len() - expected_ext.len() - 1)
                    .unwrap_or("");
                if !orphan.with_file_name(format!("{stem}.{ext}")).exists() {
                    failures.push(format!(
                        "{}: an expectation without its fixture `{stem}.{ext}`",
                        shown(&orphan)
                    ));
                }
            }
        }
        Expected::Listed(list) => {
            let mut text = String::new();
            for path in &inputs {
                let outcome = outcome_of(path);
                assert!(
                    !outcome.contains('\n'),
                    "{}: a listed outcome must be one line: {outcome:?}",
                    shown(path)
                );
                let _ = writeln!(text, "{}: {outcome}", file_name(path));
            }
            snapshots.push((repo().join(list), text));
        }
    }
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    for (path, actual) in &snapshots {
        if update {
            fs::write(path, actual).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            continue;
        }
        match fs::read_to_string(path) {
            Err(e) => failures.push(format!("{}: no expectation ({e})", shown(path))),
            Ok(expected) if &expected != actual => {
                failures.push(format!("{}:\n{}", shown(path), diff(&expected, actual)));
            }
            Ok(_) => {}
        }
    }
    assert!(
        failures.is_empty(),
        "{} expectation file(s) disagree with the fixtures (`-` expected, `+` actual; \
         UPDATE_EXPECT=1 rewrites them, to review before committing):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The lines only one side has, `-` for the expected side and `+` for the actual one, at most 40.
fn diff(expected: &str, actual: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut left: Vec<&str> = expected.lines().collect();
    for line in actual.lines() {
        match left.iter().position(|l| *l == line) {
            Some(i) => {
                left.remove(i);
            }
            None => out.push(format!("  + {line}")),
        }
    }
    out.splice(0..0, left.iter().map(|l| format!("  - {l}")));
    if out.is_empty() {
        // Same lines, in another order or with other line endings.
        out.push(format!(
            "  (same lines, differently arranged: {expected:?} vs {actual:?})"
        ));
    }
    let more = out.len().saturating_sub(40);
    out.truncate(40);
    if more > 0 {
        out.push(format!("  … and {more} more line(s)"));
    }
    out.join("\n")
}

/// How many times each input is run when comparing costs; the fastest run of each counts.
const RUNS: usize = 7;

/// Asserts that `f` on `big` costs at most `slack` times what the sizes alone predict from `f` on
/// `small`, that is, that the cost grows linearly with the input's length.
///
/// No absolute time is asserted, so a slow or busy machine cannot make this fail: the two inputs are
/// run in turn, [`RUNS`] times each, and each is judged by its fastest run, which pauses and other
/// processes do not lengthen. With `big` ten times `small` and a slack of 4, linear work passes with
/// room to spare while quadratic work (a hundredfold) fails.
#[track_caller]
pub fn assert_cost_grows_linearly(
    what: &str,
    small: &str,
    big: &str,
    slack: u32,
    f: impl Fn(&str),
) {
    let mut fastest = [Duration::MAX; 2];
    for _ in 0..RUNS {
        for (i, input) in [small, big].into_iter().enumerate() {
            let start = Instant::now();
            f(input);
            fastest[i] = fastest[i].min(start.elapsed());
        }
    }
    let size_ratio = u32::try_from(big.len() / small.len().max(1)).unwrap_or(u32::MAX);
    assert!(
        fastest[1]
            <= fastest[0]
                .max(Duration::from_micros(1))
                .saturating_mul(size_ratio.saturating_mul(slack)),
        "{what}: {} bytes took {:?} and {} bytes ({size_ratio}× as many) took {:?}, over {slack}× \
         what linear growth predicts",
        small.len(),
        fastest[0],
        big.len(),
        fastest[1]
    );
}

/// Han ideographs, CJK punctuation (、。《》〔〕), full-width forms, Chinese quotation marks, the yuan sign.
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{3000}'..='\u{303f}'
        | '\u{ff00}'..='\u{ffef}' | '‘' | '’' | '“' | '”' | '¥')
}

/// Full-width punctuation and the ASCII the page store turned it into.
const WIDE: [(char, char); 6] = [
    ('，', ','),
    ('：', ':'),
    ('；', ';'),
    ('（', '('),
    ('）', ')'),
    ('！', '!'),
];

/// The text as first published: ASCII `, : ; ( ) !` beside a CJK character become full-width; marks
/// between digits and Latin letters (`8:2`, `1,500`, `09:01`) stay ASCII. Every corpus and rule test
/// runs a text in both forms through this one function.
pub fn full_width(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let beside_cjk = |i: usize| {
        let before = i.checked_sub(1).and_then(|j| chars.get(j));
        before
            .into_iter()
            .chain(chars.get(i + 1))
            .any(|c| is_cjk(*c))
    };
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| match WIDE.iter().find(|(_, a)| *a == c) {
            Some((wide, _)) if beside_cjk(i) => *wide,
            _ => c,
        })
        .collect()
}

/// Full-width `，：；（）！` back to ASCII, so that both forms compare alike.
pub fn ascii_punctuation(text: &str) -> String {
    text.chars()
        .map(|c| WIDE.iter().find(|(w, _)| *w == c).map_or(c, |(_, a)| *a))
        .collect()
}
