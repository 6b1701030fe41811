"""The subject of an object relative clause: in "une pratique que la fédération juge « ... »" or "...,
which she describes as "..."" the clause has its own subject, who speaks, not the antecedent the
relative pronoun refers to. Likewise a speech verb in a subject relative or a comparison opening inside
a clause ("... angering Republicans who have vowed", "by more than any poll had predicted")."""

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


# Auxiliaries and adverbs between a clause's subject and its verb ("who have long vowed", "had predicted").
_AUXILIARIES = (
    r"(?:\s+(?:has|have|had|would|will|could|did|does|do|is|are|was|were|once|long|also|repeatedly))*"
)
# A verb whose clause opens inside the chunk before it: a subject relative ("Republicans who have vowed",
# "a report that had warned") or a comparison ("by more than any poll had predicted").
_SUBJECT_RELATIVE = re.compile(rf"\s(?:who|that){_AUXILIARIES}\s*$")
# A possessive relative whose noun is the subject ("a pollster for Sen. Ted Cruz, whose campaign has
# argued"): the possessor's campaign or office speaks, never the antecedent itself.
_WHOSE = re.compile(rf"whose\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?{_AUXILIARIES}\s*$")
_COMPARISON = re.compile(rf"\bthan\s+(?P<spk>\S.*?){_AUXILIARIES}\s*$")
# The antecedent of a relative: the words after the last preposition or participle before it ("a
# confrontation with Senate Republicans who", "angering Republicans who").
_ANTECEDENT = re.compile(
    r"^(?:.*\b(?:with|to|for|from|of|by|at|among|against|on|in|\w\w+ing)\s+)?(?P<spk>[^,]+?)$"
)


def in_own_clause(chunk: str) -> bool:
    """Whether the verb after `chunk` stands in a relative or comparative clause that opens inside it
    ("..., setting up a fight with Republicans who have vowed") or is one of its own with a possessive
    subject (", whose campaign has argued"): the clause's subject is the verb's, never the subject of the
    sentence it hangs on (news leads pack such clauses after the main one)."""
    if _WHOSE.match(chunk):
        return True
    return _SUBJECT_RELATIVE.search(chunk) is not None or _COMPARISON.search(chunk) is not None


def own_clause_subject(chunk: str, offset: int) -> tuple[str, int] | None:
    """The subject of the clause `in_own_clause` finds: the relative's antecedent or the comparison's
    subject, when fit to be one (else None: "than any public poll had predicted" names no speaker)."""
    relative = _SUBJECT_RELATIVE.search(chunk)
    if _WHOSE.match(chunk):
        return None  # ("whose campaign has argued": no one the article names speaks)
    if relative is not None:
        found = _ANTECEDENT.match(chunk[: relative.start()])
        spk, at = (found.group("spk"), found.start("spk")) if found else ("", 0)
    else:
        compared = _COMPARISON.search(chunk)
        spk, at = (compared.group("spk"), compared.start("spk")) if compared else ("", 0)
    return (spk, offset + at) if spk and plausible_subject(spk) else None


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
