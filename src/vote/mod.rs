//! Votes from people's phones, on the room's own network (`coprod assess --vote`).
//!
//! A small web server runs on the facilitator's laptop for as long as the workshop screen is
//! open. People join with a short code, optionally say which stakeholder group they are in, and
//! vote on the indicator the facilitator has opened, privately, from their own phone. The
//! server keeps in memory only what it needs while it runs (a random token per phone, each
//! phone's current vote in the open round); the record gets counts, as the cards give them:
//! no names, device ids or addresses. A phone is told its vote is saved only once the record
//! on disk holds it.
//!
//! - [`http`]: a strict, bounded HTTP/1.1 reader and writer.
//! - [`ballot`]: who has joined, the open round, the votes: pure rules.
//! - [`pages`]: the HTML, escaped, with its embedded style sheet and script.
//! - [`qr`]: the QR code, drawn with text characters for the terminal.
//! - [`Link`]: what the workshop screen holds: it opens and closes rounds and saves the votes.

pub mod ballot;
pub mod http;
pub mod pages;
pub mod qr;
mod server;

use std::io::Read;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, UdpSocket};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};

use crate::catalog::Catalog;
use crate::error::Error;
use crate::framework::Framework;
use crate::record::{Groups, Tally};

use ballot::Ballot;

/// The port tried first when none is given.
pub const DEFAULT_PORT: u16 = 8080;

/// What the server threads and the screen share.
pub struct Shared {
    /// The phones, the open round and its votes.
    pub ballot: Mutex<Ballot>,
    /// Woken whenever votes reach the saved record.
    pub saved: Condvar,
    /// Woken whenever a vote is taken, so that the screen saves it at once.
    pub arrived: Condvar,
    /// The framework in each of its languages, the session's own first.
    pub frameworks: Vec<Framework>,
    /// The tags of those languages.
    pub languages: Vec<String>,
    /// coprod's own words on the pages in each of those languages (English for a language
    /// coprod has no catalog for), made once when the server starts.
    pub words: Vec<Catalog>,
    /// The names of stakeholder groups, as the phones show them.
    pub group_names: Groups,
}

impl Shared {
    /// coprod's words for a phone showing language number `language` (the session's for a
    /// number out of range).
    pub fn words(&self, language: usize) -> &Catalog {
        static ENGLISH: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
        self.words
            .get(language)
            .or_else(|| self.words.first())
            .unwrap_or_else(|| ENGLISH.get_or_init(|| Catalog::new(crate::catalog::FALLBACK)))
    }
}

/// A number of random bytes as hex, from the system's random source. A phone's token and form
/// key are made this way; they live only in memory and in the phone's cookie.
pub fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    let from_system = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .is_ok();
    if !from_system {
        // No /dev/urandom (not a Unix system): the standard library's randomly keyed hasher,
        // fed a counter and the time.
        use std::hash::{BuildHasher, Hasher};
        static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        for chunk in buf.chunks_mut(8) {
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_u64(COUNTER.fetch_add(1, std::sync::atomic::Ordering::SeqCst));
            h.write_u128(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_nanos()),
            );
            let v = h.finish().to_le_bytes();
            chunk.copy_from_slice(&v[..chunk.len()]);
        }
    }
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

/// Letters and digits that cannot be mistaken for each other (no 0/O, 1/I/L, 2/Z, 5/S, 8/B).
const CODE_ALPHABET: &[u8] = b"ACDEFGHJKMNPQRTUVWXY34679";

/// A join code of five characters.
pub fn join_code() -> String {
    let mut buf = [0u8; 5];
    let hex = random_hex(5);
    for (i, b) in buf.iter_mut().enumerate() {
        let byte = u8::from_str_radix(hex.get(i * 2..i * 2 + 2).unwrap_or("00"), 16).unwrap_or(0);
        *b = CODE_ALPHABET[usize::from(byte) % CODE_ALPHABET.len()];
    }
    String::from_utf8_lossy(&buf).into_owned()
}

/// Whether an address is on a local network (private ranges, link-local, loopback): one that
/// phones in the room can reach and the internet cannot.
pub fn is_local(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_private() || v4.is_link_local() || v4.is_loopback(),
        IpAddr::V6(v6) => {
            v6.is_loopback()
                || (v6.segments()[0] & 0xfe00) == 0xfc00
                || (v6.segments()[0] & 0xffc0) == 0xfe80
        }
    }
}

/// The laptop's address on the local network: the address the system would send from towards
/// a private address. (Connecting a UDP socket sends nothing; it only picks the route.)
fn local_network_address() -> Option<IpAddr> {
    let socket = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).ok()?;
    socket.connect((Ipv4Addr::new(10, 254, 254, 254), 9)).ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_unspecified() && !ip.is_loopback() && is_local(ip)).then_some(ip)
}

/// Works out where to listen from `--vote-address`: `IP` or `IP:PORT` (port 0 for any free
/// port), or, without one, the laptop's local network address.
pub fn bind_address(given: Option<&str>) -> Result<(IpAddr, Option<u16>), Error> {
    match given {
        Some(text) => {
            let text = text.trim();
            if let Ok(sa) = text.parse::<SocketAddr>() {
                return check_ip(sa.ip()).map(|ip| (ip, Some(sa.port())));
            }
            match text.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>() {
                Ok(ip) => check_ip(ip).map(|ip| (ip, None)),
                Err(_) => Err(Error::Usage(format!(
                    "`{text}` is not an address to listen on\nhelp: give an IP address, with a port if you like: --vote-address 192.168.1.20 or --vote-address 192.168.1.20:8080"
                ))),
            }
        }
        None => local_network_address().map(|ip| (ip, None)).ok_or_else(|| {
            Error::Usage(
                "could not find this laptop's address on a local network, so phones could not reach the vote\n\
                 help: join the room's Wi-Fi (or share a hotspot), or give the address with --vote-address IP"
                    .to_string(),
            )
        }),
    }
}

fn check_ip(ip: IpAddr) -> Result<IpAddr, Error> {
    if ip.is_unspecified() {
        return Err(Error::Usage(format!(
            "`{ip}` would listen on every network this laptop is on\nhelp: give the one address phones should use, e.g. the laptop's Wi-Fi address"
        )));
    }
    Ok(ip)
}

/// What the workshop screen holds while phones can vote: the server, and the round it opened.
pub struct Link {
    shared: Arc<Shared>,
    server: server::Server,
    /// The address phones open, e.g. `http://192.168.1.20:8080`.
    pub address: String,
    /// The join code.
    pub code: String,
    /// The QR code of the address with the code, as lines of text for the terminal.
    pub qr: Vec<String>,
    /// The indicator (id) of the open round, and the phones' counts the record already held
    /// for it when the round opened that this round adds to (none when it votes again).
    open: Option<(String, Vec<Tally>)>,
    /// A round asked for on an indicator whose record already holds phones' votes: it opens
    /// for the phones once the facilitator says whether this round votes again or adds.
    asking: Option<Earlier>,
    /// The indicators phones have voted on in this session.
    voted_on: std::collections::HashSet<String>,
}

/// Phones' votes already in the record for an indicator when a round is asked for on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Earlier {
    /// The indicator's number in the framework's order.
    pub index: usize,
    /// Its id.
    pub id: String,
    /// The phones' tallies the record holds for it.
    pub tallies: Vec<Tally>,
    /// How many votes they hold.
    pub votes: u64,
    /// Whether they are from a round in this session (else from before it: coprod stopped,
    /// or was killed, and the record was resumed).
    pub this_session: bool,
}

impl std::fmt::Debug for Link {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the join code: debugging output is no place for it.
        f.debug_struct("Link")
            .field("address", &self.address)
            .field("open", &self.open_on())
            .finish_non_exhaustive()
    }
}

impl Link {
    /// Starts the server on `ip` (port `port`, else 8080 or any free one), for phones voting on
    /// `frameworks` (the session's language first) as one of `groups`, named as `group_names`
    /// names them.
    pub fn start(
        ip: IpAddr,
        port: Option<u16>,
        frameworks: Vec<Framework>,
        groups: Vec<String>,
        group_names: Groups,
    ) -> Result<Self, Error> {
        let listener = match port {
            Some(p) => server::listen(SocketAddr::new(ip, p)),
            None => server::listen(SocketAddr::new(ip, DEFAULT_PORT))
                .or_else(|_| server::listen(SocketAddr::new(ip, 0))),
        }
        .map_err(|e| Error::io(format!("cannot listen for phones on {ip}"), e))?;
        let levels = frameworks
            .first()
            .map(|f| f.scale.value.iter().map(|l| l.value.value).collect())
            .unwrap_or_default();
        let languages: Vec<String> = frameworks.iter().map(|f| f.language.clone()).collect();
        let words = languages.iter().map(|tag| Catalog::new(tag)).collect();
        let code = join_code();
        let shared = Arc::new(Shared {
            ballot: Mutex::new(Ballot::new(code.clone(), groups, levels)),
            saved: Condvar::new(),
            arrived: Condvar::new(),
            frameworks,
            languages,
            words,
            group_names,
        });
        let server = server::Server::start(listener, Arc::clone(&shared))
            .map_err(|e| Error::io("cannot start the vote server", e))?;
        let addr = server.addr();
        let address = match addr.ip() {
            IpAddr::V6(v6) => format!("http://[{v6}]:{}", addr.port()),
            IpAddr::V4(v4) => format!("http://{v4}:{}", addr.port()),
        };
        let qr = qr::lines(&format!("{address}/?code={code}"));
        Ok(Self {
            shared,
            server,
            address,
            code,
            qr,
            open: None,
            asking: None,
            voted_on: std::collections::HashSet::new(),
        })
    }

    fn ballot(&self) -> MutexGuard<'_, Ballot> {
        self.shared
            .ballot
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// The port the server listens on.
    pub fn port(&self) -> u16 {
        self.server.addr().port()
    }

    /// Asks for a round on indicator number `index` (id `id`). With no phones' votes in the
    /// record for it (`earlier` empty) the round opens at once. With some, it waits: the
    /// phones' votes of an earlier round (maybe of a session before coprod stopped, whose
    /// phones cannot be told from this one's) would be counted twice if the same people vote
    /// again, so the facilitator chooses ([`Link::choose`]) to vote again or to add.
    pub fn open(&mut self, index: usize, id: &str, earlier: Vec<Tally>) {
        self.asking = None;
        if earlier.is_empty() {
            self.open_round(index, id, Vec::new());
            return;
        }
        self.ballot().close();
        self.open = None;
        let votes = earlier.iter().map(Tally::total).sum();
        self.asking = Some(Earlier {
            index,
            id: id.to_string(),
            tallies: earlier,
            votes,
            this_session: self.voted_on.contains(id),
        });
    }

    fn open_round(&mut self, index: usize, id: &str, earlier: Vec<Tally>) {
        self.ballot().open(index);
        self.voted_on.insert(id.to_string());
        self.open = Some((id.to_string(), earlier));
    }

    /// The phones' votes already in the record, while the facilitator is asked what to do
    /// with them.
    pub fn asking(&self) -> Option<&Earlier> {
        self.asking.as_ref()
    }

    /// Opens the round asked for: `add` keeps the phones' earlier votes and adds this round's
    /// to them; otherwise this round's phone votes replace them (from its first vote: until
    /// then the record keeps them). Returns what was asked, if anything was.
    pub fn choose(&mut self, add: bool) -> Option<Earlier> {
        let asked = self.asking.take()?;
        let base = if add {
            asked.tallies.clone()
        } else {
            Vec::new()
        };
        self.open_round(asked.index, &asked.id, base);
        Some(asked)
    }

    /// Whether a round is open.
    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// The indicator id of the open round.
    pub fn open_on(&self) -> Option<&str> {
        self.open.as_ref().map(|(id, _)| id.as_str())
    }

    /// How many phones have voted in the open round, and how many have joined.
    pub fn counts(&self) -> (usize, usize) {
        let b = self.ballot();
        (b.voted(), b.joined())
    }

    /// Votes not yet in the saved record: `(change, indicator id, the phones' tallies to keep
    /// for it)`. After saving them, call [`Link::saved`] with the change.
    pub fn pending(&self) -> Option<(u64, String, Vec<Tally>)> {
        let (id, earlier) = self.open.as_ref()?;
        let b = self.ballot();
        (b.changes > b.saved).then(|| (b.changes, id.clone(), ballot::merge(earlier, &b.tallies())))
    }

    /// Waits up to `timeout` for votes not yet in the saved record (woken as soon as a phone's
    /// vote is taken); returns whether there are some, to be had from [`Link::pending`].
    pub fn wait_for_votes(&self, timeout: std::time::Duration) -> bool {
        let open = self.open.is_some();
        let (b, _) = self
            .shared
            .arrived
            .wait_timeout_while(self.ballot(), timeout, |b| !(open && b.changes > b.saved))
            .unwrap_or_else(PoisonError::into_inner);
        open && b.changes > b.saved
    }

    /// Closes the open round; returns the votes not yet saved, as [`Link::pending`] does. No
    /// vote is taken after this, and every vote taken before it is in what it returns.
    pub fn close(&mut self) -> Option<(u64, String, Vec<Tally>)> {
        self.asking = None;
        let (id, earlier) = self.open.take()?;
        let mut b = self.ballot();
        let pending =
            (b.changes > b.saved).then(|| (b.changes, id, ballot::merge(&earlier, &b.tallies())));
        b.close();
        pending
    }

    /// Makes a new join code and puts every phone out (see [`Ballot::reset`]); their votes in
    /// the open round go at the next save.
    pub fn new_code(&mut self) {
        self.code = join_code();
        self.ballot().reset(self.code.clone());
        self.qr = qr::lines(&format!("{}/?code={}", self.address, self.code));
    }

    /// Puts out the phone showing `number` on its page (see [`Ballot::put_out`]); its vote in
    /// the open round goes at the next save. `false` when no phone joined has that number.
    pub fn put_out(&mut self, number: u32) -> bool {
        self.ballot().put_out(number)
    }

    /// The record on disk now holds every vote up to `change`: phones waiting for it are told.
    pub fn saved(&self, change: u64) {
        let mut b = self.ballot();
        b.saved = b.saved.max(change);
        drop(b);
        self.shared.saved.notify_all();
    }
}
