# domain

## Validación (validate/mod.rs)
error-client-name = Escriba el nombre del cliente
error-service-date = Escriba la fecha del servicio
error-service-date-invalid = La fecha del servicio debe ser una fecha real, como 2026-11-26
error-service-date-future = La fecha del servicio no puede ser futura
error-start-time-invalid = La hora de inicio debe ser una hora, como 09:30
error-end-time-invalid = La hora de fin debe ser una hora, como 10:15
error-start-time-missing = Escriba la hora de inicio o borre la hora de fin
error-end-time-same = La hora de fin debe ser posterior a la hora de inicio
error-end-time-before-start = La hora de fin es anterior a la hora de inicio. Si la sesión continuó después de la medianoche, marque “La sesión continuó después de la medianoche”; si no, corrija la hora de fin
error-service-not-ended = Este servicio aún no ha terminado: escriba la nota cuando termine o corrija la hora
error-participant-name = Escriba el nombre del participante { $n } o quítelo
error-attempt-empty = Indique qué intentó y qué ocurrió (en cualquier sección): es todo lo que necesita un intento de contacto
error-section-required = Complete la sección { $section }
error-quote-empty = Una cita en { $section } no tiene palabras: escríbalas o quite la cita
error-intervention-description = Describa la intervención { $n } o quítela
error-intervention-rationale = La intervención { $n } se aparta del procedimiento habitual: indique el motivo
error-late-entry-reason = Esta es una anotación tardía: indique por qué la nota se escribe tarde
error-stray-section = La sección { $section } contiene texto que no forma parte de una nota { $format }: páselo a una sección o bórrelo

## Seguimientos (follow_up.rs)
follow-up-owner-worker = Profesional
follow-up-owner-client = Cliente
follow-up-owner-other = Otra persona
follow-up-describe-due = { $what } ({ $who }, para el { $due })
follow-up-status-done = Realizado
follow-up-status-in-progress = En curso
follow-up-status-not-done = No realizado
error-follow-up-what = Indique en qué consiste el seguimiento { $n } o quítelo
error-follow-up-who-name = Escriba el nombre de la persona que hará el seguimiento { $n }
error-follow-up-due = Indique la fecha límite del seguimiento { $n }
error-follow-up-due-invalid = La fecha límite del seguimiento { $n } debe ser una fecha real, como 2026-12-09
error-follow-up-reason = Indique por qué no se realizó “{ $what }” de la nota anterior

## Adendas (addendum.rs, record.rs)
error-addendum-to = Esta adenda no se puede vincular a su original: “{ $to }” no es la referencia de una nota. Vuelva a la nota original y elija de nuevo Escribir una adenda; si vuelve a ocurrir, avise a su administrador.
error-addendum-to-hash = Esta adenda no se puede vincular a su original: la huella digital del original que dio esta página está dañada. Vuelva a la nota original y elija de nuevo Escribir una adenda; si vuelve a ocurrir, avise a su administrador.
error-addendum-reason = Indique por qué escribe esta adenda
addendum-kind-amendment = Enmienda
addendum-kind-correction = Corrección
addendum-kind-clarification = Aclaración
addendum-kind-late-entry = Anotación tardía
addendum-kind-signature = Firma
addendum-signature-statement = Escribí esta nota y la firmo tal como se envió, sin cambios.

## Firma (record.rs)
attestation-default = Certifico que esta nota es exacta y completa según mi leal saber y entender, y que la escribí yo.

## Participantes y modos de contacto (contact.rs)
participant-role-client = Cliente
participant-role-family-member = Familiar
participant-role-collateral-contact = Contacto colateral
participant-role-other-professional = Otro profesional
participant-role-interpreter = Intérprete
participant-role-other = Otro
contact-mode-in-person = En persona
contact-mode-home-visit = Visita domiciliaria
contact-mode-phone = Teléfono
contact-mode-video = Videollamada
contact-mode-text-or-email = Texto o correo
contact-mode-collateral-contact = Contacto colateral
contact-mode-attempted-contact = Ausente / sin contacto

## Quién dijo una cita y avance de las metas (note.rs)
quote-speaker-client = Cliente
quote-speaker-family-member = Familiar
quote-speaker-collateral-contact = Contacto colateral
quote-speaker-other = Otro
goal-progress-improved = Mejoró
goal-progress-unchanged = Sin cambios
goal-progress-declined = Empeoró
goal-progress-not-assessed = No evaluado

## La nota anterior, rechazada (previous.rs, embed/properties.rs)
previous-refused-invalid = No se pudo mostrar la nota anterior: no es una nota válida de casenote JSON v1 ({ $problems }).
previous-refused-other-client = No se pudo mostrar la nota anterior: es de otro cliente distinto al de esta nota.
previous-refused-not-json = No se pudo mostrar la nota anterior: previousNote es un texto que no es JSON.
