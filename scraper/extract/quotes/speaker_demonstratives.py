"""Demonstratives that refer to the person named last: "celui-ci", "ce dernier", "dieser", "the latter".

French and German news (and English, less often) pick out the second of two people with a demonstrative
("Marie Dubois a rencontré Pierre Lamy. Celui-ci a déclaré", "Anna Weiß traf Peter Schulz. Dieser
sagte"): not the sentence's subject, whom a personal pronoun would take, but the person named most
recently, of the demonstrative's sex. SpeakerHistory records when each entry was last called by name.
"""

from __future__ import annotations

from scraper.extract.quotes.speaker_entries import Speaker, compatible, not_a_person
from scraper.extract.quotes.speaker_gender import FEMALE, MALE

# Each demonstrative and the sex it refers to ("" for English "the latter", either).
_DEMONSTRATIVES = {
    "celui-ci": MALE, "ce dernier": MALE, "celle-ci": FEMALE, "cette dernière": FEMALE,
    "dieser": MALE, "letzterer": MALE, "der letztere": MALE, "diese": FEMALE, "letztere": FEMALE,
    "die letztere": FEMALE, "the latter": "",
}


def demonstrative_gender(text: str) -> str | None:
    """The sex a demonstrative speaker phrase refers to ("" for either); None for any other phrase."""
    if len(text) > 14:
        return None
    return _DEMONSTRATIVES.get(text.strip().lower().replace("’", "'"))


def named_last(entries: list[Speaker], gender: str, paragraph: int) -> Speaker | None:
    """The person called by name most recently, of `gender`, in this paragraph or the one before."""
    people = [
        e
        for e in entries
        if e.kind == "name" and e.named and e.seen >= paragraph - 1 and compatible(e, gender)
        and not not_a_person(e)
    ]
    return max(people, key=lambda e: e.named, default=None)
