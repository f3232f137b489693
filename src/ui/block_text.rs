//! The reply's texts as HTML: a block (paragraph or initiative) and any text with the facts in it
//! marked ([`fact_html`]). They are drawn through `inner_html`, the one way a page of 100,000 sections
//! holds no JavaScript handle per text node, element and attribute (see ARCHITECTURE, "Handles").
//! Every character of the reply passes [`push_escaped`] on its way in.

use std::fmt::Write as _;

use leptos::prelude::GetValue;

use dafu_core::model::{Block, FactKind, FactRef, Stage};
pub use dafu_core::text::{escaped, push_escaped};

use super::viewer::Viewer;

/// The class a highlighted fact adds to its mark (see [`Viewer::reveal`]).
pub const HIGHLIGHT: &str = "dafu-fact--highlight";

fn fact_class(kind: FactKind) -> &'static str {
    match kind {
        FactKind::Figure => "dafu-fact dafu-fact--figure",
        FactKind::Funding => "dafu-fact dafu-fact--funding",
        FactKind::Date => "dafu-fact dafu-fact--date",
    }
}

/// Appends `text`, the reply's text named `anchor` (a block's id, `preamble`, `closing-1`, …), with
/// each figure, amount and date in it a marked span that links can target: the same marks in a block,
/// the preamble, a heading, the closing or the signature. The fact revealed last keeps its highlight
/// when its text is drawn after the reveal.
pub fn push_fact_html(out: &mut String, viewer: &Viewer, anchor: &str, text: &str) {
    if !viewer.facts.has_facts(anchor) {
        push_escaped(out, text);
        return;
    }
    let lit = viewer.highlight.get_value();
    for seg in viewer.facts.segments_of(anchor, text) {
        match seg.fact {
            Some(FactRef { kind, id }) => {
                out.push_str("<span class=\"");
                out.push_str(fact_class(kind));
                if lit.as_deref() == Some(id.as_str()) {
                    out.push(' ');
                    out.push_str(HIGHLIGHT);
                }
                out.push_str("\" id=\"");
                push_escaped(out, &viewer.ids.reply(&id));
                out.push_str("\">");
                push_escaped(out, &seg.text);
                out.push_str("</span>");
            }
            None => push_escaped(out, &seg.text),
        }
    }
}

/// [`push_fact_html`] as a new string: the `inner_html` of the element that shows `text`.
pub fn fact_html(viewer: &Viewer, anchor: &str, text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    push_fact_html(&mut out, viewer, anchor, text);
    out
}

/// Appends a block: a paragraph, or an initiative with its stage, ordinal and headline; each figure,
/// amount and date in its text a marked span that links can target.
fn push_block_html(out: &mut String, viewer: &Viewer, block: &Block) {
    let id = escaped(&viewer.ids.reply(block.id()));
    match block {
        Block::Paragraph { .. } => {
            let _ = write!(
                out,
                "<p class=\"dafu-paragraph\" id=\"{id}\" tabindex=\"-1\">"
            );
            push_fact_html(out, viewer, block.id(), block.text());
            out.push_str("</p>");
        }
        Block::Initiative {
            ordinal,
            headline,
            stage,
            ..
        } => {
            let class = match stage {
                Stage::Done => "dafu-initiative dafu-initiative--done",
                Stage::Next => "dafu-initiative dafu-initiative--next",
            };
            let _ = write!(
                out,
                "<div class=\"{class}\" id=\"{id}\" tabindex=\"-1\"><p class=\"dafu-initiative__text\">\
                 <span class=\"dafu-initiative__stage\">"
            );
            push_escaped(out, viewer.t.block_stage(*stage));
            out.push_str("</span><strong class=\"dafu-initiative__ordinal\">");
            push_escaped(out, ordinal);
            out.push_str("</strong>");
            if let Some(h) = headline {
                out.push_str("<strong class=\"dafu-initiative__headline\">");
                push_escaped(out, h);
                out.push_str("</strong>");
            }
            push_fact_html(out, viewer, block.id(), block.text());
            out.push_str("</p>");
            if !viewer.mode.is_snapshot() {
                super::cite::push_copy_button(out, viewer, block.id(), ordinal);
            }
            out.push_str("</div>");
        }
    }
}

/// Appends every block of `blocks`, one after the other.
pub fn push_blocks_html(out: &mut String, viewer: &Viewer, blocks: &[Block]) {
    for b in blocks {
        push_block_html(out, viewer, b);
    }
}

/// [`push_blocks_html`] as a new string.
pub fn blocks_html(viewer: &Viewer, blocks: &[Block]) -> String {
    let mut out = String::new();
    push_blocks_html(&mut out, viewer, blocks);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &str) {
        assert_eq!(escaped(text), expected, "escaping {text:?}");
    }

    #[test]
    fn markup_characters_become_entities_and_everything_else_stays() {
        check("2019年3月5日", "2019年3月5日");
        check(
            "<script>alert('x')</script>",
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;",
        );
        check("\" onmouseover=\"x", "&quot; onmouseover=&quot;x");
        check("A&B &amp;", "A&amp;B &amp;amp;");
        check("", "");
        check("末尾<", "末尾&lt;");
    }
}
