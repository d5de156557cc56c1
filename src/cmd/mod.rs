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
