//! `coprod framework list|show|validate|form|schema`.

use std::io::Write;

use crate::clean::{terminal_line as clean, terminal_name as clean_name};
use crate::cli::{FrameworkCommand, SchemaKind};
use crate::diagnostic::{Diagnostics, display_path};
use crate::error::Error;
use crate::framework::{BUILT_IN, Framework, Text};
use crate::record::Record;
use crate::words::{plural, score_text};

/// Runs `coprod framework ...`.
pub fn execute(cmd: FrameworkCommand, quiet: bool) -> Result<(), Error> {
    let stdout_err = |e| Error::io("cannot write to standard output", e);
    let mut out = std::io::stdout().lock();
    match cmd {
        FrameworkCommand::List => {
            for (id, _) in BUILT_IN {
                if let Some(file) = Framework::<Text>::built_in_file(id) {
                    let f = file.own();
                    writeln!(
                        out,
                        "{id}\t{} (version {}, {} indicators; languages: {}; editions: {})",
                        f.title,
                        f.version,
                        f.indicator_count(),
                        file.languages().join(", "),
                        Framework::<Text>::editions_of(id).join(", ")
                    )
                    .map_err(stdout_err)?;
                }
            }
            Ok(())
        }
        FrameworkCommand::New { file } => new_framework(&file, quiet),
        FrameworkCommand::Show {
            framework,
            language,
            edition,
        } => {
            let f = Framework::<Text>::load_edition(&framework, edition.as_deref())?
                .in_language(language.as_deref())
                .map_err(Error::Usage)?;
            write_framework(&f, &mut out).map_err(stdout_err)
        }
        FrameworkCommand::Validate { files } => {
            let mut problems = Vec::new();
            for file in &files {
                let shown = display_path(file);
                let read = crate::yaml::read_source(file)
                    .and_then(|s| Framework::<Text>::read(&s).map_err(Error::Input));
                if let Ok(f) = &read {
                    warn_band_clashes(&shown, f);
                }
                match read {
                    Ok(_) if quiet => {}
                    Ok(file) => {
                        let f = file.own();
                        writeln!(
                            out,
                            "{}: valid framework `{}` version {} ({}, {})",
                            clean_name(&shown.display().to_string()),
                            f.id.value,
                            clean(&f.version),
                            clean(&plural(f.sections.value.len(), &f.section_noun)),
                            plural(f.indicator_count(), "indicator")
                        )
                        .map_err(stdout_err)?;
                        write_missing(&shown, &file, &mut out).map_err(stdout_err)?;
                    }
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
        FrameworkCommand::Form {
            framework,
            format,
            output,
        } => {
            drop(out);
            crate::cmd::form::execute(&framework, format, output.as_deref())
        }
        FrameworkCommand::Schema { kind } => {
            let schema = match kind {
                SchemaKind::Framework => framework_schema(),
                SchemaKind::Record => {
                    let mut s = schemars::schema_for!(Record).to_value();
                    crate::yaml::scalars_as_text(&mut s);
                    schemars::Schema::try_from(s).unwrap_or_default()
                }
                SchemaKind::Report => crate::report::json::schema(),
            };
            let text = serde_json::to_string_pretty(&schema).unwrap_or_default();
            writeln!(out, "{text}").map_err(stdout_err)
        }
    }
}

/// The JSON Schema of framework files, as YAML is read ([`crate::yaml::scalars_as_text`]).
fn framework_schema() -> schemars::Schema {
    let mut s = schemars::schema_for!(Framework).to_value();
    crate::yaml::scalars_as_text(&mut s);
    // Back to a schema, which writes its keywords in their usual order.
    schemars::Schema::try_from(s).unwrap_or_default()
}

/// Warns (on standard error) of a band that has a level's name but not its range: readers would
/// take "Developing" overall for the level "Developing".
fn warn_band_clashes(shown: &std::path::Path, file: &Framework<Text>) {
    let name = shown.display().to_string();
    let shown = clean_name(&name);
    let mut seen = Vec::new();
    for tag in file.languages() {
        let Ok(f) = file.in_language(Some(tag)) else {
            continue;
        };
        for (label, value, min, max, line) in f.band_level_clashes() {
            if seen.contains(&(label.clone(), value)) {
                continue;
            }
            eprintln!(
                "{shown}:{line}: warning: the band `{}` ({} to {}) has the name of level {value}, \
                 which is not in it: a result of {value}.0 is in another band\n\
                 help: name bands in other words than the levels (e.g. Starting, Growing, Strong, \
                 Thriving), or give a band the name of a level only if it holds that level",
                clean(&label),
                score_text(min),
                score_text(max),
            );
            seen.push((label, value));
        }
    }
}

/// Lists, for each translation of a framework, how complete it is and which texts it lacks.
fn write_missing(
    shown: &std::path::Path,
    file: &Framework<Text>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let name = shown.display().to_string();
    let shown = clean_name(&name);
    for (tag, lacking) in file.missing() {
        let tag = clean(&tag);
        if lacking.is_empty() {
            writeln!(out, "  {tag}: every text is translated")?;
            continue;
        }
        writeln!(
            out,
            "  {tag}: {} not yet translated (shown in {} until they are):",
            plural(lacking.len(), "text"),
            clean(&file.language)
        )?;
        for (pos, what) in lacking {
            match pos {
                Some(p) => writeln!(out, "    {shown}:{}:{}: {what}", p.line, p.column)?,
                None => writeln!(out, "    {shown}: {what}")?,
            }
        }
    }
    Ok(())
}

/// Prints a framework for people: scale, bands, then every section and indicator, with coprod's
/// own words around the framework's texts in the framework's language (English where coprod
/// has no catalog for it).
pub fn write_framework(f: &Framework, out: &mut dyn Write) -> std::io::Result<()> {
    let w = crate::catalog::Catalog::new(&f.language);
    let text = |t: &str| -> crate::catalog::Arg { clean(t).into_owned().into() };
    writeln!(
        out,
        "{}",
        w.format(
            "show-title",
            &[("title", text(&f.title)), ("version", text(&f.version))]
        )
    )?;
    if let Some(e) = &f.edition {
        writeln!(out, "{}", w.format("show-edition", &[("edition", text(e))]))?;
    }
    writeln!(
        out,
        "{}",
        w.format(
            "show-id",
            &[
                ("id", text(&f.id.value)),
                ("fingerprint", f.fingerprint().into()),
            ]
        )
    )?;
    if !f.description.is_empty() {
        writeln!(out, "\n{}", clean(&f.description))?;
    }
    if !f.source.is_empty() {
        writeln!(
            out,
            "\n{}",
            w.format("show-source", &[("source", text(&f.source))])
        )?;
    }
    if let Some(n) = &f.extra_note {
        writeln!(
            out,
            "\n{}",
            w.format("show-extra-note", &[("label", text(&n.label))])
        )?;
        if !n.question.is_empty() {
            writeln!(out, "  ? {}", clean(&n.question))?;
        }
    }
    writeln!(out, "\n{}", w.get("show-scale"))?;
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
        writeln!(out, "\n{}", w.get("show-bands"))?;
        for b in &f.bands {
            let band = w.format(
                "show-band",
                &[
                    ("min", score_text(b.min.value).into()),
                    ("max", score_text(b.max.value).into()),
                    ("label", text(&b.label)),
                ],
            );
            writeln!(out, "  {band}")?;
        }
    }
    let total = f.indicator_count();
    let mut n: usize = 0;
    for (si, s) in f.sections.value.iter().enumerate() {
        let section = w.format(
            "show-section",
            &[
                ("noun", text(&crate::words::capitalise(&f.section_noun))),
                ("n", (si + 1).into()),
                ("count", f.sections.value.len().into()),
                ("title", text(&s.title)),
            ],
        );
        writeln!(out, "\n{section}")?;
        if !s.summary.is_empty() {
            writeln!(out, "  {}", clean(&s.summary))?;
        }
        for i in &s.indicators.value {
            n += 1;
            let indicator = w.format(
                "show-indicator",
                &[
                    ("id", i.id.value.to_uppercase().into()),
                    ("n", n.into()),
                    ("total", total.into()),
                    ("statement", text(&i.statement)),
                ],
            );
            writeln!(out, "\n  {indicator}")?;
            if !i.replaces.is_empty() {
                let ids: Vec<String> = i
                    .replaces
                    .iter()
                    .map(|r| clean(&r.value.to_uppercase()).into_owned())
                    .collect();
                writeln!(
                    out,
                    "      {}",
                    w.format("show-was", &[("ids", ids.join(", ").into())])
                )?;
            }
            for g in &i.guidance {
                writeln!(out, "      ? {}", clean(g))?;
            }
        }
    }
    Ok(())
}

/// The starting framework written by `coprod framework new`.
const TEMPLATE: &str = "\
# yaml-language-server: $schema=./framework.schema.json
#
# A coprod framework. Change the texts, add sections and indicators, then check it with:
#   coprod framework validate FILE
# and use it with:
#   coprod assess --framework FILE
id: our-framework
title: Our co-production principles
version: \"0.1\"
language: en-GB
description: >-
  What this framework is for, who wrote it, and how to use it in a workshop.
source: >-
  Where the ideas come from, and credit to their authors.
section_noun: principle
overall_label: Overall
scale:
  - value: 1
    label: Not yet
    meaning: This is not happening yet, or only by chance.
  - value: 2
    label: Sometimes
    meaning: It happens, but not every time or everywhere.
  - value: 3
    label: Usually
    meaning: It is how we normally work, and most people would say so.
  - value: 4
    label: Always
    meaning: It is how we always work, and we check it and keep improving.
bands:
  - label: Early days
    min: 1
    max: 2
  - label: Growing
    min: 2
    max: 3
  - label: Strong
    min: 3
    max: 4
sections:
  - id: listening
    title: Listening
    summary: Families are heard, and what they say makes a difference.
    indicators:
      - id: l1
        statement: Families are asked for their views before decisions are made.
        guidance:
          - When did we last change a plan because of what families said?
        levels:
          1: Families hear about decisions after they are made.
          4: Families shape every decision from the start.
      - id: l2
        statement: We tell families what changed because of what they said.
  - id: sharing
    title: Sharing
    indicators:
      - id: s1
        statement: Information is clear, honest and on time.
";

fn new_framework(file: &std::path::Path, quiet: bool) -> Result<(), Error> {
    if file.exists() {
        return Err(Error::Usage(format!(
            "{} already exists\nhelp: give another file name, e.g. `coprod framework new our-framework.yaml`",
            file.display()
        )));
    }
    crate::storage::write(file, TEMPLATE.as_bytes())?;
    let schema_path = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(
            || std::path::PathBuf::from("framework.schema.json"),
            |p| p.join("framework.schema.json"),
        );
    let wrote_schema = if schema_path.exists() {
        false
    } else {
        let schema = serde_json::to_string_pretty(&framework_schema()).unwrap_or_default();
        crate::storage::write(&schema_path, format!("{schema}\n").as_bytes())?;
        true
    };
    if !quiet {
        let text = format!(
            "Wrote {}{}. Edit it, then check it with:\n  coprod framework validate {}",
            file.display(),
            if wrote_schema {
                format!(" and {}", schema_path.display())
            } else {
                String::new()
            },
            file.display()
        );
        eprintln!("{}", crate::clean::terminal(&text));
    }
    Ok(())
}
