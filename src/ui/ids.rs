//! Element ids unique to one dafu instance, so several replies on a page never share an ARIA reference,
//! and ids that come from a reply never meet dafu's own.
//!
//! One instance's ids live in three namespaces under its prefix (`dafu-3`): dafu's own parts
//! (`dafu-3-funding`, names fixed in the code, never starting with `r-` or `h-`), what the reply names
//! (`dafu-3-r-<id>`: sections, blocks, facts) and each section's heading (`dafu-3-h-<section id>`). A
//! reply can therefore call a block `funding` or a section `s1-heading` without two elements sharing
//! an id. Ids from a reply are escaped one to one (`_` starts an escape), so `a b` and `a_b` stay apart
//! too.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicU32, Ordering};

static NEXT_INSTANCE: AtomicU32 = AtomicU32::new(1);

/// The id prefix of one mounted reply (`dafu-3`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ids(String);

/// `text` with every character an id or an id list cannot hold (whitespace, `#`) written as its code
/// point between underscores (`a b` is `a_32_b`); `_` itself is escaped the same way, so different
/// texts never give the same id.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_whitespace() || c == '#' || c == '_' {
            let _ = write!(out, "_{}_", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// [`escaped`] undone; `None` for a text `escaped` cannot have made.
fn unescaped(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut parts = text.split('_');
    out.push_str(parts.next()?);
    // After the first part, parts alternate: a code point, then the text up to the next escape.
    while let Some(code) = parts.next() {
        out.push(char::from_u32(code.parse().ok()?)?);
        out.push_str(parts.next()?);
    }
    Some(out)
}

impl Ids {
    /// A prefix no other instance on this page has.
    pub fn fresh() -> Self {
        Self(format!(
            "dafu-{}",
            NEXT_INSTANCE.fetch_add(1, Ordering::Relaxed)
        ))
    }

    /// The fixed prefix of a snapshot (`dafu-s`): a static page has one reply, its ids must not change
    /// from one rendering to the next, and the instance counter never gives `s`.
    #[cfg(feature = "snapshot")]
    pub fn snapshot() -> Self {
        Self("dafu-s".to_owned())
    }

    /// The element id of one of dafu's own parts (`dafu-3-funding`). `name` is fixed in the code and
    /// never starts with `r-` or `h-`; anything that comes from a reply goes through [`Ids::reply`].
    pub fn of(&self, name: &str) -> String {
        format!("{}-{}", self.0, escaped(name))
    }

    /// The element id of a section, block or fact the reply names (`dafu-3-r-s2`).
    pub fn reply(&self, id: &str) -> String {
        format!("{}-r-{}", self.0, escaped(id))
    }

    /// The element id of a section's heading button (`dafu-3-h-s2`).
    pub fn heading(&self, section: &str) -> String {
        format!("{}-h-{}", self.0, escaped(section))
    }

    /// The id in the reply that an element id of this instance names (`dafu-3-r-f2` gives `f2`), or
    /// one of the snapshot's (`dafu-s-r-f2`: a link copied from the static page still finds its fact
    /// once the live view has replaced it). `None` for any other id, so two instances on a page never
    /// both answer one link.
    pub fn reply_id_of(&self, element_id: &str) -> Option<String> {
        let rest = element_id
            .strip_prefix(&self.0)
            .or_else(|| element_id.strip_prefix("dafu-s"))?;
        unescaped(rest.strip_prefix("-r-")?)
    }

    /// A link to one of dafu's own parts (`#dafu-3-funding`).
    pub fn href(&self, name: &str) -> String {
        format!("#{}", self.of(name))
    }

    /// A link to something the reply names (`#dafu-3-r-f2`).
    pub fn reply_href(&self, id: &str) -> String {
        format!("#{}", self.reply(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_element_id_gives_back_the_reply_id_it_was_made_from_and_only_in_its_own_instance() {
        let ids = Ids("dafu-3".to_owned());
        for id in ["f2", "a b", "a_b", "s1#x", "中_文", ""] {
            assert_eq!(ids.reply_id_of(&ids.reply(id)).as_deref(), Some(id), "{id}");
            assert_eq!(
                ids.reply_id_of(&format!("dafu-s-r-{}", escaped(id)))
                    .as_deref(),
                Some(id)
            );
        }
        assert_eq!(ids.reply_id_of("dafu-4-r-f2"), None);
        assert_eq!(ids.reply_id_of("dafu-31-r-f2"), None);
        assert_eq!(ids.reply_id_of("dafu-3-h-s2"), None);
        assert_eq!(ids.reply_id_of("dafu-3-funding"), None);
        assert_eq!(ids.reply_id_of("dafu-3-r-a_32"), None);
    }
}
