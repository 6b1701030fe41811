"""A view credited with French "Pour X, ..." before a quotation in the same sentence, with no speech verb.

French reports a person's or a body's position as "Pour la CGT, la position du gouvernement « ne change
rien au fond »" or "Pour l'économiste Anne Roy, « ... »": the one the view is for holds it, as "selon X"
cites X. Only a person or a body is one ("Pour le moment", "Pour la première fois" are times).
"""

from __future__ import annotations

import re

from scraper.extract.quotes.speaker_words import is_person_noun
from scraper.extract.quotes.speakers import classify_phrase

# A French article before a body's capitalized name, its other words lower case ("l'Union patronale").
_BODY = re.compile(r"(?:la|le|les|l[’'])\s*(?P<name>[A-ZÉ][\w’'\-]*(?:\s+(?:[a-zé]+|[A-ZÉ][\w’'\-]*)){0,3})")
_FOR = re.compile(r"[\s\"“”'‘’(«]*Pour\s+(?P<spk>[^,;:.!?«»“”\"]{2,80}?)\s*,\s")


def view_holder(sentence: str) -> tuple[str, int] | None:
    """The person or body a sentence opening "Pour X," credits with its view, and its offset; None when
    the sentence opens otherwise or X is a time, a thing or a pronoun's clause."""
    if "Pour" not in sentence[:8]:
        return None
    found = _FOR.match(sentence)
    if found is None:
        return None
    body = _BODY.fullmatch(found.group("spk"))
    if body is not None:  # ("la CGT", "l'Union patronale suisse"): a named body, without its article
        return body.group("name"), found.start("spk") + body.start("name")
    phrase = classify_phrase(found.group("spk"))
    if phrase is None or phrase.kind not in {"name", "definite", "indefinite", "pronoun"}:
        return None
    if phrase.kind in {"definite", "indefinite"} and not is_person_noun(phrase.head):
        return None
    return found.group("spk"), found.start("spk")
