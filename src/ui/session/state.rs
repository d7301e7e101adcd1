//! What the session is doing, said as states rather than loose booleans:
//! whether the note is being sent, whether its draft is still this tab's,
//! whether the outbox waits for a sign-in, and which panels are open.

use leptos::prelude::*;

/// Whether the note on screen is being signed and sent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sending {
    #[default]
    Idle,
    /// Sealed and on its way to the outbox: the form is locked.
    InFlight,
}

/// Whether this tab's draft is still there to save to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ThisDraft {
    #[default]
    Kept,
    /// Submitted or discarded in another tab: the conflict box offers
    /// its own choices.
    GoneElsewhere,
}

/// Whether the outbox is sending, or waits for the host's new sign-in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OutboxFlow {
    #[default]
    Sending,
    /// A 401 or 403: nothing is sent until the host gives new credentials.
    AwaitingSignIn,
}

/// A panel or disclosure of the editor the worker opens and closes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Drafts,
    Outbox,
    /// The signing step: who signs, and the attestation.
    Signing,
    /// The note as plain text.
    Preview,
}

/// The panels open now; any may be open with any other.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OpenPanels(u8);

impl OpenPanels {
    fn bit(panel: Panel) -> u8 {
        1 << panel as u8
    }

    pub fn contains(self, panel: Panel) -> bool {
        self.0 & Self::bit(panel) != 0
    }

    /// These panels, with `panel` open or closed.
    pub fn with(self, panel: Panel, open: bool) -> Self {
        if open {
            OpenPanels(self.0 | Self::bit(panel))
        } else {
            OpenPanels(self.0 & !Self::bit(panel))
        }
    }
}

/// The open panels, read and changed one panel at a time.
#[derive(Clone, Copy)]
pub struct Panels(RwSignal<OpenPanels>);

impl Panels {
    pub fn new() -> Self {
        Panels(RwSignal::new(OpenPanels::default()))
    }

    /// Whether `panel` is open, as a memo: opening another panel does not
    /// rebuild this one's view.
    pub fn open(self, panel: Panel) -> Memo<bool> {
        let all = self.0;
        Memo::new(move |_| all.get().contains(panel))
    }

    pub fn is_open_untracked(self, panel: Panel) -> bool {
        self.0.get_untracked().contains(panel)
    }

    pub fn set(self, panel: Panel, open: bool) {
        if self.is_open_untracked(panel) != open {
            self.0.update(|p| *p = p.with(panel, open));
        }
    }

    /// Opens `panel` if closed, closes it if open; says whether it is open.
    pub fn toggle(self, panel: Panel) -> bool {
        let open = !self.is_open_untracked(panel);
        self.set(panel, open);
        open
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panels_open_and_close_each_on_its_own() {
        let p = OpenPanels::default().with(Panel::Drafts, true);
        let p = p.with(Panel::Preview, true);
        assert!(p.contains(Panel::Drafts) && p.contains(Panel::Preview));
        assert!(!p.contains(Panel::Outbox) && !p.contains(Panel::Signing));
        let p = p.with(Panel::Drafts, false);
        assert!(!p.contains(Panel::Drafts) && p.contains(Panel::Preview));
    }
}
