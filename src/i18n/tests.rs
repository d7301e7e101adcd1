//! The catalog is complete: every language has every message, with the
//! same variables, and every id the code asks for exists.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use super::{Catalog, Lang, FILES};

type Vars = BTreeSet<String>;

/// Each message id of one area file, with the variables it uses.
fn messages(lang: Lang, area: &str, source: &str) -> BTreeMap<String, Vars> {
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| {
        panic!("{}/{area}.ftl does not parse: {errors:?}", lang.tag())
    });
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = Vars::new();
            if let Some(p) = &m.value {
                pattern_vars(p, &mut vars);
            }
            assert!(
                m.value.is_some(),
                "{}/{area}.ftl: {} has no value",
                lang.tag(),
                m.id.name
            );
            let id = m.id.name.to_string();
            assert!(
                out.insert(id.clone(), vars).is_none(),
                "{}/{area}.ftl: {id} is defined twice",
                lang.tag()
            );
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut Vars) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, vars: &mut Vars) {
    match e {
        ast::Expression::Inline(i) => inline_vars(i, vars),
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut Vars) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
        }
        _ => {}
    }
}

/// Every message of a language, with its area.
fn catalog(lang: Lang) -> BTreeMap<String, (String, Vars)> {
    let (_, files) = FILES.iter().find(|(l, _)| *l == lang).unwrap();
    let mut all = BTreeMap::new();
    for (area, source) in files.iter() {
        for (id, vars) in messages(lang, area, source) {
            if let Some((other, _)) = all.insert(id.clone(), (area.to_string(), vars)) {
                panic!("{}: {id} is in both {other}.ftl and {area}.ftl", lang.tag());
            }
        }
    }
    all
}

#[test]
fn every_language_has_every_message_with_the_same_variables() {
    let english = catalog(Lang::En);
    assert!(english.len() > 1);
    for lang in Lang::ALL {
        let other = catalog(lang);
        let missing: Vec<_> = english
            .keys()
            .filter(|id| !other.contains_key(*id))
            .collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", lang.tag());
        let extra: Vec<_> = other
            .keys()
            .filter(|id| !english.contains_key(*id))
            .collect();
        assert!(
            extra.is_empty(),
            "{} has {extra:?}, which English lacks",
            lang.tag()
        );
        for (id, (area, vars)) in &english {
            let (their_area, their_vars) = &other[id];
            assert_eq!(area, their_area, "{}: {id} is in another file", lang.tag());
            assert_eq!(
                vars,
                their_vars,
                "{}: {id} uses other variables",
                lang.tag()
            );
        }
    }
}

/// The ids the code asks for: the literal after `.t("`, and after
/// `tr!(<lang>, "`; in page files, `data-text="`. Only kebab-case
/// literals are ids.
fn ids_in(text: &str, javascript: bool, out: &mut BTreeSet<String>) {
    let is_id = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    let mut literal_after = |marker: &str, skip_to_comma: bool| {
        for (at, _) in text.match_indices(marker) {
            let before = text[..at].chars().next_back();
            if skip_to_comma && before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let mut rest = &text[at + marker.len()..];
            if skip_to_comma {
                let Some(comma) = rest.find(',') else {
                    continue;
                };
                rest = rest[comma + 1..].trim_start();
                let Some(r) = rest.strip_prefix('"') else {
                    continue;
                };
                rest = r;
            }
            if let Some(end) = rest.find('"') {
                if is_id(&rest[..end]) {
                    out.insert(rest[..end].to_string());
                }
            }
        }
    };
    literal_after(".t(\"", false);
    literal_after("tr!(", true);
    // page.js: `pageText(lang, "id", ...)`, and the problems it lists
    // before the catalog has loaded, `{ id: "id", args }`.
    literal_after("pageText(", true);
    if javascript {
        literal_after("{ id: \"", false);
    }
    literal_after("data-text=\"", false);
    // A part's name, said when it cannot load: `<Part what="id" ...>`.
    literal_after("what=\"", false);
}

fn sources(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e == "rs" || e == "js" || e == "html")
        {
            out.push(path);
        }
    }
}

#[test]
fn every_id_the_code_asks_for_exists_and_every_message_is_used() {
    // This crate is src/i18n; the code that asks for ids is the whole
    // repository's.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = vec![root.join("index.html")];
    sources(&root.join("src"), &mut files);
    // The receiver's pages read the host-only areas of the same catalog.
    sources(&root.join("receiver/src"), &mut files);
    let mut used = BTreeSet::new();
    for f in files.iter().filter(|f| !f.ends_with("i18n/tests.rs")) {
        let javascript = f.extension().is_some_and(|e| e == "js");
        ids_in(&std::fs::read_to_string(f).unwrap(), javascript, &mut used);
    }
    let english = catalog(Lang::En);
    let missing: Vec<_> = used
        .iter()
        .filter(|id| !english.contains_key(*id))
        .collect();
    assert!(
        missing.is_empty(),
        "the code asks for {missing:?}, which the catalog lacks"
    );
    let unused: Vec<_> = english.keys().filter(|id| !used.contains(*id)).collect();
    assert!(
        unused.is_empty(),
        "the catalog has {unused:?}, which no code asks for"
    );
}

#[test]
fn languages_are_negotiated_from_lang_tags() {
    assert_eq!(Lang::from_tag("es"), Some(Lang::Es));
    assert_eq!(Lang::from_tag("es-MX"), Some(Lang::Es));
    assert_eq!(Lang::from_tag("ES-419"), Some(Lang::Es));
    assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
    assert_eq!(Lang::from_tag("fr"), None);
    assert_eq!(Lang::from_tag(""), None);
    assert_eq!(Lang::negotiate("fr-CA"), Lang::En);
    assert_eq!(Lang::negotiate("not a tag"), Lang::En);
}

#[test]
fn plurals_follow_each_language() {
    assert_eq!(crate::tr!(Lang::En, "test-count", n = 1), "1 note");
    assert_eq!(crate::tr!(Lang::Es, "test-count", n = 1), "1 nota");
    assert_eq!(crate::tr!(Lang::Es, "test-count", n = 3), "3 notas");
}

#[test]
fn a_missing_id_shows_itself_rather_than_nothing() {
    assert_eq!(Lang::Es.t("no-such-message"), "no-such-message");
}

#[test]
fn typed_text_is_isolated_only_when_it_could_reorder_the_words_around_it() {
    use super::isolated;
    assert_eq!(isolated("Ann Smith"), "Ann Smith");
    assert_eq!(isolated("José Núñez"), "José Núñez");
    // The audit's name: ends in RIGHT-TO-LEFT OVERRIDE.
    assert_eq!(isolated("Ann Smith\u{202E}"), "\u{2068}Ann Smith\u{2069}");
    assert_eq!(isolated("שרה כהן"), "\u{2068}שרה כהן\u{2069}");
    assert_eq!(isolated("محمد"), "\u{2068}محمد\u{2069}");
    // A value cannot close the isolate early, nor leave one open.
    assert_eq!(isolated("x\u{2069}\u{202E}"), "\u{2068}x\u{2069}");
    assert_eq!(isolated("a\u{2066}b"), "\u{2068}ab\u{2069}");
    assert_eq!(isolated("\u{200F}a"), "\u{2068}\u{200F}a\u{2069}");
}
