//! Voting from phones (`coprod assess --vote`) end to end: the real binary on the full screen
//! in a pseudo-terminal, its vote server on the loopback address only, and phones played by
//! plain HTTP clients (std's TcpStream) and by headless Chromium through WebDriver.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use rexpect::process::Signal;
use rexpect::session::PtySession;

use crate::util::Test;

const TIMEOUT_MS: u64 = 20_000;

/// Starts `coprod assess --vote` on the loopback address for a workshop of two groups, opens
/// the vote on the first indicator, and reads the address and the join code off the screen.
fn start(t: &Test) -> (PtySession, u16, String) {
    let args = [
        "assess",
        "--partnership",
        "P",
        "--date",
        "2026-11-12",
        "--groups",
        "parent-carers,health",
        "-o",
        "r.yaml",
        "--vote",
        "--vote-address",
        "127.0.0.1:0",
    ];
    let mut p = pty(t, &args);
    p.exp_string("Who is taking part?").expect("participants");
    std::thread::sleep(Duration::from_millis(60));
    keys(&mut p, "\r");
    p.exp_string("\u{1b}[?1049h")
        .expect("the full screen starts");
    std::thread::sleep(Duration::from_millis(100));
    keys(&mut p, "v");
    let (_, found) = p
        .exp_regex(r"Vote at (\x1b\[[0-9;]*m)*http://127\.0\.0\.1:[0-9]+")
        .expect("the address on screen");
    let port: u16 = found
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("a port");
    let (_, found) = p
        .exp_regex(r"code (\x1b\[[0-9;]*m)*[A-Z0-9]{5}")
        .expect("the join code on screen");
    let code: String = found
        .chars()
        .rev()
        .take(5)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    (p, port, code)
}

/// Starts coprod on a projector-sized pseudo-terminal.
fn pty(t: &Test, args: &[&str]) -> PtySession {
    crate::util::projector_pty(t, args, TIMEOUT_MS)
}

fn keys(p: &mut PtySession, text: &str) {
    p.send(text).expect("send keys");
    p.flush().expect("flush keys");
}

/// What the pseudo-terminal shows, rebuilt from what coprod wrote to it: a grid of cells that
/// follows the cursor moves, so that words drawn in pieces (only the cells that changed) can be
/// read whole, as a person in the room sees them.
pub struct Term {
    rows: Vec<Vec<char>>,
    row: usize,
    col: usize,
    bytes: Vec<u8>,
}

impl Term {
    pub fn new() -> Self {
        Self {
            rows: vec![vec![' '; 120]; 40],
            row: 0,
            col: 0,
            bytes: Vec::new(),
        }
    }

    /// Reads what coprod has written since, and applies it.
    pub fn read(&mut self, p: &mut PtySession) {
        // The session hands out the terminal's bytes one by one, each as a char.
        while let Some(c) = p.try_read() {
            self.bytes.push(u8::try_from(u32::from(c)).unwrap_or(b'?'));
        }
        let text = String::from_utf8_lossy(&self.bytes).into_owned();
        self.bytes.clear();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\u{1b}' => match chars.next() {
                    Some('[') => {
                        let mut params = String::new();
                        let mut end = ' ';
                        for c in chars.by_ref() {
                            if ('\u{40}'..='\u{7e}').contains(&c) {
                                end = c;
                                break;
                            }
                            params.push(c);
                        }
                        let n: Vec<usize> = params
                            .trim_start_matches('?')
                            .split(';')
                            .map(|v| v.parse().unwrap_or(1))
                            .collect();
                        match end {
                            'H' | 'f' => {
                                self.row = n.first().copied().unwrap_or(1).saturating_sub(1);
                                self.col = n.get(1).copied().unwrap_or(1).saturating_sub(1);
                            }
                            'J' if params == "2" => {
                                for r in &mut self.rows {
                                    r.fill(' ');
                                }
                            }
                            'K' => {
                                if let Some(r) = self.rows.get_mut(self.row) {
                                    for cell in r.iter_mut().skip(self.col) {
                                        *cell = ' ';
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                    Some('(' | ')') => {
                        chars.next();
                    }
                    _ => {}
                },
                '\r' => self.col = 0,
                '\n' => self.row += 1,
                c if c < ' ' => {}
                c => {
                    if let Some(cell) = self
                        .rows
                        .get_mut(self.row)
                        .and_then(|r| r.get_mut(self.col))
                    {
                        *cell = c;
                    }
                    self.col += 1;
                }
            }
        }
    }

    /// The screen as text, a line a row.
    pub fn text(&self) -> String {
        self.rows
            .iter()
            .map(|r| format!("{}\n", r.iter().collect::<String>().trim_end()))
            .collect()
    }

    /// Waits until the screen shows `want`; the screen then.
    pub fn wait(&mut self, p: &mut PtySession, want: &str) -> String {
        let deadline = Instant::now() + Duration::from_millis(TIMEOUT_MS);
        loop {
            self.read(p);
            let text = self.text();
            if text.contains(want) {
                return text;
            }
            assert!(
                Instant::now() < deadline,
                "the screen never showed {want:?}:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }
}

/// The arguments of a new workshop of two groups voting on the loopback address.
const NEW: &[&str] = &[
    "assess",
    "--partnership",
    "P",
    "--date",
    "2026-11-12",
    "--groups",
    "parent-carers,health",
    "-o",
    "r.yaml",
    "--vote",
    "--vote-address",
    "127.0.0.1:0",
];

/// The arguments that carry on with the record, phones voting on the loopback address.
const RESUME: &[&str] = &[
    "assess",
    "--resume",
    "r.yaml",
    "--vote",
    "--vote-address",
    "127.0.0.1:0",
];

/// Starts coprod with `args` (a new workshop is asked who takes part), watching the whole
/// screen; opens the vote and reads the address and the code off it.
fn start_watched(t: &Test, args: &[&str]) -> (PtySession, Term, u16, String) {
    let mut p = pty(t, args);
    if !args.contains(&"--resume") {
        p.exp_string("Who is taking part?").expect("participants");
        std::thread::sleep(Duration::from_millis(60));
        keys(&mut p, "\r");
    }
    let mut term = Term::new();
    term.wait(&mut p, "Indicator ");
    keys(&mut p, "v");
    let text = term.wait(&mut p, "Vote at http://127.0.0.1:");
    let (port, code) = address_and_code(&text);
    (p, term, port, code)
}

/// The port and the join code, as the vote screen shows them.
fn address_and_code(screen: &str) -> (u16, String) {
    let line = screen
        .lines()
        .find(|l| l.starts_with("Vote at "))
        .unwrap_or_default();
    let port = line
        .split("127.0.0.1:")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .and_then(|p| p.parse().ok())
        .expect("a port on screen");
    let code = line
        .split("code ")
        .nth(1)
        .map(|r| r.chars().take(5).collect::<String>())
        .expect("the code on screen");
    (port, code)
}

/// One HTTP exchange with the vote server on loopback: status, headers and body.
pub fn send(port: u16, raw: &[u8]) -> (u16, String, String) {
    let mut s = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).expect("connect to the server");
    s.set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    s.write_all(raw).expect("send the request");
    // Read to the end of the body (by its Content-Length), or until the server closes.
    let mut out = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        if let Some(end) = out.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&out[..end]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok());
            if length.is_some_and(|n| out.len() >= end + 4 + n) {
                break;
            }
        }
        match s.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => out.extend_from_slice(&chunk[..n]),
        }
    }
    let text = String::from_utf8_lossy(&out).into_owned();
    let status = text.get(9..12).and_then(|c| c.parse().ok()).unwrap_or(0);
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    (status, head.to_string(), body.to_string())
}

/// A phone played by plain HTTP requests.
pub struct Phone {
    port: u16,
    token: String,
    key: String,
}

impl Phone {
    /// Joins with `code` as `group` (empty: no group); `None` when refused.
    pub fn join(port: u16, code: &str, group: &str) -> Option<Self> {
        let body = format!("code={code}&group={group}");
        let (status, head, _) = send(
            port,
            format!(
                "POST /join HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            )
            .as_bytes(),
        );
        if status != 303 {
            return None;
        }
        let token = head
            .split("coprod_phone=")
            .nth(1)?
            .split(';')
            .next()?
            .to_string();
        let mut phone = Self {
            port,
            token,
            key: String::new(),
        };
        phone.key = phone.field("k")?;
        Some(phone)
    }

    /// The vote page as this phone sees it.
    pub fn page(&self) -> String {
        send(
            self.port,
            format!(
                "GET /vote HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nCookie: coprod_phone={}\r\n\r\n",
                self.port, self.token
            )
            .as_bytes(),
        )
        .2
    }

    fn field(&self, name: &str) -> Option<String> {
        let page = self.page();
        let marker = format!("name=\"{name}\" value=\"");
        Some(page.split(&marker).nth(1)?.split('"').next()?.to_string())
    }

    /// The open round's number, from the vote page.
    pub fn round(&self) -> Option<String> {
        self.field("r")
    }

    /// Votes `choice` in `round` as the page's script does; the status.
    pub fn vote_in(&self, round: &str, choice: &str) -> u16 {
        let body = format!("k={}&r={round}&choice={choice}", self.key);
        send(
            self.port,
            format!(
                "POST /vote HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nAccept: application/json\r\nCookie: coprod_phone={}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
                self.port,
                self.token,
                body.len()
            )
            .as_bytes(),
        )
        .0
    }

    /// Votes `choice` in the open round; the status.
    pub fn vote(&self, choice: &str) -> u16 {
        let round = self.round().unwrap_or_default();
        self.vote_in(&round, choice)
    }
}

/// Waits until the record file satisfies `ok`; returns its text.
fn record_when(t: &Test, what: &str, ok: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_millis(TIMEOUT_MS);
    loop {
        let text = kept(t);
        if ok(&text) {
            return text;
        }
        assert!(
            Instant::now() < deadline,
            "timed out waiting for {what}:\n{text}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The record as coprod keeps it on disk while it runs (or after it was killed): the file, with
/// the phone votes in the journal beside it that the next save of the whole record takes in, as
/// a resume or a report reads them. Empty while there is no record.
fn kept(t: &Test) -> String {
    let path = t.path().join("r.yaml");
    let Ok(mut loaded) = coprod::record::Record::load(&path) else {
        return String::new();
    };
    coprod::record_file::add_kept_votes(&path, &mut loaded).expect("the journal reads");
    loaded.record.to_yaml().expect("the record as YAML")
}

/// The phones' tallies of one indicator in a record, as (group, level, count) lines.
fn phone_counts(record: &str, id: &str) -> String {
    let text = record
        .split("- indicator: ")
        .find(|a| a.starts_with(&format!("{id}\n")))
        .unwrap_or_default();
    text.to_string()
}

/// The issue's "done when", in one run: the real binary on the full screen in a pseudo-terminal,
/// the address and the code read off the screen, two headless Chromium phones (script on and
/// off) and thirty plain HTTP phones; the projector shows counts only until the reveal, the
/// record holds the right distribution by group, a second vote from a phone replaces its
/// first, a vote without the code or for a closed round is refused, and a SIGKILL right after
/// an acknowledged vote keeps it.
#[test]
fn phones_and_browsers_vote_the_projector_counts_then_reveals_and_a_kill_keeps_the_votes() {
    let t = Test::new();
    let (mut p, mut term, port, code) = start_watched(&t, NEW);
    let base = format!("http://127.0.0.1:{port}");

    // Without the code there is no way in, and no vote.
    assert!(Phone::join(port, "WRONG", "").is_none());
    let (status, _, body) = send(
        port,
        b"POST /vote HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\nContent-Length: 13\r\n\r\nr=1&choice=3\n",
    );
    assert_eq!(status, 403, "{body}");

    // Many phones: a few say their group, most do not.
    let mut phones = Vec::new();
    for i in 0..30 {
        let group = match i % 3 {
            0 => "parent-carers",
            1 => "health",
            _ => "",
        };
        phones.push(Phone::join(port, &code.to_lowercase(), group).expect("join with the code"));
    }
    for (i, phone) in phones.iter().enumerate() {
        // Parent carers 1, health 4, the others 3.
        let choice = ["1", "4", "3"][i % 3];
        assert_eq!(phone.vote(choice), 200, "vote {i} acknowledged");
    }
    // A second vote from one phone replaces its first.
    assert_eq!(phones[0].vote("2"), 200);
    assert!(
        phones[0]
            .page()
            .contains("Your vote: <strong lang=\"en-GB\">2 Emerging</strong>")
    );

    // A phone can show the framework's words in Welsh.
    let body = format!("k={}&l=1", phones[5].key);
    let (status, _, _) = send(
        port,
        format!(
            "POST /language HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: coprod_phone={}\r\nContent-Length: {}\r\n\r\n{body}",
            phones[5].token,
            body.len()
        )
        .as_bytes(),
    );
    assert_eq!(status, 303);
    let welsh = phones[5].page();
    assert!(
        welsh.contains(
            "lang=\"cy\">Mae rhieni-ofalwyr yn teimlo bod croeso iddyn nhw o&#39;r cyswllt cyntaf"
        ),
        "{welsh}"
    );
    assert!(welsh.contains("aria-current=\"true\">Cymraeg</button>"));

    // Two real browsers: one with script (no group, votes 3 then 4), one without (Health,
    // votes 2 then not applicable). Their second votes replace their first.
    let found = browser();
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI installs chromium and chromium-driver, but they are missing"
        );
        eprintln!("SKIPPED the browsers: they need Debian's chromium and chromium-driver");
    }
    let driver = found.as_ref().map(|(_, d)| start_driver(d));
    let browsers = match (&found, &driver) {
        (Some((chromium, _)), Some(driver)) => {
            let on = Browser::open(driver, chromium, true);
            on.go(&format!("{base}/?code={code}"));
            on.click("button.primary");
            on.wait_url("/vote");
            on.click("button.pick[value=\"3\"]");
            on.wait_text("#status", "Your vote is saved: 3 Developing");
            on.click("button.pick[value=\"4\"]");
            on.wait_text("#status", "Your vote is saved: 4 Established");
            let off = Browser::open(driver, chromium, false);
            off.go(&base);
            let input = off.find("#code");
            off.cmd(
                "POST",
                &format!("/element/{input}/value"),
                Some(serde_json::json!({ "text": code.to_lowercase() })),
            );
            off.click("#g-1");
            off.click("button.primary");
            off.wait_url("/vote");
            off.click("button.pick[value=\"2\"]");
            off.wait_url("/vote?saved=1");
            off.wait_text("main", "Your vote is saved: 2 Emerging");
            off.click("button.pick[value=\"na\"]");
            off.wait_text("main", "Your vote is saved: Not applicable");
            Some((on, off))
        }
        _ => None,
    };
    let b = usize::from(browsers.is_some());

    // A vote off the scale, or from another page (without the phone's key), is refused.
    assert_eq!(phones[1].vote("9"), 400);
    let forged = Phone {
        port,
        token: phones[1].token.clone(),
        key: "not-the-key".into(),
    };
    assert_eq!(forged.vote("1"), 403);

    // The record holds the distribution by group: counts only.
    let record = record_when(&t, "every phone's last vote", |r| {
        let wc1 = phone_counts(r, "wc1");
        wc1.contains("levels:\n      3: 10\n") || wc1.contains("levels:\n      3: 10\n      4: 1\n")
    });
    let wc1 = phone_counts(&record, "wc1");
    assert!(
        wc1.contains("group: parent-carers\n    levels:\n      1: 9\n      2: 1\n"),
        "{wc1}"
    );
    assert!(
        wc1.contains("group: health\n    levels:\n      4: 10\n"),
        "{wc1}"
    );
    if b == 1 {
        assert!(wc1.contains("levels:\n      3: 10\n      4: 1\n"), "{wc1}");
        assert!(wc1.contains("not_applicable: 1"), "{wc1}");
        assert!(
            !wc1.contains("2: 2"),
            "the browser's first vote is gone: {wc1}"
        );
    }
    for phone in &phones {
        assert!(!record.contains(&phone.token) && !record.contains(&phone.key));
    }
    assert!(!record.contains("127.0.0.1"));

    // Until the reveal the projector shows how many, never how: no count, no bar, no spread.
    let joined = 30 + 2 * b;
    let screen = term.wait(
        &mut p,
        &format!("Phones: {joined} voted (of {joined} joined)"),
    );
    assert!(screen.contains("0 counted · no spread yet"), "{screen}");
    for line in screen.lines() {
        let left: String = line.chars().take(60).collect();
        assert!(!left.contains('█'), "a bar before the reveal: {line}");
        assert!(
            !line.contains("Phones, ") && !line.starts_with("Votes:"),
            "the phones' votes before the reveal: {line}"
        );
    }
    // A card vote typed in by the facilitator adds to the phones'; Enter reveals.
    keys(&mut p, "2\r");
    let counted = 30 + 2 + 2 * b;
    let screen = term.wait(&mut p, &format!("{counted} counted · spread"));
    assert!(screen.contains("TALK ABOUT THIS"), "{screen}");
    let health = if b == 1 {
        "Phones, Health: 4: 10, n/a: 1"
    } else {
        "Phones, Health: 4: 10"
    };
    assert!(screen.contains(health), "{screen}");
    assert!(
        screen.contains("Phones, Parent carers: 1: 9, 2: 1"),
        "{screen}"
    );
    // The round is closed: a late vote is refused, from plain clients and browsers alike.
    let round = phones[2].round().unwrap_or_else(|| "1".into());
    assert_eq!(phones[2].vote_in(&round, "1"), 409);

    // Each group agrees a level, the screen moves to the next indicator, its vote opens.
    keys(&mut p, "3");
    std::thread::sleep(Duration::from_millis(200));
    keys(&mut p, "4");
    std::thread::sleep(Duration::from_millis(200));
    keys(&mut p, "v");
    term.wait(&mut p, "Vote on WC2");
    let deadline = Instant::now() + Duration::from_secs(10);
    while phones[3].round().is_none_or(|r| r == round) {
        assert!(Instant::now() < deadline, "the next round opens for phones");
        std::thread::sleep(Duration::from_millis(50));
    }
    // The browser with script follows to the new round by itself and votes in it.
    if let Some((on, _)) = &browsers {
        on.wait_text("h1", "Vote on WC2");
        on.click("button.pick[value=\"2\"]");
        on.wait_text("#status", "Your vote is saved: 2 Emerging");
    }
    // A vote acknowledged is on disk: killed at once, coprod keeps it.
    assert_eq!(phones[2].vote("3"), 200);
    assert_eq!(phones[3].vote("5"), 200);
    p.process_mut().kill(Signal::SIGKILL).expect("kill coprod");
    let record = kept(&t);
    let wc2 = phone_counts(&record, "wc2");
    assert!(
        wc2.contains("from: phones") && wc2.contains("5: 1") && wc2.contains("3: 1"),
        "{wc2}"
    );
    // The last of them waited beside the record for its next save: a report straight after
    // the kill counts them, and says where they are until a resume writes them in.
    let out = t.run_raw(&["report", "r.yaml", "--format", "markdown"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("warning: r.yaml.votes holds phone votes that are not yet in r.yaml"),
        "{err}"
    );
    if b == 1 {
        assert!(wc2.contains("2: 1"), "the browser's vote: {wc2}");
    }
    // And the server went with it.
    assert!(TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_err());
    drop(browsers);
}

#[test]
fn hostile_requests_get_short_refusals_and_the_server_carries_on() {
    let t = Test::new();
    let (mut p, port, code) = start(&t);
    let cases: &[(&[u8], u16)] = &[
        (b"GET /../../etc/passwd HTTP/1.1\r\n\r\n", 404),
        (b"DELETE /vote HTTP/1.1\r\n\r\n", 405),
        (b"GET / HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n", 413),
        (b"POST /join HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 501),
        (b"\x00\x01\x02\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nOrigin: http://evil.example\r\n\r\n", 200),
        (b"POST /join HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://evil.example\r\nContent-Length: 0\r\n\r\n", 403),
    ];
    for (raw, want) in cases {
        let (status, head, _) = send(port, raw);
        assert_eq!(status, *want, "{}", String::from_utf8_lossy(raw));
        assert!(
            head.contains("Content-Security-Policy: default-src 'none'"),
            "{head}"
        );
    }
    let mut huge = b"GET / HTTP/1.1\r\nX: ".to_vec();
    huge.extend(std::iter::repeat_n(b'a', 100_000));
    let (status, _, _) = send(port, &huge);
    assert_eq!(status, 413);
    // What a phone typed comes back escaped.
    let (_, _, body) = send(
        port,
        b"GET /?code=%22%3E%3Cscript%3Ealert(1)%3C/script%3E HTTP/1.1\r\n\r\n",
    );
    assert!(!body.contains("<script>alert") && body.contains("&lt;script&gt;"));
    // A phone sending votes without end is stopped sending votes without end.
    let phone = Phone::join(port, &code, "").expect("join");
    let statuses: Vec<u16> = (0..40).map(|_| phone.vote("3")).collect();
    assert_eq!(statuses[0], 200);
    assert_eq!(statuses.last(), Some(&429), "{statuses:?}");
    // Guessing codes is stopped after a few tries.
    let mut last = 0;
    for _ in 0..12 {
        let body = "code=AAAAA";
        last = send(
            port,
            format!(
                "POST /join HTTP/1.1\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            )
            .as_bytes(),
        )
        .0;
    }
    assert_eq!(last, 429);
    // Pages, the style sheet and the script are served, never cached.
    for path in ["/", "/style.css", "/app.js"] {
        let (status, head, _) = send(port, format!("GET {path} HTTP/1.1\r\n\r\n").as_bytes());
        assert_eq!(status, 200, "{path}");
        assert!(head.contains("Cache-Control: no-store"));
    }
    keys(&mut p, "\u{1b}");
    std::thread::sleep(Duration::from_millis(100));
    keys(&mut p, "q");
    p.exp_eof().expect("coprod stops");
    // When coprod stops, so does the server.
    assert!(TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_err());
}

/// ChromeDriver, started for one test on a free loopback port and stopped when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Where Debian's Chromium and its driver are, if installed.
fn browser() -> Option<(String, String)> {
    let find = |names: &[&str]| {
        names
            .iter()
            .map(std::path::Path::new)
            .find(|p| p.exists())
            .map(|p| p.display().to_string())
    };
    Some((
        find(&["/usr/bin/chromium", "/usr/bin/chromium-browser"])?,
        find(&["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"])?,
    ))
}

/// One WebDriver command over plain HTTP to ChromeDriver on loopback; the answer's `value`.
fn wd(port: u16, method: &str, path: &str, body: Option<serde_json::Value>) -> serde_json::Value {
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let raw = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let (_, _, answer) = send(port, raw.as_bytes());
    let value: serde_json::Value = serde_json::from_str(&answer)
        .unwrap_or_else(|e| panic!("WebDriver answered {answer:?}: {e}"));
    value["value"].clone()
}

/// A browser session: a phone.
struct Browser {
    driver: u16,
    session: String,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn open(driver: &Driver, chromium: &str, script: bool) -> Self {
        let profile = tempfile::tempdir().expect("a fresh profile");
        let mut args = vec![
            "--headless".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--disable-default-apps".into(),
            "--disable-extensions".into(),
            "--no-default-browser-check".into(),
            "--window-size=412,915".into(),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        let mut prefs = serde_json::json!({});
        if !script {
            args.push("--blink-settings=scriptEnabled=false".into());
            prefs = serde_json::json!({"profile.managed_default_content_settings.javascript": 2});
        }
        let caps = serde_json::json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": chromium, "args": args, "prefs": prefs}
        }}});
        let value = wd(driver.port, "POST", "/session", Some(caps));
        let session = value["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no browser session: {value}"))
            .to_string();
        Self {
            driver: driver.port,
            session,
            _profile: profile,
        }
    }

    fn cmd(&self, method: &str, path: &str, body: Option<serde_json::Value>) -> serde_json::Value {
        wd(
            self.driver,
            method,
            &format!("/session/{}{path}", self.session),
            body,
        )
    }

    fn go(&self, url: &str) {
        self.cmd("POST", "/url", Some(serde_json::json!({ "url": url })));
    }

    /// Waits until the page's address ends with `end`.
    fn wait_url(&self, end: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !self.url().ends_with(end) {
            assert!(
                Instant::now() < deadline,
                "{} never became …{end}",
                self.url()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn url(&self) -> String {
        self.cmd("GET", "/url", None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// The element's id, waiting a while for a page still loading.
    fn find(&self, css: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let value = self.cmd(
                "POST",
                "/element",
                Some(serde_json::json!({"using": "css selector", "value": css})),
            );
            if let Some(id) = value["element-6066-11e4-a52e-4f735466cecf"].as_str() {
                return id.to_string();
            }
            assert!(
                Instant::now() < deadline,
                "no element {css}: {value}\n{}",
                self.cmd("GET", "/source", None)
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn click(&self, css: &str) {
        let id = self.find(css);
        self.cmd(
            "POST",
            &format!("/element/{id}/click"),
            Some(serde_json::json!({})),
        );
    }

    fn text(&self, css: &str) -> String {
        let id = self.find(css);
        self.cmd("GET", &format!("/element/{id}/text"), None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Waits until the element's text contains `want`.
    fn wait_text(&self, css: &str, want: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let text = self.text(css);
            if text.contains(want) {
                return text;
            }
            assert!(
                Instant::now() < deadline,
                "{css} never said {want:?}: {text:?}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn script(&self, source: &str) -> serde_json::Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(serde_json::json!({"script": source, "args": []})),
        )
    }

    fn screenshot(&self, to: &std::path::Path) {
        let b64 = self.cmd("GET", "/screenshot", None);
        let data = decode_base64(b64.as_str().unwrap_or_default());
        std::fs::write(to, data).expect("write the screenshot");
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.cmd("DELETE", "", None);
    }
}

fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let sextets: Vec<u8> = text.bytes().filter_map(value).collect();
    sextets
        .chunks(4)
        .flat_map(|c| {
            let n = c.iter().fold(0u32, |acc, &s| acc << 6 | u32::from(s)) << (6 * (4 - c.len()));
            let bytes = n.to_be_bytes();
            bytes[1..c.len()].to_vec()
        })
        .collect()
}

fn start_driver(chromedriver: &str) -> Driver {
    let port = std::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port");
    let child = Command::new(chromedriver)
        .arg(format!("--port={port}"))
        .arg("--allowed-ips=127.0.0.1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    let driver = Driver { child, port };
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    driver
}

/// axe-core's script, where `.ci/run` installs it from npm.
fn axe() -> Option<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/npm/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(path).ok()
}

/// The pages in real browsers, with script and without: how they behave, and axe-core's
/// accessibility check (the votes they give are checked end to end above).
#[test]
fn real_browsers_join_and_vote_with_script_and_without() {
    let Some((chromium, chromedriver)) = browser() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI installs chromium and chromium-driver, but they are missing"
        );
        eprintln!(
            "SKIPPED: the headless browser test needs Debian's chromium and chromium-driver \
             (apt-get install -y chromium chromium-driver)"
        );
        return;
    };
    let t = Test::new();
    let (mut p, port, code) = start(&t);
    let driver = start_driver(&chromedriver);
    let base = format!("http://127.0.0.1:{port}");

    // A phone with script on: the code comes in the QR code's address.
    let on = Browser::open(&driver, &chromium, true);
    on.go(&format!("{base}/?code={code}"));
    on.click("button.primary");
    on.wait_url("/vote");
    on.click("button.pick[value=\"3\"]");
    on.wait_text("#status", "Your vote is saved: 3 Developing");
    // The script sent it: the page did not reload.
    assert!(on.url().ends_with("/vote"), "{}", on.url());
    on.click("button.pick[value=\"4\"]");
    on.wait_text("#status", "Your vote is saved: 4 Established");
    let pressed = on.script(
        "return Array.from(document.querySelectorAll('[aria-pressed=true]')).map(b => b.value)",
    );
    assert_eq!(pressed, serde_json::json!(["4"]));
    // COPROD_SCREENSHOTS=docs takes the README's picture of the phone page.
    if let Some(dir) = std::env::var_os("COPROD_SCREENSHOTS") {
        on.screenshot(&std::path::PathBuf::from(dir).join("phone-vote.png"));
    }

    // A phone with script off: plain forms, the group said, the code typed by hand.
    let off = Browser::open(&driver, &chromium, false);
    off.go(&base);
    let typed = code.to_lowercase();
    let input = off.find("#code");
    off.cmd(
        "POST",
        &format!("/element/{input}/value"),
        Some(serde_json::json!({ "text": typed })),
    );
    off.click("#g-1");
    off.click("button.primary");
    off.wait_url("/vote");
    off.click("button.pick[value=\"2\"]");
    // Without script the form is sent and the page loads again.
    off.wait_url("/vote?saved=1");
    off.wait_text("main", "Your vote is saved: 2 Emerging");
    off.click("button.pick[value=\"na\"]");
    off.wait_text("main", "Your vote is saved: Not applicable");
    assert!(off.text("footer").contains("You joined as: Health."));

    // The phone page passes axe-core's WCAG 2.2 A and AA rules.
    match axe() {
        Some(source) => {
            on.script(&source);
            let result = on.cmd(
                "POST",
                "/execute/async",
                Some(serde_json::json!({"script":
                    "const done = arguments[arguments.length - 1];\
                     axe.run(document, {runOnly: {type: 'tag', values: \
                     ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})\
                     .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' ' + \
                     v.nodes.map(n => n.html).join(' | '))))\
                     .catch(e => done(['axe failed: ' + e]));",
                    "args": []})),
            );
            assert_eq!(result, serde_json::json!([]), "accessibility violations");
            on.go(&format!("{base}/"));
            on.cmd("DELETE", "/cookie", None);
            on.go(&format!("{base}/"));
            on.script(&source);
            let result = on.cmd(
                "POST",
                "/execute/async",
                Some(serde_json::json!({"script":
                    "const done = arguments[arguments.length - 1];\
                     axe.run(document, {runOnly: {type: 'tag', values: \
                     ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})\
                     .then(r => done(r.violations.map(v => v.id + ': ' + v.help)));",
                    "args": []})),
            );
            assert_eq!(
                result,
                serde_json::json!([]),
                "accessibility violations on the join page"
            );
        }
        None => {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI installs axe-core from npm, but it is missing"
            );
            eprintln!(
                "SKIPPED the accessibility check: npm install --prefix target/npm axe-core@4"
            );
        }
    }
    drop(on);
    drop(off);
    keys(&mut p, "\u{1b}");
    std::thread::sleep(Duration::from_millis(100));
    keys(&mut p, "q");
    p.exp_eof().expect("coprod stops");
}

#[test]
fn the_facilitator_puts_out_one_phone_by_its_number_and_its_page_says_so() {
    let t = Test::new();
    let (mut p, mut term, port, code) = start_watched(&t, NEW);
    let stays = Phone::join(port, &code, "").expect("join");
    let goes = Phone::join(port, &code, "health").expect("join");
    assert!(stays.page().contains("You are phone 1."));
    assert!(goes.page().contains("You are phone 2."));
    assert_eq!(stays.vote("2"), 200);
    assert_eq!(goes.vote("5"), 200);
    record_when(&t, "both votes", |r| {
        let wc1 = phone_counts(r, "wc1");
        wc1.contains("2: 1") && wc1.contains("5: 1")
    });
    term.wait(&mut p, "Phones: 2 voted (of 2 joined)");
    assert!(term.text().contains("p put out a phone"));

    // A browser with script on, joined as phone 3, follows: its page says when it is put out.
    let browser = browser();
    let driver = browser.as_ref().map(|(_, d)| start_driver(d));
    let phone = match (&browser, &driver) {
        (Some((chromium, _)), Some(driver)) => {
            let b = Browser::open(driver, chromium, true);
            b.go(&format!("http://127.0.0.1:{port}/?code={code}"));
            b.click("button.primary");
            b.wait_url("/vote");
            b.wait_text("footer", "You are phone 3.");
            b.click("button.pick[value=\"4\"]");
            b.wait_text("#status", "Your vote is saved: 4 Established");
            Some(b)
        }
        _ => {
            eprintln!("SKIPPED the browser part: it needs Debian's chromium and chromium-driver");
            None
        }
    };

    // p, the number, Enter: the screen says so in words.
    keys(&mut p, "p");
    term.wait(&mut p, "Put out phone number: _");
    keys(&mut p, "2");
    term.wait(&mut p, "Put out phone number: 2_");
    keys(&mut p, "\r");
    term.wait(&mut p, "Phone 2 is out: its vote on this one is dropped");
    let left = if phone.is_some() { 2 } else { 1 };
    term.wait(&mut p, &format!("Phones: {left} voted (of {left} joined)"));
    // Its vote is gone from the record; the other phones' stay; nothing about phones is kept.
    let record = record_when(&t, "phone 2's vote dropped", |r| {
        let wc1 = phone_counts(r, "wc1");
        wc1.contains("2: 1") && !wc1.contains("5: 1")
    });
    assert!(!record.contains(&goes.token) && !record.contains(&goes.key));
    assert!(!record.contains("phone 2") && !record.contains("number"));
    // Its page says it was taken out and what to do; a vote from it is refused.
    let page = goes.page();
    assert!(page.contains("You were taken out of the vote"), "{page}");
    assert!(page.contains("ask the facilitator"), "{page}");
    assert_eq!(goes.vote_in("1", "3"), 403);
    // The others vote on.
    assert_eq!(stays.vote("3"), 200);

    if let Some(b) = &phone {
        // Browser put out too, by its own number: its page changes by itself.
        keys(&mut p, "p3\r");
        term.wait(&mut p, "Phone 3 is out");
        b.wait_text("main", "You were taken out of the vote");
        // That page passes axe-core's WCAG 2.2 A and AA rules too.
        if let Some(source) = axe() {
            b.script(&source);
            let result = b.cmd(
                "POST",
                "/execute/async",
                Some(serde_json::json!({"script":
                    "const done = arguments[arguments.length - 1];\
                     axe.run(document, {runOnly: {type: 'tag', values: \
                     ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})\
                     .then(r => done(r.violations.map(v => v.id + ': ' + v.help)));",
                    "args": []})),
            );
            assert_eq!(result, serde_json::json!([]), "accessibility violations");
        }
        // Joining again is one link away, as a new phone.
        b.click("a[href=\"/\"]");
        let input = b.find("#code");
        b.cmd(
            "POST",
            &format!("/element/{input}/value"),
            Some(serde_json::json!({ "text": code })),
        );
        b.click("button.primary");
        b.wait_url("/vote");
        b.wait_text("footer", "You are phone 4.");
    }
    drop(phone);
    keys(&mut p, "\u{1b}");
    std::thread::sleep(Duration::from_millis(100));
    keys(&mut p, "q");
    p.exp_eof().expect("coprod stops");
    let record = std::fs::read_to_string(t.path().join("r.yaml")).expect("the record");
    let wc1 = phone_counts(&record, "wc1");
    assert!(
        wc1.contains("3: 1") && !wc1.contains("4: 1") && !wc1.contains("5: 1"),
        "{wc1}"
    );
}

#[test]
fn after_a_kill_and_a_resume_phones_that_vote_again_are_not_counted_twice() {
    let t = Test::new();
    let (mut p, mut term, port, code) = start_watched(&t, NEW);
    let before: Vec<Phone> = (0..3)
        .map(|_| Phone::join(port, &code, "").expect("join"))
        .collect();
    for (phone, choice) in before.iter().zip(["2", "2", "3"]) {
        assert_eq!(phone.vote(choice), 200, "acknowledged");
    }
    term.wait(&mut p, "Phones: 3 voted (of 3 joined)");
    // Killed at once: no chance to close anything.
    p.process_mut().kill(Signal::SIGKILL).expect("kill coprod");
    let record = kept(&t);
    let wc1 = phone_counts(&record, "wc1");
    assert!(wc1.contains("2: 2") && wc1.contains("3: 1"), "{wc1}");
    drop(p);

    // Resumed: a new session, a new code; the vote on WC1 says what the record holds.
    let (mut p, mut term, port, code) = start_watched(&t, RESUME);
    let text = term.wait(&mut p, "Phones wait until you choose");
    assert!(
        text.contains("Phones: 3 votes on WC1 are in the record already, from before this session"),
        "{text}"
    );
    // Until the choice, phones see no vote open.
    let same = Phone::join(port, &code, "").expect("join the new session");
    assert!(same.round().is_none(), "no round before the choice");
    // The same people are here: r, they vote again, each counted once.
    keys(&mut p, "r");
    term.wait(&mut p, "Phones vote again on WC1");
    let again: Vec<Phone> = (0..3)
        .map(|_| Phone::join(port, &code, "").expect("join"))
        .collect();
    for (phone, choice) in again.iter().zip(["4", "4", "5"]) {
        assert_eq!(phone.vote(choice), 200);
    }
    let record = record_when(&t, "the new votes replacing the old", |r| {
        let wc1 = phone_counts(r, "wc1");
        wc1.contains("4: 2") && wc1.contains("5: 1")
    });
    let wc1 = phone_counts(&record, "wc1");
    assert!(!wc1.contains("2: 2") && !wc1.contains("3: 1"), "{wc1}");
    // Killed again after those were acknowledged: they are what the record holds.
    p.process_mut().kill(Signal::SIGKILL).expect("kill coprod");
    drop(p);

    // Resumed again, with other people voting now: k keeps the earlier votes and adds.
    let (mut p, mut term, port, code) = start_watched(&t, RESUME);
    term.wait(&mut p, "3 votes on WC1 are in the record already");
    keys(&mut p, "k");
    term.wait(&mut p, "their 3 earlier votes are kept");
    let other = Phone::join(port, &code, "").expect("join");
    assert_eq!(other.vote("1"), 200);
    let record = record_when(&t, "one vote added", |r| {
        let wc1 = phone_counts(r, "wc1");
        wc1.contains("1: 1") && wc1.contains("4: 2") && wc1.contains("5: 1")
    });
    assert!(!record.contains(&other.token));
    keys(&mut p, "\r");
    term.wait(&mut p, "4 counted");
    keys(&mut p, "q");
    p.exp_eof().expect("coprod stops");
}

#[test]
fn a_phone_that_loses_the_network_sends_its_vote_again_and_it_counts_once() {
    let Some((chromium, chromedriver)) = browser() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI installs chromium and chromium-driver, but they are missing"
        );
        eprintln!("SKIPPED: the network test needs Debian's chromium and chromium-driver");
        return;
    };
    let t = Test::new();
    let (mut p, port, code) = start(&t);
    let driver = start_driver(&chromedriver);
    let phone = Browser::open(&driver, &chromium, true);
    phone.go(&format!("http://127.0.0.1:{port}/?code={code}"));
    phone.click("button.primary");
    phone.wait_url("/vote");

    // The phone goes off the network (Chromium's own network emulation: nothing it sends
    // leaves it), and its person votes.
    let offline = |off: bool| {
        phone.cmd(
            "POST",
            "/chromium/network_conditions",
            Some(serde_json::json!({"network_conditions": {
                "offline": off, "latency": 0,
                "download_throughput": 1_000_000, "upload_throughput": 1_000_000
            }})),
        )
    };
    offline(true);
    phone.click("button.pick[value=\"4\"]");
    phone.wait_text("#status", "Not sent yet \u{2014} trying again\u{2026}");
    let class = phone.script("return document.querySelector('#status p').className");
    assert_eq!(class, serde_json::json!("pending"));
    // Nothing reached the laptop: the record holds no phone vote.
    std::thread::sleep(Duration::from_millis(500));
    let record = kept(&t);
    assert!(!record.contains("from: phones"), "{record}");

    // Back on the network: the page sends it again by itself, and says when it is saved.
    offline(false);
    phone.wait_text("#status", "Your vote is saved: 4 Established");
    let record = record_when(&t, "the vote sent again", |r| {
        phone_counts(r, "wc1").contains("4: 1")
    });
    let wc1 = phone_counts(&record, "wc1");
    assert_eq!(wc1.matches("from: phones").count(), 1, "{wc1}");
    assert!(!wc1.contains("4: 2"), "{wc1}");

    // A vote whose answer was lost on the way back (the phone gone before the laptop
    // answered) and sent again counts once too.
    let plain = Phone::join(port, &code, "").expect("join");
    let round = plain.round().expect("a round");
    let body = format!("k={}&r={round}&choice=4", plain.key);
    let mut s = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).expect("connect");
    s.write_all(
        format!(
            "POST /vote HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: application/json\r\nCookie: coprod_phone={}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
            plain.token,
            body.len()
        )
        .as_bytes(),
    )
    .expect("send");
    drop(s);
    record_when(&t, "the vote whose answer was lost", |r| {
        phone_counts(r, "wc1").contains("4: 2")
    });
    assert_eq!(plain.vote_in(&round, "4"), 200, "sent again");
    std::thread::sleep(Duration::from_millis(300));
    let record = kept(&t);
    let wc1 = phone_counts(&record, "wc1");
    assert!(wc1.contains("4: 2") && !wc1.contains("4: 3"), "{wc1}");

    drop(phone);
    keys(&mut p, "\u{1b}");
    std::thread::sleep(Duration::from_millis(100));
    keys(&mut p, "q");
    p.exp_eof().expect("coprod stops");
}

/// Phones voting with the plain prompts (`--plain --vote`), as a facilitator using a screen
/// reader runs it: the address and the code said as text, the count said when asked, a phone
/// put out by its number, `done` closing the round, cards added, the reveal said in words,
/// then the room's level.
#[test]
fn phones_vote_with_the_plain_prompts_said_in_words() {
    let t = Test::new();
    let mut p = pty(
        &t,
        &[
            "assess",
            "--plain",
            "--partnership",
            "P",
            "--date",
            "2026-11-12",
            "--room",
            "-o",
            "r.yaml",
            "--vote",
            "--vote-address",
            "127.0.0.1:0",
        ],
    );
    p.exp_string("Who is taking part?").expect("participants");
    p.send_line("").expect("none");
    p.exp_string("Level for WC1").expect("the level question");
    p.exp_string("Type a choice").expect("choice prompt");
    p.send_line("v").expect("vote");
    let (_, said) = p
        .exp_regex(r"Address: http://127\.0\.0\.1:[0-9]+\. Join code: [A-Z0-9]{5} \(spelled( [A-Z0-9]){5}\)")
        .expect("the address and the code, as text");
    let port: u16 = said
        .split("127.0.0.1:")
        .nth(1)
        .and_then(|r| r.split('.').next())
        .and_then(|n| n.parse().ok())
        .expect("a port");
    let code: String = said
        .split("Join code: ")
        .nth(1)
        .map(|r| r.chars().take(5).collect())
        .expect("a code");
    p.exp_string("Phones voting: Enter for how many have voted")
        .expect("the phones' prompt");

    // Phones vote while the prompt waits: each is told "saved" only once it is on disk.
    let phones: Vec<Phone> = (0..3)
        .map(|_| Phone::join(port, &code, "").expect("join"))
        .collect();
    for (phone, choice) in phones.iter().zip(["2", "4", "4"]) {
        assert_eq!(
            phone.vote(choice),
            200,
            "acknowledged while the prompt waits"
        );
    }
    let record = kept(&t);
    assert!(phone_counts(&record, "wc1").contains("4: 2"), "{record}");

    // Enter says how many, never how.
    p.send_line("").expect("how many");
    let before = p
        .exp_string("3 voted, of 3 phones joined.")
        .expect("the count in words");
    assert!(
        !before.contains("4: 2") && !before.contains("spread"),
        "{before}"
    );
    // A phone put out by the number on its page.
    assert!(phones[2].page().contains("You are phone 3."));
    p.send_line("p 3").expect("put out");
    p.exp_string("Phone 3 is out").expect("said");
    p.send_line("").expect("how many");
    p.exp_string("2 voted, of 2 phones joined.")
        .expect("the count");
    p.send_line("done").expect("close");
    p.exp_string("The phones' vote on WC1 is closed: 2 counted from phones.")
        .expect("closed");
    // Closed: a late vote is refused.
    assert_eq!(phones[0].vote_in("1", "3"), 409);

    // Cards for people without a phone: one chose 1, then Enter for none of the others.
    p.exp_string("How many chose 1 Not yet")
        .expect("first count");
    p.send_line("1").expect("one card");
    for _ in 0..6 {
        p.exp_string("How many chose").expect("a count");
        p.send_line("").expect("none");
    }
    let reveal = p
        .exp_string("Now choose the level the room agrees.")
        .expect("the reveal");
    assert!(
        reveal.contains("Saved the vote on WC1: 3 counted, spread 3.0 levels."),
        "{reveal}"
    );
    assert!(reveal.contains("talk about this"), "{reveal}");
    assert!(
        reveal.contains("Phones, no group given: 2: 1, 4: 1."),
        "{reveal}"
    );
    // Then the room agrees the level.
    p.exp_string("Type a choice").expect("choice prompt");
    p.send_line("3").expect("level");
    p.exp_string("Evidence notes for WC1").expect("saved");
    p.send_line("").expect("no evidence");
    p.exp_string("Add an action").expect("action question");
    p.send_line("n").expect("no action");
    p.exp_string("Level for WC2").expect("the next one");
    p.exp_string("Type a choice").expect("choice prompt");

    // Back on WC1, a second vote: the phones' earlier votes are asked about, in words.
    p.send_line("b").expect("back");
    p.exp_string("Level for WC1").expect("back on WC1");
    p.exp_string("Type a choice").expect("choice prompt");
    p.send_line("v").expect("vote again");
    p.exp_string(
        "2 phone votes on WC1 are in the record already, from the earlier vote on it. What now?",
    )
    .expect("the question about the earlier votes");
    p.exp_string("Type a choice").expect("choice prompt");
    p.send_line("r").expect("vote again");
    p.exp_string("Phones voting:").expect("the phones' prompt");
    let again = Phone::join(port, &code, "").expect("join");
    assert_eq!(again.vote("5"), 200);
    p.send_line("done").expect("close");
    p.exp_string("The phones' vote on WC1 is closed: 1 counted from phones.")
        .expect("this vote's replaced the earlier ones");
    for _ in 0..7 {
        p.exp_string("How many chose").expect("a count");
        p.send_line("").expect("as before");
    }
    p.exp_string("Phones, no group given: 5: 1.")
        .expect("the reveal");
    p.exp_string("Type a choice").expect("choice prompt");
    p.send_line("q").expect("quit");
    p.exp_eof().expect("coprod stops");
    assert!(TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_err());

    let record = std::fs::read_to_string(t.path().join("r.yaml")).expect("the record");
    let wc1 = phone_counts(&record, "wc1");
    assert!(wc1.starts_with("wc1\n  level: 3\n"), "{wc1}");
    assert!(
        wc1.contains("from: cards") && wc1.contains("from: phones"),
        "{wc1}"
    );
    assert!(!wc1.contains("4: "), "replaced by the second vote: {wc1}");
    assert!(wc1.contains("5: 1") && wc1.contains("1: 1"), "{wc1}");
    for phone in &phones {
        assert!(!record.contains(&phone.token));
    }
}

/// Starts a plain walk in Welsh with phones voting, for a workshop of two groups, opens the
/// phones' vote on the first indicator, and reads the address and the code from the Welsh
/// words that say them.
fn start_welsh(t: &Test) -> (PtySession, u16, String) {
    let mut p = crate::util::pty(
        t,
        &[
            "assess",
            "--plain",
            "--language",
            "cy",
            "--partnership",
            "P",
            "--date",
            "2026-11-12",
            "--groups",
            "parent-carers,health",
            "-o",
            "r.yaml",
            "--vote",
            "--vote-address",
            "127.0.0.1:0",
        ],
        false,
        TIMEOUT_MS,
    );
    p.exp_string("cymryd rhan?").expect("participants");
    p.send_line("").expect("none");
    p.exp_string("Teipiwch ddewis").expect("choice prompt");
    p.send_line("v").expect("vote");
    let (_, said) = p
        .exp_regex(r"Cyfeiriad: http://127\.0\.0\.1:[0-9]+\. Cod ymuno: [A-Z0-9]{5}")
        .expect("the address and the code, in Welsh");
    let port: u16 = said
        .split("127.0.0.1:")
        .nth(1)
        .and_then(|r| r.split('.').next())
        .and_then(|n| n.parse().ok())
        .expect("a port");
    let code: String = said
        .chars()
        .rev()
        .take(5)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    p.exp_string("Ffonau'n pleidleisio:")
        .expect("the phones' prompt");
    (p, port, code)
}

/// Closes the phones' round and stops the Welsh walk of [`start_welsh`].
fn stop_welsh(mut p: PtySession) {
    p.send_line("done").expect("close");
    for _ in 0..7 {
        p.exp_string("Faint ddewisodd").expect("a count");
        p.send_line("").expect("none");
    }
    p.exp_string("Teipiwch ddewis").expect("choice prompt");
    p.send_line("q").expect("quit");
    p.exp_eof().expect("coprod stops");
}

/// A vote sent as the page's script sends it: the status and the JSON answer's message.
fn vote_answer(port: u16, phone: &Phone, round: &str, choice: &str) -> (u16, String) {
    let body = format!("k={}&r={round}&choice={choice}", phone.key);
    let (status, _, answer) = send(
        port,
        format!(
            "POST /vote HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: application/json\r\nCookie: coprod_phone={}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
            phone.token,
            body.len()
        )
        .as_bytes(),
    );
    let value: serde_json::Value = serde_json::from_str(&answer).unwrap_or_default();
    (
        status,
        value["message"].as_str().unwrap_or_default().to_string(),
    )
}

/// In a walk in Welsh the phone pages are Welsh: `lang="cy"`, the join form, its refusals, the
/// vote page's own words, the script's words, the group's name and what a vote answers; a
/// phone that switches to English gets the pages in English.
#[test]
fn the_phone_pages_follow_the_walk_into_welsh() {
    let t = Test::new();
    let (p, port, code) = start_welsh(&t);

    let (status, _, join) = send(
        port,
        format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n").as_bytes(),
    );
    assert_eq!(status, 200);
    for welsh in [
        "<html lang=\"cy\">",
        "<title>Ymuno â&#39;r bleidlais</title>",
        "<h1>Pleidleisio o&#39;ch ffôn</h1>",
        "Mae eich pleidlais yn breifat",
        "Cod ymuno <span class=\"hint\">(ar y sgrin yn y blaen)</span>",
        "Ym mha grŵp ydych chi?",
        ">Byddai&#39;n well gen i beidio â dweud</label>",
        ">Rhieni-ofalwyr</label>",
        ">Iechyd</label>",
        ">Ymuno</button>",
    ] {
        assert!(join.contains(welsh), "{welsh} not in {join}");
    }
    let english = [
        "lang=\"en",
        "Join",
        "Vote",
        "private",
        "Which group",
        "rather not",
        "Parent carers",
        "Health",
    ];
    for word in english {
        assert!(!join.contains(word), "{word} in {join}");
    }
    assert!(Phone::join(port, "WRONG", "").is_none());
    let body = "code=WRONG&group=";
    let (status, _, wrong) = send(
        port,
        format!(
            "POST /join HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .as_bytes(),
    );
    assert_eq!(status, 403);
    assert!(wrong.contains("Nid dyna&#39;r cod ymuno."), "{wrong}");

    let phone = Phone::join(port, &code, "health").expect("join");
    let page = phone.page();
    for welsh in [
        "<html lang=\"cy\">",
        "<title>Pleidleisio ar WC1</title>",
        "<h1>Pleidleisio ar WC1</h1>",
        "Dydych chi ddim wedi pleidleisio ar yr un hwn eto.",
        "<legend>Dewiswch y lefel sy&#39;n gweddu orau yn eich barn chi</legend>",
        "<span class=\"label\">Ddim yn berthnasol</span>",
        "<span class=\"label\">Ddim yn gwybod</span>",
        "Chi yw ffôn 1.",
        "Fe wnaethoch chi ymuno fel: Iechyd.",
        "Iaith y cwestiynau:",
        "data-sending=\"Yn anfon…\"",
        "data-retrying=\"Heb ei hanfon eto — yn rhoi cynnig arall…\"",
        "data-not-taken=\"Ni dderbyniwyd eich pleidlais.",
    ] {
        assert!(page.contains(welsh), "{welsh} not in {page}");
    }
    for word in [
        "lang=\"en-GB\">",
        "Vote on",
        "Not applicable",
        "Don&#39;t know",
        "You are phone",
        "You joined",
        "Language of the questions",
        "Sending",
        "not voted",
    ] {
        assert!(!page.contains(word), "{word} in {page}");
    }
    // The language buttons name each language in itself, tagged with it.
    assert!(page.contains("lang=\"en-GB\" aria-describedby=\"lang-label\">English</button>"));

    let round = phone.round().expect("a round");
    let (status, said) = vote_answer(port, &phone, &round, "2");
    assert_eq!(status, 200, "{said}");
    assert_eq!(
        said,
        "Mae eich pleidlais wedi'i chadw: 2 Yn dechrau. Gallwch ei newid nes i'r bleidlais gau."
    );
    assert!(
        phone.page().contains(
            "Eich pleidlais: <strong lang=\"cy\">2 Yn dechrau</strong>. Gallwch ei newid"
        ),
        "{}",
        phone.page()
    );
    let (status, said) = vote_answer(port, &phone, "999", "3");
    assert_eq!(status, 409, "{said}");
    assert_eq!(
        said,
        "Mae'r bleidlais honno wedi cau, felly ni chafodd eich dewis ei gyfrif."
    );
    let (status, _, missing) = send(
        port,
        format!("GET /nowhere HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n").as_bytes(),
    );
    assert_eq!(status, 404);
    assert!(missing.contains("<h1>Dim byd yma</h1>"), "{missing}");
    assert!(missing.contains(">Yn ôl i&#39;r dechrau</a>"), "{missing}");

    // The phone chooses English: the whole page follows.
    let body = format!("k={}&l=1", phone.key);
    let (status, _, _) = send(
        port,
        format!(
            "POST /language HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: coprod_phone={}\r\nContent-Length: {}\r\n\r\n{body}",
            phone.token,
            body.len()
        )
        .as_bytes(),
    );
    assert_eq!(status, 303);
    let page = phone.page();
    for english in [
        "<html lang=\"en-GB\">",
        "<h1>Vote on WC1</h1>",
        "You are phone 1.",
        "You joined as: Health.",
        "Your vote: <strong lang=\"en-GB\">2 Emerging</strong>",
        "<span class=\"label\">Not applicable</span>",
    ] {
        assert!(page.contains(english), "{english} not in {page}");
    }
    assert!(!page.contains("Pleidleisio ar"), "{page}");
    let (_, said) = vote_answer(port, &phone, &round, "na");
    assert_eq!(
        said,
        "Your vote is saved: Not applicable. You can change it until the vote closes."
    );
    stop_welsh(p);
}

/// The phone pages in Welsh in a real browser: the words the script writes are Welsh, and the
/// join and vote pages pass axe-core's WCAG 2.2 A and AA rules in Welsh too.
#[test]
fn the_phone_pages_in_welsh_in_a_real_browser_pass_axe_core() {
    let Some((chromium, chromedriver)) = browser() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI installs chromium and chromium-driver, but they are missing"
        );
        eprintln!("SKIPPED: the headless browser test needs Debian's chromium and chromium-driver");
        return;
    };
    let t = Test::new();
    let (p, port, code) = start_welsh(&t);
    let driver = start_driver(&chromedriver);
    let base = format!("http://127.0.0.1:{port}");
    let on = Browser::open(&driver, &chromium, true);
    let check = |what: &str| match axe() {
        Some(source) => {
            on.script(&source);
            let result = on.cmd(
                "POST",
                "/execute/async",
                Some(serde_json::json!({"script":
                    "const done = arguments[arguments.length - 1];\
                     axe.run(document, {runOnly: {type: 'tag', values: \
                     ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})\
                     .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' ' + \
                     v.nodes.map(n => n.html).join(' | '))))\
                     .catch(e => done(['axe failed: ' + e]));",
                    "args": []})),
            );
            assert_eq!(
                result,
                serde_json::json!([]),
                "accessibility violations on {what}"
            );
        }
        None => {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI installs axe-core from npm, but it is missing"
            );
            eprintln!(
                "SKIPPED the accessibility check: npm install --prefix target/npm axe-core@4"
            );
        }
    };
    on.go(&format!("{base}/?code={code}"));
    on.wait_text("h1", "Pleidleisio o'ch ffôn");
    assert_eq!(
        on.script("return document.documentElement.lang"),
        serde_json::json!("cy")
    );
    check("the join page in Welsh");
    on.click("button.primary");
    on.wait_url("/vote");
    on.wait_text("h1", "Pleidleisio ar WC1");
    check("the vote page in Welsh");
    on.click("button.pick[value=\"3\"]");
    on.wait_text("#status", "Mae eich pleidlais wedi'i chadw: 3 Datblygu.");
    check("the vote page in Welsh with a vote saved");
    drop(on);
    drop(driver);
    stop_welsh(p);
}
