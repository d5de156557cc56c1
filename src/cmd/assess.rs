//! `coprod assess`: set up a record, walk the room through it, save after every answer.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::assess::prompt::{Fancy, Item, Plain, Prompter, Reply, Stop};
use crate::assess::screen::{self, state::Commands, state::State};
use crate::assess::{Outcome, answers, carry_forward, first_unanswered, unanswered, walk_with};
use crate::catalog::say;
use crate::cli::AssessArgs;
use crate::config::Config;
use crate::diagnostic::Diagnostics;
use crate::diagnostic::unplaced;
use crate::error::Error;
use crate::framework::{DEFAULT_ID, Framework, Text};
use crate::record::{FrameworkCheck, Groups, IsoDate, KNOWN_GROUPS, Record, ScoredBy, ScorerKind};
use crate::record_file::RecordFile;
use crate::report::{Input, Report, percent_text, score_text};
use crate::words::slug;

/// The command that resumes the current record, once there is one. Saves hold this lock, so
/// Ctrl-C (which takes it too) can never stop the program half-way through a save.
static RESUME: Mutex<Option<String>> = Mutex::new(None);

fn lock() -> std::sync::MutexGuard<'static, Option<String>> {
    RESUME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Runs `coprod assess`.
/// Runs `coprod assess`; `quiet` leaves out the note of what was written.
pub fn execute(args: &AssessArgs, quiet: bool) -> Result<(), Error> {
    let cwd =
        std::env::current_dir().map_err(|e| Error::io("cannot find the current folder", e))?;
    let config = Config::discover(&cwd)?;
    if args.language.is_none()
        && let Some(language) = &config.language
    {
        crate::catalog::speak(language);
    }
    check_groups(args, &config)?;
    let framework_arg = args.framework.clone().or_else(|| config.framework.clone());

    if let Some(path) = &args.answers {
        return from_answers(args, &config, framework_arg.as_deref(), path, quiet);
    }
    if args.output.as_deref() == Some(Path::new("-")) {
        return Err(Error::Usage(format!(
            "{}\nhelp: {}",
            say("setup-no-dash-output", &[]),
            say("setup-no-dash-output-help", &[])
        )));
    }
    if !std::io::stdin().is_terminal() {
        return Err(Error::NoTerminal(say("error-no-terminal", &[])));
    }
    let plain = args.plain || std::env::var("TERM").is_ok_and(|t| t == "dumb");
    let mut prompter: Box<dyn Prompter> = if plain {
        Box::new(Plain::new(std::io::stdin().lock(), std::io::stdout()).on_stdin())
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
    // The edition: --edition, else the one the record was started in.
    let edition = args
        .edition
        .as_deref()
        .or_else(|| record.and_then(|r| r.framework.edition.as_deref()));
    let file = match (arg, record) {
        (Some(f), _) => Framework::<Text>::load_edition(f, edition)?,
        (None, Some(r)) => {
            let id = &r.framework.id.value;
            if Framework::<Text>::built_in_file(id).is_none() {
                return Err(Error::Usage(format!(
                    "{}\nhelp: {}",
                    say(
                        "setup-not-built-in",
                        &[("id", crate::clean::terminal_line(id).as_ref().into())]
                    ),
                    say("setup-not-built-in-help", &[])
                )));
            }
            Framework::<Text>::load_edition(id, edition)?
        }
        (None, None) => Framework::<Text>::load_edition(DEFAULT_ID, edition)?,
    };
    let language = args
        .language
        .as_deref()
        .or_else(|| record.and_then(|r| r.framework.language.as_deref()))
        .or(config.language.as_deref());
    let framework = file.in_language(language).map_err(Error::Usage)?;
    // From here on, coprod speaks the walk's language in its messages too.
    crate::catalog::speak(&framework.language);
    Ok(framework)
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
    let groups = config.groups();
    let mut notes = Vec::new();
    let (framework, mut record, mut file, start) = match &args.resume {
        Some(path) => {
            let (file, loaded, note) = RecordFile::open(path, args.force)?;
            notes.extend(note);
            let framework = load_framework(framework_arg, Some(&loaded.record), args, config)?;
            let mode = if args.accept_changed_framework {
                FrameworkCheck::AcceptChanged
            } else {
                FrameworkCheck::Strict
            };
            loaded.record.check(&loaded.source, &framework, mode)?;
            let mut record = loaded.record;
            record.adopt_renamed_ids(&framework);
            let scored_the_same = framework.is_current(
                &record.framework.version,
                record
                    .framework
                    .fingerprint
                    .as_ref()
                    .map(|f| f.value.as_str()),
            );
            if scored_the_same
                || (mode == FrameworkCheck::AcceptChanged
                    && retired(&framework, &record).is_empty())
            {
                // From now on the record belongs to the framework as it is. (While it holds
                // answers for indicators that are gone, it keeps the framework it was made
                // with, so that it is read with --accept-changed-framework as before.)
                record.framework.version = framework.version.clone();
                record.framework.fingerprint = Some(unplaced(framework.fingerprint()));
            }
            // The record remembers the language it is being scored in now.
            record.framework.language = Some(framework.language.clone());
            record.framework.edition = framework.edition.clone();
            let start = first_unanswered(&framework, &record).unwrap_or(0);
            (framework, record, file, start)
        }
        None => {
            // With --from and no framework given, the earlier record's framework is used.
            // With --from, the partnership and scorer are the earlier record's unless given.
            let earlier = args
                .from
                .iter()
                .map(|p| Record::load(p).map(|l| l.record))
                .collect::<Result<Vec<_>, _>>()?;
            let framework = load_framework(framework_arg, earlier.first(), args, config)?;
            prompter.speak(&framework.language);
            match setup(args, config, &framework, &earlier, prompter)? {
                Some((record, _, Some(file))) => {
                    let start = first_unanswered(&framework, &record).unwrap_or(0);
                    (framework, record, file, start)
                }
                Some((record, path, None)) => {
                    let (file, note) = RecordFile::create(&path, args.force)?;
                    notes.extend(note);
                    (framework, record, file, 0)
                }
                None => return Ok(()),
            }
        }
    };
    prompter.speak(&framework.language);
    // Opening the record wrote nothing; saving it as it is now writes nothing either.
    if file.path().exists() {
        file.baseline(&record)?;
    }
    let gone = retired(&framework, &record);
    let save_mode = if gone.is_empty() {
        FrameworkCheck::Strict
    } else {
        FrameworkCheck::AcceptChanged
    };
    let path = file.path().to_path_buf();
    for note in &notes {
        prompter.show(note);
    }
    let words = crate::catalog::Catalog::new(&framework.language);
    if !gone.is_empty() {
        prompter.show(&words.format("setup-retired", &[("ids", gone.join(", ").into())]));
    }

    // Flags given with --resume correct the record, and say so.
    let corrections = if args.resume.is_some() {
        correct_from_flags(args, &mut record, &groups, &words)
    } else {
        Vec::new()
    };

    let mut previous = Vec::new();
    for p in &args.from {
        let loaded = Record::load(p)?;
        if loaded.record.framework.id.value != framework.id.value {
            return Err(Error::Usage(words.format(
                "setup-from-other-framework",
                &[
                    ("path", p.display().to_string().into()),
                    ("record", (&loaded.record.framework.id.value).into()),
                    ("framework", (&framework.id.value).into()),
                ],
            )));
        }
        let mut record = loaded.record;
        record.adopt_renamed_ids(&framework);
        previous.push(record);
    }

    let mut resume_cmd = format!(
        "coprod assess --resume {}",
        shell_word(&path.display().to_string())
    );
    // A built-in framework is found from the record; only a file needs naming.
    if let Some(f) = framework_arg
        && !crate::framework::BUILT_IN.iter().any(|(id, _)| *id == f)
    {
        resume_cmd.push_str(&format!(" --framework {}", shell_word(f)));
    }
    for p in &args.from {
        resume_cmd.push_str(&format!(" --from {}", shell_word(&p.display().to_string())));
    }
    if save_mode == FrameworkCheck::AcceptChanged {
        resume_cmd.push_str(" --accept-changed-framework");
    }
    if plain {
        resume_cmd.push_str(" --plain");
    }

    *lock() = Some(resume_cmd.clone());
    // Opening a record changes nothing on disk: it is written when something in it changes
    // (a new record at once, so that the file exists from the start).
    save(&mut file, &record, &framework, save_mode)?;
    install_interrupt_handler();
    for line in &corrections {
        prompter.show(line);
    }

    let answered = framework.indicator_count() - unanswered(&framework, &record).len();
    let sep = if plain { ", " } else { " · " };
    if plain {
        prompter.show(&format!(
            "{}{sep}{}{sep}{}{sep}{}\n{}",
            framework.title,
            record.partnership,
            record.date.value,
            crate::assess::scorer_words(&words, &record.scored_by, &groups),
            words.format(
                "walk-intro",
                &[
                    ("path", path.display().to_string().into()),
                    ("answered", answered.into()),
                    ("total", framework.indicator_count().into()),
                ],
            )
        ));
    }
    let next = next_command(
        &path,
        framework_arg,
        &args.from,
        save_mode == FrameworkCheck::AcceptChanged,
    );
    let mut outcome = Outcome::Finished;
    for prev in &previous {
        if outcome != Outcome::Finished {
            break;
        }
        outcome = carry_forward(&framework, prev, &mut record, prompter, &mut |r| {
            save(&mut file, r, &framework, save_mode)
        })?;
    }
    if outcome == Outcome::Finished {
        // Phones voting (`--vote`): the server runs while the walk or the screen does.
        let mut link = None;
        if args.vote {
            let (ip, port) = crate::vote::bind_address(args.vote_address.as_deref())?;
            let frameworks = phone_frameworks(framework_arg, &record, &framework);
            let voting = if record.scored_by.kind.value == ScorerKind::Workshop {
                record.scored_by.groups.clone()
            } else {
                Vec::new()
            };
            link = Some(crate::vote::Link::start(
                ip,
                port,
                frameworks,
                voting,
                groups.clone(),
            )?);
        }
        outcome = if plain {
            let phones = link.map(std::cell::RefCell::new);
            let context = crate::assess::Context {
                previous: &previous,
                divergence: config
                    .divergence
                    .unwrap_or(crate::score::compare::DEFAULT_DIVERGENCE),
                groups: &groups,
                phones: phones.as_ref(),
            };
            walk_with(
                &framework,
                &mut record,
                start,
                prompter,
                &mut |r| save(&mut file, r, &framework, save_mode),
                &context,
            )?
        } else {
            let mut state = State::new(&framework, record.clone(), start, previous.as_slice());
            if let Some(d) = config.divergence {
                state.divergence = d;
            }
            state.stay = args.stay || config.stay.unwrap_or(false);
            state.group_names = groups.clone();
            state.phones = link;
            state.commands = Commands {
                resume: resume_cmd.clone(),
                report: next.clone(),
            };
            let result = screen::run(&mut state, &mut |r| {
                save(&mut file, r, &framework, save_mode)
            });
            record = state.record;
            match result? {
                // Quitting a record with nothing left to answer is finishing it.
                Outcome::Quit if unanswered(&framework, &record).is_empty() => Outcome::Finished,
                o => o,
            }
        };
    }
    // The record alone holds everything now, phone votes included.
    {
        let _guard = lock();
        file.settle(&record, &framework, save_mode)?;
    }
    let complete = unanswered(&framework, &record).is_empty();
    match outcome {
        Outcome::Finished => {
            let mut text = summary(&framework, &record, &groups, &path, &next);
            if !complete {
                text.push('\n');
                text.push_str(
                    &words.format("walk-carry-on", &[("resume", resume_cmd.as_str().into())]),
                );
            }
            prompter.show(&text);
            Ok(())
        }
        Outcome::Quit if complete => {
            prompter.show(&words.format(
                "walk-saved-complete",
                &[
                    ("path", path.display().to_string().into()),
                    ("next", next.as_str().into()),
                ],
            ));
            Ok(())
        }
        Outcome::Quit => {
            prompter.show(&words.format(
                "walk-saved-later",
                &[
                    ("path", path.display().to_string().into()),
                    ("resume", resume_cmd.as_str().into()),
                ],
            ));
            Ok(())
        }
        Outcome::Interrupted => Err(Error::Interrupted(say(
            "error-interrupted-saved",
            &[
                ("path", path.display().to_string().into()),
                ("resume", resume_cmd.as_str().into()),
            ],
        ))),
    }
}

/// The framework in every language it is written in, for the phones: the session's language
/// first, then the others (a phone can switch). Falls back to the session's alone.
fn phone_frameworks(arg: Option<&str>, record: &Record, session: &Framework) -> Vec<Framework> {
    let file = match arg {
        Some(f) => Framework::<Text>::load_file(f).ok(),
        None => Framework::<Text>::built_in_file(&record.framework.id.value),
    };
    let mut out = vec![session.clone()];
    if let Some(file) = file {
        for tag in file.languages() {
            if crate::framework::text::same_tag(tag, &session.language) {
                continue;
            }
            if let Ok(f) = file.in_language(Some(tag)) {
                out.push(f);
            }
        }
    }
    out
}

/// Saves the record if it changed (see [`RecordFile::save`]), never while Ctrl-C is stopping
/// the program.
fn save(
    file: &mut RecordFile,
    record: &Record,
    framework: &Framework,
    mode: FrameworkCheck,
) -> Result<(), Error> {
    let _guard = lock();
    file.save(record, framework, mode).map(|_| ())
}

/// Answers for indicators the framework no longer has (after a changed framework was accepted).
fn retired(framework: &Framework, record: &Record) -> Vec<String> {
    record
        .answers
        .iter()
        .filter(|a| framework.indicator_for(&a.indicator.value).is_none())
        .map(|a| a.indicator.value.clone())
        .collect()
}

fn install_interrupt_handler() {
    // Ctrl-C outside a prompt (or SIGTERM): wait for any save in progress, then stop.
    crate::storage::on_interrupt(|| {
        if screen::active() {
            // The full screen listens for signals itself: it saves, restores the terminal
            // and stops.
            return false;
        }
        let guard = lock();
        let mut err = std::io::stderr();
        match &*guard {
            Some(cmd) => {
                let said = say(
                    "error-stopped-saved",
                    &[("resume", crate::clean::terminal_line(cmd).as_ref().into())],
                );
                let _ = writeln!(err, "\n{said}");
            }
            None => {
                let _ = writeln!(err, "\n{}", say("error-stopped", &[]));
            }
        }
        // Hold the lock until the process ends, so that no save starts after these words.
        std::mem::forget(guard);
        true
    });
}

/// Who scores a new record started from earlier ones (`--from`), unless flags say: the earlier
/// record's scorer; for several earlier records with one scorer, that one; for the records of
/// different stakeholder groups (last year's group records), a workshop of those groups.
/// `None` (ask) when the earlier records were scored in other ways that do not add up.
fn earlier_scorer(earlier: &[Record]) -> Option<ScoredBy> {
    let first = earlier.first()?;
    let same = |a: &ScoredBy, b: &ScoredBy| {
        a.kind.value == b.kind.value
            && a.group == b.group
            && a.name == b.name
            && a.groups == b.groups
    };
    if earlier.iter().all(|e| same(&e.scored_by, &first.scored_by)) {
        return Some(ScoredBy {
            kind: unplaced(first.scored_by.kind.value),
            ..first.scored_by.clone()
        });
    }
    let mut groups: Vec<String> = Vec::new();
    for e in earlier {
        let g = match (e.scored_by.kind.value, &e.scored_by.group) {
            (ScorerKind::Group, Some(g)) => g.clone(),
            _ => return None,
        };
        if !groups.contains(&g) {
            groups.push(g);
        }
    }
    (groups.len() > 1).then(|| ScoredBy {
        kind: unplaced(ScorerKind::Workshop),
        group: None,
        name: None,
        groups,
    })
}

/// Asks who, when and where; returns the new (or resumed) record and its path.
fn setup(
    args: &AssessArgs,
    config: &Config,
    framework: &Framework,
    earlier: &[Record],
    prompter: &mut dyn Prompter,
) -> Result<Option<(Record, PathBuf, Option<RecordFile>)>, Error> {
    let w = crate::catalog::Catalog::new(&framework.language);
    let mut title = w.format(
        "setup-title",
        &[
            ("title", (&framework.title).into()),
            ("version", (&framework.version).into()),
            ("n", framework.indicator_count().into()),
        ],
    );
    title.push('\n');
    prompter.show(&title);
    // Taken from the earlier records when they agree on it.
    let shared_partnership = earlier
        .first()
        .filter(|e| earlier.iter().all(|o| o.partnership == e.partnership));
    let partnership = match (args.partnership.clone(), shared_partnership) {
        (Some(p), _) => p,
        (None, Some(e)) => {
            let said = if earlier.len() > 1 {
                "setup-partnership-from-many"
            } else {
                "setup-partnership-from-one"
            };
            prompter.show(&w.format(
                said,
                &[(
                    "name",
                    crate::clean::terminal_line(&e.partnership).as_ref().into(),
                )],
            ));
            e.partnership.clone()
        }
        (None, None) => loop {
            let default = config.partnership.clone().unwrap_or_default();
            match ask(prompter.text(
                &w.get("setup-partnership"),
                &default,
                &w.get("setup-partnership-hint"),
            ))? {
                Some(Reply::Text(t)) if !t.trim().is_empty() => break t.trim().to_string(),
                Some(Reply::Text(_)) => prompter.show(&w.get("setup-partnership-empty")),
                Some(Reply::Back) | None => return Ok(None),
            }
        },
    };
    let date = match args.date {
        Some(d) => d,
        None => loop {
            match ask(prompter.text(&w.get("setup-date"), &today().to_string(), ""))? {
                Some(Reply::Text(t)) => match t.parse::<IsoDate>() {
                    Ok(d) => break d,
                    Err(e) => prompter.show(&w.format("setup-date-again", &[("error", e.into())])),
                },
                Some(Reply::Back) | None => return Ok(None),
            }
        },
    };
    let scored_by = match (who_from_flags(args), earlier_scorer(earlier)) {
        (Some(w), _) => w,
        (None, Some(who)) => {
            let said = if earlier.len() > 1 {
                "setup-scoring-many"
            } else {
                "setup-scoring-one"
            };
            let described = crate::assess::scorer_words(&w, &who, &config.groups());
            prompter.show(&w.format(
                said,
                &[(
                    "who",
                    crate::clean::terminal_line(&described).as_ref().into(),
                )],
            ));
            who
        }
        (None, None) => match ask_who(prompter, &w, &config.groups())? {
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
                &w.get("setup-save-as"),
                &path.display().to_string(),
                &w.get("setup-save-as-hint"),
            ))? {
                Some(Reply::Text(t)) if !t.trim().is_empty() => path = PathBuf::from(t.trim()),
                Some(Reply::Text(_)) => {}
                Some(Reply::Back) | None => return Ok(None),
            }
        }
        asked = false;
        if path.is_dir() {
            prompter.show(&w.format(
                "setup-is-folder",
                &[("path", path.display().to_string().into())],
            ));
            continue;
        }
        if path.exists() {
            let question = w.format(
                "setup-exists",
                &[("path", path.display().to_string().into())],
            );
            match ask(prompter.confirm(&question, true))? {
                Some(true) => {
                    let (file, mut loaded, note) = RecordFile::open(&path, args.force)?;
                    if let Some(n) = note {
                        prompter.show(&n);
                    }
                    loaded
                        .record
                        .check(&loaded.source, framework, FrameworkCheck::Strict)?;
                    loaded.record.adopt_renamed_ids(framework);
                    return Ok(Some((loaded.record, path, Some(file))));
                }
                Some(false) => {
                    prompter.show(&w.get("setup-other-name"));
                    continue;
                }
                None => return Ok(None),
            }
        }
        if path
            .parent()
            .is_some_and(|p| !p.as_os_str().is_empty() && !p.is_dir())
        {
            prompter.show(&w.format(
                "setup-no-folder",
                &[("path", path.display().to_string().into())],
            ));
            continue;
        }
        break;
    }
    if record.participants.is_empty()
        && let Some(Reply::Text(t)) = ask(prompter.text(&w.get("walk-participants"), "", ""))?
    {
        record.participants = t
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
    }
    Ok(Some((record, path, None)))
}

/// `Ok(None)` when the person stopped (Ctrl-C or end of input) during set-up: nothing to save.
fn ask<T>(r: Result<T, Stop>) -> Result<Option<T>, Error> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(Stop::Interrupted) => Err(Error::Interrupted(say(
            "error-interrupted-nothing-saved",
            &[],
        ))),
        Err(Stop::EndOfInput) => Ok(None),
        Err(Stop::Failed(e)) => Err(Error::io(
            say("error-terminal-stopped", &[]),
            std::io::Error::other(e),
        )),
    }
}

/// Checks stakeholder group ids given on the command line: a workshop needs two different
/// groups, and an id close to a known one (built in or in `coprod.toml`) is taken for a typo.
pub fn check_groups(args: &AssessArgs, config: &Config) -> Result<(), Error> {
    let known: Vec<&str> = KNOWN_GROUPS
        .iter()
        .map(|(id, _)| *id)
        .chain(config.groups.keys().map(String::as_str))
        .collect();
    let given = args.groups.iter().chain(args.group.iter());
    for g in given {
        // The rule a record's scorer is read by: simple ids only.
        if !crate::record::is_slug(g) {
            return Err(Error::Usage(format!(
                "{}\nhelp: {}",
                say(
                    "error-group-not-simple",
                    &[("group", crate::clean::terminal_line(g).as_ref().into())],
                ),
                say("error-group-not-simple-help", &[])
            )));
        }
        if known.contains(&g.as_str()) {
            continue;
        }
        if let Some(s) = crate::diagnostic::suggest(g, known.iter().copied()) {
            let group = crate::clean::terminal_line(g);
            return Err(Error::Usage(format!(
                "{}\nhelp: {}",
                say(
                    "error-unknown-group",
                    &[("group", group.as_ref().into()), ("suggestion", s.into())],
                ),
                say(
                    "error-unknown-group-help",
                    &[
                        ("group", group.as_ref().into()),
                        ("known", known.join(", ").into()),
                    ],
                )
            )));
        }
    }
    let mut seen: Vec<&str> = Vec::new();
    for g in &args.groups {
        if seen.contains(&g.as_str()) {
            return Err(Error::Usage(format!(
                "{}\nhelp: {}",
                say(
                    "error-group-twice",
                    &[("group", crate::clean::terminal_line(g).as_ref().into())],
                ),
                say("error-group-twice-help", &[])
            )));
        }
        seen.push(g);
    }
    if seen.len() == 1 {
        let group = crate::clean::terminal_line(seen[0]);
        return Err(Error::Usage(format!(
            "{}\nhelp: {}",
            say(
                "error-workshop-one-group",
                &[("group", group.as_ref().into())]
            ),
            say(
                "error-workshop-one-group-help",
                &[("group", group.as_ref().into())]
            )
        )));
    }
    Ok(())
}

fn who_from_flags(args: &AssessArgs) -> Option<ScoredBy> {
    if !args.groups.is_empty() {
        let groups = args.groups.clone();
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

/// Asks who scores a new record: the room, a group or a person (and which group), with coprod's
/// words in `w`'s language and the groups named as `names` names them.
fn ask_who(
    prompter: &mut dyn Prompter,
    w: &crate::catalog::Catalog,
    names: &Groups,
) -> Result<Option<ScoredBy>, Error> {
    let kinds = [
        Item::new("r", w.get("setup-who-room")),
        Item::new("g", w.get("setup-who-group")),
        Item::new("p", w.get("setup-who-person")),
    ];
    let kind = match ask(prompter.choose(&w.get("setup-who"), &kinds, 0))? {
        Some(Some(0)) => ScorerKind::Room,
        Some(Some(1)) => ScorerKind::Group,
        Some(Some(_)) => ScorerKind::Person,
        Some(None) | None => return Ok(None),
    };
    let mut name = None;
    if kind == ScorerKind::Person {
        match ask(prompter.text(&w.get("setup-their-name"), "", ""))? {
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
            .map(|(i, (id, _))| {
                Item::new(
                    (i + 1).to_string(),
                    crate::assess::group_words(w, names, id),
                )
            })
            .collect();
        if kind == ScorerKind::Person {
            items.push(Item::new("0", w.get("setup-no-group")));
        }
        match ask(prompter.choose(&w.get("setup-which-group"), &items, 0))? {
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
fn summary(
    framework: &Framework,
    record: &Record,
    groups: &Groups,
    path: &Path,
    next: &str,
) -> String {
    let parts = record.split_workshop();
    let inputs: Vec<Input<'_>> = parts
        .iter()
        .map(|r| Input {
            file: path.display().to_string(),
            record: r,
        })
        .collect();
    let options = crate::report::Options {
        groups: groups.clone(),
        ..crate::report::Options::default()
    };
    let report = Report::build_with(framework, &inputs, &options);
    let w = crate::catalog::Catalog::new(&framework.language);
    let mut out = format!("\n{}\n\n", w.get("walk-done"));
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
            None => format!("   –  {}", w.get("not-scored")),
        };
        let answered = w.format(
            "walk-section-answered",
            &[
                (
                    "m",
                    (s.completeness.answered + s.completeness.not_applicable).into(),
                ),
                ("n", s.completeness.total.into()),
            ],
        );
        out.push_str(&format!("  {:<width$}  {score}  ({answered})\n", s.title));
    }
    if let Some(o) = &report.overall {
        let overall = report
            .framework
            .overall_label
            .clone()
            .unwrap_or_else(|| w.get("overall"));
        let words = w.format(
            "score-words",
            &[
                ("score", score_text(o.value).into()),
                ("max", report.framework.scale_max.to_string().into()),
                ("percent", percent_text(o.percent).into()),
            ],
        );
        out.push_str(&format!(
            "\n  {overall}: {words}{}\n",
            o.band
                .as_ref()
                .map(|b| format!(", {b}"))
                .unwrap_or_default()
        ));
    }
    let missing = unanswered(framework, record);
    if !missing.is_empty() {
        out.push_str(&format!(
            "\n  {}\n",
            w.format("walk-not-answered", &[("ids", missing.join(", ").into())])
        ));
    }
    out.push_str(&format!(
        "\n{}",
        w.format(
            "walk-saved-next",
            &[
                ("path", path.display().to_string().into()),
                ("next", next.into()),
            ],
        )
    ));
    out
}

/// The report command to run next: the earlier record first (for the trend), this one, and
/// the framework when it is not the built-in default.
/// The report command to run next; `accept_changed` when the record keeps answers the framework
/// no longer has, so that it is read only with `--accept-changed-framework`.
fn next_command(
    path: &Path,
    framework_arg: Option<&str>,
    from: &[PathBuf],
    accept_changed: bool,
) -> String {
    let mut cmd = String::from("coprod report");
    for p in from {
        cmd.push_str(&format!(" {}", shell_word(&p.display().to_string())));
    }
    cmd.push_str(&format!(" {}", shell_word(&path.display().to_string())));
    // A built-in framework is found from the record; only a file needs naming.
    if let Some(f) = framework_arg
        && !crate::framework::BUILT_IN.iter().any(|(id, _)| *id == f)
    {
        cmd.push_str(&format!(" --framework {}", shell_word(f)));
    }
    if accept_changed {
        cmd.push_str(" --accept-changed-framework");
    }
    cmd
}

/// Applies --partnership, --date and the scorer flags to a resumed record; returns one line per
/// change, to be shown.
fn correct_from_flags(
    args: &AssessArgs,
    record: &mut Record,
    groups: &Groups,
    w: &crate::catalog::Catalog,
) -> Vec<String> {
    let mut said = Vec::new();
    let shown = |t: &str| crate::clean::terminal_line(t).into_owned();
    if let Some(p) = &args.partnership
        && *p != record.partnership
    {
        said.push(w.format(
            "setup-partnership-changed",
            &[
                ("from", shown(&record.partnership).into()),
                ("to", shown(p).into()),
            ],
        ));
        record.partnership.clone_from(p);
    }
    if let Some(d) = args.date
        && d != record.date.value
    {
        said.push(w.format(
            "setup-date-changed",
            &[
                ("from", record.date.value.to_string().into()),
                ("to", d.to_string().into()),
            ],
        ));
        record.date = unplaced(d);
    }
    if let Some(who) = who_from_flags(args) {
        let was = ScoredBy {
            kind: unplaced(record.scored_by.kind.value),
            ..record.scored_by.clone()
        };
        if who != was {
            let before = crate::assess::scorer_words(w, &record.scored_by, groups);
            if record.scored_by.kind.value == ScorerKind::Workshop
                || who.kind.value == ScorerKind::Workshop
            {
                said.push(w.format("setup-scorer-kept", &[("who", shown(&before).into())]));
            } else {
                record.scored_by = who;
                let after = crate::assess::scorer_words(w, &record.scored_by, groups);
                said.push(w.format(
                    "setup-scorer-changed",
                    &[
                        ("from", shown(&before).into()),
                        ("to", shown(&after).into()),
                    ],
                ));
            }
        }
    }
    said
}

/// Fills a record from an answers file, without prompts.
fn from_answers(
    args: &AssessArgs,
    config: &Config,
    framework_arg: Option<&str>,
    path: &Path,
    quiet: bool,
) -> Result<(), Error> {
    let framework = load_framework(framework_arg, None, args, config)?;
    let w = crate::catalog::Catalog::new(&framework.language);
    let source = crate::yaml::read_source(path)?;
    let parsed = answers::parse(&source, &framework, &args.groups)?;
    if parsed.answers.is_empty() {
        return Err(Error::Input(
            crate::diagnostic::Diagnostic::file(&source, w.get("setup-no-answers"))
                .help(w.get("setup-no-answers-help"))
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
                "{}\nhelp: {}",
                w.format("setup-no-partnership", &[("file", (&source.name).into())]),
                w.get("setup-no-partnership-help")
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
    // The rules a record is read by, so that what is saved can be read back.
    let mut problems = record.validate_scorer(&source);
    problems.extend(
        [record
            .check(&source, &framework, FrameworkCheck::Strict)
            .err()]
        .into_iter()
        .flatten()
        .flat_map(|Diagnostics(d)| d),
    );
    if !problems.is_empty() {
        return Err(Error::Input(Diagnostics(problems)));
    }
    record.adopt_renamed_ids(&framework);
    let out = args
        .output
        .clone()
        .unwrap_or_else(|| default_path(config, &record));
    let mut inputs: Vec<(&Path, &str)> = vec![(path, "the answers file")];
    if let Some(f) = framework_arg {
        inputs.push((Path::new(f), "the framework"));
    }
    if let Some(c) = &config.path {
        inputs.push((c, "the settings file"));
    }
    crate::storage::refuse_inputs(&out, &inputs)?;
    let replaces =
        matches!(crate::storage::target(&out)?, crate::storage::Target::Replace(p) if p.exists());
    if replaces && !args.force {
        return Err(Error::Usage(format!(
            "{}\nhelp: {}",
            w.format(
                "setup-record-exists",
                &[("path", out.display().to_string().into())]
            ),
            w.get("setup-record-exists-help")
        )));
    }
    // Never saved unless it reads back; never over a record open in an assessment.
    let text = record.to_yaml().map_err(|e| {
        Error::Internal(format!(
            "coprod could not write the record as YAML ({e}); this is a bug in coprod"
        ))
    })?;
    crate::record_file::read_back(&text, &out, &framework, FrameworkCheck::Strict)?;
    // Only an existing record can be open in an assessment.
    let _lock = if replaces {
        Some(crate::storage::Lock::acquire(&out, false)?)
    } else {
        None
    };
    let to = crate::storage::write(&out, text.as_bytes())?;
    let missing = unanswered(&framework, &record);
    if quiet || to.is_stdout() {
        return Ok(());
    }
    let said = w.format(
        "setup-saved",
        &[
            (
                "path",
                crate::clean::terminal_name(&out.display().to_string())
                    .as_ref()
                    .into(),
            ),
            ("m", (framework.indicator_count() - missing.len()).into()),
            ("n", framework.indicator_count().into()),
        ],
    );
    eprintln!("{said}");
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
            from: Vec::new(),
            language: None,
            edition: None,
            plain: true,
            stay: false,
            vote: false,
            vote_address: None,
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
        assert!(text.contains("has changed since this record was scored: it was version 0.9 then and is version 1.1 now"), "{text}");
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
