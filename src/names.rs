//! Finding people's names in text, the way people write them: in any case, with or without
//! accents (Chloé, chloe, CHLOÉ; Siân, Sian; Llŷr, Llyr), composed or decomposed, and before a
//! possessive (`Chloé's`, `Chloe’s`).
//!
//! Text is compared in a folded form: every character decomposed (NFD), combining marks
//! dropped, then lower-cased. Matches are found in the folded text and mapped back to the
//! original, so only the name is replaced and everything around it stays exactly as written.
//!
//! This module uses nothing else of coprod's.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Text in folded form, with the byte range in the original of every folded character.
struct Folded {
    text: Vec<char>,
    /// For each folded character, the byte range of the original character it came from.
    origin: Vec<(usize, usize)>,
}

/// Folds `text`: decomposed, without combining marks, lower-cased.
fn fold(text: &str) -> Folded {
    let mut folded = Folded {
        text: Vec::with_capacity(text.len()),
        origin: Vec::with_capacity(text.len()),
    };
    for (i, c) in text.char_indices() {
        let range = (i, i + c.len_utf8());
        for d in std::iter::once(c).nfd().filter(|d| !is_combining_mark(*d)) {
            for l in d.to_lowercase() {
                folded.text.push(l);
                folded.origin.push(range);
            }
        }
    }
    folded
}

/// Whether a character can be part of a word (a name never starts or ends inside one).
fn wordish(c: char) -> bool {
    c.is_alphanumeric()
}

/// A set of names to find, longest first so that a full name wins over its parts.
#[derive(Debug, Clone, Default)]
pub struct Names {
    folded: Vec<Vec<char>>,
}

impl Names {
    /// The names to look for: each name as given (spaces inside it may be any run of white
    /// space in the text), and each of its parts of three letters or more, so "Gareth Pryce"
    /// also finds "Gareth" and "Pryce" alone.
    pub fn new<S: AsRef<str>>(names: &[S]) -> Self {
        let mut folded: Vec<Vec<char>> = Vec::new();
        for name in names {
            let name = name.as_ref();
            let whole: Vec<&str> = name.split_whitespace().collect();
            if whole.is_empty() {
                continue;
            }
            folded.push(fold(&whole.join(" ")).text);
            for part in &whole {
                if part.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
                    folded.push(fold(part).text);
                }
            }
        }
        folded.retain(|w| !w.is_empty());
        folded.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        folded.dedup();
        Self { folded }
    }

    /// `text` with every whole-word occurrence of a name replaced by `with`. Letters and digits
    /// next to a match make it part of another word (Ann is not found in Anne); an apostrophe
    /// after it is kept with what follows (`Chloé's` becomes `[name removed]'s`).
    pub fn replace(&self, text: &str, with: &str) -> String {
        if self.folded.is_empty() || text.is_empty() {
            return text.to_string();
        }
        let hay = fold(text);
        // Folded positions already taken by a longer name.
        let mut taken = vec![false; hay.text.len()];
        let mut found: Vec<(usize, usize)> = Vec::new();
        for name in &self.folded {
            let mut start = 0;
            while start + name.len() <= hay.text.len() {
                let Some(end) = match_at(&hay.text, start, name) else {
                    start += 1;
                    continue;
                };
                let before = start.checked_sub(1).map(|i| hay.text[i]);
                let after = hay.text.get(end).copied();
                let free = !taken[start..end].iter().any(|t| *t);
                if free && !before.is_some_and(wordish) && !after.is_some_and(wordish) {
                    taken[start..end].iter_mut().for_each(|t| *t = true);
                    found.push((hay.origin[start].0, hay.origin[end - 1].1));
                    start = end;
                } else {
                    start += 1;
                }
            }
        }
        found.sort_unstable();
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for (from, to) in found {
            if from < at {
                continue;
            }
            out.push_str(&text[at..from]);
            out.push_str(with);
            // Accents typed as separate marks after the name's last letter go with it.
            at = to
                + text[to..]
                    .chars()
                    .take_while(|c| is_combining_mark(*c))
                    .map(char::len_utf8)
                    .sum::<usize>();
        }
        out.push_str(&text[at..]);
        out
    }
}

/// Whether `name` occurs in `hay` at `start` (a space in the name matches any run of white
/// space); returns the end of the match.
fn match_at(hay: &[char], start: usize, name: &[char]) -> Option<usize> {
    let mut i = start;
    for &c in name {
        if c == ' ' {
            if !hay.get(i).is_some_and(|h| h.is_whitespace()) {
                return None;
            }
            while hay.get(i).is_some_and(|h| h.is_whitespace()) {
                i += 1;
            }
        } else if hay.get(i) == Some(&c) {
            i += 1;
        } else {
            return None;
        }
    }
    Some(i)
}

#[cfg(test)]
mod tests {
    use super::Names;

    const GONE: &str = "[name removed]";

    fn scrub(names: &[&str], text: &str) -> String {
        Names::new(names).replace(text, GONE)
    }

    #[test]
    fn every_spelling_of_chloe() {
        for text in [
            "Chloé",
            "chloé",
            "CHLOÉ",
            "Chloe",
            "chloe",
            "CHLOE",
            "Chloe\u{301}",
        ] {
            assert_eq!(scrub(&["Chloé"], text), GONE, "{text:?}");
            assert_eq!(scrub(&["Chloe"], text), GONE, "{text:?}");
        }
    }

    #[test]
    fn every_spelling_of_sian_and_llyr() {
        for text in ["Siân", "siân", "SIÂN", "Sian", "sian", "SIAN"] {
            assert_eq!(scrub(&["Siân Jones"], text), GONE, "{text:?}");
        }
        for text in ["Llŷr", "llŷr", "LLŶR", "Llyr", "llyr", "LLYR"] {
            assert_eq!(scrub(&["Llŷr"], text), GONE, "{text:?}");
            assert_eq!(scrub(&["Llyr"], text), GONE, "{text:?}");
        }
    }

    #[test]
    fn full_names_in_any_case_and_spacing() {
        assert_eq!(
            scrub(&["Gareth Pryce"], "gareth pryce and GARETH\n PRYCE agreed"),
            format!("{GONE} and {GONE} agreed")
        );
        assert_eq!(
            scrub(&["Gareth Pryce"], "Pryce said"),
            format!("{GONE} said")
        );
    }

    #[test]
    fn possessives_and_punctuation_are_kept() {
        assert_eq!(
            scrub(&["Chloé"], "Chloe's idea, chloé’s plan (CHLOÉ)."),
            format!("{GONE}'s idea, {GONE}’s plan ({GONE}).")
        );
    }

    #[test]
    fn whole_words_only() {
        assert_eq!(
            scrub(&["Siân"], "Siân said Siânna"),
            format!("{GONE} said Siânna")
        );
        assert_eq!(
            scrub(&["Ann"], "Ann, Anne and ann."),
            format!("{GONE}, Anne and {GONE}.")
        );
        // Text around a match keeps its exact characters, accents included.
        assert_eq!(
            scrub(&["Llŷr"], "Diolch, llyr — gwych ŵ"),
            format!("Diolch, {GONE} — gwych ŵ")
        );
    }

    #[test]
    fn short_parts_alone_are_not_names() {
        // "Al" alone is too short to remove everywhere; the full name still goes.
        assert_eq!(
            scrub(&["Al Khan"], "Al said al khan was late; Khan agreed"),
            format!("Al said {GONE} was late; {GONE} agreed")
        );
    }
}
