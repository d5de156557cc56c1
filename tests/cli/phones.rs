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

/// Starts coprod in a pseudo-terminal of 120 columns and 40 rows (a projector's), set with
/// `stty` before coprod starts, so that the screen draws its text.
fn pty(t: &Test, args: &[&str]) -> PtySession {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("stty rows 40 cols 120 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_coprod"))
        .args(args)
        .current_dir(t.path())
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", t.path())
        .env("TERM", "xterm-256color")
        .env("NO_COLOR", "1");
    rexpect::session::spawn_command(cmd, Some(TIMEOUT_MS))
        .expect("start coprod in a pseudo-terminal")
}

/// What the screen has written since last read, after a moment for it to redraw.
fn drain(p: &mut PtySession) -> String {
    std::thread::sleep(Duration::from_millis(400));
    let mut out = String::new();
    while let Some(c) = p.try_read() {
        out.push(c);
    }
    out
}

fn keys(p: &mut PtySession, text: &str) {
    p.send(text).expect("send keys");
    p.flush().expect("flush keys");
}

/// One HTTP exchange with the vote server on loopback: status, headers and body.
pub fn send(port: u16, raw: &[u8]) -> (u16, String, String) {
    let mut s = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).expect("connect to the server");
    s.set_read_timeout(Some(Duration::from_secs(15)))
        .expect("timeout");
    s.write_all(raw).expect("send the request");
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
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
        let text = std::fs::read_to_string(t.path().join("r.yaml")).unwrap_or_default();
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

/// The phones' tallies of one indicator in a record, as (group, level, count) lines.
fn phone_counts(record: &str, id: &str) -> String {
    let text = record
        .split("- indicator: ")
        .find(|a| a.starts_with(&format!("{id}\n")))
        .unwrap_or_default();
    text.to_string()
}

#[test]
fn phones_join_vote_change_and_the_record_keeps_counts_only() {
    let t = Test::new();
    let (mut p, port, code) = start(&t);

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
    // A vote off the scale, or from another page (without the phone's key), is refused.
    assert_eq!(phones[1].vote("9"), 400);
    let forged = Phone {
        port,
        token: phones[1].token.clone(),
        key: "not-the-key".into(),
    };
    assert_eq!(forged.vote("1"), 403);

    let record = record_when(&t, "30 phone votes", |r| r.contains("from: phones"));
    let wc1 = phone_counts(&record, "wc1");
    assert!(
        wc1.contains("group: parent-carers\n    levels:\n      1: 9\n      2: 1\n"),
        "{wc1}"
    );
    assert!(
        wc1.contains("group: health\n    levels:\n      4: 10\n"),
        "{wc1}"
    );
    assert!(wc1.contains("levels:\n      3: 10\n"), "{wc1}");
    for phone in &phones {
        assert!(!record.contains(&phone.token) && !record.contains(&phone.key));
    }
    assert!(!record.contains("127.0.0.1"));

    // Until the reveal the screen shows how many, never how.
    let before = drain(&mut p);
    assert!(before.contains("30"), "the count on screen: {before}");
    assert!(
        !before.contains("Phones, "),
        "no phone's choice before the reveal: {before}"
    );
    // A card vote typed in by the facilitator adds to the phones'; Enter reveals.
    keys(&mut p, "2\r");
    // (A pseudo-terminal sees only the cells that changed, so words come with cursor moves
    // between them; the screen itself is pinned by the TestBackend tests.)
    p.exp_regex("32 counted[^\n]*TALK ABOUT THIS")
        .expect("the total and the flag");
    p.exp_regex("Phones,[^\n]*Health:[^\n]*4:[^\n]*10")
        .expect("the reveal by group");
    // The round is closed: a late vote is refused.
    let round = phones[2].round().unwrap_or_else(|| "1".into());
    assert_eq!(phones[2].vote_in(&round, "1"), 409);

    // Each group agrees a level, the screen moves to the next indicator, its vote opens.
    keys(&mut p, "3");
    std::thread::sleep(Duration::from_millis(200));
    keys(&mut p, "4");
    std::thread::sleep(Duration::from_millis(200));
    keys(&mut p, "v");
    let deadline = Instant::now() + Duration::from_secs(10);
    while phones[3].round().is_none_or(|r| r == round) {
        assert!(Instant::now() < deadline, "the next round opens for phones");
        std::thread::sleep(Duration::from_millis(50));
    }
    // A vote acknowledged is on disk: killed at once, coprod keeps it.
    assert_eq!(phones[3].vote("5"), 200);
    p.process_mut().kill(Signal::SIGKILL).expect("kill coprod");
    let record = std::fs::read_to_string(t.path().join("r.yaml")).expect("the record");
    let wc2 = phone_counts(&record, "wc2");
    assert!(
        wc2.contains("from: phones") && wc2.contains("5: 1"),
        "{wc2}"
    );
    // And the server went with it.
    assert!(TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_err());
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
    let _ = code;
    keys(&mut p, "\u{1b}");
    std::thread::sleep(Duration::from_millis(100));
    keys(&mut p, "q");
    p.exp_eof().expect("coprod stops");
    // When coprod stops, so does the server.
    assert!(TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_err());
}
