//! The inbox's filters: by client, by author, by where a note stands
//! (awaiting review, returned, co-signed, unsigned) and by words in its
//! text, as query parameters a page and its pager keep. Matching is plain
//! Rust over the domain's types (`Standing::of`), so it is the same
//! whichever store holds the notes.

use casenote_format::record::AddendumKind;
use casenote_format::review::{ReviewV1, Standing};
use casenote_format::PayloadV1;
use serde::Deserialize;

/// Where a note stands, as the status filter names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Awaiting review: sent for it, or a revision, and not yet decided.
    Awaiting,
    Returned,
    CoSigned,
    /// Sent unsigned, and not signed later.
    Unsigned,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Awaiting,
        Status::Returned,
        Status::CoSigned,
        Status::Unsigned,
    ];

    /// Its value in the query (`status=awaitingReview`).
    pub fn value(self) -> &'static str {
        match self {
            Status::Awaiting => "awaitingReview",
            Status::Returned => "returned",
            Status::CoSigned => "coSigned",
            Status::Unsigned => "unsigned",
        }
    }
}

/// The filters as the query gives them: empty values are no filter.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct FilterQuery {
    pub client: Option<String>,
    pub author: Option<String>,
    pub status: Option<String>,
    pub q: Option<String>,
}

/// The filters a page applies.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub client: String,
    pub author: String,
    pub status: Option<Status>,
    pub text: String,
}

/// What a note is matched against besides itself.
pub struct Facts<'a> {
    pub reviews: &'a [ReviewV1],
    /// A signature addendum to it is stored.
    pub signed_later: bool,
}

/// Whether `needle` (lower case) is in `hay`, ignoring case.
fn has(hay: &str, needle: &str) -> bool {
    hay.to_lowercase().contains(needle)
}

/// Whether an (id, name) is the one asked for: the id exactly (ignoring
/// case), or words of the name.
fn names(id: &str, name: &str, asked: &str) -> bool {
    id.trim().eq_ignore_ascii_case(asked) || has(name, asked)
}

impl Filter {
    /// Reads the query; a status that names none is an error in words.
    pub fn from_query(q: &FilterQuery) -> Result<Self, String> {
        let text = |v: &Option<String>| v.as_deref().unwrap_or("").trim().to_lowercase();
        let status = match q.status.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(s) => Some(
                Status::ALL
                    .into_iter()
                    .find(|x| x.value().eq_ignore_ascii_case(s))
                    .ok_or_else(|| {
                        let known: Vec<&str> = Status::ALL.iter().map(|x| x.value()).collect();
                        format!("status={s}: give one of {}", known.join(", "))
                    })?,
            ),
        };
        Ok(Filter {
            client: text(&q.client),
            author: text(&q.author),
            status,
            text: text(&q.q),
        })
    }

    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// The query that gives these filters again (`&client=…`), for links.
    pub fn query(&self) -> String {
        let enc = |v: &str| super::path_segment(v);
        let mut q = String::new();
        for (name, value) in [
            ("client", self.client.as_str()),
            ("author", self.author.as_str()),
            ("status", self.status.map_or("", Status::value)),
            ("q", self.text.as_str()),
        ] {
            if !value.is_empty() {
                q.push_str(&format!("&{name}={}", enc(value)));
            }
        }
        q
    }

    /// Whether note `p` passes every filter.
    pub fn matches(&self, p: &PayloadV1, facts: &Facts<'_>) -> bool {
        let client = self.client.is_empty() || names(&p.client.id, &p.client.name, &self.client);
        let author = self.author.is_empty()
            || p.author
                .as_ref()
                .is_some_and(|a| names(&a.id, &a.name, &self.author));
        let text = self.text.is_empty()
            || p.sections.iter().any(|s| {
                has(&s.text, &self.text) || s.quotes.iter().any(|q| has(&q.text, &self.text))
            })
            || p.challenges.as_deref().is_some_and(|c| has(c, &self.text));
        client && author && text && self.status.is_none_or(|s| status_of(p, facts) == Some(s))
    }
}

/// Where note `p` stands, as the filter names it (`None`: signed, and no
/// review asked for or given).
pub fn status_of(p: &PayloadV1, facts: &Facts<'_>) -> Option<Status> {
    match Standing::of(p, facts.reviews) {
        Standing::AwaitingReview | Standing::RevisedAwaitingReview => Some(Status::Awaiting),
        Standing::Returned => Some(Status::Returned),
        Standing::CoSigned => Some(Status::CoSigned),
        Standing::NotRequired => {
            let signature_addendum = p
                .addendum
                .as_ref()
                .is_some_and(|a| a.kind == AddendumKind::Signature);
            (p.signature.is_none() && !signature_addendum && !facts.signed_later)
                .then_some(Status::Unsigned)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note() -> PayloadV1 {
        let mut n = casenote_format::Note::new(
            "0f8fad5b-d9cb-469f-a165-70867728950e".into(),
            "soap",
            "2026-11-26T09:00:00Z".into(),
        );
        n.client.id = "C-1".into();
        n.client.name = "Jo Rivera".into();
        n.author.id = "W-7".into();
        n.author.name = "Sam Worker".into();
        n.service.date = "2026-11-26".into();
        n.section_mut("subjective").text = "Talked about the Eviction notice.".into();
        PayloadV1::build(
            &n,
            &casenote_format::Template::soap(),
            &casenote_format::BuildContext::at("2026-11-26T10:00:00Z"),
        )
    }

    const NONE: Facts<'static> = Facts {
        reviews: &[],
        signed_later: false,
    };

    fn filter(client: &str, author: &str, status: &str, q: &str) -> Filter {
        let some = |v: &str| Some(v.to_string());
        Filter::from_query(&FilterQuery {
            client: some(client),
            author: some(author),
            status: some(status),
            q: some(q),
        })
        .unwrap()
    }

    #[test]
    fn each_filter_narrows_and_empty_ones_do_not() {
        let p = note();
        assert!(filter("", "", "", "").is_empty());
        assert!(filter("", "", "", "").matches(&p, &NONE));
        assert!(filter("c-1", "", "", "").matches(&p, &NONE));
        assert!(filter(" rivera ", "", "", "").matches(&p, &NONE));
        assert!(!filter("C-2", "", "", "").matches(&p, &NONE));
        assert!(filter("", "w-7", "", "").matches(&p, &NONE));
        assert!(filter("", "sam", "", "").matches(&p, &NONE));
        assert!(!filter("", "dana", "", "").matches(&p, &NONE));
        assert!(filter("", "", "", "eviction").matches(&p, &NONE));
        assert!(
            !filter("", "", "", "subjective").matches(&p, &NONE),
            "keys are not text"
        );
        assert!(filter("", "", "unsigned", "").matches(&p, &NONE));
        let signed_later = Facts {
            reviews: &[],
            signed_later: true,
        };
        assert!(!filter("", "", "unsigned", "").matches(&p, &signed_later));
        assert!(!filter("", "", "awaitingReview", "").matches(&p, &NONE));
        let mut r = p.clone();
        r.review_required = true;
        r.canonical_version = 5;
        let r = r.with_hash();
        assert!(filter("", "", "AWAITINGREVIEW", "").matches(&r, &NONE));
    }

    #[test]
    fn a_status_that_names_none_is_refused_and_a_query_round_trips() {
        let e = Filter::from_query(&FilterQuery {
            status: Some("approved".into()),
            ..FilterQuery::default()
        })
        .unwrap_err();
        assert!(
            e.contains("awaitingReview, returned, coSigned, unsigned"),
            "{e}"
        );
        let f = filter("Jo R", "", "returned", "");
        assert_eq!(f.query(), "&client=jo%20r&status=returned");
    }
}
