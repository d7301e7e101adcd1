//! Note formats as data: each template is an ordered list of sections.

use serde::{Deserialize, Serialize};

/// LOINC code of the whole document: a progress note.
pub const LOINC_PROGRESS_NOTE: &str = "11506-3";

/// One section of a template.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
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
#[serde(rename_all = "camelCase")]
pub struct Template {
    /// Stable id, used as the `format` attribute value (e.g. `soap`).
    pub id: String,
    /// Display name (e.g. `SOAP`).
    pub name: String,
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

impl Template {
    /// SOAP: Subjective, Objective, Assessment, Plan.
    pub fn soap() -> Self {
        Template {
            id: "soap".into(),
            name: "SOAP".into(),
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
                section(
                    "plan",
                    "Plan",
                    "Next steps: actions, referrals, who does what by when, and the next contact.",
                    Some("18776-5"),
                ),
            ],
        }
    }

    /// DAP: Data, Assessment, Plan.
    pub fn dap() -> Self {
        Template {
            id: "dap".into(),
            name: "DAP".into(),
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
                section(
                    "plan",
                    "Plan",
                    "Next steps: actions, referrals, who does what by when, and the next contact.",
                    Some("18776-5"),
                ),
            ],
        }
    }

    /// The built-in templates, in the order they are offered.
    pub fn builtins() -> Vec<Template> {
        vec![Self::soap(), Self::dap()]
    }

    /// A built-in template by id (case-insensitive).
    pub fn builtin(id: &str) -> Option<Template> {
        Self::builtins()
            .into_iter()
            .find(|t| t.id.eq_ignore_ascii_case(id.trim()))
    }

    pub fn section(&self, key: &str) -> Option<&SectionSpec> {
        self.sections.iter().find(|s| s.key == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soap_has_four_required_sections_with_loinc_codes() {
        let t = Template::soap();
        let keys: Vec<_> = t.sections.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["subjective", "objective", "assessment", "plan"]);
        assert!(t
            .sections
            .iter()
            .all(|s| s.required && !s.prompt.is_empty()));
        assert_eq!(
            t.section("subjective").unwrap().loinc.as_deref(),
            Some("61150-9")
        );
        assert_eq!(
            t.section("objective").unwrap().loinc.as_deref(),
            Some("61149-1")
        );
        assert_eq!(
            t.section("assessment").unwrap().loinc.as_deref(),
            Some("51848-0")
        );
        assert_eq!(t.section("plan").unwrap().loinc.as_deref(), Some("18776-5"));
    }

    #[test]
    fn dap_has_data_assessment_plan() {
        let t = Template::dap();
        let labels: Vec<_> = t.sections.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["Data", "Assessment", "Plan"]);
    }

    #[test]
    fn builtin_lookup_is_case_insensitive_and_rejects_unknown() {
        assert_eq!(Template::builtin("DAP").unwrap().id, "dap");
        assert_eq!(Template::builtin(" soap ").unwrap().id, "soap");
        assert!(Template::builtin("birp-typo").is_none());
    }
}
