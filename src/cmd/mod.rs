//! One module per subcommand, each with an `execute` function.

pub mod assess;
pub mod completions;
pub mod config;
pub mod framework;
pub mod man;
pub mod report;
