//! coprod's own words in each language it speaks: Fluent message catalogs.
//!
//! Every sentence coprod writes into a report comes from `locales/<tag>/coprod.ftl`, looked up
//! by message id with its arguments (counts as numbers, so that the catalog can choose the
//! plural form its language needs; scores, dates and names as text). English (`en-GB`) is
//! complete and is what every other catalog falls back to; Welsh (`cy`) is complete too, and
//! still to be reviewed by a Welsh speaker. A test fails when a message is in one catalog and
//! not in another.
//!
//! This is the bottom layer: it uses nothing else of coprod's.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::sync::Mutex;

// The concurrent bundle, so that one catalog can serve the vote server's threads.
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The catalogs built in: (language tag, Fluent source). The first is the fallback.
pub const CATALOGS: &[(&str, &str)] = &[
    ("en-GB", include_str!("../locales/en-GB/coprod.ftl")),
    ("cy", include_str!("../locales/cy/coprod.ftl")),
];

/// The language of the fallback catalog, complete by definition.
pub const FALLBACK: &str = "en-GB";

/// One argument of a message.
#[derive(Debug, Clone)]
pub enum Arg {
    /// A count: chooses the plural form, and is written as digits.
    Count(usize),
    /// A text put in as it is: a score as shown, a date, a name.
    Text(String),
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Self::Count(n)
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Self::Count(usize::try_from(n).unwrap_or(usize::MAX))
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Self::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Self::Text(s.clone())
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Self::Text(s.to_string())
    }
}

/// The messages of one language, with English behind them for any message it lacks. It can be
/// shared between threads (the vote server's pages use one per language).
pub struct Catalog {
    tag: &'static str,
    bundle: FluentBundle<FluentResource>,
    fallback: Option<Box<Catalog>>,
    /// Message ids asked for and found in no catalog (a defect the tests look for).
    missing: Mutex<BTreeSet<String>>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog").field("tag", &self.tag).finish()
    }
}

/// The tag of the built-in catalog for a language: the one with the same primary language
/// (`cy-GB` is Welsh), else English.
pub fn catalog_tag(language: &str) -> &'static str {
    let primary = |t: &str| t.split('-').next().unwrap_or(t).to_ascii_lowercase();
    let wanted = primary(language);
    CATALOGS
        .iter()
        .find(|(tag, _)| primary(tag) == wanted)
        .map_or(FALLBACK, |(tag, _)| tag)
}

/// Parses one built-in catalog; the test suite checks that every one parses whole.
fn bundle(tag: &'static str, text: &'static str) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = tag.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: coprod cleans and lays out text itself.
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(partial, _)| partial);
    // A message defined twice keeps its first definition; the tests refuse that anyway.
    let _ = bundle.add_resource(resource);
    bundle
}

impl Catalog {
    /// The catalog for a language (a BCP 47 tag): its own when coprod has one, else English.
    pub fn new(language: &str) -> Self {
        let tag = catalog_tag(language);
        Self::built_in(tag)
    }

    fn built_in(tag: &'static str) -> Self {
        let text = CATALOGS
            .iter()
            .find(|(t, _)| *t == tag)
            .map_or("", |(_, text)| *text);
        let fallback = (tag != FALLBACK).then(|| Box::new(Self::built_in(FALLBACK)));
        Self {
            tag,
            bundle: bundle(tag, text),
            fallback,
            missing: Mutex::new(BTreeSet::new()),
        }
    }

    /// The language of the words this catalog gives (its own, not the fallback's).
    pub fn language(&self) -> &'static str {
        self.tag
    }

    /// Whether this catalog (or the one behind it) has a message.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id) || self.fallback.as_deref().is_some_and(|f| f.has(id))
    }

    /// A message without arguments.
    pub fn get(&self, id: &str) -> String {
        self.format(id, &[])
    }

    /// A message with its arguments, by name.
    pub fn format(&self, id: &str, args: &[(&str, Arg)]) -> String {
        if let Some(text) = self.try_format(id, args) {
            return text;
        }
        if let Some(text) = self
            .fallback
            .as_deref()
            .and_then(|f| f.try_format(id, args))
        {
            self.note_missing(format!("{}: {id}", self.tag));
            return text;
        }
        self.note_missing(id.to_string());
        id.to_string()
    }

    fn try_format(&self, id: &str, args: &[(&str, Arg)]) -> Option<String> {
        let message = self.bundle.get_message(id)?;
        let pattern = message.value()?;
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Count(n) => fluent.set(*name, FluentValue::from(*n)),
                Arg::Text(t) => fluent.set(*name, FluentValue::from(t.as_str())),
            }
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent), &mut errors);
        if errors.is_empty() {
            Some(text.into_owned())
        } else {
            self.note_missing(format!("{}: {id} ({errors:?})", self.tag));
            Some(text.into_owned())
        }
    }

    fn note_missing(&self, what: String) {
        self.missing
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(what);
    }

    /// Message ids asked for that were missing (with the catalog that lacked them), or that
    /// failed to format; empty when every word came from the right catalog.
    pub fn missing(&self) -> Vec<String> {
        self.missing
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .iter()
            .cloned()
            .collect()
    }
}

/// The language coprod speaks to the person running it in (errors, warnings, hints): the tag of
/// a built-in catalog, chosen once at the start of a run from `--language` or `coprod.toml`,
/// and English until then. It is the one setting kept for the whole process, because errors
/// are made deep inside every module and in worker threads, far from any command's settings.
static SPOKEN: std::sync::RwLock<&'static str> = std::sync::RwLock::new(FALLBACK);

thread_local! {
    /// Each thread's copy of the spoken language's catalog, made on first use.
    static SAID: RefCell<Option<Catalog>> = const { RefCell::new(None) };
}

/// Chooses the language of coprod's messages to the person for the rest of the run (a language
/// without a catalog is English).
pub fn speak(language: &str) {
    let tag = catalog_tag(language);
    match SPOKEN.write() {
        Ok(mut spoken) => *spoken = tag,
        Err(poisoned) => *poisoned.into_inner() = tag,
    }
}

/// The tag of the catalog coprod's messages to the person are in.
pub fn spoken() -> &'static str {
    match SPOKEN.read() {
        Ok(spoken) => *spoken,
        Err(poisoned) => *poisoned.into_inner(),
    }
}

/// One of coprod's messages to the person (an error, a warning, a hint), in the language
/// chosen with [`speak`].
pub fn say(id: &str, args: &[(&str, Arg)]) -> String {
    let tag = spoken();
    SAID.with(|said| {
        let mut said = said.borrow_mut();
        if said.as_ref().is_none_or(|c| c.language() != tag) {
            *said = Some(Catalog::new(tag));
        }
        said.as_ref()
            .map_or_else(|| id.to_string(), |c| c.format(id, args))
    })
}

/// The message ids of a catalog's source, in file order (for the tests and `missing`).
pub fn message_ids(text: &str) -> Vec<String> {
    let resource = match FluentResource::try_new(text.to_string()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// Every word of a catalog's messages (letters only, lower case, placeables and comments left
/// out): what the tests compare to find a catalog's words in another language's text.
pub fn words_of(text: &str) -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        // The value: after `id =`, or after a variant's `[key]`.
        let value = match line.split_once(" = ") {
            Some((_, v)) => v,
            None => line
                .strip_prefix('*')
                .unwrap_or(line)
                .split_once("] ")
                .map_or("", |(_, v)| v),
        };
        let mut plain = String::new();
        let mut depth = 0;
        for c in value.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ if depth == 0 => plain.push(c),
                _ => {}
            }
        }
        words.extend(plain_words(&plain));
    }
    words
}

/// The words of a text: runs of letters (and apostrophes inside them), lower case, two letters
/// or more, command-line flags and their values left out (`--format markdown`).
pub fn plain_words(text: &str) -> Vec<String> {
    let apostrophe = |c: char| c == '\'' || c == '\u{2019}';
    let mut out = Vec::new();
    let mut skip_next = false;
    for token in text.split_whitespace() {
        if token.starts_with("--") {
            skip_next = true;
            continue;
        }
        if skip_next {
            skip_next = false;
            if token
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_punctuation())
            {
                continue;
            }
        }
        for w in token.split(|c: char| !(c.is_alphabetic() || apostrophe(c))) {
            let w = w.trim_matches(apostrophe).to_lowercase();
            if w.chars().count() >= 2 {
                out.push(w);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catalog_parses_and_has_every_message_of_every_other() {
        let mut all: Vec<(&str, Vec<String>)> = Vec::new();
        for (tag, text) in CATALOGS {
            if let Err((_, errors)) = FluentResource::try_new(text.to_string()) {
                panic!("the {tag} catalog does not parse: {errors:?}");
            }
            let ids = message_ids(text);
            let mut seen = BTreeSet::new();
            for id in &ids {
                assert!(seen.insert(id), "{tag}: `{id}` is defined twice");
            }
            all.push((tag, ids));
        }
        for (tag, ids) in &all {
            for (other, other_ids) in &all {
                let missing: Vec<&String> =
                    other_ids.iter().filter(|id| !ids.contains(id)).collect();
                assert!(
                    missing.is_empty(),
                    "the {tag} catalog lacks messages that {other} has: {missing:?}"
                );
            }
        }
    }

    #[test]
    fn welsh_counts_take_welsh_plural_forms() {
        let cy = Catalog::new("cy");
        let en = Catalog::new("en-GB");
        assert_eq!(en.format("n-records", &[("n", Arg::Count(1))]), "1 record");
        assert_eq!(en.format("n-records", &[("n", Arg::Count(4))]), "4 records");
        // Welsh has six plural forms: 2 takes the "two" form, 3 the "few" form.
        let two = cy.format("n-records", &[("n", Arg::Count(2))]);
        let three = cy.format("n-records", &[("n", Arg::Count(3))]);
        let many = cy.format("n-records", &[("n", Arg::Count(12))]);
        assert_ne!(two, many, "{two} / {many}");
        assert_ne!(three, many, "{three} / {many}");
        assert!(cy.missing().is_empty(), "{:?}", cy.missing());
    }

    #[test]
    fn a_catalog_can_serve_several_threads() {
        fn shared<T: Send + Sync>(_: &T) {}
        let cy = Catalog::new("cy");
        shared(&cy);
        let said = std::thread::scope(|s| {
            let one = s.spawn(|| cy.format("n-records", &[("n", Arg::Count(2))]));
            let two = s.spawn(|| cy.format("n-records", &[("n", Arg::Count(2))]));
            (one.join().ok(), two.join().ok())
        });
        assert_eq!(said.0, said.1);
        assert!(said.0.is_some());
        assert!(cy.missing().is_empty(), "{:?}", cy.missing());
    }

    #[test]
    fn a_language_without_a_catalog_is_english_and_cy_gb_is_welsh() {
        assert_eq!(catalog_tag("fr"), "en-GB");
        assert_eq!(catalog_tag("cy-GB"), "cy");
        assert_eq!(catalog_tag("CY"), "cy");
        assert_eq!(catalog_tag("en"), "en-GB");
        let c = Catalog::new("fr");
        assert_eq!(c.language(), "en-GB");
        assert_eq!(c.get("no-such-message"), "no-such-message");
        assert_eq!(c.missing(), ["no-such-message"]);
    }
}
