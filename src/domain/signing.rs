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
    /// The policy an attribute's value names: `required` (any case) is
    /// required, anything else optional.
    pub fn from_attribute(value: Option<&str>) -> Self {
        match value.map(str::trim) {
            Some(v) if v.eq_ignore_ascii_case("required") => SigningPolicy::Required,
            _ => SigningPolicy::Optional,
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
    fn the_attribute_names_the_policy() {
        assert_eq!(
            SigningPolicy::from_attribute(Some(" Required ")),
            SigningPolicy::Required
        );
        assert_eq!(
            SigningPolicy::from_attribute(Some("optional")),
            SigningPolicy::Optional
        );
        assert_eq!(
            SigningPolicy::from_attribute(Some("")),
            SigningPolicy::Optional
        );
        assert_eq!(SigningPolicy::from_attribute(None), SigningPolicy::Optional);
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
