//! The header rules as tables of short replies, input → what the rule makes of it, in the style of
//! `parse_rules.rs`: the fields as printed in every layout, empty values, widgets, the title, the
//! document number, the result class, the issuer, the header's dates, a summary record, and a reply
//! flattened onto one line. The rules are written down in `parse/header.rs` and `parse/lines.rs`.
//! Every case runs twice, as written with ASCII punctuation and with full-width `，：；（）！` restored
//! beside Chinese characters (as the real replies print them), and both must give the same answer.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // A failing test is a panic.

use dafu_core::model::{DateRef, ResultClass};
use dafu_core::parse::{convert, Conversion};

mod common;
use common::{ascii_punctuation, full_width};

/// A reply whose header is `header`: an addressee, an opening and a one-line body follow it.
fn with_header(header: &str) -> String {
    format!(
        "{header}\n张三委员:\n您提出的《关于测试的提案》收悉,现答复如下:\n一、关于测试\n正文。\n"
    )
}

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

/// `key=value | key=value`, every field in order, empty values included.
fn fields(c: &Conversion) -> String {
    c.reply
        .meta
        .fields
        .iter()
        .map(|f| format!("{}={}", f.key, f.value))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// A date as placed (`2024-07-01T17:57:30`).
fn placed(d: Option<&DateRef>) -> String {
    d.and_then(|d| d.when().start())
        .map_or_else(|| "-".to_owned(), |p| p.to_string())
}

fn class(c: &Conversion) -> String {
    match c.reply.proposal.result_class {
        Some(ResultClass::A) => "A",
        Some(ResultClass::B) => "B",
        Some(ResultClass::C) => "C",
        None => "-",
    }
    .to_owned()
}

#[test]
fn every_header_layout_gives_its_fields_as_printed() {
    #[track_caller]
    fn check(header: &str, expected: &str) {
        check_both(&with_header(header), expected, fields);
    }
    check(
        "索引号:000014349/2023-763849",
        "索引号=000014349/2023-763849",
    );
    // Bulleted keys and values on lines of their own.
    check(
        "• 索 引 号:\n• 0001/2023-01\n• 信息分类:\n• 发布机构:\n• 某市某局",
        "索引号=0001/2023-01 | 信息分类= | 发布机构=某市某局",
    );
    // A key on its line, its value on the next, no bullets.
    check(
        "来源:\n湘阴县人民政府\n发布时间:\n2019-11-29 08:22\n浏览次数:\n1",
        "来源=湘阴县人民政府 | 发布时间=2019-11-29 08:22 | 浏览次数=1",
    );
    check(
        "来源:县政府办2022-08-11\n浏览量:6223",
        "来源=县政府办 | 浏览量=6223",
    );
    // A title key printed without a colon, as the other keys.
    check(
        "• 成文日期 2019-07-03\n• 文件标题 某局关于第21号建议的 答复函",
        "成文日期=2019-07-03 | 文件标题=某局关于第21号建议的 答复函",
    );
    // Padded keys followed by spaces instead of a colon.
    check(
        " 索 引 号  jyjl/2021-00030\n 公开日期  2021-04-07  失效日期 \n 文  号   发布机构  舟曲县教育局",
        "索引号=jyjl/2021-00030 | 公开日期=2021-04-07 | 失效日期= | 文号= | 发布机构=舟曲县教育局",
    );
    check(
        "- 索引号\n- 0001/2020-01\n- 文 号\n- 发文机构\n- 某市某局",
        "索引号=0001/2020-01 | 文号= | 发文机构=某市某局",
    );
    // Several pairs on one line, keys unknown to dafu included.
    check(
        "来源于: 宜良县人民政府 发布时间:2020-12-01 10:23 发布人:宜良县交运局",
        "来源于=宜良县人民政府 | 发布时间=2020-12-01 10:23 | 发布人=宜良县交运局",
    );
    check(
        "委员姓名:释彻正\n提案内容:尽快促进换届的提案\n督办领导:某局副局长某某",
        "委员姓名=释彻正 | 提案内容=尽快促进换届的提案 | 督办领导=某局副局长某某",
    );
    check(
        "事    由:关于加强乡村道路建设的建议\n类 别:B",
        "事由=关于加强乡村道路建设的建议 | 类别=B",
    );
    check(
        "建议内容(摘要):拟建设道路500米。\n人大代表对办理情况:满意",
        "建议内容(摘要)=拟建设道路500米。 | 人大代表对办理情况=满意",
    );
    // A pipe table with keys and values in cells, and its separator line.
    check(
        "| 索 引 号: | 640100-114/2019-00198 | 发布日期: | 2019-08-26 |\n---|---|---|---|\n| 名 称: | 关于对市十五届人大三次会议第44号建议的答复 |",
        "索引号=640100-114/2019-00198 | 发布日期=2019-08-26 | 名称=关于对市十五届人大三次会议第44号建议的答复",
    );
    // The first printing of a key wins.
    check(
        "| 索引号 | 0003/2021-05003 | 发布机构 | 某市水务局 |\n| 索引号: | 0003/2021-05003 |",
        "索引号=0003/2021-05003 | 发布机构=某市水务局",
    );
    // A colon inside a title or a clock time is not a key.
    check(
        "关于“融文于城,创建为民:绘就新画卷”提案的会办意见\n发布时间:2021-07-05 09:44:10",
        "发布时间=2021-07-05 09:44:10",
    );
}

#[test]
fn page_widgets_are_not_fields_and_counters_keep_only_numbers() {
    #[track_caller]
    fn check(header: &str, expected: &str) {
        check_both(&with_header(header), expected, fields);
    }
    check(
        "发布时间:2020-10-26 来源:县城管局 点击量:1593 [ 字体: ] 打印 分享:",
        "发布时间=2020-10-26 | 来源=县城管局 | 点击量=1593",
    );
    check(
        "信息来源:浙江省交通运输厅   字号:[ 大 中 小 ]   访问次数:",
        "信息来源=浙江省交通运输厅 | 访问次数=",
    );
    check(
        "发布日期:2012-06-18 0:0    作者:xksh     来源:人大办公室    阅读:次   字体大小:[大] [中] [小]",
        "发布日期=2012-06-18 0:0 | 作者=xksh | 来源=人大办公室 | 阅读=",
    );
    // A layout mark right before a key: `'`, `【`.
    check(
        "浏览:1399次'时间:2023年4月28日",
        "浏览=1399次 | 时间=2023年4月28日",
    );
    check(
        "来源: 发布日期:2021-07-05 09:44 【字体: 小   中   大",
        "来源= | 发布日期=2021-07-05 09:44",
    );
    check(
        "选择字体:[--] 发布时间:2023-12-29 14:43:43\n• 【字体:",
        "发布时间=2023-12-29 14:43:43",
    );
    check(
        "当前位置:首页 > 政务公开 > 建议提案办理\n发布时间:2021-06-30 来源:本站 【字体:大 中 小】【打印本页】【关闭窗口】",
        "发布时间=2021-06-30 | 来源=本站",
    );
    check(
        "发布日期:2021-06-30  来源:某市政府网  【打印】【关闭】",
        "发布日期=2021-06-30 | 来源=某市政府网",
    );
    check("类别:【A类】", "类别=【A类】");
    check(
        "来源:某市人大常委会研究室 作者:张三 编辑:redcloud 2017-09-26 08:22:25\n[责任编辑:李四]",
        "来源=某市人大常委会研究室 | 作者=张三 | 编辑=redcloud | 责任编辑=李四",
    );
    check(
        "日期: 2020-11-12 浏览量:363 来源:某县民宗局 责任编辑:张三 文字大小:",
        "日期=2020-11-12 | 浏览量=363 | 来源=某县民宗局 | 责任编辑=张三",
    );
}

#[test]
fn an_empty_value_never_swallows_the_next_key_the_title_or_a_number() {
    #[track_caller]
    fn check(header: &str, expected: &str) {
        check_both(&with_header(header), expected, |c| {
            let m = &c.reply.meta;
            format!(
                "{} / {} / {}",
                fields(c),
                m.title,
                or_dash(m.document_number.as_deref())
            )
        });
    }
    check(
        "• 实施日期:\n• 分  类:\n  村镇建设",
        "实施日期= | 分类=村镇建设 /  / -",
    );
    // A date key does not take the first line of a split title.
    check(
        "• 废止日期:\n对十四届全国人大一次会议\n第6826号建议的答复",
        "废止日期= / 对十四届全国人大一次会议第6826号建议的答复 / -",
    );
    // Nor does any key take the title, unless it names the title.
    check(
        "公文时效:\n\n某局关于第23号建议的答复",
        "公文时效= / 某局关于第23号建议的答复 / -",
    );
    check(
        "• 名  称:\n• 某局关于第23号建议的答复",
        "名称=某局关于第23号建议的答复 / 某局关于第23号建议的答复 / -",
    );
    check(
        "反馈时间:\n办理情况\n某局关于第201号建议的答复函",
        "反馈时间= | 办理情况= / 某局关于第201号建议的答复函 / -",
    );
    check(
        "签发人:\n平教字〔2021〕19号",
        "签发人= /  / 平教字〔2021〕19号",
    );
    check(
        "协办单位:\n事    由:关于修路的建议",
        "协办单位= | 事由=关于修路的建议 /  / -",
    );
    // Empty keys on one line with a number whose brackets were lost.
    check(
        "阿市文体广旅字202252           签发人:",
        "签发人= /  / 阿市文体广旅字202252",
    );
}

#[test]
fn the_title_in_every_form() {
    #[track_caller]
    fn check(header: &str, expected: &str) {
        check_both(&with_header(header), expected, |c| {
            let m = &c.reply.meta;
            format!("{} | {}", m.title, or_dash(m.document_number.as_deref()))
        });
    }
    check(
        "教育部对十二届全国人大五次会议\n第7508号建议的答复",
        "教育部对十二届全国人大五次会议第7508号建议的答复 | -",
    );
    check(
        "对县政协十届三次会议第来信号提案的\n答 复",
        "对县政协十届三次会议第来信号提案的答复 | -",
    );
    // An agency line, then a title split in two.
    check(
        "唐山市丰南区农业农村局\n对丰南区第七届人民代表大会\n第三次会议第20号建议的答复",
        "唐山市丰南区农业农村局对丰南区第七届人民代表大会第三次会议第20号建议的答复 | -",
    );
    check(
        "宁交函〔2011〕25号 签发人:廖德谦\n宁陕县交通局\n对县十六届人大六次会议第37号建议的复函",
        "宁陕县交通局对县十六届人大六次会议第37号建议的复函 | 宁交函〔2011〕25号",
    );
    // The number after the title, in brackets or parentheses, or fused in front of it.
    check(
        "关于省十三届人大一次会议温36号建议的答复[浙交建〔2018〕101号]",
        "关于省十三届人大一次会议温36号建议的答复 | 浙交建〔2018〕101号",
    );
    check(
        "某厅关于报送第545号建议会办意见的函 (桂文旅函〔2020〕277 号)",
        "某厅关于报送第545号建议会办意见的函 | 桂文旅函〔2020〕277 号",
    );
    check(
        "屯教〔2021〕122号屯昌县教育局关于第24号建议办理情况的答复",
        "屯昌县教育局关于第24号建议办理情况的答复 | 屯教〔2021〕122号",
    );
    check(
        "对县十六届人大一次会议第3号建议的答复(水利局)",
        "对县十六届人大一次会议第3号建议的答复(水利局) | -",
    );
    check(
        "对十三届全国人大五次会议第4711号建议的答复摘要",
        "对十三届全国人大五次会议第4711号建议的答复摘要 | -",
    );
    check(
        "对区政协十五届五次会议第155144号委员提案的会办意见",
        "对区政协十五届五次会议第155144号委员提案的会办意见 | -",
    );
    check(
        "阿左旗第十六届人民代表大会第二次会议第23号建议办理单",
        "阿左旗第十六届人民代表大会第二次会议第23号建议办理单 | -",
    );
    check(
        "县政协第十四届三次会议《关于维修敖包的建议》(第97号)答复",
        "县政协第十四届三次会议《关于维修敖包的建议》(第97号)答复 | -",
    );
    // Printed twice, the second time damaged: the first wins.
    check(
        "对政协魏县第十届委员会 第一次会议第25号提案的答复\n对政协魏县届委员会\n次会议第25号提案的答复",
        "对政协魏县第十届委员会 第一次会议第25号提案的答复 | -",
    );
    check(
        "关于市政协十四届二次会议第0123号提案的复文",
        "关于市政协十四届二次会议第0123号提案的复文 | -",
    );
    // A page title carrying the site's name.
    check(
        "关于对县政协九届三次会议第63号提案的答复_某县人民政府",
        "关于对县政协九届三次会议第63号提案的答复 | -",
    );
    check(
        "对十四届全国人大一次会议第6826号建议的答复 - 住房和城乡建设部",
        "对十四届全国人大一次会议第6826号建议的答复 | -",
    );
    // Only a field names it.
    check(
        " 信息名称  关于加强垃圾分类工作的建议的答复  成文日期  2018-12-14",
        "关于加强垃圾分类工作的建议的答复 | -",
    );
    // A column's name or a breadcrumb is not the title.
    check(
        "首页 > 政务公开 > 建议提案答复\n人大建议答复\n关于对县人大九届三次会议第63号建议的答复",
        "关于对县人大九届三次会议第63号建议的答复 | -",
    );
    // A line of page residue is not glued to the title below it.
    check(
        "政府信息公开\n关于对县政协九届三次会议第63号提案的答复",
        "关于对县政协九届三次会议第63号提案的答复 | -",
    );
}

#[test]
fn the_document_number_wherever_it_is_written() {
    #[track_caller]
    fn check(header: &str, expected: &str) {
        check_both(&with_header(header), expected, |c| {
            format!(
                "{} | {}",
                or_dash(c.reply.meta.document_number.as_deref()),
                class(c)
            )
        });
    }
    check("博市政办发〔2021〕69号", "博市政办发〔2021〕69号 | -");
    check("〔2021〕69号", "〔2021〕69号 | -");
    check("杨政民函[2012]81号", "杨政民函[2012]81号 | -");
    check("提复字【2021】31号", "提复字【2021】31号 | -");
    check("教建议〔2016〕第179号", "教建议〔2016〕第179号 | -");
    check("湘教提复字 〔2019〕 12 号", "湘教提复字 〔2019〕 12 号 | -");
    // With a result class after it, or an empty class slot.
    check(
        "湘教提复字〔2019〕来信号B类",
        "湘教提复字〔2019〕来信号 | B",
    );
    check("平教字〔2021〕19号 类 同意公开", "平教字〔2021〕19号 | -");
    // The bracketed year first, the agency's word after it, and the class in brackets.
    check("[2016]洞政复函 3号(A类)", "[2016]洞政复函 3号 | A");
    check("〔2020〕某政函第12号", "〔2020〕某政函第12号 | -");
    // A 文号 field wins over a number line.
    check(
        "文号:提复字〔2021〕31号\n提复字【2021】31号",
        "提复字〔2021〕31号 | -",
    );
    // An 索引号 is never the document number.
    check("索引号:000014348/2021-20770", "- | -");
}

#[test]
fn the_result_class_wherever_the_header_writes_it() {
    #[track_caller]
    fn check(header: &str, expected: &str) {
        check_both(&with_header(header), expected, class);
    }
    check("A类", "A");
    check("(B)类", "B");
    check("【C类】", "C");
    check("C", "C");
    check("甲类", "A");
    check("类别:A", "A");
    check("类 别:B", "B");
    check("办理结果:(A类)", "A");
    check("答复类别:B类(正在解决或列入计划解决)", "B");
    check("办理结果:已解决(A类)", "A");
    check("是否同意公开:(是)\n办理结果:A类", "A");
    // An empty slot, a verdict that is not a class, a class dafu's model has no place for.
    check("办理结果:", "-");
    check("办理结果:满意", "-");
    check("类别:", "-");
    check("D类", "-");
    // A letter inside a number or a word is not a class.
    check("索引号:A0001/2020-01", "-");
}

#[test]
fn the_issuer_from_the_header_else_the_signature_else_the_title() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        check_both(input, expected, |c| {
            let signer = c.reply.signature.as_ref().and_then(|s| s.signer.as_deref());
            or_dash(c.reply.meta.issuer.as_deref().or(signer))
        });
    }
    // An issuing key beats the agency in front of the title.
    check(
        &with_header("- 发文机关: 天水市人民政府办公室\n天水市交通运输局关于对第144号建议的答复"),
        "天水市人民政府办公室",
    );
    // The page's source beats the agency in front of the title.
    check(
        &with_header(
            "旺县人民政府办公室 关于对第57号提案答复的函\n发布时间:2020-10-26 来源:县城管局",
        ),
        "县城管局",
    );
    // 文章来源 is the page's source too.
    check(
        &with_header(
            "某局关于第9号提案答复的函\n发布日期:2023-08-28 14:34 文章来源:某区卫生健康局",
        ),
        "某区卫生健康局",
    );
    // The issuer in parentheses after the title beats the page's source.
    check(
        &with_header(
            "对县十六届人大一次会议第3号建议的答复(水利局)\n发布日期:2012-06-18 来源:人大办公室",
        ),
        "水利局",
    );
    // With no key, the agency in front of the title, or in front of it printed again below.
    check(
        &with_header("省卫生健康委关于省政协十二届四次会议第4143号提案的答复"),
        "省卫生健康委",
    );
    check(
        &with_header("宜良县交通运输局 关于对第28号建议的答复"),
        "宜良县交通运输局",
    );
    check(
        &with_header("关于第17号提案办理情况的复函\n杨陵区民政局\n关于第17号提案办理情况的复函"),
        "杨陵区民政局",
    );
    // A signer comes before the agency of the title.
    check(
        "省卫生健康委关于第4143号提案的答复\n张三委员:\n您提出的提案收悉,现答复如下:\n正文。\n感谢您的关心。\n贵州省卫生健康委员会\n2021年8月2日\n",
        "贵州省卫生健康委员会",
    );
    // A date or a year in front of the title is no agency.
    check(
        &with_header("2023年对区政协十届二次会议第100号提案的答复"),
        "-",
    );
}

#[test]
fn the_header_dates_with_or_without_their_clock_time() {
    #[track_caller]
    fn check(header: &str, expected: &str) {
        check_both(&with_header(header), expected, |c| {
            let m = &c.reply.meta;
            format!(
                "written {} published {}",
                placed(m.written.as_ref()),
                placed(m.published.as_ref())
            )
        });
    }
    check(
        "成文日期:2024-06-20 00:00:00 | 公开日期:2024-07-01 17:57:30 |",
        "written 2024-06-20 published 2024-07-01T17:57:30",
    );
    check(
        "• 发文日期:\n2023-07-14\n选择字体:[--] 发布时间:2023-12-29 14:43:43",
        "written 2023-07-14 published 2023-12-29T14:43:43",
    );
    // A date glued to another key's value is the page's date, not part of that value.
    check("来源:县政府办2022-08-11", "written - published 2022-08-11");
    check("来源:县政府办2022年", "written - published -");
    check(
        "发布日期:2021-07-05 09:44",
        "written - published 2021-07-05T09:44:00",
    );
    check("发布日期:2012-06-18 0:0", "written - published 2012-06-18");
    check(
        "发布时间:2022年07月20日 13:42 浏览次数:",
        "written - published 2022-07-20T13:42:00",
    );
    check("发布时间:2019/8/26", "written - published 2019-08-26");
    check("生成日期: 2021-08-02", "written 2021-08-02 published -");
    // 成文 (the date the reply was written) before a page's generation date.
    check(
        "生成日期: 2021-08-02\n成文时间: 2021-07-30",
        "written 2021-07-30 published -",
    );
    check(
        "时间:2020-05-28 作者: 来源:",
        "written - published 2020-05-28",
    );
    // A bare date line, alone or before the page's source and widgets, is the publication date.
    check(
        "2018-07-11 09:01    信息来源:浙江省交通运输厅   字号:[ 大 中 小 ]",
        "written - published 2018-07-11T09:01:00",
    );
    // Or a date after another key's value.
    check(
        "来源:某市人大常委会研究室 作者:张三 编辑:redcloud 2017-09-26 08:22:25",
        "written - published 2017-09-26T08:22:25",
    );
    check(
        "2025年07月16日 来源: 上海普陀",
        "written - published 2025-07-16",
    );
    check(
        "对《加大园区扶持力度的建议》的答复 | ||||||\n2022-07-01 点击数: | ||||",
        "written - published 2022-07-01",
    );
}

#[test]
fn a_summary_record_is_a_reply_of_its_own_kind() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        check_both(input, expected, |c| {
            let r = &c.reply;
            let blocks: Vec<&str> = r
                .sections
                .iter()
                .flat_map(|s| s.blocks.iter().map(|b| b.text()))
                .collect();
            format!(
                "{} | {} | {} | {} | {} | {} fields | body: {}",
                r.meta.title,
                or_dash(r.meta.document_number.as_deref()),
                or_dash(r.meta.issuer.as_deref()),
                or_dash(r.proposal.title.as_deref()),
                class(c),
                r.meta.fields.len(),
                blocks.join(" / ")
            )
        });
    }
    check(
        "建议标题:关于修建某村道路的建议\n建议内容(摘要):拟建设道路500米,需投入资金60万元。\n承办单位:某县交通运输局\n协商方式:直接面商\n办理复文(摘要): 《某县交通运输局对某县十六届人大四次会议第35号建议的答复》(某交函〔2020〕18号)该项目已于2020年7月开工。\n办结时间:2020年10月29日\n办理结果:A类\n人大代表对办理情况:满意",
        "某县交通运输局对某县十六届人大四次会议第35号建议的答复 | 某交函〔2020〕18号 | 某县交通运输局 | 关于修建某村道路的建议 | A | 8 fields | body: 拟建设道路500米,需投入资金60万元。 / 《某县交通运输局对某县十六届人大四次会议第35号建议的答复》(某交函〔2020〕18号)该项目已于2020年7月开工。",
    );
    // A label in a text with no opening is no field: the line stays in the body.
    check(
        "其中:中央财政资金500万元,省级资金200万元。",
        " | - | - | - | - | 0 fields | body: 其中:中央财政资金500万元,省级资金200万元。",
    );
    // Without a quoted reply title, the handling body is the issuer.
    check(
        "提案标题:关于加强垃圾分类的提案\n承办单位:某区城管局\n办理结果:(B类)\n办结日期:2021-06-30",
        " | - | 某区城管局 | 关于加强垃圾分类的提案 | B | 4 fields | body: ",
    );
}

#[test]
fn a_reply_flattened_onto_one_line_is_cut_where_its_parts_meet() {
    #[track_caller]
    fn check(input: &str, expected: &str) {
        check_both(input, expected, |c| {
            let r = &c.reply;
            let paragraphs = r.sections.iter().map(|s| s.blocks.len()).sum::<usize>();
            let signature = r.signature.as_ref();
            format!(
                "{} | {} | {} | {} paragraphs | {} | {} | {}",
                or_dash(r.meta.document_number.as_deref()),
                fields(c),
                or_dash(r.addressee.as_deref()),
                paragraphs,
                r.closing.join(" / "),
                placed(signature.and_then(|s| s.date.as_ref())),
                signature.map_or_else(String::new, |s| s.contact.join(" / "))
            )
        });
    }
    check(
        "沭财复字〔2022〕4号 签发人:庞佃宝 尊敬的李晓林等代表: 您提出的建议已收悉,现答复如下: 财政局高度重视园区建设。 下一步加大投入。 感谢您对财政工作的关心和支持! 2022年7月1日 联系电话:6211754 抄送:县政府办公室",
        "沭财复字〔2022〕4号 | 签发人=庞佃宝 | 尊敬的李晓林等代表: | 2 paragraphs | 感谢您对财政工作的关心和支持! | 2022-07-01 | 联系电话:6211754 / 抄送:县政府办公室",
    );
}
