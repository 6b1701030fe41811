"""Rejoin plain text wrapped at a fixed width (wire feeds, mail, archived .txt files) into whole lines.

A text wrapped by a program breaks a line only when the next word would not fit: that signature, seen
on several lines of a text whose lines never pass a typical wrap width, tells wrapped prose from text
whose line ends are its own (copied page text, lists, ticker strips), which is left as it is.
"""

from __future__ import annotations

import re

# Fixed-width text is wrapped between about 60 and 100 columns; a longer line means unwrapped text.
_MAX_WIDTH = 100
_MIN_WIDTH = 40
_MIN_BREAKS = 2
_BULLET = re.compile(r"^\s*(?:[•·▪●◦‣∙*\-–]|\d{1,2}[.)])\s+")
INDENTED = re.compile(r"^(?: {2,}|\t)")  # (also how text_to_tree continues a list item)
# A word broken at its own hyphen by the wrapper ("two-" / "year"), not a dash ending a clause.
_HYPHEN_END = re.compile(r"[^\W\d_]-$")


def unwrap_lines(text: str) -> list[str]:
    """The lines of `text`, each run of wrapped lines joined into one; unwrapped text unchanged."""
    lines = text.splitlines()
    width = _wrap_width(lines)
    if width is None:
        return lines
    out: list[str] = []
    for index, line in enumerate(lines):
        if index and out and _continues(lines[index - 1], line, width):
            out[-1] = _joined(out[-1], line.strip())
        else:
            out.append(line)
    return out


def _wrap_width(lines: list[str]) -> int | None:
    """The column the text is wrapped at, or None when its line ends are not a wrapper's."""
    width = max((len(line.rstrip()) for line in lines), default=0)
    if not _MIN_WIDTH <= width <= _MAX_WIDTH:
        return None
    breaks = long_lines = 0
    for line, following in zip(lines, lines[1:], strict=False):
        if len(line.rstrip()) < 0.6 * width or not following.strip():
            continue
        long_lines += 1
        breaks += _continues(line, following, width)
    if breaks >= _MIN_BREAKS and breaks * 2 >= long_lines:
        return width
    return None


def _continues(line: str, following: str, width: int) -> bool:
    """Whether `following` goes on with `line`'s sentence: its first word would not fit on `line`."""
    words = following.split()
    if not words or not line.strip() or _BULLET.match(following):
        return False
    if INDENTED.match(following) and not INDENTED.match(line):
        return False  # an indented first line starts a paragraph in feeds without blank lines
    return len(line.rstrip()) + 1 + len(words[0]) > width


def _joined(line: str, following: str) -> str:
    """Two wrapped pieces as one line: a space between them, none after a word's own hyphen."""
    line = line.rstrip()
    if _HYPHEN_END.search(line):
        return line + following
    return f"{line} {following}"
