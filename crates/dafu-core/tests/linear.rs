//! The converter's cost grows linearly with its input, whatever the input. Each dense generated shape
//! (`dense/mod.rs`: numbered lines with an amount and a date each, one paragraph of amounts after 其中,
//! one paragraph of 一是 initiatives, header-like lines with and without an opening; all but the last
//! once took time growing with the square of their length) is converted at two sizes, ten times apart,
//! and ten times the text may cost at most fifteen times as much:
//! - counted in characters looked at by the fact stage (`parse::fact_steps`), exactly;
//! - timed for the whole conversion: the big text once against the small text ten times in a row, so
//!   that both measurements last about as long and a busy machine slows both alike, the fastest of
//!   several runs each. Linear work measures about 10×; the quadratic converter measured 73× to 171×.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // A failing test is a panic.

mod dense;

use std::time::{Duration, Instant};

use dafu_core::parse::{convert, fact_steps};

/// How much more ten times the input may cost.
const MOST: u32 = 15;

/// How many times each size is converted when timing; the fastest run counts.
const RUNS: usize = 5;

#[test]
fn the_fact_stage_reads_ten_times_the_text_in_at_most_fifteen_times_the_steps() {
    for shape in &dense::SHAPES {
        let small = (shape.make)(shape.small);
        let big = (shape.make)(shape.small * 10);
        let (a, b) = (fact_steps(&small), fact_steps(&big));
        assert!(
            b <= a * u64::from(MOST),
            "{}: {} bytes took {a} steps, ten times as many took {b} ({:.1}×)",
            shape.name,
            small.len(),
            b as f64 / a as f64
        );
    }
}

#[test]
fn converting_ten_times_the_text_takes_at_most_fifteen_times_as_long() {
    for shape in &dense::SHAPES {
        let small = (shape.make)(shape.small);
        let big = (shape.make)(shape.small * 10);
        // The conversions are sound, so the time is spent on the real thing.
        assert!(convert(&big).reply.problems().is_empty(), "{}", shape.name);
        // The small text is converted ten times in a row, so that both measurements last about as
        // long and a busy machine slows both alike.
        let mut fastest = [Duration::MAX; 2];
        for _ in 0..RUNS {
            let start = Instant::now();
            for _ in 0..10 {
                std::hint::black_box(convert(&small));
            }
            fastest[0] = fastest[0].min(start.elapsed());
            let start = Instant::now();
            std::hint::black_box(convert(&big));
            fastest[1] = fastest[1].min(start.elapsed());
        }
        let [ten_small, big_once] = fastest;
        assert!(
            big_once * 10 <= ten_small * MOST,
            "{}: {} bytes took {:?}, ten times as many took {big_once:?} ({:.1}×)",
            shape.name,
            small.len(),
            ten_small / 10,
            big_once.as_secs_f64() * 10.0 / ten_small.as_secs_f64()
        );
    }
}

#[test]
fn each_dense_shape_is_read_as_the_shape_it_stands_for() {
    let n = 50;
    let r = convert(&dense::numbered_lines(n)).reply;
    assert_eq!((r.dates.len(), r.funding.len()), (n, n));
    let r = convert(&dense::amounts_paragraph(n)).reply;
    assert_eq!(r.funding.len(), n + 1);
    assert!(r.funding[1..]
        .iter()
        .all(|m| m.part_of.as_deref() == Some("m1")));
    let r = convert(&dense::initiatives(n)).reply;
    let blocks: Vec<_> = r.sections.iter().flat_map(|s| &s.blocks).collect();
    assert_eq!(
        (blocks.len(), r.funding.len(), r.figures.len()),
        (n + 1, n, n)
    );
    // Header lines and nothing else are a summary record: every line is read as the header.
    let c = convert(&dense::header_lines(n));
    assert!(c.reply.preamble.is_none());
    assert_eq!(c.reply.meta.index_number.as_deref(), Some("000-2024-00004"));
    assert!(!c
        .diagnostics
        .iter()
        .any(|d| d.message().contains("not understood")));
    let r = convert(&dense::header_before_opening(n)).reply;
    assert_eq!(r.meta.index_number.as_deref(), Some("000-2024-00004"));
    assert_eq!(r.meta.issuer.as_deref(), Some("市财政局1"));
    assert_eq!(r.funding.len(), 1);
}
