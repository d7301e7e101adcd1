//! casenote JSON v1: what a finished note looks like on the wire.
//!
//! Built from a [`Note`] and its [`Template`]; checked again by the
//! reference receiver with [`PayloadV1::parse`].

use serde::{Deserialize, Serialize};

use super::field_error::FieldError;
use super::id::is_uuid;
use super::note::{Client, GoalProgress, Intervention, Note, Person, Quote};
use super::template::{DocumentType, Template};
use super::time::{duration_minutes, parse_date, parse_time};

/// The value of the payload's `schema` field.
pub const PAYLOAD_SCHEMA: &str = "casenote/v1";

// The wire form: camelCase members, optional ones left out when absent.

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coding {
    pub system: String,
    pub code: String,
    pub display: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PayloadService {
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_minutes: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayloadSection {
    pub key: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loinc: Option<String>,
    pub text: String,
    #[serde(default)]
    pub quotes: Vec<Quote>,
}

/// When the note was written relative to the service.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Timeliness {
    /// RFC 3339: when the worker submitted the note.
    pub documented_at: String,
    /// Hours from the end of service to documentation, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_after_service: Option<f64>,
    /// The host's threshold, in hours, past which a note is a late entry.
    pub late_entry_threshold_hours: f64,
    pub late_entry: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub late_entry_reason: Option<String>,
}

impl Timeliness {
    /// Whether the label says what the hours say, so that a late entry
    /// cannot be sent as on time (hours are sent to two decimals, hence the
    /// allowance of 0.01 h at the threshold).
    fn check(&self, documented_at: &str) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.documented_at != documented_at {
            errors.push(FieldError::new(
                "timeliness.documentedAt",
                "must equal documentedAt",
            ));
        }
        if let Some(h) = self.hours_after_service {
            let threshold = self.late_entry_threshold_hours;
            if (self.late_entry && h < threshold - 0.01)
                || (!self.late_entry && h > threshold + 0.01)
            {
                errors.push(FieldError::new(
                    "timeliness.lateEntry",
                    "must be true exactly when hoursAfterService is over lateEntryThresholdHours",
                ));
            }
        }
        if self.late_entry
            && self
                .late_entry_reason
                .as_deref()
                .is_none_or(|r| r.trim().is_empty())
        {
            errors.push(FieldError::new(
                "timeliness.lateEntryReason",
                "must say why a late entry was written late",
            ));
        }
        errors
    }
}

/// What building a payload needs beyond the note and its template.
#[derive(Clone, Debug, PartialEq)]
pub struct BuildContext {
    pub documented_at: String,
    pub document_type: DocumentType,
    pub hours_after_service: Option<f64>,
    pub late_entry_threshold_hours: f64,
}

impl BuildContext {
    /// A context with no timeliness information (tests, previews).
    pub fn at(documented_at: &str) -> Self {
        BuildContext {
            documented_at: documented_at.to_string(),
            document_type: DocumentType::ProgressNote,
            hours_after_service: None,
            late_entry_threshold_hours: super::timeliness::DEFAULT_LATE_ENTRY_HOURS,
        }
    }

    pub fn is_late(&self) -> bool {
        self.hours_after_service
            .is_some_and(|h| h > self.late_entry_threshold_hours)
    }
}

/// A finished note, as POSTed to the host's endpoint.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PayloadV1 {
    /// Always `casenote/v1`.
    pub schema: String,
    /// The note's UUID; also sent as the `Idempotency-Key` header.
    pub id: String,
    /// Template id (`soap`, `dap`).
    pub format: String,
    /// Template display name (`SOAP`, `DAP`).
    pub format_name: String,
    /// LOINC document type of the whole note.
    pub document_type: Coding,
    pub client: Client,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<Person>,
    pub service: PayloadService,
    /// The template's sections, in order.
    pub sections: Vec<PayloadSection>,
    /// Host goals this contact addressed, with progress.
    #[serde(default)]
    pub goals: Vec<GoalProgress>,
    /// Challenges and barriers, if any were recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub challenges: Option<String>,
    #[serde(default)]
    pub interventions: Vec<Intervention>,
    /// RFC 3339: when the draft was started.
    pub created_at: String,
    /// RFC 3339: when the worker submitted the note.
    pub documented_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeliness: Option<Timeliness>,
    /// The worker's signature over the content hash, when signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<super::record::Signature>,
    /// For an addendum: the original it adds to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addendum: Option<super::record::AddendumLink>,
    /// Lower-case hex SHA-256 of the canonical content (see `record`): every
    /// note carries its own hash, signed or not.
    #[serde(default)]
    pub content_hash: String,
}

/// A decode error as a field error: the JSON path goes in the field (`body`
/// for text that is not JSON, `payload` for the top level), the problem in
/// the message.
fn decode_error(e: &serde_path_to_error::Error<serde_json::Error>) -> FieldError {
    let inner = e.inner();
    let path = e.path().to_string();
    if inner.is_syntax() || inner.is_eof() {
        FieldError::new("body", format!("is not JSON: {inner}"))
    } else if path == "." {
        FieldError::new("payload", format!("must be a casenote/v1 note: {inner}"))
    } else {
        FieldError::new(path, inner.to_string())
    }
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

impl PayloadV1 {
    /// Builds the payload for `note` in `template`'s section order. Sections
    /// from other formats are left out (validation refuses a note that has
    /// any with content).
    pub fn build(note: &Note, template: &Template, ctx: &BuildContext) -> Self {
        let documented_at = ctx.documented_at.as_str();
        let (code, display) = ctx.document_type.loinc();
        let sections = template
            .sections
            .iter()
            .map(|spec| {
                let entry = note.section(&spec.key);
                PayloadSection {
                    key: spec.key.clone(),
                    label: spec.label.clone(),
                    loinc: spec.loinc.clone(),
                    text: entry
                        .map(|e| e.text.trim_end().to_string())
                        .unwrap_or_default(),
                    quotes: entry.map(|e| e.quotes.clone()).unwrap_or_default(),
                }
            })
            .collect();
        let author = (!note.author.id.is_empty() || !note.author.name.is_empty())
            .then(|| note.author.clone());
        PayloadV1 {
            schema: PAYLOAD_SCHEMA.into(),
            id: note.id.clone(),
            format: template.id.clone(),
            format_name: template.name.clone(),
            document_type: Coding {
                system: "http://loinc.org".into(),
                code: code.into(),
                display: display.into(),
            },
            client: Client {
                id: note.client.id.trim().to_string(),
                name: note.client.name.trim().to_string(),
            },
            author,
            service: PayloadService {
                date: note.service.date.trim().to_string(),
                start: non_empty(&note.service.start),
                end: non_empty(&note.service.end),
                duration_minutes: duration_minutes(&note.service.start, &note.service.end),
            },
            sections,
            goals: note.goals.clone(),
            challenges: non_empty(&note.challenges),
            interventions: note
                .interventions
                .iter()
                .map(|i| Intervention {
                    description: i.description.trim().to_string(),
                    rationale: i.rationale.trim().to_string(),
                    client_response: i.client_response.trim().to_string(),
                    deviates: i.deviates,
                })
                .collect(),
            created_at: note.created_at.clone(),
            documented_at: documented_at.to_string(),
            timeliness: Some(Timeliness {
                documented_at: documented_at.to_string(),
                hours_after_service: ctx.hours_after_service.map(|h| (h * 100.0).round() / 100.0),
                late_entry_threshold_hours: ctx.late_entry_threshold_hours,
                late_entry: ctx.is_late(),
                // Kept whenever given, so a signed note's content (and hash)
                // does not change as time passes.
                late_entry_reason: non_empty(&note.late_entry_reason),
            }),
            signature: note.signature.clone(),
            addendum: note.addendum.clone(),
            content_hash: String::new(),
        }
        .with_hash()
    }

    /// `self` with `content_hash` computed from its content.
    pub fn with_hash(mut self) -> Self {
        self.content_hash = self.computed_hash();
        self
    }

    /// Reads and checks a payload from JSON text, as a receiver does.
    /// Returns every problem found, each with the JSON path of its field.
    /// A member given twice is refused (a reader taking the last copy would
    /// see text the content hash does not cover).
    pub fn parse(json: &str) -> Result<Self, Vec<FieldError>> {
        let mut de = serde_json::Deserializer::from_str(json);
        let payload: PayloadV1 =
            serde_path_to_error::deserialize(&mut de).map_err(|e| vec![decode_error(&e)])?;
        de.end()
            .map_err(|e| vec![FieldError::new("body", format!("is not JSON: {e}"))])?;
        Self::checked(payload)
    }

    /// Reads and checks a payload from a parsed JSON value.
    pub fn from_value(value: serde_json::Value) -> Result<Self, Vec<FieldError>> {
        let payload: PayloadV1 =
            serde_path_to_error::deserialize(value).map_err(|e| vec![decode_error(&e)])?;
        Self::checked(payload)
    }

    fn checked(payload: PayloadV1) -> Result<Self, Vec<FieldError>> {
        let errors = payload.check();
        if errors.is_empty() {
            Ok(payload)
        } else {
            Err(errors)
        }
    }

    /// The rules a well-formed payload meets beyond its shape.
    pub fn check(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.schema != PAYLOAD_SCHEMA {
            errors.push(FieldError::new(
                "schema",
                format!("must be \"{PAYLOAD_SCHEMA}\""),
            ));
        }
        if !is_uuid(&self.id) {
            errors.push(FieldError::new("id", "must be a UUID"));
        }
        if self.format.trim().is_empty() {
            errors.push(FieldError::new("format", "must not be empty"));
        }
        if self.client.id.trim().is_empty() && self.client.name.trim().is_empty() {
            errors.push(FieldError::new("client", "needs an id or a name"));
        }
        if parse_date(&self.service.date).is_none() {
            errors.push(FieldError::new(
                "service.date",
                "must be a date, YYYY-MM-DD",
            ));
        }
        for (name, value) in [("start", &self.service.start), ("end", &self.service.end)] {
            if value.as_deref().is_some_and(|t| parse_time(t).is_none()) {
                errors.push(FieldError::new(
                    format!("service.{name}"),
                    "must be a time, HH:MM",
                ));
            }
        }
        if self.sections.is_empty() {
            errors.push(FieldError::new(
                "sections",
                "must hold at least one section",
            ));
        }
        if self
            .sections
            .iter()
            .all(|s| s.text.trim().is_empty() && s.quotes.is_empty())
        {
            errors.push(FieldError::new("sections", "every section is empty"));
        }
        if self.content_hash != self.computed_hash() {
            errors.push(FieldError::new(
                "contentHash",
                "does not match the note's content: the note was changed after casenote built it",
            ));
        }
        if let Some(sig) = &self.signature {
            if sig.signer_id.trim().is_empty() && sig.signer_name.trim().is_empty() {
                errors.push(FieldError::new(
                    "signature.signerId",
                    "needs the signer's id or name",
                ));
            }
            if sig.content_hash != self.computed_hash() {
                errors.push(FieldError::new(
                    "signature.contentHash",
                    "does not match the note's content: the note was changed after it was signed",
                ));
            }
        }
        if let Some(t) = &self.timeliness {
            errors.extend(t.check(&self.documented_at));
        }
        if let Some(a) = &self.addendum {
            if !is_uuid(&a.to) {
                errors.push(FieldError::new(
                    "addendum.to",
                    "must be the original note's id (a UUID)",
                ));
            }
            if a.to_hash
                .as_deref()
                .is_some_and(|h| !super::record::is_sha256_hex(h))
            {
                errors.push(FieldError::new(
                    "addendum.toHash",
                    "must be a SHA-256 in hex (64 characters)",
                ));
            }
            if a.reason.trim().is_empty() {
                errors.push(FieldError::new(
                    "addendum.reason",
                    "must say why the addendum is written",
                ));
            }
        }
        for (i, s) in self.sections.iter().enumerate() {
            if s.key.trim().is_empty() {
                errors.push(FieldError::new(
                    format!("sections[{i}].key"),
                    "must not be empty",
                ));
            }
            for (j, q) in s.quotes.iter().enumerate() {
                if q.text.trim().is_empty() {
                    errors.push(FieldError::new(
                        format!("sections[{i}].quotes[{j}].text"),
                        "must not be empty",
                    ));
                }
            }
        }
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::note::Speaker;

    fn to_text(p: &PayloadV1) -> String {
        serde_json::to_string(p).unwrap()
    }

    fn note() -> Note {
        let mut n = Note::new(
            "0f8fad5b-d9cb-469f-a165-70867728950e".into(),
            "soap",
            "2026-11-26T09:00:00Z".into(),
        );
        n.client.name = " Jo Client ".into();
        n.service.date = "2026-11-26".into();
        n.service.start = "09:00".into();
        n.service.end = "09:50".into();
        for k in ["subjective", "objective", "assessment", "plan"] {
            n.section_mut(k).text = format!("{k} text\n");
        }
        n.section_mut("subjective").quotes.push(Quote {
            text: "I want my kids back".into(),
            speaker: Speaker::Client,
            context: Some("on reunification".into()),
        });
        n.section_mut("data").text = "stray, not sent".into();
        n
    }

    #[test]
    fn builds_sections_in_template_order_with_loinc_and_quotes() {
        let p = PayloadV1::build(
            &note(),
            &Template::soap(),
            &BuildContext::at("2026-11-26T10:00:00Z"),
        );
        assert_eq!(p.schema, "casenote/v1");
        assert_eq!(p.client.name, "Jo Client");
        assert_eq!(p.service.duration_minutes, Some(50));
        let keys: Vec<_> = p.sections.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["subjective", "objective", "assessment", "plan"]);
        assert_eq!(p.sections[0].loinc.as_deref(), Some("61150-9"));
        assert_eq!(p.sections[0].text, "subjective text");
        assert_eq!(p.sections[0].quotes[0].text, "I want my kids back");
        assert!(p.author.is_none());
        assert!(p.check().is_empty());
    }

    #[test]
    fn json_round_trips_through_parse() {
        let p = PayloadV1::build(
            &note(),
            &Template::soap(),
            &BuildContext::at("2026-11-26T10:00:00Z"),
        );
        let json = to_text(&p);
        assert!(json.contains(r#""documentType":{"system":"http://loinc.org","code":"11506-3""#));
        assert!(json.contains(r#""durationMinutes":50"#));
        assert_eq!(PayloadV1::parse(&json).unwrap(), p);
    }

    #[test]
    fn goals_interventions_timeliness_and_document_type() {
        use crate::domain::note::Progress;
        let mut n = note();
        n.goals.push(GoalProgress {
            id: "G-1".into(),
            text: "Stable housing".into(),
            progress: Progress::Improved,
        });
        n.challenges = " Transport costs ".into();
        n.interventions.push(Intervention {
            description: " Budget coaching ".into(),
            rationale: "Client asked".into(),
            client_response: "Engaged".into(),
            deviates: false,
        });
        n.late_entry_reason = "Crisis call".into();
        let ctx = BuildContext {
            documented_at: "2026-11-28T10:00:00Z".into(),
            document_type: DocumentType::SocialWorkProgressNote,
            hours_after_service: Some(48.333_333),
            late_entry_threshold_hours: 24.0,
        };
        let p = PayloadV1::build(&n, &Template::soap(), &ctx);
        assert_eq!(p.document_type.code, "28656-7");
        assert_eq!(p.goals[0].progress, Progress::Improved);
        assert_eq!(p.challenges.as_deref(), Some("Transport costs"));
        assert_eq!(p.interventions[0].description, "Budget coaching");
        let t = p.timeliness.clone().unwrap();
        assert!(t.late_entry);
        assert_eq!(t.hours_after_service, Some(48.33));
        assert_eq!(t.late_entry_reason.as_deref(), Some("Crisis call"));
        let json = to_text(&p);
        assert!(json.contains(r#""progress":"improved""#));
        assert!(json.contains(r#""lateEntry":true"#));
        assert_eq!(PayloadV1::parse(&json).unwrap(), p);

        assert!(p.check().iter().all(|e| !e.field.starts_with("timeliness")));

        // A late entry cannot be sent as on time, nor without its reason.
        let mut relabelled = p.clone();
        relabelled.timeliness.as_mut().unwrap().late_entry = false;
        let fields = |p: &PayloadV1| p.check().into_iter().map(|e| e.field).collect::<Vec<_>>();
        assert!(fields(&relabelled).contains(&"timeliness.lateEntry".to_string()));
        let mut no_reason = p.clone();
        no_reason.timeliness.as_mut().unwrap().late_entry_reason = None;
        assert!(fields(&no_reason).contains(&"timeliness.lateEntryReason".to_string()));
        let mut moved = p.clone();
        moved.timeliness.as_mut().unwrap().documented_at = "2026-11-27T10:00:00Z".into();
        assert!(fields(&moved).contains(&"timeliness.documentedAt".to_string()));
        // Rounding to two decimals at the threshold is not a contradiction.
        let mut edge = p.clone();
        let t = edge.timeliness.as_mut().unwrap();
        t.hours_after_service = Some(24.0);
        assert!(fields(&edge).iter().all(|f| !f.starts_with("timeliness")));

        let on_time = PayloadV1::build(&n, &Template::soap(), &BuildContext::at("t"));
        assert!(!on_time.timeliness.unwrap().late_entry);
        assert_eq!(on_time.document_type.code, "11506-3");
    }

    #[test]
    fn parse_reports_shape_and_rule_errors_with_paths() {
        let errs = PayloadV1::parse("{not json").unwrap_err();
        assert_eq!(errs[0].field, "body");
        let errs = PayloadV1::parse(r#"{"schema":"casenote/v1"}"#).unwrap_err();
        assert_eq!(errs[0].field, "payload");
        assert!(
            errs[0].message.contains("missing field `id`"),
            "{}",
            errs[0].message
        );
        // A repeated member is refused: a reader taking the last copy would
        // otherwise see text the content hash does not cover.
        let good = to_text(&PayloadV1::build(
            &note(),
            &Template::soap(),
            &BuildContext::at("t"),
        ));
        assert!(PayloadV1::parse(&good).is_ok());
        let forged = format!("{},\"sections\":[]}}", &good[..good.len() - 1]);
        let errs = PayloadV1::parse(&forged).unwrap_err();
        assert_eq!(errs[0].field, "payload");
        assert!(
            errs[0].message.contains("duplicate field `sections`"),
            "{}",
            errs[0].message
        );
        let errs = PayloadV1::parse("[]").unwrap_err();
        assert_eq!(errs[0].field, "payload");
        let mut text = to_text(&PayloadV1::build(
            &note(),
            &Template::soap(),
            &BuildContext::at("t"),
        ));
        text = text.replacen(r#""label":"Subjective","#, "", 1);
        let errs = PayloadV1::parse(&text).unwrap_err();
        assert_eq!(errs[0].field, "sections[0]");
        assert!(
            errs[0].message.contains("missing field `label`"),
            "{}",
            errs[0].message
        );
        let errs = PayloadV1::from_value(serde_json::from_str(&text).unwrap()).unwrap_err();
        assert_eq!(errs[0].field, "sections[0]");
        let errs = PayloadV1::parse(&format!("{good} x")).unwrap_err();
        assert_eq!(errs[0].field, "body");

        let mut p = PayloadV1::build(&note(), &Template::soap(), &BuildContext::at("t"));
        p.id = "nope".into();
        p.service.date = "yesterday".into();
        p.sections[1].quotes.push(Quote::default());
        let p = p.with_hash();
        let json = to_text(&p);
        let fields: Vec<_> = PayloadV1::parse(&json)
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["id", "service.date", "sections[1].quotes[0].text"]);
    }

    #[test]
    fn every_note_carries_its_content_hash_and_a_change_is_caught() {
        let p = PayloadV1::build(&note(), &Template::soap(), &BuildContext::at("t"));
        assert_eq!(p.content_hash, p.computed_hash());
        assert_eq!(p.content_hash.len(), 64);
        let mut changed = p.clone();
        changed.sections[0].text.push_str(" (edited)");
        let json = to_text(&changed);
        let errs = PayloadV1::parse(&json).unwrap_err();
        assert_eq!(errs[0].field, "contentHash");
        assert!(errs[0].message.contains("changed"));
    }
}
