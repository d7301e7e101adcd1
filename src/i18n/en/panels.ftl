# panels: the editor's bars and panels around the form.

## Status bar (views/status_bar.rs)
status-bar-title = Case note
status-bar-saving = Saving…
status-bar-offline = Offline. Your drafts are safe on this device, and notes you send will wait and go when you are back online.
status-bar-saved-at = Draft saved at { $time }
status-bar-storage-full = Not saved: this device's storage is full. Your text is still here; casenote keeps trying.
status-bar-not-saved = Not saved yet: your text is still here, and casenote keeps trying.
status-bar-conflict = Edits here are saved as a separate copy
status-bar-saved-as-copy = Saved as a separate copy at { $time }
status-bar-drafts = Drafts
status-bar-new-note = New note

## Drafts panel (views/drafts_panel.rs)
drafts-panel-no-client = (no client yet)
drafts-panel-date-not-set = not set
drafts-panel-nothing-written = (nothing written yet)
drafts-panel-title = Your drafts on this device
drafts-panel-loading = Loading drafts…
drafts-panel-none = No drafts yet.
drafts-panel-client = Client
drafts-panel-begins = Begins
drafts-panel-format = Format
drafts-panel-date = Date of service
drafts-panel-edited = Last edited
drafts-panel-words = Words
drafts-panel-actions = Actions
drafts-panel-copy-tag = (your unsaved copy)
drafts-panel-open-tag = (open now)
drafts-panel-confirm-discard = Confirm discard
drafts-panel-discard-question = Discard this draft? It cannot be brought back.
drafts-panel-discard-yes = Yes, discard the draft for { $client }
drafts-panel-keep = Keep it
drafts-panel-resume = Resume
drafts-panel-discard = Discard
# Said after "Resume" and "Discard" to screen readers only.
drafts-panel-for-client = the draft for { $client }
drafts-panel-showing = Showing the { $shown } most recently edited of { $total } drafts.
drafts-panel-show-more = Show { $n } more
drafts-panel-locked = { $n ->
    [one] { $n } draft on this device is locked with a key this page does not have.
   *[other] { $n } drafts on this device are locked with a key this page does not have.
}
drafts-panel-start-new = Start a new note
drafts-panel-close = Close drafts

## Outbox panel (views/outbox_panel.rs)
outbox-panel-waiting = { $n ->
    [one] { $n } note waiting to send
   *[other] { $n } notes waiting to send
}
outbox-panel-title = Waiting to send
outbox-panel-explained = These notes are saved on this device and are sent automatically, in order, as soon as the server takes them. You can close this page: they are sent the next time casenote opens.
outbox-panel-paused = Sending is paused until you sign in again.
outbox-panel-no-client = (no client name)
outbox-panel-what = { $format } note, date of service { $date }
outbox-panel-locked-note = Locked note
outbox-panel-locked-what = sealed with a key this page does not have
outbox-panel-status-paused = Paused: waiting for you to sign in again.
# $message: why the last try failed, a sentence of its own.
outbox-panel-status-retry = { $message } Next try at { $time }.
outbox-panel-status-sending = Sending…
outbox-panel-queued = Queued at { $time }; { $n ->
    [one] { $n } attempt
   *[other] { $n } attempts
} so far.
outbox-panel-all-sent = Every note that was waiting has been sent.
outbox-panel-try-now = Try sending now
outbox-panel-close = Close

## After submit (views/confirmation.rs)
# $what in the sentences below: confirmation-what or confirmation-what-for.
confirmation-what = { $format } note
confirmation-what-for = { $format } note for { $client }
confirmation-sending-title = Sending…
confirmation-sending = Your { $what } is saved on this device and is being sent.
confirmation-delivered-title = Note sent
confirmation-delivered = Your { $what } was received.
confirmation-waiting-title = Waiting to send
confirmation-next-try = Next try at { $time }.
confirmation-waiting = You can close this page: your { $what } is sent automatically.
confirmation-offline = You are offline. Your { $what } is saved on this device and will be sent automatically when the connection is back, even if you close this page.
confirmation-auth-title = Sign in to send
confirmation-reference = Reference:
confirmation-write-another = Write another note

## Conflict with another tab (views/conflict.rs)
conflict-gone-title = This note was already submitted or discarded in another tab or window.
conflict-gone-text = Sending it again from here could record it twice. If it was submitted, start a new note; keep this copy only if it still needs to be recorded:
conflict-gone-new = Start a new note
conflict-gone-keep = Keep this copy as a new draft
conflict-changed-title = This draft was changed in another tab or window.
conflict-changed-text = Your text here is saved as a separate copy on every edit, so neither version is lost. Choose which to keep working on:
conflict-changed-load = Load the other version
conflict-changed-keep = Keep mine as a separate draft

## Signing (views/signing.rs)
signing-signed-by = Signed by { $who } at { $time }. Not sent yet.
signing-signed-explained = Submit the signed note to send it. It is locked and can no longer be changed here; corrections go in an addendum.
signing-hash = Content SHA-256:
signing-sending = Sending…
signing-submit = Submit signed note
signing-name = Your name
signing-name-hint = Your signature shows this name. This device remembers it for your next note.
signing-staff-id = Your staff ID
signing-title = Review and sign
signing-explained = Read the note as it will be recorded. Once signed it cannot be changed; corrections go in an addendum.
signing-as = Signing as { $who }.
signing-agree = I agree with this statement
signing-sign = Sign the note
signing-back = Back to editing

## The form's end (views/actions.rs)
actions-preview-show = Preview the note
actions-preview-hide = Hide the preview
actions-preview-label = Preview of the note
actions-review-sign = Review and sign
actions-sending = Sending…
actions-send-unsigned = Send without signing
actions-label = Actions
unsigned-title = Send this note unsigned?
unsigned-explained = An unsigned note is kept as a draft, not the record: it shows as “not signed” wherever it is read. You can sign it later, from the inbox, as a signature addendum; the note itself is never changed.
unsigned-send = Send unsigned
unsigned-keep-editing = Keep editing
actions-print = Print
actions-copy = Copy as text

## Error summary (views/error_summary.rs)
error-summary-title = There is a problem

## The editor (editor.rs)
editor-restored = Restored your unsent draft, last saved at { $time }.
editor-loading = Loading your draft…

## The page's settings (config.rs)
config-template-refused = This page's note template could not be used, so the built-in formats are offered instead. Problems: { $problems }.
config-unknown-signing = This page sets signing="{ $value }", which casenote does not know (it knows required and optional): every note is signed before it is sent.
config-unknown-modes = This page lists contact modes casenote does not know ({ $unknown }); the known ones are offered. Known: { $known }.
sent-list-title = Sent from this device
sent-list-kept = { $days ->
    [one] Kept here for 1 day after sending, without the note's text.
   *[other] Kept here for { $days } days after sending, without the note's text.
}
sent-list-none = No notes sent from this device yet.
sent-list-when = Sent { $time } to { $to }
sent-list-reference = Reference:
returned-title = Returned for revision
returned-by = Returned by { $who } on { $date }. Revise the note below and answer each comment: the revision is sent as a new note, and the original stays as it was.
returned-answer = Your answer
returned-refused = The returned note could not be opened for revision: { $why }
returned-refused-not-json = The returned note could not be opened for revision: it is not JSON.
returned-beside-sections = { $n ->
    [one] One comment is beside the section it is about.
   *[other] { $n } comments are beside the sections they are about.
}
