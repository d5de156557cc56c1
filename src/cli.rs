//! The command line: arguments (clap) and one function per subcommand.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::diagnostic::{Diagnostics, display_path};
use crate::error::Error;
use crate::framework::{BUILT_IN, Framework};
use crate::record::{FrameworkCheck, Loaded, Record};
use crate::report::{Format, Input, Report, Style};

/// Co-production self-evaluations, scored and reported.
///
/// Run a workshop with `coprod assess`, then turn the saved records into a report for the
/// partnership board with `coprod report`.
#[derive(Debug, Parser)]
#[command(name = "coprod", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Walk the room through every indicator and save the answers as a record.
    Assess(AssessArgs),
    /// Turn one or more records into a scored report.
    Report(ReportArgs),
    /// List, show, check and describe frameworks.
    #[command(subcommand)]
    Framework(FrameworkCommand),
}

/// Arguments of `coprod assess`.
#[derive(Debug, Args)]
pub struct AssessArgs {
    /// The framework to assess: a built-in id or a YAML file.
    #[arg(long, short = 'f', value_name = "PATH|ID", default_value = crate::framework::DEFAULT_ID)]
    pub framework: String,
}

/// Arguments of `coprod report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Record files to report on; several are combined into one report.
    #[arg(required = true, value_name = "RECORD")]
    pub records: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Where to write the report (`-` for standard output, the default).
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// The framework the records were scored on, if it is not built in: a YAML file or id.
    #[arg(long, short = 'f', value_name = "PATH|ID")]
    pub framework: Option<String>,
    /// Accept records made with an earlier version of the framework.
    #[arg(long)]
    pub accept_changed_framework: bool,
    /// A title for the report (default: framework and partnership).
    #[arg(long)]
    pub title: Option<String>,
}

/// `coprod framework ...`.
#[derive(Debug, Subcommand)]
pub enum FrameworkCommand {
    /// List the built-in frameworks.
    List,
    /// Print a framework readably: scale, bands, sections and indicators.
    Show {
        /// A built-in id or a YAML file.
        #[arg(default_value = crate::framework::DEFAULT_ID, value_name = "PATH|ID")]
        framework: String,
    },
    /// Check framework files and report every problem found.
    Validate {
        /// Framework YAML files.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Print the JSON Schema of framework or record files, for editors.
    Schema {
        /// Which file type.
        #[arg(value_enum, default_value_t = SchemaKind::Framework)]
        kind: SchemaKind,
    },
}

/// The file types with a JSON Schema.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SchemaKind {
    /// Framework files.
    Framework,
    /// Record files.
    Record,
}

/// Whether to colour output written to this stream: a terminal, and `NO_COLOR` not set.
pub fn use_color(is_terminal: bool) -> bool {
    is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<(), Error> {
    match cli.command {
        Command::Assess(args) => assess(&args),
        Command::Report(args) => report(&args),
        Command::Framework(cmd) => framework(cmd),
    }
}

fn assess(args: &AssessArgs) -> Result<(), Error> {
    let framework = Framework::load(&args.framework)?;
    let mut out = std::io::stdout().lock();
    write_framework(&framework, &mut out)
        .map_err(|e| Error::io("cannot write to standard output", e))?;
    writeln!(
        out,
        "\nThe interactive walk-through is not built yet. Score the indicators above in a record \
         file (see the README for the format and examples/ for samples), then run\n  coprod report RECORD.yaml"
    )
    .map_err(|e| Error::io("cannot write to standard output", e))
}

fn report(args: &ReportArgs) -> Result<(), Error> {
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
    let inputs: Vec<Input<'_>> = loaded
        .iter()
        .map(|l| Input {
            file: l.source.name.clone(),
            record: &l.record,
        })
        .collect();
    let report = Report::build(&framework, &inputs, args.title.clone());

    let to_stdout = args.output.as_deref().is_none_or(|p| p == Path::new("-"));
    let style = Style {
        width: terminal_width(to_stdout),
        color: to_stdout && use_color(std::io::stdout().is_terminal()),
    };
    let mut buf = Vec::new();
    args.format
        .render(&report, &style, &mut buf)
        .map_err(|e| Error::io("cannot render the report", e))?;
    write_output(args.output.as_deref(), &buf)
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

fn framework(cmd: FrameworkCommand) -> Result<(), Error> {
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
