//! JSON: the report model as it is, for scripts. The shape is documented in the README and
//! versioned by `schema_version`.

use std::io::Write;

use super::Report;

/// Writes the report as pretty-printed JSON with a final newline.
pub fn render(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}
