## The reference receiver's pages: the inbox, and writing an addendum or a
## signature beside the original (receiver/src/inbox/). Host only: these
## never reach the editor's bundle.
inbox-site = casenote reference receiver
inbox-title = Inbox
inbox-received = { $n ->
    [one] 1 note received.
   *[other] { $n } notes received.
}
inbox-write-note = Write a note
inbox-log = Log: { $n ->
    [one] 1 entry
   *[other] { $n } entries
}, head
inbox-log-verify = . Write it down: casenote-receiver verify shows whether anything before it changed.
inbox-times = Times are shown in your local time; hover over one for UTC.
inbox-pages = Pages of notes
inbox-newest = Newest notes
inbox-older = Older notes
inbox-addenda = Addenda:
inbox-signed-later-by = Sent unsigned; signed later by { $who } on
inbox-signed-later-end = , in a signature addendum.
inbox-sign = Sign this note
inbox-write-addendum = Write an addendum
inbox-write-addendum-to = to the { $format } note of { $client }, { $date }
inbox-sign-which = ({ $format } note of { $client }, { $date })
inbox-note = Note
inbox-unreadable-note = This note could not be read as casenote JSON v1, so it is not shown here. Its stored JSON is at api/notes.
inbox-details = Record details
inbox-note-id = Note id
inbox-received-at = Received
inbox-started = Started
inbox-documented = Documented
inbox-schema = Schema
inbox-format-key = Format key
inbox-document-type = Document type
inbox-section-codes = Section codes (LOINC)
inbox-timeliness = Timeliness
inbox-hours-after = Documented { $hours } hours after the service;
inbox-late-after = late after { $hours } hours
inbox-late = (a late entry)
inbox-not-late = (not late)
inbox-clock = ; the writer's clock was { $offset }
inbox-documented-at = ; documented at
inbox-original-hash = Original's SHA-256
inbox-content-hash = Content SHA-256
inbox-signature-hash = Signature SHA-256
inbox-access-log = Access log
inbox-no-reads = No read of this note is logged.
inbox-read-it = read it
inbox-read-from = from
inbox-read-in-inbox = in the inbox
inbox-read-api = through the API
inbox-read-addendum-page = on its addendum page
inbox-back = Back to the inbox
inbox-addendum-lead = An addendum adds to a note that was sent: it corrects, clarifies or adds to it. The original is never changed; open it below to read it.
inbox-original = The original note
inbox-original-open = The original note, read only
inbox-your-addendum = Your addendum to the { $format } note: { $client }
inbox-signed-title = This note is signed
inbox-signed-later-lead = This note was sent unsigned and its author has signed it since, in a signature addendum; it is signed once. Corrections and additions go in an addendum.
inbox-signed-lead = This note was signed when it was sent, so there is nothing to sign. Corrections and additions go in an addendum.
inbox-sign-lead = This note was sent without a signature. Its author signs it here: the signature is sent as an addendum of kind signature, which covers the note exactly as it was stored. The original is never changed.
inbox-sign-only-author = Only the note's author, { $author }, can sign it; the receiver refuses anyone else's signature.
inbox-your-signature = Your signature on the { $format } note: { $client }
inbox-not-found-title = No such note
inbox-not-found = No note with this id is in the inbox, so no addendum can be written to it here. Go back to the inbox and choose Write an addendum on the note you mean.
inbox-unreadable-title = This note cannot be read
inbox-unreadable = The stored note is not casenote JSON v1, so no addendum can be linked to it. Its stored JSON is at api/notes; ask whoever runs this receiver.
inbox-revises = A revision of the returned note
inbox-revised-as = Revised as note
inbox-queue = Awaiting review
inbox-queue-title = Notes awaiting a supervisor's review
inbox-queue-count = { $n ->
    [one] One note awaits review, oldest first.
   *[other] { $n } notes await review, oldest first.
}
inbox-queue-empty = No note awaits review.
inbox-queue-waiting = { $days ->
    [0] sent today
    [one] waiting 1 day
   *[other] waiting { $days } days
}
inbox-queue-open = Open in the inbox
inbox-filter = Filter the notes
inbox-filter-client = Client
inbox-filter-author = Author
inbox-filter-status = Status
inbox-filter-text = Words in the note
inbox-filter-apply = Filter
inbox-filter-clear = Show every note
inbox-filter-none = No note matches these filters.
inbox-status-any = Any
inbox-status-awaiting = Awaiting review
inbox-status-returned = Returned
inbox-status-cosigned = Co-signed
inbox-status-unsigned = Unsigned
