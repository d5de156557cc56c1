//! What the screen knows, and the rules that change it: a plain struct and one function,
//! [`State::apply`], that takes an [`Action`] and saves through the walk's save function where
//! the record changes. Nothing here touches the terminal.

use std::time::Duration;

use crate::assess::{Outcome, Save, answer_mut, unanswered};
use crate::diagnostic::unplaced;
use crate::error::Error;
use crate::framework::{Framework, Indicator, Section};
use crate::record::{Choice, Record, ScorerKind, group_name};

use super::text::Editor;

/// How long typing must pause before a draft is saved.
pub const DRAFT_PAUSE: Duration = Duration::from_millis(1500);

/// Which screen is showing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// One indicator: the statement, guidance, level meanings and the answer.
    Indicator,
    /// The keys and what they do.
    Help,
    /// Every indicator by section; Enter goes to the one under the cursor. `end` when it is
    /// shown because the walk reached the end.
    Overview {
        /// The line the cursor is on (an index into the framework's indicators).
        cursor: usize,
        /// Whether this is the end-of-session summary.
        end: bool,
    },
    /// Evidence notes being typed.
    Evidence(Editor),
}

/// The line under the key bar: what just happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Something was saved or done.
    Done(String),
    /// A key that means nothing here, or a choice that cannot be made.
    Refused(String),
}

impl Status {
    /// The words shown.
    pub fn text(&self) -> &str {
        match self {
            Self::Done(t) | Self::Refused(t) => t,
        }
    }
}

/// One thing a key asks for. Keys are turned into actions by `keys::action`, which knows which
/// keys mean something on which screen; an action is applied by [`State::apply`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A digit typed for a level (several digits on scales that go past 9).
    Digit(char),
    /// Enter on the indicator screen: completes digits typed for a level.
    Confirm,
    /// Not applicable.
    NotApplicable,
    /// Leave this indicator unanswered for now and go on.
    Skip,
    /// The previous indicator.
    Previous,
    /// The next indicator.
    Next,
    /// Open the overview to go to any indicator.
    GoTo,
    /// Type evidence notes.
    Evidence,
    /// Show the keys.
    Help,
    /// Save and quit.
    Quit,
    /// Ctrl-C, SIGTERM, SIGHUP: save everything, drafts included, and stop.
    Interrupt,
    /// Close this screen (Esc).
    Close,
    /// Scroll the guidance, or move the cursor, by this many lines (negative is up).
    Scroll(i32),
    /// Next group row (workshop mode).
    NextGroup,
    /// Previous group row (workshop mode).
    PreviousGroup,
    /// Enter in a list: go to the line under the cursor.
    Open,
    /// A key typed into text being edited.
    Edit(EditKey),
    /// A key that means nothing on this screen: its name.
    Nothing(String),
    /// Time passed: the session has now lasted this long.
    Tick(Duration),
}

/// Keys that edit text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditKey {
    /// A character.
    Char(char),
    /// A line break.
    Newline,
    /// Delete before the cursor.
    Backspace,
    /// Delete under the cursor.
    Delete,
    /// Cursor left.
    Left,
    /// Cursor right.
    Right,
    /// Cursor up.
    Up,
    /// Cursor down.
    Down,
    /// Start of the line.
    Home,
    /// End of the line.
    End,
}

/// Everything the screen shows, and where the walk has got to.
pub struct State<'a> {
    /// The framework being scored.
    pub framework: &'a Framework,
    /// Its indicators in order, with their sections.
    pub order: Vec<(&'a Section, &'a Indicator)>,
    /// The record being filled in; saved after every change.
    pub record: Record,
    /// Last time's record (`--from`), shown as context.
    pub previous: Option<&'a Record>,
    /// The indicator showing (`order.len()` is past the end).
    pub at: usize,
    /// In workshop mode, the group whose level the digits choose.
    pub group: usize,
    /// The screen showing.
    pub screen: Screen,
    /// The status line.
    pub status: Option<Status>,
    /// How far the guidance and level meanings are scrolled.
    pub scroll: u16,
    /// How long the session has lasted.
    pub elapsed: Duration,
    /// When the room arrived at this indicator (on the session's clock).
    pub arrived: Duration,
    /// When text was last typed and not yet saved as a draft.
    pub typed_at: Option<Duration>,
    /// Digits typed for a level, on scales with levels of two digits.
    pub digits: String,
    /// Stay on the indicator after choosing a level instead of moving on.
    pub stay: bool,
    /// Set when the session should end.
    pub outcome: Option<Outcome>,
    /// The commands shown at the end: to carry on, and to report.
    pub commands: Commands,
}

/// The commands the end of a session points to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Commands {
    /// The command that carries on with this record.
    pub resume: String,
    /// The command that reports it.
    pub report: String,
}

impl<'a> State<'a> {
    /// The screen at indicator `start` of `record`.
    pub fn new(
        framework: &'a Framework,
        record: Record,
        start: usize,
        previous: Option<&'a Record>,
    ) -> Self {
        let order: Vec<_> = framework.indicators().collect();
        let at = start.min(order.len());
        let mut state = Self {
            framework,
            order,
            record,
            previous,
            at,
            group: 0,
            screen: Screen::Indicator,
            status: None,
            scroll: 0,
            elapsed: Duration::ZERO,
            arrived: Duration::ZERO,
            typed_at: None,
            digits: String::new(),
            stay: false,
            outcome: None,
            commands: Commands::default(),
        };
        state.arrive(at);
        state
    }

    /// The indicator showing, with its section, unless past the end.
    pub fn current(&self) -> Option<(&'a Section, &'a Indicator)> {
        self.order.get(self.at).copied()
    }

    /// Whether the record scores groups side by side.
    pub fn workshop(&self) -> bool {
        self.record.scored_by.kind.value == ScorerKind::Workshop
    }

    /// The groups of a workshop record.
    pub fn groups(&self) -> &[String] {
        &self.record.scored_by.groups
    }

    /// How a choice is said: "3 Developing", "n/a Not applicable".
    pub fn choice_words(&self, choice: Choice) -> String {
        match choice {
            Choice::Level(v) => match self.framework.level(v) {
                Some(l) => format!("{v} {}", l.label),
                None => v.to_string(),
            },
            Choice::NotApplicable => "n/a Not applicable".to_string(),
        }
    }

    /// The current choice for indicator `id` (for `group` in workshop mode).
    pub fn choice_for(&self, id: &str, group: Option<&str>) -> Option<Choice> {
        let answer = self.record.answer(id)?;
        match group {
            Some(g) => answer.levels.get(g).map(|c| c.value),
            None => answer.level.as_ref().map(|c| c.value),
        }
    }

    fn arrive(&mut self, at: usize) {
        self.at = at.min(self.order.len());
        self.scroll = 0;
        self.digits.clear();
        self.arrived = self.elapsed;
        // In workshop mode start at the first group still to give a level.
        self.group = 0;
        if let Some((_, ind)) = self.current() {
            let id = ind.id.value.clone();
            let first = self
                .groups()
                .iter()
                .position(|g| self.choice_for(&id, Some(g)).is_none());
            self.group = first.unwrap_or(0);
        }
        if self.at >= self.order.len() {
            let cursor = crate::assess::first_unanswered(self.framework, &self.record)
                .unwrap_or(self.order.len().saturating_sub(1));
            self.screen = Screen::Overview { cursor, end: true };
        } else {
            self.screen = Screen::Indicator;
        }
    }

    fn refuse(&mut self, text: impl Into<String>) {
        self.status = Some(Status::Refused(text.into()));
    }

    fn done(&mut self, text: impl Into<String>) {
        self.status = Some(Status::Done(text.into()));
    }

    /// Applies one action; saves through `save` whenever the record changes.
    pub fn apply(&mut self, action: Action, save: &mut Save<'_>) -> Result<(), Error> {
        if let Action::Tick(now) = action {
            self.elapsed = now;
            return self.save_draft_after_pause(save);
        }
        if let Action::Nothing(key) = &action {
            let text = format!("{key} means nothing here; nothing was recorded.");
            self.refuse(text);
            return Ok(());
        }
        if !matches!(action, Action::Digit(_) | Action::Confirm) {
            self.digits.clear();
        }
        match self.screen.clone() {
            Screen::Indicator => self.on_indicator(action, save),
            Screen::Help => {
                match action {
                    Action::Close | Action::Help => self.screen = Screen::Indicator,
                    Action::Quit => self.outcome = Some(Outcome::Quit),
                    Action::Interrupt => self.outcome = Some(Outcome::Interrupted),
                    _ => {}
                }
                Ok(())
            }
            Screen::Overview { cursor, end } => self.on_overview(action, cursor, end),
            Screen::Evidence(editor) => self.on_evidence(action, editor, save),
        }
    }

    fn on_indicator(&mut self, action: Action, save: &mut Save<'_>) -> Result<(), Error> {
        match action {
            Action::Digit(d) => return self.digit(d, save),
            Action::Confirm => {
                if self.digits.is_empty() {
                    self.refuse("Enter means nothing here: type a level's number to choose it.");
                } else {
                    let typed = std::mem::take(&mut self.digits);
                    match typed
                        .parse::<u32>()
                        .ok()
                        .filter(|v| self.framework.level(*v).is_some())
                    {
                        Some(v) => return self.choose(Choice::Level(v), save),
                        None => self.refuse(format!("There is no level {typed}.")),
                    }
                }
            }
            Action::NotApplicable => return self.choose(Choice::NotApplicable, save),
            Action::Skip => {
                if let Some((_, ind)) = self.current() {
                    let id = ind.id.value.to_uppercase();
                    self.arrive(self.at + 1);
                    self.done(format!("Skipped {id}; it stays unanswered for now."));
                }
            }
            Action::Previous => {
                if self.at == 0 {
                    self.refuse("This is the first indicator; there is none before it.");
                } else {
                    self.arrive(self.at - 1);
                    self.status = None;
                }
            }
            Action::Next => {
                self.arrive(self.at + 1);
                self.status = None;
            }
            Action::GoTo => {
                self.screen = Screen::Overview {
                    cursor: self.at.min(self.order.len().saturating_sub(1)),
                    end: false,
                }
            }
            Action::Evidence => {
                if let Some((_, ind)) = self.current() {
                    let current = self
                        .record
                        .answer(&ind.id.value)
                        .and_then(|a| a.evidence.as_deref())
                        .unwrap_or("")
                        .to_string();
                    self.screen = Screen::Evidence(Editor::new(&current));
                    self.status = None;
                }
            }
            Action::Help => self.screen = Screen::Help,
            Action::Quit => self.outcome = Some(Outcome::Quit),
            Action::Interrupt => self.outcome = Some(Outcome::Interrupted),
            Action::Scroll(n) => {
                let s = i64::from(self.scroll) + i64::from(n);
                self.scroll = u16::try_from(s.max(0)).unwrap_or(u16::MAX);
            }
            Action::NextGroup | Action::PreviousGroup if self.workshop() => {
                let n = self.groups().len().max(1);
                self.group = if action == Action::NextGroup {
                    (self.group + 1) % n
                } else {
                    (self.group + n - 1) % n
                };
            }
            Action::NextGroup | Action::PreviousGroup => {
                self.refuse("Tab means nothing here: this record has no groups.")
            }
            Action::Close => self.refuse("Esc means nothing here; nothing was recorded."),
            _ => {}
        }
        Ok(())
    }

    fn digit(&mut self, d: char, save: &mut Save<'_>) -> Result<(), Error> {
        self.digits.push(d);
        let typed = self.digits.clone();
        let values: Vec<u32> = self
            .framework
            .scale
            .value
            .iter()
            .map(|l| l.value.value)
            .collect();
        let exact = typed
            .parse::<u32>()
            .ok()
            .filter(|v| values.contains(v) && typed == v.to_string());
        let longer = values
            .iter()
            .any(|v| v.to_string().starts_with(&typed) && v.to_string() != typed);
        match (exact, longer) {
            (Some(v), false) => {
                self.digits.clear();
                self.choose(Choice::Level(v), save)
            }
            (exact, true) => {
                let text = match exact {
                    Some(v) => format!("Type the next digit, or Enter for level {v}."),
                    None => "Type the next digit of the level.".to_string(),
                };
                self.done(text);
                Ok(())
            }
            (None, false) => {
                self.digits.clear();
                let (lo, hi) = self.framework.scale_range();
                self.refuse(format!(
                    "There is no level {typed}: the levels go from {lo} to {hi}. Nothing was recorded."
                ));
                Ok(())
            }
        }
    }

    /// Records a level or n/a for the indicator (and group) showing, saves, and moves on.
    fn choose(&mut self, choice: Choice, save: &mut Save<'_>) -> Result<(), Error> {
        let Some((_, ind)) = self.current() else {
            return Ok(());
        };
        let id = ind.id.value.clone();
        let group = if self.workshop() {
            self.groups().get(self.group).cloned()
        } else {
            None
        };
        let answer = answer_mut(&mut self.record, self.framework, &id);
        match &group {
            Some(g) => {
                answer.levels.insert(g.clone(), unplaced(choice));
            }
            None => answer.level = Some(unplaced(choice)),
        }
        save(&self.record)?;
        let words = self.choice_words(choice);
        let whose = match &group {
            Some(g) => format!(" for {} ({})", id.to_uppercase(), group_name(g)),
            None => format!(" for {}", id.to_uppercase()),
        };
        self.done(format!("Saved: {words}{whose}"));
        if let Some(g) = group {
            // Next the first group after this one still without a level, else move on.
            let groups = self.groups().to_vec();
            let next = (1..groups.len())
                .map(|k| (self.group + k) % groups.len())
                .find(|&k| self.choice_for(&id, Some(&groups[k])).is_none());
            if let Some(k) = next {
                self.group = k;
                return Ok(());
            }
            let _ = g;
        }
        if !self.stay {
            let status = self.status.take();
            self.arrive(self.at + 1);
            self.status = status;
        }
        Ok(())
    }

    fn on_overview(&mut self, action: Action, cursor: usize, end: bool) -> Result<(), Error> {
        let last = self.order.len().saturating_sub(1);
        match action {
            Action::Scroll(n) => {
                let c = (i64::try_from(cursor).unwrap_or(0) + i64::from(n)).clamp(0, last as i64);
                self.screen = Screen::Overview {
                    cursor: usize::try_from(c).unwrap_or(0),
                    end,
                };
            }
            Action::Open => {
                self.arrive(cursor);
                self.status = None;
            }
            Action::Close | Action::GoTo if !end => self.screen = Screen::Indicator,
            Action::Previous if end => {
                self.arrive(last);
                self.status = None;
            }
            Action::Quit => self.outcome = Some(Outcome::Quit),
            Action::Interrupt => self.outcome = Some(Outcome::Interrupted),
            Action::Help => self.refuse("Help is on the indicator screen; Enter opens one."),
            _ => self.refuse("That key means nothing here; nothing was recorded."),
        }
        Ok(())
    }

    fn on_evidence(
        &mut self,
        action: Action,
        mut editor: Editor,
        save: &mut Save<'_>,
    ) -> Result<(), Error> {
        let Some((_, ind)) = self.current() else {
            self.screen = Screen::Indicator;
            return Ok(());
        };
        let id = ind.id.value.clone();
        match action {
            Action::Edit(key) => {
                match key {
                    EditKey::Char(c) => editor.insert(c),
                    EditKey::Newline => editor.newline(),
                    EditKey::Backspace => editor.backspace(),
                    EditKey::Delete => editor.delete(),
                    EditKey::Left => editor.left(),
                    EditKey::Right => editor.right(),
                    EditKey::Up => editor.up(),
                    EditKey::Down => editor.down(),
                    EditKey::Home => editor.home(),
                    EditKey::End => editor.end(),
                }
                self.typed_at = Some(self.elapsed);
                self.screen = Screen::Evidence(editor);
            }
            Action::Close => {
                let text = editor.text().trim().to_string();
                let answer = answer_mut(&mut self.record, self.framework, &id);
                let before = answer.evidence.as_deref().unwrap_or("").to_string();
                answer.evidence = (!text.is_empty()).then(|| text.clone().into());
                self.typed_at = None;
                if before != text {
                    save(&self.record)?;
                    self.done(format!(
                        "Saved the evidence notes for {}.",
                        id.to_uppercase()
                    ));
                } else {
                    self.status = None;
                }
                self.screen = Screen::Indicator;
            }
            Action::Interrupt => {
                self.screen = Screen::Evidence(editor);
                self.outcome = Some(Outcome::Interrupted);
            }
            _ => {}
        }
        Ok(())
    }

    fn save_draft_after_pause(&mut self, _save: &mut Save<'_>) -> Result<(), Error> {
        if let Some(t) = self.typed_at
            && self.elapsed.saturating_sub(t) >= DRAFT_PAUSE
        {
            self.typed_at = None;
        }
        Ok(())
    }

    /// How many indicators are answered (level or n/a, every group in workshop mode).
    pub fn answered(&self) -> usize {
        self.order.len() - unanswered(self.framework, &self.record).len()
    }
}
