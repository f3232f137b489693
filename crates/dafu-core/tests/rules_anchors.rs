//! Facts everywhere: the rule tables for where the converter anchors the facts outside the sections'
//! blocks (the header's values, the preamble, the headings, the closing, the signer line, the
//! signature's date, the contact lines), and what the model does with them (validation, the fact
//! index, the timeline). The wiring is in `parse/mod.rs` (`readings`); the names in
//! `model/reply.rs` (`TextId`). Each table converts whole small replies, in ASCII and in full-width
//! punctuation, as a user's text would be.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // A failing test is a panic.

use dafu_core::model::{Reply, TextId};
use dafu_core::parse::convert;

mod common;
use common::full_width;

/// A value's name as the JSON writes it (`document`, `event`).
fn name(value: impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Where each anchor name stands in reading order, for sorting the facts as a reader meets them.
fn reading_order(reply: &Reply) -> Vec<String> {
    let mut names = vec![TextId::Title.to_string()];
    names.extend((1..=reply.meta.fields.len()).map(|n| TextId::Meta(n).to_string()));
    names.push(TextId::Preamble.to_string());
    for s in &reply.sections {
        names.push(TextId::Heading(&s.id).to_string());
        names.extend(s.blocks.iter().map(|b| b.id().to_owned()));
    }
    names.extend((1..=reply.closing.len()).map(|n| TextId::Closing(n).to_string()));
    names.push(TextId::Signer.to_string());
    names.push(TextId::SignatureDate.to_string());
    let contacts = reply.signature.as_ref().map_or(0, |s| s.contact.len());
    names.extend((1..=contacts).map(|n| TextId::Contact(n).to_string()));
    names
}

/// Every fact of a converted text as `anchor written kind`, in reading order, after checking that
/// the reply passes its own validation (every anchor names a text, and the text there is the fact).
fn anchored(text: &str) -> String {
    let reply = convert(text).reply;
    assert_eq!(reply.problems(), [], "{text}");
    let order = reading_order(&reply);
    let place = |block: &str, start: usize| {
        let at = order.iter().position(|n| n == block).unwrap_or(usize::MAX);
        (at, start)
    };
    let mut facts: Vec<((usize, usize), String)> = Vec::new();
    for d in &reply.dates {
        let what = format!("{} {} date {}", d.at.block, d.date.written(), name(d.role));
        facts.push((place(&d.at.block, d.at.start), what));
    }
    for m in &reply.funding {
        let what = format!("{} {} money", m.at.block, m.written);
        facts.push((place(&m.at.block, m.at.start), what));
    }
    for f in &reply.figures {
        let what = format!("{} {} figure", f.at.block, f.written);
        facts.push((place(&f.at.block, f.at.start), what));
    }
    facts.sort_by_key(|(at, _)| *at);
    let list: Vec<String> = facts.into_iter().map(|(_, f)| f).collect();
    list.join("; ")
}

/// A small reply: a header, an addressee, an opening, one section, a closing and a signature, with
/// each part replaced where a case gives its own.
struct Parts<'a> {
    header: &'a str,
    opening: &'a str,
    body: &'a str,
    tail: &'a str,
}

impl Default for Parts<'_> {
    fn default() -> Self {
        Parts {
            header: "关于市政协第15号提案的答复",
            opening: "您提出的《关于加快学校建设的提案》收悉,现答复如下:",
            body: "一、关于学校建设\n新建学校3所。",
            tail: "感谢您对教育工作的关心和支持。\n市教育局",
        }
    }
}

impl Parts<'_> {
    fn text(&self) -> String {
        format!(
            "{}\n张三委员:\n{}\n{}\n{}\n",
            self.header, self.opening, self.body, self.tail
        )
    }
}

#[track_caller]
fn check(parts: Parts<'_>, expected: &str) {
    let text = parts.text();
    assert_eq!(anchored(&text), expected, "{text}");
    // The same reply as published, with full-width punctuation: the same facts in the same places.
    let restored = full_width(&text);
    let ascii: String = anchored(&restored)
        .chars()
        .map(|c| match c {
            '，' => ',',
            '：' => ':',
            '；' => ';',
            '（' => '(',
            '）' => ')',
            '！' => '!',
            _ => c,
        })
        .collect();
    assert_eq!(ascii, expected, "{restored}");
}

#[test]
fn facts_are_anchored_in_every_text_of_the_reply_not_only_in_blocks() {
    // Nothing outside the blocks: only the block's figure.
    check(Parts::default(), "s1-p1 3所 figure");
    // The preamble: a date, named `preamble`.
    check(
        Parts {
            opening: "您于2019年3月5日提出的《关于加快学校建设的提案》收悉,现答复如下:",
            ..Parts::default()
        },
        "preamble 2019年3月5日 date event; s1-p1 3所 figure",
    );
    // A section's heading: by the section's id.
    check(
        Parts {
            body: "一、2018年新建学校3所\n全年投入资金500万元。",
            ..Parts::default()
        },
        "heading-s1 2018年 date event; heading-s1 3所 figure; s1-p1 500万元 money",
    );
    // A closing paragraph: counted from 1.
    check(
        Parts {
            tail: "感谢您的关心。\n2019年5月又新建学校2所。\n市教育局",
            ..Parts::default()
        },
        "s1-p1 3所 figure; closing-2 2019年5月 date event; closing-2 2所 figure",
    );
    // The signature's date, and a contact line.
    check(
        Parts {
            tail: "感谢您的关心。\n市教育局\n2019年6月30日\n联系人:李四\n抄送:市政府办公室(2019年7月1日)",
            ..Parts::default()
        },
        "s1-p1 3所 figure; signature-date 2019年6月30日 date document; \
         contact-2 2019年7月1日 date event",
    );
    // A header value's date.
    check(
        Parts {
            header: "关于市政协第15号提案的答复\n发布日期:2019-09-03\n成文日期:2019年6月30日",
            ..Parts::default()
        },
        "meta-1 2019-09-03 date document; meta-2 2019年6月30日 date document; s1-p1 3所 figure",
    );
}

#[test]
fn the_title_and_a_header_value_give_their_dates_only() {
    // The title's year is the document's; a figure in it names what was proposed, not a fact.
    check(
        Parts {
            header: "2023年对区政协第15号提案(新建3所学校)的答复",
            ..Parts::default()
        },
        "meta-title 2023年 date document; s1-p1 3所 figure",
    );
    // A title a header field gives is read once, as that field's value.
    check(
        Parts {
            header: "标题:2023年对区政协第15号提案的答复",
            ..Parts::default()
        },
        "meta-1 2023年 date document; s1-p1 3所 figure",
    );
    // A page's view count is no figure; an amount in a summary is not the reply's money.
    check(
        Parts {
            header: "关于市政协第15号提案的答复\n浏览量:1399次\n发布日期:2019-09-03 08:22",
            ..Parts::default()
        },
        "meta-2 2019-09-03 date document; s1-p1 3所 figure",
    );
    check(
        Parts {
            header: "关于市政协第15号提案的答复\n概述:2019年安排资金500万元新建学校3所",
            ..Parts::default()
        },
        "meta-1 2019年 date document; s1-p1 3所 figure",
    );
}

#[test]
fn the_signatures_date_is_the_documents_own_and_anchored_whole() {
    // On a line of its own, or on the signer's line: the signature's date as the signature reads it.
    check(
        Parts {
            tail: "感谢您的关心。\n市教育局\n2019年6月30日",
            ..Parts::default()
        },
        "s1-p1 3所 figure; signature-date 2019年6月30日 date document",
    );
    check(
        Parts {
            tail: "感谢您的关心。\n市教育局 2019年6月30日",
            ..Parts::default()
        },
        "s1-p1 3所 figure; signature-date 2019年6月30日 date document",
    );
    // The same date in a closing paragraph is an event the reply reports.
    check(
        Parts {
            tail: "感谢您的关心,我们已于2019年6月30日完成建设。\n市教育局\n2019年7月1日",
            ..Parts::default()
        },
        "s1-p1 3所 figure; closing-1 2019年6月30日 date event; \
         signature-date 2019年7月1日 date document",
    );
}

#[test]
fn text_the_reply_keeps_twice_gives_its_facts_once() {
    #[track_caller]
    fn check(text: &str, expected: &str) {
        assert_eq!(anchored(text), expected, "{text}");
        let ascii: String = anchored(&full_width(text))
            .chars()
            .map(|c| if c == '，' { ',' } else { c })
            .collect();
        assert_eq!(ascii, expected, "{text}");
    }
    // A summary record: its prose values are its body, read there and not again in the header.
    check(
        "建议标题:关于解决道路建设资金的建议\n\
         办理复文(摘要):经我局积极筹措资金,该项目已于2020年7月开工建设。\n\
         办结时间:2020年10月29日\n办理结果:A类\n",
        "meta-3 2020年10月29日 date document; s1-p1 2020年7月 date event",
    );
    // A heading cut from the sentence its paragraph keeps whole: read in the paragraph.
    check(
        "关于第15号提案的答复\n张三委员:\n您提出的提案收悉,现答复如下:\n一、关于学校\n新建学校3所。\n\
         二、2020年高标准农田实施过程中,我们积极宣传。下一步继续推进。\n",
        "s1-p1 3所 figure; s2-p1 2020年 date event",
    );
}

#[test]
fn a_year_less_date_outside_the_blocks_takes_the_year_before_it_and_names_its_line() {
    let text = Parts {
        header: "关于市政协第15号提案的答复\n发布日期:2019-09-03",
        opening: "您于3月5日提出的《关于加快学校建设的提案》收悉,现答复如下:",
        ..Parts::default()
    }
    .text();
    let c = convert(&text);
    let preamble: Vec<String> = c
        .reply
        .dates
        .iter()
        .filter(|d| d.at.block == "preamble")
        .map(|d| format!("{} {}", d.date.written(), d.date.when().start().unwrap()))
        .collect();
    assert_eq!(preamble, ["3月5日 2019-03-05"]);
    let lines: Vec<String> = c.diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("line 4: date \"3月5日\" read as 2019-03-05")),
        "{lines:?}"
    );
}

#[test]
fn the_timeline_lists_the_preamble_and_closing_dates_but_not_the_documents_own() {
    let text = Parts {
        header: "关于市政协第15号提案的答复\n发布日期:2019-09-03",
        opening: "您于2019年3月5日提出的《关于加快学校建设的提案》收悉,现答复如下:",
        tail: "感谢您的关心,学校已于2019年5月建成。\n市教育局\n2019年6月30日",
        ..Parts::default()
    }
    .text();
    let reply = convert(&text).reply;
    let entries: Vec<String> = reply
        .timeline()
        .groups
        .iter()
        .flat_map(|g| &g.entries)
        .map(|e| {
            format!(
                "{} {} {}",
                e.block,
                e.fact.as_deref().unwrap_or("-"),
                e.summary
            )
        })
        .collect();
    assert_eq!(
        entries,
        [
            "preamble d2 您于2019年3月5日提出的《关于加快学校建设的提案》收悉,现答复如下:",
            "closing-1 d3 感谢您的关心,学校已于2019年5月建成。",
        ]
    );
    // The fact index cuts those texts around their facts as it cuts a block.
    let index = reply.fact_index();
    let preamble = reply.anchor_text("preamble").unwrap();
    let runs: Vec<String> = index
        .segments_of("preamble", preamble)
        .iter()
        .map(|s| match &s.fact {
            Some(f) => format!("[{}]", s.text.clone() + " " + &f.id),
            None => s.text.clone(),
        })
        .collect();
    assert_eq!(
        runs.concat(),
        "您于[2019年3月5日 d2]提出的《关于加快学校建设的提案》收悉,现答复如下:"
    );
}

#[test]
fn every_text_name_resolves_to_its_text_and_nothing_else() {
    let text = Parts {
        header: "关于市政协第15号提案的答复\n发布日期:2019-09-03",
        tail: "感谢您的关心。\n市教育局\n2019年6月30日\n联系人:李四",
        ..Parts::default()
    }
    .text();
    let reply = convert(&text).reply;
    #[track_caller]
    fn check(reply: &Reply, id: &str, expected: Option<&str>) {
        assert_eq!(reply.anchor_text(id), expected, "{id}");
        assert_eq!(reply.anchor_texts().text(id), expected, "{id}");
    }
    check(&reply, "meta-title", Some("关于市政协第15号提案的答复"));
    check(&reply, "title", None);
    check(&reply, "meta-1", Some("2019-09-03"));
    check(&reply, "meta-2", None);
    check(&reply, "meta-0", None);
    check(&reply, "meta-01", None);
    check(&reply, "meta-+1", None);
    check(
        &reply,
        "preamble",
        Some("您提出的《关于加快学校建设的提案》收悉,现答复如下:"),
    );
    check(&reply, "heading-s1", Some("关于学校建设"));
    check(&reply, "heading-s2", None);
    check(&reply, "s1-p1", Some("新建学校3所。"));
    check(&reply, "closing-1", Some("感谢您的关心。"));
    check(&reply, "closing-2", None);
    check(&reply, "signature", Some("市教育局"));
    check(&reply, "signature-date", Some("2019年6月30日"));
    check(&reply, "contact-1", Some("联系人:李四"));
    check(&reply, "contact-2", None);
    check(&reply, "s9", None);
    // Names print back as they are written.
    for id in [
        "meta-title",
        "meta-3",
        "preamble",
        "heading-s1",
        "s1-p1",
        "closing-2",
    ] {
        assert_eq!(TextId::parse(id).unwrap().to_string(), id);
    }
    for id in [
        "signature",
        "signature-date",
        "contact-1",
        "heading-x",
        "meta-title",
    ] {
        assert!(TextId::is_reserved(id), "{id}");
    }
    for id in [
        "s1-p1",
        "signatures",
        "pre-amble",
        "meta",
        "closing",
        "title",
        "funding",
    ] {
        assert!(!TextId::is_reserved(id), "{id}");
    }
}
