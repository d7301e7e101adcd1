# panels: the editor's bars and panels around the form.

## Status bar (views/status_bar.rs)
status-bar-title = Nota de caso
status-bar-offline = Sin conexión. Sus borradores están a salvo en este dispositivo, y las notas que envíe esperarán y saldrán cuando vuelva la conexión.
status-bar-saving = Guardando…
status-bar-saved-at = Borrador guardado a las { $time }
status-bar-storage-full = No se guardó: el almacenamiento de este dispositivo está lleno. Su texto sigue aquí; casenote sigue intentándolo.
status-bar-not-saved = Todavía no se guardó: su texto sigue aquí y casenote sigue intentándolo.
status-bar-conflict = Los cambios hechos aquí se guardan como una copia aparte
status-bar-saved-as-copy = Guardado como copia aparte a las { $time }
status-bar-drafts = Borradores
status-bar-new-note = Nota nueva

## Drafts panel (views/drafts_panel.rs)
drafts-panel-no-client = (todavía sin cliente)
drafts-panel-date-not-set = sin indicar
drafts-panel-nothing-written = (todavía no hay nada escrito)
drafts-panel-title = Sus borradores en este dispositivo
drafts-panel-loading = Cargando borradores…
drafts-panel-none = Todavía no hay borradores.
drafts-panel-client = Cliente
drafts-panel-begins = Comienza con
drafts-panel-format = Formato
drafts-panel-date = Fecha del servicio
drafts-panel-edited = Última edición
drafts-panel-words = Palabras
drafts-panel-actions = Acciones
drafts-panel-copy-tag = (su copia sin guardar)
drafts-panel-open-tag = (abierto ahora)
drafts-panel-confirm-discard = Confirmar descarte
drafts-panel-discard-question = ¿Descartar este borrador? No se podrá recuperar.
drafts-panel-discard-yes = Sí, descartar el borrador de { $client }
drafts-panel-keep = Conservarlo
drafts-panel-resume = Reanudar
drafts-panel-discard = Descartar
# Said after "Resume" and "Discard" to screen readers only.
drafts-panel-for-client = el borrador de { $client }
drafts-panel-showing = Se muestran los { $shown } borradores editados más recientemente, de un total de { $total }.
drafts-panel-show-more = Mostrar { $n } más
drafts-panel-locked = { $n ->
    [one] { $n } borrador de este dispositivo está cifrado con una clave que esta página no tiene.
   *[other] { $n } borradores de este dispositivo están cifrados con una clave que esta página no tiene.
}
drafts-panel-start-new = Empezar una nota nueva
drafts-panel-close = Cerrar borradores

## Outbox panel (views/outbox_panel.rs)
outbox-panel-waiting = { $n ->
    [one] { $n } nota en espera de envío
   *[other] { $n } notas en espera de envío
}
outbox-panel-title = En espera de envío
outbox-panel-explained = Estas notas están guardadas en este dispositivo y se envían automáticamente, en orden, en cuanto el servidor las acepte. Puede cerrar esta página: se enviarán la próxima vez que se abra casenote.
outbox-panel-paused = El envío está en pausa hasta que vuelva a iniciar sesión.
outbox-panel-no-client = (sin nombre de cliente)
outbox-panel-what = Nota { $format }, fecha del servicio { $date }
outbox-panel-locked-note = Nota cifrada
outbox-panel-locked-what = protegida con una clave que esta página no tiene
outbox-panel-status-paused = En pausa: esperando a que vuelva a iniciar sesión.
# $message: why the last try failed, a sentence of its own.
outbox-panel-status-retry = { $message } Próximo intento a las { $time }.
outbox-panel-status-sending = Enviando…
outbox-panel-queued = En cola desde { $time }; { $n ->
    [one] { $n } intento
   *[other] { $n } intentos
} hasta ahora.
outbox-panel-all-sent = Se enviaron todas las notas que estaban en espera.
outbox-panel-try-now = Intentar enviar ahora
outbox-panel-close = Cerrar

## After submit (views/confirmation.rs)
# $what in the sentences below: confirmation-what or confirmation-what-for.
confirmation-what = nota { $format }
confirmation-what-for = nota { $format } de { $client }
confirmation-sending-title = Enviando…
confirmation-sending = Su { $what } está guardada en este dispositivo y se está enviando.
confirmation-delivered-title = Nota enviada
confirmation-delivered = Se recibió su { $what }.
confirmation-waiting-title = En espera de envío
confirmation-next-try = Próximo intento a las { $time }.
confirmation-waiting = Puede cerrar esta página: su { $what } se enviará automáticamente.
confirmation-offline = No tiene conexión. Su { $what } está guardada en este dispositivo y se enviará automáticamente cuando vuelva la conexión, aunque cierre esta página.
confirmation-auth-title = Inicie sesión para enviar
confirmation-reference = Referencia:
confirmation-write-another = Escribir otra nota

## Conflict with another tab (views/conflict.rs)
conflict-gone-title = Esta nota ya se envió o se descartó en otra pestaña o ventana.
conflict-gone-text = Si la envía de nuevo desde aquí, podría quedar registrada dos veces. Si se envió, empiece una nota nueva; conserve esta copia solo si todavía hay que registrarla:
conflict-gone-new = Empezar una nota nueva
conflict-gone-keep = Conservar esta copia como borrador nuevo
conflict-changed-title = Este borrador se modificó en otra pestaña o ventana.
conflict-changed-text = Su texto de aquí se guarda como una copia aparte con cada cambio, así que no se pierde ninguna de las dos versiones. Elija con cuál quiere seguir trabajando:
conflict-changed-load = Cargar la otra versión
conflict-changed-keep = Conservar la mía como borrador aparte

## Signing (views/signing.rs)
signing-signed-by = Firmada por { $who } el { $time }. Todavía no se ha enviado.
signing-signed-explained = Para enviarla, use el botón «Enviar la nota firmada». Está bloqueada y ya no se puede modificar aquí; las correcciones se hacen en una adenda.
signing-hash = SHA-256 del contenido:
signing-sending = Enviando…
signing-submit = Enviar la nota firmada
signing-name = Su nombre
signing-name-hint = Su firma lleva este nombre. Este dispositivo lo recordará para su próxima nota.
signing-staff-id = Su número de empleado
signing-title = Revisar y firmar
signing-explained = Lea la nota tal como quedará registrada. Una vez firmada no se puede modificar; las correcciones se hacen en una adenda.
signing-as = Firmará como { $who }.
signing-agree = Estoy de acuerdo con esta declaración
signing-sign = Firmar la nota
signing-back = Volver a la edición

## The form's end (views/actions.rs)
actions-preview-show = Ver la vista previa de la nota
actions-preview-hide = Ocultar la vista previa
actions-preview-label = Vista previa de la nota
actions-review-sign = Revisar y firmar
actions-sending = Enviando…
actions-send-unsigned = Enviar sin firmar
actions-label = Acciones
unsigned-title = ¿Enviar esta nota sin firmar?
unsigned-explained = Una nota sin firmar se guarda como borrador, no como registro: dondequiera que se lea aparece como «sin firmar». Puede firmarla más tarde, desde la bandeja de entrada, con una adenda de firma; la nota en sí nunca se modifica.
unsigned-send = Sí, enviar sin firmar
unsigned-keep-editing = Seguir editando
actions-print = Imprimir
actions-copy = Copiar como texto

## Error summary (views/error_summary.rs)
error-summary-title = Hay un problema

## The editor (editor.rs)
editor-restored = Se restauró su borrador sin enviar, guardado por última vez a las { $time }.
editor-loading = Cargando su borrador…

## The page's settings (config.rs)
config-template-refused = No se pudo usar la plantilla de nota de esta página, así que se ofrecen los formatos integrados. Problemas: { $problems }.
config-unknown-signing = Esta página indica signing="{ $value }", que casenote no conoce (conoce required y optional): todas las notas se firman antes de enviarlas.
config-unknown-modes = Esta página indica modos de contacto que casenote no conoce ({ $unknown }); se ofrecen los conocidos. Conocidos: { $known }.
sent-list-title = Enviadas desde este dispositivo
sent-list-kept = { $days ->
    [one] Se guardan aquí 1 día después del envío, sin el texto de la nota.
   *[other] Se guardan aquí { $days } días después del envío, sin el texto de la nota.
}
sent-list-none = Todavía no se ha enviado ninguna nota desde este dispositivo.
sent-list-when = Enviada el { $time } a { $to }
sent-list-reference = Referencia:
returned-title = Devuelta para revisión
returned-by = Devuelta por { $who } el { $date }. Revise la nota de abajo y responda a cada comentario: la revisión se envía como una nota nueva, y la original queda como estaba.
returned-answer = Su respuesta
returned-refused = No se pudo abrir la nota devuelta para revisarla: { $why }
returned-refused-not-json = No se pudo abrir la nota devuelta para revisarla: no es JSON.
returned-beside-sections = { $n ->
    [one] Un comentario está junto a la sección a la que se refiere.
   *[other] { $n } comentarios están junto a las secciones a las que se refieren.
}
