//! The header: every line before the addressee or the opening, read into `Meta` (its fields as
//! printed, the title, the document number, the dates, the issuer), the result class and what the
//! header says about the proposal answered.
//!
//! Grammar. A header line, or each cell of a pipe-table line, is read as follows (a leading bullet
//! `•` `·` `-` `*` is dropped first):
//! - **key:value pairs**: a key is a run of at most 12 CJK characters, possibly ending in a
//!   parenthesised part (`建议内容(摘要)`), or single characters padded with spaces (`索 引 号`,
//!   `事    由`), that starts the line or follows a space or a residue mark (`'` `|` `【` `]` `:`), and
//!   is followed by a colon; its value runs to the next key. Several pairs may share a line with page
//!   widgets (`发布时间:… 来源:… 点击量:1593 [ 字体: ] 打印`); text before the first key is free text
//!   (below);
//! - **keys without colons**: a line that starts with a known key ([`KEYS`], spaces inside allowed)
//!   followed by a space holds known keys separated from their values by spaces
//!   (`索 引 号  jyjl/2021-00030  公开方式  主动公开`);
//! - **a key alone** (`• 索 引 号:`, `- 文 号`, `来源:`): its value is the next line, unless that line
//!   is a key line itself (an empty value never swallows the next key), the title (unless the key
//!   names it: `名称`, `标题`), a line not starting with a digit under a date key, a line without a
//!   number under a counter, or a result class, a date or a document number under a key that is not
//!   about it;
//! - **pipe tables** (`| key | value | key:value |`, possibly printed twice, with empty or shifted
//!   cells): cells are read in order like lines, a key cell taking the next cell as its value;
//! - **free text**: a result class (`A类`, `(B)类`, `甲类`, `A类(已解决)`, a lone `C`; a `类` alone is
//!   an empty slot); a document number (`〔2021〕69号`, `[2012]`, `【2021】`, `第…号`, spaces allowed, or
//!   with its brackets lost: `阿市文体广旅字202252`), possibly fused in front of the title or followed
//!   by a class (`湘教提复字〔2019〕来信号B类`); a date with or without its clock time, the date the page
//!   was published (`2025年07月16日 来源:…`, also at the end of another key's value: `编辑:张三
//!   2017-09-26 08:22:25`); a title: a line that names what it answers (关于, 对, 号, 《, 会议) and ends
//!   in 答复, 复函, 的函, 答复摘要, 会办意见, 办理单, 回复, 复文 or 答复书 (spaces ignored: `答 复`),
//!   possibly followed by its 文号 in brackets (`…的答复[浙交建〔2018〕101号]`), its issuer in
//!   parentheses (`…的答复(水利局)`) or the site's name (`…的答复_某市人民政府`), and possibly split over
//!   up to three lines (`教育部对…会议` / `第7508号建议的答复`; an agency line and a title:
//!   `唐山市丰南区农业农村局` / `对…` / `…的答复`); the first title wins and a repeated one is read as
//!   understood. A column's name (`建议提案答复`) or a breadcrumb is no title.
//!
//! Widgets are not fields: a font or print control or the breadcrumb (`字号`, a key ending in 字体,
//! 大小 or 位置, or with 打印, 分享, 关闭, 收藏) is dropped, buttons in brackets after a value
//! (`【打印】【关闭】`) are left out of it, and a counter (浏览, 点击, 阅读, 访问, 次数) keeps its value only
//! when the value holds a number (`阅读:次` is empty).
//!
//! The fields then give the reply's `Meta` ([`Header::meta`]): each meta value from the first key of
//! its list that has a value (发文字号, else 文号, else a document number line; 公开日期, else 发布日期
//! …, else a bare date line), dates read as `2024-07-01 17:57:30`, `2021-07-05 09:44`, `2021-09-24` or
//! a written date; the issuer from an issuing key (发文机关, 发布机构 …), else the title's issuer in
//! parentheses, else the page's source (来源), else (when no signature names one either,
//! [`Header::named_issuer`]) the agency in front of the title, else the handling body (承办单位);
//! validity 有效 unless it says 失, 无 or 否. A field whose value opens with a reply title in `《》` (a
//! summary record's `办理复文:《…的答复》(泸交函〔2020〕18号)…`) gives the title and document number when
//! no line does. The result class comes from wherever the header writes it: a class line, a key about
//! the class (`类别:B`, `办理结果:(A类)`, `已解决(A类)`), after the document number. A summary record (fields and
//! nothing else) keeps its prose values (建议内容, 办理复文: values with a `。`) as [`Header::prose`],
//! its body. When nothing (no addressee, no opening) says where the header ends, it ends at the
//! first line that is not header-shaped ([`extent`]).

use std::collections::HashSet;

use crate::model::date::Point;
use crate::model::{DateRef, Meta, MetaField, ResultClass, Validity, When};

use super::facts::whole_date;
use super::lines::{is_colon, normalize_key, Line};
use super::opening::FromHeader;

/// Header keys dafu knows (spaces removed). Any key followed by a colon is read without this list;
/// the list is what recognises keys printed without a colon, alone on a line (`- 索引号`), or as the
/// last word before an addressee (`人大代表:孙七` is a field, not a salutation).
pub const KEYS: &[&str] = &[
    "索引号",
    "发文字号",
    "文号",
    "发文编号",
    "发文机构",
    "发文机关",
    "发文单位",
    "发布机构",
    "发布机关",
    "发布单位",
    "信息来源",
    "文章来源",
    "来源",
    "来源于",
    "作者",
    "发布人",
    "责任编辑",
    "责任部门",
    "信息分类",
    "主题分类",
    "公开目录",
    "分类",
    "组配分类",
    "体裁分类",
    "服务对象",
    "公开方式",
    "公开范围",
    "公开程序",
    "公开属性",
    "是否公开",
    "是否同意公开",
    "概述",
    "内容概述",
    "名称",
    "标题",
    "公文名称",
    "信息名称",
    "文件名称",
    "文件标题",
    "题名",
    "主题词",
    "关键词",
    "成文日期",
    "成文时间",
    "发文日期",
    "生成日期",
    "印发日期",
    "公开日期",
    "公开时间",
    "发布日期",
    "发布时间",
    "日期",
    "时间",
    "废止日期",
    "失效日期",
    "实施日期",
    "生效日期",
    "著录日期",
    "有效性",
    "是否有效",
    "时效性",
    "公文时效",
    "浏览量",
    "浏览次数",
    "访问量",
    "访问次数",
    "点击数",
    "点击量",
    "阅读次数",
    "签发人",
    "类别",
    "答复类别",
    "办理类别",
    "办理结果",
    "办理情况",
    "人大代表",
    "政协委员",
    "代表姓名",
    "委员姓名",
    "提案人",
    "建议人",
    "领衔代表",
    "会议届次",
    "建议编号",
    "提案编号",
    "建议号",
    "提案号",
    "新编号",
    "建议标题",
    "提案标题",
    "案由",
    "事由",
    "建议内容",
    "提案内容",
    "答复内容",
    "内容",
    "承办单位",
    "主办单位",
    "协办单位",
    "会办单位",
    "交办日期",
    "办结时间",
    "办结日期",
    "反馈时间",
    "责任领导",
    "督办领导",
];

/// Keys naming the reply's title.
const TITLE_KEYS: [&str; 7] = [
    "标题",
    "公文名称",
    "信息名称",
    "文件名称",
    "名称",
    "文件标题",
    "题名",
];
/// Keys naming the body that issued the reply.
const ISSUER_KEYS: [&str; 7] = [
    "发文机构",
    "发文机关",
    "发文单位",
    "发布机构",
    "发布机关",
    "发布单位",
    "制发机关",
];
/// Keys naming where the page comes from: the issuer when no issuing key is given.
const SOURCE_KEYS: [&str; 3] = ["来源", "信息来源", "文章来源"];
/// Keys naming the body that handled the proposal: the issuer when nothing better is known.
const HANDLER_KEYS: [&str; 2] = ["承办单位", "主办单位"];
const DOCUMENT_KEYS: [&str; 3] = ["发文字号", "文号", "发文编号"];
const WRITTEN_KEYS: [&str; 5] = ["成文日期", "成文时间", "发文日期", "生成日期", "印发日期"];
const PUBLISHED_KEYS: [&str; 8] = [
    "公开日期",
    "发布日期",
    "发布时间",
    "公开时间",
    "日期",
    "时间",
    "更新日期",
    "更新时间",
];
const REPEALED_KEYS: [&str; 2] = ["废止日期", "失效日期"];
const CATEGORY_KEYS: [&str; 4] = ["信息分类", "主题分类", "公开目录", "分类"];
const VALIDITY_KEYS: [&str; 4] = ["有效性", "是否有效", "时效性", "公文时效"];
const SUMMARY_KEYS: [&str; 2] = ["概述", "内容概述"];
/// Keys giving the proposal's number.
const NUMBER_KEYS: [&str; 6] = ["建议编号", "提案编号", "建议号", "提案号", "新编号", "编号"];
const SESSION_KEYS: [&str; 2] = ["会议届次", "届次"];

/// How a reply's title ends (spaces removed).
const TITLE_ENDS: [&str; 10] = [
    "答复",
    "复函",
    "的函",
    "答复摘要",
    "会办意见",
    "办理单",
    "回复",
    "答复意见",
    "复文",
    "答复书",
];

/// What the header gave.
#[derive(Debug, Default)]
pub struct Header {
    /// Every field as printed, in order, first printing wins.
    pub fields: Vec<MetaField>,
    /// Title lines, joined when split.
    pub title: Option<String>,
    /// A document-number line, or the number fused to the title.
    pub document_number: Option<String>,
    /// A result class, wherever the header writes it.
    pub result_class: Option<ResultClass>,
    /// A bare date line, or a date after another key's value (the page's publication date), as
    /// written.
    pub published: Option<String>,
    /// The issuer written in parentheses after the title (`…的答复(水利局)`).
    pub byline: Option<String>,
    /// A reply title quoted in a field's value (`办理复文:《…的答复》`), and the number after it.
    quoted: Option<(String, Option<String>)>,
    /// The agency in front of a title line, the first or a repeated one (`XX局关于…的答复`).
    agency: Option<String>,
    /// Field values that are prose (a summary record's 建议内容, 办理复文), as lines.
    pub prose: Vec<Line>,
    /// Lines not understood, as (line, text).
    pub unknown: Vec<(usize, String)>,
    /// Keys already added (first printing wins).
    seen: HashSet<String>,
    /// Index of the first line not understood, or whose keys name no field (`其中:…`, `培训:…`).
    first_loose: Option<usize>,
}

/// Characters that separate words on a line (ASCII and full-width spaces, no-break space).
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{3000}' | '\u{a0}')
}

/// A CJK ideograph.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '〇')
}

/// Marks left by a web page's layout that may stand right before a key (`1399次'时间:`, `【字体:`).
fn is_mark(c: char) -> bool {
    matches!(
        c,
        '\'' | '"' | '|' | '[' | ']' | '【' | '】' | '「' | '」' | '•' | '·' | ':' | '：'
    )
}

/// The line without a leading list bullet.
fn strip_bullet(text: &str) -> &str {
    text.trim_start_matches(['•', '·', '●', '▪', '◆', '■', '-', '*'])
        .trim_matches(is_space)
}

fn collect(chars: &[char], from: usize, to: usize) -> String {
    chars
        .get(from..to)
        .map_or_else(String::new, super::string_of)
}

/// A value without the marks of the page's widgets around it (`1399次'`, `1593 [`, `本站 【打印】【关闭】`).
fn clean_value(value: &str) -> String {
    let mut v = value.trim_matches(is_space);
    // Trailing widget buttons in brackets, after the value itself (a few: the work stays bounded).
    for _ in 0..6 {
        let Some(open) = v
            .strip_suffix(['】', ']'])
            .and_then(|s| s.rfind(['【', '[']).map(|i| (s, i)))
            .and_then(|(s, i)| {
                let inner = s.get(i..)?.trim_start_matches(['【', '[']);
                let before = s.get(..i)?.trim_matches(is_space);
                (!before.is_empty()
                    && inner.chars().count() <= 8
                    && !inner.chars().any(|c| c.is_ascii_digit()))
                .then_some(before)
            })
        else {
            break;
        };
        v = open;
    }
    let v = v
        .trim_matches(is_space)
        .trim_end_matches(['\'', '"', '|', '[', '【', '(', '（', '「'])
        .trim_start_matches([']', '】', '\'', '|'])
        .trim_matches(is_space);
    // A closing bracket left from a widget opened before the key: `[责任编辑:陈苏雅]`.
    let v = if v.contains(['[', '【']) {
        v
    } else {
        v.trim_end_matches([']', '】'])
    };
    v.trim_matches(is_space).to_owned()
}

/// A date written at the end of another key's value, the page's date: `编辑:张三 2017-09-26 08:22:25`
/// → (`张三`, the date).
fn trailing_date(value: &str) -> Option<(String, String)> {
    let spaces: Vec<usize> = value
        .char_indices()
        .filter(|(_, c)| is_space(*c))
        .map(|(i, _)| i)
        .collect();
    let spaced = spaces.iter().rev().take(2).find_map(|&i| {
        let (before, date) = (value.get(..i)?.trim_matches(is_space), value.get(i..)?);
        let date = date_line(date)?;
        (!before.is_empty() && date_line(before).is_none()).then(|| (before.to_owned(), date))
    });
    spaced.or_else(|| glued_date(value))
}

/// A date in digits glued to the Chinese value before it, as a page's extraction leaves it
/// (`来源:县政府办2022-08-11`): the value and the date, when the date is written with `-` or `/`.
fn glued_date(value: &str) -> Option<(String, String)> {
    let (i, _) = value.char_indices().rev().find(|&(i, c)| {
        c.is_ascii_digit()
            && value
                .get(..i)
                .and_then(|b| b.chars().last())
                .is_some_and(is_cjk)
    })?;
    let (before, tail) = (value.get(..i)?, value.get(i..)?);
    if !tail.contains(['-', '/']) {
        return None;
    }
    let date = date_line(tail)?;
    Some((before.to_owned(), date))
}

/// A key found on a line: where it starts, where its value starts, the key without spaces.
struct KeyAt {
    start: usize,
    value_start: usize,
    key: String,
}

/// Where the key ending at `end` (exclusive) starts: a run of CJK characters, possibly ending in a
/// parenthesised part, or single characters padded with spaces.
fn key_start(chars: &[char], end: usize) -> Option<usize> {
    let at = |i: usize| chars.get(i).copied();
    let mut s = end;
    // A trailing parenthesised part: `建议内容(摘要)`.
    if matches!(at(s.checked_sub(1)?), Some(')' | '）')) {
        let close = s - 1;
        let mut k = close;
        while k > 0 && at(k - 1).is_some_and(is_cjk) && close - k < 6 {
            k -= 1;
        }
        if k == close || !matches!(at(k.checked_sub(1)?), Some('(' | '（')) {
            return None;
        }
        s = k - 1;
    }
    let core_end = s;
    while s > 0 && at(s - 1).is_some_and(is_cjk) && core_end - s < 12 {
        s -= 1;
    }
    // An empty run, or one cut by the length limit (a sentence, not a key).
    if s == core_end || s > 0 && at(s - 1).is_some_and(is_cjk) {
        return None;
    }
    if core_end - s == 1 {
        // Single characters padded with spaces: `索 引 号`, `事    由`.
        let mut p = s;
        for _ in 0..3 {
            let mut q = p;
            while q > 0 && at(q - 1).is_some_and(is_space) {
                q -= 1;
            }
            if q == p
                || q == 0
                || !at(q - 1).is_some_and(is_cjk)
                || q >= 2 && at(q - 2).is_some_and(is_cjk)
            {
                break;
            }
            p = q - 1;
        }
        s = p;
    }
    Some(s)
}

/// Is this run of characters a key rather than the end of a sentence or a salutation?
fn is_key_shape(key: &str) -> bool {
    let n = key.chars().count();
    (2..=14).contains(&n)
        && !key.ends_with("如下")
        && !key.starts_with("关于")
        && (KEYS.contains(&key) || !["代表", "委员", "同志"].iter().any(|s| key.ends_with(s)))
}

/// Keys followed by a colon, in order.
fn colon_keys(chars: &[char]) -> Vec<KeyAt> {
    let mut out: Vec<KeyAt> = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        if !is_colon(*c) {
            continue;
        }
        let mut end = i;
        while end > 0 && chars.get(end - 1).copied().is_some_and(is_space) {
            end -= 1;
        }
        let Some(start) = key_start(chars, end) else {
            continue;
        };
        let bounded = start == 0
            || chars
                .get(start - 1)
                .copied()
                .is_some_and(|b| is_space(b) || is_mark(b));
        let key = normalize_key(&collect(chars, start, end));
        if !bounded || !is_key_shape(&key) || out.last().is_some_and(|p| start < p.value_start) {
            continue;
        }
        out.push(KeyAt {
            start,
            value_start: i + 1,
            key,
        });
    }
    out
}

/// The longest known key written at `p` (spaces allowed between its characters), and where it ends.
fn known_key_at(chars: &[char], p: usize) -> Option<(usize, &'static str)> {
    let mut best: Option<(usize, &'static str)> = None;
    for key in KEYS {
        let mut q = p;
        let mut matched = true;
        for (n, kc) in key.chars().enumerate() {
            if n > 0 {
                while chars.get(q).copied().is_some_and(is_space) {
                    q += 1;
                }
            }
            if chars.get(q) == Some(&kc) {
                q += 1;
            } else {
                matched = false;
                break;
            }
        }
        if matched && best.is_none_or(|(_, b)| b.chars().count() < key.chars().count()) {
            best = Some((q, key));
        }
    }
    best
}

/// Known keys separated from their values by spaces, when the line starts with one.
fn spaced_keys(chars: &[char]) -> Vec<KeyAt> {
    let mut out = Vec::new();
    let mut p = 0;
    while p < chars.len() {
        let after_space = p == 0 || chars.get(p - 1).copied().is_some_and(is_space);
        if after_space && chars.get(p).copied().is_some_and(is_cjk) {
            if let Some((end, key)) = known_key_at(chars, p).filter(|(end, _)| {
                *end == chars.len() || chars.get(*end).copied().is_some_and(is_space)
            }) {
                out.push(KeyAt {
                    start: p,
                    value_start: end,
                    key: key.to_owned(),
                });
                p = end;
                continue;
            }
        }
        if out.is_empty() {
            // The line does not start with a known key.
            break;
        }
        p += 1;
    }
    out
}

/// A line (or cell) cut into the free text before its first key and its key/value pairs.
struct Segment {
    free: String,
    pairs: Vec<(String, String)>,
}

fn segment(text: &str) -> Segment {
    let chars: Vec<char> = text.chars().collect();
    let mut keys = colon_keys(&chars);
    if keys.is_empty() {
        keys = spaced_keys(&chars);
    }
    let first = keys.first().map_or(chars.len(), |k| k.start);
    let pairs = keys
        .iter()
        .enumerate()
        .map(|(n, k)| {
            let end = keys.get(n + 1).map_or(chars.len(), |next| next.start);
            (
                k.key.clone(),
                clean_value(&collect(&chars, k.value_start, end)),
            )
        })
        .collect();
    Segment {
        free: collect(&chars, 0, first).trim_matches(is_space).to_owned(),
        pairs,
    }
}

/// Is this a key (with its colon or a known key) and nothing else?
fn is_key_line(text: &str) -> bool {
    // The keys of `segment` alone, without cutting out their values.
    let chars: Vec<char> = text.chars().collect();
    !colon_keys(&chars).is_empty() || !spaced_keys(&chars).is_empty()
}

/// A result class as written alone: `A类`, `(B)类`, `【C类】`, `甲类`, `A`, or followed by what it
/// means in parentheses (`A类(已解决或采纳)`). A `类` with no letter is an empty slot, no class.
fn class_of(text: &str) -> Option<ResultClass> {
    let t: String = text.chars().filter(|c| !is_space(*c)).collect();
    let t = t.trim_start_matches(['(', '（', '【', '[']);
    let mut chars = t.chars();
    let class = match chars.next()? {
        'A' | '甲' => ResultClass::A,
        'B' | '乙' => ResultClass::B,
        'C' | '丙' => ResultClass::C,
        _ => return None,
    };
    let rest = chars.as_str().trim_start_matches([')', '）', '】', ']']);
    let (named, rest) = rest.strip_prefix('类').map_or((false, rest), |r| (true, r));
    let rest = rest.trim_start_matches([')', '）', '】', ']']);
    (rest.is_empty() || named && rest.starts_with(['(', '（'])).then_some(class)
}

fn is_year_open(c: char) -> bool {
    matches!(c, '〔' | '[' | '【' | '(' | '（' | '［')
}

fn is_year_close(c: char) -> bool {
    matches!(c, '〕' | ']' | '】' | ')' | '）' | '］')
}

/// A document number at the start of `text` and what follows it: an agency prefix of at most 12 CJK
/// characters, the year in brackets, `第`, the number (digits, or a few characters: `来信`), `号`; or,
/// its brackets lost, a prefix ending in 字 函 发 复 办 followed by the year and the number.
fn leading_document_number(text: &str) -> Option<(String, String)> {
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let digit = |i: usize| at(i).is_some_and(|c| c.is_ascii_digit());
    let b = chars.iter().position(|c| !is_cjk(*c))?;
    if b > 12 {
        return None;
    }
    let rest_from = |i: usize| collect(&chars, i, chars.len());
    // Spaces may stand around the bracketed year: `湘教提复字 〔2019〕 12 号`.
    let spaces = |mut i: usize| {
        while at(i).is_some_and(is_space) {
            i += 1;
        }
        i
    };
    let o = spaces(b);
    if at(o).is_some_and(is_year_open)
        && (1..=4).all(|k| digit(o + k))
        && at(o + 5).is_some_and(is_year_close)
    {
        let mut p = spaces(o + 6);
        if at(p) == Some('第') {
            p += 1;
        }
        let digits_from = p;
        while digit(p) {
            p += 1;
        }
        if p == digits_from {
            while p < digits_from + 8 && at(p).is_some_and(|c| is_cjk(c) && c != '号') {
                p += 1;
            }
            // The year written first, the agency's word after it: `[2016]洞政复函 3号`.
            let q = spaces(p);
            let mut r = q;
            while digit(r) {
                r += 1;
            }
            if r > q {
                p = r;
            } else if p > digits_from + 4 {
                return None;
            }
        }
        if p == digits_from {
            return None;
        }
        p = spaces(p);
        if at(p) != Some('号') {
            return None;
        }
        return Some((collect(&chars, 0, p + 1), rest_from(p + 1)));
    }
    // Brackets lost: `阿市文体广旅字202252`.
    let prefix = collect(&chars, 0, b);
    let year = collect(&chars, b, b + 4);
    if b >= 2
        && prefix.ends_with(['字', '函', '发', '复', '办'])
        && (year.starts_with("19") || year.starts_with("20"))
        && (0..4).all(|k| digit(b + k))
    {
        let mut p = b + 4;
        while digit(p) && p < b + 8 {
            p += 1;
        }
        if p == b + 4 {
            return None;
        }
        if at(p) == Some('号') {
            p += 1;
        }
        if at(p).is_none_or(is_space) {
            return Some((collect(&chars, 0, p), rest_from(p)));
        }
    }
    None
}

/// Is the whole text a document number?
fn is_document_number(text: &str) -> bool {
    leading_document_number(text.trim()).is_some_and(|(_, rest)| rest.trim().is_empty())
}

/// A title as found on a line.
struct Title {
    text: String,
    document_number: Option<String>,
    byline: Option<String>,
}

/// Does this name an agency (`…局`, `…委员会`, `…人民政府`)?
fn is_agency(text: &str) -> bool {
    let n = text.chars().count();
    (2..=30).contains(&n)
        && text.chars().all(is_cjk)
        && text.ends_with([
            '局', '厅', '委', '部', '办', '室', '会', '府', '院', '署', '处', '所', '站', '心',
            '司', '馆', '队', '社', '镇', '乡', '团',
        ])
}

/// A trailing bracketed document number: `…的答复[浙交建〔2018〕101号]` → (`…的答复`, the number).
fn trailing_document_number(text: &str) -> Option<(String, String)> {
    let close = text.chars().last()?;
    let open = match close {
        ']' => '[',
        '】' => '【',
        ')' => '(',
        '）' => '（',
        '］' => '［',
        _ => return None,
    };
    let inner_end = text.len() - close.len_utf8();
    text.char_indices()
        .filter(|(_, c)| *c == open)
        .find_map(|(i, _)| {
            let inner = text.get(i + open.len_utf8()..inner_end)?.trim();
            is_document_number(inner).then(|| {
                (
                    text.get(..i).unwrap_or("").trim_end().to_owned(),
                    inner.to_owned(),
                )
            })
        })
}

/// A reply title on one line, with the document number or the issuer written after it; a site's name
/// after `_` or ` - ` is left out.
fn title_of(text: &str) -> Option<Title> {
    let t = text.trim_matches(is_space);
    if t.contains('。') || t.chars().count() > 160 || t.starts_with(['您', '你']) {
        return None;
    }
    // A page title carrying the site's name: `…的答复_某市人民政府`, `…的答复 - 某县政府网`.
    if let Some(title) = [" - ", "_", "－", " — ", " | "].iter().find_map(|sep| {
        let (before, site) = t.rsplit_once(sep)?;
        let site = site.trim_matches(is_space);
        (!site.is_empty() && site.chars().count() <= 30 && site.chars().all(is_cjk))
            .then(|| title_of(before))
            .flatten()
    }) {
        return Some(title);
    }
    if t.chars().count() > 120 {
        return None;
    }
    let (core, document_number) =
        trailing_document_number(t).map_or((t.to_owned(), None), |(c, d)| (c, Some(d)));
    // The issuer in parentheses after the title: `…的答复(水利局)`.
    let byline = core
        .strip_suffix([')', '）'])
        .and_then(|s| s.rfind(['(', '（']).map(|i| (s, i)))
        .and_then(|(s, i)| {
            let name = s.get(i..)?.trim_start_matches(['(', '（']);
            is_agency(name).then(|| (s.get(..i).unwrap_or("").to_owned(), name.to_owned()))
        });
    let words = byline.as_ref().map_or(core.as_str(), |(w, _)| w.as_str());
    let squeezed: String = words.chars().filter(|c| !is_space(*c)).collect();
    // A reply's title names what it answers (关于…, 对…, 第N号, 《…》, …会议); a column's name
    // (`建议提案答复`) or a breadcrumb (`首页 > … > 建议答复`) does not.
    let names_what = ["关于", "对", "号", "《", "“", "会议"]
        .iter()
        .any(|w| squeezed.contains(w));
    (squeezed.chars().count() >= 6
        && names_what
        && !squeezed.contains(['>', '»', '＞'])
        && TITLE_ENDS.iter().any(|e| squeezed.ends_with(e)))
    .then(|| Title {
        text: core.trim_matches(is_space).to_owned(),
        document_number,
        byline: byline.map(|(_, b)| b),
    })
}

/// `2019-08-26`, `2019-8-26`, `2019/8/26`, `2019.08.26`, `2019年8月26日` → that day.
fn day_of(text: &str) -> Option<Point> {
    let t = text.trim().trim_end_matches('日');
    let parts: Vec<&str> = t.split(['-', '/', '.', '年', '月']).collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    let digits = |p: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    if !(digits(y, 4..=4) && digits(m, 1..=2) && digits(d, 1..=2)) {
        return None;
    }
    Point::Day(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
        .checked()
        .ok()
}

/// `14:43:43`, `09:44`, `0:0` → hours, minutes, seconds.
fn clock(text: &str) -> Option<(u8, u8, u8)> {
    let parts: Vec<&str> = text.split(':').collect();
    if !(2..=3).contains(&parts.len())
        || !parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n = |i: usize| parts.get(i).and_then(|p| p.parse().ok()).unwrap_or(0);
    Some((n(0), n(1), n(2)))
}

/// A day and its clock time when one is written (midnight is the day itself).
fn moment(text: &str) -> Option<Point> {
    let t = text.trim_matches(is_space);
    let (date, time) = t.split_once(' ').map_or((t, ""), |(d, r)| (d, r.trim()));
    let day = day_of(date)?;
    match (day, clock(time)) {
        (Point::Day(y, m, d), Some((h, mi, s))) if (h, mi, s) != (0, 0, 0) => {
            Point::Moment(y, m, d, h, mi, s)
                .checked()
                .ok()
                .or(Some(day))
        }
        _ => Some(day),
    }
}

/// A date line with or without its clock time (`2018-07-11 09:01`, `2025年07月16日`), as written.
fn date_line(text: &str) -> Option<String> {
    let t = text.trim_matches(is_space);
    let time = t.split_once(' ').map_or("", |(_, r)| r.trim());
    (moment(t).is_some() && (time.is_empty() || clock(time).is_some())).then(|| t.to_owned())
}

/// A fragment of a split title: a short line with no key, number, date, sentence end or widget
/// brackets (`【打印】`).
fn is_fragment(text: &str) -> bool {
    !text.is_empty()
        && text.chars().count() <= 60
        && !text.contains(['|', '。', '【', '】', '[', ']'])
        && !is_key_line(text)
        && class_of(text).is_none()
        && leading_document_number(text).is_none()
        && date_line(text).is_none()
}

/// `答 复` → `答复`: single characters spaced out are one word.
fn unspaced(text: &str) -> String {
    let words: Vec<&str> = text.split(is_space).filter(|w| !w.is_empty()).collect();
    if words.len() > 1 && words.iter().all(|w| w.chars().count() == 1) {
        words.concat()
    } else {
        text.to_owned()
    }
}

/// A title split over the lines from `i` (up to three): the title and the lines it takes
/// (`教育部对十二届全国人大五次会议` / `第7508号建议的答复`; `…提案的` / `答 复`). A line that is a title of
/// its own, starting like one (关于, 对, an agency then 关于 or 对), is joined only to an agency line
/// before it (`宁陕县交通局` / `对…的复函`).
fn split_title(lines: &[Line], i: usize) -> Option<(Title, usize)> {
    let mut joined = String::new();
    for k in 0..3 {
        let text = unspaced(strip_bullet(&lines.get(i + k)?.text));
        // A line that starts a title of its own is joined only to an agency line before it.
        let starts_title =
            text.starts_with("关于") || text.starts_with('对') || title_agency(&text).is_some();
        if !is_fragment(&text)
            || k == 1 && starts_title && title_of(&text).is_some() && !is_agency(&joined)
        {
            return None;
        }
        joined.push_str(&text);
        if k > 0 {
            if let Some(t) = title_of(&joined) {
                return Some((t, k + 1));
            }
        }
    }
    None
}

/// Does the key name the reply's title?
fn names_title(key: &str) -> bool {
    ["名称", "标题", "题目", "题名"]
        .iter()
        .any(|e| key.ends_with(e))
}

fn is_date_key(key: &str) -> bool {
    key.ends_with("日期") || key.ends_with("时间")
}

fn is_counter(key: &str) -> bool {
    ["浏览", "点击", "阅读", "访问", "次数"]
        .iter()
        .any(|w| key.contains(w))
}

fn is_class_key(key: &str) -> bool {
    key.contains('类') || key.contains("结果")
}

/// A page widget, not a field: font size, print, share, close, the breadcrumb (`当前位置`).
fn is_widget(key: &str) -> bool {
    ["打印", "分享", "关闭", "收藏"]
        .iter()
        .any(|w| key.contains(w))
        || key.ends_with("字体")
        || key.ends_with("大小")
        || key.ends_with("位置")
        || key == "字号"
}

/// The value of a key printed alone on line `i - 1`: line `i`, when it can be one.
fn value_below(key: &str, lines: &[Line], i: usize) -> Option<String> {
    let text = strip_bullet(&lines.get(i)?.text);
    let refused = text.is_empty()
        || text.contains('|')
        || is_key_line(text)
        || !names_title(key) && (title_of(text).is_some() || split_title(lines, i).is_some())
        || is_date_key(key) && !text.starts_with(|c: char| c.is_ascii_digit())
        || is_counter(key) && !text.chars().any(|c| c.is_ascii_digit())
        || !is_class_key(key) && class_of(text).is_some()
        || !is_date_key(key) && date_line(text).is_some()
        || !key.contains(['号', '文']) && is_document_number(text);
    (!refused).then(|| text.to_owned())
}

impl Header {
    fn add(&mut self, line: usize, key: &str, value: &str) {
        let key = normalize_key(key);
        if key.is_empty() || is_widget(&key) || self.seen.contains(&key) {
            return;
        }
        let mut value = clean_value(value);
        if !is_date_key(&key) {
            if let Some((before, date)) = trailing_date(&value) {
                value = before;
                self.published.get_or_insert(date);
            }
        }
        if is_counter(&key) && !value.chars().any(|c| c.is_ascii_digit()) {
            value.clear();
        }
        if is_class_key(&key) {
            // The class alone, or in parentheses after what it means: `已解决(A类)`.
            let last = value.rfind(['(', '（']).and_then(|i| value.get(i..));
            if let Some(c) = class_of(&value).or_else(|| last.and_then(class_of)) {
                self.result_class.get_or_insert(c);
            }
        }
        if self.quoted.is_none() {
            self.quoted = quoted_title(&value);
        }
        if value.contains('。') {
            self.prose.push(Line {
                number: line,
                text: value.clone(),
            });
        }
        self.seen.insert(key.clone());
        self.fields.push(MetaField { key, value });
    }

    fn set_title(&mut self, t: Title) {
        if self.agency.is_none() {
            self.agency = title_agency(&t.text);
        }
        if self.title.is_none() {
            self.title = Some(t.text);
        }
        if self.document_number.is_none() {
            self.document_number = t.document_number;
        }
        if self.byline.is_none() {
            self.byline = t.byline;
        }
    }

    /// Reads free text (no key): a class, a document number, a title, a date. False when it is none
    /// of these.
    fn read_free(&mut self, text: &str) -> bool {
        let t = text.trim_matches(is_space);
        if !t.chars().any(|c| is_cjk(c) || c.is_ascii_alphanumeric()) {
            // Only the marks of the page's widgets: `【`, `[ ]`.
            return true;
        }
        if let Some(c) = class_of(t) {
            self.result_class.get_or_insert(c);
            return true;
        }
        if let Some(title) = title_of(t) {
            // A document number fused in front: `屯教〔2021〕122号屯昌县教育局关于…的答复`.
            if let Some((number, rest)) = leading_document_number(t) {
                if let Some(rest) = title_of(&rest) {
                    self.document_number.get_or_insert(number);
                    self.set_title(rest);
                    return true;
                }
            }
            self.set_title(title);
            return true;
        }
        if let Some((number, rest)) = leading_document_number(t) {
            self.document_number.get_or_insert(number);
            // A class written after the number: `…来信号B类`, `…19号 类 同意公开` (an empty slot).
            if let Some(c) = rest
                .split(is_space)
                .find(|w| !w.is_empty())
                .and_then(class_of)
            {
                self.result_class.get_or_insert(c);
            }
            return true;
        }
        if let Some(date) = date_line(t) {
            self.published.get_or_insert(date);
            return true;
        }
        false
    }

    fn not_understood(&mut self, index: usize, line: &Line) {
        self.first_loose.get_or_insert(index);
        self.unknown.push((line.number, line.text.clone()));
    }

    /// One pipe-table line: cells read in order, a key cell taking the next cell as its value.
    fn read_row(&mut self, line: &Line, text: &str) -> bool {
        let cells: Vec<&str> = text
            .trim_matches('|')
            .split('|')
            .map(|c| strip_bullet(c.trim()))
            .collect();
        let mut understood = false;
        let mut c = 0;
        while let Some(cell) = cells.get(c) {
            c += 1;
            if cell.is_empty() {
                continue;
            }
            let seg = segment(cell);
            if !seg.free.is_empty() && self.read_free(&seg.free) {
                understood = true;
            }
            let count = seg.pairs.len();
            for (n, (key, value)) in seg.pairs.into_iter().enumerate() {
                let value = match cells.get(c) {
                    Some(next)
                        if value.is_empty()
                            && n + 1 == count
                            && !next.is_empty()
                            && !is_key_line(next) =>
                    {
                        c += 1;
                        (*next).to_owned()
                    }
                    _ => value,
                };
                self.add(line.number, &key, &value);
                understood = true;
            }
        }
        understood
    }
}

/// A reply title quoted at the start of a value, and a document number in brackets right after it:
/// `《…的答复》(泸交函〔2020〕18号)…`.
fn quoted_title(value: &str) -> Option<(String, Option<String>)> {
    let rest = value.strip_prefix('《')?;
    let (inner, after) = rest.split_once('》')?;
    title_of(inner)?;
    let after = after.trim_start();
    let number = after
        .strip_prefix(['(', '（', '[', '【'])
        .and_then(|a| a.split_once([')', '）', ']', '】']))
        .map(|(n, _)| n.trim())
        .filter(|n| is_document_number(n))
        .map(str::to_owned);
    Some((inner.trim().to_owned(), number))
}

impl Header {
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
        let validity = self.first(&VALIDITY_KEYS).map(|v| {
            // Valid unless the value says otherwise: 有效, 现行, 是 are all in force.
            if v.contains('失') || v.contains('无') || v.contains('否') || v.contains("废止") {
                Validity::Invalid
            } else {
                Validity::Valid
            }
        });
        let quoted = self.quoted.clone();
        Meta {
            title: self
                .title
                .clone()
                .or_else(|| self.first(&TITLE_KEYS))
                .or_else(|| quoted.as_ref().map(|(t, _)| t.clone()))
                .unwrap_or_default(),
            index_number: self.get("索引号"),
            document_number: self
                .first(&DOCUMENT_KEYS)
                .or_else(|| self.document_number.clone())
                .or_else(|| quoted.and_then(|(_, n)| n)),
            issuer: self
                .first(&ISSUER_KEYS)
                .or_else(|| self.byline.clone())
                .or_else(|| self.first(&SOURCE_KEYS)),
            category: self.first(&CATEGORY_KEYS),
            summary: self.first(&SUMMARY_KEYS),
            written: self.first(&WRITTEN_KEYS).and_then(|v| meta_date(&v)),
            published: self
                .first(&PUBLISHED_KEYS)
                .or_else(|| self.published.clone())
                .and_then(|v| meta_date(&v)),
            repealed: self.first(&REPEALED_KEYS).and_then(|v| meta_date(&v)),
            validity,
            fields: self.fields.clone(),
        }
    }

    /// The issuer when neither the header's keys nor a signature name one: the agency in front of
    /// the title (`XX局关于…的答复`) or of a title line printed again below it (a letterhead:
    /// `杨陵区民政局` / `关于…的复函`), else the body that handled the proposal (承办单位).
    pub fn named_issuer(&self, title: &str) -> Option<String> {
        title_agency(title)
            .or_else(|| self.agency.clone())
            .or_else(|| self.first(&HANDLER_KEYS))
    }

    /// What the header says about the proposal answered.
    pub fn about_proposal(&self) -> FromHeader {
        FromHeader {
            number: self.first(&NUMBER_KEYS).and_then(|n| proposal_number(&n)),
            session: self.first(&SESSION_KEYS),
            result_class: self.result_class,
        }
    }
}

/// `第23号`, `201号` → the number as written.
fn proposal_number(value: &str) -> Option<String> {
    let n = value
        .trim()
        .trim_start_matches('第')
        .trim_end_matches('号')
        .trim();
    (!n.is_empty()
        && n.chars().count() <= 10
        && n.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-'))
    .then(|| n.to_owned())
}

/// The agency in front of a title: `教育部对…`, `宜良县交通运输局 关于…`.
fn title_agency(title: &str) -> Option<String> {
    ["关于", "对"].iter().find_map(|w| {
        let at = title.find(w)?;
        let name = title.get(..at)?.trim_matches(is_space);
        is_agency(name).then(|| name.to_owned())
    })
}

/// A meta date such as `2024-07-01 17:57:30`, `2021-07-05 09:44`, `2021-09-24`, `2019/8/26` or
/// `2021年9月24日`.
pub(super) fn meta_date(value: &str) -> Option<DateRef> {
    let v = value.trim();
    let date = v.split_once(' ').map_or(v, |(d, _)| d);
    let point = moment(v)
        .or_else(|| whole_date(date).and_then(|d| d.when().start()))
        .or_else(|| whole_date(v).and_then(|d| d.when().start()))?;
    DateRef::new(v, When::On(point)).ok()
}

/// Reads header lines (everything before the addressee or opening).
pub fn parse(lines: &[Line]) -> Header {
    let mut h = Header::default();
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        let index = i;
        i += 1;
        let text = strip_bullet(&line.text);
        if text.contains('|') {
            if !h.read_row(line, text) {
                h.not_understood(index, line);
            }
            continue;
        }
        let seg = segment(text);
        if seg.pairs.is_empty() {
            if h.read_free(text) {
                continue;
            }
            if let Some((title, used)) = split_title(lines, index) {
                h.set_title(title);
                i = index + used;
                continue;
            }
            h.not_understood(index, line);
            continue;
        }
        if !seg.pairs.iter().any(|(k, _)| is_field_key(k)) {
            h.first_loose.get_or_insert(index);
        }
        if !seg.free.is_empty() {
            // Residue before the first key (widget marks) is left out silently.
            h.read_free(&seg.free);
        }
        let alone = seg.free.is_empty() && seg.pairs.len() == 1;
        for (key, value) in seg.pairs {
            let value = if alone && value.is_empty() {
                value_below(&key, lines, i)
                    .inspect(|_| i += 1)
                    .unwrap_or(value)
            } else {
                value
            };
            h.add(line.number, &key, &value);
        }
    }
    h
}

/// How many of the first lines are header lines, when nothing (no addressee, no opening) says where
/// the header ends: the lines up to the first one the header grammar does not understand, or whose
/// keys name no field ([`is_field_key`]): a body line with a label (`其中:中央财政资金500万元`) is not
/// a field. `header` is the grammar's reading of `lines` ([`parse`]), made once for this and, when the
/// header is every line, for the header itself.
pub fn extent_of(header: &Header, lines: &[Line]) -> usize {
    header.first_loose.unwrap_or(lines.len())
}

/// What the key of a field looks like: a known key, or a noun that names a field (…单位, …方式,
/// …时间, …结果, …情况 …), a parenthesised part (`(摘要)`) aside.
fn is_field_key(key: &str) -> bool {
    let core = key
        .strip_suffix([')', '）'])
        .and_then(|k| k.rfind(['(', '（']).and_then(|i| k.get(..i)))
        .unwrap_or(key);
    KEYS.contains(&core)
        || [
            "单位", "方式", "时间", "日期", "结果", "情况", "领导", "标题", "题目", "内容", "名称",
            "编号", "类别", "复文", "姓名",
        ]
        .iter()
        .any(|t| core.ends_with(t))
}
