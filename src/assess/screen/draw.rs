//! Drawing: a pure function of the [`State`]. Every line is laid out here, by display width,
//! so the statement is wrapped (never cut) and the layout is the same in a test as on a
//! projector.

use std::time::Duration;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::state::{Screen, State, Status};
use super::text::{Editor, clean, width, wrap};
use super::vote::{RowKind, Stage, VoteForm};
use crate::record::Choice;

/// Side by side guidance and level meanings from this width and height.
const WIDE: (u16, u16) = (100, 30);

fn bold() -> Style {
    Style::default().add_modifier(Modifier::BOLD)
}

fn reversed() -> Style {
    Style::default().add_modifier(Modifier::REVERSED)
}

/// Draws the whole screen.
pub fn draw(frame: &mut Frame<'_>, state: &State<'_>) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    match &state.screen {
        Screen::Indicator
        | Screen::Evidence(_)
        | Screen::Extra(_)
        | Screen::Actions { .. }
        | Screen::Action(_)
        | Screen::Vote(_)
        | Screen::Details(_) => indicator(frame, area, state),
        Screen::Help { scroll } => help(frame, area, state, *scroll),
        Screen::Overview { cursor, end } => overview(frame, area, state, *cursor, *end),
    }
}

/// Minutes and seconds (or hours, minutes and seconds).
pub fn clock(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

/// A progress bar of `cells` characters, `done` of `total` filled, in eighths of a block.
fn bar(done: usize, total: usize, cells: usize) -> String {
    let eighths = (done * cells * 8).checked_div(total).unwrap_or(0);
    let mut s = "█".repeat(eighths / 8);
    const PARTS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    s.push_str(PARTS[eighths % 8]);
    let used = eighths / 8 + usize::from(!eighths.is_multiple_of(8));
    s.push_str(&"░".repeat(cells.saturating_sub(used)));
    s
}

/// `left` and the first of `right` that fits on a line of `w` columns, pushed to the right.
fn spread<'t>(left: Vec<Span<'t>>, right: &[String], w: usize) -> Line<'t> {
    let used: usize = left.iter().map(|s| width(&s.content)).sum();
    let mut spans = left;
    if let Some(r) = right.iter().find(|r| used + 2 + width(r) <= w) {
        spans.push(Span::raw(" ".repeat(w - used - width(r))));
        spans.push(Span::raw(r.clone()));
    }
    Line::from(spans)
}

fn header(state: &State<'_>, w: usize) -> Vec<Line<'static>> {
    let total = state.order.len();
    let mut lines = Vec::new();
    let here = clock(state.elapsed.saturating_sub(state.arrived));
    let all = clock(state.elapsed);
    let clocks = |id: &str| {
        state.tf(
            id,
            &[("here", here.as_str().into()), ("all", all.as_str().into())],
        )
    };
    let times = [
        clocks("screen-clocks-long"),
        clocks("screen-clocks"),
        format!("{here} · {all}"),
    ];
    let (left, position) = match state.current() {
        Some((section, _)) => {
            let sections = &state.framework.sections.value;
            let k = sections
                .iter()
                .position(|s| s.id.value == section.id.value)
                .map_or(0, |k| k + 1);
            (
                state.tf(
                    "screen-section-of",
                    &[
                        ("section", clean(&section.title).into()),
                        ("noun", clean(&state.framework.section_noun).into()),
                        ("k", k.into()),
                        ("n", sections.len().into()),
                    ],
                ),
                format!(
                    "{} ",
                    state.tf(
                        "screen-indicator-of",
                        &[("n", (state.at + 1).into()), ("total", total.into())]
                    )
                ),
            )
        }
        None => (
            clean(&state.framework.title),
            format!("{} ", state.tf("screen-end-of", &[("n", total.into())])),
        ),
    };
    let left_lines = wrap(&left, w, 0, 2);
    let n = left_lines.len();
    for (i, l) in left_lines.into_iter().enumerate() {
        let text = if i == 0 { l } else { format!("  {l}") };
        if i + 1 == n {
            lines.push(spread(vec![Span::styled(text, bold())], &times, w));
        } else {
            lines.push(Line::from(Span::styled(text, bold())));
        }
    }
    let answered = state.answered();
    let counts = [
        format!(
            " {}",
            state.tf(
                "walk-section-answered",
                &[("m", answered.into()), ("n", total.into())]
            )
        ),
        format!(
            " {}",
            state.tf(
                "screen-answered-short",
                &[("m", answered.into()), ("n", total.into())]
            )
        ),
        format!(" {answered}/{total}"),
    ];
    let pos_w = width(&position);
    let count = counts
        .iter()
        .find(|c| pos_w + width(c) + 6 <= w)
        .cloned()
        .unwrap_or_default();
    let cells = w.saturating_sub(pos_w + width(&count)).min(40);
    lines.push(Line::from(vec![
        Span::styled(position, bold()),
        Span::raw(bar(answered, total, cells)),
        Span::raw(count),
    ]));
    lines
}

/// The statement, bold, wrapped with its id hanging in front.
fn statement(state: &State<'_>, w: usize) -> Vec<Line<'static>> {
    let Some((_, ind)) = state.current() else {
        return Vec::new();
    };
    let id = ind.id.value.to_uppercase();
    let lead = width(&id) + 2;
    let lead = if lead * 3 > w { 0 } else { lead };
    let body = wrap(&clean(&ind.statement), w, lead, lead);
    body.into_iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                let first = if lead == 0 {
                    // Too narrow to hang the id: it goes on its own line above.
                    return Line::from(Span::styled(l, bold()));
                } else {
                    format!("{id}  ")
                };
                Line::from(vec![
                    Span::styled(first, bold().add_modifier(Modifier::UNDERLINED)),
                    Span::styled(l, bold()),
                ])
            } else {
                Line::from(Span::styled(format!("{}{l}", " ".repeat(lead)), bold()))
            }
        })
        .collect()
}

fn guidance(state: &State<'_>, w: usize) -> Vec<Line<'static>> {
    let Some((_, ind)) = state.current() else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    if !ind.guidance.is_empty() {
        lines.push(Line::from(Span::styled(
            heading(state, "walk-questions"),
            bold(),
        )));
        for g in &ind.guidance {
            for (i, l) in wrap(&clean(g), w, 2, 2).into_iter().enumerate() {
                let mark = if i == 0 { "• " } else { "  " };
                lines.push(Line::from(format!("{mark}{l}")));
            }
        }
    }
    lines
}

fn meanings(state: &State<'_>, w: usize) -> Vec<Line<'static>> {
    let Some((_, ind)) = state.current() else {
        return Vec::new();
    };
    let mut lines = vec![Line::from(Span::styled(
        heading(state, "walk-levels"),
        bold(),
    ))];
    for level in &state.framework.scale.value {
        let v = level.value.value;
        let meaning = ind.levels.value.get(&v).unwrap_or(&level.meaning);
        let head = format!("{v} {}: ", clean(&level.label));
        let hw = width(&head);
        for (i, l) in wrap(&clean(meaning), w, hw, 4).into_iter().enumerate() {
            if i == 0 {
                lines.push(Line::from(vec![
                    Span::styled(head.clone(), bold()),
                    Span::raw(l),
                ]));
            } else {
                lines.push(Line::from(format!("    {l}")));
            }
        }
    }
    lines
}

/// The level keys, the one chosen marked with brackets as well as reversed.
fn levels(state: &State<'_>, chosen: Option<Choice>, w: usize) -> Vec<Line<'static>> {
    let mut items: Vec<(String, bool)> = state
        .framework
        .scale
        .value
        .iter()
        .map(|l| {
            let v = l.value.value;
            (
                format!("{v} {}", clean(&l.label)),
                chosen == Some(Choice::Level(v)),
            )
        })
        .collect();
    items.push((
        format!("n {}", state.t("choice-na")),
        chosen == Some(Choice::NotApplicable),
    ));
    let cells = items
        .into_iter()
        .map(|(text, on)| {
            if on {
                vec![Span::styled(
                    format!("[{text}]"),
                    reversed().add_modifier(Modifier::BOLD),
                )]
            } else {
                vec![Span::raw(format!(" {text} "))]
            }
        })
        .collect();
    flow(cells, 1, w)
}

/// Lays out cells of spans in as many lines as `w` needs, `gap` spaces between cells.
fn flow(cells: Vec<Vec<Span<'static>>>, gap: usize, w: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for cell in cells {
        let cw: usize = cell.iter().map(|s| width(&s.content)).sum();
        if used > 0 && used + gap + cw > w {
            lines.push(Line::from(std::mem::take(&mut spans)));
            used = 0;
        }
        if used > 0 {
            spans.push(Span::raw(" ".repeat(gap)));
            used += gap;
        }
        spans.extend(cell);
        used += cw;
    }
    if !spans.is_empty() {
        lines.push(Line::from(spans));
    }
    lines
}

/// One line, cut with "…" if it is longer than `w` (for previews, never for the statement).
pub(super) fn cut(text: &str, w: usize) -> String {
    if width(text) <= w {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cw + 1 > w {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.push('…');
    out
}

/// The answer: the level (one row per group in workshop mode), evidence and actions.
fn answer(state: &State<'_>, w: usize) -> (Vec<Line<'static>>, Vec<Line<'static>>) {
    let Some((_, ind)) = state.current() else {
        return (Vec::new(), Vec::new());
    };
    let id = ind.id.value.as_str();
    let mut must = Vec::new();
    if state.workshop() {
        must.extend(levels(state, None, w));
        let name_w = state
            .groups()
            .iter()
            .map(|g| width(&state.group_name(g)))
            .max()
            .unwrap_or(0);
        for (k, g) in state.groups().iter().enumerate() {
            let choice = state.choice_for(id, Some(g));
            let words = choice.map_or(state.t("choice-not-yet"), |c| state.choice_words(c));
            let here = k == state.group;
            let mark = if here { "▶ " } else { "  " };
            let name = state.group_name(g);
            let pad = " ".repeat(name_w.saturating_sub(width(&name)));
            let text = cut(&format!("{mark}{name}{pad}  {words}"), w);
            must.push(if here {
                Line::from(Span::styled(text, bold()))
            } else {
                Line::from(text)
            });
        }
    } else {
        must.extend(levels(state, state.choice_for(id, None), w));
    }
    let mut more = Vec::new();
    let record_answer = state.record.answer(id);
    let evidence = record_answer
        .and_then(|a| a.evidence.as_deref())
        .map(|e| clean(e.lines().next().unwrap_or("")))
        .unwrap_or_else(|| state.t("screen-evidence-none"));
    more.push(labelled(&state.t("evidence"), &evidence, w));
    if let Some((label, _)) = state.extra_note() {
        let note = record_answer
            .and_then(|a| a.extra_note.as_deref())
            .map(|e| clean(e.lines().next().unwrap_or("")))
            .unwrap_or_else(|| state.t("screen-extra-none"));
        more.push(labelled(&clean(label), &note, w));
    }
    let actions = record_answer.map_or(0, |a| a.actions.len());
    let first = record_answer
        .and_then(|a| a.actions.first())
        .map(|a| clean(&a.what));
    let text = match (actions, first) {
        (0, _) | (_, None) => state.t("screen-none-yet"),
        (1, Some(f)) => format!("1 · {f}"),
        (n, Some(f)) => format!("{n} · {f} …"),
    };
    more.push(labelled(&state.t("screen-actions"), &text, w));
    if let Some(a) = record_answer
        && let Some(v) = state.votes_shown(a)
    {
        let mut text = state.tf("screen-n-voted", &[("n", count(v.all.total()))]);
        if let Some(sp) = v.spread {
            text.push_str(" · ");
            text.push_str(&state.tf("screen-spread", &[("spread", score_text(sp).into())]));
        }
        if v.talk_about_this {
            text.push_str(" · ");
            text.push_str(&state.t("talk-flag"));
        }
        more.push(labelled(&state.t("screen-votes"), &text, w));
    }
    if let Some(note) = record_answer.and_then(|a| a.disagreed.as_ref()) {
        more.push(labelled(
            &state.t("screen-disagreed"),
            &clean(&note.value),
            w,
        ));
    }
    for prev in state.previous {
        more.push(Line::from(cut(&last_time_head(state, prev, id), w)));
    }
    (must, more)
}

/// A line of the answer: a bold label, a colon, and its value cut to the line.
fn labelled(label: &str, value: &str, w: usize) -> Line<'static> {
    let head = format!("{label}: ");
    let room = w.saturating_sub(width(&head));
    Line::from(vec![
        Span::styled(head, bold()),
        Span::raw(cut(value, room)),
    ])
}

/// A heading from a catalog message that ends in a colon in the plain walk ("Questions to
/// talk about:"), without the colon: on the screen it stands in bold on its own line.
fn heading(state: &State<'_>, id: &str) -> String {
    state
        .t(id)
        .trim_end_matches([':', '\u{a0}', ' ', '\u{ff1a}'])
        .to_string()
}

/// A count of votes, as a catalog's argument.
fn count(n: u64) -> crate::catalog::Arg {
    crate::catalog::Arg::Count(usize::try_from(n).unwrap_or(usize::MAX))
}

/// "Last time (2025-11-13): 2 Emerging", with whose record it was when there are several.
fn last_time_head(state: &State<'_>, prev: &crate::record::Record, id: &str) -> String {
    state.tf(
        "walk-last-time",
        &[
            ("date", prev.date.value.to_string().into()),
            ("whose", whose(state, prev).into()),
            ("words", last_level(state, prev, id).into()),
        ],
    )
}

/// ", Parent carers" when earlier records are of different scorers (last year's group
/// records), so that their lines can be told apart; nothing for a single earlier record.
fn whose(state: &State<'_>, prev: &crate::record::Record) -> String {
    if state.previous.len() > 1 {
        format!(", {}", clean(&state.scorer_words(&prev.scored_by)))
    } else {
        String::new()
    }
}

/// The level an earlier record gave an indicator, in words: "3 Developing", each group's
/// level for a workshop record ("PC 3 · LA 2"), "agreed to disagree" or "not answered".
fn last_level(state: &State<'_>, prev: &crate::record::Record, id: &str) -> String {
    let Some(answer) = prev.answer(id) else {
        return state.t("screen-not-answered");
    };
    if !answer.levels.is_empty() {
        return answer
            .levels
            .iter()
            .map(|(g, c)| {
                let short = match c.value {
                    Choice::Level(v) => v.to_string(),
                    Choice::NotApplicable => state.t("screen-na"),
                };
                format!("{} {short}", initials(&state.group_name(g)))
            })
            .collect::<Vec<_>>()
            .join(" · ");
    }
    match (answer.level.as_ref(), answer.disagreed.is_some()) {
        (Some(c), _) => state.choice_words(c.value),
        (None, true) => state.t("screen-agreed-to-disagree"),
        (None, false) => state.t("screen-not-answered"),
    }
}

/// The "last time" panel of a `--from` session: for each earlier record, the level it gave
/// this indicator and the actions agreed then, each with where it has got to (its status in
/// this record once followed up) and OVERDUE, in words, when it was due before this
/// assessment's date and is not done.
fn last_time(state: &State<'_>, w: usize) -> Vec<Line<'static>> {
    let Some((_, ind)) = state.current() else {
        return Vec::new();
    };
    let id = ind.id.value.as_str();
    let same = |a: &str, b: &str| a.split_whitespace().eq(b.split_whitespace());
    let mut lines = Vec::new();
    for prev in state.previous {
        if !lines.is_empty() {
            lines.push(Line::from(""));
        }
        let head = last_time_head(state, prev, id);
        for l in wrap(&clean(&head), w, 0, 0) {
            lines.push(Line::from(Span::styled(l, bold())));
        }
        let actions = prev.answer(id).map_or(&[][..], |a| a.actions.as_slice());
        if actions.is_empty() {
            lines.push(Line::from(state.t("screen-no-actions-then")));
            continue;
        }
        for l in wrap(
            &state.tf("screen-actions-then", &[("n", actions.len().into())]),
            w,
            0,
            0,
        ) {
            lines.push(Line::from(l));
        }
        for action in actions {
            let now = state
                .record
                .answer(id)
                .and_then(|a| a.actions.iter().find(|x| same(&x.what, &action.what)));
            let status = now.map_or(action.status, |x| x.status);
            for (i, l) in wrap(&clean(&action.what), w, 2, 2).into_iter().enumerate() {
                let mark = if i == 0 { "• " } else { "  " };
                lines.push(Line::from(format!("{mark}{l}")));
            }
            let mut about = Vec::new();
            if let Some(owner) = &action.owner {
                about.push(clean(owner));
            }
            if let Some(due) = action.due {
                about.push(state.tf("screen-due", &[("date", due.to_string().into())]));
            }
            let status_words = status_words(state, status).to_lowercase();
            about.push(state.tf(
                if now.is_some() {
                    "screen-status-now"
                } else {
                    "screen-status-was"
                },
                &[("status", status_words.into())],
            ));
            let overdue =
                action.due.is_some_and(|d| d < state.record.date.value) && status.is_open();
            for l in wrap(&about.join(" · "), w, 2, 2) {
                lines.push(Line::from(format!("  {l}")));
            }
            if overdue {
                lines.push(Line::from(vec![
                    Span::raw("  "),
                    Span::styled(
                        format!("⚑ {}", state.t("overdue").to_uppercase()),
                        bold().add_modifier(Modifier::REVERSED),
                    ),
                ]));
            }
        }
    }
    lines
}

/// The most lines the status line may take: a long message (longer in some languages) wraps
/// rather than being cut, up to this many lines.
const STATUS_LINES: usize = 3;

/// The status line: what just happened, marked ✓ (done) or ! (refused, also reversed), wrapped
/// to at most [`STATUS_LINES`] lines; empty when there is nothing to say.
fn status_lines(state: &State<'_>, w: usize) -> Vec<Line<'static>> {
    let (text, style) = match &state.status {
        Some(s @ Status::Done(_)) => (format!("✓ {}", s.text()), bold()),
        Some(s @ Status::Refused(_)) => (
            format!("! {}", s.text()),
            bold().add_modifier(Modifier::REVERSED),
        ),
        None => return vec![Line::from("")],
    };
    let mut rows = wrap(&text, w, 0, 2);
    if rows.len() > STATUS_LINES {
        rows.truncate(STATUS_LINES);
        if let Some(last) = rows.last_mut() {
            *last = cut(&format!("{last} …"), w.saturating_sub(2));
        }
    }
    rows.into_iter()
        .enumerate()
        .map(|(i, r)| {
            let r = if i == 0 { r } else { format!("  {r}") };
            Line::from(Span::styled(r, style))
        })
        .collect()
}

/// The keys of a screen, laid out in as many lines as the width needs.
fn key_bar(items: &[(String, String)], w: usize) -> Vec<Line<'static>> {
    let cells = items
        .iter()
        .map(|(key, what)| {
            vec![
                Span::styled(key.clone(), reversed()),
                Span::raw(format!(" {what}")),
            ]
        })
        .collect();
    flow(cells, 2, w)
}

/// A key and what it does, the words from the catalog.
fn key(state: &State<'_>, key: &str, id: &str) -> (String, String) {
    (key.to_string(), state.t(id))
}

fn indicator_keys(state: &State<'_>) -> Vec<(String, String)> {
    let (lo, hi) = state.framework.scale_range();
    let mut keys = vec![
        key(state, &format!("{lo}-{hi}"), "screen-key-level"),
        key(state, "n", "screen-key-na"),
        key(state, "s", "screen-key-skip"),
        key(state, "←/b", "screen-key-back"),
        key(state, "→", "screen-key-next"),
    ];
    if state.workshop() {
        keys.push(key(state, "Tab", "screen-key-group"));
    }
    keys.extend([
        key(state, "g", "screen-key-go-to"),
        key(state, "e", "screen-key-evidence"),
    ]);
    if state.extra_note().is_some() {
        keys.push(key(state, "x", "screen-key-extra"));
    }
    keys.extend([
        key(state, "a", "screen-key-actions"),
        key(state, "v", "screen-key-vote"),
        key(state, "i", "screen-key-details"),
        key(state, "↑↓", "screen-key-scroll"),
        key(state, "?", "screen-key-help"),
        key(state, "q", "screen-key-quit"),
    ]);
    keys
}

/// What an action's status is called, in the screen's language.
fn status_words(state: &State<'_>, status: crate::record::ActionStatus) -> String {
    use crate::record::ActionStatus;
    state.t(match status {
        ActionStatus::NotStarted => "status-not-started",
        ActionStatus::InProgress => "status-in-progress",
        ActionStatus::Done => "status-done",
        ActionStatus::Embedded => "status-embedded",
        ActionStatus::Dropped => "status-dropped",
    })
}

fn rule(title: &str, note: &str, w: usize) -> Line<'static> {
    let mut text = format!("── {title} ");
    let room = w.saturating_sub(width(&text) + width(note) + 1);
    text.push_str(&"─".repeat(room));
    if !note.is_empty() {
        text.push(' ');
        text.push_str(note);
    }
    Line::from(cut(&text, w))
}

fn put(frame: &mut Frame<'_>, lines: Vec<Line<'static>>, x: u16, y: &mut u16, w: u16) {
    let h = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let bottom = frame.area().bottom();
    let h = h.min(bottom.saturating_sub(*y));
    if h == 0 {
        return;
    }
    frame.render_widget(Paragraph::new(lines), Rect::new(x, *y, w, h));
    *y += h;
}

fn len(lines: &[Line<'_>]) -> u16 {
    u16::try_from(lines.len()).unwrap_or(u16::MAX)
}

fn indicator(frame: &mut Frame<'_>, area: Rect, state: &State<'_>) {
    let w = usize::from(area.width);
    let head = header(state, w);
    let stmt = statement(state, w);
    let (must, more) = answer(state, w);
    let editing = !matches!(state.screen, Screen::Indicator);
    let bar = key_bar(&screen_keys(state), w);
    let status = status_lines(state, w);

    // What must always be seen, then what fits: the rules, the answer's details, and the
    // guidance in whatever is left.
    let wide = area.width >= WIDE.0 && area.height >= WIDE.1;
    let (left, right) = if wide {
        let col = (w - 3) / 2;
        let mut left = last_time(state, col);
        let questions = guidance(state, col);
        if !left.is_empty() && !questions.is_empty() {
            left.push(Line::from(""));
        }
        left.extend(questions);
        (left, Some(meanings(state, w - 3 - col)))
    } else {
        let mut all = last_time(state, w);
        for part in [guidance(state, w), meanings(state, w)] {
            if !all.is_empty() && !part.is_empty() {
                all.push(Line::from(""));
            }
            all.extend(part);
        }
        (all, None)
    };
    let content_h = len(&left).max(right.as_ref().map_or(0, |r| len(r)));
    let fixed = len(&head) + len(&stmt) + len(&must) + len(&status) + len(&bar);
    let mut spare = area.height.saturating_sub(fixed);
    // What the box being typed in needs to be seen whole: the vote's counts and summary come
    // before the answer's details and the rules.
    let need = match &state.screen {
        Screen::Vote(form) if !matches!(form.stage, Stage::Disagreeing(_)) => {
            let (rows, tail) = vote_lines(state, form, w);
            len(&rows) + len(&tail)
        }
        _ => 0,
    };
    let show_more = if spare >= len(&more) + 4 && spare - len(&more) >= need {
        spare -= len(&more);
        true
    } else {
        false
    };
    let rules = spare >= 5 && spare - 2 >= need;
    // Short of room for both rules while typing, the title of what is being typed still shows.
    let title_shown = rules || (editing && spare > need && spare >= 3);
    if rules {
        spare -= 2;
    } else if title_shown {
        spare -= 1;
    }
    let mut middle = spare;
    // Room to spare: the guidance takes what it needs and the statement gets air around it.
    let mut air = false;
    if !editing && content_h + 2 <= middle {
        middle -= 2;
        air = true;
    }
    if !editing && content_h < middle {
        middle = content_h;
    }

    let mut y = area.y;
    put(frame, head, area.x, &mut y, area.width);
    if air {
        y += 1;
    }
    put(frame, stmt, area.x, &mut y, area.width);
    if air {
        y += 1;
    }
    if editing {
        let id = state
            .current()
            .map(|(_, i)| i.id.value.to_uppercase())
            .unwrap_or_default();
        let with_id = |message: &str| state.tf(message, &[("id", id.as_str().into())]);
        let title = match &state.screen {
            Screen::Evidence(_) => with_id("walk-evidence-editor"),
            // The note's name in the title; its question, which can be long, above the text.
            Screen::Extra(_) => state.tf(
                "walk-extra",
                &[
                    (
                        "question",
                        clean(state.extra_note().map_or("", |(label, _)| label)).into(),
                    ),
                    ("id", id.as_str().into()),
                ],
            ),
            Screen::Action(form) => match form.changes {
                Some(i) => state.tf(
                    "screen-title-change-action",
                    &[("n", (i + 1).into()), ("id", id.as_str().into())],
                ),
                None => with_id("screen-title-new-action"),
            },
            Screen::Details(_) => state.t("screen-title-details"),
            Screen::Vote(form) => match (&form.stage, &form.group) {
                (Stage::Disagreeing(_), _) => with_id("screen-title-disagree"),
                (_, Some(g)) => {
                    format!("{} · {}", with_id("screen-title-vote"), state.group_name(g))
                }
                (_, None) => with_id("screen-title-vote"),
            },
            _ => with_id("screen-title-actions"),
        };
        if title_shown {
            put(frame, vec![rule(&title, "", w)], area.x, &mut y, area.width);
        }
        let rect = Rect::new(area.x, y, area.width, middle);
        match &state.screen {
            Screen::Evidence(editor) => edit_box(frame, rect, editor),
            Screen::Extra(editor) => extra_box(frame, rect, state, editor),
            Screen::Action(form) => form_box(frame, rect, state, form),
            Screen::Details(form) => details_box(frame, rect, state, form),
            Screen::Actions { cursor, .. } => action_list(frame, rect, state, *cursor),
            Screen::Vote(form) => match &form.stage {
                Stage::Disagreeing(editor) => edit_box(frame, rect, editor),
                _ => vote_box(frame, rect, state, form),
            },
            _ => {}
        }
        y += middle;
    } else {
        let max_scroll = content_h.saturating_sub(middle);
        let scroll = state.scroll.min(max_scroll);
        if rules {
            let note = more_note(state, scroll > 0, scroll < max_scroll);
            put(
                frame,
                vec![rule(&state.t("screen-rule-guidance"), &note, w)],
                area.x,
                &mut y,
                area.width,
            );
        }
        if middle > 0 {
            match right {
                Some(right) => {
                    let col = (area.width - 3) / 2;
                    frame.render_widget(
                        Paragraph::new(left).scroll((scroll, 0)),
                        Rect::new(area.x, y, col, middle),
                    );
                    frame.render_widget(
                        Paragraph::new(right).scroll((scroll, 0)),
                        Rect::new(area.x + col + 3, y, area.width - col - 3, middle),
                    );
                }
                None => frame.render_widget(
                    Paragraph::new(left).scroll((scroll, 0)),
                    Rect::new(area.x, y, area.width, middle),
                ),
            }
        }
        y += middle;
    }
    if rules {
        put(
            frame,
            vec![rule(&state.t("screen-rule-answer"), "", w)],
            area.x,
            &mut y,
            area.width,
        );
    }
    put(frame, must, area.x, &mut y, area.width);
    if show_more {
        put(frame, more, area.x, &mut y, area.width);
    }
    footer(frame, area, status, bar, y);
}

/// "↑↓ more", "↓ more", "↑ more" or nothing: whether there is more above and below.
fn more_note(state: &State<'_>, above: bool, below: bool) -> String {
    match (above, below) {
        (false, false) => String::new(),
        (true, true) => state.t("screen-more-both"),
        (false, true) => state.t("screen-more-below"),
        (true, false) => state.t("screen-more-above"),
    }
}

/// The keys of the screen showing, with what they do.
fn screen_keys(state: &State<'_>) -> Vec<(String, String)> {
    let k = |k: &str, id: &str| key(state, k, id);
    match &state.screen {
        Screen::Evidence(_) | Screen::Extra(_) => vec![
            k(
                "Esc",
                if matches!(state.screen, Screen::Extra(_)) {
                    "screen-key-save-note"
                } else {
                    "screen-key-save-notes"
                },
            ),
            k("Enter", "screen-key-new-line"),
            k("Ctrl-E", "screen-key-own-editor"),
            k("Ctrl-C", "screen-key-keep-draft"),
        ],
        Screen::Actions { deleting: true, .. } => vec![
            k("y", "screen-key-delete-it"),
            (
                state.t("screen-any-other-key"),
                state.t("screen-key-keep-it"),
            ),
        ],
        Screen::Actions { .. } => vec![
            k("↑↓", "screen-key-move"),
            k("Enter", "screen-key-change"),
            k("a", "screen-key-add"),
            k("d", "screen-key-delete"),
            k("Esc", "screen-key-back"),
            k("q", "screen-key-quit"),
        ],
        Screen::Vote(_) if state.phone_out.is_some() => vec![
            k("0-9", "screen-key-phone-number"),
            k("Enter", "screen-key-put-out"),
            k("Esc", "screen-key-cancel"),
        ],
        Screen::Vote(form) => match form.stage {
            Stage::Counting => {
                let mut keys = vec![
                    k("0-9", "screen-key-how-many"),
                    k("↑↓", "screen-key-level"),
                    k("Enter", "screen-key-counted"),
                    k("Esc", "screen-key-save-back"),
                ];
                if state.phones.as_ref().is_some_and(|l| l.asking().is_some()) {
                    keys.push(k("r", "screen-key-vote-again"));
                    keys.push(k("k", "screen-key-keep-add"));
                }
                if state.phones.is_some() {
                    keys.push(k("p", "screen-key-put-out-phone"));
                    keys.push(k("c", "screen-key-new-code"));
                }
                keys
            }
            Stage::Agreeing => {
                let (lo, hi) = state.framework.scale_range();
                let mut keys = vec![
                    k(&format!("{lo}-{hi}"), "screen-key-agree"),
                    k("n", "screen-key-na"),
                ];
                if !state.workshop() {
                    keys.push(k("d", "screen-key-disagree"));
                }
                keys.push(k("Esc", "screen-key-back"));
                keys
            }
            Stage::Disagreeing(_) => vec![
                k("Esc", "screen-key-save-note"),
                k("Enter", "screen-key-new-line"),
                k("Ctrl-C", "screen-key-keep-draft"),
            ],
        },
        Screen::Details(_) => vec![
            k("Tab", "screen-key-next-field"),
            k("Esc", "screen-key-save-details"),
            k("Ctrl-C", "screen-key-save-stop"),
        ],
        Screen::Action(form) => {
            let mut keys = vec![k("Tab", "screen-key-next-field")];
            if form.field == super::form::Field::Status {
                keys.push(k("← →", "screen-key-change-status"));
            } else if form.multi_line() {
                keys.push(k("Enter", "screen-key-new-line"));
            }
            keys.push(k("Esc", "screen-key-save-action"));
            keys.push(k("Ctrl-C", "screen-key-keep-draft"));
            keys
        }
        _ => indicator_keys(state),
    }
}

/// The editor: its lines broken by width, scrolled so the cursor is in view.
fn edit_box(frame: &mut Frame<'_>, rect: Rect, editor: &Editor) {
    if rect.height == 0 || rect.width == 0 {
        return;
    }
    let (rows, cursor) = edit_rows(editor, usize::from(rect.width));
    let h = usize::from(rect.height);
    let top = (cursor.0 + 1).saturating_sub(h);
    let shown: Vec<Line<'static>> = rows.into_iter().skip(top).take(h).map(Line::from).collect();
    frame.render_widget(Paragraph::new(shown), rect);
    let cy = u16::try_from(cursor.0 - top).unwrap_or(0);
    let cx = u16::try_from(cursor.1).unwrap_or(0);
    frame.set_cursor_position(Position::new(rect.x + cx, rect.y + cy));
}

/// The framework's extra note being typed: its question, wrapped, above the editor (the
/// question gives way to the text when the room is short: one line of text at least).
fn extra_box(frame: &mut Frame<'_>, rect: Rect, state: &State<'_>, editor: &Editor) {
    if rect.height == 0 || rect.width == 0 {
        return;
    }
    let question = state.extra_note().map_or("", |(_, q)| q);
    let lines: Vec<Line<'static>> = wrap(&clean(question), usize::from(rect.width), 0, 0)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, bold())))
        .collect();
    let h = len(&lines).min(rect.height.saturating_sub(2));
    let shown: Vec<Line<'static>> = lines.into_iter().take(usize::from(h)).collect();
    frame.render_widget(
        Paragraph::new(shown),
        Rect::new(rect.x, rect.y, rect.width, h),
    );
    let gap = u16::from(h > 0);
    edit_box(
        frame,
        Rect::new(rect.x, rect.y + h + gap, rect.width, rect.height - h - gap),
        editor,
    );
}

/// An editor's text broken into rows of at most `w` columns, with the cursor's row and column.
fn edit_rows(editor: &Editor, w: usize) -> (Vec<String>, (usize, usize)) {
    let mut rows: Vec<String> = Vec::new();
    let mut cursor = (0usize, 0usize);
    for (r, line) in editor.lines.iter().enumerate() {
        let mut row = String::new();
        let mut used = 0;
        for (c, ch) in line.chars().enumerate() {
            let cw = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
            if used + cw > w.saturating_sub(1) {
                rows.push(std::mem::take(&mut row));
                used = 0;
            }
            if r == editor.row && c == editor.col {
                cursor = (rows.len(), used);
            }
            row.push(crate::clean::terminal_char(ch));
            used += cw;
        }
        if r == editor.row && editor.col >= line.chars().count() {
            cursor = (rows.len(), used);
        }
        rows.push(row);
    }
    (rows, cursor)
}

/// A field's value on a form: text being typed, or words chosen with keys (a status).
enum Value<'e> {
    /// Text, typed in an editor.
    Text(&'e Editor),
    /// Words shown as they are.
    Fixed(String),
}

/// One field of a form: its label, its value, a hint in brackets under it, and whether the
/// cursor is in it.
struct FormField<'e> {
    label: String,
    value: Value<'e>,
    hint: Option<String>,
    on: bool,
}

/// How many columns the values stand in from the left when they go under their labels.
const STACKED: usize = 4;

/// A form's lines, where the cursor is (row, column), and the first row of the field with the
/// cursor (a status has no text cursor, but its row must be in view). The labels stand in a
/// column of their
/// own with the values beside them; when the longest label would take over half the width,
/// each value goes on the lines under its label instead, set in by [`STACKED`] columns so that
/// it reads as that label's. A hint goes under its value, in brackets.
fn form_lines(
    fields: &[FormField<'_>],
    w: usize,
) -> (Vec<Line<'static>>, Option<(usize, usize)>, usize) {
    let label_w = fields.iter().map(|f| width(&f.label)).max().unwrap_or(0) + 4;
    let stacked = label_w * 2 > w;
    let (lead, value_w) = if stacked {
        (STACKED.min(w / 4), w.saturating_sub(STACKED.min(w / 4)))
    } else {
        (label_w, w - label_w)
    };
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut cursor = None;
    let mut focus = 0;
    for f in fields {
        if f.on {
            focus = lines.len();
        }
        let mark = if f.on { "▶ " } else { "  " };
        let label = format!("{mark}{}:", f.label);
        let style = if f.on { bold() } else { Style::default() };
        let (rows, at) = match &f.value {
            Value::Text(editor) => {
                let (rows, at) = edit_rows(editor, value_w.max(2));
                (rows, Some(at))
            }
            Value::Fixed(text) => (wrap(text, value_w.max(2), 0, 0), None),
        };
        if stacked {
            lines.push(Line::from(Span::styled(cut(&label, w), style)));
        }
        if f.on
            && let Some((row, col)) = at
        {
            cursor = Some((lines.len() + row, lead + col));
        }
        if f.on && at.is_none() {
            focus = lines.len();
        }
        for (i, r) in rows.into_iter().enumerate() {
            let head = if i == 0 && !stacked {
                let pad = label_w.saturating_sub(width(&label));
                format!("{label}{}", " ".repeat(pad))
            } else {
                " ".repeat(lead)
            };
            lines.push(Line::from(vec![Span::styled(head, style), Span::raw(r)]));
        }
        if let Some(hint) = &f.hint {
            for l in wrap(&format!("({hint})"), value_w.max(2), 0, 1) {
                lines.push(Line::from(format!("{}{l}", " ".repeat(lead))));
            }
        }
    }
    (lines, cursor, focus)
}

/// Draws a form's lines in `rect`, scrolled so that the cursor (or the field with it) is in
/// view, and puts the cursor there.
fn form_draw(
    frame: &mut Frame<'_>,
    rect: Rect,
    lines: Vec<Line<'static>>,
    cursor: Option<(usize, usize)>,
    focus: usize,
) {
    let h = usize::from(rect.height);
    let focus = cursor.map_or(focus, |c| c.0);
    let top = (focus + 1).saturating_sub(h);
    let shown: Vec<Line<'static>> = lines.into_iter().skip(top).take(h).collect();
    frame.render_widget(Paragraph::new(shown), rect);
    if let Some((row, col)) = cursor {
        let x = u16::try_from(col).unwrap_or(0);
        let y = u16::try_from(row - top).unwrap_or(0);
        frame.set_cursor_position(Position::new(rect.x + x, rect.y + y));
    }
}

/// The action form: a label column and the fields, the one being typed in marked.
fn form_box(frame: &mut Frame<'_>, rect: Rect, state: &State<'_>, form: &super::form::ActionForm) {
    use super::form::{FIELDS, Field};
    if rect.height == 0 || rect.width == 0 {
        return;
    }
    let fields: Vec<FormField<'_>> = FIELDS
        .iter()
        .map(|&field| {
            let on = field == form.field;
            let value = match field {
                Field::Status => {
                    let words = status_words(state, form.status);
                    Value::Fixed(if on {
                        format!("◀ {words} ▶")
                    } else {
                        words
                    })
                }
                Field::What => Value::Text(&form.what),
                Field::Owner => Value::Text(&form.owner),
                Field::Due => Value::Text(&form.due),
                Field::Note => Value::Text(&form.note),
            };
            FormField {
                label: state.t(field.label_id()),
                value,
                hint: None,
                on,
            }
        })
        .collect();
    let (lines, cursor, focus) = form_lines(&fields, usize::from(rect.width));
    form_draw(frame, rect, lines, cursor, focus);
}

/// The details form: one line per field, the one with the cursor marked, and who scores (not
/// changed here).
fn details_box(
    frame: &mut Frame<'_>,
    rect: Rect,
    state: &State<'_>,
    form: &super::details::DetailsForm,
) {
    use super::details::FIELDS;
    if rect.height == 0 || rect.width == 0 {
        return;
    }
    let fields: Vec<FormField<'_>> = FIELDS
        .iter()
        .map(|&field| FormField {
            label: state.t(field.label_id()),
            value: Value::Text(form.editor(field)),
            hint: field.hint_id().map(|id| state.t(id)),
            on: field == form.field,
        })
        .collect();
    let w = usize::from(rect.width);
    let (mut lines, cursor, focus) = form_lines(&fields, w);
    lines.push(Line::from(""));
    let who = state.tf(
        "screen-scored-by",
        &[(
            "who",
            clean(&state.scorer_words(&state.record.scored_by)).into(),
        )],
    );
    lines.extend(wrap(&who, w, 0, 2).into_iter().map(Line::from));
    form_draw(frame, rect, lines, cursor, focus);
}

/// The indicator's actions, each wrapped on as many lines as it needs (never cut: its status
/// comes last), and a last line to add one.
fn action_list(frame: &mut Frame<'_>, rect: Rect, state: &State<'_>, cursor: usize) {
    let w = usize::from(rect.width);
    let actions = state
        .current()
        .and_then(|(_, i)| state.record.answer(&i.id.value))
        .map(|a| a.actions.as_slice())
        .unwrap_or_default();
    let mut lines: Vec<Line<'static>> = Vec::new();
    // One past the last line of the one under the cursor: the list scrolls to show it whole.
    let mut cursor_end = 0;
    for (i, a) in actions.iter().enumerate() {
        let mut text = format!("{}. {}", i + 1, clean(&a.what));
        if let Some(o) = &a.owner {
            text.push_str(&format!(" · {}", clean(o)));
        }
        if let Some(d) = a.due {
            text.push_str(" · ");
            text.push_str(&state.tf("screen-due", &[("date", d.to_string().into())]));
        }
        text.push_str(&format!(" · {}", status_words(state, a.status)));
        let on = i == cursor;
        let number = format!("{}. ", i + 1);
        let lead = 2 + width(&number);
        for (k, l) in wrap(&text, w, 2, lead).into_iter().enumerate() {
            let line = match (k, on) {
                (0, true) => format!("▶ {l}"),
                (0, false) => format!("  {l}"),
                _ => format!("{}{l}", " ".repeat(lead)),
            };
            lines.push(if on {
                Line::from(Span::styled(line, reversed()))
            } else {
                Line::from(line)
            });
        }
        if on {
            cursor_end = lines.len();
        }
    }
    lines.push(list_line(
        &format!("+ {}", state.t("screen-add-action")),
        cursor >= actions.len(),
        w,
    ));
    if cursor >= actions.len() {
        cursor_end = lines.len();
    }
    let h = usize::from(rect.height);
    let top = cursor_end.saturating_sub(h);
    let shown: Vec<Line<'static>> = lines.into_iter().skip(top).take(h).collect();
    frame.render_widget(Paragraph::new(shown), rect);
}

/// The vote's lines at width `w`: a row of counts for each level (then not applicable and don't
/// know), with a bar for each; and what goes under them, which is never cut off: how many were
/// counted, the spread, the flag, and the phones' part.
fn vote_lines(
    state: &State<'_>,
    form: &VoteForm,
    w: usize,
) -> (Vec<Line<'static>>, Vec<Line<'static>>) {
    let d = state.shown_distribution(form);
    let most = d
        .levels
        .iter()
        .map(|(_, n)| *n)
        .chain([d.not_applicable, d.dont_know])
        .max()
        .unwrap_or(0);
    let names: Vec<String> = form
        .rows
        .iter()
        .map(|r| match r.choice {
            RowKind::Level(v) => state
                .framework
                .level(v)
                .map_or(v.to_string(), |l| format!("{v} {}", clean(&l.label))),
            RowKind::NotApplicable => state.t("screen-na"),
            RowKind::DontKnow => state.t("screen-dont-know"),
        })
        .collect();
    let name_w = names.iter().map(|n| width(n)).max().unwrap_or(0);
    let cells = w.saturating_sub(name_w + 12).min(40);
    let counting = form.stage == Stage::Counting;
    let mut rows: Vec<Line<'static>> = Vec::new();
    for (i, (row, name)) in form.rows.iter().zip(&names).enumerate() {
        let n: u64 = match row.choice {
            RowKind::Level(v) => d
                .levels
                .iter()
                .find(|(l, _)| *l == v)
                .map_or(0, |(_, n)| *n),
            RowKind::NotApplicable => d.not_applicable,
            RowKind::DontKnow => d.dont_know,
        };
        let on = counting && i == form.row;
        // Once counted, each row shows everyone's count (the phones' added to the cards').
        let count = match (counting, n) {
            (true, _) => row.typed.clone(),
            (false, 0) => String::new(),
            (false, n) => n.to_string(),
        };
        let typed = if on {
            format!("[{count:>4}_]")
        } else {
            format!(" {count:>4}  ")
        };
        let bar_len =
            usize::try_from((n * cells as u64).checked_div(most).unwrap_or(0)).unwrap_or(0);
        let pad = " ".repeat(name_w.saturating_sub(width(name)));
        let text = format!(
            "{}{name}{pad} {typed} {}",
            if on { "▶ " } else { "  " },
            "█".repeat(bar_len)
        );
        rows.push(if on {
            Line::from(Span::styled(cut(&text, w), bold()))
        } else {
            Line::from(cut(&text, w))
        });
    }
    let total = d.total();
    let mut summary = state.tf("screen-counted", &[("n", self::count(total))]);
    match d.spread() {
        Some(sp) => {
            summary.push_str(" · ");
            summary
                .push_str(&state.tf("screen-spread-levels", &[("spread", score_text(sp).into())]));
            if d.talk_about_this(state.divergence) {
                summary.push_str(" · ");
                summary.push_str(&state.t("screen-talk-loud"));
            }
        }
        None => {
            summary.push_str(" · ");
            summary.push_str(&state.t("screen-no-spread"));
        }
    }
    let mut tail: Vec<Line<'static>> = wrap(&summary, w, 0, 2)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, bold())))
        .collect();
    tail.extend(super::phones::lines(state, form, w));
    (rows, tail)
}

/// The counts of a vote with a bar for each, how many, the spread and the flag. What goes under
/// the counts is always shown whole; the counts scroll to the row being typed in when the room
/// is short.
fn vote_box(frame: &mut Frame<'_>, rect: Rect, state: &State<'_>, form: &VoteForm) {
    // With phones voting, the QR code to scan stands beside the counts while they are typed.
    let (rect, qr) = super::phones::qr_beside(rect, state, form);
    if let Some((at, code)) = qr {
        frame.render_widget(Paragraph::new(code), at);
    }
    let (rows, tail) = vote_lines(state, form, usize::from(rect.width));
    let h = usize::from(rect.height);
    let tail_h = tail.len().min(h);
    let rows_h = h - tail_h;
    let top = (form.row + 1).saturating_sub(rows_h);
    let mut shown: Vec<Line<'static>> = rows.into_iter().skip(top).take(rows_h).collect();
    shown.extend(tail.into_iter().take(tail_h));
    frame.render_widget(Paragraph::new(shown), rect);
}

/// A spread in levels, as the reports write it.
fn score_text(v: f64) -> String {
    crate::words::score_text(v)
}

/// A line of a list: the cursor's line marked with ▶ and reversed.
fn list_line(text: &str, on: bool, w: usize) -> Line<'static> {
    if on {
        Line::from(Span::styled(cut(&format!("▶ {text}"), w), reversed()))
    } else {
        Line::from(cut(&format!("  {text}"), w))
    }
}

/// The keys the help lists, each with what it does, in the screen's language.
fn help_entries(state: &State<'_>) -> Vec<(String, String)> {
    let k = |k: &str, id: &str| key(state, k, id);
    let mut entries = vec![
        (
            state.t("screen-help-key-digits"),
            state.t("screen-help-digits"),
        ),
        k("n", "screen-help-na"),
        k("s", "screen-help-skip"),
        (state.t("screen-help-key-back"), state.t("screen-help-back")),
        k("→", "screen-help-next"),
        k("g", "screen-help-go-to"),
        k("e", "screen-help-evidence"),
    ];
    if let Some((label, _)) = state.extra_note() {
        entries.push((
            "x".to_string(),
            state.tf("screen-help-extra", &[("label", clean(label).into())]),
        ));
    }
    entries.extend([
        k("v", "screen-help-vote"),
        k("a", "screen-help-actions"),
        k("i", "screen-help-details"),
        k("↑ ↓ PgUp PgDn", "screen-help-scroll"),
        k("Tab", "screen-help-tab"),
        k("?", "screen-help-help"),
        (
            state.t("screen-help-key-clocks"),
            state.t("screen-help-clocks"),
        ),
        k("q", "screen-help-quit"),
        k("Ctrl-C", "screen-help-ctrl-c"),
    ]);
    entries
}

/// The help's lines at width `w`, below its title.
fn help_lines(state: &State<'_>, w: usize) -> Vec<Line<'static>> {
    let entries = help_entries(state);
    let mut lines = Vec::new();
    let kw = entries.iter().map(|(k, _)| width(k)).max().unwrap_or(0) + 2;
    let kw = if kw * 3 > w { 2 } else { kw };
    for (k, what) in &entries {
        let body = wrap(what, w, kw, kw);
        for (i, l) in body.into_iter().enumerate() {
            if i == 0 {
                let pad = kw.saturating_sub(width(k));
                if kw == 2 {
                    lines.push(Line::from(Span::styled(k.clone(), bold())));
                    lines.push(Line::from(format!("  {l}")));
                } else {
                    lines.push(Line::from(vec![
                        Span::styled(format!("{k}{}", " ".repeat(pad)), bold()),
                        Span::raw(l),
                    ]));
                }
            } else {
                lines.push(Line::from(format!("{}{l}", " ".repeat(kw))));
            }
        }
    }
    lines.push(Line::from(""));
    for l in wrap(&state.t("screen-help-end"), w, 0, 0) {
        lines.push(Line::from(l));
    }
    lines
}

/// The help: every key and what it does, scrolled with ↑ ↓ PgUp PgDn when it does not fit, the
/// title line saying whether there is more above or below.
fn help(frame: &mut Frame<'_>, area: Rect, state: &State<'_>, scroll: u16) {
    let w = usize::from(area.width);
    let body = help_lines(state, w);
    let status = status_lines(state, w);
    // The room for the body: below the title and a blank line, above the status and the keys
    // (with the scroll key when the body does not fit).
    let keys = |scrolls: bool| {
        let mut keys = Vec::new();
        if scrolls {
            keys.push(key(state, "↑↓ PgUp PgDn", "screen-key-scroll"));
        }
        keys.push(key(state, "Esc", "screen-key-back"));
        keys.push(key(state, "q", "screen-key-quit"));
        key_bar(&keys, w)
    };
    let room = |bar: &[Line<'_>]| area.height.saturating_sub(2 + len(&status) + len(bar));
    let mut bar = keys(false);
    if len(&body) > room(&bar) {
        bar = keys(true);
    }
    let h = room(&bar);
    let end = len(&body).saturating_sub(h);
    state.help_end.set(end);
    let scroll = scroll.min(end);
    let note = more_note(state, scroll > 0, scroll < end);
    let title = spread(
        vec![Span::styled(state.t("screen-help-title"), bold())],
        &[note],
        w,
    );
    let mut y = area.y;
    put(
        frame,
        vec![title, Line::from("")],
        area.x,
        &mut y,
        area.width,
    );
    if h > 0 {
        frame.render_widget(
            Paragraph::new(body).scroll((scroll, 0)),
            Rect::new(area.x, y, area.width, h),
        );
    }
    footer(frame, area, status, bar, y + h);
}

/// One indicator's line in the overview: its level (or n/a, skipped, not yet) and marks for
/// evidence and actions.
fn overview_line(state: &State<'_>, index: usize, cursor: bool, w: usize) -> String {
    let (_, ind) = state.order[index];
    let id = ind.id.value.as_str();
    let answer = state.record.answer(id);
    let words = |c: Option<Choice>| match c {
        Some(Choice::Level(v)) => match state.framework.level(v) {
            Some(l) => format!("{v} {}", l.label),
            None => v.to_string(),
        },
        Some(Choice::NotApplicable) => state.t("screen-na"),
        None => state.t("choice-not-yet"),
    };
    let level = if state.workshop() {
        state
            .groups()
            .iter()
            .map(|g| {
                let c = state.choice_for(id, Some(g));
                let short = match c {
                    Some(Choice::Level(v)) => v.to_string(),
                    Some(Choice::NotApplicable) => state.t("screen-na"),
                    None => "–".to_string(),
                };
                format!("{} {short}", initials(&state.group_name(g)))
            })
            .collect::<Vec<_>>()
            .join(" · ")
    } else if answer.is_some_and(|a| a.level.is_none() && a.disagreed.is_some()) {
        state.t("screen-agreed-to-disagree")
    } else {
        words(state.choice_for(id, None))
    };
    let mut marks = Vec::new();
    if let Some(v) =
        answer.and_then(|a| crate::score::votes::summarise(state.framework, a, state.divergence))
    {
        let mut vote = state.tf("screen-n-voted", &[("n", count(v.all.total()))]);
        if v.talk_about_this {
            vote.push_str(" ⚑");
        }
        marks.push(vote);
    }
    if answer.is_some_and(|a| a.evidence.is_some()) {
        marks.push(state.t("screen-mark-evidence"));
    }
    if let Some((label, _)) = state.extra_note()
        && answer.is_some_and(|a| a.extra_note.is_some())
    {
        marks.push(clean(label).to_lowercase());
    }
    match answer.map_or(0, |a| a.actions.len()) {
        0 => {}
        n => marks.push(state.tf("n-actions", &[("n", n.into())])),
    }
    let mark = if cursor { "▶" } else { " " };
    let pad = 18usize.saturating_sub(width(&level));
    let text = format!(
        "{mark} {:<5} {level}{} {}",
        id.to_uppercase(),
        " ".repeat(pad),
        marks.join(" · ")
    );
    cut(text.trim_end(), w)
}

/// "Parent carers" → "PC"; "Rhieni-ofalwyr" → "RO".
fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

fn overview(frame: &mut Frame<'_>, area: Rect, state: &State<'_>, cursor: usize, end: bool) {
    let w = usize::from(area.width);
    let total = state.order.len();
    let answered = state.answered();
    let mut head = Vec::new();
    let title = if end {
        let missing = total - answered;
        if missing == 0 {
            state.tf("screen-all-answered", &[("n", total.into())])
        } else {
            state.tf(
                "screen-end-title",
                &[
                    ("m", answered.into()),
                    ("n", total.into()),
                    ("missing", missing.into()),
                ],
            )
        }
    } else {
        state.tf(
            "screen-overview-title",
            &[("m", answered.into()), ("n", total.into())],
        )
    };
    for l in wrap(&title, w, 0, 0) {
        head.push(Line::from(Span::styled(l, bold())));
    }
    if end {
        let next = if answered == total {
            state.tf(
                "screen-next",
                &[("command", state.commands.report.as_str().into())],
            )
        } else {
            state.tf(
                "screen-carry-on-later",
                &[("command", state.commands.resume.as_str().into())],
            )
        };
        for l in wrap(&next, w, 0, 2) {
            head.push(Line::from(l));
        }
    }
    // Every indicator by section; the cursor's line reversed and marked.
    let mut body: Vec<Line<'static>> = Vec::new();
    let mut cursor_row = 0;
    let mut index = 0;
    for section in &state.framework.sections.value {
        body.push(Line::from(Span::styled(
            cut(&clean(&section.title), w),
            bold(),
        )));
        for _ in &section.indicators.value {
            if index == cursor {
                cursor_row = body.len();
                let text = overview_line(state, index, true, w);
                body.push(Line::from(Span::styled(text, reversed())));
            } else {
                body.push(Line::from(overview_line(state, index, false, w)));
            }
            index += 1;
        }
    }
    let k = |k: &str, id: &str| key(state, k, id);
    let keys = if end {
        vec![
            k("↑↓", "screen-key-move"),
            k("Enter", "screen-key-go-there"),
            k("←/b", "screen-key-last-indicator"),
            k("q", "screen-key-finish"),
        ]
    } else {
        vec![
            k("↑↓", "screen-key-move"),
            k("Enter", "screen-key-go-there"),
            k("Esc", "screen-key-back"),
            k("q", "screen-key-quit"),
        ]
    };
    let bar = key_bar(&keys, w);
    let status = status_lines(state, w);
    let h = area
        .height
        .saturating_sub(len(&head) + len(&bar) + len(&status));
    let top = (cursor_row + 1).saturating_sub(usize::from(h) / 2 + 1);
    let top = top.min(body.len().saturating_sub(usize::from(h)));
    let mut y = area.y;
    put(frame, head, area.x, &mut y, area.width);
    let shown: Vec<Line<'static>> = body.into_iter().skip(top).take(usize::from(h)).collect();
    put(frame, shown, area.x, &mut y, area.width);
    footer(frame, area, status, bar, y);
}

/// The status line and the key bar at the bottom of the screen (below row `y` at least).
fn footer(
    frame: &mut Frame<'_>,
    area: Rect,
    status: Vec<Line<'static>>,
    bar: Vec<Line<'static>>,
    y: u16,
) {
    let mut y = area
        .bottom()
        .saturating_sub(len(&bar) + len(&status))
        .max(y);
    put(frame, status, area.x, &mut y, area.width);
    put(frame, bar, area.x, &mut y, area.width);
}
