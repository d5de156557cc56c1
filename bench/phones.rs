//! Voting from phones under load: the real `coprod assess --vote` in a pseudo-terminal, its
//! server on the loopback address, and 200 simulated phones (threads with plain HTTP requests)
//! each voting on all 24 indicators of the built-in framework, one round after another as a
//! facilitator would open them. Reports the latency of a vote (sent until "saved" comes back,
//! which is after the record is on disk), the server's memory, and checks that every
//! acknowledged vote is in the record.
//!
//! Run with `cargo bench --bench phones` (not while others build: it is a load test). Figures
//! are in docs/performance.md. Traffic goes to 127.0.0.1 only.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, TcpStream};
use std::process::Command;
use std::time::{Duration, Instant};

use rexpect::session::PtySession;

const PHONES: usize = 200;
const INDICATORS: usize = 24;

fn send(port: u16, raw: &[u8]) -> (u16, String) {
    let Ok(mut s) = TcpStream::connect((Ipv4Addr::LOCALHOST, port)) else {
        return (0, String::new());
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(20)));
    if s.write_all(raw).is_err() {
        return (0, String::new());
    }
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let text = String::from_utf8_lossy(&out).into_owned();
    let status = text.get(9..12).and_then(|c| c.parse().ok()).unwrap_or(0);
    (status, text)
}

fn post(port: u16, path: &str, cookie: &str, body: &str) -> (u16, String) {
    send(
        port,
        format!(
            "POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: application/json\r\n\
             Cookie: coprod_phone={cookie}\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .as_bytes(),
    )
}

fn get(port: u16, path: &str, cookie: &str) -> String {
    send(
        port,
        format!(
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: coprod_phone={cookie}\r\n\r\n"
        )
        .as_bytes(),
    )
    .1
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    text.split(start).nth(1)?.split(end).next()
}

fn keys(p: &mut PtySession, text: &str) {
    p.send(text).expect("send keys");
    p.flush().expect("flush keys");
}

/// The coprod process working in `dir`.
fn coprod_pid(dir: &std::path::Path) -> Option<u32> {
    let want = dir.canonicalize().ok()?;
    std::fs::read_dir("/proc").ok()?.flatten().find_map(|e| {
        let pid: u32 = e.file_name().to_str()?.parse().ok()?;
        let comm = std::fs::read_to_string(e.path().join("comm")).ok()?;
        let cwd = std::fs::read_link(e.path().join("cwd")).ok()?;
        (comm.trim() == "coprod" && cwd == want).then_some(pid)
    })
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

fn main() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("stty rows 40 cols 120 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_coprod"))
        .args([
            "assess",
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
        ])
        .current_dir(dir.path())
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", dir.path())
        .env("TERM", "xterm-256color")
        .env("NO_COLOR", "1");
    let mut p = rexpect::session::spawn_command(cmd, Some(30_000)).expect("start coprod");
    p.exp_string("Who is taking part?").expect("participants");
    std::thread::sleep(Duration::from_millis(60));
    keys(&mut p, "\r");
    p.exp_string("\u{1b}[?1049h").expect("the full screen");
    std::thread::sleep(Duration::from_millis(100));
    keys(&mut p, "v");
    let (_, found) = p.exp_regex(r"http://127\.0\.0\.1:[0-9]+").expect("address");
    let port: u16 = found
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("port");
    let (_, found) = p
        .exp_regex(r"code (\x1b\[[0-9;]*m)*[A-Z0-9]{5}")
        .expect("code");
    let code: String = found[found.len() - 5..].to_string();
    let pid = coprod_pid(dir.path()).expect("coprod's process");
    let rss_before = rss_kib(pid);

    // Everyone joins.
    let phones: Vec<(String, String)> = (0..PHONES)
        .map(|_| {
            let (status, head) = post(port, "/join", "", &format!("code={code}"));
            assert_eq!(status, 303, "join");
            let token = between(&head, "coprod_phone=", ";")
                .expect("cookie")
                .to_string();
            let page = get(port, "/vote", &token);
            let key = between(&page, "name=\"k\" value=\"", "\"")
                .expect("key")
                .to_string();
            (token, key)
        })
        .collect();

    let mut latencies: Vec<Duration> = Vec::new();
    let mut retries = 0usize;
    let mut expected: Vec<[u32; 5]> = Vec::new();
    // Each round: its number, its slowest vote, how long its votes took in all.
    let mut rounds: Vec<(usize, Duration, Duration)> = Vec::new();
    let started = Instant::now();
    for round_index in 0..INDICATORS {
        if round_index > 0 {
            keys(&mut p, "v");
        }
        // Wait for the round to open for the phones.
        let (token0, _) = &phones[0];
        let deadline = Instant::now() + Duration::from_secs(10);
        let round = loop {
            let page = get(port, "/vote", token0);
            if let Some(r) = between(&page, "name=\"r\" value=\"", "\"")
                && r.parse::<usize>().ok() != Some(round_index)
            {
                break r.to_string();
            }
            assert!(
                Instant::now() < deadline,
                "round {round_index} did not open"
            );
            std::thread::sleep(Duration::from_millis(10));
        };
        let round_started = Instant::now();
        let mut counts = [0u32; 5];
        let results: Vec<(Duration, usize, usize)> = std::thread::scope(|s| {
            let handles: Vec<_> = phones
                .iter()
                .enumerate()
                .map(|(i, (token, key))| {
                    let round = round.clone();
                    s.spawn(move || {
                        let level = 1 + (i + round_index) % 5;
                        let body = format!("k={key}&r={round}&choice={level}");
                        let mut tries = 0;
                        loop {
                            let t = Instant::now();
                            let (status, _) = post(port, "/vote", token, &body);
                            let took = t.elapsed();
                            if status == 200 {
                                return (took, tries, level);
                            }
                            tries += 1;
                            assert!(tries < 50, "vote {i} not taken: {status}");
                            std::thread::sleep(Duration::from_millis(20));
                        }
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("phone"))
                .collect()
        });
        let slowest = results.iter().map(|r| r.0).max().unwrap_or_default();
        rounds.push((round_index, slowest, round_started.elapsed()));
        for (took, tries, level) in results {
            latencies.push(took);
            retries += tries;
            counts[level - 1] += 1;
        }
        expected.push(counts);
        // Reveal, agree 3, on to the next indicator.
        keys(&mut p, "\r");
        std::thread::sleep(Duration::from_millis(50));
        keys(&mut p, "3");
        std::thread::sleep(Duration::from_millis(50));
    }
    let elapsed = started.elapsed();
    let rss_after = rss_kib(pid);
    std::thread::sleep(Duration::from_millis(300));
    keys(&mut p, "q");
    let _ = p.exp_eof();

    // Every acknowledged vote is in the record.
    let record = std::fs::read_to_string(dir.path().join("r.yaml")).expect("record");
    let mut lost = 0u64;
    for (i, counts) in expected.iter().enumerate() {
        let id = ["wc", "vi", "cm", "wp"][i / 6].to_string() + &(i % 6 + 1).to_string();
        let answer = record
            .split("- indicator: ")
            .find(|a| a.starts_with(&format!("{id}\n")))
            .unwrap_or_default();
        for (l, n) in counts.iter().enumerate() {
            if *n > 0 && !answer.contains(&format!("      {}: {n}\n", l + 1)) {
                lost += u64::from(*n);
            }
        }
    }
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() as f64 - 1.0) * q).round() as usize];
    println!(
        "{} phones x {} indicators: {} votes acknowledged in {:.1} s ({:.0} votes/s), {} retried after 503",
        PHONES,
        INDICATORS,
        latencies.len(),
        elapsed.as_secs_f64(),
        latencies.len() as f64 / elapsed.as_secs_f64(),
        retries
    );
    println!(
        "vote latency: median {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        at(0.5).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        at(1.0).as_secs_f64() * 1e3
    );
    println!(
        "coprod's peak memory (VmHWM): {} KiB after the screen opened, {} KiB after every vote",
        rss_before, rss_after
    );
    rounds.sort_by_key(|r| std::cmp::Reverse(r.1));
    let shown: Vec<String> = rounds
        .iter()
        .take(3)
        .map(|(i, slowest, all)| {
            format!(
                "round {} (slowest vote {:.1} ms, all its votes in {:.1} ms)",
                i + 1,
                slowest.as_secs_f64() * 1e3,
                all.as_secs_f64() * 1e3
            )
        })
        .collect();
    println!("slowest rounds: {}", shown.join(", "));
    println!("votes acknowledged but missing from the record: {lost}");
    assert_eq!(lost, 0, "no acknowledged vote is lost");
}
