//! The prompts `coprod assess` needs, behind a small trait.
//!
//! The walk through a framework only talks to a [`Prompter`], so it can be driven by the real
//! terminal ([`Fancy`], using `inquire`), by a plain line-by-line terminal for screen readers
//! ([`Plain`]), or by a script in tests ([`Scripted`]).

use std::collections::VecDeque;
use std::io::{BufRead, Write};

use crate::catalog::Catalog;
use crate::clean::{terminal, terminal_line};

/// Why a prompt did not return an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stop {
    /// Ctrl-C: save what is done and stop.
    Interrupted,
    /// The input ended (Ctrl-D, or a closed pipe): save and stop.
    EndOfInput,
    /// The terminal failed.
    Failed(String),
}

/// One option in a choice: a short key people can type, and a label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// What to type to pick it in plain mode, e.g. `3`, `n`, `b`.
    pub key: String,
    /// What is shown.
    pub label: String,
}

impl Item {
    /// An option with a key and a label.
    pub fn new(key: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            key: key.into(),
            label: label.into(),
        }
    }
}

/// The answer to a text question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// Text as typed (may be empty).
    Text(String),
    /// Esc: go back / leave this question.
    Back,
}

/// Everything the walk asks of a terminal.
pub trait Prompter {
    /// Shows information (a heading, a statement, guidance).
    fn show(&mut self, text: &str);
    /// Asks to pick one item; returns its index, or `None` when the person pressed Esc.
    fn choose(
        &mut self,
        question: &str,
        items: &[Item],
        default: usize,
    ) -> Result<Option<usize>, Stop>;
    /// Asks for one line of text, offering `default` (Enter keeps it).
    fn text(&mut self, question: &str, default: &str, help: &str) -> Result<Reply, Stop>;
    /// Opens an editor for longer text, starting from `initial`.
    fn editor(&mut self, question: &str, initial: &str) -> Result<Reply, Stop>;
    /// Asks a yes/no question.
    fn confirm(&mut self, question: &str, default: bool) -> Result<bool, Stop>;
    /// Asks for one line of text while something goes on meanwhile: `tick` is called often
    /// until the line is typed (phones' votes are saved this way while the facilitator waits).
    /// Prompters that cannot watch their input call it once, then wait as [`Prompter::text`].
    fn text_while(&mut self, question: &str, tick: &mut dyn FnMut()) -> Result<Reply, Stop> {
        tick();
        self.text(question, "", "")
    }
    /// Speaks a language from now on (a BCP 47 tag): the prompter's own words, such as the
    /// hint at a choice, in coprod's catalog for it. Prompters without words of their own
    /// ignore it.
    fn speak(&mut self, _language: &str) {}

    /// Whether this is plain mode (a screen reader, `TERM=dumb`): no rules, bullets or other
    /// decorative characters, and hints that say what to type rather than which key to press.
    fn is_plain(&self) -> bool {
        false
    }
    /// How wide the screen is, in columns, for wrapping text.
    fn width(&self) -> usize {
        usize::from(crate::terminal::width(true))
    }
}

// ---------------------------------------------------------------------------------------------

/// A plain, line-by-line prompter: numbered choices, no cursor movement, no colour. Works with
/// screen readers, braille displays and any terminal.
pub struct Plain<R: BufRead, W: Write> {
    input: R,
    output: W,
    /// The words it says itself (the hint at a choice, what it says to an answer that is not
    /// one, the editor's instructions), in the language it speaks.
    words: Catalog,
    /// Whether `input` is the process's standard input, which can be watched for a line
    /// while something else goes on ([`Prompter::text_while`]).
    stdin: bool,
}

impl<R: BufRead, W: Write> Plain<R, W> {
    /// A plain prompter reading `input` and writing `output`, in English until told otherwise.
    pub fn new(input: R, output: W) -> Self {
        Self {
            input,
            output,
            words: Catalog::new(crate::catalog::FALLBACK),
            stdin: false,
        }
    }

    /// Says that `input` reads the process's standard input, so that a line can be waited
    /// for while something goes on meanwhile.
    pub fn on_stdin(mut self) -> Self {
        self.stdin = true;
        self
    }

    /// Waits until standard input has something to read, calling `tick` every few
    /// milliseconds meanwhile. (What an earlier read left in the reader's buffer is read at
    /// the next key press.)
    #[cfg(unix)]
    fn watch_stdin(&mut self, tick: &mut dyn FnMut()) -> Result<(), Stop> {
        use rustix::event::{PollFd, PollFlags, Timespec, poll};
        let stdin = std::io::stdin();
        let timeout = Timespec {
            tv_sec: 0,
            tv_nsec: 5_000_000,
        };
        loop {
            tick();
            let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
            match poll(&mut fds, Some(&timeout)) {
                Ok(0) | Err(rustix::io::Errno::INTR) => {}
                Ok(_) => return Ok(()),
                Err(e) => return Err(Stop::Failed(e.to_string())),
            }
        }
    }

    #[cfg(not(unix))]
    fn watch_stdin(&mut self, tick: &mut dyn FnMut()) -> Result<(), Stop> {
        tick();
        Ok(())
    }

    fn set_language(&mut self, language: &str) {
        if self.words.language() != crate::catalog::catalog_tag(language) {
            self.words = Catalog::new(language);
        }
    }

    fn line(&mut self) -> Result<String, Stop> {
        self.output
            .flush()
            .map_err(|e| Stop::Failed(e.to_string()))?;
        let mut buf = String::new();
        match self.input.read_line(&mut buf) {
            Ok(0) => Err(Stop::EndOfInput),
            Ok(_) => Ok(buf.trim_end_matches(['\n', '\r']).to_string()),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => Err(Stop::Interrupted),
            Err(e) => Err(Stop::Failed(e.to_string())),
        }
    }

    /// A line as typed, or `None` when it holds the Esc key (a terminal sends it as an escape
    /// character, which must never be echoed back raw) or the word `esc`.
    fn line_or_esc(&mut self) -> Result<Option<String>, Stop> {
        let line = self.line()?;
        if line.contains('\u{1b}') || line.trim().eq_ignore_ascii_case("esc") {
            return Ok(None);
        }
        Ok(Some(line))
    }

    fn say(&mut self, text: &str) {
        // A failed write to the terminal shows up at the next read; nothing to do here.
        // Text from records and frameworks never reaches the terminal raw.
        let _ = writeln!(self.output, "{}", terminal(text));
    }
}

/// A yes or a no as typed, in English or Welsh (`ie`, `na`); `None` for anything else.
fn yes_or_no(typed: &str) -> Option<bool> {
    match typed.trim().to_lowercase().as_str() {
        "y" | "yes" | "ie" => Some(true),
        "n" | "no" | "na" => Some(false),
        _ => None,
    }
}

/// Number words people may type for a level, in English and Welsh, with the number to type
/// instead.
const NUMBER_WORDS: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("dim", 0),
    ("un", 1),
    ("dau", 2),
    ("dwy", 2),
    ("tri", 3),
    ("tair", 3),
    ("pedwar", 4),
    ("pedair", 4),
    ("pump", 5),
    ("pum", 5),
    ("chwech", 6),
    ("chwe", 6),
    ("saith", 7),
    ("wyth", 8),
    ("naw", 9),
    ("deg", 10),
];

/// What to tell someone whose answer is not one of the choices, in `w`'s language: the
/// choices by key, and a pointer to the right key for the usual near misses (a number word,
/// `na` or the Welsh `d/b`, `yes`).
fn not_a_choice(w: &Catalog, answer: &str, items: &[Item]) -> String {
    let shown = crate::clean::terminal_line(answer);
    let keys: Vec<&str> = items.iter().map(|i| i.key.as_str()).collect();
    let has = |k: &str| items.iter().find(|i| i.key == k);
    let lower = answer.to_lowercase();
    let hint = if let Some((_, n)) = NUMBER_WORDS.iter().find(|(word, _)| *word == lower) {
        has(&n.to_string()).map(|_| w.format("prompt-hint-number", &[("n", n.to_string().into())]))
    } else if matches!(
        lower.as_str(),
        "na" | "n/a" | "n.a." | "not applicable" | "d/b" | "db" | "ddim yn berthnasol"
    ) {
        has("n").map(|_| w.get("prompt-hint-na"))
    } else if matches!(lower.as_str(), "y" | "yes" | "no" | "ie" | "naddo") {
        Some(w.get("prompt-hint-not-yes-no"))
    } else {
        None
    };
    let mut said = w.format("prompt-not-a-choice", &[("answer", shown.as_ref().into())]);
    if let Some(hint) = hint {
        said.push(' ');
        said.push_str(&hint);
    }
    said.push(' ');
    said.push_str(&w.format("prompt-type-one-of", &[("keys", keys.join(", ").into())]));
    said
}

impl<R: BufRead, W: Write> Prompter for Plain<R, W> {
    fn show(&mut self, text: &str) {
        self.say(text);
    }

    fn speak(&mut self, language: &str) {
        self.set_language(language);
    }

    fn is_plain(&self) -> bool {
        true
    }

    fn choose(
        &mut self,
        question: &str,
        items: &[Item],
        default: usize,
    ) -> Result<Option<usize>, Stop> {
        self.say(question);
        for (i, item) in items.iter().enumerate() {
            let mark = if i == default { " (Enter)" } else { "" };
            // Labels that already start with their key ("3  Developing") are shown once.
            let label = item
                .label
                .strip_prefix(item.key.as_str())
                .filter(|rest| rest.starts_with(' '))
                .map_or(item.label.as_str(), str::trim_start);
            self.say(&format!("  {:>3}  {label}{mark}", item.key));
        }
        loop {
            let _ = write!(self.output, "{} ", self.words.get("prompt-choose"));
            let Some(answer) = self.line_or_esc()? else {
                return Ok(None);
            };
            let answer = answer.trim();
            if answer.is_empty() {
                return Ok(Some(default.min(items.len().saturating_sub(1))));
            }
            let found = items
                .iter()
                .position(|it| it.key.eq_ignore_ascii_case(answer))
                .or_else(|| {
                    // A whole label, with or without its key: "3 Developing" or "Developing".
                    let lower = answer.to_lowercase();
                    items.iter().position(|it| {
                        let label = it.label.to_lowercase();
                        let bare = label
                            .strip_prefix(it.key.to_lowercase().as_str())
                            .map_or(label.as_str(), str::trim_start);
                        label.split_whitespace().eq(lower.split_whitespace())
                            || bare.split_whitespace().eq(lower.split_whitespace())
                    })
                });
            match found {
                Some(i) => return Ok(Some(i)),
                None => {
                    let message = not_a_choice(&self.words, answer, items);
                    self.say(&message);
                }
            }
        }
    }

    fn text(&mut self, question: &str, default: &str, help: &str) -> Result<Reply, Stop> {
        if !help.is_empty() {
            self.say(help);
        }
        let question = terminal_line(question);
        if default.is_empty() {
            let _ = write!(self.output, "{question}: ");
        } else {
            let _ = write!(self.output, "{question} [{}]: ", terminal_line(default));
        }
        let Some(answer) = self.line_or_esc()? else {
            return Ok(Reply::Back);
        };
        Ok(Reply::Text(if answer.trim().is_empty() {
            default.to_string()
        } else {
            answer.trim().to_string()
        }))
    }

    fn text_while(&mut self, question: &str, tick: &mut dyn FnMut()) -> Result<Reply, Stop> {
        if !self.stdin {
            tick();
            return self.text(question, "", "");
        }
        let _ = write!(self.output, "{}: ", terminal_line(question));
        self.output
            .flush()
            .map_err(|e| Stop::Failed(e.to_string()))?;
        self.watch_stdin(tick)?;
        let Some(answer) = self.line_or_esc()? else {
            return Ok(Reply::Back);
        };
        Ok(Reply::Text(answer.trim().to_string()))
    }

    fn editor(&mut self, question: &str, initial: &str) -> Result<Reply, Stop> {
        // In plain mode, several lines are typed directly, ending with a line holding one `.`.
        let said = self
            .words
            .format("prompt-editor", &[("question", question.into())]);
        self.say(&said);
        if !initial.is_empty() {
            let said = self.words.get("prompt-editor-replaces");
            self.say(&said);
        }
        let mut lines = Vec::new();
        loop {
            let line = self.line()?;
            if line.trim() == "." {
                break;
            }
            lines.push(line);
        }
        if lines.is_empty() {
            return Ok(Reply::Text(initial.to_string()));
        }
        Ok(Reply::Text(lines.join("\n")))
    }

    fn confirm(&mut self, question: &str, default: bool) -> Result<bool, Stop> {
        let hint = if default { "Y/n" } else { "y/N" };
        loop {
            let _ = write!(self.output, "{question} [{hint}]: ");
            // Esc at a yes/no question leaves it without doing anything: the same as "no".
            let Some(answer) = self.line_or_esc()? else {
                return Ok(false);
            };
            if answer.trim().is_empty() {
                return Ok(default);
            }
            match yes_or_no(&answer) {
                Some(b) => return Ok(b),
                None => {
                    let again = self.words.get("prompt-yes-or-no");
                    self.say(&again);
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------

/// The full terminal experience: arrow keys, a highlighted cursor, Esc to go back.
pub struct Fancy;

fn map_err(e: inquire::InquireError) -> Result<Reply, Stop> {
    match e {
        inquire::InquireError::OperationCanceled => Ok(Reply::Back),
        inquire::InquireError::OperationInterrupted => Err(Stop::Interrupted),
        inquire::InquireError::NotTTY => Err(Stop::EndOfInput),
        other => Err(Stop::Failed(other.to_string())),
    }
}

impl Prompter for Fancy {
    fn show(&mut self, text: &str) {
        println!("{}", terminal(text));
    }

    fn choose(
        &mut self,
        question: &str,
        items: &[Item],
        default: usize,
    ) -> Result<Option<usize>, Stop> {
        let labels: Vec<String> = items
            .iter()
            .map(|i| terminal_line(&i.label).into_owned())
            .collect();
        let answer = inquire::Select::new(&terminal_line(question), labels)
            .with_starting_cursor(default.min(items.len().saturating_sub(1)))
            .with_page_size(items.len().max(1))
            .with_help_message(&crate::catalog::say("prompt-fancy-help", &[]))
            .raw_prompt();
        match answer {
            Ok(choice) => Ok(Some(choice.index)),
            Err(e) => map_err(e).map(|_| None),
        }
    }

    fn text(&mut self, question: &str, default: &str, help: &str) -> Result<Reply, Stop> {
        // The text offered for editing is shown cleaned; left as it was, the original (with
        // whatever it holds) is kept, so Enter never changes what is in the record.
        let shown = terminal_line(default);
        let question = terminal_line(question);
        let help = terminal_line(help);
        let mut prompt = inquire::Text::new(&question).with_initial_value(&shown);
        if !help.is_empty() {
            prompt = prompt.with_help_message(&help);
        }
        match prompt.prompt() {
            Ok(t) if t == shown && shown != default => Ok(Reply::Text(default.trim().to_string())),
            Ok(t) => Ok(Reply::Text(t.trim().to_string())),
            Err(e) => map_err(e),
        }
    }

    fn editor(&mut self, question: &str, initial: &str) -> Result<Reply, Stop> {
        // Longer notes are typed in the full screen's own editor; this prompter asks only the
        // questions before it, so one line (with the current text to change) is enough here.
        self.text(question, initial, "")
    }

    fn confirm(&mut self, question: &str, default: bool) -> Result<bool, Stop> {
        use crate::catalog::say;
        let (yes, no, again) = (
            say("prompt-yes", &[]),
            say("prompt-no", &[]),
            say("prompt-yes-or-no", &[]),
        );
        let shown = |b: bool| if b { yes.clone() } else { no.clone() };
        match inquire::Confirm::new(&terminal_line(question))
            .with_default(default)
            .with_parser(&|typed| yes_or_no(typed).ok_or(()))
            .with_formatter(&shown)
            .with_error_message(&again)
            .prompt()
        {
            Ok(b) => Ok(b),
            Err(inquire::InquireError::OperationCanceled) => Ok(false),
            Err(e) => map_err(e).map(|_| false),
        }
    }
}

// ---------------------------------------------------------------------------------------------

/// One scripted answer, for tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Say {
    /// Pick the item whose key is this.
    Key(&'static str),
    /// Press Enter on the default.
    Enter,
    /// Press Esc.
    Esc,
    /// Type this text.
    Type(String),
    /// Answer yes.
    Yes,
    /// Answer no.
    No,
    /// Press Ctrl-C.
    CtrlC,
}

/// A prompter that plays a script and records what was shown, for tests.
#[derive(Debug, Default)]
pub struct Scripted {
    script: VecDeque<Say>,
    /// Everything shown and asked, in order.
    pub transcript: Vec<String>,
    /// Whether to behave as plain mode does.
    pub plain: bool,
}

impl Scripted {
    /// A prompter that will give these answers in order.
    pub fn new(script: impl IntoIterator<Item = Say>) -> Self {
        Self {
            script: script.into_iter().collect(),
            transcript: Vec::new(),
            plain: false,
        }
    }

    /// As [`Scripted::new`], behaving as plain mode.
    pub fn plain(script: impl IntoIterator<Item = Say>) -> Self {
        Self {
            plain: true,
            ..Self::new(script)
        }
    }

    fn next(&mut self, question: &str) -> Result<Say, Stop> {
        self.transcript.push(format!("? {question}"));
        match self.script.pop_front() {
            Some(Say::CtrlC) => Err(Stop::Interrupted),
            Some(s) => Ok(s),
            None => Err(Stop::EndOfInput),
        }
    }

    /// Whether the whole script was used.
    pub fn finished(&self) -> bool {
        self.script.is_empty()
    }
}

impl Prompter for Scripted {
    fn show(&mut self, text: &str) {
        self.transcript.push(text.to_string());
    }

    fn is_plain(&self) -> bool {
        self.plain
    }

    /// A fixed width, so transcripts do not depend on the terminal the tests run in.
    fn width(&self) -> usize {
        80
    }

    fn choose(
        &mut self,
        question: &str,
        items: &[Item],
        default: usize,
    ) -> Result<Option<usize>, Stop> {
        match self.next(question)? {
            Say::Key(k) => items
                .iter()
                .position(|i| i.key == k)
                .map(Some)
                .ok_or_else(|| Stop::Failed(format!("script: no choice `{k}` in {items:?}"))),
            Say::Enter => Ok(Some(default)),
            Say::Esc => Ok(None),
            other => Err(Stop::Failed(format!("script: {other:?} given to a choice"))),
        }
    }

    fn text(&mut self, question: &str, default: &str, _help: &str) -> Result<Reply, Stop> {
        match self.next(question)? {
            Say::Type(t) => Ok(Reply::Text(t)),
            Say::Enter => Ok(Reply::Text(default.to_string())),
            Say::Esc => Ok(Reply::Back),
            other => Err(Stop::Failed(format!(
                "script: {other:?} given to a text question"
            ))),
        }
    }

    fn editor(&mut self, question: &str, initial: &str) -> Result<Reply, Stop> {
        self.text(question, initial, "")
    }

    fn confirm(&mut self, question: &str, default: bool) -> Result<bool, Stop> {
        match self.next(question)? {
            Say::Yes => Ok(true),
            Say::No => Ok(false),
            Say::Enter => Ok(default),
            other => Err(Stop::Failed(format!(
                "script: {other:?} given to a yes/no question"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_choices_accept_keys_labels_and_enter() {
        let items = [
            Item::new("1", "Not yet"),
            Item::new("2", "Emerging"),
            Item::new("b", "Back"),
        ];
        let input = b"x\n2\n\nback\nEsc\n" as &[u8];
        let mut out = Vec::new();
        let mut p = Plain::new(input, &mut out);
        assert_eq!(p.choose("Level?", &items, 0), Ok(Some(1)));
        assert_eq!(p.choose("Level?", &items, 0), Ok(Some(0)));
        assert_eq!(p.choose("Level?", &items, 0), Ok(Some(2)));
        assert_eq!(p.choose("Level?", &items, 0), Ok(None));
        assert_eq!(p.choose("Level?", &items, 0), Err(Stop::EndOfInput));
        let shown = String::from_utf8(out).expect("utf-8");
        assert!(shown.contains("“x” is not one of the choices"));
    }

    #[test]
    fn plain_esc_is_back_and_is_never_echoed() {
        let items = [Item::new("1", "Not yet"), Item::new("n", "n/a")];
        let input = b"\x1b\n\x1b[A\nesc\n\x1b\n" as &[u8];
        let mut out = Vec::new();
        let mut p = Plain::new(input, &mut out);
        assert_eq!(p.choose("Level?", &items, 0), Ok(None));
        assert_eq!(p.choose("Level?", &items, 0), Ok(None));
        assert_eq!(p.text("Notes", "old", ""), Ok(Reply::Back));
        assert_eq!(p.confirm("Add an action?", true), Ok(false));
        let shown = String::from_utf8(out).expect("utf-8");
        assert!(!shown.contains('\u{1b}'), "{shown:?}");
        assert!(!shown.contains("not one of the choices"), "{shown}");
    }

    #[test]
    fn plain_near_misses_say_what_to_type() {
        let items = [
            Item::new("1", "1  Not yet"),
            Item::new("3", "3  Developing"),
            Item::new("n", "n/a  Not applicable here"),
            Item::new("s", "Skip for now"),
        ];
        let input = b"three\nna\nyes\nDeveloping\n" as &[u8];
        let mut out = Vec::new();
        let mut p = Plain::new(input, &mut out);
        assert_eq!(
            p.choose("Level?", &items, 3),
            Ok(Some(1)),
            "a whole label picks it"
        );
        let shown = String::from_utf8(out).expect("utf-8");
        insta::assert_snapshot!(shown);
    }

    #[test]
    fn plain_multi_line_text_ends_with_a_dot() {
        let input = b"first line\nsecond line\n.\n" as &[u8];
        let mut out = Vec::new();
        let mut p = Plain::new(input, &mut out);
        assert_eq!(
            p.editor("Evidence", ""),
            Ok(Reply::Text("first line\nsecond line".into()))
        );
    }
}
