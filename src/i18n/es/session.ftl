# session

## Checks (ui/session/checks.rs)
session-conflict-blocks-send = Este borrador se modificó en otra pestaña o ventana. Elija qué versión conservar (en la parte superior del editor) antes de firmar o enviar.

## Drafts and conflicts (ui/session/drafts.rs)
session-draft-not-opened = No se pudo abrir ese borrador.
session-draft-discarded = Se descartó el borrador.
session-draft-discarded-for = Se descartó el borrador de { $who }.
session-loaded-theirs = Se cargó la versión guardada en la otra pestaña. Su texto de esta pestaña se conserva en Borradores como “su copia sin guardar”.
session-theirs-gone = La otra pestaña envió o descartó este borrador, así que su texto de aquí se conserva como un borrador aparte.
session-kept-mine = Su texto de aquí es ahora un borrador aparte. La versión de la otra pestaña no cambió y está en Borradores.

## Saving, announced in the live region (ui/session/lifecycle.rs)
session-saved-at = Borrador guardado a las { $time }
session-not-saved = El borrador no se guardó. Su texto sigue aquí; casenote lo sigue intentando.
session-saved-as-copy = Este borrador se modificó en otra pestaña o ventana. Su texto de aquí se guardó como una copia aparte, a las { $time }.

## What the outbox reports (ui/session/outbox_events.rs)
session-sent-later = Ya se entregó una nota que usted envió anteriormente.
session-sent-later-for = Ya se entregó su nota de { $name }, que envió anteriormente.
# The note on screen; $problems are the server's own words.
session-refused-here = El servidor rechazó la nota (error { $status }): { $problems }. Su nota se conserva aquí como borrador.
# Another note than the one on screen: these sentences are joined by a space.
session-refused-elsewhere = El servidor rechazó su nota (error { $status }).
session-refused-elsewhere-for = El servidor rechazó su nota de { $name } (error { $status }).
session-refused-said = Indicó: { $problems }.
session-refused-back = La nota volvió a sus borradores: ábrala desde Borradores y envíela de nuevo para ver qué debe cambiar.

## Opening storage (ui/session/restore.rs)
session-drafts-unreadable = No se pudieron leer los borradores guardados. Lo que escriba ahora se sigue guardando.

## Signing and copying (ui/session/sign.rs)
session-signer-unknown = Esta página no sabe quién es usted, así que la nota no se puede firmar aquí. Aún puede enviarla sin firmar; pida a su administrador que configure su cuenta para firmar.
session-signer-name-missing = Escriba su nombre: es lo que muestra su firma
session-copied = Se copió la nota como texto.
session-copy-refused = Este navegador no permitió copiar. Use la vista previa y copie desde allí.

## Submitting (ui/session/submit.rs)
session-key-unusable = La clave de cifrado que esta página le dio a casenote no se puede usar, así que la nota no se puede guardar de forma segura mientras se envía. Avísele a su administrador.
session-no-endpoint = Este editor no tiene una dirección a la cual enviar las notas (su atributo endpoint está vacío). Su nota se conserva en este dispositivo; avísele a su administrador.
session-signature-stale = Esta nota cambió desde que se firmó (la configuración de esta página para ella es distinta), así que la firma ya no coincide. Se desbloqueó: léala de nuevo y luego revísela y fírmela.
session-already-sent-elsewhere = Esta nota ya se envió o se descartó en otra pestaña o ventana, así que no se volvió a enviar desde aquí. Elija qué hacer con la copia de esta pestaña (en la parte superior del editor).
session-send-stopped = Esta página impidió que se enviara la nota. Se conserva como borrador.
session-outbox-write-failed = No se pudo guardar la nota en este dispositivo para enviarla. Sigue aquí como borrador; inténtelo de nuevo.

## The host's beforeSubmit hook (ui/session/host.rs)
session-before-submit-failed = Falló la verificación beforeSubmit de esta página, así que la nota no se envió. Se conserva como borrador.

## Where drafts are kept (storage/mod.rs)
storage-fallback = Este navegador no permite que casenote use su base de datos, así que los borradores se guardan en un almacenamiento más simple. Se conservan si se recarga la página, pero no siempre si el navegador se cierra de forma inesperada: envíe su nota cuando pueda.

## Sending, each attempt's outcome (delivery/mod.rs)
send-sign-in = El servidor no aceptó su inicio de sesión (error { $status }). Su nota se conserva en este dispositivo y se enviará cuando vuelva a iniciar sesión.
send-busy = El servidor no pudo recibir la nota en este momento (error { $status }). Su nota se conserva en este dispositivo y casenote lo sigue intentando.
send-problems = El servidor encontró problemas en la nota. Corrija los problemas que aparecen en la parte superior del formulario y vuelva a enviarla.
send-not-found = No se encontró la dirección a la que este editor envía las notas (error 404). Su nota se conserva en este dispositivo; avísele a su administrador.
send-too-large = La nota es demasiado grande para el servidor (error 413). Su nota se conserva en este dispositivo.
send-refused = El servidor rechazó la nota (error { $status }). Su nota se conserva en este dispositivo; avísele a su administrador si esto continúa.
send-unreachable = No se pudo conectar con el servidor. Su nota se conserva en este dispositivo y se enviará cuando vuelva la conexión.
send-timed-out = El servidor no respondió en { $seconds ->
        [one] { $seconds } segundo
       *[other] { $seconds } segundos
    }. Su nota se conserva en este dispositivo y casenote lo sigue intentando.

## The host's properties, refused (embed/properties.rs)
embed-key-not-aes = La clave de cifrado que esta página le dio a casenote no es una CryptoKey AES-GCM, así que los borradores no se están guardando. Avísele a su administrador; envíe su nota para conservarla.
