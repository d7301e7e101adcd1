# record

## Plantillas incluidas (template/localized.rs)
section-subjective-label = Subjetivo
section-objective-label = Objetivo
section-assessment-label = Evaluación
section-plan-label = Plan
section-data-label = Datos
section-behavior-label = Conducta
section-intervention-label = Intervención
section-response-label = Respuesta
section-goal-label = Meta
section-problem-label = Problema
section-evaluation-label = Evaluación
section-addendum-label = Adenda
section-plan-prompt = Próximos pasos: acciones, derivaciones, quién hace qué y para cuándo, y el próximo contacto.
template-soap-subjective-prompt = Lo que informaron el cliente y otras personas: preocupaciones, sentimientos, su versión de los hechos, con sus propias palabras cuando sea posible.
template-soap-objective-prompt = Lo que usted observó y puede verificar: apariencia, conducta, hechos, mediciones. Sin interpretaciones.
template-soap-assessment-prompt = Su análisis profesional de la información subjetiva y objetiva: avances, riesgos, necesidades.
template-dap-data-prompt = Lo que se dijo y se observó en la sesión: las palabras del cliente, sus observaciones, los hechos.
template-dap-assessment-prompt = Su interpretación profesional de los datos: avances, riesgos, necesidades.
template-birp-behavior-prompt = Lo que usted observó y lo que informó el cliente: conducta, estado de ánimo, declaraciones.
template-birp-intervention-prompt = Lo que usted hizo: los métodos y las técnicas que utilizó, y por qué.
template-birp-response-prompt = Cómo respondió el cliente a las intervenciones, con sus propias palabras cuando sea posible.
template-girp-goal-prompt = La meta en la que se trabajó en este contacto, en los términos del cliente.
template-girp-intervention-prompt = Lo que usted hizo para avanzar hacia la meta, y por qué.
template-girp-response-prompt = Cómo respondió el cliente y cualquier avance hacia la meta.
template-pie-problem-prompt = El problema o la necesidad que se abordó en este contacto, según lo observado y lo informado.
template-pie-intervention-prompt = Lo que usted hizo respecto al problema, y por qué.
template-pie-evaluation-prompt = Cómo respondió el cliente y si el problema cambió; qué sigue.
template-addendum-name = Adenda
template-addendum-prompt = Lo que agrega o corrige, con los hechos. La nota original se mantiene tal como estaba.

## El registro impreso (record_html.rs) y el texto simple (render.rs)
record-title = Nota { $format }
record-title-listed = Nota { $format }: { $client }
record-draft-mark = BORRADOR: sin firmar
record-client = Cliente
# Junto al nombre del cliente: "Jo Lee (ID C-1)".
record-client-id = ID { $id }
record-service-date = Fecha del servicio
record-minutes = { $n ->
    [one] { $n } minuto
   *[other] { $n } minutos
}
record-format = Formato
record-written-by = Escrita por
record-contact = Contacto
record-location = Lugar
record-participants = Participantes
# Le siguen el id de la nota original y record-addendum-reason.
record-addendum-to = Adenda ({ $kind }) a la nota
record-addendum-reason = . Motivo: { $reason }
record-late-entry = Anotación tardía: registrada { $hours } horas después del servicio. Motivo: { $reason }
record-text-addendum = ADENDA ({ $kind }) a la nota { $to }. Motivo: { $reason }
record-text-late-entry = ANOTACIÓN TARDÍA: registrada { $hours } horas después del servicio. Motivo: { $reason }
record-goals = Metas trabajadas
record-challenges = Dificultades y obstáculos
record-interventions = Intervenciones
record-why = Por qué: { $why }
record-deviates = Se aparta del procedimiento habitual (motivo indicado arriba).
record-client-response = Respuesta del cliente: { $response }
record-follow-ups = Seguimientos
record-previous-follow-ups = Seguimientos de la nota anterior
record-signature = Firma
# Le siguen la hora de la firma y un punto.
record-signed-by = Firmada por { $name } el
record-text-signed-by = Firmada por { $name } ({ $id }) el { $at }.
record-content-hash = SHA-256 del contenido: { $hash }
record-not-signed = Sin firmar. Esto es un borrador, no el registro.
# The FHIR form's attachment that carries the casenote JSON.
fhir-json-title = JSON de casenote v1
record-review-awaiting = Pendiente de revisión por un supervisor
record-review-revised = Revisión de la nota { $to }, que fue devuelta: pendiente de revisión por un supervisor
record-review = Revisión del supervisor
record-review-returned = Devuelta para revisión
record-review-cosigned = Firmada también por un supervisor
record-review-cosigned-by = Firmada también por { $who } el
record-review-returned-by = Devuelta para revisión por { $who } el
record-review-about-note = La nota entera
record-review-about-quote = Cita { $n } en { $section }
record-review-about-intervention = Intervención { $n }
record-review-hash = SHA-256 de la revisión: { $hash }
