# Shared by every area. Message ids are kebab-case, prefixed by what they
# belong to.

# The language's own name, in itself.
lang-name = English
# Only for the catalog's tests and its documented example.
test-count = { $n ->
    [one] { $n } note
   *[other] { $n } notes
}

## A part of the editor that loads on first use and could not be loaded
## ($part: the part's name, such as the drafts panel's title).
part-failed = This part of the editor could not be loaded: { $part }. What you have written is kept. Check your connection, then try again.
part-retry = Try again
part-aids = Writing aids
part-record = The note as it will be recorded
part-previous = The client's last note
part-addendum = The note this addendum adds to
part-sent = Where your note is
part-paste = Splitting a pasted note
part-returned = The supervisor's comments
part-fhir = The FHIR form of the note
