"""The subject of a clause opened by a conjunction right before a speech verb.

"As one principal put it", "When Reagan said", "The crowd cheered as Mayor Tom Hale said": the clause
after "as", "when", "while" or "because" has its own subject, who speaks, not the main clause's. The
writer's "we" or "I" there names no one the rules can give ("The community chirped away as we asked").
"""

from __future__ import annotations

import re

from scraper.extract.quotes.quote_reporting import subject_after_clause
from scraper.extract.quotes.speakers import classify_phrase

_AS = re.compile(r"(?i:as|when|after|before|while|because|once|until)\s+")  # ("When Reagan said")
_INNER_AS = re.compile(r"(?<=\s)(?:as|when|while|because)\s+")  # (a clause inside the chunk)
_WRITER = frozenset({"we", "I"})


def without_conjunction(chunk: str, offset: int) -> tuple[str, int]:
    """The subject after a leading "as" or "when" ("As one principal put it" -> "one principal", "When
    Reagan said") or one inside the chunk ("The crowd cheered as X said"); not a bare group word, which
    makes it a time clause ("As we say goodbye, he ...")."""
    conjunction = _AS.match(chunk) or _last_match(_INNER_AS, chunk)
    if conjunction is None:
        return chunk, offset
    rest = chunk[conjunction.end() :]
    if rest in _WRITER:  # ("X chirped away as we asked"): the writer asks, no one the rules name
        return rest, offset + conjunction.end()
    named = subject_after_clause(rest)  # ("When the votes came in Trump declared")
    if named is not None:
        return named[0], offset + conjunction.end() + named[1]
    phrase = classify_phrase(rest)
    if phrase is None or phrase.kind == "group":
        return chunk, offset
    return rest, offset + conjunction.end()


def _last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The last match of `pattern` in `text`."""
    last = None
    for found in pattern.finditer(text):
        last = found
    return last
