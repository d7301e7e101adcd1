//! The `/inbox` page: every received note, all content escaped.

use std::fmt::Write;

use crate::db::StoredNote;

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn str_at<'a>(v: &'a serde_json::Value, path: &[&str]) -> &'a str {
    let mut cur = v;
    for p in path {
        cur = &cur[*p];
    }
    cur.as_str().unwrap_or("")
}

pub fn render(notes: &[StoredNote]) -> String {
    let mut h = String::from(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Inbox: casenote reference receiver</title>\
         <link rel=\"stylesheet\" href=\"inbox.css\">\
         <link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\"></head><body><main>\
         <h1>Inbox</h1>",
    );
    let _ = write!(
        h,
        "<p>{} note{} received. <a href=\"./\">Write a note</a></p>",
        notes.len(),
        if notes.len() == 1 { "" } else { "s" }
    );
    for n in notes.iter().rev() {
        let v = &n.note;
        let _ = write!(
            h,
            "<article class=\"note\" id=\"note-{id}\" data-note-id=\"{id}\"><h2>{format} note: {client}</h2>\
             <dl><dt>Date of service</dt><dd>{date} {start}{dash}{end}</dd>\
             <dt>Received</dt><dd>{received}</dd><dt>Note id</dt><dd><code>{id}</code></dd></dl>",
            id = escape(&n.id),
            format = escape(str_at(v, &["formatName"])),
            client = escape(str_at(v, &["client", "name"])),
            date = escape(str_at(v, &["service", "date"])),
            start = escape(str_at(v, &["service", "start"])),
            dash = if str_at(v, &["service", "end"]).is_empty() {
                ""
            } else {
                "–"
            },
            end = escape(str_at(v, &["service", "end"])),
            received = escape(&n.received_at),
        );
        if v["addendum"].is_object() {
            let a = &v["addendum"];
            let _ = write!(
                h,
                "<p class=\"addendum\">Addendum ({kind}) to note <a href=\"#note-{to}\"><code>{to}</code></a>. Reason: {reason}</p>",
                kind = escape(str_at(a, &["kind"])),
                to = escape(str_at(a, &["to"])),
                reason = escape(str_at(a, &["reason"])),
            );
        }
        if v["timeliness"]["lateEntry"] == serde_json::Value::Bool(true) {
            let _ = write!(
                h,
                "<p class=\"late\">Late entry. Reason: {}</p>",
                escape(str_at(v, &["timeliness", "lateEntryReason"]))
            );
        }
        for s in v["sections"].as_array().into_iter().flatten() {
            let _ = write!(
                h,
                "<section><h3>{}</h3><p class=\"text\">{}</p>",
                escape(str_at(s, &["label"])),
                escape(str_at(s, &["text"]))
            );
            for q in s["quotes"].as_array().into_iter().flatten() {
                let context = str_at(q, &["context"]);
                let _ = write!(
                    h,
                    "<blockquote><p>“{}”</p><footer>{}{}{}</footer></blockquote>",
                    escape(str_at(q, &["text"])),
                    escape(speaker_label(str_at(q, &["speaker"]))),
                    if context.is_empty() { "" } else { ", " },
                    escape(context)
                );
            }
            h.push_str("</section>");
        }
        if v["signature"].is_object() {
            let sig = &v["signature"];
            let _ = write!(
                h,
                "<p class=\"signature\">Signed by {name} ({id}) at {at}. SHA-256 <code>{hash}</code></p>",
                name = escape(str_at(sig, &["signerName"])),
                id = escape(str_at(sig, &["signerId"])),
                at = escape(str_at(sig, &["signedAt"])),
                hash = escape(str_at(sig, &["contentHash"])),
            );
        }
        h.push_str("</article>");
    }
    h.push_str("</main></body></html>");
    h
}

fn speaker_label(s: &str) -> &str {
    match s {
        "familyMember" => "Family member",
        "collateralContact" => "Collateral contact",
        "other" => "Other",
        _ => "Client",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_everywhere() {
        let note = serde_json::json!({
            "formatName": "SOAP",
            "client": {"name": "<script>alert(1)</script>"},
            "service": {"date": "2026-11-26"},
            "sections": [{"label": "Subjective", "text": "a & b <img src=x onerror=alert(1)>",
                          "quotes": [{"text": "\"hi\"", "speaker": "client", "context": "<b>x</b>"}]}]
        });
        let html = render(&[StoredNote {
            seq: 1,
            id: "id\"><x".into(),
            idempotency_key: "k".into(),
            received_at: "t".into(),
            note,
        }]);
        assert!(!html.contains("<script>alert"));
        assert!(!html.contains("<img"));
        assert!(!html.contains("<b>x"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("a &amp; b &lt;img"));
        assert!(html.contains("“&quot;hi&quot;”"));
        assert!(html.contains("data-note-id=\"id&quot;&gt;&lt;x\""));
        // The site's icon, so browsers do not ask for a missing /favicon.ico.
        assert!(html.contains("<link rel=\"icon\" href=\"favicon.svg\""));
    }
}
