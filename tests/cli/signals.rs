//! Signals at the set-up questions, before the full screen opens: coprod stops with 130, puts
//! the terminal back (a prompt holds it in raw mode) and leaves nothing behind.

use nix::sys::termios::{LocalFlags, tcgetattr};
use rexpect::process::{Signal, WaitStatus};
use rexpect::session::PtySession;

use crate::util::{Test, is_temporary, pty};

const TIMEOUT_MS: u64 = 60_000;

fn exit_code(p: &PtySession) -> i32 {
    match p.process().wait().expect("wait for coprod") {
        WaitStatus::Exited(_, code) => code,
        other => panic!("coprod did not exit normally: {other:?}"),
    }
}

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
