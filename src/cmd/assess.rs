//! `coprod assess`: set up a record, walk the room through it, save after every answer.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::assess::prompt::{Fancy, Item, Plain, Prompter, Reply, Stop};
use crate::assess::screen::{self, state::Commands, state::State};
use crate::assess::{Outcome, answers, carry_forward, first_unanswered, unanswered, walk_with};
use crate::cli::AssessArgs;
use crate::config::Config;
use crate::diagnostic::Diagnostics;
use crate::diagnostic::unplaced;
use crate::error::Error;
use crate::framework::{DEFAULT_ID, Framework, Text};
use crate::record::{FrameworkCheck, IsoDate, KNOWN_GROUPS, Record, ScoredBy, ScorerKind};
use crate::report::{Input, Report, percent_text, score_text};

/// The command that resumes the current record, once there is one. Saves hold this lock, so
/// Ctrl-C (which takes it too) can never stop the program half-way through a save.
static RESUME: Mutex<Option<String>> = Mutex::new(None);

fn lock() -> std::sync::MutexGuard<'static, Option<String>> {
    RESUME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Runs `coprod assess`.
pub fn execute(args: &AssessArgs) -> Result<(), Error> {
    let cwd =
        std::env::current_dir().map_err(|e| Error::io("cannot find the current folder", e))?;
    let config = Config::discover(&cwd)?;
    config.apply();
    let framework_arg = args.framework.clone().or_else(|| config.framework.clone());

    if let Some(path) = &args.answers {
        return from_answers(args, &config, framework_arg.as_deref(), path);
    }
    if args.output.as_deref() == Some(Path::new("-")) {
        return Err(Error::Usage(
            "an assessment saves its record after every answer, so it needs a file, not `-o -`\n\
             help: give a file name with -o FILE; `-o -` writes a record to standard output with --answers"
                .into(),
        ));
    }
    if !std::io::stdin().is_terminal() {
        return Err(Error::NoTerminal(
            "coprod assess asks questions, but standard input is not a terminal, so it will not wait for answers.\n\
             To fill a record without prompts, give an answers file:\n  \
             coprod assess --answers answers.yaml -o record.yaml\n  \
             coprod assess --answers answers.csv --partnership NAME --group parent-carers\n\
             (a CSV needs the columns indicator,level and optionally evidence). See `coprod assess --help`."
                .to_string(),
        ));
    }
    let plain = args.plain || std::env::var("TERM").is_ok_and(|t| t == "dumb");
    let mut prompter: Box<dyn Prompter> = if plain {
        Box::new(Plain::new(std::io::stdin().lock(), std::io::stdout()))
    } else {
        Box::new(Fancy)
    };
    run(
        args,
        &config,
        framework_arg.as_deref(),
        plain,
        prompter.as_mut(),
    )
}

/// The framework to assess, in the language asked for: `--language`, else the record's when
/// resuming, else coprod.toml's, else the framework's own.
fn load_framework(
    arg: Option<&str>,
    record: Option<&Record>,
    args: &AssessArgs,
    config: &Config,
) -> Result<Framework, Error> {
    let file = match (arg, record) {
        (Some(f), _) => Framework::<Text>::load_file(f)?,
        (None, Some(r)) => Framework::<Text>::built_in_file(&r.framework.id.value).ok_or_else(|| {
            Error::Usage(format!(
                "the record was scored on the framework `{}`, which is not built in\nhelp: pass its file with `--framework PATH`",
                r.framework.id.value
            ))
        })?,
        (None, None) => Framework::<Text>::load_file(DEFAULT_ID)?,
    };
    let language = args
        .language
        .as_deref()
        .or_else(|| record.and_then(|r| r.framework.language.as_deref()))
        .or(config.language.as_deref());
    file.in_language(language).map_err(Error::Usage)
}

fn today() -> IsoDate {
    IsoDate(jiff::Zoned::now().date())
}

/// Runs the interactive assessment with any prompter.
pub fn run(
    args: &AssessArgs,
    config: &Config,
    framework_arg: Option<&str>,
    plain: bool,
    prompter: &mut dyn Prompter,
) -> Result<(), Error> {
    let (framework, mut record, path, start) = match &args.resume {
        Some(path) => {
            let loaded = Record::load(path)?;
            let framework = load_framework(framework_arg, Some(&loaded.record), args, config)?;
            let mode = if args.accept_changed_framework {
                FrameworkCheck::AcceptChanged
            } else {
                FrameworkCheck::Strict
            };
            loaded.record.check(&loaded.source, &framework, mode)?;
            let mut record = loaded.record;
            record.adopt_renamed_ids(&framework);
            if mode == FrameworkCheck::AcceptChanged {
                // From now on the record belongs to the framework as it is.
                record.framework.version = framework.version.clone();
                record.framework.fingerprint = Some(unplaced(framework.fingerprint()));
            }
            // The record remembers the language it is being scored in now.
            record.framework.language = Some(framework.language.clone());
            let start = first_unanswered(&framework, &record).unwrap_or(0);
            (framework, record, path.clone(), start)
        }
        None => {
            let framework = load_framework(framework_arg, None, args, config)?;
            match setup(args, config, &framework, prompter)? {
                Some((record, path, resume)) => {
                    let start = if resume {
                        first_unanswered(&framework, &record).unwrap_or(0)
                    } else {
                        0
                    };
                    (framework, record, path, start)
                }
                None => return Ok(()),
            }
        }
    };

    let previous = match &args.from {
        Some(p) => {
            let loaded = Record::load(p)?;
            if loaded.record.framework.id.value != framework.id.value {
                return Err(Error::Usage(format!(
                    "{} was scored on the framework `{}`, not `{}`, so its actions cannot be followed up here",
                    p.display(),
                    loaded.record.framework.id.value,
                    framework.id.value
                )));
            }
            let mut record = loaded.record;
            record.adopt_renamed_ids(&framework);
            Some(record)
        }
        None => None,
    };

    let mut resume_cmd = format!(
        "coprod assess --resume {}",
        shell_word(&path.display().to_string())
    );
    if let Some(f) = framework_arg
        && f != DEFAULT_ID
    {
        resume_cmd.push_str(&format!(" --framework {}", shell_word(f)));
    }
    if let Some(p) = &args.from {
        resume_cmd.push_str(&format!(" --from {}", shell_word(&p.display().to_string())));
    }
    if plain {
        resume_cmd.push_str(" --plain");
    }

    *lock() = Some(resume_cmd.clone());
    save(&record, &path)?;
    install_interrupt_handler();

    let answered = framework.indicator_count() - unanswered(&framework, &record).len();
    if plain {
        prompter.show(&format!(
            "{} · {} · {} · {}\nSaving to {} after every answer. {} of {} indicators answered so far.\n\
             Choose Help at any indicator for the keys; Ctrl-C saves and stops.",
            framework.title,
            record.partnership,
            record.date.value,
            record.scored_by.describe(),
            path.display(),
            answered,
            framework.indicator_count()
        ));
    }
    let mut outcome = Outcome::Finished;
    if let Some(prev) = &previous {
        outcome = carry_forward(&framework, prev, &mut record, prompter, &mut |r| {
            save(r, &path)
        })?;
    }
    if outcome == Outcome::Finished {
        outcome = if plain {
            walk_with(
                &framework,
                &mut record,
                start,
                prompter,
                &mut |r| save(r, &path),
                previous.as_ref(),
            )?
        } else {
            let mut state = State::new(&framework, record.clone(), start, previous.as_ref());
            if let Some(d) = config.divergence {
                state.divergence = d;
            }
            state.commands = Commands {
                resume: resume_cmd.clone(),
                report: format!("coprod report {}", shell_word(&path.display().to_string())),
            };
            let result = screen::run(&mut state, &mut |r| save(r, &path));
            record = state.record;
            match result? {
                // Quitting a record with nothing left to answer is finishing it.
                Outcome::Quit if unanswered(&framework, &record).is_empty() => Outcome::Finished,
                o => o,
            }
        };
    }
    save(&record, &path)?;
    match outcome {
        Outcome::Finished => {
            prompter.show(&summary(&framework, &record, &path));
            Ok(())
        }
        Outcome::Quit => {
            prompter.show(&format!(
                "Saved to {}. To carry on later:\n  {resume_cmd}",
                path.display()
            ));
            Ok(())
        }
        Outcome::Interrupted => Err(Error::Interrupted(format!(
            "stopped; every answer so far is saved in {}\nTo carry on: {resume_cmd}",
            path.display()
        ))),
    }
}

fn save(record: &Record, path: &Path) -> Result<(), Error> {
    let _guard = lock();
    record.save(path)
}

fn install_interrupt_handler() {
    // Ctrl-C outside a prompt (or SIGTERM): wait for any save in progress, then stop.
    let _ = ctrlc::set_handler(|| {
        if screen::active() {
            // The full screen listens for signals itself: it saves, restores the terminal
            // and stops.
            return;
        }
        let guard = lock();
        let mut err = std::io::stderr();
        match &*guard {
            Some(cmd) => {
                let _ = writeln!(
                    err,
                    "\nStopped. Every answer so far is saved.\nTo carry on: {}",
                    crate::clean::terminal_line(cmd)
                );
            }
            None => {
                let _ = writeln!(err, "\nStopped.");
            }
        }
        std::process::exit(i32::from(crate::error::exit::INTERRUPTED));
    });
}

/// Asks who, when and where; returns the new (or resumed) record and its path.
fn setup(
    args: &AssessArgs,
    config: &Config,
    framework: &Framework,
    prompter: &mut dyn Prompter,
) -> Result<Option<(Record, PathBuf, bool)>, Error> {
    prompter.show(&format!(
        "coprod assess: {} (version {}), {} indicators.\n",
        framework.title,
        framework.version,
        framework.indicator_count()
    ));
    let partnership = match args.partnership.clone() {
        Some(p) => p,
        None => loop {
            let default = config.partnership.clone().unwrap_or_default();
            match ask(prompter.text(
                "Partnership name",
                &default,
                "The partnership doing this assessment, e.g. Hafren Vale SEND Partnership",
            ))? {
                Some(Reply::Text(t)) if !t.trim().is_empty() => break t.trim().to_string(),
                Some(Reply::Text(_)) => prompter.show("Please give the partnership's name."),
                Some(Reply::Back) | None => return Ok(None),
            }
        },
    };
    let date = match args.date {
        Some(d) => d,
        None => loop {
            match ask(prompter.text(
                "Date of the assessment (YYYY-MM-DD)",
                &today().to_string(),
                "",
            ))? {
                Some(Reply::Text(t)) => match t.parse::<IsoDate>() {
                    Ok(d) => break d,
                    Err(e) => prompter.show(&format!("{e}. Try again, e.g. 2026-11-12.")),
                },
                Some(Reply::Back) | None => return Ok(None),
            }
        },
    };
    let scored_by = match who_from_flags(args) {
        Some(w) => w,
        None => match ask_who(prompter)? {
            Some(w) => w,
            None => return Ok(None),
        },
    };
    let mut record = Record::new(framework, partnership, date.0, scored_by);

    let mut path = args
        .output
        .clone()
        .unwrap_or_else(|| default_path(config, &record));
    let mut asked = args.output.is_some();
    loop {
        if !asked {
            match ask(prompter.text(
                "Save the record as",
                &path.display().to_string(),
                "A YAML file in this folder; it is saved after every answer",
            ))? {
                Some(Reply::Text(t)) if !t.trim().is_empty() => path = PathBuf::from(t.trim()),
                Some(Reply::Text(_)) => {}
                Some(Reply::Back) | None => return Ok(None),
            }
        }
        asked = false;
        if path.is_dir() {
            prompter.show(&format!(
                "{} is a folder. Please give a file name.",
                path.display()
            ));
            continue;
        }
        if path.exists() {
            let question = format!(
                "{} already holds a record. Resume it instead of starting again?",
                path.display()
            );
            match ask(prompter.confirm(&question, true))? {
                Some(true) => {
                    let mut loaded = Record::load(&path)?;
                    loaded
                        .record
                        .check(&loaded.source, framework, FrameworkCheck::Strict)?;
                    loaded.record.adopt_renamed_ids(framework);
                    return Ok(Some((loaded.record, path, true)));
                }
                Some(false) => {
                    prompter.show(
                        "Then choose another file name; the existing record is left as it is.",
                    );
                    continue;
                }
                None => return Ok(None),
            }
        }
        if path
            .parent()
            .is_some_and(|p| !p.as_os_str().is_empty() && !p.is_dir())
        {
            prompter.show(&format!(
                "The folder for {} does not exist. Please choose another name.",
                path.display()
            ));
            continue;
        }
        break;
    }
    if record.participants.is_empty()
        && let Some(Reply::Text(t)) = ask(prompter.text(
            "Who is taking part? (optional: names separated by commas)",
            "",
            "",
        ))?
    {
        record.participants = t
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
    }
    Ok(Some((record, path, false)))
}

/// `Ok(None)` when the person stopped (Ctrl-C or end of input) during set-up: nothing to save.
fn ask<T>(r: Result<T, Stop>) -> Result<Option<T>, Error> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(Stop::Interrupted) => Err(Error::Interrupted(
            "stopped before anything was saved".into(),
        )),
        Err(Stop::EndOfInput) => Ok(None),
        Err(Stop::Failed(e)) => Err(Error::io(
            "the terminal stopped working",
            std::io::Error::other(e),
        )),
    }
}

fn who_from_flags(args: &AssessArgs) -> Option<ScoredBy> {
    if !args.groups.is_empty() {
        let mut groups = args.groups.clone();
        groups.dedup();
        return Some(ScoredBy {
            kind: unplaced(ScorerKind::Workshop),
            group: None,
            name: None,
            groups,
        });
    }
    let kind = if args.room {
        ScorerKind::Room
    } else if args.person.is_some() {
        ScorerKind::Person
    } else if args.group.is_some() {
        ScorerKind::Group
    } else {
        return None;
    };
    Some(ScoredBy {
        kind: unplaced(kind),
        group: args.group.clone(),
        name: args.person.clone(),
        groups: Vec::new(),
    })
}

fn ask_who(prompter: &mut dyn Prompter) -> Result<Option<ScoredBy>, Error> {
    let kinds = [
        Item::new("r", "The whole room, agreeing one score"),
        Item::new("g", "One stakeholder group"),
        Item::new("p", "One person"),
    ];
    let kind = match ask(prompter.choose("Who is scoring?", &kinds, 0))? {
        Some(Some(0)) => ScorerKind::Room,
        Some(Some(1)) => ScorerKind::Group,
        Some(Some(_)) => ScorerKind::Person,
        Some(None) | None => return Ok(None),
    };
    let mut name = None;
    if kind == ScorerKind::Person {
        match ask(prompter.text("Their name", "", ""))? {
            Some(Reply::Text(t)) if !t.trim().is_empty() => name = Some(t.trim().to_string()),
            Some(_) => {}
            None => return Ok(None),
        }
    }
    let mut group = None;
    if kind != ScorerKind::Room {
        let mut items: Vec<Item> = KNOWN_GROUPS
            .iter()
            .enumerate()
            .map(|(i, (_, label))| Item::new((i + 1).to_string(), *label))
            .collect();
        if kind == ScorerKind::Person {
            items.push(Item::new("0", "No group"));
        }
        match ask(prompter.choose("Which stakeholder group?", &items, 0))? {
            Some(Some(i)) => group = KNOWN_GROUPS.get(i).map(|(id, _)| (*id).to_string()),
            Some(None) | None => return Ok(None),
        }
    }
    Ok(Some(ScoredBy {
        kind: unplaced(kind),
        group,
        name,
        groups: Vec::new(),
    }))
}

/// Where a new record goes by default: `output_dir` from `coprod.toml`, else this folder.
fn default_path(config: &Config, record: &Record) -> PathBuf {
    let name = default_file_name(record);
    match &config.output_dir {
        Some(dir) => dir.join(name),
        None => PathBuf::from(name),
    }
}

/// A file name from the record's partnership, date and scorer, safe on every system.
pub fn default_file_name(record: &Record) -> String {
    let who = match (
        record.scored_by.kind.value,
        &record.scored_by.group,
        &record.scored_by.name,
    ) {
        (ScorerKind::Room, _, _) => "room".to_string(),
        (ScorerKind::Person, _, Some(n)) => slug(n),
        (_, Some(g), _) => slug(g),
        _ => "scores".to_string(),
    };
    let partnership = slug(&record.partnership);
    let partnership = if partnership.is_empty() {
        "assessment".to_string()
    } else {
        partnership
    };
    format!("{partnership}-{}-{who}.yaml", record.date.value)
}

/// Lower-case ASCII letters, digits and single dashes; common accented letters lose their
/// accents; everything else becomes a dash. At most 40 characters.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.to_lowercase().chars() {
        let base = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
            'è' | 'é' | 'ê' | 'ë' | 'ē' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'ō' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
            'ŵ' => 'w',
            'ŷ' | 'ÿ' | 'ý' => 'y',
            'ç' => 'c',
            'ñ' => 'n',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if base == '-' && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push(base);
        if out.len() >= 40 {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Quotes a word for a shell command line when it needs it.
fn shell_word(s: &str) -> String {
    if s.chars()
        .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

/// What the room sees at the end: scores by section, completeness, what is left, what next.
fn summary(framework: &Framework, record: &Record, path: &Path) -> String {
    let parts = record.split_workshop();
    let inputs: Vec<Input<'_>> = parts
        .iter()
        .map(|r| Input {
            file: path.display().to_string(),
            record: r,
        })
        .collect();
    let report = Report::build(framework, &inputs, None);
    let mut out = String::from("\nDone. Summary\n\n");
    let width = report
        .sections
        .iter()
        .map(|s| s.title.chars().count())
        .max()
        .unwrap_or(10);
    for s in &report.sections {
        let score = match &s.score {
            Some(v) => format!(
                "{:>4}  {}",
                score_text(v.value),
                v.band.clone().unwrap_or_default()
            ),
            None => "   –  not scored".to_string(),
        };
        out.push_str(&format!(
            "  {:<width$}  {score}  ({} of {} answered)\n",
            s.title,
            s.completeness.answered + s.completeness.not_applicable,
            s.completeness.total
        ));
    }
    if let Some(o) = &report.overall {
        out.push_str(&format!(
            "\n  {}: {} out of {} ({} of the scale){}\n",
            report.overall_name(),
            score_text(o.value),
            report.framework.scale_max,
            percent_text(o.percent),
            o.band
                .as_ref()
                .map(|b| format!(", {b}"))
                .unwrap_or_default()
        ));
    }
    let missing = unanswered(framework, record);
    if !missing.is_empty() {
        out.push_str(&format!("\n  Not answered yet: {}\n", missing.join(", ")));
    }
    let file = shell_word(&path.display().to_string());
    out.push_str(&format!(
        "\nSaved to {}.\nNext: coprod report {file}\n  or: coprod report {file} --format markdown -o report.md",
        path.display()
    ));
    out
}

/// Fills a record from an answers file, without prompts.
fn from_answers(
    args: &AssessArgs,
    config: &Config,
    framework_arg: Option<&str>,
    path: &Path,
) -> Result<(), Error> {
    let framework = load_framework(framework_arg, None, args, config)?;
    let source = crate::yaml::read_source(path)?;
    let parsed = answers::parse(&source, &framework, &args.groups)?;
    if parsed.answers.is_empty() {
        return Err(Error::Input(
            crate::diagnostic::Diagnostic::file(&source, "the answers file has no answers")
                .help("a YAML answers file lists them under `answers:`; a CSV file has a row per indicator after the header")
                .into(),
        ));
    }
    let partnership = args
        .partnership
        .clone()
        .or(parsed.partnership)
        .or_else(|| config.partnership.clone())
        .ok_or_else(|| {
            Error::Usage(format!(
                "{} does not name the partnership\nhelp: pass --partnership NAME, or add `partnership:` to a YAML answers file",
                source.name
            ))
        })?;
    let date = args.date.or(parsed.date).unwrap_or_else(today);
    let scored_by = who_from_flags(args)
        .or(parsed.scored_by)
        .unwrap_or(ScoredBy {
            kind: unplaced(ScorerKind::Room),
            group: None,
            name: None,
            groups: Vec::new(),
        });
    let mismatched = answers::check_scorer(&source, &scored_by, &parsed.answers);
    if !mismatched.is_empty() {
        return Err(Error::Input(Diagnostics(mismatched)));
    }
    let mut record = Record::new(&framework, partnership, date.0, scored_by);
    record.participants = parsed.participants;
    record.answers = parsed.answers;
    let problems: Vec<_> = [record
        .check(&source, &framework, FrameworkCheck::Strict)
        .err()]
    .into_iter()
    .flatten()
    .flat_map(|Diagnostics(d)| d)
    .collect();
    if !problems.is_empty() {
        return Err(Error::Input(Diagnostics(problems)));
    }
    record.adopt_renamed_ids(&framework);
    let out = args
        .output
        .clone()
        .unwrap_or_else(|| default_path(config, &record));
    if out == Path::new("-") {
        // The record goes to standard output, for a pipe or a redirection.
        let text = record.to_yaml().map_err(|e| {
            Error::io(
                "cannot write the record",
                std::io::Error::other(e.to_string()),
            )
        })?;
        return crate::cmd::report::write_output(None, &mut |w| w.write_all(text.as_bytes()));
    }
    if out.is_dir() {
        return Err(Error::Usage(format!(
            "{} is a folder\nhelp: give a file name with -o FILE",
            out.display()
        )));
    }
    if out.exists() && !args.force {
        return Err(Error::Usage(format!(
            "{} already exists, and coprod never overwrites a record without being asked\n\
             help: choose another name with -o FILE, or pass --force to replace it",
            out.display()
        )));
    }
    record.save(&out)?;
    let missing = unanswered(&framework, &record);
    if crate::cli::quiet() {
        return Ok(());
    }
    eprintln!(
        "Saved {}: {} of {} indicators answered.",
        crate::clean::terminal_name(&out.display().to_string()),
        framework.indicator_count() - missing.len(),
        framework.indicator_count()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_are_safe_file_names() {
        assert_eq!(
            slug("Hafren Vale SEND Partnership"),
            "hafren-vale-send-partnership"
        );
        assert_eq!(slug("Siân & Gwŷn / ../etc"), "sian-gwyn-etc");
        assert_eq!(slug("***"), "");
    }
}

#[cfg(test)]
mod resume_tests {
    use super::*;
    use crate::assess::prompt::{Say, Scripted};

    fn args(resume: &Path, accept: bool) -> AssessArgs {
        AssessArgs {
            framework: None,
            output: None,
            resume: Some(resume.to_path_buf()),
            answers: None,
            partnership: None,
            date: None,
            room: false,
            group: None,
            person: None,
            groups: Vec::new(),
            from: None,
            language: None,
            plain: true,
            accept_changed_framework: accept,
            force: false,
        }
    }

    /// A record started on an older wording of the framework.
    fn old_record(dir: &Path) -> PathBuf {
        let f = Framework::built_in(DEFAULT_ID).expect("framework");
        let who = ScoredBy {
            kind: unplaced(ScorerKind::Room),
            group: None,
            name: None,
            groups: Vec::new(),
        };
        let mut r = Record::new(&f, "P".into(), "2026-11-12".parse().expect("date"), who);
        r.framework.fingerprint = Some(unplaced("sha256:0123".to_string()));
        r.framework.version = "0.9".into();
        let path = dir.join("r.yaml");
        r.save(&path).expect("save");
        path
    }

    #[test]
    fn a_changed_framework_stops_the_resume_and_says_what_changed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = old_record(dir.path());
        let mut p = Scripted::new([]);
        let err = run(&args(&path, false), &Config::default(), None, true, &mut p)
            .expect_err("must stop");
        let text = err.to_string();
        assert!(text.contains("has changed since this record was scored: it was version 0.9 then and is version 1.0 now"), "{text}");
        assert!(p.transcript.is_empty(), "nothing was asked");
        assert!(
            std::fs::read_to_string(&path)
                .expect("record")
                .contains("sha256:0123"),
            "the record is untouched"
        );
    }

    #[test]
    fn accepting_the_change_carries_on_and_updates_the_record() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = old_record(dir.path());
        let mut p = Scripted::new([Say::Key("3"), Say::Enter, Say::No, Say::Key("q")]);
        run(&args(&path, true), &Config::default(), None, true, &mut p).expect("resumes");
        let text = std::fs::read_to_string(&path).expect("record");
        let current = Framework::built_in(DEFAULT_ID)
            .expect("framework")
            .fingerprint();
        assert!(text.contains(&current), "{text}");
        assert!(text.contains("- indicator: wc1\n  level: 3\n"), "{text}");
    }
}
