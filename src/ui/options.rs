//! Per-instance options an embedding page sets: views shown, sections open at start, language.

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
    /// Start in 长辈版 (elder mode: `data-dafu-mode="elder"`, `{ mode: 'elder' }`).
    pub elder: bool,
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
            elder: false,
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
