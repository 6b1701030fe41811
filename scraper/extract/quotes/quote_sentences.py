"""Where the sentences of a paragraph end (abbreviations like "Mr." or "U.S." and initials do not end one)."""

from __future__ import annotations

import re

from scraper.extract.quotes.speaker_words import word_set

__all__ = ["SENTENCE_END", "after_last", "sentence_ends", "sentence_start"]

SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'„«(\[]?[A-Z0-9])")
_ABBREVIATIONS = word_set(
    "mr mrs ms dr st gen adm sen rep gov lt col capt sgt prof jr sr inc co corp ltd vs no u.s u.k "
    "a.m p.m jan feb aug sept oct nov dec fig e.g i.e approx est"
)


def sentence_start(text: str) -> int:
    """Offset where the last sentence of `text` begins (abbreviations like "Mr." do not end one)."""
    ends = sentence_ends(text)
    return ends[-1] if ends else 0


def sentence_ends(text: str) -> list[int]:
    """Offsets where a sentence of `text` ends and the next begins (not after "Mr.", "U.S.", "J.")."""
    ends = []
    for match in SENTENCE_END.finditer(text):
        before = text[: match.start()].rsplit(None, 1)
        word = before[-1].lower().lstrip('("“') if before else ""
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        ends.append(match.end())
    return ends


def after_last(text: str, marks: str) -> int:
    """Offset after the last of `marks` in `text` (0 with none): where a pattern anchored at the end of
    the text that matches none of those characters is searched from, not from every position before."""
    return max(map(text.rfind, marks)) + 1
