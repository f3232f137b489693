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
/// GB18030 when `gb18030` decodes them without an error; otherwise UTF-8 with replacement characters.
///
/// The GB18030 decoder is given, not named here: the CLI gives encoding_rs's, the module the
/// browser's `TextDecoder` (both the WHATWG Encoding Standard's gb18030 decoder). encoding_rs's
/// decoder dispatches over every encoding it knows, so linking it put every CJK table into the
/// module (125 → 267 KiB gzipped); the rule, the BOMs and UTF-16 are this one function's either way.
pub fn decode_with(bytes: &[u8], gb18030: impl FnOnce(&[u8]) -> Option<String>) -> Decoded {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Decoded {
            text: String::from_utf8_lossy(rest).into_owned(),
            encoding: Encoding::Utf8,
        };
    }
    let utf16 = |rest: &[u8], unit: fn([u8; 2]) -> u16, encoding| {
        let units = rest.chunks_exact(2).map(|c| {
            unit([
                c.first().copied().unwrap_or(0),
                c.get(1).copied().unwrap_or(0),
            ])
        });
        let mut text: String = char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        // A last odd byte is a broken unit, as the Encoding Standard decodes it.
        if rest.len() % 2 == 1 {
            text.push(char::REPLACEMENT_CHARACTER);
        }
        Decoded { text, encoding }
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes, Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes, Encoding::Utf16Be);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: text.to_owned(),
            encoding: Encoding::Utf8,
        };
    }
    if let Some(text) = gb18030(bytes) {
        return Decoded {
            text,
            encoding: Encoding::Gb18030,
        };
    }
    Decoded {
        text: String::from_utf8_lossy(bytes).into_owned(),
        encoding: Encoding::Lossy,
    }
}
