//! Terminal settings: how wide to lay out text, and whether to use colour. Read from the
//! environment (`COLUMNS`, `NO_COLOR`) and the terminal itself.
//!
//! This module is at the bottom of the crate: it uses nothing else of coprod's.

/// The width to lay tables out in: `COLUMNS`, else the terminal's, else 100.
pub fn width(to_stdout: bool) -> u16 {
    if let Some(w) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok())
    {
        return w.clamp(40, 400);
    }
    if to_stdout && let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size() {
        return w.clamp(40, 400);
    }
    100
}

/// Whether to colour output written to this stream: a terminal, and `NO_COLOR` not set.
pub fn use_color(is_terminal: bool) -> bool {
    is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
