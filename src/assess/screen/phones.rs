//! The workshop screen's side of voting from phones (`coprod assess --vote`): opening the
//! vote screen opens a round for the phones, leaving its counting closes it, and the phones'
//! votes go into the record (as counts, one tally per group, beside the cards') as they come,
//! so that a phone is told "saved" only once the record on disk has its vote. While a round is
//! open the screen shows how many have voted, never how; the reveal adds them to the cards.

use ratatui::text::{Line, Span};

use crate::assess::{Save, answer_mut};
use crate::error::Error;
use crate::record::{Tally, VoteSource};
use crate::score::votes::Distribution;

use super::draw::cut;
use super::state::State;
use super::text::wrap;
use super::vote::{Stage, VoteForm};

impl State<'_> {
    /// Opens a round for the phones on the indicator showing (when phones can vote).
    pub(super) fn phones_open(&mut self) {
        let Some((_, ind)) = self.current() else {
            return;
        };
        let id = ind.id.value.clone();
        let earlier = self.phone_tallies(&id);
        let at = self.at;
        if let Some(link) = &mut self.phones {
            link.open(at, &id, earlier);
        }
    }

    /// Closes the phones' round, saving the votes it took that are not yet saved.
    pub(super) fn phones_close(&mut self, save: &mut Save<'_>) -> Result<(), Error> {
        let pending = match &mut self.phones {
            Some(link) => link.close(),
            None => return Ok(()),
        };
        if let Some(p) = pending {
            self.keep_phone_votes(p, save)?;
        }
        Ok(())
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
        let answer = answer_mut(&mut self.record, self.framework, &id);
        answer.votes.retain(|t| t.from.value != VoteSource::Phones);
        answer.votes.extend(tallies);
        save(&self.record)?;
        if let Some(link) = &self.phones {
            link.saved(change);
        }
        Ok(())
    }

    /// The phones' tallies the record holds for indicator `id`.
    fn phone_tallies(&self, id: &str) -> Vec<Tally> {
        self.record
            .answer(id)
            .map(|a| {
                a.votes
                    .iter()
                    .filter(|t| t.from.value == VoteSource::Phones)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    }

    /// What the vote screen shows as the distribution: the counts being typed, and once the
    /// counting is done (never before) the phones' votes added in.
    pub fn shown_distribution(&self, form: &VoteForm) -> Distribution {
        let mut d = form.distribution(self.framework);
        if form.stage != Stage::Counting
            && let Some((_, ind)) = self.current()
        {
            for t in self.phone_tallies(&ind.id.value) {
                d.add(&t);
            }
        }
        d
    }

    /// The phones' counts for the reveal, by group: `(group or None, distribution)`.
    fn phone_groups(&self) -> Vec<(Option<String>, Distribution)> {
        let Some((_, ind)) = self.current() else {
            return Vec::new();
        };
        self.phone_tallies(&ind.id.value)
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
    let mut out = Vec::new();
    if form.stage == Stage::Counting {
        let (voted, joined) = link.counts();
        out.push(Line::from(vec![
            Span::styled("Phones: ", bold()),
            Span::raw(cut(
                &format!("{voted} voted (of {joined} joined) · shown when counting is done",),
                w.saturating_sub(8),
            )),
        ]));
        out.push(Line::from(vec![
            Span::styled("Vote at ", bold()),
            Span::raw(link.address.clone()),
            Span::styled("  code ", bold()),
            Span::raw(link.code.clone()),
        ]));
        return out;
    }
    let groups = state.phone_groups();
    if groups.is_empty() {
        out.push(Line::from(vec![
            Span::styled("Phones: ", bold()),
            Span::raw("no votes"),
        ]));
        return out;
    }
    for (group, d) in groups {
        let who = group.map_or("Phones".to_string(), |g| {
            format!("Phones, {}", crate::record::group_name(&g))
        });
        let mut text: Vec<String> = d
            .levels
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(v, n)| format!("{v}: {n}"))
            .collect();
        if d.not_applicable > 0 {
            text.push(format!("n/a: {}", d.not_applicable));
        }
        if d.dont_know > 0 {
            text.push(format!("don't know: {}", d.dont_know));
        }
        let mut line = format!("{who}: {}", text.join(", "));
        if let Some(sp) = d.spread() {
            line.push_str(&format!(" · spread {}", crate::report::score_text(sp)));
        }
        for l in wrap(&line, w, 0, 2) {
            out.push(Line::from(l));
        }
    }
    out
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
