//! What the screen knows, and the rules that change it: a plain struct and one function,
//! [`State::apply`], that takes an [`Action`] and saves through the walk's save function where
//! the record changes. Nothing here touches the terminal.

use std::sync::Arc;
use std::time::Duration;

use crate::assess::{Outcome, Save, answer_mut, unanswered};
use crate::catalog::{Arg, Catalog};
use crate::diagnostic::unplaced;
use crate::error::Error;
use crate::framework::{Framework, Indicator, Section};
use crate::record::{Answer, Choice, Groups, Record, ScorerKind};

use super::details::DetailsForm;
use super::form::ActionForm;
use super::text::Editor;
use super::vote::{Stage, VoteForm};

/// How long typing must pause before a draft is saved.
pub const DRAFT_PAUSE: Duration = Duration::from_millis(1500);

/// Which screen is showing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// One indicator: the statement, guidance, level meanings and the answer.
    Indicator,
    /// The keys and what they do, scrolled this many lines.
    Help {
        /// How far the help is scrolled.
        scroll: u16,
    },
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
    /// The framework's extra note (e.g. what young people say) being typed.
    Extra(Editor),
    /// The indicator's actions: the cursor's line (one past the last is "add an action"), and
    /// whether deleting the one under the cursor waits for a yes.
    Actions {
        /// The line the cursor is on.
        cursor: usize,
        /// Waiting for `y` to delete the action under the cursor.
        deleting: bool,
    },
    /// An action being typed or changed.
    Action(Box<ActionForm>),
    /// A vote being counted, then agreed.
    Vote(Box<VoteForm>),
    /// The partnership, date and who is taking part, being corrected.
    Details(Box<DetailsForm>),
}

/// The two kinds of notes typed into an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Note {
    /// The evidence notes.
    Evidence,
    /// The framework's extra note (e.g. what young people say).
    Extra,
}

impl Note {
    /// The screen that types these notes with `editor`.
    fn screen(self, editor: Editor) -> Screen {
        match self {
            Self::Evidence => Screen::Evidence(editor),
            Self::Extra => Screen::Extra(editor),
        }
    }

    /// The answer's notes of this kind, and their draft.
    fn fields(self, answer: &mut Answer) -> (&mut Option<Arc<str>>, &mut Option<String>) {
        match self {
            Self::Evidence => (&mut answer.evidence, &mut answer.draft.evidence),
            Self::Extra => (&mut answer.extra_note, &mut answer.draft.extra_note),
        }
    }
}

/// The line under the key bar: what just happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Something was saved or done.
    Done(String),
    /// A key that means nothing here, a choice that cannot be made, or a warning about what
    /// was just saved (shown with `!`, not only in another colour).
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
    /// Type the framework's extra note (when it asks for one).
    Extra,
    /// The indicator's actions (on the actions screen: add one).
    Actions,
    /// Delete the action under the cursor (asks first).
    Delete,
    /// Count a vote.
    Vote,
    /// Correct the partnership, the date and who is taking part.
    Details,
    /// Open the notes being typed in the person's own editor (`$VISUAL` or `$EDITOR`).
    OwnEditor,
    /// Back from the person's editor: the notes as it left them (`Ok`), or why they could not
    /// be edited there (`Err`, the notes unchanged).
    FromEditor(Result<String, String>),
    /// A new join code for the phones, every phone out (on the vote screen, with `--vote`).
    NewCode,
    /// With phones' votes on this indicator already in the record: open the phones' round
    /// adding to them (`true`) or voting again, this round's replacing them (`false`).
    PhonesEarlier(bool),
    /// Put out one phone: asks for the number its page shows (on the vote screen, with
    /// `--vote`).
    PutOut,
    /// Agree to disagree (after a vote).
    Disagree,
    /// Yes to a question on the screen.
    Yes,
    /// The next field of a form.
    NextField,
    /// The previous field of a form.
    PreviousField,
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
    /// Earlier records (`--from`: last year's, or last year's group records), shown beside
    /// the indicator as "last time".
    pub previous: &'a [Record],
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
    /// The spread of a vote, in levels, from which it is flagged "talk about this".
    pub divergence: f64,
    /// The names of stakeholder groups (`coprod.toml`'s `[groups]`).
    pub group_names: Groups,
    /// The commands shown at the end: to carry on, and to report.
    pub commands: Commands,
    /// Phones voting (`--vote`): the server, and the round open on the vote screen.
    pub phones: Option<crate::vote::Link>,
    /// The number of the phone to put out, being typed (after `p` on the vote screen).
    pub phone_out: Option<String>,
    /// Notes to open in the person's editor: set by [`Action::OwnEditor`], taken by the loop
    /// that owns the terminal, which answers with [`Action::FromEditor`].
    pub own_editor: Option<String>,
    /// coprod's words on the screen, in the language the framework is shown in (English where
    /// coprod has no catalog for it).
    pub words: Catalog,
    /// The farthest the help can scroll at the size it was last drawn (set by drawing, so that
    /// scrolling stops where the help ends).
    pub help_end: std::cell::Cell<u16>,
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
        previous: &'a [Record],
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
            divergence: crate::score::compare::DEFAULT_DIVERGENCE,
            group_names: Groups::default(),
            commands: Commands::default(),
            phones: None,
            phone_out: None,
            own_editor: None,
            words: Catalog::new(&framework.language),
            help_end: std::cell::Cell::new(u16::MAX),
        };
        state.arrive(at);
        state.offer_drafts();
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

    /// One of coprod's messages, in the screen's language.
    pub fn t(&self, id: &str) -> String {
        self.words.get(id)
    }

    /// One of coprod's messages with its arguments, in the screen's language.
    pub fn tf(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.words.format(id, args)
    }

    /// A stakeholder group's name: as `coprod.toml` names it, else coprod's own name for a
    /// group it knows, in the screen's language.
    pub fn group_name(&self, id: &str) -> String {
        crate::assess::group_words(&self.words, &self.group_names, id)
    }

    /// Who scored a record, in the screen's language: the whole room, a group, a workshop's
    /// groups, or a person (their name as given).
    pub fn scorer_words(&self, scored_by: &crate::record::ScoredBy) -> String {
        match (scored_by.kind.value, &scored_by.group, &scored_by.name) {
            (ScorerKind::Room, _, _) => self.t("who-room"),
            (ScorerKind::Group, Some(g), _) => self.group_name(g),
            (ScorerKind::Group, None, _) => self.t("who-a-group"),
            (ScorerKind::Workshop, _, _) => {
                let names: Vec<String> = scored_by
                    .groups
                    .iter()
                    .map(|g| self.group_name(g))
                    .collect();
                self.tf("screen-workshop-of", &[("groups", names.join(", ").into())])
            }
            (ScorerKind::Person, g, n) => {
                let n = n.clone().unwrap_or_else(|| self.t("who-one-person"));
                match g {
                    Some(g) => format!("{n} ({})", self.group_name(g)),
                    None => n,
                }
            }
        }
    }

    /// How a choice is said: "3 Developing", "n/a Not applicable".
    pub fn choice_words(&self, choice: Choice) -> String {
        match choice {
            Choice::Level(v) => match self.framework.level(v) {
                Some(l) => format!("{v} {}", l.label),
                None => v.to_string(),
            },
            Choice::NotApplicable => self.t("screen-na-long"),
        }
    }

    /// The framework's name for its extra note and the question asking for it, when it asks
    /// for one.
    pub fn extra_note(&self) -> Option<(&'a str, &'a str)> {
        let note = self.framework.extra_note.as_ref()?;
        let question = if note.question.is_empty() {
            &note.label
        } else {
            &note.question
        };
        Some((note.label.as_str(), question.as_str()))
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

    pub(super) fn refuse(&mut self, text: impl Into<String>) {
        self.status = Some(Status::Refused(text.into()));
    }

    pub(super) fn done(&mut self, text: impl Into<String>) {
        self.status = Some(Status::Done(text.into()));
    }

    /// Applies one action; saves through `save` whenever the record changes.
    pub fn apply(&mut self, action: Action, save: &mut Save<'_>) -> Result<(), Error> {
        if let Action::Tick(now) = action {
            self.elapsed = now;
            return self.save_draft_after_pause(save);
        }
        if self.phone_out.is_some()
            && matches!(self.screen, Screen::Vote(_))
            && matches!(action, Action::Nothing(_))
        {
            self.on_put_out(action);
            return Ok(());
        }
        if let Action::Nothing(key) = &action {
            let text = self.tf("screen-means-nothing", &[("key", key.into())]);
            self.refuse(text);
            return Ok(());
        }
        if !matches!(action, Action::Digit(_) | Action::Confirm) {
            self.digits.clear();
        }
        match self.screen.clone() {
            Screen::Indicator => self.on_indicator(action, save),
            Screen::Help { scroll } => {
                match action {
                    Action::Close | Action::Help => self.screen = Screen::Indicator,
                    Action::Quit => self.outcome = Some(Outcome::Quit),
                    Action::Interrupt => self.outcome = Some(Outcome::Interrupted),
                    Action::Scroll(n) => {
                        let end = i64::from(self.help_end.get());
                        let s = (i64::from(scroll) + i64::from(n)).clamp(0, end);
                        self.screen = Screen::Help {
                            scroll: u16::try_from(s).unwrap_or(0),
                        };
                    }
                    _ => {}
                }
                Ok(())
            }
            Screen::Overview { cursor, end } => self.on_overview(action, cursor, end),
            Screen::Evidence(editor) => self.on_note(Note::Evidence, action, editor, save),
            Screen::Extra(editor) => self.on_note(Note::Extra, action, editor, save),
            Screen::Actions { cursor, deleting } => self.on_actions(action, cursor, deleting, save),
            Screen::Action(form) => self.on_form(action, *form, save),
            Screen::Vote(form) => self.on_vote(action, *form, save),
            Screen::Details(form) => self.on_details(action, *form, save),
        }
    }

    fn on_indicator(&mut self, action: Action, save: &mut Save<'_>) -> Result<(), Error> {
        match action {
            Action::Digit(d) => return self.digit(d, save),
            Action::Confirm => {
                if self.digits.is_empty() {
                    self.refuse(self.t("screen-enter-means-nothing"));
                } else {
                    let typed = std::mem::take(&mut self.digits);
                    match typed
                        .parse::<u32>()
                        .ok()
                        .filter(|v| self.framework.level(*v).is_some())
                    {
                        Some(v) => return self.choose(Choice::Level(v), save),
                        None => {
                            self.refuse(self.tf("screen-no-such-level", &[("level", typed.into())]))
                        }
                    }
                }
            }
            Action::NotApplicable => return self.choose(Choice::NotApplicable, save),
            Action::Skip => {
                if let Some((_, ind)) = self.current() {
                    let id = ind.id.value.to_uppercase();
                    self.arrive(self.at + 1);
                    self.done(self.tf("screen-skipped", &[("id", id.into())]));
                }
            }
            Action::Previous => {
                if self.at == 0 {
                    self.refuse(self.t("screen-first"));
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
                    let answer = self.record.answer(&ind.id.value);
                    let draft = answer.and_then(|a| a.draft.evidence.clone());
                    self.status = draft
                        .is_some()
                        .then(|| Status::Done(self.t("screen-notes-draft")));
                    let current = draft
                        .or_else(|| {
                            answer
                                .and_then(|a| a.evidence.as_deref())
                                .map(str::to_string)
                        })
                        .unwrap_or_default();
                    self.screen = Screen::Evidence(Editor::new(&current));
                }
            }
            Action::Extra if self.framework.extra_note.is_some() => {
                if let Some((_, ind)) = self.current() {
                    let answer = self.record.answer(&ind.id.value);
                    let draft = answer.and_then(|a| a.draft.extra_note.clone());
                    self.status = draft
                        .is_some()
                        .then(|| Status::Done(self.t("screen-extra-draft")));
                    let current = draft
                        .or_else(|| {
                            answer
                                .and_then(|a| a.extra_note.as_deref())
                                .map(str::to_string)
                        })
                        .unwrap_or_default();
                    self.screen = Screen::Extra(Editor::new(&current));
                }
            }
            Action::Details => {
                self.screen = Screen::Details(Box::new(DetailsForm::of(&self.record)));
                self.done(self.t("screen-details-hint"));
            }
            Action::Vote => {
                if let Some((_, ind)) = self.current() {
                    let group = if self.workshop() {
                        self.groups().get(self.group).cloned()
                    } else {
                        None
                    };
                    let earlier = self.record.answer(&ind.id.value).and_then(|a| {
                        a.votes.iter().find(|t| {
                            t.from.value == crate::record::VoteSource::Cards
                                && t.group() == group.as_deref()
                        })
                    });
                    let form = VoteForm::new(self.framework, group, earlier);
                    self.screen = Screen::Vote(Box::new(form));
                    self.done(self.t("screen-vote-hint"));
                    self.phones_open();
                }
            }
            Action::Actions => {
                self.screen = Screen::Actions {
                    cursor: 0,
                    deleting: false,
                };
                self.status = None;
            }
            Action::Help => self.screen = Screen::Help { scroll: 0 },
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
            Action::NextGroup | Action::PreviousGroup => self.refuse(self.t("screen-no-groups")),
            Action::Close => self.refuse(self.tf("screen-means-nothing", &[("key", "Esc".into())])),
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
                    Some(v) => self.tf("screen-next-digit-or-enter", &[("level", v.into())]),
                    None => self.t("screen-next-digit"),
                };
                self.done(text);
                Ok(())
            }
            (None, false) => {
                self.digits.clear();
                let (lo, hi) = self.framework.scale_range();
                self.refuse(self.tf(
                    "screen-off-scale",
                    &[
                        ("level", typed.into()),
                        ("lo", lo.into()),
                        ("hi", hi.into()),
                    ],
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
            None => {
                answer.level = Some(unplaced(choice));
                answer.disagreed = None;
            }
        }
        save(&self.record)?;
        let words = self.choice_words(choice);
        let saved = match &group {
            Some(g) => self.tf(
                "screen-saved-level-group",
                &[
                    ("words", words.into()),
                    ("id", id.to_uppercase().into()),
                    ("group", self.group_name(g).into()),
                ],
            ),
            None => self.tf(
                "screen-saved-level",
                &[("words", words.into()), ("id", id.to_uppercase().into())],
            ),
        };
        self.done(saved.clone());
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
        if self.stay {
            self.done(self.tf("screen-saved-stay", &[("saved", saved.into())]));
        } else {
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
            Action::Help => self.refuse(self.t("screen-help-elsewhere")),
            _ => self.refuse(self.t("screen-key-means-nothing")),
        }
        Ok(())
    }

    /// Notes being typed (the evidence, or the framework's extra note): saved into the
    /// record's answer on Esc, kept as a draft while they are typed.
    fn on_note(
        &mut self,
        note: Note,
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
                edit(&mut editor, key);
                self.typed_at = Some(self.elapsed);
                self.screen = note.screen(editor);
            }
            Action::Close => {
                let text = editor.text().trim().to_string();
                let answer = answer_mut(&mut self.record, self.framework, &id);
                let (kept, draft) = note.fields(answer);
                let before = kept.as_deref().unwrap_or("").to_string();
                let had_draft = draft.take().is_some();
                *kept = (!text.is_empty()).then(|| text.clone().into());
                self.typed_at = None;
                if before != text || had_draft {
                    save(&self.record)?;
                    let id = id.to_uppercase().into();
                    let said = match note {
                        Note::Evidence => self.tf("screen-saved-evidence", &[("id", id)]),
                        Note::Extra => {
                            let label = self.extra_note().map_or("", |(label, _)| label);
                            let label = super::text::clean(label).into();
                            self.tf("screen-saved-extra", &[("label", label), ("id", id)])
                        }
                    };
                    self.done(said);
                } else {
                    self.status = None;
                }
                self.screen = Screen::Indicator;
            }
            Action::Interrupt => {
                self.screen = note.screen(editor);
                self.keep_draft(save)?;
                self.outcome = Some(Outcome::Interrupted);
            }
            Action::OwnEditor => {
                // The notes are a draft in the record before the editor opens, so that nothing
                // typed is lost whatever happens while it is open.
                self.own_editor = Some(editor.text());
                self.screen = note.screen(editor);
                self.keep_draft(save)?;
            }
            Action::FromEditor(Ok(text)) => {
                self.screen = note.screen(Editor::new(&text));
                self.keep_draft(save)?;
                self.done(self.t(match note {
                    Note::Evidence => "screen-from-editor",
                    Note::Extra => "screen-from-editor-extra",
                }));
            }
            Action::FromEditor(Err(why)) => {
                self.screen = note.screen(editor);
                self.refuse(why);
            }
            _ => {}
        }
        Ok(())
    }

    fn save_draft_after_pause(&mut self, save: &mut Save<'_>) -> Result<(), Error> {
        if let Some(t) = self.typed_at
            && self.elapsed.saturating_sub(t) >= DRAFT_PAUSE
        {
            self.keep_draft(save)?;
        }
        Ok(())
    }

    /// Saves the text being typed (evidence notes, the extra note, an action or a note on
    /// agreeing to disagree) as the answer's draft, if it
    /// differs from what the record holds.
    pub fn keep_draft(&mut self, save: &mut Save<'_>) -> Result<(), Error> {
        self.typed_at = None;
        let Some((_, ind)) = self.current() else {
            return Ok(());
        };
        let id = ind.id.value.clone();
        let framework = self.framework;
        let changed = match &self.screen {
            Screen::Evidence(editor) | Screen::Extra(editor) => {
                let note = if matches!(self.screen, Screen::Extra(_)) {
                    Note::Extra
                } else {
                    Note::Evidence
                };
                let text = editor.text();
                let answer = answer_mut(&mut self.record, framework, &id);
                let (kept, draft) = note.fields(answer);
                let same = draft.as_deref() == Some(text.as_str())
                    || (draft.is_none() && kept.as_deref().unwrap_or("") == text);
                if !same {
                    *draft = Some(text);
                }
                !same
            }
            Screen::Vote(form) => {
                let Stage::Disagreeing(editor) = &form.stage else {
                    return Ok(());
                };
                let text = editor.text();
                let answer = answer_mut(&mut self.record, framework, &id);
                let same = answer.draft.disagreed.as_deref() == Some(text.as_str());
                if !same {
                    answer.draft.disagreed = Some(text);
                }
                !same
            }
            Screen::Action(form) => {
                let draft = form.to_draft();
                let blank = form.is_blank() && form.changes.is_none();
                let answer = answer_mut(&mut self.record, framework, &id);
                let want = (!blank).then_some(draft);
                let same = answer.draft.action == want;
                if !same {
                    answer.draft.action = want;
                }
                !same
            }
            _ => false,
        };
        if changed {
            save(&self.record)?;
        }
        Ok(())
    }

    /// Opens text that was being typed when the last session stopped, if any: the first
    /// indicator with a draft is shown with its editor open.
    pub fn offer_drafts(&mut self) {
        let found = self.order.iter().enumerate().find_map(|(i, (_, ind))| {
            let a = self.record.answer(&ind.id.value)?;
            (a.draft.evidence.is_some() || a.draft.extra_note.is_some() || a.draft.action.is_some())
                .then_some(i)
        });
        let Some(at) = found else { return };
        self.arrive(at);
        let Some((_, ind)) = self.current() else {
            return;
        };
        let Some(answer) = self.record.answer(&ind.id.value) else {
            return;
        };
        let id = ind.id.value.to_uppercase();
        if let Some(text) = &answer.draft.evidence {
            self.screen = Screen::Evidence(Editor::new(text));
            self.done(self.tf("screen-notes-draft-for", &[("id", id.into())]));
        } else if let Some(text) = &answer.draft.extra_note
            && self.framework.extra_note.is_some()
        {
            self.screen = Screen::Extra(Editor::new(text));
            self.done(self.tf("screen-extra-draft-for", &[("id", id.into())]));
        } else if let Some(draft) = &answer.draft.action {
            let form = ActionForm::from_draft(draft, &answer.actions);
            self.screen = Screen::Action(Box::new(form));
            self.done(self.tf("screen-action-draft-for", &[("id", id.into())]));
        }
    }

    fn on_actions(
        &mut self,
        action: Action,
        cursor: usize,
        deleting: bool,
        save: &mut Save<'_>,
    ) -> Result<(), Error> {
        let Some((_, ind)) = self.current() else {
            self.screen = Screen::Indicator;
            return Ok(());
        };
        let id = ind.id.value.clone();
        let actions = self
            .record
            .answer(&id)
            .map(|a| a.actions.clone())
            .unwrap_or_default();
        let n = actions.len();
        let here = |cursor, deleting| Screen::Actions { cursor, deleting };
        if deleting {
            match action {
                Action::Yes if cursor < n => {
                    let answer = answer_mut(&mut self.record, self.framework, &id);
                    let gone = answer.actions.remove(cursor);
                    save(&self.record)?;
                    self.done(self.tf(
                        "screen-deleted",
                        &[("what", super::text::clean(&gone.what).into())],
                    ));
                    self.screen = here(cursor.min(n - 1), false);
                }
                Action::Interrupt => self.outcome = Some(Outcome::Interrupted),
                _ => {
                    self.done(self.t("screen-not-deleted"));
                    self.screen = here(cursor, false);
                }
            }
            return Ok(());
        }
        match action {
            Action::Scroll(d) => {
                let c = (i64::try_from(cursor).unwrap_or(0) + i64::from(d))
                    .clamp(0, i64::try_from(n).unwrap_or(0));
                self.screen = here(usize::try_from(c).unwrap_or(0), false);
            }
            Action::Open if cursor < n => {
                self.screen = Screen::Action(Box::new(ActionForm::edit(cursor, &actions[cursor])));
                self.status = None;
            }
            Action::Open | Action::Actions => {
                let draft = self.record.answer(&id).and_then(|a| a.draft.action.clone());
                let form = match draft {
                    Some(d) => {
                        self.done(self.t("screen-action-draft"));
                        ActionForm::from_draft(&d, &actions)
                    }
                    None => {
                        self.status = None;
                        ActionForm::new()
                    }
                };
                self.screen = Screen::Action(Box::new(form));
            }
            Action::Delete if cursor < n => {
                self.refuse(self.tf(
                    "screen-delete-ask",
                    &[("what", super::text::clean(&actions[cursor].what).into())],
                ));
                self.screen = here(cursor, true);
            }
            Action::Delete => self.refuse(self.t("screen-nothing-to-delete")),
            Action::Close => {
                self.screen = Screen::Indicator;
                self.status = None;
            }
            Action::Quit => self.outcome = Some(Outcome::Quit),
            Action::Interrupt => self.outcome = Some(Outcome::Interrupted),
            _ => self.refuse(self.t("screen-key-means-nothing")),
        }
        Ok(())
    }

    /// Saves the vote's counts as the answer's tally from the cards (for its group), replacing
    /// an earlier one; a vote with no counts removes it.
    fn save_tally(&mut self, form: &VoteForm, save: &mut Save<'_>) -> Result<u64, Error> {
        let Some((_, ind)) = self.current() else {
            return Ok(0);
        };
        let id = ind.id.value.clone();
        let tally = form.tally();
        let total = tally.total();
        let answer = answer_mut(&mut self.record, self.framework, &id);
        let at = answer.votes.iter().position(|t| {
            t.from.value == crate::record::VoteSource::Cards && t.group() == tally.group()
        });
        let changed = match (at, total) {
            (Some(i), 0) => {
                answer.votes.remove(i);
                true
            }
            (Some(i), _) if answer.votes[i] != tally => {
                answer.votes[i] = tally;
                true
            }
            (None, n) if n > 0 => {
                answer.votes.push(tally);
                true
            }
            _ => false,
        };
        if changed {
            save(&self.record)?;
        }
        Ok(total)
    }

    fn on_vote(
        &mut self,
        action: Action,
        mut form: VoteForm,
        save: &mut Save<'_>,
    ) -> Result<(), Error> {
        let Some((_, ind)) = self.current() else {
            self.screen = Screen::Indicator;
            return Ok(());
        };
        let id = ind.id.value.to_uppercase();
        if self.phone_out.is_some() && action != Action::Interrupt {
            self.screen = Screen::Vote(Box::new(form));
            self.on_put_out(action);
            return Ok(());
        }
        match (&mut form.stage, action.clone()) {
            (_, Action::Interrupt) => {
                self.screen = Screen::Vote(Box::new(form.clone()));
                if form.stage == Stage::Counting {
                    self.phones_close(save)?;
                    self.save_tally(&form, save)?;
                } else {
                    self.keep_draft(save)?;
                }
                self.outcome = Some(Outcome::Interrupted);
                return Ok(());
            }
            (Stage::Counting, Action::Digit(d)) => {
                if !form.digit(d) {
                    self.refuse(self.t("screen-count-too-big"));
                }
            }
            (Stage::Counting, Action::NewCode) => self.phones_new_code(),
            (Stage::Counting, Action::PutOut) => self.phones_ask_put_out(),
            (Stage::Counting, Action::PhonesEarlier(add)) => self.phones_choose(add),
            (Stage::Counting, Action::Edit(EditKey::Backspace)) => form.backspace(),
            (Stage::Counting, Action::Scroll(n)) => form.step(n),
            (Stage::Counting, Action::Confirm) => {
                // Phones voting, or asked about their earlier votes (which the reveal shows).
                let phones = self
                    .phones
                    .as_ref()
                    .is_some_and(|l| l.is_open() || l.asking().is_some());
                let cards = self.save_tally(&form, save)?;
                let total = if phones {
                    self.phones_close(save)?;
                    form.stage = Stage::Agreeing;
                    let total = self.shown_distribution(&form).total();
                    form.stage = Stage::Counting;
                    total
                } else {
                    cards
                };
                if total == 0 {
                    if phones {
                        // Nobody voted: the phones can vote again.
                        self.phones_open();
                        self.refuse(self.t("screen-no-votes-phones"));
                    } else {
                        self.refuse(self.t("screen-no-votes"));
                    }
                } else {
                    form.stage = Stage::Agreeing;
                    let d = self.shown_distribution(&form);
                    let mut text = self.tf(
                        "screen-saved-vote",
                        &[("id", (&id).into()), ("n", count(total))],
                    );
                    if d.talk_about_this(self.divergence) {
                        text.push(' ');
                        text.push_str(&self.t("screen-far-apart"));
                    }
                    text.push(' ');
                    text.push_str(&self.t(if self.workshop() {
                        "screen-now-agree"
                    } else {
                        "screen-now-agree-or-disagree"
                    }));
                    self.done(text);
                    form.stage = Stage::Agreeing;
                }
            }
            (Stage::Counting, Action::Close) => {
                self.phones_close(save)?;
                let total = self.save_tally(&form, save)?;
                if total > 0 {
                    self.done(self.tf(
                        "screen-saved-vote",
                        &[("id", (&id).into()), ("n", count(total))],
                    ));
                } else {
                    self.status = None;
                }
                self.screen = Screen::Indicator;
                return Ok(());
            }
            (Stage::Counting, Action::Quit) => {
                self.phones_close(save)?;
                self.save_tally(&form, save)?;
                self.outcome = Some(Outcome::Quit);
            }
            (Stage::Agreeing, Action::Digit(_) | Action::NotApplicable) => {
                self.screen = Screen::Indicator;
                return self.on_indicator(action, save);
            }
            (Stage::Agreeing, Action::Disagree) if self.workshop() => {
                self.refuse(self.t("screen-workshop-no-disagree"));
            }
            (Stage::Agreeing, Action::Disagree) => {
                let earlier = self
                    .record
                    .answer(&ind.id.value)
                    .and_then(|a| {
                        a.draft
                            .disagreed
                            .clone()
                            .or_else(|| a.disagreed.as_ref().map(|d| d.value.clone()))
                    })
                    .unwrap_or_default();
                form.stage = Stage::Disagreeing(Editor::new(&earlier));
                self.done(self.t("screen-disagree-ask"));
            }
            (Stage::Agreeing, Action::Close) => {
                self.screen = Screen::Indicator;
                self.status = None;
                return Ok(());
            }
            (Stage::Agreeing, Action::Quit) => self.outcome = Some(Outcome::Quit),
            (Stage::Disagreeing(editor), Action::Edit(key)) => {
                edit(editor, key);
                self.typed_at = Some(self.elapsed);
            }
            (Stage::Disagreeing(editor), Action::Close) => {
                let note = editor.text().trim().to_string();
                let answer = answer_mut(&mut self.record, self.framework, &ind.id.value);
                answer.draft.disagreed = None;
                self.typed_at = None;
                if note.is_empty() {
                    save(&self.record)?;
                    self.done(self.t("screen-disagree-empty"));
                    form.stage = Stage::Agreeing;
                } else {
                    answer.disagreed = Some(unplaced(note));
                    answer.level = None;
                    save(&self.record)?;
                    self.done(self.tf("screen-saved-disagree", &[("id", (&id).into())]));
                    if !self.stay {
                        let status = self.status.take();
                        self.arrive(self.at + 1);
                        self.status = status;
                    } else {
                        self.screen = Screen::Indicator;
                    }
                    return Ok(());
                }
            }
            _ => self.refuse(self.t("screen-key-means-nothing")),
        }
        self.screen = Screen::Vote(Box::new(form));
        Ok(())
    }

    fn on_form(
        &mut self,
        action: Action,
        mut form: ActionForm,
        save: &mut Save<'_>,
    ) -> Result<(), Error> {
        let Some((_, ind)) = self.current() else {
            self.screen = Screen::Indicator;
            return Ok(());
        };
        let id = ind.id.value.clone();
        match action {
            Action::Edit(key) => {
                let multi = form.multi_line();
                match (form.editor_mut(), key) {
                    (None, EditKey::Left) => form.cycle_status(true),
                    (None, EditKey::Right) => form.cycle_status(false),
                    (None, EditKey::Newline) => form.step(false),
                    (None, _) => self.refuse(self.t("screen-status-keys")),
                    (Some(_), EditKey::Newline) if !multi => form.step(false),
                    (Some(editor), key) => edit(editor, key),
                }
                self.typed_at = Some(self.elapsed);
            }
            Action::NextField => form.step(false),
            Action::PreviousField => form.step(true),
            Action::Close => {
                let cursor;
                if form.is_blank() && form.changes.is_none() {
                    let answer = answer_mut(&mut self.record, self.framework, &id);
                    let had_draft = answer.draft.action.take().is_some();
                    cursor = answer.actions.len();
                    if had_draft {
                        save(&self.record)?;
                    }
                    self.done(self.t("screen-no-action"));
                } else {
                    match form.to_action(&self.words) {
                        Err(why) => {
                            self.refuse(why);
                            self.screen = Screen::Action(Box::new(form));
                            return Ok(());
                        }
                        Ok(new) => {
                            let due = new.due;
                            let answer = answer_mut(&mut self.record, self.framework, &id);
                            match form.changes.filter(|&i| i < answer.actions.len()) {
                                Some(i) => {
                                    answer.actions[i] = new;
                                    cursor = i;
                                }
                                None => {
                                    answer.actions.push(new);
                                    cursor = answer.actions.len() - 1;
                                }
                            }
                            answer.draft.action = None;
                            save(&self.record)?;
                            let date = self.record.date.value;
                            let upper = id.to_uppercase();
                            match due.filter(|d| *d < date) {
                                // Said, not refused: it may be right (an action already late).
                                Some(d) => self.refuse(self.tf(
                                    "screen-saved-action-early",
                                    &[
                                        ("id", upper.into()),
                                        ("due", d.to_string().into()),
                                        ("date", date.to_string().into()),
                                    ],
                                )),
                                None => self
                                    .done(self.tf("screen-saved-action", &[("id", upper.into())])),
                            }
                        }
                    }
                }
                self.typed_at = None;
                self.screen = Screen::Actions {
                    cursor,
                    deleting: false,
                };
                return Ok(());
            }
            Action::Interrupt => {
                self.screen = Screen::Action(Box::new(form));
                self.keep_draft(save)?;
                self.outcome = Some(Outcome::Interrupted);
                return Ok(());
            }
            _ => {}
        }
        self.screen = Screen::Action(Box::new(form));
        Ok(())
    }

    fn on_details(
        &mut self,
        action: Action,
        mut form: DetailsForm,
        save: &mut Save<'_>,
    ) -> Result<(), Error> {
        match action {
            // Every field is one line: Enter goes to the next one.
            Action::Edit(EditKey::Newline) | Action::NextField => form.step(false),
            Action::PreviousField => form.step(true),
            Action::Edit(key) => edit(form.editor_mut(), key),
            Action::Close => {
                match form.apply(&mut self.record, &self.words) {
                    Err(why) => self.refuse(why),
                    Ok(said) if said.is_empty() => {
                        self.done(self.t("screen-details-same"));
                        self.screen = Screen::Indicator;
                    }
                    Ok(said) => {
                        save(&self.record)?;
                        self.done(
                            self.tf("screen-details-saved", &[("what", said.join("; ").into())]),
                        );
                        self.screen = Screen::Indicator;
                    }
                }
                if matches!(self.screen, Screen::Indicator) {
                    return Ok(());
                }
            }
            Action::Interrupt => {
                // Keep everything that can be kept; a field that cannot be saved as typed (an
                // empty name, a date that is not one) stays as it was.
                let left = form.apply_what_can_be(&mut self.record);
                // Saving a record that did not change writes nothing.
                save(&self.record)?;
                if !left.is_empty() {
                    let left: Vec<String> = left.iter().map(|f| self.t(f.label_id())).collect();
                    self.refuse(
                        self.tf("screen-details-left", &[("fields", left.join(", ").into())]),
                    );
                }
                self.outcome = Some(Outcome::Interrupted);
            }
            _ => self.refuse(self.t("screen-key-means-nothing")),
        }
        self.screen = Screen::Details(Box::new(form));
        Ok(())
    }

    /// How many indicators are answered (level or n/a, every group in workshop mode).
    pub fn answered(&self) -> usize {
        self.order.len() - unanswered(self.framework, &self.record).len()
    }
}

/// A count of votes, as a catalog's argument.
fn count(n: u64) -> Arg {
    Arg::Count(usize::try_from(n).unwrap_or(usize::MAX))
}

/// Applies an editing key to text being typed.
fn edit(editor: &mut Editor, key: EditKey) {
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
}
