//! The information-disclosure header: every layout of DESIGN §1, read into `Meta` fields.
//!
//! Grammar (one rule per layout; the first that fits a line wins):
//! - pipe table:      `| key | value | key | value |` or `| key:value | … |`, possibly printed twice
//!   and with empty or shifted cells: cells are read in order, a cell that is a known key
//!   (with or without a colon) takes the next cell as its value;
//! - dash list:       `- key` then `- value` on the next line (a key line followed by another key line
//!   has an empty value);
//! - padded line:     `索  引  号:… 公开范围:… 发布机关:…` — several known keys on one line, spaces
//!   inside keys ignored;
//! - key:value line:  `发文机构:民族事务委员会`;
//! - 文号 line:       a line that is only a document number (`天市水案发〔2021〕6号`, `〔2021〕69号`);
//! - result class:    `A类`, `(B)类` on its own line;
//! - title:           a line ending in 答复 (or 答复摘要), possibly split over two lines or repeated.
//!
//! The fields then give the reply's `Meta` ([`Header::meta`]): each meta value from the first key of
//! its list that has a value (发文字号, else 文号, else the bare 文号 line; 公开日期, else 发布日期 …),
//! dates read as `2024-07-01 17:57:30`, `2021-09-24` or a written date, validity 有效 unless it says
//! 失 or 无.

use crate::model::date::Point;
use crate::model::{DateRef, Meta, MetaField, ResultClass, Validity, When};

use super::facts::whole_date;
use super::lines::{is_colon, normalize_key, Line};
use super::opening::FromHeader;

/// Header keys dafu knows (spaces removed).
pub const KEYS: [&str; 34] = [
    "索引号",
    "发文字号",
    "文号",
    "发文机构",
    "发布机构",
    "发布机关",
    "信息分类",
    "主题分类",
    "公开目录",
    "概述",
    "成文日期",
    "公开日期",
    "发布日期",
    "日期",
    "废止日期",
    "失效日期",
    "有效性",
    "公开范围",
    "著录日期",
    "主题词",
    "标题",
    "生效日期",
    "体裁分类",
    "服务对象",
    "组配分类",
    "公开方式",
    "浏览量",
    "发布时间",
    "来源",
    "作者",
    "人大代表",
    "会议届次",
    "建议编号",
    "答复内容",
];

/// What the header gave.
#[derive(Debug, Default)]
pub struct Header {
    /// Every field as printed, in order, first printing wins.
    pub fields: Vec<MetaField>,
    /// Title lines, joined when split.
    pub title: Option<String>,
    /// A bare document-number line.
    pub document_number: Option<String>,
    /// A result-class line.
    pub result_class: Option<ResultClass>,
    /// Lines not understood, as (line, text).
    pub unknown: Vec<(usize, String)>,
}

fn is_key(s: &str) -> bool {
    let k = normalize_key(s);
    !k.is_empty() && KEYS.contains(&k.as_str())
}

impl Header {
    fn add(&mut self, key: &str, value: &str) {
        let key = normalize_key(key);
        if key.is_empty() || self.fields.iter().any(|f| f.key == key) {
            return;
        }
        self.fields.push(MetaField {
            key,
            value: value.trim().to_owned(),
        });
    }

    /// The value of a field, `None` when absent or a placeholder such as `———`.
    pub fn get(&self, key: &str) -> Option<String> {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .map(|f| f.value.clone())
            .filter(|v| {
                !v.is_empty() && !v.chars().all(|c| matches!(c, '—' | '-' | '–' | '/' | '无'))
            })
    }

    /// The first of `keys` that has a value.
    fn first(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| self.get(k))
    }

    /// The reply's metadata.
    pub fn meta(&self) -> Meta {
        let validity = self.get("有效性").map(|v| {
            if v.contains('效') && !v.contains("失") && !v.contains("无") {
                Validity::Valid
            } else {
                Validity::Invalid
            }
        });
        Meta {
            title: self
                .title
                .clone()
                .or_else(|| self.get("标题"))
                .unwrap_or_default(),
            index_number: self.get("索引号"),
            document_number: self
                .first(&["发文字号", "文号"])
                .or_else(|| self.document_number.clone()),
            issuer: self.first(&["发文机构", "发布机构", "发布机关", "来源"]),
            category: self.first(&["信息分类", "主题分类", "公开目录"]),
            summary: self.get("概述"),
            written: self.get("成文日期").and_then(|v| meta_date(&v)),
            published: self
                .first(&["公开日期", "发布日期", "发布时间", "日期"])
                .and_then(|v| meta_date(&v)),
            repealed: self
                .first(&["废止日期", "失效日期"])
                .and_then(|v| meta_date(&v)),
            validity,
            fields: self.fields.clone(),
        }
    }

    /// What the header says about the proposal answered.
    pub fn about_proposal(&self) -> FromHeader {
        FromHeader {
            number: self.get("建议编号"),
            session: self.get("会议届次"),
            result_class: self.result_class,
        }
    }
}

/// A meta date such as `2024-07-01 17:57:30`, `2021-09-24` or `2021年9月24日`.
fn meta_date(value: &str) -> Option<DateRef> {
    let v = value.trim();
    let (date, time) = v
        .split_once(' ')
        .map_or((v, None), |(d, t)| (d, Some(t.trim())));
    let point = match time {
        Some(t) if t != "00:00:00" && !t.is_empty() => Point::parse(&format!("{date}T{t}")).ok(),
        _ => Point::parse(date).ok(),
    }
    .or_else(|| whole_date(v).and_then(|d| d.when().start()))?;
    DateRef::new(v, When::On(point)).ok()
}

/// Splits `key:value key:value` on known keys; `None` if the line has no known key before a colon.
fn keyed_pairs(text: &str) -> Option<Vec<(String, String)>> {
    let chars: Vec<char> = text.chars().collect();
    // Positions of colons whose preceding run (spaces allowed inside) is a known key.
    let mut keys: Vec<(usize, usize, String)> = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        if !is_colon(*c) {
            continue;
        }
        let found = (1..=10).rev().find_map(|len| {
            let start = i.checked_sub(len)?;
            let cand: String = chars.get(start..i)?.iter().collect();
            (is_key(&cand) && !cand.starts_with(' ')).then_some((start, cand))
        });
        if let Some((start, key)) = found {
            keys.push((start, i + 1, normalize_key(&key)));
        }
    }
    if keys.is_empty()
        || keys.first().is_some_and(|(s, _, _)| {
            chars
                .get(..*s)
                .is_some_and(|b| b.iter().any(|c| !c.is_whitespace()))
        })
    {
        return None;
    }
    let mut out = Vec::new();
    for (n, (_, value_start, key)) in keys.iter().enumerate() {
        let value_end = keys.get(n + 1).map_or(chars.len(), |next| next.0);
        let value: String = chars
            .get(*value_start..value_end)
            .map(|v| v.iter().collect())
            .unwrap_or_default();
        out.push((key.clone(), value.trim().to_owned()));
    }
    Some(out)
}

fn is_document_number(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    (t.contains('〔') || t.contains('【') || t.contains('[') || t.contains('(') || t.contains('（'))
        && t.ends_with('号')
        && t.chars().count() <= 24
        && t.chars().any(|c| c.is_ascii_digit())
}

fn result_class(text: &str) -> Option<ResultClass> {
    let t: String = text
        .chars()
        .filter(|c| !matches!(c, '(' | ')' | '（' | '）' | ' '))
        .collect();
    match t.as_str() {
        "A类" => Some(ResultClass::A),
        "B类" => Some(ResultClass::B),
        "C类" => Some(ResultClass::C),
        _ => None,
    }
}

fn looks_like_title(text: &str) -> bool {
    (text.ends_with("答复") || text.ends_with("答复摘要") || text.ends_with("的复函"))
        && text.chars().count() <= 80
}

/// Reads header lines (everything before the addressee or opening).
pub fn parse(lines: &[Line]) -> Header {
    let mut h = Header::default();
    let mut i = 0;
    while i < lines.len() {
        let Some(line) = lines.get(i) else { break };
        let text = line.text.as_str();
        i += 1;
        if text.contains('|') {
            let cells: Vec<String> = text
                .trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_owned())
                .collect();
            let mut c = 0;
            let mut understood = false;
            while c < cells.len() {
                let cell = cells.get(c).cloned().unwrap_or_default();
                c += 1;
                if let Some(pairs) = keyed_pairs(&cell) {
                    for (k, v) in pairs {
                        let v = if v.is_empty()
                            && cells.get(c).is_some_and(|n| !n.is_empty() && !is_key(n))
                        {
                            c += 1;
                            cells.get(c - 1).cloned().unwrap_or_default()
                        } else {
                            v
                        };
                        h.add(&k, &v);
                    }
                    understood = true;
                } else if is_key(&cell) {
                    let value = match cells.get(c) {
                        Some(n) if !is_key(n) => {
                            c += 1;
                            n.clone()
                        }
                        _ => String::new(),
                    };
                    h.add(&cell, &value);
                    understood = true;
                } else if looks_like_title(&cell) && h.title.is_none() {
                    h.title = Some(cell);
                    understood = true;
                }
            }
            if !understood {
                h.unknown.push((line.number, text.to_owned()));
            }
            continue;
        }
        if let Some(key) = text.strip_prefix("- ").or_else(|| text.strip_prefix('-')) {
            if is_key(key) {
                let value = match lines.get(i) {
                    Some(next) if next.text.starts_with('-') => {
                        let v = next.text.trim_start_matches('-').trim().to_owned();
                        if is_key(&v) {
                            String::new()
                        } else {
                            i += 1;
                            v
                        }
                    }
                    _ => String::new(),
                };
                h.add(key, &value);
                continue;
            }
        }
        if let Some(pairs) = keyed_pairs(text) {
            for (k, v) in pairs {
                h.add(&k, &v);
            }
            continue;
        }
        if let Some(class) = result_class(text) {
            h.result_class = Some(class);
            continue;
        }
        if is_document_number(text) && h.document_number.is_none() {
            h.document_number = Some(text.to_owned());
            continue;
        }
        if looks_like_title(text) {
            if h.title.is_none() {
                h.title = Some(text.to_owned());
            }
            continue;
        }
        // A title split over two lines: this line and the next end in 答复 together.
        if let Some(next) = lines.get(i) {
            let joined = format!("{text}{}", next.text);
            if looks_like_title(&joined) && !next.text.contains(['|', ':', '：']) {
                if h.title.is_none() {
                    h.title = Some(joined);
                }
                i += 1;
                continue;
            }
        }
        h.unknown.push((line.number, text.to_owned()));
    }
    h
}
