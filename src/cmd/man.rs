//! `coprod man`: the manual page, in roff, on standard output.
//!
//! One page holds the whole command: the top-level synopsis and options, then a section for
//! each subcommand with its own synopsis, description and options, then exit status, files
//! and environment.

use std::io::Write;

use clap::CommandFactory;
use clap_mangen::Man;

use crate::cli::Cli;
use crate::error::Error;

/// Runs `coprod man`.
pub fn execute() -> Result<(), Error> {
    let page = render().map_err(|e| Error::io("cannot render the manual page", e))?;
    let mut out = std::io::stdout().lock();
    out.write_all(&page)
        .and_then(|()| out.flush())
        .map_err(|e| Error::io("cannot write to standard output", e))
}

/// The whole manual page.
pub fn render() -> std::io::Result<Vec<u8>> {
    let mut cmd = Cli::command();
    cmd.build();
    let man = Man::new(cmd.clone());
    let mut title = Vec::new();
    man.render_title(&mut title)?;
    let mut page = Vec::new();
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    // The commands are described on this page (below), not on pages of their own.
    writeln!(page, ".SH COMMANDS")?;
    for sub in shown(&cmd) {
        writeln!(page, ".TP")?;
        writeln!(page, "\\fBcoprod {}\\fR", sub.get_name())?;
        writeln!(page, "{}", roff_text(&about(sub)))?;
    }
    for sub in shown(&cmd) {
        subcommand_sections(sub, &mut page)?;
    }
    man.render_version_section(&mut page)?;
    page.extend_from_slice(TAIL.as_bytes());
    Ok(assemble(&title, &page))
}

/// Puts the page together: the `.TH` line first, then the roff definitions that each rendered
/// part repeats (once), then the body.
fn assemble(title: &[u8], body: &[u8]) -> Vec<u8> {
    let title = String::from_utf8_lossy(title);
    let body = String::from_utf8_lossy(body);
    let is_definition = |line: &&str| line.starts_with(".ie ") || line.starts_with(".el ");
    let definitions: Vec<&str> = title.lines().filter(is_definition).collect();
    let mut page = String::new();
    for line in title.lines().filter(|l| !is_definition(l)) {
        page.push_str(line);
        page.push('\n');
    }
    for line in definitions {
        page.push_str(line);
        page.push('\n');
    }
    for line in body.lines().filter(|l| !is_definition(l)) {
        page.push_str(line);
        page.push('\n');
    }
    ascii_roff(&page).into_bytes()
}

/// Every character outside ASCII written as roff's `\[uXXXX]`, which every man reader shows
/// whatever the page's encoding (groff warns of raw UTF-8 without a preprocessor).
fn ascii_roff(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    for c in page.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&format!("\\[u{:04X}]", u32::from(c)));
        }
    }
    out
}

/// The subcommands worth a section: all but clap's own `help`.
fn shown(cmd: &clap::Command) -> impl Iterator<Item = &clap::Command> {
    cmd.get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
}

/// A subcommand's one-line description.
fn about(cmd: &clap::Command) -> String {
    cmd.get_about().map(ToString::to_string).unwrap_or_default()
}

/// Text safe to put on a roff line: backslashes doubled, no control character at the start.
fn roff_text(text: &str) -> String {
    let text = text.replace('\\', "\\e").replace('-', "\\-");
    if text.starts_with(['.', '\'']) {
        format!("\\&{text}")
    } else {
        text
    }
}

/// A `.SH` section for one subcommand (and, below it, its own subcommands), with `.SS`
/// headings for its synopsis, description and options.
fn subcommand_sections(sub: &clap::Command, page: &mut Vec<u8>) -> std::io::Result<()> {
    let name = sub.get_bin_name().unwrap_or_else(|| sub.get_name());
    writeln!(page, ".SH \"{}\"", name.to_uppercase())?;
    let man = Man::new(sub.clone());
    let mut body = Vec::new();
    man.render_synopsis_section(&mut body)?;
    man.render_description_section(&mut body)?;
    if sub.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut body)?;
    }
    for line in String::from_utf8_lossy(&body).lines() {
        match line.strip_prefix(".SH ") {
            Some(heading) => writeln!(page, ".SS {heading}")?,
            None => writeln!(page, "{line}")?,
        }
    }
    for nested in shown(sub) {
        subcommand_sections(nested, page)?;
    }
    Ok(())
}

/// What clap does not know: exit codes, the files coprod reads and its environment.
const TAIL: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
success
.TP
\fB1\fR
an unexpected failure
.TP
\fB2\fR
the command line was wrong (unknown flag, missing argument, an output that is a folder, a record that would be overwritten)
.TP
\fB3\fR
an input file is malformed or does not match its framework
.TP
\fB4\fR
a file could not be read or written
.TP
\fB5\fR
\fBcoprod assess\fR needs a terminal (use \fB\-\-answers\fR FILE without one)
.TP
\fB130\fR
stopped with Ctrl\-C; everything answered so far is saved
.SH FILES
.TP
\fBcoprod.toml\fR
optional settings (partnership name, default framework, report title and organisation, output folder, divergence threshold, group names), looked for in the current folder and each folder above it
.TP
\fB$XDG_CONFIG_HOME/coprod/coprod.toml\fR, \fB~/.config/coprod/coprod.toml\fR
the same settings for every folder, used when no folder has a \fBcoprod.toml\fR; \fBcoprod config\fR shows which file is in use
.PP
Records, answers files and frameworks are YAML files wherever you keep them; coprod keeps no files of its own.
.SH ENVIRONMENT
.TP
\fBNO_COLOR\fR
when set and not empty, no colour is used
.TP
\fBCOLUMNS\fR
the width that tables and text are laid out in
.TP
\fBTERM\fR
\fBdumb\fR makes \fBcoprod assess\fR use plain prompts, as \fB\-\-plain\fR does
.TP
\fBXDG_CONFIG_HOME\fR, \fBHOME\fR
where the user's \fBcoprod.toml\fR is looked for
.TP
\fBEDITOR\fR
the editor \fBcoprod assess\fR opens for longer evidence notes
.SH "SEE ALSO"
\fBcoprod framework schema\fR prints JSON Schemas for editors; the README describes every file format.
"#;
