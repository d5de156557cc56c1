//! One module per subcommand, each with an `execute` function.

pub mod assess;
pub mod completions;
pub mod config;
pub mod files;
pub mod form;
pub mod framework;
pub mod import;
pub mod man;
pub mod report;

use crate::cli::{Cli, Command};
use crate::error::Error;

/// Runs a parsed command line. `--quiet` is handed to the commands that say what they did, so
/// no setting lives in a global.
pub fn run(cli: Cli) -> Result<(), Error> {
    let quiet = cli.quiet;
    // coprod's messages are in the language asked for, from the start (`coprod.toml`'s is
    // taken up by the commands that read it).
    let language = match &cli.command {
        Command::Assess(args) => args.language.as_deref(),
        Command::Report(args) => args.language.as_deref(),
        Command::Framework(crate::cli::FrameworkCommand::Show { language, .. }) => {
            language.as_deref()
        }
        _ => None,
    };
    if let Some(language) = language {
        crate::catalog::speak(language);
    }
    match cli.command {
        Command::Config => config::execute(),
        Command::Assess(args) => assess::execute(&args, quiet),
        Command::Report(args) => report::execute(&args, quiet),
        Command::Import(args) => import::execute(&args, quiet),
        Command::Framework(cmd) => framework::execute(cmd, quiet),
        Command::Completions { shell } => completions::execute(shell),
        Command::Man => man::execute(),
    }
}
