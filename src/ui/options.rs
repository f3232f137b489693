//! Per-instance options an embedding page sets: views shown, sections open at start, language, how
//! reading starts (长辈版, text size), and the result classes' labels where a locality uses others.

use dafu_core::model::ResultClass;

use super::settings::ReadingStart;

/// Which parts of the reply are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Views {
    /// Title, issuer, proposal, dates, metadata.
    pub header: bool,
    /// The key figures strip.
    pub figures: bool,
    /// The sections accordion (with preamble and closing).
    pub sections: bool,
    /// The timeline.
    pub timeline: bool,
    /// Funding totals, chart and table.
    pub funding: bool,
}

impl Default for Views {
    fn default() -> Self {
        Self {
            header: true,
            figures: true,
            sections: true,
            timeline: true,
            funding: true,
        }
    }
}

impl Views {
    /// Parses a list such as `"header sections"` (spaces or commas); unknown names are ignored, and a
    /// list naming nothing known shows everything rather than an empty box.
    pub fn parse(list: &str) -> Self {
        let names: Vec<&str> = list
            .split([' ', ','])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        let has = |n: &str| names.contains(&n);
        let views = Self {
            header: has("header"),
            figures: has("figures"),
            sections: has("sections"),
            timeline: has("timeline"),
            funding: has("funding"),
        };
        if views
            == (Self {
                header: false,
                figures: false,
                sections: false,
                timeline: false,
                funding: false,
            })
        {
            Self::default()
        } else {
            views
        }
    }
}

/// The interface language; the reply's own text is never translated.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// Simplified Chinese (default).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// `en` (any case, `en-GB` too) is English; anything else is Chinese.
    pub fn parse(code: &str) -> Self {
        if code.trim().to_ascii_lowercase().starts_with("en") {
            Self::En
        } else {
            Self::Zh
        }
    }

    /// The BCP 47 tag for the interface.
    pub fn tag(self) -> &'static str {
        match self {
            Self::Zh => "zh-CN",
            Self::En => "en",
        }
    }
}

/// Everything one instance is told at mount.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Views shown.
    pub views: Views,
    /// Open every section at start.
    pub open_all: bool,
    /// Interface language.
    pub lang: Lang,
    /// How long a reply fetched from a URL may take, whole, in seconds.
    pub timeout_secs: u32,
    /// How reading starts: 长辈版 (`data-dafu-mode="elder"`, `{ mode: 'elder' }`) and the text size
    /// (`data-dafu-size="large"`, `{ size: 'large' }`). Named `elder` because `App` reads it so.
    pub elder: ReadingStart,
    /// The result classes' names and meanings where the host page gives its own
    /// (`data-dafu-class-labels`, `{ classLabels }`).
    pub class_labels: ClassLabels,
    /// The reply's address came from the page's own address (`?src=`, `#src=`), checked by
    /// `origin::source_from_location`: a redirect to another origin is refused as that address
    /// would have been. Sources from the site's markup or script are the site's choice.
    pub from_address: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            views: Views::default(),
            open_all: false,
            lang: Lang::default(),
            timeout_secs: super::source::DEFAULT_TIMEOUT_SECS,
            elder: ReadingStart::default(),
            class_labels: ClassLabels::default(),
            from_address: false,
        }
    }
}

/// Reads a timeout in seconds (1 to 600); anything else gives the default.
pub fn parse_timeout(text: &str) -> u32 {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|s| (1..=600).contains(s))
        .unwrap_or(super::source::DEFAULT_TIMEOUT_SECS)
}

/// Reads a mode: `elder` (any case) is 长辈版; anything else is the standard view.
pub fn parse_elder(mode: &str) -> bool {
    mode.trim().eq_ignore_ascii_case("elder")
}

/// Reads a starting text size: a step's name in either language, any case (`standard`, `large`,
/// `larger`, `largest`; 标准, 大, 更大, 特大), as an index into [`super::settings::SIZES`].
pub fn parse_size(name: &str) -> Result<usize, String> {
    let name = name.trim();
    let named = |lang: Lang| {
        lang.text()
            .settings
            .sizes
            .iter()
            .position(|s| s.eq_ignore_ascii_case(name))
    };
    named(Lang::En).or_else(|| named(Lang::Zh)).ok_or_else(|| {
        format!(
            "dafu: the text size \"{name}\" is not one of standard, large, larger, largest; the reply starts at the standard size"
        )
    })
}

/// A result class's label where a locality uses its own: the badge's name and, after it, its meaning.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClassLabel {
    /// The badge (`甲类`).
    pub name: String,
    /// What it means, in words (`所提问题已经解决`); may be empty.
    pub meaning: String,
}

/// The labels a host page gives the result classes A, B and C; a class it leaves out keeps the
/// standard label.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClassLabels(pub [Option<ClassLabel>; 3]);

impl ClassLabels {
    /// The most characters a label may have: a badge, not a paragraph.
    pub const MAX_CHARS: usize = 60;

    /// Reads `A=甲类:所提问题已经解决;B=乙类;C=丙类:留作参考`: entries separated by `;` (or `;`, a
    /// line break), each a class letter, `=`, the badge's name, and optionally `:` (or `:`) and its
    /// meaning. An error names the entry at fault; the caller then keeps the standard labels.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut labels = Self::default();
        let entries = text
            .split([';', '\u{ff1b}', '\n'])
            .map(str::trim)
            .filter(|e| !e.is_empty());
        for entry in entries {
            // Quoted by hand: `{:?}` would bring the standard library's Unicode escaping tables
            // into the wasm (several KiB) for one message.
            let bad = |why: &str| {
                format!("dafu: class labels: \"{entry}\" {why}; the standard labels are shown")
            };
            let (key, label) = entry
                .split_once(['=', '\u{ff1d}'])
                .ok_or_else(|| bad("has no \"=\" (write A=name:meaning)"))?;
            let slot = match key.trim().to_ascii_uppercase().as_str() {
                "A" => 0,
                "B" => 1,
                "C" => 2,
                _ => return Err(bad("does not start with the class A, B or C")),
            };
            let (name, meaning) = label.split_once([':', '\u{ff1a}']).unwrap_or((label, ""));
            let (name, meaning) = (name.trim(), meaning.trim());
            if name.is_empty() {
                return Err(bad("gives the class no name"));
            }
            if label.chars().count() > Self::MAX_CHARS {
                return Err(bad("is longer than 60 characters"));
            }
            if let Some(place) = labels.0.get_mut(slot) {
                *place = Some(ClassLabel {
                    name: name.to_owned(),
                    meaning: meaning.to_owned(),
                });
            }
        }
        Ok(labels)
    }

    /// The host page's label for `class`, if it gave one.
    pub fn of(&self, class: ResultClass) -> Option<&ClassLabel> {
        let slot = match class {
            ResultClass::A => 0,
            ResultClass::B => 1,
            ResultClass::C => 2,
        };
        self.0.get(slot)?.as_ref()
    }
}

/// A value read from the page, or the default with its message in the console: a bad option never
/// stops the reply from showing.
pub fn or_warn<T: Default>(read: Result<T, String>) -> T {
    read.unwrap_or_else(|message| {
        web_sys::console::error_1(&message.into());
        T::default()
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // A failing test is a panic.

    use super::*;

    #[test]
    fn text_sizes_are_named_in_either_language() {
        assert_eq!(parse_size("large"), Ok(1));
        assert_eq!(parse_size(" Largest "), Ok(3));
        assert_eq!(parse_size("更大"), Ok(2));
        assert_eq!(parse_size("标准"), Ok(0));
        let bad = parse_size("huge").unwrap_err();
        assert!(bad.contains("\"huge\"") && bad.contains("standard, large, larger, largest"));
    }

    #[test]
    fn class_labels_give_each_class_a_name_and_a_meaning() {
        let labels =
            ClassLabels::parse("A=甲类:问题已经解决; b = 乙类 ；C＝丙类：留作参考").unwrap();
        let shown = |c| labels.of(c).map(|l| (l.name.clone(), l.meaning.clone()));
        assert_eq!(
            shown(ResultClass::A),
            Some(("甲类".into(), "问题已经解决".into()))
        );
        assert_eq!(shown(ResultClass::B), Some(("乙类".into(), String::new())));
        assert_eq!(
            shown(ResultClass::C),
            Some(("丙类".into(), "留作参考".into()))
        );
        let partial = ClassLabels::parse("C=参考类").unwrap();
        assert!(partial.of(ResultClass::A).is_none());
    }

    #[test]
    fn a_bad_class_label_is_named_in_its_message() {
        for (text, why) in [
            ("D=丁类", "does not start with the class A, B or C"),
            ("A甲类", "has no \"=\""),
            ("A=:已解决", "gives the class no name"),
        ] {
            let message = ClassLabels::parse(text).unwrap_err();
            assert!(message.contains(why), "{text}: {message}");
            assert!(
                message.contains("the standard labels are shown"),
                "{message}"
            );
        }
        let long = format!("A={}", "很".repeat(61));
        assert!(ClassLabels::parse(&long)
            .unwrap_err()
            .contains("longer than 60"));
    }
}
