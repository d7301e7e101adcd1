//! A note the worker submitted, and where it is as they see it.

/// The note just submitted, shown until the worker starts another.
#[derive(Clone, Debug, PartialEq)]
pub struct Sent {
    pub id: String,
    pub format_name: String,
    pub client: String,
    pub state: SentState,
}

/// Where a submitted note is, as the worker sees it.
#[derive(Clone, Debug, PartialEq)]
pub enum SentState {
    Sending,
    Delivered,
    /// Saved in the outbox; casenote keeps trying.
    Waiting {
        message: String,
        next_attempt_at: Option<f64>,
    },
    Offline,
    AuthRequired {
        message: String,
    },
}
