"""Titles before names: whether words before a name title that person, and whose name a title belongs to.

"the former secretary of state Hillary Clinton" names the secretary, an office named with "of"; "a
spokeswoman for Sen. Carl Benning" and "the wife of Rep. Dale Ostrow" name someone else, the object of
a preposition: the spokeswoman or the wife speaks. "union president Jo Li" and "her friend Gladys
Pollard" end in a titled name. Pure functions over a speaker phrase's words (speakers classifies them).
"""

from __future__ import annotations

from scraper.extract.quotes.speaker_names import is_initialism, is_possessive, split_name
from scraper.extract.quotes.speaker_ranks import OCCUPATIONS, POSITIONS
from scraper.extract.quotes.speaker_words import (
    DETERMINERS,
    HONORIFICS,
    NOT_SUBJECT,
    PREPOSITIONS,
    PRONOUNS,
    is_person_noun,
    is_role,
    word_set,
)

# At most this many lower-case words describe a person before their name ("certified financial planner").
_JOB_WORDS = 4
_POSSESSIVE_DETERMINERS = word_set("his her their")


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


def kin_of(first: str, before: str) -> bool:
    """A person described by their relation to someone before their name ("her friend Gladys Pollard",
    "his neighbor Tom Vail"): a possessive determiner, then a person noun."""
    return first.lower() in _POSSESSIVE_DETERMINERS and is_person_noun(before.lower())


def titled_name_ends(words: list[str]) -> bool:
    """Whether the phrase ends in a person's name right after their title ("union president Jo Li")."""
    name = split_name(words)[0].split()
    if not name or len(name) >= len(words):
        return False
    if len(name) == 1:  # one name after a person noun: "first-grader Saeedullah", "coach Okafor"
        return len(words) == 2 and is_person_noun(words[0]) and words[0].islower()
    title = [w.lower() for w in words[: -len(name)]]
    # (a preposition makes the name its object, "chaired by Prime Minister X"; not "of" naming an office
    # after a role word: "chief of staff Reince Priebus", "secretary of state John Kerry")
    for i, w in enumerate(title):
        if (w in PREPOSITIONS and not _office_word(title, i)) or w in NOT_SUBJECT:
            return False
    described = words[: -len(name)]
    if len(described) > 1 and described[-1].lower() in HONORIFICS:  # "researcher Dr Ada Li"
        described = described[:-1]
    # (or an office named with "of" right before it: "former Secretary of State Madeleine Albright")
    at = len(words) - len(name) - 1
    return titles_name(words[at], name[0]) or job_description(described) or office_of(words, at)


def titled_name_cut(words: list[str]) -> int:
    """Where a lower-case title's name ends before a prepositional phrase ("spokesman John Kirby of the
    State Department", "chief inspector Ada Li from the county police"): the preposition's index, or 0."""
    for i in range(2, len(words) - 1):
        if words[i] in PREPOSITIONS and words[i - 1][:1].isupper():
            return i if titled_name_ends(words[:i]) else 0
    return 0


def _office_word(title: list[str], i: int) -> bool:
    """Whether title[i] is the "of" of an office right before the name ("chief of staff", "secretary of
    state"); not of an employer ("chief executive of mortgage broker SPF Private Clients")."""
    return title[i] == "of" and 0 < i == len(title) - 2 and is_role(title[i - 1])


def job_description(words: list[str]) -> bool:
    """Whether lower-case words before a name describe the person ("certified financial planner",
    "state senator"): a few plain words, none a pronoun or determiner."""
    return len(words) <= _JOB_WORDS and all(
        w.replace("-", "").isalpha() and w.islower() and w not in PRONOUNS and w not in DETERMINERS
        for w in words
    )


def titles_name(before: str, name: str) -> bool:
    """Whether the word before `name` in a descriptor makes it a person's title (role, possessive, CEO)."""
    low = before.lower()
    # (an occupation or a position too: "the cellist Ana Ruiz", "the Springbok lock Jo Botha")
    return (is_role(low) or is_possessive(low) or is_initialism(before) or low in HONORIFICS
            or name.split()[0].lower() in HONORIFICS or low in OCCUPATIONS or low in POSITIONS)
