//! The personal-data rules (issue 13): mobile numbers, resident ID numbers (GB 11643 checksum),
//! personal e-mail addresses and home addresses are found with their line and masked without changing
//! the number of characters; the office's own contact lines are notes, never masked; numbers that only
//! look like personal data (amounts, 索引号, codes, landlines, IDs with a wrong checksum) are left alone.
//!
//! The one-line tables run each case once as written and once with its ASCII `, : ; ( )` turned
//! full-width: both must mask the same characters. The fixtures in `tests/fixtures/privacy/` hold
//! whole texts with their reviewed diagnostics and masked text (`*.expected`).
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // A failing test is a panic.

use std::fmt::Write as _;
use std::fs;

use dafu_core::model::Reply;
use dafu_core::parse::convert;
use dafu_core::privacy::{self, Finding, Kind};

mod common;
use common::{ascii_punctuation, full_width, Expected};

/// A finding in a few words: `mobile 138****1234`, `office mobile 139****0596`, `address 家住****`.
fn short(f: &Finding) -> String {
    let kind = match f.kind {
        Kind::Mobile => "mobile",
        Kind::IdNumber => "id",
        Kind::Email => "email",
        Kind::HomeAddress => "address",
    };
    let office = if f.office { "office " } else { "" };
    format!("{office}{kind} {}{}", f.after.unwrap_or(""), f.masked)
}

/// Masks `input` as written and with full-width punctuation: each must give `masked` (the
/// full-width form compared after turning its punctuation back), with the character count kept.
#[track_caller]
fn masks(input: &str, masked: &str) {
    let got = privacy::mask(input);
    assert_eq!(got, masked, "masking {input:?}");
    assert_eq!(got.chars().count(), input.chars().count(), "{input:?}");
    let wide = full_width(input);
    let got = privacy::mask(&wide);
    assert_eq!(ascii_punctuation(&got), masked, "masking {wide:?}");
    assert_eq!(got.chars().count(), wide.chars().count(), "{wide:?}");
}

/// The findings of `input` in a few words, `; `-separated, the same in both punctuation forms.
#[track_caller]
fn finds(input: &str, expected: &str) {
    for text in [input.to_owned(), full_width(input)] {
        let got: Vec<String> = privacy::find(&text).iter().map(short).collect();
        assert_eq!(got.join("; "), expected, "findings of {text:?}");
    }
}

#[test]
fn a_mobile_number_standing_alone_is_masked_keeping_its_first_three_and_last_four_digits() {
    for (input, masked) in [
        ("联系电话13812341234。", "联系电话138****1234。"),
        ("来电人的电话:13812341234。", "来电人的电话:138****1234。"),
        ("请致电(15900001111)联系", "请致电(159****1111)联系"),
        ("请拨打138-1234-5678。", "请拨打138-****-5678。"),
        ("请拨打138 1234 5678。", "请拨打138 **** 5678。"),
        ("国际号码+86 13812341234", "国际号码+86 138****1234"),
        ("国际号码+86-13812341234", "国际号码+86-138****1234"),
        (
            "全角数字１３８１２３４１２３４",
            "全角数字１３８****１２３４",
        ),
        (
            "两个号码13812341234、19912345678",
            "两个号码138****1234、199****5678",
        ),
    ] {
        masks(input, masked);
    }
}

#[test]
fn digits_that_belong_to_something_longer_are_no_mobile_number() {
    for input in [
        // Part of a longer run: an amount, an ID number, a 索引号.
        "资金138123412345元",
        "编号913812341234",
        // Decimals and codes joined to it.
        "投资13812341234.5元",
        "合同编号HT13812341234",
        "项目编码2021-13812341234",
        "批复13812341234/2021",
        // A money or percent unit after it, or 号 (a document's number).
        "资金13345678901元",
        "批复文号13912345678号文件",
        "总额13812341234万元",
        "占比13812341234%",
        // Landlines, with or without the area code's hyphen; a second digit 0–2 is no mobile.
        "监督电话0571-87654321",
        "电话09092288759",
        "(0571)87654321",
        "号码12345678901",
        // An e-mail's local part is reported as the address, not as a number.
        "¥13812341234",
    ] {
        masks(input, input);
    }
}

#[test]
fn an_id_number_with_a_valid_checksum_is_masked_keeping_its_first_six_and_last_four_characters() {
    for (input, masked) in [
        (
            "身份证号码11010519491231002X,",
            "身份证号码110105********002X,",
        ),
        (
            "身份证号11010519491231002x。",
            "身份证号110105********002x。",
        ),
        ("证件号:330106198502141230", "证件号:330106********1230"),
        ("闰年生日440304200002295616", "闰年生日440304********5616"),
    ] {
        masks(input, masked);
    }
}

#[test]
fn eighteen_digits_that_fail_the_checksum_the_calendar_or_the_province_are_no_id_number() {
    for input in [
        // The check digit is wrong.
        "号码110105194912310029",
        "号码33010619850214123X",
        // 30 February; province 99.
        "号码110101199002301236",
        "号码990101199003071237",
        // Joined to a letter or more digits: a credit code or an index.
        "代码11010519491231002XY",
        "索引号911010519491231002X",
        // 17 digits and a letter other than X (a 统一社会信用代码).
        "11152921011765463Y/2023-01986",
    ] {
        masks(input, input);
    }
}

#[test]
fn a_personal_e_mail_address_keeps_the_first_character_of_its_local_part_and_its_domain() {
    for (input, masked) in [
        ("请发送至wangmoumou@qq.com,", "请发送至w*********@qq.com,"),
        ("请发至:Li.Si_2020@163.com。", "请发至:L*********@163.com。"),
        ("请发至13812341234@139.com。", "请发至1**********@139.com。"),
        ("地址a@example.org.", "地址a@example.org."),
        ("全角符号zhang＠qq.com", "全角符号z****＠qq.com"),
    ] {
        masks(input, masked);
    }
}

#[test]
fn a_government_address_and_an_at_sign_without_an_address_are_left_alone() {
    for input in [
        "请发送至mzj@hangzhou.gov.cn。",
        "邮箱:office@gov.cn",
        "作者@人民日报",
        "版本号v1.2@3",
        "邮箱@qq.com",
    ] {
        masks(input, input);
    }
}

#[test]
fn a_home_address_is_masked_from_after_its_word_to_the_end_of_the_clause() {
    for (input, masked) in [
        ("住址:杭州市西湖区文三路100号,", "住址:*************,"),
        ("家庭住址:城关镇新华村三组。", "家庭住址:********。"),
        (
            "家住西湖区留下镇杨家村的老人反映",
            "家住*********的老人反映",
        ),
        ("现住在阳光小区5栋2单元,", "现住在*********,"),
        (
            "居住在城南街道幸福社区8号楼 电话:0571-87654321",
            "居住在*********** 电话:0571-87654321",
        ),
        (
            "住址:县城东路5号 手机:13812341234",
            "住址:****** 手机:138****1234",
        ),
    ] {
        masks(input, masked);
    }
}

#[test]
fn words_about_where_people_live_that_name_no_home_are_no_address() {
    for input in [
        "居住在农村的群众",
        "家住城关的学生",
        "变更住址登记",
        "现住房公积金政策",
        "住址:不详",
        "家住哪里都可以申请",
    ] {
        masks(input, input);
    }
}

#[test]
fn a_mobile_number_in_the_office_contact_lines_after_the_opening_is_a_note_and_kept() {
    let opening = "张三代表:\n你提出的建议收悉,现答复如下:\n";
    for (line, found) in [
        ("联系人:李四 手机:13700001111", "office mobile 137****1111"),
        (
            "联系人及电话:周兴奎,18087696939",
            "office mobile 180****6939",
        ),
        ("联  系 电 话:18604835240", "office mobile 186****5240"),
        (
            "人:达吉林       联系电话:18799625666",
            "office mobile 187****5666",
        ),
        ("(联系人及电话:卢光勇 0876-7437032)", ""),
        ("电子邮箱:swj_wd@163.com", "office email s*****@163.com"),
        (
            "联系人:县提案委员会 刘五 13700001111",
            "office mobile 137****1111",
        ),
    ] {
        let text = format!("{opening}{line}");
        finds(&text, found);
        masks(&text, &text);
    }
}

#[test]
fn a_contact_line_that_speaks_to_or_of_the_proposer_or_stands_in_the_header_is_not_the_office_s() {
    for (text, found) in [
        // Before the opening: a record of the proposal names the proposer's number.
        (
            "提案人:王某某 联系电话:13812341234\n你提出的建议收悉,现答复如下:",
            "mobile 138****1234",
        ),
        // After it, but speaking to the proposer, or naming a deputy.
        (
            "你提出的建议收悉,现答复如下:\n您的联系电话13812341234已登记。",
            "mobile 138****1234",
        ),
        (
            "你提出的建议收悉,现答复如下:\n代表联系电话:13812341234",
            "mobile 138****1234",
        ),
        // A long line is prose, not a contact line.
        (
            "你提出的建议收悉,现答复如下:\n电话13812341234的用户反映该路段在雨季经常积水且排水设施老化严重,周边居民出行极为不便,希望相关部门尽快组织力量进行彻底整治并建立长效管护机制以免再次发生类似问题",
            "mobile 138****1234",
        ),
    ] {
        finds(text, found);
    }
}

#[test]
fn a_reply_in_traditional_characters_is_read_by_the_same_rules() {
    for (text, found) in [
        (
            "張三代表:\n你提出的建議收悉,現答復如下:\n聯繫人:李四 聯繫電話:13700001111",
            "office mobile 137****1111",
        ),
        (
            "提案人:王某 聯繫電話:13812341234\n你提出的建議收悉,現答復如下:",
            "mobile 138****1234",
        ),
        ("家住紅星鎮光明村8組的農戶", "address 家住********"),
        ("現住在陽光小區5棟2單元,", "address 现住在*********"),
        ("身份證號碼11010519491231002X。", "id 110105********002X"),
    ] {
        finds(text, found);
    }
    masks("現住在陽光小區5棟2單元,", "現住在*********,");
}

#[test]
fn findings_carry_their_line_counted_as_the_converter_counts_lines() {
    for text in [
        "第一行\n第二行\n电话13812341234",
        "第一行\r\n第二行\r\n电话13812341234",
        "第一行\r第二行\r电话13812341234",
        "\n\n电话13812341234",
    ] {
        let found = privacy::find(text);
        assert_eq!(found.len(), 1, "{text:?}");
        assert_eq!(found[0].line, 3, "{text:?}");
        let chars: Vec<char> = text.chars().collect();
        let span: String = chars[found[0].start..found[0].end].iter().collect();
        assert_eq!(span, "13812341234", "{text:?}");
    }
}

#[test]
fn a_diagnostic_names_the_kind_the_line_and_the_masked_form_never_the_data() {
    let text = "你提出的建议收悉,现答复如下:\n您的电话13812341234、身份证11010519491231002X已登记,家住留下镇杨家村5组。\n联系人:李四 手机:13700001111";
    let lines: Vec<String> = privacy::diagnostics(text)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        lines,
        [
            "line 2: personal data, not for publishing: mobile number 138****1234 (redacting masks it)",
            "line 2: personal data, not for publishing: resident id number 110105********002X (redacting masks it)",
            "line 2: personal data, not for publishing: home address 家住******** (redacting masks it)",
            "line 3: office contact, kept: mobile number 137****1111 in the office's own contact line",
        ]
    );
    for data in ["13812341234", "11010519491231002X", "杨家村", "13700001111"] {
        assert!(lines.iter().all(|l| !l.contains(data)), "{data} printed");
    }
}

/// A fixture's outcome: its diagnostics, then its masked text.
fn outcome(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::new();
    for d in privacy::diagnostics(&text) {
        let _ = writeln!(out, "{d}");
    }
    let _ = write!(out, "---\n{}", privacy::mask(&text));
    out
}

#[test]
fn every_privacy_fixture_gives_its_reviewed_diagnostics_and_masked_text() {
    common::check(
        "tests/fixtures/privacy",
        "txt",
        3,
        Expected::Beside("expected"),
        |_, bytes| outcome(bytes),
    );
}

/// The corpus texts (40 real replies) and the converter's fixtures (the seed, five real replies and
/// one text per layout): every text a real government office published.
fn real_texts() -> Vec<(String, String)> {
    ["tests/fixtures/corpus", "tests/fixtures/convert"]
        .iter()
        .flat_map(|dir| common::fixtures(dir, "txt"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read_to_string(&p).unwrap())
        })
        .collect()
}

#[test]
fn the_real_replies_hold_no_personal_data_only_four_office_mobile_numbers() {
    let texts = real_texts();
    assert!(texts.len() >= 59, "{} texts", texts.len());
    let mut personal = Vec::new();
    let mut notes = Vec::new();
    for (name, text) in &texts {
        for wide in [false, true] {
            let text = if wide { full_width(text) } else { text.clone() };
            for f in privacy::find(&text) {
                let line = format!("{name}:{}: {}", f.line, short(&f));
                if f.office {
                    if !wide {
                        notes.push(line);
                    }
                } else {
                    personal.push(line);
                }
            }
        }
    }
    assert_eq!(personal, Vec::<String>::new(), "false positives");
    assert_eq!(
        notes,
        [
            "c13.txt:34: office mobile 187****5666",
            "c15.txt:44: office mobile 186****5240",
            "c17.txt:29: office mobile 139****0596",
            "c39.txt:8: office mobile 180****6939",
        ]
    );
}

#[test]
fn masking_keeps_every_character_that_is_not_personal_data() {
    for (name, text) in real_texts() {
        assert_eq!(privacy::mask(&text), text, "{name}");
    }
}

/// The data a text's flagged findings hide (the original characters of each range).
fn hidden(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    privacy::find(text)
        .iter()
        .filter(|f| !f.office)
        .map(|f| chars[f.start..f.end].iter().collect())
        .collect()
}

#[test]
fn a_redacted_conversion_still_validates_and_shows_none_of_the_data_its_diagnostics_flag() {
    let mut texts = real_texts();
    for p in common::fixtures("tests/fixtures/privacy", "txt") {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        texts.push((name, fs::read_to_string(&p).unwrap()));
    }
    let mut masked = 0;
    for (name, text) in &texts {
        let c = privacy::convert(text, true);
        let json = c.reply.to_json();
        Reply::from_json(&json).unwrap_or_else(|e| panic!("{name}: {e}"));
        for data in hidden(text) {
            assert!(!json.contains(&data), "{name}: {data:?} left in the JSON");
        }
        let left: Vec<String> = privacy::find_in_reply(&c.reply)
            .iter()
            .filter(|f| !f.finding.office)
            .map(ToString::to_string)
            .collect();
        assert_eq!(left, Vec::<String>::new(), "{name}");
        masked += hidden(text).len();
        // Without redacting, the reply is the converter's, with the privacy diagnostics after its own.
        let plain = privacy::convert(text, false);
        assert_eq!(plain.reply, convert(text).reply, "{name}");
        let own = convert(text).diagnostics.len();
        assert_eq!(
            plain.diagnostics[own..],
            privacy::diagnostics(text)[..],
            "{name}"
        );
    }
    assert!(
        masked >= 7,
        "only {masked} data masked: the fixtures lost their cases"
    );
}

#[test]
fn a_reply_json_names_the_text_that_holds_personal_data() {
    let text =
        fs::read_to_string(common::repo().join("tests/fixtures/privacy/every_kind_in_a_reply.txt"))
            .unwrap();
    let reply = convert(&text).reply;
    let found: Vec<String> = privacy::find_in_reply(&reply)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        found.iter().any(|f| f
            .starts_with("s1-p1: personal data, not for publishing: mobile number 139****5678")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("contact-2: office contact, kept: mobile number 137****1111")),
        "{found:#?}"
    );
}

#[test]
fn redacting_removes_a_fact_that_stands_inside_masked_data_and_the_reply_still_validates() {
    let text = "王五委员:\n你提出的提案收悉,现答复如下:\n一、关于补助\n经核实,家住阳光小区5栋的农户已获补助资金3万元,其中1万元为住房补贴。\n二、关于后续\n将持续跟进。";
    let mut reply = convert(text).reply;
    assert!(
        reply.figures.iter().any(|f| f.written == "5栋"),
        "{}",
        reply.to_json()
    );
    // The block, the figure's label and the purposes of both amounts, which repeat the address.
    assert_eq!(privacy::redact_reply(&mut reply), 4);
    let json = reply.to_json();
    Reply::from_json(&json).unwrap_or_else(|e| panic!("{e}"));
    assert!(!json.contains("阳光小区"), "{json}");
    assert!(json.contains("家住******的农户"), "{json}");
    // The figure inside the address goes (its value would tell the building); the money stays.
    assert!(reply.figures.iter().all(|f| f.written != "5栋"), "{json}");
    let money: Vec<&str> = reply.funding.iter().map(|f| f.written.as_str()).collect();
    assert_eq!(money, ["3万元", "1万元"]);
}

#[test]
fn a_part_whose_total_was_removed_with_masked_data_is_a_part_no_more() {
    let text = "王五委员:\n你提出的提案收悉,现答复如下:\n一、关于补助\n住址:光明村5组,补助3万元,其中1万元为住房补贴。";
    let mut reply = convert(text).reply;
    assert_eq!(reply.funding.len(), 2, "{}", reply.to_json());
    assert_eq!(reply.funding[1].part_of.as_deref(), Some("m1"));
    // Anchor the total on the address, as a reply JSON written by hand might.
    reply.funding[0].at.start = 3;
    reply.funding[0].at.end = 5;
    reply.funding[0].written = "光明".into();
    Reply::from_json(&reply.to_json()).unwrap_or_else(|e| panic!("{e}"));
    privacy::redact_reply(&mut reply);
    let json = reply.to_json();
    Reply::from_json(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reply.funding.len(), 1, "{json}");
    assert_eq!(reply.funding[0].part_of, None, "{json}");
}

#[test]
fn finding_personal_data_takes_time_in_proportion_to_the_text() {
    let line = "联系电话13812341234,身份证11010519491231002X,邮箱a@qq.com@b@c,家住留下镇杨家村5组,住址住址住址,1381234123413812341234\n";
    let small = line.repeat(200);
    let big = line.repeat(2000);
    common::assert_cost_grows_linearly("privacy::find", &small, &big, 4, |t| {
        let _ = privacy::find(t);
    });
    // One line with no break at all is scanned in linear time too.
    let flat = line.replace('\n', "");
    common::assert_cost_grows_linearly(
        "privacy::find on one line",
        &flat.repeat(200),
        &flat.repeat(2000),
        4,
        |t| {
            let _ = privacy::find(t);
        },
    );
}

#[test]
fn every_text_of_a_reply_json_is_checked_and_masked() {
    let path = common::repo().join("tests/fixtures/privacy/data_in_every_text.reply.json");
    let mut reply = Reply::from_json(&fs::read_to_string(path).unwrap()).unwrap();
    let found: Vec<String> = privacy::find_in_reply(&reply)
        .iter()
        .map(|f| format!("{} {}", f.text, short(&f.finding)))
        .collect();
    assert_eq!(
        found,
        [
            "meta-title mobile 138****0001",
            "meta-1 address 住址********",
            "meta-2 mobile 138****0004",
            "meta.index_number mobile 138****0002",
            "meta.summary mobile 138****0003",
            "proposal.title mobile 138****0005",
            "proposal.proposer mobile 138****0006",
            "addressee mobile 138****0007",
            "preamble mobile 138****0008",
            "heading-s1 mobile 138****0009",
            "s1-p1 id 110105********002X",
            "s1-i1.headline mobile 138****0010",
            "s1-i1 address 家住********",
            "closing-1 email w*****@qq.com",
            "signature mobile 138****0011",
            "contact-1 office mobile 137****1111",
            "contact-2 mobile 138****0012",
            "attachments[0].title mobile 138****0013",
            "f1.label mobile 138****0014",
            "m1.purpose mobile 138****0015",
            "extra email w*****@qq.com",
            "extra mobile 138****0016",
        ]
    );
    // Every one of them but the office's note is masked; the figure inside the address goes.
    assert_eq!(privacy::redact_reply(&mut reply), found.len() - 1);
    let json = reply.to_json();
    Reply::from_json(&json).unwrap_or_else(|e| panic!("{e}"));
    for n in 1..=16 {
        let number = format!("1380000{n:04}");
        assert!(!json.contains(&number), "{number} left in {json}");
    }
    for data in ["光明村", "wangwu", "19491231"] {
        assert!(!json.contains(data), "{data} left in {json}");
    }
    assert!(json.contains("13700001111"), "the office's number is kept");
    assert!(reply.figures.is_empty(), "{json}");
    assert_eq!(reply.funding.len(), 1, "{json}");
    let left: Vec<String> = privacy::find_in_reply(&reply)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        left,
        ["contact-1: office contact, kept: mobile number 137****1111 in the office's own contact line"]
    );
}
