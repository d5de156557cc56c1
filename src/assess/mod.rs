//! The workshop walk-through: one indicator at a time, every answer saved at once.
//!
//! [`walk`] holds the logic and talks only to a [`prompt::Prompter`] and a save function, so
//! tests drive it with a script. The command (`cmd::assess`) wires it to the terminal and to
//! atomic saves of the record file.

pub mod answers;
pub mod prompt;
pub mod screen;

use crate::diagnostic::unplaced;
use crate::framework::{Framework, Indicator, Section};
use crate::record::{Action, ActionStatus, Answer, Choice, IsoDate, Record, ScorerKind};
use prompt::{Item, Prompter, Reply, Stop};

/// How a walk ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The person reached the end and chose to finish.
    Finished,
    /// The person chose "save and quit" (or the input ended).
    Quit,
    /// Ctrl-C.
    Interrupted,
}

/// Saves the record; called after every change. Errors stop the walk.
pub type Save<'a> = dyn FnMut(&Record) -> Result<(), crate::Error> + 'a;

/// Sets an indicator's level, keeping answers in framework order.
pub fn answer_mut<'r>(record: &'r mut Record, framework: &Framework, id: &str) -> &'r mut Answer {
    let pos = match record.answers.iter().position(|a| a.indicator.value == id) {
        Some(p) => p,
        None => {
            let order = |x: &str| {
                framework
                    .indicators()
                    .position(|(_, i)| i.id.value == x)
                    .unwrap_or(usize::MAX)
            };
            let rank = order(id);
            let at = record
                .answers
                .iter()
                .position(|a| order(&a.indicator.value) > rank)
                .unwrap_or(record.answers.len());
            record.answers.insert(at, Answer::new(id));
            at
        }
    };
    &mut record.answers[pos]
}

/// Index of the first indicator with neither a level nor n/a, if any.
pub fn first_unanswered(framework: &Framework, record: &Record) -> Option<usize> {
    framework
        .indicators()
        .position(|(_, i)| !record.is_answered(&i.id.value))
}

/// The ids of indicators with neither a level nor n/a.
pub fn unanswered(framework: &Framework, record: &Record) -> Vec<String> {
    framework
        .indicators()
        .filter(|(_, i)| !record.is_answered(&i.id.value))
        .map(|(_, i)| i.id.value.to_uppercase())
        .collect()
}

const HELP: &str = "\
How this works
  For each indicator, talk it through, then choose the level the room agrees on.
  Choose n/a if it does not apply to your partnership; it is left out of every average.
  Skip leaves it for later: you will be asked about skipped indicators at the end.
  Back goes to the previous indicator; your answers there are kept and shown.
  Save and quit stops here; run the command shown to carry on another time.
  Everything is saved to the record file after every answer.
  Ctrl-C at any time also saves and stops.";

/// The screen for one indicator: where we are, the statement, questions and level meanings.
fn indicator_screen(
    framework: &Framework,
    section: &Section,
    index: usize,
    indicator: &Indicator,
    record: &Record,
    width: usize,
) -> String {
    use crate::report::table::{clean, wrap};
    let total = framework.indicator_count();
    let sections = &framework.sections.value;
    let s_index = sections
        .iter()
        .position(|s| s.id.value == section.id.value)
        .unwrap_or(0);
    let in_section = section
        .indicators
        .value
        .iter()
        .position(|i| i.id.value == indicator.id.value)
        .unwrap_or(0);
    let mut out = String::new();
    out.push_str(&"─".repeat(width.min(72)));
    out.push('\n');
    let header = format!(
        "{} · indicator {} of {} · {} of {total} overall ({} {} of {})",
        clean(&section.title),
        in_section + 1,
        section.indicators.value.len(),
        index + 1,
        framework.section_noun,
        s_index + 1,
        sections.len(),
    );
    out.push_str(&wrap(&header, width, "", "  "));
    out.push_str("\n\n");
    let statement = format!(
        "{}  {}",
        indicator.id.value.to_uppercase(),
        clean(&indicator.statement)
    );
    out.push_str(&wrap(&statement, width, "", "     "));
    out.push('\n');
    if !indicator.guidance.is_empty() {
        out.push_str("\nQuestions to talk about:\n");
        for g in &indicator.guidance {
            out.push_str(&wrap(&clean(g), width, "  • ", "    "));
            out.push('\n');
        }
    }
    out.push_str("\nWhat each level looks like here:\n");
    for level in &framework.scale.value {
        let v = level.value.value;
        let meaning = indicator.levels.value.get(&v).unwrap_or(&level.meaning);
        let line = format!("{v} {}: {}", clean(&level.label), clean(meaning));
        out.push_str(&wrap(&line, width, "  ", "      "));
        out.push('\n');
    }
    if let Some(answer) = record.answer(&indicator.id.value) {
        let chosen = if record.scored_by.kind.value == ScorerKind::Workshop {
            let parts: Vec<String> = record
                .scored_by
                .groups
                .iter()
                .map(|g| {
                    let c = answer.levels.get(g).map(|l| l.value);
                    format!(
                        "{} {}",
                        crate::record::group_name(g),
                        choice_words(framework, c)
                    )
                })
                .collect();
            parts.join(", ")
        } else {
            choice_words(framework, answer.level.as_ref().map(|l| l.value))
        };
        out.push_str(&format!("\nAnswered so far: {chosen}"));
        if answer.evidence.is_some() {
            out.push_str(" · with evidence notes");
        }
        if !answer.actions.is_empty() {
            out.push_str(&format!(" · {} action(s)", answer.actions.len()));
        }
        out.push('\n');
    }
    out
}

/// The choices at each indicator.
enum Step {
    Level(u32),
    NotApplicable,
    Skip,
    Back,
    Help,
    Quit,
}

fn level_items(framework: &Framework) -> (Vec<Item>, Vec<Step>) {
    let mut items = Vec::new();
    let mut steps = Vec::new();
    for l in &framework.scale.value {
        items.push(Item::new(
            l.value.value.to_string(),
            format!("{}  {}", l.value.value, l.label),
        ));
        steps.push(Step::Level(l.value.value));
    }
    let extra = [
        ("n", "n/a  Not applicable here", Step::NotApplicable),
        ("s", "Skip for now", Step::Skip),
        ("b", "Back to the previous indicator", Step::Back),
        ("h", "Help", Step::Help),
        ("q", "Save and quit", Step::Quit),
    ];
    for (key, label, step) in extra {
        items.push(Item::new(key, label));
        steps.push(step);
    }
    (items, steps)
}

/// Walks the framework from indicator `start`, asking, recording and saving.
pub fn walk(
    framework: &Framework,
    record: &mut Record,
    start: usize,
    prompter: &mut dyn Prompter,
    save: &mut Save<'_>,
) -> Result<Outcome, crate::Error> {
    walk_with(framework, record, start, prompter, save, None)
}

/// How a choice is said: "3 Developing", "not applicable" or "not yet".
fn choice_words(framework: &Framework, choice: Option<Choice>) -> String {
    match choice {
        Some(Choice::Level(v)) => {
            let label = framework.level(v).map(|l| l.label.as_str()).unwrap_or("");
            format!("{v} {label}")
        }
        Some(Choice::NotApplicable) => "not applicable".to_string(),
        None => "not yet".to_string(),
    }
}

/// As [`walk`], showing the level a previous record gave each indicator.
pub fn walk_with(
    framework: &Framework,
    record: &mut Record,
    start: usize,
    prompter: &mut dyn Prompter,
    save: &mut Save<'_>,
    previous: Option<&Record>,
) -> Result<Outcome, crate::Error> {
    let order: Vec<(&Section, &Indicator)> = framework.indicators().collect();
    let (items, steps) = level_items(framework);
    let skip_index = steps
        .iter()
        .position(|s| matches!(s, Step::Skip))
        .unwrap_or(0);
    let mut i = start.min(order.len());
    loop {
        if i >= order.len() {
            let missing = unanswered(framework, record);
            if missing.is_empty() {
                return Ok(Outcome::Finished);
            }
            let question = format!(
                "{} not answered yet: {}. What next?",
                if missing.len() == 1 {
                    "1 indicator is".to_string()
                } else {
                    format!("{} indicators are", missing.len())
                },
                missing.join(", ")
            );
            let choices = [
                Item::new("g", "Go to the first one not answered"),
                Item::new("f", "Finish for now (you can resume later)"),
                Item::new("b", "Back to the last indicator"),
            ];
            match stop_to_outcome(prompter.choose(&question, &choices, 0))? {
                Err(outcome) => return Ok(outcome),
                Ok(Some(0)) => i = first_unanswered(framework, record).unwrap_or(0),
                Ok(Some(1)) => return Ok(Outcome::Finished),
                Ok(_) => i = order.len().saturating_sub(1),
            }
            continue;
        }
        let (section, indicator) = order[i];
        let id = indicator.id.value.as_str();
        let width = prompter.width();
        prompter.show(&indicator_screen(
            framework, section, i, indicator, record, width,
        ));
        if let Some(prev) = previous
            && let Some(c) = prev.choice(id)
        {
            prompter.show(&format!(
                "Last time ({}): {}",
                prev.date.value,
                choice_words(framework, Some(c))
            ));
        }
        let groups = record.scored_by.groups.clone();
        let targets: Vec<Option<String>> = if record.scored_by.kind.value == ScorerKind::Workshop {
            groups.iter().cloned().map(Some).collect()
        } else {
            vec![None]
        };
        let mut g = 0;
        let mut moved = None;
        while g < targets.len() {
            let target = targets[g].as_deref();
            let current = match target {
                Some(group) => record
                    .answer(id)
                    .and_then(|a| a.levels.get(group))
                    .map(|l| l.value),
                None => record.choice(id),
            };
            let default = match current {
                Some(Choice::Level(v)) => steps
                    .iter()
                    .position(|s| matches!(s, Step::Level(x) if *x == v))
                    .unwrap_or(skip_index),
                Some(Choice::NotApplicable) => steps
                    .iter()
                    .position(|s| matches!(s, Step::NotApplicable))
                    .unwrap_or(skip_index),
                None => skip_index,
            };
            let question = match target {
                Some(group) => format!(
                    "Level for {} · {}",
                    id.to_uppercase(),
                    crate::record::group_name(group)
                ),
                None => format!("Level for {}", id.to_uppercase()),
            };
            let picked = match stop_to_outcome(prompter.choose(&question, &items, default))? {
                Err(outcome) => return Ok(outcome),
                Ok(None) => Step::Back,
                Ok(Some(n)) => match steps.get(n) {
                    Some(Step::Level(v)) => Step::Level(*v),
                    Some(Step::NotApplicable) => Step::NotApplicable,
                    Some(Step::Back) => Step::Back,
                    Some(Step::Help) => Step::Help,
                    Some(Step::Quit) => Step::Quit,
                    _ => Step::Skip,
                },
            };
            let choice = match picked {
                Step::Level(v) => Choice::Level(v),
                Step::NotApplicable => Choice::NotApplicable,
                Step::Skip if targets.len() > 1 => {
                    g += 1;
                    continue;
                }
                Step::Skip => {
                    moved = Some(i + 1);
                    break;
                }
                Step::Back if g > 0 => {
                    g -= 1;
                    continue;
                }
                Step::Back => {
                    moved = Some(i.saturating_sub(1));
                    break;
                }
                Step::Help => {
                    prompter.show(HELP);
                    continue;
                }
                Step::Quit => return Ok(Outcome::Quit),
            };
            let answer = answer_mut(record, framework, id);
            match target {
                Some(group) => {
                    answer.levels.insert(group.to_string(), unplaced(choice));
                }
                None => answer.level = Some(unplaced(choice)),
            }
            save(record)?;
            g += 1;
        }
        if let Some(next) = moved {
            i = next;
            continue;
        }

        // Evidence notes: optional, one line here or longer in an editor.
        match follow_ups(framework, record, id, prompter, save)? {
            FollowUp::Next => i += 1,
            FollowUp::Again => {}
            FollowUp::Stop(outcome) => return Ok(outcome),
        }
    }
}

/// "You said, we did": goes through the actions of a previous record, asks where each has got
/// to, and carries it into this record with its new status. Actions already carried (same
/// indicator and wording) are not asked again, so this is safe to repeat after a resume.
pub fn carry_forward(
    framework: &Framework,
    previous: &Record,
    record: &mut Record,
    prompter: &mut dyn Prompter,
    save: &mut Save<'_>,
) -> Result<Outcome, crate::Error> {
    let same = |a: &str, b: &str| a.split_whitespace().eq(b.split_whitespace());
    let mut todo = Vec::new();
    for answer in &previous.answers {
        for action in &answer.actions {
            let id = &answer.indicator.value;
            let carried = record
                .answer(id)
                .is_some_and(|a| a.actions.iter().any(|x| same(&x.what, &action.what)));
            if framework.indicator(id).is_some() && !carried {
                todo.push((id.clone(), action.clone()));
            }
        }
    }
    if todo.is_empty() {
        return Ok(Outcome::Finished);
    }
    prompter.show(&format!(
        "You said, we did: {} action(s) were agreed on {}. Where has each got to?",
        todo.len(),
        previous.date.value
    ));
    let statuses = [
        ActionStatus::NotStarted,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Embedded,
        ActionStatus::Dropped,
    ];
    let items: Vec<Item> = statuses
        .iter()
        .enumerate()
        .map(|(n, s)| Item::new((n + 1).to_string(), format!("{}  {}", n + 1, s.label())))
        .collect();
    let total = todo.len();
    for (n, (id, action)) in todo.into_iter().enumerate() {
        let mut about = format!(
            "Action {} of {total} · {} · {}",
            n + 1,
            id.to_uppercase(),
            action.what
        );
        if let Some(owner) = &action.owner {
            about.push_str(&format!(" · owner: {owner}"));
        }
        if let Some(due) = action.due {
            about.push_str(&format!(" · due {due}"));
        }
        prompter.show(&format!("{about}\nLast time: {}", action.status.label()));
        let default = statuses
            .iter()
            .position(|s| *s == action.status)
            .unwrap_or(0);
        let status = match stop_to_outcome(prompter.choose("Status now", &items, default))? {
            Err(outcome) => return Ok(outcome),
            Ok(None) => continue,
            Ok(Some(i)) => statuses.get(i).copied().unwrap_or(action.status),
        };
        let note = match stop_to_outcome(prompter.text("A note on progress (optional)", "", ""))? {
            Err(outcome) => return Ok(outcome),
            Ok(Reply::Text(t)) if !t.trim().is_empty() => Some(t.trim().to_string()),
            Ok(_) => action.note.clone(),
        };
        answer_mut(record, framework, &id).actions.push(Action {
            status,
            note,
            ..action
        });
        save(record)?;
    }
    Ok(Outcome::Finished)
}

enum FollowUp {
    Next,
    Again,
    Stop(Outcome),
}

fn stop_to_outcome<T>(r: Result<T, Stop>) -> Result<Result<T, Outcome>, crate::Error> {
    match r {
        Ok(v) => Ok(Ok(v)),
        Err(Stop::Interrupted) => Ok(Err(Outcome::Interrupted)),
        Err(Stop::EndOfInput) => Ok(Err(Outcome::Quit)),
        Err(Stop::Failed(e)) => Err(crate::Error::io(
            "the terminal stopped working",
            std::io::Error::other(e),
        )),
    }
}

fn follow_ups(
    framework: &Framework,
    record: &mut Record,
    id: &str,
    prompter: &mut dyn Prompter,
    save: &mut Save<'_>,
) -> Result<FollowUp, crate::Error> {
    let upper = id.to_uppercase();
    let current: String = record
        .answer(id)
        .and_then(|a| a.evidence.as_deref())
        .unwrap_or_default()
        .to_string();
    let reply = prompter.text(
        &format!("Evidence notes for {upper} (optional)"),
        &current,
        "Enter keeps or skips · /edit opens your editor · Esc changes the level",
    );
    let text = match stop_to_outcome(reply)? {
        Err(outcome) => return Ok(FollowUp::Stop(outcome)),
        Ok(Reply::Back) => return Ok(FollowUp::Again),
        Ok(Reply::Text(t)) if t.trim() == "/edit" => match stop_to_outcome(
            prompter.editor(&format!("Evidence notes for {upper}"), &current),
        )? {
            Err(outcome) => return Ok(FollowUp::Stop(outcome)),
            Ok(Reply::Back) => current.clone(),
            Ok(Reply::Text(t)) => t,
        },
        Ok(Reply::Text(t)) => t,
    };
    let text = text.trim().to_string();
    if text != current.trim() {
        answer_mut(record, framework, id).evidence = (!text.is_empty()).then(|| text.into());
        save(record)?;
    }

    // Actions: as many as the room agrees, each saved as soon as it is complete.
    let existing = record.answer(id).map_or(0, |a| a.actions.len());
    let mut question = if existing == 0 {
        format!("Add an action for {upper}?")
    } else {
        format!("{upper} has {existing} action(s). Add another?")
    };
    loop {
        match stop_to_outcome(prompter.confirm(&question, false))? {
            Err(outcome) => return Ok(FollowUp::Stop(outcome)),
            Ok(false) => return Ok(FollowUp::Next),
            Ok(true) => {}
        }
        match ask_action(prompter)? {
            Err(outcome) => return Ok(FollowUp::Stop(outcome)),
            Ok(None) => {}
            Ok(Some(action)) => {
                answer_mut(record, framework, id).actions.push(action);
                save(record)?;
                prompter.show("Action saved.");
            }
        }
        question = format!("Add another action for {upper}?");
    }
}

/// Asks for one action; `None` when the person leaves it empty or presses Esc.
fn ask_action(
    prompter: &mut dyn Prompter,
) -> Result<Result<Option<Action>, Outcome>, crate::Error> {
    let what = match stop_to_outcome(prompter.text(
        "What will be done?",
        "",
        "Esc or an empty answer cancels this action",
    ))? {
        Err(o) => return Ok(Err(o)),
        Ok(Reply::Text(t)) if !t.trim().is_empty() => t.trim().to_string(),
        Ok(_) => return Ok(Ok(None)),
    };
    let owner = match stop_to_outcome(prompter.text("Who owns it? (optional)", "", ""))? {
        Err(o) => return Ok(Err(o)),
        Ok(Reply::Text(t)) if !t.trim().is_empty() => Some(t.trim().to_string()),
        Ok(_) => None,
    };
    let due = loop {
        match stop_to_outcome(prompter.text("Due date, YYYY-MM-DD (optional)", "", ""))? {
            Err(o) => return Ok(Err(o)),
            Ok(Reply::Text(t)) if !t.trim().is_empty() => match t.parse::<IsoDate>() {
                Ok(d) => break Some(d),
                Err(e) => prompter.show(&format!(
                    "{e}. Try again, e.g. 2027-03-31, or leave it empty."
                )),
            },
            Ok(_) => break None,
        }
    };
    Ok(Ok(Some(Action {
        what,
        owner,
        due,
        status: Default::default(),
        note: None,
    })))
}

#[cfg(test)]
mod tests;
