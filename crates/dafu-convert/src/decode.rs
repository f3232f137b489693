//! A reply text file's bytes to text: the one rule the CLI (`dafu convert`, `dafu render`, which
//! depends on this crate for it) and the page (a `.txt` opened or dropped, decoded by this module)
//! share, so a file reads the same everywhere. Here and not in dafu-core, which names no decoding
//! crate (its tidy test); the viewer's wasm does not carry it. Reply JSON is never decoded here: JSON
//! must be UTF-8.

/// Which encoding a text was read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (with or without a BOM).
    Utf8,
    /// UTF-16, little-endian, found by its BOM.
    Utf16Le,
    /// UTF-16, big-endian, found by its BOM.
    Utf16Be,
    /// Not UTF-8, but GB18030 (a superset of GBK and GB2312) without an error.
    Gb18030,
    /// Neither: read as UTF-8 with the undecodable bytes replaced (`�`).
    Lossy,
}

impl Encoding {
    /// What the CLI says of it on standard error; `None` for the encodings that need no word.
    pub fn note(self) -> Option<&'static str> {
        match self {
            Self::Utf8 | Self::Utf16Le | Self::Utf16Be => None,
            Self::Gb18030 => Some("input is not UTF-8; read as GB18030/GBK"),
            Self::Lossy => Some("input is neither UTF-8 nor GBK; undecodable bytes replaced"),
        }
    }
}

/// A decoded text and what it was read as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text (a BOM dropped).
    pub text: String,
    /// The encoding it was read as.
    pub encoding: Encoding,
}

/// A BOM's encoding (UTF-8, UTF-16LE, UTF-16BE); else UTF-8 when the bytes are valid UTF-8; else
/// GB18030 when that decodes without errors; otherwise UTF-8 with replacement characters.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _, _) = enc.decode(bytes);
        let encoding = if enc == encoding_rs::UTF_16LE {
            Encoding::Utf16Le
        } else if enc == encoding_rs::UTF_16BE {
            Encoding::Utf16Be
        } else {
            Encoding::Utf8
        };
        return Decoded {
            text: text.into_owned(),
            encoding,
        };
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: text.to_owned(),
            encoding: Encoding::Utf8,
        };
    }
    let (text, _, had_errors) = encoding_rs::GB18030.decode(bytes);
    if !had_errors {
        return Decoded {
            text: text.into_owned(),
            encoding: Encoding::Gb18030,
        };
    }
    Decoded {
        text: String::from_utf8_lossy(bytes).into_owned(),
        encoding: Encoding::Lossy,
    }
}
