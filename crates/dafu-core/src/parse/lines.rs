//! The text as numbered, trimmed, non-empty lines (CRLF, CR and LF all end a line).

/// One non-empty line of the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number in the input.
    pub number: usize,
    /// The line without surrounding spaces (ASCII, full-width U+3000, no-break U+00A0, BOM).
    pub text: String,
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{3000}' | '\u{a0}' | '\u{feff}' | '\u{200b}')
}

/// Splits and trims; lines that are empty, or only table pipes and dashes, are dropped. A reply
/// flattened onto one line is cut where its parts meet: after an addressee (`…委员:`), after the
/// opening (`…答复如下:`), and before a closing (`。感谢…`); the pieces keep their line number.
pub fn lines(text: &str) -> Vec<Line> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.split('\n')
        .enumerate()
        .flat_map(|(i, l)| {
            split_flattened(l.trim_matches(is_space))
                .into_iter()
                .map(move |t| Line {
                    number: i + 1,
                    text: t,
                })
        })
        .filter(|l| {
            !l.text
                .chars()
                .all(|c| matches!(c, '|' | '-' | ':' | ' ') || is_space(c))
        })
        .collect()
}

fn split_flattened(line: &str) -> Vec<String> {
    // Every cut below follows a colon or a `。`: a line without one is never cut.
    if !line.contains([':', '：', '。']) {
        return vec![line.to_owned()];
    }
    let mut out = Vec::new();
    let mut rest = line.to_owned();
    // Moves `rest` up to byte `end` into `out`; `rest` keeps what follows.
    let mut cut = |rest: &mut String, end: usize, trim: bool| {
        out.push(rest.get(..end).unwrap_or("").to_owned());
        let tail = rest.get(end..).unwrap_or("");
        *rest = if trim {
            tail.trim_matches(is_space)
        } else {
            tail
        }
        .to_owned();
    };
    // An addressee at the start: at most 20 characters ending 委员/代表/同志 and a colon.
    for suffix in ["委员:", "委员：", "代表:", "代表：", "同志:", "同志："] {
        let Some(end) = rest.find(suffix).map(|i| i + suffix.len()) else {
            continue;
        };
        let head = rest.get(..end).unwrap_or("");
        // "人大代表:孙七" is a labelled header record, not an addressee.
        let is_header_key = super::header::KEYS.contains(&normalize_key(head).as_str());
        if head.chars().count() <= 20
            && end < rest.len()
            && !head.contains(['。', '|'])
            && !is_header_key
        {
            cut(&mut rest, end, true);
            break;
        }
    }
    if let Some(end) = ["答复如下:", "答复如下：", "答复如下。"]
        .iter()
        .find_map(|o| rest.find(o).map(|i| i + o.len()))
    {
        if end < rest.len() {
            cut(&mut rest, end, true);
        }
    }
    if let Some(i) = rest.find("。感谢").filter(|i| *i > 0) {
        cut(&mut rest, i + '。'.len_utf8(), false);
    }
    out.push(rest);
    out
}

/// Characters that can stand between a key and its value.
pub fn is_colon(c: char) -> bool {
    matches!(c, ':' | '：')
}

/// Removes all spaces from a key (`索  引  号` → `索引号`) and a trailing colon.
pub fn normalize_key(key: &str) -> String {
    key.chars()
        .filter(|c| !is_space(*c) && !is_colon(*c))
        .collect()
}
