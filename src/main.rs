//! The `coprod` binary: parse the command line, run it, report errors, set the exit code.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use coprod::Error;
use coprod::catalog::say;
use coprod::cli::{Cli, use_color};
use coprod::cmd::run;
use coprod::error::exit;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Ctrl-C, SIGTERM and SIGHUP remove temporary files and locks in every command, and
    // leave the terminal as it was (a prompt may have it in raw mode).
    coprod::storage::catch_interrupts(coprod::assess::screen::restore_if_raw);
    match run(cli) {
        Ok(()) => ExitCode::from(exit::OK),
        Err(err) => {
            // A closed pipe (`coprod report … | head`) is not a failure.
            if let Error::Io { source, .. } = &err
                && source.kind() == std::io::ErrorKind::BrokenPipe
            {
                return ExitCode::from(exit::OK);
            }
            let color = use_color(std::io::stderr().is_terminal());
            match &err {
                Error::Input(d) => eprintln!("{}", d.render(color)),
                // Stopping on purpose is not an error; the message says how to carry on.
                Error::Interrupted(msg) => eprintln!("\n{}", coprod::clean::terminal(msg)),
                other => {
                    let mut msg = format!("{}: {other}", say("error-word", &[]));
                    let mut cause = std::error::Error::source(other);
                    while let Some(c) = cause {
                        msg.push_str(": ");
                        msg.push_str(&coprod::error::reason(c));
                        cause = c.source();
                    }
                    // File names and values in the message may hold anything a file can.
                    eprintln!("{}", coprod::clean::terminal(&coprod::error::framed(&msg)));
                }
            }
            ExitCode::from(err.exit_code())
        }
    }
}
