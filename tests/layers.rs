//! The crates' arrows, as their manifests give them: the note's format
//! depends on no words, no templating and no crate of ours; the words on
//! the format only; the receiver never on the element. Cargo refuses an
//! import a manifest does not allow; this refuses the manifest change.

fn dependencies(manifest: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut in_deps = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            // Normal dependencies, on every target; not dev-dependencies.
            in_deps = line.ends_with("dependencies]") && !line.contains("dev-dependencies");
            continue;
        }
        if in_deps && !line.starts_with('#') {
            if let Some((name, _)) = line.split_once('=') {
                names.push(name.trim().to_string());
            }
        }
    }
    names
}

#[test]
fn the_format_has_no_words_no_templating_and_no_crate_of_ours() {
    let deps = dependencies(include_str!("../src/domain/Cargo.toml"));
    assert!(deps.contains(&"serde".to_string()), "{deps:?}");
    for banned in [
        "fluent-bundle",
        "maud",
        "casenote-text",
        "casenote-writing",
        "leptos",
        "web-sys",
    ] {
        assert!(
            !deps.iter().any(|d| d == banned),
            "casenote-format depends on {banned}"
        );
    }
}

#[test]
fn the_words_depend_on_the_format_only() {
    let deps = dependencies(include_str!("../src/i18n/Cargo.toml"));
    assert!(deps.contains(&"casenote-format".to_string()), "{deps:?}");
    for banned in ["casenote-writing", "casenote", "leptos", "web-sys"] {
        assert!(
            !deps.iter().any(|d| d == banned),
            "casenote-text depends on {banned}"
        );
    }
}

#[test]
fn the_receiver_uses_the_format_and_the_words_never_the_element() {
    let deps = dependencies(include_str!("../receiver/Cargo.toml"));
    assert!(deps.contains(&"casenote-format".to_string()), "{deps:?}");
    assert!(deps.contains(&"casenote-text".to_string()), "{deps:?}");
    for banned in ["casenote", "casenote-writing"] {
        assert!(
            !deps.iter().any(|d| d == banned),
            "the receiver depends on {banned}"
        );
    }
}
