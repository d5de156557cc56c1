//! The command line: arguments (clap) and one function per subcommand.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::record::IsoDate;
use crate::report::Format;

/// Co-production self-evaluations, scored and reported.
///
/// Run a workshop with `coprod assess`, then turn the saved records into a report for the
/// partnership board with `coprod report`.
#[derive(Debug, Parser)]
#[command(name = "coprod", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    /// Print only results and errors, not progress and confirmations.
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,
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
    /// Turn a form export (Microsoft Forms, Google Forms, SurveyMonkey; .xlsx or .csv) into
    /// records, one per stakeholder group.
    Import(ImportArgs),
    /// List, show, check and describe frameworks.
    #[command(subcommand)]
    Framework(FrameworkCommand),
    /// Show which coprod.toml is in use and the settings in effect.
    Config,
    /// Print a shell completion script.
    ///
    /// For example, for bash: `coprod completions bash > ~/.local/share/bash-completion/completions/coprod`;
    /// for zsh: `coprod completions zsh > ~/.zfunc/_coprod` (with `~/.zfunc` in `fpath`); for fish:
    /// `coprod completions fish > ~/.config/fish/completions/coprod.fish`; for PowerShell:
    /// `coprod completions powershell >> $PROFILE`.
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    ///
    /// For example: `coprod man > coprod.1 && man ./coprod.1`, or install it with
    /// `coprod man > ~/.local/share/man/man1/coprod.1`.
    Man,
}

/// Arguments of `coprod assess`.
#[derive(Debug, Args)]
pub struct AssessArgs {
    /// The framework to assess: a built-in id or a YAML file (default: from coprod.toml, else
    /// four-cornerstones).
    #[arg(long, short = 'f', value_name = "PATH|ID")]
    pub framework: Option<String>,
    /// The record file to write (default: a name made from partnership, date and who scores).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Carry on with a record started earlier, at its first unanswered indicator.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["output", "answers"])]
    pub resume: Option<PathBuf>,
    /// Fill the record without prompts from an answers file (YAML, or CSV with the columns
    /// indicator,level,evidence).
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// The partnership's name.
    #[arg(long, value_name = "NAME")]
    pub partnership: Option<String>,
    /// The date of the assessment (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<IsoDate>,
    /// The whole room scores together.
    #[arg(long, conflicts_with_all = ["group", "person"])]
    pub room: bool,
    /// One stakeholder group scores, e.g. parent-carers, local-authority, health, education,
    /// young-people, voluntary-sector.
    #[arg(long, value_name = "GROUP", value_parser = parse_group)]
    pub group: Option<String>,
    /// One named person scores (with --group for their group).
    #[arg(long, value_name = "NAME")]
    pub person: Option<String>,
    /// Workshop mode: several groups score side by side in one session, e.g.
    /// `--groups parent-carers,local-authority,health`; each indicator asks one level per group.
    #[arg(long, value_name = "GROUP,GROUP,...", value_delimiter = ',', value_parser = parse_group, conflicts_with_all = ["room", "group", "person"])]
    pub groups: Vec<String>,
    /// Follow up the actions of an earlier record ("you said, we did") and show its levels as
    /// context at each indicator. Give it more than once for several earlier records (last
    /// year's group records, say): each is followed up and shown.
    #[arg(long, value_name = "RECORD")]
    pub from: Vec<PathBuf>,
    /// The language to show the framework in, e.g. en-GB or cy: one the framework is written
    /// in (`coprod framework list` shows them) [default: from coprod.toml, else the record's
    /// when resuming, else the framework's own].
    #[arg(long, value_name = "TAG")]
    pub language: Option<String>,
    /// The edition of the framework to walk, e.g. easy-read for the Four Cornerstones in short,
    /// plain sentences (`coprod framework list` shows them) [default: the record's when
    /// resuming, else the standard one]. Records of every edition combine in reports.
    #[arg(long, value_name = "NAME")]
    pub edition: Option<String>,
    /// Plain prompts for screen readers: numbered choices, no cursor movement or colour.
    #[arg(long)]
    pub plain: bool,
    /// On the full screen, stay on the indicator after a level is chosen instead of moving on
    /// to the next one (the right arrow key moves on) [default: `stay` in coprod.toml, else move on].
    #[arg(long)]
    pub stay: bool,
    /// Let people vote from their phones, on the room's own network: a small web server runs
    /// while the session does, and the vote screen (`v`) shows its address, QR code and join
    /// code (with --plain, `v` says the address and the code).
    #[arg(long, conflicts_with = "answers")]
    pub vote: bool,
    /// Where phones reach the vote: an IP address of this laptop, with a port if you like
    /// (port 0: any free port) [default: the laptop's local network address, port 8080].
    #[arg(long, value_name = "IP[:PORT]", requires = "vote")]
    pub vote_address: Option<String>,
    /// Carry on although the framework changed since the record was started.
    #[arg(long)]
    pub accept_changed_framework: bool,
    /// With --answers: replace the output file if it exists. With --resume: take the record's
    /// lock from another coprod that holds it (one that is no longer running).
    #[arg(long)]
    pub force: bool,
}

/// Arguments of `coprod report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Record files to report on; several are combined into one report. A folder means every
    /// record in it (and its folders); `*` and `?` are expanded on every system.
    #[arg(required = true, value_name = "RECORD")]
    pub records: Vec<PathBuf>,
    /// Output format [default: from the extension of -o (.md, .json, .csv, .pdf, .xlsx), else
    /// table].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// With CSV: a UTF-8 byte-order mark and Windows line ends, so Excel opens the file with
    /// its accents and Welsh letters as they are.
    #[arg(long)]
    pub excel: bool,
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
    /// The language of the framework's texts in the report, and of the PDF's language tag,
    /// e.g. en-GB or cy: one the framework is written in [default: from coprod.toml, else the
    /// framework's own].
    #[arg(long, value_name = "TAG")]
    pub language: Option<String>,
    /// The edition of the framework whose words the report uses, e.g. easy-read [default: the
    /// standard one]. Records of every edition combine; the report says which each used.
    #[arg(long, value_name = "NAME")]
    pub edition: Option<String>,
    /// With --format pdf: a font file for characters the bundled fonts lack, such as Chinese or
    /// emoji (tried after them and before the system's fonts); may be given more than once.
    #[arg(long, value_name = "FILE")]
    pub font: Vec<PathBuf>,
    /// With --format pdf: `clear` print (12 pt body text, nothing under 11 pt but the footers,
    /// as UK clear-print guidance asks of board papers) or the denser `compact` layout.
    #[arg(long, value_name = "DENSITY", value_enum, default_value_t = PrintDensity::Clear)]
    pub print: PrintDensity,
    /// With --format pdf: name the person who scored a record (else their stakeholder group
    /// stands for them).
    #[arg(long)]
    pub show_names: bool,
    /// Flag an indicator "talk about this" when stakeholder groups' results differ by at least
    /// this many levels [default: from coprod.toml, else 1.5].
    #[arg(long, value_name = "LEVELS", value_parser = parse_levels)]
    pub divergence: Option<f64>,
    /// Leave out people's names: participants, named scorers, and names found in evidence and
    /// actions.
    #[arg(long, alias = "anonymize")]
    pub anonymise: bool,
    /// How the records of several stakeholder groups are combined: `groups` (each group counts
    /// the same; its result is the mean of its records) or `records` (each record counts the
    /// same, so a group that sent more records weighs more).
    #[arg(long, value_name = "HOW", value_enum, default_value_t = crate::score::Weighting::Groups)]
    pub weight_by: crate::score::Weighting,
}

/// How densely a PDF is set (`--print`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PrintDensity {
    /// Clear print: 12 pt body text, generous spacing.
    Clear,
    /// The denser layout: 10.5 pt body text, 9 pt tables.
    Compact,
}

fn parse_levels(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 => Ok(v),
        _ => Err(format!(
            "`{s}` is not a positive number of levels, e.g. 1.5"
        )),
    }
}

/// Arguments of `coprod import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Form exports: `.xlsx` or `.csv` from Microsoft Forms, Google Forms, SurveyMonkey or a
    /// sheet with one row per respondent (`-` for standard input).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The framework the form asked about: a built-in id or a YAML file (default: from
    /// coprod.toml, else four-cornerstones).
    #[arg(long, short = 'f', value_name = "PATH|ID")]
    pub framework: Option<String>,
    /// The partnership's name (default: from coprod.toml).
    #[arg(long, value_name = "NAME")]
    pub partnership: Option<String>,
    /// The day of the whole collection (default: the latest response's day).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<IsoDate>,
    /// The header of the column that says each respondent's group, when coprod cannot tell.
    #[arg(long, value_name = "HEADER")]
    pub group_column: Option<String>,
    /// What a group answer means, e.g. `--group-map "Parent carer=parent-carers"` (repeat it,
    /// or separate entries with `;`).
    #[arg(long, value_name = "ANSWER=GROUP", value_delimiter = ';')]
    pub group_map: Vec<String>,
    /// Everyone who answered is in this group (for a form that did not ask).
    #[arg(long, value_name = "GROUP", value_parser = parse_group, conflicts_with = "group_column")]
    pub group: Option<String>,
    /// One record per respondent instead of one per group.
    #[arg(long)]
    pub per_respondent: bool,
    /// Copy respondents' names into the records (never emails). Without it, names are left out.
    #[arg(long)]
    pub keep_names: bool,
    /// Where to write the records (default: output_dir from coprod.toml, else this folder).
    #[arg(long, value_name = "FOLDER")]
    pub output_dir: Option<PathBuf>,
    /// Print how every column, answer and group was read, and the records it would write;
    /// write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Replace records that already exist.
    #[arg(long)]
    pub force: bool,
}

/// `coprod framework ...`.
#[derive(Debug, Subcommand)]
pub enum FrameworkCommand {
    /// List the built-in frameworks, with their languages and editions.
    List,
    /// Write a starting framework file to edit: it validates as it is, and names its JSON
    /// Schema so editors can check and complete it.
    New {
        /// The file to write.
        #[arg(default_value = "framework.yaml", value_name = "FILE")]
        file: PathBuf,
    },
    /// Print a framework readably: scale, bands, sections and indicators.
    Show {
        /// A built-in id or a YAML file.
        #[arg(default_value = crate::framework::DEFAULT_ID, value_name = "PATH|ID")]
        framework: String,
        /// Show it in this language (one it is written in), e.g. cy.
        #[arg(long, value_name = "TAG")]
        language: Option<String>,
        /// Show this edition of it, e.g. easy-read (`coprod framework list` shows them).
        #[arg(long, value_name = "NAME")]
        edition: Option<String>,
    },
    /// Check framework files and report every problem found, and what each translation still
    /// lacks.
    Validate {
        /// Framework YAML files.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Write what is needed to build an online form in the shape `coprod import` reads: the
    /// questions in order with the scale's answers (Markdown or CSV), or an empty answers sheet
    /// (CSV, or .xlsx with a drop-down of the levels).
    Form {
        /// A built-in id or a YAML file.
        #[arg(default_value = crate::framework::DEFAULT_ID, value_name = "PATH|ID")]
        framework: String,
        /// What to write [default: from the extension of -o (.md, .csv, .xlsx), else markdown].
        #[arg(long, value_enum)]
        format: Option<FormFormat>,
        /// Where to write it (`-` for standard output, the default).
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print the JSON Schema of framework or record files (for editors), or of the report JSON.
    Schema {
        /// Which file type.
        #[arg(value_enum, default_value_t = SchemaKind::Framework)]
        kind: SchemaKind,
    },
}

/// What `coprod framework form` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormFormat {
    /// The questions and the scale, to copy into a form builder (Markdown).
    Markdown,
    /// The questions and the scale as CSV: one row per indicator.
    Csv,
    /// An empty answers sheet (CSV): a group column and a column per indicator, one row per
    /// respondent, as `coprod import` reads it.
    Template,
    /// The same answers sheet as an Excel workbook, with a drop-down of the levels in every cell.
    Xlsx,
}

/// The file types with a JSON Schema.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SchemaKind {
    /// Framework files.
    Framework,
    /// Record files.
    Record,
    /// The JSON that `coprod report --format json` writes.
    Report,
}

/// Checks a stakeholder group id given on the command line.
fn parse_group(s: &str) -> Result<String, String> {
    let ok = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if ok {
        Ok(s.to_string())
    } else {
        Err(format!(
            "`{s}` is not a group id: use lower-case words joined by `-`, e.g. parent-carers, \
             local-authority, health, education, young-people, voluntary-sector"
        ))
    }
}

pub use crate::terminal::use_color;
