//! What can go wrong when storing on the device, by kind, so that callers
//! choose what to tell the worker without reading message text.

use std::fmt;

/// A storage request that did not do what was asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The device's storage is full (the browser's `QuotaExceededError`).
    Full,
    /// This kind of storage is not available to the page at all.
    Unavailable(&'static str),
    /// IndexedDB, localStorage or WebCrypto refused or failed a request:
    /// the browser's error name and message (never note text).
    Failed { what: &'static str, reason: String },
    /// A record could not be written as JSON.
    Encode(String),
}

impl StorageError {
    /// From a browser error by its name (a DOMException's, or an Error's),
    /// the one standard identifier there is.
    pub fn from_browser(what: &'static str, name: &str, message: &str) -> Self {
        if name == "QuotaExceededError" {
            StorageError::Full
        } else {
            StorageError::Failed {
                what,
                reason: format!("{name}: {message}"),
            }
        }
    }
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Full => f.write_str("the device's storage is full"),
            StorageError::Unavailable(what) => write!(f, "{what} is not available"),
            StorageError::Failed { what, reason } => write!(f, "{what}: {reason}"),
            StorageError::Encode(e) => write!(f, "cannot encode a record: {e}"),
        }
    }
}

impl std::error::Error for StorageError {}
