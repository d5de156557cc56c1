//! `coprod.toml`: defaults for a partnership, so the same answers are not typed every time.
//!
//! The file is looked for in the current folder and then each folder above it, then in the
//! user's configuration folder (`$XDG_CONFIG_HOME/coprod/coprod.toml`, or
//! `~/.config/coprod/coprod.toml`). Unknown keys are errors, with a suggestion, like everywhere
//! else.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Pos, Source, suggest};
use crate::error::Error;

/// The file name looked for.
pub const FILE_NAME: &str = "coprod.toml";

/// Settings from `coprod.toml`. Every key is optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The partnership's name, offered as the default in `coprod assess`.
    pub partnership: Option<String>,
    /// The framework to assess when none is named: a built-in id or a path (relative paths are
    /// taken from the folder holding `coprod.toml`).
    pub framework: Option<String>,
    /// The title of reports, instead of "framework: partnership".
    pub title: Option<String>,
    /// The organisation publishing the reports, shown under the title.
    pub organisation: Option<String>,
    /// Where `coprod assess` saves new records (relative to the folder holding `coprod.toml`).
    pub output_dir: Option<PathBuf>,
    /// The language to show frameworks in (walk and reports), e.g. `cy`, when the framework is
    /// written in it.
    pub language: Option<String>,
    /// The gap between groups, in levels, from which an indicator is flagged for discussion.
    pub divergence: Option<f64>,
    /// Display names of stakeholder groups, by id, e.g. `parent-carers = "Parent Carer Forum"`.
    #[serde(default)]
    pub groups: BTreeMap<String, String>,
    /// Where the settings came from.
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

impl Config {
    /// Finds and reads `coprod.toml` from `start` upwards; an empty config if there is none.
    pub fn discover(start: &Path) -> Result<Self, Error> {
        let mut dir = Some(start);
        let mut up = PathBuf::new();
        while let Some(d) = dir {
            if d.join(FILE_NAME).is_file() {
                // Shown relative to where the command runs, as people think of it.
                return Self::load(&up.join(FILE_NAME));
            }
            dir = d.parent();
            up.push("..");
        }
        match user_config_file() {
            Some(p) if p.is_file() => Self::load(&p),
            _ => Ok(Self::default()),
        }
    }

    /// Checks values the parser cannot, and applies group names for display.
    fn finish(mut self, source: &Source) -> Result<Self, Error> {
        if let Some(d) = self.divergence
            && !(d.is_finite() && d > 0.0)
        {
            let pos = source.key_after(Some(Pos { line: 1, column: 1 }), "divergence");
            return Err(Error::Input(
                Diagnostic::at(source, pos, format!("divergence {d} is not allowed"))
                    .label("must be more than 0")
                    .help("give the gap in levels from which views count as different, e.g. 1.5")
                    .into(),
            ));
        }
        if let (Some(out), Some(dir)) = (
            &self.output_dir,
            self.path.as_deref().and_then(Path::parent),
        ) && out.is_relative()
        {
            self.output_dir = Some(dir.join(out));
        }
        Ok(self)
    }

    /// Reads one config file.
    pub fn load(path: &Path) -> Result<Self, Error> {
        let source = crate::yaml::read_source(path)?;
        let mut config: Self = toml::from_str(&source.text).map_err(|e| toml_error(&source, &e))?;
        if let (Some(f), Some(dir)) = (&config.framework, path.parent())
            && (f.ends_with(".yaml") || f.ends_with(".yml") || f.contains('/'))
            && Path::new(f).is_relative()
        {
            config.framework = Some(dir.join(f).display().to_string());
        }
        config.path = Some(path.to_path_buf());
        config.finish(&source)
    }

    /// Makes the configured group names the ones every report and prompt uses.
    pub fn apply(&self) {
        crate::record::set_group_names(self.groups.clone());
    }
}

/// The user-wide configuration file, if a home or config folder is known.
pub fn user_config_file() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|h| PathBuf::from(h).join(".config"))
        })?;
    Some(base.join("coprod").join(FILE_NAME))
}

/// The keys `coprod.toml` accepts.
pub const KEYS: &[&str] = &[
    "partnership",
    "framework",
    "title",
    "organisation",
    "output_dir",
    "divergence",
    "groups",
    "language",
];

fn key_list() -> String {
    KEYS.iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn toml_error(source: &Source, e: &toml::de::Error) -> Error {
    let pos = e.span().map(|span| {
        let mut start = span.start.min(source.text.len());
        while !source.text.is_char_boundary(start) {
            start -= 1;
        }
        let before = &source.text[..start];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Pos { line, column }
    });
    let message = e.message().trim().to_string();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or("");
        let d = Diagnostic::at(source, pos, format!("unknown key `{field}`"))
            .label("not a key coprod knows");
        let keys = KEYS.iter().copied();
        let d = match suggest(field, keys) {
            Some(s) => d.help(format!("did you mean `{s}`? Keys allowed: {}", key_list())),
            None => d.help(format!("keys allowed: {}", key_list())),
        };
        return Error::Input(d.into());
    }
    if message.starts_with("string values must be quoted") {
        // Show the line as it should be written.
        let line = pos.and_then(|p| source.text.lines().nth(p.line - 1));
        let fixed = line.and_then(|l| l.split_once('=')).map(|(key, value)| {
            let value = value.split(" #").next().unwrap_or(value).trim();
            let value = if value.is_empty() { "…" } else { value };
            format!("{} = \"{}\"", key.trim(), value.replace('"', "\\\""))
        });
        let d = Diagnostic::at(source, pos, "text in coprod.toml goes in double quotes")
            .label("not quoted");
        return Error::Input(
            match fixed {
                Some(f) => d.help(format!("write it as `{f}`")),
                None => d.help("put the text in double quotes"),
            }
            .into(),
        );
    }
    Error::Input(Diagnostic::at(source, pos, message).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(text: &str) -> String {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("coprod.toml");
        std::fs::write(&path, text).expect("write");
        match Config::load(&path) {
            Err(Error::Input(d)) => d.render(false),
            other => panic!("expected an input error, got {other:?}"),
        }
    }

    #[test]
    fn unquoted_text_gets_the_line_as_it_should_be() {
        let m = message("partnership = Hafren Vale # the forum's name\n");
        assert!(
            m.contains("text in coprod.toml goes in double quotes"),
            "{m}"
        );
        assert!(
            m.contains(r#"write it as `partnership = "Hafren Vale"`"#),
            "{m}"
        );
        // Positions are found in characters, whatever comes before them.
        let m = message("title = \"Cyd-gynhyrchu ŵ\"\norganisation = Fforwm Rhieni\n");
        assert!(m.contains("coprod.toml:2:16"), "{m}");
    }
}
