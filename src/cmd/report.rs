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
pub fn execute(args: &ReportArgs, quiet: bool) -> Result<(), Error> {
    let cwd =
        std::env::current_dir().map_err(|e| Error::io("cannot find the current folder", e))?;
    let config = crate::config::Config::discover(&cwd)?;
    if args.language.is_none()
        && let Some(language) = &config.language
    {
        crate::catalog::speak(language);
    }
    // Folders and patterns the shell did not expand become the record files they stand for.
    let expanded = crate::cmd::files::records(&args.records)?;
    if !expanded.skipped.is_empty() && !quiet {
        let names: Vec<String> = expanded
            .skipped
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        eprintln!(
            "note: left out {} that {} not records: {}",
            crate::words::plural(names.len(), "file"),
            if names.len() == 1 { "is" } else { "are" },
            names.join(", ")
        );
    }
    if expanded.files.is_empty() {
        return Err(Error::Usage(format!(
            "no records found in {}\nhelp: give record files, or a folder that holds them",
            args.records
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let records = expanded.files;
    refuse_overwriting_inputs(
        args.output.as_deref(),
        &records,
        args.framework.as_deref(),
        config.path.as_deref(),
    )?;
    let format = output_format(args.format, args.output.as_deref())?;
    // Every flag is checked against the format before any record is read, so a request that
    // cannot be met is a usage error (exit 2), whatever the files hold.
    let to_stdout = args
        .output
        .as_deref()
        .is_none_or(|p| crate::storage::target(p).is_ok_and(|t| t.is_stdout()));
    let pdf_options = check_request(args, format, to_stdout)?;
    let language = args.language.as_deref().or(config.language.as_deref());
    // The first record is read once only, also when it names the framework: a pipe can be
    // read only once.
    let (framework, first) = match &args.framework {
        Some(f) => (
            Framework::<Text>::load_edition(f, args.edition.as_deref())?,
            None,
        ),
        None => framework_of(&records, args.edition.as_deref())?,
    };
    let resolved = framework.in_language(language).map_err(Error::Usage)?;
    let mode = if args.accept_changed_framework {
        FrameworkCheck::AcceptChanged
    } else {
        FrameworkCheck::Strict
    };
    let mut loaded = load_records(&records, first, &resolved, mode)?;
    // A record that does not say which language it was scored in was scored in the framework's.
    for (_, record) in &mut loaded {
        if record.framework.language.is_none() {
            record.framework.language = Some(framework.language.clone());
        }
    }
    let framework = match language {
        Some(_) => resolved,
        None => match records_language(&loaded, &framework) {
            Some(tag) => framework.in_language(Some(&tag)).map_err(Error::Usage)?,
            None => resolved,
        },
    };
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
        groups: config.groups(),
        language_asked: language.is_some(),
    };
    let report = Report::build_with(&framework, &inputs, &options);
    drop(inputs);
    let written = write_report(args, format, &report, pdf_options, to_stdout);
    // The process ends after this. Handing back tens of thousands of small allocations one by
    // one took a tenth of the run for 10,000 records; the system takes the memory back at exit.
    std::mem::forget(expanded);
    std::mem::forget(report);
    written
}

/// The language every record was scored in, when they all were scored in the same one and the
/// framework is written in it: the report is then in that language. `None` when they differ
/// (the report is in the framework's own, and says so) or the framework lacks it.
fn records_language(loaded: &[(String, Record)], framework: &Framework<Text>) -> Option<String> {
    use crate::framework::text::same_tag;
    let mut tags = loaded
        .iter()
        .filter_map(|(_, r)| r.framework.language.as_deref());
    let first = tags.next()?;
    if !tags.all(|t| same_tag(t, first)) {
        return None;
    }
    framework
        .languages()
        .into_iter()
        .find(|l| same_tag(l, first))
        .map(str::to_string)
}

/// The format a file name's extension asks for, if it is one coprod writes.
pub fn format_of_extension(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "md" | "markdown" => Format::Markdown,
        "json" => Format::Json,
        "csv" => Format::Csv,
        "pdf" => Format::Pdf,
        "xlsx" => Format::Xlsx,
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
        Format::Xlsx => "xlsx",
    }
}

/// Checks the flags against the format and the output, before any record is read: what only
/// one format can do is refused for the others. For a PDF, its options.
fn check_request(
    args: &ReportArgs,
    format: Format,
    to_stdout: bool,
) -> Result<Option<pdf::Options>, Error> {
    if format == Format::Pdf {
        if args.excel {
            return Err(Error::Usage(
                "--excel shapes a CSV report for Excel\nhelp: use it with --format csv (or -o report.csv)".into(),
            ));
        }
        return pdf_options(args, to_stdout).map(Some);
    }
    if args.excel && format != Format::Csv {
        return Err(Error::Usage(
            "--excel shapes a CSV report for Excel\nhelp: use it with --format csv (or -o report.csv)".into(),
        ));
    }
    if format == Format::Xlsx && to_stdout && std::io::stdout().is_terminal() {
        return Err(Error::Usage(
            "a workbook cannot be shown in the terminal\nhelp: write it to a file with `-o report.xlsx`".into(),
        ));
    }
    if !args.font.is_empty() {
        return Err(Error::Usage(
            "--font adds a font to a PDF\nhelp: use it with --format pdf".into(),
        ));
    }
    if args.print != crate::cli::PrintDensity::Clear {
        return Err(Error::Usage(
            "--print sets how densely a PDF is printed\nhelp: use it with --format pdf".into(),
        ));
    }
    if args.show_names {
        return Err(Error::Usage(
            "--show-names names the scorers in a PDF\nhelp: use it with --format pdf".into(),
        ));
    }
    Ok(None)
}

/// Renders the report in the format asked for and writes it where asked; the request was
/// checked by [`check_request`].
fn write_report(
    args: &ReportArgs,
    format: Format,
    report: &Report,
    pdf_options: Option<pdf::Options>,
    to_stdout: bool,
) -> Result<(), Error> {
    let style = Style {
        width: terminal_width(to_stdout),
        color: to_stdout && use_color(std::io::stdout().is_terminal()),
    };
    if let Some(options) = pdf_options {
        // The whole document is laid out before any of it is written.
        let rendered = pdf::render_with_warnings(report, &options)
            .map_err(|e| Error::io("cannot render the report", std::io::Error::other(e)))?;
        for warning in &rendered.warnings {
            eprintln!("warning: {warning}");
        }
        return write_output(args.output.as_deref(), &mut |w| {
            w.write_all(&rendered.bytes)
        });
    }
    if args.excel {
        // What Excel opens without asking: a byte-order mark says UTF-8, and CRLF line ends.
        return write_output(args.output.as_deref(), &mut |w| {
            w.write_all(b"\xEF\xBB\xBF")?;
            format.render(report, &style, &mut Crlf(w, false))
        });
    }
    // Text formats are written as they are rendered.
    write_output(args.output.as_deref(), &mut |w| {
        format.render(report, &style, w)
    })
}

/// A writer that ends every line with CR LF (a line end inside a quoted CSV cell too, as
/// Excel writes them).
/// Remembers whether the last byte written was a CR, so a CR LF split across two writes stays one.
struct Crlf<'a>(&'a mut dyn Write, bool);

impl Write for Crlf<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut start = 0;
        for (i, b) in buf.iter().enumerate() {
            let after_cr = if i == 0 { self.1 } else { buf[i - 1] == b'\r' };
            if *b == b'\n' && !after_cr {
                self.0.write_all(&buf[start..i])?;
                self.0.write_all(b"\r\n")?;
                start = i + 1;
            }
        }
        self.0.write_all(&buf[start..])?;
        if let Some(last) = buf.last() {
            self.1 = *last == b'\r';
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
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
        density: match args.print {
            crate::cli::PrintDensity::Clear => pdf::Density::Clear,
            crate::cli::PrintDensity::Compact => pdf::Density::Compact,
        },
        show_names: args.show_names,
    })
}

/// Writes output where asked (standard output by default) with [`crate::storage::write_with`].
pub fn write_output(
    path: Option<&Path>,
    fill: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Error> {
    crate::storage::write_with(path.unwrap_or(Path::new("-")), fill)?;
    Ok(())
}

pub use crate::terminal::width as terminal_width;

/// A report written over one of the files it reads (a record, the framework, the settings)
/// would destroy it: refuse.
fn refuse_overwriting_inputs(
    output: Option<&Path>,
    records: &[PathBuf],
    framework: Option<&str>,
    config: Option<&Path>,
) -> Result<(), Error> {
    let Some(out) = output else {
        return Ok(());
    };
    let mut inputs: Vec<(&Path, &str)> = records
        .iter()
        .map(|r| (r.as_path(), "one of the records"))
        .collect();
    if let Some(f) = framework {
        inputs.push((Path::new(f), "the framework"));
    }
    if let Some(c) = config {
        inputs.push((c, "the settings file"));
    }
    crate::storage::refuse_inputs(out, &inputs)?;
    Ok(())
}

/// A record already read, with its place among the files given.
type FirstRecord = Option<(usize, Loaded)>;

/// A record loaded for a report: its file's name, the record, and a warning about it.
type LoadedRecord = (String, Record, Option<String>);

/// The framework the records were scored on, when none is named: the built-in framework the
/// first readable record names.
fn framework_of(
    paths: &[PathBuf],
    edition: Option<&str>,
) -> Result<(Framework<Text>, FirstRecord), Error> {
    for (i, path) in paths.iter().enumerate() {
        if let Ok(l) = Record::load(path) {
            let id = &l.record.framework.id.value;
            if Framework::<Text>::built_in_file(id).is_none() {
                return Err(Error::Usage(format!(
                    "{} was scored on the framework `{id}`, which is not built in\n\
                     help: pass its file with `--framework PATH`",
                    l.source.name
                )));
            }
            // The standard edition unless --edition says otherwise: the records of every
            // edition combine.
            let framework = Framework::<Text>::load_edition(id, edition)?;
            return Ok((framework, Some((i, l))));
        }
    }
    // No record can be read: the loading below reports why.
    Ok((
        Framework::<Text>::load_edition(crate::framework::DEFAULT_ID, edition)?,
        None,
    ))
}

/// Loads and checks record files against their framework, in parallel when there are many,
/// keeping the order given. Returns each record with the name of its file.
///
/// Every file is read even when some fail, so that all problems are reported at once. Each
/// file's text is dropped as soon as its record is checked, so memory holds the records only.
/// `first` is a record already read (its index in `paths`), which is not read again.
pub fn load_records(
    paths: &[PathBuf],
    first: FirstRecord,
    framework: &Framework,
    mode: FrameworkCheck,
) -> Result<Vec<(String, Record)>, Error> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let chunk = paths.len().div_ceil(threads).max(64);
    let first = std::sync::Mutex::new(first);
    let one = |(i, p): (usize, &PathBuf)| -> Result<LoadedRecord, Error> {
        let already = {
            let mut f = first
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            match f.take() {
                Some((at, l)) if at == i => Some(l),
                other => {
                    *f = other;
                    None
                }
            }
        };
        let mut loaded = match already {
            Some(l) => l,
            None => Record::load(p)?,
        };
        let note = crate::record_file::add_kept_votes(p, &mut loaded)?;
        let Loaded { mut record, source } = loaded;
        record.check(&source, framework, mode)?;
        record.adopt_renamed_ids(framework);
        // Lists grow by doubling while parsing; thousands of records add that up.
        record.answers.shrink_to_fit();
        Ok((source.name, record, note))
    };
    // The first share is loaded on this thread rather than a new one: one thread fewer, and
    // the memory that parsing frees here is reused when the report is built, which keeps the
    // peak lower than when every record is parsed in another thread's allocator arena.
    let numbered: Vec<(usize, &PathBuf)> = paths.iter().enumerate().collect();
    let results: Vec<Result<LoadedRecord, Error>> = std::thread::scope(|scope| {
        let mut parts = numbered.chunks(chunk);
        let first = parts.next().unwrap_or_default();
        let handles: Vec<_> = parts
            .map(|part| scope.spawn(move || part.iter().copied().map(one).collect::<Vec<_>>()))
            .collect();
        let mut all: Vec<_> = first.iter().copied().map(one).collect();
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
            Ok((name, record, note)) => {
                if let Some(note) = note {
                    eprintln!("warning: {note}");
                }
                loaded.push((name, record));
            }
            Err(Error::Input(Diagnostics(mut d))) => problems.append(&mut d),
            Err(e) => return Err(e),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Input(Diagnostics(problems)));
    }
    Ok(loaded)
}
