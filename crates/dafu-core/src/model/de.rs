//! Deserializing checked values so that every error is raised while its own JSON value is current.
//!
//! `load` finds an error's JSON path from the position serde_json reports (see [`path_at`]), so the
//! position must belong to the value at fault. serde_json fixes an error's position when the
//! deserializer call that raised it returns: a check made *after* `String::deserialize` (or after a
//! derived struct) returns would be placed wherever the enclosing object happens to stop, which is
//! after its closing brace when the value was its last field. The two helpers here run the check
//! inside the visitor instead: a string's check is placed just after the string, an object's check
//! just after the object.

use std::fmt::{self, Display};
use std::marker::PhantomData;

use serde::de::{
    self, value::MapAccessDeserializer, Deserialize, Deserializer, MapAccess, Visitor,
};

/// Reads a JSON string and parses it with `parse`; its error is placed at the string.
pub fn checked_str<'de, D, T, E>(
    d: D,
    expecting: &'static str,
    parse: fn(&str) -> Result<T, E>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    E: Display,
{
    struct StrVisitor<T, E> {
        expecting: &'static str,
        parse: fn(&str) -> Result<T, E>,
    }
    impl<T, E: Display> Visitor<'_> for StrVisitor<T, E> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.expecting)
        }
        fn visit_str<X: de::Error>(self, v: &str) -> Result<T, X> {
            (self.parse)(v).map_err(X::custom)
        }
    }
    d.deserialize_str(StrVisitor { expecting, parse })
}

/// Reads a JSON object as `R`, then converts it with `convert`; its error is placed at the object.
pub fn checked_object<'de, D, R, T, E>(
    d: D,
    expecting: &'static str,
    convert: fn(R) -> Result<T, E>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    R: Deserialize<'de>,
    E: Display,
{
    struct ObjectVisitor<R, T, E> {
        expecting: &'static str,
        convert: fn(R) -> Result<T, E>,
        repr: PhantomData<R>,
    }
    impl<'de, R: Deserialize<'de>, T, E: Display> Visitor<'de> for ObjectVisitor<R, T, E> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.expecting)
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            let repr = R::deserialize(MapAccessDeserializer::new(map))?;
            (self.convert)(repr).map_err(de::Error::custom)
        }
    }
    d.deserialize_map(ObjectVisitor {
        expecting,
        convert,
        repr: PhantomData,
    })
}

/// The JSON path (`sections[2].blocks[0].text`, `.` for the whole document) of the value that
/// contains, or has just ended at, byte `offset` of `text`.
///
/// A small scanner in place of a path-tracking deserializer (which doubled the size of the
/// generated loading code): it follows objects, keys and array indices up to `offset`. Only an
/// error needs it, so it costs nothing on the happy path. It never recurses, whatever the nesting.
pub fn path_at(text: &str, offset: usize) -> String {
    enum Frame {
        /// The last key read, if a key has been read since the object opened or the last comma.
        Object(Option<String>),
        /// The index of the current element, once an element has started.
        Array(Option<usize>),
    }
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut awaiting_key = false;
    let mut i = 0;
    while i < end {
        let b = bytes.get(i).copied().unwrap_or(b' ');
        // A value starting inside an array makes its index current.
        if let Some(Frame::Array(index)) = stack.last_mut() {
            if !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b',' | b']') && index.is_none() {
                *index = Some(0);
            }
        }
        match b {
            b'{' => {
                stack.push(Frame::Object(None));
                awaiting_key = true;
            }
            b'[' => {
                stack.push(Frame::Array(None));
                awaiting_key = false;
            }
            b'}' | b']' => {
                stack.pop();
                awaiting_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object(key)) => {
                    *key = None;
                    awaiting_key = true;
                }
                Some(Frame::Array(index)) => *index = Some(index.map_or(1, |n| n + 1)),
                None => {}
            },
            b':' => awaiting_key = false,
            b'"' => {
                let start = i;
                i += 1;
                while i < end {
                    match bytes.get(i) {
                        Some(b'\\') => i += 2,
                        Some(b'"') => break,
                        _ => i += 1,
                    }
                }
                if awaiting_key {
                    if let Some(Frame::Object(key)) = stack.last_mut() {
                        let raw = text.get(start..=i.min(end.saturating_sub(1))).unwrap_or("");
                        *key = Some(decode_key(raw));
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Array(Some(index)) => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
            Frame::Object(None) | Frame::Array(None) => {}
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

/// A key as written, escapes resolved (`"\u6570"` → `数`); a key cut short is kept as it is.
fn decode_key(quoted: &str) -> String {
    serde_json::from_str::<String>(quoted).unwrap_or_else(|_| {
        quoted
            .trim_start_matches('"')
            .trim_end_matches('"')
            .to_owned()
    })
}
