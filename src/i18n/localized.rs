//! The built-in templates in the worker's language: each section's label
//! and prompt (and the addendum's name) from the catalog. Keys, ids and
//! LOINC codes never change; a host's own template is its host's words and
//! is left as it is.

use casenote_format::{Lang, Template};

use crate::Catalog;

/// The English built-in `id` names, if there is one.
fn english_builtin(id: &str) -> Option<Template> {
    Template::builtin(id).or_else(|| (id == "addendum").then(Template::addendum))
}

/// A section's label, by its key.
fn label(key: &str, lang: Lang) -> Option<String> {
    Some(match key {
        "subjective" => lang.t("section-subjective-label"),
        "objective" => lang.t("section-objective-label"),
        "assessment" => lang.t("section-assessment-label"),
        "plan" => lang.t("section-plan-label"),
        "data" => lang.t("section-data-label"),
        "behavior" => lang.t("section-behavior-label"),
        "intervention" => lang.t("section-intervention-label"),
        "response" => lang.t("section-response-label"),
        "goal" => lang.t("section-goal-label"),
        "problem" => lang.t("section-problem-label"),
        "evaluation" => lang.t("section-evaluation-label"),
        "addendum" => lang.t("section-addendum-label"),
        _ => return None,
    })
}

/// A section's prompt: what belongs there differs between formats.
fn prompt(template: &str, key: &str, lang: Lang) -> Option<String> {
    Some(match (template, key) {
        (_, "plan") => lang.t("section-plan-prompt"),
        ("soap", "subjective") => lang.t("template-soap-subjective-prompt"),
        ("soap", "objective") => lang.t("template-soap-objective-prompt"),
        ("soap", "assessment") => lang.t("template-soap-assessment-prompt"),
        ("dap", "data") => lang.t("template-dap-data-prompt"),
        ("dap", "assessment") => lang.t("template-dap-assessment-prompt"),
        ("birp", "behavior") => lang.t("template-birp-behavior-prompt"),
        ("birp", "intervention") => lang.t("template-birp-intervention-prompt"),
        ("birp", "response") => lang.t("template-birp-response-prompt"),
        ("girp", "goal") => lang.t("template-girp-goal-prompt"),
        ("girp", "intervention") => lang.t("template-girp-intervention-prompt"),
        ("girp", "response") => lang.t("template-girp-response-prompt"),
        ("pie", "problem") => lang.t("template-pie-problem-prompt"),
        ("pie", "intervention") => lang.t("template-pie-intervention-prompt"),
        ("pie", "evaluation") => lang.t("template-pie-evaluation-prompt"),
        ("addendum", "addendum") => lang.t("template-addendum-prompt"),
        _ => return None,
    })
}

/// A template in the worker's language.
pub trait Localized {
    /// This template in `lang`: a built-in's labels, prompts and (where it
    /// is a word) name from the catalog; anything else unchanged. A
    /// template is a built-in when it is one exactly, so a host's template
    /// that reuses a built-in's id keeps its own words. A built-in already
    /// in another language is one too, so a note's template follows the
    /// note's language whatever the interface's is.
    fn localized(&self, lang: Lang) -> Template;
}

impl Localized for Template {
    fn localized(&self, lang: Lang) -> Template {
        match english_builtin(&self.id) {
            Some(base) if Lang::ALL.iter().any(|l| in_lang(&base, *l) == *self) => {
                in_lang(&base, lang)
            }
            _ => self.clone(),
        }
    }
}

/// The English built-in `base` in `lang`.
fn in_lang(base: &Template, lang: Lang) -> Template {
    let mut t = base.clone();
    if t.id == "addendum" {
        t.name = lang.t("template-addendum-name");
    }
    for s in &mut t.sections {
        if let Some(l) = label(&s.key, lang) {
            s.label = l;
        }
        if let Some(p) = prompt(&t.id, &s.key, lang) {
            s.prompt = p;
        }
    }
    t
}

#[cfg(test)]
mod tests;
