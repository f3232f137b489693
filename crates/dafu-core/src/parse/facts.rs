//! Finding figures, money and dates in one block of text, with their character ranges. This module
//! says what is written and where; what a fact means in its sentence (a money's role, purpose, payer,
//! period and total, a date's role, a figure's label) is read in `meaning.rs`.
//!
//! Rules (DESIGN §1), tried at each character left to right, a date first, never overlapping:
//! - date ([`date`]): a year is four digits (1900–2100) or four Chinese digits (`二○一一`, `二0一二`);
//!   a month and a day are digits or Chinese numerals (`十月二十日`), a day ends in `日` or `号` (or
//!   in nothing at the end of the text: `2020年11月12`). Forms: `YYYY年[M月[D日]]`, `YYYY-MM-DD`,
//!   `YYYY.M.D`, `YYYY/M/D`; `YYYY[-—~至到]YYYY[年]`, `YYYY年M-M月` and any point `至|到|—` a later
//!   point (a span; the end may leave out the year, or the year and month); `YYYY年度` (the year),
//!   `YYYY年底|末` and `M月底|末|初|上旬|中旬|下旬|份` (the month; `底前` until it), `上半年`,
//!   `下半年`, `[第]N季度` (spans of months); after any point `以来`, `以后`, `之后`, `起`, `至今`
//!   (since), `以前`, `之前` (until), after a day `前` (until; not `前往`, `前来`);
//!   `截至|截止[到]YYYY年M月[D日]` (as of); `自|从` before a span or a since (kept in the text),
//!   `到YYYY年…` at a clause start or after 力争, 计划, 预计, 确保, 要, 直, 拟, 并 (until);
//!   `同年|当年` + a month (the year of the text before), `今年|去年|上年|明年` + a month (from the
//!   year the reply was written); `十X五` and `第十X个五年` (five-year plans); `M月D日` and
//!   `M月份|初|上旬|中旬|下旬|底|末` (year from the nearest earlier year; both of these and the
//!   relative forms are unplaced when there is no year to go by); a year closing a book title
//!   (`《…2035》`); a garbled `YYYYMDD[日]` with one valid reading, and a year glued to the digits
//!   before it (`22021年` → `2021年`), both flagged;
//! - money ([`amount`], [`chinese_money`], [`yen`]): `[近约超]N[,NNN][-—~N][多余][ ](元|万元|亿元)`
//!   `[/unit][以上|左右]` and `N(万|亿)(多|余)元`, `每<unit>` just before it making it a rate
//!   (`每平方米800元`); `N[万|亿]人民币`; a bare `N万|亿` after a money word ([`MONEY_WORDS`]: 资金,
//!   投资, 经费 …) when a clause end, a verb or a particle follows, or before a money noun (资金,
//!   经费: `51.6万城维资金`); an amount in Chinese numerals before `万元` or `亿元` (`五十万元`, not
//!   `几十万元`), or in financial numerals (`拾万元`) also before `元`, with its `(¥:100000.00元)`
//!   beside it as part of the same amount; `¥N`;
//! - figure ([`amount`]): `[近约超]N[-N][多余][万|亿|万亿][多余][ ]unit[以上|左右]` with a measure
//!   word or unit from [`UNITS`]; `年` only after at most three digits and not before 级, 代, 底, 末,
//!   初 or 度; an ASCII unit not followed by a letter or digit; `万` without `元` is money only as
//!   above, else a figure or nothing (万亩, 万公里, 万人次);
//! - a number glued to a letter, digit, `.`, `第`, `/` or `〔` is an identifier or a rate's divisor
//!   (`No.3`, `第3`, `S221`, `154.41/10万`), not a fact; a number that is no fact is stepped over whole,
//!   so its tail is not read as another. Chinese numerals are read only from the start of their run.

use crate::model::date::{days_in_month, Point};
use crate::model::{Approx, DateRef, Decimal, Money, MoneyUnit, Multiplier, When};

use super::cursor::Cursor;
use super::CharSet;

/// Measure words and units a figure may end with; a longer unit comes before any unit it starts
/// with (`人次` before `人`, `个月` before `个`), since the first that fits wins.
pub const UNITS: [&str; 66] = [
    "平方公里",
    "平方千米",
    "平方米",
    "立方米",
    "平米",
    "个百分点",
    "个月",
    "人次",
    "公里",
    "公顷",
    "公斤",
    "千米",
    "千克",
    "千瓦",
    "小时",
    "分钟",
    "乡镇",
    "周岁",
    "㎡",
    "㎥",
    "km²",
    "km",
    "m²",
    "m³",
    "mm",
    "cm",
    "kg",
    "m",
    "%",
    "％",
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
    "份",
    "位",
    "台",
    "套",
    "村",
    "镇",
    "乡",
    "县",
    "斤",
    "岁",
    "年",
];

/// What a rate may be per besides the [`UNITS`]: `每月200元`, `50元/平米`.
const PER_ONLY: [&str; 3] = ["月", "平米", "季度"];

/// Money units, as written after the amount (萬元 and 億元 in traditional characters); the first
/// that fits wins.
const MONEY_UNITS: [(&str, MoneyUnit); 5] = [
    ("万元", MoneyUnit::WanYuan),
    ("亿元", MoneyUnit::YiYuan),
    ("萬元", MoneyUnit::WanYuan),
    ("億元", MoneyUnit::YiYuan),
    ("元", MoneyUnit::Yuan),
];

/// Words that make a bare `N万` money when written just before it: `投入资金50万`, `经费3万`.
pub const MONEY_WORDS: [&str; 20] = [
    "资金", "经费", "投资", "投入", "补助", "补贴", "拨付", "拨款", "资助", "奖补", "奖励", "捐款",
    "捐赠", "费用", "金额", "预算", "筹措", "筹集", "安排", "下达",
];

/// Words that may stand between a money word and its bare `N万`: `投资共计50万`, `资金达30万`.
const MONEY_LINKS: [&str; 9] = [
    "共计", "合计", "累计", "总计", "达到", "达", "为", "共", "约",
];

/// The characters that may follow a bare `N万` that is money: verbs and particles.
const AFTER_MONEY: &str = "用给的作对专支补建于以和及与或为在来到全已并将由主拨购修改实解";

/// The years a block's year-less dates are placed with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Years {
    /// The last year written before the block (or the reply's own year): for `同年`, `8月6日`.
    pub context: Option<i32>,
    /// The year the reply was written: for `今年`, `去年`, `明年`.
    pub this: Option<i32>,
}

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

/// A space that may stand between a number and its unit (`4500 亩`).
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}')
}

/// The first character of a hedge written before the number (`近`, `约`/`約`, `超`, `超过`, `突破`,
/// `逾`); [`hedge_at`] reads the whole hedge.
fn approx_prefix(c: char) -> Option<Approx> {
    match c {
        '近' => Some(Approx::Nearly),
        '约' | '約' => Some(Approx::About),
        '超' | '突' | '逾' => Some(Approx::Exceeding),
        _ => None,
    }
}

/// The hedge before a number at the cursor and its length in characters: one character, or a
/// two-character verb of exceeding (`超过`/`超過`, `突破`) that is a hedge only before the number.
fn hedge_at(c: &Cursor<'_>) -> Option<(Approx, usize)> {
    let first = c.peek()?;
    let approx = approx_prefix(first)?;
    let second = c.peek_at(1);
    match (first, second) {
        ('超', Some('过' | '過')) | ('突', Some('破')) => Some((approx, 2)),
        ('突', _) => None,
        _ => Some((approx, 1)),
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

/// A hedge written after the unit: `35%以上`, `3亿元左右`.
fn approx_after_unit(c: &mut Cursor<'_>) -> Option<Approx> {
    if c.eat("以上") {
        Some(Approx::Over)
    } else if c.eat("左右") {
        Some(Approx::About)
    } else {
        None
    }
}

/// A character before a number that makes the number part of something else.
fn glues(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '第' | '/' | '〔')
}

// ---------------------------------------------------------------------------------------------------
// Chinese numerals.

/// A Chinese digit, ordinary or financial (`五`, `伍`), or `〇` / `零`, as its value.
fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' | '貳' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// A Chinese place word inside a group of four digits (`十` `百` `千`, `拾` `佰` `仟`).
fn chinese_place(c: char) -> Option<u128> {
    match c {
        '十' | '拾' => Some(10),
        '百' | '佰' => Some(100),
        '千' | '仟' => Some(1000),
        _ => None,
    }
}

/// A Chinese group word (`万`, `亿`) as its power of ten.
fn chinese_group(c: char) -> Option<u32> {
    match c {
        '万' | '萬' => Some(4),
        '亿' | '億' => Some(8),
        _ => None,
    }
}

/// Is `c` written only in financial numerals (壹 to 玖, 拾 佰 仟)?
fn is_financial(c: char) -> bool {
    matches!(
        c,
        '壹' | '贰'
            | '貳'
            | '叁'
            | '參'
            | '肆'
            | '伍'
            | '陆'
            | '陸'
            | '柒'
            | '捌'
            | '玖'
            | '拾'
            | '佰'
            | '仟'
            | '萬'
            | '億'
    )
}

/// Any character of a Chinese number.
fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || chinese_place(c).is_some() || chinese_group(c).is_some()
}

/// A Chinese whole number at the cursor (`一千二百万`, `拾万`, `壹佰贰拾万伍仟`), at most 24
/// characters: its value, whether it ended on a group word (the power of ten), and whether it was
/// written in financial numerals. Irregular runs (`一二`, `百百`) are refused.
fn chinese_number(c: &mut Cursor<'_>) -> Option<(u128, Option<u32>, bool)> {
    let (mut total, mut group, mut digit): (u128, u128, Option<u128>) = (0, 0, None);
    // The last place word in the current group, and the last group word (places and groups must
    // fall); what the number ended on.
    let (mut last_place, mut last_group, mut ended_on) = (u128::MAX, u32::MAX, None);
    let (mut financial, mut read) = (false, 0);
    while let Some(ch) = c.peek().filter(|ch| is_chinese_numeral(*ch)) {
        if read >= 24 {
            return None;
        }
        financial |= is_financial(ch);
        ended_on = None;
        if let Some(d) = chinese_digit(ch) {
            if digit.is_some_and(|d| d != 0) {
                return None;
            }
            digit = Some(u128::from(d));
        } else if let Some(p) = chinese_place(ch) {
            // 十 alone at the start of a group is 一十.
            let d = match digit {
                Some(d) if d > 0 => d,
                None if p == 10 && group == 0 => 1,
                _ => return None,
            };
            if p >= last_place {
                return None;
            }
            group = group.checked_add(d.checked_mul(p)?)?;
            last_place = p;
            digit = None;
        } else if let Some(g) = chinese_group(ch) {
            let value = group.checked_add(digit.unwrap_or(0))?;
            // 亿 after 万 (万亿) multiplies all before it; else groups fall (亿, then 万).
            let wan_yi = g == 8 && last_group == 4;
            if value == 0 && !(wan_yi && total > 0) || g >= last_group && !wan_yi {
                return None;
            }
            let scale = 10u128.checked_pow(g)?;
            total = if wan_yi {
                total.checked_add(value)?.checked_mul(scale)?
            } else {
                total.checked_add(value.checked_mul(scale)?)?
            };
            (group, digit, last_place, last_group) = (0, None, u128::MAX, g);
            ended_on = Some(g);
        }
        c.bump(1);
        read += 1;
    }
    let value = total.checked_add(group)?.checked_add(digit.unwrap_or(0))?;
    (read > 0 && value > 0).then_some((value, ended_on, financial))
}

/// `五`, `十`, `十二`, `二十`, `三十一`: a Chinese month or day, from 1 to `max`.
fn chinese_small(c: &mut Cursor<'_>, max: u8) -> Option<u8> {
    let ordinary = |ch: Option<char>| {
        ch.filter(|ch| !is_financial(*ch))
            .and_then(chinese_digit)
            .filter(|d| *d > 0)
    };
    let first = ordinary(c.peek());
    let value = if c.peek() == Some('十') {
        c.bump(1);
        10 + c
            .attempt(|c| {
                let d = ordinary(c.peek())?;
                c.bump(1);
                Some(d)
            })
            .unwrap_or(0)
    } else if let Some(tens) = first.filter(|_| c.peek_at(1) == Some('十')) {
        c.bump(2);
        tens * 10
            + c.attempt(|c| {
                let d = ordinary(c.peek())?;
                c.bump(1);
                Some(d)
            })
            .unwrap_or(0)
    } else {
        c.bump(1);
        first?
    };
    let v = u8::try_from(value).ok()?;
    (1..=max).contains(&v).then_some(v)
}

/// A month or day in digits or Chinese numerals.
fn small_any(c: &mut Cursor<'_>, max: u8) -> Option<u8> {
    if c.peek().is_some_and(|d| d.is_ascii_digit()) {
        c.small(max)
    } else {
        chinese_small(c, max)
    }
}

/// A year in four Chinese digits, `〇` or ASCII digits mixed in (`二○一一`, `二0一二`).
fn chinese_year(c: &mut Cursor<'_>) -> Option<i32> {
    let mut y = 0;
    for k in 0..4 {
        let ch = c.peek_at(k)?;
        let d = ch.to_digit(10).or_else(|| chinese_digit(ch))?;
        y = y * 10 + d;
    }
    let y = i32::try_from(y).ok()?;
    (1900..=2100).contains(&y).then(|| {
        c.bump(4);
        y
    })
}

// ---------------------------------------------------------------------------------------------------
// Dates.

/// `截至|截止[到]YYYY年M月[D日]`, or `截至YYYY年` when a number that is not a month follows. Without a
/// month number at all (`截至2023年底`) it is not an as-of date: the year is read on its own.
fn as_of(c: &mut Cursor<'_>) -> Option<When> {
    c.eat_any(&["截至到", "截止到", "截至", "截止"])?;
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
    if c.eat_any(&["底", "末"]).is_some() {
        return Some(When::AsOf(Point::Month(y, m)));
    }
    c.eat("份");
    let day = c.attempt(|c| day(c, y, m));
    Some(When::AsOf(
        day.map_or(Point::Month(y, m), |d| Point::Day(y, m, d)),
    ))
}

/// `D日` or `D号`, a day that month has; digits without `日` only at the end of the text.
fn day(c: &mut Cursor<'_>, y: i32, m: u8) -> Option<u8> {
    let digits = c.peek().is_some_and(|d| d.is_ascii_digit());
    let d = small_any(c, 31)?;
    if d > days_in_month(y, m) {
        return None;
    }
    if c.eat_any(&["日", "号"]).is_some() {
        return Some(d);
    }
    (digits && c.peek().is_none_or(char::is_whitespace)).then_some(d)
}

/// What may follow any point: `以来`, `以后`, `之后`, `起`, `至今` (since), `以前`, `之前` (until);
/// `前` after a day (until, not `前往`, `前来`).
fn tail(c: &mut Cursor<'_>, p: Point) -> When {
    if c.eat_any(&["以来", "以后", "之后", "至今"]).is_some()
        || c.attempt(|c| {
            c.eat("起").then_some(())?;
            (!c.peek()
                .is_some_and(|n| matches!(n, '草' | '诉' | '步' | '点' | '来')))
            .then_some(())
        })
        .is_some()
    {
        return When::Since(p);
    }
    if c.eat_any(&["以前", "之前"]).is_some() {
        return When::Until(p);
    }
    if matches!(p, Point::Day(..))
        && c.attempt(|c| {
            c.eat("前").then_some(())?;
            (!c.peek()
                .is_some_and(|n| matches!(n, '往' | '来' | '进' | '夕' | '后' | '期')))
            .then_some(())
        })
        .is_some()
    {
        return When::Until(p);
    }
    When::On(p)
}

/// The second end of a span after `p` (the cursor after the dash): a point of another year, else a
/// month (with its day) or, after a day, a day of the same year.
fn span_end(c: &mut Cursor<'_>, p: Point) -> Option<Point> {
    let y = p.year();
    let end = if let Some(y2) = c.attempt(|c| c.year().filter(|_| c.eat("年"))) {
        c.attempt(|c| month(c, y2)).unwrap_or(Point::Year(y2))
    } else if let Some(m) = c.attempt(|c| small_any(c, 12).filter(|_| c.eat("月"))) {
        let d = c.attempt(|c| day(c, y, m));
        d.map_or(Point::Month(y, m), |d| Point::Day(y, m, d))
    } else if let Point::Day(_, m, _) = p {
        let d = c.small(31).filter(|d| *d <= days_in_month(y, m))?;
        c.eat_any(&["日", "号"])?;
        Point::Day(y, m, d)
    } else {
        return None;
    };
    (end.upper() >= p.lower() && end > p).then_some(end)
}

/// What follows a point: a span to a later point, or a [`tail`].
fn after_point(c: &mut Cursor<'_>, p: Point) -> When {
    let span = c.attempt(|c| {
        c.eat_if(|d| is_dash(d) || d == '到')?;
        if c.looking_at("今") {
            return None;
        }
        span_end(c, p)
    });
    match span {
        Some(end) => When::Span(p, end),
        None => tail(c, p),
    }
}

/// `M月` after a year, with what may follow the month: `份`, `底`/`末` (`底前` until), `上旬`,
/// `中旬`, `下旬`, a day.
fn month(c: &mut Cursor<'_>, y: i32) -> Option<Point> {
    let m = small_any(c, 12)?;
    if !c.eat("月") {
        return None;
    }
    let day = c.attempt(|c| day(c, y, m));
    Some(day.map_or(Point::Month(y, m), |d| Point::Day(y, m, d)))
}

/// A month point and everything after it.
fn after_month(c: &mut Cursor<'_>, p: Point) -> When {
    if matches!(p, Point::Month(..)) {
        if c.eat_any(&["底前", "末前"]).is_some() {
            return When::Until(p);
        }
        if c.eat_any(&["底", "末", "初", "上旬", "中旬", "下旬"])
            .is_some()
        {
            return When::On(p);
        }
        c.eat("份");
    }
    after_point(c, p)
}

/// `第N季度`, `N季度`: the quarter's months.
fn quarter(c: &mut Cursor<'_>, y: i32) -> Option<When> {
    c.eat("第");
    let q = small_any(c, 4)?;
    if !c.eat("季度") {
        return None;
    }
    let first = q * 3 - 2;
    Some(When::Span(
        Point::Month(y, first),
        Point::Month(y, first + 2),
    ))
}

/// Everything that can follow `YYYY年`: a span to a second year, `度`, `底`, `上半年`, a quarter, a
/// month, or nothing; then a [`tail`].
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
    if c.eat_any(&["底前", "末前"]).is_some() {
        return When::Until(Point::Month(y, 12));
    }
    if c.eat_any(&["底", "末"]).is_some() {
        return When::On(Point::Month(y, 12));
    }
    if c.eat("上半年") {
        return When::Span(Point::Month(y, 1), Point::Month(y, 6));
    }
    if c.eat("下半年") {
        return When::Span(Point::Month(y, 7), Point::Month(y, 12));
    }
    if let Some(q) = c.attempt(|c| quarter(c, y)) {
        return q;
    }
    // 1-6月: a span of months.
    if let Some((a, b)) = c.attempt(|c| {
        let a = c.small(12)?;
        c.eat_if(|d| is_dash(d) && d != '至')?;
        let b = c.small(12).filter(|b| *b > a)?;
        c.eat("月").then_some((a, b))
    }) {
        c.eat("份");
        return When::Span(Point::Month(y, a), Point::Month(y, b));
    }
    if c.eat("度") {
        return tail(c, Point::Year(y));
    }
    match c.attempt(|c| month(c, y)) {
        Some(p) => after_month(c, p),
        None => tail(c, Point::Year(y)),
    }
}

/// Five-year plans: `十一五` (2006–2010) to `十五五` (2026–2030), and `第十四个五年`.
fn plan(c: &mut Cursor<'_>) -> Option<When> {
    let long = c.eat("第");
    if c.peek() != Some('十') {
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
    c.bump(2);
    if !(if long {
        c.eat("个五年")
    } else {
        c.eat("五")
    }) {
        return None;
    }
    let start = 2006 + (n - 1) * 5;
    Some(When::Span(Point::Year(start), Point::Year(start + 4)))
}

/// The second year of a span, not before the first.
fn end_year(c: &mut Cursor<'_>, first: i32) -> Option<i32> {
    c.year().filter(|y| *y >= first)
}

/// `YYYY-YYYY[年]`, `YYYY-MM-DD`, `YYYY.M.D` or `YYYY/M/D`, the cursor after the first year.
fn after_year_mark(c: &mut Cursor<'_>, y: i32) -> Option<When> {
    let mark = c.eat_if(|d| is_dash(d) || d == '.' || d == '/')?;
    if is_dash(mark) {
        if let Some(y2) = c.attempt(|c| end_year(c, y)) {
            c.eat("年");
            return Some(When::Span(Point::Year(y), Point::Year(y2)));
        }
    }
    let m = c.small(12)?;
    c.eat_if(|d| d == mark || (is_dash(mark) && is_dash(d)))?;
    let d = c.small(31)?;
    let unit_after = c.peek().is_some_and(|n| {
        n.is_ascii_digit()
            || MONEY_UNITS.iter().any(|(u, _)| u.starts_with(n))
            || matches!(n, '万' | '萬')
    });
    (d <= days_in_month(y, m) && !unit_after).then_some(When::On(Point::Day(y, m, d)))
}

/// `自` or `从` before a span or a since (`从2015年至2021年`, `自2011年起`, `从2020年开始`), kept in
/// the written text; before anything else the word is not part of the date.
fn from(c: &mut Cursor<'_>) -> Option<When> {
    c.eat_any(&["自", "从"])?;
    let y = c.year()?;
    if !c.eat("年") {
        return None;
    }
    match after_year(c, y) {
        w @ (When::Span(..) | When::Since(_)) => Some(w),
        When::On(p) if c.eat("开始") => Some(When::Since(p)),
        _ => None,
    }
}

/// `到YYYY年…` (`到2030年`, `到2020年底`): until that point. 到 must open its clause or follow a word
/// that sets a time limit (力争, 计划, 预计, 确保, 要, 直, 拟, 并); after a verb it is part of the verb
/// (达到, 提到, 考虑到).
fn until_to(c: &mut Cursor<'_>) -> Option<When> {
    let opens = c.prev().is_none_or(|p| {
        !p.is_alphanumeric() || matches!(p, '争' | '划' | '计' | '保' | '要' | '直' | '拟' | '并')
    });
    if !opens {
        return None;
    }
    c.eat("到").then_some(())?;
    let y = c.year()?;
    if !c.eat("年") {
        return None;
    }
    match after_year(c, y) {
        When::On(p) => Some(When::Until(p)),
        _ => None,
    }
}

/// `同年|当年` (the year of the text before), `今年`, `去年|上年`, `明年` (from the year the reply
/// was written), then a month: the year is inferred; without a year to go by it is unplaced.
fn relative(c: &mut Cursor<'_>, years: Years) -> Option<(When, bool)> {
    let word = c.eat_any(&["同年", "当年", "今年", "去年", "上年", "明年"])?;
    let y = match word {
        "同年" | "当年" => years.context,
        "今年" => years.this,
        "明年" => years.this.map(|y| y + 1),
        _ => years.this.map(|y| y - 1),
    };
    // Without a year, the month and day are checked against a leap year and the date is unplaced.
    let p = month(c, y.unwrap_or(2000))?;
    let when = after_month(c, p);
    Some(match y {
        Some(_) => (when, true),
        None => (When::Unresolved, false),
    })
}

/// `8月6日`, or a month with a word that makes it a time (`8月份`, `8月初`, `8月中旬`, `8月底`), with
/// the year taken from the text before it (flagged as inferred), unplaced when there is none; not
/// right after a digit, `年`, `.` or a dash.
fn month_day(c: &mut Cursor<'_>, context_year: Option<i32>) -> Option<(When, bool)> {
    if c.prev()
        .is_some_and(|p| p.is_ascii_digit() || p == '年' || p == '.' || is_dash(p))
    {
        return None;
    }
    let y = context_year.unwrap_or(2000);
    let m = c.small(12)?;
    if !c.eat("月") {
        return None;
    }
    let when = match c.small(31) {
        Some(d) => {
            if !c.eat("日") || d > days_in_month(y, m) {
                return None;
            }
            after_point(c, Point::Day(y, m, d))
        }
        None => {
            let at = c.pos();
            let when = after_month(c, Point::Month(y, m));
            if c.pos() == at {
                return None;
            }
            when
        }
    };
    Some(match context_year {
        Some(_) => (when, true),
        None => (When::Unresolved, false),
    })
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
    // Digits run together are never a date when money or a unit follows: `2010203元` is an amount
    // and `2009130人` a count, never a day.
    let ends = c.peek_at(n).is_none_or(|next| {
        !matches!(next, '元' | '万' | '亿' | '.' | '%')
            && !UNITS.iter().any(|u| u.starts_with(next))
    });
    match readings.as_slice() {
        [(m, d)] if ends => {
            c.bump(n);
            c.eat("日");
            Some(When::On(Point::Day(y, *m, *d)))
        }
        _ => None,
    }
}

/// A date at the cursor, and whether its year was inferred. A rule that fails may leave the cursor
/// anywhere; the caller runs this through [`Cursor::attempt`].
fn date(c: &mut Cursor<'_>, years: Years) -> Option<(When, bool)> {
    let first = c.peek()?;
    let placed = |w: Option<When>| w.map(|w| (w, false));
    match first {
        '截' => placed(as_of(c)),
        '自' | '从' => placed(from(c)),
        '到' => placed(until_to(c)),
        '第' | '十' => placed(plan(c)),
        '同' | '当' | '今' | '去' | '上' | '明' => relative(c, years),
        '一' | '二' => {
            let y = chinese_year(c)?;
            c.eat("年").then(|| (after_year(c, y), false))
        }
        d if d.is_ascii_digit() => {
            let Some(y) = c.year() else {
                return c
                    .attempt(|c| month_day(c, years.context))
                    .or_else(|| c.attempt(garbled).map(|w| (w, true)));
            };
            match c.peek() {
                Some('年') => {
                    c.bump(1);
                    Some((after_year(c, y), false))
                }
                // A year closing a book title: 《中国教育现代化2035》.
                Some('》') => Some((When::On(Point::Year(y)), false)),
                Some(_) => placed(after_year_mark(c, y)),
                None => None,
            }
        }
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------------
// Money and figures.

/// Digits with an optional decimal part, or with thousands separators (`1,500`), which the caller
/// accepts only before a money unit. Returns the number without separators and whether it had any.
fn grouped_number(c: &mut Cursor<'_>) -> Option<(String, bool)> {
    let lead = c.digits_ahead(4);
    let mut digits = c.number()?;
    let mut grouped = false;
    if (1..=3).contains(&lead) && !digits.contains('.') {
        // At most six groups (10¹⁸), so that a long run of groups is not read again from each.
        let mut groups = 0;
        while groups < 6
            && c.peek() == Some(',')
            && c.peek_at(4).is_none_or(|d| !d.is_ascii_digit())
            && (1..=3).all(|k| c.peek_at(k).is_some_and(|d| d.is_ascii_digit()))
        {
            c.bump(1);
            digits.push_str(&c.number()?);
            grouped = true;
            groups += 1;
        }
    }
    // Without groups the cursor is still just after the number read first: `digits` holds it.
    Some((digits, grouped))
}

/// The money unit ahead, after at most one space: its length (space included) and unit.
fn money_unit_ahead(c: &Cursor<'_>) -> Option<(usize, MoneyUnit)> {
    let space = usize::from(c.peek().is_some_and(is_space));
    MONEY_UNITS.iter().find_map(|(u, unit)| {
        let fits = u
            .chars()
            .enumerate()
            .all(|(k, ch)| c.peek_at(space + k) == Some(ch));
        fits.then(|| (space + u.chars().count(), *unit))
    })
}

/// A measure word or unit at the cursor, after at most one space; an ASCII unit must not run on into
/// a letter or digit, and `年` is only a count of years after at most three digits (`6年`, `3-5年`),
/// never `年级`, `年代` or a year's end.
fn unit(c: &mut Cursor<'_>, value: &str) -> Option<&'static str> {
    c.attempt(|c| {
        c.eat_if(is_space);
        let unit = c.eat_any(&UNITS)?;
        let ascii_runs_on = unit.chars().all(|u| u.is_ascii_alphabetic())
            && c.peek().is_some_and(|n| n.is_ascii_alphanumeric());
        let not_years = unit == "年"
            && (value.split('.').next().is_none_or(|whole| whole.len() > 3)
                || c.peek()
                    .is_some_and(|n| matches!(n, '级' | '代' | '底' | '末' | '初' | '度')));
        (!ascii_runs_on && !not_years).then_some(unit)
    })
}

/// Money or a figure whose number starts at the cursor (a hedge before it is the caller's).
/// `money_word` says whether a money word stands just before the number, so that a bare `N万` is
/// money.
fn amount(c: &mut Cursor<'_>, money_word: impl Fn() -> bool) -> Option<Kind> {
    let (text, grouped) = grouped_number(c)?;
    let value = Decimal::parse(&text).ok()?;
    // A range, 5-10万元 or 3-5年. An upper end too long to be read still belongs to the range.
    let range = c.attempt(|c| {
        c.eat_if(|d| is_dash(d) && d != '至')?;
        let upper = c.number()?;
        Some(Decimal::parse(&upper).ok())
    });
    let mut approx = c.attempt(|c| c.next_char().and_then(approx_suffix));
    if let Some((len, unit)) = money_unit_ahead(c) {
        c.bump(len);
        let per = c.attempt(|c| {
            if !c.eat("/") {
                return None;
            }
            c.eat_any(&UNITS).or_else(|| c.eat_any(&PER_ONLY))
        });
        let approx = approx.or(approx_after_unit(c));
        let money = Money::new(value, unit)
            .ok()?
            .with_range(range.flatten())
            .ok()?
            .with_approx(approx)
            .with_per(per.map(str::to_owned))
            .ok()?;
        return Some(Kind::Money { money });
    }
    if grouped {
        return None;
    }
    // 萬, 億: the same multipliers in traditional characters.
    let multiplier = match c.peek() {
        Some('万' | '萬') => Some(Multiplier::Wan),
        Some('亿' | '億') => Some(Multiplier::Yi),
        _ => None,
    };
    if multiplier.is_some() {
        c.bump(1);
    }
    // 1.2万亿斤: 万 of 亿斤.
    let yi_of = multiplier == Some(Multiplier::Wan) && (c.eat("亿") || c.eat("億"));
    if approx.is_none() {
        approx = c.attempt(|c| c.next_char().and_then(approx_suffix));
    }
    // 5万余元: the hedge between the multiplier and 元.
    if approx.is_some() && !yi_of && multiplier.is_some() && c.eat("元") {
        let unit = match multiplier {
            Some(Multiplier::Yi) => MoneyUnit::YiYuan,
            _ => MoneyUnit::WanYuan,
        };
        let money = Money::new(value, unit)
            .ok()?
            .with_range(range.flatten())
            .ok()?
            .with_approx(approx);
        return Some(Kind::Money { money });
    }
    // 5000万人民币: the currency written out.
    if !yi_of && c.eat("人民币") {
        let unit = match multiplier {
            Some(Multiplier::Wan) => MoneyUnit::WanYuan,
            Some(Multiplier::Yi) => MoneyUnit::YiYuan,
            None => MoneyUnit::Yuan,
        };
        let approx = approx.or(approx_after_unit(c));
        let money = Money::new(value, unit)
            .ok()?
            .with_range(range.flatten())
            .ok()?
            .with_approx(approx);
        return Some(Kind::Money { money });
    }
    let Some(unit) = unit(c, &text) else {
        // 投入资金50万, 安排51.6万城维资金: money, when a money word is just before or a money noun
        // just after, and no unit follows.
        let unit = match multiplier {
            Some(Multiplier::Wan) if !yi_of => MoneyUnit::WanYuan,
            Some(Multiplier::Yi) => MoneyUnit::YiYuan,
            _ => return None,
        };
        let approx = approx.or(approx_after_unit(c));
        // What follows a sum of money is a clause end, a verb or particle (用于, 给予, 的, 支持) or
        // the money's name (城维资金), never a word that would make it another currency or a count
        // (美元, 头).
        let verb_after = c
            .peek()
            .is_none_or(|n| !n.is_alphanumeric() || AFTER_MONEY.contains(n));
        if !(verb_after && money_word() || money_noun_after(c)) {
            return None;
        }
        let money = Money::new(value, unit)
            .ok()?
            .with_range(range.flatten())
            .ok()?
            .with_approx(approx);
        return Some(Kind::Money { money });
    };
    if let Some(upper) = range {
        if upper.is_none_or(|u| u < value) {
            return None;
        }
    }
    let approx = approx.or(approx_after_unit(c));
    Some(Kind::Figure {
        value,
        multiplier,
        unit: if yi_of {
            format!("亿{unit}")
        } else {
            unit.to_owned()
        },
        approx,
    })
}

/// An amount in Chinese numerals: ordinary numerals before `万元` or `亿元` (`五十万元`), financial
/// numerals also before `元` (`伍仟元`), then `整`, then the figure in digits beside it in brackets
/// (`拾万元(¥:100000.00元)`, `(小写:￥100,000元)`), which is the same amount written again.
fn chinese_money(c: &mut Cursor<'_>) -> Option<Kind> {
    let (mut value, mut ended_on, financial) = chinese_number(c)?;
    let approx = c.attempt(|c| c.next_char().and_then(approx_suffix));
    // 十余万元: the group word after the hedge.
    if let Some(g) = c
        .peek()
        .and_then(chinese_group)
        .filter(|_| ended_on.is_none())
    {
        if approx.is_some() {
            c.bump(1);
            value = value.checked_mul(10u128.checked_pow(g)?)?;
            ended_on = Some(g);
        }
    }
    if !c.eat("元") && !c.eat("圆") {
        return None;
    }
    let (amount, unit) = match ended_on {
        Some(4) => (value / 10_000, MoneyUnit::WanYuan),
        Some(8) => (value / 100_000_000, MoneyUnit::YiYuan),
        _ if financial => (value, MoneyUnit::Yuan),
        _ => return None,
    };
    c.eat("整");
    c.attempt(|c| {
        c.eat_if(|b| b == '(' || b == '（')?;
        let colon = |b: char| b == ':' || b == '：';
        c.eat("小写");
        c.eat_if(colon);
        c.eat_if(is_space);
        c.eat_if(|b| b == '¥' || b == '￥')?;
        c.eat_if(colon);
        c.eat_if(is_space);
        grouped_number(c)?;
        c.eat("元");
        c.eat_if(|b| b == ')' || b == '）')
    });
    let amount = Decimal::parse(&amount.to_string()).ok()?;
    let money = Money::new(amount, unit).ok()?.with_approx(approx);
    Some(Kind::Money { money })
}

/// `¥100000.00`, `￥1,500元`: money in 元.
fn yen(c: &mut Cursor<'_>) -> Option<Kind> {
    c.eat_if(|b| b == '¥' || b == '￥')?;
    c.eat_if(is_space);
    let (text, _) = grouped_number(c)?;
    let value = Decimal::parse(&text).ok()?;
    let unit = match money_unit_ahead(c) {
        Some((len, unit)) => {
            c.bump(len);
            unit
        }
        None => MoneyUnit::Yuan,
    };
    let money = Money::new(value, unit).ok()?;
    Some(Kind::Money { money })
}

/// Does a money noun (资金, 经费, 专款) follow within the next six characters of the same word run
/// (`51.6万城维资金`)?
fn money_noun_after(c: &Cursor<'_>) -> bool {
    let words: String = (0..6)
        .map_while(|k| c.peek_at(k).filter(|n| n.is_alphanumeric()))
        .collect();
    ["资金", "经费", "专款", "奖金", "补助金"]
        .iter()
        .any(|w| words.contains(w))
}

/// Does a money word stand just before `start`, possibly with a link word between
/// (`投入资金50万`, `投资共计50万`)? Looks at most six characters back.
fn money_word_before(chars: &[char], start: usize) -> bool {
    let ends_with = |end: usize, word: &str| {
        let n = word.chars().count();
        end.checked_sub(n)
            .and_then(|from| chars.get(from..end))
            .is_some_and(|s| s.iter().copied().eq(word.chars()))
    };
    let end = MONEY_LINKS
        .iter()
        .find(|w| ends_with(start, w))
        .map_or(start, |w| start - w.chars().count());
    MONEY_WORDS.iter().any(|w| ends_with(end, w))
}

/// `每平方米` just before a money at `start` makes it a rate: where the rate's words start and what
/// it is per. Not before `not_before` (the end of the last fact).
fn per_before(chars: &[char], start: usize, not_before: usize) -> Option<(usize, &'static str)> {
    let window = chars.get(start.saturating_sub(6).max(not_before)..start)?;
    if !window.contains(&'每') {
        return None;
    }
    UNITS.iter().chain(&PER_ONLY).find_map(|u| {
        let n = u.chars().count() + 1;
        let from = start.checked_sub(n).filter(|f| *f >= not_before)?;
        let words = chars.get(from..start)?;
        let (first, rest) = words.split_first()?;
        (*first == '每' && rest.iter().copied().eq(u.chars())).then_some((from, *u))
    })
}

/// Can a fact start with `c`? Every rule of [`date`] and of money and figures starts with a digit, a
/// Chinese numeral, a hedge, a yen sign or one of the words [`date`] dispatches on; at any other
/// character every rule fails. Most characters are refused by one bit of [`STARTS`].
fn may_start(c: char) -> bool {
    c.is_ascii_digit() || STARTS.may_hold(c) && starts_a_fact(c)
}

/// The exact test behind [`may_start`]'s one-bit one: the words [`date`] dispatches on, a yen sign,
/// a hedge or a Chinese numeral.
fn starts_a_fact(c: char) -> bool {
    matches!(
        c,
        '截' | '自' | '从' | '到' | '第' | '同' | '当' | '今' | '去' | '上' | '明' | '¥' | '￥'
    ) || approx_prefix(c).is_some()
        || is_chinese_numeral(c)
}

/// The characters other than digits a fact may start with (see [`may_start`]).
const START_CHARS: [char; 54] = [
    '截', '自', '从', '到', '第', '同', '当', '今', '去', '上', '明', '¥', '￥', '近', '约', '超',
    '約', '突', '逾', '〇', '○', '零', '一', '壹', '二', '两', '贰', '貳', '三', '叁', '參', '四',
    '肆', '五', '伍', '六', '陆', '陸', '七', '柒', '八', '捌', '九', '玖', '十', '拾', '百', '佰',
    '千', '仟', '万', '萬', '亿', '億',
];

/// [`START_CHARS`] as a first test.
static STARTS: CharSet = CharSet::new(&START_CHARS);

/// Every fact in `text`, in order. `year_hint` places year-less dates when the text before gives none.
pub fn find(text: &str, year_hint: Option<i32>) -> Vec<Found> {
    let chars = super::chars_of(text);
    find_counted(&chars, year_hint).0
}

/// [`find`] on characters, with the number of characters looked at.
pub fn find_counted(chars: &[char], year_hint: Option<i32>) -> (Vec<Found>, u64) {
    find_with(
        chars,
        Years {
            context: year_hint,
            this: None,
        },
    )
}

/// [`find_counted`] with the years to place relative dates (`同年`, `今年`) by.
pub fn find_with(chars: &[char], years: Years) -> (Vec<Found>, u64) {
    let mut c = Cursor::new(chars);
    let mut out: Vec<Found> = Vec::new();
    let mut context_year = years.context;
    while !c.at_end() {
        // Most characters start no fact: pass them over without trying every rule at each.
        if c.peek().is_some_and(|ch| !may_start(ch)) {
            c.bump(1);
            continue;
        }
        let mut start = c.pos();
        let glued = c.prev().is_some_and(glues);
        // 22021年: a year glued to the digits before it (a lost separator); read the year alone.
        let run = if glued { 0 } else { c.digits_ahead(9) };
        let mut regrouped = false;
        if (5..=8).contains(&run) && c.peek_at(run) == Some('年') {
            c.bump(run - 4);
            if c.year().is_some() {
                c.rewind(start + run - 4);
                start = c.pos();
                regrouped = true;
            } else {
                c.rewind(start);
            }
        }
        if !glued || regrouped {
            let years = Years {
                context: context_year,
                this: years.this,
            };
            if let Some((when, inferred)) = c.attempt(|c| date(c, years)) {
                if let Some(y) = when.start().map(Point::year) {
                    context_year = Some(y);
                }
                let written = c.since(start);
                if let Ok(date) = DateRef::new(written.clone(), when) {
                    out.push(Found {
                        start,
                        end: c.pos(),
                        written,
                        kind: Kind::Date {
                            date,
                            inferred: inferred || regrouped,
                        },
                    });
                    continue;
                }
                c.rewind(start);
            }
        }
        let Some(next) = c.peek() else { break };
        let hedge_len = hedge_at(&c);
        let hedge = hedge_len.map(|(a, _)| a);
        // A Chinese amount is read from the start of its run of numerals only.
        let chinese = |c: &Cursor<'_>, at: char| {
            is_chinese_numeral(at)
                && !c
                    .prev()
                    .is_some_and(|p| is_chinese_numeral(p) || matches!(p, '第' | '数' | '几'))
        };
        let yen_sign = matches!(next, '¥' | '￥');
        if !next.is_ascii_digit() && hedge.is_none() && !chinese(&c, next) && !yen_sign {
            c.bump(1);
            continue;
        }
        if hedge.is_some() || !glued {
            // Asked only of a bare `N万`: most numbers never need it.
            let money_word = move || money_word_before(chars, start);
            let kind = c.attempt(|c| {
                if let Some((_, len)) = hedge_len {
                    c.bump(len);
                }
                match c.peek()? {
                    d if d.is_ascii_digit() => amount(c, money_word),
                    '¥' | '￥' if hedge.is_none() => yen(c),
                    d if hedge.is_some() || chinese(c, d) => chinese_money(c),
                    _ => None,
                }
            });
            if let Some(kind) = kind {
                let last_end = out.last().map_or(0, |f| f.end);
                let kind = match kind {
                    Kind::Money { money } => {
                        let money = if money.approx().is_none() && hedge.is_some() {
                            money.with_approx(hedge)
                        } else {
                            money
                        };
                        // 每平方米800元: the rate's words belong to the money.
                        let money = match per_before(chars, start, last_end) {
                            Some((from, per)) if money.per().is_none() => {
                                match money.clone().with_per(Some(per.to_owned())) {
                                    Ok(m) => {
                                        start = from;
                                        m
                                    }
                                    Err(_) => money,
                                }
                            }
                            _ => money,
                        };
                        Kind::Money { money }
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
                    written: chars
                        .get(start..c.pos())
                        .map(|w| w.iter().collect())
                        .unwrap_or_default(),
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

/// The date a whole line is, such as a signature's `2024年6月20日`; only a date placed by its own
/// words (not `8月6日`, which needs a year from elsewhere).
pub fn whole_date(text: &str) -> Option<DateRef> {
    let chars: Vec<char> = text.chars().collect();
    match find_counted(&chars, None).0.as_slice() {
        [f] if f.start == 0 && f.end == chars.len() => match &f.kind {
            Kind::Date { date, .. } if date.when() != When::Unresolved => Some(date.clone()),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_a_fact_may_start_with_has_its_bit_set() {
        for c in (0..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|c| starts_a_fact(*c))
        {
            assert!(START_CHARS.contains(&c), "{c} is missing from START_CHARS");
            assert!(may_start(c), "{c}");
        }
    }
}
