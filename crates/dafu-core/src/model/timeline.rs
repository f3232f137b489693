//! The timeline's layout: every initiative and every dated fact once, placed in time and grouped by year.
//!
//! Placement rules, one per date form:
//! - a day, month or year (`on`) is a point in its year;
//! - 截至 (`as_of`) is a point in its year, marked "as of": the figures were counted then;
//! - a span (`from`+`to`, 十四五 = 2021–2025) is grouped under its first year and carries both ends;
//! - 以来 (`from` alone) is grouped under its first year and marked open-ended ("至今");
//! - `to` alone is grouped under its last year and marked "以前";
//! - an unresolved date (上半年 with no year) and an initiative with no date at all go to a group of
//!   their own, without a year ("未写明时间"), after every dated year and in the reply's order:
//!   listing them under the reply's own year read as if they happened then. Nothing is guessed.
//!
//! An entry's mark ([`Entry::shows_mark`]) is shown only when it adds to the date as written: 截至2023年4月
//! needs no "as of", 2023年以来 no "ongoing", a period shows both its years already, and an undated
//! entry stands in the undated group.
//!
//! Where an entry is ([`Position`]) is told by numbers read from the numerals as written (`二、` is
//! part 2, `三是`, `(3)`, `第三`, `③` item 3), so the page can say it in words ("第二部分 第三项")
//! instead of gluing numerals together ("二、三是").
//!
//! An initiative takes the first date written in it (other than a goal year); that date then belongs
//! to the initiative and is not listed again. Dates left over (goals, dates in paragraphs, in the
//! preamble, a heading or the closing) are entries of their own, so every dated fact appears exactly
//! once, except the document's own dates (`DateRole::Document`: the header's, the signature's), which
//! date the reply rather than anything it reports and are not listed.

use std::cmp::Ordering;
use std::collections::HashMap;

use super::date::{DateRef, Point, When};
use super::query::CharIndex;
use super::reply::{Block, DateRole, Reply, Section, Stage, TextId};

/// How an entry is placed in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// A point in time.
    On,
    /// A count taken at a point (截至).
    AsOf,
    /// A span between two years.
    Span {
        /// First year.
        from: i32,
        /// Last year.
        to: i32,
    },
    /// From a point on, open-ended (以来).
    Since,
    /// Up to a point (以前).
    Until,
    /// A date written without a place in time (上半年).
    Unresolved,
    /// No date given: listed in the group without a year.
    Undated,
}

/// What an entry is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntryKind {
    /// An initiative (一是…).
    Initiative {
        /// The ordinal as written.
        ordinal: String,
    },
    /// A date in the text that no initiative took.
    Date {
        /// What the date means.
        role: DateRole,
    },
}

/// What a timeline entry reports, as its written stage says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryStage {
    /// A goal year (2035年远景目标).
    Goal,
    /// A next step, promised.
    Next,
    /// Work done.
    Done,
    /// A dated fact that is neither.
    Date,
}

/// One line of the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Unique key: the initiative's block id or the date fact's id.
    pub key: String,
    /// The text to reveal: the block to open and focus, or the name of another text (`preamble`,
    /// `closing-1`; see [`TextId`]).
    pub block: String,
    /// The date fact to highlight, if any.
    pub fact: Option<String>,
    /// Initiative or date.
    pub kind: EntryKind,
    /// The date as written, if the text gives one.
    pub date: Option<DateRef>,
    /// How it is placed.
    pub placement: Placement,
    /// A short text: the initiative's headline or first clause, or the sentence around the date.
    pub summary: String,
    /// Where in the reply it is: the part and the item, as numbers.
    pub position: Position,
    /// A promise or goal rather than work done.
    pub planned: bool,
    sort: (Option<Point>, Option<Point>, usize),
}

impl Entry {
    /// Whether the entry's placement mark adds to its date as written: not for a date on its day,
    /// month or year, nor a period (its years are shown), nor an undated entry (its group says so),
    /// nor 截至…, …以来 or …以前 written out already.
    pub fn shows_mark(&self) -> bool {
        let written = self.date.as_ref().map_or("", DateRef::written);
        let says = |words: &[&str]| words.iter().any(|w| written.contains(w));
        match self.placement {
            Placement::On | Placement::Span { .. } | Placement::Undated => false,
            Placement::AsOf => !says(&["截至", "截止", "到", "至"]),
            Placement::Since => !says(&["以来", "起", "开始", "至今"]),
            Placement::Until => !says(&["以前", "之前", "前", "止"]),
            Placement::Unresolved => true,
        }
    }

    /// The entry's stage: a goal, a next step, work done, or a dated fact.
    pub fn stage(&self) -> EntryStage {
        match (&self.kind, self.planned) {
            (
                EntryKind::Date {
                    role: DateRole::Target,
                },
                _,
            ) => EntryStage::Goal,
            (_, true) => EntryStage::Next,
            (EntryKind::Initiative { .. }, false) => EntryStage::Done,
            (EntryKind::Date { .. }, false) => EntryStage::Date,
        }
    }
}

/// Where a text is in the reply, as a reader counts: the page puts it in words ("第二部分 第三项").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Position {
    /// In the body: the section's number (none when the sections are not numbered) and the
    /// initiative's (none for a paragraph or a heading).
    Body {
        /// The section's number, from its numeral as written (`二、` → 2).
        part: Option<u32>,
        /// The initiative's number in its series, from its ordinal (`三是` → 3).
        item: Option<u32>,
    },
    /// The opening, before the sections.
    Opening,
    /// The closing lines, the signature and the contact lines.
    Closing,
    /// The header's fields.
    Header,
    /// Nowhere a reader can be pointed to.
    #[default]
    Unknown,
}

/// The number a numeral or ordinal as written stands for: `二、`, `(三)`, `3.`, `三是`, `第十二`,
/// `其一`, `③`, `首先` (1), `其次` (2). `None` when it holds no number (`最后`, empty).
pub fn numeral_value(written: &str) -> Option<u32> {
    let w = written.trim();
    for (word, n) in [("首先", 1), ("其次", 2), ("再次", 3), ("再者", 3)] {
        if w.starts_with(word) {
            return Some(n);
        }
    }
    let mut digits: Option<u32> = None;
    let mut chinese: Vec<u32> = Vec::new();
    for c in w.chars() {
        match c {
            '0'..='9' | '\u{ff10}'..='\u{ff19}' => {
                let d = if c.is_ascii_digit() {
                    u32::from(c) - u32::from('0')
                } else {
                    u32::from(c) - 0xff10
                };
                digits = Some(digits.unwrap_or(0).saturating_mul(10).saturating_add(d));
            }
            '\u{2460}'..='\u{2473}' => return Some(u32::from(c) - 0x2460 + 1),
            _ => {
                if let Some(v) = "〇一二三四五六七八九十".chars().position(|d| d == c) {
                    chinese.push(u32::try_from(v).unwrap_or(0));
                } else if c == '两' {
                    chinese.push(2);
                } else if c == '零' {
                    chinese.push(0);
                } else if digits.is_some() || !chinese.is_empty() {
                    // The number ends at the first other character (`3.`, `三是`).
                    break;
                }
            }
        }
    }
    if digits.is_some() {
        return digits.filter(|&n| n > 0);
    }
    // 十 is 10; 十二 12; 二十 20; 二十三 23; 一二 (unusual) read digit by digit.
    let value = match chinese.as_slice() {
        [] => return None,
        [10] => 10,
        [10, u] => 10 + u,
        [t, 10] => t * 10,
        [t, 10, u] => t * 10 + u,
        ds => ds
            .iter()
            .fold(0u32, |acc, d| acc.saturating_mul(10).saturating_add(*d)),
    };
    (value > 0).then_some(value)
}

/// Where each of a reply's texts is, for many lookups: blocks and sections indexed once. See
/// [`Reply::positions`].
#[derive(Debug)]
pub struct Positions<'a> {
    blocks: HashMap<&'a str, super::query::BlockAt<'a>>,
    sections: HashMap<&'a str, (usize, &'a Section)>,
}

impl Positions<'_> {
    /// Where the text named `anchor` is (a block's id, `heading-s2`, `preamble`, `closing-1`; see
    /// [`TextId`]).
    pub fn of(&self, anchor: &str) -> Position {
        match TextId::parse(anchor) {
            Some(TextId::Block(b)) => self
                .blocks
                .get(b)
                .map(|at| position_in(at.section_index, at.section, at.block))
                .unwrap_or_default(),
            Some(TextId::Heading(s)) => {
                self.sections
                    .get(s)
                    .map_or(Position::Unknown, |(i, section)| Position::Body {
                        part: part_of(*i, section),
                        item: None,
                    })
            }
            Some(TextId::Preamble) => Position::Opening,
            Some(
                TextId::Closing(_) | TextId::Signer | TextId::SignatureDate | TextId::Contact(_),
            ) => Position::Closing,
            Some(TextId::Title | TextId::Meta(_)) => Position::Header,
            None => Position::Unknown,
        }
    }
}

impl Reply {
    /// Where each text is: see [`Positions::of`].
    pub fn positions(&self) -> Positions<'_> {
        Positions {
            blocks: self.blocks_by_id(),
            sections: self
                .sections
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id.as_str(), (i, s)))
                .collect(),
        }
    }
}

/// Where a block is: its section's number, and for an initiative its ordinal's number (else its
/// place among its section's initiatives).
fn position_in(index: usize, section: &Section, block: &Block) -> Position {
    let item = match block {
        Block::Initiative { ordinal, id, .. } => numeral_value(ordinal).or_else(|| {
            let n = section
                .blocks
                .iter()
                .filter(|b| matches!(b, Block::Initiative { .. }))
                .position(|b| b.id() == id)?;
            u32::try_from(n + 1).ok()
        }),
        Block::Paragraph { .. } => None,
    };
    Position::Body {
        part: part_of(index, section),
        item,
    }
}

/// A section's number: its numeral's, or its place when the numeral holds none; none when the
/// section is not numbered.
fn part_of(index: usize, section: &Section) -> Option<u32> {
    if section.numeral.trim().is_empty() {
        return None;
    }
    numeral_value(&section.numeral).or_else(|| u32::try_from(index + 1).ok())
}

/// Entries sharing a year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearGroup {
    /// The year, or `None` for the entries with no year written (undated, or 上半年 alone): that
    /// group comes after every dated year.
    pub year: Option<i32>,
    /// The entries, oldest first.
    pub entries: Vec<Entry>,
}

/// The whole timeline, oldest year first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    /// Year groups, oldest first; a group without a year last.
    pub groups: Vec<YearGroup>,
}

/// The first clause of a text, at most `max` characters (with … when cut).
fn clip(text: &str, max: usize) -> String {
    let clause: String = text
        .chars()
        .take_while(|c| !matches!(c, '。' | ';' | '\u{ff1b}'))
        .collect();
    let chars: Vec<char> = clause.trim().chars().collect();
    if chars.len() > max {
        chars.iter().take(max).collect::<String>() + "…"
    } else {
        chars.iter().collect()
    }
}

/// The sentence of a text around its characters `start..end`, at most `max` characters either side.
///
/// Reads only the characters it may show: the text is indexed once for all its dates (copying the
/// whole block for each date cost dates × text length, 6–12 s for 2,000 dates in one block).
fn sentence_around(text: &CharIndex<'_>, start: usize, end: usize, max: usize) -> String {
    let stop = |c: char| matches!(c, '。' | ';' | '\u{ff1b}');
    let whole = text.text();
    let start = start.min(text.len());
    let end = end.min(text.len()).max(start);
    let (Some(start), Some(end)) = (text.byte(start), text.byte(end)) else {
        return String::new();
    };
    // Back to just after a full stop, at most `max` characters.
    let mut from = start;
    for (i, c) in whole
        .get(..start)
        .unwrap_or_default()
        .char_indices()
        .rev()
        .take(max)
    {
        if stop(c) {
            break;
        }
        from = i;
    }
    // On to a full stop (kept), at most `max` characters.
    let mut to = end;
    for (i, c) in whole
        .get(end..)
        .unwrap_or_default()
        .char_indices()
        .take(max)
    {
        to = end + i + c.len_utf8();
        if stop(c) {
            break;
        }
    }
    let mut out = whole.get(from..to).unwrap_or_default().to_owned();
    let at_stop = whole
        .get(..to)
        .and_then(|t| t.chars().next_back())
        .is_some_and(stop);
    if to < whole.len() && !at_stop {
        out.push('…');
    }
    out.trim().to_owned()
}

fn placement(when: When) -> (Placement, Option<i32>) {
    match when {
        When::On(p) => (Placement::On, Some(p.year())),
        When::AsOf(p) => (Placement::AsOf, Some(p.year())),
        When::Span(a, b) => (
            Placement::Span {
                from: a.year(),
                to: b.year(),
            },
            Some(a.year()),
        ),
        When::Since(p) => (Placement::Since, Some(p.year())),
        When::Until(p) => (Placement::Until, Some(p.year())),
        When::Unresolved => (Placement::Unresolved, None),
    }
}

impl Reply {
    /// The reply's own date: the signature's, else 成文日期, else 公开日期.
    pub fn own_date(&self) -> Option<&DateRef> {
        self.signature
            .as_ref()
            .and_then(|s| s.date.as_ref())
            .or(self.meta.written.as_ref())
            .or(self.meta.published.as_ref())
            .filter(|d| d.when().start().is_some())
    }

    /// Lays out the timeline: see the module documentation for how each date form is placed.
    pub fn timeline(&self) -> Timeline {
        let mut taken = vec![false; self.dates.len()];
        let mut entries: Vec<Entry> = Vec::new();
        // The dates of each block, so each initiative looks at its own (scanning every date for every
        // initiative took 12 ms for 5,600 initiatives and 500 dates).
        let mut dates_of: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, d) in self.dates.iter().enumerate() {
            dates_of.entry(d.at.block.as_str()).or_default().push(i);
        }
        let mut order = 0usize;
        let mut next_order = || {
            order += 1;
            order
        };
        for (index, section, block) in self
            .sections
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.blocks.iter().map(move |b| (i, s, b)))
        {
            let Block::Initiative {
                id,
                ordinal,
                headline,
                text,
                stage,
            } = block
            else {
                continue;
            };
            let dated = dates_of
                .get(id.as_str())
                .into_iter()
                .flatten()
                .filter_map(|&i| Some((i, self.dates.get(i)?)))
                .filter(|(i, d)| {
                    d.role != DateRole::Target && !taken.get(*i).copied().unwrap_or(true)
                })
                .min_by_key(|(_, d)| d.at.start);
            let summary = headline
                .as_deref()
                .map_or_else(|| clip(text, 40), |h| clip(h, 40));
            let (date, fact, place) = match dated {
                Some((i, d)) => {
                    if let Some(t) = taken.get_mut(i) {
                        *t = true;
                    }
                    let (place, _) = placement(d.date.when());
                    (Some(d.date.clone()), Some(d.id.clone()), place)
                }
                None => (None, None, Placement::Undated),
            };
            let (start, end) = sort_bounds(date.as_ref());
            entries.push(Entry {
                key: id.clone(),
                block: id.clone(),
                fact,
                kind: EntryKind::Initiative {
                    ordinal: ordinal.clone(),
                },
                date,
                placement: place,
                summary,
                position: position_in(index, section, block),
                planned: *stage == Stage::Next,
                sort: (start, end, next_order()),
            });
        }
        let positions = self.positions();
        let anchors = self.anchor_texts();
        // Each text's characters, indexed once for all the dates in it.
        let mut texts: HashMap<&str, CharIndex<'_>> = HashMap::new();
        for (i, d) in self.dates.iter().enumerate() {
            if taken.get(i).copied().unwrap_or(true) || d.role == DateRole::Document {
                continue;
            }
            let anchor = d.at.block.as_str();
            let summary = anchors
                .text(anchor)
                .map(|found| {
                    let text = texts.entry(anchor).or_insert_with(|| CharIndex::new(found));
                    sentence_around(text, d.at.start, d.at.end, 40)
                })
                .unwrap_or_default();
            let located = positions.of(anchor);
            let (place, _) = placement(d.date.when());
            let (start, end) = sort_bounds(Some(&d.date));
            entries.push(Entry {
                key: d.id.clone(),
                block: d.at.block.clone(),
                fact: Some(d.id.clone()),
                kind: EntryKind::Date { role: d.role },
                date: Some(d.date.clone()),
                placement: place,
                summary,
                position: located,
                planned: d.role == DateRole::Target,
                sort: (start, end, next_order()),
            });
        }
        super::order::sort_by(&mut entries, compare);
        let mut groups: Vec<YearGroup> = Vec::new();
        for entry in entries {
            let year = group_year(&entry);
            match groups.last_mut() {
                Some(g) if g.year == year => g.entries.push(entry),
                _ => groups.push(YearGroup {
                    year,
                    entries: vec![entry],
                }),
            }
        }
        Timeline { groups }
    }
}

/// Where an entry sorts: its date's start and end; nothing for an entry without a placed date, which
/// sorts last, in the reply's order.
fn sort_bounds(date: Option<&DateRef>) -> (Option<Point>, Option<Point>) {
    match date.map(DateRef::when) {
        Some(w) if w.start().is_some() => (w.start(), w.end()),
        _ => (None, None),
    }
}

/// The year an entry is listed under: the span's or point's first year (the last for `Until`); none
/// for an entry without a year written.
fn group_year(entry: &Entry) -> Option<i32> {
    match (entry.placement, entry.date.as_ref().map(DateRef::when)) {
        (Placement::Undated | Placement::Unresolved, _) | (_, None) => None,
        (Placement::Until, Some(w)) => w.end().map(Point::year),
        (_, Some(w)) => w.start().map(Point::year),
    }
}

/// Oldest first by start, then end (open ends last), then document order; unplaced entries last.
fn compare(a: &Entry, b: &Entry) -> Ordering {
    let key = |e: &Entry| {
        let (start, end, order) = e.sort;
        let open_end = matches!(e.placement, Placement::Since);
        (start.is_none(), start, open_end, end, order)
    };
    key(a).cmp(&key(b))
}

impl Timeline {
    /// The groups in reading order: oldest first, or newest first (entries within a year reversed too).
    pub fn ordered(&self, newest_first: bool) -> Vec<YearGroup> {
        let mut groups = self.groups.clone();
        if newest_first {
            // A group without a year stays last either way.
            let unplaced = groups.last().is_some_and(|g| g.year.is_none());
            let tail = if unplaced { groups.pop() } else { None };
            groups.reverse();
            for g in &mut groups {
                g.entries.reverse();
            }
            groups.extend(tail);
        }
        groups
    }

    /// How many entries in all.
    pub fn len(&self) -> usize {
        self.groups.iter().map(|g| g.entries.len()).sum()
    }

    /// Is the timeline empty?
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}
