//! The QR code of the vote's address, drawn with text: two rows of modules per line of text
//! with the half-block characters, dark modules as spaces on light ones so that it scans on a
//! dark terminal or a projector, with the quiet zone around it that scanners need.

use qrcode::{Color, EcLevel, QrCode};

/// Modules of light border around the code (the standard asks for 4; 2 scans on screens).
const QUIET: usize = 2;

/// The QR code of `text` as lines of text; empty if it cannot be made (too long).
pub fn lines(text: &str) -> Vec<String> {
    let Ok(code) = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L) else {
        return Vec::new();
    };
    let width = code.width();
    let colors = code.to_colors();
    let size = width + 2 * QUIET;
    // Dark when inside the code and its module is dark.
    let dark = |x: usize, y: usize| -> bool {
        x >= QUIET
            && y >= QUIET
            && x < width + QUIET
            && y < width + QUIET
            && colors.get((y - QUIET) * width + (x - QUIET)) == Some(&Color::Dark)
    };
    let mut out = Vec::with_capacity(size.div_ceil(2));
    let mut y = 0;
    while y < size {
        let mut line = String::with_capacity(size * 3);
        for x in 0..size {
            let top = dark(x, y);
            let bottom = y + 1 < size && dark(x, y + 1);
            // Light is drawn, dark is left blank.
            line.push(match (top, bottom) {
                (false, false) => '█',
                (false, true) => '▀',
                (true, false) => '▄',
                (true, true) => ' ',
            });
        }
        out.push(line);
        y += 2;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_makes_a_square_code_with_its_quiet_zone() {
        let l = lines("http://192.168.100.200:8080/?code=ACDEF");
        assert!(!l.is_empty());
        let w = l[0].chars().count();
        assert!(l.iter().all(|line| line.chars().count() == w));
        assert_eq!(l.len(), w.div_ceil(2));
        // The border is light all round.
        assert!(l[0].chars().all(|c| c == '█'));
        assert!(w <= 37, "a short address fits a small code, got {w}");
    }

    #[test]
    fn text_too_long_for_a_code_gives_none() {
        assert!(lines(&"x".repeat(10_000)).is_empty());
    }
}
