//! The details screen: the partnership, the date and who is taking part, corrected without
//! leaving the screen. Who scores (the room, a group, a person, a workshop's groups) decides how
//! every level is recorded, so it is changed with the flags given with `--resume`, not here.
//! Text is kept as typed and checked only when it is saved.

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
    /// The field's label on the screen.
    pub fn label(self) -> &'static str {
        match self {
            Self::Partnership => "Partnership",
            Self::Date => "Date (YYYY-MM-DD)",
            Self::Participants => "Taking part (commas between)",
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
    /// what changed, in words.
    pub fn apply(&self, record: &mut Record) -> Result<Vec<String>, String> {
        let partnership = self.partnership_typed()?;
        let date = self.date_typed()?;
        let mut said = Vec::new();
        if partnership != record.partnership {
            said.push(format!("the partnership is now “{}”", clean(&partnership)));
            record.partnership = partnership;
        }
        if date != record.date.value {
            said.push(format!("the date is now {date}"));
            record.date = unplaced(date);
        }
        let participants = self.participants_typed();
        if participants != record.participants {
            said.push(match participants.len() {
                0 => "no one is named as taking part".to_string(),
                1 => "1 person is named as taking part".to_string(),
                n => format!("{n} people are named as taking part"),
            });
            record.participants = participants;
        }
        Ok(said)
    }

    /// Puts the fields that can be saved as they are in the record, leaving the others as they
    /// were (for Ctrl-C, SIGTERM and SIGHUP: keep everything that can be kept). Returns the
    /// labels of the fields left as they were.
    pub fn apply_what_can_be(&self, record: &mut Record) -> Vec<&'static str> {
        let mut left = Vec::new();
        match self.partnership_typed() {
            Ok(p) => record.partnership = p,
            Err(_) => left.push(Field::Partnership.label()),
        }
        match self.date_typed() {
            Ok(d) => record.date = unplaced(d),
            Err(_) => left.push(Field::Date.label()),
        }
        record.participants = self.participants_typed();
        left
    }

    fn partnership_typed(&self) -> Result<String, String> {
        let p = self.partnership.text().trim().to_string();
        if p.is_empty() {
            Err("The partnership needs a name.".to_string())
        } else {
            Ok(p)
        }
    }

    fn date_typed(&self) -> Result<IsoDate, String> {
        self.date
            .text()
            .trim()
            .parse::<IsoDate>()
            .map_err(|e| format!("{e}. Type it like 2026-11-12."))
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

fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}
