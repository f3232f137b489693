//! Money as written in a reply: exact amounts in 元, 万元 or 亿元, with approximation, range, rate and role.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::decimal::Decimal;

/// The unit a sum of money is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum MoneyUnit {
    /// 元
    #[serde(rename = "元")]
    Yuan,
    /// 万元 (10⁴ 元)
    #[serde(rename = "万元")]
    WanYuan,
    /// 亿元 (10⁸ 元)
    #[serde(rename = "亿元")]
    YiYuan,
}

impl MoneyUnit {
    /// The power of ten that turns this unit into 元.
    pub fn exponent(self) -> u32 {
        match self {
            Self::Yuan => 0,
            Self::WanYuan => 4,
            Self::YiYuan => 8,
        }
    }

    /// The unit as written (`万元`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Yuan => "元",
            Self::WanYuan => "万元",
            Self::YiYuan => "亿元",
        }
    }
}

/// How a number is hedged in the text: 近390万元, 300多万元, 400余万元, 超30个.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    /// 近: nearly, a little under.
    Nearly,
    /// 多: more than, written after the number.
    More,
    /// 余: over, written after the number.
    Over,
    /// 超: exceeding, written before the number.
    Exceeding,
    /// 约: about.
    About,
}

impl Approx {
    /// The marker as written (`近`).
    pub fn marker(self) -> &'static str {
        match self {
            Self::Nearly => "近",
            Self::More => "多",
            Self::Over => "余",
            Self::Exceeding => "超",
            Self::About => "约",
        }
    }

    /// Is the marker written before the number (近, 超, 约) rather than after it (多, 余)?
    pub fn is_prefix(self) -> bool {
        matches!(self, Self::Nearly | Self::Exceeding | Self::About)
    }
}

/// What the money is: given, won, asked for, refused, lent or foreseen. Each role has its own total;
/// only allocated money makes the headline total.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MoneyRole {
    /// Allocated, paid or invested (拨付, 安排, 投入).
    #[default]
    Allocated,
    /// Won for the office from elsewhere (争取到, 获得).
    Obtained,
    /// Requested or applied for, not (yet) granted (申请, 争取).
    Requested,
    /// Requested and refused.
    Refused,
    /// A loan (贷款).
    Loan,
    /// Foreseen, not given (计划, 拟, 预计, 概算).
    Planned,
}

/// An exact sum of money: `305.29万元`, `近390万元`, `5-10万元`, `2万元/项`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(into = "MoneyRepr")]
#[schemars(with = "MoneyRepr")]
pub struct Money {
    amount: Decimal,
    upper: Option<Decimal>,
    unit: MoneyUnit,
    approx: Option<Approx>,
    per: Option<String>,
}

/// The JSON form of [`Money`], checked on the way in.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MoneyRepr {
    /// The amount (or the lower end of a range) as an exact decimal string: "305.29".
    pub amount: Decimal,
    /// The upper end of a range such as 5-10万元.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<Decimal>,
    /// The unit as written.
    pub unit: MoneyUnit,
    /// A hedge such as 近 or 余.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approx: Option<Approx>,
    /// For a rate such as 2万元/项, what it is per ("项"); rates are never summed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<String>,
}

/// Why a [`MoneyRepr`] is not a valid [`Money`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoneyError {
    /// The upper end of a range is below its lower end.
    ReversedRange,
    /// The rate unit is empty.
    EmptyPer,
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ReversedRange => write!(f, "range reversed: `upper` is less than `amount`"),
            Self::EmptyPer => write!(f, "`per` must name what the rate is per, such as \"项\""),
        }
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::de::checked_object::<_, MoneyRepr, _, _>(
            d,
            "a money object such as {\"amount\": \"305.29\", \"unit\": \"万元\"}",
            Money::try_from,
        )
    }
}

impl TryFrom<MoneyRepr> for Money {
    type Error = MoneyError;
    fn try_from(r: MoneyRepr) -> Result<Self, Self::Error> {
        Money::new(r.amount, r.unit)?
            .with_range(r.upper)?
            .with_approx(r.approx)
            .with_per(r.per)
    }
}

impl From<Money> for MoneyRepr {
    fn from(m: Money) -> Self {
        MoneyRepr {
            amount: m.amount,
            upper: m.upper,
            unit: m.unit,
            approx: m.approx,
            per: m.per,
        }
    }
}

impl Money {
    /// An exact amount in a unit.
    pub fn new(amount: Decimal, unit: MoneyUnit) -> Result<Self, MoneyError> {
        Ok(Self {
            amount,
            upper: None,
            unit,
            approx: None,
            per: None,
        })
    }

    /// The same money as a range `amount`–`upper`.
    pub fn with_range(mut self, upper: Option<Decimal>) -> Result<Self, MoneyError> {
        if upper.is_some_and(|u| u < self.amount) {
            return Err(MoneyError::ReversedRange);
        }
        self.upper = upper;
        Ok(self)
    }

    /// The same money, hedged.
    pub fn with_approx(mut self, approx: Option<Approx>) -> Self {
        self.approx = approx;
        self
    }

    /// The same money as a rate per `per`.
    pub fn with_per(mut self, per: Option<String>) -> Result<Self, MoneyError> {
        if per.as_deref().is_some_and(|p| p.trim().is_empty()) {
            return Err(MoneyError::EmptyPer);
        }
        self.per = per;
        Ok(self)
    }

    /// The amount (lower end of a range).
    pub fn amount(&self) -> Decimal {
        self.amount
    }

    /// The upper end of a range.
    pub fn upper(&self) -> Option<Decimal> {
        self.upper
    }

    /// The unit as written.
    pub fn unit(&self) -> MoneyUnit {
        self.unit
    }

    /// The hedge, if any.
    pub fn approx(&self) -> Option<Approx> {
        self.approx
    }

    /// What a rate is per.
    pub fn per(&self) -> Option<&str> {
        self.per.as_deref()
    }

    /// A plain amount that can be added to a total: not a rate and not a range.
    pub fn is_summable(&self) -> bool {
        self.per.is_none() && self.upper.is_none()
    }

    /// The amount in 元, exact.
    pub fn in_yuan(&self) -> Option<Decimal> {
        self.amount.shift_left(self.unit.exponent())
    }

    /// The amount in 万元, exact (`20万元` → `20`, `4.5亿元` → `45000`, `3000元` → `0.3`).
    pub fn in_wan_yuan(&self) -> Option<Decimal> {
        self.in_yuan()?.shift_right(4)
    }

    /// The upper end of a range in 万元, exact.
    pub fn upper_in_wan_yuan(&self) -> Option<Decimal> {
        self.upper?.shift_left(self.unit.exponent())?.shift_right(4)
    }
}

impl fmt::Display for Money {
    /// Prints the money as a reply writes it: `近390万元`, `5-10万元`, `2万元/项`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let prefix = self
            .approx
            .filter(|a| a.is_prefix())
            .map_or("", |a| a.marker());
        let suffix = self
            .approx
            .filter(|a| !a.is_prefix())
            .map_or("", |a| a.marker());
        write!(f, "{prefix}{}", self.amount)?;
        if let Some(upper) = self.upper {
            write!(f, "-{upper}")?;
        }
        write!(f, "{suffix}{}", self.unit.as_str())?;
        if let Some(per) = &self.per {
            write!(f, "/{per}")?;
        }
        Ok(())
    }
}

/// Sums amounts exactly, in 万元. `None` if the sum overflows.
pub fn sum_wan_yuan<'a>(items: impl IntoIterator<Item = &'a Money>) -> Option<Decimal> {
    items
        .into_iter()
        .try_fold(Decimal::ZERO, |acc, m| acc.checked_add(m.in_yuan()?))?
        .shift_right(4)
}
