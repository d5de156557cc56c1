//! JSON: the report model as it is, for scripts. The shape is documented in the README and
//! versioned by `schema_version`.

use std::io::Write;

use super::Report;

/// Writes the report as pretty-printed JSON with a final newline. C1 controls, bidi and
/// invisible characters are written as `\uXXXX` escapes ([`crate::clean::json`]): the same
/// text for a program, nothing raw for a terminal.
pub fn render(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let text = serde_json::to_string_pretty(report)?;
    writeln!(out, "{}", crate::clean::json(&text))
}
