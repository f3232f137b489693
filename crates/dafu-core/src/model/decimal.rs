//! Exact decimal numbers as written in a reply (`305.29`, `6.42`, `2576.548`), never floats.

use std::cmp::Ordering;
use std::fmt;

/// The most digits after the point a reply number may carry.
pub const MAX_SCALE: u32 = 8;

/// An exact, non-negative decimal: `mantissa × 10^-scale`.
///
/// Built only through [`Decimal::parse`] or [`Decimal::from_parts`], so it always holds a
/// value that can be printed back as written (trailing zeros after the point are kept).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Decimal {
    mantissa: u128,
    scale: u32,
}

/// Why a text is not a decimal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecimalError {
    /// The text is empty.
    Empty,
    /// A character that is neither a digit nor the one decimal point.
    BadChar(char),
    /// More digits after the point than [`MAX_SCALE`].
    TooPrecise,
    /// More digits than an exact number here can hold.
    TooLarge,
}

impl fmt::Display for DecimalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(
                f,
                "expected a decimal number such as \"305.29\", found an empty string"
            ),
            Self::BadChar(c) => write!(
                f,
                "expected a decimal number such as \"305.29\", found {c:?}"
            ),
            Self::TooPrecise => write!(
                f,
                "a decimal number may have at most {MAX_SCALE} digits after the point"
            ),
            Self::TooLarge => write!(f, "the number is too large to hold exactly"),
        }
    }
}

impl std::error::Error for DecimalError {}

impl Decimal {
    /// Zero, with no digits after the point.
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        scale: 0,
    };

    /// Parses `123`, `305.29` or `0.5`; no sign, no exponent, no grouping.
    pub fn parse(text: &str) -> Result<Self, DecimalError> {
        if text.is_empty() {
            return Err(DecimalError::Empty);
        }
        let (int, frac) = match text.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (text, None),
        };
        if int.is_empty() || frac.is_some_and(str::is_empty) {
            return Err(DecimalError::BadChar('.'));
        }
        let frac = frac.unwrap_or("");
        let scale = u32::try_from(frac.len()).map_err(|_| DecimalError::TooPrecise)?;
        if scale > MAX_SCALE {
            return Err(DecimalError::TooPrecise);
        }
        let mut mantissa: u128 = 0;
        for c in int.chars().chain(frac.chars()) {
            let digit = c.to_digit(10).ok_or(DecimalError::BadChar(c))?;
            mantissa = mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(u128::from(digit)))
                .ok_or(DecimalError::TooLarge)?;
        }
        Self::from_parts(mantissa, scale)
    }

    /// `mantissa × 10^-scale`, if the scale is allowed.
    pub fn from_parts(mantissa: u128, scale: u32) -> Result<Self, DecimalError> {
        if scale > MAX_SCALE + 8 {
            return Err(DecimalError::TooPrecise);
        }
        // Keep room for shifting by up to 10^8 (亿) and summing many amounts.
        if mantissa > u128::MAX / 10u128.pow(12) {
            return Err(DecimalError::TooLarge);
        }
        Ok(Self { mantissa, scale })
    }

    /// A whole number.
    pub fn from_int(value: u64) -> Self {
        Self {
            mantissa: u128::from(value),
            scale: 0,
        }
    }

    /// The digits as an integer, ignoring the point.
    pub fn mantissa(self) -> u128 {
        self.mantissa
    }

    /// How many digits follow the point.
    pub fn scale(self) -> u32 {
        self.scale
    }

    /// Is this zero?
    pub fn is_zero(self) -> bool {
        self.mantissa == 0
    }

    /// This value times `10^exp` (exact): `305.29` shifted by 4 is `3052900`.
    pub fn shift_left(self, exp: u32) -> Option<Self> {
        if exp <= self.scale {
            return Some(Self {
                mantissa: self.mantissa,
                scale: self.scale - exp,
            });
        }
        let factor = 10u128.checked_pow(exp - self.scale)?;
        Some(Self {
            mantissa: self.mantissa.checked_mul(factor)?,
            scale: 0,
        })
    }

    /// This value divided by `10^exp` (exact): `3052900` shifted by 4 is `305.29`.
    pub fn shift_right(self, exp: u32) -> Option<Self> {
        let scale = self.scale.checked_add(exp)?;
        Some(
            Self {
                mantissa: self.mantissa,
                scale,
            }
            .normalized(),
        )
    }

    /// The same value without trailing zeros after the point (`20.50` → `20.5`).
    pub fn normalized(self) -> Self {
        let mut out = self;
        while out.scale > 0 && out.mantissa.is_multiple_of(10) {
            out.mantissa /= 10;
            out.scale -= 1;
        }
        out
    }

    /// Exact sum, or `None` on overflow.
    pub fn checked_add(self, other: Self) -> Option<Self> {
        let scale = self.scale.max(other.scale);
        let a = self
            .mantissa
            .checked_mul(10u128.checked_pow(scale - self.scale)?)?;
        let b = other
            .mantissa
            .checked_mul(10u128.checked_pow(scale - other.scale)?)?;
        Some(Self {
            mantissa: a.checked_add(b)?,
            scale,
        })
    }

    /// The value in units of `10^-scale` (`305.29` at scale 4 is `3052900`), if exact.
    pub fn to_scaled(self, scale: u32) -> Option<u128> {
        if scale >= self.scale {
            self.mantissa
                .checked_mul(10u128.checked_pow(scale - self.scale)?)
        } else {
            let div = 10u128.checked_pow(self.scale - scale)?;
            self.mantissa
                .is_multiple_of(div)
                .then_some(self.mantissa / div)
        }
    }

    /// Integer part and fraction digits as text, for display.
    fn split(self) -> (u128, String) {
        let div = 10u128.pow(self.scale.min(38));
        let int = self.mantissa / div;
        let frac = self.mantissa % div;
        let frac = if self.scale == 0 {
            String::new()
        } else {
            format!("{frac:0width$}", width = self.scale as usize)
        };
        (int, frac)
    }

    /// The value with `,` between groups of three digits (`12,345.6`).
    pub fn grouped(self) -> String {
        let (int, frac) = self.split();
        let digits = int.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 + frac.len() + 1);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if !frac.is_empty() {
            out.push('.');
            out.push_str(&frac);
        }
        out
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (int, frac) = self.split();
        if frac.is_empty() {
            write!(f, "{int}")
        } else {
            write!(f, "{int}.{frac}")
        }
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        let scale = self.scale.max(other.scale);
        match (self.to_scaled(scale), other.to_scaled(scale)) {
            (Some(a), Some(b)) => a.cmp(&b),
            // Both values are bounded by `from_parts`, so scaling cannot overflow; keep a total order anyway.
            _ => self
                .mantissa
                .cmp(&other.mantissa)
                .then(self.scale.cmp(&other.scale)),
        }
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl TryFrom<String> for Decimal {
    type Error = DecimalError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Decimal> for String {
    fn from(value: Decimal) -> Self {
        value.to_string()
    }
}

impl serde::Serialize for Decimal {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Decimal {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::de::checked_str(
            d,
            "a decimal number written as a string, such as \"305.29\"",
            Self::parse,
        )
    }
}

impl schemars::JsonSchema for Decimal {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]+(\\.[0-9]{1,8})?$",
            "description": "An exact non-negative decimal written as a string, such as \"305.29\"; never a float"
        })
    }
}
