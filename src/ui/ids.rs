//! Element ids unique to one dafu instance, so several replies on a page never share an ARIA reference.

use std::sync::atomic::{AtomicU32, Ordering};

static NEXT_INSTANCE: AtomicU32 = AtomicU32::new(1);

/// The id prefix of one mounted reply (`dafu-3`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ids(String);

impl Ids {
    /// A prefix no other instance on this page has.
    pub fn fresh() -> Self {
        Self(format!(
            "dafu-{}",
            NEXT_INSTANCE.fetch_add(1, Ordering::Relaxed)
        ))
    }

    /// The element id for a part of this instance; characters that cannot appear in an id are replaced.
    pub fn of(&self, part: &str) -> String {
        let clean: String = part
            .chars()
            .map(|c| {
                if c.is_whitespace() || c == '#' {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        format!("{}-{clean}", self.0)
    }

    /// A link to a part of this instance (`#dafu-3-s2`).
    pub fn href(&self, part: &str) -> String {
        format!("#{}", self.of(part))
    }
}
