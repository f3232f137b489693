//! Converter throughput: `cargo bench -p dafu-core --bench convert` prints MB/s on every fixture text
//! repeated to ~5 MB (goal: at least 40 MB/s), on the fixtures one by one, and on each dense generated
//! shape of `tests/dense/mod.rs` at two sizes ten times apart (goal: at least 10 MB/s on every shape
//! and size; a cost growing faster than the input shows as a rate falling with the size).

use std::time::{Duration, Instant};

#[path = "../tests/dense/mod.rs"]
mod dense;

/// The fastest of `runs` conversions of `text`.
fn best_of(runs: usize, text: &str) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(dafu_core::parse::convert(text));
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn mb_per_s(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / 1_000_000.0 / time.as_secs_f64().max(1e-9)
}

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
    let best = best_of(5, &big);
    println!(
        "converter, one {:.1} MB text: {:.1} MB/s (best of 5: {:.3} s)",
        big.len() as f64 / 1_000_000.0,
        mb_per_s(big.len(), best),
        best.as_secs_f64()
    );
    // Per reply, as a site converts them.
    let start = Instant::now();
    let mut bytes = 0;
    for _ in 0..200 {
        for t in &texts {
            bytes += t.len();
            std::hint::black_box(dafu_core::parse::convert(t));
        }
    }
    println!(
        "converter, {} replies x 200 one by one: {:.1} MB/s",
        texts.len(),
        mb_per_s(bytes, start.elapsed())
    );
    // Dense generated text: the rate must hold at ten times the size.
    for shape in &dense::SHAPES {
        let mut row = format!("dense, {}:", shape.name);
        for n in [shape.bench, shape.bench * 10] {
            let text = (shape.make)(n);
            let best = best_of(3, &text);
            row.push_str(&format!(
                " {n} ({} KB) {:.1} MB/s in {:.1} ms;",
                text.len() / 1000,
                mb_per_s(text.len(), best),
                best.as_secs_f64() * 1000.0
            ));
        }
        println!("{}", row.trim_end_matches(';'));
    }
}
