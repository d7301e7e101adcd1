//! The element's attributes, listed once: `config_from` reads them by this
//! list's names, and `element.js` observes exactly these (it is given the
//! list when the element is defined).

/// An attribute of `<casenote-editor>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attribute {
    Endpoint,
    Format,
    ClientId,
    ClientName,
    AuthorId,
    AuthorName,
    DraftScope,
    DraftRetentionDays,
    Formats,
    NoteType,
    LateEntryHours,
    Abbreviations,
    Attestation,
    AddendumTo,
    AddendumToHash,
    PayloadFormat,
    FhirSubject,
    FhirAuthor,
    SignerEntry,
    AddendumToDate,
    AddendumToAuthor,
    ContactModes,
    Lang,
    Signing,
    AddendumKind,
    SentRetentionDays,
    Review,
}

impl Attribute {
    /// Every attribute the element observes: a change to any of them
    /// mounts the editor again with the new value.
    pub const ALL: [Attribute; 27] = [
        Attribute::Endpoint,
        Attribute::Format,
        Attribute::ClientId,
        Attribute::ClientName,
        Attribute::AuthorId,
        Attribute::AuthorName,
        Attribute::DraftScope,
        Attribute::DraftRetentionDays,
        Attribute::Formats,
        Attribute::NoteType,
        Attribute::LateEntryHours,
        Attribute::Abbreviations,
        Attribute::Attestation,
        Attribute::AddendumTo,
        Attribute::AddendumToHash,
        Attribute::PayloadFormat,
        Attribute::FhirSubject,
        Attribute::FhirAuthor,
        Attribute::SignerEntry,
        Attribute::AddendumToDate,
        Attribute::AddendumToAuthor,
        Attribute::ContactModes,
        Attribute::Lang,
        Attribute::Signing,
        Attribute::AddendumKind,
        Attribute::SentRetentionDays,
        Attribute::Review,
    ];

    /// The attribute's name in HTML.
    pub fn name(self) -> &'static str {
        match self {
            Attribute::Endpoint => "endpoint",
            Attribute::Format => "format",
            Attribute::ClientId => "client-id",
            Attribute::ClientName => "client-name",
            Attribute::AuthorId => "author-id",
            Attribute::AuthorName => "author-name",
            Attribute::DraftScope => "draft-scope",
            Attribute::DraftRetentionDays => "draft-retention-days",
            Attribute::Formats => "formats",
            Attribute::NoteType => "note-type",
            Attribute::LateEntryHours => "late-entry-hours",
            Attribute::Abbreviations => "abbreviations",
            Attribute::Attestation => "attestation",
            Attribute::AddendumTo => "addendum-to",
            Attribute::AddendumToHash => "addendum-to-hash",
            Attribute::PayloadFormat => "payload-format",
            Attribute::FhirSubject => "fhir-subject",
            Attribute::FhirAuthor => "fhir-author",
            Attribute::SignerEntry => "signer-entry",
            Attribute::AddendumToDate => "addendum-to-date",
            Attribute::AddendumToAuthor => "addendum-to-author",
            Attribute::ContactModes => "contact-modes",
            Attribute::Lang => "lang",
            Attribute::Signing => "signing",
            Attribute::AddendumKind => "addendum-kind",
            Attribute::SentRetentionDays => "sent-retention-days",
            Attribute::Review => "review",
        }
    }
}
