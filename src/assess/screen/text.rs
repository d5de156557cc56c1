//! Text for the screen: word wrapping by display width, and a small multi-line editor.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width of a string, in terminal columns.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Wraps `text` into lines of at most `max` columns: the first line starts after `first`
/// columns already used, later lines after `indent` spaces (which the caller adds). Words longer
/// than a line are broken, so nothing ever runs past the edge or is cut off.
pub fn wrap(text: &str, max: usize, first: usize, indent: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = first.min(max.saturating_sub(1));
    let room = |n_lines: usize| {
        if n_lines == 0 {
            max
        } else {
            max.saturating_sub(indent).max(1)
        }
    };
    let start = |n_lines: usize| if n_lines == 0 { first.min(max - 1) } else { 0 };
    for word in text.split_whitespace() {
        let w = width(word);
        let space = usize::from(!line.is_empty());
        if used + space + w <= room(lines.len()) {
            if space == 1 {
                line.push(' ');
            }
            line.push_str(word);
            used += space + w;
            continue;
        }
        if !line.is_empty() || used > start(lines.len()) {
            lines.push(std::mem::take(&mut line));
            used = start(lines.len());
        }
        // The word does not fit on an empty line: break it by characters.
        for c in word.chars() {
            let cw = UnicodeWidthChar::width(c).unwrap_or(0);
            if used + cw > room(lines.len()) && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = start(lines.len());
            }
            line.push(c);
            used += cw;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Text from a framework or record made safe for one line of the screen: control and hidden
/// characters are shown as escapes, so they can neither drive the terminal nor hide text.
pub fn clean(text: &str) -> String {
    crate::clean::terminal_line(text).into_owned()
}

/// Multi-line text being typed: lines and a cursor (line, character).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Editor {
    /// The lines, without line breaks.
    pub lines: Vec<String>,
    /// Cursor line.
    pub row: usize,
    /// Cursor position in the line, in characters.
    pub col: usize,
}

impl Editor {
    /// An editor holding `text`, with the cursor at its end.
    pub fn new(text: &str) -> Self {
        let mut lines: Vec<String> = text.split('\n').map(|l| l.replace('\r', "")).collect();
        if lines.is_empty() {
            lines.push(String::new());
        }
        let row = lines.len() - 1;
        let col = lines[row].chars().count();
        Self { lines, row, col }
    }

    /// The whole text, lines joined by line breaks.
    pub fn text(&self) -> String {
        self.lines.join("\n")
    }

    /// Whether there is nothing but white space.
    pub fn is_blank(&self) -> bool {
        self.lines.iter().all(|l| l.trim().is_empty())
    }

    fn byte(&self) -> usize {
        let line = &self.lines[self.row];
        line.char_indices()
            .nth(self.col)
            .map_or(line.len(), |(i, _)| i)
    }

    fn line_len(&self) -> usize {
        self.lines[self.row].chars().count()
    }

    /// Types a character at the cursor.
    pub fn insert(&mut self, c: char) {
        if c == '\n' {
            self.newline();
            return;
        }
        if c.is_control() {
            return;
        }
        let at = self.byte();
        self.lines[self.row].insert(at, c);
        self.col += 1;
    }

    /// Splits the line at the cursor.
    pub fn newline(&mut self) {
        let at = self.byte();
        let rest = self.lines[self.row].split_off(at);
        self.lines.insert(self.row + 1, rest);
        self.row += 1;
        self.col = 0;
    }

    /// Deletes the character before the cursor (joining lines at the start of one).
    pub fn backspace(&mut self) {
        if self.col > 0 {
            self.col -= 1;
            let at = self.byte();
            self.lines[self.row].remove(at);
        } else if self.row > 0 {
            let line = self.lines.remove(self.row);
            self.row -= 1;
            self.col = self.line_len();
            self.lines[self.row].push_str(&line);
        }
    }

    /// Deletes the character under the cursor (joining the next line at the end of one).
    pub fn delete(&mut self) {
        if self.col < self.line_len() {
            let at = self.byte();
            self.lines[self.row].remove(at);
        } else if self.row + 1 < self.lines.len() {
            let next = self.lines.remove(self.row + 1);
            self.lines[self.row].push_str(&next);
        }
    }

    /// Moves the cursor one character left (to the end of the previous line at the start).
    pub fn left(&mut self) {
        if self.col > 0 {
            self.col -= 1;
        } else if self.row > 0 {
            self.row -= 1;
            self.col = self.line_len();
        }
    }

    /// Moves the cursor one character right.
    pub fn right(&mut self) {
        if self.col < self.line_len() {
            self.col += 1;
        } else if self.row + 1 < self.lines.len() {
            self.row += 1;
            self.col = 0;
        }
    }

    /// Moves the cursor up a line.
    pub fn up(&mut self) {
        if self.row > 0 {
            self.row -= 1;
            self.col = self.col.min(self.line_len());
        }
    }

    /// Moves the cursor down a line.
    pub fn down(&mut self) {
        if self.row + 1 < self.lines.len() {
            self.row += 1;
            self.col = self.col.min(self.line_len());
        }
    }

    /// Moves the cursor to the start of its line.
    pub fn home(&mut self) {
        self.col = 0;
    }

    /// Moves the cursor to the end of its line.
    pub fn end(&mut self) {
        self.col = self.line_len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word_and_stays_within_the_width() {
        let text = "Parent carers feel welcome from the first contact and at every meeting.";
        for max in [20, 33, 60] {
            let lines = wrap(text, max, 5, 5);
            assert_eq!(lines.join(" "), text, "{max}");
            assert!(width(&lines[0]) + 5 <= max, "{max}: {lines:?}");
            for l in &lines[1..] {
                assert!(width(l) + 5 <= max, "{max}: {lines:?}");
            }
        }
    }

    #[test]
    fn long_words_are_broken_not_cut() {
        let lines = wrap("abcdefghijklmnop", 6, 0, 0);
        assert_eq!(lines, ["abcdef", "ghijkl", "mnop"]);
        let wide = wrap("ŵŵ 中文中文中文", 4, 0, 0);
        assert_eq!(wide.concat().replace(' ', ""), "ŵŵ中文中文中文");
        assert!(wide.iter().all(|l| width(l) <= 4), "{wide:?}");
    }

    #[test]
    fn the_editor_types_joins_and_splits_lines() {
        let mut e = Editor::new("");
        for c in "Hafren\nVale".chars() {
            e.insert(c);
        }
        assert_eq!(e.text(), "Hafren\nVale");
        e.home();
        e.backspace();
        assert_eq!(e.text(), "HafrenVale");
        e.insert('\n');
        e.up();
        e.end();
        e.insert('ŷ');
        assert_eq!(e.text(), "Hafrenŷ\nVale");
        e.delete();
        assert_eq!(e.text(), "HafrenŷVale");
        e.insert('\u{1b}');
        assert_eq!(e.text(), "HafrenŷVale", "control characters are not typed");
        assert!(!e.is_blank());
        assert!(Editor::new(" \n ").is_blank());
    }
}
