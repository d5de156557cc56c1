//! `coprod import`: form exports in, records out.

use std::path::{Path, PathBuf};

use crate::cli::ImportArgs;
use crate::config::Config;
use crate::diagnostic::Diagnostics;
use crate::error::Error;
use crate::framework::Framework;
use crate::import::{self, Making, Options, sheet};
use crate::record::{FrameworkCheck, IsoDate};

/// Runs `coprod import`.
pub fn execute(args: &ImportArgs, quiet: bool) -> Result<(), Error> {
    let cwd =
        std::env::current_dir().map_err(|e| Error::io("cannot find the current folder", e))?;
    let config = Config::discover(&cwd)?;
    let groups = config.groups();
    let framework = match args.framework.clone().or_else(|| config.framework.clone()) {
        Some(f) => Framework::load(&f)?,
        None => Framework::default_framework()?,
    };
    let group_map = import::parse_group_map(&args.group_map).map_err(Error::Usage)?;
    let options = Options {
        group_column: args.group_column.clone(),
        group_map,
        config_groups: config.groups.clone(),
        group: args.group.clone(),
        keep_names: args.keep_names,
        date_given: args.date.is_some(),
    };
    let partnership = args
        .partnership
        .clone()
        .or_else(|| config.partnership.clone());
    let out_dir = args
        .output_dir
        .clone()
        .or_else(|| config.output_dir.clone())
        .unwrap_or_else(|| PathBuf::from("."));
    if !args.dry_run && !out_dir.is_dir() {
        return Err(Error::Usage(format!(
            "the folder {} does not exist\nhelp: make it first, or choose another with --output-dir",
            out_dir.display()
        )));
    }
    let mut problems = Vec::new();
    let mut plans = Vec::new();
    let mut files = Vec::new();
    for arg in &args.files {
        files.extend(crate::cmd::files::matches(arg)?);
    }
    for file in &files {
        let sheet = sheet::read(file)?;
        match import::plan(&sheet, &framework, &options) {
            Ok(p) => plans.push(p),
            Err(Diagnostics(mut d)) => problems.append(&mut d),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Input(Diagnostics(problems)));
    }
    let mut all = Vec::new();
    let mut report = String::new();
    for plan in &plans {
        let (date, note) = match (args.date, plan.latest_day()) {
            (Some(d), _) => (d, format!("dated {d}, from --date")),
            (None, Some(d)) => (IsoDate(d), format!("dated {d}, the latest response's day")),
            (None, None) => {
                let today = jiff::Zoned::now().date();
                (
                    IsoDate(today),
                    format!("dated {today}: the export has no timestamps; --date sets the day"),
                )
            }
        };
        let partnership_name = match &partnership {
            Some(p) => p.clone(),
            None if args.dry_run => "(partnership not given)".to_string(),
            None => {
                return Err(Error::Usage(
                    "the export does not say which partnership this is\nhelp: pass --partnership NAME, or set `partnership` in coprod.toml"
                        .into(),
                ));
            }
        };
        let making = Making {
            partnership: partnership_name,
            date,
            per_respondent: args.per_respondent,
        };
        let records = plan.records(&framework, &making);
        if args.dry_run {
            report.push_str(&plan.describe(&records, &note));
        } else {
            for (col, header) in plan.unplaced() {
                eprintln!(
                    "note: {}: column {col} (`{header}`) is not a question of {}; left out",
                    plan.file, framework.title
                );
            }
            if !plan.skipped.is_empty() && !quiet {
                eprintln!(
                    "note: {}: {} left out (see --dry-run)",
                    plan.file,
                    crate::words::plural(plan.skipped.len(), "row")
                );
            }
        }
        all.extend(records);
    }
    if args.dry_run {
        print!("{report}");
        println!("\nNothing was written (--dry-run).");
        return Ok(());
    }
    // Every record is checked, and none is written over an existing file, before any is saved.
    let mut targets = Vec::new();
    for (name, record) in &all {
        let path = out_dir.join(name);
        let path = path
            .strip_prefix("./")
            .map(Path::to_path_buf)
            .unwrap_or(path);
        if path.exists() && !args.force {
            return Err(Error::Usage(format!(
                "{} already exists, and coprod never overwrites a record without being asked\n\
                 help: import into another folder with --output-dir, or pass --force to replace it",
                path.display()
            )));
        }
        let text = record.to_yaml().map_err(|e| {
            Error::io(
                "cannot write a record",
                std::io::Error::other(e.to_string()),
            )
        })?;
        let source = crate::diagnostic::Source::named(path.display().to_string(), text);
        let reread = crate::record::Record::parse(&source)?;
        reread.check(&source, &framework, FrameworkCheck::Strict)?;
        targets.push((path, record));
    }
    for (path, record) in &targets {
        record.save(path)?;
    }
    if !quiet {
        eprintln!("Wrote {}:", crate::words::plural(targets.len(), "record"));
        for (path, record) in &targets {
            eprintln!(
                "  {} ({})",
                path.display(),
                record.scored_by.describe(&groups)
            );
        }
        let folder = if out_dir == Path::new(".") {
            "*.yaml".to_string()
        } else {
            format!("{}/*.yaml", out_dir.display())
        };
        eprintln!("Next: coprod report {folder} -o board-report.pdf");
    }
    Ok(())
}
