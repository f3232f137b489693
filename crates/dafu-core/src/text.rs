//! Two small text tools every layer that words or marks up a reply shares (the app, the snapshot, the
//! converter module's report, the collection view): filling an interface template, and escaping text
//! for HTML. Plain string work: nothing here knows of a browser.

use std::fmt::Display;

/// Fills a template's `{}` with `args`, in order; a missing argument leaves nothing.
pub fn fill(template: &str, args: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut parts = template.split("{}");
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for part in parts {
        if let Some(a) = args.next() {
            out.push_str(&a.to_string());
        }
        out.push_str(part);
    }
    out
}

/// Appends `text` to `out` safe for both an element's content and a double-quoted attribute value:
/// all five of `& < > " '` escaped. The runs between them are copied whole (a list of a thousand
/// rows is mostly such runs).
pub fn push_escaped(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
        out.push_str(rest.get(..at).unwrap_or_default());
        out.push_str(match rest.as_bytes().get(at) {
            Some(b'&') => "&amp;",
            Some(b'<') => "&lt;",
            Some(b'>') => "&gt;",
            Some(b'"') => "&quot;",
            _ => "&#39;",
        });
        rest = rest.get(at + 1..).unwrap_or_default();
    }
    out.push_str(rest);
}

/// `text` escaped ([`push_escaped`]), as a new string.
pub fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_is_filled_in_order_and_a_missing_argument_leaves_nothing() {
        assert_eq!(fill("第{}行“{}”", &[&8, &"类别:A"]), "第8行“类别:A”");
        assert_eq!(fill("共{}项,{}", &[&3]), "共3项,");
        assert_eq!(fill("无", &[&1]), "无");
    }

    #[test]
    fn every_character_that_could_open_markup_or_close_an_attribute_is_escaped() {
        let mut out = String::new();
        push_escaped(&mut out, "<img src=x onerror='a(\"b\")'>&答复");
        assert_eq!(
            out,
            "&lt;img src=x onerror=&#39;a(&quot;b&quot;)&#39;&gt;&amp;答复"
        );
    }
}
