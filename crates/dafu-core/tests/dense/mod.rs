//! Dense generated texts: the shapes that once made the converter's time grow with the square of the
//! input (numbered lines with an amount and a date each, one paragraph of amounts after 其中, one
//! paragraph of 一是 initiatives, header-like lines without an opening), and header lines before an
//! opening. Shared by `tests/linear.rs` (which compares two sizes of each) and `benches/convert.rs`
//! (which prints MB/s on them).
#![allow(dead_code)] // Each includer uses only part of it.

use std::fmt::Write as _;

/// The head every generated text starts with: a title, a header line and the opening.
const HEAD: &str = "关于加快项目建设的建议的答复\n索引号:000-2024-00001\n您提出的《关于加快项目建设的建议》(第12号)收悉。现答复如下:\n";

/// A dense shape: a name for reports and a generator taking a count of repeated units.
pub struct Shape {
    /// What the text is, for reports.
    pub name: &'static str,
    /// Makes the text with `n` repeated units.
    pub make: fn(usize) -> String,
    /// Units in the smaller of the two sizes a test compares (the larger has ten times as many).
    pub small: usize,
    /// Units in the smaller of the two sizes the benchmark measures (the larger has ten times as many).
    pub bench: usize,
}

/// `n` numbered lines, each with a date and an amount: `12.2023年3月5日,市财政下达第12批项目资金12.5万元。`
/// (numbered 1 to 99 and again, since a numeral has at most two digits).
pub fn numbered_lines(n: usize) -> String {
    let mut s = String::from(HEAD);
    for k in 1..=n {
        let _ = writeln!(
            s,
            "{}.{}年{}月{}日,市财政下达第{k}批项目资金{}.5万元。",
            1 + (k - 1) % 99,
            2000 + k % 25,
            1 + k % 12,
            1 + k % 28,
            k % 997
        );
    }
    s
}

/// One paragraph of `n` amounts after a 其中, in a single sentence: `共投入资金…万元,其中市级资金1.5万元、…`.
pub fn amounts_paragraph(n: usize) -> String {
    let mut s = String::from(HEAD);
    s.push_str("共投入资金9999万元,其中");
    for k in 1..=n {
        let _ = write!(s, "市级资金{}.5万元、", k % 997);
    }
    s.push_str("全部到位。\n");
    s
}

/// One paragraph of `n` initiatives run together: `一是…。一是…。`
pub fn initiatives(n: usize) -> String {
    let mut s = String::from(HEAD);
    s.push_str("我们做了以下工作。");
    for k in 1..=n {
        let _ = write!(
            s,
            "一是完善第{k}项机制,安排资金{}万元,培训{k}人次。",
            k % 997
        );
    }
    s.push('\n');
    s
}

/// One header line in one of four layouts: `key:value`, a pipe table, a dash list, padded keys.
fn header_line(k: usize) -> String {
    match k % 4 {
        0 => format!("索引号:000-2024-{k:05}\n"),
        1 => format!(
            "| 发文机构 | 市财政局{k} | 成文日期 | 2024-06-{:02} |\n",
            1 + k % 28
        ),
        2 => format!("- 主题分类\n- 财政{k}\n"),
        _ => format!("发布机关:市政府{k}  公开范围:主动公开\n"),
    }
}

/// `n` header lines and nothing else: no opening, so where the header ends is a guess.
pub fn header_lines(n: usize) -> String {
    let mut s = String::from("关于加快项目建设的建议的答复\n");
    for k in 1..=n {
        s.push_str(&header_line(k));
    }
    s
}

/// `n` header lines before the opening and a short body.
pub fn header_before_opening(n: usize) -> String {
    let mut s = header_lines(n);
    s.push_str("您提出的《关于加快项目建设的建议》(第12号)收悉。现答复如下:\n一、关于资金\n安排资金20万元。\n");
    s
}

/// Every dense shape.
pub const SHAPES: [Shape; 5] = [
    Shape {
        name: "numbered lines with a date and an amount",
        make: numbered_lines,
        small: 200,
        bench: 640,
    },
    Shape {
        name: "one paragraph of amounts after 其中",
        make: amounts_paragraph,
        small: 400,
        bench: 1600,
    },
    Shape {
        name: "one paragraph of 一是 initiatives",
        make: initiatives,
        small: 400,
        bench: 1000,
    },
    Shape {
        name: "header-like lines without an opening",
        make: header_lines,
        small: 400,
        bench: 1000,
    },
    Shape {
        name: "header-like lines before the opening",
        make: header_before_opening,
        small: 400,
        bench: 1000,
    },
];
