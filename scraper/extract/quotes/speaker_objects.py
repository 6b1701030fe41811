"""A German speaker phrase without the object that follows the subject in its clause.

German puts the subject right after the speech verb and the rest of the clause after the subject, a
dative object first ("rief Merz dem Kanzler zu", "sagte Meteorologin Johanna Kainz der APA", "sagte der
Youngster dem Vereinsmedium des SC Freiburg"). Those words are not the speaker's: left in the phrase they
give the speaker the addressee's title ("Kanzler"), and a later "der Kanzler" is taken for the speaker.
"dem" and "den" start an object after a subject's noun, name or pronoun (not after a preposition: "nach
dem Spiel", nor in "Van den Brandt"); "der" only after a full name (after a noun it is a genitive: "ein
Sprecher der Polizei").
"""

from __future__ import annotations

import re

from scraper.extract.quotes.speaker_words import word_set

_OBJECT = re.compile(r"\s(?:dem|den)\s|(?<=[a-zäöüß])\sder\s(?=[A-ZÄÖÜ])")
_ARTICLES = word_set("der die das Der Die Das")
_PRONOUNS = word_set("er sie")
_PARTICLES = word_set("van von vander de")  # (a name's particle before "den", "der": "Van den Brandt")


def without_object(phrase: str) -> str:
    """`phrase` up to a German object after its subject."""
    if " de" not in phrase:
        return phrase  # (no "dem", "den" or "der" in it: most phrases)
    found = _OBJECT.search(phrase)
    if found is not None and _subject_before(phrase[: found.start()], found.group().strip()):
        return phrase[: found.start()]
    return phrase


def _subject_before(head: str, article: str) -> bool:
    """Whether `head` is a whole subject before the object's article: a noun, name or pronoun before
    "dem"/"den", a full name (two capitalized words or more, no article first) before "der"."""
    words = head.split()
    if not words or words[-1].lower() in _PARTICLES:
        return False
    if article != "der":  # (not after a preposition: "nach dem Spiel" is left to the phrase's reading)
        return words[-1][:1].isupper() or words[-1] in _PRONOUNS
    capitals = [w for w in words if w[:1].isupper()]
    return words[0] not in _ARTICLES and len(capitals) >= 2 and words[-1][:1].isupper()
