//! Who does what: a word of disapproval or doubt counts when the client or
//! the client's side does it ("Client refused the referral", "Mom failed
//! to attend"), not when a third party does ("The landlord refused to fix
//! the heat", "the pharmacy failed to fill it", "the hotline report
//! alleges"). And a word that judges a person counts about a person, not
//! in its technical or everyday sense ("aggressive treatment", "a hostile
//! work environment claim", "a demanding work schedule"), nor in the
//! client's own description of themselves ("described herself as
//! stubborn").
//!
//! The subject is the nearest noun or pronoun before the word in its
//! clause; where none is known, the word counts, as before.

/// Third parties: people, places and bodies other than the client and
/// the client's family.
#[rustfmt::skip]
const THIRD_PARTIES: &[&str] = &[
    "landlord", "landlords", "landlady", "property", "manager", "management", "super",
    "superintendent", "owner", "owners", "pharmacy", "pharmacist", "utility", "utilities",
    "company", "companies", "school", "schools", "district", "principal", "teacher", "teachers",
    "court", "courts", "judge", "insurer", "insurance", "medicaid", "medicare", "agency", "agencies",
    "office", "facility", "facilities", "hospital", "hospitals", "shelter", "employer", "employers",
    "bank", "lender", "program", "programs", "provider", "providers", "clinic", "doctor", "dr",
    "psychiatrist", "surgeon", "physician", "prescriber", "nurse", "officer", "police", "staff",
    "authority", "department", "county", "city", "state", "building", "system", "dss", "cps", "aps",
    "ssa", "hud", "pha", "dmv", "report", "hotline", "complaint", "petition", "referral",
    "lawsuit", "caller", "reporter", "neighbor", "neighbour", "neighbors", "neighbours",
    "contractor", "plan", "application", "board", "worker", "caseworker", "supervisor", "i", "we",
    "center", "centre", "home", "nursing", "attorney", "lawyer", "prosecutor", "probation",
    "parole", "po", "dentist", "therapist", "counselor", "counsellor", "coach", "boss", "union",
    "hr", "eeoc", "house", "council", "daycare", "nursery", "jail", "prison", "cárcel", "dwp", "maker", "coordinator", "oncology", "autobús", "carer", "surgery", "gp", "locum", "aide", "aides", "store", "bus", "driver", "carrier", "vendor", "tribunal", "panel", "team",
    // Spanish
    "casero", "casera", "arrendador", "arrendadora", "propietario", "propietaria", "dueño",
    "dueña", "farmacia", "escuela", "colegio", "instituto", "juez", "jueza", "juzgado", "seguro",
    "aseguradora", "agencia", "oficina", "hospital", "albergue", "empleador", "empresa", "banco",
    "programa", "proveedor", "clínica", "médico", "médica", "doctor", "doctora", "psiquiatra",
    "enfermera", "enfermero", "policía", "personal", "departamento", "condado", "ciudad",
    "edificio", "sistema", "informe", "denuncia", "demanda", "maestro", "maestra", "profesor",
    "profesora", "director", "directora", "vecino", "vecina", "abogado", "abogada", "agente",
    "compañía", "centro", "residencia", "ayuntamiento", "servicio", "servicios", "yo",
    "nosotros",
];

/// Words that end the search for a subject: a new clause starts after
/// them.
#[rustfmt::skip]
const CLAUSE_BREAKS: &[&str] = &[
    "and", "but", "so", "because", "after", "when", "while", "although", "though", "since",
    "which", "who", "that", "then", "yet", "y", "pero", "porque", "cuando", "aunque", "que",
    "quien", "mientras", "luego", "después",
];

/// Things a judging word can describe without judging a person:
/// "aggressive treatment", "hostile work environment", "demanding job".
#[rustfmt::skip]
const THINGS: &[&str] = &[
    "treatment", "treatments", "form", "forms", "cancer", "tumor", "tumour", "disease", "work",
    "workplace", "environment", "schedule", "schedules", "therapy", "plan", "approach", "pace",
    "job", "jobs", "shift", "shifts", "deadline", "deadlines", "course", "regimen", "dose",
    "dosing", "outreach", "marketing", "driving", "dog", "dogs", "takeover", "bacteria",
    "infection", "strain", "timeline", "caseload", "week", "weeks", "year", "position",
    "stance", "posture", "disorder", "disorders", "antibiotic", "antibiotics", "organism",
    "organisms", "eye", "eyes", "points", "miles", "roster", "timetable", "workload", "letter", "letters", "notice", "tone", "collection", "collections",
    "tratamiento", "forma", "cáncer", "trabajo", "ambiente", "horario", "terapia", "enfoque",
    "ritmo", "empleo", "turno", "plazo", "curso", "dosis", "tumor", "enfermedad", "infección",
    "quimioterapia", "crecimiento", "neumonía", "bacteria", "antibióticos", "dolor", "recuerdo", "círculo",
    "resultado", "prueba", "barandilla", "puerta", "escalera", "ventana", "silla", "mesa", "alimentos", "humedades", "humedad", "edificio",
];

/// "described herself as stubborn", "calls himself an addict": the
/// client's own description, reported.
#[rustfmt::skip]
const SELF_WORDS: &[&str] = &["himself", "herself", "themselves", "themself", "myself"];
#[rustfmt::skip]
const DESCRIBE_VERBS: &[&str] = &[
    "describe", "describes", "described", "describing", "call", "calls", "called", "calling",
    "refer", "refers", "referred", "identify", "identifies", "identified", "consider",
    "considers", "considered", "see", "sees", "saw", "label", "labels", "labeled", "labelled",
];

/// Whether the word at `i` of `lower` (one sentence's words before it are
/// `before`, nearest last) has a third party as its subject.
pub fn third_party_subject(before: &[&str]) -> bool {
    for (n, w) in before.iter().rev().enumerate() {
        if n >= 12 || CLAUSE_BREAKS.contains(w) {
            return false;
        }
        // "the building's system", "the landlord's agent": the owner
        // decides.
        let w = w.trim_end_matches("'s").trim_end_matches("’s");
        if THIRD_PARTIES.contains(&w) {
            return true;
        }
        if is_client_side(w) {
            // "another resident", "other tenants": not this client.
            let k = before.len() - 1 - n;
            return k > 0
                && matches!(
                    before[k - 1],
                    "another" | "other" | "foster" | "ex" | "former" | "previous" | "otro" | "otra"
                );
        }
    }
    false
}

/// What someone is right to refuse: a drink, a ride, a fight. Refusing
/// one of these is a strength, not a judgement ("refused the drink and
/// called her sponsor"); nor is refusing until something is done ("refused
/// to sign until the landlord fixed the alarm").
#[rustfmt::skip]
const REFUSED_RIGHTLY: &[&str] = &[
    "drink", "drinks", "alcohol", "beer", "vape", "vaping", "drug", "drugs", "pills", "joint",
    "ride", "lift", "fight", "offer", "cash", "until", "unless", "beber", "alcohol", "copa",
    "droga", "drogas", "pelea", "coche", "hasta", "salvo", "irse", "subir",
];

/// Whether the words after a refusal (`after`, nearest first, in its
/// clause) say it was a refusal a reviewer would not judge.
pub fn refused_rightly(after: &[&str]) -> bool {
    after
        .iter()
        .take(8)
        .take_while(|w| !matches!(**w, "and" | "but" | "y" | "pero"))
        .any(|w| REFUSED_RIGHTLY.contains(w))
}

/// Whether the subject before a word is a rule, not a person: "the
/// waitlist rule is non-negotiable", "the court order requires".
pub fn rule_subject(before: &[&str]) -> bool {
    #[rustfmt::skip]
    const RULES: &[&str] = &[
        "rule", "rules", "policy", "policies", "law", "laws", "regulation", "regulations",
        "requirement", "requirements", "condition", "conditions", "order", "statute", "lease",
        "contract", "norma", "normas", "ley", "reglamento", "requisito", "contrato",
    ];
    before
        .iter()
        .rev()
        .take(6)
        .take_while(|w| !CLAUSE_BREAKS.contains(w))
        .any(|w| RULES.contains(w))
}

/// The client and the client's side: who the note is about.
fn is_client_side(w: &str) -> bool {
    #[rustfmt::skip]
    const CLIENT_SIDE: &[&str] = &[
        "client", "cl", "clt", "pt", "patient", "she", "he", "they", "her", "his", "him", "them",
        "mother", "mom", "mum", "father", "dad", "parent", "parents", "son", "daughter",
        "grandmother", "grandfather", "grandma", "grandpa", "family", "resident", "tenant",
        "student", "youth", "child", "boyfriend", "girlfriend", "husband", "wife", "partner",
        "caregiver", "guardian", "aunt", "uncle", "sister", "brother", "member", "consumer",
        "participant", "individual", "mr", "mrs", "ms", "miss", "cliente", "usuario", "usuaria",
        "paciente", "pte", "pcte", "ella", "él", "ellos", "ellas", "madre", "mamá", "padre",
        "papá", "hijo", "hija", "abuela", "abuelo", "familia", "residente", "inquilino",
        "inquilina", "estudiante", "alumno", "alumna", "menor", "joven", "sr", "sra", "srta",
        "tía", "tío", "hermana", "hermano", "pareja", "esposo", "esposa", "marido", "mujer",
    ];
    CLIENT_SIDE.contains(&w)
}

/// Whether the judging word is used of a thing: the word after it is a
/// thing ("hostile work environment"), or one of the two before it is,
/// as a Spanish adjective follows its noun ("tratamiento agresivo",
/// "la barandilla está floja"), or it is one "de" a thing
/// ("manipulador de alimentos").
pub fn describes_a_thing(next: Option<&str>, after_next: Option<&str>, before: &[&str]) -> bool {
    let thing = |w: &&str| THINGS.contains(w);
    next.is_some_and(|n| thing(&n))
        || next == Some("de") && after_next.is_some_and(|n| thing(&n))
        || before.iter().rev().take(2).any(thing)
}

/// Verbs that report what someone said, thought or was called: the words
/// after them in their clause are that person's, reported ("he says he
/// used to be a heavy drinker", "his PO called him non-compliant").
#[rustfmt::skip]
const REPORTING: &[&str] = &[
    "says", "said", "say", "reports", "reported", "report", "states", "stated", "state", "told",
    "tells", "explains", "explained", "describes", "described", "admits", "admitted",
    "acknowledges", "acknowledged", "thinks", "thought", "feels", "felt", "knows", "believes",
    "shared", "disclosed", "called", "calls", "sees", "see", "saw", "considers", "wrote",
    "dice", "dijo", "refiere", "refirió", "cuenta", "contó", "reconoce", "reconoció", "piensa",
    "cree", "siente", "llama", "llamó", "llaman", "considera", "afirma", "afirmó", "comenta",
    "comentó", "expresa", "expresó", "manifiesta", "manifestó", "relata", "relató", "explica",
    "explicó", "admite", "admitió", "describe", "describió",
];

/// Whether the word after `before` stands in a clause that reports what
/// someone said or thought (a reporting verb earlier in it, "that"
/// allowed between).
pub fn reported(before: &[&str]) -> bool {
    for (n, w) in before.iter().enumerate().rev().take(10) {
        if REPORTING.contains(w) {
            // "described as drug seeking" says it of someone, unnamed.
            return before.get(n + 1) != Some(&"as");
        }
        if *w != "that" && *w != "que" && CLAUSE_BREAKS.contains(w) {
            return false;
        }
    }
    false
}

/// Words that make a sentence a statement about a population, cited as a
/// fact ("per 2023 OCR data", "rates", "a study"), not about this client.
#[rustfmt::skip]
pub const POPULATION_FACTS: &[&str] = &[
    "data", "statistics", "study", "studies", "survey", "census", "research", "rate", "rates",
    "statewide", "nationally", "nationwide", "countywide", "datos", "estadísticas", "estudio",
    "estudios", "encuesta", "tasa", "tasas",
];

/// Spanish: "se describió como", "se considera".
#[rustfmt::skip]
const DESCRIBE_VERBS_ES: &[&str] = &[
    "describe", "describió", "describía", "considera", "consideró", "define", "definió", "llama",
    "llamó", "ve", "vio", "identifica", "identificó",
];

/// Whether `before` (the sentence's words before the word, nearest last)
/// reports the client's own description of themselves.
pub fn self_described(before: &[&str]) -> bool {
    let k = before.len();
    (1..k.min(9)).any(|back| {
        let at = k - back;
        SELF_WORDS.contains(&before[at]) && DESCRIBE_VERBS.contains(&before[at - 1])
            || DESCRIBE_VERBS_ES.contains(&before[at]) && before[at - 1] == "se"
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        s.split(' ').collect()
    }

    #[test]
    fn the_subject_is_the_nearest_party_in_the_clause() {
        assert!(third_party_subject(&words("the landlord")));
        assert!(third_party_subject(&words(
            "the building's fire alarm system is"
        )));
        assert!(third_party_subject(&words("the psychiatrist was")));
        assert!(!third_party_subject(&words("client")));
        assert!(!third_party_subject(&words(
            "the landlord called and client"
        )));
        assert!(!third_party_subject(&words("mom")));
        assert!(!third_party_subject(&[]));
        // Past a clause break, the client is back in view.
        assert!(!third_party_subject(&words("the landlord came by but")));
    }

    #[test]
    fn a_thing_or_a_self_description_is_not_a_judgement() {
        assert!(describes_a_thing(Some("treatment"), None, &[]));
        assert!(!describes_a_thing(
            Some("towards"),
            Some("staff"),
            &["he", "was"]
        ));
        assert!(!describes_a_thing(None, None, &[]));
        assert!(describes_a_thing(None, None, &["un", "tratamiento"]));
        assert!(describes_a_thing(Some("de"), Some("alimentos"), &["el"]));
        assert!(self_described(&words("mr dubois described himself as")));
        assert!(!self_described(&words("staff described him as")));
    }
}
