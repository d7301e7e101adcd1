# aids

## Writing aids' suggestions (writing/suggestions/); each text reads on from
## its lead ("“claims”", "A phone number")
aids-quoted = “{ $found }”
aids-show-quoted = Show “{ $found }” in the text
aids-show = Show { $which } in the text
aids-replace = Replace with “{ $with }”
aids-replaced = Replaced “{ $found }” with “{ $with }”.
aids-flag-explained = : { $explain } Try: { $suggest }.
aids-flag-try = : try { $suggest }.
aids-shorthand = is shorthand for “{ $means }”: the next reader may not know it.
aids-abbreviations = { $n ->
    [one] is not explained. Spell it out once, like “suicidal ideation (SI)”, so the next reader is sure what it means.
   *[other] are not explained. Spell each out once, like “suicidal ideation (SI)”, so the next reader is sure what it means.
}
aids-wordy = says the same as “{ $shorter }”, in fewer words.
aids-long-sentences-lead = { $n ->
    [one] A long sentence
   *[other] { $n } long sentences
}
aids-long-sentences = ({ $words } words): a sentence of about 20 words is easier to follow. Consider splitting { $n ->
    [one] it
   *[other] them
}.
aids-long-sentence-the = the long sentence
aids-long-sentence-nth = long sentence { $n }

## Completeness prompts (writing/completeness.rs)
aids-prompt-plan-without-time = The plan names no next step with a time. Say what happens next and when: a date, a day, or “in two weeks”.
aids-prompt-no-observation = Nothing here reads as something you observed. Add what you saw, heard or measured: appearance, behaviour, a result.

## Identifiers (writing/identifiers/, writing/suggestions/)
aids-identifier = : { $why } Masking leaves a marker in its place.
aids-identifier-reason = It identifies a person on its own (45 CFR 164.514(b)(2)), and a note should carry only the minimum necessary for its purpose (45 CFR 164.502(b)): keep it in the client's record, not the note's text, unless this note needs it.
aids-identifier-same-reason = Leave it out too, for the same reason.
aids-identifier-lead-ssn = { $n ->
    [one] A Social Security number
   *[other] { $n } Social Security numbers
}
aids-identifier-lead-phone = { $n ->
    [one] A phone number
   *[other] { $n } phone numbers
}
aids-identifier-lead-email = { $n ->
    [one] An email address
   *[other] { $n } email addresses
}
aids-identifier-lead-birth-date = { $n ->
    [one] A full date of birth
   *[other] { $n } full dates of birth
}
aids-identifier-lead-street-address = { $n ->
    [one] A street address
   *[other] { $n } street addresses
}
aids-identifier-the-ssn = the Social Security number
aids-identifier-the-phone = the phone number
aids-identifier-the-email = the email address
aids-identifier-the-birth-date = the full date of birth
aids-identifier-the-street-address = the street address
aids-identifier-nth-ssn = Social Security number { $n }
aids-identifier-nth-phone = phone number { $n }
aids-identifier-nth-email = email address { $n }
aids-identifier-nth-birth-date = full date of birth { $n }
aids-identifier-nth-street-address = street address { $n }
aids-mask = Mask { $which } as “{ $mask }”
aids-masked = Masked { $which }.
# What replaces an identifier in the note's text.
aids-mask-ssn = [SSN ending { $last4 }]
aids-mask-phone = [phone number]
aids-mask-email = [email address]
aids-mask-birth-date = [date of birth]
aids-mask-street-address = [address]

## A section's aids (views/aids.rs)
aids-word-count = { $n ->
    [one] { $n } word
   *[other] { $n } words
}
aids-undo = Undo
aids-stale = That passage has changed since it was checked, so nothing was replaced. The suggestions are up to date again.
aids-list-label = Writing suggestions for { $section }

## Dismissing a suggestion with a reason (writing/dismissal.rs, views/dismiss.rs)
aids-dismiss = Dismiss
aids-dismiss-why = Why does “{ $found }” not apply?
aids-dismiss-not-about-client = Not about the client
aids-dismiss-clients-own-words = The client's own words
aids-dismiss-clinically-accurate = Clinically accurate
aids-dismiss-cancel = Keep the suggestion
aids-dismissed = “{ $found }” dismissed ({ $reason }): it is not suggested again while this sentence stands.

## The writing aids' lists and model (ui/aids_data.rs)
aids-data-failed = The word lists could not load, so objective language and wordy phrases were not checked (shorthand, abbreviations, identifiers, long sentences and prompts were). They will try again when you next pause typing.
