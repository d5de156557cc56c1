//! `coprod assess`: the workshop walk-through.

use std::io::Write;

use crate::cli::AssessArgs;
use crate::error::Error;
use crate::framework::Framework;

/// Runs `coprod assess`.
pub fn execute(args: &AssessArgs) -> Result<(), Error> {
    let framework = Framework::load(&args.framework)?;
    let mut out = std::io::stdout().lock();
    crate::cmd::framework::write_framework(&framework, &mut out)
        .map_err(|e| Error::io("cannot write to standard output", e))?;
    writeln!(
        out,
        "\nThe interactive walk-through is not built yet. Score the indicators above in a record \
         file (see the README for the format and examples/ for samples), then run\n  coprod report RECORD.yaml"
    )
    .map_err(|e| Error::io("cannot write to standard output", e))
}
