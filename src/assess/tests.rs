//! The walk, driven by a scripted prompter.

use super::prompt::{Item, Reply, Say, Scripted, Stop};
use super::*;
use crate::record::{ActionStatus, ScoredBy, ScorerKind};

fn framework() -> Framework {
    Framework::built_in(crate::framework::DEFAULT_ID).expect("built-in framework")
}

fn new_record(f: &Framework) -> Record {
    let who = ScoredBy {
        kind: unplaced(ScorerKind::Room),
        group: None,
        name: None,
        groups: Vec::new(),
    };
    Record::new(f, "Test".into(), "2026-11-12".parse().expect("date"), who)
}

/// Answers one indicator with a level and no notes or actions.
fn level(key: &'static str) -> Vec<Say> {
    vec![Say::Key(key), Say::Enter, Say::No]
}

fn run(
    f: &Framework,
    record: &mut Record,
    start: usize,
    script: Vec<Say>,
) -> (Outcome, usize, Scripted) {
    let mut p = Scripted::new(script);
    let mut saves = 0;
    let outcome = walk(f, record, start, &mut p, &mut |_| {
        saves += 1;
        Ok(())
    })
    .expect("walk");
    (outcome, saves, p)
}

#[test]
fn full_pass_answers_every_indicator_and_saves_each() {
    let f = framework();
    let mut r = new_record(&f);
    let script: Vec<Say> = (0..24)
        .flat_map(|i| level(["1", "2", "3", "4", "5"][i % 5]))
        .collect();
    let (outcome, saves, p) = run(&f, &mut r, 0, script);
    assert_eq!(outcome, Outcome::Finished);
    assert!(p.finished());
    assert_eq!(saves, 24);
    assert_eq!(r.answers.len(), 24);
    assert_eq!(r.choice("wc1"), Some(Choice::Level(1)));
    assert_eq!(r.choice("wp6"), Some(Choice::Level(4)));
    // Answers are stored in framework order.
    let ids: Vec<_> = r
        .answers
        .iter()
        .map(|a| a.indicator.value.clone())
        .collect();
    let expected: Vec<_> = f.indicators().map(|(_, i)| i.id.value.clone()).collect();
    assert_eq!(ids, expected);
    // Where-you-are header.
    assert!(
        p.transcript
            .iter()
            .any(|t| t.contains("Communicate · indicator 3 of 6 · 15 of 24 overall"))
    );
}

#[test]
fn not_applicable_skip_and_back() {
    let f = framework();
    let mut r = new_record(&f);
    let mut script = vec![];
    script.extend(level("n")); // wc1 n/a
    script.push(Say::Key("s")); // skip wc2
    script.push(Say::Key("b")); // back from wc3 to wc2
    script.extend(level("4")); // wc2 = 4
    script.push(Say::Key("b")); // back from wc3 to wc2 again
    script.push(Say::Enter); // Enter keeps 4 (the cursor starts on the saved answer)
    script.push(Say::Enter); // keep (empty) evidence
    script.push(Say::No);
    script.push(Say::Key("q")); // save and quit at wc3
    let (outcome, _, p) = run(&f, &mut r, 0, script);
    assert_eq!(outcome, Outcome::Quit);
    assert!(p.finished());
    assert_eq!(r.choice("wc1"), Some(Choice::NotApplicable));
    assert_eq!(r.choice("wc2"), Some(Choice::Level(4)));
    assert_eq!(r.choice("wc3"), None);
    assert!(
        p.transcript
            .iter()
            .any(|t| t.contains("Answered so far: 4 Established"))
    );
}

#[test]
fn evidence_and_actions_are_recorded_with_dates_checked() {
    let f = framework();
    let mut r = new_record(&f);
    let script = vec![
        Say::Key("2"),
        Say::Type("Only half the papers arrived in time | see minutes".into()),
        Say::Yes,
        Say::Type("Send papers ten working days ahead".into()),
        Say::Type("Partnership manager".into()),
        Say::Type("2027-02-30".into()), // not a real date: asked again
        Say::Type("2027-03-31".into()),
        Say::Yes,
        Say::Type(String::new()), // an empty action is dropped
        Say::No,
        Say::Key("q"),
    ];
    let (outcome, saves, p) = run(&f, &mut r, 0, script);
    assert_eq!(outcome, Outcome::Quit);
    assert!(p.finished(), "script left over");
    let a = r.answer("wc1").expect("answer");
    assert_eq!(
        a.evidence.as_deref(),
        Some("Only half the papers arrived in time | see minutes")
    );
    assert_eq!(a.actions.len(), 1);
    assert_eq!(a.actions[0].owner.as_deref(), Some("Partnership manager"));
    assert_eq!(
        a.actions[0].due.map(|d| d.to_string()).as_deref(),
        Some("2027-03-31")
    );
    assert_eq!(a.actions[0].status, ActionStatus::NotStarted);
    // The level, the evidence, the action's draft after each part (three, with the wrong
    // date), and the action itself.
    assert_eq!(saves, 6, "level, evidence, drafts and action each saved");
    assert!(
        a.draft.is_empty(),
        "the draft goes when the action is saved"
    );
    assert!(
        p.transcript
            .iter()
            .any(|t| t.contains("`2027-02-30` is not a real date"))
    );
}

#[test]
fn editor_for_longer_notes() {
    let f = framework();
    let mut r = new_record(&f);
    let script = vec![
        Say::Key("3"),
        Say::Type("/edit".into()),
        Say::Type("Line one\nLine two".into()),
        Say::No,
        Say::Key("q"),
    ];
    run(&f, &mut r, 0, script);
    assert_eq!(
        r.answer("wc1").and_then(|a| a.evidence.as_deref()),
        Some("Line one\nLine two")
    );
}

#[test]
fn ctrl_c_stops_with_everything_before_it_kept() {
    let f = framework();
    let mut r = new_record(&f);
    let mut script = level("3");
    script.extend(level("4"));
    script.push(Say::CtrlC);
    let (outcome, saves, _) = run(&f, &mut r, 0, script);
    assert_eq!(outcome, Outcome::Interrupted);
    assert_eq!(saves, 2);
    assert_eq!(r.choice("wc2"), Some(Choice::Level(4)));
}

#[test]
fn quit_then_resume_at_the_first_unanswered() {
    let f = framework();
    let mut r = new_record(&f);
    let mut script = level("3");
    script.push(Say::Key("s"));
    script.extend(level("2"));
    script.push(Say::Key("q"));
    run(&f, &mut r, 0, script);
    // Round-trip through YAML as a resume would.
    let text = r.to_yaml().expect("yaml");
    let mut resumed =
        Record::parse(&crate::diagnostic::Source::named("r.yaml", text)).expect("record parses");
    let start = first_unanswered(&f, &resumed).expect("something left");
    assert_eq!(start, 1, "wc2 was skipped");
    let mut script = level("5"); // wc2
    for _ in 0..22 {
        script.push(Say::Key("s"));
    }
    // At the end the skipped indicators are listed; finish for now.
    script.push(Say::Key("2"));
    let (outcome, _, p) = run(&f, &mut resumed, start, script);
    assert_eq!(outcome, Outcome::Finished);
    assert!(p.finished());
    assert_eq!(resumed.choice("wc1"), Some(Choice::Level(3)));
    assert_eq!(resumed.choice("wc2"), Some(Choice::Level(5)));
    assert_eq!(resumed.choice("wc3"), Some(Choice::Level(2)));
    assert!(
        p.transcript
            .iter()
            .any(|t| t.contains("21 indicators are not answered yet"))
    );
}

#[test]
fn end_of_input_saves_and_quits() {
    let f = framework();
    let mut r = new_record(&f);
    let (outcome, _, _) = run(&f, &mut r, 0, level("3"));
    assert_eq!(outcome, Outcome::Quit);
    assert_eq!(r.choice("wc1"), Some(Choice::Level(3)));
}

#[test]
fn help_shows_the_keys_and_asks_again() {
    let f = framework();
    let mut r = new_record(&f);
    let (_, _, p) = run(&f, &mut r, 0, vec![Say::Key("h"), Say::Key("q")]);
    assert!(p.transcript.iter().any(|t| t.starts_with("How this works")));
    assert_eq!(
        p.transcript
            .iter()
            .filter(|t| t.starts_with("? Level for WC1"))
            .count(),
        2
    );
}

fn workshop_record(f: &Framework) -> Record {
    let who = ScoredBy {
        kind: unplaced(ScorerKind::Workshop),
        group: None,
        name: None,
        groups: vec!["parent-carers".into(), "health".into()],
    };
    Record::new(f, "Test".into(), "2026-11-12".parse().expect("date"), who)
}

#[test]
fn workshop_mode_asks_each_group_and_reports_like_separate_records() {
    let f = framework();
    let mut r = workshop_record(&f);
    let script = vec![
        Say::Key("2"), // WC1 parent carers
        Say::Key("b"), // back to parent carers
        Say::Key("1"), // changed their mind
        Say::Key("4"), // WC1 health
        Say::Type("Tables disagreed".into()),
        Say::No,
        Say::Key("n"), // WC2 parent carers: n/a
        Say::Key("s"), // WC2 health: skipped
        Say::Enter,
        Say::No,
        Say::Key("q"),
    ];
    let (outcome, _, p) = run(&f, &mut r, 0, script);
    assert_eq!(outcome, Outcome::Quit);
    assert!(p.finished());
    assert!(p.transcript.iter().any(|t| t == "? Level for WC1 · Health"));
    assert!(r.is_answered("wc1"));
    assert!(!r.is_answered("wc2"), "health has not scored WC2");
    assert_eq!(first_unanswered(&f, &r), Some(1));

    let parts = r.split_workshop();
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[0].scored_by.group.as_deref(), Some("parent-carers"));
    assert_eq!(parts[0].choice("wc1"), Some(Choice::Level(1)));
    assert_eq!(parts[1].choice("wc1"), Some(Choice::Level(4)));
    assert_eq!(parts[0].choice("wc2"), Some(Choice::NotApplicable));
    assert_eq!(parts[1].choice("wc2"), None);
    // Evidence belongs to the session, so it is counted once.
    assert_eq!(
        parts[0].answer("wc1").and_then(|a| a.evidence.as_deref()),
        Some("Tables disagreed")
    );
    assert_eq!(
        parts[1].answer("wc1").and_then(|a| a.evidence.as_deref()),
        None
    );
}

#[test]
fn actions_are_carried_forward_once_with_their_new_status() {
    let f = framework();
    let mut previous = new_record(&f);
    previous.date = unplaced("2025-11-13".parse().expect("date"));
    let old = |what: &str| Action {
        what: what.into(),
        owner: Some("Forum".into()),
        due: Some("2026-03-31".parse().expect("date")),
        status: ActionStatus::InProgress,
        note: None,
    };
    answer_mut(&mut previous, &f, "cm4").actions = vec![
        old("Publish a you-said-we-did bulletin"),
        old("Ask families"),
    ];
    answer_mut(&mut previous, &f, "cm4").level = Some(unplaced(Choice::Level(2)));
    let mut r = new_record(&f);
    let mut p = Scripted::new([
        Say::Key("3"),
        Say::Type("Out every term".into()),
        Say::Enter,
        Say::Enter,
    ]);
    let mut saves = 0;
    let outcome = carry_forward(&f, &previous, &mut r, &mut p, &mut |_| {
        saves += 1;
        Ok(())
    })
    .expect("carry forward");
    assert_eq!(outcome, Outcome::Finished);
    assert!(p.finished());
    assert_eq!(saves, 2);
    let actions = &r.answer("cm4").expect("answer").actions;
    assert_eq!(actions[0].status, ActionStatus::Done);
    assert_eq!(actions[0].note.as_deref(), Some("Out every term"));
    assert_eq!(
        actions[1].status,
        ActionStatus::InProgress,
        "Enter keeps the status"
    );
    assert_eq!(actions[1].due, old("x").due);
    assert_eq!(
        r.choice("cm4"),
        None,
        "carrying actions does not answer the indicator"
    );

    // Asked again (after a resume), nothing is asked twice.
    let mut p = Scripted::new([]);
    carry_forward(&f, &previous, &mut r, &mut p, &mut |_| Ok(())).expect("again");
    assert_eq!(r.answer("cm4").expect("answer").actions.len(), 2);

    // During the walk, last time's level is shown as context.
    let mut p = Scripted::new([Say::Key("q")]);
    walk_with(
        &f,
        &mut r,
        15,
        &mut p,
        &mut |_| Ok(()),
        &Context {
            previous: std::slice::from_ref(&previous),
            divergence: crate::score::compare::DEFAULT_DIVERGENCE,
            groups: &crate::record::Groups::default(),
            phones: None,
        },
    )
    .expect("walk");
    assert!(
        p.transcript
            .iter()
            .any(|t| t == "Last time (2025-11-13): 2 Emerging"),
        "{:?}",
        p.transcript
    );
}

/// Runs the walk with a prompter, recording every saved record.
fn run_with(
    f: &Framework,
    record: &mut Record,
    start: usize,
    p: &mut Scripted,
    previous: &[Record],
) -> (Outcome, Vec<Record>) {
    let mut saved = Vec::new();
    let outcome = walk_with(
        f,
        record,
        start,
        p,
        &mut |r| {
            saved.push(r.clone());
            Ok(())
        },
        &Context {
            previous,
            divergence: crate::score::compare::DEFAULT_DIVERGENCE,
            groups: &crate::record::Groups::default(),
            phones: None,
        },
    )
    .expect("walk");
    (outcome, saved)
}

#[test]
fn going_through_the_unanswered_ones_skips_the_answered() {
    let f = framework();
    let mut r = new_record(&f);
    for (n, (_, i)) in f.indicators().enumerate() {
        if ![1, 5].contains(&n) {
            answer_mut(&mut r, &f, &i.id.value).level = Some(unplaced(Choice::Level(3)));
        }
    }
    let mut script = vec![Say::Key("1")]; // at the end: go through the ones not answered
    script.extend(level("2")); // wc2
    script.extend(level("4")); // wc6, the other one; then nothing is left
    let mut p = Scripted::new(script);
    let (outcome, _) = run_with(&f, &mut r, 24, &mut p, &[]);
    assert_eq!(outcome, Outcome::Finished);
    assert!(p.finished());
    let asked: Vec<&String> = p
        .transcript
        .iter()
        .filter(|t| t.starts_with("? Level for"))
        .collect();
    assert_eq!(asked, ["? Level for WC2", "? Level for WC6"]);
}

#[test]
fn a_half_typed_action_is_kept_and_offered_back() {
    let f = framework();
    let mut r = new_record(&f);
    let script = vec![
        Say::Key("2"),
        Say::Enter,
        Say::Yes,
        Say::Type("Ask the forum".into()),
        Say::CtrlC, // while the owner is typed
    ];
    let mut p = Scripted::new(script);
    let (outcome, saved) = run_with(&f, &mut r, 0, &mut p, &[]);
    assert_eq!(outcome, Outcome::Interrupted);
    let last = saved.last().expect("saved");
    let draft = last.answer("wc1").and_then(|a| a.draft.action.clone());
    assert_eq!(draft.map(|d| d.what), Some("Ask the forum".to_string()));
    assert!(last.answer("wc1").is_some_and(|a| a.actions.is_empty()));

    // On resume it is offered back, finished and saved; the draft goes.
    let mut resumed = last.clone();
    let script = vec![
        Say::Enter,                      // wc1 level kept
        Say::Enter,                      // no evidence
        Say::Yes,                        // finish the action
        Say::Enter,                      // what, as typed before
        Say::Type("Forum chair".into()), // owner
        Say::Type("2026-01-31".into()),  // due, before the assessment date
        Say::No,                         // no more actions
        Say::Key("q"),
    ];
    let mut p = Scripted::new(script);
    let (_, saved) = run_with(&f, &mut resumed, 0, &mut p, &[]);
    assert!(p.finished(), "script left over");
    let a = saved.last().and_then(|r| r.answer("wc1")).expect("wc1");
    assert!(a.draft.is_empty());
    assert_eq!(a.actions.len(), 1);
    assert_eq!(a.actions[0].what, "Ask the forum");
    assert_eq!(a.actions[0].owner.as_deref(), Some("Forum chair"));
    let said = p.transcript.join("\n");
    assert!(
        said.contains("was being typed last time: “Ask the forum”"),
        "{said}"
    );
    assert!(
        said.contains("Note: 2026-01-31 is before the date of this assessment (2026-11-12)"),
        "{said}"
    );
}

#[test]
fn evidence_drafts_are_offered_back_and_notes_can_be_cleared() {
    let f = framework();
    let mut r = new_record(&f);
    let a = answer_mut(&mut r, &f, "wc1");
    a.level = Some(unplaced(Choice::Level(2)));
    a.evidence = Some("Old notes".into());
    a.draft.evidence = Some("Notes being typed".into());
    let mut p = Scripted::new(vec![Say::Enter, Say::Enter, Say::No, Say::Key("q")]);
    run_with(&f, &mut r, 0, &mut p, &[]);
    let a = r.answer("wc1").expect("wc1");
    assert_eq!(a.evidence.as_deref(), Some("Notes being typed"));
    assert!(a.draft.is_empty());
    assert!(p.transcript.iter().any(|t| t.contains("offered again")));

    let mut p = Scripted::new(vec![
        Say::Enter,
        Say::Type("/clear".into()),
        Say::No,
        Say::Key("q"),
    ]);
    run_with(&f, &mut r, 0, &mut p, &[]);
    assert_eq!(r.answer("wc1").and_then(|a| a.evidence.as_deref()), None);
}

#[test]
fn esc_in_the_follow_up_keeps_an_action_as_it_was() {
    let f = framework();
    let mut prev = new_record(&f);
    prev.date = unplaced("2025-11-12".parse().expect("date"));
    answer_mut(&mut prev, &f, "wc1").actions.push(Action {
        what: "Welcome pack".into(),
        owner: None,
        due: Some("2026-03-31".parse().expect("date")),
        status: ActionStatus::InProgress,
        note: None,
    });
    let mut r = new_record(&f);
    let mut p = Scripted::new(vec![Say::Esc]);
    let outcome = carry_forward(&f, &prev, &mut r, &mut p, &mut |_| Ok(())).expect("carry");
    assert_eq!(outcome, Outcome::Finished);
    let kept = &r.answer("wc1").expect("carried").actions;
    assert_eq!(kept.len(), 1, "Esc never drops an action");
    assert_eq!(kept[0].status, ActionStatus::InProgress);
    let said = p.transcript.join("\n");
    assert!(said.contains("1 action was agreed"), "{said}");
    assert!(said.contains("due 2026-03-31 (overdue)"), "{said}");
}

#[test]
fn a_missing_editor_is_a_message_and_the_notes_are_asked_again() {
    struct NoEditor(Scripted);
    impl Prompter for NoEditor {
        fn show(&mut self, text: &str) {
            self.0.show(text);
        }
        fn choose(&mut self, q: &str, items: &[Item], d: usize) -> Result<Option<usize>, Stop> {
            self.0.choose(q, items, d)
        }
        fn text(&mut self, q: &str, d: &str, h: &str) -> Result<Reply, Stop> {
            self.0.text(q, d, h)
        }
        fn editor(&mut self, _: &str, _: &str) -> Result<Reply, Stop> {
            Err(Stop::Failed("no editor found".into()))
        }
        fn confirm(&mut self, q: &str, d: bool) -> Result<bool, Stop> {
            self.0.confirm(q, d)
        }
    }
    let f = framework();
    let mut r = new_record(&f);
    let mut p = NoEditor(Scripted::new(vec![
        Say::Key("3"),
        Say::Type("/edit".into()),
        Say::Enter, // the level, again
        Say::Type("Typed here instead".into()),
        Say::No,
        Say::Key("q"),
    ]));
    let outcome = walk(&f, &mut r, 0, &mut p, &mut |_| Ok(())).expect("walk goes on");
    assert_eq!(outcome, Outcome::Quit);
    assert_eq!(
        r.answer("wc1").and_then(|a| a.evidence.as_deref()),
        Some("Typed here instead")
    );
    assert!(
        p.0.transcript
            .iter()
            .any(|t| t.contains("The editor could not be opened (no editor found)"))
    );
}

#[test]
fn plain_mode_has_no_decorations_and_true_hints() {
    let f = framework();
    let mut r = new_record(&f);
    answer_mut(&mut r, &f, "wc1").actions.push(Action {
        what: "x".into(),
        owner: None,
        due: None,
        status: ActionStatus::NotStarted,
        note: None,
    });
    let mut p = Scripted::plain(vec![Say::Key("q")]);
    run_with(&f, &mut r, 0, &mut p, &[]);
    let screen = p.transcript.join("\n");
    for c in ['─', '•', '·'] {
        assert!(!screen.contains(c), "{c:?} in {screen}");
    }
    assert!(
        screen.contains("Welcome and Care, indicator 1 of 6, 1 of 24 overall"),
        "{screen}"
    );
    assert!(screen.contains("1 action"), "{screen}");
    assert!(!screen.contains("action(s)"), "{screen}");
}

#[test]
fn last_time_shows_each_group_of_a_workshop_record() {
    let f = framework();
    let mut prev = workshop_record(&f);
    let a = answer_mut(&mut prev, &f, "wc1");
    a.levels
        .insert("parent-carers".into(), unplaced(Choice::Level(2)));
    a.levels.insert("health".into(), unplaced(Choice::Level(4)));
    let mut r = new_record(&f);
    let mut p = Scripted::new(vec![Say::Key("q")]);
    run_with(&f, &mut r, 0, &mut p, std::slice::from_ref(&prev));
    assert!(
        p.transcript
            .iter()
            .any(|t| t.contains("Last time (") && t.contains("Parent carers 2 Emerging · Health 4")),
        "{:?}",
        p.transcript
    );
}

#[test]
fn a_frameworks_extra_note_is_asked_after_the_evidence_and_kept_apart() {
    let f = Framework::built_in("young-people").expect("built-in framework");
    let mut r = new_record(&f);
    let script = vec![
        Say::Key("3"),
        Say::Type("The pledge is on the website".into()),
        Say::Type("They said it, but we never see them".into()),
        Say::No,
        Say::Key("2"),
        Say::Enter, // no evidence
        Say::Enter, // nothing young people said
        Say::No,
        Say::Key("q"),
    ];
    let (outcome, _, p) = run(&f, &mut r, 0, script);
    assert_eq!(outcome, Outcome::Quit);
    assert!(p.finished(), "script left over");
    let a = r.answer("v1").expect("answer");
    assert_eq!(a.evidence.as_deref(), Some("The pledge is on the website"));
    assert_eq!(
        a.extra_note.as_deref(),
        Some("They said it, but we never see them")
    );
    assert_eq!(r.answer("v2").and_then(|a| a.extra_note.as_deref()), None);
    assert!(
        p.transcript
            .iter()
            .any(|t| t.contains("What do young people say about this?")),
        "{:?}",
        p.transcript
    );
}

#[test]
fn an_extra_note_left_half_typed_on_the_full_screen_is_offered_back_by_the_plain_walk() {
    let f = Framework::built_in("young-people").expect("built-in framework");
    let mut r = new_record(&f);
    answer_mut(&mut r, &f, "v1").draft.extra_note = Some("They said it".into());
    let script = vec![
        Say::Key("3"),
        Say::Enter, // no evidence
        Say::Enter, // the note as it was being typed
        Say::No,
        Say::Key("q"),
    ];
    let (outcome, _, p) = run(&f, &mut r, 0, script);
    assert_eq!(outcome, Outcome::Quit);
    assert!(p.finished(), "script left over");
    let a = r.answer("v1").expect("answer");
    assert_eq!(a.extra_note.as_deref(), Some("They said it"));
    assert!(a.draft.is_empty(), "{:?}", a.draft);
    assert!(
        p.transcript
            .iter()
            .any(|t| t.contains("Notes typed last time and not yet saved are offered again.")),
        "{:?}",
        p.transcript
    );
}

#[test]
fn the_walk_speaks_the_language_the_framework_is_shown_in() {
    let f = crate::framework::Framework::<crate::framework::Text>::built_in_file(
        crate::framework::DEFAULT_ID,
    )
    .expect("built-in")
    .in_language(Some("cy"))
    .expect("Welsh");
    let mut r = new_record(&f);
    let script = vec![
        Say::Key("h"),
        Say::Key("3"),
        Say::Type("Mae pawb yn cael croeso".into()),
        Say::Yes,
        Say::Type("Ysgrifennu pecyn croeso".into()),
        Say::Type(String::new()),
        Say::Type("2027-02-30".into()),
        Say::Type(String::new()),
        Say::No,
        Say::Key("q"),
    ];
    let (outcome, _, p) = run(&f, &mut r, 0, script);
    assert_eq!(outcome, Outcome::Quit);
    assert!(p.finished(), "script left over");
    let all = p.transcript.join("\n");
    for welsh in [
        "dangosydd 1 o 6",
        "Cwestiynau i siarad amdanyn nhw:",
        "Sut mae pob lefel yn edrych yma:",
        "Lefel ar gyfer WC1",
        "Sut mae hyn yn gweithio",
        "Nodiadau tystiolaeth ar gyfer WC1 (dewisol)",
        "Ychwanegu cam gweithredu ar gyfer WC1?",
        "Beth fydd yn cael ei wneud?",
        "Pwy sy'n berchen arno? (dewisol)",
        "Cam gweithredu wedi'i gadw.",
        "Ychwanegu cam gweithredu arall ar gyfer WC1?",
        "Rhowch gynnig arall, e.e. 2027-03-31",
    ] {
        assert!(all.contains(welsh), "{welsh} missing:\n{all}");
    }
    for english in [
        "Level for",
        "Evidence notes",
        "Add an action",
        "Questions to talk about",
        "What each level looks like",
        "Skip for now",
        "How this works",
    ] {
        assert!(!all.contains(english), "{english} in:\n{all}");
    }
    // The choices at each level, too.
    let (items, _) = level_items(&f);
    let labels: Vec<String> = items.iter().map(|i| format!("{i:?}")).collect();
    let labels = labels.join(" ");
    assert!(labels.contains("Neidio am y tro"), "{labels}");
    assert!(labels.contains("Cadw a gadael"), "{labels}");
    assert!(!labels.contains("Skip for now"), "{labels}");
}

#[test]
fn a_vote_line_by_line_is_counted_saved_and_then_agreed() {
    let f = framework();
    let mut r = new_record(&f);
    let mut script = vec![Say::Key("v")];
    // 2 chose level 1, none level 2, 1 level 3, 6 level 4, 3 level 5, none n/a, 1 don't know.
    for n in ["2", "", "1", "6", "3", "", "1"] {
        script.push(if n.is_empty() {
            Say::Enter
        } else {
            Say::Type(n.into())
        });
    }
    script.extend(level("4"));
    script.push(Say::Key("q"));
    let (outcome, saves, p) = run(&f, &mut r, 0, script);
    assert_eq!(outcome, Outcome::Quit);
    assert_eq!(saves, 2, "the vote, then the level");
    let a = r.answer("wc1").expect("answer");
    assert_eq!(a.level.as_ref().map(|l| l.value), Some(Choice::Level(4)));
    assert_eq!(a.votes.len(), 1);
    assert_eq!(a.votes[0].count(1), 2);
    assert_eq!(a.votes[0].count(4), 6);
    assert_eq!(a.votes[0].dont_know.0, 1);
    assert_eq!(a.votes[0].total(), 13);
    let said = p.transcript.join("\n");
    assert!(
        said.contains("Saved the vote on WC1: 13 counted, spread 4.0 levels. Views are far apart: talk about this. Now choose the level the room agrees."),
        "{said}"
    );
    assert!(said.contains("? How many chose 4 Established"), "{said}");
}

#[test]
fn a_vote_line_by_line_refuses_a_count_that_is_not_one_and_esc_leaves_it() {
    let f = framework();
    let mut r = new_record(&f);
    let script = vec![
        Say::Key("v"),
        Say::Type("three".into()),
        Say::Esc,
        Say::Key("q"),
    ];
    let (outcome, saves, p) = run(&f, &mut r, 0, script);
    assert_eq!(outcome, Outcome::Quit);
    assert_eq!(saves, 0, "nothing was recorded");
    assert!(r.answer("wc1").is_none_or(|a| a.votes.is_empty()));
    let said = p.transcript.join("\n");
    assert!(
        said.contains("Type a number of people, like 3 (0 for none)."),
        "{said}"
    );
    assert!(said.contains("Vote left as it was."), "{said}");
}

#[test]
fn the_details_line_by_line_are_corrected_and_checked() {
    let f = framework();
    let mut r = new_record(&f);
    let script = vec![
        Say::Key("i"),
        Say::Type("Hafren Vale Partnership Board".into()),
        Say::Type("2026-02-30".into()), // not a date: asked again
        Say::Type("2026-11-30".into()),
        Say::Type("Siân, Dev".into()),
        Say::Key("i"),
        Say::Enter,
        Say::Enter,
        Say::Type("-".into()), // no one named now
        Say::Key("i"),
        Say::Esc,
        Say::Key("q"),
    ];
    let (outcome, saves, p) = run(&f, &mut r, 0, script);
    assert_eq!(outcome, Outcome::Quit);
    assert_eq!(saves, 2);
    assert_eq!(r.partnership, "Hafren Vale Partnership Board");
    assert_eq!(r.date.value.to_string(), "2026-11-30");
    assert!(r.participants.is_empty());
    let said = p.transcript.join("\n");
    assert!(said.contains("Type it like 2026-11-12."), "{said}");
    assert!(
        said.contains("Saved: the partnership is now “Hafren Vale Partnership Board”; the date is now 2026-11-30; 2 people are named as taking part."),
        "{said}"
    );
    assert!(
        said.contains("Saved: no one is named as taking part."),
        "{said}"
    );
    assert!(said.contains("Details left as they were."), "{said}");
    assert!(r.answer("wc1").is_none(), "no level was chosen");
}

#[test]
fn actions_line_by_line_are_moved_on_deleted_and_changed() {
    let f = framework();
    let mut r = new_record(&f);
    let a = answer_mut(&mut r, &f, "wc1");
    a.level = Some(unplaced(Choice::Level(2)));
    for what in ["Write to families", "Book the hall"] {
        a.actions.push(crate::record::Action {
            what: what.into(),
            owner: Some("Forum chair".into()),
            due: None,
            status: ActionStatus::NotStarted,
            note: None,
        });
    }
    let script = vec![
        // The second one is done, with a note.
        Say::Key("a"),
        Say::Key("2"),
        Say::Key("2"),
        Say::Key("3"),
        Say::Type("Booked for March".into()),
        Say::No,
        // The first is deleted.
        Say::Key("a"),
        Say::Key("1"),
        Say::Key("3"),
        Say::Yes,
        Say::No,
        // The one left is reworded; its owner kept.
        Say::Key("a"),
        Say::Key("1"),
        Say::Key("1"),
        Say::Type("Book the hall for every term".into()),
        Say::Enter,
        Say::Enter,
        Say::No,
        Say::Key("q"),
    ];
    let (outcome, saves, p) = run(&f, &mut r, 0, script);
    assert_eq!(outcome, Outcome::Quit);
    assert!(saves >= 3, "{saves}");
    let actions = &r.answer("wc1").expect("wc1").actions;
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(actions[0].what, "Book the hall for every term");
    assert_eq!(actions[0].owner.as_deref(), Some("Forum chair"));
    assert_eq!(actions[0].status, ActionStatus::Done);
    assert_eq!(actions[0].note.as_deref(), Some("Booked for March"));
    assert_eq!(
        r.answer("wc1")
            .and_then(|a| a.level.as_ref())
            .map(|l| l.value),
        Some(Choice::Level(2)),
        "the level is untouched"
    );
    let said = p.transcript.join("\n");
    assert!(said.contains("Saved: the action is now done."), "{said}");
    assert!(said.contains("Deleted."), "{said}");
}

#[test]
fn a_vote_line_by_line_flags_talk_about_this_from_the_divergence_given() {
    let f = framework();
    let mut r = new_record(&f);
    let mut script = vec![Say::Key("v")];
    for n in ["2", "", "", "", "3", "", ""] {
        script.push(if n.is_empty() {
            Say::Enter
        } else {
            Say::Type(n.into())
        });
    }
    script.push(Say::Key("q"));
    let mut p = Scripted::new(script);
    // A spread of 4 levels, under a divergence of 4.5 (from coprod.toml, say).
    let context = Context {
        previous: &[],
        divergence: 4.5,
        groups: &crate::record::Groups::default(),
        phones: None,
    };
    walk_with(&f, &mut r, 0, &mut p, &mut |_| Ok(()), &context).expect("walk");
    let said = p.transcript.join("\n");
    assert!(said.contains("5 counted, spread 4.0 levels."), "{said}");
    assert!(!said.contains("talk about this"), "{said}");
}
