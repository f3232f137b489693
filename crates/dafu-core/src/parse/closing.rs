//! The end of a reply: closing paragraphs and the signature.
//!
//! Grammar:
//! - closing:   from the first line after the body's first that starts with 感谢, 谨此, 特此, 此复,
//!   再次感谢 or 以上答复, to the end;
//! - without a closing phrase, the trailing lines that are a contact line, a date, or a short name
//!   (at most 24 characters, no `。` `,` `,` `;`, not numbered) are the signature;
//! - signature: contact lines (联系人, 联系电话, 电话, 审核人, 签发人, 抄送, 联系单位), a line that is
//!   only a date (the date signed), and a short line without sentence punctuation after a closing
//!   paragraph (the signer); every other line is a closing paragraph.

use crate::model::Signature;

use super::body;
use super::facts::whole_date;
use super::lines::Line;

fn is_closing_start(text: &str) -> bool {
    ["感谢", "谨此", "特此", "此复", "再次感谢", "以上答复"]
        .iter()
        .any(|k| text.starts_with(k))
}

fn is_contact(text: &str) -> bool {
    [
        "联系人",
        "联系电话",
        "电话",
        "审核人",
        "签发人",
        "抄送",
        "联系单位",
    ]
    .iter()
    .any(|k| text.starts_with(k))
}

/// Where the end of the reply starts in `rest` (the lines after the opening): the closing phrase,
/// else the trailing signature lines; never at the first line.
pub fn start(rest: &[Line]) -> usize {
    if let Some(at) = rest.iter().skip(1).position(|l| is_closing_start(&l.text)) {
        return at + 1;
    }
    let mut k = rest.len();
    while k > 1 {
        let Some(l) = rest.get(k - 1) else { break };
        let short_name =
            l.text.chars().count() <= 24 && !l.text.contains(['。', ',', '，', ';', '；']);
        if is_contact(&l.text)
            || whole_date(&l.text).is_some()
            || short_name && body::numbered(&l.text).is_none()
        {
            k -= 1;
        } else {
            break;
        }
    }
    k
}

/// The closing paragraphs and the signature, from the lines at the end.
pub fn read(tail: &[Line]) -> (Vec<String>, Option<Signature>) {
    let mut closing = Vec::new();
    let mut signer = None;
    let mut date = None;
    let mut contact = Vec::new();
    for l in tail {
        if is_contact(&l.text) {
            contact.push(l.text.clone());
        } else if let Some(d) = whole_date(&l.text) {
            date = Some(d);
        } else if l.text.chars().count() <= 24
            && !l.text.contains(['。', '!', '！', ',', '，'])
            && !closing.is_empty()
        {
            signer = Some(l.text.clone());
        } else {
            closing.push(l.text.clone());
        }
    }
    let signature =
        (signer.is_some() || date.is_some() || !contact.is_empty()).then_some(Signature {
            signer,
            date,
            contact,
        });
    (closing, signature)
}
