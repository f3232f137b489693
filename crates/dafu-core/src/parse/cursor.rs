//! The cursor the fact finder reads a block with. A rule says what it expects next — `eat("截至")`,
//! `year()`, `small(12)`, `number()` — instead of computing offsets, and a rule that does not match
//! leaves the cursor where it was ([`Cursor::attempt`]).
//!
//! Every look ahead is bounded by what the rule needs (a year looks at five characters, however long
//! the run of digits), except [`Cursor::number`] and [`Cursor::skip_digits`], which move past what they
//! read. So the finder reads each character a bounded number of times. The characters looked at are
//! counted ([`Cursor::steps`]); the linear-time test compares that count across input sizes.

use std::cell::Cell;

/// A position in a block's characters, with the count of characters looked at so far.
#[derive(Debug)]
pub struct Cursor<'a> {
    chars: &'a [char],
    pos: usize,
    steps: Cell<u64>,
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of `chars`.
    pub fn new(chars: &'a [char]) -> Self {
        Self {
            chars,
            pos: 0,
            steps: Cell::new(0),
        }
    }

    /// Characters before the cursor.
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// Is every character read?
    pub fn at_end(&self) -> bool {
        self.pos >= self.chars.len()
    }

    /// How many characters were looked at, counting each look.
    pub fn steps(&self) -> u64 {
        self.steps.get()
    }

    /// The character `k` places ahead (`0` is the next one).
    pub fn peek_at(&self, k: usize) -> Option<char> {
        self.steps.set(self.steps.get() + 1);
        self.chars.get(self.pos + k).copied()
    }

    /// The next character.
    pub fn peek(&self) -> Option<char> {
        self.peek_at(0)
    }

    /// The character just before the cursor.
    pub fn prev(&self) -> Option<char> {
        self.steps.set(self.steps.get() + 1);
        self.pos
            .checked_sub(1)
            .and_then(|p| self.chars.get(p))
            .copied()
    }

    /// Moves `n` characters on (never past the end).
    pub fn bump(&mut self, n: usize) {
        self.pos = (self.pos + n).min(self.chars.len());
    }

    /// Goes back to `pos`, a position the cursor has been at.
    pub fn rewind(&mut self, pos: usize) {
        self.pos = pos.min(self.pos);
    }

    /// Moves one character on and returns it.
    pub fn next_char(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.bump(1);
        Some(c)
    }

    /// The text between `start` and the cursor.
    pub fn since(&self, start: usize) -> String {
        self.chars
            .get(start..self.pos)
            .map(super::string_of)
            .unwrap_or_default()
    }

    /// Does the text ahead start with `s`?
    pub fn looking_at(&self, s: &str) -> bool {
        s.chars()
            .enumerate()
            .all(|(k, c)| self.peek_at(k) == Some(c))
    }

    /// Moves past `s` if the text ahead starts with it.
    pub fn eat(&mut self, s: &str) -> bool {
        let found = self.looking_at(s);
        if found {
            self.bump(s.chars().count());
        }
        found
    }

    /// Moves past the next character if `test` accepts it.
    pub fn eat_if(&mut self, test: impl Fn(char) -> bool) -> Option<char> {
        let c = self.peek().filter(|c| test(*c))?;
        self.bump(1);
        Some(c)
    }

    /// Moves past the first of `words` the text ahead starts with.
    pub fn eat_any<'w>(&mut self, words: &[&'w str]) -> Option<&'w str> {
        // Only the words starting with the next character can be ahead: the first and last bytes
        // of that character are compared (nothing decoded) before the whole word is.
        let mut buf = [0u8; 4];
        let next = self.peek()?.encode_utf8(&mut buf).as_bytes();
        let (first, last) = (next.first(), next.last());
        let word = words.iter().find(|w| {
            let b = w.as_bytes();
            b.first() == first && b.get(next.len().saturating_sub(1)) == last && self.looking_at(w)
        })?;
        self.bump(word.chars().count());
        Some(word)
    }

    /// How many ASCII digits are ahead, counting no further than `limit`.
    pub fn digits_ahead(&self, limit: usize) -> usize {
        (0..limit)
            .take_while(|k| self.peek_at(*k).is_some_and(|c| c.is_ascii_digit()))
            .count()
    }

    /// The value of the `len` digits ahead (which the caller has counted).
    fn value_ahead(&self, len: usize) -> u32 {
        (0..len).fold(0, |v, k| {
            v * 10 + self.peek_at(k).and_then(|c| c.to_digit(10)).unwrap_or(0)
        })
    }

    /// A year: exactly four digits, 1900 to 2100.
    pub fn year(&mut self) -> Option<i32> {
        if self.digits_ahead(5) != 4 {
            return None;
        }
        let y = i32::try_from(self.value_ahead(4)).ok()?;
        (1900..=2100).contains(&y).then(|| {
            self.bump(4);
            y
        })
    }

    /// A month, day or other small count: one or two digits (not three), from 1 to `max`.
    pub fn small(&mut self, max: u8) -> Option<u8> {
        let len = self.digits_ahead(3);
        if !(1..=2).contains(&len) {
            return None;
        }
        let v = u8::try_from(self.value_ahead(len)).ok()?;
        (1..=max).contains(&v).then(|| {
            self.bump(len);
            v
        })
    }

    /// A decimal number as written: digits, then `.digits` when a digit follows the point.
    pub fn number(&mut self) -> Option<String> {
        let start = self.pos;
        if self.skip_digits() == 0 {
            return None;
        }
        if self.peek() == Some('.') && self.peek_at(1).is_some_and(|c| c.is_ascii_digit()) {
            self.bump(1);
            self.skip_digits();
        }
        Some(self.since(start))
    }

    /// Moves past the digits ahead, however many; returns how many.
    pub fn skip_digits(&mut self) -> usize {
        let start = self.pos;
        while self.eat_if(|c| c.is_ascii_digit()).is_some() {}
        self.pos - start
    }

    /// Runs `rule`; when it gives nothing, the cursor goes back to where it was.
    pub fn attempt<T>(&mut self, rule: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let start = self.pos;
        let found = rule(self);
        if found.is_none() {
            self.pos = start;
        }
        found
    }
}
