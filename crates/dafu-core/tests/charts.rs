//! Native tests of the chart geometry and the funding figures the charts and tables show.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // A failing test is a panic.

mod common;

use common::reply;

use dafu_core::model::{per_mille, percent, ticks};
use dafu_core::model::{
    BarLabel, Centi, Decimal, LinearScale, MoneyRole, Reply, DEFAULT_REPLY_JSON,
};

fn d(text: &str) -> Decimal {
    Decimal::parse(text).unwrap()
}

/// Maps each value on a scale built from `values` onto `range` hundredths and compares the coordinates.
#[track_caller]
fn check(values: &[&str], range: u64, expected: &[u64]) {
    let scale = LinearScale::new(values.iter().map(|v| d(v)), Centi(range));
    let mapped: Vec<u64> = values.iter().map(|v| scale.map(d(v)).0).collect();
    assert_eq!(mapped, expected, "values {values:?} on 0..{range}");
}

#[test]
fn the_scale_maps_amounts_to_exact_coordinates() {
    check(&["305.29", "306", "20"], 10_000, &[9977, 10_000, 654]);
    check(&["0", "50", "100"], 6_500, &[0, 3250, 6500]);
    check(&["7981.217", "9130"], 10_000, &[8742, 10_000]);
}

#[test]
fn zero_maps_to_the_origin_and_a_single_item_fills_the_range() {
    check(&["0"], 10_000, &[0]);
    check(&["631.29"], 10_000, &[10_000]);
    check(&["0", "0"], 10_000, &[0, 0]);
}

#[test]
fn a_tiny_amount_beside_a_huge_one_maps_near_zero_but_is_drawn_at_least_the_minimum() {
    let scale = LinearScale::new([d("147000"), d("0.0001")], Centi(10_000));
    assert_eq!(scale.map(d("147000")), Centi(10_000));
    assert_eq!(scale.map(d("0.0001")), Centi(0));
    assert_eq!(scale.length(d("0.0001"), Centi(50)), Centi(50));
    assert_eq!(scale.length(d("0"), Centi(50)), Centi(0));
}

#[test]
fn rounding_is_half_up_and_never_passes_the_range() {
    // 1/3 of 100.00 is 33.333…, 2/3 is 66.666…
    check(&["1", "2", "3"], 10_000, &[3333, 6667, 10_000]);
    let scale = LinearScale::new([d("10")], Centi(10_000));
    assert_eq!(
        scale.map(d("20")),
        Centi(10_000),
        "a value past the maximum is capped"
    );
}

#[test]
fn coordinates_print_without_trailing_zeros() {
    let printed: Vec<String> = [0, 50, 4837, 10_000, 105]
        .iter()
        .map(|c| Centi(*c).to_string())
        .collect();
    assert_eq!(printed, ["0", "0.5", "48.37", "100", "1.05"]);
}

#[test]
fn axis_ticks_are_round_steps_reaching_the_maximum() {
    let t = |max: &str| {
        ticks(d(max), 4)
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(t("306"), ["0", "100", "200", "300", "400"]);
    assert_eq!(t("9130"), ["0", "5000", "10000"]);
    assert_eq!(t("0.35"), ["0", "0.1", "0.2", "0.3", "0.4"]);
    assert_eq!(t("0"), ["0"]);
}

#[test]
fn shares_are_exact_tenths_of_a_percent() {
    let total = d("631.29");
    let shares: Vec<String> = ["305.29", "306", "20"]
        .iter()
        .map(|v| percent(per_mille(d(v), total).unwrap()))
        .collect();
    assert_eq!(shares, ["48.4%", "48.5%", "3.2%"]);
    assert_eq!(per_mille(d("1"), d("0")), None);
}

#[test]
fn the_seed_total_is_the_exact_integer_sum_of_its_three_amounts() {
    let seed = Reply::from_json(DEFAULT_REPLY_JSON).unwrap();
    let totals = seed.funding_totals();
    assert_eq!(totals.allocated, Some(d("631.29")));
    assert_eq!(
        (
            totals.obtained,
            totals.loan,
            totals.requested,
            totals.refused,
            totals.planned,
            totals.not_summed
        ),
        (None, None, None, None, None, 0)
    );
    let bars: Vec<(String, String)> = seed
        .bars_by_purpose()
        .into_iter()
        .map(|b| (b.written.unwrap(), b.wan.to_string()))
        .collect();
    assert_eq!(
        bars,
        [
            ("305.29万元".into(), "305.29".into()),
            ("306万元".into(), "306".into()),
            ("20万元".into(), "20".into())
        ]
    );
    assert_eq!(
        seed.bars_by_year(),
        None,
        "all seed amounts with a year are 2023"
    );
}

#[test]
fn breakdowns_nest_under_their_totals_and_are_not_summed_twice() {
    let r = reply("funding.reply.json");
    let rows: Vec<(u8, &str)> = r
        .funding_rows()
        .iter()
        .map(|row| (row.depth, row.item.written.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            (0, "656万元"),
            (1, "500万元"),
            (1, "156万元"),
            (0, "707.03万元"),
            (1, "700万元"),
            (1, "7.03万元"),
            (0, "9130万元"),
            (0, "200万元"),
            (0, "近390万元"),
            (0, "2万元/项"),
            (0, "5-10万元"),
            (0, "150万元"),
            (0, "80万元"),
        ]
    );
    let totals = r.funding_totals();
    assert_eq!(
        totals.allocated,
        Some(d("1363.03")),
        "656 + 707.03; parts, rates, ranges, obtained and planned money left out"
    );
    assert_eq!(totals.obtained, Some(d("150")));
    assert_eq!(totals.loan, Some(d("9130")));
    assert_eq!(totals.refused, Some(d("200")));
    assert_eq!(totals.requested, Some(d("390")));
    assert_eq!(totals.planned, Some(d("80")));
    assert_eq!(totals.not_summed, 2);
}

#[test]
fn a_rate_is_never_a_bar_and_roles_stay_on_their_bars() {
    let r = reply("funding.reply.json");
    let bars = r.bars_by_purpose();
    assert!(bars
        .iter()
        .all(|b| b.written.as_deref() != Some("2万元/项")));
    let roles: Vec<(&str, MoneyRole, bool)> = bars
        .iter()
        .map(|b| (b.written.as_deref().unwrap(), b.role, b.approx))
        .filter(|(_, role, _)| *role != MoneyRole::Allocated)
        .collect();
    assert_eq!(
        roles,
        [
            ("9130万元", MoneyRole::Loan, false),
            ("200万元", MoneyRole::Refused, false),
            ("近390万元", MoneyRole::Requested, true),
            ("150万元", MoneyRole::Obtained, false),
            ("80万元", MoneyRole::Planned, false)
        ]
    );
    let range = bars
        .iter()
        .find(|b| b.written.as_deref() == Some("5-10万元"))
        .unwrap();
    assert_eq!((range.wan, range.upper_wan), (d("5"), Some(d("10"))));
}

#[test]
fn funding_in_different_years_is_also_charted_by_year() {
    let r = reply("funding.reply.json");
    let years: Vec<(BarLabel, Option<String>, String)> = r
        .bars_by_year()
        .unwrap()
        .into_iter()
        .map(|b| (b.label, b.written, b.wan.to_string()))
        .collect();
    assert_eq!(
        years,
        [
            (BarLabel::Year(2020), None, "656".into()),
            (BarLabel::Year(2021), None, "707.03".into())
        ]
    );
}

#[test]
fn a_reply_without_funding_has_no_total_and_no_bars() {
    let r = reply("dates.reply.json");
    assert_eq!(r.funding_totals().allocated, None);
    assert!(r.bars_by_purpose().is_empty());
}
