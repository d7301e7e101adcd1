//! Whole numbers as JSON Schema counts them: `45`, `45.0` and `-0` are all
//! integers (a number whose fraction is zero), so a payload member the
//! schema types `integer` reads any of them. serde alone takes only the
//! first, and refuses the others as "floating point".

use serde::de::{Error, Unexpected, Visitor};
use serde::Deserializer;

struct Integral;

impl Visitor<'_> for Integral {
    type Value = i64;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a whole number")
    }

    fn visit_i64<E: Error>(self, v: i64) -> Result<i64, E> {
        Ok(v)
    }

    fn visit_u64<E: Error>(self, v: u64) -> Result<i64, E> {
        i64::try_from(v).map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))
    }

    fn visit_f64<E: Error>(self, v: f64) -> Result<i64, E> {
        // The bounds are exact in f64: -2^63 and 2^63.
        let whole = v.is_finite()
            && v.fract() == 0.0
            && (-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&v);
        if whole {
            // `as` is exact here: `v` is whole and in range (and -0.0 is 0).
            Ok(v as i64)
        } else {
            Err(E::invalid_value(Unexpected::Float(v), &self))
        }
    }
}

fn whole<'de, D: Deserializer<'de>, T: TryFrom<i64>>(d: D) -> Result<T, D::Error> {
    // serde_json reads every number through the same path whatever is
    // asked for, and hands a float to `visit_f64`: asking for an i64 costs
    // nothing beyond what integers cost already.
    let v = d.deserialize_i64(Integral)?;
    T::try_from(v)
        .map_err(|_| D::Error::invalid_value(Unexpected::Signed(v), &"a whole number in range"))
}

/// `#[serde(deserialize_with = "json_int::integer")]`.
pub fn integer<'de, D: Deserializer<'de>, T: TryFrom<i64>>(d: D) -> Result<T, D::Error> {
    whole(d)
}

/// `#[serde(default, deserialize_with = "json_int::optional")]`: an absent
/// member is `None` (by `default`); a present one is a whole number (the
/// schema allows no `null` there).
pub fn optional<'de, D: Deserializer<'de>, T: TryFrom<i64>>(d: D) -> Result<Option<T>, D::Error> {
    whole(d).map(Some)
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize, Debug, PartialEq)]
    struct Shape {
        #[serde(deserialize_with = "super::integer")]
        n: u32,
        #[serde(default, deserialize_with = "super::optional")]
        m: Option<i64>,
    }

    fn read(json: &str) -> Result<Shape, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn a_whole_number_may_be_written_with_a_zero_fraction_or_as_minus_zero() {
        assert_eq!(read(r#"{"n":3,"m":45}"#), Ok(Shape { n: 3, m: Some(45) }));
        assert_eq!(
            read(r#"{"n":3.0,"m":45.0}"#),
            Ok(Shape { n: 3, m: Some(45) })
        );
        assert_eq!(read(r#"{"n":-0,"m":-0.0}"#), Ok(Shape { n: 0, m: Some(0) }));
        assert_eq!(read(r#"{"n":1e2}"#), Ok(Shape { n: 100, m: None }));
        assert!(read(r#"{"n":1,"m":null}"#).is_err());
        // Values from serde_json::Value read the same.
        let v = serde_json::json!({"n": 2.0, "m": -7.0});
        assert_eq!(
            serde_json::from_value::<Shape>(v).unwrap(),
            Shape { n: 2, m: Some(-7) }
        );
    }

    #[test]
    fn a_fraction_a_negative_unsigned_or_a_string_is_refused_by_name() {
        let e = read(r#"{"n":4.5}"#).unwrap_err();
        assert!(
            e.contains("invalid value: floating point `4.5`, expected a whole number"),
            "{e}"
        );
        let e = read(r#"{"n":-1}"#).unwrap_err();
        assert!(e.contains("a whole number in range"), "{e}");
        let e = read(r#"{"n":"3"}"#).unwrap_err();
        assert!(e.contains("expected a whole number"), "{e}");
        assert!(read(r#"{"n":1e300}"#).is_err());
    }
}
