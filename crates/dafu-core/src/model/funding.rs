//! Funding as the charts and the table show it: nested rows, exact totals per role, bars by purpose or year.

use std::collections::{HashMap, HashSet};

use super::decimal::Decimal;
use super::money::{sum_wan_yuan, MoneyRole};
use super::reply::{Anchor, Funding, Reply};
use super::scale::per_mille;
use super::sentence::{sentence_around, Cut};

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
    /// What the item's own sentence says was done with the money (安排, 投入, 拨付).
    pub word: AllocatedWord,
}

impl<'a> FundingRow<'a> {
    fn new(
        item: &'a Funding,
        depth: u8,
        allocated_total: Option<Decimal>,
        word: AllocatedWord,
    ) -> Self {
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
            word,
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
        let texts = self.anchor_texts();
        let row = |item: &'a Funding, depth| {
            let word = word_at(texts.text(&item.at.block), &item.at);
            FundingRow::new(item, depth, total, word)
        };
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

/// What a reply says was done with the money it counts as allocated, as the funding total's words
/// should say it: 已拨付 claims the money was paid, so it is said only when the text says so.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum AllocatedWord {
    /// Arranged or budgeted (安排): the plain word, claiming no more than the text.
    #[default]
    Arranged,
    /// Invested (投入): the text says 投入 or 投资.
    Invested,
    /// Paid (拨付): the text says 拨付, 拨款 or 下拨.
    Paid,
}

/// Words that say money was paid out.
const PAID: [&str; 3] = ["拨付", "拨款", "下拨"];
/// Words that say money was put into the work.
const INVESTED: [&str; 2] = ["投入", "投资"];
/// Characters before a word that take its claim back (未拨付, 待拨付, 拟投入, 将拨付, 需投入).
const NOT_YET: [char; 5] = ['未', '待', '拟', '将', '需'];

impl AllocatedWord {
    /// What one sentence says was done with its money: paid if it says 拨付 (拨款, 下拨), invested if
    /// it says 投入 (投资), else arranged. A word just after 未, 待, 拟, 将 or 需 claims nothing.
    pub fn of_sentence(sentence: &str) -> Self {
        let says = |words: &[&str]| {
            words.iter().any(|w| {
                sentence.match_indices(w).any(|(at, _)| {
                    sentence
                        .get(..at)
                        .and_then(|before| before.chars().next_back())
                        .is_none_or(|c| !NOT_YET.contains(&c))
                })
            })
        };
        if says(&PAID) {
            Self::Paid
        } else if says(&INVESTED) {
            Self::Invested
        } else {
            Self::Arranged
        }
    }
}

/// What the clause around `at` in `text` says was done with its money (arranged without a text): a
/// clause, not the whole sentence, so that 一是拨付…;二是安排… says each amount's own verb.
fn word_at(text: Option<&str>, at: &Anchor) -> AllocatedWord {
    text.map_or(AllocatedWord::Arranged, |text| {
        AllocatedWord::of_sentence(sentence_around(text, at.start, at.end, Cut::Clause))
    })
}

impl Reply {
    /// What the sentence of one funding item says was done with its money.
    pub fn allocated_word_of(&self, item: &Funding) -> AllocatedWord {
        word_at(self.anchor_text(&item.at.block), &item.at)
    }

    /// What the allocated total may say was done with its money: the weakest word among the
    /// sentences of the amounts it adds up (paid only if every one says paid), arranged when nothing
    /// is allocated.
    pub fn allocated_word(&self) -> AllocatedWord {
        let texts = self.anchor_texts();
        self.funding
            .iter()
            .filter(|f| {
                f.part_of.is_none() && f.role == MoneyRole::Allocated && f.money.is_summable()
            })
            .map(|f| word_at(texts.text(&f.at.block), &f.at))
            .min()
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::string_slice)] // A failing test is a panic.

    use super::*;

    #[track_caller]
    fn check(sentence: &str, expected: AllocatedWord) {
        assert_eq!(AllocatedWord::of_sentence(sentence), expected, "{sentence}");
    }

    #[test]
    fn a_sentence_is_paid_only_when_it_says_so() {
        check("市政府拨付工作经费305.29万元", AllocatedWord::Paid);
        check("省财政下拨资金50万元", AllocatedWord::Paid);
        check("累计拨款120万元", AllocatedWord::Paid);
        check("工程总投资656万元", AllocatedWord::Invested);
        check("已投入资金20万元", AllocatedWord::Invested);
        check("每年预算安排50万元", AllocatedWord::Arranged);
        check("所需资金80万元已全部到位", AllocatedWord::Arranged);
    }

    #[test]
    fn money_not_yet_paid_is_not_said_to_be_paid() {
        check("安排资金50万元,尚未拨付", AllocatedWord::Arranged);
        check("资金50万元待拨付", AllocatedWord::Arranged);
        check("拟投入资金50万元", AllocatedWord::Arranged);
        check("拟投入资金50万元,已拨付20万元", AllocatedWord::Paid);
    }

    #[test]
    fn only_the_sentence_of_the_amount_counts() {
        // As converted (ASCII marks) and as published (full-width semicolon and exclamation mark).
        for (text, amount, expected) in [
            (
                "去年拨付10万元。今年安排资金50万元。",
                "50万元",
                AllocatedWord::Arranged,
            ),
            (
                "去年拨付10万元。今年安排资金50万元。",
                "10万元",
                AllocatedWord::Paid,
            ),
            ("安排50万元", "50万元", AllocatedWord::Arranged),
            (
                "一是拨付资金10万元;二是安排资金20万元。",
                "20万元",
                AllocatedWord::Arranged,
            ),
            (
                "一是拨付资金10万元\u{ff1b}二是安排资金20万元。",
                "20万元",
                AllocatedWord::Arranged,
            ),
            (
                "一是拨付资金10万元\u{ff1b}二是安排资金20万元。",
                "10万元",
                AllocatedWord::Paid,
            ),
            (
                "已拨付10万元!另安排20万元。",
                "20万元",
                AllocatedWord::Arranged,
            ),
            (
                "已拨付10万元\u{ff01}另安排20万元。",
                "20万元",
                AllocatedWord::Arranged,
            ),
            (
                "已拨付10万元\u{ff1f}另安排20万元。",
                "20万元",
                AllocatedWord::Arranged,
            ),
        ] {
            let start = text[..text.find(amount).unwrap()].chars().count();
            let at = Anchor {
                block: "b".to_owned(),
                start,
                end: start + amount.chars().count(),
            };
            assert_eq!(word_at(Some(text), &at), expected, "{amount} in {text}");
        }
    }

    #[test]
    fn the_seed_says_its_money_was_paid_and_the_funding_fixture_that_it_was_invested() {
        let seed = Reply::from_json(crate::model::DEFAULT_REPLY_JSON).unwrap();
        assert_eq!(seed.allocated_word(), AllocatedWord::Paid);
        let funding = Reply::from_json(include_str!(
            "../../../../tests/fixtures/replies/funding.reply.json"
        ))
        .unwrap();
        assert_eq!(funding.allocated_word(), AllocatedWord::Invested);
    }

    #[test]
    fn the_total_says_the_weakest_word_of_its_amounts() {
        let reply = crate::parse::convert(
            "关于某建议的答复\n一、关于资金\n市财政拨付经费30万元。区里安排资金20万元。\n",
        )
        .reply;
        let words: Vec<AllocatedWord> = reply
            .funding
            .iter()
            .map(|f| reply.allocated_word_of(f))
            .collect();
        assert_eq!(words, [AllocatedWord::Paid, AllocatedWord::Arranged]);
        let rows: Vec<AllocatedWord> = reply.funding_rows().iter().map(|r| r.word).collect();
        assert_eq!(rows, words);
        assert_eq!(reply.allocated_word(), AllocatedWord::Arranged);
        assert_eq!(Reply::empty().allocated_word(), AllocatedWord::Arranged);
    }
}
