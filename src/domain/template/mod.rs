//! Note formats as data: each template is an ordered list of sections.

use crate::review::ReviewPolicy;
use serde::{Deserialize, Serialize};

use super::field_path::{FieldPath, TemplatePart};
use super::problem::{FieldProblem, Problem};

/// LOINC code of the whole document: a progress note.
pub const LOINC_PROGRESS_NOTE: &str = "11506-3";
/// LOINC code of a social worker progress note (when the host says so).
pub const LOINC_SOCIAL_WORK_NOTE: &str = "28656-7";
/// LOINC code of an interventions section.
pub const LOINC_INTERVENTIONS: &str = "62387-6";

/// The document type of the whole note, chosen by the host.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DocumentType {
    #[default]
    ProgressNote,
    SocialWorkProgressNote,
}

impl DocumentType {
    /// From the `note-type` attribute: `social-work` selects 28656-7.
    pub fn from_attribute(v: &str) -> Self {
        match v.trim().to_ascii_lowercase().as_str() {
            "social-work" | "social-worker" | "28656-7" => DocumentType::SocialWorkProgressNote,
            _ => DocumentType::ProgressNote,
        }
    }

    /// The LOINC code and its display. The display is LOINC's own
    /// (English) text, in every language.
    pub fn loinc(self) -> (&'static str, &'static str) {
        match self {
            DocumentType::ProgressNote => (LOINC_PROGRESS_NOTE, "Progress note"),
            DocumentType::SocialWorkProgressNote => {
                (LOINC_SOCIAL_WORK_NOTE, "Social worker Progress note")
            }
        }
    }
}

/// One section of a template. Hosts write their own as JSON, where every
/// member but `loinc` is required.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionSpec {
    /// Stable key, used in drafts and payloads (e.g. `subjective`).
    pub key: String,
    /// What the worker sees (e.g. `Subjective`).
    pub label: String,
    /// What belongs in this section.
    pub prompt: String,
    pub required: bool,
    /// LOINC code of the section, where one exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loinc: Option<String>,
}

/// A note format: SOAP, DAP, ...
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    /// Stable id, used as the `format` attribute value (e.g. `soap`).
    pub id: String,
    /// Display name (e.g. `SOAP`).
    pub name: String,
    /// Whether notes in this format need a supervisor's review
    /// (`"review": "required"` in a host's template).
    #[serde(default, skip_serializing_if = "ReviewPolicy::is_optional")]
    pub review: ReviewPolicy,
    pub sections: Vec<SectionSpec>,
}

fn section(key: &str, label: &str, prompt: &str, loinc: Option<&str>) -> SectionSpec {
    SectionSpec {
        key: key.into(),
        label: label.into(),
        prompt: prompt.into(),
        required: true,
        loinc: loinc.map(Into::into),
    }
}

/// The Plan section, the same in every format that has one.
fn plan_section() -> SectionSpec {
    section(
        "plan",
        "Plan",
        "Next steps: actions, referrals, who does what by when, and the next contact.",
        Some("18776-5"),
    )
}

impl Template {
    /// SOAP: Subjective, Objective, Assessment, Plan.
    pub fn soap() -> Self {
        Template {
            id: "soap".into(),
            name: "SOAP".into(),
            review: ReviewPolicy::Optional,
            sections: vec![
                section(
                    "subjective",
                    "Subjective",
                    "What the client and others reported: concerns, feelings, their account, in their own words where you can.",
                    Some("61150-9"),
                ),
                section(
                    "objective",
                    "Objective",
                    "What you observed and can verify: appearance, behaviour, facts, measures. No interpretation.",
                    Some("61149-1"),
                ),
                section(
                    "assessment",
                    "Assessment",
                    "Your professional analysis of the subjective and objective information: progress, risks, needs.",
                    Some("51848-0"),
                ),
                plan_section(),
            ],
        }
    }

    /// DAP: Data, Assessment, Plan.
    pub fn dap() -> Self {
        Template {
            id: "dap".into(),
            name: "DAP".into(),
            review: ReviewPolicy::Optional,
            sections: vec![
                section(
                    "data",
                    "Data",
                    "What was said and observed in the session: the client's words, your observations, facts.",
                    None,
                ),
                section(
                    "assessment",
                    "Assessment",
                    "Your professional interpretation of the data: progress, risks, needs.",
                    Some("51848-0"),
                ),
                plan_section(),
            ],
        }
    }

    /// BIRP: Behavior, Intervention, Response, Plan.
    pub fn birp() -> Self {
        Template {
            id: "birp".into(),
            name: "BIRP".into(),
            review: ReviewPolicy::Optional,
            sections: vec![
                section(
                    "behavior",
                    "Behavior",
                    "What you observed and what the client reported: behaviour, mood, statements.",
                    None,
                ),
                section(
                    "intervention",
                    "Intervention",
                    "What you did: the methods and techniques used, and why.",
                    Some(LOINC_INTERVENTIONS),
                ),
                section(
                    "response",
                    "Response",
                    "How the client responded to the interventions, in their words where you can.",
                    None,
                ),
                plan_section(),
            ],
        }
    }

    /// GIRP: Goal, Intervention, Response, Plan.
    pub fn girp() -> Self {
        Template {
            id: "girp".into(),
            name: "GIRP".into(),
            review: ReviewPolicy::Optional,
            sections: vec![
                section(
                    "goal",
                    "Goal",
                    "The goal this contact worked on, in the client's terms.",
                    None,
                ),
                section(
                    "intervention",
                    "Intervention",
                    "What you did toward the goal, and why.",
                    Some(LOINC_INTERVENTIONS),
                ),
                section(
                    "response",
                    "Response",
                    "How the client responded, and any progress toward the goal.",
                    None,
                ),
                plan_section(),
            ],
        }
    }

    /// PIE: Problem, Intervention, Evaluation.
    pub fn pie() -> Self {
        Template {
            id: "pie".into(),
            name: "PIE".into(),
            review: ReviewPolicy::Optional,
            sections: vec![
                section(
                    "problem",
                    "Problem",
                    "The problem or need addressed in this contact, as observed and reported.",
                    None,
                ),
                section(
                    "intervention",
                    "Intervention",
                    "What you did about the problem, and why.",
                    Some(LOINC_INTERVENTIONS),
                ),
                section(
                    "evaluation",
                    "Evaluation",
                    "How the client responded and whether the problem changed; what comes next.",
                    None,
                ),
            ],
        }
    }

    /// An addendum: one section for what is added or corrected.
    pub fn addendum() -> Self {
        Template {
            id: "addendum".into(),
            name: "Addendum".into(),
            review: ReviewPolicy::Optional,
            sections: vec![section(
                "addendum",
                "Addendum",
                "What you are adding or correcting, with the facts. The original note stays as it was.",
                None,
            )],
        }
    }

    /// The built-in templates, in the order they are offered.
    pub fn builtins() -> Vec<Template> {
        vec![
            Self::soap(),
            Self::dap(),
            Self::birp(),
            Self::girp(),
            Self::pie(),
        ]
    }

    /// Checks a host-supplied template, returning every problem with the
    /// field it is in (`sections[2].key`) and why.
    pub fn validate(&self) -> Vec<FieldProblem> {
        let mut errors = Vec::new();
        let mut refuse =
            |part, problem| errors.push(FieldProblem::new(FieldPath::Template(part), problem));
        let is_key = |k: &str| {
            !k.is_empty()
                && k.len() <= 40
                && k.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
                && k.starts_with(|c: char| c.is_ascii_lowercase())
        };
        if !is_key(&self.id) {
            refuse(TemplatePart::Id, Problem::NotAKey);
        }
        if self.name.trim().is_empty() {
            refuse(TemplatePart::Name, Problem::Missing);
        }
        if self.sections.is_empty() {
            refuse(TemplatePart::Sections, Problem::Missing);
        }
        if self.sections.len() > 20 {
            refuse(TemplatePart::Sections, Problem::TooManySections);
        }
        for (i, s) in self.sections.iter().enumerate() {
            if !is_key(&s.key) {
                refuse(TemplatePart::SectionKey(i), Problem::NotAKey);
            } else if self.sections[..i].iter().any(|o| o.key == s.key) {
                let key = s.key.clone();
                refuse(TemplatePart::SectionKey(i), Problem::KeyUsedBefore { key });
            }
            if s.label.trim().is_empty() {
                refuse(TemplatePart::SectionLabel(i), Problem::Missing);
            }
            if let Some(code) = &s.loinc {
                let ok = code.split_once('-').is_some_and(|(a, b)| {
                    !a.is_empty()
                        && a.chars().all(|c| c.is_ascii_digit())
                        && b.len() == 1
                        && b.chars().all(|c| c.is_ascii_digit())
                });
                if !ok {
                    let code = code.clone();
                    refuse(TemplatePart::SectionLoinc(i), Problem::NotLoinc { code });
                }
            }
        }
        errors
    }

    /// Reads a host template from JSON. Every problem is reported with its
    /// field; the caller falls back to SOAP.
    pub fn from_json(json: &str) -> Result<Template, Vec<FieldProblem>> {
        let t: Template =
            serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(json))
                .map_err(|e| {
                    let problem = if e.inner().is_syntax() || e.inner().is_eof() {
                        Problem::NotJson {
                            detail: e.inner().to_string(),
                        }
                    } else {
                        Problem::NotATemplate {
                            detail: e.to_string(),
                        }
                    };
                    vec![FieldProblem::new(
                        FieldPath::Template(TemplatePart::Whole),
                        problem,
                    )]
                })?;
        Self::checked(t)
    }

    /// Reads a host template from any serde data format: a parsed JSON
    /// value, or the object a host page sets (the `template` property,
    /// through serde-wasm-bindgen).
    pub fn from_data<'de, D: serde::Deserializer<'de>>(
        data: D,
    ) -> Result<Template, Vec<FieldProblem>>
    where
        D::Error: std::fmt::Display,
    {
        let t: Template = serde_path_to_error::deserialize(data).map_err(|e| {
            let problem = Problem::NotATemplate {
                detail: e.to_string(),
            };
            vec![FieldProblem::new(
                FieldPath::Template(TemplatePart::Whole),
                problem,
            )]
        })?;
        Self::checked(t)
    }

    fn checked(t: Template) -> Result<Template, Vec<FieldProblem>> {
        let errors = t.validate();
        if errors.is_empty() {
            Ok(t)
        } else {
            Err(errors)
        }
    }

    /// A built-in template by id (case-insensitive).
    pub fn builtin(id: &str) -> Option<Template> {
        Self::builtins()
            .into_iter()
            .find(|t| t.id.eq_ignore_ascii_case(id.trim()))
    }

    /// Whether the format asks what the worker did in a section of its
    /// own (BIRP, GIRP and PIE's Intervention): then the separate list of
    /// interventions is not asked for as well.
    pub fn has_intervention_section(&self) -> bool {
        self.sections.iter().any(|s| s.key == "intervention")
    }

    pub fn section(&self, key: &str) -> Option<&SectionSpec> {
        self.sections.iter().find(|s| s.key == key)
    }
}

#[cfg(test)]
mod tests;
