//! `coprod report`: load records, score them once, render the report in the chosen format.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::cli::{ReportArgs, use_color};
use crate::diagnostic::Diagnostics;
use crate::error::Error;
use crate::framework::{Framework, Text};
use crate::record::{FrameworkCheck, Loaded, Record};
use crate::report::{Format, Input, Report, Style, pdf};

/// Runs `coprod report`.
pub fn execute(args: &ReportArgs) -> Result<(), Error> {
    let cwd =
        std::env::current_dir().map_err(|e| Error::io("cannot find the current folder", e))?;
    let config = crate::config::Config::discover(&cwd)?;
    config.apply();
    refuse_overwriting_inputs(args.output.as_deref(), &args.records)?;
    let format = output_format(args.format, args.output.as_deref())?;
    let language = args.language.as_deref().or(config.language.as_deref());
    let framework = match &args.framework {
        Some(f) => Framework::<Text>::load_file(f)?,
        None => framework_of(&args.records)?,
    }
    .in_language(language)
    .map_err(Error::Usage)?;
    let mode = if args.accept_changed_framework {
        FrameworkCheck::AcceptChanged
    } else {
        FrameworkCheck::Strict
    };
    let loaded = load_records(&args.records, &framework, mode)?;
    // A workshop record counts as one record per group.
    let expanded: Vec<(String, Record)> = loaded
        .into_iter()
        .flat_map(|(name, record)| {
            let parts = record.split_workshop();
            let several = parts.len() > 1;
            parts.into_iter().map(move |r| {
                let file = match (&r.scored_by.group, several) {
                    (Some(g), true) => format!("{name} ({g})"),
                    _ => name.clone(),
                };
                (file, r)
            })
        })
        .collect();
    let inputs: Vec<Input<'_>> = expanded
        .iter()
        .map(|(file, record)| Input {
            file: file.clone(),
            record,
        })
        .collect();
    let options = crate::report::Options {
        title: args.title.clone().or_else(|| config.title.clone()),
        organisation: config.organisation.clone(),
        divergence: args
            .divergence
            .or(config.divergence)
            .unwrap_or(crate::score::compare::DEFAULT_DIVERGENCE),
        anonymise: args.anonymise,
        weight_by: args.weight_by,
    };
    let report = Report::build_with(&framework, &inputs, &options);
    drop(inputs);
    let written = write_report(args, format, &report);
    // The process ends after this. Handing back tens of thousands of small allocations one by
    // one took a tenth of the run for 10,000 records; the system takes the memory back at exit.
    std::mem::forget(expanded);
    std::mem::forget(report);
    written
}

/// The format a file name's extension asks for, if it is one coprod writes.
pub fn format_of_extension(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "md" | "markdown" => Format::Markdown,
        "json" => Format::Json,
        "csv" => Format::Csv,
        "pdf" => Format::Pdf,
        _ => return None,
    })
}

/// The format to write: `--format`, else the one the output file's extension names, else a
/// table. A `--format` that contradicts the extension is refused, since the file would not open
/// as its name promises.
pub fn output_format(format: Option<Format>, output: Option<&Path>) -> Result<Format, Error> {
    let by_name = output.and_then(format_of_extension);
    match (format, by_name) {
        (Some(f), Some(n)) if f != n => {
            let name = |f: Format| {
                clap::ValueEnum::to_possible_value(&f)
                    .map_or_else(String::new, |v| v.get_name().to_string())
            };
            let shown = output.map(|p| p.display().to_string()).unwrap_or_default();
            Err(Error::Usage(format!(
                "--format {} does not match the file name {shown}, which says {}\n\
                 help: leave out --format to write {}, or name the file for the format, e.g. -o report.{}",
                name(f),
                name(n),
                name(n),
                extension_of(f)
            )))
        }
        (Some(f), _) => Ok(f),
        (None, Some(n)) => Ok(n),
        (None, None) => Ok(Format::Table),
    }
}

/// The usual extension of a format's files.
fn extension_of(format: Format) -> &'static str {
    match format {
        Format::Table => "txt",
        Format::Markdown => "md",
        Format::Json => "json",
        Format::Csv => "csv",
        Format::Pdf => "pdf",
    }
}

/// Renders the report in the format asked for and writes it where asked.
fn write_report(args: &ReportArgs, format: Format, report: &Report) -> Result<(), Error> {
    let to_stdout = args.output.as_deref().is_none_or(|p| p == Path::new("-"));
    let style = Style {
        width: terminal_width(to_stdout),
        color: to_stdout && use_color(std::io::stdout().is_terminal()),
    };
    if format == Format::Pdf {
        // The whole document is laid out before any of it is written.
        let options = pdf_options(args, to_stdout)?;
        let rendered = pdf::render_with_warnings(report, &options)
            .map_err(|e| Error::io("cannot render the report", std::io::Error::other(e)))?;
        for warning in &rendered.warnings {
            eprintln!("warning: {warning}");
        }
        return write_output(args.output.as_deref(), &mut |w| {
            w.write_all(&rendered.bytes)
        });
    }
    if !args.font.is_empty() {
        return Err(Error::Usage(
            "--font adds a font to a PDF\nhelp: use it with --format pdf".into(),
        ));
    }
    // Text formats are written as they are rendered.
    write_output(args.output.as_deref(), &mut |w| {
        format.render(report, &style, w)
    })
}

/// Checks a PDF request: never to a terminal, and a well-formed language tag.
fn pdf_options(args: &ReportArgs, to_stdout: bool) -> Result<pdf::Options, Error> {
    if to_stdout && std::io::stdout().is_terminal() {
        return Err(Error::Usage(
            "a PDF cannot be shown in the terminal\nhelp: write it to a file with `-o report.pdf`"
                .into(),
        ));
    }
    for file in &args.font {
        let problem = if file.is_file() {
            pdf::text::Fonts::check_file(file).err()
        } else {
            Some(format!("--font {} is not a font file", file.display()))
        };
        if let Some(problem) = problem {
            return Err(Error::Usage(format!(
                "{problem}\nhelp: give a TrueType or OpenType file, e.g. \
                 /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
            )));
        }
    }
    // The document's language is the one the framework was resolved to.
    Ok(pdf::Options {
        language: None,
        fonts: args.font.clone(),
    })
}

/// Writes output to standard output, or atomically to a file.
pub fn write_output(
    path: Option<&Path>,
    fill: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Error> {
    match path {
        Some(p) if p != Path::new("-") => {
            if p.is_dir() {
                return Err(Error::Usage(format!(
                    "{} is a folder\nhelp: give a file name for the report, e.g. {}/report.md",
                    p.display(),
                    p.display()
                )));
            }
            crate::record::write_atomic_with(p, fill)
        }
        _ => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            fill(&mut out)
                .and_then(|()| out.flush())
                .map_err(|e| Error::io("cannot write to standard output", e))
        }
    }
}

/// The width to lay tables out in: `COLUMNS`, else the terminal's, else 100.
pub fn terminal_width(to_stdout: bool) -> u16 {
    if let Some(w) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok())
    {
        return w.clamp(40, 400);
    }
    if to_stdout && let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size() {
        return w.clamp(40, 400);
    }
    100
}

/// A report written over one of its own records would destroy the record: refuse.
fn refuse_overwriting_inputs(output: Option<&Path>, records: &[PathBuf]) -> Result<(), Error> {
    let Some(out) = output.filter(|p| *p != Path::new("-")) else {
        return Ok(());
    };
    let Ok(target) = out.canonicalize() else {
        return Ok(()); // It does not exist yet, so it is no record.
    };
    if records
        .iter()
        .any(|r| r.canonicalize().is_ok_and(|r| r == target))
    {
        return Err(Error::Usage(format!(
            "{} is one of the records being reported on, and writing the report there would destroy it\n\
             help: choose another file name with -o, e.g. -o report.md",
            out.display()
        )));
    }
    Ok(())
}

/// The framework the records were scored on, when none is named: the built-in framework the
/// first readable record names.
fn framework_of(paths: &[PathBuf]) -> Result<Framework<Text>, Error> {
    for path in paths {
        if let Ok(l) = Record::load(path) {
            let id = &l.record.framework.id.value;
            return Framework::<Text>::built_in_file(id).ok_or_else(|| {
                Error::Usage(format!(
                    "{} was scored on the framework `{id}`, which is not built in\n\
                     help: pass its file with `--framework PATH`",
                    l.source.name
                ))
            });
        }
    }
    // No record can be read: the loading below reports why.
    Framework::<Text>::load_file(crate::framework::DEFAULT_ID)
}

/// Loads and checks record files against their framework, in parallel when there are many,
/// keeping the order given. Returns each record with the name of its file.
///
/// Every file is read even when some fail, so that all problems are reported at once. Each
/// file's text is dropped as soon as its record is checked, so memory holds the records only.
pub fn load_records(
    paths: &[PathBuf],
    framework: &Framework,
    mode: FrameworkCheck,
) -> Result<Vec<(String, Record)>, Error> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let chunk = paths.len().div_ceil(threads).max(64);
    let one = |p: &PathBuf| -> Result<(String, Record), Error> {
        let Loaded { mut record, source } = Record::load(p)?;
        record.check(&source, framework, mode)?;
        record.adopt_renamed_ids(framework);
        // Lists grow by doubling while parsing; thousands of records add that up.
        record.answers.shrink_to_fit();
        Ok((source.name, record))
    };
    // The first share is loaded on this thread rather than a new one: one thread fewer, and
    // the memory that parsing frees here is reused when the report is built, which keeps the
    // peak lower than when every record is parsed in another thread's allocator arena.
    let results: Vec<Result<(String, Record), Error>> = std::thread::scope(|scope| {
        let mut parts = paths.chunks(chunk);
        let first = parts.next().unwrap_or_default();
        let handles: Vec<_> = parts
            .map(|part| scope.spawn(move || part.iter().map(one).collect::<Vec<_>>()))
            .collect();
        let mut all: Vec<_> = first.iter().map(one).collect();
        for h in handles {
            all.extend(
                h.join()
                    .unwrap_or_else(|_| vec![Err(Error::Usage("a worker thread failed".into()))]),
            );
        }
        all
    });
    let mut loaded = Vec::with_capacity(results.len());
    let mut problems = Vec::new();
    for r in results {
        match r {
            Ok(l) => loaded.push(l),
            Err(Error::Input(Diagnostics(mut d))) => problems.append(&mut d),
            Err(e) => return Err(e),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Input(Diagnostics(problems)));
    }
    Ok(loaded)
}
