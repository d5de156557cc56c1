//! Reading and writing files safely, the one way every command does it.
//!
//! - [`write`] puts output anywhere a person may point it: an ordinary file (or a new path) is
//!   replaced atomically (a temporary file in the same folder, flushed to disk, renamed over the
//!   target, the folder flushed too); a symlink is followed and its target replaced, keeping the
//!   target's permissions but never a setuid or setgid bit; `-`, `/dev/stdout`, character
//!   devices, named pipes and pipes are written in place as the output is made; a folder, a
//!   socket or a block device is refused.
//! - [`refuse_inputs`] stops a command writing over one of the files it reads.
//! - [`read`] reads an input whole with a size limit: `-` is standard input, and a named pipe
//!   with nothing writing to it is an error instead of a wait that never ends.
//! - [`Lock`] keeps one writer per record, and [`Guard`] makes sure a file someone else changed
//!   is never overwritten.
//! - [`catch_interrupts`] removes temporary files and locks when coprod is stopped by Ctrl-C,
//!   SIGTERM or SIGHUP, after running the hook a command set with [`on_interrupt`].
//!
//! This is the bottom layer: it uses nothing else of coprod's.

use std::fmt;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once, PoisonError};

use sha2::{Digest, Sha256};

use crate::catalog::say;

/// What can go wrong when reading or writing. Each kind asks something different of the
/// person, so each maps to its own exit code.
#[derive(Debug)]
pub enum Error {
    /// The output cannot be written there at all (a folder, a socket, one of the command's own
    /// inputs). The message names the file and says what to do.
    Refused(String),
    /// The system refused a read or write.
    Io {
        /// What we were doing, naming the file.
        context: String,
        /// The operating system's reason.
        source: io::Error,
    },
    /// Another coprod holds the record's lock; the message names who.
    Locked(String),
    /// The file on disk is not the one coprod last read or wrote.
    Changed(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Refused(m) | Self::Locked(m) | Self::Changed(m) => f.write_str(m),
            Self::Io { context, .. } => f.write_str(context),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl Error {
    fn io(context: impl Into<String>, source: io::Error) -> Self {
        Self::Io {
            context: context.into(),
            source,
        }
    }
}

/// Where output for a path goes, decided before anything is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Standard output (`-`, `/dev/stdout`, `/dev/fd/1`).
    Stdout,
    /// Standard error (`/dev/stderr`, `/dev/fd/2`).
    Stderr,
    /// Written where it is, from the start, without replacing it: a character device, a named
    /// pipe, a pipe or file handed over as `/dev/fd/N`.
    InPlace(PathBuf),
    /// An ordinary file (or a path that does not exist yet), replaced atomically. The path is
    /// the file that is replaced: a symlink's final target.
    Replace(PathBuf),
}

impl Target {
    /// Whether output for this target goes to standard output.
    pub fn is_stdout(&self) -> bool {
        *self == Self::Stdout
    }
}

/// How many symlinks are followed before giving up, as the system does.
const MAX_LINKS: usize = 40;

/// The path's parent folder, `.` for a bare file name.
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Follows symlinks at the end of `path` (also one that points nowhere yet) to the file they
/// name. The folders on the way are left as they are: the rename happens inside them.
fn final_target(path: &Path) -> Result<PathBuf, Error> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = fs::read_link(&current)
                    .map_err(|e| Error::io(format!("cannot follow {}", path.display()), e))?;
                current = if to.is_absolute() {
                    to
                } else {
                    folder_of(&current).join(to)
                };
            }
            _ => return Ok(current),
        }
    }
    Err(Error::Refused(format!(
        "{} is a chain of more than {MAX_LINKS} symlinks (perhaps a loop)\nhelp: write to the file itself",
        path.display()
    )))
}

/// Paths that name one of this process's open files rather than a file in a folder.
fn descriptor_path(path: &Path) -> Option<Target> {
    let text = path.to_str()?;
    match text {
        "-" | "/dev/stdout" | "/dev/fd/1" | "/proc/self/fd/1" => Some(Target::Stdout),
        "/dev/stderr" | "/dev/fd/2" | "/proc/self/fd/2" => Some(Target::Stderr),
        _ if text.starts_with("/dev/fd/") || text.starts_with("/proc/self/fd/") => {
            Some(Target::InPlace(path.to_path_buf()))
        }
        _ => None,
    }
}

/// Decides where output for `path` goes, or refuses it (a folder, a socket, a block device).
pub fn target(path: &Path) -> Result<Target, Error> {
    if let Some(t) = descriptor_path(path) {
        return Ok(t);
    }
    let shown = path.display();
    match fs::metadata(path) {
        Ok(meta) => {
            let kind = meta.file_type();
            if kind.is_dir() {
                return Err(Error::Refused(format!(
                    "{shown} is a folder, and coprod writes files\nhelp: add a file name to the path, e.g. {} or {}",
                    path.join("report.md").display(),
                    path.join("record.yaml").display()
                )));
            }
            if kind.is_file() {
                return Ok(Target::Replace(final_target(path)?));
            }
            #[cfg(unix)]
            {
                use std::os::unix::fs::FileTypeExt;
                if kind.is_char_device() || kind.is_fifo() {
                    return Ok(Target::InPlace(path.to_path_buf()));
                }
                let what = if kind.is_socket() {
                    "a socket"
                } else if kind.is_block_device() {
                    "a disk (block device)"
                } else {
                    "not an ordinary file"
                };
                Err(Error::Refused(format!(
                    "{shown} is {what}, and coprod does not write there\nhelp: give the name of an ordinary file, or `-` for standard output"
                )))
            }
            #[cfg(not(unix))]
            Err(Error::Refused(format!(
                "{shown} is not an ordinary file, and coprod does not write there\nhelp: give the name of an ordinary file, or `-` for standard output"
            )))
        }
        // A new file, or a symlink to a file that does not exist yet; anything else wrong with
        // the path (a folder on the way that is a file) is explained when it is written.
        Err(_) => Ok(Target::Replace(final_target(path)?)),
    }
}

/// Writes `bytes` to `path` (see [`write_with`]).
pub fn write(path: &Path, bytes: &[u8]) -> Result<Target, Error> {
    write_with(path, &mut |w| w.write_all(bytes))
}

/// Writes the output made by `fill` (buffered) to `path`, wherever that is (see [`Target`]).
/// When the file is replaced and `fill` or the write fails, the old file is left as it was.
/// Returns where the output went.
pub fn write_with(
    path: &Path,
    fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
) -> Result<Target, Error> {
    let target = target(path)?;
    let shown = path.display();
    let fail = |e: io::Error| Error::io(format!("cannot write {shown}"), plain_io(e));
    match &target {
        Target::Stdout => {
            let mut out = io::BufWriter::new(io::stdout().lock());
            fill(&mut out)
                .and_then(|()| out.flush())
                .map_err(|e| Error::io("cannot write to standard output", e))?;
        }
        Target::Stderr => {
            let mut out = io::BufWriter::new(io::stderr().lock());
            fill(&mut out)
                .and_then(|()| out.flush())
                .map_err(|e| Error::io("cannot write to standard error", e))?;
        }
        Target::InPlace(p) => {
            // Never created and never truncated: a device or pipe has no contents to lose,
            // and a file handed over as `/dev/fd/N` was opened as its owner wanted.
            let file = fs::OpenOptions::new().write(true).open(p).map_err(fail)?;
            let mut out = io::BufWriter::new(file);
            fill(&mut out).and_then(|()| out.flush()).map_err(fail)?;
        }
        Target::Replace(p) => replace(path, p, fill)?,
    }
    Ok(target)
}

/// Whether the file at `path` may be replaced: it has a write permission bit, and this user may
/// write it. (Renaming over a file needs only the folder's permission, so a read-only file would
/// otherwise be replaced without a word.)
fn check_writable(shown: &Path, meta: &fs::Metadata, path: &Path) -> Result<(), Error> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let no_write_bit = meta.permissions().mode() & 0o222 == 0;
        let denied = rustix::fs::access(path, rustix::fs::Access::WRITE_OK).is_err();
        if no_write_bit || denied {
            return Err(Error::io(
                format!("cannot write {}", shown.display()),
                io::Error::new(
                    io::ErrorKind::PermissionDenied,
                    "the file is read-only, and coprod does not replace a file you may not write (make it writable, or choose another name)",
                ),
            ));
        }
    }
    #[cfg(not(unix))]
    if meta.permissions().readonly() {
        let _ = path;
        return Err(Error::io(
            format!("cannot write {}", shown.display()),
            io::Error::new(
                io::ErrorKind::PermissionDenied,
                "the file is read-only, and coprod does not replace a file you may not write",
            ),
        ));
    }
    Ok(())
}

/// Replaces `file` (the final target of `shown`) atomically.
fn replace(
    shown: &Path,
    file: &Path,
    fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Error> {
    let dir = folder_of(file);
    let ctx = || format!("cannot write {}", shown.display());
    if !dir.is_dir() {
        let why = if dir.exists() {
            format!("{} is a file, not a folder", dir.display())
        } else {
            format!("the folder {} does not exist", dir.display())
        };
        return Err(Error::io(
            ctx(),
            io::Error::new(io::ErrorKind::NotFound, why),
        ));
    }
    let existing = fs::metadata(file).ok();
    if let Some(meta) = &existing {
        check_writable(shown, meta, file)?;
    }
    let fail = |e: io::Error| Error::io(ctx(), plain_io(e));
    let prefix = temporary_prefix(file);
    let mut builder = tempfile::Builder::new();
    builder
        .prefix(&prefix)
        .rand_bytes(TEMPORARY_RANDOM)
        .suffix(".tmp");
    // A new file gets the usual permissions (what the umask leaves of rw-rw-rw-).
    #[cfg(unix)]
    if existing.is_none() {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let (tmp, pending) = Pending::create(&builder, &dir).map_err(fail)?;
    // A replaced file keeps its permissions and, where the system lets us, its owner; never a
    // setuid, setgid or sticky bit.
    #[cfg(unix)]
    if let Some(meta) = &existing {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        tmp.as_file()
            .set_permissions(fs::Permissions::from_mode(meta.mode() & 0o777))
            .map_err(fail)?;
        let _ = std::os::unix::fs::fchown(tmp.as_file(), Some(meta.uid()), Some(meta.gid()));
    }
    let mut tmp = tmp;
    {
        let mut buffered = io::BufWriter::new(&mut tmp);
        fill(&mut buffered)
            .and_then(|()| buffered.flush())
            .map_err(fail)?;
    }
    tmp.as_file().sync_all().map_err(fail)?;
    {
        // Held across the rename: an interrupt removes the temporary file before it, or finds
        // it already renamed and off the list after it.
        let mut list = locked(&PENDING);
        tmp.persist(file).map_err(|e| fail(e.error))?;
        list.retain(|p| *p != pending.0);
    }
    drop(pending);
    // Make the rename itself durable where the platform allows it.
    sync_folder(&dir);
    remove_abandoned(&dir, &prefix);
    Ok(())
}

/// An I/O error's reason without the temporary path some wrappers add.
fn plain_io(e: io::Error) -> io::Error {
    let text = e.to_string();
    match text.find(" at path ") {
        Some(i) => io::Error::new(e.kind(), text[..i].to_string()),
        None => e,
    }
}

/// How long a temporary file must have been left before it counts as abandoned. A save takes
/// milliseconds and a large report seconds; older ones were left by a save that was killed.
const ABANDONED_AFTER: std::time::Duration = std::time::Duration::from_secs(60);

/// How many random letters and digits a temporary file's name has.
const TEMPORARY_RANDOM: usize = 6;

/// The start of the name of a temporary file that will become `path`: hidden, and named after
/// the file it is for, e.g. `.parent-carers.yaml.coprod-Xy12Zw.tmp`.
fn temporary_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    // Short enough that the whole name fits every file system's limit of 255 bytes.
    let mut short = String::new();
    for c in name.chars() {
        if short.len() + c.len_utf8() > 120 {
            break;
        }
        short.push(c);
    }
    format!(".{short}.coprod-")
}

/// Removes temporary files that a killed save left for the same file (`prefix` from
/// [`temporary_prefix`]). Only files with exactly that prefix, a random part of the length the
/// saver uses and `.tmp`, and only when older than [`ABANDONED_AFTER`], so that a save in
/// progress in another process is never touched. Failures are ignored: this is tidying only.
fn remove_abandoned(dir: &Path, prefix: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let Some(cutoff) = std::time::SystemTime::now().checked_sub(ABANDONED_AFTER) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(random) = name
            .to_str()
            .and_then(|n| n.strip_prefix(prefix))
            .and_then(|n| n.strip_suffix(".tmp"))
        else {
            continue;
        };
        let ours =
            random.len() == TEMPORARY_RANDOM && random.chars().all(|c| c.is_ascii_alphanumeric());
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t < cutoff);
        if ours && old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Refuses an output that is one of the command's inputs. `inputs` are the files read, each
/// with a few words for what it is (e.g. "the framework", "one of the records"). Only an
/// existing ordinary file can be an input destroyed by a write; `-` and devices never are.
pub fn refuse_inputs(output: &Path, inputs: &[(&Path, &str)]) -> Result<(), Error> {
    if descriptor_path(output).is_some() {
        return Ok(());
    }
    let Some(out) = identity(output) else {
        return Ok(()); // It does not exist yet, so it is nothing being read.
    };
    for (input, what) in inputs {
        if identity(input).is_some_and(|i| i == out) {
            return Err(Error::Refused(format!(
                "{} is {what} this command reads, and writing the output there would destroy it\nhelp: choose another file name with -o",
                output.display()
            )));
        }
    }
    Ok(())
}

/// What makes a file the same file whatever path leads to it: its device and inode (its
/// canonical path where there are none). `None` for anything but an existing ordinary file.
fn identity(path: &Path) -> Option<(u64, u64, Option<PathBuf>)> {
    let meta = fs::metadata(path).ok().filter(fs::Metadata::is_file)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = &meta;
        Some((meta.dev(), meta.ino(), None))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        Some((0, 0, Some(path.canonicalize().ok()?)))
    }
}

/// Reads the whole of an input, at most `limit` bytes and one more (so that the caller can say
/// the file is too large). `-` is standard input. A named pipe is read as any file is, but if
/// no program is writing to it the read ends at once with an error instead of waiting for ever.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, Error> {
    let cap = limit.saturating_add(1);
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        io::stdin()
            .lock()
            .take(cap)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(say("error-cannot-read-stdin", &[]), e))?;
        return Ok(bytes);
    }
    let shown = path.display();
    let fail = |e: io::Error| {
        Error::io(
            say("error-cannot-read", &[("path", shown.to_string().into())]),
            e,
        )
    };
    let meta = fs::metadata(path).map_err(fail)?;
    let file = open_for_reading(path, &meta).map_err(fail)?;
    // One allocation of the right size, so a file is read in one or two calls.
    let size = usize::try_from(meta.len().min(cap)).unwrap_or(0);
    bytes.reserve_exact(size + 1);
    file.take(cap).read_to_end(&mut bytes).map_err(fail)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if bytes.is_empty() && meta.file_type().is_fifo() && descriptor_path(path).is_none() {
            return Err(fail(io::Error::other(
                "it is a named pipe (FIFO) and no program was writing to it; start the program that writes it first, or give an ordinary file",
            )));
        }
    }
    Ok(bytes)
}

/// Opens a file for reading. A named pipe is opened without waiting for a writer (which could
/// be for ever), then switched back to ordinary blocking reads.
fn open_for_reading(path: &Path, meta: &fs::Metadata) -> io::Result<fs::File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if meta.file_type().is_fifo() {
            use rustix::fs::{Mode, OFlags};
            let fd = rustix::fs::open(
                path,
                OFlags::RDONLY | OFlags::NONBLOCK | OFlags::CLOEXEC,
                Mode::empty(),
            )?;
            rustix::fs::fcntl_setfl(&fd, OFlags::RDONLY)?;
            return Ok(fs::File::from(fd));
        }
    }
    let _ = meta;
    fs::File::open(path)
}

/// A content hash: what [`Guard`] compares.
type Hash = [u8; 32];

fn hash(bytes: &[u8]) -> Hash {
    Sha256::digest(bytes).into()
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::new(), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

/// The SHA-256 of `bytes`, in hex, as [`Guard::expected_sha256`] gives it.
pub fn sha256(bytes: &[u8]) -> String {
    hex(&hash(bytes))
}

/// Flushes a folder's list of files to disk, so that a file just created or removed there
/// stays so after a power cut (where the platform allows it).
pub fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Makes sure a file is replaced only while it still holds what coprod last read or wrote there.
/// Someone editing the record by hand, or a second program writing it, is noticed at the next
/// save, which then stops instead of overwriting their work.
#[derive(Debug)]
pub struct Guard {
    path: PathBuf,
    /// The hash of what should be on disk, or `None` when there should be no file yet.
    expected: Option<Hash>,
}

impl Guard {
    /// A guard for a file just read, with the bytes that were read.
    pub fn for_read(path: &Path, bytes: &[u8]) -> Self {
        Self {
            path: path.to_path_buf(),
            expected: Some(hash(bytes)),
        }
    }

    /// A guard for a file that does not exist yet: the first save must find no file there.
    pub fn for_new(path: &Path) -> Self {
        Self {
            path: path.to_path_buf(),
            expected: None,
        }
    }

    /// The file this guard watches.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Checks that the file holds what it held when coprod last read or wrote it.
    pub fn check(&self) -> Result<(), Error> {
        let shown = self.path.display();
        let now = match fs::read(&self.path) {
            Ok(bytes) => Some(hash(&bytes)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(Error::io(format!("cannot check {shown}"), e)),
        };
        if now == self.expected {
            return Ok(());
        }
        let id = match (&self.expected, &now) {
            (Some(_), None) => "error-record-deleted",
            (None, Some(_)) => "error-record-created",
            _ => "error-record-changed",
        };
        Err(Error::Changed(say(
            id,
            &[("path", shown.to_string().into())],
        )))
    }

    /// The SHA-256 of what should be on disk, in hex; `None` when there should be no file yet.
    pub fn expected_sha256(&self) -> Option<String> {
        self.expected.map(|h| hex(&h))
    }

    /// Replaces the file with `bytes` atomically, after checking it is unchanged.
    pub fn save(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.check()?;
        write(&self.path, bytes)?;
        self.expected = Some(hash(bytes));
        Ok(())
    }
}

/// The lock file beside a record: `NAME.lock` in the same folder (beside a symlink's target,
/// where the record really is).
pub fn lock_path(record: &Path) -> PathBuf {
    beside(record, ".lock")
}

/// A file beside a record: `NAME` and `suffix`, in the same folder (beside a symlink's target,
/// where the record really is).
pub fn beside(record: &Path, suffix: &str) -> PathBuf {
    let real = final_target(record).unwrap_or_else(|_| record.to_path_buf());
    let mut name = real
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(suffix);
    real.with_file_name(name)
}

/// Who holds a lock, as written in its lock file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    /// The host name of the machine.
    pub host: String,
    /// The process id on that machine.
    pub pid: u32,
    /// When the lock was taken (RFC 3339, UTC).
    pub started: String,
}

impl Holder {
    fn me() -> Self {
        Self {
            host: host_name(),
            pid: std::process::id(),
            // To the nanosecond, so that two locks taken by one process are told apart.
            started: jiff::Timestamp::now().to_string(),
        }
    }

    fn to_text(&self) -> String {
        format!(
            "# coprod: this record is open in an assessment. Do not delete this file while it runs.\nhost: {}\npid: {}\nstarted: {}\n",
            self.host, self.pid, self.started
        )
    }

    fn parse(text: &str) -> Option<Self> {
        let mut host = None;
        let mut pid = None;
        let mut started = None;
        for line in text.lines() {
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim().to_string();
            match key.trim() {
                "host" => host = Some(value),
                "pid" => pid = value.parse().ok(),
                "started" => started = Some(value),
                _ => {}
            }
        }
        Some(Self {
            host: host?,
            pid: pid?,
            started: started.unwrap_or_default(),
        })
    }

    /// "process 123 on host laptop, since 2026-12-01T21:40:00Z".
    pub fn describe(&self) -> String {
        let id = if self.started.is_empty() {
            "error-lock-holder"
        } else {
            "error-lock-holder-since"
        };
        say(
            id,
            &[
                ("pid", self.pid.to_string().into()),
                ("host", self.host.as_str().into()),
                ("since", self.started.as_str().into()),
            ],
        )
    }

    /// Whether the holder is a process on this machine that has ended.
    fn is_dead_here(&self) -> bool {
        self.host == host_name() && !process_alive(self.pid)
    }
}

/// This machine's name.
fn host_name() -> String {
    #[cfg(unix)]
    {
        let name = rustix::system::uname();
        name.nodename().to_string_lossy().into_owned()
    }
    #[cfg(not(unix))]
    {
        std::env::var("COMPUTERNAME").unwrap_or_else(|_| "this computer".to_string())
    }
}

/// Whether a process with this id is running on this machine.
fn process_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Some(pid) = i32::try_from(pid)
            .ok()
            .and_then(rustix::process::Pid::from_raw)
        else {
            return false;
        };
        match rustix::process::test_kill_process(pid) {
            // A process that has ended but not yet been waited for is dead all the same.
            Ok(()) => !zombie(pid.as_raw_nonzero().get()),
            // It exists but belongs to someone else.
            Err(e) => e == rustix::io::Errno::PERM,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true // Without a way to tell, a lock is treated as held.
    }
}

/// Whether a process has ended and only waits for its parent to collect it (Linux only).
#[cfg(unix)]
fn zombie(pid: i32) -> bool {
    let Ok(stat) = fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return false;
    };
    stat.rsplit_once(')')
        .is_some_and(|(_, rest)| matches!(rest.trim_start().chars().next(), Some('Z' | 'X')))
}

/// One writer per record: a lock file beside it, holding this machine's name, this process's
/// id and when the lock was taken. Removed when dropped, and when coprod is interrupted.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
    holder: Holder,
}

/// What [`Lock::acquire`] found and did, for the person to be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Taken {
    /// The record was free.
    Free,
    /// A lock left by a process on this machine that has ended was taken over.
    Stale(Holder),
    /// `--force` took the lock from a holder that may still be running.
    Forced(Holder),
}

impl Taken {
    /// A sentence for the person, when there is something to say.
    pub fn message(&self, record: &Path) -> Option<String> {
        match self {
            Self::Free => None,
            Self::Stale(h) => Some(format!(
                "Note: {} was left locked by {}, which is no longer running; coprod took the lock over.",
                record.display(),
                h.describe()
            )),
            Self::Forced(h) => Some(format!(
                "Warning: {} was locked by {}; --force took the lock. If that assessment is still open, its next save will stop rather than overwrite this one's.",
                record.display(),
                h.describe()
            )),
        }
    }
}

impl Lock {
    /// Takes the lock for `record`. A lock left by an ended process on this machine is taken
    /// over; one held by a running process, or by any process on another machine, is refused
    /// naming its holder, unless `force`.
    pub fn acquire(record: &Path, force: bool) -> Result<(Self, Taken), Error> {
        let path = lock_path(record);
        let me = Holder::me();
        let mut taken = Taken::Free;
        for _ in 0..3 {
            match Self::create(&path, &me) {
                Ok(()) => {
                    Pending::register_lock(&path);
                    return Ok((Self { path, holder: me }, taken));
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => {
                    return Err(Error::io(
                        format!("cannot lock {} (with {})", record.display(), path.display()),
                        e,
                    ));
                }
            }
            let text = fs::read_to_string(&path).unwrap_or_default();
            let holder = Holder::parse(&text);
            match holder {
                Some(h) if h.is_dead_here() => taken = Taken::Stale(h),
                Some(h) if force => taken = Taken::Forced(h),
                None if force => {
                    taken = Taken::Forced(Holder {
                        host: "an unknown host".into(),
                        pid: 0,
                        started: String::new(),
                    });
                }
                Some(h) => {
                    let id = if h.host == me.host {
                        "error-record-open-here"
                    } else {
                        "error-record-open-elsewhere"
                    };
                    return Err(Error::Locked(format!(
                        "{}\nhelp: {}",
                        say(
                            id,
                            &[
                                ("path", record.display().to_string().into()),
                                ("who", h.describe().into()),
                            ],
                        ),
                        say(
                            "error-record-open-help",
                            &[("lock", path.display().to_string().into())],
                        )
                    )));
                }
                None => {
                    let lock = path.display().to_string();
                    return Err(Error::Locked(format!(
                        "{}\nhelp: {}",
                        say(
                            "error-record-lock-unreadable",
                            &[
                                ("path", record.display().to_string().into()),
                                ("lock", (&lock).into()),
                            ],
                        ),
                        say(
                            "error-record-lock-unreadable-help",
                            &[("lock", lock.into())]
                        )
                    )));
                }
            }
            // Stale or forced: remove it and try again.
            match fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(Error::io(
                        format!("cannot take over the lock {}", path.display()),
                        e,
                    ));
                }
            }
        }
        Err(Error::Locked(format!(
            "{}\nhelp: {}",
            say(
                "error-record-lock-busy",
                &[("path", record.display().to_string().into())],
            ),
            say("error-try-again", &[])
        )))
    }

    /// Makes the lock file, whole or not at all: its text is written to a temporary file beside
    /// it and linked into place, so a crash at any moment never leaves an empty lock that no one
    /// can tell from a live one. Where the file system has no hard links (a FAT memory stick),
    /// the lock is created and written in place.
    fn create(path: &Path, me: &Holder) -> io::Result<()> {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let text = me.to_text();
        let prefix = temporary_prefix(path);
        let mut builder = tempfile::Builder::new();
        builder
            .prefix(&prefix)
            .rand_bytes(TEMPORARY_RANDOM)
            .suffix(".tmp");
        let linked = Pending::create(&builder, &dir).and_then(|(mut tmp, pending)| {
            tmp.write_all(text.as_bytes())?;
            tmp.as_file().sync_all()?;
            let result = fs::hard_link(tmp.path(), path);
            let _ = tmp.close();
            drop(pending);
            result
        });
        match linked {
            Ok(()) => return Ok(()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(e),
            // No hard links here (or no temporary file): create the lock in place.
            Err(_) => {}
        }
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)?;
        let written = file
            .write_all(text.as_bytes())
            .and_then(|()| file.sync_all());
        if let Err(e) = written {
            let _ = fs::remove_file(path);
            return Err(e);
        }
        Ok(())
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the lock file is still ours (nobody forced it away).
    pub fn still_held(&self) -> bool {
        fs::read_to_string(&self.path)
            .ok()
            .and_then(|t| Holder::parse(&t))
            .is_some_and(|h| h == self.holder)
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Only our own lock: one taken over with --force belongs to the one who took it.
        if self.still_held() {
            let _ = fs::remove_file(&self.path);
        }
        Pending::unregister_lock(&self.path);
    }
}

/// Temporary files being written and locks held, removed if coprod is interrupted.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
static LOCKS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn locked<T>(m: &'static Mutex<T>) -> MutexGuard<'static, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A temporary file registered for removal on interrupt while it exists.
struct Pending(PathBuf);

impl Pending {
    /// Makes a temporary file in `dir` and registers it. The list is held while the file is
    /// made and named in it, so that an interrupt in between cannot leave the file behind.
    fn create(
        builder: &tempfile::Builder<'_, '_>,
        dir: &Path,
    ) -> io::Result<(tempfile::NamedTempFile, Self)> {
        let mut list = locked(&PENDING);
        let tmp = builder.tempfile_in(dir)?;
        list.push(tmp.path().to_path_buf());
        let pending = Self(tmp.path().to_path_buf());
        Ok((tmp, pending))
    }

    fn register_lock(path: &Path) {
        locked(&LOCKS).push(path.to_path_buf());
    }

    fn unregister_lock(path: &Path) {
        let mut locks = locked(&LOCKS);
        if let Some(i) = locks.iter().position(|p| p == path) {
            locks.remove(i);
        }
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        locked(&PENDING).retain(|p| *p != self.0);
    }
}

/// A command's last words on interrupt (e.g. how to carry on), run before coprod exits.
type Hook = Box<dyn Fn() -> bool + Send + Sync>;
static HOOK: Mutex<Option<Hook>> = Mutex::new(None);
static CATCH: Once = Once::new();

/// Sets what to do when coprod is interrupted, before its temporary files and locks are removed
/// and it exits with 130: e.g. wait for a save in progress and say how to carry on, or restore
/// the terminal. A hook that returns `false` leaves stopping to the code that handles the
/// signal itself (a full-screen view). Replaces any hook set before.
pub fn on_interrupt(hook: impl Fn() -> bool + Send + Sync + 'static) {
    *locked(&HOOK) = Some(Box::new(hook));
}

/// Removes the interrupt hook.
pub fn clear_interrupt_hook() {
    *locked(&HOOK) = None;
}

/// Puts the terminal back when coprod stops on a signal (set once by the binary; storage knows
/// nothing of terminals).
static RESTORE: Mutex<Option<fn()>> = Mutex::new(None);

/// Catches Ctrl-C, SIGTERM and SIGHUP for the whole program (once; later calls do nothing):
/// runs the hook, removes temporary files and locks, puts the terminal back with `restore`
/// (e.g. raw mode left on by a prompt), and exits with 130.
pub fn catch_interrupts(restore: fn()) {
    *locked(&RESTORE) = Some(restore);
    CATCH.call_once(|| {
        let _ = ctrlc::set_handler(|| {
            // Taking the hook out means a second signal while it runs does not run it again.
            let hook = locked(&HOOK).take();
            match hook {
                Some(h) => {
                    if !h() {
                        *locked(&HOOK) = Some(h);
                        return;
                    }
                }
                None => {
                    if let Some(restore) = *locked(&RESTORE) {
                        restore();
                    }
                    let _ = writeln!(io::stderr(), "\n{}", say("error-stopped", &[]));
                }
            }
            remove_pending();
            std::process::exit(130);
        });
    });
}

/// Removes the temporary files being written and the locks this process holds.
pub fn remove_pending() {
    for p in locked(&PENDING).drain(..) {
        let _ = fs::remove_file(p);
    }
    for p in locked(&LOCKS).drain(..) {
        let _ = fs::remove_file(p);
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, SystemTime};

    use super::*;

    /// A file in `dir` whose modification time is `age` ago.
    fn file_aged(dir: &Path, name: &str, age: Duration) {
        let path = dir.join(name);
        fs::write(&path, "partial").expect("write");
        let file = fs::File::options().write(true).open(&path).expect("open");
        file.set_modified(SystemTime::now() - age)
            .expect("set time");
    }

    #[test]
    fn a_save_removes_only_its_own_abandoned_temporary_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let old = Duration::from_secs(600);
        file_aged(dir.path(), ".r.yaml.coprod-Ab12Cd.tmp", old); // abandoned: goes
        file_aged(dir.path(), ".r.yaml.coprod-Ef34Gh.tmp", Duration::ZERO); // may be in use
        file_aged(dir.path(), ".other.yaml.coprod-Ab12Cd.tmp", old); // another file's
        file_aged(dir.path(), ".r.yaml.coprod-notes.txt", old); // not one of ours
        file_aged(dir.path(), ".r.yaml.coprod-Ab12Cd-x.tmp", old); // not one of ours
        write(&dir.path().join("r.yaml"), b"saved").expect("save");
        let mut left: Vec<String> = fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".other.yaml.coprod-Ab12Cd.tmp",
                ".r.yaml.coprod-Ab12Cd-x.tmp",
                ".r.yaml.coprod-Ef34Gh.tmp",
                ".r.yaml.coprod-notes.txt",
                "r.yaml"
            ]
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("r.yaml")).expect("read"),
            "saved"
        );
    }

    #[test]
    fn temporary_names_stay_within_file_name_limits() {
        let long = "é".repeat(120) + ".yaml";
        let prefix = temporary_prefix(Path::new(&long));
        assert!(
            prefix.len() + TEMPORARY_RANDOM + ".tmp".len() <= 255,
            "{}",
            prefix.len()
        );
        let dir = tempfile::tempdir().expect("temp dir");
        write(&dir.path().join(&long), b"x").expect("save a long name");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_stays_a_symlink_and_its_target_keeps_its_mode_without_setuid() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let real = dir.path().join("real.yaml");
        fs::write(&real, "old").expect("write");
        fs::set_permissions(&real, fs::Permissions::from_mode(0o4640)).expect("chmod");
        let link = dir.path().join("link.yaml");
        std::os::unix::fs::symlink("real.yaml", &link).expect("symlink");
        assert_eq!(
            write(&link, b"new").expect("save"),
            Target::Replace(real.clone())
        );
        assert!(
            fs::symlink_metadata(&link)
                .expect("link")
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).expect("read"), "new");
        let mode = fs::metadata(&real).expect("meta").permissions().mode() & 0o7777;
        assert_eq!(mode, 0o640);
    }

    #[test]
    fn a_dangling_symlink_creates_its_target() {
        let dir = tempfile::tempdir().expect("temp dir");
        let link = dir.path().join("link.md");
        #[cfg(unix)]
        std::os::unix::fs::symlink("out.md", &link).expect("symlink");
        #[cfg(unix)]
        {
            write(&link, b"x").expect("save");
            assert_eq!(
                fs::read_to_string(dir.path().join("out.md")).expect("read"),
                "x"
            );
        }
    }

    #[test]
    fn folders_are_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let err = write(dir.path(), b"x").expect_err("a folder");
        assert!(matches!(err, Error::Refused(_)), "{err:?}");
    }

    #[test]
    fn a_failed_fill_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("r.yaml");
        fs::write(&path, "old").expect("write");
        let err = write_with(&path, &mut |_| Err(io::Error::other("boom"))).expect_err("fails");
        assert!(err.to_string().contains("cannot write"), "{err}");
        assert_eq!(fs::read_to_string(&path).expect("read"), "old");
        assert_eq!(fs::read_dir(dir.path()).expect("list").count(), 1);
        assert!(!locked(&PENDING).iter().any(|p| p.starts_with(dir.path())));
    }

    #[test]
    fn inputs_are_recognised_through_other_paths() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("f.yaml");
        fs::write(&path, "x").expect("write");
        let other = dir.path().join(".").join("f.yaml");
        let err = refuse_inputs(&other, &[(&path, "the framework")]).expect_err("refused");
        assert!(
            err.to_string()
                .contains("is the framework this command reads"),
            "{err}"
        );
        refuse_inputs(&dir.path().join("new.md"), &[(&path, "the framework")]).expect("new file");
        refuse_inputs(Path::new("-"), &[(&path, "the framework")]).expect("stdout");
    }

    #[test]
    fn the_guard_refuses_to_overwrite_a_changed_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("r.yaml");
        let mut guard = Guard::for_new(&path);
        guard.save(b"one").expect("first save");
        guard.save(b"two").expect("second save");
        fs::write(&path, "edited by hand").expect("edit");
        let err = guard.save(b"three").expect_err("changed");
        assert!(matches!(err, Error::Changed(_)), "{err:?}");
        assert_eq!(fs::read_to_string(&path).expect("read"), "edited by hand");
        let mut fresh = Guard::for_new(&path);
        assert!(
            fresh
                .save(b"x")
                .expect_err("exists")
                .to_string()
                .contains("created by someone else")
        );
    }

    #[test]
    fn a_lock_is_exclusive_taken_over_when_stale_and_removed_when_dropped() {
        let dir = tempfile::tempdir().expect("temp dir");
        let record = dir.path().join("r.yaml");
        let (lock, taken) = Lock::acquire(&record, false).expect("free");
        assert_eq!(taken, Taken::Free);
        assert!(dir.path().join("r.yaml.lock").exists());
        // The lock is whole from the moment it exists (linked into place), and the temporary
        // file it was written in is gone.
        let text = fs::read_to_string(dir.path().join("r.yaml.lock")).expect("lock text");
        let holder = Holder::parse(&text).expect("a readable lock");
        assert_eq!((holder.host, holder.pid), (host_name(), std::process::id()));
        let names: Vec<String> = fs::read_dir(dir.path())
            .expect("folder")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["r.yaml.lock"], "{names:?}");
        let err = Lock::acquire(&record, false).expect_err("held by this live process");
        assert!(
            err.to_string()
                .contains("is open in another coprod (process"),
            "{err}"
        );
        let (forced, taken) = Lock::acquire(&record, true).expect("forced");
        assert!(matches!(taken, Taken::Forced(_)), "{taken:?}");
        drop(lock); // the first no longer holds it, so it leaves the file alone
        assert!(dir.path().join("r.yaml.lock").exists());
        drop(forced);
        assert!(!dir.path().join("r.yaml.lock").exists());

        // A process that has ended: a pid far above any the system hands out.
        let dead = Holder {
            host: host_name(),
            pid: 999_999_999,
            started: "2026-12-01T10:00:00Z".into(),
        };
        fs::write(dir.path().join("r.yaml.lock"), dead.to_text()).expect("stale lock");
        let (_lock, taken) = Lock::acquire(&record, false).expect("stale");
        assert_eq!(taken, Taken::Stale(dead));

        let elsewhere = dir.path().join("s.yaml");
        let other = Holder {
            host: "another-laptop".into(),
            pid: 999_999_999,
            started: "2026-12-01T10:00:00Z".into(),
        };
        fs::write(dir.path().join("s.yaml.lock"), other.to_text()).expect("other host");
        let err = Lock::acquire(&elsewhere, false).expect_err("another host");
        assert!(
            err.to_string()
                .contains("coprod on another computer (process 999999999 on another-laptop"),
            "{err}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_with_no_writer_is_an_error_not_a_hang() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("r.yaml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // No mkfifo here: the integration tests cover it where there is.
        }
        let err = read(&fifo, 100).expect_err("no writer");
        assert!(err.to_string().contains("cannot read"), "{err}");
        assert!(
            std::error::Error::source(&err).is_some_and(|s| s.to_string().contains("named pipe"))
        );
    }
}
