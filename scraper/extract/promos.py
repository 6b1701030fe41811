"""Partner promos appended to copies: the closing blocks that are not the article.

Copies on finance and news portals end with the partner's own marketing: a stock-picking pitch
("Should you invest $1,000 in X right now?" ... "*Stock Advisor returns as of May 5, 2025"), a
disclosure line ("Jane Doe has no position ... The Example Fool has a disclosure policy."), a
"Don't miss: ..." teaser, a "Sign up for ... newsletter" call. They are recognised by their
wording, which is the same on every page carrying them, not by where a site puts them.

A pitch is removed as a block (from its opening question to the line that closes it) only after the
first third of the article and only when that closing line follows: an article that is itself
about whether to invest in something keeps its text.
"""

from __future__ import annotations

import re

# Opens a pitch block: "Should you invest $1,000 in Acme right now?", "Should you buy stock in Acme now?"
_PITCH_OPENER = re.compile(
    r"^(?:should you (?:invest|buy|put) (?:\$[\d,.]+ ?(?:[kK]|\w+ )?)?(?:in|into|stock in|shares of) .{1,80}"
    r"(?:right )?now\?|before you buy stock in .{1,80}, consider this\b)",
    re.I,
)
# Closes one: "*Stock Advisor returns as of June 2, 2025", "... has a disclosure policy."
_PITCH_CLOSER = re.compile(r"\breturns as of\b.{0,40}\d{4}\W*$|\bhas a disclosure policy\.?$", re.I)
# Lines that are a promo on their own, wherever they are.
_PROMO_LINES = (
    re.compile(r"^\*?\s*[\w .&'’-]{0,60}\breturns as of \w+ \d{1,2},? \d{4}\W*$", re.I),
    re.compile(r"^.{0,400}\bhas a disclosure policy\.?$", re.I),
    re.compile(
        r"^(?:don[’']t miss|must read|read next|also read|more from \w[\w ]{0,40})\s*[:—–-]\s*\S", re.I
    ),
    re.compile(r"^(?:sign up|subscribe|register)\b.{0,120}\bnewsletters?\b", re.I),
)
_MAX_PROMO_WORDS = 60  # a promo line is short; a body paragraph that quotes one is not removed
_QUOTE_MARKS = ("\"", "“", "”", "«", "„")
_MAX_PITCH = 12  # paragraphs from a pitch's opening question to its closing line


def strip_promos(paragraphs: list[str]) -> list[str]:
    """The paragraphs without partner promo blocks and promo lines."""
    kept = _without_pitch(paragraphs)
    return [p for p in kept if not is_promo_line(p)]


def is_promo_line(paragraph: str) -> bool:
    """A short line with a promo's wording, not a sentence of the story quoting it."""
    if len(paragraph.split()) > _MAX_PROMO_WORDS or any(mark in paragraph for mark in _QUOTE_MARKS):
        return False
    return any(pattern.search(paragraph) for pattern in _PROMO_LINES)


def _without_pitch(paragraphs: list[str]) -> list[str]:
    """Remove a pitch block: an opener after the article's first third, through the last closer after it."""
    for start in range(len(paragraphs) // 3, len(paragraphs)):
        if not _PITCH_OPENER.search(paragraphs[start]):
            continue
        reach = range(start, min(len(paragraphs), start + _MAX_PITCH))
        closers = [i for i in reach if _PITCH_CLOSER.search(paragraphs[i])]
        if closers:
            return paragraphs[:start] + paragraphs[closers[-1] + 1:]
    return paragraphs
