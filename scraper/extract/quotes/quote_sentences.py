"""Where the sentences of a paragraph end (abbreviations like "Mr." or "U.S." and initials do not end one)."""

from __future__ import annotations

import re

from scraper.extract.quotes.speaker_words import word_set

__all__ = ["SENTENCE_END", "after_last", "last_words_at", "sentence_ends", "sentence_start"]

_END_TAIL = r"[\"”’')\]]*\s+(?=[\"“‘'„«(\[]?[A-Z0-9])"  # (closing marks, space, then a capital or digit)
SENTENCE_END = re.compile(rf"[.!?]{_END_TAIL}")
# The same split by its first character, for sentence_ends: a period, one character the engine skips
# to faster than to any of three, and "!" or "?", searched for only where the text holds one. (No match
# holds a second [.!?], so the two searches' matches never overlap: together, in order, they are
# SENTENCE_END's.)
_PERIOD_END = re.compile(rf"\.{_END_TAIL}")
_MARK_END = re.compile(rf"[!?]{_END_TAIL}")
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
    matches = list(_PERIOD_END.finditer(text))
    if "!" in text or "?" in text:
        matches = sorted([*matches, *_MARK_END.finditer(text)], key=_start)
    for match in matches:
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


def last_words_at(text: str, count: int) -> int:
    """Offset at or before which the last `count` words of `text` begin (0 when it has no more words):
    a pattern anchored at the end whose matches hold at most `count` - 1 runs of white space (and start
    with no white space) can only match from there, so searching from there finds the same match."""
    head = text.rsplit(None, count)
    return len(head[0]) if len(head) > count else 0


def _start(match: re.Match[str]) -> int:
    return match.start()
