//! `coprod config`: which `coprod.toml` is in use, and the settings in effect.

use std::io::Write;

use crate::config::{Config, FILE_NAME, user_config_file};
use crate::error::Error;

/// Runs `coprod config`.
pub fn execute() -> Result<(), Error> {
    let cwd =
        std::env::current_dir().map_err(|e| Error::io("cannot find the current folder", e))?;
    let config = Config::discover(&cwd)?;
    let mut out = std::io::stdout().lock();
    let err = |e| Error::io("cannot write to standard output", e);
    match &config.path {
        Some(p) => writeln!(
            out,
            "# Settings from {}",
            crate::clean::terminal_name(&p.display().to_string())
        )
        .map_err(err)?,
        None => {
            let user =
                user_config_file().map_or_else(String::new, |p| format!(" or {}", p.display()));
            writeln!(
                out,
                "# No {FILE_NAME} found in this folder, the folders above it{user}.\n# These are the defaults."
            )
            .map_err(err)?;
        }
    }
    // Printed as TOML that coprod reads back: a setting not made is a comment.
    let text = crate::clean::toml_string;
    let show = |key: &str, v: &Option<String>| match v {
        Some(s) => format!("{key} = {}", text(s)),
        None => format!("# {key} = \"\"  (not set)"),
    };
    writeln!(out, "{}", show("partnership", &config.partnership)).map_err(err)?;
    let framework = config
        .framework
        .as_deref()
        .unwrap_or(crate::framework::DEFAULT_ID);
    writeln!(out, "framework = {}", text(framework)).map_err(err)?;
    writeln!(out, "{}", show("title", &config.title)).map_err(err)?;
    writeln!(out, "{}", show("organisation", &config.organisation)).map_err(err)?;
    let output_dir = config
        .output_dir
        .as_ref()
        .map_or_else(|| ".".to_string(), |p| p.display().to_string());
    writeln!(out, "output_dir = {}", text(&output_dir)).map_err(err)?;
    writeln!(
        out,
        "divergence = {}",
        toml::Value::Float(
            config
                .divergence
                .unwrap_or(crate::score::compare::DEFAULT_DIVERGENCE)
        )
    )
    .map_err(err)?;
    writeln!(out, "\n[groups]").map_err(err)?;
    // The configured groups first, in their order (which is the order of groups in reports),
    // then the other groups coprod knows.
    let mut names: Vec<(String, String)> = Vec::new();
    let configured = config.group_order.iter().chain(
        config
            .groups
            .keys()
            .filter(|k| !config.group_order.contains(k)),
    );
    for id in configured {
        if let Some(name) = config.groups.get(id) {
            names.push((id.clone(), name.clone()));
        }
    }
    for (id, n) in crate::record::KNOWN_GROUPS {
        if !names.iter().any(|(i, _)| i == id) {
            names.push(((*id).to_string(), (*n).to_string()));
        }
    }
    for (id, name) in names {
        let key = if id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            id.clone()
        } else {
            text(&id)
        };
        writeln!(out, "{key} = {}", text(&name)).map_err(err)?;
    }
    Ok(())
}
