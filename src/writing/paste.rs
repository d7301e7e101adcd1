//! Splitting a pasted whole note ("S: ...", "Objective - ...") across the
//! sections of the current template. Every character of the paste ends up
//! somewhere: in a section, in the preamble, or in a recognised heading.

use casenote_format::template::Template;

/// One piece of the paste: a heading as written and the text after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub key: String,
    /// The heading exactly as it appeared, separator included ("S: ").
    pub heading: String,
    /// The text up to the next heading, as pasted.
    pub body: String,
}

/// A paste split into sections.
/// The pasted text that goes to one section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionText {
    pub key: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split {
    /// Text before the first heading, as pasted.
    pub preamble: String,
    pub pieces: Vec<Piece>,
}

impl Split {
    /// The paste, rebuilt: always equal to the input.
    pub fn rebuild(&self) -> String {
        let mut s = self.preamble.clone();
        for p in &self.pieces {
            s.push_str(&p.heading);
            s.push_str(&p.body);
        }
        s
    }

    /// The text for each section key, trimmed, in template order of first
    /// appearance, joined when a heading repeats.
    pub fn by_section(&self) -> Vec<SectionText> {
        let mut out: Vec<SectionText> = Vec::new();
        for p in &self.pieces {
            let body = p.body.trim();
            match out.iter_mut().find(|s| s.key == p.key) {
                Some(s) => {
                    if !body.is_empty() {
                        if !s.text.is_empty() {
                            s.text.push_str("\n\n");
                        }
                        s.text.push_str(body);
                    }
                }
                None => out.push(SectionText {
                    key: p.key.clone(),
                    text: body.to_string(),
                }),
            }
        }
        out
    }
}

/// The names a heading may use for each section: its label, its key, and
/// its initial when no other section shares it.
fn names(template: &Template) -> Vec<(String, String)> {
    let mut names = Vec::new();
    for s in &template.sections {
        names.push((s.label.to_lowercase(), s.key.clone()));
        if s.key.to_lowercase() != s.label.to_lowercase() {
            names.push((s.key.to_lowercase(), s.key.clone()));
        }
        let initial = s.label.chars().next().map(|c| c.to_lowercase().to_string());
        if let Some(initial) = initial {
            let shared = template
                .sections
                .iter()
                .filter(|o| {
                    o.label
                        .chars()
                        .next()
                        .map(|c| c.to_lowercase().to_string())
                        .as_deref()
                        == Some(initial.as_str())
                })
                .count();
            if shared == 1 {
                names.push((initial, s.key.clone()));
            }
        }
    }
    // Longest first, so "plan" is tried before "p".
    names.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
    names
}

/// If `line` starts with a heading (after spaces), its section key and the
/// byte length of the heading with its separator and following spaces.
fn heading_at(line: &str, names: &[(String, String)]) -> Option<(String, usize)> {
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    let lowered = rest.to_lowercase();
    for (name, key) in names {
        if !lowered.starts_with(name.as_str()) || !rest.is_char_boundary(name.len()) {
            continue;
        }
        // The lower-cased name must cover the same bytes in the original.
        if rest[..name.len()].to_lowercase() != *name {
            continue;
        }
        let after = &rest[name.len()..];
        let trimmed = after.trim_start_matches([' ', '\t']);
        let gap = after.len() - trimmed.len();
        let sep_len = if trimmed.starts_with(':') {
            1
        } else if trimmed.starts_with('-') || trimmed.starts_with('–') || trimmed.starts_with('—')
        {
            // "Data - ..." needs a space before the dash, so words like
            // "Data-driven" are not headings.
            if gap == 0 {
                continue;
            }
            trimmed.chars().next().map(char::len_utf8).unwrap_or(1)
        } else {
            continue;
        };
        let after_sep = &trimmed[sep_len..];
        let spaces = after_sep.len() - after_sep.trim_start_matches([' ', '\t']).len();
        return Some((key.clone(), indent + name.len() + gap + sep_len + spaces));
    }
    None
}

/// Splits `text` when it holds at least two headings of `template`'s
/// sections at the start of lines; `None` otherwise.
pub fn split(text: &str, template: &Template) -> Option<Split> {
    let names = names(template);
    let mut preamble_end = None;
    let mut pieces: Vec<Piece> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if let Some((key, len)) = heading_at(line, &names) {
            if preamble_end.is_none() {
                preamble_end = Some(offset);
            }
            pieces.push(Piece {
                key,
                heading: line[..len].to_string(),
                body: line[len..].to_string(),
            });
        } else if let Some(last) = pieces.last_mut() {
            last.body.push_str(line);
        }
        offset += line.len();
    }
    if pieces.len() < 2 {
        return None;
    }
    let distinct = {
        let mut keys: Vec<&str> = Vec::new();
        for p in &pieces {
            if !keys.contains(&p.key.as_str()) {
                keys.push(&p.key);
            }
        }
        keys.len()
    };
    if distinct < 2 {
        return None;
    }
    Some(Split {
        preamble: text[..preamble_end.unwrap_or(0)].to_string(),
        pieces,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(key: &str, text: &str) -> SectionText {
        SectionText {
            key: key.into(),
            text: text.into(),
        }
    }

    #[test]
    fn splits_letters_words_dashes_and_any_case() {
        let text = "Seen at home.\nS: Feels low.\nSleeping badly.\nobjective - Flat affect\nA:Risk low\n  PLAN: review Friday\n";
        let s = split(text, &Template::soap()).unwrap();
        assert_eq!(s.rebuild(), text);
        assert_eq!(s.preamble, "Seen at home.\n");
        assert_eq!(
            s.by_section(),
            [
                st("subjective", "Feels low.\nSleeping badly."),
                st("objective", "Flat affect"),
                st("assessment", "Risk low"),
                st("plan", "review Friday"),
            ]
        );
    }

    #[test]
    fn dap_headings_and_no_split_for_ordinary_text() {
        let text = "D: met at office\nA: improving\nP: next week";
        let s = split(text, &Template::dap()).unwrap();
        let keys: Vec<_> = s.by_section().into_iter().map(|x| x.key).collect();
        assert_eq!(keys, ["data", "assessment", "plan"]);
        assert!(split("Data-driven plan: none.\nPlans: later", &Template::dap()).is_none());
        assert!(split("Just one line of text", &Template::soap()).is_none());
        assert!(split("S: only one heading", &Template::soap()).is_none());
        assert!(split("S: one\nS: same heading twice", &Template::soap()).is_none());
        // Template-specific: "S:" is not a DAP heading.
        assert!(split("S: a\nO: b", &Template::dap()).is_none());
    }

    #[test]
    fn repeated_headings_are_joined_not_dropped() {
        let s = split("P: one\nS: two\nP: three", &Template::soap()).unwrap();
        assert_eq!(s.by_section()[0], st("plan", "one\n\nthree"));
    }

    // Property tests run on the host only (proptest is a native
    // dev-dependency).
    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        fn heading() -> impl Strategy<Value = String> {
            prop_oneof![
                Just("S: ".to_string()),
                Just("o:".to_string()),
                Just("Assessment - ".to_string()),
                Just("  PLAN:".to_string()),
                Just("Plan—".to_string()),
            ]
        }

        proptest! {
            #[test]
            fn arbitrary_text_never_panics_and_never_loses_a_character(text in "\\PC{0,200}") {
                for t in Template::builtins() {
                    if let Some(s) = split(&text, &t) {
                        prop_assert_eq!(s.rebuild(), text.clone());
                    }
                }
            }

            #[test]
            fn notes_with_headings_split_losslessly(
                parts in proptest::collection::vec((heading(), "[^\\n]{0,40}", "(\\n[^\\n]{0,30}){0,3}"), 0..6),
                preamble in "[a-z \\n]{0,30}",
            ) {
                let mut text = preamble.clone();
                for (h, first, more) in &parts {
                    if !text.is_empty() && !text.ends_with('\n') {
                        text.push('\n');
                    }
                    text.push_str(h);
                    text.push_str(first);
                    text.push_str(more);
                }
                if let Some(s) = split(&text, &Template::soap()) {
                    prop_assert_eq!(s.rebuild(), text.clone());
                    let kept: usize = s.by_section().iter().map(|x| x.text.len()).sum();
                    prop_assert!(kept <= text.len());
                }
            }
        }
    }
}
