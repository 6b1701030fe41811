"""A speaker called by one word of a name the article gives in full, named in full.

News names a person in full once, then by one word of the name: the surname ("Parata"), the given name
("Fiona", "Mitt"), or the family name that leads an East Asian name ("Yoon" for Yoon Suk Yeol, "Lee" for
Lee Jae-myung). The speaker history resolves a surname to a person named before it; this reads the whole
article's people once their phrases are resolved, so it also finds the full name given after the quote
("her mother, Fiona, said" ... "Fiona Parry issued a plea") and a name the word leads. Only one person's
full name may start or end with the word: with two ("Donald Harris", "Shyamala Gopalan Harris") the word
stays as written, and so does a word leading an organization's or a place's name ("Trump Tower"). A
given name inside a longer name ("Ocean Florida Abby Dunn": a company before the person) names the
person from that word on ("Abby Dunn").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from scraper.extract.quotes.given_names import given_name_gender, is_given_name
from scraper.extract.quotes.speaker_entries import Speaker
from scraper.extract.quotes.speaker_gender import FEMALE, MALE
from scraper.extract.quotes.speaker_occasions import PLACE_NOUNS
from scraper.extract.quotes.speaker_words import NAME_PARTICLES, ORGANIZATION_ENDS, is_person_noun, word_set

# Last words of organizations' and places' names: a single word leading one ("Getty" in "Getty Images",
# "Washington" in "Washington Post") is not that name's short form.
NOT_PERSON_ENDS = PLACE_NOUNS | ORGANIZATION_ENDS
# Nouns of things shaped like person nouns ("-er", "-or", "-ent"): a document or medium that may say things.
_THINGS_LIKE_PEOPLE = word_set(
    "letter newsletter paper newspaper chapter poster flyer order monitor document report statement comment"
)
# A person's full name is two to four words (given names, particles, surname).
_MOST_WORDS = 4


def full_names(entries: Iterable[Speaker], short: set[str]) -> dict[str, str]:
    """For each one-word speaker in `short`, the one full name in the article that it starts or ends."""
    found: dict[str, set[str]] = {}
    entries = list(entries)
    # (a surname an honorific gave a gender, "Mrs. Clinton", is not a full name of no such evidence, "her
    # husband, former President Bill Clinton": another person of the family)
    honored = {e.display: e.gender for e in entries if e.gender and e.kind == "name" and " " not in e.display}
    for entry in entries:
        if entry.kind != "name" or entry.initials or not _person_name(entry.display):
            continue
        words = entry.display.split()
        if opening_participle(words[0]):
            continue  # ('"...," Haunted Izzy on the way home': a verb opens the sentence, no name does)
        if words[0] in short:
            found.setdefault(words[0], set()).add(entry.display)
        if words[-1] in honored and honored[words[-1]] != entry.gender:
            continue
        if words[-1] in short and not entry.kin:  # (a relative named in full leaves the surname alone)
            found.setdefault(words[-1], set()).add(entry.display)
        if len(words) > 2 and words[-2] in short:
            # a given name after the organization the person is introduced with ("Marketing Manager at
            # Ocean Florida Abby Dunn" ... "Abby said"): the person is the given name and the surname
            found.setdefault(words[-2], set()).add(" ".join(words[-2:]))
    return {word: next(iter(names)) for word, names in found.items() if len(names) == 1}


def named_in_text(paragraphs: list[str], words: set[str]) -> dict[str, str]:
    """For each one-word speaker in `words` that no resolved phrase names in full, the one full name the
    text gives it inside a longer phrase the history keeps whole ("Michigan Gov. Rick Snyder and the head
    of the agency faced", "Attorney General Eric Schneiderman's office confirmed"): a given name, perhaps
    an initial, right before the word, and no capitalized word after it ("Donald Trump Foundation")."""
    text = "\n".join(paragraphs)
    found: dict[str, str] = {}
    for word in words:
        names, honored = _given_before(text, word)
        if honored:  # ("Mrs. Marlow" is not "her husband, Gov. Tom Marlow": a given name of her sex only)
            names = {name for name in names if given_name_gender(name) == honored}
        if len(names) == 1:
            found[word] = names.pop()
    return found


# A given name, perhaps a middle initial, right before a surname (read backwards from the surname), or
# an honorific, which gives the surname's bearer a sex.
_GIVEN_BEFORE = re.compile(r"\b(?:(?P<honorific>Mrs?|Ms)\.?|(?P<given>[A-Z][a-z]+)(?:\s+[A-Z]\.)?)\s+$")
# What may follow a surname that ends a name: no capitalized word ("Donald Trump Foundation").
_NAME_END = re.compile(r"(?!\w)(?!\s+[A-Z])")


def _given_before(text: str, word: str) -> tuple[set[str], str]:
    """The full names "Given Word" in `text` and the sex an honorific before the word gives ("" if none),
    found from the word's occurrences (cheaper than a scan of the text)."""
    names: set[str] = set()
    honored = ""
    at = text.find(word)
    while at >= 0:
        before = _GIVEN_BEFORE.search(text, max(0, at - 24), at)
        if before is not None and _NAME_END.match(text, at + len(word)):
            if before["honorific"]:
                honored = MALE if before["honorific"] == "Mr" else FEMALE
            elif _given(before["given"]):
                names.add(text[before.start() : at + len(word)])
        at = text.find(word, at + len(word))
    return names, honored


# Capitalized words opening a sentence that the table of given names holds too ("In Ostrow's words").
_NOT_GIVEN = word_set("in on at as by to of or and but for with from so if")


def _given(word: str) -> bool:
    """Whether a capitalized word before a surname is a given name, not a word opening a sentence."""
    return word.lower() not in _NOT_GIVEN and is_given_name(word)


# Generational suffixes: "Donald Trump Jr." is not the long form of "Donald Trump", another person.
_SUFFIXES = word_set("jr jr. sr sr. ii iii iv")


def longer_names(entries: Iterable[Speaker], pairs: set[str]) -> dict[str, str]:
    """For each two-word speaker in `pairs`, the one longer full name it starts that the article gave
    first ("Te Kaurinui Robert Parata" ... "says Te Kaurinui"); never a namesake with a suffix ("Donald Trump
    Jr."), nor a name with a credential after it ("Jonathan Segal FAIA")."""
    entries = list(entries)
    first = {e.display: e.first for e in entries if e.display in pairs}
    found: dict[str, set[str]] = {}
    for entry in entries:
        words = entry.display.split()
        # (nor a credential after the name: "Jonathan Segal FAIA")
        if entry.kind != "name" or len(words) < 3 or words[-1].lower() in _SUFFIXES or words[-1].isupper():
            continue
        start = f"{words[0]} {words[1]}"
        if start in pairs and entry.first <= first.get(start, entry.first) and _person_name(entry.display):
            found.setdefault(start, set()).add(entry.display)
    return {pair: next(iter(names)) for pair, names in found.items() if len(names) == 1}


def _person_name(display: str) -> bool:
    """Whether `display` reads as a person's full name: two to four capitalized words (or particles), no
    possessive, not ending in an organization's or a place's word."""
    words = display.split()
    if not 1 < len(words) <= _MOST_WORDS or words[-1].lower() in NOT_PERSON_ENDS:
        return False
    return all(
        (w[:1].isupper() or w in NAME_PARTICLES or glued_particle(w)) and not w.endswith(("’s", "'s"))
        for w in words
    )


# Endings of given names in -ed ("Rasheed", "Manfred", "Siegfried", "Muhammed"), not past participles.
_NAMES_IN_ED = ("eed", "fred", "fried", "med")


def opening_participle(word: str) -> bool:
    """Whether a capitalized word before a name is a past participle opening the sentence ("Stunned",
    "Haunted"), not a given name: seven letters or more in -ed, no given name's ending nor a given name."""
    return (
        len(word) >= 7
        and word.endswith("ed")
        and not word.endswith(_NAMES_IN_ED)
        and word[:1].isupper()
        and not is_given_name(word)
    )


def glued_particle(word: str) -> bool:
    """Whether a lower-case word is a surname with its particle written on ("diGenova", "deBlasio",
    "vanHollen"): a particle, then a capital and a lower-case letter (not "iPhone", "eBay")."""
    return any(
        word[k : k + 1].isupper() and word[k + 1 : k + 2].islower() and word[:k] in NAME_PARTICLES
        for k in (2, 3)
    )


def surely_a_person(entry: Speaker) -> bool:
    """Whether `entry` is a person, whom "it said" never refers to: a person's full name, someone of known
    gender, or a descriptor headed by a person noun ("one user", "the governor"; not "the letter")."""
    if entry.gender or (entry.kind == "name" and not entry.initials and _person_name(entry.display)):
        return True
    head = entry.head
    descriptor = entry.kind in {"definite", "indefinite"}
    return descriptor and is_person_noun(head) and head not in _THINGS_LIKE_PEOPLE
