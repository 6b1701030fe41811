"""Whose name a title in a descriptor belongs to: the speaker's, or someone the descriptor relates them to.

"the former secretary of state Hillary Clinton" names the secretary, an office named with "of"; "a
spokeswoman for Sen. Carl Benning" and "the wife of Rep. Dale Ostrow" name someone else, the object of
a preposition: the spokeswoman or the wife speaks. Pure functions over a descriptor's words.
"""

from __future__ import annotations

from scraper.extract.quotes.speaker_words import DETERMINERS, HONORIFICS, PREPOSITIONS, is_role


def office_of(words: list[str], at: int) -> bool:
    """Whether the word at `at` finishes an office named with "of" ("the former secretary of state Hillary
    Clinton", "the secretary of Defense Ash Carter"): the name after it is the holder's."""
    # (not a determiner: "a leader of the Sámi Council" names the council, and no one by name)
    office = at > 1 and words[at - 1] == "of" and is_role(words[at - 2].lower())
    return office and words[at].lower() not in DETERMINERS


def title_after_preposition(words: list[str], at: int) -> bool:
    """Whether the capitalized words ending at `at`, a title among them, follow a preposition ("a
    spokeswoman for Sen. Carl Benning", "a spokesman for Ohio Gov. John Kasich"): the titled person is
    the object, the descriptor someone else."""
    titled = False
    while at > 0 and words[at][:1].isupper():
        titled = titled or _title(words[at].lower())
        at -= 1
    return titled and words[at].lower() in PREPOSITIONS


def _title(word: str) -> bool:
    return is_role(word) or word in HONORIFICS
