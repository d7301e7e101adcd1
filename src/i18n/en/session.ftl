# session

## Checks (ui/session/checks.rs)
session-conflict-blocks-send = This draft was changed in another tab or window. Choose which version to keep (at the top of the editor) before you sign or submit.

## Drafts and conflicts (ui/session/drafts.rs)
session-draft-not-opened = That draft could not be opened.
session-draft-discarded = The draft was discarded.
session-draft-discarded-for = The draft for { $who } was discarded.
session-loaded-theirs = Loaded the version saved in the other tab. Your text from this tab is kept under Drafts as “your unsaved copy”.
session-theirs-gone = The other tab submitted or discarded this draft, so your text here is kept as a separate draft.
session-kept-mine = Your text here is now a separate draft. The other tab's version is unchanged, under Drafts.

## Saving, announced in the live region (ui/session/lifecycle.rs)
session-saved-at = Draft saved at { $time }
session-not-saved = Draft not saved. Your text is still here; casenote keeps trying.
session-saved-as-copy = This draft was changed in another tab or window. Your text here is saved as a separate copy, at { $time }.

## What the outbox reports (ui/session/outbox_events.rs)
session-sent-later = A note you submitted earlier has now been sent.
session-sent-later-for = Your note for { $name }, submitted earlier, has now been sent.
# The note on screen; $problems are the server's own words.
session-refused-here = The server refused the note (error { $status }): { $problems }. Your note is kept here as a draft.
# Another note than the one on screen: these sentences are joined by a space.
session-refused-elsewhere = The server refused your note (error { $status }).
session-refused-elsewhere-for = The server refused your note for { $name } (error { $status }).
session-refused-said = It said: { $problems }.
session-refused-back = It is back in your drafts: open it from Drafts and submit it again to see what to change.

## Opening storage (ui/session/restore.rs)
session-drafts-unreadable = Saved drafts could not be read. New typing is still saved.

## Signing and copying (ui/session/sign.rs)
session-signer-unknown = This page does not know who you are, so the note cannot be signed here. You can still submit it unsigned; ask your administrator to set you up for signing.
session-signer-name-missing = Enter your name: it is what your signature shows
session-copied = Copied the note as text.
session-copy-refused = This browser did not allow copying. Use the preview and copy from there.

## Submitting (ui/session/submit.rs)
session-key-unusable = The encryption key this page gave casenote is not usable, so the note cannot be kept safely while it is sent. Tell your administrator.
session-no-endpoint = This editor has no address to send notes to (its endpoint attribute is empty). Your note is kept on this device; tell your administrator.
session-signature-stale = This note has changed since it was signed (this page's settings for it are different), so the signature no longer matches it. It is unlocked: read it again, then review and sign it.
session-already-sent-elsewhere = This note was already submitted or discarded in another tab or window, so it was not sent again from here. Choose what to do with the copy in this tab (at the top of the editor).
session-send-stopped = This page stopped the note from being sent. It is kept as a draft.
session-outbox-write-failed = The note could not be saved for sending on this device. It is still here as a draft; try again.

## The host's beforeSubmit hook (ui/session/host.rs)
session-before-submit-failed = This page's beforeSubmit check failed, so the note was not sent. It is kept as a draft.

## Where drafts are kept (storage/mod.rs)
storage-fallback = This browser is not letting casenote use its database, so drafts are kept in simpler storage. They survive a reload, but not always a crash: submit your note when you can.

## Sending, each attempt's outcome (delivery/mod.rs)
send-sign-in = The server did not accept your sign-in (error { $status }). Your note is kept on this device and will be sent once you are signed in again.
send-busy = The server could not take the note just now (error { $status }). Your note is kept on this device and casenote keeps trying.
send-problems = The server found problems with the note. Fix the problems listed at the top of the form, then submit again.
send-not-found = The address this editor sends notes to was not found (error 404). Your note is kept on this device; tell your administrator.
send-too-large = The note is too large for the server (error 413). Your note is kept on this device.
send-refused = The server refused the note (error { $status }). Your note is kept on this device; tell your administrator if this goes on.
send-unreachable = Could not reach the server. Your note is kept on this device and will be sent when the connection is back.
send-timed-out = The server did not answer within { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }. Your note is kept on this device and casenote keeps trying.

## The host's properties, refused (embed/properties.rs)
embed-key-not-aes = The encryption key this page gave casenote is not an AES-GCM CryptoKey, so drafts are not being saved. Tell your administrator; submit your note to keep it.
