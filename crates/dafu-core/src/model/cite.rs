//! Citing a reply: what "复制引用" copies for a figure, an amount, a date or an initiative (the number,
//! the sentence it stands in, the reply's title and 文号), and which text and fact a link names.
//!
//! The page adds its own address with the fact's element id as the hash; everything else is here, so
//! the citation is the same wherever a reply is shown and is tested natively.

use super::reply::{Block, Reply};
use super::sentence::{sentence_around, Cut};

impl Reply {
    /// The text and the fact an id names, as a link or [`Reply::citation`] uses them: a figure's,
    /// amount's or date's id gives its anchor's text and the fact itself; the name of a text (a block's
    /// id, `preamble`, `closing-1`, `heading-s2`; see [`super::TextId`]) gives that text and no fact.
    /// `None` for an id the reply does not have.
    pub fn target<'a>(&'a self, id: &'a str) -> Option<(&'a str, Option<&'a str>)> {
        let figures = self.figures.iter().map(|f| (&f.id, &f.at));
        let funding = self.funding.iter().map(|f| (&f.id, &f.at));
        let dates = self.dates.iter().map(|d| (&d.id, &d.at));
        if let Some((fact, at)) = figures.chain(funding).chain(dates).find(|(f, _)| *f == id) {
            return Some((at.block.as_str(), Some(fact.as_str())));
        }
        self.anchor_text(id).map(|_| (id, None))
    }

    /// What "复制引用" copies for the figure, amount, date or text with this id, before the page's
    /// address: the number as written (an initiative's ordinal and headline; nothing for another
    /// text), the sentence that holds it in quotation marks (a text whole), then `——《title》` and the
    /// 文号 in brackets, each on a line of its own. `None` for an id the reply does not have.
    pub fn citation(&self, id: &str) -> Option<String> {
        let (block, fact) = self.target(id)?;
        let text = self.anchor_text(block)?;
        let (lead, quoted) = match fact {
            Some(fact) => {
                let (written, start, end) = self.fact_span(fact)?;
                (
                    written.to_owned(),
                    sentence_around(text, start, end, Cut::Sentence),
                )
            }
            None => {
                let lead = self
                    .sections
                    .iter()
                    .flat_map(|s| &s.blocks)
                    .find_map(|b| match b {
                        Block::Initiative {
                            id: b_id,
                            ordinal,
                            headline,
                            ..
                        } if b_id == block => {
                            Some(format!("{ordinal}{}", headline.as_deref().unwrap_or("")))
                        }
                        _ => None,
                    })
                    .unwrap_or_default();
                (lead, text.trim())
            }
        };
        let mut out = String::with_capacity(lead.len() + quoted.len() + 64);
        if !lead.is_empty() {
            out.push_str(&lead);
            out.push('\n');
        }
        out.push('“');
        out.push_str(quoted);
        out.push_str("”\n");
        let title = self.meta.title.trim();
        let number = self.meta.document_number.as_deref().map(str::trim);
        if !title.is_empty() || number.is_some_and(|n| !n.is_empty()) {
            out.push_str("——");
            if !title.is_empty() {
                out.push('《');
                out.push_str(title);
                out.push('》');
            }
            if let Some(n) = number.filter(|n| !n.is_empty()) {
                // Full-width, as a Chinese citation writes them (escaped: some tools turn them ASCII).
                out.push('\u{ff08}');
                out.push_str(n);
                out.push('\u{ff09}');
            }
            out.push('\n');
        }
        Some(out)
    }

    /// A fact's text as written and its range, by id.
    fn fact_span(&self, id: &str) -> Option<(&str, usize, usize)> {
        let figures = self
            .figures
            .iter()
            .map(|f| (&f.id, f.written.as_str(), &f.at));
        let funding = self
            .funding
            .iter()
            .map(|f| (&f.id, f.written.as_str(), &f.at));
        let dates = self.dates.iter().map(|d| (&d.id, d.date.written(), &d.at));
        figures
            .chain(funding)
            .chain(dates)
            .find(|(f, ..)| *f == id)
            .map(|(_, written, at)| (written, at.start, at.end))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn seed() -> Reply {
        Reply::from_json(super::super::DEFAULT_REPLY_JSON).unwrap()
    }

    #[test]
    fn a_figure_is_cited_with_its_number_sentence_title_and_document_number() {
        let mut reply = seed();
        reply.meta.document_number = Some("民宗委〔2024〕12号".to_owned());
        let figure = reply.figures.first().unwrap().clone();
        let cited = reply.citation(&figure.id).unwrap();
        let lines: Vec<&str> = cited.lines().collect();
        assert_eq!(lines.len(), 3, "{cited}");
        assert_eq!(lines[0], figure.written);
        assert!(
            lines[1].starts_with('“') && lines[1].ends_with('”'),
            "{cited}"
        );
        assert!(lines[1].contains(&figure.written), "{cited}");
        assert_eq!(
            lines[2],
            "——《关于政协提案的答复》\u{ff08}民宗委〔2024〕12号\u{ff09}"
        );
    }

    #[test]
    fn an_amount_and_an_initiative_are_cited_and_an_unknown_id_is_not() {
        let reply = seed();
        let amount = reply.funding.first().unwrap();
        let cited = reply.citation(&amount.id).unwrap();
        assert!(
            cited.starts_with(&format!("{}\n“", amount.written)),
            "{cited}"
        );
        assert_eq!(
            reply.target(&amount.id),
            Some((amount.at.block.as_str(), Some(amount.id.as_str())))
        );

        let (id, ordinal, text) = reply
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .find_map(|b| match b {
                Block::Initiative {
                    id, ordinal, text, ..
                } => Some((id.clone(), ordinal.clone(), text.clone())),
                Block::Paragraph { .. } => None,
            })
            .unwrap();
        let cited = reply.citation(&id).unwrap();
        assert!(cited.starts_with(&ordinal), "{cited}");
        assert!(cited.contains(&format!("“{}”", text.trim())), "{cited}");
        assert!(cited.ends_with("——《关于政协提案的答复》\n"), "{cited}");
        assert_eq!(reply.target(&id), Some((id.as_str(), None)));

        assert_eq!(reply.citation("no-such-fact"), None);
        assert_eq!(reply.target("no-such-fact"), None);
    }
}
