"""Subjects of joined clauses and verbs. A speech participle hangs on the nearest clause: in "Mr. Trump
has ignored him, and Mr. Kasich has begun to return fire, saying ..." the subject of the last clause
joined by ", and" or ", but" before it speaks, not the first clause's. A speech verb joined by "and" to
its clause's first verb ("Rep. X met the farmers and described the bill as") has that clause's subject.
"""

from __future__ import annotations

import re

# A clause joined by "and"/"but" after a comma, its own subject and a finite verb.
_JOINED_CLAUSE = re.compile(
    r",\s+(?:and|but)\s+(?P<spk>[Hh]e|[Ss]he|the(?:\s+[a-z][\w\-]*){1,2}?|"
    # (a former office's holder, and the state after a name: "former Gov. Mitt Romney of Massachusetts")
    r"(?:former\s+)?(?:[A-Z][\w’'.\-\u2024]*\s+){0,3}[A-Z][\w’'\-]*(?:\s+of\s+[A-Z][\w’'\-]*)?)\s+"
    r"(?:[a-z]\w*ly\s+)?(?:has|had|have|is|was|were|did|[a-z]\w*ed|[a-z]\w*s)\b"
)


def joined_clause_subject(sentence: str, end: int) -> tuple[str, int] | None:
    """The subject phrase opening the last clause joined by ', and'/', but' before `end`, and its offset;
    the caller judges whether it is a person."""
    if ", and " not in sentence[:end] and ", but " not in sentence[:end]:  # (cheap: most sentences)
        return None
    found = None
    for match in _JOINED_CLAUSE.finditer(sentence, 0, end):
        found = match
    return (found.group("spk"), found.start("spk")) if found is not None else None


# A name or he/she opening a clause, then (after a party-state tag) its lower-case verb: the subject of
# a speech verb coordinated with that verb. (Not a verb before a determiner: "Imagine the minister ...".)
_COORDINATED = re.compile(
    r"(?P<spk>[Hh]e|[Ss]he|(?:[A-Z][\w’'.\-\u2024]*\s+){0,3}[A-Z][\w’'\-]*)(?:\s*\([^()]{1,30}\))?\s+"
    r"(?!(?:the|a|an|this|that|his|her|their|our|my|your)\s)[a-z]"
)


def coordinated_lead(chunk: str) -> re.Match[str] | None:
    """The name or he/she opening a clause whose first verb a speech verb is coordinated with ("spk")."""
    return _COORDINATED.match(chunk)
