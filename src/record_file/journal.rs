//! Phone votes kept beside a record while they pour in: `NAME.votes`.
//!
//! Saving the whole record (writing it out, reading it back, flushing it, renaming it over the
//! old one, flushing the folder) takes a few milliseconds, and a room of phones voting at once
//! would wait for those saves one after another. So a save that changes nothing but the phones'
//! counts on answers the record already has appends one line per indicator to this journal and
//! flushes it: one short write. The next save of the whole record takes the votes in and
//! removes the journal.
//!
//! Each line holds the indicator's phone counts in full, so the last line for an indicator is
//! what counts, and reading a line twice changes nothing. The journal's header names the SHA-256
//! of the record as it was on disk when the journal began. When the record is opened again after
//! coprod stopped without saving it (a crash, a power cut), a journal whose header matches the
//! record is applied; one that does not is left over from a save that had already taken its
//! votes in (or the record was changed by hand since): it is not applied, and it is kept aside
//! as `NAME.votes-unused`. A last line cut short by a crash was never acknowledged to a phone,
//! and is left out.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::catalog::say;
use crate::diagnostic::{Diagnostic, Pos, Source};
use crate::error::Error;
use crate::record::{Record, Tally, VoteSource};
use crate::storage;

/// What the journal's first line says, for anyone who opens it.
const COMMENT: &str = "# coprod: phone votes not yet in the record beside this file. `coprod assess --resume` adds them. Do not edit or remove this file.";

/// What the header's `journal` field holds.
const KIND: &str = "coprod phone votes";

/// The most lines a journal holds before the next save writes the whole record instead (which
/// removes the journal), so that reading one back stays quick.
const MOST_LINES: usize = 4096;

/// The journal's second line.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    journal: String,
    format: u32,
    record_sha256: String,
}

/// One line: an indicator's phone tallies, in full.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    indicator: String,
    phones: Vec<Tally>,
}

/// The journal file beside `record`.
pub fn path_for(record: &Path) -> PathBuf {
    storage::beside(record, ".votes")
}

/// Where a journal that does not belong to its record is kept.
fn unused_path(record: &Path) -> PathBuf {
    storage::beside(record, ".votes-unused")
}

/// A journal being written.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: File,
    lines: usize,
    /// A write to it failed, so it may end in part of a line: nothing more is added to it, and
    /// the next save writes the whole record (and removes it).
    broken: bool,
}

impl Journal {
    /// Starts the journal beside `record`, whose file on disk has SHA-256 `record_sha256`.
    pub fn start(record: &Path, record_sha256: &str) -> io::Result<Self> {
        let path = path_for(record);
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&path)?;
        let header = serde_json::to_string(&Header {
            journal: KIND.to_string(),
            format: 1,
            record_sha256: record_sha256.to_string(),
        })
        .map_err(io::Error::other)?;
        file.write_all(format!("{COMMENT}\n{header}\n").as_bytes())?;
        file.sync_all()?;
        // The journal's name must survive a power cut as well as its contents.
        storage::sync_folder(path.parent().unwrap_or(Path::new(".")));
        Ok(Self {
            path,
            file,
            lines: 0,
            broken: false,
        })
    }

    /// Goes on with a journal that was applied when the record was opened.
    fn resume(path: PathBuf, lines: usize) -> io::Result<Self> {
        let file = OpenOptions::new().append(true).open(&path)?;
        Ok(Self {
            path,
            file,
            lines,
            broken: false,
        })
    }

    /// Whether it may take more votes: it is not too long, and no write to it failed.
    pub fn takes_more(&self) -> bool {
        self.lines < MOST_LINES && !self.broken
    }

    /// Appends the phone tallies `record` holds for each of `ids`, and flushes them to disk.
    /// Each line is read back before it is written.
    pub fn append(&mut self, record: &Record, ids: &[String]) -> io::Result<()> {
        let mut text = String::new();
        for id in ids {
            let entry = Entry {
                indicator: id.clone(),
                phones: record.phone_tallies(id),
            };
            let line = serde_json::to_string(&entry).map_err(io::Error::other)?;
            // Read back as a journal is read, and written again: it must say the same.
            let back: Entry = serde_saphyr::from_str(&line).map_err(io::Error::other)?;
            if serde_json::to_string(&back).map_err(io::Error::other)? != line {
                return Err(io::Error::other(
                    "coprod wrote phone votes it could not read back (a bug in coprod)",
                ));
            }
            text.push_str(&line);
            text.push('\n');
        }
        self.broken = true;
        self.file.write_all(text.as_bytes())?;
        self.file.sync_data()?;
        self.broken = false;
        self.lines += ids.len();
        Ok(())
    }

    /// Removes the journal: the record on disk now holds its votes.
    pub fn remove(self) {
        drop(self.file);
        let _ = fs::remove_file(&self.path);
        storage::sync_folder(self.path.parent().unwrap_or(Path::new(".")));
    }
}

/// What a journal found beside a record when it was opened did.
#[derive(Debug)]
pub enum Found {
    /// There was none.
    Nothing,
    /// It was applied to the record: the phone votes of this many indicators were added, and
    /// the journal goes on.
    Applied(Journal, usize),
    /// It belongs to another version of the record, so it was not applied, and it was moved
    /// aside to this path.
    Unused(PathBuf),
}

/// A journal as read: its votes, and whether it belongs to the record beside it.
struct Read {
    /// Where it is.
    path: PathBuf,
    /// Its lines of votes, with their line numbers.
    entries: Vec<(usize, Entry)>,
    /// Whether its header names the record as it is on disk.
    belongs: bool,
    /// The journal's text, for error messages.
    source: Source,
}

/// Reads the journal beside `path` (whose file on disk holds `bytes`), if there is one.
fn read(path: &Path, bytes: &[u8]) -> Result<Option<Read>, Error> {
    let journal = path_for(path);
    let text = match storage::read(&journal, crate::yaml::MAX_INPUT_BYTES) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(storage::Error::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
            return Ok(None);
        }
        Err(e) => return Err(e.into()),
    };
    let source = Source::new(&crate::diagnostic::display_path(&journal), text.as_str());
    let bad = |line: usize, what: String| bad_line(&source, &journal, line, what);
    // Only whole lines: a last line without its end was cut short and never acknowledged.
    let whole = text.rfind('\n').map_or("", |end| &text[..end]);
    let mut lines = whole.split('\n').enumerate().map(|(i, l)| (i + 1, l));
    let header = lines
        .by_ref()
        .find(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
    let Some((n, header)) = header else {
        // Cut short before its header was written: no vote was taken into it.
        return Ok(Some(Read {
            path: journal,
            entries: Vec::new(),
            belongs: false,
            source,
        }));
    };
    let header: Header = serde_saphyr::from_str(header)
        .ok()
        .filter(|h: &Header| h.journal == KIND && h.format == 1)
        .ok_or_else(|| bad(n, say("error-journal-header", &[])))?;
    let mut entries: Vec<(usize, Entry)> = Vec::new();
    for (n, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let entry: Entry = serde_saphyr::from_str(line).map_err(|e| {
            bad(
                n,
                say("error-journal-line", &[("why", e.to_string().into())]),
            )
        })?;
        if entry
            .phones
            .iter()
            .any(|t| t.from.value != VoteSource::Phones)
        {
            return Err(bad(n, say("error-journal-not-phones", &[])));
        }
        entries.push((n, entry));
    }
    Ok(Some(Read {
        path: journal,
        entries,
        belongs: header.record_sha256 == storage::sha256(bytes),
        source,
    }))
}

/// An error about line `line` of the journal at `path`.
fn bad_line(source: &Source, path: &Path, line: usize, what: String) -> Error {
    Error::Input(
        Diagnostic::at(source, Some(Pos { line, column: 1 }), what)
            .help(say(
                "error-journal-help",
                &[("path", path.display().to_string().into())],
            ))
            .into(),
    )
}

/// Puts the journal's votes into `record`; returns on how many indicators.
fn put_in(read: &Read, record: &mut Record) -> Result<usize, Error> {
    let mut applied: Vec<&str> = Vec::new();
    for (n, entry) in &read.entries {
        let Some(answer) = record
            .answers
            .iter_mut()
            .find(|a| a.indicator.value == entry.indicator)
        else {
            return Err(bad_line(
                &read.source,
                &read.path,
                *n,
                say(
                    "error-journal-no-answer",
                    &[("id", entry.indicator.as_str().into())],
                ),
            ));
        };
        answer.set_phone_tallies(entry.phones.iter().cloned());
        if !applied.contains(&entry.indicator.as_str()) {
            applied.push(&entry.indicator);
        }
    }
    Ok(applied.len())
}

/// Whether the record already holds the phone votes the journal ends with, for every indicator
/// in it.
fn already_in(read: &Read, record: &Record) -> bool {
    let text = |tallies: &[Tally]| serde_json::to_string(tallies).unwrap_or_default();
    let mut last: Vec<(&str, &[Tally])> = Vec::new();
    for (_, e) in &read.entries {
        match last.iter_mut().find(|(id, _)| *id == e.indicator) {
            Some(found) => found.1 = &e.phones,
            None => last.push((&e.indicator, &e.phones)),
        }
    }
    last.iter()
        .all(|(id, phones)| text(phones) == text(&record.phone_tallies(id)))
}

/// Applies the journal beside `path` (whose file on disk holds `bytes`) to `record`, if there is
/// one that belongs to it, and goes on writing it; one that does not belong is moved aside.
pub fn apply(path: &Path, bytes: &[u8], record: &mut Record) -> Result<Found, Error> {
    let Some(read) = read(path, bytes)? else {
        return Ok(Found::Nothing);
    };
    if read.entries.is_empty() && !read.belongs {
        // Nothing in it: a journal cut short before its first vote, or left empty.
        let _ = fs::remove_file(&read.path);
        return Ok(Found::Nothing);
    }
    if !read.belongs {
        if already_in(&read, record) {
            // Left by a save of the whole record that wrote these votes in and stopped before
            // removing it.
            let _ = fs::remove_file(&read.path);
            return Ok(Found::Nothing);
        }
        let aside = unused_path(path);
        fs::rename(&read.path, &aside)
            .map_err(|e| Error::io(format!("cannot move {} aside", read.path.display()), e))?;
        return Ok(Found::Unused(aside));
    }
    let n = put_in(&read, record)?;
    let journal = Journal::resume(read.path.clone(), read.entries.len())
        .map_err(|e| Error::io(format!("cannot write {}", read.path.display()), e))?;
    Ok(Found::Applied(journal, n))
}

/// Reads the journal beside `path` (whose file on disk holds `bytes`) into `record` without
/// changing any file, for a report on a record whose assessment stopped during a vote. Returns
/// the journal's path when it added votes.
pub fn peek(path: &Path, bytes: &[u8], record: &mut Record) -> Result<Option<PathBuf>, Error> {
    match read(path, bytes)? {
        Some(read) if read.belongs && !read.entries.is_empty() => {
            put_in(&read, record)?;
            Ok(Some(read.path))
        }
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::unplaced;
    use crate::framework::Framework;
    use crate::record::{Answer, Choice, Count, FrameworkCheck, ScoredBy, ScorerKind, VoteLevel};
    use crate::record_file::RecordFile;

    fn framework() -> Framework {
        Framework::built_in(crate::framework::DEFAULT_ID).expect("built-in framework")
    }

    fn record(f: &Framework) -> Record {
        let who = ScoredBy {
            kind: unplaced(ScorerKind::Room),
            group: None,
            name: None,
            groups: Vec::new(),
        };
        let mut r = Record::new(f, "Test".into(), "2026-11-12".parse().expect("date"), who);
        let mut a = Answer::new("wc1");
        a.level = Some(unplaced(Choice::Level(3)));
        r.answers.push(a);
        r
    }

    fn phones(r: &mut Record, id: &str, level: u32, n: u32) {
        let a = r
            .answers
            .iter_mut()
            .find(|a| a.indicator.value == id)
            .expect("answer");
        let mut t = Tally::new(VoteSource::Phones, None);
        t.levels.insert(VoteLevel(level), unplaced(Count(n)));
        a.set_phone_tallies([t]);
    }

    fn phone_count(r: &Record, id: &str, level: u32) -> u32 {
        r.phone_tallies(id)
            .iter()
            .filter_map(|t| t.levels.get(&VoteLevel(level)))
            .map(|c| c.value.0)
            .sum()
    }

    /// A record saved whole, then phone votes that go to the journal; the file is left as it
    /// was until the journal is taken in.
    fn saved_with_journal(dir: &Path) -> (PathBuf, String, Record) {
        let f = framework();
        let path = dir.join("r.yaml");
        let mut r = record(&f);
        let (mut file, _) = RecordFile::create(&path, false).expect("create");
        assert!(file.save(&r, &f, FrameworkCheck::Strict).expect("save"));
        let on_disk = fs::read_to_string(&path).expect("record");
        phones(&mut r, "wc1", 4, 2);
        assert!(file.save(&r, &f, FrameworkCheck::Strict).expect("journal"));
        phones(&mut r, "wc1", 4, 5);
        assert!(file.save(&r, &f, FrameworkCheck::Strict).expect("journal"));
        // Saving the same again writes nothing.
        assert!(!file.save(&r, &f, FrameworkCheck::Strict).expect("same"));
        assert_eq!(fs::read_to_string(&path).expect("record"), on_disk);
        // Stopped without taking the journal in (as if coprod had been killed).
        drop(file);
        (path, on_disk, r)
    }

    #[test]
    fn phone_votes_go_to_the_journal_and_come_back_on_opening() {
        let dir = tempfile::tempdir().expect("dir");
        let (path, on_disk, _) = saved_with_journal(dir.path());
        let text = fs::read_to_string(path_for(&path)).expect("journal");
        assert_eq!(text.lines().count(), 4, "{text}");
        assert!(text.starts_with("# coprod: phone votes"), "{text}");
        assert!(
            text.contains(&storage::sha256(on_disk.as_bytes())),
            "{text}"
        );

        let f = framework();
        let (mut file, loaded, note) = RecordFile::open(&path, false).expect("open");
        assert_eq!(phone_count(&loaded.record, "wc1", 4), 5);
        let note = note.expect("a note");
        assert!(note.contains("phone votes on 1 indicator"), "{note}");
        loaded
            .record
            .check(&loaded.source, &f, FrameworkCheck::Strict)
            .expect("checks");
        file.baseline(&loaded.record).expect("baseline");
        // Saving it unchanged still writes nothing, and the journal goes on.
        assert!(
            !file
                .save(&loaded.record, &f, FrameworkCheck::Strict)
                .expect("save")
        );
        assert!(path_for(&path).exists());
        // Settling writes the record whole and removes the journal.
        assert!(
            file.settle(&loaded.record, &f, FrameworkCheck::Strict)
                .expect("settle")
        );
        assert!(!path_for(&path).exists());
        let again = Record::load(&path).expect("load");
        assert_eq!(phone_count(&again.record, "wc1", 4), 5);
    }

    #[test]
    fn any_other_change_writes_the_whole_record_and_removes_the_journal() {
        let f = framework();
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("r.yaml");
        let mut r = record(&f);
        let (mut file, _) = RecordFile::create(&path, false).expect("create");
        file.save(&r, &f, FrameworkCheck::Strict).expect("save");
        phones(&mut r, "wc1", 2, 1);
        file.save(&r, &f, FrameworkCheck::Strict).expect("journal");
        assert!(path_for(&path).exists());
        r.answers[0].evidence = Some("Said in the room".into());
        file.save(&r, &f, FrameworkCheck::Strict).expect("whole");
        assert!(!path_for(&path).exists());
        let again = Record::load(&path).expect("load");
        assert_eq!(phone_count(&again.record, "wc1", 2), 1);
        // A new answer is not a phones-only change either.
        r.answers.push(Answer::new("wc2"));
        phones(&mut r, "wc2", 1, 1);
        file.save(&r, &f, FrameworkCheck::Strict).expect("whole");
        assert!(!path_for(&path).exists());
    }

    #[test]
    fn a_last_line_cut_short_is_left_out() {
        let dir = tempfile::tempdir().expect("dir");
        let (path, _, _) = saved_with_journal(dir.path());
        let journal = path_for(&path);
        let mut text = fs::read_to_string(&journal).expect("journal");
        text.push_str("{\"indicator\":\"wc1\",\"phones\":[{\"from\":\"pho");
        fs::write(&journal, text).expect("write");
        let (_, loaded, _) = RecordFile::open(&path, false).expect("open");
        assert_eq!(phone_count(&loaded.record, "wc1", 4), 5);
    }

    #[test]
    fn a_journal_for_another_version_of_the_record_is_kept_aside() {
        let dir = tempfile::tempdir().expect("dir");
        let (path, on_disk, _) = saved_with_journal(dir.path());
        fs::write(&path, on_disk.replace("Test", "Changed by hand")).expect("edit");
        let (_, loaded, note) = RecordFile::open(&path, false).expect("open");
        assert_eq!(phone_count(&loaded.record, "wc1", 4), 0);
        assert!(!path_for(&path).exists());
        assert!(unused_path(&path).exists());
        let note = note.expect("a note");
        assert!(note.contains("earlier version"), "{note}");
    }

    #[test]
    fn a_journal_whose_votes_the_record_already_holds_is_removed_without_a_word() {
        // As if a save of the whole record stopped after writing it, before removing the
        // journal: the record changed, but it holds the journal's votes.
        let dir = tempfile::tempdir().expect("dir");
        let (path, _, r) = saved_with_journal(dir.path());
        fs::write(&path, r.to_yaml().expect("yaml")).expect("write");
        let (_, loaded, note) = RecordFile::open(&path, false).expect("open");
        assert_eq!(phone_count(&loaded.record, "wc1", 4), 5);
        assert!(note.is_none(), "{note:?}");
        assert!(!path_for(&path).exists());
        assert!(!unused_path(&path).exists());
    }

    #[test]
    fn a_damaged_line_is_an_error_with_its_place() {
        let dir = tempfile::tempdir().expect("dir");
        let (path, _, _) = saved_with_journal(dir.path());
        let journal = path_for(&path);
        let text = fs::read_to_string(&journal).expect("journal");
        let lines: Vec<&str> = text.lines().collect();
        let damaged = format!(
            "{}\n{}\n{{\"indicator\": 7\n{}\n",
            lines[0], lines[1], lines[3]
        );
        fs::write(&journal, damaged).expect("write");
        let Err(Error::Input(d)) = RecordFile::open(&path, false) else {
            panic!("a damaged journal is an input error");
        };
        let shown = d.render(false);
        assert!(shown.contains("r.yaml.votes:3:1"), "{shown}");
        assert!(shown.contains("move it somewhere else"), "{shown}");
        assert!(journal.exists(), "the journal is left as it was");
    }
}
