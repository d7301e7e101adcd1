# Shared by every area. Message ids are kebab-case, prefixed by what they
# belong to.

# The language's own name, in itself.
lang-name = English
# Only for the catalog's tests and its documented example.
test-count = { $n ->
    [one] { $n } note
   *[other] { $n } notes
}
