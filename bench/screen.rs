//! How long the workshop screen takes to answer a key press at 120x40: the key turned into an
//! action, the action applied (saving the record where it changes), the screen drawn and the
//! changes encoded for the terminal, exactly as `coprod assess` does between two key presses.
//!
//! Run with `cargo bench --bench screen`. The terminal output goes to memory, so the figures
//! leave out the terminal's own drawing; the save is the real one (temporary file, fsync,
//! rename) into a temporary folder on this machine's disk.

use std::hint::black_box;
use std::time::{Duration, Instant};

use coprod::assess::screen::draw::draw;
use coprod::assess::screen::keys;
use coprod::assess::screen::state::State;
use coprod::diagnostic::unplaced;
use coprod::framework::{DEFAULT_ID, Framework};
use coprod::record::{Record, ScoredBy, ScorerKind};
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

const ROUNDS: usize = 400;

fn main() {
    let framework = Framework::built_in(DEFAULT_ID).expect("built-in framework");
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("r.yaml");
    let who = ScoredBy {
        kind: unplaced(ScorerKind::Room),
        group: None,
        name: None,
        groups: Vec::new(),
    };
    let date = "2026-11-12"
        .parse::<coprod::record::IsoDate>()
        .expect("date")
        .0;
    let record = Record::new(&framework, "Hafren Vale SEND Partnership".into(), date, who);

    println!("key press answered and redrawn at 120x40, {ROUNDS} presses each");
    println!("{:<44} {:>9} {:>9} {:>9}", "key", "median", "p99", "max");
    let cases: [(&str, &[KeyCode], bool); 5] = [
        (
            "↓ scroll the guidance (no save)",
            &[KeyCode::Down, KeyCode::Up],
            false,
        ),
        (
            "→ / ← next and previous (no save)",
            &[KeyCode::Right, KeyCode::Left],
            false,
        ),
        (
            "a letter typed into evidence notes",
            &[KeyCode::Char('a')],
            false,
        ),
        (
            "digit: choose a level, screen only",
            &[KeyCode::Char('3'), KeyCode::Char('b')],
            false,
        ),
        (
            "digit: choose a level, saved with fsync",
            &[KeyCode::Char('3'), KeyCode::Char('b')],
            true,
        ),
    ];
    for (name, codes, real_save) in cases {
        let mut state = State::new(&framework, record.clone(), 1, &[]);
        if name.contains("evidence") {
            let a = keys::action(
                &state,
                KeyEvent::new(KeyCode::Char('e'), KeyModifiers::NONE),
            )
            .expect("action");
            state.apply(a, &mut |_| Ok(())).expect("open the notes");
        }
        let backend = CrosstermBackend::new(std::io::sink());
        let mut terminal = Terminal::with_options(
            backend,
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, 120, 40)),
            },
        )
        .expect("terminal");
        terminal.draw(|f| draw(f, &state)).expect("first draw");
        let mut times = Vec::with_capacity(ROUNDS);
        for n in 0..ROUNDS {
            let code = codes[n % codes.len()];
            let started = Instant::now();
            let key = KeyEvent::new(code, KeyModifiers::NONE);
            if let Some(action) = keys::action(&state, key) {
                if real_save {
                    state
                        .apply(action, &mut |r| r.save(&path))
                        .expect("apply and save");
                } else {
                    state
                        .apply(action, &mut |r| {
                            black_box(r);
                            Ok(())
                        })
                        .expect("apply");
                }
            }
            terminal.draw(|f| draw(f, &state)).expect("draw");
            times.push(started.elapsed());
        }
        times.sort();
        let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
        println!(
            "{name:<44} {:>9} {:>9} {:>9}",
            ms(at(0.5)),
            ms(at(0.99)),
            ms(times[times.len() - 1])
        );
    }
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}
