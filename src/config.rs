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
    /// On the full screen of `coprod assess`, stay on the indicator after a level is chosen
    /// (as `--stay` does) instead of moving on.
    pub stay: Option<bool>,
    /// Display names of stakeholder groups, by id, e.g. `parent-carers = "Parent Carer Forum"`.
    /// In a report, groups come in the order they are written here, then the other groups
    /// coprod knows, then the rest alphabetically.
    #[serde(default)]
    pub groups: BTreeMap<String, String>,
    /// The ids of `groups` in the order the file gives them.
    #[serde(skip)]
    pub group_order: Vec<String>,
    /// Where the settings came from.
    #[serde(skip)]
    pub path: Option<PathBuf>,
    /// Settings files found but not read, each with the reason, for a warning.
    #[serde(skip)]
    pub ignored: Vec<String>,
}

impl Config {
    /// Finds and reads `coprod.toml` from `start` upwards; an empty config if there is none.
    ///
    /// As git does with `safe.directory`, a settings file that belongs to another user, or that
    /// other users may change, is not read: it could send records with people's names into
    /// someone else's folder. It is skipped (the search goes on) and named in
    /// [`Config::ignored`], for a warning.
    pub fn discover(start: &Path) -> Result<Self, Error> {
        let mut ignored = Vec::new();
        let mut dir = Some(start);
        let mut up = PathBuf::new();
        let mut found = None;
        while let Some(d) = dir {
            let full = d.join(FILE_NAME);
            if full.is_file() {
                // Shown relative to where the command runs, as people think of it.
                let shown = up.join(FILE_NAME);
                match untrusted(&full) {
                    Some(why) => ignored.push(ignored_message(&shown, &why)),
                    None => {
                        found = Some(shown);
                        break;
                    }
                }
            }
            dir = d.parent();
            up.push("..");
        }
        if found.is_none()
            && let Some(p) = user_config_file().filter(|p| p.is_file())
        {
            match untrusted(&p) {
                Some(why) => ignored.push(ignored_message(&p, &why)),
                None => found = Some(p),
            }
        }
        let mut config = match found {
            Some(p) => Self::load(&p)?,
            None => Self::default(),
        };
        // Said even with --quiet: settings someone may rely on are not in effect.
        for message in &ignored {
            eprintln!("{}", crate::clean::terminal(message));
        }
        config.ignored = ignored;
        Ok(config)
    }

    /// Checks values the parser cannot, and applies group names for display.
    fn finish(mut self, source: &Source) -> Result<Self, Error> {
        // The file read already, so it parses; a table keeps its keys in the file's order.
        self.group_order = source
            .text
            .parse::<toml::Table>()
            .ok()
            .and_then(|t| t.get("groups").and_then(toml::Value::as_table).cloned())
            .map(|g| g.keys().cloned().collect())
            .unwrap_or_default();
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

    /// The configured group names and order, for every report and prompt of a command.
    pub fn groups(&self) -> crate::record::Groups {
        crate::record::Groups::new(self.groups.clone(), self.group_order.clone())
    }
}

/// Why a settings file is not to be trusted: it belongs to another user, or others may write
/// to it. `None` when it is the user's own (and on systems without user ids).
fn untrusted(path: &Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::metadata(path).ok()?;
        let me = rustix::process::geteuid().as_raw();
        if meta.uid() != me {
            return Some(format!(
                "it belongs to another user (user id {}, not {me})",
                meta.uid()
            ));
        }
        if meta.mode() & 0o022 != 0 {
            return Some("other users can change it".to_string());
        }
        None
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

fn ignored_message(path: &Path, why: &str) -> String {
    format!(
        "warning: not reading {}: {why}\n\
         help: coprod only reads settings files that are yours and that only you can change; \
         if you trust it, copy it into a folder of your own (or, if it is yours, run `chmod go-w` on it)",
        path.display()
    )
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
    "stay",
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
