# form

## Late entry (views/late_entry.rs)
late-entry-title = Late entry.
late-entry-explained = This note is written { $hours } hours after the service ended (notes are due within { $due } hours). It will be labelled as a late entry.
late-entry-reason = Reason for the late entry

## About this contact (views/meta.rs)
meta-legend = About this contact
meta-client = Client
meta-format = Note format
meta-date = Date of service
meta-start = Start time
meta-end = End time
meta-overnight = The session ran past midnight
meta-duration = { $minutes ->
    [one] Duration: { $minutes } minute
   *[other] Duration: { $minutes } minutes
}

## A field's label and error (views/field.rs; the error prefix also views/addendum.rs)
# Said after an optional field's label, after a space.
field-optional = (optional)
# Said to screen readers before a field's error, followed by a space.
field-error = Error:

## The client's own words (views/quotes.rs)
quote-mark-hint = Select the client's words in the text first, then choose Mark selected text as a quote.
quote-group = { $section }: client's own words
quote-title = Client's own words
quote-add = Add a quote
# Said to screen readers only, after "Add a quote" and a space.
quote-add-to = to { $section }
quote-mark = Mark selected text as a quote
# Said to screen readers only, after "Mark selected text as a quote" and a space.
quote-mark-in = in { $section }
# Follows each quote's control names, after a space, for screen readers.
quote-which = (quote { $n } in { $section })
quote-words = Words, exactly as said
quote-differs = These words no longer stand in the { $section } text in quotation marks. The quote keeps them as they are here.
quote-said-by = Said by
quote-context = Context (optional)
quote-remove = Remove quote

## Goals (views/goals.rs)
goals-legend = Goals addressed in this contact
goals-hint = Tick each of the client's goals this contact worked on, and how it moved.
goals-progress = Progress on “{ $goal }”

## Interventions (views/interventions.rs)
interventions-legend = Interventions
interventions-hint = What you did, why you chose it, and how the client received it.
# Said to screen readers only, after a label and a space.
interventions-which = (intervention { $n })
interventions-description = Intervention { $n }: what you did
interventions-deviates = Departs from standard procedure
interventions-rationale = Why you chose it
interventions-rationale-deviates = Why you chose it, and why you departed from standard procedure (required)
interventions-response = How the client responded
interventions-response-prompt = How did the client respond? A word on it shows the next reader whether this helped. It is not required.
interventions-remove = Remove intervention { $n }
interventions-add = Add an intervention

## Challenges (views/challenges.rs)
challenges-label = Challenges and barriers (optional)
challenges-hint = What stands in the client's way: money, transport, health, safety, services.

## Who took part, how and where (views/contact.rs)
contact-legend = Who took part, how and where
contact-how = How the contact happened
contact-how-not-said = Not said
contact-location = Location
contact-attempt-hint = A no show or an attempt without contact needs only what applies: what you tried, when, and what happened, in any section. Other sections may stay empty.
participants-label = Participants
participants-name = Participant { $n }: name
participants-role = Participant { $n }: role
participants-relationship = Participant { $n }: relationship to the client
participants-relationship-hint = For example mother, landlord, probation officer.
participants-remove = Remove participant { $n }
participants-add = Add a participant

## Follow-ups (views/follow_ups.rs)
follow-ups-legend = Follow-ups
follow-ups-hint = The plan's next steps: what, who does it, and by when. The receiving system can make tasks of them.
follow-ups-add = Add a follow-up
follow-ups-what = Follow-up { $n }: what is to be done
follow-ups-who = Follow-up { $n }: who
follow-ups-who-name = Follow-up { $n }: their name
follow-ups-due = Follow-up { $n }: due by
follow-ups-remove = Remove follow-up { $n }

## The client's last note (views/previous_note.rs)
previous-note-title = Last note: { $date } { $format }
previous-note-title-by = Last note: { $date } { $format } by { $author }
previous-note-read-only = Read-only. Only your marks on its follow-ups are kept with this note.
previous-note-goals = Goals
previous-note-interventions = Interventions
# Follows the intervention's description, after a space.
previous-note-response = Client's response: { $response }
previous-note-follow-ups = Its follow-ups
previous-note-not-marked = Not marked
previous-note-not-done-reason = Why it was not done (required)

## Addendum (views/addendum.rs)
addendum-legend = Addendum
addendum-explained = This is an addendum to note { $note }. The original note is not changed: this addendum is sent as a separate note that points to it.
# The original note, in parts joined by commas.
addendum-original = The original: { $parts }.
addendum-original-client = client { $client }
addendum-original-date = date of service { $date }
addendum-original-author = written by { $author }
addendum-kind-label = Kind of addendum
addendum-reason = Why you are writing this addendum

## Splitting a pasted note (views/paste_offer.rs)
paste-announce = This paste looks like a whole note with headings. To split it into sections, use the buttons after this text box.
# The sections' labels, joined by commas.
paste-done = The pasted note was split into { $sections }.
paste-group = Split the pasted note
paste-offer = This looks like a whole note with headings ({ $sections }). Split it into those sections?
paste-split = Split into sections
paste-keep = Keep it here

## Text from another format (views/stray.rs)
stray-label = { $section } (from another format)
stray-hint = This text is not part of a { $format } note. Move it into a section of this note, or clear it.
stray-move-into = Move the { $section } text into
stray-move = Move
stray-clear = Clear the { $section } text
stray-clear-confirm = Clear this text? It cannot be brought back.

## The note form (views/note_form.rs)
note-form-tip = Tip: this note has no quote of the client's own words yet. A sentence in the client's words, under “Client's own words”, carries their voice to the next reader. It is not required.
# The sections with open writing suggestions: all but the last joined by commas, then the last.
note-form-and = { $first } and { $last }
note-form-aids-summary = { $n ->
    [one] { $n } writing suggestion is open, in { $sections }. They never stop you submitting.
   *[other] { $n } writing suggestions are open, in { $sections }. They never stop you submitting.
}
skip-label = Skip links
skip-to-sections = Skip to the note’s sections
skip-to-actions = Skip to the actions: Review and sign
skip-to-actions-signed = Skip to the actions
note-form-label = Case note
note-form-sections = The note’s sections
