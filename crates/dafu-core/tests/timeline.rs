//! Native tests of the timeline layout: every date form placed, ordered and grouped by year.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // A failing test is a panic.

mod common;

use common::reply;

use dafu_core::model::{Placement, Position, Reply, DEFAULT_REPLY_JSON};

/// One line per entry: `year | written date or - | placement | key`, in the order shown.
fn lines(reply: &Reply, newest_first: bool) -> Vec<String> {
    reply
        .timeline()
        .ordered(newest_first)
        .iter()
        .flat_map(|g| {
            g.entries.iter().map(move |e| {
                let year = g.year.map_or("-".to_owned(), |y| y.to_string());
                let written = e.date.as_ref().map_or("-", |d| d.written());
                format!("{year} | {written} | {:?} | {}", e.placement, e.key)
            })
        })
        .collect()
}

#[track_caller]
fn check(reply: &Reply, newest_first: bool, expected: &[&str]) {
    assert_eq!(lines(reply, newest_first), expected);
}

#[test]
fn every_date_form_is_placed_and_ordered_oldest_first() {
    check(
        &reply("dates.reply.json"),
        false,
        &[
            "2019 | 2019年以前 | Until | s1-i5",
            "2021 | 十四五 | Span { from: 2021, to: 2025 } | s1-i4",
            "2021 | 2021年11月19日 | On | s1-i1",
            "2022 | 2022年3月 | On | d99",
            "2023 | 2023年以来 | Since | s1-i3",
            "2023 | 截至2023年4月 | AsOf | s1-i2",
            "2024 | 2024年 | On | s2-i2",
            "2035 | 2035年 | On | d5",
            // No year written: a group of their own after the years, in the reply's order.
            "- | - | Undated | s1-i6",
            "- | 上半年 | Unresolved | s2-i1",
        ],
    );
}

#[test]
fn newest_first_reverses_years_and_entries_and_keeps_the_undated_last() {
    let r = reply("dates.reply.json");
    let (oldest, newest) = (lines(&r, false), lines(&r, true));
    let dated = |l: &Vec<String>| -> Vec<String> {
        l.iter().filter(|x| !x.starts_with('-')).cloned().collect()
    };
    let undated = |l: &Vec<String>| -> Vec<String> {
        l.iter().filter(|x| x.starts_with('-')).cloned().collect()
    };
    let mut reversed = dated(&newest);
    reversed.reverse();
    assert_eq!(reversed, dated(&oldest));
    assert_eq!(undated(&newest), undated(&oldest));
    assert!(newest.last().unwrap().starts_with('-'), "{newest:#?}");
}

#[test]
fn every_initiative_and_every_date_appears_exactly_once() {
    let r = reply("dates.reply.json");
    let t = r.timeline();
    assert_eq!(
        t.len(),
        r.initiative_count() + 2,
        "8 initiatives, plus the goal year and the paragraph date"
    );
    let mut facts: Vec<&str> = t
        .groups
        .iter()
        .flat_map(|g| &g.entries)
        .filter_map(|e| e.fact.as_deref())
        .collect();
    facts.sort_unstable();
    let mut all: Vec<&str> = r.dates.iter().map(|d| d.id.as_str()).collect();
    all.sort_unstable();
    assert_eq!(facts, all);
}

#[test]
fn next_steps_and_goals_are_marked_planned() {
    let r = reply("dates.reply.json");
    let planned: Vec<String> = r
        .timeline()
        .groups
        .iter()
        .flat_map(|g| &g.entries)
        .filter(|e| e.planned)
        .map(|e| e.key.clone())
        .collect();
    assert_eq!(
        planned,
        ["s2-i2", "d5", "s2-i1"],
        "上半年 with no year comes last"
    );
}

#[test]
fn the_seed_timeline_places_its_vague_dates_honestly() {
    let seed = Reply::from_json(DEFAULT_REPLY_JSON).unwrap();
    let t = seed.timeline();
    assert_eq!(t.len(), 15, "14 initiatives and the 2035 goal");
    let find = |key: &str| {
        t.groups
            .iter()
            .flat_map(|g| &g.entries)
            .find(|e| e.key == key)
            .unwrap()
            .clone()
    };
    assert_eq!(find("s2-i1").placement, Placement::AsOf);
    assert_eq!(
        find("s2-i2").placement,
        Placement::Span {
            from: 2021,
            to: 2025
        }
    );
    assert_eq!(find("s2-i3").placement, Placement::Undated);
    assert_eq!(find("s2-i1").summary, "面向干部实施示范工程");
    let years: Vec<Option<i32>> = t.groups.iter().map(|g| g.year).collect();
    assert_eq!(
        years,
        [Some(2021), Some(2023), Some(2035), None],
        "the undated initiatives are not listed under the reply's own year (2024)"
    );
    let undated = t.groups.last().unwrap();
    assert_eq!(
        undated.entries.len(),
        10,
        "10 of the 14 initiatives give no date"
    );
    assert!(undated
        .entries
        .iter()
        .all(|e| e.placement == Placement::Undated));
}

#[test]
fn a_mark_is_shown_only_when_the_date_as_written_does_not_say_it() {
    let r = reply("dates.reply.json");
    let marks: Vec<(String, bool)> = r
        .timeline()
        .groups
        .iter()
        .flat_map(|g| &g.entries)
        .map(|e| {
            let written = e.date.as_ref().map_or("-", |d| d.written()).to_owned();
            (written, e.shows_mark())
        })
        .collect();
    let expected = [
        ("2019年以前", false),
        ("十四五", false),
        ("2021年11月19日", false),
        ("2022年3月", false),
        ("2023年以来", false),
        ("截至2023年4月", false),
        ("2024年", false),
        ("2035年", false),
        ("-", false),
        ("上半年", true),
    ];
    let expected: Vec<(String, bool)> = expected
        .iter()
        .map(|(w, m)| ((*w).to_owned(), *m))
        .collect();
    assert_eq!(marks, expected);
}

#[test]
fn every_entry_says_its_part_and_item_as_numbers() {
    let seed = Reply::from_json(DEFAULT_REPLY_JSON).unwrap();
    let t = seed.timeline();
    let find = |key: &str| {
        t.groups
            .iter()
            .flat_map(|g| &g.entries)
            .find(|e| e.key == key)
            .unwrap()
            .position
    };
    // 二、 三是: the second part's third item.
    assert_eq!(
        find("s2-i3"),
        Position::Body {
            part: Some(2),
            item: Some(3)
        }
    );
    assert_eq!(
        find("s5-i2"),
        Position::Body {
            part: Some(5),
            item: Some(2)
        }
    );
}
