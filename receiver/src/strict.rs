//! Request bodies read into a `serde_json::Value`, refusing an object that
//! gives one key twice. serde_json keeps the last copy silently; a note with
//! two "sections" could then be stored with text its content hash does not
//! cover, since another reader may take the first copy.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// Parses `text` as JSON whose objects each give a key at most once.
pub fn parse(text: &str) -> serde_json::Result<Value> {
    serde_json::from_str::<Strict>(text).map(|s| s.0)
}

/// The first `\uD800`-`\uDFFF` escape in `text` that is not half of a
/// pair, as written, with its line and column (1-based, in characters):
/// serde_json refuses such text, but its message does not say why.
pub fn lone_surrogate(text: &str) -> Option<(String, usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let hex_at = |i: usize| -> Option<u32> {
        let s: String = chars.get(i..i + 4)?.iter().collect();
        u32::from_str_radix(&s, 16).ok()
    };
    let (mut line, mut column, mut in_string, mut i) = (1, 1, false, 0);
    while i < chars.len() {
        let c = chars[i];
        let mut step = 1;
        if in_string && c == '\\' {
            step = 2;
            if chars.get(i + 1) == Some(&'u') {
                step = 6;
                if let Some(code) = hex_at(i + 2) {
                    let paired = (0xD800..0xDC00).contains(&code)
                        && chars.get(i + 6) == Some(&'\\')
                        && chars.get(i + 7) == Some(&'u')
                        && hex_at(i + 8).is_some_and(|low| (0xDC00..0xE000).contains(&low));
                    if paired {
                        step = 12;
                    } else if (0xD800..0xE000).contains(&code) {
                        return Some((chars[i..i + 6].iter().collect(), line, column));
                    }
                }
            }
        } else if c == '"' {
            in_string = !in_string;
        } else if c == '\n' {
            line += 1;
            column = 0;
        }
        column += step;
        i += step;
    }
    None
}

/// A `Value` that was read with distinct keys in every object.
struct Strict(Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(n.into())
    }

    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(n.into())
    }

    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        // JSON text has no NaN or infinity, so this is always a number.
        Ok(serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }

    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(Strict(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                return Err(de::Error::custom(format_args!(
                    "gives the key {key:?} twice in one object"
                )));
            }
            let Strict(value) = map.next_value()?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_serde_json_reads() {
        let text = r#"{"a":[1,-2,3.5,"x",null,true,{"b":{}}],"c":{"a":1}}"#;
        assert_eq!(
            parse(text).unwrap(),
            serde_json::from_str::<Value>(text).unwrap()
        );
    }

    #[test]
    fn a_repeated_key_is_refused_at_any_depth() {
        let e = parse(r#"{"a":1,"a":2}"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            r#"gives the key "a" twice in one object at line 1 column 10"#
        );
        assert!(parse(r#"{"x":[{"a":{"b":1,"b":1}}]}"#).is_err());
        // The same key in two objects is fine.
        assert!(parse(r#"[{"a":1},{"a":1}]"#).is_ok());
    }

    #[test]
    fn lone_surrogates_are_found_and_pairs_are_not() {
        assert_eq!(
            lone_surrogate(r#"{"a": "x\ud800"}"#),
            Some((r"\ud800".into(), 1, 9))
        );
        assert_eq!(
            lone_surrogate("{\n\"a\": \"\\uDC00 \\ud83d\\ude00\"}"),
            Some((r"\uDC00".into(), 2, 7))
        );
        assert_eq!(
            lone_surrogate(r#"{"a": "\ud83d\ude00 \\ud800 \u00e9"}"#),
            None
        );
        assert!(parse(r#"{"a": "\ud83d\ude00"}"#).is_ok());
    }

    #[test]
    fn syntax_errors_stay_syntax_errors() {
        let e = parse("{").unwrap_err();
        assert!(e.is_eof(), "{e}");
    }
}
