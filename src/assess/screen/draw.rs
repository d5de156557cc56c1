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
        | Screen::Actions { .. }
        | Screen::Action(_)
        | Screen::Vote(_)
        | Screen::Details(_) => indicator(frame, area, state),
        Screen::Help => help(frame, area, state),
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
    let times = [
        format!("{here} on this · {all} in session"),
        format!("{here} · {all} in session"),
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
                format!(
                    "{} · {} {k} of {}",
                    clean(&section.title),
                    state.framework.section_noun,
                    sections.len()
                ),
                format!("Indicator {} of {total} ", state.at + 1),
            )
        }
        None => (
            clean(&state.framework.title),
            format!("End · {total} indicators "),
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
        format!(" {answered} of {total} answered"),
        format!(" {answered}/{total} answered"),
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
        lines.push(Line::from(Span::styled("Questions to talk about", bold())));
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
        "What each level looks like here",
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
        "n not applicable".to_string(),
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
            .map(|g| width(&state.group_names.name(g)))
            .max()
            .unwrap_or(0);
        for (k, g) in state.groups().iter().enumerate() {
            let choice = state.choice_for(id, Some(g));
            let words = choice.map_or("not yet".to_string(), |c| state.choice_words(c));
            let here = k == state.group;
            let mark = if here { "▶ " } else { "  " };
            let name = state.group_names.name(g);
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
        .unwrap_or_else(|| "none yet (e to write)".to_string());
    more.push(Line::from(vec![
        Span::styled("Evidence: ", bold()),
        Span::raw(cut(&evidence, w.saturating_sub(10))),
    ]));
    let actions = record_answer.map_or(0, |a| a.actions.len());
    let first = record_answer
        .and_then(|a| a.actions.first())
        .map(|a| clean(&a.what));
    let text = match (actions, first) {
        (0, _) | (_, None) => "none yet".to_string(),
        (1, Some(f)) => format!("1 · {f}"),
        (n, Some(f)) => format!("{n} · {f} …"),
    };
    more.push(Line::from(vec![
        Span::styled("Actions: ", bold()),
        Span::raw(cut(&text, w.saturating_sub(9))),
    ]));
    if let Some(a) = record_answer
        && let Some(v) = state.votes_shown(a)
    {
        let mut text = format!("{} voted", v.all.total());
        if let Some(sp) = v.spread {
            text.push_str(&format!(" · spread {}", score_text(sp)));
        }
        if v.talk_about_this {
            text.push_str(" · ⚑ talk about this");
        }
        more.push(Line::from(vec![
            Span::styled("Votes: ", bold()),
            Span::raw(cut(&text, w.saturating_sub(7))),
        ]));
    }
    if let Some(note) = record_answer.and_then(|a| a.disagreed.as_ref()) {
        more.push(Line::from(vec![
            Span::styled("Agreed to disagree: ", bold()),
            Span::raw(cut(&clean(&note.value), w.saturating_sub(20))),
        ]));
    }
    for prev in state.previous {
        more.push(Line::from(cut(
            &format!(
                "Last time ({}{}): {}",
                prev.date.value,
                whose(state, prev),
                last_level(state, prev, id)
            ),
            w,
        )));
    }
    (must, more)
}

/// ", Parent carers" when earlier records are of different scorers (last year's group
/// records), so that their lines can be told apart; nothing for a single earlier record.
fn whose(state: &State<'_>, prev: &crate::record::Record) -> String {
    if state.previous.len() > 1 {
        format!(", {}", prev.scored_by.describe(&state.group_names))
    } else {
        String::new()
    }
}

/// The level an earlier record gave an indicator, in words: "3 Developing", each group's
/// level for a workshop record ("PC 3 · LA 2"), "agreed to disagree" or "not answered".
fn last_level(state: &State<'_>, prev: &crate::record::Record, id: &str) -> String {
    let Some(answer) = prev.answer(id) else {
        return "not answered".to_string();
    };
    if !answer.levels.is_empty() {
        return answer
            .levels
            .iter()
            .map(|(g, c)| {
                let short = match c.value {
                    Choice::Level(v) => v.to_string(),
                    Choice::NotApplicable => "n/a".to_string(),
                };
                format!("{} {short}", initials(&state.group_names.name(g)))
            })
            .collect::<Vec<_>>()
            .join(" · ");
    }
    match (answer.level.as_ref(), answer.disagreed.is_some()) {
        (Some(c), _) => state.choice_words(c.value),
        (None, true) => "agreed to disagree".to_string(),
        (None, false) => "not answered".to_string(),
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
        let head = format!(
            "Last time ({}{}): {}",
            prev.date.value,
            whose(state, prev),
            last_level(state, prev, id)
        );
        for l in wrap(&clean(&head), w, 0, 0) {
            lines.push(Line::from(Span::styled(l, bold())));
        }
        let actions = prev.answer(id).map_or(&[][..], |a| a.actions.as_slice());
        if actions.is_empty() {
            lines.push(Line::from("No actions were agreed."));
            continue;
        }
        lines.push(Line::from(if actions.len() == 1 {
            "The action agreed then:".to_string()
        } else {
            format!("The {} actions agreed then:", actions.len())
        }));
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
                about.push(format!("due {due}"));
            }
            about.push(if now.is_some() {
                format!("now {}", status.label().to_lowercase())
            } else {
                format!("was {}", status.label().to_lowercase())
            });
            let overdue =
                action.due.is_some_and(|d| d < state.record.date.value) && status.is_open();
            for l in wrap(&about.join(" · "), w, 2, 2) {
                lines.push(Line::from(format!("  {l}")));
            }
            if overdue {
                lines.push(Line::from(vec![
                    Span::raw("  "),
                    Span::styled("⚑ OVERDUE", bold().add_modifier(Modifier::REVERSED)),
                ]));
            }
        }
    }
    lines
}

fn status_line(state: &State<'_>, w: usize) -> Line<'static> {
    match &state.status {
        Some(s @ Status::Done(_)) => {
            Line::from(Span::styled(cut(&format!("✓ {}", s.text()), w), bold()))
        }
        Some(s @ Status::Refused(_)) => Line::from(Span::styled(
            cut(&format!("! {}", s.text()), w),
            bold().add_modifier(Modifier::REVERSED),
        )),
        None => Line::from(""),
    }
}

/// The keys of a screen, laid out in as many lines as the width needs.
fn key_bar(items: &[(&str, &str)], w: usize) -> Vec<Line<'static>> {
    let cells = items
        .iter()
        .map(|(key, what)| {
            vec![
                Span::styled((*key).to_string(), reversed()),
                Span::raw(format!(" {what}")),
            ]
        })
        .collect();
    flow(cells, 2, w)
}

fn indicator_keys(state: &State<'_>) -> Vec<(String, &'static str)> {
    let (lo, hi) = state.framework.scale_range();
    let mut keys = vec![
        (format!("{lo}-{hi}"), "level"),
        ("n".into(), "n/a"),
        ("s".into(), "skip"),
        ("←/b".into(), "back"),
        ("→".into(), "next"),
    ];
    if state.workshop() {
        keys.push(("Tab".into(), "group"));
    }
    keys.extend([
        ("g".into(), "go to"),
        ("e".into(), "evidence"),
        ("a".into(), "actions"),
        ("v".into(), "vote"),
        ("i".into(), "details"),
        ("↑↓".into(), "scroll"),
        ("?".into(), "help"),
        ("q".into(), "save & quit"),
    ]);
    keys
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
    let keys: Vec<(String, &str)> = match &state.screen {
        Screen::Evidence(_) => vec![
            ("Esc".into(), "save notes"),
            ("Enter".into(), "new line"),
            ("Ctrl-E".into(), "your editor"),
            ("Ctrl-C".into(), "keep as draft & stop"),
        ],
        Screen::Actions { deleting: true, .. } => {
            vec![
                ("y".into(), "delete it"),
                ("any other key".into(), "keep it"),
            ]
        }
        Screen::Actions { .. } => vec![
            ("↑↓".into(), "move"),
            ("Enter".into(), "change"),
            ("a".into(), "add"),
            ("d".into(), "delete"),
            ("Esc".into(), "back"),
            ("q".into(), "save & quit"),
        ],
        Screen::Vote(_) if state.phone_out.is_some() => vec![
            ("0-9".into(), "the phone's number"),
            ("Enter".into(), "put it out"),
            ("Esc".into(), "cancel"),
        ],
        Screen::Vote(form) => match form.stage {
            Stage::Counting => {
                let mut keys = vec![
                    ("0-9".into(), "how many"),
                    ("↑↓".into(), "level"),
                    ("Enter".into(), "done, then agree"),
                    ("Esc".into(), "save & back"),
                ];
                if state.phones.as_ref().is_some_and(|l| l.asking().is_some()) {
                    keys.push(("r".into(), "phones vote again"));
                    keys.push(("k".into(), "keep & add"));
                }
                if state.phones.is_some() {
                    keys.push(("p".into(), "put out a phone"));
                    keys.push(("c".into(), "new code"));
                }
                keys
            }
            Stage::Agreeing => {
                let (lo, hi) = state.framework.scale_range();
                let mut keys = vec![
                    (format!("{lo}-{hi}"), "agree this level"),
                    ("n".into(), "n/a"),
                ];
                if !state.workshop() {
                    keys.push(("d".into(), "agree to disagree"));
                }
                keys.push(("Esc".into(), "back"));
                keys
            }
            Stage::Disagreeing(_) => vec![
                ("Esc".into(), "save the note"),
                ("Enter".into(), "new line"),
                ("Ctrl-C".into(), "keep as draft & stop"),
            ],
        },
        Screen::Details(_) => vec![
            ("Tab".into(), "next field"),
            ("Esc".into(), "save details"),
            ("Ctrl-C".into(), "save & stop"),
        ],
        Screen::Action(form) => {
            let mut keys = vec![("Tab".into(), "next field")];
            if form.field == super::form::Field::Status {
                keys.push(("← →".into(), "change status"));
            } else if form.multi_line() {
                keys.push(("Enter".into(), "new line"));
            }
            keys.push(("Esc".into(), "save action"));
            keys.push(("Ctrl-C".into(), "keep as draft & stop"));
            keys
        }
        _ => indicator_keys(state),
    };
    let key_refs: Vec<(&str, &str)> = keys.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let bar = key_bar(&key_refs, w);

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
    let fixed = len(&head) + len(&stmt) + len(&must) + 1 + len(&bar);
    let mut spare = area.height.saturating_sub(fixed);
    let show_more = if spare >= len(&more) + 4 {
        spare -= len(&more);
        true
    } else {
        false
    };
    let rules = spare >= 5;
    if rules {
        spare -= 2;
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
        let title = match &state.screen {
            Screen::Evidence(_) => format!("Evidence notes for {id}"),
            Screen::Action(form) => match form.changes {
                Some(i) => format!("Changing action {} for {id}", i + 1),
                None => format!("New action for {id}"),
            },
            Screen::Details(_) => "Details of this assessment".to_string(),
            Screen::Vote(form) => match (&form.stage, &form.group) {
                (Stage::Disagreeing(_), _) => format!("Agreeing to disagree on {id}"),
                (_, Some(g)) => format!("Vote on {id} · {}", state.group_names.name(g)),
                (_, None) => format!("Vote on {id}"),
            },
            _ => format!("Actions for {id}"),
        };
        if rules {
            put(frame, vec![rule(&title, "", w)], area.x, &mut y, area.width);
        }
        let rect = Rect::new(area.x, y, area.width, middle);
        match &state.screen {
            Screen::Evidence(editor) => edit_box(frame, rect, editor),
            Screen::Action(form) => form_box(frame, rect, form),
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
            let note = match (scroll > 0, scroll < max_scroll) {
                (false, false) => String::new(),
                (true, true) => "↑↓ more".to_string(),
                (false, true) => "↓ more".to_string(),
                (true, false) => "↑ more".to_string(),
            };
            put(
                frame,
                vec![rule("Questions and levels", &note, w)],
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
            vec![rule("Answer", "", w)],
            area.x,
            &mut y,
            area.width,
        );
    }
    put(frame, must, area.x, &mut y, area.width);
    if show_more {
        put(frame, more, area.x, &mut y, area.width);
    }
    footer(frame, area, state, bar, y);
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

/// The widths of a form's label column and value column in `width` cells: the longest label
/// and its marks, or no label column at all when that would take over half the width.
fn form_columns<'a>(labels: impl Iterator<Item = &'a str>, width_cells: u16) -> (usize, usize) {
    let w = usize::from(width_cells);
    let label_w = labels.map(width).max().unwrap_or(0) + 4;
    if label_w * 2 > w {
        (0, w)
    } else {
        (label_w, w - label_w)
    }
}

/// The action form: a label column and the fields, the one being typed in marked.
fn form_box(frame: &mut Frame<'_>, rect: Rect, form: &super::form::ActionForm) {
    use super::form::{FIELDS, Field};
    if rect.height == 0 || rect.width == 0 {
        return;
    }
    let (label_w, value_w) = form_columns(FIELDS.iter().map(|f| f.label()), rect.width);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut cursor = None;
    for field in FIELDS {
        let on = field == form.field;
        let mark = if on { "▶ " } else { "  " };
        let label = format!("{mark}{}:", field.label());
        let rows = match field {
            Field::Status => {
                let text = if on {
                    format!("◀ {} ▶", form.status.label())
                } else {
                    form.status.label().to_string()
                };
                vec![text]
            }
            _ => {
                let editor = match field {
                    Field::What => &form.what,
                    Field::Owner => &form.owner,
                    Field::Due => &form.due,
                    _ => &form.note,
                };
                let (rows, at) = edit_rows(editor, value_w.max(2));
                if on {
                    cursor = Some((lines.len() + usize::from(label_w == 0) + at.0, at.1));
                }
                rows
            }
        };
        let style = if on { bold() } else { Style::default() };
        if label_w == 0 {
            lines.push(Line::from(Span::styled(label, style)));
            lines.extend(rows.into_iter().map(Line::from));
        } else {
            for (i, r) in rows.into_iter().enumerate() {
                let head = if i == 0 {
                    format!("{label:<label_w$}")
                } else {
                    " ".repeat(label_w)
                };
                lines.push(Line::from(vec![Span::styled(head, style), Span::raw(r)]));
            }
        }
    }
    let h = usize::from(rect.height);
    let focus = cursor.map_or(0, |c| c.0);
    let top = (focus + 1).saturating_sub(h);
    let shown: Vec<Line<'static>> = lines.into_iter().skip(top).take(h).collect();
    frame.render_widget(Paragraph::new(shown), rect);
    if let Some((row, col)) = cursor {
        let x = u16::try_from(label_w + col).unwrap_or(0);
        let y = u16::try_from(row - top).unwrap_or(0);
        frame.set_cursor_position(Position::new(rect.x + x, rect.y + y));
    }
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
    let (label_w, value_w) = form_columns(FIELDS.iter().map(|f| f.label()), rect.width);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut cursor = None;
    for field in FIELDS {
        let on = field == form.field;
        let mark = if on { "▶ " } else { "  " };
        let label = format!("{mark}{}:", field.label());
        let (rows, at) = edit_rows(form.editor(field), value_w.max(2));
        if on {
            cursor = Some((lines.len() + usize::from(label_w == 0) + at.0, at.1));
        }
        let style = if on { bold() } else { Style::default() };
        if label_w == 0 {
            lines.push(Line::from(Span::styled(label, style)));
            lines.extend(rows.into_iter().map(Line::from));
        } else {
            for (i, r) in rows.into_iter().enumerate() {
                let head = if i == 0 {
                    format!("{label:<label_w$}")
                } else {
                    " ".repeat(label_w)
                };
                lines.push(Line::from(vec![Span::styled(head, style), Span::raw(r)]));
            }
        }
    }
    lines.push(Line::from(""));
    let who = format!(
        "Scored by: {} (changed with --room, --group, --person or --groups when resuming)",
        clean(&state.record.scored_by.describe(&state.group_names))
    );
    lines.extend(
        wrap(&who, usize::from(rect.width), 0, 2)
            .into_iter()
            .map(Line::from),
    );
    let h = usize::from(rect.height);
    let focus = cursor.map_or(0, |c| c.0);
    let top = (focus + 1).saturating_sub(h);
    let shown: Vec<Line<'static>> = lines.into_iter().skip(top).take(h).collect();
    frame.render_widget(Paragraph::new(shown), rect);
    if let Some((row, col)) = cursor {
        let x = u16::try_from(label_w + col).unwrap_or(0);
        let y = u16::try_from(row - top).unwrap_or(0);
        frame.set_cursor_position(Position::new(rect.x + x, rect.y + y));
    }
}

/// The indicator's actions, one per line, and a last line to add one.
fn action_list(frame: &mut Frame<'_>, rect: Rect, state: &State<'_>, cursor: usize) {
    let w = usize::from(rect.width);
    let actions = state
        .current()
        .and_then(|(_, i)| state.record.answer(&i.id.value))
        .map(|a| a.actions.as_slice())
        .unwrap_or_default();
    let mut lines: Vec<Line<'static>> = Vec::new();
    for (i, a) in actions.iter().enumerate() {
        let mut text = format!("{}. {}", i + 1, clean(&a.what));
        if let Some(o) = &a.owner {
            text.push_str(&format!(" · {}", clean(o)));
        }
        if let Some(d) = a.due {
            text.push_str(&format!(" · due {d}"));
        }
        text.push_str(&format!(" · {}", a.status.label()));
        lines.push(list_line(&text, i == cursor, w));
    }
    lines.push(list_line("+ Add an action", cursor >= actions.len(), w));
    let h = usize::from(rect.height);
    let top = (cursor + 1).saturating_sub(h);
    let shown: Vec<Line<'static>> = lines.into_iter().skip(top).take(h).collect();
    frame.render_widget(Paragraph::new(shown), rect);
}

/// The counts of a vote with a bar for each, how many, the spread and the flag.
fn vote_box(frame: &mut Frame<'_>, rect: Rect, state: &State<'_>, form: &VoteForm) {
    // With phones voting, the QR code to scan stands beside the counts while they are typed.
    let (rect, qr) = super::phones::qr_beside(rect, state, form);
    if let Some((at, code)) = qr {
        frame.render_widget(Paragraph::new(code), at);
    }
    let w = usize::from(rect.width);
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
            RowKind::NotApplicable => "n/a".to_string(),
            RowKind::DontKnow => "don't know".to_string(),
        })
        .collect();
    let name_w = names.iter().map(|n| width(n)).max().unwrap_or(0);
    let cells = w.saturating_sub(name_w + 12).min(40);
    let counting = form.stage == Stage::Counting;
    let mut lines: Vec<Line<'static>> = Vec::new();
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
        let text = format!(
            "{}{name:<name_w$} {typed} {}",
            if on { "▶ " } else { "  " },
            "█".repeat(bar_len)
        );
        lines.push(if on {
            Line::from(Span::styled(cut(&text, w), bold()))
        } else {
            Line::from(cut(&text, w))
        });
    }
    let total = d.total();
    let mut summary = format!("{total} counted");
    match d.spread() {
        Some(sp) => {
            summary.push_str(&format!(" · spread {} levels", score_text(sp)));
            if d.talk_about_this(state.divergence) {
                summary.push_str(" · ⚑ TALK ABOUT THIS: views are far apart");
            }
        }
        None => summary.push_str(" · no spread yet"),
    }
    for l in wrap(&summary, w, 0, 2) {
        lines.push(Line::from(Span::styled(l, bold())));
    }
    lines.extend(super::phones::lines(state, form, w));
    let h = usize::from(rect.height);
    let top = (form.row + 1).saturating_sub(h.saturating_sub(1));
    let shown: Vec<Line<'static>> = lines.into_iter().skip(top).take(h).collect();
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

const HELP: &[(&str, &str)] = &[
    (
        "digits",
        "choose that level; it is saved at once and the next indicator shows",
    ),
    ("n", "not applicable here (left out of every average)"),
    ("s", "skip: leave it unanswered for now and go on"),
    ("← or b", "the previous indicator"),
    ("→", "the next indicator (nothing is recorded)"),
    ("g", "go to any indicator: the overview, Enter goes there"),
    (
        "e",
        "write evidence notes (several lines; Esc saves them; Ctrl-E opens them in your editor)",
    ),
    (
        "v",
        "a vote: type how many chose each level, see the spread, then agree a level or to disagree",
    ),
    (
        "a",
        "the actions: add, change (Enter), delete (d); Esc saves an action being typed",
    ),
    (
        "i",
        "the details: correct the partnership, the date and who is taking part",
    ),
    ("↑ ↓ PgUp PgDn", "scroll the questions and level meanings"),
    ("Tab", "in a workshop: the next group's level"),
    ("?", "this help; Esc or ? closes it"),
    (
        "clocks",
        "top right: time on this indicator · time in the whole session",
    ),
    ("q", "save and quit; the command to carry on is shown"),
    ("Ctrl-C", "save everything, drafts too, and stop"),
];

fn help(frame: &mut Frame<'_>, area: Rect, state: &State<'_>) {
    let w = usize::from(area.width);
    let mut lines = vec![Line::from(Span::styled("Keys", bold())), Line::from("")];
    let kw = HELP.iter().map(|(k, _)| width(k)).max().unwrap_or(0) + 2;
    let kw = if kw * 3 > w { 2 } else { kw };
    for (k, what) in HELP {
        let body = wrap(what, w, kw, kw);
        for (i, l) in body.into_iter().enumerate() {
            if i == 0 {
                let pad = kw.saturating_sub(width(k));
                if kw == 2 {
                    lines.push(Line::from(Span::styled((*k).to_string(), bold())));
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
    for l in wrap(
        "Every answer is saved to the record file as soon as it is given. A key that means nothing on a screen records nothing and says so here at the bottom.",
        w,
        0,
        0,
    ) {
        lines.push(Line::from(l));
    }
    let bar = key_bar(&[("Esc", "back"), ("q", "save & quit")], w);
    let h = area.height.saturating_sub(len(&bar) + 1);
    frame.render_widget(
        Paragraph::new(lines),
        Rect::new(area.x, area.y, area.width, h),
    );
    footer(frame, area, state, bar, 0);
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
        Some(Choice::NotApplicable) => "n/a".to_string(),
        None => "not yet".to_string(),
    };
    let level = if state.workshop() {
        state
            .groups()
            .iter()
            .map(|g| {
                let c = state.choice_for(id, Some(g));
                let short = match c {
                    Some(Choice::Level(v)) => v.to_string(),
                    Some(Choice::NotApplicable) => "n/a".to_string(),
                    None => "–".to_string(),
                };
                format!("{} {short}", initials(&state.group_names.name(g)))
            })
            .collect::<Vec<_>>()
            .join(" · ")
    } else if answer.is_some_and(|a| a.level.is_none() && a.disagreed.is_some()) {
        "agreed to disagree".to_string()
    } else {
        words(state.choice_for(id, None))
    };
    let mut marks = Vec::new();
    if let Some(v) =
        answer.and_then(|a| crate::score::votes::summarise(state.framework, a, state.divergence))
    {
        let mut vote = format!("{} voted", v.all.total());
        if v.talk_about_this {
            vote.push_str(" ⚑");
        }
        marks.push(vote);
    }
    if answer.is_some_and(|a| a.evidence.is_some()) {
        marks.push("evidence".to_string());
    }
    match answer.map_or(0, |a| a.actions.len()) {
        0 => {}
        1 => marks.push("1 action".to_string()),
        n => marks.push(format!("{n} actions")),
    }
    let mark = if cursor { "▶" } else { " " };
    let text = format!(
        "{mark} {:<5} {:<18} {}",
        id.to_uppercase(),
        level,
        marks.join(" · ")
    );
    cut(text.trim_end(), w)
}

/// "Parent carers" → "PC".
fn initials(name: &str) -> String {
    name.split_whitespace()
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
            format!("All {total} indicators are answered.")
        } else {
            format!("End of the framework: {answered} of {total} answered, {missing} not yet.")
        }
    } else {
        format!("Overview: {answered} of {total} answered. Enter goes to the one marked.")
    };
    for l in wrap(&title, w, 0, 0) {
        head.push(Line::from(Span::styled(l, bold())));
    }
    if end {
        let next = if answered == total {
            format!("Next: {}", state.commands.report)
        } else {
            format!("To carry on later: {}", state.commands.resume)
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
    let keys: Vec<(&str, &str)> = if end {
        vec![
            ("↑↓", "move"),
            ("Enter", "go there"),
            ("←/b", "last indicator"),
            ("q", "save & finish"),
        ]
    } else {
        vec![
            ("↑↓", "move"),
            ("Enter", "go there"),
            ("Esc", "back"),
            ("q", "save & quit"),
        ]
    };
    let bar = key_bar(&keys, w);
    let h = area.height.saturating_sub(len(&head) + len(&bar) + 1);
    let top = (cursor_row + 1).saturating_sub(usize::from(h) / 2 + 1);
    let top = top.min(body.len().saturating_sub(usize::from(h)));
    let mut y = area.y;
    put(frame, head, area.x, &mut y, area.width);
    let shown: Vec<Line<'static>> = body.into_iter().skip(top).take(usize::from(h)).collect();
    put(frame, shown, area.x, &mut y, area.width);
    footer(frame, area, state, bar, y);
}

/// The status line and the key bar at the bottom of the screen (below row `y` at least).
fn footer(frame: &mut Frame<'_>, area: Rect, state: &State<'_>, bar: Vec<Line<'static>>, y: u16) {
    let w = usize::from(area.width);
    let mut y = area.bottom().saturating_sub(len(&bar) + 1).max(y);
    put(
        frame,
        vec![status_line(state, w)],
        area.x,
        &mut y,
        area.width,
    );
    put(frame, bar, area.x, &mut y, area.width);
}
