//! `coprod.toml`: defaults for a partnership, so the same answers are not typed every time.
//!
//! The file is looked for in the current folder and then each folder above it. Unknown keys
//! are errors, with a suggestion, like everywhere else.

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
        Ok(Self::default())
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
        Ok(config)
    }
}

fn toml_error(source: &Source, e: &toml::de::Error) -> Error {
    let pos = e.span().map(|span| {
        let before = &source.text[..span.start.min(source.text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Pos { line, column }
    });
    let message = e.message().trim().to_string();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or("");
        let d = Diagnostic::at(source, pos, format!("unknown key `{field}`"))
            .label("not a key coprod knows");
        let keys = ["partnership", "framework"];
        let d = match suggest(field, keys) {
            Some(s) => d.help(format!(
                "did you mean `{s}`? Keys allowed: `partnership`, `framework`"
            )),
            None => d.help("keys allowed: `partnership`, `framework`"),
        };
        return Error::Input(d.into());
    }
    Error::Input(Diagnostic::at(source, pos, message).into())
}
