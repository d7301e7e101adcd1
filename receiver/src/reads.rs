//! The access log: who read which note, when, how and from where. With
//! sign-in configured (`routes/reader.rs`), every read of a note through
//! the inbox, the API or the addendum page is logged before it is
//! answered; the inbox shows each note's log to auditors.

use serde::Serialize;

/// How a note was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum How {
    /// On a page of the inbox.
    Inbox,
    /// Through `GET /api/notes`.
    Api,
    /// As the original on the page that writes an addendum to it.
    AddendumPage,
}

impl How {
    pub fn as_str(self) -> &'static str {
        match self {
            How::Inbox => "inbox",
            How::Api => "api",
            How::AddendumPage => "addendum page",
        }
    }

    pub fn parse(s: &str) -> Option<How> {
        [How::Inbox, How::Api, How::AddendumPage]
            .into_iter()
            .find(|h| h.as_str() == s)
    }
}

/// One read of one note.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Read {
    /// RFC 3339, UTC.
    pub at: String,
    pub who: String,
    pub note_id: String,
    pub how: How,
    /// The reader's address, as the sign-in proxy gave it.
    pub from: String,
}
