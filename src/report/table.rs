//! Terminal tables: a compact scorecard that fits the terminal.
//!
//! The renderer walks the report's [`Document`] (built for the terminal, which leaves out
//! evidence, the full action plan and the method) and only lays it out. Meaning is never
//! carried by colour: every score is printed as a number, with its band in words and, where the
//! terminal is wide enough, a bar drawn in block characters. Bold is used when the caller allows
//! it. Every piece of text is cleaned of control characters so a record cannot send escape
//! sequences to the terminal.

use std::io::Write;

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};

use super::builder;
use super::document::{Align, Block, Document, Emphasis, Medium, Text};
use super::{Report, Style};

/// Writes the report as terminal tables.
pub fn render(report: &Report, style: &Style, out: &mut dyn Write) -> std::io::Result<()> {
    write(&builder::build(report, Medium::Terminal), style, out)
}

/// Writes a document as terminal tables.
pub fn write(doc: &Document, style: &Style, out: &mut dyn Write) -> std::io::Result<()> {
    let t = Term {
        width: style.width.max(40),
        color: style.color,
        bar_header: plain(&doc.bar_header),
    };
    writeln!(
        out,
        "{}\n",
        t.bold(&wrap(&plain(&doc.title), t.cols(), "", ""))
    )?;
    for part in &doc.parts {
        if !part.title.is_empty() {
            writeln!(out, "{}", t.bold(&plain(&part.title)))?;
        }
        for b in &part.blocks {
            t.block(b, out)?;
        }
        writeln!(out)?;
    }
    Ok(())
}

struct Term {
    width: u16,
    color: bool,
    /// The header of the bars drawn beside rows that have one (the document's word).
    bar_header: String,
}

/// The words of a text, cleaned for the terminal.
fn plain(text: &Text) -> String {
    clean(&text.plain())
}

impl Term {
    fn cols(&self) -> usize {
        usize::from(self.width)
    }

    fn bold(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    /// A text with its strong runs in bold (when colour is allowed), wrapped.
    fn styled(&self, text: &Text, first: &str, rest: &str) -> String {
        let wrapped = wrap(&plain(text), self.cols(), first, rest);
        if !self.color {
            return wrapped;
        }
        // Bold whole lines that are all strong; mixed lines stay plain (never the only carrier
        // of meaning, so nothing is lost).
        if text.runs.iter().all(|r| r.emphasis == Emphasis::Strong) {
            return wrapped
                .lines()
                .map(|l| self.bold(l))
                .collect::<Vec<_>>()
                .join("\n");
        }
        wrapped
    }

    fn block(&self, b: &Block, out: &mut dyn Write) -> std::io::Result<()> {
        match b {
            Block::Heading { text, .. } => {
                writeln!(
                    out,
                    "\n{}",
                    self.bold(&wrap(&plain(text), self.cols(), "", ""))
                )
            }
            Block::Paragraph { text } | Block::Note { text } => {
                writeln!(out, "{}", self.styled(text, "", "  "))
            }
            Block::Facts { facts } => {
                for f in facts {
                    let text = f.label.clone().and(": ").append(f.value.clone());
                    writeln!(out, "{}", wrap(&plain(&text), self.cols(), "", "  "))?;
                }
                Ok(())
            }
            Block::List { items } => {
                for item in items {
                    writeln!(out, "{}", wrap(&plain(item), self.cols(), "- ", "  "))?;
                }
                Ok(())
            }
            Block::Table(table) => writeln!(out, "{}", self.table(table)),
            Block::Chart(c) => writeln!(out, "{}", wrap(&plain(&c.alt), self.cols(), "", "  ")),
        }
    }

    fn table(&self, table: &super::document::Table) -> Table {
        let mut t = Table::new();
        t.load_style(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(self.width);
        // Below 72 columns a bar would wrap; the numbers alone still say everything.
        let bars = self.width >= 72 && table.rows.iter().any(|r| r.bar.is_some());
        let mut header: Vec<String> = table.columns.iter().map(|c| plain(&c.header)).collect();
        if bars {
            header.push(self.bar_header.clone());
        }
        t.set_header(header);
        for row in &table.rows {
            let mut cells: Vec<Cell> = row
                .cells
                .iter()
                .zip(&table.columns)
                .map(|(paras, col)| {
                    let words: Vec<String> = paras.iter().map(plain).collect();
                    let cell = Cell::new(words.join("\n"));
                    match col.align {
                        Align::Right => cell.set_alignment(CellAlignment::Right),
                        Align::Left => cell,
                    }
                })
                .collect();
            if bars {
                cells.push(Cell::new(bar(row.bar.unwrap_or(0.0), 12)));
            }
            t.add_row(cells);
        }
        t
    }
}

pub use crate::words::wrap;

/// A horizontal bar of `cells` characters for a percentage, in eighths of a block.
pub fn bar(percent: f64, cells: usize) -> String {
    let eighths = ((percent.clamp(0.0, 100.0) / 100.0) * (cells * 8) as f64).round() as usize;
    let mut s = "█".repeat(eighths / 8);
    const PARTS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    s.push_str(PARTS[eighths % 8]);
    let used = eighths / 8 + usize::from(!eighths.is_multiple_of(8));
    s.push_str(&"·".repeat(cells.saturating_sub(used)));
    s
}

/// Text for one line of the terminal: control characters (ESC included), bidi overrides and
/// invisible characters are shown as escapes such as `\u{1b}`, so user text cannot move the
/// cursor, change colours, retitle the terminal or reorder what is shown
/// ([`crate::clean::terminal_line`]).
pub fn clean(text: &str) -> String {
    crate::clean::terminal_line(text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_exact_width() {
        for p in [0.0, 12.5, 50.0, 99.0, 100.0] {
            assert_eq!(bar(p, 12).chars().count(), 12, "{p}");
        }
        assert_eq!(bar(100.0, 4), "████");
        assert_eq!(bar(50.0, 4), "██··");
    }

    #[test]
    fn wrap_keeps_within_width() {
        let w = wrap("one two three four five six", 10, "  ", "    ");
        assert_eq!(w, "  one two\n    three\n    four\n    five\n    six");
    }

    #[test]
    fn escape_sequences_are_removed() {
        assert_eq!(clean("a\x1b[31mb\u{202e}"), "a\\u{1b}[31mb\\u{202e}");
    }
}
