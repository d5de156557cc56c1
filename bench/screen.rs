//! How long the workshop screen takes to answer a key press at 120x40: the key turned into an
//! action, the action applied (saving the record where it changes), the screen drawn and the
//! changes encoded for the terminal, exactly as `coprod assess` does between two key presses.
//!
//! Run with `cargo bench --bench screen`. The terminal output goes to memory, so the figures
//! leave out the terminal's own drawing; the save is the real one `coprod assess` makes
//! ([`RecordFile::save`]: the YAML written, read back and checked, the file on disk compared
//! with what was last written, a temporary file flushed with fsync and renamed over the record)
//! into a temporary folder on this machine's disk. The last table times that save alone.

use std::hint::black_box;
use std::time::{Duration, Instant};

use coprod::assess::screen::draw::draw;
use coprod::assess::screen::keys;
use coprod::assess::screen::state::State;
use coprod::diagnostic::unplaced;
use coprod::framework::{DEFAULT_ID, Framework};
use coprod::record::{Choice, FrameworkCheck, Record, ScoredBy, ScorerKind};
use coprod::record_file::RecordFile;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

const ROUNDS: usize = 400;

fn main() {
    let framework = Framework::built_in(DEFAULT_ID).expect("built-in framework");
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("r.yaml");
    let (mut file, _) = RecordFile::create(&path, false).expect("a new record file");
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

    println!(
        "key press answered and redrawn at 120x40, {ROUNDS} presses each (with saves, the half that save are timed)"
    );
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
            // Levels 3 and 4 by turns, so that every choice changes the record and is written
            // (a record saved unchanged is not written again).
            &[
                KeyCode::Char('3'),
                KeyCode::Char('b'),
                KeyCode::Char('4'),
                KeyCode::Char('b'),
            ],
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
                        .apply(action, &mut |r| {
                            file.save(r, &framework, FrameworkCheck::Strict).map(|_| ())
                        })
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
            // With real saves, only the key presses that save are timed.
            if !real_save || matches!(code, KeyCode::Char('0'..='9')) {
                times.push(started.elapsed());
            }
        }
        report(name, &mut times);
    }

    // The save alone: one answer changed each time, so that every save writes.
    println!();
    println!("a save of the record as coprod assess makes it (fsync), {ROUNDS} saves");
    println!("{:<44} {:>9} {:>9} {:>9}", "record", "median", "p99", "max");
    for answered in [1, 24] {
        let mut r = record.clone();
        for (_, ind) in framework.indicators().take(answered) {
            coprod::assess::answer_mut(&mut r, &framework, &ind.id.value).level =
                Some(unplaced(Choice::Level(3)));
        }
        let first = framework
            .indicators()
            .next()
            .map(|(_, i)| i.id.value.clone());
        let first = first.expect("an indicator");
        let mut times = Vec::with_capacity(ROUNDS);
        for n in 0..ROUNDS {
            let level = if n % 2 == 0 { 2 } else { 4 };
            coprod::assess::answer_mut(&mut r, &framework, &first).level =
                Some(unplaced(Choice::Level(level)));
            let started = Instant::now();
            let wrote = file
                .save(&r, &framework, FrameworkCheck::Strict)
                .expect("save");
            times.push(started.elapsed());
            assert!(wrote, "every save writes");
        }
        report(&format!("{answered} of 24 answered"), &mut times);
    }
}

fn report(name: &str, times: &mut [Duration]) {
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
    println!(
        "{name:<44} {:>9} {:>9} {:>9}",
        ms(at(0.5)),
        ms(at(0.99)),
        ms(times[times.len() - 1])
    );
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}
