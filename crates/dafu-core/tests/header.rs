//! Native tests of what the header shows to identify a reply (its date and where it comes from) and
//! of which replies open their body at once.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)] // A failing test is a panic.

mod common;

use std::fs;

use dafu_core::model::{DocumentDate, Reply, DEFAULT_REPLY_JSON};

/// Loads `tests/fixtures/header/<name>`.
fn header_reply(name: &str) -> Reply {
    let path = common::repo().join("tests/fixtures/header").join(name);
    Reply::from_json(&fs::read_to_string(&path).unwrap()).unwrap()
}

#[test]
fn the_header_date_is_the_written_date_when_the_metadata_has_one() {
    let seed = Reply::from_json(DEFAULT_REPLY_JSON).unwrap();
    let (from, date) = seed.document_date().unwrap();
    assert_eq!(
        (from, date.written()),
        (DocumentDate::Written, "2024-06-20 00:00:00")
    );
}

#[test]
fn a_reply_without_a_written_date_is_dated_by_its_signature() {
    let signed = header_reply("signed.reply.json");
    let (from, date) = signed.document_date().unwrap();
    assert_eq!(
        (from, date.written()),
        (DocumentDate::Signed, "2024年5月20日")
    );
    assert_eq!(
        signed.meta.document_number.as_deref(),
        Some("某民函〔2024〕12号")
    );
    assert_eq!(Reply::empty().document_date(), None);
}

#[test]
fn a_body_of_one_unnumbered_section_opens_by_default_and_numbered_sections_do_not() {
    assert!(header_reply("signed.reply.json").opens_by_default());
    assert!(!Reply::from_json(DEFAULT_REPLY_JSON)
        .unwrap()
        .opens_by_default());
    assert!(!common::reply("funding.reply.json").opens_by_default());
    assert!(!Reply::empty().opens_by_default());
    // One section that is numbered is a part of a reply, not its whole body: it stays closed.
    let mut one_numbered = header_reply("signed.reply.json");
    if let Some(s) = one_numbered.sections.first_mut() {
        s.numeral = "一、".to_owned();
    }
    assert!(!one_numbered.opens_by_default());
}
