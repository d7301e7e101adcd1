//! Every field a problem can be about, named once. A [`FieldPath`] knows
//! its JSON path in a casenote payload (`sections[0].text`), its key in the
//! editor (`section.subjective`) and so its DOM id (`cn-section-subjective`),
//! and reads a receiver's path back ([`FieldPath::parse`]). A leaf: the
//! rules, the payload check, the receiver and the views all name fields
//! through it, and nothing else spells a field's name.

use std::fmt;

mod parts;

pub use parts::{
    AddendumPart, CommentPart, FhirPart, FollowUpPart, GoalPart, InterventionPart, MarkPart,
    Member, ParticipantPart, ResponsePart, ReviewPart, RevisionPart, SignerPart, TemplatePart,
};

/// A field of a note, of its payload or of a host's template.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum FieldPath {
    /// The client's id or name.
    Client,
    ServiceDate,
    ServiceStart,
    ServiceEnd,
    /// Whether the service ran past midnight.
    Overnight,
    /// The note's format (its template).
    Format,
    ContactMode,
    Location,
    Challenges,
    /// Host goal `index`: whether it was addressed, and the progress.
    Goal {
        index: usize,
        part: GoalPart,
    },
    /// Why a late entry was written late (`timeliness.lateEntryReason`).
    LateEntryReason,
    /// The text of the template's section `index`, whose key is `key`.
    Section {
        index: usize,
        key: String,
    },
    /// A section the note holds and its template does not (editor only).
    Stray(String),
    /// Quote `index` of section `section` (key `key`).
    Quote {
        section: usize,
        key: String,
        index: usize,
    },
    Participant {
        index: usize,
        part: ParticipantPart,
    },
    Intervention {
        index: usize,
        part: InterventionPart,
    },
    FollowUp {
        index: usize,
        part: FollowUpPart,
    },
    /// The mark on follow-up `index` of the previous note.
    PreviousFollowUp {
        index: usize,
        part: MarkPart,
    },
    /// The one who signs (the signature block's signer).
    Signer(SignerPart),
    Addendum(AddendumPart),
    /// A revision's link to the note it revises (`revises`).
    Revises(RevisionPart),
    /// A member of a review (`casenote-review/v1`).
    Review(ReviewPart),
    /// A member of the payload the editor has no field for.
    Member(Member),
    /// The key of section `index` of the payload.
    SectionKey(usize),
    /// A member of a host's template.
    Template(TemplatePart),
    /// A member of the FHIR DocumentReference that carries a note.
    Fhir(FhirPart),
    /// A member named by its JSON path, as a validator or a receiver found
    /// it: kept as it came, for members no rule here names.
    Json(String),
}

impl FieldPath {
    /// The field's place in a casenote payload (or a template, or the
    /// FHIR wrapper), as a receiver names it: `sections[0].text`.
    pub fn json_path(&self) -> String {
        match self {
            FieldPath::Client => "client".into(),
            FieldPath::ServiceDate => "service.date".into(),
            FieldPath::ServiceStart => "service.start".into(),
            FieldPath::ServiceEnd => "service.end".into(),
            FieldPath::Overnight => "service.overnight".into(),
            FieldPath::Format => "format".into(),
            FieldPath::ContactMode => "contactMode".into(),
            FieldPath::Location => "location".into(),
            FieldPath::Challenges => "challenges".into(),
            FieldPath::Goal { index, part } => match part {
                GoalPart::Addressed => format!("goals[{index}]"),
                GoalPart::Progress => format!("goals[{index}].progress"),
            },
            FieldPath::LateEntryReason => "timeliness.lateEntryReason".into(),
            FieldPath::Section { index, .. } => format!("sections[{index}].text"),
            FieldPath::Stray(key) => format!("sections.{key}"),
            FieldPath::Quote { section, index, .. } => {
                format!("sections[{section}].quotes[{index}].text")
            }
            FieldPath::Participant { index, part } => {
                format!("participants[{index}].{}", part.name())
            }
            FieldPath::Intervention { index, part } => {
                format!("interventions[{index}].{}", part.json())
            }
            FieldPath::FollowUp { index, part } => format!("followUps[{index}].{}", part.name()),
            FieldPath::PreviousFollowUp { index, part } => {
                format!("previousFollowUps[{index}].{}", part.name())
            }
            FieldPath::Signer(SignerPart::Name) => "signature.signerName".into(),
            FieldPath::Signer(SignerPart::Id) => "signature.signerId".into(),
            FieldPath::Addendum(part) => part.name().into(),
            FieldPath::Revises(part) => part.path(),
            FieldPath::Review(part) => part.path(),
            FieldPath::Member(m) => m.path().into(),
            FieldPath::SectionKey(i) => format!("sections[{i}].key"),
            FieldPath::Template(part) => match part {
                TemplatePart::Whole => "template".into(),
                TemplatePart::Id => "id".into(),
                TemplatePart::Name => "name".into(),
                TemplatePart::Sections => "sections".into(),
                TemplatePart::SectionKey(i) => format!("sections[{i}].key"),
                TemplatePart::SectionLabel(i) => format!("sections[{i}].label"),
                TemplatePart::SectionLoinc(i) => format!("sections[{i}].loinc"),
            },
            FieldPath::Fhir(part) => match part {
                FhirPart::Id => "DocumentReference.id",
                FhirPart::Type => "DocumentReference.type",
                FhirPart::Subject => "DocumentReference.subject",
                FhirPart::SubjectReference => "DocumentReference.subject.reference",
                FhirPart::Content => "DocumentReference.content",
            }
            .into(),
            FieldPath::Json(path) => path.clone(),
        }
    }

    /// The field's key in the editor (`section.plan`,
    /// `interventions.0.rationale`): its DOM id is made from it.
    pub fn editor_key(&self) -> String {
        match self {
            FieldPath::LateEntryReason => "lateEntryReason".into(),
            FieldPath::ContactMode => "contact.mode".into(),
            FieldPath::Goal { index, part } => match part {
                GoalPart::Addressed => format!("goal.{index}"),
                GoalPart::Progress => format!("goal.{index}.progress"),
            },
            FieldPath::Section { key, .. } | FieldPath::Stray(key) => format!("section.{key}"),
            FieldPath::Quote { key, index, .. } => format!("section.{key}.quotes.{index}"),
            FieldPath::Participant { index, part } => {
                format!("participants.{index}.{}", part.name())
            }
            FieldPath::Intervention { index, part } => {
                format!("interventions.{index}.{}", part.editor())
            }
            FieldPath::FollowUp { index, part } => format!("followUps.{index}.{}", part.name()),
            FieldPath::PreviousFollowUp { index, part } => {
                format!("previousFollowUps.{index}.{}", part.name())
            }
            FieldPath::Signer(SignerPart::Name) => "signer.name".into(),
            FieldPath::Signer(SignerPart::Id) => "signer.id".into(),
            FieldPath::Revises(RevisionPart::Response { index, .. }) => {
                format!("revises.responses.{index}")
            }
            FieldPath::Review(ReviewPart::Comment { index, .. }) => {
                format!("review.comments.{index}")
            }
            FieldPath::Review(part) => format!("review.{}", part.path()),
            other => other.json_path(),
        }
    }

    /// The DOM id of the field's control (`section.plan` → `cn-section-plan`).
    pub fn dom_id(&self) -> String {
        let mut id = String::from("cn-");
        for c in self.editor_key().chars() {
            let safe = c.is_ascii_alphanumeric() || c == '-' || c == '_';
            id.push(if safe { c } else { '-' });
        }
        id
    }

    /// Quote `index` of this section (of a section's field; any other
    /// field has no quotes, and is itself).
    pub fn quote(&self, index: usize) -> FieldPath {
        match self {
            FieldPath::Section {
                index: section,
                key,
            } => FieldPath::Quote {
                section: *section,
                key: key.clone(),
                index,
            },
            other => other.clone(),
        }
    }

    /// Whether the field is an item of a list the worker can shorten
    /// (an intervention, a quote): it is named by its place, which moves
    /// when an item before it is removed.
    pub fn is_list_item(&self) -> bool {
        matches!(
            self,
            FieldPath::Intervention { .. } | FieldPath::Quote { .. }
        )
    }

    /// Whether the field is part of the service's date and times.
    pub fn is_service_time(&self) -> bool {
        matches!(
            self,
            FieldPath::ServiceDate | FieldPath::ServiceStart | FieldPath::ServiceEnd
        )
    }

    /// Reads the path a receiver names a problem by (`sections[2].text`,
    /// `client.name`, `service.date`) as the editor field it is about,
    /// given the note's section keys in order. A path the editor shows no
    /// field for comes back as [`FieldPath::Json`], as it was given.
    pub fn parse(path: &str, section_keys: &[String]) -> FieldPath {
        let json = || FieldPath::Json(path.to_string());
        if let Some(rest) = path.strip_prefix("sections[") {
            let Some(index) = rest.split(']').next().and_then(|i| i.parse::<usize>().ok()) else {
                return json();
            };
            return match section_keys.get(index) {
                Some(key) => FieldPath::Section {
                    index,
                    key: key.clone(),
                },
                None => json(),
            };
        }
        if path == "client" || path.starts_with("client.") {
            return FieldPath::Client;
        }
        match path {
            "service.date" => FieldPath::ServiceDate,
            "service.start" => FieldPath::ServiceStart,
            "service.end" => FieldPath::ServiceEnd,
            "timeliness.lateEntryReason" | "lateEntryReason" => FieldPath::LateEntryReason,
            "addendum.to" => FieldPath::Addendum(AddendumPart::To),
            "addendum.toHash" => FieldPath::Addendum(AddendumPart::ToHash),
            "addendum.reason" => FieldPath::Addendum(AddendumPart::Reason),
            _ => json(),
        }
    }

    /// Whether the editor shows this field (so a problem with it is shown
    /// beside it, not only in words).
    pub fn on_screen(&self) -> bool {
        !matches!(
            self,
            FieldPath::Json(_)
                | FieldPath::Member(_)
                | FieldPath::SectionKey(_)
                | FieldPath::Template(_)
                | FieldPath::Fhir(_)
        ) && match self {
            // Of a review, only the comments and who reviews are fields.
            FieldPath::Review(part) => matches!(
                part,
                ReviewPart::Comment { .. } | ReviewPart::Reviewer | ReviewPart::Comments
            ),
            // Of a revision, only the answers are.
            FieldPath::Revises(part) => matches!(part, RevisionPart::Response { .. }),
            _ => true,
        }
    }
}

impl fmt::Display for FieldPath {
    /// The JSON path, as a receiver names the field.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.json_path())
    }
}

#[cfg(test)]
mod tests;
