"""The subject of an object relative clause: in "une pratique que la fédération juge « ... »" or "...,
which she describes as "..."" the clause has its own subject, who speaks, not the antecedent the
relative pronoun refers to."""

from __future__ import annotations

import re

from scraper.extract.quotes.quote_after import plausible_subject

# An object relative pronoun, whose clause has its own subject.
_RELATIVE_OBJECT = re.compile(r"\b(?:que|qu[’']|that|which|whom)\s*", re.IGNORECASE)


def relative_subject(chunk: str, offset: int) -> tuple[str, int] | None:
    """The subject inside a relative clause ("une pratique que la fédération juge « ... »")."""
    found = list(_RELATIVE_OBJECT.finditer(chunk))
    # (at the very start of a sentence "That" is a conjunction: "That Xi announced it signals ...")
    if not found or not offset + found[-1].start() or not plausible_subject(chunk[found[-1].end() :]):
        return None
    return chunk[found[-1].end() :], offset + found[-1].end()


# A subject relative right before its speech verb (", who said", ", who also told"): the clause's speaker
# is the name it follows.
_WHO = re.compile(r"who(?:\s+(?:also|later|has|had|have|once|previously|recently|then))*", re.IGNORECASE)
# The name ending the chunk before the relative: "comments from former City defender Micah Richards".
_TRAILING_NAME = re.compile(r"(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*$")


def antecedent_speaker(chunks: list[tuple[str, int]]) -> tuple[str, int] | None:
    """The speaker of a verb in a subject relative clause ("The manager was asked about comments from
    Micah Richards, who said ..."): the name the relative follows, not the sentence's subject."""
    if len(chunks) < 2 or not _WHO.fullmatch(chunks[-1][0]):
        return None
    chunk, offset = chunks[-2]
    name = _TRAILING_NAME.search(chunk)
    if name is None or not name.start() or not plausible_subject(name.group()):
        return None  # (a name opening its chunk is the chunk, which the caller reads as any subject)
    return name.group(), offset + name.start()
