//! The funding read aloud (朗读): one sentence per bar of the chart by purpose, with what the page
//! does not show beside the bar (the item's year and its role as a verb, 拨付 only where the reply says
//! so): `2023年,拨付305.29万元,用于…`.
//! The rest of the reading (the sentences of the drawn page, numbers worded for a voice, the speech
//! itself) is JavaScript in the viewer (`src/read-aloud.js`), so the viewer's wasm does not carry it.

use super::funding::AllocatedWord;
use super::money::MoneyRole;
use super::reply::Reply;

/// The verb a funding sentence uses for allocated money: what the reply's own sentence says (拨付 only
/// when it says so, see [`AllocatedWord`]).
fn allocated_verb(word: AllocatedWord) -> &'static str {
    match word {
        AllocatedWord::Arranged => "安排",
        AllocatedWord::Invested => "投入",
        AllocatedWord::Paid => "拨付",
    }
}

/// The verb a funding sentence uses for a role; allocated money as `word` says it.
fn role_verb(role: MoneyRole, word: AllocatedWord) -> &'static str {
    match role {
        MoneyRole::Allocated => allocated_verb(word),
        MoneyRole::Obtained => "争取到",
        MoneyRole::Requested => "申请",
        MoneyRole::Refused => "未获批",
        MoneyRole::Loan => "贷款",
        MoneyRole::Planned => "计划安排",
    }
}

impl Reply {
    /// The funding read aloud, in the chart's order: the allocated total (`合计拨付631.29万元。`) if
    /// any, then one sentence per bar by purpose (`其中,` before a part). Empty without funding.
    pub fn funding_sentences(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.funding.is_empty() {
            return out;
        }
        if let Some(total) = self.funding_totals().allocated {
            let verb = allocated_verb(self.allocated_word());
            out.push(format!("合计{verb}{total}万元。"));
        }
        for bar in self.bars_by_purpose() {
            let Some(item) = self.funding.iter().find(|f| f.id == bar.link) else {
                continue;
            };
            let mut sentence = String::new();
            if bar.depth > 0 {
                sentence.push_str("其中,");
            }
            if let Some(period) = &item.period {
                sentence.push_str(period.written());
                sentence.push(',');
            }
            sentence.push_str(role_verb(item.role, self.allocated_word_of(item)));
            sentence.push_str(&item.written);
            if let Some(purpose) = &item.purpose {
                if !purpose.starts_with("用于") {
                    sentence.push_str(",用于");
                } else {
                    sentence.push(',');
                }
                sentence.push_str(purpose);
            }
            sentence.push('。');
            out.push(sentence);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;

    #[test]
    fn the_seeds_funding_is_read_as_sentences_with_year_verb_amount_and_purpose() {
        let reply = Reply::from_json(crate::model::DEFAULT_REPLY_JSON).unwrap();
        let funding = reply.funding_sentences();
        assert_eq!(funding[0], "合计拨付631.29万元。");
        assert_eq!(
            funding[1],
            "2023年,拨付305.29万元,用于创建全国民族团结进步示范市工作经费。"
        );
        assert_eq!(funding.len(), 1 + 3);
    }

    #[test]
    fn funding_is_read_as_paid_only_where_the_reply_says_so() {
        let reply = crate::parse::convert(
            "关于某建议的答复\n一、关于资金\n市财政拨付经费30万元。区里安排资金20万元。\n",
        )
        .reply;
        let funding = reply.funding_sentences();
        assert_eq!(funding[0], "合计安排50万元。");
        assert!(funding[1].starts_with("拨付30万元"), "{}", funding[1]);
        assert!(funding[2].starts_with("安排20万元"), "{}", funding[2]);
    }
}
