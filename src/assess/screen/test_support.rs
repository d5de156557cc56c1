//! What the screen's tests share: a record and a state to start from, the screen drawn as text,
//! and key presses applied with their saves counted.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::draw::draw;
use super::keys;
use super::state::{Action, Commands, State};
use crate::diagnostic::unplaced;
use crate::framework::Framework;
use crate::record::{Action as Todo, Choice, Record, ScoredBy, ScorerKind};

/// Who scored: `kind`, with `groups` side by side.
pub fn scorer(kind: ScorerKind, groups: &[&str]) -> ScoredBy {
    ScoredBy {
        kind: unplaced(kind),
        group: None,
        name: None,
        groups: groups.iter().map(|g| (*g).to_string()).collect(),
    }
}

/// A new record of `partnership`, scored by the whole room on 2026-11-12.
pub fn record_of(f: &Framework, partnership: &str) -> Record {
    Record::new(
        f,
        partnership.into(),
        "2026-11-12"
            .parse::<crate::record::IsoDate>()
            .expect("date")
            .0,
        scorer(ScorerKind::Room, &[]),
    )
}

/// The screen on indicator number `at` of `r`, with the commands it shows at the end.
pub fn state<'a>(f: &'a Framework, r: Record, at: usize) -> State<'a> {
    let mut s = State::new(f, r, at, &[]);
    s.commands = Commands {
        resume: "coprod assess --resume r.yaml".into(),
        report: "coprod report r.yaml".into(),
    };
    s
}

/// The screen drawn at `w` x `h`, as text: one line per row, trailing spaces removed.
pub fn drawn(s: &State<'_>, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    t.draw(|f| draw(f, s)).expect("draw");
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        for x in 0..w {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Applies actions; returns how many saves they made.
pub fn apply(s: &mut State<'_>, actions: impl IntoIterator<Item = Action>) -> usize {
    let mut saves = 0;
    for a in actions {
        s.apply(a, &mut |_| {
            saves += 1;
            Ok(())
        })
        .expect("apply");
    }
    saves
}

/// What a key press means on the screen as it is.
pub fn key(s: &State<'_>, code: KeyCode) -> Action {
    keys::action(s, KeyEvent::new(code, KeyModifiers::NONE)).expect("an action")
}

/// Presses keys one after another; returns how many saves they made.
pub fn press(s: &mut State<'_>, codes: &[KeyCode]) -> usize {
    let mut saves = 0;
    for &c in codes {
        let a = key(s, c);
        saves += apply(s, [a]);
    }
    saves
}

/// Presses Ctrl and `c`; returns how many saves it made.
pub fn ctrl(s: &mut State<'_>, c: char) -> usize {
    let a =
        keys::action(s, KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)).expect("an action");
    apply(s, [a])
}

/// The keys that type `text`.
pub fn chars(text: &str) -> Vec<KeyCode> {
    text.chars().map(KeyCode::Char).collect()
}

/// A session part-way through, on WC2 of `r`: WC2 has level 3, the `evidence` and one action
/// (`what`, owned by `owner`), WC1 has level 2; 14:30 into the session, 2:05 on WC2.
pub fn part_way<'a>(
    f: &'a Framework,
    mut r: Record,
    evidence: &str,
    (what, owner): (&str, &str),
) -> State<'a> {
    let a = crate::assess::answer_mut(&mut r, f, "wc2");
    a.level = Some(unplaced(Choice::Level(3)));
    a.evidence = Some(evidence.into());
    a.actions.push(Todo {
        what: what.into(),
        owner: Some(owner.into()),
        due: None,
        status: Default::default(),
        note: None,
    });
    crate::assess::answer_mut(&mut r, f, "wc1").level = Some(unplaced(Choice::Level(2)));
    let mut s = state(f, r, 1);
    s.elapsed = std::time::Duration::from_secs(14 * 60 + 30);
    s.arrived = std::time::Duration::from_secs(12 * 60 + 25);
    s
}
