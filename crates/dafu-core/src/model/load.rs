//! Reading a reply from JSON text: size limit, schema version, typed parse with paths, then semantic checks.

use std::fmt;

use serde::Deserialize;

use super::reply::{Reply, SCHEMA_VERSION};
use super::validate::{Problem, MAX_QUOTED_CHARS};

/// The largest reply JSON accepted, in bytes.
pub const MAX_JSON_BYTES: usize = 20 * 1024 * 1024;

/// The most problems an error lists; a last line says how many more there are. A reply with
/// thousands of broken anchors still has a short error.
pub const MAX_LISTED_PROBLEMS: usize = 100;

/// The line that stands for the problems not listed.
fn more_problems(more: usize) -> String {
    match more {
        1 => "and 1 more problem".to_owned(),
        n => format!("and {n} more problems"),
    }
}

/// Why a text is not a usable reply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The text is larger than [`MAX_JSON_BYTES`].
    TooLarge {
        /// Size of the input.
        bytes: usize,
    },
    /// Not JSON, or JSON of the wrong shape, at a path, line and column.
    Syntax {
        /// JSON path such as `sections[2].blocks[0].text`; `.` for the whole document.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A newer format than this build understands.
    NewerSchema {
        /// The version in the file.
        found: u64,
    },
    /// Well-formed but inconsistent: every problem found.
    Invalid(Vec<Problem>),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooLarge { bytes } => {
                write!(f, "the reply is {bytes} bytes; the limit is {MAX_JSON_BYTES} bytes")
            }
            Self::Syntax { path, line, column, message } => {
                write!(f, "{path} (line {line}, column {column}): {message}")
            }
            Self::NewerSchema { found } => write!(
                f,
                "schema version {found} is newer than this dafu understands ({SCHEMA_VERSION}); update dafu to show this reply"
            ),
            Self::Invalid(problems) => {
                write!(f, "{} problem(s): ", problems.len())?;
                for (i, p) in problems.iter().take(MAX_LISTED_PROBLEMS).enumerate() {
                    if i > 0 {
                        write!(f, "; ")?;
                    }
                    write!(f, "{p}")?;
                }
                match problems.len().saturating_sub(MAX_LISTED_PROBLEMS) {
                    0 => Ok(()),
                    more => write!(f, "; {}", more_problems(more)),
                }
            }
        }
    }
}

impl std::error::Error for LoadError {}

impl LoadError {
    /// Each problem as its own line, for a list in the error panel: at most
    /// [`MAX_LISTED_PROBLEMS`], then a line saying how many more there are.
    pub fn lines(&self) -> Vec<String> {
        match self {
            Self::Invalid(problems) => {
                let mut lines: Vec<String> = problems
                    .iter()
                    .take(MAX_LISTED_PROBLEMS)
                    .map(ToString::to_string)
                    .collect();
                let more = problems.len().saturating_sub(MAX_LISTED_PROBLEMS);
                if more > 0 {
                    lines.push(more_problems(more));
                }
                lines
            }
            other => vec![other.to_string()],
        }
    }
}

/// Just enough of a reply to read its version before trusting the rest.
#[derive(Deserialize)]
struct VersionPeek {
    #[serde(default)]
    schema: Option<serde_json::Value>,
}

/// The error for a reply of a newer schema version, if `text` declares one.
fn newer_schema(text: &str) -> Option<LoadError> {
    let VersionPeek { schema } = serde_json::from_str::<VersionPeek>(text).ok()?;
    let found = schema?
        .as_u64()
        .filter(|n| *n > u64::from(SCHEMA_VERSION))?;
    Some(LoadError::NewerSchema { found })
}

/// serde_json's message without its trailing " at line L column C", which the error shows separately,
/// and with the value it quotes cut short.
fn bare_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    if text.starts_with("recursion limit exceeded") {
        return "nesting is deeper than 128 levels (recursion limit exceeded)".to_owned();
    }
    clip_quotes(match text.rfind(" at line ") {
        Some(i) => text.get(..i).unwrap_or(&text),
        None => &text,
    })
}

/// `message` with every run in `"…"` or `` `…` `` cut after [`MAX_QUOTED_CHARS`] characters: serde
/// quotes the value it refused (`invalid type: string "…"`, ``unknown field `…` ``), which may be
/// megabytes long.
fn clip_quotes(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(256));
    let mut chars = message.chars();
    while let Some(c) = chars.next() {
        out.push(c);
        if !matches!(c, '"' | '`') {
            continue;
        }
        let (mut kept, mut escaped, mut cut, mut closed) = (0, false, false, false);
        for inner in chars.by_ref() {
            if inner == c && !escaped {
                closed = true;
                break;
            }
            // Only a double-quoted run is written with escapes (`\"`).
            escaped = c == '"' && inner == '\\' && !escaped;
            if kept < MAX_QUOTED_CHARS {
                out.push(inner);
                kept += 1;
            } else {
                cut = true;
            }
        }
        if cut {
            out.push('…');
        }
        if closed {
            out.push(c);
        }
    }
    out
}

/// serde_json counts columns in bytes; people count characters (a Chinese character is three bytes).
fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(line_text) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column;
    };
    let mut end = byte_column.min(line_text.len());
    while !line_text.is_char_boundary(end) {
        end -= 1;
    }
    line_text
        .get(..end)
        .map_or(byte_column, |t| t.chars().count())
}

/// The byte offset of serde_json's 1-based line and byte column (the bytes read on that line).
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split('\n')
        .take(line.saturating_sub(1))
        .map(|l| l.len() + 1)
        .sum();
    line_start + column
}

/// Keeps a pathological path (10,000 nested arrays) readable: its start, an ellipsis, its end.
fn shorten_path(path: String) -> String {
    const KEEP: usize = 60;
    let chars: Vec<char> = path.chars().collect();
    if chars.len() <= 2 * KEEP {
        return path;
    }
    let head: String = chars.iter().take(KEEP).collect();
    let tail: String = chars.iter().skip(chars.len() - KEEP).collect();
    format!("{head}…{tail}")
}

/// `bytes` as text, or an error at the place they stop being UTF-8.
fn utf8(bytes: &[u8]) -> Result<&str, LoadError> {
    const RULE: &str = "reply JSON must be UTF-8 (RFC 8259): save the file as UTF-8";
    // A BOM, or a NUL among the first bytes (JSON text has none): UTF-16 or UTF-32.
    let wide = bytes.starts_with(&[0xff, 0xfe])
        || bytes.starts_with(&[0xfe, 0xff])
        || bytes.iter().take(4).any(|b| *b == 0);
    if wide {
        return Err(LoadError::Syntax {
            path: ".".into(),
            line: 1,
            column: 1,
            message: format!("not UTF-8: the file is UTF-16 or UTF-32; {RULE}"),
        });
    }
    let e = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok(text),
        Err(e) => e,
    };
    let valid = bytes
        .get(..e.valid_up_to())
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or_default();
    let byte = bytes.get(e.valid_up_to()).copied().unwrap_or_default();
    Err(LoadError::Syntax {
        path: shorten_path(super::de::path_at(valid, valid.len())),
        line: valid.matches('\n').count() + 1,
        column: valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
        message: format!("not UTF-8: byte 0x{byte:02x} here (GBK or GB18030?); {RULE}"),
    })
}

impl Reply {
    /// Reads and checks a reply from a file's bytes, which must be UTF-8 (a UTF-8 BOM is allowed):
    /// GBK, GB18030, UTF-16 and invalid bytes are refused at the first byte that is not UTF-8, where
    /// decoding them would show replacement characters or wrongly decoded text. The page and the
    /// `dafu validate` command both read reply files through this one rule.
    pub fn from_json_bytes(bytes: &[u8]) -> Result<Reply, LoadError> {
        if bytes.len() > MAX_JSON_BYTES {
            return Err(LoadError::TooLarge { bytes: bytes.len() });
        }
        Self::from_json(utf8(bytes)?)
    }

    /// Reads and checks a reply. Never panics, whatever the text.
    pub fn from_json(text: &str) -> Result<Reply, LoadError> {
        if text.len() > MAX_JSON_BYTES {
            return Err(LoadError::TooLarge { bytes: text.len() });
        }
        // A BOM is invisible in editors; accept it rather than report column 1 as wrong.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // serde would read a struct from an array too; a reply is always an object.
        if let Some((i, c)) = text
            .char_indices()
            .find(|(_, c)| !c.is_whitespace())
            .filter(|(_, c)| *c != '{')
        {
            let before = text.get(..i).unwrap_or("");
            return Err(LoadError::Syntax {
                path: ".".into(),
                line: before.matches('\n').count() + 1,
                column: before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
                message: format!("a reply must be a JSON object starting with '{{', found {c:?}"),
            });
        }
        let mut de = serde_json::Deserializer::from_str(text);
        let parsed = Reply::deserialize(&mut de)
            .map_err(|e| LoadError::Syntax {
                path: shorten_path(super::de::path_at(
                    text,
                    byte_offset(text, e.line(), e.column()),
                )),
                line: e.line(),
                column: char_column(text, e.line(), e.column()),
                message: bare_message(&e),
            })
            .and_then(|reply| {
                de.end().map_err(|e| LoadError::Syntax {
                    path: ".".into(),
                    line: e.line(),
                    column: char_column(text, e.line(), e.column()),
                    message: bare_message(&e),
                })?;
                Ok(reply)
            });
        // A newer version may add fields this one refuses: its version is looked for only when the
        // reply did not parse (reading the text twice for every reply cost a second parse).
        let reply = match parsed {
            Ok(reply) if reply.schema > SCHEMA_VERSION => {
                return Err(LoadError::NewerSchema {
                    found: u64::from(reply.schema),
                })
            }
            Ok(reply) => reply,
            Err(e) => return Err(newer_schema(text).unwrap_or(e)),
        };
        let problems = reply.problems();
        if problems.is_empty() {
            Ok(reply)
        } else {
            Err(LoadError::Invalid(problems))
        }
    }

    /// The reply as pretty JSON.
    pub fn to_json(&self) -> String {
        // Serializing these types cannot fail: every map key is a string.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The JSON Schema of the reply format.
    pub fn json_schema() -> String {
        let schema = schemars::schema_for!(Reply);
        serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
    }
}
