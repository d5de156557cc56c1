//! File arguments as people give them: a folder means every record in it, and `*` and `?` are
//! expanded here when the shell did not (Windows' `cmd.exe` and PowerShell pass them on).

use std::path::{Path, PathBuf};

use crate::error::Error;

/// What a list of file arguments comes to: the files, in a stable order, and notes on what was
/// left out of folders.
#[derive(Debug, Default)]
pub struct Expanded {
    /// The files, each folder's in name order, folders walked recursively.
    pub files: Vec<PathBuf>,
    /// Files found in folders that are not records, left out.
    pub skipped: Vec<PathBuf>,
}

/// Expands record arguments: `-` stays, a folder becomes the records in it (recursively, in
/// name order; other files are left out and listed), and a pattern with `*` or `?` that names
/// no file is matched here.
pub fn records(args: &[PathBuf]) -> Result<Expanded, Error> {
    let mut out = Expanded::default();
    for arg in args {
        for path in matches(arg)? {
            if path.is_dir() {
                walk(&path, &mut out)?;
            } else {
                out.files.push(path);
            }
        }
    }
    Ok(out)
}

/// The files a pattern matches, or the argument itself when it is no pattern (or a file of
/// that very name exists).
pub fn matches(arg: &Path) -> Result<Vec<PathBuf>, Error> {
    let text = arg.to_string_lossy();
    if !text.contains(['*', '?']) || arg.exists() {
        return Ok(vec![arg.to_path_buf()]);
    }
    let mut found = vec![PathBuf::new()];
    let absolute = text.starts_with('/') || text.starts_with('\\');
    if absolute {
        found = vec![PathBuf::from(std::path::MAIN_SEPARATOR_STR)];
    }
    for part in text.split(['/', '\\']).filter(|p| !p.is_empty()) {
        let mut next = Vec::new();
        for base in &found {
            if !part.contains(['*', '?']) {
                let p = base.join(part);
                if p.exists() || (cfg!(windows) && part.ends_with(':')) {
                    next.push(p);
                }
                continue;
            }
            let dir = if base.as_os_str().is_empty() {
                Path::new(".")
            } else {
                base.as_path()
            };
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue;
            };
            let mut names: Vec<String> = entries
                .filter_map(Result::ok)
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| !n.starts_with('.') && wildcard(part, n))
                .collect();
            names.sort();
            next.extend(names.into_iter().map(|n| base.join(n)));
        }
        found = next;
    }
    if found.is_empty() {
        return Err(Error::Usage(format!(
            "no file matches {text}\nhelp: check the folder and the pattern, e.g. records/2026/*.yaml"
        )));
    }
    Ok(found)
}

/// Whether a name matches a pattern where `*` is any run of characters and `?` one character.
pub fn wildcard(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    // Linear-time matching with one backtrack point, as shells do.
    let (mut i, mut j) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while j < n.len() {
        if i < p.len() && (p[i] == '?' || p[i] == n[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some((i, j));
            i += 1;
        } else if let Some((si, sj)) = star {
            i = si + 1;
            j = sj + 1;
            star = Some((si, sj + 1));
        } else {
            return false;
        }
    }
    p[i..].iter().all(|c| *c == '*')
}

/// Adds the records under a folder, in name order, folder by folder.
fn walk(dir: &Path, out: &mut Expanded) -> Result<(), Error> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Error::io(format!("cannot read the folder {}", dir.display()), e))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, out)?;
        } else if is_record_file(&path) {
            out.files.push(path);
        } else {
            out.skipped.push(path);
        }
    }
    Ok(())
}

/// Whether a file in a folder looks like a record: YAML with `format:` and `framework:` at the
/// top level. A broken record still looks like one, so its errors are shown, not skipped.
fn is_record_file(path: &Path) -> bool {
    let yaml = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"));
    if !yaml {
        return false;
    }
    let Ok(text) = std::fs::read_to_string(path) else {
        return true; // Unreadable: loading it says why.
    };
    let top = |key: &str| text.lines().any(|l| l.starts_with(key));
    top("format:") && top("framework:")
}

#[cfg(test)]
mod tests {
    use super::wildcard;

    #[test]
    fn wildcards_match_like_a_shell() {
        assert!(wildcard("*.yaml", "health.yaml"));
        assert!(!wildcard("*.yaml", "health.yml"));
        assert!(wildcard("20??", "2026"));
        assert!(!wildcard("20??", "202"));
        assert!(wildcard("*", ""));
        assert!(wildcard("a*b*c", "axxbyyc"));
        assert!(!wildcard("a*b*c", "axxbyy"));
        assert!(wildcard("*ŵ?", "Siŵn"));
    }
}
