//! `coprod framework list|show|validate|schema`.

use std::io::Write;

use crate::cli::{FrameworkCommand, SchemaKind};
use crate::diagnostic::{Diagnostics, display_path};
use crate::error::Error;
use crate::framework::{BUILT_IN, Framework};
use crate::record::Record;

/// Runs `coprod framework ...`.
pub fn execute(cmd: FrameworkCommand) -> Result<(), Error> {
    let stdout_err = |e| Error::io("cannot write to standard output", e);
    let mut out = std::io::stdout().lock();
    match cmd {
        FrameworkCommand::List => {
            for (id, _) in BUILT_IN {
                if let Some(f) = Framework::built_in(id) {
                    writeln!(
                        out,
                        "{id}\t{} (version {}, {} indicators)",
                        f.title,
                        f.version,
                        f.indicator_count()
                    )
                    .map_err(stdout_err)?;
                }
            }
            Ok(())
        }
        FrameworkCommand::Show { framework } => {
            let f = Framework::load(&framework)?;
            write_framework(&f, &mut out).map_err(stdout_err)
        }
        FrameworkCommand::Validate { files } => {
            let mut problems = Vec::new();
            for file in &files {
                let shown = display_path(file);
                match crate::yaml::read_source(file)
                    .and_then(|s| Framework::parse(&s).map_err(Error::Input))
                {
                    Ok(f) => writeln!(
                        out,
                        "{}: valid framework `{}` version {} ({} {}s, {} indicators)",
                        shown.display(),
                        f.id.value,
                        f.version,
                        f.sections.value.len(),
                        f.section_noun,
                        f.indicator_count()
                    )
                    .map_err(stdout_err)?,
                    Err(Error::Input(Diagnostics(mut d))) => problems.append(&mut d),
                    Err(e) => return Err(e),
                }
            }
            if problems.is_empty() {
                Ok(())
            } else {
                Err(Error::Input(Diagnostics(problems)))
            }
        }
        FrameworkCommand::Schema { kind } => {
            let schema = match kind {
                SchemaKind::Framework => schemars::schema_for!(Framework),
                SchemaKind::Record => schemars::schema_for!(Record),
            };
            let text = serde_json::to_string_pretty(&schema).unwrap_or_default();
            writeln!(out, "{text}").map_err(stdout_err)
        }
    }
}

/// Prints a framework for people: scale, bands, then every section and indicator.
pub fn write_framework(f: &Framework, out: &mut dyn Write) -> std::io::Result<()> {
    use crate::report::table::clean;
    writeln!(out, "{} (version {})", clean(&f.title), clean(&f.version))?;
    writeln!(
        out,
        "id: {}  ·  fingerprint: {}",
        f.id.value,
        f.fingerprint()
    )?;
    if !f.description.is_empty() {
        writeln!(out, "\n{}", clean(&f.description))?;
    }
    if !f.source.is_empty() {
        writeln!(out, "\nSource: {}", clean(&f.source))?;
    }
    writeln!(out, "\nScale")?;
    for l in &f.scale.value {
        writeln!(
            out,
            "  {}  {}: {}",
            l.value.value,
            clean(&l.label),
            clean(&l.meaning)
        )?;
    }
    if !f.bands.is_empty() {
        writeln!(out, "\nBands")?;
        for b in &f.bands {
            writeln!(
                out,
                "  {} to {}  {}",
                crate::report::score_text(b.min.value),
                crate::report::score_text(b.max.value),
                clean(&b.label)
            )?;
        }
    }
    let total = f.indicator_count();
    let mut n = 0;
    for (si, s) in f.sections.value.iter().enumerate() {
        writeln!(
            out,
            "\n{} {} of {}: {}",
            crate::report::capitalise(&f.section_noun),
            si + 1,
            f.sections.value.len(),
            clean(&s.title)
        )?;
        if !s.summary.is_empty() {
            writeln!(out, "  {}", clean(&s.summary))?;
        }
        for i in &s.indicators.value {
            n += 1;
            writeln!(
                out,
                "\n  {} ({n} of {total})  {}",
                i.id.value.to_uppercase(),
                clean(&i.statement)
            )?;
            for g in &i.guidance {
                writeln!(out, "      ? {}", clean(g))?;
            }
        }
    }
    Ok(())
}
