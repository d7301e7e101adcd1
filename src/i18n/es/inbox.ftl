## Las páginas del receptor de referencia: la bandeja de entrada, y escribir
## una adenda o una firma junto a la original (receiver/src/inbox/). Solo en
## el servidor: nunca llegan al paquete del editor.
inbox-site = receptor de referencia de casenote
inbox-title = Bandeja de entrada
inbox-received = { $n ->
    [one] 1 nota recibida.
   *[other] { $n } notas recibidas.
}
inbox-write-note = Escribir una nota
inbox-log = Registro: { $n ->
    [one] 1 entrada
   *[other] { $n } entradas
}, último hash
inbox-log-verify = . Anótela: casenote-receiver verify indica si algo anterior a ella cambió.
inbox-times = Las horas se muestran en su hora local; pase el puntero por una para verla en UTC.
inbox-pages = Páginas de notas
inbox-newest = Notas más recientes
inbox-older = Notas anteriores
inbox-addenda = Adendas:
inbox-signed-later-by = Enviada sin firmar; firmada más tarde por { $who } el
inbox-signed-later-end = , en una adenda de firma.
inbox-sign = Firmar esta nota
inbox-write-addendum = Escribir una adenda
inbox-write-addendum-to = a la nota { $format } de { $client }, { $date }
inbox-sign-which = (nota { $format } de { $client }, { $date })
inbox-note = Nota
inbox-unreadable-note = Esta nota no se pudo leer como JSON v1 de casenote, así que no se muestra aquí. Su JSON guardado está en api/notes.
inbox-details = Detalles del registro
inbox-note-id = Id. de la nota
inbox-received-at = Recibida
inbox-started = Iniciada
inbox-documented = Documentada
inbox-schema = Esquema
inbox-format-key = Clave del formato
inbox-document-type = Tipo de documento
inbox-section-codes = Códigos de sección (LOINC)
inbox-timeliness = Puntualidad
inbox-hours-after = Documentada { $hours } horas después del servicio;
inbox-late-after = se considera tardía después de { $hours } horas
inbox-late = (una anotación tardía)
inbox-not-late = (no tardía)
inbox-clock = ; el reloj de quien la escribió estaba en { $offset }
inbox-documented-at = ; documentada el
inbox-original-hash = SHA-256 de la original
inbox-content-hash = SHA-256 del contenido
inbox-signature-hash = SHA-256 de la firma
inbox-access-log = Registro de accesos
inbox-no-reads = No consta ninguna lectura de esta nota.
inbox-read-it = la leyó
inbox-read-from = desde
inbox-read-in-inbox = en la bandeja de entrada
inbox-read-api = a través de la API
inbox-read-addendum-page = en su página de adenda
inbox-back = Volver a la bandeja de entrada
inbox-addendum-lead = Una adenda se añade a una nota ya enviada: la corrige, la aclara o la completa. La original nunca se modifica; ábrala abajo para leerla.
inbox-original = La nota original
inbox-original-open = La nota original, solo lectura
inbox-your-addendum = Su adenda a la nota { $format }: { $client }
inbox-signed-title = Esta nota está firmada
inbox-signed-later-lead = Esta nota se envió sin firmar y su autor la ha firmado después, con una adenda de firma; se firma una sola vez. Las correcciones y los añadidos van en una adenda.
inbox-signed-lead = Esta nota se firmó al enviarla, así que no hay nada que firmar. Las correcciones y los añadidos van en una adenda.
inbox-sign-lead = Esta nota se envió sin firma. Su autor la firma aquí: la firma se envía como una adenda de tipo firma, que cubre la nota exactamente como se guardó. La original nunca se modifica.
inbox-sign-only-author = Solo el autor de la nota, { $author }, puede firmarla; el receptor rechaza la firma de cualquier otra persona.
inbox-your-signature = Su firma en la nota { $format }: { $client }
inbox-not-found-title = No existe esa nota
inbox-not-found = En la bandeja de entrada no hay ninguna nota con este id., así que aquí no se le puede escribir una adenda. Vuelva a la bandeja de entrada y elija Escribir una adenda en la nota que busca.
inbox-unreadable-title = Esta nota no se puede leer
inbox-unreadable = La nota guardada no es JSON v1 de casenote, así que no se le puede vincular ninguna adenda. Su JSON guardado está en api/notes; consulte a quien administra este receptor.
inbox-revises = Revisión de la nota devuelta
inbox-revised-as = Revisada como la nota
inbox-queue = Pendientes de revisión
inbox-queue-title = Notas pendientes de revisión por un supervisor
inbox-queue-count = { $n ->
    [one] Una nota espera revisión, la más antigua primero.
   *[other] { $n } notas esperan revisión, las más antiguas primero.
}
inbox-queue-empty = Ninguna nota espera revisión.
inbox-queue-waiting = { $days ->
    [0] enviada hoy
    [one] espera desde hace 1 día
   *[other] espera desde hace { $days } días
}
inbox-queue-open = Abrir en las notas recibidas
inbox-filter = Filtrar las notas
inbox-filter-client = Cliente
inbox-filter-author = Autor
inbox-filter-status = Estado
inbox-filter-text = Palabras en la nota
inbox-filter-apply = Filtrar
inbox-filter-clear = Mostrar todas las notas
inbox-filter-none = Ninguna nota coincide con estos filtros.
inbox-status-any = Cualquiera
inbox-status-awaiting = Pendiente de revisión
inbox-status-returned = Devuelta
inbox-status-cosigned = Firmada también por un supervisor
inbox-status-unsigned = Sin firmar
