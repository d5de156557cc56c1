//! One module per subcommand, each with an `execute` function.

pub mod assess;
pub mod framework;
pub mod report;
