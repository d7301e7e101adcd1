//! The words Spanish completeness prompts look for (the counterpart of
//! `completeness.rs`'s English lists): days, months and relative times
//! for a plan's next step; what was observed, heard or measured. With and
//! without accents, as notes are typed both ways.

/// Words that say when.
#[rustfmt::skip]
pub const TIME_WORDS: &[&str] = &[
    "hoy", "mañana", "pasado", "anteayer", "ayer", "lunes", "martes", "miércoles", "miercoles",
    "jueves", "viernes", "sábado", "sabado", "domingo", "finde", "enero", "febrero", "marzo",
    "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre", "octubre", "noviembre",
    "diciembre", "día", "días", "dia", "dias", "diario", "diaria", "diariamente", "semana",
    "semanas", "semanal", "semanalmente", "quincena", "quincenas", "quincenal", "mes", "meses",
    "mensual", "mensualmente", "bimensual", "trimestre", "trimestral", "semestre", "año", "años",
    "anual", "hora", "horas", "h", "hs", "minutos", "mediodía", "mediodia", "madrugada", "tarde",
    "noche", "urgente", "urgentemente", "inmediato", "inmediata", "inmediatamente", "próximamente",
    "proximamente", "lun", "mié", "mie", "jue", "vie", "sáb", "sab", "ene", "feb", "abr", "jun",
    "jul", "ago", "sep", "sept", "set", "oct", "nov", "dic", "próxima", "próximo", "proxima",
    "proximo",
];

/// Words that say something was observed or measured.
#[rustfmt::skip]
pub const OBSERVATION_WORDS: &[&str] = &[
    "observado", "observada", "observa", "observo", "observé", "observación", "objetivado",
    "objetivada", "objetiva", "aprecia", "apreciado", "constata", "constatado", "comprobado",
    "comprobada", "verificado", "verificada", "vi", "vimos", "visto", "oído", "escuché",
    "escuchamos", "notado", "acude", "acudió", "llega", "llegó", "llegada", "presenta",
    "presentaba", "presente", "ausente", "puntual", "temprano", "tarde", "minutos", "acompañado",
    "acompañada", "aspecto", "apariencia", "vestido", "vestida", "viste", "lleva", "aseo",
    "aseado", "aseada", "higiene", "arreglado", "arreglada", "conducta", "comportamiento",
    "actitud", "afecto", "ánimo", "animo", "humor", "habla", "discurso", "lenguaje", "tono", "voz",
    "contacto", "visual", "mirada", "llanto", "llora", "lloró", "lloroso", "llorosa", "sonríe",
    "sonrió", "ríe", "rió", "tranquilo", "tranquila", "calmado", "calmada", "alerta", "consciente",
    "orientado", "orientada", "sentado", "sentada", "camina", "caminó", "marcha", "deambula",
    "inquieto", "inquieta", "temblor", "tiembla", "temblaba", "olor", "huele", "farfullante",
    "estable", "inestable", "puntuación", "puntúa", "puntuó", "escala", "resultado", "resultados",
    "positivo", "negativo", "peso", "pesa", "pesó", "talla", "tensión", "ta", "pulso",
    "frecuencia", "temperatura", "saturación", "constantes", "visible", "hematoma", "hematomas",
    "moratón", "moratones", "lesión", "herida", "domicilio", "vivienda", "casa", "piso",
    "habitación", "cocina", "baño", "ordenado", "ordenada", "desordenado", "desordenada", "limpio",
    "limpia", "sucio", "sucia", "acumulación", "humedad", "ruido", "silencio", "responde",
    "respondió", "contesta", "contestó", "pregunta", "preguntó", "asiente", "asintió", "participa",
    "participó", "colabora", "asiste", "asistió", "completa", "completó", "trae", "trajo",
    "aporta", "aportó", "muestra", "mostró", "enseña", "firma", "firmó",
];
