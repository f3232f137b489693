//! Converter throughput: `cargo bench --bench convert` prints MB/s on every fixture text repeated to ~5 MB.

use std::time::Instant;

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/convert");
    let mut texts: Vec<String> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    texts.sort();
    let one: String = texts.join("\n");
    // Whole replies, one after another: as if a site's archive were pasted at once.
    let big: String = std::iter::repeat_n(one.as_str(), (5_000_000 / one.len().max(1)).max(1))
        .collect::<Vec<_>>()
        .join("\n");
    let mb = big.len() as f64 / 1_000_000.0;
    let mut best = f64::MAX;
    for _ in 0..5 {
        let start = Instant::now();
        let c = dafu_core::parse::convert(&big);
        let secs = start.elapsed().as_secs_f64();
        best = best.min(secs);
        std::hint::black_box(c);
    }
    // Per reply, as a site converts them.
    let start = Instant::now();
    let mut bytes = 0;
    for _ in 0..200 {
        for t in &texts {
            bytes += t.len();
            std::hint::black_box(dafu_core::parse::convert(t));
        }
    }
    let per_reply = bytes as f64 / 1_000_000.0 / start.elapsed().as_secs_f64();
    println!(
        "converter, one {mb:.1} MB text: {:.1} MB/s (best of 5: {:.3} s)",
        mb / best,
        best
    );
    println!(
        "converter, {} replies x 200 one by one: {per_reply:.1} MB/s",
        texts.len()
    );
}
