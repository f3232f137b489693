//! Every fact rule as a table of one-line cases, input → expected, in the style of csv-core's tests:
//! each table is one rule (the rules are written down in `parse/facts.rs` and `parse/meaning.rs`),
//! each row a line of reply text and what that rule makes of it, compared through the table's one
//! `check`. The line goes through the whole converter (`parse::convert`), as a user's text would; the
//! whole-document snapshots are in `convert.rs`.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // A failing test is a panic.

use dafu_core::model::{DateFact, DateRef, Figure, Funding, Reply, When};
use dafu_core::parse::{convert, Conversion};

/// A fact of a converted line.
enum Fact<'a> {
    Date(&'a DateFact),
    Money(&'a Funding),
    Figure(&'a Figure),
}

/// The line's facts in the order they are written.
fn facts(reply: &Reply) -> Vec<Fact<'_>> {
    let blocks: Vec<&str> = reply
        .sections
        .iter()
        .flat_map(|s| s.blocks.iter().map(|b| b.id()))
        .collect();
    let place = |block: &str, start: usize| {
        (
            blocks
                .iter()
                .position(|b| *b == block)
                .unwrap_or(usize::MAX),
            start,
        )
    };
    let mut all: Vec<((usize, usize), Fact<'_>)> = Vec::new();
    all.extend(
        reply
            .dates
            .iter()
            .map(|d| (place(&d.at.block, d.at.start), Fact::Date(d))),
    );
    all.extend(
        reply
            .funding
            .iter()
            .map(|m| (place(&m.at.block, m.at.start), Fact::Money(m))),
    );
    all.extend(
        reply
            .figures
            .iter()
            .map(|f| (place(&f.at.block, f.at.start), Fact::Figure(f))),
    );
    all.sort_by_key(|(at, _)| *at);
    all.into_iter().map(|(_, f)| f).collect()
}

/// A value's name as the JSON writes it (`allocated`, `as_of`, `nearly`).
fn name(value: impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Converts `line` and describes each fact with `describe` (facts it returns `None` for are left
/// out), joined by `; `.
fn described(line: &str, describe: impl Fn(&Conversion, &Fact<'_>) -> Option<String>) -> String {
    let c = convert(line);
    facts(&c.reply)
        .iter()
        .filter_map(|f| describe(&c, f))
        .collect::<Vec<_>>()
        .join("; ")
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

#[test]
fn dates_in_every_form() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        let actual = described(input, |c, f| match f {
            Fact::Date(d) => {
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
            _ => None,
        });
        assert_eq!(actual, expected, "{input}");
    }
    check("截至2023年4月,全市", "截至2023年4月 as of 2023-04");
    check(
        "截至2023年4月30日,全市",
        "截至2023年4月30日 as of 2023-04-30",
    );
    check("截至2023年4月31日,全市", "截至2023年4月 as of 2023-04");
    check("截至2023年12个", "截至2023年 as of 2023");
    check("截至2023年底,全市", "2023年底 on 2023-12");
    check("2024年6月20日印发", "2024年6月20日 on 2024-06-20");
    check("2023年2月30日印发", "2023年2月 on 2023-02");
    check("2023年13月", "2023年 on 2023");
    check("成文于2021-09-24", "2021-09-24 on 2021-09-24");
    check("2021-9-5印发", "2021-9-5 on 2021-09-05");
    check("2017-2021年", "2017-2021年 2017 to 2021");
    check("2017—2021期间", "2017—2021 2017 to 2021");
    check("2021年至2022年", "2021年至2022年 2021 to 2022");
    check("2021年—2022年", "2021年—2022年 2021 to 2022");
    check("2021年到2022年", "2021年到2022年 2021 to 2022");
    check("2021-2017年", "2017年 on 2017");
    check("2023年以来", "2023年以来 since 2023");
    check("自2019年起", "自2019年起 since 2019");
    check("自2019年", "2019年 on 2019");
    check("2019年以前", "2019年以前 until 2019");
    check("2019年之前", "2019年之前 until 2019");
    check("2023年末", "2023年末 on 2023-12");
    check("2023年", "2023年 on 2023");
    check("十四五期间", "十四五 2021 to 2025");
    check("十一五", "十一五 2006 to 2010");
    check("十六五", "");
    check(
        "2023年3月完成,8月6日验收",
        "2023年3月 on 2023-03; 8月6日 on 2023-08-06 (inferred)",
    );
    check("8月6日验收", "8月6日 unplaced");
    check("2023年2月,2月30日", "2023年2月 on 2023-02");
    check("2017821", "2017821 on 2017-08-21 (inferred)");
    check("2017111", "");
    check("1989821", "");
    check("1899年", "");
    check("No.2023年", "");
    check("第2023年", "");
}

#[test]
fn date_roles() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        let actual = described(input, |_, f| match f {
            Fact::Date(d) => Some(format!("{} {}", d.date.written(), name(d.role))),
            _ => None,
        });
        assert_eq!(actual, expected, "{input}");
    }
    check("截至2023年4月", "截至2023年4月 as_of");
    check("纳入十四五规划", "十四五 period");
    check("2021-2025年规划", "2021-2025年 event");
    check("2035年远景目标纲要", "2035年 target");
    check("力争2025年实现目标", "2025年 target");
    check("2025年全面完成各项建设目标", "2025年 event");
    check("2023年开展", "2023年 event");
}

#[test]
fn figures_with_their_units() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        let actual = described(input, |_, f| match f {
            Fact::Figure(x) => {
                let mut s = format!("{} {}", x.written, x.value);
                if let Some(m) = x.multiplier {
                    s.push_str(&format!(" {}", name(m)));
                }
                s.push_str(&format!(" {}", x.unit));
                if let Some(a) = x.approx {
                    s.push_str(&format!(" {}", name(a)));
                }
                Some(s)
            }
            Fact::Money(m) => Some(format!("{} money", m.written)),
            Fact::Date(_) => None,
        });
        assert_eq!(actual, expected, "{input}");
    }
    check("组织培训1531期", "1531期 1531 期");
    check("培训干部职工25万人次", "25万人次 25 万 人次");
    check("播放量近820余万次", "近820余万次 820 万 次 over");
    check("播放量近820万次", "近820万次 820 万 次 nearly");
    check("300多个", "300多个 300 个 more");
    check("3000余人", "3000余人 3000 人 over");
    check("1.5万余人", "1.5万余人 1.5 万 人 over");
    check("超30个", "超30个 30 个 exceeding");
    check("约2亿人", "约2亿人 2 亿 人 about");
    check("面积3.5平方公里", "3.5平方公里 3.5 平方公里");
    check("道路30km²", "30km² 30 km²");
    check("修建桥梁7座", "7座 7 座");
    check("耕地5万亩", "5万亩 5 万 亩");
    check("阅读量5589万", "");
    check("发病率154.41/10万人", "");
    check("第3个", "");
    check("No3个", "");
    check("编号〔2021〕6号", "");
    check("1.2.3个", "");
    check("拨付5万元", "5万元 money");
}

#[test]
fn money_in_every_form() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        let actual = described(input, |_, f| match f {
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
                Some(s)
            }
            Fact::Figure(x) => Some(format!("{} figure", x.written)),
            Fact::Date(_) => None,
        });
        assert_eq!(actual, expected, "{input}");
    }
    check("工作经费305.29万元", "305.29万元 305.29 万元");
    check("共投入近390万元", "近390万元 390 万元 nearly");
    check("另有300多万元", "300多万元 300 万元 more");
    check("和400余万元", "400余万元 400 万元 over");
    check("约5万元", "约5万元 5 万元 about");
    check("超100万元", "超100万元 100 万元 exceeding");
    check("每年安排5-10万元", "5-10万元 5 to 10 万元");
    check("每年安排5~10亿元", "5~10亿元 5 to 10 亿元");
    check("10-5万元", "5万元 5 万元");
    check("奖励标准2万元/项", "2万元/项 2 万元 per 项");
    check("每人200元/人次", "200元/人次 200 元 per 人次");
    check("安排14.7亿元和3000元", "14.7亿元 14.7 亿元; 3000元 3000 元");
    check("资金5万", "5万 5 万元");
    check("5万亩", "5万亩 figure");
}

#[test]
fn money_roles_come_from_the_clause() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        let actual = described(input, |_, f| match f {
            Fact::Money(m) => Some(format!("{} {}", m.written, name(m.role))),
            _ => None,
        });
        assert_eq!(actual, expected, "{input}");
    }
    check("市政府拨付经费305万元", "305万元 allocated");
    check("2017年通过贷款9130万元建设道路", "9130万元 loan");
    check("贷款未获批准的200万元", "200万元 loan");
    check("申请补助资金200万元,未获批准", "200万元 refused");
    check("申请补助资金200万元未获批准", "200万元 refused");
    check("不予安排的资金50万元", "50万元 refused");
    check("申请专项资金120万元", "120万元 requested");
    check("争取资金50万元", "50万元 requested");
    check("申报项目资金30万元", "30万元 requested");
    check("申请并获批资金120万元", "120万元 obtained");
    check("争取并下达资金50万元", "50万元 allocated");
    check("申请资金到位20万元", "20万元 allocated");
    check("向省里申请,安排资金200万元", "200万元 allocated");
    check(
        "申请补助资金200万元,未获批准;另申请专项资金120万元。",
        "200万元 refused; 120万元 requested",
    );
}

#[test]
fn amounts_after_qizhong_are_parts_of_the_total_before() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        let c = convert(input);
        let written = |id: &str| {
            c.reply
                .funding
                .iter()
                .find(|m| m.id == id)
                .map_or("?", |m| m.written.as_str())
        };
        let actual = facts(&c.reply)
            .iter()
            .filter_map(|f| match f {
                Fact::Money(m) => Some(match &m.part_of {
                    Some(total) => format!("{} part of {}", m.written, written(total)),
                    None => m.written.clone(),
                }),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("; ");
        assert_eq!(actual, expected, "{input}");
    }
    check(
        "工程总投资656万元,其中:中央财政资金500万元,地方配套资金156万元。",
        "656万元; 500万元 part of 656万元; 156万元 part of 656万元",
    );
    check(
        "投入100万元。其中市级50万元",
        "100万元; 50万元 part of 100万元",
    );
    check(
        "投入100万元,其中市级50万元。另投入30万元",
        "100万元; 50万元 part of 100万元; 30万元",
    );
    check(
        "投入100万元,其中市级50万元。另投入30万元,其中区级10万元",
        "100万元; 50万元 part of 100万元; 30万元; 10万元 part of 30万元",
    );
    check("其中市级50万元", "50万元");
    check("其中市级50万元、区级30万元", "50万元; 30万元");
}

#[test]
fn purpose_and_payer_come_from_the_words_around_the_amount() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        let actual = described(input, |_, f| match f {
            Fact::Money(m) => {
                let mut s = m.written.clone();
                if let Some(p) = &m.payer {
                    s.push_str(&format!(" by {p}"));
                }
                if let Some(p) = &m.purpose {
                    s.push_str(&format!(" for {p}"));
                }
                Some(s)
            }
            _ => None,
        });
        assert_eq!(actual, expected, "{input}");
    }
    check(
        "市政府拨付创建示范市工作经费305.29万元",
        "305.29万元 by 市政府 for 创建示范市工作经费",
    );
    check(
        "市政府统筹拨付示范市工作经费306万元",
        "306万元 by 市政府 for 示范市工作经费",
    );
    check("县财政局安排资金20万元", "20万元 by 县财政局 for 资金");
    check("省财政厅驻村工作队下达资金20万元", "20万元 for 资金");
    check("开展课题培训,拨付20万元", "20万元 for 开展课题培训");
    check("拨付20万元用于道路建设", "20万元 for 道路建设");
    check("拨付20万元专项用于道路建设", "20万元 for 道路建设");
    check("拨付20万元,用于道路建设", "20万元");
    check("2017年通过贷款9130万元", "9130万元 for 通过贷款");
    check("其中:中央财政资金500万元", "500万元 for 中央财政资金");
    check("拨付20万元", "20万元");
    check("同时,拨付20万元", "20万元");
}

#[test]
fn a_money_belongs_to_the_date_before_it_in_its_sentence() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        let actual = described(input, |_, f| match f {
            Fact::Money(m) => Some(match &m.period {
                Some(p) => format!("{} in {}", m.written, p.written()),
                None => m.written.clone(),
            }),
            _ => None,
        });
        assert_eq!(actual, expected, "{input}");
    }
    check("2023年市政府拨付经费305万元", "305万元 in 2023年");
    check("市政府于2023年拨付经费305万元", "305万元 in 2023年");
    check("开展工作至2023年。拨付经费20万元", "20万元");
    check("2023年开展工作。拨付经费20万元", "20万元 in 2023年");
    check(
        "2022年拨付10万元,2023年拨付20万元",
        "10万元 in 2022年; 20万元 in 2023年",
    );
    check("十四五期间投入5亿元", "5亿元 in 十四五");
}

#[test]
fn a_figure_is_labelled_by_the_words_before_it() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        let actual = described(input, |_, f| match f {
            Fact::Figure(x) => Some(match &x.label {
                Some(l) => format!("{} {l}", x.written),
                None => x.written.clone(),
            }),
            _ => None,
        });
        assert_eq!(actual, expected, "{input}");
    }
    check("全市组织培训1531期", "1531期 全市组织培训");
    check(
        "辅导讲座3121场、专题研讨2156次",
        "3121场 辅导讲座; 2156次 专题研讨",
    );
    check("培训:县处级干部9538人次", "9538人次 县处级干部");
    check(
        "一二三四五六七八九十一二三四五100个",
        "100个 四五六七八九十一二三四五",
    );
    check("100个", "100个");
}

#[test]
fn the_six_largest_figures_are_key() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        let actual = described(input, |_, f| match f {
            Fact::Figure(x) if x.key => Some(x.written.clone()),
            _ => None,
        });
        assert_eq!(actual, expected, "{input}");
    }
    check(
        "1个,2个,3个,4个,5个,6个,7个",
        "2个; 3个; 4个; 5个; 6个; 7个",
    );
    check("8个,1万人", "8个; 1万人");
    check(
        "9个,9个,9个,9个,9个,9个,9个",
        "9个; 9个; 9个; 9个; 9个; 9个",
    );
    check("1.5亿人,2万人,300个", "1.5亿人; 2万人; 300个");
}

#[test]
fn an_inferred_date_is_reported_on_the_line_of_its_own_block() {
    // The title on line 1 holds the same characters as the block on line 3; the diagnostic once
    // named the first line containing the block's opening characters. The title's own date is read
    // too, and reported on the title's line.
    let c = convert("关于2017821的答复\n您的建议收悉。现答复如下:\n2017821\n");
    let lines: Vec<String> = c
        .diagnostics
        .iter()
        .filter(|d| d.message().starts_with("date "))
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        lines,
        [
            "line 1: date \"2017821\" read as 2017-08-21 (year from context or digits regrouped)",
            "line 3: date \"2017821\" read as 2017-08-21 (year from context or digits regrouped)"
        ]
    );
}

#[test]
fn full_width_punctuation_counts_like_ascii_around_the_body() {
    // The proposal's title, the closing paragraphs and the signer of a short reply.
    #[track_caller]
    fn check(input: &str, expected: &str) {
        let r = convert(input).reply;
        let actual = format!(
            "title {:?}; closing {}; signer {:?}",
            r.proposal.title.unwrap_or_default(),
            r.closing.len(),
            r.signature.and_then(|s| s.signer).unwrap_or_default()
        );
        assert_eq!(actual, expected, "{input}");
    }
    const BODY: &str = "\n一、资金\n安排资金20万元。\n";
    check(
        &format!("您提出的关于加快建设的建议,已收悉。现答复如下:{BODY}"),
        "title \"关于加快建设的建议\"; closing 0; signer \"\"",
    );
    check(
        &format!("您提出的关于加快建设的建议，已收悉。现答复如下:{BODY}"),
        "title \"关于加快建设的建议\"; closing 0; signer \"\"",
    );
    check(
        &format!("您的建议收悉。{BODY}感谢您的关心。\n以上答复,如有不妥,请批评指正\n市财政局"),
        "title \"\"; closing 2; signer \"市财政局\"",
    );
    check(
        &format!("您的建议收悉。{BODY}感谢您的关心。\n以上答复，如有不妥，请批评指正"),
        "title \"\"; closing 2; signer \"\"",
    );
    check(
        &format!("您的建议收悉。{BODY}感谢您的关心！\n市财政局！"),
        "title \"\"; closing 2; signer \"\"",
    );
}
