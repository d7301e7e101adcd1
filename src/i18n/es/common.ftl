lang-name = Español
test-count = { $n ->
    [one] { $n } nota
   *[other] { $n } notas
}

## A part of the editor that loads on first use and could not be loaded
## ($part: the part's name, such as the drafts panel's title).
part-failed = No se pudo cargar esta parte del editor: { $part }. Lo que ha escrito se conserva. Compruebe la conexión y vuelva a intentarlo.
part-retry = Volver a intentarlo
part-aids = Ayudas de redacción
part-record = La nota tal como se registrará
part-previous = La última nota del cliente
part-addendum = La nota a la que se añade esta adenda
part-sent = Dónde está su nota
part-paste = Dividir una nota pegada
part-returned = Los comentarios del supervisor
part-fhir = La forma FHIR de la nota
