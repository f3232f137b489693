//! Funding as the charts and the table show it: nested rows, exact totals per role, bars by purpose or year.

use std::collections::{HashMap, HashSet};

use super::decimal::Decimal;
use super::money::{sum_wan_yuan, MoneyRole};
use super::reply::{Funding, Reply};
use super::scale::per_mille;

/// One funding item in display order, with its depth (a 其中 part is 1 under its total).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FundingRow<'a> {
    /// The item.
    pub item: &'a Funding,
    /// 0 for an item, 1 for a 其中 part of the item above.
    pub depth: u8,
    /// The amount in 万元, exact (the lower end of a range).
    pub wan: Option<Decimal>,
    /// Whether the amount is counted in its role's total (not a rate, a range or a part).
    pub counted: bool,
    /// Share of the allocated total in tenths of a percent, for counted allocated items.
    pub share: Option<u64>,
}

impl<'a> FundingRow<'a> {
    fn new(item: &'a Funding, depth: u8, allocated_total: Option<Decimal>) -> Self {
        let counted = depth == 0 && item.money.is_summable();
        let wan = item.money.in_wan_yuan();
        let share = match (
            counted && item.role == MoneyRole::Allocated,
            wan,
            allocated_total,
        ) {
            (true, Some(w), Some(t)) => per_mille(w, t),
            _ => None,
        };
        FundingRow {
            item,
            depth,
            wan,
            counted,
            share,
        }
    }
}

/// Exact totals in 万元 per role; `None` where the reply has no such money.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FundingTotals {
    /// Money allocated, paid or invested: the headline total.
    pub allocated: Option<Decimal>,
    /// Money won from elsewhere (争取到), never added to the allocated total.
    pub obtained: Option<Decimal>,
    /// Loans.
    pub loan: Option<Decimal>,
    /// Money asked for, not (yet) granted.
    pub requested: Option<Decimal>,
    /// Money asked for and refused.
    pub refused: Option<Decimal>,
    /// Money foreseen, not given (计划, 概算).
    pub planned: Option<Decimal>,
    /// How many items are left out of every total (rates such as 2万元/项, ranges such as 5-10万元).
    pub not_summed: usize,
}

/// What a bar of a funding chart stands for; the view puts it in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BarLabel {
    /// A funding item: its purpose, else its payer, else the amount as written.
    Item(String),
    /// The money of one year.
    Year(i32),
    /// The money no year is given for.
    NoYear,
}

/// One bar of a funding chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    /// What the bar is (an item, or a year).
    pub label: BarLabel,
    /// The amount in 万元, exact.
    pub wan: Decimal,
    /// The upper end when the amount is a range.
    pub upper_wan: Option<Decimal>,
    /// The amount as the reply writes it; `None` for a year's sum, which is shown from `wan`.
    pub written: Option<String>,
    /// The role (a year bar sums allocated money only).
    pub role: MoneyRole,
    /// The amount is hedged (近, 多, 余, 约, 超).
    pub approx: bool,
    /// The funding item whose sentence the bar links to.
    pub link: String,
    /// 0 for an item, 1 for a 其中 part.
    pub depth: u8,
}

/// The label for a funding item: its purpose, else its payer, else the amount as written.
pub fn label_of(f: &Funding) -> String {
    f.purpose
        .clone()
        .or_else(|| f.payer.clone())
        .unwrap_or_else(|| f.written.clone())
}

impl Reply {
    /// Items in display order: each total followed by its 其中 parts.
    pub fn funding_rows<'a>(&'a self) -> Vec<FundingRow<'a>> {
        let total = self.funding_totals().allocated;
        let row = |item, depth| FundingRow::new(item, depth, total);
        // One pass to index the parts by their total (scanning the items per item took 32 ms for a
        // reply of 2,100 items).
        let known: HashSet<&str> = self.funding.iter().map(|f| f.id.as_str()).collect();
        let parent = |f: &'a Funding| f.part_of.as_deref().filter(|p| known.contains(p));
        let mut parts: HashMap<&str, Vec<&Funding>> = HashMap::new();
        for f in &self.funding {
            if let Some(p) = parent(f) {
                parts.entry(p).or_default().push(f);
            }
        }
        let mut out = Vec::with_capacity(self.funding.len());
        for top in self.funding.iter().filter(|f| parent(f).is_none()) {
            out.push(row(top, 0));
            for part in parts.get(top.id.as_str()).into_iter().flatten() {
                out.push(row(part, 1));
            }
        }
        out
    }

    /// Exact totals per role over top-level, summable items.
    pub fn funding_totals(&self) -> FundingTotals {
        let top = || self.funding.iter().filter(|f| f.part_of.is_none());
        let sum = |role: MoneyRole| {
            let mut items = top()
                .filter(|f| f.role == role && f.money.is_summable())
                .map(|f| &f.money)
                .peekable();
            items.peek()?;
            sum_wan_yuan(items)
        };
        FundingTotals {
            allocated: sum(MoneyRole::Allocated),
            obtained: sum(MoneyRole::Obtained),
            loan: sum(MoneyRole::Loan),
            requested: sum(MoneyRole::Requested),
            refused: sum(MoneyRole::Refused),
            planned: sum(MoneyRole::Planned),
            not_summed: self
                .funding
                .iter()
                .filter(|f| !f.money.is_summable())
                .count(),
        }
    }

    /// The exact allocated total in 万元 (the headline "合计"), if the reply allocates any money.
    pub fn total_funding_wan_yuan(&self) -> Option<Decimal> {
        self.funding_totals().allocated
    }

    /// One bar per item (rates left out: they are not amounts), parts under their totals.
    pub fn bars_by_purpose(&self) -> Vec<Bar> {
        self.funding_rows()
            .into_iter()
            .filter(|r| r.item.money.per().is_none())
            .filter_map(|r| {
                let money = &r.item.money;
                Some(Bar {
                    label: BarLabel::Item(label_of(r.item)),
                    wan: r.wan?,
                    upper_wan: money.upper_in_wan_yuan(),
                    written: Some(money.to_string()),
                    role: r.item.role,
                    approx: money.approx().is_some(),
                    link: r.item.id.clone(),
                    depth: r.depth,
                })
            })
            .collect()
    }

    /// The years funding is given for, when more than one: allocated money summed per year, oldest first.
    /// Items without a year are summed in a last bar, [`BarLabel::NoYear`]. `None` when years do not differ.
    pub fn bars_by_year(&self) -> Option<Vec<Bar>> {
        let counted: Vec<&Funding> = self
            .funding
            .iter()
            .filter(|f| {
                f.part_of.is_none() && f.role == MoneyRole::Allocated && f.money.is_summable()
            })
            .collect();
        let year = |f: &Funding| {
            f.period
                .as_ref()
                .and_then(|p| p.when().start())
                .map(|p| p.year())
        };
        let mut years: Vec<Option<i32>> = counted.iter().map(|f| year(f)).collect();
        super::order::sort_by_key(&mut years, |y| (y.is_none(), *y));
        years.dedup();
        if years.iter().flatten().count() < 2 {
            return None;
        }
        let bars = years
            .into_iter()
            .filter_map(|y| {
                let items: Vec<&&Funding> = counted.iter().filter(|f| year(f) == y).collect();
                let wan = sum_wan_yuan(items.iter().map(|f| &f.money))?;
                Some(Bar {
                    label: y.map_or(BarLabel::NoYear, BarLabel::Year),
                    wan,
                    upper_wan: None,
                    written: None,
                    role: MoneyRole::Allocated,
                    approx: items.iter().any(|f| f.money.approx().is_some()),
                    link: items.first().map(|f| f.id.clone()).unwrap_or_default(),
                    depth: 0,
                })
            })
            .collect();
        Some(bars)
    }
}
