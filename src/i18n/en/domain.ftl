# domain

## Validation (validate/mod.rs)
error-client-name = Enter the client's name
error-service-date = Enter the date of service
error-service-date-invalid = Date of service must be a real date, like 2026-11-26
error-service-date-future = Date of service cannot be in the future
error-start-time-invalid = Start time must be a time, like 09:30
error-end-time-invalid = End time must be a time, like 10:15
error-start-time-missing = Enter the start time, or clear the end time
error-end-time-same = End time must be after the start time
error-end-time-before-start = The end time is before the start time. If the session ran past midnight, tick “The session ran past midnight”; if not, correct the end time
error-service-not-ended = This service has not ended yet: write the note after it ends, or correct the time
error-participant-name = Enter the name of participant { $n }, or remove them
error-attempt-empty = Say what you tried and what happened (in any section): that is all an attempted contact needs
error-section-required = Enter the { $section } section
error-quote-empty = A quote in { $section } has no words: add them or remove the quote
error-intervention-description = Describe intervention { $n }, or remove it
error-intervention-rationale = Intervention { $n } departs from standard procedure: give the reason
error-late-entry-reason = This is a late entry: say why the note is written late
error-stray-section = The { $section } section holds text that is not part of a { $format } note: move it into a section, or clear it

## Follow-ups (follow_up.rs)
follow-up-owner-worker = Worker
follow-up-owner-client = Client
follow-up-owner-other = Another person
follow-up-describe-due = { $what } ({ $who }, by { $due })
follow-up-status-done = Done
follow-up-status-in-progress = In progress
follow-up-status-not-done = Not done
error-follow-up-what = Say what follow-up { $n } is, or remove it
error-follow-up-who-name = Name the person who will do follow-up { $n }
error-follow-up-due = Give the date follow-up { $n } is due
error-follow-up-due-invalid = The due date of follow-up { $n } must be a real date, like 2026-12-09
error-follow-up-reason = Say why “{ $what }” from the last note was not done

## Addenda (addendum.rs, record.rs)
error-addendum-to = This addendum cannot be linked to its original: “{ $to }” is not a note's reference. Go back to the original note and choose Write an addendum again; if it happens again, tell your administrator.
error-addendum-to-hash = This addendum cannot be linked to its original: the original's fingerprint this page gave is damaged. Go back to the original note and choose Write an addendum again; if it happens again, tell your administrator.
error-addendum-reason = Say why you are writing this addendum
addendum-kind-amendment = Amendment
addendum-kind-correction = Correction
addendum-kind-clarification = Clarification
addendum-kind-late-entry = Late entry
addendum-kind-signature = Signature
addendum-signature-statement = I wrote this note and sign it as it was sent, unchanged.

## Signing (record.rs)
attestation-default = I attest that this note is accurate and complete to the best of my knowledge, and that I wrote it.

## Participants and contact modes (contact.rs)
participant-role-client = Client
participant-role-family-member = Family member
participant-role-collateral-contact = Collateral contact
participant-role-other-professional = Other professional
participant-role-interpreter = Interpreter
participant-role-other = Other
contact-mode-in-person = In person
contact-mode-home-visit = Home visit
contact-mode-phone = Phone
contact-mode-video = Video
contact-mode-text-or-email = Text or email
contact-mode-collateral-contact = Collateral contact
contact-mode-attempted-contact = No show / no contact

## Quotes' speakers and goals' progress (note.rs)
quote-speaker-client = Client
quote-speaker-family-member = Family member
quote-speaker-collateral-contact = Collateral contact
quote-speaker-other = Other
goal-progress-improved = Improved
goal-progress-unchanged = Unchanged
goal-progress-declined = Declined
goal-progress-not-assessed = Not assessed

## The previous note, refused (previous.rs, embed/properties.rs)
previous-refused-invalid = The previous note could not be shown: it is not a valid casenote JSON v1 note ({ $problems }).
previous-refused-other-client = The previous note could not be shown: it is about another client than this note.
previous-refused-not-json = The previous note could not be shown: previousNote is text that is not JSON.
