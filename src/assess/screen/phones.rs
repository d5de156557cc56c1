//! The workshop screen's side of voting from phones (`coprod assess --vote`): opening the
//! vote screen opens a round for the phones, leaving its counting closes it, and the phones'
//! votes go into the record (as counts, one tally per group, beside the cards') as they come,
//! so that a phone is told "saved" only once the record on disk has its vote. While a round is
//! open the screen shows how many have voted, never how; the reveal adds them to the cards.

use ratatui::text::{Line, Span};

use crate::assess::{Save, answer_mut};
use crate::error::Error;
use crate::record::{Answer, Tally, VoteSource};
use crate::score::votes::Distribution;

use super::state::{Action, EditKey, State};
use super::text::{width, wrap};
use super::vote::{Stage, VoteForm};

impl State<'_> {
    /// Opens a round for the phones on the indicator showing (when phones can vote).
    pub(super) fn phones_open(&mut self) {
        let Some((_, ind)) = self.current() else {
            return;
        };
        let id = ind.id.value.clone();
        let earlier = self.record.phone_tallies(&id);
        let at = self.at;
        let Some(link) = &mut self.phones else {
            return;
        };
        link.open(at, &id, earlier);
        if link.asking().is_some() {
            self.done(self.tf(
                "screen-phones-voted-before",
                &[("id", id.to_uppercase().into())],
            ));
        }
    }

    /// Closes the phones' round, saving the votes it took that are not yet saved.
    pub(super) fn phones_close(&mut self, save: &mut Save<'_>) -> Result<(), Error> {
        self.phone_out = None;
        let pending = match &mut self.phones {
            Some(link) => link.close(),
            None => return Ok(()),
        };
        if let Some(p) = pending {
            self.keep_phone_votes(p, save)?;
        }
        Ok(())
    }

    /// A new join code: every phone is out and joins again with it (for a code that reached
    /// someone who should not vote). Their votes in this round go at the next save.
    pub(super) fn phones_new_code(&mut self) {
        let Some(link) = &mut self.phones else {
            return;
        };
        link.new_code();
        let code = link.code.clone();
        let text = self.tf("screen-phones-new-code", &[("code", code.into())]);
        self.status = Some(super::state::Status::Done(text));
    }

    /// `r` or `k` on the vote screen when phones' votes on this indicator are in the record
    /// already: the phones' round opens, voting again or adding.
    pub(super) fn phones_choose(&mut self, add: bool) {
        let Some(asked) = self.phones.as_mut().and_then(|l| l.choose(add)) else {
            return;
        };
        let id = asked.id.to_uppercase();
        let n = usize::try_from(asked.votes).unwrap_or(usize::MAX);
        let message = if add {
            "screen-phones-keep"
        } else {
            "screen-phones-again"
        };
        self.done(self.tf(message, &[("id", id.into()), ("n", n.into())]));
    }

    /// `p` on the vote screen: asks for the number of the phone to put out.
    pub(super) fn phones_ask_put_out(&mut self) {
        if self.phones.is_none() {
            return;
        }
        self.phone_out = Some(String::new());
        self.ask_put_out();
    }

    fn ask_put_out(&mut self) {
        let typed = self.phone_out.clone().unwrap_or_default();
        self.done(self.tf("screen-put-out-ask", &[("typed", typed.into())]));
    }

    /// A key while the number of the phone to put out is being typed.
    pub(super) fn on_put_out(&mut self, action: Action) {
        let Some(typed) = &mut self.phone_out else {
            return;
        };
        match action {
            Action::Digit(d) => {
                if typed.len() < 6 {
                    typed.push(d);
                }
                self.ask_put_out();
            }
            Action::Edit(EditKey::Backspace) => {
                typed.pop();
                self.ask_put_out();
            }
            Action::Close => {
                self.phone_out = None;
                self.done(self.t("screen-put-out-none"));
            }
            Action::Confirm => {
                let Ok(number) = typed.parse::<u32>() else {
                    self.refuse(self.t("screen-put-out-how"));
                    return;
                };
                self.phone_out = None;
                let out = self.phones.as_mut().is_some_and(|l| l.put_out(number));
                let args = [("number", number.to_string().into())];
                if out {
                    self.done(self.tf("screen-put-out-done", &args));
                } else {
                    self.refuse(self.tf("screen-put-out-unknown", &args));
                }
            }
            _ => self.refuse(self.t("screen-put-out-how")),
        }
    }

    /// Saves the phones' votes that are not yet in the record; `true` when there were some
    /// (so the count on screen changed).
    pub fn sync_phones(&mut self, save: &mut Save<'_>) -> Result<bool, Error> {
        let Some(pending) = self.phones.as_ref().and_then(|l| l.pending()) else {
            return Ok(false);
        };
        self.keep_phone_votes(pending, save)?;
        Ok(true)
    }

    fn keep_phone_votes(
        &mut self,
        (change, id, tallies): (u64, String, Vec<Tally>),
        save: &mut Save<'_>,
    ) -> Result<(), Error> {
        answer_mut(&mut self.record, self.framework, &id).set_phone_tallies(tallies);
        save(&self.record)?;
        if let Some(link) = &self.phones {
            link.saved(change);
        }
        Ok(())
    }

    /// What the vote screen shows as the distribution: the counts being typed, and once the
    /// counting is done (never before) the phones' votes added in.
    pub fn shown_distribution(&self, form: &VoteForm) -> Distribution {
        let mut d = form.distribution(self.framework);
        if form.stage != Stage::Counting
            && let Some((_, ind)) = self.current()
        {
            for t in self.record.phone_tallies(&ind.id.value) {
                d.add(&t);
            }
        }
        d
    }

    /// The votes on an answer as the screen may sum them up: while the phones vote on it,
    /// without the phones' (their spread would tell how they voted before the reveal).
    pub fn votes_shown(&self, answer: &Answer) -> Option<crate::score::votes::VoteSummary> {
        let open_here = self.phones.as_ref().is_some_and(|l| {
            let id = l.open_on().or(l.asking().map(|a| a.id.as_str()));
            id == Some(answer.indicator.value.as_str())
        });
        if open_here {
            let mut cards = answer.clone();
            cards.votes.retain(|t| t.from.value != VoteSource::Phones);
            crate::score::votes::summarise(self.framework, &cards, self.divergence)
        } else {
            crate::score::votes::summarise(self.framework, answer, self.divergence)
        }
    }

    /// The phones' counts for the reveal, by group: `(group or None, distribution)`.
    fn phone_groups(&self) -> Vec<(Option<String>, Distribution)> {
        let Some((_, ind)) = self.current() else {
            return Vec::new();
        };
        self.record
            .phone_tallies(&ind.id.value)
            .iter()
            .map(|t| {
                let mut d = Distribution::empty(self.framework);
                d.add(t);
                (t.group().map(str::to_string), d)
            })
            .collect()
    }
}

/// The lines under the vote's counts about the phones: while counting, the address, the code
/// and how many have voted; after, the phones' part of the distribution, by group.
pub fn lines(state: &State<'_>, form: &VoteForm, w: usize) -> Vec<Line<'static>> {
    let Some(link) = &state.phones else {
        return Vec::new();
    };
    let bold = || ratatui::style::Style::default().add_modifier(ratatui::style::Modifier::BOLD);
    let phones = format!("{}: ", state.t("screen-phones"));
    // "Phones: " in bold, then the text, wrapped with the lines after the first set in.
    let labelled = |text: &str| -> Vec<Line<'static>> {
        wrap(&format!("{phones}{text}"), w, 0, 2)
            .into_iter()
            .enumerate()
            .map(|(i, l)| match (i, l.strip_prefix(phones.as_str())) {
                (0, Some(rest)) => Line::from(vec![
                    Span::styled(phones.clone(), bold()),
                    Span::raw(rest.to_string()),
                ]),
                _ => Line::from(l),
            })
            .collect()
    };
    // Where to vote, and the code: these are what the room reads off the projector, so they
    // are never cut; the note on a new code goes on their line when it fits.
    let address = |hint: bool| -> Vec<Line<'static>> {
        let at = format!("{} ", state.t("screen-vote-at"));
        let code = format!("  {} ", state.t("screen-code"));
        let mut spans = vec![
            Span::styled(at.clone(), bold()),
            Span::raw(link.address.clone()),
            Span::styled(code.clone(), bold()),
            Span::raw(link.code.clone()),
        ];
        let used = width(&at) + width(&link.address) + width(&code) + width(&link.code);
        let note = format!("  ({})", state.t("screen-code-hint"));
        let mut lines = Vec::new();
        if !hint || used + width(&note) <= w {
            if hint {
                spans.push(Span::raw(note));
            }
            lines.push(Line::from(spans));
        } else if used <= w {
            lines.push(Line::from(spans));
            for l in wrap(note.trim_start(), w, 0, 0) {
                lines.push(Line::from(l));
            }
        } else {
            lines.push(Line::from(vec![
                Span::styled(at.clone(), bold()),
                Span::raw(link.address.clone()),
            ]));
            lines.push(Line::from(vec![
                Span::styled(code.trim_start().to_string(), bold()),
                Span::raw(link.code.clone()),
            ]));
            if hint {
                for l in wrap(note.trim_start(), w, 0, 0) {
                    lines.push(Line::from(l));
                }
            }
        }
        lines
    };
    let mut out = Vec::new();
    if form.stage == Stage::Counting
        && let Some(asked) = link.asking()
    {
        let n = usize::try_from(asked.votes).unwrap_or(usize::MAX);
        let when = state.t(if asked.this_session {
            "screen-phones-from-earlier"
        } else {
            "screen-phones-from-before"
        });
        let id = asked.id.to_uppercase();
        let text = state.tf(
            "screen-phones-in-record",
            &[("n", n.into()), ("id", id.into()), ("when", when.into())],
        );
        out.extend(labelled(&text));
    } else if form.stage == Stage::Counting {
        let (voted, joined) = link.counts();
        let text = state.tf(
            "screen-phones-count",
            &[("n", voted.into()), ("joined", joined.into())],
        );
        out.extend(labelled(&text));
        out.extend(address(true));
        return out;
    }
    if form.stage == Stage::Counting {
        out.extend(address(false));
        return out;
    }
    let groups = state.phone_groups();
    if groups.is_empty() {
        out.extend(labelled(&state.t("screen-phones-none")));
        return out;
    }
    for (group, d) in groups {
        let mut line = phone_votes_words(state, group.as_deref(), &d);
        if let Some(sp) = d.spread() {
            line.push_str(" · ");
            line.push_str(&state.tf(
                "screen-spread",
                &[("spread", crate::words::score_text(sp).into())],
            ));
        }
        for l in wrap(&line, w, 0, 2) {
            out.push(Line::from(l));
        }
    }
    out
}

/// One group's phone votes after the reveal, in the screen's language: "Phones, Parent carers:
/// 2: 1, 4: 3, n/a: 1".
pub fn phone_votes_words(state: &State<'_>, group: Option<&str>, d: &Distribution) -> String {
    let na = state.t("screen-na");
    crate::assess::phone_votes_said(&state.words, group, d, &state.group_names, &na)
}

/// Where the QR code goes while the counts are typed: to the right of them when there is room
/// for both. Returns the rectangle left for the counts, and the code's place and lines.
pub fn qr_beside(
    rect: ratatui::layout::Rect,
    state: &State<'_>,
    form: &VoteForm,
) -> (
    ratatui::layout::Rect,
    Option<(ratatui::layout::Rect, Vec<Line<'static>>)>,
) {
    let Some(link) = &state.phones else {
        return (rect, None);
    };
    let qr_w = link.qr.first().map_or(0, |l| l.chars().count());
    let qr_h = link.qr.len();
    let (Ok(w), Ok(h)) = (u16::try_from(qr_w), u16::try_from(qr_h)) else {
        return (rect, None);
    };
    if form.stage != Stage::Counting || w == 0 || rect.width < w + 44 || rect.height < h {
        return (rect, None);
    }
    let counts = ratatui::layout::Rect::new(rect.x, rect.y, rect.width - w - 2, rect.height);
    let code = ratatui::layout::Rect::new(rect.x + rect.width - w, rect.y, w, h);
    let lines = link.qr.iter().map(|l| Line::from(l.clone())).collect();
    (counts, Some((code, lines)))
}

#[cfg(test)]
pub(super) mod tests {
    use std::io::{Read, Write};
    use std::net::{IpAddr, Ipv4Addr, TcpStream};
    use std::time::{Duration, Instant};

    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::super::draw::draw;
    use super::super::state::{Action, State};
    use crate::diagnostic::unplaced;
    use crate::framework::{DEFAULT_ID, Framework};
    use crate::record::{Record, ScoredBy, ScorerKind, VoteSource};
    use crate::vote::Link;

    fn framework() -> Framework {
        Framework::built_in(DEFAULT_ID).expect("built-in framework")
    }

    fn record(f: &Framework, groups: &[&str]) -> Record {
        let kind = if groups.is_empty() {
            ScorerKind::Room
        } else {
            ScorerKind::Workshop
        };
        Record::new(
            f,
            "P".into(),
            "2026-11-12"
                .parse::<crate::record::IsoDate>()
                .expect("date")
                .0,
            ScoredBy {
                kind: unplaced(kind),
                group: None,
                name: None,
                groups: groups.iter().map(|g| (*g).to_string()).collect(),
            },
        )
    }

    fn screen(s: &State<'_>, w: u16, h: u16) -> String {
        let mut t = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
        t.draw(|f| draw(f, s)).expect("draw");
        let buf = t.backend().buffer();
        let mut out = String::new();
        for y in 0..h {
            for x in 0..w {
                out.push_str(buf[(x, y)].symbol());
            }
            out.push('\n');
        }
        out
    }

    /// Sends one request to the server on loopback; the status and the response.
    pub(in crate::assess::screen) fn send(port: u16, raw: &str) -> (u16, String) {
        let mut s = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout");
        s.write_all(raw.as_bytes()).expect("send");
        let mut out = String::new();
        let _ = s.read_to_string(&mut out);
        let status = out.get(9..12).and_then(|c| c.parse().ok()).unwrap_or(0);
        (status, out)
    }

    pub(in crate::assess::screen) fn post(
        port: u16,
        path: &str,
        cookie: &str,
        body: &str,
    ) -> (u16, String) {
        send(
            port,
            &format!(
                "POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: application/json\r\n\
                 Cookie: coprod_phone={cookie}\r\nContent-Type: application/x-www-form-urlencoded\r\n\
                 Content-Length: {}\r\n\r\n{body}",
                body.len()
            ),
        )
    }

    /// Joins; the phone's cookie token and form key.
    pub(in crate::assess::screen) fn join(port: u16, code: &str, group: &str) -> (String, String) {
        let (status, out) = post(port, "/join", "", &format!("code={code}&group={group}"));
        assert_eq!(status, 303, "{out}");
        let token = out
            .split("coprod_phone=")
            .nth(1)
            .and_then(|t| t.split(';').next())
            .expect("cookie")
            .to_string();
        let (_, page) = send(
            port,
            &format!("GET /vote HTTP/1.1\r\nHost: x\r\nCookie: coprod_phone={token}\r\n\r\n"),
        );
        let key = page
            .split("name=\"k\" value=\"")
            .nth(1)
            .and_then(|k| k.split('"').next())
            .unwrap_or_default()
            .to_string();
        (token, key)
    }

    pub(in crate::assess::screen) fn round_of(port: u16, token: &str) -> String {
        let (_, page) = send(
            port,
            &format!("GET /vote HTTP/1.1\r\nHost: x\r\nCookie: coprod_phone={token}\r\n\r\n"),
        );
        page.split("name=\"r\" value=\"")
            .nth(1)
            .and_then(|k| k.split('"').next())
            .unwrap_or_default()
            .to_string()
    }

    /// Votes from a thread while the screen saves, as its loop does; the status.
    pub(in crate::assess::screen) fn vote(
        s: &mut State<'_>,
        port: u16,
        token: &str,
        body: String,
    ) -> u16 {
        let token = token.to_string();
        let phone = std::thread::spawn(move || post(port, "/vote", &token, &body).0);
        let until = Instant::now() + Duration::from_secs(10);
        while !phone.is_finished() && Instant::now() < until {
            s.sync_phones(&mut |_| Ok(())).expect("save");
            std::thread::sleep(Duration::from_millis(2));
        }
        phone.join().expect("phone thread")
    }

    #[test]
    fn phones_vote_the_screen_counts_then_reveals_and_the_record_keeps_counts() {
        let f = framework();
        let mut s = State::new(&f, record(&f, &["parent-carers", "health"]), 0, &[]);
        let link = Link::start(
            IpAddr::V4(Ipv4Addr::LOCALHOST),
            Some(0),
            vec![f.clone()],
            vec!["parent-carers".into(), "health".into()],
            crate::record::Groups::default(),
        )
        .expect("server");
        let port = link.port();
        let code = link.code.clone();
        s.phones = Some(link);
        s.apply(Action::Vote, &mut |_| Ok(()))
            .expect("open the vote");
        let text = screen(&s, 120, 40);
        assert!(
            text.contains(&format!("Vote at http://127.0.0.1:{port}  code {code}")),
            "{text}"
        );
        assert!(text.contains("0 voted (of 0 joined)"), "{text}");
        assert!(text.contains('▀'), "the QR code shows at 120x40:\n{text}");
        let small = screen(&s, 80, 24);
        assert!(small.contains(&format!("code {code}")), "{small}");

        let (a, ka) = join(port, &code.to_lowercase(), "parent-carers");
        let (b, kb) = join(port, &code, "");
        let r = round_of(port, &a);
        assert!(!r.is_empty());
        assert_eq!(
            vote(&mut s, port, &a, format!("k={ka}&r={r}&choice=1")),
            200
        );
        assert_eq!(
            vote(&mut s, port, &b, format!("k={kb}&r={r}&choice=4")),
            200
        );
        // A second vote from one phone replaces its first.
        assert_eq!(
            vote(&mut s, port, &a, format!("k={ka}&r={r}&choice=2")),
            200
        );
        // Without the phone's key, or off the scale, nothing is counted.
        assert_eq!(
            vote(&mut s, port, &b, format!("k=nope&r={r}&choice=3")),
            403
        );
        assert_eq!(
            vote(&mut s, port, &b, format!("k={kb}&r={r}&choice=9")),
            400
        );

        let text = screen(&s, 120, 40);
        assert!(text.contains("2 voted (of 2 joined)"), "{text}");
        // Counts only while the round is open: the phones' levels are nowhere on screen.
        assert!(text.contains("0 counted"), "{text}");
        let answer = s.record.answer("wc1").expect("answer");
        let phones: Vec<_> = answer.phone_tallies().collect();
        assert_eq!(phones.len(), 2, "one tally per group");
        assert_eq!((phones[0].group(), phones[0].count(4)), (None, 1));
        assert_eq!(
            (phones[1].group(), phones[1].count(2), phones[1].count(1)),
            (Some("parent-carers"), 1, 0)
        );

        // Cards typed in add to the phones', and Enter reveals them all.
        s.apply(Action::Digit('1'), &mut |_| Ok(()))
            .expect("a card");
        s.apply(Action::Confirm, &mut |_| Ok(())).expect("reveal");
        let text = screen(&s, 120, 40);
        assert!(text.contains("3 counted · spread 3.0 levels"), "{text}");
        assert!(text.contains("Phones, Parent carers: 2: 1"), "{text}");
        assert!(text.contains("TALK ABOUT THIS"), "{text}");
        // The round is closed: a late vote is refused.
        assert_eq!(
            vote(&mut s, port, &b, format!("k={kb}&r={r}&choice=3")),
            409
        );
        let yaml = s.record.to_yaml().expect("yaml");
        assert!(!yaml.contains(&a) && !yaml.contains(&ka) && !yaml.contains("127.0.0.1"));

        // A new code puts every phone out; their votes in the open round are dropped.
        s.apply(Action::Close, &mut |_| Ok(())).expect("back");
        s.apply(Action::Vote, &mut |_| Ok(())).expect("vote again");
        // The phones' votes of the first round are in the record: the same people vote again.
        assert_eq!(
            round_of(port, &a),
            "",
            "phones wait for the facilitator's choice"
        );
        s.apply(Action::PhonesEarlier(false), &mut |_| Ok(()))
            .expect("vote again");
        let r2 = round_of(port, &a);
        assert_ne!(r2, r);
        assert_eq!(
            vote(&mut s, port, &a, format!("k={ka}&r={r2}&choice=5")),
            200
        );
        let old = code.clone();
        let c_key = ratatui::crossterm::event::KeyEvent::new(
            ratatui::crossterm::event::KeyCode::Char('c'),
            ratatui::crossterm::event::KeyModifiers::NONE,
        );
        let action =
            super::super::keys::action(&s, c_key).expect("c means a new code on the vote screen");
        s.apply(action, &mut |_| Ok(())).expect("new code");
        let new = s
            .phones
            .as_ref()
            .map(|l| l.code.clone())
            .unwrap_or_default();
        assert_ne!(new, old);
        assert!(screen(&s, 120, 40).contains("0 voted (of 0 joined)"));
        assert_eq!(
            vote(&mut s, port, &a, format!("k={ka}&r={r2}&choice=4")),
            403
        );
        let (status, _) = post(port, "/join", "", &format!("code={old}"));
        assert_eq!(status, 403, "the old code no longer works");
        let (c, kc) = join(port, &new, "");
        assert_eq!(
            vote(&mut s, port, &c, format!("k={kc}&r={r2}&choice=4")),
            200
        );
        s.sync_phones(&mut |_| Ok(())).expect("save");
        let wc1 = s.record.answer("wc1").expect("answer");
        let fives: u32 = wc1.votes.iter().map(|t| t.count(5)).sum();
        assert_eq!(fives, 0, "the put-out phone's vote is gone");
    }

    /// A key on the screen, as the keyboard sends it.
    fn press(s: &mut State<'_>, c: ratatui::crossterm::event::KeyCode) {
        let key = ratatui::crossterm::event::KeyEvent::new(
            c,
            ratatui::crossterm::event::KeyModifiers::NONE,
        );
        let action = super::super::keys::action(s, key).expect("an action");
        s.apply(action, &mut |_| Ok(())).expect("apply");
    }

    /// The screen with what differs from run to run (the port, the join code, the QR code of
    /// both) written the same every time, for a snapshot.
    pub(in crate::assess::screen) fn pinned(s: &State<'_>, w: u16, h: u16) -> String {
        let link = s.phones.as_ref().expect("phones");
        let port = link.port().to_string();
        let code = link.code.clone();
        screen(s, w, h)
            .replace(&format!(":{port}"), ":PORT")
            .replace(&code, "CODE5")
            .lines()
            .map(|l| {
                // The QR code's rows: from its left edge, one mark for every cell.
                let l = l.trim_end();
                match l.find(['▀', '▄', '█']) {
                    Some(at) => format!("{}{}\n", &l[..at], "▒".repeat(l[at..].chars().count())),
                    None => format!("{l}\n"),
                }
            })
            .collect()
    }

    #[test]
    fn the_facilitator_puts_out_one_phone_by_the_number_on_its_page() {
        use ratatui::crossterm::event::KeyCode;
        let f = framework();
        let mut s = State::new(&f, record(&f, &[]), 0, &[]);
        let link = Link::start(
            IpAddr::V4(Ipv4Addr::LOCALHOST),
            Some(0),
            vec![f.clone()],
            Vec::new(),
            crate::record::Groups::default(),
        )
        .expect("server");
        let port = link.port();
        let code = link.code.clone();
        s.phones = Some(link);
        s.apply(Action::Vote, &mut |_| Ok(()))
            .expect("open the vote");
        let (a, ka) = join(port, &code, "");
        let (b, kb) = join(port, &code, "");
        let page = |token: &str| {
            send(
                port,
                &format!("GET /vote HTTP/1.1\r\nHost: x\r\nCookie: coprod_phone={token}\r\n\r\n"),
            )
            .1
        };
        // Each phone's page says its number, and no other phone's.
        assert!(page(&a).contains("You are phone 1."));
        assert!(page(&b).contains("You are phone 2."));
        let r = round_of(port, &a);
        assert_eq!(
            vote(&mut s, port, &a, format!("k={ka}&r={r}&choice=2")),
            200
        );
        assert_eq!(
            vote(&mut s, port, &b, format!("k={kb}&r={r}&choice=5")),
            200
        );
        let text = screen(&s, 120, 40);
        assert!(text.contains("2 voted (of 2 joined)"), "{text}");
        assert!(text.contains("p put out a phone"), "{text}");

        // p asks for the number; digits go to it, not to the counts.
        press(&mut s, KeyCode::Char('p'));
        press(&mut s, KeyCode::Char('3'));
        press(&mut s, KeyCode::Backspace);
        press(&mut s, KeyCode::Char('2'));
        insta::assert_snapshot!("put_out_asking_120x40", pinned(&s, 120, 40));
        let text = screen(&s, 80, 24);
        assert!(
            text.contains("Put out phone number: 2_"),
            "the number typed shows at 80x24 too:\n{text}"
        );
        press(&mut s, KeyCode::Enter);
        s.sync_phones(&mut |_| Ok(())).expect("save");
        insta::assert_snapshot!("put_out_done_120x40", pinned(&s, 120, 40));
        let text = screen(&s, 120, 40);
        assert!(text.contains("1 voted (of 1 joined)"), "{text}");
        assert!(text.contains("0 counted"), "no card was typed:\n{text}");

        // Its vote is gone from the record, the other phone's stays; nothing about phones is.
        let wc1 = s.record.answer("wc1").expect("answer");
        assert_eq!(wc1.votes.iter().map(|t| t.count(5)).sum::<u32>(), 0);
        assert_eq!(wc1.votes.iter().map(|t| t.count(2)).sum::<u32>(), 1);
        let yaml = s.record.to_yaml().expect("yaml");
        assert!(!yaml.contains(&b) && !yaml.contains(&kb) && !yaml.contains("phone 2"));

        // Its page says it was put out, and what to do; its votes are refused in words.
        let out = page(&b);
        assert!(out.contains("You were taken out of the vote"), "{out}");
        assert!(out.contains("ask the facilitator"), "{out}");
        let (status, answer) = post(port, "/vote", &b, &format!("k={kb}&r={r}&choice=4"));
        assert_eq!(status, 403, "{answer}");
        assert!(
            answer.contains("took this phone out of the vote"),
            "{answer}"
        );
        let (_, round) = send(
            port,
            &format!("GET /round HTTP/1.1\r\nHost: x\r\nCookie: coprod_phone={b}\r\n\r\n"),
        );
        assert!(round.contains("\"put_out\":true"), "{round}");
        // The other phone votes on.
        assert_eq!(
            vote(&mut s, port, &a, format!("k={ka}&r={r}&choice=3")),
            200
        );

        // A number no phone has is refused in words; Esc leaves the question without a change.
        press(&mut s, KeyCode::Char('p'));
        press(&mut s, KeyCode::Char('9'));
        press(&mut s, KeyCode::Enter);
        let text = screen(&s, 120, 40);
        assert!(text.contains("No phone 9 is in the vote"), "{text}");
        press(&mut s, KeyCode::Char('p'));
        press(&mut s, KeyCode::Char('1'));
        press(&mut s, KeyCode::Esc);
        assert!(screen(&s, 120, 40).contains("No phone was put out."));
        assert!(matches!(s.screen, super::super::state::Screen::Vote(_)));
        assert_eq!(s.phones.as_ref().map(Link::counts), Some((1, 1)));
        // The phone put out can join again with the code, as a new phone.
        let (b2, _) = join(port, &code, "");
        assert!(page(&b2).contains("You are phone 3."));
    }

    /// The phones' tallies of `id` in the record: (total, count of `level`).
    fn phones_in(s: &State<'_>, id: &str, level: u32) -> (u64, u32) {
        let a = s.record.answer(id).expect("answer");
        let phones: Vec<_> = a.phone_tallies().collect();
        (
            phones.iter().map(|t| t.total()).sum(),
            phones.iter().map(|t| t.count(level)).sum(),
        )
    }

    #[test]
    fn phones_votes_from_before_a_resume_are_replaced_or_kept_as_the_facilitator_says() {
        use ratatui::crossterm::event::KeyCode;
        let f = framework();
        // A record resumed after coprod was killed: three phones had voted 2 on WC1.
        let mut r = record(&f, &[]);
        let mut before = crate::record::Tally::new(VoteSource::Phones, None);
        before.set_count(2, 3);
        crate::assess::answer_mut(&mut r, &f, "wc1")
            .votes
            .push(before);
        let mut s = State::new(&f, r, 0, &[]);
        let link = Link::start(
            IpAddr::V4(Ipv4Addr::LOCALHOST),
            Some(0),
            vec![f.clone()],
            Vec::new(),
            crate::record::Groups::default(),
        )
        .expect("server");
        let port = link.port();
        let code = link.code.clone();
        s.phones = Some(link);
        s.apply(Action::Vote, &mut |_| Ok(()))
            .expect("open the vote");
        // The screen says so, and phones wait until the facilitator chooses.
        insta::assert_snapshot!("earlier_phone_votes_120x40", pinned(&s, 120, 40));
        let text = screen(&s, 80, 24);
        assert!(
            text.contains("Phones: 3 votes on WC1 are in the record"),
            "{text}"
        );
        let (early, _) = join(port, &code, "");
        assert_eq!(round_of(port, &early), "");
        // r: the same people vote again.
        press(&mut s, KeyCode::Char('r'));
        let (a, ka) = join(port, &code, "");
        let text = screen(&s, 120, 40);
        assert!(
            text.contains(
                "Phones vote again on WC1: this vote's phone votes replace the 3 earlier votes"
            ),
            "{text}"
        );
        assert!(text.contains("0 voted (of 2 joined)"), "{text}");
        assert!(
            !round_of(port, &early).is_empty(),
            "the phones' round is open"
        );
        // Until a phone votes, the record keeps the earlier votes; then this vote's replace them.
        assert_eq!(phones_in(&s, "wc1", 2), (3, 3));
        let r1 = round_of(port, &a);
        assert_eq!(
            vote(&mut s, port, &a, format!("k={ka}&r={r1}&choice=4")),
            200
        );
        assert_eq!(phones_in(&s, "wc1", 4), (1, 1), "one phone, one vote");

        // The next time on WC1 the earlier votes are this session's; k keeps them and adds.
        press(&mut s, KeyCode::Esc);
        s.apply(Action::Vote, &mut |_| Ok(())).expect("vote again");
        let text = screen(&s, 120, 40);
        assert!(
            text.contains("1 vote on WC1 is in the record already, from the earlier vote on it"),
            "{text}"
        );
        press(&mut s, KeyCode::Char('k'));
        assert!(screen(&s, 120, 40).contains("their 1 earlier vote is kept"));
        let (b, kb) = join(port, &code, "");
        let r2 = round_of(port, &b);
        assert_ne!(r2, r1);
        assert_eq!(
            vote(&mut s, port, &b, format!("k={kb}&r={r2}&choice=5")),
            200
        );
        assert_eq!(phones_in(&s, "wc1", 4), (2, 1));
        assert_eq!(phones_in(&s, "wc1", 5), (2, 1));
        // Enter reveals them all.
        press(&mut s, KeyCode::Enter);
        assert!(screen(&s, 120, 40).contains("2 counted"));

        // Enter while asked reveals the earlier votes as they are.
        press(&mut s, KeyCode::Esc);
        s.apply(Action::Vote, &mut |_| Ok(())).expect("vote again");
        assert!(s.phones.as_ref().is_some_and(|l| l.asking().is_some()));
        press(&mut s, KeyCode::Enter);
        assert!(screen(&s, 120, 40).contains("2 counted"));
        assert!(
            s.phones
                .as_ref()
                .is_some_and(|l| l.asking().is_none() && !l.is_open())
        );
    }
}
