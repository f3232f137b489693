//! Finding figures, money and dates in one block of text, with their character ranges. This module
//! says what is written and where; what a fact means in its sentence (a money's role, purpose, payer,
//! period and total, a date's role, a figure's label) is read in `meaning.rs`.
//!
//! Rules (DESIGN §1), tried at each character left to right, a date first, never overlapping:
//! - date ([`date`]): `截至YYYY年M月[D日]` (as of), `YYYY年M月D日`, `YYYY-MM-DD`, `YYYY[-—~至]YYYY年`
//!   (span), `YYYY年至YYYY年` and `YYYY年—YYYY年` (span), `YYYY年以来` / `自YYYY年起` (since),
//!   `YYYY年以前|之前` (until), `YYYY年M月`, `YYYY年底|末` (December), `YYYY年`, `十X五` (five-year
//!   plan), `M月D日` (year from the nearest earlier year in the text, flagged), and a garbled `YYYYMDD`
//!   with one valid reading (flagged);
//! - money ([`amount`]): `[近约超]N[-—~N][多余](元|万元|亿元)[/unit]`;
//! - figure ([`amount`]): `[近约超]N[多余][万|亿][多余]unit` with a measure word or unit from
//!   [`UNITS`]; `万` without `元` is never money (万亩, 万公里, 万人次);
//! - a number glued to a letter, digit, `.`, `第`, `/` or `〔` is an identifier or a rate's divisor
//!   (`No.3`, `第3`, `154.41/10万`), not a fact; a number that is no fact is stepped over whole, so its
//!   tail is not read as another.

use crate::model::date::{days_in_month, Point};
use crate::model::{Approx, DateRef, Decimal, Money, MoneyUnit, Multiplier, When};

use super::cursor::Cursor;

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

/// Money units, as written after the amount; the first that fits wins.
const MONEY_UNITS: [(&str, MoneyUnit); 3] = [
    ("万元", MoneyUnit::WanYuan),
    ("亿元", MoneyUnit::YiYuan),
    ("元", MoneyUnit::Yuan),
];

/// What was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A date, placed.
    Date {
        /// The date.
        date: DateRef,
        /// Its year came from the text before it, or its digits were regrouped (`2017821`).
        inferred: bool,
    },
    /// Money.
    Money {
        /// The amount, with its unit, hedge, range and rate.
        money: Money,
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
    pub kind: Kind,
}

/// A dash between the two ends of a span or range.
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '—' | '–' | '~' | '～' | '至')
}

/// A hedge written before the number.
fn approx_prefix(c: char) -> Option<Approx> {
    match c {
        '近' => Some(Approx::Nearly),
        '约' => Some(Approx::About),
        '超' => Some(Approx::Exceeding),
        _ => None,
    }
}

/// A hedge written after the number.
fn approx_suffix(c: char) -> Option<Approx> {
    match c {
        '多' => Some(Approx::More),
        '余' => Some(Approx::Over),
        _ => None,
    }
}

/// A character before a number that makes the number part of something else.
fn glues(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '第' | '/' | '〔')
}

/// `截至YYYY年M月[D日]`, or `截至YYYY年` when a number that is not a month follows. Without a month
/// number at all (`截至2023年底`) it is not an as-of date: the year is read on its own.
fn as_of(c: &mut Cursor<'_>) -> Option<When> {
    if !c.eat("截至") {
        return None;
    }
    let y = c.year()?;
    if !c.eat("年") {
        return None;
    }
    let after_year = c.pos();
    let m = c.small(12)?;
    if !c.eat("月") {
        c.rewind(after_year);
        return Some(When::AsOf(Point::Year(y)));
    }
    let day = c.attempt(|c| day(c, y, m));
    Some(When::AsOf(
        day.map_or(Point::Month(y, m), |d| Point::Day(y, m, d)),
    ))
}

/// `D日`, a day that month has.
fn day(c: &mut Cursor<'_>, y: i32, m: u8) -> Option<u8> {
    let d = c.small(31)?;
    (c.eat("日") && d <= days_in_month(y, m)).then_some(d)
}

/// `M月[D日]` after a year.
fn month(c: &mut Cursor<'_>, y: i32) -> Option<Point> {
    let m = c.small(12)?;
    if !c.eat("月") {
        return None;
    }
    let day = c.attempt(|c| day(c, y, m));
    Some(day.map_or(Point::Month(y, m), |d| Point::Day(y, m, d)))
}

/// `自YYYY年起`.
fn since_year(c: &mut Cursor<'_>) -> Option<When> {
    if !c.eat("自") {
        return None;
    }
    let y = c.year()?;
    (c.eat("年") && c.eat("起")).then_some(When::Since(Point::Year(y)))
}

/// Five-year plans: 十一五 (2006–2010) to 十五五 (2026–2030).
fn plan(c: &mut Cursor<'_>) -> Option<When> {
    if c.peek() != Some('十') || c.peek_at(2) != Some('五') {
        return None;
    }
    let n = match c.peek_at(1)? {
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        _ => return None,
    };
    c.bump(3);
    let start = 2006 + (n - 1) * 5;
    Some(When::Span(Point::Year(start), Point::Year(start + 4)))
}

/// The second year of a span, not before the first.
fn end_year(c: &mut Cursor<'_>, first: i32) -> Option<i32> {
    c.year().filter(|y| *y >= first)
}

/// `YYYY-YYYY[年]` or `YYYY-MM-DD`, the cursor after the first year.
fn after_year_dash(c: &mut Cursor<'_>, y: i32) -> Option<When> {
    c.eat_if(is_dash)?;
    if let Some(y2) = c.attempt(|c| end_year(c, y)) {
        c.eat("年");
        return Some(When::Span(Point::Year(y), Point::Year(y2)));
    }
    let m = c.small(12)?;
    c.eat_if(is_dash)?;
    let d = c.small(31)?;
    (d <= days_in_month(y, m) && c.digits_ahead(1) == 0).then_some(When::On(Point::Day(y, m, d)))
}

/// Everything that can follow `YYYY年`: a span to a second year, 以来, 以前, 底, a month, or nothing.
fn after_year(c: &mut Cursor<'_>, y: i32) -> When {
    let second = c.attempt(|c| {
        c.eat_if(|d| is_dash(d) && d != '至')
            .or_else(|| c.eat_if(|d| d == '至' || d == '到'))?;
        let y2 = end_year(c, y)?;
        c.eat("年").then_some(y2)
    });
    if let Some(y2) = second {
        return When::Span(Point::Year(y), Point::Year(y2));
    }
    if c.eat("以来") {
        return When::Since(Point::Year(y));
    }
    if c.eat_any(&["以前", "之前"]).is_some() {
        return When::Until(Point::Year(y));
    }
    if c.eat_any(&["底", "末"]).is_some() {
        return When::On(Point::Month(y, 12));
    }
    When::On(c.attempt(|c| month(c, y)).unwrap_or(Point::Year(y)))
}

/// `8月6日` with the year taken from the text before it (flagged as inferred); not right after a
/// digit, `年` or `.`.
fn month_day(c: &mut Cursor<'_>, context_year: Option<i32>) -> Option<When> {
    if c.prev()
        .is_some_and(|p| p.is_ascii_digit() || p == '年' || p == '.')
    {
        return None;
    }
    let m = c.small(12)?;
    if !c.eat("月") {
        return None;
    }
    let d = c.small(31)?;
    if !c.eat("日") {
        return None;
    }
    let y = context_year?;
    (d <= days_in_month(y, m)).then_some(When::On(Point::Day(y, m, d)))
}

/// `2017821`: a year (1990 to 2100) glued to month and day, when exactly one split of the six to
/// eight digits is a real date (flagged as inferred).
fn garbled(c: &mut Cursor<'_>) -> Option<When> {
    let n = c.digits_ahead(9);
    if !(6..=8).contains(&n) || c.prev().is_some_and(|p| p.is_ascii_digit()) {
        return None;
    }
    let digit = |k: usize| c.peek_at(k).and_then(|d| d.to_digit(10)).unwrap_or(0);
    let value = |from: usize, to: usize| (from..to).fold(0, |v, k| v * 10 + digit(k));
    let y = i32::try_from(value(0, 4)).ok()?;
    if !(1990..=2100).contains(&y) {
        return None;
    }
    // The month takes one or two of the remaining digits and the day the rest, one or two.
    let readings: Vec<(u8, u8)> = (5..n)
        .filter(|cut| cut - 4 <= 2 && n - cut <= 2)
        .filter_map(|cut| {
            let m = u8::try_from(value(4, cut)).ok()?;
            let d = u8::try_from(value(cut, n)).ok()?;
            ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some((m, d))
        })
        .collect();
    match readings.as_slice() {
        [(m, d)] => {
            c.bump(n);
            Some(When::On(Point::Day(y, *m, *d)))
        }
        _ => None,
    }
}

/// A date at the cursor, and whether its year was inferred. A rule that fails may leave the cursor
/// anywhere; the caller runs this through [`Cursor::attempt`].
fn date(c: &mut Cursor<'_>, context_year: Option<i32>) -> Option<(When, bool)> {
    // Every form starts with a digit, 截, 自 or 十.
    if !c
        .peek()
        .is_some_and(|d| d.is_ascii_digit() || matches!(d, '截' | '自' | '十'))
    {
        return None;
    }
    if c.looking_at("截至") {
        return as_of(c).map(|w| (w, false));
    }
    if c.looking_at("自") {
        return since_year(c).map(|w| (w, false));
    }
    if let Some(w) = c.attempt(plan) {
        return Some((w, false));
    }
    let Some(y) = c.year() else {
        let inferred = c
            .attempt(|c| month_day(c, context_year))
            .or_else(|| c.attempt(garbled))?;
        return Some((inferred, true));
    };
    if c.peek().is_some_and(is_dash) {
        return after_year_dash(c, y).map(|w| (w, false));
    }
    if !c.eat("年") {
        return None;
    }
    Some((after_year(c, y), false))
}

/// Money or a figure whose number starts at the cursor (a hedge before it is the caller's).
fn amount(c: &mut Cursor<'_>) -> Option<Kind> {
    let value = Decimal::parse(&c.number()?).ok()?;
    // A range, 5-10万元: the dash and the second number count only before a money unit. An upper end
    // too long to be read still belongs to the range.
    let range = c.attempt(|c| {
        c.eat_if(|d| is_dash(d) && d != '至')?;
        let upper = c.number()?;
        MONEY_UNITS
            .iter()
            .any(|(u, _)| c.looking_at(u))
            .then(|| Decimal::parse(&upper).ok())
    });
    let mut approx = c.attempt(|c| c.next_char().and_then(approx_suffix));
    let money_unit = MONEY_UNITS
        .iter()
        .find(|(u, _)| c.looking_at(u))
        .map(|(u, unit)| (u.chars().count(), *unit));
    if let Some((len, unit)) = money_unit {
        c.bump(len);
        let per = c.attempt(|c| {
            if !c.eat("/") {
                return None;
            }
            c.eat_any(&UNITS)
        });
        let money = Money::new(value, unit)
            .ok()?
            .with_range(range.flatten())
            .ok()?
            .with_approx(approx)
            .with_per(per.map(str::to_owned))
            .ok()?;
        return Some(Kind::Money { money });
    }
    if range.is_some() {
        return None;
    }
    let multiplier = match c.peek() {
        Some('万') => Some(Multiplier::Wan),
        Some('亿') => Some(Multiplier::Yi),
        _ => None,
    };
    if multiplier.is_some() {
        c.bump(1);
    }
    if approx.is_none() {
        approx = c.attempt(|c| c.next_char().and_then(approx_suffix));
    }
    let unit = c.eat_any(&UNITS)?;
    Some(Kind::Figure {
        value,
        multiplier,
        unit: unit.to_owned(),
        approx,
    })
}

/// Every fact in `text`, in order. `year_hint` places year-less dates when the text before gives none.
pub fn find(text: &str, year_hint: Option<i32>) -> Vec<Found> {
    let chars: Vec<char> = text.chars().collect();
    find_counted(&chars, year_hint).0
}

/// [`find`] on characters, with the number of characters looked at.
pub fn find_counted(chars: &[char], year_hint: Option<i32>) -> (Vec<Found>, u64) {
    let mut c = Cursor::new(chars);
    let mut out: Vec<Found> = Vec::new();
    let mut context_year = year_hint;
    while !c.at_end() {
        let start = c.pos();
        let glued = c.prev().is_some_and(glues);
        if !glued {
            if let Some((when, inferred)) = c.attempt(|c| date(c, context_year)) {
                if let Some(y) = when.start().map(Point::year) {
                    context_year = Some(y);
                }
                let written = c.since(start);
                if let Ok(date) = DateRef::new(written.clone(), when) {
                    out.push(Found {
                        start,
                        end: c.pos(),
                        written,
                        kind: Kind::Date { date, inferred },
                    });
                    continue;
                }
                c.rewind(start);
            }
        }
        let hedge = c.peek().and_then(approx_prefix);
        if !c.peek().is_some_and(|d| d.is_ascii_digit()) && hedge.is_none() {
            c.bump(1);
            continue;
        }
        if hedge.is_some() || !glued {
            let kind = c.attempt(|c| {
                if hedge.is_some() {
                    c.bump(1);
                }
                amount(c)
            });
            if let Some(kind) = kind {
                let kind = match kind {
                    Kind::Money { money } if money.approx().is_none() && hedge.is_some() => {
                        Kind::Money {
                            money: money.with_approx(hedge),
                        }
                    }
                    Kind::Figure {
                        value,
                        multiplier,
                        unit,
                        approx,
                    } => Kind::Figure {
                        value,
                        multiplier,
                        unit,
                        approx: approx.or(hedge),
                    },
                    k => k,
                };
                out.push(Found {
                    start,
                    end: c.pos(),
                    written: c.since(start),
                    kind,
                });
                continue;
            }
        }
        // Step over the whole number so its tail is not read as another one.
        if c.skip_digits() == 0 {
            c.bump(1);
        }
    }
    let steps = c.steps();
    (out, steps)
}

/// The date a whole line is, such as a signature's `2024年6月20日`.
pub fn whole_date(text: &str) -> Option<DateRef> {
    let chars: Vec<char> = text.chars().collect();
    match find_counted(&chars, None).0.as_slice() {
        [f] if f.start == 0 && f.end == chars.len() => match &f.kind {
            Kind::Date { date, .. } => Some(date.clone()),
            _ => None,
        },
        _ => None,
    }
}
