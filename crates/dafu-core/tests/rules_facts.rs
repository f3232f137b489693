//! The fact rules added for real replies (issue 12), as tables of one-line cases in the style of
//! `parse_rules.rs`: dates in Chinese numerals, relative to the text or to the reply's year, deadlines
//! and spans; money in Chinese numerals, financial capitals with their ¥ figure, bare 万 after a money
//! word, rates, hedges after the unit; the roles planned, obtained and loan; a total written after
//! its parts; figures with more units, ranges and `以上`, and identifiers that are no figures.
//!
//! Each line is converted as the body of a reply (after an addressee and an opening line), once as
//! written and once with its ASCII `, : ; ( )` turned full-width: both must give the same facts.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // A failing test is a panic.

use dafu_core::model::{DateFact, DateRef, Figure, Funding, When};
use dafu_core::parse::{convert, Conversion};

mod common;
use common::{ascii_punctuation, full_width};

/// A fact of a converted line.
enum Fact<'a> {
    Date(&'a DateFact),
    Money(&'a Funding),
    Figure(&'a Figure),
}

/// The line as the body of a reply.
fn reply_text(line: &str) -> String {
    format!("某委员:\n您的提案收悉,现答复如下:\n{line}")
}

/// The facts of the reply's body, in the order they are written.
fn facts(c: &Conversion) -> Vec<Fact<'_>> {
    let r = &c.reply;
    let blocks: Vec<&str> = r
        .sections
        .iter()
        .flat_map(|s| s.blocks.iter().map(|b| b.id()))
        .collect();
    let place =
        |block: &str, start: usize| blocks.iter().position(|b| *b == block).map(|b| (b, start));
    let mut all: Vec<((usize, usize), Fact<'_>)> = Vec::new();
    all.extend(
        r.dates
            .iter()
            .filter_map(|d| Some((place(&d.at.block, d.at.start)?, Fact::Date(d)))),
    );
    all.extend(
        r.funding
            .iter()
            .filter_map(|m| Some((place(&m.at.block, m.at.start)?, Fact::Money(m)))),
    );
    all.extend(
        r.figures
            .iter()
            .filter_map(|f| Some((place(&f.at.block, f.at.start)?, Fact::Figure(f)))),
    );
    all.sort_by_key(|(at, _)| *at);
    all.into_iter().map(|(_, f)| f).collect()
}

/// A value's name as the JSON writes it (`allocated`, `about`).
fn name(value: impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn when(date: &DateRef) -> String {
    match date.when() {
        When::On(p) => format!("on {p}"),
        When::AsOf(p) => format!("as of {p}"),
        When::Span(a, b) => format!("{a} to {b}"),
        When::Since(p) => format!("since {p}"),
        When::Until(p) => format!("until {p}"),
        When::Unresolved => "unplaced".into(),
    }
}

/// Converts the line as written and with full-width punctuation, describes each body fact with
/// `describe` (facts it returns `None` for are left out), joined by `; `, and checks that both
/// forms give the same description (full-width marks read back as ASCII).
#[track_caller]
fn described(line: &str, describe: &dyn Fn(&Conversion, &Fact<'_>) -> Option<String>) -> String {
    let run = |text: &str| {
        let c = convert(&reply_text(text));
        let out = facts(&c)
            .iter()
            .filter_map(|f| describe(&c, f))
            .collect::<Vec<_>>()
            .join("; ");
        assert!(
            c.reply.problems().is_empty(),
            "{text}: {:?}",
            c.reply.problems()
        );
        ascii_punctuation(&out)
    };
    let ascii = run(line);
    assert_eq!(
        run(&full_width(line)),
        ascii,
        "full-width: {}",
        full_width(line)
    );
    ascii
}

fn date(c: &Conversion, f: &Fact<'_>) -> Option<String> {
    let Fact::Date(d) = f else { return None };
    let written = d.date.written();
    let inferred = c.diagnostics.iter().any(|x| {
        x.message()
            .starts_with(&format!("date {written:?} read as"))
    });
    Some(format!(
        "{written} {}{}",
        when(&d.date),
        if inferred { " (inferred)" } else { "" }
    ))
}

fn money(_: &Conversion, f: &Fact<'_>) -> Option<String> {
    Some(match f {
        Fact::Money(m) => {
            let money = &m.money;
            let mut s = format!("{} {}", m.written, money.amount());
            if let Some(upper) = money.upper() {
                s.push_str(&format!(" to {upper}"));
            }
            s.push_str(&format!(" {}", money.unit().as_str()));
            if let Some(per) = money.per() {
                s.push_str(&format!(" per {per}"));
            }
            if let Some(a) = money.approx() {
                s.push_str(&format!(" {}", name(a)));
            }
            s
        }
        Fact::Figure(x) => format!("{} figure", x.written),
        Fact::Date(_) => return None,
    })
}

fn figure(_: &Conversion, f: &Fact<'_>) -> Option<String> {
    Some(match f {
        Fact::Figure(x) => {
            let mut s = format!("{} {}", x.written, x.value);
            if let Some(m) = x.multiplier {
                s.push_str(&format!(" {}", name(m)));
            }
            s.push_str(&format!(" {}", x.unit));
            if let Some(a) = x.approx {
                s.push_str(&format!(" {}", name(a)));
            }
            s
        }
        Fact::Money(m) => format!("{} money", m.written),
        Fact::Date(_) => return None,
    })
}

fn role(_: &Conversion, f: &Fact<'_>) -> Option<String> {
    match f {
        Fact::Money(m) => Some(format!("{} {}", m.written, name(m.role))),
        _ => None,
    }
}

#[test]
fn dates_in_chinese_numerals_are_placed() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        assert_eq!(described(input, &date), expected, "{input}");
    }
    check("二○一一年五月十日", "二○一一年五月十日 on 2011-05-10");
    check(
        "二0一二年四月二十四日印发",
        "二0一二年四月二十四日 on 2012-04-24",
    );
    check(
        "二〇二三年十二月三十一日",
        "二〇二三年十二月三十一日 on 2023-12-31",
    );
    check("一九九八年建成", "一九九八年 on 1998");
    check("二○一一年二月三十日", "二○一一年二月 on 2011-02");
    check("2020年十月完工", "2020年十月 on 2020-10");
    check("二十年来", "");
    check("一二三四年", "");
}

#[test]
fn a_date_relative_to_the_text_or_to_the_reply_takes_that_year_or_stays_unplaced() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        assert_eq!(described(input, &date), expected, "{input}");
    }
    check(
        "2019年3月修订,同年10月实施",
        "2019年3月 on 2019-03; 同年10月 on 2019-10 (inferred)",
    );
    check("同年10月实施", "同年10月 unplaced");
    check("当年6月底", "当年6月底 unplaced");
    check("今年6月份,修缮屋顶", "今年6月份 unplaced");
    check("8月6日验收", "8月6日 unplaced");
    check(
        "2025年3月开工,8月初已办理,预计8月中旬确定,11月份完成",
        "2025年3月 on 2025-03; 8月初 on 2025-08 (inferred); 8月中旬 on 2025-08 (inferred); 11月份 on 2025-11 (inferred)",
    );
    check("8月底完成", "8月底 unplaced");
    check("12月完工", "");
    check("用时3个月", "");
    check("同年龄段", "");
    check("上年同期", "");
}

#[test]
fn this_year_is_the_year_the_reply_was_written() {
    let text = "某委员:\n您的提案收悉,现答复如下:\n今年6月份,修缮屋顶;去年3月,完成设计。\n某局\n2020年11月12日";
    for text in [text.to_owned(), full_width(text)] {
        let c = convert(&text);
        let body: Vec<String> = facts(&c).iter().filter_map(|f| date(&c, f)).collect();
        assert_eq!(
            body,
            [
                "今年6月份 on 2020-06 (inferred)",
                "去年3月 on 2019-03 (inferred)"
            ]
        );
    }
}

#[test]
fn deadlines_spans_and_open_ends_keep_their_words() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        assert_eq!(described(input, &date), expected, "{input}");
    }
    check("预计2020年11月底前完工", "2020年11月底前 until 2020-11");
    check("2023年底前完成", "2023年底前 until 2023-12");
    check("2023年11月30日前完成", "2023年11月30日前 until 2023-11-30");
    check("2023年3月5日前往北京", "2023年3月5日 on 2023-03-05");
    check("到2030年,建成12亿亩", "到2030年 until 2030");
    check("力争到2025年底全面完成", "到2025年底 until 2025-12");
    check("达到2020年水平", "2020年 on 2020");
    check("提高到2025年的水平", "2025年 on 2025");
    check("结合2020年度品牌创建", "2020年度 on 2020");
    check("第十四个五年规划", "第十四个五年 2021 to 2025");
    check("从2011年起", "从2011年起 since 2011");
    check("从2015年至2021年连续", "从2015年至2021年 2015 to 2021");
    check("自2000年—2017年", "自2000年—2017年 2000 to 2017");
    check("从2020年开始", "从2020年开始 since 2020");
    check("从2020年的情况看", "2020年 on 2020");
    check("2021年起施行", "2021年起 since 2021");
    check("2021年起草", "2021年 on 2021");
    check("2017年之后", "2017年之后 since 2017");
    check("2015年至今", "2015年至今 since 2015");
    check("2023年3月以来", "2023年3月以来 since 2023-03");
    check("2023年3月至6月", "2023年3月至6月 2023-03 to 2023-06");
    check(
        "2023年3月至2024年5月",
        "2023年3月至2024年5月 2023-03 to 2024-05",
    );
    check(
        "2023年5月1日至31日",
        "2023年5月1日至31日 2023-05-01 to 2023-05-31",
    );
    check("2023年6月至3月", "2023年6月 on 2023-06");
    check("2023年1-6月", "2023年1-6月 2023-01 to 2023-06");
    check("2023年上半年", "2023年上半年 2023-01 to 2023-06");
    check("2023年第三季度", "2023年第三季度 2023-07 to 2023-09");
    check("2023年一季度", "2023年一季度 2023-01 to 2023-03");
    check("2020年6月份", "2020年6月份 on 2020-06");
    check("2020年9月下旬", "2020年9月下旬 on 2020-09");
    check("2020年3月5号", "2020年3月5号 on 2020-03-05");
}

#[test]
fn dates_written_in_other_shapes_are_read_whole() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        assert_eq!(described(input, &date), expected, "{input}");
    }
    check("《中国教育现代化2035》", "2035 on 2035");
    check("《健康中国2030》规划纲要", "2030 on 2030");
    check("〔2035〕", "");
    check("发布于2021.09.24", "2021.09.24 on 2021-09-24");
    check("发布于2021/9/24", "2021/9/24 on 2021-09-24");
    check("面积22021年计划建设", "2021年 on 2021 (inferred)");
    check("2022427日印发", "2022427日 on 2022-04-27 (inferred)");
    check("落款2020年11月12", "2020年11月12 on 2020-11-12");
    check("2020年11月12个项目", "2020年11月 on 2020-11");
}

#[test]
fn money_in_chinese_numerals_and_financial_capitals_is_one_amount() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        assert_eq!(described(input, &money), expected, "{input}");
    }
    check(
        "决定用捐赠资金拾万元(¥:100000.00元)给予解决",
        "拾万元(¥:100000.00元) 10 万元",
    );
    check("壹佰贰拾万伍仟元整", "壹佰贰拾万伍仟元整 1205000 元");
    check(
        "合同金额伍仟元(小写:¥5,000元)",
        "伍仟元(小写:¥5,000元) 5000 元",
    );
    check("补助五十万元", "五十万元 50 万元");
    check("投入一千二百万元", "一千二百万元 1200 万元");
    check("安排两亿元", "两亿元 2 亿元");
    check("安排十余万元", "十余万元 10 万元 over");
    check("补助几十万元", "");
    check("投入数百万元", "");
    check("投入十几万元", "");
    check("投入三五万元", "");
    check("城乡二元结构", "");
    check("管理一元化", "");
    check("每万元GDP能耗", "");
    check("支付¥1,500", "¥1,500 1500 元");
}

#[test]
fn money_written_with_a_hedge_a_rate_or_a_bare_wan_after_a_money_word() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        assert_eq!(described(input, &money), expected, "{input}");
    }
    check("工程欠款已达3亿元左右", "3亿元左右 3 亿元 about");
    check("投入100万元以上", "100万元以上 100 万元 over");
    check("中部地区每平方米800元", "每平方米800元 800 元 per 平方米");
    check("标准为每年5万元", "每年5万元 5 万元 per 年");
    check("补助5万元/年", "5万元/年 5 万元 per 年");
    check("按120万元/公里的成本", "120万元/公里 120 万元 per 公里");
    check("投入1,500万元", "1,500万元 1500 万元");
    check("投入100 万元", "100 万元 100 万元");
    check("投入资金50万,用于修路", "50万 50 万元");
    check("投资共计30万", "30万 30 万元");
    check("安排资金50万支持建设", "50万 50 万元");
    check("拨付5亿", "5亿 5 亿元");
    check("已安排51.6万城维资金对绿化带进行改造", "51.6万 51.6 万元");
    check("投资5000万人民币", "5000万人民币 5000 万元");
    check("补助5万余元", "5万余元 5 万元 over");
    check("每人每月200元", "每月200元 200 元 per 月");
    check("租金50元/平米", "50元/平米 50 元 per 平米");
    check("阅读量50万次资金", "50万次 figure");
    check("计划招商50万人", "50万人 figure");
    check("投资100万美元", "");
    check("补贴50万头生猪", "");
    check("阅读量50万", "");
    check("种植50万亩", "50万亩 figure");
    check("资金1,500", "");
}

#[test]
fn money_roles_beyond_allocated() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        assert_eq!(described(input, &role), expected, "{input}");
    }
    check("概算投资23万元", "23万元 planned");
    check("该项目拟投资4500万元", "4500万元 planned");
    check("预计需建设资金15万元", "15万元 planned");
    check("计划投资50万元", "50万元 planned");
    check(
        "拟建设道路500米,按120万元/公里的建设成本,需投入资金60万元",
        "120万元/公里 planned; 60万元 planned",
    );
    check("拟建设道路,已投入资金20万元", "20万元 allocated");
    check("计划于年底建成。投入50万元", "50万元 allocated");
    check("下达投资计划50万元", "50万元 allocated");
    check("拟定方案,安排资金50万元", "50万元 allocated");
    check("无需投入资金50万元", "50万元 allocated");
    check("争取到上级资金50万元", "50万元 obtained");
    check("获得省级补助30万元", "30万元 obtained");
    check("争取资金50万元", "50万元 requested");
    check("拟申请资金50万元", "50万元 requested");
    check("工程欠款已达3亿元左右", "3亿元左右 loan");
    check("借款200万元", "200万元 loan");
    check(
        "争取资金100万元,其中国债资金60万元、省资金40万元",
        "100万元 requested; 60万元 requested; 40万元 requested",
    );
    check(
        "争取资金100万元,其中安排国债资金60万元",
        "100万元 requested; 60万元 allocated",
    );
    check("安排资金50万元。申请资金未获批准", "50万元 allocated");
}

#[test]
fn a_total_written_after_its_parts_is_their_parent() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        let describe = |c: &Conversion, f: &Fact<'_>| {
            let Fact::Money(m) = f else { return None };
            let written = |id: &str| {
                c.reply
                    .funding
                    .iter()
                    .find(|m| m.id == id)
                    .map_or("?".to_owned(), |m| m.written.clone())
            };
            Some(match &m.part_of {
                Some(total) => format!("{} part of {}", m.written, written(total)),
                None => m.written.clone(),
            })
        };
        assert_eq!(described(input, &describe), expected, "{input}");
    }
    check(
        "其中:中央资金500万元,地方资金156万元,合计656万元。",
        "500万元 part of 656万元; 156万元 part of 656万元; 656万元",
    );
    check(
        "市级50万元、区级30万元,共计80万元",
        "50万元 part of 80万元; 30万元 part of 80万元; 80万元",
    );
    check(
        "市级50万元、区级30万元,共计90万元",
        "50万元; 30万元; 90万元",
    );
    check(
        "拨付10万元,又拨付10万元,再拨付20万元",
        "10万元; 10万元; 20万元",
    );
    check(
        "市级50万元。区级30万元,共计80万元",
        "50万元; 30万元; 80万元",
    );
    check(
        "投入100万元,其中市级50万元。另投入30万元,合计130万元",
        "100万元; 50万元 part of 100万元; 30万元; 130万元",
    );
}

#[test]
fn a_purpose_never_comes_from_another_sentence() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        let describe = |_: &Conversion, f: &Fact<'_>| {
            let Fact::Money(m) = f else { return None };
            Some(match &m.purpose {
                Some(p) => format!("{} for {p}", m.written),
                None => m.written.clone(),
            })
        };
        assert_eq!(described(input, &describe), expected, "{input}");
    }
    check("开展课题培训,拨付20万元", "20万元 for 开展课题培训");
    check("开展课题培训。拨付20万元", "20万元");
}

#[test]
fn figures_with_more_units_hedges_and_ranges() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        assert_eq!(described(input, &figure), expected, "{input}");
    }
    check("覆盖率达100%", "100% 100 %");
    check("回收利用率达到35%以上", "35%以上 35 % over");
    check(
        "保障1.2万亿斤以上粮食产能",
        "1.2万亿斤以上 1.2 万 亿斤 over",
    );
    check("护砌540m、渠道588m", "540m 540 m; 588m 588 m");
    check("地力培肥 4500 亩", "4500 亩 4500 亩");
    check("每年开展3-5年", "3-5年 3 年");
    check("连续6年", "6年 6 年");
    check("服务期6个月", "6个月 6 个月");
    check("60岁以上老人", "60岁以上 60 岁 over");
    check("淳安等26县", "26县 26 县");
    check("市政协(2份)", "2份 2 份");
    check("12位代表", "12位 12 位");
    check("设备10台、5套", "10台 10 台; 5套 5 套");
    check("17村", "17村 17 村");
    check("面积100㎡,另100平米", "100㎡ 100 ㎡; 100平米 100 平米");
    check("资金50万", "50万 money");
    check("5年级学生", "");
    check("80年代", "");
    check("1850年", "");
    check("5-3个", "3个 3 个");
    check("S221线", "");
    check("5mg", "");
    check("电话0871-6123456", "");
    check("〔2023〕94号", "");
    check("第3个", "");
}

#[test]
fn a_hedge_of_two_characters_or_in_traditional_characters_belongs_to_its_number() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        assert_eq!(described(input, &money), expected, "{input}");
    }
    check(
        "每年财政投入将突破1000万元",
        "突破1000万元 1000 万元 exceeding",
    );
    check("累计投入超过500万元", "超过500万元 500 万元 exceeding");
    check("累計投入超過500萬元", "超過500萬元 500 万元 exceeding");
    check("受益群众超过3000人", "超过3000人 figure");
    check("突击完成20万元", "20万元 20 万元");
    check("逾200万元", "逾200万元 200 万元 exceeding");
}

#[test]
fn figures_in_traditional_characters_keep_their_hedge_and_multiplier() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        assert_eq!(described(input, &figure), expected, "{input}");
    }
    // The hedge after the number is the nearer one.
    check("總面積約1萬多平方米", "約1萬多平方米 1 万 平方米 more");
    check("道路約11公里已納入規劃", "約11公里 11 公里 about");
    check("受益群众超过3000人", "超过3000人 3000 人 exceeding");
    check("面积突破2億平方米", "突破2億平方米 2 亿 平方米 exceeding");
}

#[test]
fn need_alone_does_not_make_money_planned_but_money_still_needed_does() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        assert_eq!(described(input, &role), expected, "{input}");
    }
    check("根据工作需要,安排资金50万元", "50万元 allocated");
    check("所需资金80万元已全部到位", "80万元 allocated");
    check("尚需资金30万元", "30万元 planned");
    check("需投入资金60万元", "60万元 planned");
}

#[test]
fn digits_run_together_are_a_date_only_where_no_money_or_unit_follows() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        assert_eq!(described(input, &date), expected, "{input}");
    }
    check("于2017821发文", "2017821 on 2017-08-21 (inferred)");
    check("共拨付2010203元", "");
    check("服务群众2009130人次", "");
}
