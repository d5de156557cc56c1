//! Words and numbers as coprod writes them, for every command and every format: counts with
//! their nouns, capitals, word-wrapping, file-name slugs, and the display rounding of scores
//! (the one place a number is rounded).
//!
//! This module is at the bottom of the crate: it uses nothing else of coprod's, and everything
//! may use it.

/// A count with its noun: "1 record", "3 records".
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Upper-cases the first letter.
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A score rounded for display: one decimal place, halves away from zero.
pub fn round_score(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// A percentage rounded for display: whole numbers, halves away from zero.
pub fn round_percent(x: f64) -> f64 {
    x.round()
}

/// A score as text, e.g. "3.4".
pub fn score_text(x: f64) -> String {
    format!("{:.1}", round_score(x))
}

/// Word-wraps `text` to `width` columns, with a first-line and a following-line indent.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> String {
    let mut out = String::from(first);
    let mut col = first.chars().count();
    let mut line_start = true;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if !line_start && col + 1 + len > width {
            out.push('\n');
            out.push_str(rest);
            col = rest.chars().count();
            line_start = true;
        }
        if !line_start {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += len;
        line_start = false;
    }
    out
}

/// Lower-case ASCII letters, digits and single dashes; common accented letters lose their
/// accents; everything else becomes a dash. At most 40 characters.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.to_lowercase().chars() {
        let base = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
            'è' | 'é' | 'ê' | 'ë' | 'ē' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'ō' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
            'ŵ' => 'w',
            'ŷ' | 'ÿ' | 'ý' => 'y',
            'ç' => 'c',
            'ñ' => 'n',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if base == '-' && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push(base);
        if out.len() >= 40 {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_and_capitals() {
        assert_eq!(plural(1, "record"), "1 record");
        assert_eq!(plural(0, "record"), "0 records");
        assert_eq!(capitalise("young people"), "Young people");
        assert_eq!(capitalise(""), "");
    }

    #[test]
    fn scores_round_half_away_from_zero() {
        assert_eq!(score_text(2.25), "2.3");
        assert_eq!(score_text(2.958), "3.0");
        assert_eq!(round_percent(62.5), 63.0);
    }

    #[test]
    fn slugs_are_plain() {
        assert_eq!(slug("Ynys Môn — Parent Carers!"), "ynys-mon-parent-carers");
        assert_eq!(slug("***"), "");
    }
}
