//! Dates as replies write them: a day, a month, a year, a period (十四五), open ranges (以来, 截至) or text.

use std::cmp::Ordering;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A calendar point at the precision the text gives: `2023`, `2023-04`, `2024-06-20`,
/// or `2024-07-01T17:57:30`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Point {
    /// A whole year.
    Year(i32),
    /// A month of a year.
    Month(i32, u8),
    /// A day.
    Day(i32, u8, u8),
    /// A day with a time of day (hours, minutes, seconds).
    Moment(i32, u8, u8, u8, u8, u8),
}

/// Why a text is not a [`Point`] or a set of fields is not a [`When`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`.
    Form(String),
    /// The year is outside 1000–9999.
    Year(i32),
    /// The month is outside 1–12.
    Month(u8),
    /// The day does not exist in its month.
    Day(i32, u8, u8),
    /// The time of day does not exist.
    Time(String),
    /// `to` is earlier than `from`.
    Reversed,
    /// Fields that cannot go together, such as `on` with `from`.
    Conflict(&'static str),
    /// `written` is empty.
    EmptyWritten,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Form(t) => write!(
                f,
                "expected a date such as \"2023\", \"2023-04\", \"2024-06-20\" or \"2024-07-01T17:57:30\", found {t:?}"
            ),
            Self::Year(y) => write!(f, "year {y} is outside 1000-9999"),
            Self::Month(m) => write!(f, "month {m} does not exist"),
            Self::Day(y, m, d) => write!(f, "day {d} does not exist in {y}-{m:02}"),
            Self::Time(t) => write!(f, "time of day {t:?} does not exist"),
            Self::Reversed => write!(f, "range reversed: `to` is earlier than `from`"),
            Self::Conflict(what) => write!(f, "{what}"),
            Self::EmptyWritten => write!(f, "`written` must hold the date as the text writes it"),
        }
    }
}

impl std::error::Error for DateError {}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month, or 0 for a month that does not exist.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

fn number<T: std::str::FromStr>(text: &str, len: usize, whole: &str) -> Result<T, DateError> {
    if text.len() != len || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError::Form(whole.to_owned()));
    }
    text.parse().map_err(|_| DateError::Form(whole.to_owned()))
}

impl Point {
    /// Parses the ISO 8601 forms listed on [`Point`].
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let (date, time) = match text.split_once('T') {
            Some((d, t)) => (d, Some(t)),
            None => (text, None),
        };
        let mut parts = date.split('-');
        let year: i32 = number(parts.next().unwrap_or(""), 4, text)?;
        let month: Option<u8> = parts.next().map(|m| number(m, 2, text)).transpose()?;
        let day: Option<u8> = parts.next().map(|d| number(d, 2, text)).transpose()?;
        if parts.next().is_some() {
            return Err(DateError::Form(text.to_owned()));
        }
        let point = match (month, day, time) {
            (None, None, None) => Point::Year(year),
            (Some(m), None, None) => Point::Month(year, m),
            (Some(m), Some(d), None) => Point::Day(year, m, d),
            (Some(m), Some(d), Some(t)) => {
                let mut hms = t.split(':');
                let h: u8 = number(hms.next().unwrap_or(""), 2, text)?;
                let mi: u8 = number(hms.next().unwrap_or(""), 2, text)?;
                let s: u8 = number(hms.next().unwrap_or(""), 2, text)?;
                if hms.next().is_some() {
                    return Err(DateError::Form(text.to_owned()));
                }
                Point::Moment(year, m, d, h, mi, s)
            }
            _ => return Err(DateError::Form(text.to_owned())),
        };
        point.checked()
    }

    /// The point, if every part of it exists on the calendar.
    pub fn checked(self) -> Result<Self, DateError> {
        let (y, m, d, h, mi, s) = self.lower();
        if !(1000..=9999).contains(&y) {
            return Err(DateError::Year(y));
        }
        if !(1..=12).contains(&m) {
            return Err(DateError::Month(m));
        }
        if d < 1 || d > days_in_month(y, m) {
            return Err(DateError::Day(y, m, d));
        }
        if h > 23 || mi > 59 || s > 59 {
            return Err(DateError::Time(format!("{h:02}:{mi:02}:{s:02}")));
        }
        Ok(self)
    }

    /// The year of the point.
    pub fn year(self) -> i32 {
        match self {
            Self::Year(y) | Self::Month(y, _) | Self::Day(y, _, _) | Self::Moment(y, ..) => y,
        }
    }

    /// The earliest instant the point covers, as (year, month, day, hour, minute, second).
    pub fn lower(self) -> (i32, u8, u8, u8, u8, u8) {
        match self {
            Self::Year(y) => (y, 1, 1, 0, 0, 0),
            Self::Month(y, m) => (y, m, 1, 0, 0, 0),
            Self::Day(y, m, d) => (y, m, d, 0, 0, 0),
            Self::Moment(y, m, d, h, mi, s) => (y, m, d, h, mi, s),
        }
    }

    /// The latest instant the point covers.
    pub fn upper(self) -> (i32, u8, u8, u8, u8, u8) {
        match self {
            Self::Year(y) => (y, 12, 31, 23, 59, 59),
            Self::Month(y, m) => (y, m, days_in_month(y, m), 23, 59, 59),
            Self::Day(y, m, d) => (y, m, d, 23, 59, 59),
            Self::Moment(y, m, d, h, mi, s) => (y, m, d, h, mi, s),
        }
    }
}

impl Ord for Point {
    /// Earlier start first; at the same start, the wider point (a year before its January) first.
    fn cmp(&self, other: &Self) -> Ordering {
        self.lower()
            .cmp(&other.lower())
            .then_with(|| other.upper().cmp(&self.upper()))
    }
}

impl PartialOrd for Point {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Year(y) => write!(f, "{y:04}"),
            Self::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Self::Day(y, m, d) => write!(f, "{y:04}-{m:02}-{d:02}"),
            Self::Moment(y, m, d, h, mi, s) => {
                write!(f, "{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{s:02}")
            }
        }
    }
}

impl Serialize for Point {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Point {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::de::checked_str(d, "a date string such as \"2023-04\"", Point::parse)
    }
}

impl JsonSchema for Point {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Point".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2})?)?)?$",
            "description": "A calendar point at the precision written: 2023, 2023-04, 2024-06-20 or 2024-07-01T17:57:30"
        })
    }
}

/// Where a date lies in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum When {
    /// A point: 2023年, 2023年4月, 2024年6月20日.
    On(Point),
    /// A state measured at a point: 截至2023年4月.
    AsOf(Point),
    /// A closed span: 十四五 (2021–2025), 2017-2021年.
    Span(Point, Point),
    /// Open at the end: 2023年以来.
    Since(Point),
    /// Open at the start: 2019年以前.
    Until(Point),
    /// Written, but not placed in time (上半年 without a year).
    Unresolved,
}

impl When {
    /// The earliest point the date touches, if it is placed at all.
    pub fn start(self) -> Option<Point> {
        match self {
            Self::On(p) | Self::AsOf(p) | Self::Since(p) | Self::Until(p) => Some(p),
            Self::Span(a, _) => Some(a),
            Self::Unresolved => None,
        }
    }

    /// The latest point the date touches; open-ended dates have none.
    pub fn end(self) -> Option<Point> {
        match self {
            Self::On(p) | Self::AsOf(p) | Self::Until(p) => Some(p),
            Self::Span(_, b) => Some(b),
            Self::Since(_) | Self::Unresolved => None,
        }
    }
}

/// A date in a reply: what the text says, and where that lies in time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(into = "DateRepr")]
#[schemars(with = "DateRepr")]
pub struct DateRef {
    written: String,
    when: When,
}

/// The JSON form of [`DateRef`]: `written` plus at most one way of placing it.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DateRepr {
    /// The date exactly as the text writes it: "截至2023年4月", "十四五", "2024-06-20 00:00:00".
    pub written: String,
    /// A point in time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on: Option<Point>,
    /// A state measured at this point (截至).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Point>,
    /// Start of a span; alone it means "since" (以来).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Point>,
    /// End of a span; alone it means "until".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Point>,
}

impl<'de> Deserialize<'de> for DateRef {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::de::checked_object::<_, DateRepr, _, _>(
            d,
            "a date object such as {\"written\": \"2023年\", \"on\": \"2023\"}",
            DateRef::try_from,
        )
    }
}

impl TryFrom<DateRepr> for DateRef {
    type Error = DateError;
    fn try_from(r: DateRepr) -> Result<Self, Self::Error> {
        let when = match (r.on, r.as_of, r.from, r.to) {
            (Some(p), None, None, None) => When::On(p),
            (None, Some(p), None, None) => When::AsOf(p),
            (None, None, Some(a), Some(b)) => When::Span(a, b),
            (None, None, Some(a), None) => When::Since(a),
            (None, None, None, Some(b)) => When::Until(b),
            (None, None, None, None) => When::Unresolved,
            _ => {
                return Err(DateError::Conflict(
                    "use one of `on`, `as_of`, or `from`/`to`",
                ))
            }
        };
        DateRef::new(r.written, when)
    }
}

impl From<DateRef> for DateRepr {
    fn from(d: DateRef) -> Self {
        let mut r = DateRepr {
            written: d.written,
            ..DateRepr::default()
        };
        match d.when {
            When::On(p) => r.on = Some(p),
            When::AsOf(p) => r.as_of = Some(p),
            When::Span(a, b) => (r.from, r.to) = (Some(a), Some(b)),
            When::Since(a) => r.from = Some(a),
            When::Until(b) => r.to = Some(b),
            When::Unresolved => {}
        }
        r
    }
}

impl DateRef {
    /// A date as written and where it lies; a reversed span or empty text is refused.
    pub fn new(written: impl Into<String>, when: When) -> Result<Self, DateError> {
        let written = written.into();
        if written.trim().is_empty() {
            return Err(DateError::EmptyWritten);
        }
        if let When::Span(a, b) = when {
            if b.upper() < a.lower() {
                return Err(DateError::Reversed);
            }
        }
        Ok(Self { written, when })
    }

    /// The date exactly as written.
    pub fn written(&self) -> &str {
        &self.written
    }

    /// Where the date lies in time.
    pub fn when(&self) -> When {
        self.when
    }
}

impl Ord for DateRef {
    /// Placed dates by start, then by end (open ends last); unresolved dates after all placed ones;
    /// the written text breaks ties so the order is total.
    fn cmp(&self, other: &Self) -> Ordering {
        let key = |d: &DateRef| {
            (
                d.when.start().is_none(),
                d.when.start(),
                d.when.end().is_none(),
                d.when.end(),
            )
        };
        key(self)
            .cmp(&key(other))
            .then_with(|| self.written.cmp(&other.written))
    }
}

impl PartialOrd for DateRef {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for DateRef {
    /// Shows the date as written.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.written)
    }
}
