//! Spanish shorthand (the counterpart of `shorthand.rs`'s English list),
//! and the capital abbreviations a Spanish reader knows without being told
//! (EE. UU., DNI). From the Ministerio de Sanidad's Diccionario de siglas
//! médicas (Yetano and Alberola, 2003), F. A. Navarro's Siglas médicas en
//! español (Cosnautas, 2024) and the RAE's rules for abbreviations; forms
//! with two meanings are explained, not replaced.

/// Shorthand, what it stands for, and the words to replace it with where
/// it has one meaning: written as `shorthand_in` compares them, in lower
/// case and without a final full stop ("pte." is "pte").
pub const SHORTHAND: &[(&str, &str, Option<&str>)] = &[
    ("pte", "paciente; también «pendiente»", None),
    ("ptes", "pacientes; también «pendientes»", None),
    ("pcte", "paciente", Some("paciente")),
    ("pdte", "pendiente", Some("pendiente")),
    ("tto", "tratamiento", Some("tratamiento")),
    ("trat", "tratamiento", Some("tratamiento")),
    ("dx", "diagnóstico", Some("diagnóstico")),
    ("tx", "tratamiento; también «trasplante» (tx renal)", None),
    ("hª", "historia (hª clínica)", Some("historia")),
    ("antec", "antecedentes", Some("antecedentes")),
    ("sdr", "síndrome", Some("síndrome")),
    ("rx", "radiografía", Some("radiografía")),
    ("bq", "bioquímica (análisis de sangre)", Some("bioquímica")),
    ("psq", "psiquiatría", Some("psiquiatría")),
    ("psiq", "psiquiatría", Some("psiquiatría")),
    ("urg", "urgencias", Some("urgencias")),
    ("ctrl", "control", Some("control")),
    ("sgto", "seguimiento", Some("seguimiento")),
    ("seg", "seguimiento; también «segundos»", None),
    ("obs", "observaciones", Some("observaciones")),
    ("aprox", "aproximadamente", Some("aproximadamente")),
    ("ppal", "principal", Some("principal")),
    ("gral", "general", Some("general")),
    ("dcha", "derecha", Some("derecha")),
    ("izq", "izquierda", Some("izquierda")),
    ("izda", "izquierda", Some("izquierda")),
    ("acomp", "acompañado, acompañada; o acompañante", None),
    ("prox", "próximo, próxima", None),
    ("sem", "semana(s)", None),
    ("neg", "negativo, negativa", None),
    (
        "inf",
        "informe; también información, inferior, infección",
        None,
    ),
    ("dom", "domicilio; también domingo", None),
    ("hab", "habitación; también habitantes, habitual", None),
    ("fam", "familia, familiar", None),
    ("flia", "familia", Some("familia")),
    ("info", "información", Some("información")),
    (
        "c/",
        "con; también «cada» (c/ 8 h) y «calle» (c/ Mayor)",
        None,
    ),
    ("s/", "sin; también «según» (s/ informe)", None),
    ("p/", "para", Some("para")),
    (
        "d/",
        "de (abreviatura informal); en pautas, «día» (1 comp/d)",
        None,
    ),
    ("c/d", "cada día", Some("cada día")),
    (
        "s/n",
        "sin número (dirección); en pautas, «si necesita»",
        None,
    ),
    ("a/c", "a cargo de; también «a cuenta de»", None),
    ("c/c", "cuenta corriente; también «con copia»", None),
    ("x", "por (3 x semana)", Some("por")),
    ("q", "que", Some("que")),
    ("xq", "porque (o «por qué»)", Some("porque")),
    ("pq", "porque (o «por qué»)", Some("porque")),
    ("tb", "también", Some("también")),
    ("tmb", "también", Some("también")),
    ("tbn", "también", Some("también")),
];

/// Capital abbreviations that need no spelling out in a Spanish note.
#[rustfmt::skip]
pub const KNOWN: &[&str] = &["USD", "EUR", "MXN", "CURP", "RFC", "INE", "IMSS", "ISSSTE", "DIF", "ICBF", "SEP", "CIE", "DSM", "THC", "CIWA", "PHQ", "GAD", "AA", "ADN", "BOE", "CC", "COVID", "CP", "DNI", "EE", "ESO", "FP", "HH", "IRPF", "IVA", "JJ", "NIE", "NIF", "OMS", "ONG", "ONU", "OO", "PDF", "RR", "SEPE", "SIDA", "SMS", "TV", "UCI", "UE", "UU", "VIH"];
