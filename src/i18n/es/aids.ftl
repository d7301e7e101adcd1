# aids

## Sugerencias de las ayudas de redacción (writing/suggestions/); cada texto
## sigue a su encabezado ("“claims”", "Un número de teléfono")
aids-quoted = “{ $found }”
aids-show-quoted = Mostrar “{ $found }” en el texto
aids-show = Mostrar { $which } en el texto
aids-replace = Reemplazar por “{ $with }”
aids-replaced = Se reemplazó “{ $found }” por “{ $with }”.
aids-flag-explained = : { $explain } Pruebe: { $suggest }.
aids-flag-try = : pruebe { $suggest }.
aids-shorthand = es una forma abreviada de “{ $means }”: es posible que el próximo lector no la conozca.
aids-abbreviations = { $n ->
    [one] no está explicada. Escríbala completa una vez, como “ideación suicida (IS)”, para que el próximo lector sepa con certeza qué significa.
   *[other] no están explicadas. Escriba cada una completa una vez, como “ideación suicida (IS)”, para que el próximo lector sepa con certeza qué significan.
}
aids-wordy = dice lo mismo que “{ $shorter }”, con más palabras.
aids-long-sentences-lead = { $n ->
    [one] Una frase larga
   *[other] { $n } frases largas
}
aids-long-sentences = ({ $words } palabras): una frase de unas 20 palabras se entiende mejor. Considere { $n ->
    [one] dividirla
   *[other] dividirlas
}.
aids-long-sentence-the = la frase larga
aids-long-sentence-nth = la frase larga { $n }

## Avisos de secciones incompletas (writing/completeness.rs)
aids-prompt-plan-without-time = El plan no indica ningún próximo paso con un plazo. Diga qué sigue y cuándo: una fecha, un día o “dentro de dos semanas”.
aids-prompt-no-observation = Nada de esto se lee como algo que usted observó. Agregue lo que vio, oyó o midió: apariencia, conducta, un resultado.

## Identificadores (writing/identifiers/, writing/suggestions/)
aids-identifier = : { $why } Al ocultar el dato, queda una marca en su lugar.
aids-identifier-reason = Identifica a una persona por sí solo (45 CFR 164.514(b)(2)), y una nota debe contener solo lo mínimo necesario para su propósito (45 CFR 164.502(b)): conserve este dato en el expediente del cliente, no en el texto de la nota, salvo que esta nota lo necesite.
aids-identifier-same-reason = Omita también este dato, por la misma razón.
aids-identifier-lead-ssn = { $n ->
    [one] Un número de seguro social
   *[other] { $n } números de seguro social
}
aids-identifier-lead-phone = { $n ->
    [one] Un número de teléfono
   *[other] { $n } números de teléfono
}
aids-identifier-lead-email = { $n ->
    [one] Un correo electrónico
   *[other] { $n } correos electrónicos
}
aids-identifier-lead-birth-date = { $n ->
    [one] Una fecha de nacimiento completa
   *[other] { $n } fechas de nacimiento completas
}
aids-identifier-lead-street-address = { $n ->
    [one] Una dirección
   *[other] { $n } direcciones
}
aids-identifier-the-ssn = el número de seguro social
aids-identifier-the-phone = el número de teléfono
aids-identifier-the-email = el correo electrónico
aids-identifier-the-birth-date = la fecha de nacimiento
aids-identifier-the-street-address = la dirección
aids-identifier-nth-ssn = el número de seguro social { $n }
aids-identifier-nth-phone = el número de teléfono { $n }
aids-identifier-nth-email = el correo electrónico { $n }
aids-identifier-nth-birth-date = la fecha de nacimiento { $n }
aids-identifier-nth-street-address = la dirección { $n }
aids-mask = Ocultar { $which } como “{ $mask }”
aids-masked = Se ocultó { $which }.
# Lo que reemplaza a un identificador en el texto de la nota.
aids-mask-ssn = [número de seguro social terminado en { $last4 }]
aids-mask-phone = [número de teléfono]
aids-mask-email = [correo electrónico]
aids-mask-birth-date = [fecha de nacimiento]
aids-mask-street-address = [dirección]

## Las ayudas de una sección (views/aids.rs)
aids-word-count = { $n ->
    [one] { $n } palabra
   *[other] { $n } palabras
}
aids-undo = Deshacer
aids-stale = Ese pasaje cambió desde que se revisó, así que no se reemplazó nada. Las sugerencias ya están al día.
aids-list-label = Sugerencias de redacción para { $section }

## Descartar una sugerencia con un motivo (writing/dismissal.rs, views/dismiss.rs)
aids-dismiss = Descartar
aids-dismiss-why = ¿Por qué no corresponde “{ $found }”?
aids-dismiss-not-about-client = No se refiere al cliente
aids-dismiss-clients-own-words = Son palabras del propio cliente
aids-dismiss-clinically-accurate = Es clínicamente exacto
aids-dismiss-cancel = Mantener la sugerencia
aids-dismissed = Se descartó “{ $found }” ({ $reason }): no se volverá a sugerir mientras esta frase siga igual.

## Las listas y el modelo de las ayudas de redacción (ui/aids_data.rs)
aids-data-failed = No se pudieron cargar las listas de palabras, así que no se revisaron el lenguaje objetivo ni las frases con palabras de más (sí las formas abreviadas, las abreviaturas, los identificadores, las frases largas y las indicaciones). Se volverá a intentar en la próxima pausa al escribir.
