"""The subject of an object relative clause: in "une pratique que la fédération juge « ... »" or "...,
which she describes as "..."" the clause has its own subject, who speaks, not the antecedent the
relative pronoun refers to."""

from __future__ import annotations

import re

from scraper.extract.quotes.quote_after import plausible_subject

# An object relative pronoun, whose clause has its own subject: a whole word, or French "qu'" elided
# (not the start of "question", "Queen" or "Thatcher").
_RELATIVE_OBJECT = re.compile(r"\b(?:(?:que|that|which|whom)\b|qu[’'])\s*", re.IGNORECASE)


def relative_subject(chunk: str, offset: int) -> tuple[str, int] | None:
    """The subject inside a relative clause ("une pratique que la fédération juge « ... »")."""
    found = list(_RELATIVE_OBJECT.finditer(chunk))
    # (at the very start of a sentence "That" is a conjunction: "That Xi announced it signals ...")
    if not found or not offset + found[-1].start() or not plausible_subject(chunk[found[-1].end() :]):
        return None
    return chunk[found[-1].end() :], offset + found[-1].end()
