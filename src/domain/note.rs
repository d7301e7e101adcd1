//! The note as the worker writes it: the draft's content.

use super::json::{enum_from, DecodeError, Fields, FromJson, Json, ObjectWriter, ToJson};

use super::template::Template;

/// Who said a quoted passage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Speaker {
    #[default]
    Client,
    FamilyMember,
    CollateralContact,
    Other,
}

impl Speaker {
    pub const ALL: [Speaker; 4] = [
        Speaker::Client,
        Speaker::FamilyMember,
        Speaker::CollateralContact,
        Speaker::Other,
    ];

    /// The stored and sent form.
    pub fn value(self) -> &'static str {
        match self {
            Speaker::Client => "client",
            Speaker::FamilyMember => "familyMember",
            Speaker::CollateralContact => "collateralContact",
            Speaker::Other => "other",
        }
    }

    pub fn from_value(v: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.value() == v)
    }

    pub fn label(self) -> &'static str {
        match self {
            Speaker::Client => "Client",
            Speaker::FamilyMember => "Family member",
            Speaker::CollateralContact => "Collateral contact",
            Speaker::Other => "Other",
        }
    }
}

/// How a goal moved in this contact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    Improved,
    Unchanged,
    Declined,
    NotAssessed,
}

impl Progress {
    pub const ALL: [Progress; 4] = [
        Progress::Improved,
        Progress::Unchanged,
        Progress::Declined,
        Progress::NotAssessed,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Progress::Improved => "Improved",
            Progress::Unchanged => "Unchanged",
            Progress::Declined => "Declined",
            Progress::NotAssessed => "Not assessed",
        }
    }

    pub fn value(self) -> &'static str {
        match self {
            Progress::Improved => "improved",
            Progress::Unchanged => "unchanged",
            Progress::Declined => "declined",
            Progress::NotAssessed => "notAssessed",
        }
    }

    pub fn from_value(v: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.value() == v)
    }
}

/// A client goal (from the host) that this contact addressed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalProgress {
    pub id: String,
    pub text: String,
    pub progress: Progress,
}

/// Something the worker did, why, and how the client received it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Intervention {
    pub description: String,
    pub rationale: String,
    pub client_response: String,
    /// Departs from standard procedure: `rationale` is then required.
    pub deviates: bool,
}

/// A verbatim quote: someone's own words, kept exactly as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Quote {
    pub text: String,
    pub speaker: Speaker,
    /// Optional: when or why it was said ("asked about housing").
    pub context: Option<String>,
}

/// The content of one section: free text plus quotes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SectionEntry {
    pub key: String,
    pub text: String,
    pub quotes: Vec<Quote>,
}

impl SectionEntry {
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.quotes.is_empty()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Client {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Person {
    pub id: String,
    pub name: String,
}

/// When the service took place, as the worker entered it: `YYYY-MM-DD` and
/// `HH:MM` (24 h), in the worker's local time. Empty strings mean not given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ServiceTime {
    pub date: String,
    pub start: String,
    pub end: String,
}

/// A note being written. Holds the text of every section the worker has
/// touched, including sections of a format they switched away from, so that
/// switching formats never loses text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Note {
    /// UUID minted when the draft starts; the `Idempotency-Key` on delivery.
    pub id: String,
    /// Template id (`soap`, `dap`).
    pub format: String,
    pub client: Client,
    pub author: Person,
    pub service: ServiceTime,
    pub sections: Vec<SectionEntry>,
    /// RFC 3339 time the draft was started.
    pub created_at: String,
    /// Host goals this contact addressed, with their progress.
    pub goals: Vec<GoalProgress>,
    /// Challenges and barriers the client faces.
    pub challenges: String,
    pub interventions: Vec<Intervention>,
    /// Why the note is written late (required for a late entry).
    pub late_entry_reason: String,
    /// Set when the worker signs: the note is then read-only.
    pub signature: Option<super::record::Signature>,
    /// Set when this note is an addendum to another.
    pub addendum: Option<super::record::AddendumLink>,
}

impl Note {
    pub fn new(id: String, format: &str, created_at: String) -> Self {
        Note {
            id,
            format: format.to_string(),
            created_at,
            ..Note::default()
        }
    }

    pub fn section(&self, key: &str) -> Option<&SectionEntry> {
        self.sections.iter().find(|s| s.key == key)
    }

    /// The entry for `key`, created empty if missing.
    pub fn section_mut(&mut self, key: &str) -> &mut SectionEntry {
        match self.sections.iter().position(|s| s.key == key) {
            Some(i) => &mut self.sections[i],
            None => {
                self.sections.push(SectionEntry {
                    key: key.to_string(),
                    ..SectionEntry::default()
                });
                self.sections.last_mut().expect("just pushed")
            }
        }
    }

    /// Sections that hold content but are not part of `template`
    /// (left over from another format).
    pub fn stray_sections<'a>(
        &'a self,
        template: &'a Template,
    ) -> impl Iterator<Item = &'a SectionEntry> {
        self.sections
            .iter()
            .filter(move |s| template.section(&s.key).is_none() && !s.is_empty())
    }

    /// Words in all sections of `template`, for lists and counts.
    pub fn word_count(&self, template: &Template) -> usize {
        template
            .sections
            .iter()
            .filter_map(|spec| self.section(&spec.key))
            .map(|s| {
                s.text.split_whitespace().count()
                    + s.quotes
                        .iter()
                        .map(|q| q.text.split_whitespace().count())
                        .sum::<usize>()
            })
            .sum()
    }
}

// The JSON form of a note, as stored in drafts and the outbox. Field names
// are camelCase; optional members are left out when empty.

impl ToJson for Speaker {
    fn to_json(&self) -> Json {
        self.value().to_json()
    }
}

impl FromJson for Speaker {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        enum_from(v, &Speaker::ALL, Speaker::value)
    }
}

impl ToJson for Progress {
    fn to_json(&self) -> Json {
        self.value().to_json()
    }
}

impl FromJson for Progress {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        enum_from(v, &Progress::ALL, Progress::value)
    }
}

impl ToJson for GoalProgress {
    fn to_json(&self) -> Json {
        ObjectWriter::new()
            .put("id", &self.id)
            .put("text", &self.text)
            .put("progress", self.progress)
            .done()
    }
}

impl FromJson for GoalProgress {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let f = Fields::of(v)?;
        Ok(GoalProgress {
            id: f.req("id")?,
            text: f.req("text")?,
            progress: f.req("progress")?,
        })
    }
}

impl ToJson for Intervention {
    fn to_json(&self) -> Json {
        ObjectWriter::new()
            .put("description", &self.description)
            .put("rationale", &self.rationale)
            .put("clientResponse", &self.client_response)
            .put("deviates", self.deviates)
            .done()
    }
}

impl FromJson for Intervention {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let f = Fields::of(v)?;
        Ok(Intervention {
            description: f.req("description")?,
            rationale: f.or_default("rationale")?,
            client_response: f.or_default("clientResponse")?,
            deviates: f.or_default("deviates")?,
        })
    }
}

impl ToJson for Quote {
    fn to_json(&self) -> Json {
        ObjectWriter::new()
            .put("text", &self.text)
            .put("speaker", self.speaker)
            .put_some("context", &self.context)
            .done()
    }
}

impl FromJson for Quote {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let f = Fields::of(v)?;
        Ok(Quote {
            text: f.req("text")?,
            speaker: f.or_default("speaker")?,
            context: f.or_default("context")?,
        })
    }
}

impl ToJson for SectionEntry {
    fn to_json(&self) -> Json {
        ObjectWriter::new()
            .put("key", &self.key)
            .put("text", &self.text)
            .put("quotes", &self.quotes)
            .done()
    }
}

impl FromJson for SectionEntry {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let f = Fields::of(v)?;
        Ok(SectionEntry {
            key: f.req("key")?,
            text: f.or_default("text")?,
            quotes: f.or_default("quotes")?,
        })
    }
}

/// `{"id", "name"}`, both optional: the form of a client and of a person.
fn id_name(id: &str, name: &str) -> Json {
    ObjectWriter::new().put("id", id).put("name", name).done()
}

fn read_id_name(v: &Json) -> Result<(String, String), DecodeError> {
    let f = Fields::of(v)?;
    Ok((f.or_default("id")?, f.or_default("name")?))
}

impl ToJson for Client {
    fn to_json(&self) -> Json {
        id_name(&self.id, &self.name)
    }
}

impl FromJson for Client {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let (id, name) = read_id_name(v)?;
        Ok(Client { id, name })
    }
}

impl ToJson for Person {
    fn to_json(&self) -> Json {
        id_name(&self.id, &self.name)
    }
}

impl FromJson for Person {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let (id, name) = read_id_name(v)?;
        Ok(Person { id, name })
    }
}

impl ToJson for ServiceTime {
    fn to_json(&self) -> Json {
        ObjectWriter::new()
            .put("date", &self.date)
            .put("start", &self.start)
            .put("end", &self.end)
            .done()
    }
}

impl FromJson for ServiceTime {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let f = Fields::of(v)?;
        Ok(ServiceTime {
            date: f.or_default("date")?,
            start: f.or_default("start")?,
            end: f.or_default("end")?,
        })
    }
}

impl ToJson for Note {
    fn to_json(&self) -> Json {
        ObjectWriter::new()
            .put("id", &self.id)
            .put("format", &self.format)
            .put("client", &self.client)
            .put("author", &self.author)
            .put("service", &self.service)
            .put("sections", &self.sections)
            .put("createdAt", &self.created_at)
            .put("goals", &self.goals)
            .put("challenges", &self.challenges)
            .put("interventions", &self.interventions)
            .put("lateEntryReason", &self.late_entry_reason)
            .put_some("signature", &self.signature)
            .put_some("addendum", &self.addendum)
            .done()
    }
}

impl FromJson for Note {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let f = Fields::of(v)?;
        Ok(Note {
            id: f.req("id")?,
            format: f.req("format")?,
            client: f.or_default("client")?,
            author: f.or_default("author")?,
            service: f.or_default("service")?,
            sections: f.or_default("sections")?,
            created_at: f.or_default("createdAt")?,
            goals: f.or_default("goals")?,
            challenges: f.or_default("challenges")?,
            interventions: f.or_default("interventions")?,
            late_entry_reason: f.or_default("lateEntryReason")?,
            signature: f.or_default("signature")?,
            addendum: f.or_default("addendum")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_mut_creates_once_and_keeps_order() {
        let mut n = Note::new("id".into(), "soap", String::new());
        n.section_mut("plan").text = "a".into();
        n.section_mut("subjective").text = "b".into();
        n.section_mut("plan").text.push('c');
        assert_eq!(n.sections.len(), 2);
        assert_eq!(n.section("plan").unwrap().text, "ac");
    }

    #[test]
    fn switching_format_keeps_stray_text() {
        let mut n = Note::new("id".into(), "soap", String::new());
        n.section_mut("subjective").text = "said things".into();
        n.section_mut("assessment").text = "ok".into();
        n.format = "dap".into();
        let dap = Template::dap();
        let stray: Vec<_> = n.stray_sections(&dap).map(|s| s.key.as_str()).collect();
        assert_eq!(stray, ["subjective"]);
        assert_eq!(n.section("subjective").unwrap().text, "said things");
    }

    #[test]
    fn word_count_counts_text_and_quotes_of_the_template_only() {
        let mut n = Note::new("id".into(), "dap", String::new());
        n.section_mut("data").text = "one two  three\nfour".into();
        n.section_mut("data").quotes.push(Quote {
            text: "I am fine".into(),
            ..Quote::default()
        });
        n.section_mut("subjective").text = "not counted".into();
        assert_eq!(n.word_count(&Template::dap()), 7);
    }

    #[test]
    fn json_round_trip_and_defaults() {
        use crate::domain::json;
        let n: Note = json::read(r#"{"id":"x","format":"soap"}"#).unwrap();
        assert_eq!(n.format, "soap");
        assert!(n.sections.is_empty());
        let q: Quote = json::read(r#"{"text":"hi"}"#).unwrap();
        assert_eq!(q.speaker, Speaker::Client);
        let text = json::write(&Quote {
            text: "t".into(),
            speaker: Speaker::FamilyMember,
            context: None,
        });
        assert_eq!(text, r#"{"text":"t","speaker":"familyMember"}"#);
        let e = json::read::<Quote>(r#"{"text":"hi","speaker":"nurse"}"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "speaker must be one of: client, familyMember, collateralContact, other"
        );
        for s in Speaker::ALL {
            assert_eq!(Speaker::from_value(s.value()), Some(s));
        }
    }
}
