"""Compare an extracted author list with a ground-truth byline string, fairly.

Some ground truths (Readability.js's `byline`) are one raw string per page, not a list of names:
"By Erin Cunningham", "Stella Kim, Jennifer Jett", "Par Sébastien Farcis", "By Jane Doe March 25,
2015", or page furniture ("Follow Author", "Last Updated: January 7, 2025"). `name_set` turns either
side into a set of comparable names, the same way for truth and extraction:

1. whitespace collapsed, a leading credit word dropped ("By", "Par", "Von", "Por", "Written by", ...);
2. a date or time and whatever follows it cut off (a digit, a month name before a digit,
   "Updated"/"Published"/"Posted"), and a later non-author credit ("Edited by ...") too;
3. split on commas, semicolons, parentheses, "&" and the words "and/und/et/y/with/avec/mit";
4. each part casefolded, stripped of punctuation at its ends; empty parts dropped.

A truth whose parts are all furniture words (or that is left empty) names nobody: `is_furniture`
flags it so the benchmark counts it apart instead of scoring it. Known limits: "Mac & i" (an
organization with "&") and "Jane Doe, MA" (a credential) split into two parts on both sides, so the
normalized figure cannot tell them from a wrong split; the exact figure still can.
"""

from __future__ import annotations

import re

_LEAD = re.compile(r"^(?:written\s+by|words\s+by|reporting\s+by|by|par|von|por|door)\b[:\s]*", re.I)
_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    "oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE = re.compile(
    rf"(?:\d|\b(?:{_MONTHS})\.?\s+\d|\b(?:last\s+)?(?:updated|published|posted)\b"
    r"|\b(?:edited|illustrated|photographs?|photos|translated)\s+by\b).*$",
    re.I | re.S,
)
_SPLIT = re.compile(r"[,;()&]|\b(?:and|und|et|y|with|avec|mit)\b", re.I)
_FURNITURE = frozenset({
    "follow", "author", "authors", "share", "subscribe", "more", "view", "profile", "posted", "updated",
    "published", "last", "on", "at", "by", "am", "pm", "comments", "comment", "email", "print",
})


def _parts(text: str) -> list[str]:
    text = " ".join(text.split())
    text = _DATE.sub("", _LEAD.sub("", text))
    parts = (p.strip(" .:-–—'\"").casefold() for p in _SPLIT.split(text))
    return [" ".join(p.split()) for p in parts if p.strip()]


def name_set(entries: list[str]) -> frozenset[str]:
    """The comparable names of a list of names or of byline strings."""
    return frozenset(p for entry in entries for p in _parts(entry))


def is_furniture(entries: list[str]) -> bool:
    """True when a truth byline names nobody: only a date, or only words like "Follow Author"."""
    if not entries:
        return False
    words = {w for entry in entries for p in _parts(entry) for w in re.findall(r"\w+", p)}
    return not words or words <= _FURNITURE
