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
use crate::record::{Action, ActionStatus, Answer, Choice, Groups, IsoDate, Record, ScorerKind};
use prompt::{Item, Prompter, Reply, Stop};

use crate::catalog::Catalog;

/// coprod's words for the walk, in the language the framework is shown in (English where
/// coprod has no catalog for it).
fn words(framework: &Framework) -> Catalog {
    Catalog::new(&framework.language)
}

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

/// The screen for one indicator: where we are, the statement, questions and level meanings.
#[allow(clippy::too_many_arguments)]
fn indicator_screen(
    framework: &Framework,
    section: &Section,
    index: usize,
    indicator: &Indicator,
    record: &Record,
    names: &Groups,
    width: usize,
    plain: bool,
) -> String {
    use crate::words::wrap;
    let clean = |t: &str| crate::clean::terminal_line(t).into_owned();
    let w = words(framework);
    // Plain mode is read out by screen readers: no rules, bullets or middle dots.
    let sep = separator(plain);
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
    if !plain {
        out.push_str(&"─".repeat(width.min(72)));
        out.push('\n');
    }
    let header = w.format(
        "walk-header",
        &[
            ("section", clean(&section.title).into()),
            ("sep", sep.into()),
            ("n", (in_section + 1).into()),
            ("count", section.indicators.value.len().into()),
            ("index", (index + 1).into()),
            ("total", total.into()),
            ("noun", clean(&framework.section_noun).into()),
            ("snum", (s_index + 1).into()),
            ("scount", sections.len().into()),
        ],
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
        out.push_str(&format!("\n{}\n", w.get("walk-questions")));
        for g in &indicator.guidance {
            let bullet = if plain { "  " } else { "  • " };
            out.push_str(&wrap(&clean(g), width, bullet, "    "));
            out.push('\n');
        }
    }
    out.push_str(&format!("\n{}\n", w.get("walk-levels")));
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
                        group_words(&w, names, g),
                        choice_words(framework, c)
                    )
                })
                .collect();
            parts.join(", ")
        } else {
            choice_words(framework, answer.level.as_ref().map(|l| l.value))
        };
        out.push('\n');
        out.push_str(&w.format("walk-answered", &[("chosen", chosen.into())]));
        if answer.evidence.is_some() {
            out.push_str(&format!("{sep}{}", w.get("walk-with-evidence")));
        }
        if !answer.actions.is_empty() {
            out.push_str(&format!(
                "{sep}{}",
                w.format("n-actions", &[("n", answer.actions.len().into())])
            ));
        }
        out.push('\n');
    }
    out
}

/// A stakeholder group's name: as `coprod.toml` names it, else coprod's name for a group it
/// knows, in the walk's language.
pub fn group_words(w: &Catalog, names: &Groups, id: &str) -> String {
    names.name_in(w, id)
}

/// Who scores a record, in the walk's language: coprod's names of the whole room and of the
/// stakeholder groups it knows come from the catalog; people's names, and group names set in
/// `coprod.toml`, are the user's and stay as they are.
pub fn scorer_words(w: &Catalog, who: &crate::record::ScoredBy, names: &Groups) -> String {
    match (who.kind.value, &who.group, &who.name) {
        (ScorerKind::Room, _, _) => w.get("who-room"),
        (ScorerKind::Group, Some(g), _) => group_words(w, names, g),
        (ScorerKind::Group, None, _) => w.get("who-a-group"),
        (ScorerKind::Workshop, _, _) => {
            let groups: Vec<String> = who
                .groups
                .iter()
                .map(|g| group_words(w, names, g))
                .collect();
            w.format("who-workshop", &[("groups", groups.join(", ").into())])
        }
        (ScorerKind::Person, group, name) => {
            let name = name.clone().unwrap_or_else(|| w.get("who-one-person"));
            match group {
                Some(g) => format!("{name} ({})", group_words(w, names, g)),
                None => name,
            }
        }
    }
}

/// What goes between the parts of a line: a middle dot, or in plain mode a comma.
fn separator(plain: bool) -> &'static str {
    if plain { ", " } else { " · " }
}

/// The choices at each indicator.
enum Step {
    Level(u32),
    NotApplicable,
    Vote,
    Details,
    Actions,
    Skip,
    Back,
    Help,
    Quit,
}

fn level_items(framework: &Framework) -> (Vec<Item>, Vec<Step>) {
    let w = words(framework);
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
        ("n", "walk-na-item", Step::NotApplicable),
        ("v", "walk-vote", Step::Vote),
        ("a", "walk-actions", Step::Actions),
        ("i", "walk-details", Step::Details),
        ("s", "walk-skip", Step::Skip),
        ("b", "walk-back", Step::Back),
        ("h", "walk-help", Step::Help),
        ("q", "walk-quit", Step::Quit),
    ];
    for (key, label, step) in extra {
        items.push(Item::new(key, w.get(label)));
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
    let groups = Groups::default();
    let context = Context {
        previous: &[],
        divergence: crate::score::compare::DEFAULT_DIVERGENCE,
        groups: &groups,
        phones: None,
    };
    walk_with(framework, record, start, prompter, save, &context)
}

/// What a walk shows besides the record itself.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// Earlier records, whose level for each indicator is shown ("last time").
    pub previous: &'a [Record],
    /// The spread of a vote, in levels, from which it is flagged "talk about this".
    pub divergence: f64,
    /// The names of stakeholder groups (`coprod.toml`'s `[groups]`).
    pub groups: &'a Groups,
    /// Phones voting (`--vote`): the server, which the walk's vote opens a round on.
    pub phones: Option<&'a std::cell::RefCell<crate::vote::Link>>,
}

/// How a choice is said: "3 Developing", "not applicable" or "not yet".
fn choice_words(framework: &Framework, choice: Option<Choice>) -> String {
    match choice {
        Some(Choice::Level(v)) => {
            let label = framework.level(v).map(|l| l.label.as_str()).unwrap_or("");
            format!("{v} {label}")
        }
        Some(Choice::NotApplicable) => words(framework).get("choice-na"),
        None => words(framework).get("choice-not-yet"),
    }
}

/// What an earlier record gave an indicator: its level, each group's in a workshop record, or
/// that the room agreed to disagree; `None` when it has no answer.
fn last_time(
    framework: &Framework,
    names: &Groups,
    prev: &Record,
    id: &str,
    sep: &str,
) -> Option<String> {
    let answer = prev.answer(id)?;
    if prev.scored_by.kind.value == ScorerKind::Workshop {
        let parts: Vec<String> = prev
            .scored_by
            .groups
            .iter()
            .filter_map(|g| {
                let c = answer.levels.get(g)?.value;
                Some(format!(
                    "{} {}",
                    group_words(&words(framework), names, g),
                    choice_words(framework, Some(c))
                ))
            })
            .collect();
        return (!parts.is_empty()).then(|| parts.join(sep));
    }
    match (&answer.level, &answer.disagreed) {
        (Some(l), _) => Some(choice_words(framework, Some(l.value))),
        (None, Some(_)) => Some(words(framework).get("choice-disagreed")),
        (None, None) => None,
    }
}

/// As [`walk`], showing the level each of the context's earlier records gave each indicator,
/// flagging a vote "talk about this" from its divergence, and naming groups as it names them.
pub fn walk_with(
    framework: &Framework,
    record: &mut Record,
    start: usize,
    prompter: &mut dyn Prompter,
    save: &mut Save<'_>,
    context: &Context<'_>,
) -> Result<Outcome, crate::Error> {
    let Context {
        previous,
        divergence,
        groups: names,
        phones,
    } = *context;
    let order: Vec<(&Section, &Indicator)> = framework.indicators().collect();
    let (items, steps) = level_items(framework);
    let w = words(framework);
    let skip_index = steps
        .iter()
        .position(|s| matches!(s, Step::Skip))
        .unwrap_or(0);
    let mut i = start.min(order.len());
    // After "go to the first one not answered", the walk visits only unanswered indicators.
    let mut only_unanswered = false;
    let next_after = |record: &Record, i: usize, only_unanswered: bool| {
        if !only_unanswered {
            return i + 1;
        }
        (i + 1..order.len())
            .find(|&n| !record.is_answered(&order[n].1.id.value))
            .unwrap_or(order.len())
    };
    loop {
        if i >= order.len() {
            let missing = unanswered(framework, record);
            if missing.is_empty() {
                return Ok(Outcome::Finished);
            }
            let question = w.format(
                "walk-unanswered",
                &[
                    ("n", missing.len().into()),
                    ("ids", missing.join(", ").into()),
                ],
            );
            let choices = [
                Item::new("1", w.get("walk-go-through")),
                Item::new("2", w.get("walk-finish")),
                Item::new("3", w.get("walk-back-last")),
            ];
            match stop_to_outcome(prompter.choose(&question, &choices, 0))? {
                Err(outcome) => return Ok(outcome),
                Ok(Some(0)) => {
                    only_unanswered = true;
                    i = first_unanswered(framework, record).unwrap_or(0);
                }
                Ok(Some(1)) => return Ok(Outcome::Finished),
                Ok(_) => {
                    only_unanswered = false;
                    i = order.len().saturating_sub(1);
                }
            }
            continue;
        }
        let (section, indicator) = order[i];
        let id = indicator.id.value.as_str();
        let width = prompter.width();
        let plain = prompter.is_plain();
        prompter.show(&indicator_screen(
            framework, section, i, indicator, record, names, width, plain,
        ));
        for prev in previous {
            if let Some(words) = last_time(framework, names, prev, id, separator(plain)) {
                let whose = if previous.len() > 1 {
                    format!(
                        "{}{}",
                        separator(plain),
                        scorer_words(&w, &prev.scored_by, names)
                    )
                } else {
                    String::new()
                };
                prompter.show(&w.format(
                    "walk-last-time",
                    &[
                        ("date", prev.date.value.to_string().into()),
                        ("whose", whose.into()),
                        ("words", words.into()),
                    ],
                ));
            }
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
                Some(group) => w.format(
                    "walk-level-for-group",
                    &[
                        ("id", id.to_uppercase().into()),
                        ("sep", separator(prompter.is_plain()).into()),
                        ("group", group_words(&w, names, group).into()),
                    ],
                ),
                None => w.format("walk-level-for", &[("id", id.to_uppercase().into())]),
            };
            let picked = match stop_to_outcome(prompter.choose(&question, &items, default))? {
                Err(outcome) => return Ok(outcome),
                Ok(None) => Step::Back,
                Ok(Some(n)) => match steps.get(n) {
                    Some(Step::Level(v)) => Step::Level(*v),
                    Some(Step::NotApplicable) => Step::NotApplicable,
                    Some(Step::Vote) => Step::Vote,
                    Some(Step::Details) => Step::Details,
                    Some(Step::Actions) => Step::Actions,
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
                    moved = Some(next_after(record, i, only_unanswered));
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
                    prompter.show(&w.get("walk-help-text"));
                    continue;
                }
                Step::Actions => {
                    if let Err(outcome) = change_actions(framework, record, id, prompter, save)? {
                        return Ok(outcome);
                    }
                    continue;
                }
                Step::Details => {
                    if let Err(outcome) = details(framework, record, prompter, save)? {
                        return Ok(outcome);
                    }
                    continue;
                }
                Step::Vote => {
                    // The counts are saved; then the same question, for the agreed level.
                    let here = Here {
                        index: i,
                        id,
                        group: target,
                    };
                    let how = How {
                        divergence,
                        names,
                        phones,
                    };
                    if let Err(outcome) = vote(framework, record, &here, &how, prompter, save)? {
                        return Ok(outcome);
                    }
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
            FollowUp::Next => i = next_after(record, i, only_unanswered),
            FollowUp::Again => {}
            FollowUp::Stop(outcome) => return Ok(outcome),
        }
    }
}

/// The details, line by line: the partnership, the date and who is taking part, each asked
/// with its current value (Enter keeps it; `-` names no one as taking part), checked as on the
/// full screen and saved when something changed. Esc leaves them as they were.
fn details(
    framework: &Framework,
    record: &mut Record,
    prompter: &mut dyn Prompter,
    save: &mut Save<'_>,
) -> Result<Result<(), Outcome>, crate::Error> {
    use screen::details::DetailsForm;
    use screen::text::Editor;
    let w = words(framework);
    let mut form = DetailsForm::of(record);
    let kept = w.get("details-kept");
    let kept = kept.as_str();
    let ask = |prompter: &mut dyn Prompter, q: &str, now: &str| {
        stop_to_outcome(prompter.text(q, now, ""))
    };
    let partnership = match ask(
        prompter,
        &w.get("details-partnership"),
        &form.partnership.text(),
    )? {
        Err(outcome) => return Ok(Err(outcome)),
        Ok(Reply::Text(t)) => t,
        Ok(_) => {
            prompter.show(kept);
            return Ok(Ok(()));
        }
    };
    if partnership.trim().is_empty() {
        prompter.show(&format!("{} {kept}", w.get("details-no-partnership")));
        return Ok(Ok(()));
    }
    form.partnership = Editor::new(&partnership);
    loop {
        let now = form.date.text();
        match ask(prompter, &w.get("setup-date"), &now)? {
            Err(outcome) => return Ok(Err(outcome)),
            Ok(Reply::Text(t)) => match t.trim().parse::<crate::record::IsoDate>() {
                Ok(_) => {
                    form.date = Editor::new(&t);
                    break;
                }
                Err(e) => prompter.show(&w.format("details-date-again", &[("error", e.into())])),
            },
            Ok(_) => {
                prompter.show(kept);
                return Ok(Ok(()));
            }
        }
    }
    let now = form.participants.text();
    let shown = if now.trim().is_empty() {
        "-"
    } else {
        now.as_str()
    };
    let participants = match ask(prompter, &w.get("details-participants"), shown)? {
        Err(outcome) => return Ok(Err(outcome)),
        Ok(Reply::Text(t)) => t,
        Ok(_) => {
            prompter.show(kept);
            return Ok(Ok(()));
        }
    };
    let participants = if participants.trim() == "-" {
        String::new()
    } else {
        participants
    };
    form.participants = Editor::new(&participants);
    let before = record.clone();
    match form.apply(record, &w) {
        Err(why) => prompter.show(&format!("{why} {kept}")),
        Ok(_) => {
            // What changed, said in the walk's language.
            let mut said = Vec::new();
            if record.partnership != before.partnership {
                let name = crate::clean::terminal_line(&record.partnership).into_owned();
                said.push(w.format("details-partnership-now", &[("name", name.into())]));
            }
            if record.date.value != before.date.value {
                let date = record.date.value.to_string();
                said.push(w.format("details-date-now", &[("date", date.into())]));
            }
            if record.participants != before.participants {
                let n = record.participants.len();
                said.push(w.format("details-people", &[("n", n.into())]));
            }
            if said.is_empty() {
                prompter.show(&w.get("details-unchanged"));
            } else {
                save(record)?;
                prompter.show(&w.format("details-saved", &[("changes", said.join("; ").into())]));
            }
        }
    }
    Ok(Ok(()))
}

/// Where a vote is: the indicator (its number in order, its id) and the group voting.
struct Here<'a> {
    index: usize,
    id: &'a str,
    group: Option<&'a str>,
}

/// How a vote is counted: the spread that flags it, the groups' names, the phones.
struct How<'a> {
    divergence: f64,
    names: &'a Groups,
    phones: Option<&'a std::cell::RefCell<crate::vote::Link>>,
}

/// A vote, line by line: with phones (`--vote`), first the phones' round (the address and
/// code said as text, the count said when asked, `done` closes it); then how many chose each
/// level on cards (then not applicable and don't know), asked one at a time; the counts are
/// saved beside the answer (for `group` in a workshop), replacing an earlier vote from the
/// room, and the spread of everything counted is said, with "talk about this" when views are
/// far apart, and the phones' votes by group. Esc at a count leaves the cards as they were.
fn vote(
    framework: &Framework,
    record: &mut Record,
    here: &Here<'_>,
    how: &How<'_>,
    prompter: &mut dyn Prompter,
    save: &mut Save<'_>,
) -> Result<Result<(), Outcome>, crate::Error> {
    use crate::record::VoteSource;
    use screen::vote::{RowKind, VoteForm};
    let (id, group, divergence) = (here.id, here.group, how.divergence);
    if let Some(link) = how.phones
        && let Err(outcome) = phones_vote(framework, record, here, link, prompter, save)?
    {
        return Ok(Err(outcome));
    }
    let earlier = record.answer(id).and_then(|a| {
        a.votes
            .iter()
            .find(|t| t.from.value == VoteSource::Cards && t.group() == group)
    });
    let mut form = VoteForm::new(framework, group.map(str::to_string), earlier);
    let w = words(framework);
    let upper = id.to_uppercase();
    prompter.show(&w.format("vote-cards", &[("id", (&upper).into())]));
    for row in 0..form.rows.len() {
        let what = match form.rows[row].choice {
            RowKind::Level(v) => choice_words(framework, Some(Choice::Level(v))),
            RowKind::NotApplicable => w.get("choice-na"),
            RowKind::DontKnow => w.get("vote-dont-know"),
        };
        loop {
            let default = if form.rows[row].typed.is_empty() {
                "0".to_string()
            } else {
                form.rows[row].typed.clone()
            };
            let reply = match stop_to_outcome(prompter.text(
                &w.format("vote-how-many", &[("what", what.as_str().into())]),
                &default,
                "",
            ))? {
                Err(outcome) => return Ok(Err(outcome)),
                Ok(r) => r,
            };
            match reply {
                Reply::Text(t) => match t.trim().parse::<u32>() {
                    Ok(n) if n <= 100_000 => {
                        form.rows[row].typed = if n == 0 { String::new() } else { n.to_string() };
                        break;
                    }
                    _ => prompter.show(&w.get("vote-a-number")),
                },
                _ => {
                    prompter.show(&w.get("vote-left"));
                    return Ok(Ok(()));
                }
            }
        }
    }
    let tally = form.tally();
    let phone_tallies = record.phone_tallies(id);
    let phones_total: u64 = phone_tallies.iter().map(crate::record::Tally::total).sum();
    let total = tally.total() + phones_total;
    let answer = answer_mut(record, framework, id);
    let at = answer
        .votes
        .iter()
        .position(|t| t.from.value == VoteSource::Cards && t.group() == tally.group());
    match (at, tally.total(), total) {
        (Some(i), 0, _) => {
            answer.votes.remove(i);
        }
        (Some(i), _, _) => answer.votes[i] = tally,
        (None, 0, 0) => {
            prompter.show(&w.get("vote-nothing"));
            return Ok(Ok(()));
        }
        (None, 0, _) => {}
        (None, _, _) => answer.votes.push(tally),
    }
    save(record)?;
    let mut d = form.distribution(framework);
    for t in &phone_tallies {
        d.add(t);
    }
    let total = usize::try_from(total).unwrap_or(usize::MAX);
    let mut said = match d.spread() {
        Some(sp) => w.format(
            "vote-saved-spread",
            &[
                ("id", (&upper).into()),
                ("total", total.into()),
                ("spread", crate::words::score_text(sp).into()),
            ],
        ),
        None => w.format(
            "vote-saved",
            &[("id", (&upper).into()), ("total", total.into())],
        ),
    };
    if d.talk_about_this(divergence) {
        said.push(' ');
        said.push_str(&w.get("vote-far-apart"));
    }
    let na = w.get("choice-na");
    for t in &phone_tallies {
        let mut one = crate::score::votes::Distribution::empty(framework);
        one.add(t);
        let line = phone_votes_said(&w, t.group(), &one, how.names, &na);
        said.push_str(&format!("\n{line}."));
    }
    if !phone_tallies.is_empty() {
        said.push('\n');
    } else {
        said.push(' ');
    }
    said.push_str(&w.get("vote-now-agree"));
    prompter.show(&said);
    Ok(Ok(()))
}

/// One group's votes from phones in words, as the reveal says them on the screen and in the
/// plain walk, in `w`'s language: "Phones, Parent carers: 2: 1, 4: 1" (levels nobody chose left
/// out). `na` is how "not applicable" is written there.
pub(crate) fn phone_votes_said(
    w: &Catalog,
    group: Option<&str>,
    d: &crate::score::votes::Distribution,
    names: &Groups,
    na: &str,
) -> String {
    let who = match group {
        Some(g) => w.format(
            "phones-group",
            &[("group", group_words(w, names, g).into())],
        ),
        None => w.get("phones-no-group"),
    };
    let mut parts: Vec<String> = d
        .levels
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(v, n)| format!("{v}: {n}"))
        .collect();
    if d.not_applicable > 0 {
        parts.push(format!("{na}: {}", d.not_applicable));
    }
    if d.dont_know > 0 {
        parts.push(format!("{}: {}", w.get("vote-dont-know"), d.dont_know));
    }
    format!("{who}: {}", parts.join(", "))
}

/// The phones' round of a vote in the plain walk: opened on the indicator (asking first what
/// to do with phones' votes the record already holds for it), the address and the join code
/// said as text, then lines: Enter says how many have voted, `done` closes the round, `p`
/// and a number puts out that phone, `c` makes a new code. The phones' votes are saved as they
/// come, while the walk waits for the line; closing saves the last of them.
fn phones_vote(
    framework: &Framework,
    record: &mut Record,
    here: &Here<'_>,
    link: &std::cell::RefCell<crate::vote::Link>,
    prompter: &mut dyn Prompter,
    save: &mut Save<'_>,
) -> Result<Result<(), Outcome>, crate::Error> {
    let id = here.id;
    let name = id.to_uppercase();
    let w = words(framework);
    let earlier = record.phone_tallies(id);
    link.borrow_mut().open(here.index, id, earlier);
    let asked = link.borrow().asking().cloned();
    if let Some(asked) = asked {
        let n = usize::try_from(asked.votes).unwrap_or(usize::MAX);
        let when = if asked.this_session {
            "phones-earlier-this"
        } else {
            "phones-earlier-before"
        };
        // The keys stay r and k in every language; each is shown beside its words.
        let items = vec![
            Item::new("r", w.get("phones-again")),
            Item::new("k", w.get("phones-keep")),
        ];
        let question = w.format(when, &[("n", n.into()), ("id", (&name).into())]);
        let add = match stop_to_outcome(prompter.choose(&question, &items, 0))? {
            Err(outcome) => {
                link.borrow_mut().close();
                return Ok(Err(outcome));
            }
            Ok(None) => {
                link.borrow_mut().close();
                prompter.show(&w.get("phones-none-opened"));
                return Ok(Ok(()));
            }
            Ok(Some(n)) => n == 1,
        };
        link.borrow_mut().choose(add);
    }
    let spelled = |code: &str| code.chars().map(String::from).collect::<Vec<_>>().join(" ");
    {
        let l = link.borrow();
        prompter.show(&w.format(
            "phones-open",
            &[
                ("id", (&name).into()),
                ("address", (&l.address).into()),
                ("code", (&l.code).into()),
                ("spelled", spelled(&l.code).into()),
            ],
        ));
    }
    let mut failed: Option<crate::Error> = None;
    loop {
        let reply = {
            let mut tick = || {
                if failed.is_some() {
                    return;
                }
                let pending = link.borrow().pending();
                if let Some(p) = pending
                    && let Err(e) = keep_phone_votes(framework, record, p, link, save)
                {
                    failed = Some(e);
                }
            };
            prompter.text_while(&w.get("phones-prompt"), &mut tick)
        };
        if let Some(e) = failed.take() {
            let pending = link.borrow_mut().close();
            drop(pending);
            return Err(e);
        }
        let reply = match stop_to_outcome(reply)? {
            Err(outcome) => {
                close_phones(framework, record, link, save)?;
                return Ok(Err(outcome));
            }
            Ok(r) => r,
        };
        let text = match reply {
            Reply::Text(t) => t,
            _ => "done".to_string(),
        };
        let lower = text.trim().to_lowercase();
        // `done` closes the round in every language, and so does the Welsh `cau` ("close").
        if lower == "done" || lower == "cau" {
            break;
        }
        if lower.is_empty() {
            let (voted, joined) = link.borrow().counts();
            prompter.show(&w.format(
                "phones-counts",
                &[("voted", voted.into()), ("joined", joined.into())],
            ));
        } else if lower == "c" {
            let code = {
                let mut l = link.borrow_mut();
                l.new_code();
                l.code.clone()
            };
            prompter.show(&w.format(
                "phones-new-code",
                &[
                    ("code", code.as_str().into()),
                    ("spelled", spelled(&code).into()),
                ],
            ));
        } else if let Some(number) = lower.strip_prefix('p') {
            match number.trim().parse::<u32>() {
                Ok(n) if link.borrow_mut().put_out(n) => {
                    prompter.show(&w.format("phones-put-out", &[("n", n.into())]));
                }
                Ok(n) => prompter.show(&w.format("phones-no-such", &[("n", n.into())])),
                Err(_) => prompter.show(&w.get("phones-p-number")),
            }
        } else {
            prompter.show(&w.get("phones-what"));
        }
    }
    close_phones(framework, record, link, save)?;
    let phones: u64 = record
        .phone_tallies(id)
        .iter()
        .map(crate::record::Tally::total)
        .sum();
    let phones = usize::try_from(phones).unwrap_or(usize::MAX);
    prompter.show(&w.format(
        "phones-closed",
        &[("id", (&name).into()), ("n", phones.into())],
    ));
    Ok(Ok(()))
}

/// Closes the phones' round, saving its last votes.
fn close_phones(
    framework: &Framework,
    record: &mut Record,
    link: &std::cell::RefCell<crate::vote::Link>,
    save: &mut Save<'_>,
) -> Result<(), crate::Error> {
    let pending = link.borrow_mut().close();
    if let Some(p) = pending {
        keep_phone_votes(framework, record, p, link, save)?;
    }
    Ok(())
}

/// Puts the phones' votes in the record, saves it, and tells the phones waiting for it.
fn keep_phone_votes(
    framework: &Framework,
    record: &mut Record,
    (change, id, tallies): (u64, String, Vec<crate::record::Tally>),
    link: &std::cell::RefCell<crate::vote::Link>,
    save: &mut Save<'_>,
) -> Result<(), crate::Error> {
    answer_mut(record, framework, &id).set_phone_tallies(tallies);
    save(record)?;
    link.borrow().saved(change);
    Ok(())
}

/// An action's status in the walk's language.
fn status_words(w: &Catalog, s: ActionStatus) -> String {
    w.get(match s {
        ActionStatus::NotStarted => "status-not-started",
        ActionStatus::InProgress => "status-in-progress",
        ActionStatus::Done => "status-done",
        ActionStatus::Embedded => "status-embedded",
        ActionStatus::Dropped => "status-dropped",
    })
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
    let w = words(framework);
    prompter.show(&w.format(
        "carry-intro",
        &[
            ("n", todo.len().into()),
            ("date", previous.date.value.to_string().into()),
        ],
    ));
    let sep = separator(prompter.is_plain());
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
        .map(|(n, s)| {
            Item::new(
                (n + 1).to_string(),
                format!("{}  {}", n + 1, status_words(&w, *s)),
            )
        })
        .collect();
    let total = todo.len();
    for (n, (id, action)) in todo.into_iter().enumerate() {
        let mut about = format!(
            "{}{sep}{}{sep}{}",
            w.format(
                "carry-action",
                &[("n", (n + 1).into()), ("total", total.into())]
            ),
            id.to_uppercase(),
            action.what
        );
        if let Some(owner) = &action.owner {
            about.push_str(sep);
            about.push_str(&w.format("action-owner", &[("owner", owner.into())]));
        }
        if let Some(due) = action.due {
            about.push_str(sep);
            about.push_str(&w.format("action-due", &[("date", due.to_string().into())]));
            if due < record.date.value && action.status.is_open() {
                about.push(' ');
                about.push_str(&w.get("carry-overdue"));
            }
        }
        let last = w.format(
            "carry-last-time",
            &[("status", status_words(&w, action.status).into())],
        );
        prompter.show(&format!("{about}\n{last}"));
        let default = statuses
            .iter()
            .position(|s| *s == action.status)
            .unwrap_or(0);
        // Esc keeps the action as it was: it is carried into this record with its old status,
        // never dropped.
        let status =
            match stop_to_outcome(prompter.choose(&w.get("carry-status"), &items, default))? {
                Err(outcome) => return Ok(outcome),
                Ok(None) => {
                    answer_mut(record, framework, &id).actions.push(action);
                    save(record)?;
                    prompter.show(&w.get("carry-kept"));
                    continue;
                }
                Ok(Some(i)) => statuses.get(i).copied().unwrap_or(action.status),
            };
        let note = match stop_to_outcome(prompter.text(&w.get("carry-note"), "", ""))? {
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
            crate::catalog::say("error-terminal-stopped", &[]),
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
    let plain = prompter.is_plain();
    let w = words(framework);
    let with_id = |message: &str| w.format(message, &[("id", (&upper).into())]);
    let saved: String = record
        .answer(id)
        .and_then(|a| a.evidence.as_deref())
        .unwrap_or_default()
        .to_string();
    // Notes typed last time and never committed are offered back first.
    let current = match record.answer(id).and_then(|a| a.draft.evidence.clone()) {
        Some(draft) => {
            prompter.show(&w.get("walk-notes-again"));
            draft
        }
        None => saved.clone(),
    };
    let help = w.get(match (plain, current.is_empty()) {
        (true, true) => "walk-evidence-plain-new",
        (true, false) => "walk-evidence-plain-kept",
        (false, true) => "walk-evidence-new",
        (false, false) => "walk-evidence-kept",
    });
    let reply = prompter.text(&with_id("walk-evidence"), &current, &help);
    let text = match stop_to_outcome(reply)? {
        Err(outcome) => return Ok(FollowUp::Stop(outcome)),
        Ok(Reply::Back) => return Ok(FollowUp::Again),
        Ok(Reply::Text(t)) if t.trim() == "/clear" => String::new(),
        Ok(Reply::Text(t)) if t.trim() == "/edit" => {
            match prompter.editor(&with_id("walk-evidence-editor"), &current) {
                Err(Stop::Failed(why)) => {
                    // A missing or broken editor is a message, never the end of the session.
                    prompter.show(&w.format(
                        "walk-no-editor",
                        &[("why", crate::clean::terminal_line(&why).into_owned().into())],
                    ));
                    return Ok(FollowUp::Again);
                }
                other => match stop_to_outcome(other)? {
                    Err(outcome) => return Ok(FollowUp::Stop(outcome)),
                    Ok(Reply::Back) => current.clone(),
                    Ok(Reply::Text(t)) => t,
                },
            }
        }
        Ok(Reply::Text(t)) => t,
    };
    let text = text.trim().to_string();
    let had_draft = record
        .answer(id)
        .is_some_and(|a| a.draft.evidence.is_some());
    if text != saved.trim() || had_draft {
        let answer = answer_mut(record, framework, id);
        answer.evidence = (!text.is_empty()).then(|| text.into());
        answer.draft.evidence = None;
        save(record)?;
    }

    // The framework's extra note (e.g. what young people say), kept apart from the evidence.
    if let Some(note) = &framework.extra_note {
        let saved: String = record
            .answer(id)
            .and_then(|a| a.extra_note.as_deref())
            .unwrap_or_default()
            .to_string();
        // A note typed on the full screen and never committed is offered back first.
        let draft = record.answer(id).and_then(|a| a.draft.extra_note.clone());
        if draft.is_some() {
            prompter.show(&w.get("walk-notes-again"));
        }
        let current = draft.clone().unwrap_or_else(|| saved.clone());
        let question = if note.question.is_empty() {
            &note.label
        } else {
            &note.question
        };
        let help = w.get(match (plain, current.is_empty()) {
            (true, true) => "walk-extra-plain-new",
            (true, false) => "walk-extra-plain-kept",
            (false, true) => "walk-extra-new",
            (false, false) => "walk-extra-kept",
        });
        let reply = prompter.text(
            &w.format(
                "walk-extra",
                &[
                    (
                        "question",
                        crate::clean::terminal_line(question).into_owned().into(),
                    ),
                    ("id", (&upper).into()),
                ],
            ),
            &current,
            &help,
        );
        let text = match stop_to_outcome(reply)? {
            Err(outcome) => return Ok(FollowUp::Stop(outcome)),
            Ok(Reply::Back) => return Ok(FollowUp::Again),
            Ok(Reply::Text(t)) if t.trim() == "/clear" => String::new(),
            Ok(Reply::Text(t)) => t.trim().to_string(),
        };
        if text != saved.trim() || draft.is_some() {
            let answer = answer_mut(record, framework, id);
            answer.extra_note = (!text.is_empty()).then(|| text.into());
            answer.draft.extra_note = None;
            save(record)?;
        }
    }

    // An action typed last time and never finished is offered back first.
    if let Some(draft) = record.answer(id).and_then(|a| a.draft.action.clone()) {
        let question = w.format(
            "walk-action-draft",
            &[
                ("id", (&upper).into()),
                (
                    "what",
                    crate::clean::terminal_line(&draft.what).into_owned().into(),
                ),
            ],
        );
        let finish = match stop_to_outcome(prompter.confirm(&question, true))? {
            Err(outcome) => return Ok(FollowUp::Stop(outcome)),
            Ok(b) => b,
        };
        if finish {
            if let Err(outcome) = ask_action(framework, record, id, draft, prompter, save)? {
                return Ok(FollowUp::Stop(outcome));
            }
        } else {
            answer_mut(record, framework, id).draft.action = None;
            save(record)?;
        }
    }

    // Actions: as many as the room agrees, each saved as soon as it is complete.
    let count = |r: &Record| r.answer(id).map_or(0, |a| a.actions.len());
    let mut question = match count(record) {
        0 => with_id("walk-add-action"),
        n => w.format(
            "walk-has-actions",
            &[
                ("id", (&upper).into()),
                ("actions", w.format("n-actions", &[("n", n.into())]).into()),
            ],
        ),
    };
    loop {
        match stop_to_outcome(prompter.confirm(&question, false))? {
            Err(outcome) => return Ok(FollowUp::Stop(outcome)),
            Ok(false) => return Ok(FollowUp::Next),
            Ok(true) => {}
        }
        let draft = crate::record::ActionDraft::default();
        if let Err(outcome) = ask_action(framework, record, id, draft, prompter, save)? {
            return Ok(FollowUp::Stop(outcome));
        }
        question = with_id("walk-add-another");
    }
}

/// Changes the indicator's actions one at a time, as often as the room wants: what, owner and
/// due date; the status, with a note; or delete one (after a yes). Esc at any question leaves
/// that action as it was.
fn change_actions(
    framework: &Framework,
    record: &mut Record,
    id: &str,
    prompter: &mut dyn Prompter,
    save: &mut Save<'_>,
) -> Result<Result<(), Outcome>, crate::Error> {
    let upper = id.to_uppercase();
    let w = words(framework);
    let statuses = [
        ActionStatus::NotStarted,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Embedded,
        ActionStatus::Dropped,
    ];
    let mut first = true;
    loop {
        let actions = record
            .answer(id)
            .map(|a| a.actions.clone())
            .unwrap_or_default();
        if actions.is_empty() {
            if first {
                prompter.show(&w.format("actions-none", &[("id", (&upper).into())]));
            }
            return Ok(Ok(()));
        }
        if !first {
            let question = w.format(
                "actions-another",
                &[
                    (
                        "actions",
                        w.format("n-actions", &[("n", actions.len().into())]).into(),
                    ),
                    ("id", (&upper).into()),
                ],
            );
            match stop_to_outcome(prompter.confirm(&question, false))? {
                Err(outcome) => return Ok(Err(outcome)),
                Ok(false) => return Ok(Ok(())),
                Ok(true) => {}
            }
        }
        first = false;
        let items: Vec<Item> = actions
            .iter()
            .enumerate()
            .map(|(i, a)| {
                Item::new(
                    (i + 1).to_string(),
                    format!(
                        "{}  {} ({})",
                        i + 1,
                        crate::clean::terminal_line(&a.what),
                        status_words(&w, a.status)
                    ),
                )
            })
            .collect();
        let Some(i) = (match stop_to_outcome(prompter.choose(&w.get("actions-which"), &items, 0))? {
            Err(outcome) => return Ok(Err(outcome)),
            Ok(i) => i.filter(|i| *i < actions.len()),
        }) else {
            continue;
        };
        let what_to_do = [
            Item::new("1", format!("1  {}", w.get("actions-change"))),
            Item::new("2", format!("2  {}", w.get("actions-status"))),
            Item::new("3", format!("3  {}", w.get("actions-delete"))),
        ];
        let todo =
            match stop_to_outcome(prompter.choose(&w.get("actions-what-to-do"), &what_to_do, 0))? {
                Err(outcome) => return Ok(Err(outcome)),
                Ok(todo) => todo,
            };
        let action = &actions[i];
        match todo {
            Some(0) => {
                let draft = crate::record::ActionDraft {
                    changes: u32::try_from(i + 1).ok(),
                    what: action.what.clone(),
                    owner: action.owner.clone(),
                    due: action.due.map(|d| d.to_string()),
                    note: action.note.clone(),
                };
                if let Err(outcome) = ask_action(framework, record, id, draft, prompter, save)? {
                    return Ok(Err(outcome));
                }
            }
            Some(1) => {
                let items: Vec<Item> = statuses
                    .iter()
                    .enumerate()
                    .map(|(n, s)| {
                        Item::new(
                            (n + 1).to_string(),
                            format!("{}  {}", n + 1, status_words(&w, *s)),
                        )
                    })
                    .collect();
                let now = statuses
                    .iter()
                    .position(|s| *s == action.status)
                    .unwrap_or(0);
                let status =
                    match stop_to_outcome(prompter.choose(&w.get("carry-status"), &items, now))? {
                        Err(outcome) => return Ok(Err(outcome)),
                        Ok(None) => continue,
                        Ok(Some(n)) => statuses.get(n).copied().unwrap_or(action.status),
                    };
                let note_now = action.note.clone().unwrap_or_default();
                let note =
                    match stop_to_outcome(prompter.text(&w.get("carry-note"), &note_now, ""))? {
                        Err(outcome) => return Ok(Err(outcome)),
                        Ok(Reply::Text(t)) if t.trim() == "/clear" => None,
                        Ok(Reply::Text(t)) => Some(t.trim().to_string()).filter(|t| !t.is_empty()),
                        Ok(_) => continue,
                    };
                let answer = answer_mut(record, framework, id);
                if let Some(a) = answer.actions.get_mut(i) {
                    a.status = status;
                    a.note = note;
                }
                save(record)?;
                prompter.show(&w.format(
                    "actions-saved-status",
                    &[("status", status_words(&w, status).to_lowercase().into())],
                ));
            }
            Some(2) => {
                let question = w.format(
                    "actions-delete-question",
                    &[(
                        "what",
                        crate::clean::terminal_line(&action.what)
                            .into_owned()
                            .into(),
                    )],
                );
                match stop_to_outcome(prompter.confirm(&question, false))? {
                    Err(outcome) => return Ok(Err(outcome)),
                    Ok(true) => {
                        answer_mut(record, framework, id).actions.remove(i);
                        save(record)?;
                        prompter.show(&w.get("actions-deleted"));
                    }
                    Ok(false) => prompter.show(&w.get("actions-not-deleted")),
                }
            }
            _ => {}
        }
    }
}

/// Asks for one action, starting from `draft` (what was typed before), and saves it when it is
/// complete. Each part is kept in the record's draft as soon as it is typed, so that stopping
/// half-way loses nothing; Esc or an empty answer to "what" cancels the action.
fn ask_action(
    framework: &Framework,
    record: &mut Record,
    id: &str,
    mut draft: crate::record::ActionDraft,
    prompter: &mut dyn Prompter,
    save: &mut Save<'_>,
) -> Result<Result<(), Outcome>, crate::Error> {
    let keep = |record: &mut Record, draft: &crate::record::ActionDraft, save: &mut Save<'_>| {
        answer_mut(record, framework, id).draft.action = Some(draft.clone());
        save(record)
    };
    let w = words(framework);
    let cancel_help = w.get(if prompter.is_plain() {
        "walk-cancel-plain"
    } else {
        "walk-cancel"
    });
    match stop_to_outcome(prompter.text(&w.get("walk-what"), &draft.what, &cancel_help))? {
        Err(o) => return Ok(Err(o)),
        Ok(Reply::Text(t)) if !t.trim().is_empty() => draft.what = t.trim().to_string(),
        Ok(_) => {
            if record.answer(id).is_some_and(|a| a.draft.action.is_some()) {
                answer_mut(record, framework, id).draft.action = None;
                save(record)?;
            }
            prompter.show(&w.get("walk-no-action"));
            return Ok(Ok(()));
        }
    }
    keep(record, &draft, save)?;
    let owner = draft.owner.clone().unwrap_or_default();
    match stop_to_outcome(prompter.text(&w.get("walk-owner"), &owner, ""))? {
        Err(o) => return Ok(Err(o)),
        Ok(Reply::Text(t)) if !t.trim().is_empty() => draft.owner = Some(t.trim().to_string()),
        Ok(_) => draft.owner = None,
    }
    keep(record, &draft, save)?;
    let due = loop {
        let typed = draft.due.clone().unwrap_or_default();
        match stop_to_outcome(prompter.text(&w.get("walk-due"), &typed, ""))? {
            Err(o) => return Ok(Err(o)),
            Ok(Reply::Text(t)) if !t.trim().is_empty() => match t.parse::<IsoDate>() {
                Ok(d) => break Some(d),
                Err(e) => {
                    draft.due = Some(t.trim().to_string());
                    keep(record, &draft, save)?;
                    prompter.show(&w.format("walk-due-again", &[("error", e.into())]));
                }
            },
            Ok(_) => break None,
        }
    };
    if let Some(d) = due
        && d < record.date.value
    {
        prompter.show(&w.format(
            "walk-due-before",
            &[
                ("due", d.to_string().into()),
                ("date", record.date.value.to_string().into()),
            ],
        ));
    }
    let action = Action {
        what: draft.what,
        owner: draft.owner,
        due,
        status: Default::default(),
        note: draft.note,
    };
    let answer = answer_mut(record, framework, id);
    answer.draft.action = None;
    match draft
        .changes
        .and_then(|n| usize::try_from(n).ok())
        .and_then(|n| n.checked_sub(1))
        .filter(|n| *n < answer.actions.len())
    {
        Some(n) => {
            answer.actions[n] = Action {
                status: answer.actions[n].status,
                ..action
            }
        }
        None => answer.actions.push(action),
    }
    save(record)?;
    prompter.show(&w.get("walk-action-saved"));
    Ok(Ok(()))
}

#[cfg(test)]
mod tests;
