//! A small builder that runs `coprod` in a temporary folder with a clean environment.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use tempfile::TempDir;

/// The repository root (where `examples/` and `frameworks/` live).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One run of `coprod`: files to create, arguments, and the environment.
pub struct Test {
    dir: TempDir,
    args: Vec<String>,
    env: Vec<(String, String)>,
    stdin: Option<Vec<u8>>,
}

/// What a run produced.
#[derive(Debug)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    /// Exit code, stdout and stderr in one string, for snapshots.
    pub fn transcript(&self) -> String {
        format!(
            "exit: {}\n--- stdout\n{}\n--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

impl Test {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temporary folder"),
            args: Vec::new(),
            env: Vec::new(),
            stdin: None,
        }
    }

    /// Copies the example records into `examples/` of the temporary folder.
    pub fn with_examples(self) -> Self {
        copy_dir(&repo().join("examples"), &self.dir.path().join("examples"));
        self
    }

    /// Writes a file (creating folders) in the temporary folder.
    pub fn file(self, name: &str, contents: impl AsRef<[u8]>) -> Self {
        let path = self.dir.path().join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create folder");
        }
        fs::write(path, contents).expect("write file");
        self
    }

    pub fn args(mut self, args: &[&str]) -> Self {
        self.args.extend(args.iter().map(|s| s.to_string()));
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.to_string(), value.to_string()));
        self
    }

    pub fn stdin(mut self, input: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(input.into());
        self
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Runs the binary and returns what it produced. Panics are test failures (exit 101).
    pub fn run(&self) -> Output {
        self.run_with(&self.args)
    }

    /// Runs the binary in a sub-folder of the temporary folder.
    pub fn run_in(&self, sub: &str, args: &[&str]) -> Output {
        self.run_in_with_env(sub, args, &[])
    }

    /// Runs the binary in a sub-folder with extra environment variables.
    pub fn run_in_with_env(&self, sub: &str, args: &[&str], env: &[(&str, &str)]) -> Output {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        self.spawn(&self.dir.path().join(sub), &args, &env)
    }

    fn run_with(&self, args: &[String]) -> Output {
        self.spawn(self.dir.path(), args, &[])
    }

    fn spawn(&self, dir: &Path, args: &[String], extra_env: &[(String, String)]) -> Output {
        let out = self.spawn_raw(dir, args, extra_env);
        let output = Output {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
        assert_ne!(output.code, 101, "coprod panicked:\n{}", output.stderr);
        output
    }

    /// Runs the binary in the test's folder and returns its output bytes exactly as written.
    pub fn run_raw(&self, args: &[&str]) -> std::process::Output {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let out = self.spawn_raw(self.dir.path(), &args, &[]);
        assert_ne!(
            out.status.code(),
            Some(101),
            "coprod panicked:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    fn spawn_raw(
        &self,
        dir: &Path,
        args: &[String],
        extra_env: &[(String, String)],
    ) -> std::process::Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_coprod"));
        cmd.args(args)
            .current_dir(dir)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("COLUMNS", "100")
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in self.env.iter().chain(extra_env) {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("run coprod");
        if let Some(input) = &self.stdin {
            use std::io::Write;
            let mut stdin = child.stdin.take().expect("stdin");
            // A program that does not read its input may exit first; that is not an error here.
            match stdin.write_all(input) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("write stdin: {e}"),
                _ => {}
            }
        }
        child.wait_with_output().expect("wait for coprod")
    }

    /// Runs the binary again in the same folder with other arguments.
    pub fn run_args(&self, args: &[&str]) -> Output {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        self.run_with(&args)
    }

    /// Reads a file from the temporary folder.
    pub fn read(&self, name: &str) -> String {
        fs::read_to_string(self.dir.path().join(name)).expect("read output file")
    }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create folder");
    for entry in fs::read_dir(from).expect("read folder") {
        let entry = entry.expect("folder entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).expect("copy file");
        }
    }
}

/// Starts `coprod ARGS` in a pseudo-terminal in the test's folder, with a clean environment
/// (a colour terminal 100 columns wide, `NO_COLOR` set unless `color`).
pub fn pty(t: &Test, args: &[&str], color: bool, timeout_ms: u64) -> rexpect::session::PtySession {
    pty_with_env(t, args, color, timeout_ms, &[])
}

/// Starts coprod in a pseudo-terminal of 120 columns and 40 rows (a projector's), set with
/// `stty` before coprod starts, so that the full screen draws its text; no colour.
pub fn projector_pty(t: &Test, args: &[&str], timeout_ms: u64) -> rexpect::session::PtySession {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("stty rows 40 cols 120 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_coprod"))
        .args(args);
    terminal_env(&mut cmd, t, false);
    rexpect::session::spawn_command(cmd, Some(timeout_ms))
        .expect("start coprod in a pseudo-terminal")
}

/// As [`pty`], with more environment variables.
pub fn pty_with_env(
    t: &Test,
    args: &[&str],
    color: bool,
    timeout_ms: u64,
    env: &[(&str, &str)],
) -> rexpect::session::PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_coprod"));
    cmd.args(args)
        .envs(env.iter().copied())
        .env("COLUMNS", "100");
    terminal_env(&mut cmd, t, color);
    rexpect::session::spawn_command(cmd, Some(timeout_ms))
        .expect("start coprod in a pseudo-terminal")
}

/// Runs `cmd` in the test's folder with a clean environment: `PATH`, `HOME` (the folder), a
/// colour terminal, and `NO_COLOR` unless `color`. Variables set on `cmd` before are kept.
pub fn terminal_env(cmd: &mut Command, t: &Test, color: bool) {
    let kept: Vec<(std::ffi::OsString, std::ffi::OsString)> = cmd
        .get_envs()
        .filter_map(|(k, v)| Some((k.to_owned(), v?.to_owned())))
        .collect();
    cmd.current_dir(t.path())
        .env_clear()
        .envs(kept)
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", t.path())
        .env("TERM", "xterm-256color");
    if !color {
        cmd.env("NO_COLOR", "1");
    }
}

/// How coprod in a pseudo-terminal ended: its exit code (a panic if a signal ended it).
pub fn exit_code(p: &rexpect::session::PtySession) -> i32 {
    match p.process().wait().expect("wait for coprod") {
        rexpect::process::WaitStatus::Exited(_, code) => code,
        other => panic!("coprod did not exit normally: {other:?}"),
    }
}

/// The example records of one year, in a fixed order.
pub fn year(y: u32) -> Vec<String> {
    ["parent-carers", "local-authority", "health", "education"]
        .iter()
        .map(|g| format!("examples/{y}/{g}.yaml"))
        .collect()
}

/// Whether a file name is one of coprod's temporary files (`.NAME.coprod-XXXXXX.tmp`), which an
/// interrupted save leaves behind.
pub fn is_temporary(name: &str) -> bool {
    name.starts_with('.') && name.contains(".coprod-") && name.ends_with(".tmp")
}
