//! The screen without a terminal: the rules through [`State::apply`], the drawing through
//! ratatui's `TestBackend`, pinned as snapshots.

use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::draw::draw;
use super::keys;
use super::state::{Action, Commands, Screen, State, Status};
use super::test_support::{
    apply, chars, drawn as screen, part_way, press, record_of, scorer, state,
};
use crate::diagnostic::{Source, unplaced};
use crate::framework::{DEFAULT_ID, Framework};
use crate::record::{Action as Todo, Choice, Record, ScoredBy, ScorerKind};

fn framework() -> Framework {
    Framework::built_in(DEFAULT_ID).expect("built-in framework")
}

fn record(f: &Framework) -> Record {
    record_of(f, "Hafren Vale SEND Partnership")
}

/// An ordinary indicator part-way through a session: WC2 with a level, evidence and an action.
fn ordinary(f: &Framework) -> State<'_> {
    let mut s = part_way(
        f,
        record(f),
        "Hybrid room at Canolfan Cymuned worked well\nSecond line",
        ("Ask families which evenings suit them", "Forum coordinator"),
    );
    s.status = Some(Status::Done("Saved: 2 Emerging for WC1".into()));
    s
}

#[test]
fn an_ordinary_indicator_at_three_sizes() {
    let f = framework();
    let s = ordinary(&f);
    insta::assert_snapshot!("ordinary_60x20", screen(&s, 60, 20));
    insta::assert_snapshot!("ordinary_80x24", screen(&s, 80, 24));
    insta::assert_snapshot!("ordinary_120x40", screen(&s, 120, 40));
}

const LONG: &str = r#"
id: long
title: Long statements
version: "1"
section_noun: principle
scale:
  - { value: 1, label: Not yet, meaning: Not happening. }
  - { value: 2, label: Sometimes, meaning: Happens now and then. }
  - { value: 3, label: Always, meaning: Happens every time. }
sections:
  - id: s
    title: Information
    indicators:
      - id: in1
        statement: >-
          Families get clear, timely and accessible information about every decision that
          affects their children, in the languages and formats they need (easy read, large
          print, British Sign Language, Welsh and community languages), with a named person
          to ask, and they are told afterwards what was decided, why it was decided, what
          their views changed and what happens next, without having to chase anyone for it.
        guidance:
          - Ask three families how they heard about the last big change.
          - Who checks that letters are written in plain words?
        levels:
          1: Families hear about decisions late, if at all.
          3: Families always hear in good time, in a way that suits them.
"#;

fn long_framework() -> Framework {
    Framework::parse(&Source::named("long.yaml", LONG)).expect("valid framework")
}

#[test]
fn a_long_statement_is_wrapped_whole_at_three_sizes() {
    let f = long_framework();
    let s = state(&f, record(&f), 0);
    for (w, h) in [(60, 20), (80, 24), (120, 40)] {
        let text = screen(&s, w, h);
        assert!(
            on_screen(&text, &f.sections.value[0].indicators.value[0].statement),
            "{text}"
        );
        insta::assert_snapshot!(format!("long_{w}x{h}"), text);
    }
}

/// Whether every word of `statement` is on the screen, in order and together.
fn on_screen(screen: &str, statement: &str) -> bool {
    let flat: Vec<&str> = screen.split_whitespace().collect();
    let words: Vec<&str> = statement.split_whitespace().collect();
    flat.windows(words.len()).any(|w| w == words.as_slice())
}

#[test]
fn every_built_in_statement_is_wholly_on_screen_at_60x20() {
    let f = framework();
    for at in 0..f.indicator_count() {
        let mut s = ordinary(&f);
        s.at = at;
        let (_, ind) = s.current().expect("indicator");
        let text = screen(&s, 60, 20);
        let id = ind.id.value.to_uppercase();
        assert!(on_screen(&text, &ind.statement), "{id}:\n{text}");
        assert!(
            text.contains(&format!("Indicator {} of 24", at + 1)),
            "{text}"
        );
        assert!(text.contains("5 Embedded"), "the levels are shown:\n{text}");
        assert!(
            text.contains("save & quit"),
            "the key bar is shown:\n{text}"
        );
    }
}

#[test]
fn the_screen_redraws_at_a_new_size() {
    let f = framework();
    let s = ordinary(&f);
    let mut t = Terminal::new(TestBackend::new(120, 40)).expect("test terminal");
    t.draw(|fr| draw(fr, &s)).expect("draw");
    t.backend_mut().resize(60, 20);
    t.autoresize().expect("resize");
    t.draw(|fr| draw(fr, &s)).expect("draw");
    let buf = t.backend().buffer();
    let mut text = String::new();
    for y in 0..20 {
        for x in 0..60 {
            text.push_str(buf[(x, y)].symbol());
        }
        text.push('\n');
    }
    assert_eq!(
        text.lines().map(str::trim_end).collect::<Vec<_>>(),
        screen(&s, 60, 20).lines().collect::<Vec<_>>()
    );
}

#[test]
fn a_digit_saves_that_level_says_so_and_moves_on() {
    let f = framework();
    let mut s = state(&f, record(&f), 0);
    let saves = press(&mut s, &[KeyCode::Char('3')]);
    assert_eq!(saves, 1);
    assert_eq!(s.record.choice("wc1"), Some(Choice::Level(3)));
    assert_eq!(s.at, 1);
    assert_eq!(
        s.status,
        Some(Status::Done("Saved: 3 Developing for WC1".into()))
    );
    assert!(screen(&s, 80, 24).contains("✓ Saved: 3 Developing for WC1"));
    // n is not applicable, not "1 Not yet".
    press(&mut s, &[KeyCode::Char('n')]);
    assert_eq!(s.record.choice("wc2"), Some(Choice::NotApplicable));
    // Changing an earlier level is one key after going back.
    press(
        &mut s,
        &[KeyCode::Char('b'), KeyCode::Char('b'), KeyCode::Char('5')],
    );
    assert_eq!(s.record.choice("wc1"), Some(Choice::Level(5)));
}

#[test]
fn keys_that_mean_nothing_record_nothing_and_say_so() {
    let f = framework();
    let mut s = state(&f, record(&f), 0);
    let mut saves = 0;
    for code in [
        KeyCode::Char('x'),
        KeyCode::Char('h'),
        KeyCode::Char('y'),
        KeyCode::Char('7'),
        KeyCode::Char('0'),
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::F(5),
        KeyCode::Char(' '),
    ] {
        saves += press(&mut s, &[code]);
        assert!(
            matches!(s.status, Some(Status::Refused(_))),
            "{code:?}: {:?}",
            s.status
        );
        assert_eq!(s.at, 0, "{code:?} moved");
    }
    let pasted = keys::paste(&s, "3");
    saves += apply(&mut s, pasted);
    assert_eq!(saves, 0);
    assert!(s.record.answers.is_empty(), "{:?}", s.record.answers);
    let text = screen(&s, 80, 24);
    assert!(text.contains("! Pasting means nothing here"), "{text}");
    // Ctrl and Alt with a level key choose nothing either.
    let alt = keys::action(&s, KeyEvent::new(KeyCode::Char('3'), KeyModifiers::ALT));
    assert!(matches!(alt, Some(Action::Nothing(_))), "{alt:?}");
}

#[test]
fn skip_back_next_and_the_first_indicator() {
    let f = framework();
    let mut s = state(&f, record(&f), 0);
    press(&mut s, &[KeyCode::Left]);
    assert!(matches!(s.status, Some(Status::Refused(_))));
    assert_eq!(s.at, 0);
    assert_eq!(press(&mut s, &[KeyCode::Char('s'), KeyCode::Right]), 0);
    assert_eq!(s.at, 2);
    assert!(s.record.answers.is_empty());
    press(&mut s, &[KeyCode::Char('b')]);
    assert_eq!(s.at, 1);
}

#[test]
fn scales_past_nine_take_two_digits() {
    let yaml = r#"
id: ten
title: Ten
version: "1"
scale:
  - { value: 1, label: One, meaning: a }
  - { value: 2, label: Two, meaning: b }
  - { value: 10, label: Ten, meaning: c }
sections:
  - id: s
    title: S
    indicators:
      - { id: a1, statement: First. }
      - { id: a2, statement: Second. }
      - { id: a3, statement: Third. }
"#;
    let f = Framework::parse(&Source::named("ten.yaml", yaml)).expect("framework");
    let mut s = state(&f, record(&f), 0);
    assert_eq!(
        press(&mut s, &[KeyCode::Char('1')]),
        0,
        "1 could be 10: wait"
    );
    assert_eq!(press(&mut s, &[KeyCode::Char('0')]), 1);
    assert_eq!(s.record.choice("a1"), Some(Choice::Level(10)));
    press(&mut s, &[KeyCode::Char('1'), KeyCode::Enter]);
    assert_eq!(s.record.choice("a2"), Some(Choice::Level(1)));
    assert_eq!(press(&mut s, &[KeyCode::Char('3')]), 0);
    assert!(s.record.choice("a3").is_none());
}

#[test]
fn workshop_mode_asks_each_group_then_moves_on() {
    let f = framework();
    let mut r = record(&f);
    r.scored_by = scorer(ScorerKind::Workshop, &["parent-carers", "health"]);
    let mut s = state(&f, r, 0);
    press(&mut s, &[KeyCode::Char('2')]);
    assert_eq!(s.at, 0, "the next group gives its level");
    assert_eq!(s.group, 1);
    let text = screen(&s, 80, 24);
    assert!(text.contains("▶ Health"), "{text}");
    insta::assert_snapshot!("workshop_80x24", text);
    for (w, h) in [(60, 20), (120, 40)] {
        let text = screen(&s, w, h);
        assert!(text.contains("▶ Health"), "{w}x{h}:\n{text}");
        insta::assert_snapshot!(format!("workshop_{w}x{h}"), text);
    }
    press(&mut s, &[KeyCode::Char('4')]);
    assert_eq!(s.at, 1);
    let a = s.record.answer("wc1").expect("answer");
    assert_eq!(a.levels["parent-carers"].value, Choice::Level(2));
    assert_eq!(a.levels["health"].value, Choice::Level(4));
    assert!(a.level.is_none());
}

#[test]
fn evidence_is_typed_on_several_lines_and_saved_on_esc() {
    let f = framework();
    let mut s = state(&f, record(&f), 0);
    press(&mut s, &[KeyCode::Char('e')]);
    assert!(matches!(s.screen, Screen::Evidence(_)));
    // Keys that mean something elsewhere are text here.
    let mut codes = chars("q3 nb");
    codes.push(KeyCode::Enter);
    codes.extend(chars("Siân's café"));
    assert_eq!(press(&mut s, &codes), 0);
    insta::assert_snapshot!("evidence_60x20", screen(&s, 60, 20));
    assert_eq!(press(&mut s, &[KeyCode::Esc]), 1);
    assert_eq!(
        s.record.answer("wc1").and_then(|a| a.evidence.as_deref()),
        Some("q3 nb\nSiân's café")
    );
    assert!(s.record.choice("wc1").is_none());
    assert_eq!(s.screen, Screen::Indicator);
}

#[test]
fn the_overview_goes_anywhere_and_ends_the_walk() {
    let f = framework();
    let mut s = ordinary(&f);
    press(&mut s, &[KeyCode::Char('g')]);
    insta::assert_snapshot!("overview_80x24", screen(&s, 80, 24));
    insta::assert_snapshot!("overview_60x20", screen(&s, 60, 20));
    insta::assert_snapshot!("overview_120x40", screen(&s, 120, 40));
    press(&mut s, &[KeyCode::Down, KeyCode::Down, KeyCode::Enter]);
    assert_eq!(s.at, 3);
    assert_eq!(s.screen, Screen::Indicator);
    // Past the last indicator: the overview as the end of the session.
    s.at = 23;
    press(&mut s, &[KeyCode::Right]);
    assert!(matches!(s.screen, Screen::Overview { end: true, .. }));
    let text = screen(&s, 80, 24);
    assert!(
        text.contains("To carry on later: coprod assess --resume r.yaml"),
        "{text}"
    );
    press(&mut s, &[KeyCode::Char('q')]);
    assert_eq!(s.outcome, Some(crate::assess::Outcome::Quit));
}

#[test]
fn ctrl_c_stops_on_every_screen() {
    let f = framework();
    for open in [None, Some('e'), Some('g'), Some('?')] {
        let mut s = state(&f, record(&f), 0);
        if let Some(c) = open {
            press(&mut s, &[KeyCode::Char(c)]);
        }
        let a = keys::action(&s, KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL))
            .expect("action");
        apply(&mut s, [a]);
        assert_eq!(
            s.outcome,
            Some(crate::assess::Outcome::Interrupted),
            "{open:?}"
        );
    }
}

fn tick(s: &mut State<'_>, secs: u64) -> usize {
    let now = s.elapsed + Duration::from_secs(secs);
    apply(s, [Action::Tick(now)])
}

#[test]
fn evidence_being_typed_is_a_draft_after_a_pause_and_on_ctrl_c() {
    let f = framework();
    let mut s = state(&f, record(&f), 0);
    press(&mut s, &[KeyCode::Char('e')]);
    press(&mut s, &chars("Hybrid room"));
    assert_eq!(tick(&mut s, 0), 0, "no pause yet");
    assert_eq!(tick(&mut s, 2), 1, "saved after a pause");
    let draft = |s: &State<'_>| {
        s.record
            .answer("wc1")
            .and_then(|a| a.draft.evidence.clone())
    };
    assert_eq!(draft(&s).as_deref(), Some("Hybrid room"));
    assert_eq!(tick(&mut s, 5), 0, "nothing new to save");
    press(&mut s, &chars(" worked"));
    let ctrl_c =
        keys::action(&s, KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)).expect("action");
    assert_eq!(apply(&mut s, [ctrl_c]), 1, "Ctrl-C saves the draft");
    assert_eq!(draft(&s).as_deref(), Some("Hybrid room worked"));
    assert_eq!(s.outcome, Some(crate::assess::Outcome::Interrupted));
    assert!(
        s.record
            .answer("wc1")
            .and_then(|a| a.evidence.as_deref())
            .is_none()
    );

    // The next session opens the draft where it was; Esc makes it the evidence.
    let mut again = state(&f, s.record.clone(), 5);
    assert_eq!(again.at, 0);
    assert_eq!(
        again.screen,
        Screen::Evidence(super::text::Editor::new("Hybrid room worked"))
    );
    assert!(screen(&again, 80, 24).contains("were being typed when coprod stopped"));
    assert_eq!(press(&mut again, &[KeyCode::Esc]), 1);
    let a = again.record.answer("wc1").expect("answer");
    assert_eq!(a.evidence.as_deref(), Some("Hybrid room worked"));
    assert!(a.draft.is_empty());
}

#[test]
fn actions_are_added_checked_changed_and_deleted() {
    let f = framework();
    let mut s = state(&f, record(&f), 1);
    press(&mut s, &[KeyCode::Char('a')]);
    assert!(matches!(s.screen, Screen::Actions { .. }));
    press(&mut s, &[KeyCode::Enter]);
    assert!(matches!(s.screen, Screen::Action(_)));
    let mut typing = chars("Ask families which evenings suit them");
    typing.push(KeyCode::Tab);
    typing.extend(chars("Forum coordinator"));
    typing.push(KeyCode::Tab);
    typing.extend(chars("2027-02-30"));
    assert_eq!(press(&mut s, &typing), 0);
    insta::assert_snapshot!("action_form_60x20", screen(&s, 60, 20));
    // A date that is not a date is refused; nothing is saved and the form stays.
    assert_eq!(press(&mut s, &[KeyCode::Esc]), 0);
    assert!(matches!(s.status, Some(Status::Refused(ref t)) if t.contains("not a real date")));
    assert!(matches!(s.screen, Screen::Action(_)));
    press(
        &mut s,
        &[
            KeyCode::Backspace,
            KeyCode::Backspace,
            KeyCode::Char('2'),
            KeyCode::Char('8'),
        ],
    );
    assert_eq!(press(&mut s, &[KeyCode::Esc]), 1);
    let actions = |s: &State<'_>| {
        s.record
            .answer("wc2")
            .map(|a| a.actions.clone())
            .unwrap_or_default()
    };
    assert_eq!(actions(&s).len(), 1);
    assert_eq!(actions(&s)[0].owner.as_deref(), Some("Forum coordinator"));
    assert_eq!(
        actions(&s)[0].due.map(|d| d.to_string()).as_deref(),
        Some("2027-02-28")
    );
    insta::assert_snapshot!("actions_80x24", screen(&s, 80, 24));
    // Change it: the status moves on with →.
    press(
        &mut s,
        &[
            KeyCode::Enter,
            KeyCode::Tab,
            KeyCode::Tab,
            KeyCode::Tab,
            KeyCode::Right,
            KeyCode::Right,
        ],
    );
    assert_eq!(press(&mut s, &[KeyCode::Esc]), 1);
    assert_eq!(actions(&s)[0].status, crate::record::ActionStatus::Done);
    // Deleting asks first.
    assert_eq!(press(&mut s, &[KeyCode::Char('d'), KeyCode::Char('n')]), 0);
    assert_eq!(actions(&s).len(), 1);
    assert_eq!(press(&mut s, &[KeyCode::Char('d'), KeyCode::Char('y')]), 1);
    assert!(actions(&s).is_empty());
    press(&mut s, &[KeyCode::Esc]);
    assert_eq!(s.screen, Screen::Indicator);
}

#[test]
fn an_action_half_typed_is_kept_as_a_draft_and_offered_back() {
    let f = framework();
    let mut s = state(&f, record(&f), 2);
    press(&mut s, &[KeyCode::Char('a'), KeyCode::Char('a')]);
    press(&mut s, &chars("Visit the youth forum"));
    press(&mut s, &[KeyCode::Tab]);
    press(&mut s, &chars("20"));
    assert_eq!(tick(&mut s, 2), 1);
    let draft = s
        .record
        .answer("wc3")
        .and_then(|a| a.draft.action.clone())
        .expect("draft");
    assert_eq!(draft.what, "Visit the youth forum");
    assert_eq!(draft.owner.as_deref(), Some("20"));
    let again = state(&f, s.record.clone(), 0);
    assert_eq!(again.at, 2);
    match &again.screen {
        Screen::Action(form) => assert_eq!(form.what.text(), "Visit the youth forum"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_vote_is_counted_shown_and_then_agreed() {
    let f = framework();
    let mut s = state(&f, record(&f), 0);
    press(&mut s, &[KeyCode::Char('v')]);
    assert!(matches!(s.screen, Screen::Vote(_)));
    // 2 chose level 1, none level 2, 1 level 3, 6 level 4, 3 level 5, 1 don't know.
    let mut keys_in = chars("2");
    keys_in.extend([KeyCode::Down, KeyCode::Down]);
    keys_in.extend(chars("1"));
    keys_in.push(KeyCode::Down);
    keys_in.extend(chars("6"));
    keys_in.push(KeyCode::Down);
    keys_in.extend(chars("3"));
    keys_in.extend([KeyCode::Down, KeyCode::Down]);
    keys_in.extend(chars("1"));
    assert_eq!(press(&mut s, &keys_in), 0, "counts are saved when done");
    insta::assert_snapshot!("vote_80x24", screen(&s, 80, 24));
    insta::assert_snapshot!("vote_60x20", screen(&s, 60, 20));
    insta::assert_snapshot!("vote_120x40", screen(&s, 120, 40));
    assert_eq!(press(&mut s, &[KeyCode::Enter]), 1);
    let text = screen(&s, 60, 20);
    assert!(text.contains("TALK ABOUT THIS"), "{text}");
    assert_eq!(press(&mut s, &[KeyCode::Char('4')]), 1);
    assert_eq!(s.at, 1, "agreeing a level moves on");
    let a = s.record.answer("wc1").expect("answer");
    assert_eq!(a.level.as_ref().map(|l| l.value), Some(Choice::Level(4)));
    assert_eq!(a.votes.len(), 1);
    assert_eq!(a.votes[0].count(4), 6);
    assert_eq!(a.votes[0].dont_know.0, 1);
    assert_eq!(a.votes[0].total(), 13);
    // Going back shows the votes with the level.
    press(&mut s, &[KeyCode::Char('b')]);
    assert!(screen(&s, 80, 24).contains("Votes: 13 voted · spread 4"));
}

#[test]
fn a_room_can_agree_to_disagree_with_a_note() {
    let f = framework();
    let mut s = state(&f, record(&f), 0);
    let mut k = vec![KeyCode::Char('v')];
    k.extend(chars("3"));
    k.extend([KeyCode::Down, KeyCode::Down, KeyCode::Down, KeyCode::Down]);
    k.extend(chars("3"));
    k.push(KeyCode::Enter);
    press(&mut s, &k);
    press(&mut s, &[KeyCode::Char('d')]);
    // An empty note records nothing.
    press(&mut s, &[KeyCode::Esc]);
    assert!(
        s.record
            .answer("wc1")
            .is_some_and(|a| a.disagreed.is_none())
    );
    press(&mut s, &[KeyCode::Char('d')]);
    press(&mut s, &chars("Parents see less of this than staff do"));
    assert_eq!(press(&mut s, &[KeyCode::Esc]), 1);
    let a = s.record.answer("wc1").expect("answer");
    assert_eq!(
        a.disagreed.as_ref().map(|d| d.value.as_str()),
        Some("Parents see less of this than staff do")
    );
    assert!(a.level.is_none());
    assert_eq!(s.at, 1);
}

#[test]
fn workshop_votes_are_per_group() {
    let f = framework();
    let mut r = record(&f);
    r.scored_by = scorer(ScorerKind::Workshop, &["parent-carers", "health"]);
    let mut s = state(&f, r, 0);
    let mut k = vec![KeyCode::Char('v')];
    k.extend(chars("4"));
    k.push(KeyCode::Enter);
    press(&mut s, &k);
    press(&mut s, &[KeyCode::Char('d')]);
    assert!(matches!(s.status, Some(Status::Refused(_))));
    press(&mut s, &[KeyCode::Char('1')]);
    let a = s.record.answer("wc1").expect("answer");
    assert_eq!(a.votes[0].group(), Some("parent-carers"));
    assert_eq!(a.levels["parent-carers"].value, Choice::Level(1));
    assert_eq!(s.group, 1, "then the next group");
}

/// Last year's record for `--from`: WC1 at level 2 with two actions, one due before this
/// year's assessment and not done (overdue), one done.
fn last_year(f: &Framework) -> Record {
    let mut r = Record::new(
        f,
        "Hafren Vale SEND Partnership".into(),
        "2025-11-13"
            .parse::<crate::record::IsoDate>()
            .expect("date")
            .0,
        scorer(ScorerKind::Room, &[]),
    );
    let a = crate::assess::answer_mut(&mut r, f, "wc1");
    a.level = Some(unplaced(Choice::Level(2)));
    let due = |d: &str| Some(d.parse::<crate::record::IsoDate>().expect("date"));
    a.actions.push(Todo {
        what: "Hold two evening meetings a term".into(),
        owner: Some("Forum coordinator".into()),
        due: due("2026-03-31"),
        status: crate::record::ActionStatus::InProgress,
        note: None,
    });
    a.actions.push(Todo {
        what: "Pay for taxis to meetings".into(),
        owner: None,
        due: due("2026-01-31"),
        status: crate::record::ActionStatus::Done,
        note: None,
    });
    r
}

#[test]
fn a_from_session_shows_last_time_and_marks_overdue_actions() {
    let f = framework();
    let earlier = [last_year(&f)];
    let mut s = State::new(&f, record(&f), 0, &earlier);
    s.commands = Commands {
        resume: "coprod assess --resume r.yaml --from last.yaml".into(),
        report: "coprod report last.yaml r.yaml".into(),
    };
    for (w, h) in [(60, 20), (80, 24), (120, 40)] {
        let text = screen(&s, w, h);
        assert!(
            text.contains("Last time (2025-11-13): 2 Emerging"),
            "{w}x{h}:\n{text}"
        );
        insta::assert_snapshot!(format!("from_{w}x{h}"), text);
    }
    let text = screen(&s, 120, 40);
    assert!(text.contains("Hold two evening meetings a term"), "{text}");
    assert_eq!(
        text.matches("OVERDUE").count(),
        1,
        "only the open action past its date is overdue:\n{text}"
    );
    // Once followed up as done, it is no longer overdue.
    crate::assess::answer_mut(&mut s.record, &f, "wc1")
        .actions
        .push(Todo {
            status: crate::record::ActionStatus::Done,
            ..earlier[0].answers[0].actions[0].clone()
        });
    let text = screen(&s, 120, 40);
    assert!(!text.contains("OVERDUE"), "{text}");
    assert!(text.contains("now done"), "{text}");
}

#[test]
fn several_earlier_records_each_have_their_line() {
    let f = framework();
    let mut pc = last_year(&f);
    pc.scored_by = ScoredBy {
        group: Some("parent-carers".into()),
        ..scorer(ScorerKind::Group, &[])
    };
    let mut la = last_year(&f);
    la.scored_by = ScoredBy {
        group: Some("local-authority".into()),
        ..scorer(ScorerKind::Group, &[])
    };
    crate::assess::answer_mut(&mut la, &f, "wc1").level = Some(unplaced(Choice::Level(4)));
    let earlier = [pc, la];
    let s = State::new(&f, record(&f), 0, &earlier);
    let text = screen(&s, 120, 40);
    assert!(
        text.contains("Last time (2025-11-13, Parent carers): 2 Emerging"),
        "{text}"
    );
    assert!(
        text.contains("Last time (2025-11-13, Local authority): 4 Established"),
        "{text}"
    );
}

#[test]
fn with_stay_a_chosen_level_keeps_the_indicator_on_screen() {
    let f = framework();
    let mut s = state(&f, record(&f), 0);
    s.stay = true;
    assert_eq!(press(&mut s, &[KeyCode::Char('3')]), 1);
    assert_eq!(s.record.choice("wc1"), Some(Choice::Level(3)));
    assert_eq!(s.at, 0, "the indicator stays");
    let text = screen(&s, 80, 24);
    assert!(text.contains("[3 Developing]"), "{text}");
    assert!(
        text.contains("Saved: 3 Developing for WC1. → goes on to the next indicator."),
        "{text}"
    );
    // Changing it is one key, and → moves on.
    assert_eq!(press(&mut s, &[KeyCode::Char('4')]), 1);
    assert_eq!(s.record.choice("wc1"), Some(Choice::Level(4)));
    press(&mut s, &[KeyCode::Right]);
    assert_eq!(s.at, 1);
}

#[test]
fn a_due_date_before_the_assessment_is_saved_with_a_warning() {
    let f = framework();
    let mut s = state(&f, record(&f), 0);
    press(&mut s, &[KeyCode::Char('a'), KeyCode::Enter]);
    let mut typing = chars("Write to every family");
    typing.extend([KeyCode::Tab, KeyCode::Tab]);
    typing.extend(chars("2026-01-31"));
    press(&mut s, &typing);
    assert_eq!(press(&mut s, &[KeyCode::Esc]), 1, "it is saved");
    let saved = s
        .record
        .answer("wc1")
        .map(|a| a.actions.clone())
        .unwrap_or_default();
    assert_eq!(saved.len(), 1);
    let text = screen(&s, 120, 40);
    assert!(
        text.contains("! Saved the action for WC1. Note: it is due 2026-01-31, before the date of this assessment (2026-11-12)"),
        "{text}"
    );
    // A date after the assessment says nothing more.
    press(&mut s, &[KeyCode::Char('a')]);
    let mut typing = chars("Ask again in spring");
    typing.extend([KeyCode::Tab, KeyCode::Tab]);
    typing.extend(chars("2027-04-30"));
    press(&mut s, &typing);
    press(&mut s, &[KeyCode::Esc]);
    assert_eq!(
        s.status,
        Some(Status::Done("Saved the action for WC1.".into()))
    );
}

#[test]
fn the_details_screen_corrects_the_partnership_date_and_who_takes_part() {
    let f = framework();
    let mut s = state(&f, record(&f), 3);
    assert_eq!(press(&mut s, &[KeyCode::Char('i')]), 0);
    assert!(matches!(s.screen, Screen::Details(_)));
    insta::assert_snapshot!("details_80x24", screen(&s, 80, 24));
    // Keys that mean something elsewhere are text here: "q3" ends the name.
    let mut typing = vec![KeyCode::End];
    typing.extend(chars(" q3"));
    typing.push(KeyCode::Tab);
    typing.extend([KeyCode::Backspace, KeyCode::Backspace]);
    typing.extend(chars("31"));
    typing.push(KeyCode::Enter);
    typing.extend(chars("Siân, Dev , ,Mo"));
    assert_eq!(press(&mut s, &typing), 0, "nothing is saved while typing");
    // A date that is not one is refused; nothing changes and the form stays.
    assert_eq!(press(&mut s, &[KeyCode::Esc]), 0);
    assert!(
        matches!(&s.status, Some(Status::Refused(t)) if t.contains("Type it like 2026-11-12")),
        "{:?}",
        s.status
    );
    assert!(matches!(s.screen, Screen::Details(_)));
    assert_eq!(s.record.partnership, "Hafren Vale SEND Partnership");
    press(
        &mut s,
        &[KeyCode::Up, KeyCode::Backspace, KeyCode::Char('0')],
    );
    assert_eq!(press(&mut s, &[KeyCode::Esc]), 1);
    assert_eq!(s.screen, Screen::Indicator);
    assert_eq!(s.at, 3, "the same indicator shows");
    assert_eq!(s.record.partnership, "Hafren Vale SEND Partnership q3");
    assert_eq!(s.record.date.value.to_string(), "2026-11-30");
    assert_eq!(s.record.participants, ["Siân", "Dev", "Mo"]);
    assert_eq!(
        s.status.as_ref().map(Status::text),
        Some(
            "Saved: the partnership is now “Hafren Vale SEND Partnership q3”; the date is now 2026-11-30; 3 people are named as taking part."
        )
    );
    assert!(s.record.choice("wc4").is_none(), "no level was chosen");
    // Opening it again and closing it changes nothing and saves nothing.
    assert_eq!(press(&mut s, &[KeyCode::Char('i'), KeyCode::Esc]), 0);
    assert_eq!(
        s.status,
        Some(Status::Done("Nothing in the details changed.".into()))
    );
}

#[test]
fn ctrl_c_in_the_details_keeps_what_can_be_kept() {
    let f = framework();
    let mut s = state(&f, record(&f), 0);
    press(&mut s, &[KeyCode::Char('i')]);
    let mut typing = vec![KeyCode::End];
    typing.extend(chars(" Board"));
    typing.extend([KeyCode::Tab, KeyCode::Backspace]);
    typing.extend([KeyCode::Tab]);
    typing.extend(chars("Siân"));
    press(&mut s, &typing);
    let ctrl_c = keys::action(&s, KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL))
        .expect("an action");
    assert_eq!(apply(&mut s, [ctrl_c]), 1);
    assert_eq!(s.outcome, Some(crate::assess::Outcome::Interrupted));
    assert_eq!(s.record.partnership, "Hafren Vale SEND Partnership Board");
    assert_eq!(s.record.participants, ["Siân"]);
    assert_eq!(
        s.record.date.value.to_string(),
        "2026-11-12",
        "a half-typed date stays as it was"
    );
}

#[test]
fn notes_sent_to_your_editor_are_a_draft_first_and_a_failure_loses_nothing() {
    let f = framework();
    let mut s = state(&f, record(&f), 0);
    press(&mut s, &[KeyCode::Char('e')]);
    press(&mut s, &chars("Typed here"));
    let ctrl_e = keys::action(&s, KeyEvent::new(KeyCode::Char('e'), KeyModifiers::CONTROL))
        .expect("an action");
    assert_eq!(ctrl_e, Action::OwnEditor);
    assert_eq!(
        apply(&mut s, [ctrl_e]),
        1,
        "the notes are a draft before it opens"
    );
    assert_eq!(s.own_editor.as_deref(), Some("Typed here"));
    assert_eq!(
        s.record
            .answer("wc1")
            .and_then(|a| a.draft.evidence.as_deref()),
        Some("Typed here")
    );
    // The editor could not start: a message, and the notes as they were.
    s.own_editor = None;
    apply(&mut s, [Action::FromEditor(Err("No editor is set".into()))]);
    assert!(matches!(&s.status, Some(Status::Refused(t)) if t == "No editor is set"));
    assert!(matches!(&s.screen, Screen::Evidence(e) if e.text() == "Typed here"));
    // Back from the editor: its text replaces the notes, as a draft until Esc.
    assert_eq!(
        apply(
            &mut s,
            [Action::FromEditor(Ok("Typed here\nand there".into()))]
        ),
        1
    );
    assert!(matches!(&s.screen, Screen::Evidence(e) if e.text() == "Typed here\nand there"));
    assert_eq!(press(&mut s, &[KeyCode::Esc]), 1);
    assert_eq!(
        s.record.answer("wc1").and_then(|a| a.evidence.as_deref()),
        Some("Typed here\nand there")
    );
    assert!(s.record.answer("wc1").is_some_and(|a| a.draft.is_empty()));
    // Ctrl-E means nothing outside the notes.
    let elsewhere = keys::action(&s, KeyEvent::new(KeyCode::Char('e'), KeyModifiers::CONTROL));
    assert!(
        matches!(elsewhere, Some(Action::Nothing(_))),
        "{elsewhere:?}"
    );
}

#[test]
fn every_statement_of_every_built_in_framework_edition_and_language_is_whole_at_60x20() {
    use crate::framework::{BUILT_IN, EDITIONS};
    let mut files: Vec<(String, Framework<crate::framework::Text>)> = BUILT_IN
        .iter()
        .map(|(id, _)| {
            let f = Framework::<crate::framework::Text>::built_in_file(id).expect("built in");
            ((*id).to_string(), f)
        })
        .collect();
    files.extend(EDITIONS.iter().map(|(id, edition, _)| {
        let f = Framework::<crate::framework::Text>::built_in_edition(id, edition)
            .expect("built-in edition");
        (format!("{id} ({edition})"), f)
    }));
    let mut checked = 0;
    for (name, file) in &files {
        for language in file.languages() {
            let f = file.in_language(Some(language)).expect("a language it has");
            let (_, hi) = f.scale_range();
            let top = f
                .level(hi)
                .map(|l| format!("{hi} {}", l.label))
                .expect("top level");
            let n = f.indicator_count();
            let mut s = state(&f, record(&f), 0);
            for at in 0..n {
                s.at = at;
                let (_, ind) = s.current().expect("indicator");
                let text = screen(&s, 60, 20);
                let id = ind.id.value.to_uppercase();
                let whole = on_screen(&text, &super::text::clean(&ind.statement));
                assert!(whole, "{name} [{language}] {id}:\n{text}");
                let here = s.tf(
                    "screen-indicator-of",
                    &[("n", (at + 1).into()), ("total", n.into())],
                );
                assert!(
                    text.contains(&here),
                    "{name} [{language}] {id}: where we are\n{text}"
                );
                assert!(
                    on_screen(&text, &top),
                    "{name} [{language}] {id}: levels\n{text}"
                );
                assert!(
                    text.contains(&s.t("screen-key-quit")),
                    "{name} [{language}] {id}:\n{text}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked} screens checked");
}

#[test]
fn the_details_form_reads_well_at_60x20() {
    let f = framework();
    let mut r = record(&f);
    r.participants = vec!["Siân".into(), "Dev".into()];
    let mut s = state(&f, r, 3);
    press(&mut s, &[KeyCode::Char('i')]);
    let text = screen(&s, 60, 20);
    // Each value beside its label, the hints under the values they are for.
    assert!(
        text.contains("▶ Partnership: Hafren Vale SEND Partnership"),
        "{text}"
    );
    assert!(text.contains("  Taking part: Siân, Dev\n"), "{text}");
    insta::assert_snapshot!("details_60x20", text);
}

#[test]
fn the_help_scrolls_when_it_does_not_fit_and_says_how() {
    let f = framework();
    let mut s = state(&f, record(&f), 0);
    press(&mut s, &[KeyCode::Char('?')]);
    let text = screen(&s, 80, 24);
    assert!(text.contains("↓ more"), "{text}");
    assert!(text.contains("↑↓ PgUp PgDn scroll"), "{text}");
    insta::assert_snapshot!("help_60x20", screen(&s, 60, 20));
    press(&mut s, &[KeyCode::End]);
    let text = screen(&s, 60, 20);
    assert!(
        text.contains("↑ more") && !text.contains("↓ more"),
        "{text}"
    );
    assert!(text.contains("says so here at the bottom."), "{text}");
    insta::assert_snapshot!("help_end_60x20", text);
    // Where the whole help fits, there is nothing to scroll and no scroll key.
    let big = screen(&s, 120, 40);
    assert!(
        !big.contains("more") && !big.contains("PgUp PgDn scroll"),
        "{big}"
    );
}

/// The young people's participation framework, in English.
fn young_people() -> Framework {
    Framework::built_in("young-people").expect("built in")
}

#[test]
fn the_extra_note_is_asked_typed_and_saved_beside_the_evidence() {
    let f = young_people();
    let mut s = state(&f, record(&f), 0);
    let id = s.order[0].1.id.value.clone();
    let text = screen(&s, 80, 24);
    assert!(
        text.contains("What young people say: none yet (x to write)"),
        "{text}"
    );
    assert!(text.contains("x extra note"), "{text}");
    press(&mut s, &[KeyCode::Char('x')]);
    assert!(matches!(s.screen, Screen::Extra(_)));
    // Keys that mean something elsewhere are text here.
    let mut typing = chars("Nobody asks us, q3");
    typing.push(KeyCode::Enter);
    typing.extend(chars("we'd come"));
    assert_eq!(press(&mut s, &typing), 0);
    let text = screen(&s, 80, 24);
    assert!(
        text.contains("What do young people say about this? Write their words down as they"),
        "{text}"
    );
    insta::assert_snapshot!("extra_note_80x24", text);
    assert_eq!(press(&mut s, &[KeyCode::Esc]), 1);
    let answer = s.record.answer(&id).expect("answer");
    assert_eq!(
        answer.extra_note.as_deref(),
        Some("Nobody asks us, q3\nwe'd come")
    );
    assert!(answer.evidence.is_none(), "kept apart from the evidence");
    assert!(answer.level.is_none(), "no level was chosen");
    assert_eq!(
        s.status,
        Some(Status::Done(format!(
            "Saved “What young people say” for {}.",
            id.to_uppercase()
        )))
    );
    // Opened again: the note as saved; emptied and closed, it is removed.
    press(&mut s, &[KeyCode::Char('x')]);
    assert!(matches!(&s.screen, Screen::Extra(e) if e.text() == "Nobody asks us, q3\nwe'd come"));
    let mut clear = vec![KeyCode::Backspace; 40];
    clear.push(KeyCode::Esc);
    assert_eq!(press(&mut s, &clear), 1);
    assert!(s.record.answer(&id).is_some_and(|a| a.extra_note.is_none()));
    // The overview marks it.
    press(&mut s, &[KeyCode::Char('x')]);
    press(&mut s, &chars("Too many forms"));
    press(&mut s, &[KeyCode::Esc, KeyCode::Char('g')]);
    assert!(
        screen(&s, 80, 24).contains("what young people say"),
        "{}",
        screen(&s, 80, 24)
    );
}

#[test]
fn the_extra_note_being_typed_is_a_draft_and_offered_back_on_resume() {
    let f = young_people();
    let mut s = state(&f, record(&f), 1);
    let id = s.order[1].1.id.value.clone();
    press(&mut s, &[KeyCode::Char('x')]);
    press(&mut s, &chars("They said"));
    assert_eq!(tick(&mut s, 0), 0, "no pause yet");
    assert_eq!(tick(&mut s, 2), 1, "saved after a pause");
    let draft = |s: &State<'_>| {
        s.record
            .answer(&id)
            .and_then(|a| a.draft.extra_note.clone())
    };
    assert_eq!(draft(&s).as_deref(), Some("They said"));
    press(&mut s, &chars(" no"));
    let ctrl_c =
        keys::action(&s, KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)).expect("action");
    assert_eq!(apply(&mut s, [ctrl_c]), 1, "Ctrl-C saves the draft");
    assert_eq!(draft(&s).as_deref(), Some("They said no"));
    assert!(s.record.answer(&id).is_some_and(|a| a.extra_note.is_none()));
    // The record on disk keeps it as a draft.
    let yaml = s.record.to_yaml().expect("yaml");
    assert!(yaml.contains("extra_note: They said no"), "{yaml}");

    // The next session opens it where it was; Esc makes it the note.
    let mut again = state(&f, s.record.clone(), 5);
    assert_eq!(again.at, 1);
    assert_eq!(
        again.screen,
        Screen::Extra(super::text::Editor::new("They said no"))
    );
    assert!(
        screen(&again, 80, 24).contains("was being typed when coprod stopped"),
        "{}",
        screen(&again, 80, 24)
    );
    assert_eq!(press(&mut again, &[KeyCode::Esc]), 1);
    let a = again.record.answer(&id).expect("answer");
    assert_eq!(a.extra_note.as_deref(), Some("They said no"));
    assert!(a.draft.is_empty());
}

#[test]
fn the_extra_note_can_go_to_your_editor_and_x_means_nothing_without_one() {
    let f = young_people();
    let mut s = state(&f, record(&f), 0);
    let id = s.order[0].1.id.value.clone();
    press(&mut s, &[KeyCode::Char('x')]);
    press(&mut s, &chars("Typed here"));
    let ctrl_e = keys::action(&s, KeyEvent::new(KeyCode::Char('e'), KeyModifiers::CONTROL))
        .expect("an action");
    assert_eq!(ctrl_e, Action::OwnEditor);
    assert_eq!(
        apply(&mut s, [ctrl_e]),
        1,
        "a draft before the editor opens"
    );
    assert_eq!(s.own_editor.as_deref(), Some("Typed here"));
    s.own_editor = None;
    apply(
        &mut s,
        [Action::FromEditor(Ok("Typed in the editor".into()))],
    );
    assert!(matches!(&s.screen, Screen::Extra(e) if e.text() == "Typed in the editor"));
    assert_eq!(press(&mut s, &[KeyCode::Esc]), 1);
    assert_eq!(
        s.record.answer(&id).and_then(|a| a.extra_note.as_deref()),
        Some("Typed in the editor")
    );
    // A framework without an extra note: x means nothing, and nothing about it shows.
    let four = framework();
    let mut s = state(&four, record(&four), 0);
    assert_eq!(press(&mut s, &[KeyCode::Char('x')]), 0);
    assert!(
        matches!(s.status, Some(Status::Refused(_))),
        "{:?}",
        s.status
    );
    assert_eq!(s.screen, Screen::Indicator);
    assert!(!screen(&s, 80, 24).contains("x extra note"));
}
