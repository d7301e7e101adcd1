//! A resource's narrative (`text`): what a person reads, as limited XHTML.

use serde_json::{json, Value};

/// `text` with status `generated`: `said` as preformatted text in an XHTML
/// `div`, escaped, and with every character XML 1.0 refuses (controls
/// other than tab and line breaks) shown as U+FFFD.
pub fn of_text(said: &str) -> Value {
    let mut div = String::from(r#"<div xmlns="http://www.w3.org/1999/xhtml"><pre>"#);
    for c in said.chars() {
        match c {
            '&' => div.push_str("&amp;"),
            '<' => div.push_str("&lt;"),
            '>' => div.push_str("&gt;"),
            '\t' | '\n' | '\r' => div.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => div.push('\u{FFFD}'),
            c => div.push(c),
        }
    }
    div.push_str("</pre></div>");
    json!({ "status": "generated", "div": div })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_narrative_is_escaped_xhtml() {
        let t = of_text("a < b & \"c\"\n\u{1}d");
        assert_eq!(t["status"], "generated");
        assert_eq!(
            t["div"],
            "<div xmlns=\"http://www.w3.org/1999/xhtml\"><pre>a &lt; b &amp; \"c\"\n\u{FFFD}d</pre></div>"
        );
    }
}
