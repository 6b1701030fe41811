"""How a name in narration is mentioned, for resolving later pronouns and surnames: the gender the words
around it give, whether it is introduced as a namesake's relative or governed by a preposition, and how
many quotes each surname is credited with."""

from __future__ import annotations

import re

from scraper.extract.quotes.given_names import given_name_gender
from scraper.extract.quotes.quote_attribution import VERB
from scraper.extract.quotes.speaker_articles import gender_before
from scraper.extract.quotes.speaker_gender import agreed, gender_of, pronoun_gender, word_gender
from scraper.extract.quotes.speaker_places import region_of_place
from scraper.extract.quotes.speaker_words import word_set
from scraper.extract.quotes.speakers import Phrase, classify_phrase

# After a name, a pronoun that can only be the name's: the subject of the name's own speech verb
# ("Smith said she", "Smith, 52, added that he"); not after an object ("Smith told him he").
_THEN_PRONOUN = re.compile(
    r"\s*(?:,[^,.;:!?\"“”«»]{1,80},\s*)?(?:[a-z]\w*ly\s+)?(?P<verb>\S+(?:\s(?:it|out|on|back))?)\s+"
    r"(?:that\s+|que\s+|qu[’'])?(?P<pronoun>he|she|er|il|elle)\b"
)
# An appositive describing the name: ", a spokeswoman for the mill", ", the union’s chairman".
_APPOSITIVE = re.compile(r",\s*(?:an?|the|[\w’'-]+[’']s)\s+(?P<words>[^,.;:!?\"“”«»()]{1,60})")


def context_gender(text: str, start: int, end: int) -> str:
    """A name's gender from the words around it at text[start:end]: a gendered word right before it
    ("his wife, Jane Smith"), its appositive ("Jo Li, the chairman") or the pronoun subject of its
    speech verb ("Smith said she")."""
    before = text[max(0, start - 40) : start].rstrip(" ,").rsplit(None, 1)
    # (lower case: "actress Jane Doe"; a capitalized word before a name is another name, "Stephen King")
    gender = word_gender(before[-1]) if before and before[-1].islower() else ""
    # (or a French or German article's: "la bourgmestre Christine X", "der Landrat Andreas Y")
    gender = gender or gender_before(text, start)
    appositive = _APPOSITIVE.match(text, end) if text.startswith(",", end) else None
    if appositive is not None:
        gender = agreed(gender, gender_of(appositive.group("words")))
    after = _THEN_PRONOUN.match(text, end)
    if after is not None and VERB.fullmatch(after.group("verb")):
        pronoun = pronoun_gender(after.group("pronoun"))
        # (a pronoun the given name contradicts is someone else, the one spoken of: "Fred Hersch said she
        # had shaped a generation", of the woman the obituary is about)
        phrase = classify_phrase(text[start:end])  # (the name without its title: "The pianist Fred Hersch")
        given = given_name_gender(phrase.name) if phrase is not None else ""
        gender = agreed(gender, pronoun) if not given or given == pronoun else gender
    return gender


# A possessive surname, then a relation word or two and a comma: "Fischer's mother, " before a name.
_KIN_BEFORE = re.compile(r"\b([A-Z][\w\-]*)['’]s\s+(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*,\s*$")


_KIN_WORDS = word_set(
    "husband wife son daughter brother sister father mother mom dad grandson granddaughter grandmother "
    "grandfather uncle aunt nephew niece cousin stepson stepdaughter partner widow widower"
)
# A possessive pronoun, then a relation word and a comma: "His daughter, ", "her late husband, ".
_PRONOUN_KIN_BEFORE = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:late\s+|younger\s+|older\s+)?(?P<kin>[a-z]+),\s*$"
)


def introduced_as_kin(text: str, start: int, name: str) -> bool:
    """Whether the full name at text[start:] is introduced as a relative or associate of someone with
    the same surname ("Fischer's mother, Adrianne Fischer"): the article keeps the bare surname for that
    other person, and calls this one by full name or pronoun."""
    before = text[max(0, start - 60) : start]
    if not before.endswith(", "):
        return False
    found = _KIN_BEFORE.search(before)
    if found is not None:
        return found.group(1) == name.split()[-1]
    # (or of a possessive pronoun, "His daughter, Kim Tolland", "her husband, Dan Ames", after the one it
    # means was named with the surname in the paragraph: "Gary Tolland ... His daughter, Kim Tolland")
    owned = _PRONOUN_KIN_BEFORE.search(before)
    surname = name.split()[-1]
    if owned is None or owned.group("kin") not in _KIN_WORDS:
        return False
    return re.search(rf"[A-Z][\w’'-]*\s+{re.escape(surname)}\b", text[:start]) is not None


# Prepositions whose object is a place or a person acted upon, not the paragraph's actor.
# ("of": "the waiting room of Harbor Legal Aid", "the offices of the union"; "with", "against", "for":
# the person met, opposed or worked for, "met with Mayor Tom Nguyen", "a spokesman for Sen. Ada Li").
_GOVERNING = word_set(
    "in on at of from to into onto near off along across through toward towards behind beside with "
    "against for alongside about among between since until "
    "outside inside opposite beyond around within under "  # (places: "a protest outside Ashoka Bhavan")
    # (French and German: "d'avance sur Geraint Thomas", "devant Julian X", "gegen Thomas Y", "mit Z";
    # not "pour"/"für", which give a view's holder, "Pour X, ...", nor "selon"/"laut", a cited source)
    "sur avec contre chez devant derrière vers auprès envers mit gegen über hinter neben gegenüber"
)


# A preposition and the lower-case noun phrase it governs, then a comma: a name after it is the noun's
# appositive ("ran against the mayor, Dana Holt", "with her partner, Karen Roberts"), governed as well.
_OBJECT_NOUN = re.compile(r"\b(\w+) (?:the|a|an|her|his|their|its|our|my) (?:[a-z-]+ ){0,2}[a-z-]+, $")


def follows_preposition(text: str, start: int) -> bool:
    """Whether the name at text[start:] is a preposition's object ("the shelter on Harbor Road"), or the
    object of a past-tense verb other than a speech verb ("Ward Ellison praised Ada Kimura"): acted upon,
    either way, not the actor (after a speech verb the name is its inverted subject: "said Ada Kimura")."""
    before = text[max(0, start - 16) : start].split()
    if not before:
        return False
    if text.endswith(", ", 0, start):  # (an appositive of an object: "with her partner, Karen Roberts")
        if region_of_place(text, start):  # (a city's state: "in Manchester, New Hampshire")
            return True
        object_noun = _OBJECT_NOUN.search(text, max(0, start - 48), start)
        return object_noun is not None and object_noun.group(1).lower() in _GOVERNING
    word = before[-1]
    if word.lower() in _GOVERNING:
        return True
    acting = word.endswith(("ed", "ing")) or word in _IRREGULAR_PAST  # ("met Ted Cruz", "mocking Cruz")
    return word.islower() and acting and VERB.fullmatch(word) is None


# Common transitive verbs whose past tense does not end in "-ed": their object is acted upon too.
_IRREGULAR_PAST = word_set(
    "met beat hit saw took led left sent brought caught fought sought bought chose drove gave kept lost "
    "made paid struck won found held knew let put shook sold taught threw understood hired fired"
)


def how_named(phrase: Phrase, text: str, start: int, end: int) -> tuple[bool, bool, bool, str]:
    """For a full name at text[start:end]: whether it is introduced as a namesake's relative, whether it
    is governed: a preposition's object, or a possessive ("read Piers Morgan's diaries"), so not the
    paragraph's actor, whether it is told something, and how a descriptor in apposition introduces it:
    "age" ("Devon Park, a 22-year-old from", "Ann Orr, 52,"), "descriptor" ("Evan McMullin, a former CIA
    officer"), "apposed" (a noun's name between commas) or "" (all False or "" for other phrases)."""
    if phrase.kind != "name" or " " not in phrase.name:
        return False, False, False, ""
    governed = follows_preposition(text, start) or text.startswith(("’s", "'s"), end)
    # (or the one a named speaker reports on, "Erasmus said hooker Malcolm Marx would be assessed": the
    # speaker, not the person spoken of, is the paragraph's actor)
    governed = governed or _REPORTED_ON.search(text, max(0, start - 40), start) is not None
    window = text[max(0, start - 40) : start]
    addressed = ("told" in window or "tell" in window) and _TOLD.search(window) is not None
    described = "age" if _AGE.match(text, end) else "descriptor" if _DESCRIBED.match(text, end) else ""
    if not described and text.endswith(", ", 0, start) and text.startswith(",", end):
        described = "apposed"  # (the name of a noun before it: "Her mother, Ada Li, drives a van")
    return introduced_as_kin(text, start, phrase.name), governed, addressed, described


# A name and its speech verb right before another name: "Erasmus said ", "Ms. Li says that ".
_REPORTED_ON = re.compile(r"[A-Z][\w’'-]+\s+(?:said|says|added|explained|confirmed)\s+(?:that\s+)?$")
# A descriptor in apposition after a name: ", a former CIA officer", ", the party's chairwoman".
_DESCRIBED = re.compile(r",\s+(?:an?|the)\s+[a-z]")
# An age in apposition: a person's, never a place's ("Devon Park, a 22-year-old", "Ann Orr, 52,").
_AGE = re.compile(r",\s+(?:an?\s+\d{1,3}-year-old\b|\d{1,3}\s*[,;)])")


# A speech verb's addressee, perhaps with a possessor ("told Bret Baier", "telling Fox's Bret Baier"): never
# a subject inverted after the verb, as in "said Ada Kimura", but the one spoken to.
_TOLD = re.compile(r"\b(?:told|tells?|telling)\s+(?:(?:[A-Z0-9][\w.\-]*\s+){0,3}?[\w.\-]*[’']s\s+)?$")


def quoted_surnames(credits: list[tuple[str, int]]) -> dict[str, int]:
    """How many quotes each surname is credited with by a named attribution ("says Varga"), from
    (speaker phrase, quotes it attributes) pairs."""
    counts: dict[str, int] = {}
    for raw, quotes in credits:
        phrase = classify_phrase(raw) if raw[:1].isupper() else None
        if phrase is not None and phrase.kind == "name" and phrase.name:
            surname = phrase.name.split()[-1]
            counts[surname] = counts.get(surname, 0) + quotes
    return counts
