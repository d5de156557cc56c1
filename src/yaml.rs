//! Reading YAML input safely: size limits, encodings, and errors people can act on.
//!
//! serde-saphyr does the parsing and tells us the line and column of every problem; this module
//! bounds what it is given, turns its messages into plain words with a hint, and wraps them in a
//! [`Diagnostic`] that can quote the line.

use std::fs;
use std::io::Read;
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::catalog::say;
use crate::diagnostic::{Diagnostic, Diagnostics, Pos, Source, suggest};
use crate::error::Error;

/// The largest input file we read. Real frameworks and records are a few kilobytes; anything
/// this large is a mistake (or an attack) and gets a clear error rather than a long wait.
pub const MAX_INPUT_BYTES: u64 = 8 * 1024 * 1024;

/// The deepest nesting we accept. Our files are at most six levels deep.
pub const MAX_DEPTH: usize = 32;

/// Reads a text file for parsing: refuses folders, huge files and invalid UTF-8, and drops a
/// leading byte-order mark (editors on Windows add one).
///
/// `-` is standard input, read once however often it is asked for.
pub fn read_source(path: &Path) -> Result<Source, Error> {
    if path == Path::new("-") {
        return source_from_bytes(Path::new(STDIN_NAME), stdin_bytes()?.to_vec());
    }
    let shown = crate::diagnostic::display_path(path);
    let meta = fs::metadata(path).map_err(|e| Error::io(cannot_read(&shown), e))?;
    if meta.is_dir() {
        return Err(Error::Input(
            Diagnostic::file(&Source::new(&shown, ""), say("error-a-folder", &[]))
                .help(say("error-a-folder-help", &[]))
                .into(),
        ));
    }
    let bytes = crate::storage::read(path, MAX_INPUT_BYTES).map_err(|e| match e {
        crate::storage::Error::Io { source, .. } => Error::io(cannot_read(&shown), source),
        other => other.into(),
    })?;
    source_from_bytes(&shown, bytes)
}

/// The name standard input goes by in messages.
pub const STDIN_NAME: &str = "<standard input>";

/// Everything on standard input (up to [`MAX_INPUT_BYTES`] and one byte more), read the first
/// time it is asked for, so that a command reading `-` twice sees the same text both times.
pub fn stdin_bytes() -> Result<&'static [u8], Error> {
    static STDIN: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    if let Some(b) = STDIN.get() {
        return Ok(b);
    }
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(say("error-cannot-read-stdin", &[]), e))?;
    Ok(STDIN.get_or_init(|| bytes))
}

/// Checks size and encoding of bytes that claim to be a YAML file named `path`.
pub fn source_from_bytes(path: &Path, mut bytes: Vec<u8>) -> Result<Source, Error> {
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(Error::Input(
            Diagnostic::file(
                &Source::new(path, ""),
                format!(
                    "the file is larger than {} MB, far more than any framework or record needs",
                    MAX_INPUT_BYTES / (1024 * 1024)
                ),
            )
            .help("check that this is the file you meant")
            .into(),
        ));
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    if looks_like_utf16(&bytes) {
        return Err(Error::Input(
            Diagnostic::file(
                &Source::new(path, ""),
                "the file is saved as UTF-16 text, and coprod reads UTF-8",
            )
            .help("save it again as UTF-8: in Excel choose “CSV UTF-8”; in other editors look under “Save as” or “Encoding”")
            .into(),
        ));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Source::new(path, text)),
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let valid = String::from_utf8_lossy(valid);
            let line = valid.matches('\n').count() + 1;
            let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let source = Source::new(path, text);
            Err(Error::Input(
                Diagnostic::at(&source, Some(Pos { line, column }), "the file is not valid UTF-8 text")
                    .label("this byte is not UTF-8")
                    .help("save the file as UTF-8 (most editors offer this under “Save as” or “Encoding”)")
                    .into(),
            ))
        }
    }
}

/// Whether bytes start as UTF-16 text does: with its byte-order mark, or with a character whose
/// other byte is zero (ASCII text saved as UTF-16 without a mark).
fn looks_like_utf16(bytes: &[u8]) -> bool {
    match bytes {
        [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] => true,
        [a, b, ..] => (*a == 0) != (*b == 0),
        _ => false,
    }
}

/// The parser settings every input gets: strict booleans and bounded size, depth and aliases.
fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        with_snippet: false,
        strict_booleans: true,
        budget: serde_saphyr::budget! {
            max_depth: MAX_DEPTH,
            max_aliases: 1_000,
            max_anchors: 1_000,
            max_documents: 1,
        },
    }
}

/// Parses a YAML document into `T`, turning any problem into a diagnostic on `source`.
pub fn parse<T: DeserializeOwned>(source: &Source) -> Result<T, Diagnostics> {
    let options = options();
    if source
        .text
        .trim()
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Err(Diagnostic::file(source, "the file is empty").help(
            "a framework or record is a YAML mapping; `coprod framework schema framework` (or `record`) shows the shape",
        )
        .into());
    }
    serde_saphyr::from_str_with_options::<T>(&source.text, options).map_err(|e| {
        let pos = e.location().and_then(Pos::from_location);
        friendly(source, pos, &e.to_string()).into()
    })
}

/// Splits serde's "`word`, expected one of `a`, `b`" (after its opening backtick) into the word
/// and the choices.
fn word_and_choices(rest: &str) -> (&str, Vec<&str>) {
    let (word, expected) = rest.split_once('`').unwrap_or((rest, ""));
    let choices = expected
        .trim_start_matches(", expected one of ")
        .trim_start_matches(", expected ")
        .split([',', ' '])
        .map(|s| s.trim_matches('`'))
        .filter(|s| !s.is_empty() && *s != "or")
        .collect();
    (word, choices)
}

/// Rewrites serde-saphyr and serde messages in plain words, with a hint where we have one.
fn friendly(source: &Source, pos: Option<Pos>, raw: &str) -> Diagnostic {
    // serde-saphyr appends " at line N, column M"; we show the place our own way. Only that
    // exact ending is cut, so "(defined at line …)" inside a message stays whole.
    let msg = match raw.rfind(" at line ") {
        Some(i)
            if raw[i + 9..]
                .split(", column ")
                .all(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())) =>
        {
            &raw[..i]
        }
        _ => raw,
    };
    // Inside an alias the place comes before "(defined at …)": the alias's place is shown.
    let inner;
    let msg = match msg.split_once(" at line ") {
        Some((head, rest)) if rest.starts_with(|c: char| c.is_ascii_digit()) => {
            match rest.split_once(" (defined at ") {
                Some((_, tail)) => {
                    inner = format!("{head} (defined at {tail}");
                    inner.as_str()
                }
                None => msg,
            }
        }
        _ => msg,
    };
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        let (field, expected) = word_and_choices(rest);
        let mut d = Diagnostic::at(
            source,
            pos,
            say("error-unknown-key", &[("key", field.into())]),
        )
        .label(say("error-unknown-key-label", &[]));
        let list = expected
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ");
        d = match suggest(field, expected.iter().copied()) {
            Some(s) => d.help(say(
                "error-unknown-key-did-you-mean",
                &[("key", s.into()), ("list", list.into())],
            )),
            None if expected.is_empty() => d.help(say("error-unknown-key-none-allowed", &[])),
            None => d.help(say("error-unknown-key-allowed", &[("list", list.into())])),
        };
        return d;
    }
    if let Some(rest) = msg.strip_prefix("missing field `") {
        let field = rest.trim_end_matches('`');
        return Diagnostic::at(
            source,
            pos,
            say("error-missing-key", &[("key", field.into())]),
        )
        .label(say("error-missing-key-label", &[("key", field.into())]))
        .help(say("error-missing-key-help", &[("key", field.into())]));
    }
    if let Some(rest) = msg.strip_prefix("duplicate mapping key: ") {
        let key = rest
            .split(", set DuplicateKeyPolicy")
            .next()
            .unwrap_or(rest);
        return Diagnostic::at(
            source,
            pos,
            say("error-duplicate-key", &[("key", key.into())]),
        )
        .label(say("error-duplicate-key-label", &[]))
        .help(say("error-duplicate-key-help", &[]));
    }
    if let Some(rest) = msg.strip_prefix("unknown variant `") {
        let (word, options) = word_and_choices(rest);
        let list = options
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let d = Diagnostic::at(
            source,
            pos,
            say("error-unknown-value", &[("value", word.into())]),
        )
        .label(say("error-unknown-value-label", &[]));
        return match suggest(word, options.iter().copied()) {
            Some(s) => d.help(say(
                "error-unknown-value-did-you-mean",
                &[("value", s.into()), ("list", list.into())],
            )),
            None => d.help(say("error-unknown-value-allowed", &[("list", list.into())])),
        };
    }
    if msg.contains("tab") && (msg.starts_with("tab") || msg.contains("found a tab")) {
        return tab_diagnostic(source, pos);
    }
    if msg == "mapping values are not allowed in this context" {
        return colon_diagnostic(source, pos);
    }
    if msg == "while parsing a block mapping, did not find expected key" {
        return indentation_diagnostic(source, pos);
    }
    if msg.starts_with("invalid trailing content after ") && msg.ends_with("-quoted scalar") {
        return Diagnostic::at(source, pos, "more text follows a closing quote on this line")
            .label("after the closing quote")
            .help("a quote opened earlier and never closed makes YAML read up to this line's quote as one text, so check the quotes above; for quotes inside a text, put the whole text in the other kind of quotes");
    }
    if msg.starts_with("invalid type: sequence, expected a text") {
        return Diagnostic::at(source, value_after_key(source, pos), "expected text here")
            .label("a list")
            .help("a text is written on the same line, in quotes if it contains `: ` or starts with a symbol; a text in several languages is a map such as `{en-GB: Welcome, cy: Croeso}`");
    }
    if msg == "simple key expected ':'" {
        return Diagnostic::at(source, pos, "this line has no `:` after its key")
            .label("expected `key: value`")
            .help(
                "write the key, a colon and a space, then the value, e.g. `title: Our framework`",
            );
    }
    if msg == "block sequence entries are not allowed in this context" {
        return Diagnostic::at(source, pos, "a list item (`- `) cannot start here")
            .label("list item")
            .help("put each `- ` item on its own line, indented under its key; if the text itself starts with `- `, put it in quotes");
    }
    if let Some(bracket) = msg
        .strip_prefix("unclosed bracket '")
        .and_then(|b| b.strip_suffix('\''))
    {
        let close = if bracket == "[" { "]" } else { "}" };
        return Diagnostic::at(source, pos, format!("this `{bracket}` is never closed"))
            .label("opened here")
            .help(format!(
                "close it with `{close}`; text that starts with `{bracket}` needs quotes"
            ));
    }
    if msg == "unclosed quote" {
        return Diagnostic::at(source, pos, "this quoted text is never closed")
            .label("the quote opens here")
            .help("end the text with the same kind of quote it starts with (\" or ')");
    }
    if let Some(c) = msg
        .strip_prefix("unexpected character: `")
        .and_then(|c| c.strip_suffix('\''))
        .filter(|c| c.chars().count() == 1 && !c.starts_with(char::is_control))
    {
        return reserved_character_diagnostic(source, pos, c);
    }
    if let Some(found) = control_character(source, pos)
        && msg.starts_with("unexpected character")
    {
        let (at, c) = found;
        return Diagnostic::at(
            source,
            Some(at),
            format!(
                "an invisible control character (U+{:04X}) is in the text, and YAML does not allow it",
                u32::from(c)
            ),
        )
        .label("here")
        .help("delete it; it usually comes with text pasted from another program, and most editors show it as a small box or not at all");
    }
    // A date refused by the record's own rules, in whichever language coprod speaks.
    let date_message = |m: &str| {
        m.split('`').nth(1).is_some_and(|date| {
            ["error-date-shape", "error-date-not-real"]
                .iter()
                .any(|id| m == say(id, &[("date", date.into())]))
        })
    };
    if msg.contains("is not a date in the form")
        || msg.contains("is not a real date")
        || date_message(msg)
    {
        return Diagnostic::at(source, pos, msg.to_string())
            .label(say("error-date-label", &[]))
            .help(say("error-date-help", &[]));
    }
    let (message, help) = match msg {
        m if m.starts_with("invalid u") || m.starts_with("invalid i") => (
            "expected a whole number from 0 to 4294967295".to_string(),
            None,
        ),
        m if m.starts_with("cannot deserialize null into string") => (
            "this value is empty".to_string(),
            Some("write the text after the colon, in quotes if it starts with a symbol"),
        ),
        m if m.contains("recursion limit exceeded") => (
            format!("the file is nested more than {MAX_DEPTH} levels deep"),
            Some(
                "frameworks and records are at most six levels deep; check the brackets and indentation",
            ),
        ),
        m if m.starts_with("invalid f") => ("expected a number".to_string(), None),
        "expected string scalar" => (
            "expected text here".to_string(),
            Some(
                "put the text on the same line, in quotes if it contains `: ` or starts with a symbol",
            ),
        ),
        "expected mapping start" => (
            "expected a mapping (`key: value` lines) here".to_string(),
            None,
        ),
        "expected sequence start" => (
            "expected a list (lines starting with `- `) here".to_string(),
            Some("an empty list is written `[]`"),
        ),
        "unexpected end of input" => ("the file ends too early".to_string(), None),
        m if m.starts_with("parsed date is not valid")
            || m.contains("failed to parse") && m.contains("date") =>
        {
            let detail = m.split_once(": ").map_or(m, |(_, d)| d);
            (
                format!("not a valid date: {detail}"),
                Some("write dates as YYYY-MM-DD, for example 2026-11-12"),
            )
        }
        // The budget that was breached is named after the prefix, e.g. `Aliases { aliases: 1001 }`:
        // only a file with too many aliases is told about aliases.
        m if m.starts_with("budget breached: Aliases") => (
            "the file uses too many YAML aliases (`*name`) to read safely".to_string(),
            Some("frameworks and records need few YAML aliases; write the values out instead"),
        ),
        m if m.starts_with("budget breached: Anchors") => (
            "the file defines too many YAML anchors (`&name`) to read safely".to_string(),
            Some("frameworks and records need few YAML anchors; write the values out instead"),
        ),
        m if m.starts_with("budget breached: Depth") => (
            format!("the file is nested more than {MAX_DEPTH} levels deep"),
            Some(
                "frameworks and records are at most six levels deep; check the brackets and indentation",
            ),
        ),
        m if m.starts_with("budget breached: Documents") => (
            "the file holds more than one YAML document".to_string(),
            Some("keep one framework or record per file, without `---` lines between them"),
        ),
        m if m.starts_with("budget breached") && has_aliases(&source.text) => (
            "the file holds too many values to read safely once its YAML aliases (`*name`) are repeated out".to_string(),
            Some("frameworks and records need few YAML aliases; write the values out instead"),
        ),
        m if m.starts_with("budget breached") => (
            "the file holds too many values to read safely".to_string(),
            Some(
                "frameworks and records have at most a few thousand values; check that this is the file you meant",
            ),
        ),
        m => match parser_words(m) {
            Some((message, help)) => (message.to_string(), Some(help)),
            None => (m.to_string(), None),
        },
    };
    let d = Diagnostic::at(source, pos, message);
    match help {
        Some(h) => d.help(h),
        None => d,
    }
}

/// Plain words for the YAML scanner's and parser's own messages that people meet when a value
/// starts with a character YAML reserves (found by fuzzing: tags, anchors, directives, document
/// markers, stray brackets). `None` for anything else.
fn parser_words(m: &str) -> Option<(&'static str, &'static str)> {
    Some(match m {
        m if m.contains("scanning a tag")
            || m.contains("scanning a verbatim tag")
            || m.contains("parsing a tag")
            || m.starts_with("unsupported tag")
            || m == "the handle wasn't declared"
            || m.contains("!!binary") =>
        {
            (
                "a value starts with `!`, which YAML reads as a tag; coprod files use no tags",
                "remove the `!…` before the value; if the text starts with `!`, put the whole value in quotes",
            )
        }
        "alias references unknown anchor" => (
            "a value starts with `*`, which YAML reads as a reference to an anchor (`&name`) that is not there",
            "if it is text, put the whole value in quotes; coprod files need no anchors or references",
        ),
        m if m.contains("anchor or alias") => (
            "a value starts with `&` or `*`, which YAML reads as an anchor or a reference",
            "if it is text, put the whole value in quotes",
        ),
        m if m.contains("document start")
            || m.contains("document end marker")
            || m.contains("document indicator") =>
        {
            (
                "a line starting with `---` or `...` marks where a YAML document starts or ends, and this one is out of place",
                "a coprod file is one document: remove the line, or put text that starts with `---` or `...` in quotes",
            )
        }
        m if m.contains("directive") => (
            "a line starting with `%` is read as a YAML directive",
            "put text that starts with `%` in quotes",
        ),
        "\"-\" is only valid inside a block" => (
            "a `-` cannot start a value here",
            "a list item goes on its own line, `- ` then the value; if the text starts with `-`, put the whole value in quotes",
        ),
        m if m.starts_with("plain scalar cannot start with '-'") => (
            "a text cannot start with `-` followed by a bracket or comma",
            "put the whole value in quotes",
        ),
        m if m.starts_with("illegal placement of ':'") || m.starts_with("':' may not precede") => (
            "a `:` is out of place here",
            "a key is followed by `: ` and its value; text that contains `:` goes in quotes",
        ),
        "while parsing a block collection, did not find expected '-' indicator" => (
            "this list's items are not lined up",
            "start every item of a list with `- ` at the same indentation",
        ),
        "a BOM must not appear inside a document" => (
            "an invisible byte-order mark (U+FEFF) is inside the file",
            "delete it; it usually comes from pasting text from another file",
        ),
        "comments must be separated from other tokens by whitespace" => (
            "a `#` starts a comment only after a space",
            "put a space before the `#`, or put text that contains `#` in quotes",
        ),
        m if m.starts_with("while scanning a block scalar") => (
            "after `|` or `>`, the text starts on the next line",
            "move the text to its own lines, indented under the key",
        ),
        m if m.starts_with("unexpected EOF while parsing") => (
            "the file ends too early",
            "check the end of the file for an unfinished list or mapping",
        ),
        m if m.contains("found unknown escape character") => (
            "a `\\` in double-quoted text starts an escape YAML does not know",
            "write `\\\\` for a backslash, or put the text in single quotes",
        ),
        m if m.starts_with("while parsing a flow sequence") => (
            "a list in `[ ]` needs a comma between its items",
            "write `[a, b]`; text that contains `[` or `,` goes in quotes",
        ),
        m if m.starts_with("mismatched bracket") || m == "misplaced bracket" => (
            "the brackets here do not match",
            "close each `[` with `]` and each `{` with `}`; text that starts with a bracket goes in quotes",
        ),
        _ => return None,
    })
}

/// Whether YAML text has an alias (`*name` where a value starts), roughly: enough to decide
/// whether a message may speak of aliases.
fn has_aliases(text: &str) -> bool {
    text.match_indices('*').any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + 1..].chars().next();
        before.is_none_or(|c| matches!(c, ' ' | '[' | '{' | ',' | '\n' | ':'))
            && after.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '-')
    })
}

/// A tab where YAML wants spaces. The parser often notices it at the end of the line before, so
/// the first tab from the reported line on is what gets pointed at.
fn tab_diagnostic(source: &Source, pos: Option<Pos>) -> Diagnostic {
    let tab = find_near(source, pos, |c| c == '\t').map(|(at, _)| at);
    Diagnostic::at(
        source,
        tab.or(pos),
        "a tab character here: YAML indents with spaces only",
    )
    .label("tab")
    .help("replace the tab with spaces (most editors can insert spaces when Tab is pressed)")
}

/// The first control character (other than tab, line feed and carriage return) near `pos`, or
/// else in the whole file (the parser counts a lone carriage return as a line break, so its
/// line numbers can differ from ours in such files).
fn control_character(source: &Source, pos: Option<Pos>) -> Option<(Pos, char)> {
    let control = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    find_near(source, pos, control).or_else(|| find_near(source, None, control))
}

/// The first character that `wanted` accepts on the reported line or the two after it (the
/// parser sometimes reports a problem at the end of the line before it), with its position;
/// with no position, anywhere in the file.
fn find_near(
    source: &Source,
    pos: Option<Pos>,
    wanted: impl Fn(char) -> bool,
) -> Option<(Pos, char)> {
    let (from, lines) = pos.map_or((1, usize::MAX), |p| (p.line, 3));
    source
        .text
        .lines()
        .enumerate()
        .skip(from.saturating_sub(1))
        .take(lines)
        .find_map(|(n, line)| {
            let (column, c) = line.chars().enumerate().find(|&(_, c)| wanted(c))?;
            Some((
                Pos {
                    line: n + 1,
                    column: column + 1,
                },
                c,
            ))
        })
}

/// "mapping values are not allowed in this context": a `:` the parser took for another key.
/// After a key on the same line it is text that needs quotes; otherwise the line is indented
/// wrongly.
fn colon_diagnostic(source: &Source, pos: Option<Pos>) -> Diagnostic {
    let line = pos.and_then(|p| source.text.lines().nth(p.line.saturating_sub(1)));
    let before: String = match (line, pos) {
        (Some(l), Some(p)) => l.chars().take(p.column.saturating_sub(1)).collect(),
        _ => String::new(),
    };
    if let (Some(line), true) = (line, before.contains(": ")) {
        let d = Diagnostic::at(
            source,
            pos,
            "this text contains `: `, which YAML reads as the start of another key",
        )
        .label("read as a key");
        return match quoted_line(line) {
            Some(fixed) => d.help(format!("put the whole text in quotes: {fixed}")),
            None => d.help("put the whole text in quotes"),
        };
    }
    indentation_diagnostic(source, pos)
}

/// A `key: value` line with its value in quotes, e.g. `title: "@home"`: double quotes, or
/// single ones when the text holds a double quote.
fn quoted_line(line: &str) -> Option<String> {
    let (key, value) = line.split_once(": ")?;
    let value = value.trim().trim_end_matches('\r');
    let quoted = if value.contains('"') {
        format!("'{}'", value.replace('\'', "''"))
    } else {
        format!("\"{value}\"")
    };
    Some(format!("{}: {quoted}", key.trim().trim_start_matches("- ")))
}

/// Where the value of the `key:` at `pos` starts: after the colon on the same line, or else at
/// the first line below that holds something other than a comment.
fn value_after_key(source: &Source, pos: Option<Pos>) -> Option<Pos> {
    let p = pos?;
    let mut lines = source
        .text
        .lines()
        .enumerate()
        .skip(p.line.saturating_sub(1));
    let (_, line) = lines.next()?;
    if let Some((key, rest)) = line.split_once(':') {
        let value = rest.trim_start();
        if !value.is_empty() && !value.starts_with('#') {
            let column =
                key.chars().count() + 1 + (rest.chars().count() - value.chars().count()) + 1;
            return Some(Pos {
                line: p.line,
                column,
            });
        }
    }
    lines
        .find(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|(n, l)| Pos {
            line: n + 1,
            column: l.chars().count() - l.trim_start().chars().count() + 1,
        })
        .or(pos)
}

/// A character YAML keeps for itself (`@`, `` ` ``, `%`, `|`, `>`) where text begins.
fn reserved_character_diagnostic(source: &Source, pos: Option<Pos>, c: &str) -> Diagnostic {
    let line = pos.and_then(|p| source.text.lines().nth(p.line.saturating_sub(1)));
    let d = Diagnostic::at(
        source,
        pos,
        format!(
            "YAML does not let text start with {} unless it is in quotes",
            if c == "`" {
                "a backquote".to_string()
            } else {
                format!("`{c}`")
            }
        ),
    )
    .label("put this text in quotes");
    match line.and_then(quoted_line) {
        Some(fixed) => d.help(format!("write it as {fixed}")),
        None => d.help("put the whole text in quotes"),
    }
}

/// A key where the indentation says none can be.
fn indentation_diagnostic(source: &Source, pos: Option<Pos>) -> Diagnostic {
    Diagnostic::at(source, pos, "this line is not indented to fit the lines around it")
        .label("a key cannot start here")
        .help("keys of one mapping start in the same column; check the spaces at the start of this line and of the line above")
}

/// Makes a JSON Schema (of a framework or record file) say what a YAML file may hold: a text
/// field takes any plain scalar, since YAML reads `version: 1.0`, `evidence: 42` or `owner: yes`
/// as that text, and so does coprod. Fields that must be one of a few words (`enum`, `const`)
/// or have a shape (`pattern`: ids, dates, fingerprints) stay as they are.
pub fn scalars_as_text(schema: &mut serde_json::Value) {
    use serde_json::Value;
    match schema {
        Value::Object(map) => {
            let fixed = map.contains_key("enum")
                || map.contains_key("const")
                || map.contains_key("pattern");
            let is_text = match map.get("type") {
                Some(Value::String(t)) => t == "string",
                Some(Value::Array(ts)) => ts.iter().any(|t| t == "string"),
                _ => false,
            };
            if is_text && !fixed {
                let mut types = vec![
                    Value::from("string"),
                    Value::from("number"),
                    Value::from("boolean"),
                ];
                if let Some(Value::Array(ts)) = map.get("type")
                    && ts.iter().any(|t| t == "null")
                {
                    types.push(Value::from("null"));
                }
                map.insert("type".into(), Value::Array(types));
            }
            for v in map.values_mut() {
                scalars_as_text(v);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(scalars_as_text),
        _ => {}
    }
}

/// "cannot read FILE", in the language coprod speaks.
pub fn cannot_read(path: &Path) -> String {
    say(
        "error-cannot-read",
        &[("path", path.display().to_string().into())],
    )
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn message<T: DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
        let source = Source::named("t.yaml", text);
        let err = parse::<T>(&source).expect_err("should not parse");
        err.render(false)
    }

    #[test]
    fn a_colon_in_text_gets_quoting_advice_with_the_line_itself() {
        let m = message::<BTreeMap<String, Vec<BTreeMap<String, String>>>>(
            "items:\n  - statement: We reply: always.\n",
        );
        assert!(m.contains("this text contains `: `"), "{m}");
        assert!(m.contains(r#"statement: "We reply: always.""#), "{m}");
        // Text with double quotes in it is put in single quotes instead.
        let m = message::<BTreeMap<String, String>>("note: She said \"yes\": then left\n");
        assert!(m.contains(r#"note: 'She said "yes": then left'"#), "{m}");
    }

    #[test]
    fn a_misplaced_key_is_an_indentation_problem() {
        // Less indented than its neighbour, and more.
        for text in ["a:\n  b: 1\n c: 2\n", "a:\n  b: 1\n    c: 2\n"] {
            let m = message::<BTreeMap<String, BTreeMap<String, String>>>(text);
            assert!(m.contains("this line is not indented to fit"), "{m}");
            assert!(m.contains("t.yaml:3:"), "{m}");
        }
    }

    #[test]
    fn a_tab_is_pointed_at_where_it_is() {
        let m = message::<BTreeMap<String, BTreeMap<String, String>>>("a:\n\tb: 1\n");
        assert!(m.contains("a tab character here"), "{m}");
        assert!(m.contains("t.yaml:2:1"), "{m}");
    }

    #[test]
    fn a_control_character_is_named_and_pointed_at() {
        let m = message::<BTreeMap<String, String>>("id: x\u{1}y\n");
        assert!(m.contains("control character (U+0001)"), "{m}");
        assert!(m.contains("t.yaml:1:6"), "{m}");
    }

    #[test]
    fn a_key_without_a_colon_or_with_a_list_after_it_is_explained() {
        let m = message::<BTreeMap<String, String>>("id: x\ntitle Mini\nversion: 1\n");
        assert!(m.contains("this line has no `:` after its key"), "{m}");
        assert!(m.contains("t.yaml:2:1"), "{m}");
        let m = message::<BTreeMap<String, String>>("id: x\ntitle: - a\n");
        assert!(m.contains("a list item (`- `) cannot start here"), "{m}");
    }

    #[test]
    fn an_unclosed_bracket_says_how_to_close_it() {
        let m = message::<BTreeMap<String, Vec<BTreeMap<String, String>>>>(
            "scale:\n  - {value: 1, label: A\n  - {value: 2, label: B}\n",
        );
        assert!(m.contains("this `{` is never closed"), "{m}");
        assert!(m.contains("close it with `}`"), "{m}");
    }

    #[test]
    fn text_starting_with_a_reserved_character_gets_quoting_advice() {
        let m = message::<BTreeMap<String, String>>("id: x\ntitle: @home and away\n");
        assert!(m.contains("YAML does not let text start with `@`"), "{m}");
        assert!(m.contains(r#"write it as title: "@home and away""#), "{m}");
    }

    #[test]
    fn utf16_is_named() {
        for bytes in [
            &b"\xFF\xFEi\0d\0"[..],
            &b"\xFE\xFF\0i\0d"[..],
            &b"i\0d\0:\0"[..],
        ] {
            let err = source_from_bytes(Path::new("t.yaml"), bytes.to_vec()).expect_err("utf-16");
            assert!(err.to_string().contains("UTF-16"), "{err}");
        }
        assert!(source_from_bytes(Path::new("t.yaml"), b"id: x\n".to_vec()).is_ok());
    }
}
