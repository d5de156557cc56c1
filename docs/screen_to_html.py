#!/usr/bin/env python3
"""Turns a terminal screen captured with colours (`tmux capture-pane -e -p`) into a standalone
HTML page, one <pre> with a <span> per run of cells that look the same, for a screenshot of the
workshop screen in the README (docs/projector-reveal.png).

Understands the SGR escapes tmux writes: reset, bold, dim, italic, underline, reverse, the 16
colours, the 256-colour palette and 24-bit colour, for text and background. Anything else in
the capture (there should be nothing) is dropped.

Usage: python3 docs/screen_to_html.py capture.txt > screen.html
The whole screenshot, step by step, is made by docs/projector-reveal.sh.
"""

import html
import re
import sys

# xterm's default palette for the 16 colours.
BASE16 = [
    "#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
    "#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff",
]
FOREGROUND = "#e5e5e5"
BACKGROUND = "#101418"


def palette(n):
    """The colour of entry n of the 256-colour palette."""
    if n < 16:
        return BASE16[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        r, g, b = steps[n // 36], steps[(n // 6) % 6], steps[n % 6]
        return f"#{r:02x}{g:02x}{b:02x}"
    v = 8 + 10 * (n - 232)
    return f"#{v:02x}{v:02x}{v:02x}"


class Style:
    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = None
        self.bg = None
        self.bold = False
        self.dim = False
        self.italic = False
        self.underline = False
        self.reverse = False

    def key(self):
        return (self.fg, self.bg, self.bold, self.dim, self.italic, self.underline, self.reverse)

    def css(self):
        fg, bg = self.fg or FOREGROUND, self.bg or BACKGROUND
        if self.reverse:
            fg, bg = bg, fg
        out = []
        if fg != FOREGROUND:
            out.append(f"color:{fg}")
        if bg != BACKGROUND:
            out.append(f"background:{bg}")
        if self.bold:
            out.append("font-weight:bold")
        if self.dim:
            out.append("opacity:0.7")
        if self.italic:
            out.append("font-style:italic")
        if self.underline:
            out.append("text-decoration:underline")
        return ";".join(out)

    def apply(self, params):
        codes = [int(p) if p.isdigit() else 0 for p in params.split(";")] if params else [0]
        i = 0
        while i < len(codes):
            c = codes[i]
            if c == 0:
                self.reset()
            elif c == 1:
                self.bold = True
            elif c == 2:
                self.dim = True
            elif c == 3:
                self.italic = True
            elif c == 4:
                self.underline = True
            elif c == 7:
                self.reverse = True
            elif c == 22:
                self.bold = self.dim = False
            elif c == 23:
                self.italic = False
            elif c == 24:
                self.underline = False
            elif c == 27:
                self.reverse = False
            elif 30 <= c <= 37:
                self.fg = BASE16[c - 30]
            elif 90 <= c <= 97:
                self.fg = BASE16[c - 90 + 8]
            elif c == 39:
                self.fg = None
            elif 40 <= c <= 47:
                self.bg = BASE16[c - 40]
            elif 100 <= c <= 107:
                self.bg = BASE16[c - 100 + 8]
            elif c == 49:
                self.bg = None
            elif c in (38, 48) and i + 1 < len(codes):
                colour = None
                if codes[i + 1] == 5 and i + 2 < len(codes):
                    colour = palette(codes[i + 2] % 256)
                    i += 2
                elif codes[i + 1] == 2 and i + 4 < len(codes):
                    r, g, b = (min(v, 255) for v in codes[i + 2:i + 5])
                    colour = f"#{r:02x}{g:02x}{b:02x}"
                    i += 4
                if c == 38:
                    self.fg = colour
                else:
                    self.bg = colour
            i += 1


ESCAPE = re.compile(r"\x1b\[([0-9;]*)([A-Za-z])|\x1b.")


def convert(text):
    style = Style()
    lines = []
    for raw in text.rstrip("\n").split("\n"):
        spans = []
        current, buf = style.css(), []
        pos = 0
        for m in ESCAPE.finditer(raw):
            buf.append(raw[pos:m.start()])
            pos = m.end()
            if m.group(2) == "m":
                style.apply(m.group(1))
                css = style.css()
                if css != current:
                    spans.append((current, "".join(buf)))
                    current, buf = css, []
        buf.append(raw[pos:])
        spans.append((current, "".join(buf)))
        line = "".join(
            f'<span style="{c}">{html.escape(t)}</span>' if c else html.escape(t)
            for c, t in spans
            if t
        )
        lines.append(line)
    return "\n".join(lines)


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>coprod workshop screen</title>
<style>
html, body {{ margin: 0; background: {bg}; }}
pre {{ margin: 0; padding: 12px 14px; color: {fg}; background: {bg};
      font: 15px/1.25 "DejaVu Sans Mono", "Liberation Mono", monospace; }}
</style></head>
<body><pre>{body}</pre></body></html>
"""


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: screen_to_html.py CAPTURE")
    with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
        text = f.read()
    sys.stdout.write(PAGE.format(bg=BACKGROUND, fg=FOREGROUND, body=convert(text)))


if __name__ == "__main__":
    main()
