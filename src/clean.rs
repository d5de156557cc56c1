//! Cleaning text at the edge of each output kind, so that hostile text stays text.
//!
//! Records and frameworks keep every character people typed or pasted; what changes is how
//! the text is written out. There is one function (or one small family) per output kind:
//!
//! - [`terminal`], [`terminal_line`] and [`terminal_name`]: anything shown on a terminal
//!   (screens, tables, `framework` commands, errors, file names). Control characters (C0, DEL
//!   and C1, which includes the 8-bit CSI U+009B), bidirectional overrides and invisible
//!   characters are shown visibly as `\u{1b}`, `\u{202e}` and so on, so they can neither drive
//!   the terminal nor hide or reorder text.
//! - [`markdown`]: text inside a line of Markdown. Every line break (a lone CR too) becomes a
//!   space, Markdown punctuation is escaped with a backslash, `<`, `>` and `&` become HTML
//!   entities, and control and invisible characters are dropped.
//! - [`csv`]: one CSV cell. Control and invisible characters are dropped (line breaks and tabs
//!   inside the cell are kept), and a cell that a spreadsheet would run as a formula gets an
//!   apostrophe in front, also when spaces, invisible characters or full-width forms come first.
//! - [`json`]: a whole serialised JSON text. C1 controls, DEL, bidirectional and invisible
//!   characters and the line and paragraph separators are written as `\uXXXX` escapes: nothing
//!   is lost, and nothing raw reaches a terminal.
//! - [`pdf_metadata`]: the PDF's document information (title, author, subject): one line,
//!   control and invisible characters dropped, as on the page.
//!
//! Two kinds of invisible character are kept where they are part of real writing: a zero-width
//! joiner or non-joiner between two non-ASCII characters (emoji sequences, Persian, Indic
//! scripts), and the tag characters of a flag such as Wales's (after U+1F3F4). Variation
//! selectors only pick a glyph's style and are kept.
//!
//! This module uses nothing else of coprod's, so every layer may call it.

use std::borrow::Cow;
use std::fmt::Write as _;

/// What a character is, as far as output is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Ordinary text.
    Text,
    /// A line break: LF, CR (alone or before LF), U+2028, U+2029.
    LineBreak,
    /// A tab.
    Tab,
    /// A character that must not reach an output raw: C0 and C1 controls, DEL, bidirectional
    /// controls, invisible characters and noncharacters.
    Hidden,
}

/// Bidirectional controls: they reorder how the text around them is displayed.
fn is_bidi(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Characters that draw nothing and can hide or split text. Variation selectors are not here:
/// they only choose how the character before them looks.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2060}'..='\u{2065}'
            | '\u{206A}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

/// Unicode noncharacters (U+FFFE, U+FFFF, U+FDD0..U+FDEF and the last two of every plane).
fn is_noncharacter(c: char) -> bool {
    let n = u32::from(c);
    (0xFDD0..=0xFDEF).contains(&n) || n & 0xFFFE == 0xFFFE
}

/// Whether `c` is one of the characters no output may carry raw (see [`Class::Hidden`]).
#[inline]
pub fn is_hidden(c: char) -> bool {
    // Most text is ASCII, where only the controls are hidden: this is asked of every character
    // of every output, so the ranges are looked at only for the rest.
    if c.is_ascii() {
        return c.is_ascii_control() && !matches!(c, '\n' | '\r' | '\t');
    }
    is_hidden_beyond_ascii(c)
}

/// [`is_hidden`] for a character beyond ASCII.
fn is_hidden_beyond_ascii(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        || matches!(c, '\u{2028}' | '\u{2029}')
        || is_bidi(c)
        || is_invisible(c)
        || is_noncharacter(c)
}

/// Whether some character of `text` needs cleaning for any output.
pub fn needs_cleaning(text: &str) -> bool {
    text.chars()
        .any(|c| is_hidden(c) || matches!(c, '\n' | '\r' | '\t'))
}

/// The class of each character of `text`, in order, with the exceptions for joiners between
/// letters of other scripts and for the tags of a flag. CR before LF is one line break (the
/// LF is then reported as [`None`], to be skipped).
fn classify(text: &str) -> Vec<(char, Option<Class>)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut in_flag = false;
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let class = match c {
            '\n' if prev == Some('\r') => None,
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => Some(Class::LineBreak),
            '\t' => Some(Class::Tab),
            '\u{200C}' | '\u{200D}' if prev.is_some_and(joinable) && next.is_some_and(joinable) => {
                Some(Class::Text)
            }
            '\u{E0020}'..='\u{E007F}' if in_flag || prev == Some('\u{1F3F4}') => {
                in_flag = c != '\u{E007F}';
                Some(Class::Text)
            }
            c if is_hidden(c) => Some(Class::Hidden),
            _ => Some(Class::Text),
        };
        if !matches!(c, '\u{E0020}'..='\u{E007E}') {
            in_flag = false;
        }
        out.push((c, class));
    }
    out
}

/// A character a joiner may sit between: anything beyond ASCII that is itself visible.
fn joinable(c: char) -> bool {
    !c.is_ascii() && !is_hidden(c) && !c.is_whitespace()
}

/// Writes `c` as a visible escape: `\n`, `\r`, `\t`, or `\u{…}` in lower-case hex.
fn push_visible(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
    }
}

/// Runs `each` over the classified characters of `text`, unless nothing needs cleaning.
fn rewrite(text: &str, each: impl Fn(&mut String, char, Class)) -> Cow<'_, str> {
    if !needs_cleaning(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for (c, class) in classify(text) {
        if let Some(class) = class {
            each(&mut out, c, class);
        }
    }
    Cow::Owned(out)
}

/// Text for a terminal that may span lines: line breaks become `\n` and tabs stay; every
/// hidden character is shown as an escape such as `\u{1b}` or `\u{202e}`.
pub fn terminal(text: &str) -> Cow<'_, str> {
    rewrite(text, |out, c, class| match class {
        Class::Text | Class::Tab => out.push(c),
        Class::LineBreak => out.push('\n'),
        Class::Hidden => push_visible(out, c),
    })
}

/// Text for one line of a terminal (a table cell, a heading, a prompt): as [`terminal`], with
/// line breaks and tabs turned into spaces.
pub fn terminal_line(text: &str) -> Cow<'_, str> {
    rewrite(text, |out, c, class| match class {
        Class::Text => out.push(c),
        Class::LineBreak | Class::Tab => out.push(' '),
        Class::Hidden => push_visible(out, c),
    })
}

/// A name that must be shown exactly, such as a file name or an id in an error message: every
/// line break, tab and hidden character is shown as an escape (`\n`, `\t`, `\u{202e}`).
pub fn terminal_name(text: &str) -> Cow<'_, str> {
    rewrite(text, |out, c, class| match class {
        Class::Text => out.push(c),
        Class::LineBreak | Class::Tab | Class::Hidden => push_visible(out, c),
    })
}

/// One character for one character, for quoting a source line under which a caret points:
/// control characters become their Control Pictures (`␛`), other hidden characters U+FFFD, and
/// tabs a space, so columns stay where they were.
pub fn terminal_char(c: char) -> char {
    match c {
        '\t' => ' ',
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{FFFD}'),
        '\u{7F}' => '\u{2421}',
        c if is_hidden(c) => '\u{FFFD}',
        c => c,
    }
}

/// Text inside one line of Markdown (a paragraph, list item, heading or table cell).
///
/// Each line is trimmed and line breaks (LF, CR, CRLF, U+2028, U+2029) become single spaces, so
/// no text can end a table row or start a heading. Markdown punctuation is escaped with a
/// backslash; `<`, `>` and `&` become `&lt;`, `&gt;` and `&amp;`, which every Markdown tool
/// passes on as text (some do not honour a backslash before `<`), so no HTML tag or entity can
/// be written. Quotes need no escaping: with `<` escaped no tag, and so no attribute, can open.
/// Control and invisible characters are dropped.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in lines(text).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for (c, class) in classify(line.trim()) {
            match (c, class) {
                (_, None | Some(Class::Hidden)) => {}
                (_, Some(Class::Tab)) => out.push(' '),
                ('<', _) => out.push_str("&lt;"),
                ('>', _) => out.push_str("&gt;"),
                ('&', _) => out.push_str("&amp;"),
                ('\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#', _) => {
                    out.push('\\');
                    out.push(c);
                }
                _ => out.push(c),
            }
        }
    }
    out
}

/// The lines of `text`, split at every kind of line break: LF, CRLF, a lone CR, U+2028 and
/// U+2029 (Markdown and most viewers break lines at a lone CR too).
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.find(['\n', '\r', '\u{2028}', '\u{2029}']) {
            Some(i) => {
                let c = r[i..].chars().next().unwrap_or('\n');
                let mut end = i + c.len_utf8();
                if c == '\r' && r[end..].starts_with('\n') {
                    end += 1;
                }
                rest = Some(&r[end..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// Characters a spreadsheet reads as the start of a formula, in their ASCII, full-width and
/// small forms, with tab and CR (OWASP's list).
fn starts_formula(c: char) -> bool {
    matches!(
        c,
        '=' | '+'
            | '-'
            | '@'
            | '\t'
            | '\r'
            | '\u{FF1D}'
            | '\u{FF0B}'
            | '\u{FF0D}'
            | '\u{FF20}'
            | '\u{FE66}'
            | '\u{FE62}'
            | '\u{FE63}'
            | '\u{FE6B}'
            | '\u{2212}'
    )
}

/// One CSV cell, safe to open in a spreadsheet and to print on a terminal.
///
/// Control and invisible characters are dropped; line breaks become LF (a cell may hold several
/// lines, and the CSV writer quotes it) and tabs stay. A cell whose first visible character
/// starts a formula (`=`, `+`, `-`, `@`, their full-width forms `＝＋－＠`, tab or CR), after
/// any spaces, gets an apostrophe in front, which spreadsheets show as plain text.
pub fn csv(text: &str) -> Cow<'_, str> {
    let cleaned = rewrite(text, |out, c, class| match class {
        Class::Text | Class::Tab => out.push(c),
        Class::LineBreak => out.push('\n'),
        Class::Hidden => {}
    });
    // A leading tab or line break (a CR is one now) is a formula start of its own; other white
    // space is skipped, as spreadsheets do before reading a formula.
    let formula = cleaned.starts_with(['\t', '\n'])
        || cleaned
            .chars()
            .find(|c| !c.is_whitespace())
            .is_some_and(starts_formula);
    if formula {
        Cow::Owned(format!("'{cleaned}"))
    } else {
        cleaned
    }
}

/// A serialised JSON text with C1 controls, DEL, bidirectional and invisible characters,
/// noncharacters and the line and paragraph separators written as `\uXXXX` escapes (as a
/// surrogate pair beyond U+FFFF). JSON's own syntax is ASCII, so such a character can only be
/// inside a string, where the escape means the same character: nothing is lost. serde_json
/// already escapes C0 controls.
pub fn json(serialised: &str) -> Cow<'_, str> {
    // Printable ASCII, as almost all of a report is, needs nothing: looked at byte by byte.
    let printable = serialised
        .bytes()
        .all(|b| (0x20..0x7f).contains(&b) || b == b'\n');
    if printable || !serialised.chars().any(is_hidden) {
        return Cow::Borrowed(serialised);
    }
    let mut out = String::with_capacity(serialised.len() + 32);
    for c in serialised.chars() {
        if is_hidden(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{:04x}", unit);
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A writer that passes JSON text on through [`json`], so a large report is cleaned as it
/// streams out, never held whole in memory. A character split across two writes is held back
/// until it is whole; bytes that are not UTF-8 (JSON writers never produce them) pass unchanged.
pub struct JsonWriter<W: std::io::Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: std::io::Write> JsonWriter<W> {
    /// Cleans what is written before passing it to `inner`.
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            pending: Vec::new(),
        }
    }
}

impl<W: std::io::Write> std::io::Write for JsonWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        // One pass: runs of clean text go on as they are, a hidden character as its escape.
        let joined;
        let data: &[u8] = if self.pending.is_empty() {
            buf
        } else {
            self.pending.extend_from_slice(buf);
            joined = std::mem::take(&mut self.pending);
            &joined
        };
        let mut start = 0;
        let mut i = 0;
        while i < data.len() {
            // Printable ASCII, line breaks and tabs, as nearly all of a report is, go by fast.
            let plain = |b: &u8| (0x20..0x7f).contains(b) || matches!(b, b'\n' | b'\r' | b'\t');
            match data[i..].iter().position(|b| !plain(b)) {
                Some(n) => i += n,
                None => {
                    i = data.len();
                    break;
                }
            }
            let b = data[i];
            let width = match b {
                0x00..=0x7f => 1,
                0xc2..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf4 => 4,
                // Not the start of a character: passed on as it is.
                _ => {
                    i += 1;
                    continue;
                }
            };
            let Some(bytes) = data.get(i..i + width) else {
                // The start of a character whose other bytes come next time.
                break;
            };
            let c = std::str::from_utf8(bytes)
                .ok()
                .and_then(|t| t.chars().next());
            match c {
                Some(c) if is_hidden(c) => {
                    self.inner.write_all(&data[start..i])?;
                    let mut units = [0u16; 2];
                    for unit in c.encode_utf16(&mut units) {
                        write!(self.inner, "\\u{:04x}", unit)?;
                    }
                    i += width;
                    start = i;
                }
                Some(_) => i += width,
                // Not UTF-8: its first byte is passed on as it is.
                None => i += 1,
            }
        }
        self.inner.write_all(&data[start..i])?;
        self.pending.extend_from_slice(&data[i..]);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.pending.is_empty() {
            self.inner.write_all(&self.pending)?;
            self.pending.clear();
        }
        self.inner.flush()
    }
}

/// `text` as a TOML basic string (in double quotes), for settings printed to be read back:
/// quotes and backslashes escaped, and every control, bidirectional and invisible character
/// written as `\uXXXX` or `\UXXXXXXXX`, so the same text is read back and nothing raw reaches
/// a terminal.
pub fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_hidden(c) && u32::from(c) > 0xFFFF => {
                let _ = write!(out, "\\U{:08X}", u32::from(c));
            }
            c if is_hidden(c) => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text for the PDF's document information (title, author, subject, keywords): one line, with
/// line breaks and tabs as spaces, control and invisible characters dropped, white space runs
/// collapsed and the ends trimmed, as the text drawn on the page is.
pub fn pdf_metadata(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (c, class) in classify(text) {
        match class {
            Some(Class::Text) if !c.is_whitespace() => out.push(c),
            Some(Class::Text | Class::LineBreak | Class::Tab) => {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            Some(Class::Hidden) | None => {}
        }
    }
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind of character that must never reach an output raw.
    const HOSTILE: &str =
        "a\u{1b}[2Jb\u{9b}31mc\u{7}d\u{202e}e\u{200b}f\u{2066}g\u{feff}h\u{85}i\u{fffe}j\u{7f}k";

    fn raw_free(s: &str) -> bool {
        !s.chars().any(|c| is_hidden(c) && c != '\u{200d}')
    }

    #[test]
    fn terminal_shows_hidden_characters_visibly() {
        let shown = terminal_line(HOSTILE);
        assert_eq!(
            shown,
            "a\\u{1b}[2Jb\\u{9b}31mc\\u{7}d\\u{202e}e\\u{200b}f\\u{2066}g\\u{feff}h\\u{85}i\\u{fffe}j\\u{7f}k"
        );
        assert!(raw_free(&shown));
        assert_eq!(terminal("one\r\ntwo\rthree\tx"), "one\ntwo\nthree\tx");
        assert_eq!(terminal_line("one\r\ntwo\rthree\tx"), "one two three x");
        assert_eq!(terminal_name("a\nb\u{202e}.yaml"), "a\\nb\\u{202e}.yaml");
        // Plain text is not copied.
        assert!(matches!(terminal("Siân Llŷr"), Cow::Borrowed(_)));
    }

    #[test]
    fn joiners_and_flags_in_real_writing_are_kept() {
        let family = "👩\u{200d}👧";
        assert_eq!(terminal(family), family);
        let wales = "🏴\u{e0067}\u{e0062}\u{e0077}\u{e006c}\u{e0073}\u{e007f}";
        assert_eq!(terminal(wales), wales);
        let persian = "می\u{200c}خواهم";
        assert_eq!(terminal(persian), persian);
        // Between ASCII letters a joiner only hides a difference.
        assert_eq!(terminal("Ch\u{200d}loe"), "Ch\\u{200d}loe");
        // Tag characters without a flag are hidden text.
        assert_eq!(terminal("a\u{e0041}"), "a\\u{e0041}");
        assert_eq!(terminal("é\u{fe0f}"), "é\u{fe0f}");
    }

    #[test]
    fn terminal_chars_keep_columns() {
        let line: String = "a\u{1b}b\u{202e}c\td".chars().map(terminal_char).collect();
        assert_eq!(line, "a␛b\u{fffd}c d");
    }

    #[test]
    fn markdown_escapes_breaks_html_and_punctuation() {
        assert_eq!(
            markdown("<img src=x onerror=alert(1)> & more"),
            "&lt;img src=x onerror=alert(1)&gt; &amp; more"
        );
        assert_eq!(markdown("a\rb\r\n# c\u{2028}d"), "a b \\# c d");
        assert_eq!(
            markdown("| x *y* [z](u) `q`"),
            "\\| x \\*y\\* \\[z\\](u) \\`q\\`"
        );
        assert!(raw_free(&markdown(HOSTILE)));
        assert_eq!(markdown("a\u{1b}[31mb\u{202e}c"), "a\\[31mbc");
    }

    #[test]
    fn lines_split_at_every_break() {
        let got: Vec<&str> = lines("a\nb\r\nc\rd\u{2028}e\u{2029}f").collect();
        assert_eq!(got, ["a", "b", "c", "d", "e", "f"]);
        assert_eq!(lines("").collect::<Vec<_>>(), [""]);
    }

    #[test]
    fn csv_neutralises_formulas_however_they_hide() {
        for bad in [
            "=1+1",
            "+SUM(A1)",
            "-2",
            "@cmd",
            "\tx",
            "\rx",
            "  =HYPERLINK(\"http://x\")",
            "\u{200b}=1",
            "\u{feff}\u{202e}+1",
            "\u{a0}@x",
            "＝1+1",
            "＋1",
            "－1",
            "＠x",
            "\u{3000}＝1",
            "\nx",
        ] {
            let safe = csv(bad);
            assert!(safe.starts_with('\''), "{bad:?} gave {safe:?}");
            assert!(raw_free(&safe), "{bad:?}");
        }
        assert_eq!(csv("Plain text"), "Plain text");
        assert_eq!(csv("Two\r\nlines\rhere"), "Two\nlines\nhere");
        assert_eq!(csv("a\u{1b}[2Jb\u{9b}c"), "a[2Jbc");
        assert_eq!(csv("x = 1"), "x = 1");
    }

    #[test]
    fn json_escapes_c1_and_invisible_characters_losslessly() {
        let text = serde_json::to_string(HOSTILE).expect("json");
        let escaped = json(&text);
        assert!(escaped.is_ascii() || raw_free(&escaped));
        assert!(raw_free(&escaped));
        assert!(escaped.contains("\\u009b") && escaped.contains("\\u202e"));
        let back: String = serde_json::from_str(&escaped).expect("still json");
        assert_eq!(back, HOSTILE);
        let flag = serde_json::to_string("\u{e007f}").expect("json");
        assert_eq!(json(&flag), "\"\\udb40\\udc7f\"");
    }

    #[test]
    fn toml_strings_read_back_exactly() {
        for text in [
            HOSTILE,
            "plain",
            "quote \" and \\ back",
            "two\nlines\r\t",
            "\u{e0041}",
        ] {
            let line = format!("v = {}", toml_string(text));
            assert!(raw_free(&line), "{line:?}");
            let back: toml::Table = toml::from_str(&line).expect("valid TOML");
            assert_eq!(back["v"].as_str(), Some(text), "{line}");
        }
    }

    #[test]
    fn json_writer_cleans_across_split_writes() {
        use std::io::Write;
        let text = serde_json::to_string(HOSTILE).expect("json");
        let mut out = JsonWriter::new(Vec::new());
        // One byte at a time: every multi-byte character is split.
        for b in text.as_bytes() {
            out.write_all(std::slice::from_ref(b)).expect("write");
        }
        out.flush().expect("flush");
        let written = String::from_utf8(out.inner).expect("utf-8");
        assert_eq!(written, json(&text));
    }

    #[test]
    fn pdf_metadata_is_one_clean_line() {
        assert_eq!(
            pdf_metadata(" Title\u{1b}]0;pwned\u{7}\r\n  with\tbreaks\u{202e} "),
            "Title]0;pwned with breaks"
        );
        assert!(raw_free(&pdf_metadata(HOSTILE)));
    }
}
