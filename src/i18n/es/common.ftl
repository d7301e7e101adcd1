lang-name = Español
test-count = { $n ->
    [one] { $n } nota
   *[other] { $n } notas
}
