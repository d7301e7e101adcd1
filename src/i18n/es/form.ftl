# form

## Anotación tardía (views/late_entry.rs)
late-entry-title = Anotación tardía.
late-entry-explained = Esta nota se escribe { $hours } horas después de que terminó el servicio (las notas deben hacerse en un plazo de { $due } horas). Se marcará como anotación tardía.
late-entry-reason = Motivo de la anotación tardía

## Acerca de este contacto (views/meta.rs)
meta-legend = Acerca de este contacto
meta-client = Cliente
meta-format = Formato de la nota
meta-date = Fecha del servicio
meta-start = Hora de inicio
meta-end = Hora de fin
meta-overnight = La sesión continuó después de la medianoche
meta-duration = { $minutes ->
    [one] Duración: { $minutes } minuto
   *[other] Duración: { $minutes } minutos
}

## Etiqueta y error de un campo (views/field.rs; el prefijo del error también views/addendum.rs)
field-optional = (opcional)
field-error = Error:

## Las palabras del cliente (views/quotes.rs)
quote-mark-hint = Primero seleccione en el texto las palabras del cliente y luego elija Marcar el texto seleccionado como cita.
quote-group = { $section }: palabras del cliente
quote-title = Palabras del cliente
quote-add = Añadir una cita
quote-add-to = en { $section }
quote-mark = Marcar el texto seleccionado como cita
quote-mark-in = en { $section }
quote-which = (cita { $n } en { $section })
quote-words = Palabras, tal como se dijeron
quote-differs = Estas palabras ya no aparecen entre comillas en el texto de { $section }. La cita las conserva tal como están aquí.
quote-said-by = Dicho por
quote-context = Contexto (opcional)
quote-remove = Quitar la cita

## Metas (views/goals.rs)
goals-legend = Metas tratadas en este contacto
goals-hint = Marque cada meta del cliente que se trabajó en este contacto y cómo avanzó.
goals-progress = Avance en “{ $goal }”

## Intervenciones (views/interventions.rs)
interventions-legend = Intervenciones
interventions-hint = Qué hizo, por qué lo eligió y cómo lo recibió el cliente.
interventions-which = (intervención { $n })
interventions-description = Intervención { $n }: qué hizo
interventions-deviates = Se aparta del procedimiento habitual
interventions-rationale = Por qué eligió esta intervención
interventions-rationale-deviates = Por qué eligió esta intervención y por qué se apartó del procedimiento habitual (obligatorio)
interventions-response = Cómo respondió el cliente
interventions-response-prompt = ¿Cómo respondió el cliente? Unas palabras al respecto le muestran a quien lea la nota después si esto ayudó. No es obligatorio.
interventions-remove = Quitar la intervención { $n }
interventions-add = Añadir una intervención

## Retos (views/challenges.rs)
challenges-label = Retos y barreras (opcional)
challenges-hint = Lo que se interpone en el camino del cliente: dinero, transporte, salud, seguridad, servicios.

## Quién participó, cómo y dónde (views/contact.rs)
contact-legend = Quién participó, cómo y dónde
contact-how = Cómo se realizó el contacto
contact-how-not-said = Sin indicar
contact-location = Lugar
contact-attempt-hint = Una ausencia o un intento sin contacto solo necesita lo que corresponda: qué intentó, cuándo y qué pasó, en cualquier sección. Las demás secciones pueden quedar vacías.
participants-label = Participantes
participants-name = Participante { $n }: nombre
participants-role = Participante { $n }: función
participants-relationship = Participante { $n }: relación con el cliente
participants-relationship-hint = Por ejemplo madre, arrendador, agente de libertad condicional.
participants-remove = Quitar al participante { $n }
participants-add = Añadir un participante

## Seguimientos (views/follow_ups.rs)
follow-ups-legend = Seguimientos
follow-ups-hint = Los próximos pasos del plan: qué, quién lo hace y para cuándo. El sistema receptor puede convertirlos en tareas.
follow-ups-add = Añadir un seguimiento
follow-ups-what = Seguimiento { $n }: qué hay que hacer
follow-ups-who = Seguimiento { $n }: quién
follow-ups-who-name = Seguimiento { $n }: nombre de la persona
follow-ups-due = Seguimiento { $n }: fecha límite
follow-ups-remove = Quitar el seguimiento { $n }

## La nota anterior del cliente (views/previous_note.rs)
previous-note-title = Última nota: { $date } { $format }
previous-note-title-by = Última nota: { $date } { $format }, de { $author }
previous-note-read-only = Solo lectura. Con esta nota solo se guardan sus marcas en los seguimientos de la nota anterior.
previous-note-goals = Metas
previous-note-interventions = Intervenciones
previous-note-response = Respuesta del cliente: { $response }
previous-note-follow-ups = Sus seguimientos
previous-note-not-marked = Sin marcar
previous-note-not-done-reason = Por qué no se hizo (obligatorio)

## Adenda (views/addendum.rs)
addendum-legend = Adenda
addendum-explained = Esta es una adenda a la nota { $note }. La nota original no se modifica: esta adenda se envía como una nota aparte que remite a ella.
addendum-original = La nota original: { $parts }.
addendum-original-client = cliente { $client }
addendum-original-date = fecha del servicio { $date }
addendum-original-author = escrita por { $author }
addendum-kind-label = Tipo de adenda
addendum-reason = Por qué escribe esta adenda

## Dividir una nota pegada (views/paste_offer.rs)
paste-announce = Lo que pegó parece una nota completa con encabezados. Para dividirla en secciones, use los botones que siguen a este cuadro de texto.
paste-done = La nota pegada se dividió en { $sections }.
paste-group = Dividir la nota pegada
paste-offer = Esto parece una nota completa con encabezados ({ $sections }). ¿Desea dividirla en esas secciones?
paste-split = Dividir en secciones
paste-keep = Dejarla aquí

## Texto de otro formato (views/stray.rs)
stray-label = { $section } (de otro formato)
stray-hint = Este texto no forma parte de una nota { $format }. Muévalo a una sección de esta nota o bórrelo.
stray-move-into = Mover el texto de { $section } a
stray-move = Mover
stray-clear = Borrar el texto de { $section }
stray-clear-confirm = ¿Borrar este texto? No se podrá recuperar.

## El formulario de la nota (views/note_form.rs)
note-form-tip = Consejo: esta nota aún no tiene ninguna cita con las palabras del cliente. Una frase con sus propias palabras, en “Palabras del cliente”, lleva su voz a quien lea la nota después. No es obligatorio.
note-form-and = { $first } y { $last }
note-form-aids-summary = { $n ->
    [one] Hay { $n } sugerencia de redacción abierta, en { $sections }. Las sugerencias nunca le impiden enviar la nota.
   *[other] Hay { $n } sugerencias de redacción abiertas, en { $sections }. Las sugerencias nunca le impiden enviar la nota.
}
skip-label = Enlaces para saltar
skip-to-sections = Saltar a las secciones de la nota
skip-to-actions = Saltar a las acciones: Revisar y firmar
skip-to-actions-signed = Saltar a las acciones
note-form-label = Nota de caso
note-form-sections = Secciones de la nota
