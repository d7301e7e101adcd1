//! casenote's words (`casenote-text`): every string the worker sees or
//! hears comes from the catalog here, one Project Fluent file per area and
//! language (`en/*.ftl`, `es/*.ftl`); and everything said in it about a
//! note: its values' labels (`labels.rs`), its problems (`words.rs`), the
//! built-in templates (`localized.rs`), the client's last note
//! (`previous.rs`), the plain text (`render.rs`) and the printed record
//! (`record_html/`). Plain Rust with no browser types: the element and the
//! reference receiver read the same catalog.
//!
//! ```
//! use casenote_text::{Catalog, Lang};
//! let es = Lang::negotiate("es-MX");
//! assert_eq!(es, Lang::Es);
//! assert_eq!(es.t("lang-name"), "Español");
//! assert_eq!(casenote_text::tr!(Lang::En, "test-count", n = 2), "2 notes");
//! ```
//!
//! A message that is missing in a language falls back to English and then
//! to its id; `tests.rs` fails when any language lacks a message, a
//! message's variables differ between languages, or the code asks for an
//! id the catalog does not have.
//!
//! Adding a language (README: Languages): a folder beside `en/` with the
//! same files, a variant of [`Lang`] with its tag and place in
//! [`Lang::ALL`], and its folder's line in `catalog!`.

use std::sync::OnceLock;

pub mod body;
pub mod fhir;
pub mod fhir_wrapper;
pub mod labels;
pub mod localized;
pub mod previous;
pub mod record_html;
pub mod render;
pub mod words;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

pub use casenote_format::Lang;
pub use fluent_bundle::FluentArgs as Args;

/// The catalog's areas: a file of each name in each language's folder.
/// The areas after `host:` are the reference receiver's pages (the inbox,
/// an addendum): in the same catalog, read on the host only, so they cost
/// the editor's bundle nothing.
macro_rules! catalog {
    ($($area:literal),* ; host: $($host:literal),*) => {
        /// Each language's files, by area, in the order of [`Lang::ALL`].
        #[cfg(target_arch = "wasm32")]
        pub(crate) const FILES: [(Lang, &[(&str, &str)]); Lang::ALL.len()] = [
            (Lang::En, &[$(($area, include_str!(concat!("en/", $area, ".ftl")))),*]),
            (Lang::Es, &[$(($area, include_str!(concat!("es/", $area, ".ftl")))),*]),
        ];
        /// Each language's files, by area, in the order of [`Lang::ALL`].
        #[cfg(not(target_arch = "wasm32"))]
        pub(crate) const FILES: [(Lang, &[(&str, &str)]); Lang::ALL.len()] = [
            (Lang::En, &[$(($area, include_str!(concat!("en/", $area, ".ftl")))),*, $(($host, include_str!(concat!("en/", $host, ".ftl")))),*]),
            (Lang::Es, &[$(($area, include_str!(concat!("es/", $area, ".ftl")))),*, $(($host, include_str!(concat!("es/", $host, ".ftl")))),*]),
        ];
    };
}
catalog!["common", "form", "panels", "session", "domain", "record", "aids", "page"; host: "inbox"];

/// The catalog's words in a language: `t` for a message by its id, and `tr!` for
/// messages with variables.
pub trait Catalog: Copy {
    /// The message `id` in this language.
    fn t(self, id: &str) -> String;
    /// The message `id` with its variables (see [`tr!`](crate::tr)).
    fn t_args(self, id: &str, args: Option<&FluentArgs>) -> String;
}

impl Catalog for Lang {
    fn t(self, id: &str) -> String {
        self.t_args(id, None)
    }

    fn t_args(self, id: &str, args: Option<&FluentArgs>) -> String {
        format_in(self, id, args)
            .or_else(|| format_in(Lang::En, id, args))
            .unwrap_or_else(|| id.to_string())
    }
}

/// An explicit bidirectional formatting character: an embedding, an
/// override, an isolate or their ends (LRE, RLE, PDF, LRO, RLO, LRI, RLI,
/// FSI, PDI).
fn explicit_bidi(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` can change the order in which the text around it is shown:
/// an explicit formatting character, a mark (LRM, RLM, ALM), or a letter
/// of a right-to-left script.
fn reorders(c: char) -> bool {
    explicit_bidi(c)
        || matches!(c,
            '\u{200E}' | '\u{200F}' | '\u{061C}'
            | '\u{0590}'..='\u{08FF}' // Hebrew, Arabic, Syriac, Thaana, NKo, ...
            | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'
            | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
}

/// Text someone typed (a name, a reason, a client id), ready to be shown
/// among other words. When it holds anything that could reorder them (a
/// name that ends in U+202E would otherwise turn "Ann (C-1042)" into
/// "Ann (2401-C)"), its own explicit formatting characters are dropped, so
/// that none can close or outlast the isolate, and it is put between
/// FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE; right-to-left letters
/// then read right to left inside it, and nothing outside moves. Ordinary
/// text comes back as it is. This is Fluent's isolation, kept to the values
/// that need it: the catalog's own isolation stays off (see [`bundle`]).
/// For display only: what is stored keeps every character.
pub fn isolated(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(reorders) {
        let inner: String = s.chars().filter(|c| !explicit_bidi(*c)).collect();
        std::borrow::Cow::Owned(format!("\u{2068}{inner}\u{2069}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; Lang::ALL.len()] =
        [const { OnceLock::new() }; Lang::ALL.len()];
    let at = FILES.iter().position(|(l, _)| *l == lang).unwrap_or(0);
    BUNDLES[at].get_or_init(|| {
        let id: LanguageIdentifier = lang.tag().parse().expect("a valid tag");
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Unicode isolation marks around each variable would end up in
        // copied text and in the payload's labels; en and es need none.
        bundle.set_use_isolating(false);
        for (_, source) in FILES[at].1 {
            // tests.rs proves every file parses; a broken one still loads
            // the messages it could read.
            let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
            bundle.add_resource_overriding(resource);
        }
        bundle
    })
}

fn format_in(lang: Lang, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let bundle = bundle(lang);
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = vec![];
    Some(
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned(),
    )
}

/// A message with variables: `tr!(lang, <id literal>, name = value, n = 3)`.
/// Values are anything Fluent takes: strings, and numbers for plurals.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {{
        #[allow(unused_mut)]
        let mut args = $crate::Args::new();
        $(args.set(stringify!($name), $value);)*
        $crate::Catalog::t_args($lang, $id, Some(&args))
    }};
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
