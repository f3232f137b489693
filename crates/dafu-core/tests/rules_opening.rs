//! The opening and closing rules as tables of short replies, input → what the rule makes of it, in the
//! style of `parse_rules.rs`: the proposal answered (kind, number, session, title, proposer), the
//! addressee, and the signature (signer, date, contact lines, closing paragraphs). The rules are
//! written down in `parse/opening.rs` and `parse/closing.rs`. Every case runs twice, as written with
//! ASCII punctuation and with full-width `，：；（）！` restored beside Chinese characters (as the real
//! replies print them), and both must give the same answer.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // A failing test is a panic.

use dafu_core::model::{ProposalKind, When};
use dafu_core::parse::{convert, Conversion};

mod common;
use common::{ascii_punctuation, full_width};

/// Converts `input` as written and with full-width punctuation, describes both with `describe`, and
/// checks each against `expected`.
#[track_caller]
fn check_both(input: &str, expected: &str, describe: impl Fn(&Conversion) -> String) {
    let ascii = describe(&convert(input));
    assert_eq!(ascii, expected, "as written: {input}");
    let wide = full_width(input);
    let restored = ascii_punctuation(&describe(&convert(&wide)));
    assert_eq!(restored, expected, "full-width: {wide}");
}

fn or_dash(v: Option<&str>) -> String {
    v.map_or_else(|| "-".to_owned(), str::to_owned)
}

/// `kind | number | session | title | proposer`.
fn proposal(c: &Conversion) -> String {
    let p = &c.reply.proposal;
    let kind = match p.kind {
        Some(ProposalKind::Proposal) => "提案",
        Some(ProposalKind::Suggestion) => "建议",
        None => "-",
    };
    format!(
        "{kind} | {} | {} | {} | {}",
        or_dash(p.number.as_deref()),
        or_dash(p.session.as_deref()),
        or_dash(p.title.as_deref()),
        or_dash(p.proposer.as_deref()),
    )
}

/// A body after the opening, so that the opening is followed by what a reply holds.
const BODY: &str = "\n一、关于办理情况\n已安排专人办理。\n";

#[test]
fn the_proposal_is_read_from_the_opening_in_every_way_it_is_written() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        check_both(&format!("{input}{BODY}"), expected, proposal);
    }
    // 第N号 in brackets after a quoted title; the meeting with its place.
    check(
        "冬花委员:\n您在博乐市政协十届一次会议上提出的“关于合理拨付文物保护专项经费的提案”(第01926号)收悉,现答复如下:",
        "提案 | 01926 | 博乐市政协十届一次会议 | 关于合理拨付文物保护专项经费的提案 | 冬花",
    );
    // 〔064〕号 after the title, leading zero kept; 建议的 instead of 提出的.
    check(
        "李班马才委员:\n你在舟曲县政协第十五届五次会议上建议的《关于进一步发展农村基础教育的提案》〔064〕号,已由县政府转来我局,现将办理情况答复如下:",
        "提案 | 064 | 舟曲县政协第十五届五次会议 | 关于进一步发展农村基础教育的提案 | 李班马才",
    );
    // Letters before the digits, in brackets after the title.
    check(
        "田红代表:\n提出的《关于农村公路接通的建议》(DH123号)收悉。经研究办理,现将办理情况答复如下:",
        "建议 | DH123 | - | 关于农村公路接通的建议 | 田红",
    );
    // `编号:` in brackets.
    check(
        "赵四代表:\n您提出的《关于改善校园周边交通的建议》(编号:20230123)收悉,现答复如下:",
        "建议 | 20230123 | - | 关于改善校园周边交通的建议 | 赵四",
    );
    // A number before the title, and an unquoted title too short to be one.
    check(
        "钱五代表:\n您在市十五届人大一次会议期间提出的第0123号建议收悉,现答复如下:",
        "建议 | 0123 | 市十五届人大一次会议 | - | 钱五",
    );
    check(
        "钱五代表:\n您提出的第0123号《关于改善农村饮水的建议》收悉,现答复如下:",
        "建议 | 0123 | - | 关于改善农村饮水的建议 | 钱五",
    );
    // Unquoted titles: up to the kind word, before 收悉 or a comma.
    check(
        "桂忠祥等代表:\n你们提出的关于帮助解决莲花塘村至布都村通村公路的建议,已交我们研究办理,现答复如下:",
        "建议 | - | - | 关于帮助解决莲花塘村至布都村通村公路的建议 | 桂忠祥",
    );
    check(
        "黄涛代表:\n您提出的关于加快实施街巷连接贯通工程的建议由我局负责办理。现将办理情况答复如下:",
        "建议 | - | - | 关于加快实施街巷连接贯通工程的建议 | 黄涛",
    );
    check(
        "崔银雷委员:\n现将您提出的关于加快建设乡村道路维修及维护的提案办理情况答复如下:",
        "提案 | - | - | 关于加快建设乡村道路维修及维护的提案 | 崔银雷",
    );
    // A kind word repeated after the title is the document's, not the title's.
    check(
        "臧青杰委员:\n您提出的关于加强垃圾分类工作的建议提案收悉,现回复如下:",
        "提案 | - | - | 关于加强垃圾分类工作的建议 | 臧青杰",
    );
    // Generic words are no title.
    check(
        "张三委员:\n您提出的有关建议收悉,现答复如下:",
        "提案 | - | - | - | 张三",
    );
    check(
        "张三委员:\n您提出的提案收悉,现答复如下:",
        "提案 | - | - | - | 张三",
    );
}

#[test]
fn quotation_marks_around_a_title_are_dropped_and_those_inside_it_kept() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        check_both(&format!("王一代表:\n{input}{BODY}"), expected, proposal);
    }
    check(
        "你提出的“关于加固杭埠河河堤,提高防洪能力”的建议收悉。现答复如下:",
        "建议 | - | - | 关于加固杭埠河河堤,提高防洪能力的建议 | 王一",
    );
    check(
        "您提出的关于“对大新庄镇农田管灌设施进行更新”的建议收悉,现答复如下:",
        "建议 | - | - | 关于对大新庄镇农田管灌设施进行更新的建议 | 王一",
    );
    check(
        "您提出的关于“推进生态新城融合发展的建议”的提案收悉,现答复如下:",
        "建议 | - | - | 推进生态新城融合发展的建议 | 王一",
    );
    check(
        "您提出的关于加强传统村落保护为“和美乡村”建设赋能蓄力的建议收悉,现答复如下:",
        "建议 | - | - | 关于加强传统村落保护为“和美乡村”建设赋能蓄力的建议 | 王一",
    );
    check(
        "您提出的\"关于建设城区绿道的建议\"收悉,现答复如下:",
        "建议 | - | - | 关于建设城区绿道的建议 | 王一",
    );
    // Book-title marks: the title, unless they name a law inside an unquoted title.
    check(
        "您提出的关于《关于加快薄弱学校的硬件建设》的议案收悉,现答复如下:",
        "建议 | - | - | 关于加快薄弱学校的硬件建设 | 王一",
    );
    check(
        "您提出的关于贯彻《乡村振兴促进法》的建议收悉,现答复如下:",
        "建议 | - | - | 关于贯彻《乡村振兴促进法》的建议 | 王一",
    );
    check(
        "您提出的“关于落实《河道管理条例》的建议”收悉,现答复如下:",
        "建议 | - | - | 关于落实《河道管理条例》的建议 | 王一",
    );
    // A mark lost at either end.
    check(
        "您提出的关于“关于给予福塔公园后山(庄甸片区)管护经费的建议,已交我们研究办理,现答复如下:",
        "建议 | - | - | 关于给予福塔公园后山(庄甸片区)管护经费的建议 | 王一",
    );
    check(
        "您们在县十届人大七次会议上提出的关于关于优化校园环境的建议”(第24号),县人大常委会交由我单位办理。现答复如下:",
        "建议 | 24 | 县十届人大七次会议 | 关于优化校园环境的建议 | 王一",
    );
}

#[test]
fn a_short_form_or_a_number_never_replaces_the_full_title() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        check_both(&format!("王二代表:\n{input}{BODY}"), expected, proposal);
    }
    check(
        "您提出的《关于加快发展乡村旅游的建议》(以下简称《建议》)收悉,现答复如下:",
        "建议 | - | - | 关于加快发展乡村旅游的建议 | 王二",
    );
    check(
        "您提出的关于加快发展乡村旅游的建议(以下简称“建议”)收悉,现答复如下:",
        "建议 | - | - | 关于加快发展乡村旅游的建议 | 王二",
    );
    check(
        "您提出的关于加快发展乡村旅游的建议,以下简称“建议”,收悉,现答复如下:",
        "建议 | - | - | 关于加快发展乡村旅游的建议 | 王二",
    );
    check(
        "您在县政协十届五次会议上提出的《关于建设高标准农田,确保粮食安全(第25号提案》收悉,现答复如下:",
        "提案 | 25 | 县政协十届五次会议 | 关于建设高标准农田,确保粮食安全 | 王二",
    );
}

#[test]
fn the_meeting_keeps_its_place_as_written() {
    #[track_caller]
    fn check(title: &str, expected: &str) {
        let input = format!("{title}\n张三委员:\n您的提案收悉,现答复如下:{BODY}");
        check_both(&input, expected, |c| {
            or_dash(c.reply.proposal.session.as_deref())
        });
    }
    check(
        "教育部对十二届全国人大四次会议第3309号建议的答复",
        "十二届全国人大四次会议",
    );
    check(
        "省卫生健康委关于省政协十二届四次会议第4143号提案的答复",
        "省政协十二届四次会议",
    );
    check(
        "天水市交通运输局关于对市八届人大五次会议第144号建议的答复",
        "市八届人大五次会议",
    );
    check(
        "文山市交通运输局对文山市第三届人民代表大会第四次会议第69号建议的答复",
        "文山市第三届人民代表大会第四次会议",
    );
    check(
        "关于对政协子洲县第十届委员会第二次会议第14号提案的复函",
        "政协子洲县第十届委员会第二次会议",
    );
    check(
        "关于政协第十三届全国委员会第一次会议第1234号提案答复的函",
        "政协第十三届全国委员会第一次会议",
    );
    check(
        "关于全国政协十三届一次会议第56号提案的答复",
        "全国政协十三届一次会议",
    );
    check(
        "关于自治区十三届人大三次会议第545号建议的答复",
        "自治区十三届人大三次会议",
    );
    // A place whose name starts with a joining word keeps it.
    check(
        "关于和平区第十七届人大三次会议第12号建议的答复",
        "和平区第十七届人大三次会议",
    );
    // An agency named just before the meeting is not its place.
    check(
        "某县交通运输局县十六届人大一次会议第3号建议答复",
        "县十六届人大一次会议",
    );
    // A year or a verb before the meeting is not its place.
    check(
        "2023年对区政协十届二次会议第100号提案的答复",
        "区政协十届二次会议",
    );
    check(
        "关于2023年市十五届人大一次会议第7号建议的答复",
        "市十五届人大一次会议",
    );
    check(
        "关于代表参加市十五届人大一次会议期间所提第7号建议的答复",
        "市十五届人大一次会议",
    );
    // A damaged meeting (no numeral before 次) is taken only when no whole one is named.
    check(
        "关于县第十八届人大第五次会议第DH123号建议的复函\n关于县第十八届人大次会议第DH123号建议的复函",
        "县第十八届人大第五次会议",
    );
}

#[test]
fn the_title_line_names_the_proposal_when_the_opening_does_not() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        check_both(&format!("{input}{BODY}"), expected, proposal);
    }
    check(
        "对十二届全国人大四次会议第3309号建议的答复\n教建议〔2016〕第179号\n您提出的“关于进一步深化改革的建议”收悉,现答复如下:",
        "建议 | 3309 | 十二届全国人大四次会议 | 关于进一步深化改革的建议 | -",
    );
    // 第N号 after a year's bracket is the document's number, never the proposal's.
    check(
        "教建议〔2016〕第179号\n您提出的“关于进一步深化改革的建议”收悉,现答复如下:",
        "建议 | - | - | 关于进一步深化改革的建议 | -",
    );
    check(
        "关于省十三届人大一次会议温36号建议的答复[浙交建〔2018〕101号]\n蓝德云代表:\n您在省十三届人大一次会议上提出的温36号《关于增补规划省道的建议》收悉。经研究,现答复如下:",
        "建议 | 温36 | 省十三届人大一次会议 | 关于增补规划省道的建议 | 蓝德云",
    );
    check(
        "对县政协十届三次会议来信号提案的答复\n戴治委员:\n您在政协第十届三次会议提出的《关于兴建留守儿童托管住宿楼的提案》已收悉。现答复如下:",
        "提案 | 来信 | 县政协十届三次会议 | 关于兴建留守儿童托管住宿楼的提案 | 戴治",
    );
    check(
        "关于对宜良县第十七届人民代表大会第五次会议代表第28号建议、批评和意见的答复\n尊敬的李朝平代表:\n您提出的《关于给予社区道路硬化资金帮扶的建议》已转交我局研究办理,现答复如下:",
        "建议 | 28 | 宜良县第十七届人民代表大会第五次会议 | 关于给予社区道路硬化资金帮扶的建议 | 李朝平",
    );
    check(
        "关于西山区第十七届人大三次会议第173169号建议答复的函\n张峪珩代表:\n您提出的《关于高标准农田修建工程的建议》建议收悉,现答复如下:",
        "建议 | 173169 | 西山区第十七届人大三次会议 | 关于高标准农田修建工程的建议 | 张峪珩",
    );
    // The title's meeting names the kind even when the salutation says 代表.
    check(
        "关于对平江县政协十届五次会议第57号提案的答复\n李娟娟代表:\n您提出的关于《关于加快薄弱学校的硬件建设》的议案收悉,现答复如下:",
        "提案 | 57 | 平江县政协十届五次会议 | 关于加快薄弱学校的硬件建设 | 李娟娟",
    );
    // A title in 《》 in the reply's title line, when the opening has none.
    check(
        "2023年对区政协十届二次会议《关于进一步加大高标准农田建设的建议》(100号提案)的答复\n闫堃代表:\n您的来信收悉,现答复如下:",
        "提案 | 100 | 区政协十届二次会议 | 关于进一步加大高标准农田建设的建议 | 闫堃",
    );
}

#[test]
fn the_proposer_is_named_without_courtesy_role_or_count() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        check_both(&format!("{input}{BODY}"), expected, |c| {
            format!(
                "{} | {}",
                or_dash(c.reply.addressee.as_deref()),
                or_dash(c.reply.proposal.proposer.as_deref())
            )
        });
    }
    check(
        "尊敬的黄涛代表:\n您提出的关于加快道路建设的建议收悉,现答复如下:",
        "尊敬的黄涛代表: | 黄涛",
    );
    check(
        "苏红茜、杨思清、谭卫星等12位代表:\n你们提出的“关于补齐缺口资金的意见”,已交我们研究办理,现答复如下:",
        "苏红茜、杨思清、谭卫星等12位代表: | 苏红茜、杨思清、谭卫星",
    );
    check(
        "屯城镇代表团:\n您们提出的关于优化校园环境的建议收悉,现答复如下:",
        "屯城镇代表团: | 屯城镇代表团",
    );
    check(
        "各位代表:\n你们提出的关于优化校园环境的建议收悉,现答复如下:",
        "各位代表: | -",
    );
    // A salutation that starts the opening line is the addressee; the colon line before it is not.
    check(
        "委员姓名:释彻正\n提案内容:尽快促进佛教协会换届的提案\n办理结果:\n尊敬的释彻正委员,你在区政协八届一次会议上的提案收悉,非常感谢你的关心。",
        "尊敬的释彻正委员 | 释彻正",
    );
    check(
        "沭财复字〔2022〕4号 签发人:庞佃宝 尊敬的李晓林、周志勋等代表: 您提出的加大对青云镇工业园区基础配套设施建设扶持力度的建议已收悉,现答复如下:",
        "尊敬的李晓林、周志勋等代表: | 李晓林、周志勋",
    );
    // A names field lists in full whom the salutation shortens.
    check(
        "代表姓名:色尔道、陶力德、胡达兰太\n色尔道等代表:\n您提出的《关于加强乡村道路建设的建议》收悉。经研究现答复如下:",
        "色尔道等代表: | 色尔道、陶力德、胡达兰太",
    );
    // A long list of names is a salutation at any length; a long line of prose ending in a colon is not.
    check(
        "罗华芬、刘宗华、何美琼、何杰忠、李萍、何开伟、王宗富、尤丽梅、方建红、段洪兰、朱永珍代表:\n你们提出的关于河道清淤的建议收悉,现答复如下:",
        "罗华芬、刘宗华、何美琼、何杰忠、李萍、何开伟、王宗富、尤丽梅、方建红、段洪兰、朱永珍代表: | 罗华芬、刘宗华、何美琼、何杰忠、李萍、何开伟、王宗富、尤丽梅、方建红、段洪兰、朱永珍",
    );
    check(
        "经过县交通运输局、县财政局、县自然资源局、县农业农村局等单位的共同研究和实地查看后我们认为代表:\n你们提出的关于河道清淤的建议收悉,现答复如下:",
        "- | -",
    );
    // A committee that made the proposal is its proposer.
    check(
        "区政协民族宗教华侨联络委:\n你们提出的“关于改善群众生存环境的建议”提案,已交我们研究办理,现答复如下:",
        "区政协民族宗教华侨联络委: | 区政协民族宗教华侨联络委",
    );
}

#[test]
fn an_opinion_for_the_agency_in_charge_names_that_agency_as_addressee_not_proposer() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        check_both(&format!("{input}{BODY}"), expected, |c| {
            format!(
                "{} | {}",
                or_dash(c.reply.addressee.as_deref()),
                proposal(c)
            )
        });
    }
    check(
        "关于报送自治区人大代表第545号建议会办意见的函\n自治区住房和城乡建设厅:\n谢善高代表在自治区十三届人大三次会议提出《关于支持加快新县城建设的建议》,由你厅主办,我厅会办。现结合我厅职能和工作实际,提出会办意见如下。",
        "自治区住房和城乡建设厅: | 建议 | 545 | 自治区十三届人大三次会议 | 关于支持加快新县城建设的建议 | 谢善高",
    );
    check(
        "对区政协十五届五次会议第155144号委员提案的会办意见\n真如镇街道:\n在年初召开的区十五届政协五次会议上,夏海萍委员提出的关于提升城市副中心风貌的提案收悉,经研究,现将会办意见答复如下:",
        "真如镇街道: | 提案 | 155144 | 区政协十五届五次会议 | 关于提升城市副中心风貌的提案 | 夏海萍",
    );
    // Without a proposer named in it, an opinion for another agency has none.
    check(
        "关于第12号建议的会办意见\n市住房和城乡建设局:\n关于加快老旧小区改造的建议,由你局主办,我局会办。现提出会办意见如下:",
        "市住房和城乡建设局: | 建议 | 12 | - | - | -",
    );
}

/// `signer | date | contact lines | closing paragraphs`, then any diagnostic about the date.
fn signature(c: &Conversion) -> String {
    let s = c.reply.signature.as_ref();
    let date = s.and_then(|s| s.date.as_ref()).map_or_else(
        || "-".to_owned(),
        |d| match d.when() {
            When::On(p) => p.to_string(),
            other => format!("{other:?}"),
        },
    );
    let mut out = format!(
        "{} | {date} | {} | {}",
        or_dash(s.and_then(|s| s.signer.as_deref())),
        s.map_or(0, |s| s.contact.len()),
        c.reply.closing.len()
    );
    for d in c
        .diagnostics
        .iter()
        .filter(|d| d.message().starts_with("signature"))
    {
        out.push_str(&format!(" ({})", d.message()));
    }
    out
}

const OPENING: &str =
    "张三委员:\n您的提案收悉,现答复如下:\n一、关于办理情况\n已安排专人办理,正在施工。\n";

#[test]
fn the_signature_is_the_agency_and_date_and_never_a_labelled_line() {
    #[track_caller]
    fn check(end: &str, expected: &str) {
        check_both(&format!("{OPENING}{end}"), expected, signature);
    }
    // No closing phrase: the agency and the date are the last lines.
    check(
        "子洲县交通运输局\n2023年10月16日",
        "子洲县交通运输局 | 2023-10-16 | 0 | 0",
    );
    check(
        "希望以后多提宝贵意见,以利我们改进工作。\n马关县扶贫开发局\n2020年9月17日\n联系人及电话:周兴奎,18087696939",
        "马关县扶贫开发局 | 2020-09-17 | 1 | 0",
    );
    // Labelled lines after the date are contact lines, never the signer.
    check(
        "感谢您对教育工作的关心和支持。\n平江县教育局\n2021年5月10日\n承办负责人:李刚强\n承办人及联系电话:邓俊杰 0730-6231642",
        "平江县教育局 | 2021-05-10 | 2 | 1",
    );
    check(
        "感谢您对我们工作的关心和支持。\n阿拉善左旗交通运输局\n2023年12月8日\n主要签发领导:李  兵\n承   办   人:布  音\n联  系 电 话:18604835240\n编辑:\n信息来源:阿拉善左旗交通运输局",
        "阿拉善左旗交通运输局 | 2023-12-08 | 5 | 1",
    );
    check(
        "以上供你单位答复委员时参考。\n上海市普陀区建设和管理委员会\n2025年3月21日\n联系人姓名:朱翔            联系电话:52564588-7817\n联系地址:大渡河路1668号2号楼8楼",
        "上海市普陀区建设和管理委员会 | 2025-03-21 | 2 | 0",
    );
    check(
        "感谢您对我市城市建设工作的关心、理解和支持。\n银川市住房和城乡建设局\n2019年8月26日\n(此件公开发布)\n附件:",
        "银川市住房和城乡建设局 | 2019-08-26 | 1 | 2",
    );
    check(
        "感谢您对我们工作的关心和支持,并请您多建言献策。\n2023年7月28日\n领导签发:高建钊\n联系人及电话:胡可欣 8189213\n抄送:区人大常委会选举任免代表工作委员会,区政府办公室",
        "- | 2023-07-28 | 3 | 1",
    );
    check(
        "感谢您的关心。\n篾厂乡人民政府\n2021年6月22日\n(联系人及电话:卢光勇 0876-7437032)",
        "篾厂乡人民政府 | 2021-06-22 | 1 | 1",
    );
    check("人大代表对办理情况:满意", "- | - | 1 | 0");
    // A closing phrase other than thanks.
    check(
        "此函。\n广西壮族自治区文化和旅游厅\n2020年4月8日",
        "广西壮族自治区文化和旅游厅 | 2020-04-08 | 0 | 1",
    );
    check(
        "非常感谢您对我局工作的关心支持。\n子洲县交通运输局\n2023年10月16日",
        "子洲县交通运输局 | 2023-10-16 | 0 | 1",
    );
    // Lines without a colon: a copy line, a print note, a telephone, a postcode.
    check(
        "2022年4月27日\n抄送市人民政府办公室(1份),市政协办公室(2份)\n阿拉山口市文化体育广播电视和旅游局       2022年4月27日印发\n张忠武     联系电话  0722-6232342\n432700",
        "- | 2022-04-27 | 4 | 0",
    );
    // The agency and the date on one line, the date with spaces, the agency after the date.
    check(
        "感谢您的关心。\n湘阴县教育局 2019年4月20日",
        "湘阴县教育局 | 2019-04-20 | 0 | 1",
    );
    check(
        "感谢您的关心。\n湘阴县教育局\n2019 年 4 月 20 日",
        "湘阴县教育局 | 2019-04-20 | 0 | 1",
    );
    check(
        "感谢您的关心。\n2019年4月20日\n湘阴县教育局",
        "湘阴县教育局 | 2019-04-20 | 0 | 1",
    );
    check(
        "感谢您的关心。\n湘阴县教育局\n2019.4.20",
        "湘阴县教育局 | 2019-04-20 | 0 | 1",
    );
    // Without a date: a name after a closing paragraph signs; one with a mark does not.
    check(
        "感谢您的关心。\n以上答复,如有不妥,请批评指正\n市财政局",
        "市财政局 | - | 0 | 2",
    );
    check("感谢您的关心!\n市财政局!", "- | - | 0 | 2");
}

#[test]
fn a_signature_date_in_chinese_numerals_or_damaged_is_read_and_the_repair_reported() {
    #[track_caller]
    fn check(end: &str, expected: &str) {
        check_both(&format!("{OPENING}{end}"), expected, signature);
    }
    check(
        "感谢您对交通建设事业的关心和支持!\n二○一一年五月十日",
        "- | 2011-05-10 | 0 | 1",
    );
    check(
        "附:征询意见表\n联系人:陈学敏   联系电话:87012346\n二0一二年四月二十四日",
        "- | 2012-04-24 | 2 | 0",
    );
    check(
        "市交通运输局\n二〇二三年十二月三十一日",
        "市交通运输局 | 2023-12-31 | 0 | 0",
    );
    check("市交通运输局\n二〇二三年二月三十日", "- | - | 0 | 2");
    // Digits run together: read only when one reading is a real date.
    check(
        "宜良县交通运输局\n2020916",
        "宜良县交通运输局 | 2020-09-16 | 0 | 0 (signature date \"2020916\" read as 2020-09-16 (digits run together, one reading is a date))",
    );
    check(
        "阿拉山口市文化体育广播电视和旅游局\n2022427",
        "阿拉山口市文化体育广播电视和旅游局 | 2022-04-27 | 0 | 0 (signature date \"2022427\" read as 2022-04-27 (digits run together, one reading is a date))",
    );
    check(
        "感谢您的关心。\n市交通运输局\n2017111",
        "市交通运输局 | - | 1 | 1",
    );
    // A day whose 日 was lost at the end of the line.
    check(
        "阜新蒙古族自治县民宗局\n2020年11月12",
        "阜新蒙古族自治县民宗局 | 2020-11-12 | 0 | 0 (signature date \"2020年11月12\" read as 2020-11-12 (the day has no 日))",
    );
    check("市交通运输局\n2020年2月30", "- | - | 0 | 0");
}

#[test]
fn thanks_inside_the_body_do_not_end_it() {
    let input = format!(
        "{OPENING}非常感谢您的建议,我们高度重视。\n二、下一步工作\n将继续推进。\n最后,衷心感谢您对我们工作的关注。\n某县交通运输局\n2021年3月1日"
    );
    check_both(
        &input,
        "2 sections | 1 closing | 某县交通运输局",
        |c| {
            format!(
                "{} sections | {} closing | {}",
                c.reply.sections.len(),
                c.reply.closing.len(),
                or_dash(c.reply.signature.as_ref().and_then(|s| s.signer.as_deref()))
            )
        },
    );
}

#[test]
fn a_joint_opinion_line_is_the_opening() {
    let input = "自治区住房和城乡建设厅:\n谢善高代表在自治区十三届人大三次会议提出《关于支持加快新县城建设的建议》,由你厅主办,我厅会办。现结合我厅职能和工作实际,提出会办意见如下。\n一、大力支持基础设施建设\n已投入资金。\n";
    check_both(
        input,
        "谢善高代表在自治区十三届人大三次会议提出",
        |c| {
            c.reply
                .preamble
                .as_deref()
                .map(|p| p.chars().take(20).collect())
                .unwrap_or_default()
        },
    );
}

#[test]
fn a_reply_in_traditional_characters_is_read_and_keeps_its_characters() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        check_both(input, expected, |c| {
            let m = &c.reply.meta;
            format!(
                "{} | {} | {} | {}",
                or_dash(Some(m.title.as_str())),
                or_dash(m.document_number.as_deref()),
                or_dash(c.reply.addressee.as_deref()),
                proposal(c)
            )
        });
    }
    check(
        "花都區衛生健康局關于政協第十一屆花都區委員會第三次會議第3011號提案答復的函\n花衛函〔2023〕30號\n羅慶華委員:\n您提出的《關于解決門診難問題的提案》(編號:第3011號)已收悉,現將有關情況答復如下:\n一、關于門診問題\n已安排。",
        "花都區衛生健康局關于政協第十一屆花都區委員會第三次會議第3011號提案答復的函 | 花衛函〔2023〕30號 | 羅慶華委員: | 提案 | 3011 | 政協第十一屆花都區委員會第三次會議 | 關于解決門診難問題的提案 | 羅慶華",
    );
    check(
        "臺前縣交通運輸局對縣十一屆人大一次會議第25號建議的答復\n聶保元代表:\n您提出的《關于道路改造的建議》收悉。現答復如下:\n正文。",
        "臺前縣交通運輸局對縣十一屆人大一次會議第25號建議的答復 | - | 聶保元代表: | 建议 | 25 | 縣十一屆人大一次會議 | 關于道路改造的建議 | 聶保元",
    );
    // One traditional character in a simplified reply changes nothing.
    check(
        "关于县政协第12号提案的答复\n赵於委员:\n您提出的《关于测试的提案》收悉,现答复如下:\n正文。",
        "关于县政协第12号提案的答复 | - | 赵於委员: | 提案 | 12 | - | 关于测试的提案 | 赵於",
    );
}
