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
fn every_builtin_template_is_valid_with_prompts_and_loinc_where_known() {
    let all = Template::builtins();
    let ids: Vec<_> = all.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["soap", "dap", "birp", "girp", "pie"]);
    for t in &all {
        assert!(t.validate().is_empty(), "{}: {:?}", t.id, t.validate());
        assert!(
            t.sections.iter().all(|s| s.required && s.prompt.len() > 20),
            "{}",
            t.id
        );
        for s in &t.sections {
            if s.key == "intervention" {
                assert_eq!(s.loinc.as_deref(), Some("62387-6"), "{}", t.id);
            }
            if s.key == "plan" {
                assert_eq!(s.loinc.as_deref(), Some("18776-5"), "{}", t.id);
            }
        }
    }
    let labels = |t: Template| t.sections.into_iter().map(|s| s.label).collect::<Vec<_>>();
    assert_eq!(
        labels(Template::birp()),
        ["Behavior", "Intervention", "Response", "Plan"]
    );
    assert_eq!(
        labels(Template::girp()),
        ["Goal", "Intervention", "Response", "Plan"]
    );
    assert_eq!(
        labels(Template::pie()),
        ["Problem", "Intervention", "Evaluation"]
    );
}

#[test]
fn host_templates_are_read_and_checked_precisely() {
    let ok = Template::from_json(
        r#"{"id":"crisis","name":"Crisis contact","sections":[
            {"key":"situation","label":"Situation","prompt":"What happened","required":true},
            {"key":"safety","label":"Safety plan","prompt":"Steps agreed","required":false,"loinc":"18776-5"}]}"#,
    )
    .unwrap();
    assert_eq!(ok.sections[1].loinc.as_deref(), Some("18776-5"));

    let errs = Template::from_json(
        r#"{"id":"Bad Id","name":" ","sections":[
            {"key":"a","label":"A","prompt":"","required":true},
            {"key":"a","label":"","prompt":"","required":true,"loinc":"12"}]}"#,
    )
    .unwrap_err();
    let fields: Vec<_> = errs.iter().map(|e| e.field.json_path()).collect();
    assert_eq!(
        fields,
        [
            "id",
            "name",
            "sections[1].key",
            "sections[1].label",
            "sections[1].loinc"
        ]
    );
    assert!(errs[2].wire().contains("earlier section"));

    let errs =
        Template::from_json(r#"{"id":"x","name":"X","sections":[{"key":"a"}]}"#).unwrap_err();
    assert_eq!(errs[0].field.json_path(), "template");
    assert!(
        errs[0]
            .wire()
            .starts_with("is not a valid template: sections[0]: missing field `label`"),
        "{}",
        errs[0].wire()
    );
    let errs = Template::from_json("{\"id\" \"x\"}").unwrap_err();
    assert!(
        errs[0]
            .wire()
            .starts_with("is not JSON: expected `:` at line 1 column 7"),
        "{}",
        errs[0].wire()
    );
    let errs =
        Template::from_data(serde_json::json!({"id": "x", "name": 3, "sections": []})).unwrap_err();
    assert!(
        errs[0].wire().contains("name: invalid type"),
        "{}",
        errs[0].wire()
    );
    let errs = Template::from_json(r#"{"id":"x","name":"X","sections":[]}"#).unwrap_err();
    assert_eq!(errs[0].field.json_path(), "sections");
}

#[test]
fn document_type_follows_the_host() {
    assert_eq!(DocumentType::from_attribute("").loinc().0, "11506-3");
    assert_eq!(
        DocumentType::from_attribute("Social-Work").loinc().0,
        "28656-7"
    );
}

#[test]
fn builtin_lookup_is_case_insensitive_and_rejects_unknown() {
    assert_eq!(Template::builtin("DAP").unwrap().id, "dap");
    assert_eq!(Template::builtin(" soap ").unwrap().id, "soap");
    assert!(Template::builtin("birp-typo").is_none());
    assert_eq!(Template::builtin("PIE").unwrap().id, "pie");
}

#[test]
fn formats_with_an_intervention_section_do_not_ask_for_the_list_as_well() {
    for t in [Template::birp(), Template::girp(), Template::pie()] {
        assert!(t.has_intervention_section(), "{}", t.id);
    }
    for t in [Template::soap(), Template::dap(), Template::addendum()] {
        assert!(!t.has_intervention_section(), "{}", t.id);
    }
}
