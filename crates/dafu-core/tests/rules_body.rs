//! Every body rule as a table of cases, input → expected, in the style of `parse_rules.rs`: each
//! table is one rule of `parse/body.rs` (sections by numeral, series of initiatives, stage), each
//! row the body of a reply (lines joined by `\n`) and the shape the converter gives it. The body goes
//! through the whole converter (`parse::convert`) behind an addressee and an opening, and every row
//! is checked twice: as written (ASCII `, : ; ( ) !`, as the page store keeps replies) and with
//! full-width `，：；（）！`; both must give the same shape.
//!
//! A shape lists the sections, ` / ` between them: the numeral and heading, then the section's
//! initiatives in brackets, each by its ordinal, `>` after a next step (`一、关于工作[一是 二是>]`).
//! Text before any numbered section is a section without numeral or heading (`[一是 二是]`, left
//! out when it has no initiatives).
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // A failing test is a panic.

use dafu_core::model::{Block, Reply, Stage};
use dafu_core::parse::convert;

mod common;
use common::{ascii_punctuation, full_width};

/// The body behind an addressee and an opening, as a reply.
fn reply(body: &str) -> Reply {
    convert(&format!("张三委员:\n您的提案收悉,现答复如下:\n{body}")).reply
}

/// Sections and their initiatives (see the module documentation).
fn shape(r: &Reply) -> String {
    r.sections
        .iter()
        .map(|s| {
            let items: Vec<String> = s
                .blocks
                .iter()
                .filter_map(|b| match b {
                    Block::Initiative { ordinal, stage, .. } => Some(format!(
                        "{ordinal}{}",
                        if *stage == Stage::Next { ">" } else { "" }
                    )),
                    Block::Paragraph { .. } => None,
                })
                .collect();
            let head = format!("{}{}", s.numeral, s.heading);
            if items.is_empty() {
                head
            } else {
                format!("{head}[{}]", items.join(" "))
            }
        })
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" / ")
}

/// Every block of every section, `¶` before a paragraph's text and the ordinal (with its headline
/// in braces) before an initiative's, ` | ` between them.
fn blocks(r: &Reply) -> String {
    r.sections
        .iter()
        .flat_map(|s| &s.blocks)
        .map(|b| match b {
            Block::Paragraph { text, .. } => format!("¶{text}"),
            Block::Initiative {
                ordinal,
                headline,
                text,
                ..
            } => match headline {
                Some(h) => format!("{ordinal}{{{h}}}{text}"),
                None => format!("{ordinal}{text}"),
            },
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Checks `describe` of the converted `body`, as written and with full-width punctuation.
#[track_caller]
fn check_both(body: &str, expected: &str, describe: fn(&Reply) -> String) {
    assert_eq!(
        ascii_punctuation(&describe(&reply(body))),
        expected,
        "{body}"
    );
    let wide = full_width(body);
    assert_eq!(
        ascii_punctuation(&describe(&reply(&wide))),
        expected,
        "{wide}"
    );
}

#[test]
fn sections_are_the_outermost_numbering_the_text_uses() {
    #[track_caller]
    fn check(body: &str, expected: &str) {
        check_both(body, expected, shape);
    }
    check(
        "一、关于工作\n已完成。\n二、关于资金\n已拨付。",
        "一、关于工作 / 二、关于资金",
    );
    check(
        "一.承办过程\n召开会议。\n二.办理情况\n已办结。",
        "一.承办过程 / 二.办理情况",
    );
    check(
        "(一)关于资金\n已拨付。\n(二)关于人员\n已培训。",
        "(一)关于资金 / (二)关于人员",
    );
    check(
        "（一）关于资金\n已拨付。\n（二）关于人员\n已培训。",
        "(一)关于资金 / (二)关于人员",
    );
    // Numbering below the top level is initiatives of its section.
    check(
        "一、关于工作\n(一)加强领导。成立小组。\n(二)强化保障。\n二、关于资金\n1.已拨付。\n2.已到位。",
        "一、关于工作[(一) (二)] / 二、关于资金[1. 2.]",
    );
    check(
        "(一)关于工作\n1.加强领导。\n2.强化保障。",
        "(一)关于工作[1. 2.]",
    );
    // 1. items that are headings are sections; 1. items in running text are initiatives.
    check(
        "1.关于“尽快投入使用,丰富群众生活。”的问题。目前已全部投入使用。\n2.关于“迁入办公”的问题。暂未启动。",
        "1.关于“尽快投入使用,丰富群众生活。”的问题 / 2.关于“迁入办公”的问题",
    );
    check(
        "1.基本情况\n已完成。\n2.办理情况\n已办结。",
        "1.基本情况 / 2.办理情况",
    );
    check(
        "1.关于资金问题\n已拨付:\n1.一期资金已到位;\n2.二期资金已申报。\n2.关于人员问题\n已培训。",
        "1.关于资金问题[1. 2.] / 2.关于人员问题",
    );
    check(
        "1.关于资金问题\n主要用于:\n1.道路硬化\n2.桥梁维修\n2.关于人员问题\n已培训。",
        "1.关于资金问题[1. 2.] / 2.关于人员问题",
    );
    check(
        "1.关于资金问题。已拨付。\n2.人员已培训到位。\n3.场地已落实。",
        "1.关于资金问题 / 2.人员已培训到位 / 3.场地已落实",
    );
    check(
        "1.该公路已实施,现已完工。\n2.该道路涉及保护区,无法实施。",
        "[1. 2.]",
    );
    check("所提问题属实。\n(1)已拨付。\n(2)已到位。", "[(1) (2)]");
    // A numbered line that is not the first of its style sets no top level: 二、 alone is an item.
    check("二、已拨付资金。", "[二、]");
    // No numbering at all: one section without numeral or heading.
    check("我局高度重视。", "");
}

#[test]
fn a_heading_that_runs_on_ends_at_its_first_full_stop_outside_quotes() {
    #[track_caller]
    fn check(body: &str, expected: &str) {
        check_both(body, expected, |r| format!("{} {}", shape(r), blocks(r)));
    }
    check(
        "一、国家高度重视农田建设。建设农田是重要基础。\n二、建设内容主要包括平整工程。是基本农田。",
        "一、国家高度重视农田建设 / 二、建设内容主要包括平整工程 ¶建设农田是重要基础。 | ¶是基本农田。",
    );
    check(
        "1.关于“投入使用。”的问题。目前已投入使用。",
        "1.关于“投入使用。”的问题 ¶目前已投入使用。",
    );
    // A first sentence with digits keeps its facts in the text; the heading is its first clause.
    check(
        "一、庄甸社区为促进文化教育,于2014年投资100多万元修建广场。使园区得到改善。\n二、通过实地调研,合计33万元。",
        "一、庄甸社区为促进文化教育 / 二、通过实地调研 \
         ¶庄甸社区为促进文化教育,于2014年投资100多万元修建广场。使园区得到改善。 | ¶通过实地调研,合计33万元。",
    );
    // A short heading ends at a colon that text follows; a stray mark after the numeral is no text.
    check(
        "一、主要措施:一是加强领导;二是强化保障\n二、基本情况:\n情况属实。",
        "一、主要措施[一是 二是] / 二、基本情况: 一是加强领导; | 二是强化保障 | ¶情况属实。",
    );
    check(
        "(一)、关于资金:2023年已拨付100万元。\n(二)、关于人员\n已培训。",
        "(一)关于资金 / (二)关于人员 ¶2023年已拨付100万元。 | ¶已培训。",
    );
    // A section without text keeps its heading.
    check(
        "一、基本情况\n情况属实。\n二、办理情况\n已办理。\n三、下一步工作方向",
        "一、基本情况 / 二、办理情况 / 三、下一步工作方向 ¶情况属实。 | ¶已办理。",
    );
}

#[test]
fn a_reply_flattened_onto_one_line_still_has_its_sections() {
    #[track_caller]
    fn check(body: &str, expected: &str) {
        check_both(body, expected, shape);
    }
    check(
        "一、关于工作 我们开展了以下工作。一是加强领导。二是强化保障。 二、关于资金 已拨付资金。",
        "一、关于工作[一是 二是] / 二、关于资金",
    );
    check(
        "我局高度重视。一、关于工作。已完成。二、关于资金。已拨付。",
        "一、关于工作 / 二、关于资金",
    );
    check(
        "(一)关于工作 已完成。 (二)关于资金 已拨付。",
        "(一)关于工作 / (二)关于资金",
    );
    check(
        "我局高度重视。 (一)关于工作 已完成。 (二)关于资金 已拨付。",
        "(一)关于工作 / (二)关于资金",
    );
    // (一) run together after a full stop is a list in a paragraph, not sections.
    check("我局高度重视。(一)加强领导。(二)强化保障。", "[(一) (二)]");
    // Numerals in a sentence's list are no sections.
    check("一、关于工作\n分一、二两期实施。", "一、关于工作");
    check("我局高度重视。一、二类资金已到位。", "");
}

#[test]
fn a_series_runs_one_per_line_or_together_after_any_punctuation() {
    #[track_caller]
    fn check(body: &str, expected: &str) {
        check_both(body, expected, shape);
    }
    check(
        "一是加强领导。\n二是强化保障。\n三是完善制度。",
        "[一是 二是 三是]",
    );
    check(
        "一是加强领导。二是强化保障。 三是完善制度。",
        "[一是 二是 三是]",
    );
    check(
        "我们开展了以下工作:一是加强领导;二是强化保障。",
        "[一是 二是]",
    );
    check(
        "目前,一是已隔离,二是申请拨付,三是加强管理。",
        "[一是 二是 三是]",
    );
    check("目前我局正了解情况一是已隔离二是申请拨付", "[一是 二是]");
    // A lone 一是 after a comma or inside a sentence is a word, not an item.
    check("我们认为,统一是关键。", "");
    check("唯一是去年建成的。", "");
    // 十二是 is twelve.
    check("十一是加强领导。十二是强化保障。", "[十一是 十二是]");
    check(
        "一、关于发展\n(一)推动协调发展。在规划中统筹。一是提升普及水平。二是推进均衡发展。\n(二)推动改革。一是深化改革。",
        "一、关于发展[(一) 一是 二是 (二) 一是]",
    );
    check(
        "第一,加强领导。第二,强化保障。第三,完善制度。",
        "[第一 第二 第三]",
    );
    check("第一,加强领导。\n第二,强化保障。", "[第一 第二]");
    check("第一时间了解情况。排名第一,第二名是某县。", "");
    check("已公布第一、第二批名单。", "");
    check("其一,加强领导;其二,强化保障。", "[其一 其二]");
    check("主要措施:(1)加强领导;(2)强化保障。", "[(1) (2)]");
    check("主要措施:1.加强领导;2.强化保障。", "[1. 2.]");
    check("面积达1.5万亩。共有(2)个。", "");
    check("主要措施:①加强领导;②强化保障;③完善制度。", "[① ② ③]");
    check("详见附件①。", "");
}

#[test]
fn first_then_finally_is_a_series_only_when_it_enumerates() {
    #[track_caller]
    fn check(body: &str, expected: &str) {
        check_both(body, expected, shape);
    }
    check(
        "首先,加强领导。其次,强化保障。再次,完善制度。最后,加强督查。",
        "[首先 其次 再次 最后]",
    );
    check("首先,加强领导。\n其次,强化保障。", "[首先 其次]");
    check("首先十分感谢你们的关心和支持!\n我局高度重视。", "");
    check("围墙已改造,其次校门方案暂不能确定。", "");
    check("最后,衷心感谢您的关注。", "");
    check("首先,加强领导。再次感谢您的关心。", "");
}

#[test]
fn next_steps_are_told_from_work_done() {
    #[track_caller]
    fn check(body: &str, expected: &str) {
        check_both(body, expected, shape);
    }
    check(
        "一、关于工作\n一是加强领导。二是强化保障。下一步,我们将继续推进。一是完善制度。二是加强督查。",
        "一、关于工作[一是 二是 一是> 二是>]",
    );
    check(
        "一、工作情况\n已完成。\n二、下一步工作计划\n一是将持续开展指导;二是组织专家指导。",
        "一、工作情况 / 二、下一步工作计划[一是> 二是>]",
    );
    check(
        "下一步,我局将重点做好以下工作:\n一是完善制度。\n二是加强督查。",
        "[一是> 二是>]",
    );
    check(
        "我局将从以下方面推进:一是完善制度;二是加强督查。",
        "[一是> 二是>]",
    );
    check("今后,我们将:一是完善制度;二是加强督查。", "[一是> 二是>]");
    // The item itself promises.
    check(
        "一是将继续加大投入。二是计划明年开工。三是拟新建活动室。四是今后加强管护。五是已完工。",
        "[一是> 二是> 三是> 四是> 五是]",
    );
    // 将…纳入 puts something somewhere: work done.
    check(
        "一是将民族团结宣传内容纳入主流媒体。二是将该项目列入计划。",
        "[一是 二是]",
    );
    check(
        "一是将研究成果纳入规划。二是将继续将其列入计划。",
        "[一是 二是>]",
    );
    check(
        "我局将该项目纳入规划。一是加强领导。二是强化保障。",
        "[一是 二是]",
    );
    check(
        "在今后的工作中,我们将:一是完善制度;二是加强督查。",
        "[一是> 二是>]",
    );
    // A next-step word inside a clause says nothing about the series.
    check(
        "近年来,我局为今后发展奠定了基础。\n一是加强领导。\n二是强化保障。",
        "[一是 二是]",
    );
    check(
        "为今后发展奠定基础,主要做法如下:一是加强领导;二是强化保障。",
        "[一是 二是]",
    );
    check(
        "一是力争年底前完工。二是预计明年投入使用。",
        "[一是> 二是>]",
    );
    // Only the sentence that introduces the series counts.
    check(
        "今后将继续加大投入。截至目前,已完成以下工作:一是加强领导;二是强化保障。",
        "[一是 二是]",
    );
    // A promise that ends a paragraph does not make the next paragraph's work next steps.
    check(
        "我们将继续努力。\n一是已加强领导。\n二是已强化保障。",
        "[一是 二是]",
    );
    // A new section starts with work done.
    check(
        "一、下一步打算\n一是完善制度。\n二、关于资金\n一是已拨付。",
        "一、下一步打算[一是>] / 二、关于资金[一是]",
    );
}
