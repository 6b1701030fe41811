"""Who answers a question told in narration.

A sentence that opens with the question put to its subject ('Asked after the event whether she would
run, Mrs. Clinton smiled', 'Pressed on the deal, the governor paused'): the subject after the clause is
who answers, the one a following "she said" or "he said" refers to, though the clause holds a speech verb
("asked") that would otherwise mark the sentence as a report rather than as narration about its subject.
And an interviewer who asks about someone else ('Cuomo asked whether she had been interviewed', 'Kell
asked her if ...'): the one asked answers, so the asker is no antecedent for the answer's "she said".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from scraper.extract.quotes.speakers import classify_phrase

# The passive participle of a question opening the sentence, its clause up to the first comma, then the
# subject: a capital or "the".
_ASKED_OPENING = re.compile(
    r"\s*(?:When\s+)?(?:Asked|Pressed|Questioned|Challenged)\b[^.!?;:\"“”]{0,160}?,\s+(?=[A-Z]|the\s)"
)
_OPENERS = frozenset("WAPQC")


# The subject after an opening "Asked ...," clause, a lone surname too ("Asked whether he would quit,
# Strickland laughed."): the one asked, who answers in the quotation after the sentence.
_ASKED_LEAD = re.compile(
    r"\s*(?P<spk>(?:[A-Z][\w’'.\-\u2024]*\s+){0,3}[A-Z][\w’'\-]*)\s+(?:[a-z]\w*ly\s+)?[a-z]"
)


def asked_lead(text: str, previous: int, start: int) -> re.Match[str] | None:
    """The name or he/she the sentence text[previous:start] leads with after its "Asked ...," clause."""
    at = asked_opening(text[previous:start])
    match = _ASKED_LEAD.match(text, previous + at, start) if at >= 0 else None
    phrase = classify_phrase(match.group("spk")) if match is not None else None
    return match if phrase is not None and phrase.kind in {"name", "pronoun"} else None


def asked_opening(sentence: str) -> int:
    """Where the subject starts after an opening 'Asked ...,' clause of `sentence`, or -1 when none."""
    if sentence.lstrip()[:1] not in _OPENERS:  # (most sentences: cheaper than the pattern)
        return -1
    match = _ASKED_OPENING.match(sentence)
    return match.end() if match is not None else -1


# The verb of asking right after its subject, then the one asked as a pronoun: an object ("asked her")
# or the subject of the question ("asked whether she", "asked if he had", "asked whether Kaine would").
_ASKS_OTHER = re.compile(
    r"\s+(?:[a-z]+ly\s+)?(?:asked|pressed|questioned)\s+(?:(?:him|her)\b|(?:whether|if)\s+(?:he\b|she\b|[A-Z]))"
)


def asks_about_other(text: str, end: int) -> bool:
    """Whether the speech verb after a subject ending at text[end] asks someone else a question ('Cuomo
    asked whether she ...'): the subject is the asker, not who answers next."""
    return text.startswith(" ", end) and _ASKS_OTHER.match(text, end) is not None


# A verb that puts a question to the person named after it ('When Kell pressed Reyes on the numbers, he
# pivoted'), or asks whether they will do something ('Stephanopoulos asked whether Kaine would attack'): the
# one questioned is who answers, so a following he or she is them (role "asked").
QUESTIONED = re.compile(
    r"\b(?:pressed|asked|challenged|questioned|confronted|grilled|quizzed)\s+(?:(?:whether|if)\s+)?$"
)
# So does the passive: "At a town hall, Rubio was asked about immigration. '...,' he said", also after
# an appositive ("Reince Priebus, the party chairman, was asked whether ...").
WAS_ASKED = re.compile(
    r"(?:,\s+[a-z][^,.;:]{0,60},)?\s+(?:was|were)\s+(?:[a-z]+ly\s+)?(?:asked|pressed|questioned)\b"
)
PASSIVE_NEXT = (" was ", " were ", ", ")  # (what WAS_ASKED needs right after the name)
_ASKING = re.compile(r"\s*(?:[a-z]+ly\s+)?(?:asked|pressed|wondered|followed up)\b")


def goes_on_asking(tags: Iterable[tuple[int, str, Sequence[Any]]], narration: str) -> bool:
    """Whether a paragraph's speaker phrases (offset, phrase, quotes) hold a question tagged 'he asked' or
    'she pressed' ('Tapper pressed Sanders on X. "...?" he asked'): the one who puts a question to someone
    named goes on asking, so the pronoun is not the one asked."""
    return any(
        raw.strip().lower() in {"he", "she"}
        and any(quote.text.endswith("?") for quote in quotes)
        and _ASKING.match(narration, offset + len(raw)) is not None
        for offset, raw, quotes in tags
    )
