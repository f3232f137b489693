//! Native tests of the reply model: the seed, money, dates, loading errors and the committed schema.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // A failing test is a panic.

mod common;

use std::fs;
use std::path::Path;

use common::Expected;
use dafu_core::model::{
    Approx, DateRef, Decimal, LoadError, Money, MoneyUnit, Point, Reply, When, DEFAULT_REPLY_JSON,
};

fn seed() -> Reply {
    match Reply::from_json(DEFAULT_REPLY_JSON) {
        Ok(r) => r,
        Err(e) => panic!("the seed reply must load: {e}"),
    }
}

/// What loading a fixture gives, as text: a summary when it loads, every error line when not.
fn outcome(json: &str) -> String {
    match Reply::from_json(json) {
        Ok(r) => format!(
            "ok: {} section(s), {} figure(s), {} funding item(s), {} date(s)\n",
            r.sections.len(),
            r.figures.len(),
            r.funding.len(),
            r.dates.len()
        ),
        Err(e) => e.lines().iter().map(|l| format!("error: {l}\n")).collect(),
    }
}

#[test]
fn every_load_fixture_gives_its_expected_outcome() {
    common::check(
        "tests/fixtures/load",
        "json",
        34,
        Expected::Beside("expected"),
        |_, bytes| outcome(&String::from_utf8_lossy(bytes)),
    );
}

#[test]
fn the_seed_round_trips_through_json_unchanged() {
    let original: serde_json::Value = serde_json::from_str(DEFAULT_REPLY_JSON).unwrap_or_default();
    let again: serde_json::Value = serde_json::from_str(&seed().to_json()).unwrap_or_default();
    assert_eq!(original, again);
}

#[test]
fn the_seed_holds_its_five_sections_with_their_exact_headings() {
    let headings: Vec<String> = seed()
        .sections
        .iter()
        .map(|s| format!("{}{}", s.numeral, s.heading))
        .collect();
    assert_eq!(
        headings,
        [
            "一、关于持续全面加强党对民族工作的领导,加强民族工作理论研究方面",
            "二、关于深化民族团结工作宣传教育方面",
            "三、关于形成有效的监督机制方面",
            "四、关于重视民族团结进步的融合发展方面",
            "五、关于加强保障方面",
        ]
    );
}

#[test]
fn the_seed_holds_all_fourteen_initiatives_and_its_metadata() {
    let reply = seed();
    assert_eq!(reply.initiative_count(), 14);
    assert_eq!(reply.closing.len(), 1);
    assert!(reply.closing[0].starts_with("感谢您对我市民族团结进步工作的关心和支持"));
    assert!(reply.closing[0].ends_with("推动民族工作高质量发展。"));
    assert!(reply
        .preamble
        .as_deref()
        .is_some_and(|p| p.starts_with("您提出的《关于将民族团结进步工作纳入")));
    assert_eq!(reply.proposal.number.as_deref(), Some("153"));
    assert_eq!(reply.meta.fields.len(), 9);
    assert_eq!(
        reply.meta.index_number.as_deref(),
        Some("01165940-9/2023-00001")
    );
    assert_eq!(
        reply.meta.published.as_ref().map(|d| d.when()),
        Some(When::On(Point::Moment(2024, 7, 1, 17, 57, 30)))
    );
    assert_eq!(
        reply.meta.written.as_ref().map(|d| d.when()),
        Some(When::On(Point::Day(2024, 6, 20)))
    );
}

#[test]
fn the_seed_funding_totals_exactly_631_29_wan_yuan() {
    let reply = seed();
    let amounts: Vec<String> = reply.funding.iter().map(|f| f.money.to_string()).collect();
    assert_eq!(amounts, ["305.29万元", "306万元", "20万元"]);
    assert_eq!(
        reply
            .total_funding_wan_yuan()
            .map(|d| d.to_string())
            .as_deref(),
        Some("631.29")
    );
}

#[test]
fn the_seed_figures_and_dates_are_all_there() {
    let reply = seed();
    assert_eq!(reply.figures.len(), 20);
    let written: Vec<&str> = reply.dates.iter().map(|d| d.date.written()).collect();
    assert_eq!(
        written,
        [
            "2024-06-20",
            "2024-07-01",
            "截至2023年4月",
            "十四五",
            "十四五",
            "2035年",
            "2023年"
        ]
    );
    let period = reply
        .dates
        .iter()
        .find(|d| d.date.written() == "十四五")
        .map(|d| d.date.when());
    assert_eq!(
        period,
        Some(When::Span(Point::Year(2021), Point::Year(2025)))
    );
    let big = reply
        .figures
        .iter()
        .find(|f| f.written == "25万人次")
        .and_then(|f| f.full_value());
    assert_eq!(big, Some(Decimal::from_int(250_000)));
}

fn money(
    amount: &str,
    upper: Option<&str>,
    unit: MoneyUnit,
    approx: Option<Approx>,
    per: Option<&str>,
) -> Money {
    let dec = |t: &str| Decimal::parse(t).unwrap_or(Decimal::ZERO);
    Money::new(dec(amount), unit)
        .and_then(|m| m.with_range(upper.map(dec)))
        .and_then(|m| m.with_approx(approx).with_per(per.map(str::to_owned)))
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn each_money_form_prints_back_as_written_and_converts_exactly() {
    use MoneyUnit::*;
    let cases = [
        (
            money("305.29", None, WanYuan, None, None),
            "305.29万元",
            Some("305.29"),
        ),
        (
            money("390", None, WanYuan, Some(Approx::Nearly), None),
            "近390万元",
            Some("390"),
        ),
        (
            money("300", None, WanYuan, Some(Approx::More), None),
            "300多万元",
            Some("300"),
        ),
        (
            money("400", None, WanYuan, Some(Approx::Over), None),
            "400余万元",
            Some("400"),
        ),
        (
            money("5", Some("10"), WanYuan, None, None),
            "5-10万元",
            Some("5"),
        ),
        (
            money("2", None, WanYuan, None, Some("项")),
            "2万元/项",
            Some("2"),
        ),
        (
            money("4.5", None, YiYuan, None, None),
            "4.5亿元",
            Some("45000"),
        ),
        (money("3000", None, Yuan, None, None), "3000元", Some("0.3")),
        (
            money("7981.217", None, WanYuan, None, None),
            "7981.217万元",
            Some("7981.217"),
        ),
        (
            money("0.0001", None, Yuan, None, None),
            "0.0001元",
            Some("0.00000001"),
        ),
    ];
    for (m, printed, wan) in cases {
        assert_eq!(m.to_string(), printed);
        assert_eq!(
            m.in_wan_yuan().map(|d| d.to_string()).as_deref(),
            wan,
            "{printed}"
        );
    }
}

#[test]
fn money_json_keeps_trailing_zeros_and_never_uses_floats() {
    let m: Money = serde_json::from_str(r#"{"amount": "20.50", "unit": "万元"}"#)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(m.to_string(), "20.50万元");
    assert_eq!(
        serde_json::to_string(&m).unwrap_or_default(),
        r#"{"amount":"20.50","unit":"万元"}"#
    );
    assert!(serde_json::from_str::<Money>(r#"{"amount": 20.5, "unit": "万元"}"#).is_err());
}

#[test]
fn decimals_add_exactly_where_floats_would_not() {
    let sum = ["0.1", "0.2"]
        .iter()
        .filter_map(|t| Decimal::parse(t).ok())
        .try_fold(Decimal::ZERO, Decimal::checked_add);
    assert_eq!(sum.map(|d| d.to_string()).as_deref(), Some("0.3"));
    assert_eq!(
        Decimal::parse("12345678.9")
            .map(Decimal::grouped)
            .as_deref(),
        Ok("12,345,678.9")
    );
    assert!(Decimal::parse("1e5").is_err());
    assert!(Decimal::parse("-5").is_err());
    assert!(Decimal::parse("99999999999999999999999999999999999999").is_err());
}

fn date(json: &str) -> DateRef {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"))
}

#[test]
fn each_date_form_parses_and_prints_back_as_written() {
    let cases = [
        (
            r#"{"written": "2021年11月19日", "on": "2021-11-19"}"#,
            When::On(Point::Day(2021, 11, 19)),
        ),
        (
            r#"{"written": "2023年4月", "on": "2023-04"}"#,
            When::On(Point::Month(2023, 4)),
        ),
        (
            r#"{"written": "2035年", "on": "2035"}"#,
            When::On(Point::Year(2035)),
        ),
        (
            r#"{"written": "截至2023年4月", "as_of": "2023-04"}"#,
            When::AsOf(Point::Month(2023, 4)),
        ),
        (
            r#"{"written": "十四五", "from": "2021", "to": "2025"}"#,
            When::Span(Point::Year(2021), Point::Year(2025)),
        ),
        (
            r#"{"written": "2023年以来", "from": "2023"}"#,
            When::Since(Point::Year(2023)),
        ),
        (
            r#"{"written": "2019年以前", "to": "2019"}"#,
            When::Until(Point::Year(2019)),
        ),
        (r#"{"written": "上半年"}"#, When::Unresolved),
        (
            r#"{"written": "2024-07-01 17:57:30", "on": "2024-07-01T17:57:30"}"#,
            When::On(Point::Moment(2024, 7, 1, 17, 57, 30)),
        ),
        (
            r#"{"written": "2024年2月29日", "on": "2024-02-29"}"#,
            When::On(Point::Day(2024, 2, 29)),
        ),
    ];
    for (json, when) in cases {
        let d = date(json);
        assert_eq!(d.when(), when, "{json}");
        let back: serde_json::Value = serde_json::to_value(&d).unwrap_or_default();
        assert_eq!(
            back,
            serde_json::from_str::<serde_json::Value>(json).unwrap_or_default(),
            "{json}"
        );
        assert_eq!(d.to_string(), d.written());
    }
}

#[test]
fn dates_of_every_form_sort_by_when_they_start_then_end() {
    let mut dates = [
        date(r#"{"written": "上半年"}"#),
        date(r#"{"written": "2023年以来", "from": "2023"}"#),
        date(r#"{"written": "2035年", "on": "2035"}"#),
        date(r#"{"written": "截至2023年4月", "as_of": "2023-04"}"#),
        date(r#"{"written": "2023年", "on": "2023"}"#),
        date(r#"{"written": "十四五", "from": "2021", "to": "2025"}"#),
        date(r#"{"written": "2021年11月19日", "on": "2021-11-19"}"#),
        date(r#"{"written": "2019年以前", "to": "2019"}"#),
    ];
    dates.sort();
    let order: Vec<&str> = dates.iter().map(DateRef::written).collect();
    assert_eq!(
        order,
        [
            "2019年以前",
            "十四五",
            "2021年11月19日",
            "2023年",
            "2023年以来",
            "截至2023年4月",
            "2035年",
            "上半年"
        ]
    );
}

#[test]
fn a_newer_schema_is_a_clear_error_not_a_guess() {
    let err = Reply::from_json(r#"{"schema": 7}"#).err();
    assert_eq!(err, Some(LoadError::NewerSchema { found: 7 }));
    assert_eq!(
        err.map(|e| e.to_string()).unwrap_or_default(),
        "schema version 7 is newer than this dafu understands (1); update dafu to show this reply"
    );
}

#[test]
fn the_committed_json_schema_is_fresh() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/reply.schema.json");
    let fresh = Reply::json_schema();
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        let _ = fs::write(&path, &fresh);
    }
    let committed = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "data/reply.schema.json is stale: run `UPDATE_EXPECT=1 cargo test -p dafu-core --test model`"
    );
}

#[test]
fn the_schema_describes_money_as_exact_strings() {
    let schema: serde_json::Value = serde_json::from_str(&Reply::json_schema()).unwrap_or_default();
    assert_eq!(schema["$defs"]["Decimal"]["type"], "string");
    assert_eq!(schema["properties"]["schema"]["type"], "integer");
}

#[test]
fn only_absolute_http_and_https_addresses_become_links() {
    let cases = [
        ("https://www.example.gov.cn/a.pdf", true),
        ("HTTP://example.gov.cn/b", true),
        ("javascript:alert(1)", false),
        (" JavaScript:alert(1)", false),
        ("data:text/html,<script>alert(1)</script>", false),
        ("/files/c.pdf", false),
        ("https://example.gov.cn/a b.pdf", false),
        ("https://", false),
        ("vbscript:msgbox(1)", false),
    ];
    for (url, linked) in cases {
        let a = dafu_core::model::Attachment {
            title: "附件".into(),
            url: url.into(),
        };
        assert_eq!(a.safe_url().is_some(), linked, "{url}");
    }
}

#[test]
fn sorting_orders_by_key_and_keeps_items_with_equal_keys_in_their_order() {
    let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e'), (3, 'f')];
    dafu_core::model::sort_by_key(&mut items, |(k, _)| *k);
    assert_eq!(
        items,
        vec![(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c'), (3, 'f')]
    );
    let mut reversed = items.clone();
    dafu_core::model::sort_by(&mut reversed, |a, b| b.0.cmp(&a.0));
    assert_eq!(
        reversed,
        vec![(3, 'a'), (3, 'c'), (3, 'f'), (2, 'd'), (1, 'b'), (1, 'e')]
    );
    let mut empty: Vec<u8> = Vec::new();
    dafu_core::model::sort_by_key(&mut empty, |x| *x);
    assert!(empty.is_empty());
}
