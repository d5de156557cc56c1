//! Which key means what on which screen. One key, one meaning: a key that has no meaning on a
//! screen becomes [`Action::Nothing`], which records nothing and says so.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::state::{Action, EditKey, Screen, State};
use super::vote::Stage;

/// The action a key press asks for on the screen showing; `None` for key releases and repeats
/// that mean nothing at all (so they do not even reach the status line).
pub fn action(state: &State<'_>, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    if key.modifiers.contains(KeyModifiers::CONTROL) && matches!(key.code, KeyCode::Char('c' | 'C'))
    {
        return Some(Action::Interrupt);
    }
    let name = || key_name(state, key);
    let common = |code: KeyCode| match code {
        KeyCode::Up => Some(Action::Scroll(-1)),
        KeyCode::Down => Some(Action::Scroll(1)),
        KeyCode::PageUp => Some(Action::Scroll(-10)),
        KeyCode::PageDown => Some(Action::Scroll(10)),
        _ => None,
    };
    let found = match &state.screen {
        Screen::Action(form) if !ctrl => match key.code {
            KeyCode::Tab => Some(Action::NextField),
            KeyCode::BackTab => Some(Action::PreviousField),
            KeyCode::Up if !form.multi_line() => Some(Action::PreviousField),
            KeyCode::Down if !form.multi_line() => Some(Action::NextField),
            _ => editing(key.code),
        },
        Screen::Details(_) if !ctrl => match key.code {
            KeyCode::Tab | KeyCode::Down => Some(Action::NextField),
            KeyCode::BackTab | KeyCode::Up => Some(Action::PreviousField),
            code => editing(code),
        },
        Screen::Evidence(_) | Screen::Extra(_) | Screen::Action(_) | Screen::Details(_) => {
            if ctrl {
                match key.code {
                    KeyCode::Char('s' | 'S') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                        Some(Action::Close)
                    }
                    KeyCode::Char('e' | 'E')
                        if key.modifiers.contains(KeyModifiers::CONTROL)
                            && matches!(state.screen, Screen::Evidence(_) | Screen::Extra(_)) =>
                    {
                        Some(Action::OwnEditor)
                    }
                    _ => None,
                }
            } else {
                editing(key.code)
            }
        }
        Screen::Vote(_) if !ctrl && state.phone_out.is_some() => match key.code {
            KeyCode::Char(c @ '0'..='9') => Some(Action::Digit(c)),
            KeyCode::Backspace => Some(Action::Edit(EditKey::Backspace)),
            KeyCode::Enter => Some(Action::Confirm),
            KeyCode::Esc => Some(Action::Close),
            _ => None,
        },
        Screen::Vote(form) if !ctrl => match (&form.stage, key.code) {
            (Stage::Disagreeing(_), code) => editing(code),
            (_, KeyCode::Char(c @ '0'..='9')) => Some(Action::Digit(c)),
            (_, KeyCode::Esc) => Some(Action::Close),
            (_, KeyCode::Char('q' | 'Q')) => Some(Action::Quit),
            (Stage::Counting, KeyCode::Backspace) => Some(Action::Edit(EditKey::Backspace)),
            (Stage::Counting, KeyCode::Enter) => Some(Action::Confirm),
            (Stage::Counting, KeyCode::Char('c' | 'C')) if state.phones.is_some() => {
                Some(Action::NewCode)
            }
            (Stage::Counting, KeyCode::Char('p' | 'P')) if state.phones.is_some() => {
                Some(Action::PutOut)
            }
            (Stage::Counting, KeyCode::Char('r' | 'R'))
                if state.phones.as_ref().is_some_and(|l| l.asking().is_some()) =>
            {
                Some(Action::PhonesEarlier(false))
            }
            (Stage::Counting, KeyCode::Char('k' | 'K'))
                if state.phones.as_ref().is_some_and(|l| l.asking().is_some()) =>
            {
                Some(Action::PhonesEarlier(true))
            }
            (Stage::Counting, KeyCode::Up | KeyCode::BackTab) => Some(Action::Scroll(-1)),
            (Stage::Counting, KeyCode::Down | KeyCode::Tab) => Some(Action::Scroll(1)),
            (Stage::Agreeing, KeyCode::Char('n' | 'N')) => Some(Action::NotApplicable),
            (Stage::Agreeing, KeyCode::Char('d' | 'D')) => Some(Action::Disagree),
            _ => None,
        },
        Screen::Vote(form) => match (&form.stage, key.code) {
            (Stage::Disagreeing(_), KeyCode::Char('s' | 'S'))
                if key.modifiers.contains(KeyModifiers::CONTROL) =>
            {
                Some(Action::Close)
            }
            _ => None,
        },
        Screen::Actions { deleting: true, .. } => match key.code {
            KeyCode::Char('y' | 'Y') if !ctrl => Some(Action::Yes),
            _ => Some(Action::Close),
        },
        _ if ctrl => None,
        Screen::Indicator => match key.code {
            KeyCode::Char(c @ '0'..='9') => Some(Action::Digit(c)),
            KeyCode::Enter => Some(Action::Confirm),
            KeyCode::Char('n' | 'N') => Some(Action::NotApplicable),
            KeyCode::Char('s' | 'S') => Some(Action::Skip),
            KeyCode::Left | KeyCode::Char('b' | 'B') => Some(Action::Previous),
            KeyCode::Right => Some(Action::Next),
            KeyCode::Char('g' | 'G') => Some(Action::GoTo),
            KeyCode::Char('e' | 'E') => Some(Action::Evidence),
            KeyCode::Char('x' | 'X') if state.framework.extra_note.is_some() => Some(Action::Extra),
            KeyCode::Char('a' | 'A') => Some(Action::Actions),
            KeyCode::Char('v' | 'V') => Some(Action::Vote),
            KeyCode::Char('i' | 'I') => Some(Action::Details),
            KeyCode::Char('?') => Some(Action::Help),
            KeyCode::Char('q' | 'Q') => Some(Action::Quit),
            KeyCode::Esc => Some(Action::Close),
            KeyCode::Tab if state.workshop() => Some(Action::NextGroup),
            KeyCode::BackTab if state.workshop() => Some(Action::PreviousGroup),
            code => common(code),
        },
        Screen::Actions { .. } => match key.code {
            KeyCode::Enter => Some(Action::Open),
            KeyCode::Char('a' | 'A') => Some(Action::Actions),
            KeyCode::Char('d' | 'D') | KeyCode::Delete => Some(Action::Delete),
            KeyCode::Esc => Some(Action::Close),
            KeyCode::Char('q' | 'Q') => Some(Action::Quit),
            code => common(code),
        },
        Screen::Help { .. } => match key.code {
            KeyCode::Esc | KeyCode::Char('?') => Some(Action::Close),
            KeyCode::Char('q' | 'Q') => Some(Action::Quit),
            KeyCode::Home => Some(Action::Scroll(-10_000)),
            KeyCode::End => Some(Action::Scroll(10_000)),
            code => common(code),
        },
        Screen::Overview { end, .. } => match key.code {
            KeyCode::Enter => Some(Action::Open),
            KeyCode::Char('q' | 'Q') => Some(Action::Quit),
            KeyCode::Esc | KeyCode::Char('g' | 'G') if !end => Some(Action::Close),
            KeyCode::Left | KeyCode::Char('b' | 'B') if *end => Some(Action::Previous),
            KeyCode::Home => Some(Action::Scroll(-10_000)),
            KeyCode::End => Some(Action::Scroll(10_000)),
            code => common(code),
        },
    };
    Some(found.unwrap_or_else(|| Action::Nothing(name())))
}

/// The keys of text being typed: every character is text, Enter a new line, Esc done.
fn editing(code: KeyCode) -> Option<Action> {
    match code {
        KeyCode::Esc => Some(Action::Close),
        KeyCode::Enter => Some(Action::Edit(EditKey::Newline)),
        KeyCode::Backspace => Some(Action::Edit(EditKey::Backspace)),
        KeyCode::Delete => Some(Action::Edit(EditKey::Delete)),
        KeyCode::Left => Some(Action::Edit(EditKey::Left)),
        KeyCode::Right => Some(Action::Edit(EditKey::Right)),
        KeyCode::Up => Some(Action::Edit(EditKey::Up)),
        KeyCode::Down => Some(Action::Edit(EditKey::Down)),
        KeyCode::Home => Some(Action::Edit(EditKey::Home)),
        KeyCode::End => Some(Action::Edit(EditKey::End)),
        KeyCode::Tab => Some(Action::Edit(EditKey::Char(' '))),
        KeyCode::Char(c) => Some(Action::Edit(EditKey::Char(c))),
        _ => None,
    }
}

/// How a key is named in the status line: `x`, `Tab`, `Ctrl-F`. Keys are named as their caps
/// are printed; the space bar, and a key with no name, in the screen's language.
pub fn key_name(state: &State<'_>, key: KeyEvent) -> String {
    let base = match key.code {
        KeyCode::Char(' ') => state.t("screen-key-space"),
        KeyCode::Char(c) => {
            let c = if c.is_control() { '?' } else { c };
            format!("`{c}`")
        }
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Delete => "Delete".into(),
        KeyCode::Insert => "Insert".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageUp => "Page Up".into(),
        KeyCode::PageDown => "Page Down".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        _ => state.t("screen-that-key"),
    };
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{}", base.trim_matches('`').to_uppercase())
    } else if key.modifiers.contains(KeyModifiers::ALT) {
        format!("Alt-{}", base.trim_matches('`'))
    } else {
        base
    }
}

/// Pasted text: typed into text being edited; anywhere else it means nothing (pasting a `3`
/// must not choose a level).
pub fn paste(state: &State<'_>, text: &str) -> Vec<Action> {
    match &state.screen {
        Screen::Evidence(_) | Screen::Extra(_) | Screen::Action(_) => text
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .chars()
            .map(|c| {
                if c == '\n' {
                    Action::Edit(EditKey::Newline)
                } else if c == '\t' {
                    Action::Edit(EditKey::Char(' '))
                } else {
                    Action::Edit(EditKey::Char(c))
                }
            })
            .collect(),
        // One-line fields: a line break pasted in is a space.
        Screen::Details(_) => text
            .chars()
            .map(|c| {
                if c.is_control() {
                    Action::Edit(EditKey::Char(' '))
                } else {
                    Action::Edit(EditKey::Char(c))
                }
            })
            .collect(),
        _ => vec![Action::Nothing("Pasting".to_string())],
    }
}
