//! When a word of the list counts only in one use: "claims" as a verb of
//! doubt ("she claims she paid"), not as a noun ("disability claims", "the
//! claims office"); "clean" and "dirty" about a test result or recovery
//! ("a urine screen was dirty", "clean for 30 days"), not about a room;
//! "user" and "habit" after a substance ("a heroin user", "a daily user"),
//! not "user guide". Judged from the words around it in the same sentence.

use serde::Deserialize;

use super::subject::{
    describes_a_thing, refused_rightly, reported, rule_subject, self_described,
    third_party_subject, POPULATION_FACTS,
};
use super::tokens::Word;

/// The use a term of the list is limited to (`Term::context`).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Context {
    DoubtVerb,
    TestOrRecovery,
    AfterSubstance,
}

impl Context {
    /// Whether the word counts inflected too ("claiming"), or only as
    /// written ("clean", not "cleaned").
    pub fn inflects(self) -> bool {
        self == Context::DoubtVerb
    }
}

/// Words before a noun: "the claims office", "her claim", "disability claims".
#[rustfmt::skip]
const BEFORE_A_NOUN: &[&str] = &[
    "a", "an", "the", "her", "his", "their", "its", "my", "our", "your", "this", "that", "these",
    "those", "any", "no", "each", "every", "one", "two", "several", "disability", "insurance",
    "benefit", "benefits", "housing", "unemployment", "medical", "pending", "new", "denied",
    "open", "approved", "file", "filed", "filing", "submit", "submitted", "lodge", "lodged",
    "legal", "injury", "compensation", "ssi", "ssdi", "damages", "property", "workers", "worker's",
    "of", "false", "valid", "initial", "previous", "fraudulent", "va", "snap", "small", "pip",
    "benefit's", "insurance's",
];
/// Words after a noun: "claims office", "claim form", "claims were denied".
#[rustfmt::skip]
const AFTER_A_NOUN: &[&str] = &[
    "office", "form", "forms", "process", "number", "adjuster", "department", "line", "status",
    "worker", "officer", "deadline", "appeal", "manager", "center", "centre", "were", "was", "are",
    "is", "has", "have", "had", "denial", "decision", "packet", "paperwork", "portal", "court",
    "within", "without",
];
/// What someone claims without doubt: benefits ("claimed housing benefit").
#[rustfmt::skip]
const CLAIMED_THINGS: &[&str] = &[
    "benefit", "benefits", "housing", "unemployment", "universal", "disability", "ssi", "ssdi",
    "credit", "credits", "allowance", "expenses", "for", "asylum", "refugee", "jobseeker's",
    "child", "tax", "her", "his", "their", "on", "upon",
];
/// A drug test: "urine screen", "UA", "tox".
#[rustfmt::skip]
const TEST_WORDS: &[&str] = &[
    "urine", "urines", "urinalysis", "ua", "uas", "uds", "utox", "tox screens", "screen", "screens", "screening", "test", "tests",
    "tested", "testing", "tox", "toxicology", "sample", "samples", "specimen", "drop", "drops",
    "result", "results", "panel",
];
/// Substances, and words about use: "clean from heroin", "a daily user".
#[rustfmt::skip]
const SUBSTANCE_WORDS: &[&str] = &[
    "drug", "drugs", "heroin", "meth", "methamphetamine", "cocaine", "crack", "opioid", "opioids",
    "opiate", "opiates", "fentanyl", "alcohol", "substance", "substances", "sober", "sobriety",
    "using", "iv", "intravenous", "injection", "marijuana", "cannabis", "pill", "pills", "benzo",
    "benzos", "polysubstance", "weed",
];
/// Words before "user" that make it about drug use: "a daily user".
const USE_QUALIFIERS: &[&str] = &["daily", "heavy", "known", "active", "chronic", "regular"];
/// "stayed clean", "got clean", "been clean".
#[rustfmt::skip]
const RECOVERY_VERBS: &[&str] = &[
    "stay", "stays", "stayed", "staying", "got", "get", "gets", "getting", "remain", "remains",
    "remained", "remaining", "been",
];
/// What may follow "stayed clean": "stayed clean since", "been clean now".
#[rustfmt::skip]
const AFTER_RECOVERY: &[&str] = &[
    "for", "since", "now", "from", "off", "of", "today", "again", "ever", "over", "through",
    "during", "while", "until",
];
/// "clean for a year", "clean for two months".
#[rustfmt::skip]
const NUMBER_WORDS: &[&str] = &[
    "a", "one", "two", "three", "four", "five", "six", "ten", "over", "almost", "nearly", "about",
];
#[rustfmt::skip]
const TIME_UNITS: &[&str] = &[
    "day", "days", "week", "weeks", "month", "months", "year", "years",
];
/// Tests of other things: "the tap water test came back clean".
#[rustfmt::skip]
const NOT_DRUG_TESTS: &[&str] = &[
    "water", "lead", "air", "mold", "mould", "radon", "soil", "background", "criminal", "credit",
    "record", "covid", "pregnancy", "tb", "blood", "agua", "plomo",
];
/// How many words either side a test word may stand: "the UA from Monday came back dirty".
const TEST_WINDOW: usize = 5;

/// The words of one sentence of a text, and where a word stands in it.
pub struct Around<'a> {
    pub text: &'a str,
    pub words: &'a [Word<'a>],
    /// The words in lower case.
    pub lower: &'a [String],
}

impl Around<'_> {
    /// Whether a sentence ends between word `a` and word `a + 1`.
    fn boundary_after(&self, a: usize) -> bool {
        let between = &self.text[self.words[a].end..self.words[a + 1].start];
        between.contains(['.', '!', '?', ';', '\n'])
    }

    fn prev(&self, i: usize) -> Option<&str> {
        (i > 0 && !self.boundary_after(i - 1)).then(|| self.lower[i - 1].as_str())
    }

    fn next(&self, i: usize) -> Option<&str> {
        (i + 1 < self.words.len() && !self.boundary_after(i)).then(|| self.lower[i + 1].as_str())
    }

    /// Word indexes of the sentence around word `i`, up to `n` either side.
    fn window(&self, i: usize, n: usize) -> impl Iterator<Item = &str> + '_ {
        let mut lo = i;
        while lo > 0 && i - lo < n && !self.boundary_after(lo - 1) {
            lo -= 1;
        }
        let mut hi = i;
        while hi + 1 < self.words.len() && hi - i < n && !self.boundary_after(hi) {
            hi += 1;
        }
        (lo..=hi)
            .filter(move |&k| k != i)
            .map(|k| self.lower[k].as_str())
    }

    /// Whether words `i..i + len` stand in one sentence.
    pub fn within_sentence(&self, i: usize, len: usize) -> bool {
        (i..i + len - 1).all(|k| !self.boundary_after(k))
    }

    /// The words of the sentence before word `i`, nearest last.
    fn before(&self, i: usize) -> Vec<&str> {
        let mut lo = i;
        while lo > 0 && !self.boundary_after(lo - 1) {
            lo -= 1;
        }
        self.lower[lo..i].iter().map(String::as_str).collect()
    }

    /// Whether a match of `category` at words `i..i + len` judges the
    /// client (see `subject.rs`): not the client's own description of
    /// themselves; for disapproval, doubt and "difficult" words, not what
    /// a third party did; and a single judging word not used of a thing.
    pub fn about_the_client(&self, category: &str, i: usize, len: usize) -> bool {
        let before = self.before(i);
        if self_described(&before) {
            return false;
        }
        let judges = matches!(
            category,
            "disapproval" | "credibility" | "difficult" | "label" | "judgement"
        );
        if judges && third_party_subject(&before) {
            return false;
        }
        // What the client (or someone else) said of themselves or was
        // called, reported: theirs, not the worker's judgement.
        let labels = matches!(
            category,
            "difficult"
                | "label"
                | "substance"
                | "disapproval"
                | "stereotyping"
                | "judgement"
                | "credibility"
        );
        if labels && reported(&before) {
            return false;
        }
        if matches!(category, "stereotyping" | "judgement")
            && self.sentence_has(i, POPULATION_FACTS)
        {
            return false;
        }
        // "insisted on", "insistió en": a wish held to, not doubt.
        if category == "credibility" && len == 1 && matches!(self.next(i), Some("on" | "en")) {
            return false;
        }
        // Refusing a drink, a ride or a fight, or until something is done.
        if category == "disapproval" && refused_rightly(&self.after(i + len - 1)) {
            return false;
        }
        // A rule, a policy or a law that is "non-negotiable" is no order of
        // the worker's.
        if category == "unilateral" && rule_subject(&before) {
            return false;
        }
        let last = i + len - 1;
        let after_next = self.next(last).and_then(|_| self.next(last + 1));
        let described = judges || category == "substance";
        !(described && describes_a_thing(self.next(last), after_next, &before))
    }

    /// The words of the sentence after word `i`, nearest first.
    fn after(&self, i: usize) -> Vec<&str> {
        let mut out = Vec::new();
        let mut k = i;
        while k + 1 < self.words.len() && !self.boundary_after(k) {
            k += 1;
            out.push(self.lower[k].as_str());
        }
        out
    }

    /// Whether the sentence around word `i` has one of `words`.
    fn sentence_has(&self, i: usize, words: &[&str]) -> bool {
        self.before(i).iter().any(|w| words.contains(w))
            || self.window(i, usize::MAX).any(|w| words.contains(&w))
    }

    /// Whether word `i` is used as `context` asks.
    pub fn holds(&self, context: Context, i: usize) -> bool {
        let is = |w: Option<&str>, list: &[&str]| w.is_some_and(|w| list.contains(&w));
        let (prev, next) = (self.prev(i), self.next(i));
        match context {
            Context::DoubtVerb => {
                !is(prev, BEFORE_A_NOUN)
                    && !is(next, AFTER_A_NOUN)
                    && !is(next, CLAIMED_THINGS)
                    // "to claim" is asking for something, not doubt.
                    && prev != Some("to")
            }
            Context::TestOrRecovery => {
                // A water, lead or background test is not a drug test.
                if self
                    .window(i, TEST_WINDOW)
                    .any(|w| NOT_DRUG_TESTS.contains(&w))
                {
                    return false;
                }
                let mut near = self.window(i, TEST_WINDOW);
                let after = self.words.get(i + 2).map(|_| self.lower[i + 2].as_str());
                near.any(|w| TEST_WORDS.contains(&w) || SUBSTANCE_WORDS.contains(&w))
                    || is(prev, RECOVERY_VERBS) && next.is_none_or(|w| AFTER_RECOVERY.contains(&w))
                    || is(prev, TIME_UNITS)
                    || next == Some("since")
                    || next == Some("time")
                    || next == Some("for")
                        && after.is_some_and(|w| {
                            w.chars().all(|c| c.is_ascii_digit())
                                || TIME_UNITS.contains(&w)
                                || NUMBER_WORDS.contains(&w)
                        })
            }
            // "a regular user of the library" is not about drugs.
            Context::AfterSubstance => {
                (is(prev, SUBSTANCE_WORDS) || is(prev, USE_QUALIFIERS)) && next != Some("of")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::data::shipped;

    fn flagged(text: &str) -> Vec<String> {
        shipped(casenote_text::Lang::En)
            .listed("assessment", text)
            .into_iter()
            .map(|f| f.found.to_lowercase())
            .collect()
    }

    #[test]
    fn claims_as_a_verb_of_doubt_is_flagged_and_as_a_noun_is_not() {
        for text in [
            "She claims she paid the rent.",
            "He claims to have called twice.",
            "The rent was paid, she claims.",
            "Client claimed that the landlord never came.",
            "They claim the heating is broken.",
        ] {
            assert_eq!(flagged(text).len(), 1, "{text}");
        }
        for text in [
            "Helped with her disability claims.",
            "Called the claims office about the appeal.",
            "Her claim was denied in March.",
            "The claims process takes six weeks.",
            "She claimed housing benefit last year.",
            "Plans to claim unemployment next week.",
            "Filed a claim with the insurer.",
        ] {
            assert_eq!(flagged(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn clean_and_dirty_about_tests_or_recovery_in_any_order() {
        for text in [
            "A urine screen was dirty.",
            "The UA from Monday came back dirty for opiates.",
            "Client has been clean for 30 days.",
            "Clean since March.",
            "He has 90 days clean.",
            "She stayed clean over the holidays.",
            "Tested dirty twice this month.",
        ] {
            assert_eq!(flagged(text).len(), 1, "{text}: {:?}", flagged(text));
        }
        for text in [
            "The apartment was clean and tidy.",
            "Dirty dishes in the sink.",
            "Gave her clean towels for the shelter bed.",
            "Kitchen was clean for the inspection.",
            "She washed the dirty laundry at the laundromat.",
        ] {
            assert_eq!(flagged(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn user_and_habit_only_after_a_substance() {
        assert_eq!(flagged("He is a daily user."), ["user"]);
        assert_eq!(flagged("Discussed his heroin habit."), ["habit"]);
        assert!(flagged("Showed her the user guide for the portal.").is_empty());
        assert!(flagged("Walking is a good habit she keeps.").is_empty());
    }
}
