//! Checks incoming notes against `casenote-v1.schema.json`, the same file
//! the README points integrators to, with the `jsonschema` crate (draft
//! 2020-12, formats asserted). Each problem becomes a [`FieldProblem`] at the
//! instance's path in the style casenote reads (`service.date`,
//! `sections[0].label`), with a message a person can act on.

use std::sync::LazyLock;

use casenote_format::problem::SchemaBreach;
use casenote_format::{FieldPath, FieldProblem, Problem};
use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::paths::LocationSegment;
use jsonschema::{ValidationError, Validator};
use serde_json::Value;

pub const SCHEMA_TEXT: &str = include_str!("../../src/domain/casenote-v1.schema.json");

/// What a string matching each of the schema's `pattern`s is, for messages.
/// A test checks that every pattern in the schema is here.
const PATTERNS: &[(&str, &str)] = &[
    (
        "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$",
        "a time, HH:MM",
    ),
    ("^[0-9a-fA-F]{64}$", "a SHA-256 in hex (64 characters)"),
    (
        "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$",
        "a BCP 47 language tag, like en or es",
    ),
];

/// A review's schema, `casenote-review-v1.schema.json`.
pub const REVIEW_SCHEMA_TEXT: &str =
    include_str!("../../src/domain/casenote-review-v1.schema.json");

fn compiled(text: &str) -> Validator {
    let schema: Value = serde_json::from_str(text).expect("the schema is valid JSON");
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .should_ignore_unknown_formats(false)
        .build(&schema)
        .expect("the schema compiles")
}

static VALIDATOR: LazyLock<Validator> = LazyLock::new(|| compiled(SCHEMA_TEXT));
static REVIEW_VALIDATOR: LazyLock<Validator> = LazyLock::new(|| compiled(REVIEW_SCHEMA_TEXT));

/// Compiles the schemas now rather than on the first note.
pub fn init() {
    LazyLock::force(&VALIDATOR);
    LazyLock::force(&REVIEW_VALIDATOR);
}

/// The places a review breaks its schema (at most [`MAX_ERRORS`]), as
/// [`validate`] finds a note's.
pub fn validate_review(value: &Value) -> Vec<FieldProblem> {
    breaches(&REVIEW_VALIDATOR, value)
}

/// At most this many problems are reported: a hostile body with millions
/// of broken items must not make millions of messages.
pub const MAX_ERRORS: usize = 50;

/// The places `value` breaks the schema (at most [`MAX_ERRORS`]), with
/// their JSON paths.
pub fn validate(value: &Value) -> Vec<FieldProblem> {
    breaches(&VALIDATOR, value)
}

fn breaches(validator: &Validator, value: &Value) -> Vec<FieldProblem> {
    if validator.is_valid(value) {
        return Vec::new();
    }
    // `iter_errors` gathers every problem before the first can be taken: a
    // 5 MB body of empty sections would make five million errors (2 GB).
    // A note of up to WHOLE_LIMIT values is checked whole (a value breaks
    // a few rules at most: some 60,000 problems, 25 MB, at worst). A larger one is checked with each array cut to its
    // first MAX_ERRORS items: every problem found there is one of the whole
    // document, at the same path (the schema has no keyword that a shorter
    // array could break; a test keeps it so).
    let errors: Vec<FieldProblem> = if values_up_to(value, WHOLE_LIMIT + 1) <= WHOLE_LIMIT {
        validator
            .iter_errors(value)
            .take(MAX_ERRORS)
            .map(|e| field_error(&e))
            .collect()
    } else {
        validator
            .iter_errors(&head(value, MAX_ERRORS))
            .take(MAX_ERRORS)
            .map(|e| field_error(&e))
            .collect()
    };
    if !errors.is_empty() {
        return errors;
    }
    // Every problem lies further along some array: report the first.
    validator
        .validate(value)
        .err()
        .map(|e| field_error(&e))
        .into_iter()
        .collect()
}

/// Notes of at most this many JSON values are checked whole; real notes
/// have a few thousand at most (200 quotes are 800 values).
const WHOLE_LIMIT: usize = 20_000;

/// How many values `value` holds (itself included), counting no further
/// than `limit`.
fn values_up_to(value: &Value, limit: usize) -> usize {
    let mut count = 0;
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        count += 1;
        if count >= limit {
            break;
        }
        match v {
            Value::Array(items) => stack.extend(items),
            Value::Object(map) => stack.extend(map.values()),
            _ => {}
        }
    }
    count
}

/// `value` with every array cut to its first `n` items.
fn head(value: &Value, n: usize) -> Value {
    match value {
        Value::Array(items) => Value::Array(items.iter().take(n).map(|v| head(v, n)).collect()),
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), head(v, n))).collect())
        }
        other => other.clone(),
    }
}

/// `sections[0].quotes[1].text` for the JSON pointer
/// `/sections/0/quotes/1/text`; `body` for the whole document.
fn field_name<'a>(segments: impl Iterator<Item = LocationSegment<'a>>) -> String {
    let mut name = String::new();
    for segment in segments {
        match segment {
            LocationSegment::Index(i) => name.push_str(&format!("[{i}]")),
            LocationSegment::Property(key) => {
                if !name.is_empty() {
                    name.push('.');
                }
                name.push_str(&key);
            }
        }
    }
    if name.is_empty() {
        "body".into()
    } else {
        name
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn with_article(word: &str) -> String {
    let article = if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {word}")
}

fn field_error(e: &ValidationError) -> FieldProblem {
    let path = e.instance_path();
    let at =
        |field: String, breach| FieldProblem::new(FieldPath::Json(field), Problem::Schema(breach));
    let field = field_name(path.segments());
    let breach = match e.kind() {
        ValidationErrorKind::Required { property } => {
            let key = property
                .as_str()
                .map_or_else(|| property.to_string(), String::from);
            let field = field_name(
                path.segments()
                    .chain([LocationSegment::Property(key.as_str().into())]),
            );
            return at(field, SchemaBreach::Required);
        }
        ValidationErrorKind::Type { kind } => {
            let expected: Vec<String> = match kind {
                TypeKind::Single(t) => vec![with_article(t.as_str())],
                TypeKind::Multiple(set) => set.iter().map(|t| with_article(t.as_str())).collect(),
            };
            SchemaBreach::Type {
                expected,
                got: type_name(e.instance()),
            }
        }
        ValidationErrorKind::Constant { expected_value } => {
            SchemaBreach::Constant(expected_value.to_string())
        }
        ValidationErrorKind::Enum { options } => SchemaBreach::OneOf(
            options
                .as_array()
                .map(|o| o.iter().map(Value::to_string).collect())
                .unwrap_or_else(|| vec![options.to_string()]),
        ),
        ValidationErrorKind::MinLength { limit } => SchemaBreach::MinLength(*limit),
        ValidationErrorKind::MinItems { limit } => SchemaBreach::MinItems(*limit),
        ValidationErrorKind::Minimum { limit } => SchemaBreach::Minimum(limit.to_string()),
        ValidationErrorKind::Maximum { limit } => SchemaBreach::Maximum(limit.to_string()),
        ValidationErrorKind::Format { format } => SchemaBreach::Format(format.clone()),
        ValidationErrorKind::Pattern { pattern } => SchemaBreach::Pattern {
            described: PATTERNS.iter().find(|p| p.0 == pattern).map(|p| p.1),
            pattern: pattern.clone(),
        },
        // Keywords the schema does not use; named, without the value.
        other => SchemaBreach::Keyword(other.keyword().to_string()),
    };
    at(field, breach)
}

#[cfg(test)]
mod agreement;
#[cfg(test)]
mod tests;
