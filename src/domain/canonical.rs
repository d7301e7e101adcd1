//! The canonical form of a note's content and its hash: what a signature
//! covers and what a receiver recomputes. Documented in the README
//! ("Signing and hashing"): the note's content as JSON with object keys
//! sorted, no whitespace, text exactly as typed, and only the fields that
//! are the record itself (not the time it was sent, nor the signature).

use serde_json::json;

use super::payload::PayloadV1;
use super::record::sha256_hex;

impl PayloadV1 {
    /// The canonical serialization of this payload's content: JSON, keys sorted at every
    /// level, no insignificant whitespace, strings as typed (UTF-8, JSON escapes
    /// for `"`, `\` and control characters only). Absent optional members are
    /// `null` here, except inside the addendum link and quotes, which keep their
    /// stored form.
    pub fn canonical_content(&self) -> String {
        let p = self;
        let late_entry_reason = p
            .timeliness
            .as_ref()
            .and_then(|t| t.late_entry_reason.as_ref());
        // A quote's `inText` says only that its words also stand in the
        // section's text, which the hash covers already: it is left out, so
        // that receivers of earlier releases agree on the hash.
        let mut sections = p.sections.clone();
        for q in sections.iter_mut().flat_map(|s| s.quotes.iter_mut()) {
            q.in_text = false;
        }
        let mut content = json!({
            "id": p.id,
            "format": p.format,
            "documentType": p.document_type.code,
            "client": p.client,
            "author": p.author,
            "service": { "date": p.service.date, "start": p.service.start, "end": p.service.end },
            "sections": sections,
            "goals": p.goals,
            "challenges": p.challenges,
            "interventions": p.interventions,
            "lateEntryReason": late_entry_reason,
            "addendum": p.addendum,
        });
        if p.canonical_version >= 2 {
            // Version 2: who, how, where and what next. Every key is there,
            // empty or not, and the version itself, so that no member can
            // be dropped or the version lowered without the hash changing.
            content["canonicalVersion"] = json!(p.canonical_version);
            content["participants"] = json!(p.participants);
            content["contactMode"] = json!(p.contact_mode);
            content["location"] = json!(p.location);
            content["followUps"] = json!(p.follow_ups);
            content["previousFollowUps"] = json!(p.previous_follow_ups);
        }
        if p.canonical_version >= 3 {
            // Version 3: the language the labels are in.
            content["language"] = json!(p.language);
        }
        if p.canonical_version >= 5 {
            // Version 5: review asked for, and the note a revision revises
            // with the worker's answers.
            content["reviewRequired"] = json!(p.review_required);
            content["revises"] = json!(p.revises);
        }
        // Sorted here, not by the map type: the order must not depend on
        // whether some crate in the build enables serde_json's preserve_order.
        content.sort_all_objects();
        content.to_string()
    }

    /// The content hash of this payload: lower-case hex SHA-256 of its
    /// canonical content (what `content_hash` should hold).
    pub fn computed_hash(&self) -> String {
        sha256_hex(self.canonical_content().as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::payload::BuildContext;
    use crate::{Note, Quote, Speaker, Template};

    fn note() -> Note {
        let mut n = Note::new(
            "0f8fad5b-d9cb-469f-a165-70867728950e".into(),
            "soap",
            "2026-11-26T09:00:00Z".into(),
        );
        n.client.id = "C-1".into();
        n.client.name = "Jo Ünïcode".into();
        n.author.id = "W-7".into();
        n.author.name = "Sam".into();
        n.service.date = "2026-11-26".into();
        n.service.start = "09:00".into();
        n.service.end = "09:30".into();
        for k in ["subjective", "objective", "assessment", "plan"] {
            n.section_mut(k).text = format!("{k}: \"quoted\" \\ tab\tend");
        }
        n.section_mut("plan").quotes.push(Quote {
            text: "I'll be there".into(),
            speaker: Speaker::Client,
            context: None,
            in_text: false,
        });
        n
    }

    const FIXED_CANONICAL: &str = r#"{"addendum":null,"author":{"id":"W-7","name":"Sam"},"challenges":null,"client":{"id":"C-1","name":"Jo Ünïcode"},"documentType":"11506-3","format":"soap","goals":[],"id":"0f8fad5b-d9cb-469f-a165-70867728950e","interventions":[],"lateEntryReason":null,"sections":[{"key":"subjective","label":"Subjective","loinc":"61150-9","quotes":[],"text":"subjective: \"quoted\" \\ tab\tend"},{"key":"objective","label":"Objective","loinc":"61149-1","quotes":[],"text":"objective: \"quoted\" \\ tab\tend"},{"key":"assessment","label":"Assessment","loinc":"51848-0","quotes":[],"text":"assessment: \"quoted\" \\ tab\tend"},{"key":"plan","label":"Plan","loinc":"18776-5","quotes":[{"speaker":"client","text":"I'll be there"}],"text":"plan: \"quoted\" \\ tab\tend"}],"service":{"date":"2026-11-26","end":"09:30","start":"09:00"}}"#;

    const FIXED_HASH: &str = "5562e8dcb2182a0746770afafab278cefb2655b1cd079b2b701d4d5417fdc9a5";

    #[test]
    fn canonical_form_is_fixed_sorted_and_compact() {
        // Version 1, as earlier releases hashed it (version 2 adds keys:
        // see fixtures).
        let mut p = PayloadV1::build(
            &note(),
            &Template::soap(),
            &BuildContext::at("2026-11-26T10:00:00Z"),
        );
        p.canonical_version = 1;
        assert_eq!(p.canonical_content(), FIXED_CANONICAL);
        assert_eq!(p.computed_hash(), sha256_hex(FIXED_CANONICAL.as_bytes()));
        // The hash the hand-written JSON of earlier releases computed.
        assert_eq!(p.computed_hash(), FIXED_HASH);
    }

    #[test]
    fn the_hash_ignores_when_it_was_sent_but_not_what_it_says() {
        let a = PayloadV1::build(
            &note(),
            &Template::soap(),
            &BuildContext::at("2026-11-26T10:00:00Z"),
        );
        let b = PayloadV1::build(
            &note(),
            &Template::soap(),
            &BuildContext::at("2026-12-01T08:00:00Z"),
        );
        assert_eq!(a.computed_hash(), b.computed_hash());
        let mut changed = note();
        changed.section_mut("plan").text.push('.');
        let c = PayloadV1::build(
            &changed,
            &Template::soap(),
            &BuildContext::at("2026-11-26T10:00:00Z"),
        );
        assert_ne!(a.computed_hash(), c.computed_hash());
    }

    /// The text of the README's escape vector: each escape, U+007F to U+009F
    /// (not escaped), an astral character and a combining sequence.
    pub const ESCAPES_TEXT: &str =
        "q\" b\\ s/ \u{8}\u{c}\n\r\t \u{0}\u{1}\u{1f} \u{7f}\u{80}\u{9f} \u{1f44b} e\u{301} \u{e9}";

    /// The README's test vectors, kept in step with the code.
    #[test]
    fn the_readme_vectors_hold() {
        let mut n = note();
        n.author = Default::default();
        n.client.id = String::new();
        n.client.name = "Jo".into();
        n.service.start.clear();
        n.service.end.clear();
        for k in ["subjective", "objective", "assessment", "plan"] {
            n.section_mut(k).text.clear();
            n.section_mut(k).quotes.clear();
        }
        n.section_mut("subjective").text = ESCAPES_TEXT.into();
        let p = PayloadV1::build(
            &n,
            &Template::soap(),
            &BuildContext::at("2026-11-26T10:00:00Z"),
        );
        let text = &p.canonical_content();
        let escaped = serde_json::to_string(ESCAPES_TEXT).unwrap();
        // Each escape in the form the README gives.
        for (ch, form) in [
            ('"', "\\\""),
            ('\\', "\\\\"),
            ('\u{8}', "\\b"),
            ('\u{c}', "\\f"),
            ('\n', "\\n"),
            ('\r', "\\r"),
            ('\t', "\\t"),
            ('\u{0}', "\\u0000"),
            ('\u{1}', "\\u0001"),
            ('\u{1f}', "\\u001f"),
        ] {
            assert!(escaped.contains(form), "{ch:?} as {form} in {escaped}");
        }
        for raw in [
            '/',
            '\u{7f}',
            '\u{80}',
            '\u{9f}',
            '\u{1f44b}',
            '\u{301}',
            '\u{e9}',
        ] {
            assert!(escaped.contains(raw), "{raw:?} as itself");
        }
        assert!(text.contains(&escaped));
        assert!(text.contains(r#""documentType":"11506-3""#));
        let readme = include_str!("../../README.md");
        let hash = p.computed_hash();

        let readme_form = escaped
            .replace('\u{7f}', "<U+007F>")
            .replace('\u{80}', "<U+0080>")
            .replace('\u{9f}', "<U+009F>");
        assert!(
            readme.contains(&readme_form),
            "the README gives {readme_form}"
        );
        assert!(readme.contains(&hash), "the README gives {hash}");
    }

    #[test]
    fn a_quotes_in_text_mark_is_not_part_of_the_hash() {
        let mut n = note();
        let template = Template::soap();
        let ctx = BuildContext::at("2026-11-26T10:00:00Z");
        let plain = PayloadV1::build(&n, &template, &ctx).computed_hash();
        n.section_mut("plan").quotes[0].in_text = true;
        let marked = PayloadV1::build(&n, &template, &ctx);
        assert!(serde_json::to_string(&marked)
            .unwrap()
            .contains(r#""inText":true"#));
        assert_eq!(marked.computed_hash(), plain);
    }
}
