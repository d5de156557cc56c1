//! At home in a toolchain: shell completions and the manual page.

use crate::util::Test;

#[test]
fn every_shell_gets_a_completion_script() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = Test::new().args(&["completions", shell]).run();
        assert_eq!(out.code, 0, "{shell}: {}", out.stderr);
        assert!(out.stderr.is_empty(), "{shell}: {}", out.stderr);
        assert!(!out.stdout.trim().is_empty(), "{shell}: empty script");
        for word in ["assess", "report", "framework", "--answers", "--format"] {
            assert!(
                out.stdout.contains(word),
                "{shell}: the script does not mention {word}"
            );
        }
    }
}

#[test]
fn bash_completion_script_is_valid_bash() {
    let out = Test::new().args(&["completions", "bash"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let Ok(bash) = std::process::Command::new("bash")
        .args(["-n", "-c", &out.stdout])
        .output()
    else {
        eprintln!("note: bash is not installed; syntax check skipped");
        return;
    };
    assert!(
        bash.status.success(),
        "bash -n: {}",
        String::from_utf8_lossy(&bash.stderr)
    );
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let out = Test::new().args(&["completions", "cmd.exe"]).run();
    assert_eq!(out.code, 2);
    assert!(out.stdout.is_empty());
    assert!(out.stderr.contains("possible values"), "{}", out.stderr);
}

#[test]
fn the_manual_page_is_roff() {
    let out = Test::new().args(&["man"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with(".TH "), "{}", &out.stdout[..80]);
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH COMMANDS",
        ".SH \"COPROD ASSESS\"",
        ".SH \"COPROD REPORT\"",
        ".SH \"COPROD FRAMEWORK VALIDATE\"",
        ".SH \"EXIT STATUS\"",
        ".SH ENVIRONMENT",
    ] {
        assert!(out.stdout.contains(section), "no {section} in the page");
    }
    assert!(out.stdout.contains("\\-\\-answers"), "options are listed");
    assert!(
        !out.stdout.contains("coprod-help"),
        "no references to pages that do not exist"
    );
}

#[test]
fn the_manual_page_renders_without_warnings() {
    let out = Test::new().args(&["man"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let t = Test::new().file("coprod.1", &out.stdout);
    let Ok(groff) = std::process::Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-z", "coprod.1"])
        .current_dir(t.path())
        .output()
    else {
        eprintln!("note: groff is not installed; rendering check skipped");
        return;
    };
    assert!(groff.status.success());
    assert_eq!(String::from_utf8_lossy(&groff.stderr), "", "groff warnings");
}
