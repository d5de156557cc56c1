//! `coprod report`: load records, score them once, render the report in the chosen format.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::cli::{ReportArgs, use_color};
use crate::diagnostic::Diagnostics;
use crate::error::Error;
use crate::framework::Framework;
use crate::record::{FrameworkCheck, Loaded, Record};
use crate::report::{Format, Input, Report, Style, pdf};

/// Runs `coprod report`.
pub fn execute(args: &ReportArgs) -> Result<(), Error> {
    let cwd =
        std::env::current_dir().map_err(|e| Error::io("cannot find the current folder", e))?;
    let config = crate::config::Config::discover(&cwd)?;
    config.apply();
    let loaded = load_records(&args.records)?;
    let framework = match &args.framework {
        Some(f) => Framework::load(f)?,
        None => {
            let id = &loaded[0].record.framework.id.value;
            Framework::built_in(id).ok_or_else(|| {
                Error::Usage(format!(
                    "{} was scored on the framework `{id}`, which is not built in\n\
                     help: pass its file with `--framework PATH`",
                    loaded[0].source.name
                ))
            })?
        }
    };
    let mode = if args.accept_changed_framework {
        FrameworkCheck::AcceptChanged
    } else {
        FrameworkCheck::Strict
    };
    let mut problems = Vec::new();
    for l in &loaded {
        if let Err(Diagnostics(mut d)) = l.record.check(&l.source, &framework, mode) {
            problems.append(&mut d);
        }
    }
    if !problems.is_empty() {
        return Err(Error::Input(Diagnostics(problems)));
    }
    // A workshop record counts as one record per group.
    let expanded: Vec<(String, Record)> = loaded
        .iter()
        .flat_map(|l| {
            let parts = l.record.split_workshop();
            let several = parts.len() > 1;
            parts.into_iter().map(move |r| {
                let file = match (&r.scored_by.group, several) {
                    (Some(g), true) => format!("{} ({g})", l.source.name),
                    _ => l.source.name.clone(),
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
    };
    let report = Report::build_with(&framework, &inputs, &options);

    let to_stdout = args.output.as_deref().is_none_or(|p| p == Path::new("-"));
    let style = Style {
        width: terminal_width(to_stdout),
        color: to_stdout && use_color(std::io::stdout().is_terminal()),
    };
    let mut buf = Vec::new();
    if args.format == Format::Pdf {
        let options = pdf_options(args, to_stdout)?;
        pdf::render(&report, &options, &mut buf)
    } else if args.language.is_some() {
        return Err(Error::Usage(
            "--language sets the language of a PDF\nhelp: use it with --format pdf".into(),
        ));
    } else {
        args.format.render(&report, &style, &mut buf)
    }
    .map_err(|e| Error::io("cannot render the report", e))?;
    write_output(args.output.as_deref(), &buf)
}

/// Checks a PDF request: never to a terminal, and a well-formed language tag.
fn pdf_options(args: &ReportArgs, to_stdout: bool) -> Result<pdf::Options, Error> {
    if to_stdout && std::io::stdout().is_terminal() {
        return Err(Error::Usage(
            "a PDF cannot be shown in the terminal\nhelp: write it to a file with `-o report.pdf`"
                .into(),
        ));
    }
    if let Some(tag) = &args.language
        && !pdf::valid_language(tag)
    {
        return Err(Error::Usage(format!(
            "`{tag}` is not a language tag\nhelp: use a tag such as en-GB, cy or cy-GB"
        )));
    }
    Ok(pdf::Options {
        language: args.language.clone(),
    })
}

/// Writes bytes to standard output, or atomically to a file.
pub fn write_output(path: Option<&Path>, bytes: &[u8]) -> Result<(), Error> {
    match path {
        Some(p) if p != Path::new("-") => {
            if p.is_dir() {
                return Err(Error::Usage(format!(
                    "{} is a folder\nhelp: give a file name for the report, e.g. {}/report.md",
                    p.display(),
                    p.display()
                )));
            }
            crate::record::write_atomic(p, bytes)
        }
        _ => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)
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

/// Loads record files, in parallel when there are many, keeping the order given.
///
/// Every file is read even when some fail, so that all problems are reported at once.
pub fn load_records(paths: &[PathBuf]) -> Result<Vec<Loaded>, Error> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let chunk = paths.len().div_ceil(threads).max(64);
    let results: Vec<Result<Loaded, Error>> = std::thread::scope(|scope| {
        let handles: Vec<_> = paths
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || part.iter().map(|p| Record::load(p)).collect::<Vec<_>>())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|_| vec![Err(Error::Usage("a worker thread failed".into()))])
            })
            .collect()
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
