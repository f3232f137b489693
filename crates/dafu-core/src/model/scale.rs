//! Maps exact amounts to chart coordinates with integer arithmetic, and picks round axis ticks.
//!
//! Coordinates are in hundredths of a unit (a pixel, or a percent of the plot width), so a bar's end is
//! decided exactly and the same way on every machine; there is no float anywhere between the amount in
//! the reply and the number written into the SVG.

use std::fmt;

use super::decimal::Decimal;

/// A coordinate in hundredths of a unit: `Centi(4837)` is `48.37`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Centi(pub u64);

impl fmt::Display for Centi {
    /// `48.37`, `100`, `0.5`: no trailing zeros, so it reads well in an SVG attribute.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (int, frac) = (self.0 / 100, self.0 % 100);
        match frac {
            0 => write!(f, "{int}"),
            x if x % 10 == 0 => write!(f, "{int}.{}", x / 10),
            x => write!(f, "{int}.{x:02}"),
        }
    }
}

/// A linear scale from `0..=max` (exact decimals) onto `0..=range` (hundredths).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinearScale {
    scale: u32,
    max: u128,
    range: u64,
}

impl LinearScale {
    /// A scale whose largest value among `values` ends at `range` hundredths.
    pub fn new(values: impl IntoIterator<Item = Decimal>, range: Centi) -> Self {
        let values: Vec<Decimal> = values.into_iter().collect();
        let scale = values.iter().map(|v| v.scale()).max().unwrap_or(0);
        let max = values
            .iter()
            .filter_map(|v| v.to_scaled(scale))
            .max()
            .unwrap_or(0);
        Self {
            scale,
            max,
            range: range.0,
        }
    }

    /// Where `value` falls: `value / max × range`, rounded half up to a hundredth, capped at `range`.
    /// A scale whose values are all zero maps everything to 0.
    pub fn map(&self, value: Decimal) -> Centi {
        if self.max == 0 {
            return Centi(0);
        }
        // Scale both to a common number of decimal places before dividing.
        let common = self.scale.max(value.scale());
        let (Some(v), Some(max)) = (value.to_scaled(common), lift(self.max, common - self.scale))
        else {
            return Centi(self.range);
        };
        let Some(num) = v
            .checked_mul(u128::from(self.range))
            .and_then(|n| n.checked_mul(2))
        else {
            return Centi(self.range);
        };
        // round(v * range / max) = floor((2 v range + max) / (2 max))
        let den = max.saturating_mul(2);
        let mapped = num.saturating_add(max) / den;
        Centi(u64::try_from(mapped).unwrap_or(u64::MAX).min(self.range))
    }

    /// The length to draw for `value`: as [`LinearScale::map`], but a non-zero amount is never shorter
    /// than `min`, so a tiny item beside a huge one stays visible (its label gives the exact amount).
    pub fn length(&self, value: Decimal, min: Centi) -> Centi {
        let mapped = self.map(value);
        if value.is_zero() {
            Centi(0)
        } else {
            mapped.max(min.min(Centi(self.range)))
        }
    }
}

fn lift(v: u128, places: u32) -> Option<u128> {
    v.checked_mul(10u128.checked_pow(places)?)
}

/// Round axis ticks from 0 to at least `max`: steps of 1, 2 or 5 × 10ⁿ, about `count` of them.
pub fn ticks(max: Decimal, count: u32) -> Vec<Decimal> {
    let count = u128::from(count.max(1));
    // Work in units of 10^-4 so fractional maxima (0.35万元) still get sensible steps.
    let top = match max.to_scaled(4) {
        Some(t) => t,
        // More than four decimals: round up to the next 10^-4.
        None => max
            .mantissa()
            .div_ceil(10u128.pow(max.scale().saturating_sub(4).min(30))),
    };
    if top == 0 {
        return vec![Decimal::ZERO];
    }
    let raw = top.div_ceil(count);
    let mut magnitude: u128 = 1;
    while magnitude.saturating_mul(10) <= raw {
        magnitude *= 10;
    }
    let step = [1u128, 2, 5, 10]
        .iter()
        .map(|m| m.saturating_mul(magnitude))
        .find(|s| *s >= raw)
        .unwrap_or(magnitude.saturating_mul(10));
    let mut out = Vec::new();
    let mut at: u128 = 0;
    loop {
        out.push(
            Decimal::from_parts(at, 4)
                .map(Decimal::normalized)
                .unwrap_or(Decimal::ZERO),
        );
        if at >= top || out.len() > 50 {
            break;
        }
        at = at.saturating_add(step);
    }
    out
}

/// `part` as a share of `whole` in tenths of a percent, rounded half up (`484` is 48.4%).
pub fn per_mille(part: Decimal, whole: Decimal) -> Option<u64> {
    let common = part.scale().max(whole.scale());
    let (p, w) = (part.to_scaled(common)?, whole.to_scaled(common)?);
    if w == 0 {
        return None;
    }
    let share = p.checked_mul(2000)?.checked_add(w)? / w.checked_mul(2)?;
    u64::try_from(share).ok()
}

/// A share in tenths of a percent, written as `48.4%`.
pub fn percent(per_mille: u64) -> String {
    format!("{}.{}%", per_mille / 10, per_mille % 10)
}
