//! The editor's part of the converter module, natively: diagnostics worded in both languages with
//! their line, text and hint; the header facts not found; corrections; file names; decoding a text
//! file's bytes as the CLI does (the fixtures in tests/fixtures/editor/).
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use dafu_convert::report::{file_name, form_html, report_html, worded};
use dafu_convert::{conversion, decode, json_of, words};
use dafu_core::parse::correct::missing;
use dafu_core::parse::{Correction, Field};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../../tests/fixtures/editor/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn text() -> String {
    String::from_utf8(fixture("class_and_number.txt")).unwrap()
}

fn set(key: &str, value: &str) -> Correction {
    Correction::parse(&format!("{key}={value}")).unwrap()
}

#[test]
fn a_class_field_not_read_is_worded_with_its_line_the_text_and_what_to_do_in_either_language() {
    let c = conversion(&text(), false, &[]);
    let zh: Vec<String> = c
        .diagnostics
        .iter()
        .map(|d| worded(d, &words::ZH))
        .collect();
    assert!(
        zh.contains(&"第2行“类别：Ａ”未识别为办理结果:可写作“A类”后重新转换,或在“更正文件信息”中选择办理结果".to_owned()),
        "{zh:?}"
    );
    let en: Vec<String> = c
        .diagnostics
        .iter()
        .map(|d| worded(d, &words::EN))
        .collect();
    assert!(
        en.iter().any(|d| d.starts_with(
            "Line 2: “类别：Ａ” was not understood as the result class: write it as “A类”"
        )),
        "{en:?}"
    );
    // The CLI's English says the same.
    assert!(c.diagnostics.iter().any(|d| d.to_string()
        == "line 2: header field \"类别：Ａ\" kept as written, not read as the result class (a result class? write it as \"A类\" and convert again)"));
}

#[test]
fn the_report_lists_the_header_facts_not_found_and_every_diagnostic() {
    let c = conversion(&text(), false, &[]);
    assert_eq!(
        missing(&c.reply),
        [Field::DocumentNumber, Field::ResultClass]
    );
    let html = report_html(&c, decode::Encoding::Utf8, &words::ZH);
    assert!(
        html.contains(r#"<h3 class="dafu-page__missing-title">未找到</h3>"#),
        "{html}"
    );
    assert!(html.contains(r#"<li class="dafu-page__missing-item">文号</li><li class="dafu-page__missing-item">办理结果</li></ul>"#), "{html}");
    assert!(html.contains("第2行“类别：Ａ”未识别为办理结果"), "{html}");
    let gbk = report_html(&c, decode::Encoding::Gb18030, &words::EN);
    assert!(gbk.contains("it was read as GB18030 (GBK)"), "{gbk}");
    assert!(
        gbk.contains(r#"<li class="dafu-page__missing-item">Document number (文号)</li>"#),
        "{gbk}"
    );
}

#[test]
fn corrections_set_the_header_facts_and_the_list_of_facts_not_found_shrinks() {
    let corrections = [
        set("文号", "某教函〔2024〕8号"),
        set("result_class", "A"),
        set("title", "某某县教育局关于第8号提案的答复"),
        set("成文日期", "2024年5月9日"),
        set("kind", "建议"),
    ];
    let c = conversion(&text(), false, &corrections);
    assert_eq!(
        c.reply.meta.document_number.as_deref(),
        Some("某教函〔2024〕8号")
    );
    assert_eq!(c.reply.meta.title, "某某县教育局关于第8号提案的答复");
    assert_eq!(
        c.reply.meta.written.as_ref().unwrap().written(),
        "2024年5月9日"
    );
    assert!(missing(&c.reply).is_empty());
    // The corrected reply loads: a changed title took the facts found in it away with it.
    let json = json_of(&c);
    assert!(dafu_core::model::Reply::from_json(&json).is_ok());
    assert!(
        json.contains("\"document_number\": \"某教函〔2024〕8号\""),
        "{json}"
    );
    assert!(!json.contains("\\u"), "the JSON is readable, not escaped");
    assert_eq!(file_name(&c.reply), "某教函〔2024〕8号.json");
    // The form shows the corrected values.
    let form = form_html(&c.reply, &words::ZH);
    assert!(
        form.contains(r#"data-dafu-set="document_number" value="某教函〔2024〕8号""#),
        "{form}"
    );
    assert!(
        form.contains(r#"<option value="A" selected>A类</option>"#),
        "{form}"
    );
    assert!(
        form.contains(r#"<option value="suggestion" selected>建议</option>"#),
        "{form}"
    );
}

#[test]
fn a_correction_that_cannot_stand_changes_nothing_and_says_why() {
    let before = conversion(&text(), false, &[]);
    let c = conversion(
        &text(),
        false,
        &[set("written", "去年"), set("result_class", "D")],
    );
    assert_eq!(c.reply, before.reply);
    let zh: Vec<String> = c
        .diagnostics
        .iter()
        .map(|d| worded(d, &words::ZH))
        .collect();
    assert!(
        zh.contains(
            &"全文:成文日期“去年”未更正:不是可识别的日期,可写作2024年5月10日;仍用转换所得的值"
                .to_owned()
        ),
        "{zh:?}"
    );
    assert!(
        zh.contains(&"全文:办理结果“D”未更正:只能是A、B或C;仍用转换所得的值".to_owned()),
        "{zh:?}"
    );
}

#[test]
fn an_empty_correction_removes_the_fact() {
    let c = conversion(&text(), false, &[set("issuer", "")]);
    assert_eq!(c.reply.meta.issuer, None);
}

#[test]
fn the_download_is_named_after_the_document_number_else_the_title() {
    let c = conversion(&text(), false, &[]);
    assert_eq!(
        file_name(&c.reply),
        "关于市政协十三届二次会议第8号提案的答复.json"
    );
    let c = conversion(&text(), false, &[set("文号", "某/教:函*8号")]);
    assert_eq!(file_name(&c.reply), "某教函8号.json");
    let c = conversion("", false, &[]);
    assert_eq!(file_name(&c.reply), "reply.json");
}

/// The rule with encoding_rs's GB18030, as the CLI gives it.
fn decode(bytes: &[u8]) -> decode::Decoded {
    decode::decode_with(bytes, |b| {
        let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(b);
        (!had_errors).then(|| text.into_owned())
    })
}

#[test]
fn gbk_and_utf16_files_decode_to_the_same_text_as_the_utf8_one() {
    let utf8 = decode(&fixture("class_and_number.txt"));
    assert_eq!(utf8.encoding, decode::Encoding::Utf8);
    let gbk = decode(&fixture("class_and_number.gbk.txt"));
    assert_eq!(gbk.encoding, decode::Encoding::Gb18030);
    assert_eq!(gbk.text, utf8.text);
    let utf16 = decode(&fixture("class_and_number.utf16.txt"));
    assert_eq!(utf16.encoding, decode::Encoding::Utf16Le);
    assert_eq!(utf16.text, utf8.text);
}

#[test]
fn the_rule_agrees_with_encoding_rs_on_boms_odd_bytes_and_broken_utf16() {
    let cases: [&[u8]; 6] = [
        b"\xEF\xBB\xBFab\xFFc",
        b"\xFF\xFEa\x00\x00\xD8b\x00",
        b"\xFE\xFF\x00a\x00",
        b"\xFF\xFE",
        b"plain",
        b"\xC4\xE3\xBA\xC3",
    ];
    for bytes in cases {
        let (expected, _, _) = encoding_rs::UTF_8.decode(bytes);
        let expected = match encoding_rs::Encoding::for_bom(bytes) {
            Some((enc, _)) => enc.decode(bytes).0.into_owned(),
            None if std::str::from_utf8(bytes).is_ok() => expected.into_owned(),
            None => encoding_rs::GB18030.decode(bytes).0.into_owned(),
        };
        assert_eq!(decode(bytes).text, expected, "{bytes:?}");
    }
}

#[test]
fn reply_text_in_the_form_and_report_is_escaped() {
    let c = conversion(&text(), false, &[set("title", "<b onclick=\"x\">'&")]);
    let form = form_html(&c.reply, &words::EN);
    assert!(
        form.contains(r#"value="&lt;b onclick=&quot;x&quot;&gt;&#39;&amp;""#),
        "{form}"
    );
    let c = conversion("【<script>】\n", false, &[]);
    let html = report_html(&c, decode::Encoding::Utf8, &words::ZH);
    assert!(!html.contains("<script>"), "{html}");
}
