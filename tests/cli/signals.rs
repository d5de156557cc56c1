//! Signals at the set-up questions, before the full screen opens: coprod stops with 130, puts
//! the terminal back (a prompt holds it in raw mode) and leaves nothing behind.

use nix::sys::termios::{LocalFlags, tcgetattr};
use rexpect::process::Signal;
use rexpect::session::PtySession;

use crate::util::{Test, exit_code, is_temporary, pty, terminal_env};

const TIMEOUT_MS: u64 = 60_000;

/// Line editing and signal keys are on again: raw mode is off.
fn assert_cooked(p: &PtySession, said: &str) {
    let handle = p.process().get_file_handle().expect("terminal handle");
    let modes = tcgetattr(&handle).expect("terminal modes");
    assert!(
        modes
            .local_flags
            .contains(LocalFlags::ICANON | LocalFlags::ISIG | LocalFlags::IEXTEN),
        "raw mode is still on: {:?}\n{said}",
        modes.local_flags
    );
}

fn stopped_at_a_question(signal: Signal) {
    let t = Test::new();
    let mut p = pty(&t, &["assess", "-o", "r.yaml"], false, TIMEOUT_MS);
    p.exp_string("Partnership name")
        .expect("the first question");
    // The prompt is drawn, so raw mode is on; give it a moment to settle on a busy machine.
    std::thread::sleep(std::time::Duration::from_millis(300));
    p.process_mut().signal(signal).expect("signal");
    let said = p.exp_eof().expect("exit").replace('\r', "");
    assert_eq!(exit_code(&p), 130, "{signal:?}: {said}");
    assert_cooked(&p, &said);
    assert!(said.contains("Stopped."), "{signal:?}: {said}");
    let left: Vec<String> = std::fs::read_dir(t.path())
        .expect("folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("r.yaml") || is_temporary(n))
        .collect();
    assert!(left.is_empty(), "nothing is left behind: {left:?}");
}

#[test]
fn sigterm_at_a_set_up_question_restores_the_terminal() {
    stopped_at_a_question(Signal::SIGTERM);
}

#[test]
fn sighup_at_a_set_up_question_restores_the_terminal() {
    stopped_at_a_question(Signal::SIGHUP);
}

/// Whether process `pid` has ended (gone, or a zombie nobody has reaped yet).
fn ended(pid: &str) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Err(_) => true,
        // The state follows the command name, which is in brackets.
        Ok(stat) => stat
            .rsplit_once(')')
            .is_some_and(|(_, rest)| rest.trim_start().starts_with(['Z', 'X'])),
    }
}

/// The terminal goes away mid-walk (its window closed, an SSH connection dropped): coprod keeps
/// the note being typed, gives up the record's lock and stops, instead of running on unseen
/// with the record locked. `script` gives coprod a terminal of its own; killing `script`
/// closes that terminal under it.
#[test]
fn the_terminal_closing_mid_walk_keeps_the_draft_and_frees_the_record() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: `script` (util-linux) is not installed");
        return;
    }
    let t = Test::new();
    let coprod = env!("CARGO_BIN_EXE_coprod").replace('\'', r"'\''");
    let mut cmd = std::process::Command::new("script");
    cmd.args([
        "-qfec",
        &format!("'{coprod}' assess --partnership P --date 2026-11-12 --room -o r.yaml"),
        "/dev/null",
    ]);
    terminal_env(&mut cmd, &t, false);
    let mut p = rexpect::session::spawn_command(cmd, Some(TIMEOUT_MS)).expect("start script");
    p.exp_string("Who is taking part?").expect("participants");
    std::thread::sleep(std::time::Duration::from_millis(100));
    p.send("\r").expect("enter");
    p.flush().expect("flush");
    p.exp_string("\u{1b}[?1049h").expect("the full screen");
    p.send("e").expect("evidence");
    p.flush().expect("flush");
    std::thread::sleep(std::time::Duration::from_millis(200));
    p.send("Typed as the window closed").expect("notes");
    p.flush().expect("flush");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let lock = t.read("r.yaml.lock");
    let pid = lock
        .lines()
        .find_map(|l| l.strip_prefix("pid: "))
        .expect("the lock names coprod's process")
        .trim()
        .to_string();

    p.process_mut()
        .signal(Signal::SIGKILL)
        .expect("kill script");
    let deadline = std::time::Instant::now() + std::time::Duration::from_millis(TIMEOUT_MS);
    while !ended(&pid) {
        assert!(
            std::time::Instant::now() < deadline,
            "coprod (process {pid}) still runs after its terminal closed"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let text = t.read("r.yaml");
    assert!(text.contains("Typed as the window closed"), "{text}");
    assert!(
        !t.path().join("r.yaml.lock").exists(),
        "the lock is given up"
    );
}
