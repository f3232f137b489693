//! Finding figures, money and dates in one block of text, with their character ranges.
//!
//! Rules (DESIGN §1), applied left to right, the longest match first, never overlapping:
//! - date: `截至YYYY年M月[D日]` (as of), `YYYY年M月D日`, `YYYY-MM-DD`, `YYYY[-—~至]YYYY年` (span),
//!   `YYYY年至YYYY年` and `YYYY年—YYYY年` (span), `YYYY年以来` / `自YYYY年起` (since), `YYYY年以前|之前` (until),
//!   `YYYY年M月`, `YYYY年底|末` (December), `YYYY年`, `十X五` (five-year plan), `M月D日` (year from
//!   the nearest earlier year in the text, flagged), and a garbled `YYYYMDD` with one valid reading (flagged);
//! - money: `[近约超]N[-—~N][多余](元|万元|亿元)[/unit]`; its role from its clause: 贷款 → loan,
//!   未获/未批准/不予 → refused, 申请/争取 without 获批/下达/到位 → requested, else allocated;
//!   amounts after `其中` in the same sentence are parts of the amount before it;
//! - figure: `[近约超]N[多余][万|亿][多余]unit` with a measure word or unit from [`UNITS`]; `万` without
//!   `元` is never money (万亩, 万公里, 万人次), and `N/10万` rates are skipped.

use crate::model::date::{days_in_month, Point};
use crate::model::{Approx, DateRef, Decimal, Money, MoneyRole, MoneyUnit, Multiplier, When};

/// Measure words and units a figure may end with, longest first so `人次` wins over `人`.
pub const UNITS: [&str; 30] = [
    "平方公里",
    "人次",
    "公里",
    "km²",
    "平方米",
    "期",
    "场",
    "次",
    "人",
    "个",
    "项",
    "家",
    "亩",
    "条",
    "部",
    "名",
    "座",
    "户",
    "所",
    "件",
    "处",
    "栋",
    "篇",
    "批",
    "辆",
    "吨",
    "米",
    "届",
    "天",
    "类",
];

/// What was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FoundKind {
    /// A date, placed.
    Date {
        /// The date.
        date: DateRef,
        /// Its year came from the text before it, or its digits were regrouped (`2017821`).
        inferred: bool,
    },
    /// Money.
    Money {
        /// The amount.
        money: Money,
        /// Allocated, requested, refused or a loan.
        role: MoneyRole,
        /// It follows 其中 in its sentence: a part of the total before it.
        part: bool,
    },
    /// A number with its unit.
    Figure {
        /// The number before any 万/亿.
        value: Decimal,
        /// 万 or 亿 when written.
        multiplier: Option<Multiplier>,
        /// The measure word or unit.
        unit: String,
        /// A hedge such as 余.
        approx: Option<Approx>,
    },
}

/// One fact in a block's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The text as written.
    pub written: String,
    /// What it is.
    pub kind: FoundKind,
}

fn digits_at(chars: &[char], at: usize) -> usize {
    chars.get(at..).map_or(0, |rest| {
        rest.iter().take_while(|c| c.is_ascii_digit()).count()
    })
}

/// A decimal number at `at`: digits, optionally `.digits`. Returns (text, length in chars).
fn number_at(chars: &[char], at: usize) -> Option<(String, usize)> {
    let int = digits_at(chars, at);
    if int == 0 {
        return None;
    }
    let mut len = int;
    if chars.get(at + int) == Some(&'.') {
        let frac = digits_at(chars, at + int + 1);
        if frac > 0 {
            len += 1 + frac;
        }
    }
    Some((chars.get(at..at + len)?.iter().collect(), len))
}

fn starts(chars: &[char], at: usize, s: &str) -> bool {
    s.chars()
        .enumerate()
        .all(|(k, c)| chars.get(at + k) == Some(&c))
}

fn year_at(chars: &[char], at: usize) -> Option<i32> {
    if digits_at(chars, at) != 4 {
        return None;
    }
    let y: String = chars.get(at..at + 4)?.iter().collect();
    y.parse().ok().filter(|y| (1900..=2100).contains(y))
}

/// A 1-2 digit number at `at`, within `1..=max`.
fn small_at(chars: &[char], at: usize, max: u8) -> Option<(u8, usize)> {
    let n = digits_at(chars, at);
    if n == 0 || n > 2 {
        return None;
    }
    let v: String = chars.get(at..at + n)?.iter().collect();
    v.parse::<u8>()
        .ok()
        .filter(|v| (1..=max).contains(v))
        .map(|v| (v, n))
}

fn dash(c: Option<&char>) -> bool {
    matches!(c, Some('-' | '—' | '–' | '~' | '～' | '至'))
}

/// Five-year plans: 十一五 (2006–2010) to 十五五 (2026–2030).
fn plan(chars: &[char], at: usize) -> Option<(i32, usize)> {
    if chars.get(at) != Some(&'十') || chars.get(at + 2) != Some(&'五') {
        return None;
    }
    let n = match chars.get(at + 1)? {
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        _ => return None,
    };
    Some((2006 + (n - 1) * 5, 3))
}

fn date_ref(written: String, when: When) -> Option<DateRef> {
    DateRef::new(written, when).ok()
}

/// A date starting at `at`, with its length and whether it was inferred (year-less or garbled).
fn date_at(chars: &[char], at: usize, context_year: Option<i32>) -> Option<(When, usize, bool)> {
    if starts(chars, at, "截至") {
        let y = year_at(chars, at + 2)?;
        if chars.get(at + 6) != Some(&'年') {
            return None;
        }
        let (m, ml) = small_at(chars, at + 7, 12)?;
        if chars.get(at + 7 + ml) != Some(&'月') {
            return Some((When::AsOf(Point::Year(y)), 7, false));
        }
        let mut len = 8 + ml;
        let mut point = Point::Month(y, m);
        if let Some((d, dl)) = small_at(chars, at + len, 31) {
            if chars.get(at + len + dl) == Some(&'日') && d <= days_in_month(y, m) {
                point = Point::Day(y, m, d);
                len += dl + 1;
            }
        }
        return Some((When::AsOf(point), len, false));
    }
    if starts(chars, at, "自") {
        let y = year_at(chars, at + 1)?;
        if chars.get(at + 5) == Some(&'年') && chars.get(at + 6) == Some(&'起') {
            return Some((When::Since(Point::Year(y)), 7, false));
        }
        return None;
    }
    if let Some((start, len)) = plan(chars, at) {
        return Some((
            When::Span(Point::Year(start), Point::Year(start + 4)),
            len,
            false,
        ));
    }
    let Some(y) = year_at(chars, at) else {
        return month_day_at(chars, at, context_year).or_else(|| garbled_at(chars, at));
    };
    // YYYY-YYYY年, YYYY—YYYY年
    if dash(chars.get(at + 4)) {
        if let Some(y2) = year_at(chars, at + 5) {
            if y2 >= y {
                let len = if chars.get(at + 9) == Some(&'年') {
                    10
                } else {
                    9
                };
                return Some((When::Span(Point::Year(y), Point::Year(y2)), len, false));
            }
        }
        // YYYY-MM-DD
        if let (Some((m, ml)), true) = (small_at(chars, at + 5, 12), true) {
            if dash(chars.get(at + 5 + ml)) {
                if let Some((d, dl)) = small_at(chars, at + 6 + ml, 31) {
                    if d <= days_in_month(y, m) && digits_at(chars, at + 6 + ml + dl) == 0 {
                        return Some((When::On(Point::Day(y, m, d)), 6 + ml + dl, false));
                    }
                }
            }
        }
        return None;
    }
    if chars.get(at + 4) != Some(&'年') {
        return None;
    }
    let after = at + 5;
    // YYYY年—YYYY年
    if dash(chars.get(after)) && chars.get(after) != Some(&'至') {
        if let Some(y2) = year_at(chars, after + 1) {
            if chars.get(after + 5) == Some(&'年') && y2 >= y {
                return Some((When::Span(Point::Year(y), Point::Year(y2)), 11, false));
            }
        }
    }
    if starts(chars, after, "至") || starts(chars, after, "到") {
        if let Some(y2) = year_at(chars, after + 1) {
            if chars.get(after + 5) == Some(&'年') && y2 >= y {
                return Some((When::Span(Point::Year(y), Point::Year(y2)), 11, false));
            }
        }
    }
    if starts(chars, after, "以来") {
        return Some((When::Since(Point::Year(y)), 7, false));
    }
    if starts(chars, after, "以前") || starts(chars, after, "之前") {
        return Some((When::Until(Point::Year(y)), 7, false));
    }
    if starts(chars, after, "底") || starts(chars, after, "末") {
        return Some((When::On(Point::Month(y, 12)), 6, false));
    }
    if let Some((m, ml)) = small_at(chars, after, 12) {
        if chars.get(after + ml) == Some(&'月') {
            if let Some((d, dl)) = small_at(chars, after + ml + 1, 31) {
                if chars.get(after + ml + 1 + dl) == Some(&'日') && d <= days_in_month(y, m) {
                    return Some((When::On(Point::Day(y, m, d)), 5 + ml + 1 + dl + 1, false));
                }
            }
            return Some((When::On(Point::Month(y, m)), 5 + ml + 1, false));
        }
    }
    Some((When::On(Point::Year(y)), 5, false))
}

/// `8月6日` with the year taken from the text before it.
fn month_day_at(
    chars: &[char],
    at: usize,
    context_year: Option<i32>,
) -> Option<(When, usize, bool)> {
    if at > 0
        && chars
            .get(at - 1)
            .is_some_and(|c| c.is_ascii_digit() || *c == '年' || *c == '.')
    {
        return None;
    }
    let (m, ml) = small_at(chars, at, 12)?;
    if chars.get(at + ml) != Some(&'月') {
        return None;
    }
    let (d, dl) = small_at(chars, at + ml + 1, 31)?;
    if chars.get(at + ml + 1 + dl) != Some(&'日') {
        return None;
    }
    let y = context_year?;
    (d <= days_in_month(y, m)).then_some((When::On(Point::Day(y, m, d)), ml + dl + 2, true))
}

/// `2017821`: a year glued to month and day when exactly one split is a real date.
fn garbled_at(chars: &[char], at: usize) -> Option<(When, usize, bool)> {
    let n = digits_at(chars, at);
    if !(6..=8).contains(&n) || (at > 0 && chars.get(at - 1).is_some_and(char::is_ascii_digit)) {
        return None;
    }
    let text: String = chars.get(at..at + n)?.iter().collect();
    let y: i32 = text.get(..4)?.parse().ok()?;
    if !(1990..=2100).contains(&y) {
        return None;
    }
    let rest = text.get(4..)?;
    let readings: Vec<(u8, u8)> = (1..rest.len())
        .filter_map(|cut| {
            let (m, d) = (rest.get(..cut)?, rest.get(cut..)?);
            if m.len() > 2 || d.len() > 2 || m.starts_with('0') && m.len() == 1 {
                return None;
            }
            let (m, d): (u8, u8) = (m.parse().ok()?, d.parse().ok()?);
            ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some((m, d))
        })
        .collect();
    match readings.as_slice() {
        [(m, d)] => Some((When::On(Point::Day(y, *m, *d)), n, true)),
        _ => None,
    }
}

fn clause_bounds(chars: &[char], start: usize, end: usize) -> (usize, usize) {
    let stop = |c: &char| matches!(c, '。' | ';' | '；' | ',' | '，' | '\n');
    let from = chars
        .get(..start)
        .and_then(|b| b.iter().rposition(stop))
        .map_or(0, |i| i + 1);
    let to = chars
        .get(end..)
        .and_then(|a| a.iter().position(stop))
        .map_or(chars.len(), |i| end + i);
    (from, to)
}

fn sentence_start(chars: &[char], at: usize) -> usize {
    chars
        .get(..at)
        .and_then(|b| b.iter().rposition(|c| matches!(c, '。' | '\n')))
        .map_or(0, |i| i + 1)
}

fn role_of(chars: &[char], start: usize, end: usize) -> MoneyRole {
    let (from, to) = clause_bounds(chars, start, end);
    let clause: String = chars
        .get(from..to)
        .map(|c| c.iter().collect())
        .unwrap_or_default();
    let after: String = chars
        .get(end..(end + 12).min(chars.len()))
        .map(|c| c.iter().collect())
        .unwrap_or_default();
    if clause.contains("贷款") {
        MoneyRole::Loan
    } else if ["未获", "未批准", "不予", "未能获"]
        .iter()
        .any(|k| clause.contains(k) || after.contains(k))
    {
        MoneyRole::Refused
    } else if ["申请", "争取", "申报"].iter().any(|k| clause.contains(k))
        && !["获批", "下达", "到位", "拨付", "落实"]
            .iter()
            .any(|k| clause.contains(k))
    {
        MoneyRole::Requested
    } else {
        MoneyRole::Allocated
    }
}

fn approx_prefix(c: Option<&char>) -> Option<Approx> {
    match c {
        Some('近') => Some(Approx::Nearly),
        Some('约') => Some(Approx::About),
        Some('超') => Some(Approx::Exceeding),
        _ => None,
    }
}

fn approx_suffix(c: Option<&char>) -> Option<Approx> {
    match c {
        Some('多') => Some(Approx::More),
        Some('余') => Some(Approx::Over),
        _ => None,
    }
}

/// Money or a figure whose number starts at `at` (a hedge before it is looked at by the caller).
fn amount_at(chars: &[char], at: usize) -> Option<(FoundKind, usize)> {
    let (num, nl) = number_at(chars, at)?;
    let value = Decimal::parse(&num).ok()?;
    let mut i = at + nl;
    // A range: 5-10万元.
    let mut upper = None;
    if dash(chars.get(i)) && chars.get(i) != Some(&'至') {
        if let Some((u, ul)) = number_at(chars, i + 1) {
            let probe = i + 1 + ul;
            if ["万元", "亿元", "元"]
                .iter()
                .any(|s| starts(chars, probe, s))
            {
                upper = Decimal::parse(&u).ok();
                i = probe;
            }
        }
    }
    let mut approx = approx_suffix(chars.get(i));
    if approx.is_some() {
        i += 1;
    }
    for (unit, mu, len) in [
        ("万元", MoneyUnit::WanYuan, 2),
        ("亿元", MoneyUnit::YiYuan, 2),
        ("元", MoneyUnit::Yuan, 1),
    ] {
        if starts(chars, i, unit) {
            let mut end = i + len;
            let mut per = None;
            if chars.get(end) == Some(&'/') {
                if let Some(u) = UNITS.iter().find(|u| starts(chars, end + 1, u)) {
                    per = Some((*u).to_owned());
                    end += 1 + u.chars().count();
                }
            }
            let money = Money::new(value, mu)
                .ok()?
                .with_range(upper)
                .ok()?
                .with_approx(approx)
                .with_per(per)
                .ok()?;
            return Some((
                FoundKind::Money {
                    money,
                    role: MoneyRole::Allocated,
                    part: false,
                },
                end - at,
            ));
        }
    }
    if upper.is_some() {
        return None;
    }
    let mut multiplier = None;
    if chars.get(i) == Some(&'万') {
        multiplier = Some(Multiplier::Wan);
        i += 1;
    } else if chars.get(i) == Some(&'亿') {
        multiplier = Some(Multiplier::Yi);
        i += 1;
    }
    if approx.is_none() {
        approx = approx_suffix(chars.get(i));
        if approx.is_some() {
            i += 1;
        }
    }
    let unit = UNITS.iter().find(|u| starts(chars, i, u))?;
    Some((
        FoundKind::Figure {
            value,
            multiplier,
            unit: (*unit).to_owned(),
            approx,
        },
        i + unit.chars().count() - at,
    ))
}

/// Every fact in `text`, in order. `year_hint` places year-less dates when the text before gives none.
pub fn find(text: &str, year_hint: Option<i32>) -> Vec<Found> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<Found> = Vec::new();
    let mut context_year = year_hint;
    let mut i = 0;
    while i < chars.len() {
        let c = chars.get(i).copied().unwrap_or(' ');
        let prev = if i == 0 { None } else { chars.get(i - 1) };
        // A number glued to letters, digits or a 第/No. is an identifier, not a fact.
        let glued = prev.is_some_and(|p| {
            p.is_ascii_alphanumeric() || *p == '.' || *p == '第' || *p == '/' || *p == '〔'
        });
        if let Some((when, len, inferred)) =
            (!glued).then(|| date_at(&chars, i, context_year)).flatten()
        {
            let written: String = chars
                .get(i..i + len)
                .map(|s| s.iter().collect())
                .unwrap_or_default();
            if let Some(y) = when.start().map(Point::year) {
                context_year = Some(y);
            }
            if let Some(d) = date_ref(written.clone(), when) {
                out.push(Found {
                    start: i,
                    end: i + len,
                    written,
                    kind: FoundKind::Date { date: d, inferred },
                });
                i += len;
                continue;
            }
        }
        let hedge = approx_prefix(Some(&c));
        let num_at = if hedge.is_some() { i + 1 } else { i };
        if c.is_ascii_digit() || hedge.is_some() {
            let glued_num = hedge.is_none() && glued;
            if let Some((kind, len)) = (!glued_num).then(|| amount_at(&chars, num_at)).flatten() {
                let end = num_at + len;
                // Skip "154.41/10万" style rates: the amount is the divisor of a slash.
                let rate = num_at > 0 && chars.get(num_at - 1) == Some(&'/');
                if !rate {
                    let written: String = chars
                        .get(i..end)
                        .map(|s| s.iter().collect())
                        .unwrap_or_default();
                    let kind = match (kind, hedge) {
                        (FoundKind::Money { money: m, .. }, h) => {
                            let m = if m.approx().is_none() && h.is_some() {
                                m.with_approx(h)
                            } else {
                                m
                            };
                            let role = role_of(&chars, i, end);
                            let part = {
                                let s = sentence_start(&chars, i);
                                let before: String = chars
                                    .get(s..i)
                                    .map(|c| c.iter().collect())
                                    .unwrap_or_default();
                                before.contains("其中")
                            };
                            FoundKind::Money {
                                money: m,
                                role,
                                part,
                            }
                        }
                        (
                            FoundKind::Figure {
                                value,
                                multiplier,
                                unit,
                                approx,
                            },
                            h,
                        ) => FoundKind::Figure {
                            value,
                            multiplier,
                            unit,
                            approx: approx.or(h),
                        },
                        (k, _) => k,
                    };
                    out.push(Found {
                        start: i,
                        end,
                        written,
                        kind,
                    });
                    i = end;
                    continue;
                }
            }
            // Step over the whole number so its tail is not read as another one.
            let skip = digits_at(&chars, i).max(1);
            i += skip;
            continue;
        }
        i += 1;
    }
    out
}
