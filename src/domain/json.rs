//! JSON for every record casenote stores or sends: a value type, a strict
//! parser (RFC 8259) and a compact writer, with [`ToJson`] and [`FromJson`]
//! for the domain types.
//!
//! It replaces serde and serde_json in the bundle (27 kB gzipped less; see
//! the README's Size section).
//! The text it writes is what serde_json wrote before: keys in declaration
//! order, no whitespace, and JSON escapes for `"`, `\` and control
//! characters only. Tests in this module hold it to texts serde_json wrote,
//! so drafts stored by earlier versions still open and content hashes do
//! not change.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// A JSON value. Objects keep their keys in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number written without a fraction or exponent that fits `i64`.
    Int(i64),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

static NULL: Json = Json::Null;

impl Json {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Sets (or adds) the member `key` of an object.
    pub fn set(&mut self, key: &str, value: Json) {
        if let Json::Obj(members) = self {
            match members.iter_mut().find(|(k, _)| k == key) {
                Some((_, v)) => *v = value,
                None => members.push((key.to_string(), value)),
            }
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Json>> {
        match self {
            Json::Arr(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Int(i) => Some(*i as f64),
            Json::Num(n) => Some(*n),
            _ => None,
        }
    }

    pub fn is_string(&self) -> bool {
        matches!(self, Json::Str(_))
    }

    /// This value with the keys of every object sorted (by their UTF-8
    /// bytes), as the canonical form of a signed note needs.
    pub fn sorted(self) -> Json {
        match self {
            Json::Arr(a) => Json::Arr(a.into_iter().map(Json::sorted).collect()),
            Json::Obj(members) => {
                let mut members: Vec<(String, Json)> =
                    members.into_iter().map(|(k, v)| (k, v.sorted())).collect();
                // Insertion sort: objects have a few keys, and the standard
                // sort costs KBs of wasm per element type.
                for i in 1..members.len() {
                    let mut j = i;
                    while j > 0 && members[j - 1].0 > members[j].0 {
                        members.swap(j - 1, j);
                        j -= 1;
                    }
                }
                Json::Obj(members)
            }
            other => other,
        }
    }

    /// The compact text of this value.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Int(i) => out.push_str(&i.to_string()),
            Json::Num(n) => write_number(*n, out),
            Json::Str(s) => write_string(s, out),
            Json::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Obj(members) => {
                out.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(k, out);
                    out.push(':');
                    v.write(out);
                }
                out.push('}');
            }
        }
    }
}

impl std::ops::Index<&str> for Json {
    type Output = Json;
    fn index(&self, key: &str) -> &Json {
        self.get(key).unwrap_or(&NULL)
    }
}

impl std::ops::Index<usize> for Json {
    type Output = Json;
    fn index(&self, i: usize) -> &Json {
        match self {
            Json::Arr(a) => a.get(i).unwrap_or(&NULL),
            _ => &NULL,
        }
    }
}

impl PartialEq<&str> for Json {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == Some(*other)
    }
}

impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_text())
    }
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

/// Writes `n` as serde_json did for the numbers casenote stores: whole
/// numbers (epoch milliseconds, hours) as `123.0`, others with up to six
/// decimals. A number that is not finite is written as `null`.
fn write_number(n: f64, out: &mut String) {
    if !n.is_finite() {
        out.push_str("null");
        return;
    }
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        out.push_str(&(n as i64).to_string());
        out.push_str(".0");
        return;
    }
    let abs = n.abs();
    if abs >= 9.0e15 {
        // Only whole numbers are this large. Written as digits and a
        // power of ten, close to the nearest (no float formatting code).
        let mut m = abs;
        let mut k = 0;
        while m >= 9.0e15 {
            m /= 10.0;
            k += 1;
        }
        if n < 0.0 {
            out.push('-');
        }
        out.push_str(&(m.round() as u64).to_string());
        out.push('e');
        out.push_str(&k.to_string());
        return;
    }
    // Six decimals in integer arithmetic: no float formatting code in the
    // bundle.
    let mut whole = abs.trunc();
    // Exact: the fraction of an f64 is itself an f64.
    let mut frac = ((abs - whole) * 1e6).round() as u64;
    if frac >= 1_000_000 {
        whole += 1.0;
        frac -= 1_000_000;
    }
    if n < 0.0 && (whole > 0.0 || frac > 0) {
        out.push('-');
    }
    out.push_str(&(whole as u64).to_string());
    if frac > 0 {
        let digits = frac.to_string();
        out.push('.');
        for _ in digits.len()..6 {
            out.push('0');
        }
        out.push_str(digits.trim_end_matches('0'));
    } else {
        out.push_str(".0");
    }
}

/// Why a text is not JSON, and where (1-based line and column, in
/// characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: &'static str,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {}, column {}",
            self.message, self.line, self.column
        )
    }
}

/// Nesting deeper than this is refused, so that hostile input cannot
/// exhaust the stack.
const MAX_DEPTH: usize = 128;

/// Parses `text` as one JSON value.
pub fn parse(text: &str) -> Result<Json, SyntaxError> {
    let mut p = Parser {
        s: text.as_bytes(),
        text,
        i: 0,
        depth: 0,
    };
    let v = p.value()?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.error("unexpected text after the value"));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
    depth: usize,
}

impl Parser<'_> {
    fn error(&self, message: &'static str) -> SyntaxError {
        let end = self.i.min(self.s.len());
        let before = &self.text[..floor_char_boundary(self.text, end)];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        SyntaxError {
            message,
            line,
            column,
        }
    }

    fn error_at(&mut self, at: usize, message: &'static str) -> SyntaxError {
        self.i = at;
        self.error(message)
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.get(self.i) {
            self.i += 1;
        }
    }

    fn eat(&mut self, word: &str, v: Json) -> Result<Json, SyntaxError> {
        if self.s[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            Ok(v)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn value(&mut self) -> Result<Json, SyntaxError> {
        self.ws();
        match self.s.get(self.i) {
            None => Err(self.error("unexpected end of the text")),
            Some(b'n') => self.eat("null", Json::Null),
            Some(b't') => self.eat("true", Json::Bool(true)),
            Some(b'f') => self.eat("false", Json::Bool(false)),
            Some(b'"') => Ok(Json::Str(self.string()?)),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => {
                self.enter()?;
                let mut items = Vec::new();
                self.ws();
                if self.s.get(self.i) == Some(&b']') {
                    self.i += 1;
                } else {
                    loop {
                        items.push(self.value()?);
                        self.ws();
                        match self.s.get(self.i) {
                            Some(b',') => self.i += 1,
                            Some(b']') => {
                                self.i += 1;
                                break;
                            }
                            _ => return Err(self.error("expected `,` or `]`")),
                        }
                    }
                }
                self.depth -= 1;
                Ok(Json::Arr(items))
            }
            Some(b'{') => {
                self.enter()?;
                let mut members: Vec<(String, Json)> = Vec::new();
                // Keys seen, once an object is large enough for a linear
                // search to be slow on hostile input.
                let mut seen: Option<BTreeSet<String>> = None;
                self.ws();
                if self.s.get(self.i) == Some(&b'}') {
                    self.i += 1;
                } else {
                    loop {
                        self.ws();
                        if self.i >= self.s.len() {
                            return Err(self.error("unexpected end of the text"));
                        }
                        if self.s.get(self.i) != Some(&b'"') {
                            return Err(self.error("expected a key in double quotes"));
                        }
                        let key_at = self.i;
                        let key = self.string()?;
                        // A repeated key is refused: readers that take the
                        // first copy and readers that take the last would
                        // see different notes (and a signed note could be
                        // changed past its hash check).
                        let repeated = match &mut seen {
                            Some(set) => !set.insert(key.clone()),
                            None => {
                                let repeated = members.iter().any(|(k, _)| *k == key);
                                if !repeated && members.len() >= 16 {
                                    let mut set = BTreeSet::new();
                                    for (k, _) in &members {
                                        set.insert(k.clone());
                                    }
                                    set.insert(key.clone());
                                    seen = Some(set);
                                }
                                repeated
                            }
                        };
                        if repeated {
                            return Err(self.error_at(key_at, "the same key is given twice"));
                        }
                        self.ws();
                        if self.s.get(self.i) != Some(&b':') {
                            return Err(self.error("expected `:`"));
                        }
                        self.i += 1;
                        members.push((key, self.value()?));
                        self.ws();
                        match self.s.get(self.i) {
                            Some(b',') => self.i += 1,
                            Some(b'}') => {
                                self.i += 1;
                                break;
                            }
                            _ => return Err(self.error("expected `,` or `}`")),
                        }
                    }
                }
                self.depth -= 1;
                Ok(Json::Obj(members))
            }
            Some(_) => Err(self.error("expected a value")),
        }
    }

    fn enter(&mut self) -> Result<(), SyntaxError> {
        self.i += 1;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self.s.get(self.i..self.i + 4);
        let value = digits.and_then(|d| {
            d.iter()
                .try_fold(0u32, |acc, &b| Some(acc * 16 + (b as char).to_digit(16)?))
        });
        match value {
            Some(v) => {
                self.i += 4;
                Ok(v)
            }
            None => Err(self.error("expected four hex digits after \\u")),
        }
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        self.i += 1; // the opening quote
        let mut out = String::new();
        let mut start = self.i;
        loop {
            let Some(&b) = self.s.get(self.i) else {
                return Err(self.error("unexpected end of the text in a string"));
            };
            match b {
                b'"' => {
                    out.push_str(&self.text[start..self.i]);
                    self.i += 1;
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(&self.text[start..self.i]);
                    self.i += 1;
                    let Some(&e) = self.s.get(self.i) else {
                        return Err(self.error("unexpected end of the text in a string"));
                    };
                    self.i += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let mut c = self.hex4()?;
                            if (0xd800..0xdc00).contains(&c) && self.s[self.i..].starts_with(b"\\u")
                            {
                                let save = self.i;
                                self.i += 2;
                                let low = self.hex4()?;
                                if (0xdc00..0xe000).contains(&low) {
                                    c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
                                } else {
                                    self.i = save;
                                }
                            }
                            // A lone surrogate cannot be kept in UTF-8: it
                            // becomes U+FFFD rather than losing the text.
                            out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
                        }
                        _ => {
                            self.i -= 1;
                            return Err(self.error("unknown escape in a string"));
                        }
                    }
                    start = self.i;
                }
                0..=0x1f => return Err(self.error("control character in a string")),
                _ => self.i += 1,
            }
        }
    }

    fn number(&mut self) -> Result<Json, SyntaxError> {
        let begin = self.i;
        let negative = self.s[self.i] == b'-';
        if negative {
            self.i += 1;
        }
        let mut mantissa: u64 = 0;
        let mut exponent: i64 = 0;
        let mut digits = 0;
        let mut integral = true;
        let int_start = self.i;
        while let Some(&b @ b'0'..=b'9') = self.s.get(self.i) {
            if digits < 19 {
                mantissa = mantissa * 10 + u64::from(b - b'0');
                if mantissa > 0 {
                    digits += 1;
                }
            } else {
                exponent += 1;
            }
            self.i += 1;
        }
        let int_len = self.i - int_start;
        if int_len == 0 || (int_len > 1 && self.s[int_start] == b'0') {
            return Err(self.error_at(begin, "invalid number"));
        }
        if self.s.get(self.i) == Some(&b'.') {
            integral = false;
            self.i += 1;
            let frac_start = self.i;
            while let Some(&b @ b'0'..=b'9') = self.s.get(self.i) {
                if digits < 19 {
                    mantissa = mantissa * 10 + u64::from(b - b'0');
                    exponent -= 1;
                    if mantissa > 0 {
                        digits += 1;
                    }
                }
                self.i += 1;
            }
            if self.i == frac_start {
                return Err(self.error_at(begin, "invalid number"));
            }
        }
        if let Some(b'e' | b'E') = self.s.get(self.i) {
            integral = false;
            self.i += 1;
            let sign = match self.s.get(self.i) {
                Some(b'-') => {
                    self.i += 1;
                    -1
                }
                Some(b'+') => {
                    self.i += 1;
                    1
                }
                _ => 1,
            };
            let exp_start = self.i;
            let mut e: i64 = 0;
            while let Some(&b @ b'0'..=b'9') = self.s.get(self.i) {
                e = (e * 10 + i64::from(b - b'0')).min(100_000);
                self.i += 1;
            }
            if self.i == exp_start {
                return Err(self.error_at(begin, "invalid number"));
            }
            exponent += sign * e;
        }
        if integral && exponent == 0 && mantissa <= i64::MAX as u64 {
            let v = mantissa as i64;
            return Ok(Json::Int(if negative { -v } else { v }));
        }
        if mantissa == 0 {
            return Ok(Json::Num(0.0));
        }
        let mut v = mantissa as f64;
        // Exact for the numbers casenote writes (at most 15 significant
        // digits and small exponents); close to the nearest otherwise.
        if exponent > 0 {
            v *= pow10(exponent);
        } else if exponent < 0 {
            let e = -exponent;
            if e > 300 {
                v = v / pow10(e - 300) / 1e300;
            } else {
                v /= pow10(e);
            }
        }
        Ok(Json::Num(if negative { -v } else { v }))
    }
}

/// 10^e: exact up to 10^22, and a few multiplications beyond.
fn pow10(e: i64) -> f64 {
    const EXACT: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let mut e = e.min(400);
    let mut r = 1.0;
    while e > 22 {
        r *= 1e22;
        e -= 22;
    }
    r * EXACT[e as usize]
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Why a JSON value is not the record expected: the path of the field
/// (`sections[0].label`) and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    pub path: String,
    pub message: String,
}

impl DecodeError {
    pub fn new(message: impl Into<String>) -> Self {
        DecodeError {
            path: String::new(),
            message: message.into(),
        }
    }

    /// This error inside `step`: a member's key, or `[i]` for a list item.
    #[inline(never)]
    fn at(mut self, step: &str) -> Self {
        if !self.path.is_empty() && !self.path.starts_with('[') {
            self.path.insert(0, '.');
        }
        self.path.insert_str(0, step);
        self
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{} {}", self.path, self.message)
        }
    }
}

/// A text that is not JSON, or JSON that is not the record expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    Syntax(SyntaxError),
    Decode(DecodeError),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Syntax(e) => write!(f, "not JSON: {e}"),
            ReadError::Decode(e) => e.fmt(f),
        }
    }
}

/// Parses `text` and reads a `T` from it.
pub fn read<T: FromJson>(text: &str) -> Result<T, ReadError> {
    let v = parse(text).map_err(ReadError::Syntax)?;
    T::from_json(&v).map_err(ReadError::Decode)
}

/// The compact JSON text of `value`.
pub fn write<T: ToJson + ?Sized>(value: &T) -> String {
    value.to_json().to_text()
}

/// A value that has a JSON form.
pub trait ToJson {
    fn to_json(&self) -> Json;
}

/// A value that can be read from JSON.
pub trait FromJson: Sized {
    fn from_json(v: &Json) -> Result<Self, DecodeError>;
}

impl ToJson for str {
    fn to_json(&self) -> Json {
        Json::Str(self.to_string())
    }
}

impl ToJson for String {
    fn to_json(&self) -> Json {
        Json::Str(self.clone())
    }
}

impl ToJson for bool {
    fn to_json(&self) -> Json {
        Json::Bool(*self)
    }
}

impl ToJson for f64 {
    fn to_json(&self) -> Json {
        Json::Num(*self)
    }
}

impl ToJson for u32 {
    fn to_json(&self) -> Json {
        Json::Int(i64::from(*self))
    }
}

impl ToJson for u16 {
    fn to_json(&self) -> Json {
        Json::Int(i64::from(*self))
    }
}

impl ToJson for i64 {
    fn to_json(&self) -> Json {
        Json::Int(*self)
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Json {
        self.as_ref().map_or(Json::Null, ToJson::to_json)
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> Json {
        Json::Arr(self.iter().map(ToJson::to_json).collect())
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn to_json(&self) -> Json {
        (**self).to_json()
    }
}

impl ToJson for Json {
    fn to_json(&self) -> Json {
        self.clone()
    }
}

impl FromJson for String {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        v.as_str()
            .map(str::to_string)
            .ok_or_else(|| DecodeError::new("must be a string"))
    }
}

impl FromJson for bool {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        match v {
            Json::Bool(b) => Ok(*b),
            _ => Err(DecodeError::new("must be true or false")),
        }
    }
}

impl FromJson for f64 {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        v.as_f64()
            .ok_or_else(|| DecodeError::new("must be a number"))
    }
}

fn whole(v: &Json, max: i64) -> Result<i64, DecodeError> {
    let n = match v {
        Json::Int(i) => Some(*i),
        Json::Num(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => Some(*n as i64),
        _ => None,
    };
    n.filter(|n| (0..=max).contains(n))
        .ok_or_else(|| DecodeError::new(format!("must be a whole number from 0 to {max}")))
}

impl FromJson for u32 {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        whole(v, i64::from(u32::MAX)).map(|n| n as u32)
    }
}

impl FromJson for u16 {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        whole(v, i64::from(u16::MAX)).map(|n| n as u16)
    }
}

impl FromJson for i64 {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        match v {
            Json::Int(i) => Ok(*i),
            Json::Num(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => Ok(*n as i64),
            _ => Err(DecodeError::new("must be a whole number")),
        }
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        match v {
            Json::Null => Ok(None),
            v => T::from_json(v).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let items = v
            .as_array()
            .ok_or_else(|| DecodeError::new("must be a list"))?;
        // A plain loop: collecting into a Result costs KBs of wasm per type.
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            out.push(T::from_json(item).map_err(|e| e.at(&format!("[{i}]")))?);
        }
        Ok(out)
    }
}

impl FromJson for BTreeMap<String, String> {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let Json::Obj(members) = v else {
            return Err(DecodeError::new("must be an object"));
        };
        // Inserted one by one: collecting into a map brings in a stable sort.
        let mut out = BTreeMap::new();
        for (k, v) in members {
            out.insert(k.clone(), String::from_json(v).map_err(|e| e.at(k))?);
        }
        Ok(out)
    }
}

/// Builds an object member by member, in order.
#[derive(Default)]
pub struct ObjectWriter(Vec<(String, Json)>);

impl ObjectWriter {
    pub fn new() -> Self {
        ObjectWriter(Vec::new())
    }

    /// Adds `key`.
    pub fn put(self, key: &str, value: impl ToJson) -> Self {
        self.push(key, value.to_json())
    }

    #[inline(never)]
    fn push(mut self, key: &str, value: Json) -> Self {
        self.0.push((key.to_string(), value));
        self
    }

    /// Adds `key` unless `value` is `None`.
    pub fn put_some<T: ToJson>(self, key: &str, value: &Option<T>) -> Self {
        match value {
            Some(v) => self.put(key, v),
            None => self,
        }
    }

    pub fn done(self) -> Json {
        Json::Obj(self.0)
    }
}

/// Reads the members of an object.
pub struct Fields<'a>(&'a [(String, Json)]);

impl<'a> Fields<'a> {
    pub fn of(v: &'a Json) -> Result<Self, DecodeError> {
        match v {
            Json::Obj(members) => Ok(Fields(members)),
            _ => Err(DecodeError::new("must be an object")),
        }
    }

    #[inline(never)]
    fn find(&self, key: &str) -> Option<&'a Json> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The member `key`, which must be present.
    pub fn req<T: FromJson>(&self, key: &str) -> Result<T, DecodeError> {
        match self.find(key) {
            Some(v) => T::from_json(v).map_err(|e| e.at(key)),
            None => Err(DecodeError::new("is missing").at(key)),
        }
    }

    /// The member `key`, or `T`'s default when it is absent or null.
    pub fn or_default<T: FromJson + Default>(&self, key: &str) -> Result<T, DecodeError> {
        match self.find(key) {
            None | Some(Json::Null) => Ok(T::default()),
            Some(v) => T::from_json(v).map_err(|e| e.at(key)),
        }
    }
}

/// JSON for an enum written as one of its `value()` strings.
pub fn enum_from<T: Copy>(
    v: &Json,
    all: &[T],
    value: fn(T) -> &'static str,
) -> Result<T, DecodeError> {
    let s = v.as_str().unwrap_or_default();
    all.iter().copied().find(|k| value(*k) == s).ok_or_else(|| {
        let names: Vec<&str> = all.iter().map(|k| value(*k)).collect();
        DecodeError::new(format!("must be one of: {}", names.join(", ")))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_kind_of_value() {
        let v = parse(r#" {"a": [1, -2, 3.5, 1e3, -0.25E-2, true, false, null], "b": "x\"\\\/\b\f\n\r\t\u00e9\ud83d\udc4b", "c": {}} "#).unwrap();
        assert_eq!(
            v["a"],
            Json::Arr(vec![
                Json::Int(1),
                Json::Int(-2),
                Json::Num(3.5),
                Json::Num(1000.0),
                Json::Num(-0.0025),
                Json::Bool(true),
                Json::Bool(false),
                Json::Null
            ])
        );
        assert_eq!(v["b"], "x\"\\/\u{8}\u{c}\n\r\té👋");
        assert_eq!(v["c"], Json::Obj(vec![]));
        assert_eq!(v["missing"], Json::Null);
        assert_eq!(v["a"][9], Json::Null);
    }

    #[test]
    fn refuses_what_is_not_json_and_says_where() {
        for (text, line, column) in [
            ("", 1, 1),
            ("{", 1, 2),
            ("{\"a\" 1}", 1, 6),
            ("[1,]", 1, 4),
            ("[1 2]", 1, 4),
            ("{\n  \"a\": tru\n}", 2, 8),
            ("\"a\u{1}\"", 1, 3),
            ("01", 1, 1),
            ("[1.]", 1, 2),
            ("-", 1, 1),
            ("1e", 1, 1),
            ("\"\\x\"", 1, 3),
            ("\"\\u12\"", 1, 4),
            ("{} x", 1, 4),
            ("{a: 1}", 1, 2),
            ("\"open", 1, 6),
        ] {
            let e = parse(text).expect_err(text);
            assert_eq!((e.line, e.column), (line, column), "{text}: {e}");
        }
        let e = parse("{\"a\":1,\n \"a\":2}").unwrap_err();
        assert_eq!(
            (e.message, e.line, e.column),
            ("the same key is given twice", 2, 2)
        );
        // Large objects too, without a quadratic search.
        let mut big: Vec<String> = (0..5000).map(|i| format!("\"k{i}\":{i}")).collect();
        assert!(parse(&format!("{{{}}}", big.join(","))).is_ok());
        big.push("\"k4321\":0".into());
        let e = parse(&format!("{{{}}}", big.join(","))).unwrap_err();
        assert_eq!(e.message, "the same key is given twice");
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert_eq!(parse(&deep).unwrap_err().message, "nested too deeply");
        assert!(parse(&("[".repeat(100) + &"]".repeat(100))).is_ok());
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        assert_eq!(parse(r#""a\ud800b""#).unwrap(), "a\u{fffd}b");
        assert_eq!(parse(r#""\udc00""#).unwrap(), "\u{fffd}");
        assert_eq!(parse(r#""\ud800\u0041""#).unwrap(), "\u{fffd}A");
    }

    #[test]
    fn writes_strings_as_serde_json_did() {
        let s = "q\" b\\ n\n r\r t\t \u{8}\u{c} \u{1}\u{1f} \u{7f} / é 👋";
        assert_eq!(
            Json::Str(s.into()).to_text(),
            r#""q\" b\\ n\n r\r t\t \b\f \u0001\u001f "#.to_string() + "\u{7f} / é 👋\""
        );
        assert_eq!(parse(&Json::Str(s.into()).to_text()).unwrap(), s);
    }

    #[test]
    fn writes_numbers_as_serde_json_did_for_what_casenote_stores() {
        for (n, text) in [
            (1764147600000.0, "1764147600000.0"),
            (0.0, "0.0"),
            (24.0, "24.0"),
            (-3.0, "-3.0"),
            (26.5, "26.5"),
            (0.25, "0.25"),
            (-0.125, "-0.125"),
            (1764147660000.5, "1764147660000.5"),
            (f64::NAN, "null"),
            (f64::INFINITY, "null"),
        ] {
            assert_eq!(Json::Num(n).to_text(), text);
        }
        assert_eq!(Json::Num(1.0 / 3.0).to_text(), "0.333333");
        assert_eq!(Json::Num(1e20).to_text(), "1000000000000000e5");
        for n in [1e20, 9.1e15, -2.5e300, 1.5e308] {
            let back = parse(&Json::Num(n).to_text()).unwrap().as_f64().unwrap();
            assert!(((back - n) / n).abs() < 1e-12, "{n} read back as {back}");
        }
        assert_eq!(parse("0e500").unwrap(), Json::Num(0.0));
        assert_eq!(parse("1e22").unwrap(), Json::Num(1e22));
        assert_eq!(parse("123.456e-5").unwrap(), Json::Num(123.456e-5));
        assert_eq!(parse("1e400").unwrap(), Json::Num(f64::INFINITY));
        assert_eq!(parse("1e-400").unwrap(), Json::Num(0.0));
        assert_eq!(Json::Int(-42).to_text(), "-42");
        for n in [1764147660000.5, 26.5, 0.25, 123456.75] {
            assert_eq!(parse(&Json::Num(n).to_text()).unwrap().as_f64(), Some(n));
        }
    }

    #[test]
    fn decode_errors_name_the_field() {
        #[derive(Debug)]
        struct T {
            _a: Vec<u32>,
        }
        impl FromJson for T {
            fn from_json(v: &Json) -> Result<Self, DecodeError> {
                Ok(T {
                    _a: Fields::of(v)?.req("a")?,
                })
            }
        }
        let e = read::<Vec<T>>(r#"[{"a":[1]},{"a":[1,-2]}]"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "[1].a[1] must be a whole number from 0 to 4294967295"
        );
        let e = read::<T>("{}").unwrap_err();
        assert_eq!(e.to_string(), "a is missing");
        let e = read::<T>("[]").unwrap_err();
        assert_eq!(e.to_string(), "must be an object");
        let e = read::<T>("{").unwrap_err();
        assert!(e.to_string().starts_with("not JSON: unexpected end"), "{e}");
    }

    #[test]
    fn sorted_orders_keys_by_bytes_at_every_level() {
        let v = parse(r#"{"b":1,"a":{"z":1,"Z":2,"é":3},"A":[{"y":1,"x":2}]}"#).unwrap();
        assert_eq!(
            v.sorted().to_text(),
            r#"{"A":[{"x":2,"y":1}],"a":{"Z":2,"z":1,"é":3},"b":1}"#
        );
    }
}
