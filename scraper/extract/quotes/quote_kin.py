"""A relative named by a lone given name in apposition: 'Her husband, Gerrit, was less sure', 'His
daughter, Ana, says'. Feature and news writing alike name a spouse, child or sibling of someone just
introduced by given name only: they share that person's surname unless told otherwise, and as the
sentence's subject they are whom a following "he says" or "she says" means.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.speaker_entries import Speaker, compatible, not_a_person
from scraper.extract.quotes.speaker_gender import FEMALE, MALE, word_gender
from scraper.extract.quotes.speaker_words import NAME_PARTICLES, word_set

# Relations with a sex of their own; speaker_gender.word_gender gives it.
_RELATIONS = (
    "husband", "wife", "son", "daughter", "brother", "sister", "father", "mother", "mom", "dad", "grandson",
    "granddaughter",
)
# "Her husband, Gerrit," / "His wife, Anne," opening a sentence or a clause: a possessive pronoun, the
# relation, and one capitalized word set off by commas (a full name is read as any name is).
_KIN = re.compile(
    r"(?:^|(?<=[.!?;]\s)|(?<=\s[Aa]nd\s)|(?<=\s[Bb]ut\s))(?P<owner>[Hh]er|[Hh]is)\s+"
    r"(?P<relation>" + "|".join(_RELATIONS) + r"),\s+(?P<given>[A-Z][a-z]+),\s"
)


def kin_clauses(text: str) -> list[tuple[str, int, str]]:
    """Relatives named by a given name alone ('Her husband, Gerrit,'), their offsets and role "kin"."""
    if not any(relation + ", " in text for relation in _RELATIONS):  # (most paragraphs: a relative named so)
        return []
    return [(m.group().rstrip(", "), m.start(), "kin") for m in _KIN.finditer(text)]


def kin_parts(raw: str) -> tuple[str, str, str]:
    """The owner's gender, the relative's gender and the given name of a kin clause."""
    found = _KIN.match(raw + ", ")
    if found is None:
        return "", "", ""
    owner = FEMALE if found.group("owner").lower() == "her" else MALE
    return owner, word_gender(found.group("relation")), found.group("given")


# Particles of a surname written as a word of its own ("Marlys Vander Wel", "Ana de la Cruz").
_PARTICLES = NAME_PARTICLES | word_set("vander vanden ver ter st")


def surname(display: str) -> str:
    """A full name's surname: its last word with the particles before it ("Vander Wel"); a middle name
    ("Mary Ann Ruiz") is not one."""
    words = display.split()
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in _PARTICLES:
        start -= 1
    return " ".join(words[start:])


def kin_entry(entries: list[Speaker], raw: str, paragraph: int) -> tuple[str, str] | None:
    """The relative a kin clause names, with the surname of its owner: the latest person of the owner's
    gender named in full in this or the previous paragraph ('Marlys Vander Wel ... Her husband, Gerrit'
    -> 'Gerrit Vander Wel') and the relative's gender; None when there is no such person."""
    owner_gender, gender, given = kin_parts(raw)
    owner = next(
        (
            e
            for e in reversed(entries)
            if e.kind == "name" and " " in e.display and e.seen >= paragraph - 1
            and compatible(e, owner_gender) and e.sex and not not_a_person(e)
        ),
        None,
    )
    if owner is None or owner.display.startswith(given + " "):
        return None
    return f"{given} {surname(owner.display)}", gender
