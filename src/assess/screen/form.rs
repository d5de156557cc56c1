//! The action form: what will be done, who owns it, by when, where it has got to, a note.
//! Text is kept as typed (a half-written date too) so it can be saved as a draft at any
//! moment; it is checked only when the action is saved.

use crate::catalog::Catalog;
use crate::record::{Action, ActionDraft, ActionStatus, IsoDate};

use super::text::Editor;

/// The parts of the form, in the order Tab visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// What will be done.
    What,
    /// Who owns it.
    Owner,
    /// Due date, YYYY-MM-DD.
    Due,
    /// Where it has got to (← → change it).
    Status,
    /// A word on progress.
    Note,
}

/// Every field, in order.
pub const FIELDS: [Field; 5] = [
    Field::What,
    Field::Owner,
    Field::Due,
    Field::Status,
    Field::Note,
];

/// The statuses in the order ← and → step through them.
pub const STATUSES: [ActionStatus; 5] = [
    ActionStatus::NotStarted,
    ActionStatus::InProgress,
    ActionStatus::Done,
    ActionStatus::Embedded,
    ActionStatus::Dropped,
];

impl Field {
    /// The message id of the field's label on the screen.
    pub fn label_id(self) -> &'static str {
        match self {
            Self::What => "screen-field-what",
            Self::Owner => "screen-field-owner",
            Self::Due => "screen-field-due",
            Self::Status => "screen-field-status",
            Self::Note => "screen-field-note",
        }
    }
}

/// An action being typed or changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionForm {
    /// Which of the indicator's actions this changes (0 for the first); `None` for a new one.
    pub changes: Option<usize>,
    /// The field being typed in.
    pub field: Field,
    /// What will be done.
    pub what: Editor,
    /// Who owns it.
    pub owner: Editor,
    /// When by, as typed.
    pub due: Editor,
    /// Where it has got to.
    pub status: ActionStatus,
    /// A word on progress.
    pub note: Editor,
}

fn one_line(text: Option<&str>) -> Editor {
    Editor::new(&text.unwrap_or("").replace(['\n', '\r'], " "))
}

impl ActionForm {
    /// An empty form for a new action.
    pub fn new() -> Self {
        Self {
            changes: None,
            field: Field::What,
            what: Editor::new(""),
            owner: Editor::new(""),
            due: Editor::new(""),
            status: ActionStatus::NotStarted,
            note: Editor::new(""),
        }
    }

    /// A form holding action number `index` as it is.
    pub fn edit(index: usize, action: &Action) -> Self {
        Self {
            changes: Some(index),
            field: Field::What,
            what: Editor::new(&action.what),
            owner: one_line(action.owner.as_deref()),
            due: one_line(action.due.map(|d| d.to_string()).as_deref()),
            status: action.status,
            note: Editor::new(action.note.as_deref().unwrap_or("")),
        }
    }

    /// A form from a draft saved earlier; a draft that changed an action no longer there is
    /// offered as a new action. The status is the changed action's (drafts keep typed text
    /// only).
    pub fn from_draft(draft: &ActionDraft, actions: &[Action]) -> Self {
        let changes = draft
            .changes
            .and_then(|n| usize::try_from(n).ok())
            .and_then(|n| n.checked_sub(1))
            .filter(|&i| i < actions.len());
        Self {
            changes,
            field: Field::What,
            what: Editor::new(&draft.what),
            owner: one_line(draft.owner.as_deref()),
            due: one_line(draft.due.as_deref()),
            status: changes
                .and_then(|i| actions.get(i))
                .map_or(ActionStatus::NotStarted, |a| a.status),
            note: Editor::new(draft.note.as_deref().unwrap_or("")),
        }
    }

    /// The text as typed, for the record's draft.
    pub fn to_draft(&self) -> ActionDraft {
        let opt = |e: &Editor| (!e.is_blank()).then(|| e.text());
        ActionDraft {
            changes: self.changes.and_then(|i| u32::try_from(i + 1).ok()),
            what: self.what.text(),
            owner: opt(&self.owner),
            due: opt(&self.due),
            note: opt(&self.note),
        }
    }

    /// The action, or what is wrong with it in words a person can act on (in `words`'
    /// language).
    pub fn to_action(&self, words: &Catalog) -> Result<Action, String> {
        let what = self.what.text().trim().to_string();
        if what.is_empty() {
            return Err(words.get("screen-action-needs-what"));
        }
        let due = self.due.text();
        let due = if due.trim().is_empty() {
            None
        } else {
            Some(due.parse::<IsoDate>().map_err(|_| {
                words.format(
                    "screen-due-again",
                    &[("error", super::details::date_problem(words, &due).into())],
                )
            })?)
        };
        let text = |e: &Editor| Some(e.text().trim().to_string()).filter(|t| !t.is_empty());
        Ok(Action {
            what,
            owner: text(&self.owner),
            due,
            status: self.status,
            note: text(&self.note),
        })
    }

    /// Whether nothing has been typed (a new form left empty).
    pub fn is_blank(&self) -> bool {
        self.what.is_blank() && self.owner.is_blank() && self.due.is_blank() && self.note.is_blank()
    }

    /// The text field with the cursor, if the cursor is in one.
    pub fn editor_mut(&mut self) -> Option<&mut Editor> {
        match self.field {
            Field::What => Some(&mut self.what),
            Field::Owner => Some(&mut self.owner),
            Field::Due => Some(&mut self.due),
            Field::Status => None,
            Field::Note => Some(&mut self.note),
        }
    }

    /// Whether the field with the cursor takes several lines (Enter starts a new line).
    pub fn multi_line(&self) -> bool {
        matches!(self.field, Field::What | Field::Note)
    }

    /// The next (or, with `back`, previous) field.
    pub fn step(&mut self, back: bool) {
        let i = FIELDS.iter().position(|f| *f == self.field).unwrap_or(0);
        let n = FIELDS.len();
        self.field = FIELDS[if back { (i + n - 1) % n } else { (i + 1) % n }];
    }

    /// The next (or previous) status.
    pub fn cycle_status(&mut self, back: bool) {
        let i = STATUSES.iter().position(|s| *s == self.status).unwrap_or(0);
        let n = STATUSES.len();
        self.status = STATUSES[if back { (i + n - 1) % n } else { (i + 1) % n }];
    }
}

impl Default for ActionForm {
    fn default() -> Self {
        Self::new()
    }
}
