//! The library's error type and the exit codes the binary maps it to.

use std::io;

use crate::diagnostic::Diagnostics;

/// Everything that can go wrong, sorted by what the person has to do about it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input file (framework, record, answers) is malformed or does not fit its framework.
    #[error("{0}")]
    Input(Diagnostics),
    /// A file could not be read or written.
    #[error("{context}")]
    Io {
        /// What we were doing, naming the file.
        context: String,
        /// The operating system's reason.
        #[source]
        source: io::Error,
    },
    /// The command was asked for something that does not make sense.
    #[error("{0}")]
    Usage(String),
    /// An interactive command was run without a terminal.
    #[error("{0}")]
    NoTerminal(String),
    /// The person stopped the program (Ctrl-C) after their work was saved.
    #[error("{0}")]
    Interrupted(String),
    /// The record is open in another assessment, or was changed on disk by someone else since
    /// coprod last saved it: nothing was overwritten.
    #[error("{0}")]
    Conflict(String),
    /// coprod's own fault (e.g. a record it made that its own rules refuse): a bug to report.
    #[error("{0}")]
    Internal(String),
}

impl Error {
    /// An I/O error with a sentence of context naming the file.
    pub fn io(context: impl Into<String>, source: io::Error) -> Self {
        Self::Io {
            context: context.into(),
            source,
        }
    }

    /// The process exit code for this error (see the README's table).
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Usage(_) => exit::USAGE,
            Self::Input(_) => exit::INVALID_INPUT,
            Self::Io { .. } => exit::IO,
            Self::NoTerminal(_) => exit::NO_TERMINAL,
            Self::Interrupted(_) => exit::INTERRUPTED,
            Self::Conflict(_) => exit::CONFLICT,
            Self::Internal(_) => exit::FAILURE,
        }
    }
}

impl From<crate::storage::Error> for Error {
    fn from(e: crate::storage::Error) -> Self {
        use crate::storage::Error as S;
        match e {
            S::Refused(m) => Self::Usage(m),
            S::Io { context, source } => Self::Io { context, source },
            S::Locked(m) | S::Changed(m) => Self::Conflict(m),
        }
    }
}

impl From<Diagnostics> for Error {
    fn from(d: Diagnostics) -> Self {
        Self::Input(d)
    }
}

impl From<crate::diagnostic::Diagnostic> for Error {
    fn from(d: crate::diagnostic::Diagnostic) -> Self {
        Self::Input(d.into())
    }
}

/// A cause of an error in words: for the commonest failures of files (not found, permission
/// denied, ...) in the language coprod speaks when that is not English, else as the operating
/// system says it.
pub fn reason(cause: &(dyn std::error::Error + 'static)) -> String {
    use crate::catalog::{FALLBACK, say, spoken};
    let id = cause.downcast_ref::<io::Error>().and_then(|e| {
        Some(match e.kind() {
            io::ErrorKind::NotFound => "io-not-found",
            io::ErrorKind::PermissionDenied => "io-permission-denied",
            io::ErrorKind::AlreadyExists => "io-already-exists",
            io::ErrorKind::IsADirectory => "io-is-a-folder",
            io::ErrorKind::NotADirectory => "io-not-a-folder",
            io::ErrorKind::StorageFull => "io-disk-full",
            io::ErrorKind::ReadOnlyFilesystem => "io-read-only",
            io::ErrorKind::InvalidData => "io-invalid-data",
            _ => return None,
        })
    });
    match id {
        Some(id) if spoken() != FALLBACK => say(id, &[]),
        _ => cause.to_string(),
    }
}

/// A message with its framing words (`help:`, `note:` at the start of a line) in the language
/// coprod speaks.
pub fn framed(message: &str) -> String {
    use crate::catalog::say;
    let mut out = String::with_capacity(message.len());
    for (n, line) in message.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let (word, rest) = match line.split_once(": ") {
            Some(("help", rest)) => (Some("help-word"), rest),
            Some(("note", rest)) => (Some("note-word"), rest),
            Some(("warning", rest)) => (Some("warning-word"), rest),
            _ => (None, line),
        };
        match word {
            Some(id) => {
                out.push_str(&say(id, &[]));
                out.push_str(": ");
                out.push_str(rest);
            }
            None => out.push_str(line),
        }
    }
    out
}

/// Exit codes. Documented in the README; tests pin them.
pub mod exit {
    /// Everything worked.
    pub const OK: u8 = 0;
    /// An unexpected failure not covered below.
    pub const FAILURE: u8 = 1;
    /// The command line was wrong (also what clap uses).
    pub const USAGE: u8 = 2;
    /// An input file is malformed or does not match its framework.
    pub const INVALID_INPUT: u8 = 3;
    /// A file could not be read or written.
    pub const IO: u8 = 4;
    /// An interactive command had no terminal to talk to.
    pub const NO_TERMINAL: u8 = 5;
    /// The record is open in another assessment (its lock is held), or was changed on disk by
    /// someone else during this one; nothing was overwritten.
    pub const CONFLICT: u8 = 6;
    /// Stopped by the user (Ctrl-C); work so far was saved.
    pub const INTERRUPTED: u8 = 130;
}
