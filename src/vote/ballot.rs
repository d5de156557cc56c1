//! The phones' side of a vote, in memory: who has joined (a random token per phone, kept only
//! while coprod runs), which round is open, and each phone's current vote in it. Pure rules,
//! no I/O: the server asks, the workshop screen opens and closes rounds and turns the votes
//! into counts for the record. Nothing here is ever written anywhere: the record gets counts.

use std::collections::{HashMap, HashSet};

use crate::record::{Count, Tally, VoteSource};

/// What a phone chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// A level of the scale.
    Level(u32),
    /// Not applicable here.
    NotApplicable,
    /// Don't know.
    DontKnow,
}

impl Pick {
    /// Reads a choice as the page sends it: a level number, `na` or `dk`.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "na" => Some(Self::NotApplicable),
            "dk" => Some(Self::DontKnow),
            _ if !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()) => {
                s.parse().ok().map(Self::Level)
            }
            _ => None,
        }
    }

    /// How the page sends it.
    pub fn value(self) -> String {
        match self {
            Self::Level(v) => v.to_string(),
            Self::NotApplicable => "na".to_string(),
            Self::DontKnow => "dk".to_string(),
        }
    }
}

/// One phone that has joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    /// A second secret, put in the phone's forms: a form sent from another site has the cookie
    /// but not this, so it is refused.
    pub key: String,
    /// The stakeholder group the person said they are in, if any.
    pub group: Option<String>,
    /// Which of the framework's languages the phone shows (an index into the languages).
    pub language: usize,
    /// Its number in this session, shown on its own page ("You are phone 7"), so that the
    /// facilitator can put out this one phone. Numbers are never given twice in a session.
    pub number: u32,
}

/// The round open for voting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    /// Its number in this session (a vote names the round it is for).
    pub number: u64,
    /// Which indicator, as an index into the framework's indicators in order.
    pub indicator: usize,
    /// Each phone's vote, by token, with the group it voted as.
    votes: HashMap<String, (Option<String>, Pick)>,
}

/// Why a join was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinError {
    /// The code is not this session's.
    WrongCode,
    /// The group is not one the facilitator set.
    UnknownGroup,
    /// More phones than any room holds have joined.
    Full,
}

/// Why a vote was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoteError {
    /// The phone has not joined (or every phone was put out with a new code).
    NotJoined,
    /// The facilitator put this phone out.
    PutOut,
    /// The form's key is not the phone's: a form from elsewhere.
    WrongKey,
    /// No round is open, or the vote is for a round that has closed.
    Closed,
    /// Not a level of the scale.
    NotOnScale,
}

/// The most phones one session takes.
pub const MOST_PHONES: usize = 2000;

/// Everything the server and the screen share about the phones.
#[derive(Debug)]
pub struct Ballot {
    /// The join code (upper case letters and digits).
    pub code: String,
    /// The groups people may say they are in (the facilitator's), ids.
    pub groups: Vec<String>,
    /// The scale's level values.
    pub levels: Vec<u32>,
    phones: HashMap<String, Phone>,
    /// The tokens of phones the facilitator put out one by one: they no longer let a phone do
    /// anything; they are kept (in memory, while coprod runs) only so that its page can say
    /// it was put out.
    put_out: HashSet<String>,
    /// The number the next phone to join gets.
    next_number: u32,
    round: Option<Round>,
    rounds: u64,
    /// Bumped at every vote taken or changed.
    pub changes: u64,
    /// The last change that is in the saved record.
    pub saved: u64,
}

impl Ballot {
    /// A ballot for a session with join code `code`.
    pub fn new(code: String, groups: Vec<String>, levels: Vec<u32>) -> Self {
        Self {
            code,
            groups,
            levels,
            phones: HashMap::new(),
            put_out: HashSet::new(),
            next_number: 1,
            round: None,
            rounds: 0,
            changes: 0,
            saved: 0,
        }
    }

    /// Whether `typed` is the join code, ignoring case, spaces and dashes.
    pub fn code_matches(&self, typed: &str) -> bool {
        let cleaned: String = typed
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .flat_map(char::to_uppercase)
            .take(64)
            .collect();
        // Compared without stopping at the first difference.
        cleaned.len() == self.code.len()
            && cleaned
                .bytes()
                .zip(self.code.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    }

    /// Joins a phone with `token` and `key` (random, made by the caller) as `group`.
    pub fn join(
        &mut self,
        typed_code: &str,
        group: Option<&str>,
        token: String,
        key: String,
    ) -> Result<(), JoinError> {
        if !self.code_matches(typed_code) {
            return Err(JoinError::WrongCode);
        }
        let group = match group.filter(|g| !g.is_empty()) {
            Some(g) => Some(
                self.groups
                    .iter()
                    .find(|known| *known == g)
                    .cloned()
                    .ok_or(JoinError::UnknownGroup)?,
            ),
            None => None,
        };
        if self.phones.len() >= MOST_PHONES {
            return Err(JoinError::Full);
        }
        let number = self.next_number;
        self.next_number = self.next_number.saturating_add(1);
        self.put_out.remove(&token);
        self.phones.insert(
            token,
            Phone {
                key,
                group,
                language: 0,
                number,
            },
        );
        Ok(())
    }

    /// The phone with this token.
    pub fn phone(&self, token: &str) -> Option<&Phone> {
        self.phones.get(token)
    }

    /// Sets the language a phone shows.
    pub fn set_language(&mut self, token: &str, language: usize) {
        if let Some(p) = self.phones.get_mut(token) {
            p.language = language;
        }
    }

    /// How many phones have joined.
    pub fn joined(&self) -> usize {
        self.phones.len()
    }

    /// Whether the phone with this token was put out by the facilitator (and has not joined
    /// again since).
    pub fn was_put_out(&self, token: &str) -> bool {
        self.put_out.contains(token)
    }

    /// Puts out the phone showing `number`: its token no longer works, and its vote in the
    /// open round goes. Its page then says it was put out. `false` when no phone joined has
    /// that number.
    pub fn put_out(&mut self, number: u32) -> bool {
        let Some(token) = self
            .phones
            .iter()
            .find(|(_, p)| p.number == number)
            .map(|(t, _)| t.clone())
        else {
            return false;
        };
        self.phones.remove(&token);
        if let Some(r) = &mut self.round
            && r.votes.remove(&token).is_some()
        {
            self.changes += 1;
        }
        if self.put_out.len() >= MOST_PHONES {
            self.put_out.clear();
        }
        self.put_out.insert(token);
        true
    }

    /// A new join code: every phone is out (its token no longer works, its vote in the open
    /// round is dropped) until it joins again with the new code. For a code that reached
    /// someone who should not vote.
    pub fn reset(&mut self, code: String) {
        self.code = code;
        self.phones.clear();
        self.put_out.clear();
        if let Some(r) = &mut self.round
            && !r.votes.is_empty()
        {
            r.votes.clear();
            self.changes += 1;
        }
    }

    /// Opens a round on indicator `indicator`; returns its number. An open round is closed.
    pub fn open(&mut self, indicator: usize) -> u64 {
        self.rounds += 1;
        self.round = Some(Round {
            number: self.rounds,
            indicator,
            votes: HashMap::new(),
        });
        self.rounds
    }

    /// Closes the open round: no more votes are taken for it.
    pub fn close(&mut self) {
        self.round = None;
    }

    /// The open round.
    pub fn round(&self) -> Option<&Round> {
        self.round.as_ref()
    }

    /// Takes (or changes) a phone's vote in round `round`; returns the change's number, which
    /// is in the record once [`Ballot::saved`] reaches it.
    pub fn vote(
        &mut self,
        token: &str,
        key: &str,
        round: u64,
        pick: Pick,
    ) -> Result<u64, VoteError> {
        let Some(phone) = self.phones.get(token) else {
            return Err(if self.put_out.contains(token) {
                VoteError::PutOut
            } else {
                VoteError::NotJoined
            });
        };
        if phone.key.len() != key.len()
            || phone
                .key
                .bytes()
                .zip(key.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                != 0
        {
            return Err(VoteError::WrongKey);
        }
        let group = phone.group.clone();
        if let Pick::Level(v) = pick
            && !self.levels.contains(&v)
        {
            return Err(VoteError::NotOnScale);
        }
        let open = self
            .round
            .as_mut()
            .filter(|r| r.number == round)
            .ok_or(VoteError::Closed)?;
        let before = open.votes.insert(token.to_string(), (group.clone(), pick));
        if before != Some((group, pick)) {
            self.changes += 1;
        }
        Ok(self.changes)
    }

    /// The phone's vote in the open round.
    pub fn vote_of(&self, token: &str) -> Option<Pick> {
        self.round
            .as_ref()
            .and_then(|r| r.votes.get(token))
            .map(|(_, p)| *p)
    }

    /// How many phones have voted in the open round.
    pub fn voted(&self) -> usize {
        self.round.as_ref().map_or(0, |r| r.votes.len())
    }

    /// The open round's votes as counts, one tally per group (the ungrouped first, then the
    /// groups in the facilitator's order): what the record keeps.
    pub fn tallies(&self) -> Vec<Tally> {
        let Some(round) = &self.round else {
            return Vec::new();
        };
        let mut order: Vec<Option<&str>> = vec![None];
        order.extend(self.groups.iter().map(|g| Some(g.as_str())));
        let mut out = Vec::new();
        for group in order {
            let mut t = Tally::new(VoteSource::Phones, group.map(str::to_string));
            for (g, pick) in round.votes.values() {
                if g.as_deref() != group {
                    continue;
                }
                match pick {
                    Pick::Level(v) => t.set_count(*v, t.count(*v).saturating_add(1)),
                    Pick::NotApplicable => {
                        t.not_applicable = Count(t.not_applicable.0.saturating_add(1))
                    }
                    Pick::DontKnow => t.dont_know = Count(t.dont_know.0.saturating_add(1)),
                }
            }
            if t.total() > 0 {
                out.push(t);
            }
        }
        out
    }
}

/// Adds tallies of the same source and group together: the phones' votes of earlier sessions
/// on an indicator (`base`, already in the record) and this round's.
pub fn merge(base: &[Tally], round: &[Tally]) -> Vec<Tally> {
    let mut out: Vec<Tally> = base.to_vec();
    for t in round {
        match out
            .iter_mut()
            .find(|o| o.from.value == t.from.value && o.group() == t.group())
        {
            Some(o) => {
                for (level, n) in &t.levels {
                    let sum = o.count(level.0).saturating_add(n.value.0);
                    o.set_count(level.0, sum);
                }
                o.not_applicable = Count(o.not_applicable.0.saturating_add(t.not_applicable.0));
                o.dont_know = Count(o.dont_know.0.saturating_add(t.dont_know.0));
            }
            None => out.push(t.clone()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ballot() -> Ballot {
        Ballot::new(
            "K7QX2".into(),
            vec!["parent-carers".into(), "health".into()],
            vec![1, 2, 3, 4],
        )
    }

    fn joined(b: &mut Ballot, token: &str, group: Option<&str>) {
        b.join("k7qx2", group, token.into(), format!("key-{token}"))
            .expect("join");
    }

    #[test]
    fn the_code_is_forgiving_about_case_and_spaces_only() {
        let b = ballot();
        assert!(b.code_matches("K7QX2"));
        assert!(b.code_matches(" k7-qx 2 "));
        assert!(!b.code_matches("K7QX"));
        assert!(!b.code_matches("K7QX22"));
        assert!(!b.code_matches(""));
    }

    #[test]
    fn joining_needs_the_code_and_a_known_group() {
        let mut b = ballot();
        assert_eq!(
            b.join("nope", None, "t".into(), "k".into()),
            Err(JoinError::WrongCode)
        );
        assert_eq!(
            b.join("K7QX2", Some("Robert'); DROP"), "t".into(), "k".into()),
            Err(JoinError::UnknownGroup)
        );
        joined(&mut b, "a", Some("health"));
        joined(&mut b, "b", Some(""));
        assert_eq!(
            b.phone("a").and_then(|p| p.group.as_deref()),
            Some("health")
        );
        assert_eq!(b.phone("b").and_then(|p| p.group.as_deref()), None);
        assert_eq!(b.joined(), 2);
    }

    #[test]
    fn one_phone_one_vote_changeable_while_the_round_is_open() {
        let mut b = ballot();
        joined(&mut b, "a", None);
        joined(&mut b, "b", Some("health"));
        assert_eq!(
            b.vote("a", "key-a", 1, Pick::Level(2)),
            Err(VoteError::Closed)
        );
        let r = b.open(5);
        let c1 = b.vote("a", "key-a", r, Pick::Level(2)).expect("vote");
        let c2 = b.vote("a", "key-a", r, Pick::Level(4)).expect("change");
        assert!(c2 > c1);
        // The same vote again is no change.
        assert_eq!(b.vote("a", "key-a", r, Pick::Level(4)), Ok(c2));
        b.vote("b", "key-b", r, Pick::DontKnow).expect("vote");
        assert_eq!(b.voted(), 2);
        assert_eq!(b.vote_of("a"), Some(Pick::Level(4)));
        let t = b.tallies();
        assert_eq!(t.len(), 2);
        assert_eq!((t[0].group(), t[0].count(4), t[0].count(2)), (None, 1, 0));
        assert_eq!((t[1].group(), t[1].dont_know.0), (Some("health"), 1));
        assert!(t.iter().all(|t| t.from.value == VoteSource::Phones));
        b.close();
        assert_eq!(
            b.vote("a", "key-a", r, Pick::Level(1)),
            Err(VoteError::Closed)
        );
        assert!(b.tallies().is_empty());
    }

    #[test]
    fn votes_from_elsewhere_or_off_the_scale_are_refused() {
        let mut b = ballot();
        joined(&mut b, "a", None);
        let r = b.open(0);
        assert_eq!(
            b.vote("x", "key-a", r, Pick::Level(2)),
            Err(VoteError::NotJoined)
        );
        assert_eq!(
            b.vote("a", "key-b", r, Pick::Level(2)),
            Err(VoteError::WrongKey)
        );
        assert_eq!(b.vote("a", "", r, Pick::Level(2)), Err(VoteError::WrongKey));
        assert_eq!(
            b.vote("a", "key-a", r, Pick::Level(9)),
            Err(VoteError::NotOnScale)
        );
        assert_eq!(
            b.vote("a", "key-a", r + 1, Pick::Level(2)),
            Err(VoteError::Closed)
        );
        // A new round refuses votes for the old one.
        let r2 = b.open(1);
        assert_eq!(
            b.vote("a", "key-a", r, Pick::Level(2)),
            Err(VoteError::Closed)
        );
        assert!(b.vote("a", "key-a", r2, Pick::Level(2)).is_ok());
    }

    #[test]
    fn each_phone_has_its_own_number_never_given_twice() {
        let mut b = ballot();
        joined(&mut b, "a", None);
        joined(&mut b, "b", None);
        let numbers = |b: &Ballot| {
            (
                b.phone("a").map(|p| p.number),
                b.phone("b").map(|p| p.number),
            )
        };
        assert_eq!(numbers(&b), (Some(1), Some(2)));
        assert!(b.put_out(1));
        // The next phone gets a new number, even after a new code.
        joined(&mut b, "c", None);
        assert_eq!(b.phone("c").map(|p| p.number), Some(3));
        b.reset("NEW22".into());
        b.join("new22", None, "d".into(), "k".into()).expect("join");
        assert_eq!(b.phone("d").map(|p| p.number), Some(4));
    }

    #[test]
    fn a_phone_put_out_by_its_number_loses_its_vote_and_its_token() {
        let mut b = ballot();
        joined(&mut b, "a", None);
        joined(&mut b, "b", Some("health"));
        let r = b.open(0);
        b.vote("a", "key-a", r, Pick::Level(3)).expect("vote");
        b.vote("b", "key-b", r, Pick::Level(1)).expect("vote");
        let before = b.changes;
        assert!(b.put_out(2));
        // Its vote is dropped (a change, so the record is saved again), the other stays.
        assert!(b.changes > before);
        assert_eq!((b.voted(), b.joined()), (1, 1));
        assert_eq!(b.tallies().len(), 1);
        assert_eq!(b.tallies()[0].count(3), 1);
        assert_eq!(
            b.vote("b", "key-b", r, Pick::Level(3)),
            Err(VoteError::PutOut)
        );
        assert!(b.phone("b").is_none());
        assert!(b.was_put_out("b") && !b.was_put_out("a"));
        // No phone has that number now, nor one never given.
        assert!(!b.put_out(2));
        assert!(!b.put_out(99));
        // Putting out a phone that has not voted changes no vote.
        joined(&mut b, "c", None);
        let before = b.changes;
        assert!(b.put_out(3));
        assert_eq!(b.changes, before);
        // Joining again with the code brings it back, as a new phone.
        b.join("K7QX2", None, "b".into(), "key-b".into())
            .expect("join again");
        assert!(!b.was_put_out("b"));
        assert_eq!(b.phone("b").map(|p| p.number), Some(4));
        // A new code forgets who was put out.
        assert!(b.put_out(4));
        b.reset("NEW22".into());
        assert!(!b.was_put_out("b"));
        assert_eq!(
            b.vote("b", "key-b", r, Pick::Level(3)),
            Err(VoteError::NotJoined)
        );
    }

    #[test]
    fn a_new_code_puts_every_phone_out() {
        let mut b = ballot();
        joined(&mut b, "a", None);
        let r = b.open(0);
        b.vote("a", "key-a", r, Pick::Level(3)).expect("vote");
        b.reset("NEW22".into());
        assert_eq!((b.joined(), b.voted()), (0, 0));
        assert_eq!(
            b.vote("a", "key-a", r, Pick::Level(3)),
            Err(VoteError::NotJoined)
        );
        assert_eq!(
            b.join("K7QX2", None, "b".into(), "k".into()),
            Err(JoinError::WrongCode)
        );
        assert!(b.join("new22", None, "b".into(), "k".into()).is_ok());
    }

    #[test]
    fn picks_parse_strictly() {
        assert_eq!(Pick::parse("3"), Some(Pick::Level(3)));
        assert_eq!(Pick::parse("na"), Some(Pick::NotApplicable));
        assert_eq!(Pick::parse("dk"), Some(Pick::DontKnow));
        for bad in ["", "-1", "3.0", "99999", "NA", " 3", "3 "] {
            assert_eq!(Pick::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn earlier_counts_and_the_round_add_up() {
        let mut base = Tally::new(VoteSource::Phones, None);
        base.set_count(2, 3);
        let mut round = Tally::new(VoteSource::Phones, None);
        round.set_count(2, 1);
        round.set_count(4, 1);
        let grouped = Tally::new(VoteSource::Phones, Some("health".into()));
        let m = merge(&[base], &[round, grouped]);
        assert_eq!(m.len(), 2);
        assert_eq!((m[0].count(2), m[0].count(4)), (4, 1));
    }
}
