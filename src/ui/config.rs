//! What the host configures for an editor, read from the element's
//! attributes and properties by `embed`, grouped by what belongs together.

use crate::domain::contact::ContactMode;
use crate::domain::previous::PreviousNote;
use crate::domain::setup::{offered_templates, NoteSetup};
use crate::domain::signing::SigningPolicy;
use crate::domain::timeliness::DEFAULT_LATE_ENTRY_HOURS;
use crate::domain::{DocumentType, FieldProblem, Template};
use crate::text::body::PayloadFormat;
use crate::text::labels::{default_attestation, signature_statement};
use crate::text::Lang;
use casenote_text::localized::Localized;
use casenote_text::tr;

/// One of the client's goals, as the host gives them (`goals` property).
#[derive(Clone, Debug, PartialEq)]
pub struct HostGoal {
    pub id: String,
    pub text: String,
}

/// The host's AES-GCM key (`encryptionKey` property); never stored.
#[derive(Clone, Debug, Default)]
pub enum KeyState {
    /// No key: drafts are stored in clear.
    #[default]
    None,
    Usable(web_sys::CryptoKey),
    /// The host gave something that is not a usable key: nothing is saved
    /// rather than saving in clear. Holds what to tell the worker.
    Unusable(String),
}

impl KeyState {
    pub fn key(&self) -> Option<web_sys::CryptoKey> {
        match self {
            KeyState::Usable(k) => Some(k.clone()),
            KeyState::None | KeyState::Unusable(_) => None,
        }
    }

    pub fn is_usable(&self) -> bool {
        !matches!(self, KeyState::Unusable(_))
    }

    pub fn problem(&self) -> Option<String> {
        match self {
            KeyState::Unusable(message) => Some(message.clone()),
            KeyState::None | KeyState::Usable(_) => None,
        }
    }
}

/// The host's own template (`template` property).
#[derive(Clone, Debug, Default, PartialEq)]
pub enum HostTemplate {
    #[default]
    None,
    Valid(Template),
    /// Refused, field by field: the built-ins are offered instead.
    Refused(Vec<FieldProblem>),
}

impl HostTemplate {
    pub fn valid(&self) -> Option<&Template> {
        match self {
            HostTemplate::Valid(t) => Some(t),
            HostTemplate::None | HostTemplate::Refused(_) => None,
        }
    }

    /// What the worker is told when the host's template was refused.
    pub fn notice(&self, lang: Lang) -> Option<String> {
        let HostTemplate::Refused(errors) = self else {
            return None;
        };
        let list: Vec<String> = errors
            .iter()
            .map(|e| format!("{}: {}", e.field, e.wire_of_check()))
            .collect();
        Some(tr!(
            lang,
            "config-template-refused",
            problems = list.join("; ")
        ))
    }
}

/// Who says whose name a signature carries when the page does not.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SignerEntry {
    /// Only the host (`author-id`, `author-name`): a page that signs its
    /// workers in says who they are.
    #[default]
    Host,
    /// The worker enters their own name and id when signing, and this
    /// device remembers them (`signer-entry="worker"`, the standalone
    /// page). The host's author, when given, still wins.
    Worker,
}

/// The host's `previousNote`: the client's last note, shown beside the
/// new one.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Previous {
    #[default]
    None,
    Shown(Box<PreviousNote>),
    /// Not a valid note of this client: what the worker is told.
    Refused(String),
}

impl Previous {
    pub fn note(&self) -> Option<&PreviousNote> {
        match self {
            Previous::Shown(p) => Some(p),
            Previous::None | Previous::Refused(_) => None,
        }
    }
}

#[derive(Clone, Debug)]
pub struct EditorConfig {
    pub endpoint: String,
    /// The format asked for, the client, the signed-in author and, in
    /// addendum mode, the original note.
    pub note: NoteSetup,
    /// The host's `returned` value as JSON text, read (off the first
    /// screen's code) when the editor opens: revision mode.
    pub returned_text: Option<String>,
    pub draft_scope: String,
    /// Days a draft is kept after its last edit (`draft-retention-days`).
    pub retention_days: f64,
    /// Days a sent note stays listed on this device
    /// (`sent-retention-days`; 0 keeps no list).
    pub sent_retention_days: f64,
    pub key: KeyState,
    pub goals: Vec<HostGoal>,
    pub template: HostTemplate,
    /// Formats offered (`formats` attribute); empty: all.
    pub formats: Vec<String>,
    pub document_type: DocumentType,
    /// Hours after the service past which a note is a late entry.
    pub late_entry_hours: f64,
    /// Abbreviations the host approves (`abbreviations` attribute).
    pub abbreviations: Vec<String>,
    /// The statement a worker agrees to when signing (`attestation`).
    pub attestation: String,
    pub signer: SignerEntry,
    /// Whether a note may be sent unsigned (`signing`).
    pub signing: SigningPolicy,
    /// A `signing` value that names no policy (taken as required), to tell
    /// the host.
    pub unknown_signing: Option<String>,
    /// casenote JSON, or FHIR with its references (`payload-format`,
    /// `fhir-subject`, `fhir-author`).
    pub payload: PayloadFormat,
    /// The contact modes offered (`contact-modes`), in the host's order.
    pub contact_modes: Vec<ContactMode>,
    /// Values of `contact-modes` that name no mode, to tell the host.
    pub unknown_modes: Vec<String>,
    /// Places the host suggests for the location (`locations` property).
    pub locations: Vec<String>,
    pub previous: Previous,
    /// The interface's language: the element's own `lang`, else its
    /// nearest ancestor's, else English.
    pub lang: Lang,
}

pub const DEFAULT_RETENTION_DAYS: f64 = 14.0;

impl EditorConfig {
    /// What the worker is told about this page's settings, if anything is
    /// wrong with them: an unusable key, a refused template or previous
    /// note, unknown contact modes.
    pub fn notice(&self, lang: Lang) -> Option<String> {
        let mut said: Vec<String> = Vec::new();
        said.extend(self.key.problem());
        said.extend(self.template.notice(lang));
        if let Previous::Refused(why) = &self.previous {
            said.push(why.clone());
        }

        if let Some(value) = &self.unknown_signing {
            said.push(tr!(lang, "config-unknown-signing", value = value.as_str()));
        }
        if !self.unknown_modes.is_empty() {
            said.push(tr!(
                lang,
                "config-unknown-modes",
                unknown = self.unknown_modes.join(", "),
                known = ContactMode::ALL.map(|m| m.value()).join(", ")
            ));
        }
        (!said.is_empty()).then(|| said.join(" "))
    }

    /// The signing policy in force: a signature addendum is always signed,
    /// whatever the page says.
    pub fn signing(&self) -> SigningPolicy {
        if self
            .note
            .addendum
            .as_ref()
            .is_some_and(|a| a.is_signature())
        {
            SigningPolicy::Required
        } else {
            self.signing
        }
    }

    /// The templates this editor offers, the built-ins' labels and prompts
    /// in the interface's language.
    pub fn templates(&self) -> Vec<Template> {
        offered_templates(
            self.template.valid(),
            &self.formats,
            self.note.addendum.is_some(),
        )
        .into_iter()
        .map(|t| t.localized(self.lang))
        .collect()
    }
}

impl Default for EditorConfig {
    fn default() -> Self {
        EditorConfig {
            endpoint: String::new(),
            note: NoteSetup {
                format: "soap".into(),
                signature_statement: signature_statement(Lang::En),
                ..NoteSetup::default()
            },
            returned_text: None,
            draft_scope: "default".into(),
            retention_days: DEFAULT_RETENTION_DAYS,
            sent_retention_days: crate::domain::sent::DEFAULT_SENT_RETENTION_DAYS,
            key: KeyState::None,
            goals: Vec::new(),
            template: HostTemplate::None,
            formats: Vec::new(),
            document_type: DocumentType::ProgressNote,
            late_entry_hours: DEFAULT_LATE_ENTRY_HOURS,
            abbreviations: Vec::new(),
            attestation: default_attestation(Lang::En),
            signer: SignerEntry::Host,
            signing: SigningPolicy::Optional,
            unknown_signing: None,
            payload: PayloadFormat::Json,
            contact_modes: ContactMode::ALL.to_vec(),
            unknown_modes: Vec::new(),
            locations: Vec::new(),
            previous: Previous::None,
            lang: Lang::En,
        }
    }
}
