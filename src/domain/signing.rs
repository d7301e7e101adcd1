//! Whether a note may be sent unsigned: the host's signing policy
//! (`signing`), and what the worker's send does under it.

/// The host's signing policy (`signing` attribute).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SigningPolicy {
    /// Every note is signed before it is sent: there is no unsigned path
    /// (`signing="required"`, the standalone site).
    Required,
    /// A note may be sent unsigned, as a secondary action the worker
    /// confirms once; it can be signed later by an addendum.
    #[default]
    Optional,
}

impl SigningPolicy {
    /// The policy an attribute's value names: absent or empty is optional;
    /// `required` and `optional` (any case) are themselves. Any other value
    /// is required, so that a typo never opens the unsigned path, and it
    /// comes back to be named to the host.
    pub fn from_attribute(value: Option<&str>) -> (Self, Option<String>) {
        match value.map(str::trim) {
            None | Some("") => (SigningPolicy::Optional, None),
            Some(v) if v.eq_ignore_ascii_case("optional") => (SigningPolicy::Optional, None),
            Some(v) if v.eq_ignore_ascii_case("required") => (SigningPolicy::Required, None),
            Some(v) => (SigningPolicy::Required, Some(v.to_string())),
        }
    }

    /// What a send of a note that passes its checks does, given whether it
    /// is signed and whether the worker has just confirmed sending it
    /// unsigned.
    pub fn on_send(self, signed: bool, confirmed_unsigned: bool) -> SendStep {
        match (signed, self, confirmed_unsigned) {
            (true, _, _) => SendStep::Send,
            (false, SigningPolicy::Required, _) => SendStep::Sign,
            (false, SigningPolicy::Optional, true) => SendStep::Send,
            (false, SigningPolicy::Optional, false) => SendStep::AskUnsigned,
        }
    }
}

/// The step a send leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SendStep {
    /// Send the note as it is.
    Send,
    /// Open review and sign: no unsigned note leaves this editor.
    Sign,
    /// Ask once whether to send it unsigned, saying what that means.
    AskUnsigned,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_attribute_names_the_policy_and_a_typo_never_opens_the_unsigned_path() {
        use SigningPolicy::{Optional, Required};
        assert_eq!(
            SigningPolicy::from_attribute(Some(" Required ")),
            (Required, None)
        );
        assert_eq!(
            SigningPolicy::from_attribute(Some("OPTIONAL")),
            (Optional, None)
        );
        assert_eq!(SigningPolicy::from_attribute(Some("")), (Optional, None));
        assert_eq!(SigningPolicy::from_attribute(None), (Optional, None));
        assert_eq!(
            SigningPolicy::from_attribute(Some("require")),
            (Required, Some("require".to_string()))
        );
        assert_eq!(
            SigningPolicy::from_attribute(Some("true")),
            (Required, Some("true".to_string()))
        );
    }

    #[test]
    fn where_signing_is_required_nothing_unsigned_is_sent() {
        for confirmed in [false, true] {
            assert_eq!(
                SigningPolicy::Required.on_send(false, confirmed),
                SendStep::Sign
            );
            assert_eq!(
                SigningPolicy::Required.on_send(true, confirmed),
                SendStep::Send
            );
        }
    }

    #[test]
    fn where_it_is_optional_unsigned_is_sent_only_once_confirmed() {
        let p = SigningPolicy::Optional;
        assert_eq!(p.on_send(false, false), SendStep::AskUnsigned);
        assert_eq!(p.on_send(false, true), SendStep::Send);
        assert_eq!(p.on_send(true, false), SendStep::Send);
    }
}
