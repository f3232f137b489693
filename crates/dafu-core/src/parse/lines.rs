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
/// flattened onto one line is cut where its parts meet: before and after an addressee (`…委员:`,
/// also after header residue and a space), after the opening (`…答复如下:`), before a closing
/// (`。感谢…`); after such an opening, also after each `。` followed by a space (a paragraph) and, in
/// the closing, before a date or a `key:` part after a space (the signature); the pieces keep their
/// line number.
pub fn lines(text: &str) -> Vec<Line> {
    // Most texts have no CR: they are split as they are, without a copy.
    let text = if text.contains('\r') {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let mut out = Vec::new();
    let mut keep = |number: usize, text: String| {
        if !text
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ') || is_space(c))
        {
            out.push(Line { number, text });
        }
    };
    for (i, l) in text.split('\n').enumerate() {
        let l = l.trim_matches(is_space);
        if may_be_flattened(l) {
            split_flattened(l, &mut |t| keep(i + 1, t));
        } else {
            keep(i + 1, l.to_owned());
        }
    }
    out
}

/// Every cut of [`split_flattened`] follows a colon or a `。`: a line without one is never cut. (One
/// at a time, and a wide character as a string: a search for any of several characters decodes
/// every character, and one for a wide character stops at every byte like its last.)
fn may_be_flattened(line: &str) -> bool {
    line.contains(':') || line.contains("：") || line.contains("。")
}

/// Cuts a line that [`may_be_flattened`] into its parts, given to `out` in order.
fn split_flattened(line: &str, out: &mut impl FnMut(String)) {
    let colon = line.contains(':') || line.contains("：");
    let mut rest = line;
    // Moves `rest` up to byte `end` into `out`; `rest` keeps what follows.
    let mut cut = |rest: &mut &str, end: usize, trim: bool| {
        out(rest.get(..end).unwrap_or("").to_owned());
        let tail = rest.get(end..).unwrap_or("");
        *rest = if trim {
            tail.trim_matches(is_space)
        } else {
            tail
        };
    };
    // An addressee at the start: at most 20 characters ending 委员/代表/同志 and a colon; or such a
    // word after header residue and a space (`沭财复字〔2022〕4号 签发人:庞佃宝 尊敬的…等代表:`).
    // Every suffix ends in a colon: a line without one needs no search.
    let suffixes: &[&str] = if colon {
        &["委员:", "委员：", "代表:", "代表：", "同志:", "同志："]
    } else {
        &[]
    };
    for suffix in suffixes {
        let Some(end) = super::find_word(rest, suffix).map(|i| i + suffix.len()) else {
            continue;
        };
        let head = rest.get(..end).unwrap_or("");
        // "人大代表:孙七" is a labelled header record, not an addressee.
        let is_header_key = super::header::KEYS.contains(&normalize_key(head).as_str());
        if end >= rest.len() || head.contains(['。', '|']) || is_header_key {
            continue;
        }
        if head.chars().count() <= 20 {
            cut(&mut rest, end, true);
            break;
        }
        let word = head
            .char_indices()
            .rfind(|(_, c)| is_space(*c))
            .map(|(i, c)| (i, i + c.len_utf8()));
        if let Some((space, start)) = word {
            let addressee = head.get(start..).unwrap_or("").chars().count();
            let front = !head
                .get(..space)
                .unwrap_or("")
                .trim_matches(is_space)
                .is_empty();
            if front && (2..=20).contains(&addressee) {
                let len = end - start;
                cut(&mut rest, space, true);
                cut(&mut rest, len, true);
                break;
            }
        }
    }
    let mut flattened = false;
    if let Some(end) = (super::find_word(rest, "答复如下").is_some())
        .then_some(["答复如下:", "答复如下：", "答复如下。"])
        .into_iter()
        .flatten()
        .find_map(|o| rest.find(o).map(|i| i + o.len()))
    {
        if end < rest.len() {
            cut(&mut rest, end, true);
            flattened = true;
        }
    }
    // The closing: `。感谢`, spaces allowed between.
    let closing = rest.match_indices('。').find_map(|(i, _)| {
        let end = i + '。'.len_utf8();
        let after = rest.get(end..)?.trim_start_matches(is_space);
        (i > 0 && after.starts_with("感谢")).then_some(end)
    });
    let (body, closing) = match closing {
        Some(end) => (
            rest.get(..end).unwrap_or(""),
            Some(rest.get(end..).unwrap_or("").trim_matches(is_space)),
        ),
        None => (rest, None),
    };
    if flattened {
        // The flattening turned paragraph breaks into spaces: `。` and a space end a paragraph, and in
        // the closing a space before a date or a `key:` line starts the signature's next part.
        pieces(body, |prev, _| prev == Some('。'))
            .into_iter()
            .for_each(&mut *out);
        if let Some(closing) = closing {
            pieces(closing, |_, next| {
                next.starts_with(|c: char| c.is_ascii_digit())
                    || next
                        .chars()
                        .take(16)
                        .take_while(|c| !is_space(*c))
                        .any(|c| matches!(c, ':' | '：'))
            })
            .into_iter()
            .for_each(&mut *out);
        }
    } else {
        out(body.to_owned());
        closing.map(str::to_owned).into_iter().for_each(out);
    }
}

/// Cuts `text` at the runs of spaces where `cuts(the character before, the text after)` holds.
fn pieces(text: &str, cuts: impl Fn(Option<char>, &str) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if is_space(c) && !prev.is_some_and(is_space) {
            let mut end = i + c.len_utf8();
            while let Some((j, d)) = iter.peek().copied().filter(|(_, d)| is_space(*d)) {
                end = j + d.len_utf8();
                iter.next();
            }
            let after = text.get(end..).unwrap_or("");
            if !after.is_empty() && cuts(prev, after) {
                out.push(text.get(start..i).unwrap_or("").to_owned());
                start = end;
            }
            prev = Some(' ');
            continue;
        }
        prev = Some(c);
    }
    out.push(text.get(start..).unwrap_or("").to_owned());
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
