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

    /// A link to one of dafu's own parts (`#dafu-3-funding`).
    pub fn href(&self, name: &str) -> String {
        format!("#{}", self.of(name))
    }

    /// A link to something the reply names (`#dafu-3-r-f2`).
    pub fn reply_href(&self, id: &str) -> String {
        format!("#{}", self.reply(id))
    }
}
