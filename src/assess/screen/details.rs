//! The details screen: the partnership, the date and who is taking part, corrected without
//! leaving the screen. Who scores (the room, a group, a person, a workshop's groups) decides how
//! every level is recorded, so it is changed with the flags given with `--resume`, not here.
//! Text is kept as typed and checked only when it is saved.

use crate::catalog::Catalog;
use crate::diagnostic::unplaced;
use crate::record::{IsoDate, Record};

use super::text::{Editor, clean};

/// The parts of the form, in the order Tab visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The partnership's name.
    Partnership,
    /// The date of the assessment.
    Date,
    /// Who is taking part, names between commas.
    Participants,
}

/// Every field, in order.
pub const FIELDS: [Field; 3] = [Field::Partnership, Field::Date, Field::Participants];

impl Field {
    /// The message id of the field's label on the screen.
    pub fn label_id(self) -> &'static str {
        match self {
            Self::Partnership => "screen-field-partnership",
            Self::Date => "screen-field-date",
            Self::Participants => "screen-field-taking-part",
        }
    }

    /// The message id of the field's hint, shown under it while it is being typed in: the
    /// shape a date is written in, how names are separated.
    pub fn hint_id(self) -> Option<&'static str> {
        match self {
            Self::Partnership => None,
            Self::Date => Some("screen-hint-date"),
            Self::Participants => Some("screen-hint-taking-part"),
        }
    }
}

/// The details being changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailsForm {
    /// The field being typed in.
    pub field: Field,
    /// The partnership's name.
    pub partnership: Editor,
    /// The date, as typed.
    pub date: Editor,
    /// Who is taking part, as typed.
    pub participants: Editor,
}

impl DetailsForm {
    /// The form holding the record's details as they are.
    pub fn of(record: &Record) -> Self {
        Self {
            field: Field::Partnership,
            partnership: Editor::new(&one_line(&record.partnership)),
            date: Editor::new(&record.date.value.to_string()),
            participants: Editor::new(&one_line(&record.participants.join(", "))),
        }
    }

    /// The editor of `field`.
    pub fn editor(&self, field: Field) -> &Editor {
        match field {
            Field::Partnership => &self.partnership,
            Field::Date => &self.date,
            Field::Participants => &self.participants,
        }
    }

    /// The editor with the cursor.
    pub fn editor_mut(&mut self) -> &mut Editor {
        match self.field {
            Field::Partnership => &mut self.partnership,
            Field::Date => &mut self.date,
            Field::Participants => &mut self.participants,
        }
    }

    /// The next (or, with `back`, previous) field.
    pub fn step(&mut self, back: bool) {
        let i = FIELDS.iter().position(|f| *f == self.field).unwrap_or(0);
        let n = FIELDS.len();
        self.field = FIELDS[if back { (i + n - 1) % n } else { (i + 1) % n }];
    }

    /// Puts every field in the record, or says what is wrong (and changes nothing). Returns
    /// what changed, in words (in `words`' language).
    pub fn apply(&self, record: &mut Record, words: &Catalog) -> Result<Vec<String>, String> {
        let partnership = self
            .partnership_typed()
            .map_err(|()| words.get("screen-no-name"))?;
        let date = self.date_typed().map_err(|()| {
            words.format(
                "screen-date-again",
                &[("error", date_problem(words, &self.date.text()).into())],
            )
        })?;
        let mut said = Vec::new();
        if partnership != record.partnership {
            said.push(words.format(
                "screen-partnership-now",
                &[("name", clean(&partnership).into())],
            ));
            record.partnership = partnership;
        }
        if date != record.date.value {
            said.push(words.format("screen-date-now", &[("date", date.to_string().into())]));
            record.date = unplaced(date);
        }
        let participants = self.participants_typed();
        if participants != record.participants {
            said.push(words.format("screen-named", &[("n", participants.len().into())]));
            record.participants = participants;
        }
        Ok(said)
    }

    /// Puts the fields that can be saved as they are in the record, leaving the others as they
    /// were (for Ctrl-C, SIGTERM and SIGHUP: keep everything that can be kept). Returns the
    /// fields left as they were.
    pub fn apply_what_can_be(&self, record: &mut Record) -> Vec<Field> {
        let mut left = Vec::new();
        match self.partnership_typed() {
            Ok(p) => record.partnership = p,
            Err(()) => left.push(Field::Partnership),
        }
        match self.date_typed() {
            Ok(d) => record.date = unplaced(d),
            Err(()) => left.push(Field::Date),
        }
        record.participants = self.participants_typed();
        left
    }

    fn partnership_typed(&self) -> Result<String, ()> {
        let p = self.partnership.text().trim().to_string();
        if p.is_empty() { Err(()) } else { Ok(p) }
    }

    fn date_typed(&self) -> Result<IsoDate, ()> {
        self.date.text().trim().parse::<IsoDate>().map_err(|_| ())
    }

    fn participants_typed(&self) -> Vec<String> {
        self.participants
            .text()
            .split(',')
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect()
    }
}

/// What is wrong with a date as typed, in `words`' language: not in the shape YYYY-MM-DD, or
/// not a real date (the same two cases as the record's own date check).
pub fn date_problem(words: &Catalog, typed: &str) -> String {
    let t = typed.trim();
    let shaped = t.len() == 10
        && t.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    let id = if shaped {
        "error-date-not-real"
    } else {
        "error-date-shape"
    };
    words.format(id, &[("date", clean(t).into())])
}

fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}
