//! `cargo bench -p dafu-cli --bench batch`: replies per second for `dafu convert DIR --out OUT` on the
//! real texts of tests/fixtures/corpus replicated to 1,000 files (a first run converts every one, a
//! rerun none), on every core and on one. Prints numbers; asserts nothing about time.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const REPLIES: usize = 1000;

fn run(dir: &Path, out: &Path, more: &[&str]) -> f64 {
    let start = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_dafu"))
        .arg("convert")
        .arg(dir)
        .arg("--out")
        .arg(out)
        .args(more)
        .stdout(std::process::Stdio::null())
        .status();
    let seconds = start.elapsed().as_secs_f64();
    match status {
        Ok(s) if s.success() => seconds,
        other => {
            eprintln!("dafu convert failed: {other:?}");
            std::process::exit(1);
        }
    }
}

fn main() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/corpus");
    let mut texts: Vec<PathBuf> = fs::read_dir(&corpus)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    texts.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    texts.sort();
    if texts.is_empty() {
        eprintln!("no texts in {}", corpus.display());
        std::process::exit(1);
    }
    let root = std::env::temp_dir().join("dafu-bench-batch");
    let _ = fs::remove_dir_all(&root);
    let dir = root.join("in");
    let mut bytes = 0u64;
    for (i, text) in texts.iter().cycle().take(REPLIES).enumerate() {
        let folder = dir.join(format!("{:02}", i / 100));
        let _ = fs::create_dir_all(&folder);
        if let Ok(n) = fs::copy(text, folder.join(format!("{i:04}.txt"))) {
            bytes += n;
        }
    }
    println!(
        "{REPLIES} replies ({} distinct texts, {:.1} MB), {} cores",
        texts.len(),
        bytes as f64 / 1e6,
        std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
    );
    let rate = |s: f64| REPLIES as f64 / s;
    let all = run(&dir, &root.join("out"), &[]);
    println!(
        "first run, every core: {all:.2} s, {:.0} replies/s",
        rate(all)
    );
    let again = run(&dir, &root.join("out"), &[]);
    println!(
        "rerun, nothing changed: {again:.2} s, {:.0} replies/s",
        rate(again)
    );
    let one = run(&dir, &root.join("out-1"), &["--jobs", "1"]);
    println!(
        "first run, one thread:  {one:.2} s, {:.0} replies/s",
        rate(one)
    );
    let _ = fs::remove_dir_all(&root);
}
