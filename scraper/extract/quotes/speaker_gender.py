"""A speaker's gender: from evidence inside the article, else from a given name nearly always one sex's.

Evidence: an honorific or gendered role word in the speaker phrase ("Ms Anna Berg", "the
spokeswoman", "Jo Li, the company's chairman"), a gendered role word right before the name in
narration ("her husband, John Smith"), and a pronoun that can only refer to the name: the subject of a
speech verb whose subject is the name ("Smith said she ..."). speaker_history uses it to keep "she
said" from resolving to a man and to tell apart two people who share a surname. Where the article gives
none, speaker_entries falls back on the given name (given_names), a weaker guess this evidence overrides.
"""

from __future__ import annotations

import re
from functools import lru_cache

from scraper.extract.quotes.speaker_words import word_set

FEMALE = "f"
MALE = "m"

_FEMALE_WORDS = word_set(
    "mrs mrs. ms ms. miss dame lady frau mme mme. mlle madame señora queen princess duchess countess "
    "baroness empress spokeswoman chairwoman businesswoman congresswoman councilwoman countrywoman "
    "sportswoman policewoman firewoman headmistress actress waitress hostess stewardess heiress widow "
    "mother mom mum stepmother grandmother grandma wife sister daughter stepdaughter granddaughter aunt "
    "niece girlfriend fiancée bride woman girl nun sprecherin ministerin präsidentin kanzlerin "
    "directrice présidente fondatrice"
)
_MALE_WORDS = word_set(
    "mr mr. sir lord herr monsieur señor king prince duke baron emperor spokesman chairman businessman "
    "congressman councilman countryman sportsman policeman fireman headmaster widower father dad "
    "stepfather grandfather grandpa husband brother son stepson grandson uncle nephew boyfriend fiancé "
    "groom man boy monk"
)
# German -in role nouns (Regierungssprecherin, Institutsleiterin) are feminine.
_FEMALE_ENDINGS = ("sprecherin", "leiterin", "ministerin", "präsidentin", "direktorin", "chefin", "expertin")
# French "M. Macron": "M." opening the phrase or after a lower-case word (not an initial: "John M. Smith").
_FRENCH_MONSIEUR = re.compile(r"(?:^|[,(]|\b[a-zà-öø-ÿ][\w’']*)\s*M\.\s+[A-ZÀ-ÖØ-Þ]")
# Prepositions opening an object phrase inside a speaker phrase, whose honorifics are another person's.
_OBJECT_PREPOSITIONS = word_set("of for to with from by against about")


@lru_cache(maxsize=1024)  # the same phrases come back on every page ("he", "the company")
def gender_of(text: str) -> str:
    """FEMALE, MALE or "" from the honorifics and role words of a speaker phrase."""
    female = male = False
    words = text.split()
    for i, word in enumerate(words):
        if word in _OBJECT_PREPOSITIONS:
            break  # the rest names someone else: "a critic of Mrs. Clinton", "an aide to Mr. Li"
        if word.isupper() and len(word) > 1:
            continue  # an acronym or initialism, not an honorific: "MS Dhoni"
        if word[:1].isupper() and (i == len(words) - 1 or word.endswith(",")):
            continue  # a surname, not a title: "Carole King", "Gina Prince, the director"
        gender = word_gender(word)
        female, male = female or gender == FEMALE, male or gender == MALE
    male = male or ("M." in text and bool(_FRENCH_MONSIEUR.search(text)))
    return _one(female, male)


def word_gender(word: str) -> str:
    """FEMALE, MALE or "" for one word ("wife,", "Mr"): a set lookup, for the word before every name."""
    low = word.strip(",;:()").lower()
    if low in _MALE_WORDS:
        return MALE
    return FEMALE if low in _FEMALE_WORDS or low.endswith(_FEMALE_ENDINGS) else ""


def pronoun_gender(pronoun: str) -> str:
    """The gender a personal pronoun demands ("" for they, it and ambiguous "sie")."""
    if pronoun in {"he", "him", "his", "er", "il", "él"}:
        return MALE
    if pronoun in {"she", "her", "elle", "ella"}:
        return FEMALE
    return ""


def agreed(first: str, second: str) -> str:
    """Two pieces of gender evidence as one: either when the other is absent, none when they conflict."""
    if not first or not second:
        return first or second
    return first if first == second else ""


def _one(female: bool, male: bool) -> str:
    """One gender when the evidence agrees; none when it is absent or conflicting."""
    if female == male:
        return ""
    return FEMALE if female else MALE

