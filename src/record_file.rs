//! A record open for assessment: the one writer of its file.
//!
//! [`RecordFile`] holds the record's lock ([`crate::storage::Lock`]) and a guard that notices
//! anyone else changing the file ([`crate::storage::Guard`]). Every save is read back by the
//! same parser and checks that read records before it replaces the file, and a save that
//! changes nothing writes nothing, so opening a record leaves it as it is until an answer
//! changes.

mod journal;

use std::path::{Path, PathBuf};

use crate::catalog::say;
use crate::diagnostic::Source;
use crate::error::Error;
use crate::framework::Framework;
use crate::record::{FrameworkCheck, Loaded, Record, VoteSource};
use crate::storage::{self, Guard, Lock, Target};

/// A record file open for assessment. Dropping it releases the lock.
#[derive(Debug)]
pub struct RecordFile {
    path: PathBuf,
    guard: Guard,
    /// The record as it is on disk (as coprod would write it), to skip saves that change
    /// nothing and to say which answer a failed save did not keep. With phone votes in the
    /// journal, the record is the one with them, and the text is `None` (the file differs).
    saved: Option<(Option<String>, Record)>,
    /// Phone votes not yet in the file, kept in the journal beside it (see [`journal`]).
    journal: Option<journal::Journal>,
    // Last, so that the lock is released after everything else.
    lock: Lock,
}

impl RecordFile {
    /// Opens an existing record for assessment: it must be an ordinary file (or a symlink to
    /// one) that coprod may write; takes its lock (`force` takes it from another holder) and
    /// reads it. Returns the record as read and anything to tell the person about the lock.
    pub fn open(path: &Path, force: bool) -> Result<(Self, Loaded, Option<String>), Error> {
        must_be_a_file(path)?;
        must_be_writable(path)?;
        let (lock, taken) = Lock::acquire(path, force)?;
        let note = taken.message(path);
        let source = crate::yaml::read_source(path)?;
        let guard = Guard::for_read(path, source.text.as_bytes());
        let mut record = Record::parse(&source)?;
        let mut notes: Vec<String> = note.into_iter().collect();
        let shown = || path.display().to_string().into();
        let journal = match journal::apply(path, source.text.as_bytes(), &mut record)? {
            journal::Found::Nothing => None,
            journal::Found::Applied(j, n) => {
                if n > 0 {
                    notes.push(say(
                        "record-journal-applied",
                        &[("n", n.into()), ("path", shown())],
                    ));
                }
                Some(j)
            }
            journal::Found::Unused(aside) => {
                notes.push(say(
                    "record-journal-unused",
                    &[
                        ("unused", aside.display().to_string().into()),
                        ("path", shown()),
                    ],
                ));
                None
            }
        };
        let file = Self {
            path: path.to_path_buf(),
            guard,
            saved: None,
            journal,
            lock,
        };
        let note = (!notes.is_empty()).then(|| notes.join("\n"));
        Ok((file, Loaded { record, source }, note))
    }

    /// A new record at `path`, which must not exist yet (nor appear before the first save).
    pub fn create(path: &Path, force: bool) -> Result<(Self, Option<String>), Error> {
        must_be_a_file(path)?;
        let (lock, taken) = Lock::acquire(path, force)?;
        let note = taken.message(path);
        Ok((
            Self {
                path: path.to_path_buf(),
                guard: Guard::for_new(path),
                saved: None,
                journal: None,
                lock,
            },
            note,
        ))
    }

    /// The record's file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The lock file beside the record.
    pub fn lock_path(&self) -> &Path {
        self.lock.path()
    }

    /// Says that `record` is what the file holds now, as far as the person is concerned: saving
    /// it unchanged writes nothing. Call it after opening, once the record has been checked (and
    /// renamed ids adopted), so that `--resume` leaves the file as it is until an answer changes.
    pub fn baseline(&mut self, record: &Record) -> Result<(), Error> {
        let text = yaml_of(record, &self.path)?;
        // With phone votes from the journal in it, the record is not what the file holds.
        let text = self.journal.is_none().then_some(text);
        self.saved = Some((text, record.clone()));
        Ok(())
    }

    /// Saves `record`, unless it is what was saved last. The text is read back and checked
    /// against `framework` first (a record coprod cannot read back is coprod's bug: exit 1, and
    /// the file is kept as it was); the file must still be what coprod last read or wrote
    /// (someone else's change stops the save: exit 6). Returns whether anything was written.
    ///
    /// When all that changed since the last save is the phones' votes on answers the record
    /// already has, they go to the journal beside the record instead (see [`journal`]), which
    /// the next save of the whole record takes in: [`RecordFile::settle`] at the end.
    pub fn save(
        &mut self,
        record: &Record,
        framework: &Framework,
        mode: FrameworkCheck,
    ) -> Result<bool, Error> {
        if let Some(ids) = self.phones_only(record) {
            if ids.is_empty() {
                return Ok(false);
            }
            if self
                .journal
                .as_ref()
                .is_none_or(journal::Journal::takes_more)
                && let Some(sha) = self.guard.expected_sha256()
            {
                if let Err(e) = self.guard.check() {
                    return Err(self.explain(e, record));
                }
                let shown = journal::path_for(&self.path);
                let io = |e| Error::io(format!("cannot write {}", shown.display()), e);
                let j = match self.journal.as_mut() {
                    Some(j) => j,
                    None => self
                        .journal
                        .insert(journal::Journal::start(&self.path, &sha).map_err(io)?),
                };
                j.append(record, &ids).map_err(io)?;
                self.saved = Some((None, record.clone()));
                return Ok(true);
            }
        }
        self.write(record, framework, mode)
    }

    /// Writes the whole record if the journal holds votes the file does not (at the end of an
    /// assessment, so that the record alone holds everything).
    pub fn settle(
        &mut self,
        record: &Record,
        framework: &Framework,
        mode: FrameworkCheck,
    ) -> Result<bool, Error> {
        if self.journal.is_none() {
            return self.save(record, framework, mode);
        }
        self.write(record, framework, mode)
    }

    /// Writes the whole record (unless the file already holds it), and removes the journal.
    fn write(
        &mut self,
        record: &Record,
        framework: &Framework,
        mode: FrameworkCheck,
    ) -> Result<bool, Error> {
        let text = yaml_of(record, &self.path)?;
        if self.journal.is_none()
            && self
                .saved
                .as_ref()
                .is_some_and(|(t, _)| t.as_deref() == Some(text.as_str()))
        {
            return Ok(false);
        }
        read_back(&text, &self.path, framework, mode)?;
        if let Err(e) = self.guard.save(text.as_bytes()) {
            return Err(self.explain(e, record));
        }
        if let Some(j) = self.journal.take() {
            j.remove();
        }
        self.saved = Some((Some(text), record.clone()));
        Ok(true)
    }

    /// The indicators whose phone votes are all that differs between `record` and what was
    /// saved last (none when nothing differs); `None` when anything else differs, or an answer
    /// was added or removed.
    fn phones_only(&self, record: &Record) -> Option<Vec<String>> {
        let (_, before) = self.saved.as_ref()?;
        // Everything compared, so that a field added to records one day is never left unsaved.
        let without_phones = |r: &Record| {
            let mut r = r.clone();
            for a in &mut r.answers {
                a.votes.retain(|t| t.from.value != VoteSource::Phones);
            }
            r
        };
        if without_phones(before) != without_phones(record) {
            return None;
        }
        Some(
            before
                .answers
                .iter()
                .zip(&record.answers)
                .filter(|(b, a)| a != b)
                .map(|(_, a)| a.indicator.value.clone())
                .collect(),
        )
    }

    /// A failed save, saying what it did not keep.
    fn explain(&self, e: storage::Error, record: &Record) -> Error {
        let lost = match &self.saved {
            Some((_, before)) => what_changed(before, record),
            None => say("error-lost-new-record", &[]),
        };
        match e {
            storage::Error::Io { source, .. } => Error::io(
                say(
                    "error-cannot-save",
                    &[
                        ("what", lost.into()),
                        ("path", self.path.display().to_string().into()),
                    ],
                ),
                source,
            ),
            storage::Error::Changed(m) => Error::Conflict(format!(
                "{}\nhelp: {}",
                say(
                    "error-not-saved",
                    &[("why", m.into()), ("what", lost.into())]
                ),
                say(
                    "error-not-saved-help",
                    &[("path", self.path.display().to_string().into())],
                )
            )),
            other => other.into(),
        }
    }
}

/// Adds to a record read for a report the phone votes kept in the journal beside it (its
/// assessment stopped during a vote, before it wrote them into the record), without changing
/// any file. Returns what to tell the person when there were some.
pub fn add_kept_votes(path: &Path, loaded: &mut Loaded) -> Result<Option<String>, Error> {
    if path == Path::new("-") {
        return Ok(None);
    }
    let found = journal::peek(path, loaded.source.text.as_bytes(), &mut loaded.record)?;
    Ok(found.map(|journal| {
        say(
            "report-journal-counted",
            &[
                ("journal", journal.display().to_string().into()),
                ("path", path.display().to_string().into()),
            ],
        )
    }))
}

/// The record's text as coprod writes it.
fn yaml_of(record: &Record, path: &Path) -> Result<String, Error> {
    record.to_yaml().map_err(|e| {
        Error::Internal(format!(
            "coprod could not write the record for {} as YAML ({e}); this is a bug in coprod, and the file was left as it was",
            path.display()
        ))
    })
}

/// Reads `text` back with the parser and checks that read records, and writes it again to see
/// that nothing was lost on the way. A failure is coprod's bug.
pub fn read_back(
    text: &str,
    path: &Path,
    framework: &Framework,
    mode: FrameworkCheck,
) -> Result<(), Error> {
    let source = Source::new(path, text);
    let bug = |what: String| {
        Error::Internal(format!(
            "coprod made a record it cannot read back, so it did not save it and {} is as it was. This is a bug in coprod; please report it with this message.\n{what}",
            path.display()
        ))
    };
    let again = Record::parse(&source).map_err(|d| bug(d.render(false)))?;
    again
        .check(&source, framework, mode)
        .map_err(|d| bug(d.render(false)))?;
    let rewritten = again
        .to_yaml()
        .map_err(|e| bug(format!("writing it again failed: {e}")))?;
    if rewritten != text {
        return Err(bug(
            "reading it back did not give the same record (some text did not survive)".into(),
        ));
    }
    Ok(())
}

/// A few words for what `after` adds to `before`: "the answer to wc2", "the answers to wc2 and
/// wc3", or "the change to the record's details".
fn what_changed(before: &Record, after: &Record) -> String {
    let text = |a: &crate::record::Answer| serde_saphyr::to_string(a).unwrap_or_default();
    let mut ids: Vec<&str> = Vec::new();
    for a in &after.answers {
        let same = before
            .answer(&a.indicator.value)
            .is_some_and(|b| text(b) == text(a));
        if !same {
            ids.push(&a.indicator.value);
        }
    }
    for b in &before.answers {
        if after.answer(&b.indicator.value).is_none() {
            ids.push(&b.indicator.value);
        }
    }
    match ids.as_slice() {
        [] => say("error-lost-details", &[]),
        [one] => say("error-lost-one", &[("id", (*one).into())]),
        [rest @ .., last] => say(
            "error-lost-many",
            &[("ids", rest.join(", ").into()), ("last", (*last).into())],
        ),
    }
}

/// An assessment saves its record after every answer: it needs an ordinary file, not `-`, a
/// device or a pipe.
fn must_be_a_file(path: &Path) -> Result<(), Error> {
    match storage::target(path)? {
        Target::Replace(_) => Ok(()),
        _ => Err(Error::Usage(format!(
            "{} is not an ordinary file, and an assessment saves its record after every answer\nhelp: give the name of a .yaml file; `coprod assess --answers FILE -o -` writes a record to standard output",
            path.display()
        ))),
    }
}

/// A record the person made read-only is not changed.
fn must_be_writable(path: &Path) -> Result<(), Error> {
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(()); // Reading it reports why.
    };
    #[cfg(unix)]
    let read_only = {
        use std::os::unix::fs::PermissionsExt;
        meta.permissions().mode() & 0o222 == 0
            || rustix::fs::access(path, rustix::fs::Access::WRITE_OK).is_err()
    };
    #[cfg(not(unix))]
    let read_only = meta.permissions().readonly();
    if read_only {
        return Err(Error::Usage(format!(
            "{} is read-only, so coprod will not change it\nhelp: to carry on with it, make it writable first (e.g. `chmod u+w {}`), or report on it as it is with `coprod report {}`",
            path.display(),
            path.display(),
            path.display()
        )));
    }
    Ok(())
}
