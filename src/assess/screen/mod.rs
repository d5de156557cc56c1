//! The full-screen workshop view of `coprod assess`, for a laptop on a projector.
//!
//! The shape is the one ratatui's examples use: the [`state::State`] is a plain struct; a key
//! becomes an [`state::Action`] ([`keys::action`]); an action changes the state and, where the
//! record changes, saves it through the same save function the line-by-line walk uses
//! ([`state::State::apply`]); drawing is a pure function of the state ([`draw::draw`]). Only
//! [`run`] touches the terminal, so every screen is tested with ratatui's `TestBackend` and
//! every rule without a terminal.

pub mod details;
pub mod draw;
pub mod form;
pub mod keys;
pub mod phones;
pub mod state;
pub mod text;
pub mod vote;

#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod welsh_tests;

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, Event};
use ratatui::crossterm::{cursor, execute, terminal};

use crate::assess::{Outcome, Save};
use crate::error::Error;
use state::{Action, State};

/// Whether the full screen has the terminal: signal handlers set up before it leave the
/// signals to it.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Whether the full screen is showing (and handles SIGINT, SIGTERM and SIGHUP itself).
pub fn active() -> bool {
    ACTIVE.load(Ordering::SeqCst)
}

/// How often the screen wakes without a key: the clocks in the header, and drafts saved after
/// a pause in typing.
const TICK: Duration = Duration::from_millis(200);

fn terminal_error(e: std::io::Error) -> Error {
    Error::io("the terminal stopped working", e)
}

/// Puts the terminal back as it was: raw mode off, the normal screen, the cursor shown.
/// Safe to call more than once, and from a panic; errors are ignored because the terminal may
/// already be gone (a hang-up).
pub fn restore() {
    let _ = terminal::disable_raw_mode();
    let mut out = std::io::stdout();
    let _ = execute!(
        out,
        event::DisableBracketedPaste,
        terminal::LeaveAlternateScreen,
        cursor::Show
    );
    let _ = out.flush();
}

/// Puts the terminal back after a prompt, only if coprod left it in raw mode: raw mode off and
/// the cursor shown (the full screen restores itself, alternate screen included). Otherwise
/// writes nothing, so that output sent to a file or pipe stays clean.
pub fn restore_if_raw() {
    if terminal::is_raw_mode_enabled().unwrap_or(false) {
        let _ = terminal::disable_raw_mode();
        let mut out = std::io::stdout();
        let _ = execute!(out, cursor::Show);
        let _ = out.flush();
    }
}

/// Holds the terminal in full-screen mode; dropping it restores the terminal, on every way out
/// of [`run`] (an error, a signal, the end). A panic restores it through the panic hook.
struct Guard {
    signals: Vec<signal_hook::SigId>,
}

impl Guard {
    fn enter(stop: &Arc<AtomicBool>) -> Result<Self, Error> {
        let mut signals = Vec::new();
        for sig in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGINT,
        ] {
            let id = signal_hook::flag::register(sig, Arc::clone(stop))
                .map_err(|e| Error::io("cannot listen for signals", e))?;
            signals.push(id);
        }
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        let guard = Self { signals };
        ACTIVE.store(true, Ordering::SeqCst);
        terminal::enable_raw_mode().map_err(terminal_error)?;
        execute!(
            std::io::stdout(),
            terminal::EnterAlternateScreen,
            terminal::Clear(terminal::ClearType::All),
            event::EnableBracketedPaste,
            cursor::Hide
        )
        .map_err(terminal_error)?;
        Ok(guard)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
        ACTIVE.store(false, Ordering::SeqCst);
        for id in self.signals.drain(..) {
            signal_hook::low_level::unregister(id);
        }
        // The panic hook stays: restoring an already restored terminal does no harm.
    }
}

/// Runs the screen until the room quits, Ctrl-C, or a signal (SIGTERM, SIGHUP, SIGINT).
/// Whatever ends it, everything typed is saved (drafts included) and the terminal is restored
/// before this returns.
pub fn run(state: &mut State<'_>, save: &mut Save<'_>) -> Result<Outcome, Error> {
    let stop = Arc::new(AtomicBool::new(false));
    let guard = Guard::enter(&stop)?;
    let result = event_loop(state, save, &stop);
    drop(guard);
    result
}

/// The person's editor: `$VISUAL`, else `$EDITOR` (a command and its arguments, split at
/// spaces, e.g. `code --wait`); `None` when neither is set.
fn editor_command() -> Option<Vec<String>> {
    ["VISUAL", "EDITOR"].iter().find_map(|name| {
        let value = std::env::var(name).ok()?;
        let words: Vec<String> = value.split_whitespace().map(str::to_string).collect();
        (!words.is_empty()).then_some(words)
    })
}

/// Opens `text` in the person's editor and returns what it left in the file. The full screen
/// makes way for the editor (raw mode off, the normal screen) and comes back after it. The
/// notes go to a private temporary file that is removed on every way out of here. If coprod is
/// told to stop (SIGTERM, SIGHUP) while the editor is open, what the editor has saved so far
/// is read back (it becomes the draft), the editor is stopped, and the screen then stops as
/// usual. Every failure is a message for the status line, with the notes as they were.
fn own_editor(text: &str, stop: &AtomicBool) -> Result<String, String> {
    use crate::catalog::say;
    let why = |e: &dyn std::fmt::Display| e.to_string().into();
    let Some(command) = editor_command() else {
        return Err(say("screen-editor-unset", &[]));
    };
    let name = command[0].clone();
    let mut file = tempfile::Builder::new()
        .prefix("coprod-notes-")
        .suffix(".txt")
        .tempfile()
        .map_err(|e| say("screen-editor-no-file", &[("why", why(&e))]))?;
    let mut body = text.to_string();
    if !body.is_empty() && !body.ends_with('\n') {
        body.push('\n');
    }
    file.write_all(body.as_bytes())
        .and_then(|()| file.flush())
        .map_err(|e| say("screen-editor-no-write", &[("why", why(&e))]))?;
    let read_back = |path: &std::path::Path| {
        std::fs::read_to_string(path)
            .map(|t| t.strip_suffix('\n').unwrap_or(&t).replace("\r\n", "\n"))
            .map_err(|e| {
                say(
                    "screen-editor-no-read",
                    &[
                        (
                            "editor",
                            crate::clean::terminal_line(&name).into_owned().into(),
                        ),
                        ("why", why(&e)),
                    ],
                )
            })
    };
    // Make way for the editor.
    let _ = terminal::disable_raw_mode();
    let _ = execute!(
        std::io::stdout(),
        event::DisableBracketedPaste,
        terminal::LeaveAlternateScreen,
        cursor::Show
    );
    let result = match std::process::Command::new(&name)
        .args(&command[1..])
        .arg(file.path())
        .spawn()
    {
        Err(e) => Err(say(
            "screen-editor-no-start",
            &[
                (
                    "editor",
                    crate::clean::terminal_line(&name).into_owned().into(),
                ),
                ("why", why(&e)),
            ],
        )),
        Ok(mut child) => loop {
            if stop.load(Ordering::SeqCst) {
                let text = read_back(file.path());
                let _ = child.kill();
                let _ = child.wait();
                break text;
            }
            match child.try_wait() {
                Ok(Some(_)) => break read_back(file.path()),
                Ok(None) => std::thread::sleep(Duration::from_millis(50)),
                Err(e) => {
                    let _ = child.kill();
                    break Err(say("screen-editor-lost", &[("why", why(&e))]));
                }
            }
        },
    };
    // Back to the full screen.
    let _ = terminal::enable_raw_mode();
    let _ = execute!(
        std::io::stdout(),
        terminal::EnterAlternateScreen,
        terminal::Clear(terminal::ClearType::All),
        event::EnableBracketedPaste,
        cursor::Hide
    );
    result
}

/// How long the screen waits for a phone's vote before it looks at the keys again, while
/// phones can vote.
const PHONE_TICK: Duration = Duration::from_millis(5);

/// How long a look at the keys takes while phones can vote: as good as nothing. Not zero:
/// crossterm's terminal reader does not look at the terminal at all when given no time, and
/// rounds what it is given down to whole milliseconds, so this is one look (or a few) at once.
const LOOK: Duration = Duration::from_micros(10);

/// How often at most the screen is drawn again for new phone votes alone: the count on the
/// projector moves 25 times a second while votes pour in, and the time between goes to saving
/// them.
const PHONE_REDRAW: Duration = Duration::from_millis(40);

/// Waits up to [`TICK`] for a key. While phones can vote it saves their votes as they come (a
/// phone hears its vote is saved only once it is on disk): it wakes as soon as a vote is taken,
/// saves again at once the votes that came during a save, looks at the keys (without waiting)
/// between saves and at least every [`PHONE_TICK`], and returns once it has saved what there
/// was and the screen was last drawn at least [`PHONE_REDRAW`] ago (`drawn`), so that the
/// count on screen is redrawn.
fn wait(
    state: &mut State<'_>,
    save: &mut Save<'_>,
    drawn: Instant,
) -> Result<std::io::Result<bool>, Error> {
    if state.phones.is_none() {
        return Ok(event::poll(TICK));
    }
    let until = Instant::now() + TICK;
    let redraw = drawn + PHONE_REDRAW;
    let mut saved = false;
    loop {
        let ready = event::poll(LOOK);
        if !matches!(ready, Ok(false)) {
            return Ok(ready);
        }
        let got = state.sync_phones(save)?;
        saved |= got;
        let now = Instant::now();
        if (saved && now >= redraw) || now >= until {
            return Ok(ready);
        }
        if got {
            continue;
        }
        let next = if saved { redraw.min(until) } else { until };
        if let Some(link) = &state.phones {
            link.wait_for_votes(PHONE_TICK.min(next.saturating_duration_since(now)));
        }
    }
}

fn event_loop(
    state: &mut State<'_>,
    save: &mut Save<'_>,
    stop: &AtomicBool,
) -> Result<Outcome, Error> {
    let mut terminal =
        Terminal::new(CrosstermBackend::new(std::io::stdout())).map_err(terminal_error)?;
    let start = Instant::now();
    loop {
        if stop.load(Ordering::SeqCst) && state.outcome.is_none() {
            state.apply(Action::Interrupt, save)?;
        }
        if let Some(outcome) = state.outcome {
            return Ok(outcome);
        }
        let drawn = Instant::now();
        if let Err(e) = terminal.draw(|f| draw::draw(f, state)) {
            // The terminal went away (a hang-up): keep what was typed, then stop.
            state.apply(Action::Interrupt, save)?;
            return Err(terminal_error(e));
        }
        let ready = match wait(state, save, drawn)? {
            Ok(ready) => ready,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => false,
            Err(e) => {
                state.apply(Action::Interrupt, save)?;
                return Err(terminal_error(e));
            }
        };
        if ready {
            match event::read() {
                Ok(Event::Key(key)) => {
                    if let Some(action) = keys::action(state, key) {
                        state.apply(action, save)?;
                    }
                    if let Some(text) = state.own_editor.take() {
                        let back = own_editor(&text, stop);
                        // A new terminal draws everything again on the cleared screen (without
                        // asking the terminal where its cursor is, as clearing would).
                        terminal = Terminal::new(CrosstermBackend::new(std::io::stdout()))
                            .map_err(terminal_error)?;
                        state.apply(Action::FromEditor(back), save)?;
                    }
                }
                Ok(Event::Paste(text)) => {
                    for action in keys::paste(state, &text) {
                        state.apply(action, save)?;
                    }
                }
                Ok(Event::Resize(..)) => {
                    terminal.autoresize().map_err(terminal_error)?;
                }
                Ok(_) => {}
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => {
                    state.apply(Action::Interrupt, save)?;
                    return Err(terminal_error(e));
                }
            }
        }
        state.apply(Action::Tick(start.elapsed()), save)?;
    }
}
