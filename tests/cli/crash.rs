//! Crash safety: `coprod assess --plain` is killed with SIGKILL at many random moments while
//! answers are typed ahead as fast as they can be sent, so kills land at prompts, between
//! prompts and in the middle of saves. After every kill the record on disk must parse, and it
//! must hold every answer coprod acknowledged (by showing the next question) before it died.
//!
//! The moments come from a fixed-seed generator, so a failure can be replayed; set
//! `COPROD_CRASH_SEED` to try other moments.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use rexpect::process::{Signal, WaitStatus};
use rexpect::session::PtySession;

use crate::util::{Test, is_temporary};

/// At least this many kills must land on a running coprod.
const KILLS: usize = 60;
/// Stop starting new sessions after this long (the test must stay well under a minute).
const TIME_BUDGET: Duration = Duration::from_secs(40);

const IDS: [&str; 24] = [
    "wc1", "wc2", "wc3", "wc4", "wc5", "wc6", "vi1", "vi2", "vi3", "vi4", "vi5", "vi6", "cm1",
    "cm2", "cm3", "cm4", "cm5", "cm6", "wp1", "wp2", "wp3", "wp4", "wp5", "wp6",
];

/// xorshift64*: small, fast and good enough to spread the kills.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// What one indicator will be answered with in one session.
#[derive(Debug, Clone)]
struct Plan {
    /// `1`..`5`, or `n` for not applicable.
    level: String,
    evidence: String,
    actions: Vec<String>,
}

impl Plan {
    fn random(rng: &mut Rng, session: usize, id: &str) -> Self {
        let level = ["1", "2", "3", "4", "5", "n"][rng.below(6) as usize].to_string();
        let evidence = if rng.below(2) == 0 {
            String::new()
        } else {
            format!("note {session} for {id}")
        };
        let actions = (0..[0, 0, 1, 2][rng.below(4) as usize])
            .map(|k| format!("action {k} of session {session} for {id}"))
            .collect();
        Self {
            level,
            evidence,
            actions,
        }
    }

    /// The lines typed for this indicator in plain mode.
    fn lines(&self) -> Vec<String> {
        let mut lines = vec![self.level.clone(), self.evidence.clone()];
        for what in &self.actions {
            lines.extend(["y".to_string(), what.clone(), String::new(), String::new()]);
        }
        lines.push("n".to_string());
        lines
    }
}

/// What coprod acknowledged for one indicator, across sessions.
#[derive(Debug, Clone, Default)]
struct Acked {
    level: Option<String>,
    evidence: Option<String>,
    actions: Vec<String>,
}

/// What the output shows was saved, in order.
#[derive(Debug, PartialEq, Eq)]
enum Ack {
    /// The evidence question appeared: the level was saved.
    Level(String),
    /// The action question appeared: the evidence (if any) was saved.
    Evidence(String),
    /// "Action saved." appeared for the indicator whose evidence question came last.
    Action(String),
    /// The owner question appeared: what the action will do was saved as a draft.
    Draft(String),
}

fn acks(output: &str) -> Vec<Ack> {
    let mut found: Vec<(usize, Ack)> = Vec::new();
    let id_after = |at: usize| -> String {
        output[at..]
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_lowercase()
    };
    for (marker, make) in [
        ("Evidence notes for ", Ack::Level as fn(String) -> Ack),
        ("Add an action for ", Ack::Evidence),
    ] {
        for (at, _) in output.match_indices(marker) {
            found.push((at, make(id_after(at + marker.len()))));
        }
    }
    for (at, _) in output.match_indices("Action saved.") {
        found.push((at, Ack::Action(String::new())));
    }
    for (at, _) in output.match_indices("Who owns it?") {
        found.push((at, Ack::Draft(String::new())));
    }
    found.sort_by_key(|(at, _)| *at);
    let mut current = String::new();
    found
        .into_iter()
        .map(|(_, ack)| match ack {
            Ack::Level(id) => {
                current.clone_from(&id);
                Ack::Level(id)
            }
            Ack::Action(_) => Ack::Action(current.clone()),
            Ack::Draft(_) => Ack::Draft(current.clone()),
            other => other,
        })
        .collect()
}

fn start(t: &Test, file: &str, resume: bool) -> PtySession {
    let args: &[&str] = if resume {
        &["assess", "--plain", "--resume", file]
    } else {
        &[
            "assess",
            "--plain",
            "--partnership",
            "Crash Test Partnership",
            "--date",
            "2026-11-12",
            "--room",
            "-o",
            file,
        ]
    };
    crate::util::pty(t, args, false, 10_000)
}

/// The record as `coprod report --format json` sees it: per indicator, its level (`n` for
/// not applicable), evidence and actions.
fn on_disk(t: &Test, file: &str) -> BTreeMap<String, Acked> {
    let out = t.run_args(&["report", file, "--format", "json"]);
    assert_eq!(
        out.code,
        0,
        "the record must parse after SIGKILL:\n{}\n--- record\n{}",
        out.stderr,
        t.read(file)
    );
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON report");
    let mut answers: BTreeMap<String, Acked> = BTreeMap::new();
    for section in json["sections"].as_array().expect("sections") {
        for indicator in section["indicators"].as_array().expect("indicators") {
            let id = indicator["id"].as_str().expect("id").to_string();
            let response = &indicator["responses"][0];
            let level = if response["not_applicable"] == true {
                Some("n".to_string())
            } else {
                response["level"].as_u64().map(|v| v.to_string())
            };
            let evidence = response["evidence"].as_str().map(str::to_string);
            answers.insert(
                id,
                Acked {
                    level,
                    evidence,
                    actions: Vec::new(),
                },
            );
        }
    }
    for action in json["actions"].as_array().expect("actions") {
        let id = action["indicator"].as_str().expect("indicator");
        let what = action["what"].as_str().expect("what").to_string();
        answers
            .entry(id.to_string())
            .or_default()
            .actions
            .push(what);
    }
    answers
}

/// Leftover temporary files of interrupted saves: expected after SIGKILL (nothing can clean up
/// after it); counted to show how many kills landed in the middle of a save, then removed.
fn take_temporary_files(t: &Test) -> usize {
    let mut n = 0;
    for entry in std::fs::read_dir(t.path()).expect("read folder").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_temporary(&name) {
            std::fs::remove_file(entry.path()).expect("remove temporary file");
            n += 1;
        }
    }
    n
}

#[test]
fn sigkill_at_random_moments_never_loses_an_acknowledged_answer() {
    let seed = std::env::var("COPROD_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x00C0_FFEE_D00D_u64);
    let mut rng = Rng(seed | 1);
    let t = Test::new();
    let began = Instant::now();

    let mut kills = 0;
    let mut finished = 0;
    let mut mid_save = 0;
    let mut records = 0;
    let mut checked_answers = 0;
    let mut drafted = 0;
    let mut checked_drafts = 0;
    let mut file = String::new();
    let mut acked: BTreeMap<String, Acked> = BTreeMap::new();
    // How long a session takes per typed line (learnt from sessions that finish before their
    // kill), so the kills spread over the whole of each session.
    let mut per_line = Duration::from_millis(2);

    for session in 0.. {
        if kills >= KILLS || (began.elapsed() > TIME_BUDGET && kills >= 50) {
            break;
        }
        assert!(
            began.elapsed() < TIME_BUDGET * 4,
            "only {kills} kills in {:?}",
            began.elapsed()
        );
        // Resume the current record while it has unanswered indicators; else start another.
        let existing = if file.is_empty() || !t.path().join(&file).exists() {
            None
        } else {
            Some(on_disk(&t, &file))
        };
        let next = existing.as_ref().map_or(0, |answers| {
            IDS.iter()
                .position(|id| answers.get(*id).is_none_or(|a| a.level.is_none()))
                .unwrap_or(IDS.len())
        });
        let resume = existing.is_some() && next < IDS.len();
        if !resume && (existing.is_some() || file.is_empty()) {
            records += 1;
            file = format!("r{records}.yaml");
            acked.clear();
        }
        let plans: Vec<(String, Plan)> = IDS[if resume { next } else { 0 }..]
            .iter()
            .map(|id| (id.to_string(), Plan::random(&mut rng, session, id)))
            .collect();
        let mut lines: Vec<String> = Vec::new();
        if !resume {
            lines.push(String::new()); // Who is taking part? (nobody named)
        }
        for (_, plan) in &plans {
            lines.extend(plan.lines());
        }

        // Type ahead in bursts, and kill at a random moment of the session.
        let expected = per_line * u32::try_from(lines.len()).expect("a few hundred lines");
        let deadline = Duration::from_micros(rng.below(expected.as_micros() as u64 + 1));
        let mut p = start(&t, &file, resume);
        let started = Instant::now();
        let mut sent = 0;
        let mut ended = None;
        while started.elapsed() < deadline {
            if sent < lines.len() {
                let burst = 1 + rng.below(12) as usize;
                let end = (sent + burst).min(lines.len());
                let mut chunk = lines[sent..end].join("\n");
                chunk.push('\n');
                p.send(&chunk).expect("type answers");
                p.flush().expect("flush");
                sent = end;
            } else if let Some(status) = p.process().status()
                && status != WaitStatus::StillAlive
            {
                // Everything was typed and coprod finished before its moment came.
                ended = Some(status);
                break;
            }
            std::thread::sleep(Duration::from_micros(rng.below(3_000)));
        }
        let status = match ended {
            Some(status) => status,
            None => {
                p.process_mut().signal(Signal::SIGKILL).expect("kill");
                p.process().wait().expect("wait for coprod")
            }
        };
        let output = p.exp_eof().unwrap_or_default();
        match status {
            WaitStatus::Signaled(_, Signal::SIGKILL, _) => kills += 1,
            WaitStatus::Exited(_, 0) => {
                finished += 1;
                let lines = u32::try_from(lines.len()).expect("a few hundred lines");
                per_line = per_line.max(started.elapsed() / lines);
            }
            other => panic!("coprod ended unexpectedly: {other:?}\n{output}"),
        }
        mid_save += take_temporary_files(&t);

        // Everything acknowledged in this session, added to what earlier sessions had.
        let plan_of = |id: &str| plans.iter().find(|(i, _)| i == id).map(|(_, p)| p);
        // Drafts acknowledged and not then saved as actions: (indicator, what was typed).
        let mut drafts: BTreeMap<String, String> = BTreeMap::new();
        for ack in acks(&output) {
            match ack {
                Ack::Level(id) => {
                    let plan = plan_of(&id).expect("a planned indicator");
                    acked.entry(id).or_default().level = Some(plan.level.clone());
                }
                Ack::Evidence(id) => {
                    let plan = plan_of(&id).expect("a planned indicator");
                    if !plan.evidence.is_empty() {
                        acked.entry(id).or_default().evidence = Some(plan.evidence.clone());
                    }
                }
                Ack::Action(id) => {
                    let plan = plan_of(&id).expect("a planned indicator");
                    drafts.remove(&id);
                    let a = acked.entry(id).or_default();
                    let what = plan
                        .actions
                        .get(a.actions.len())
                        .expect("no more actions acknowledged than typed")
                        .clone();
                    a.actions.push(what);
                }
                Ack::Draft(id) => {
                    let plan = plan_of(&id).expect("a planned indicator");
                    let done = acked.get(&id).map_or(0, |a| a.actions.len());
                    let what = plan
                        .actions
                        .get(done)
                        .expect("no more drafts acknowledged than actions typed")
                        .clone();
                    drafts.insert(id, what);
                    drafted += 1;
                }
            }
        }

        if !t.path().join(&file).exists() {
            assert!(
                acked.is_empty() && !output.contains("Saving to"),
                "session {session}: {file} is missing although coprod said it saved:\n{output}"
            );
            continue;
        }
        let disk = on_disk(&t, &file);
        // Every draft acknowledged before the kill is on disk: still a draft, or saved since.
        let text = t.read(&file);
        for (id, what) in &drafts {
            assert!(
                text.contains(what.as_str()),
                "session {session} (seed {seed}): the draft “{what}” of {id} is not in {file}\n--- output\n{output}\n--- record\n{text}"
            );
            checked_drafts += 1;
        }
        // Nothing on disk that was never typed: every indicator of this session holds its
        // planned answer, or a part of it, or nothing.
        for (id, plan) in &plans {
            let have = disk.get(id).cloned().unwrap_or_default();
            let want_evidence = (!plan.evidence.is_empty()).then(|| plan.evidence.clone());
            assert!(
                have.level.as_ref().is_none_or(|l| *l == plan.level)
                    && (have.evidence.is_none() || have.evidence == want_evidence)
                    && have.actions.iter().all(|a| plan.actions.contains(a)),
                "session {session} (seed {seed}): {id} in {file} holds {have:?}, planned {plan:?}"
            );
        }
        for (id, want) in &acked {
            let have = disk.get(id).cloned().unwrap_or_default();
            let context = || {
                format!(
                    "session {session} (seed {seed}): {id} in {file}\nacknowledged: {want:?}\non disk: {have:?}\n--- output\n{output}\n--- record\n{}",
                    t.read(&file)
                )
            };
            if want.level.is_some() {
                assert_eq!(have.level, want.level, "{}", context());
                checked_answers += 1;
            }
            if want.evidence.is_some() {
                assert_eq!(have.evidence, want.evidence, "{}", context());
            }
            assert!(
                have.actions.len() >= want.actions.len()
                    && want.actions.iter().all(|w| have.actions.contains(w)),
                "{}",
                context()
            );
        }
    }
    eprintln!(
        "crash test: {kills} kills ({mid_save} left a half-done save behind), {finished} sessions \
         finished before their kill, {records} records, {checked_answers} acknowledged levels \
         checked, {drafted} drafts acknowledged and {checked_drafts} of them cut short by the kill \
         found on disk, in {:?} (seed {seed})",
        began.elapsed()
    );
    assert!(kills >= 50, "only {kills} kills landed");
}

#[test]
fn acknowledgements_are_read_from_the_output() {
    let output = "Level for WC1\nType a choice and press Enter: Enter keeps or skips\n\
                  Evidence notes for WC1 (optional): Add an action for WC1? [y/N]: \
                  What will be done?: Who owns it? (optional): Due date, YYYY-MM-DD (optional): \
                  Action saved.\nAdd another action for WC1? [y/N]: Level for WC2\n\
                  Evidence notes for WC2 (optional): ";
    assert_eq!(
        acks(output),
        vec![
            Ack::Level("wc1".into()),
            Ack::Evidence("wc1".into()),
            Ack::Draft("wc1".into()),
            Ack::Action("wc1".into()),
            Ack::Level("wc2".into()),
        ]
    );
}
