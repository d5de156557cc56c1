//! Markdown: a board paper in GitHub-flavoured Markdown.
//!
//! The renderer walks the report's [`Document`] and only lays it out: every sentence and every
//! choice of what to show is the document builder's. Every piece of text goes through
//! [`inline`] or [`cell`], and the user's words at the start of a paragraph through [`block`],
//! so a `|`, `*` or line break in evidence can never break a table or start a heading.

use std::io::Write;

use super::Report;
use super::builder;
use super::document::{Align, Block, Document, Emphasis, Medium, Table, Text, Voice};

/// Escapes text for use inside a Markdown line (after other text, in a list item or cell).
/// Line breaks, a lone CR too, become spaces; see [`crate::clean::markdown`].
pub fn inline(text: &str) -> String {
    crate::clean::markdown(text)
}

/// Escapes text that starts a line of its own (a paragraph): as [`inline`], and a leading `-`,
/// `+`, `=` or `1.` cannot start a list or heading.
pub fn block(text: &str) -> String {
    let escaped = inline(text);
    let digits = escaped.chars().take_while(char::is_ascii_digit).count();
    if escaped.starts_with(['-', '+', '=']) {
        format!("\\{escaped}")
    } else if digits > 0 && escaped[digits..].starts_with(['.', ')']) {
        format!("{}\\{}", &escaped[..digits], &escaped[digits..])
    } else {
        escaped
    }
}

/// Escapes text for a table cell: as [`inline`], with line breaks kept as `<br>`.
pub fn cell(text: &str) -> String {
    let parts: Vec<String> = crate::clean::lines(text.trim())
        .map(inline)
        .filter(|p| !p.is_empty())
        .collect();
    parts.join("<br>")
}

/// Writes the report as Markdown.
pub fn render(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    write(&builder::build(report, Medium::Markdown), out)
}

/// Writes a document as Markdown.
pub fn write(doc: &Document, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "# {}\n", line(&doc.title, Context::Line))?;
    for part in &doc.parts {
        if !part.title.is_empty() {
            writeln!(out, "## {}\n", line(&part.title, Context::Line))?;
        }
        for b in &part.blocks {
            write_block(b, out)?;
        }
    }
    Ok(())
}

/// Where a piece of text goes, which decides how the user's words are escaped.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    /// Starts a line of its own.
    Start,
    /// Within a line.
    Line,
    /// In a table cell.
    Cell,
}

fn line(text: &Text, context: Context) -> String {
    // Runs of one emphasis are marked together: "**3.0 out of 5 · Established**".
    let mut groups: Vec<(Emphasis, String)> = Vec::new();
    for (n, run) in text.runs.iter().enumerate() {
        // Spaces around the user's words are kept; the words between them are escaped.
        let raw = run.text.as_str();
        let body = raw.trim();
        let (lead, trail) = if body.is_empty() {
            (raw, "")
        } else {
            (
                &raw[..raw.len() - raw.trim_start().len()],
                &raw[raw.trim_end().len()..],
            )
        };
        // coprod's sentences carry user words too (a section noun, a group's name), so every
        // run is escaped; only the user's words can start a block, so only they are guarded.
        let words = match (run.voice, context) {
            (Voice::User, Context::Start) if n == 0 => block(body),
            (_, Context::Cell) => cell(body),
            _ => inline(body),
        };
        let piece = format!("{lead}{words}{trail}");
        match groups.last_mut() {
            Some((e, s)) if *e == run.emphasis => s.push_str(&piece),
            _ => groups.push((run.emphasis, piece)),
        }
    }
    let mut out = String::new();
    for (emphasis, words) in groups {
        let mark = match emphasis {
            Emphasis::Plain => {
                out.push_str(&words);
                continue;
            }
            Emphasis::Strong => "**",
            Emphasis::Quiet => "_",
        };
        // Markers hug the words: "**WC1** statement", never "**WC1 **statement".
        let body = words.trim();
        if body.is_empty() {
            out.push_str(&words);
            continue;
        }
        let lead = &words[..words.len() - words.trim_start().len()];
        let trail = &words[words.trim_end().len()..];
        out.push_str(&format!("{lead}{mark}{body}{mark}{trail}"));
    }
    out
}

fn write_block(b: &Block, out: &mut dyn Write) -> std::io::Result<()> {
    match b {
        Block::Heading { level, text } => {
            let hashes = "#".repeat(usize::from(*level) + 2);
            writeln!(out, "{hashes} {}\n", line(text, Context::Line))
        }
        Block::Paragraph { text } => writeln!(out, "{}\n", line(text, Context::Start)),
        Block::Note { text } => writeln!(out, "> {}\n", line(text, Context::Line)),
        Block::Facts { facts } => {
            writeln!(out, "| | |\n|---|---|")?;
            for f in facts {
                writeln!(
                    out,
                    "| {} | {} |",
                    line(&f.label, Context::Cell),
                    line(&f.value, Context::Cell)
                )?;
            }
            writeln!(out)
        }
        Block::List { items } => {
            for item in items {
                writeln!(out, "- {}", line(item, Context::Line))?;
            }
            writeln!(out)
        }
        Block::Table(t) => write_table(t, out),
        Block::Chart(c) => writeln!(out, "{}\n", line(&c.alt, Context::Start)),
    }
}

fn write_table(t: &Table, out: &mut dyn Write) -> std::io::Result<()> {
    let headers: Vec<String> = t
        .columns
        .iter()
        .map(|c| line(&c.header, Context::Cell))
        .collect();
    writeln!(out, "| {} |", headers.join(" | "))?;
    let rule: Vec<&str> = t
        .columns
        .iter()
        .map(|c| match c.align {
            Align::Left => "---",
            Align::Right => "---:",
        })
        .collect();
    writeln!(out, "|{}|", rule.join("|"))?;
    for row in &t.rows {
        let cells: Vec<String> = row
            .cells
            .iter()
            .map(|paras| {
                paras
                    .iter()
                    .map(|p| line(p, Context::Cell))
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>()
                    .join("<br>")
            })
            .collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_table_breakers_and_block_starts() {
        assert_eq!(cell("a | b"), "a \\| b");
        assert_eq!(cell("one\ntwo"), "one<br>two");
        assert_eq!(inline("# not a heading"), "\\# not a heading");
        assert_eq!(block("- not a list"), "\\- not a list");
        assert_eq!(inline("- in a line"), "- in a line");
        assert_eq!(inline("*bold*"), "\\*bold\\*");
        assert_eq!(block("1. first"), "1\\. first");
        assert_eq!(inline("1.0"), "1.0");
    }

    #[test]
    fn emphasis_hugs_the_words_and_user_words_are_escaped() {
        let t = Text::ours("WC1 ").strong().and_theirs("a | b*");
        assert_eq!(line(&t, Context::Cell), "**WC1** a \\| b\\*");
        assert_eq!(line(&Text::theirs("- x"), Context::Start), "\\- x");
    }
}
