"""The body a French or German spokesperson speaks for, credited with their words.

French and German news credit a statement to "un porte-parole de l'entreprise", "ein Sprecher der
Polizei", "ein Konzernsprecher" or "eine Gerichtssprecherin" without naming them: what is quoted is the
body's word, so the speaker is the body, named in the phrase ("der Polizei") or, when the phrase only
says which kind ("l'entreprise", "der Kasse", "Konzern-", "Gerichts-"), the body of that kind the article
has just named ("Volkswagen", "das Landgericht Braunschweig"), or a name holding initials ("AOK Bayern").
English sets keep the descriptor.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.speaker_descriptors import is_organization
from scraper.extract.quotes.speaker_entries import Speaker, is_acronym, spelled_out
from scraper.extract.quotes.speaker_words import word_set
from scraper.extract.quotes.speakers import Phrase

# An indefinite spokesperson: the article, a German compound's first noun and its linking "s" (the
# kind of body: "Konzernsprecher", "Gerichtssprecherin"), then what follows the noun.
_SPOKESPERSON = re.compile(
    r"(?:[Uu]ne?|[Ee]ine?)\s+(?:(?P<kind>[A-ZÄÖÜ][a-zäöüß]+?)s?sprecher(?:in)?|[Ss]precher(?:in)?|porte-parole)"
    r"(?P<rest>\s.*)?"
)
# The body named after the noun, by a French "de" or a German genitive ("de la SNCF", "der Polizei Köln").
_BODY_AFTER = re.compile(
    r"\s+(?:de\s+la|de\s+l['’]|du|des|de|der)\s*(?P<body>[A-ZÀ-ÖØ-Þ][\w-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w-]*)*)"
)


def spokesperson_body(entries: list[Speaker], phrase: Phrase, paragraph: int) -> Speaker | str | None:
    """The body an indefinite French or German spokesperson speaks for: its name in the phrase, or
    the most recent organization of this paragraph or the one before (of the compound's kind when it
    gives one: "Gerichtssprecherin" -> a court's name); None when the phrase is no spokesperson's or no
    such body was named."""
    match = _SPOKESPERSON.fullmatch(phrase.text)
    if match is None:
        return None
    named = _BODY_AFTER.match(match.group("rest") or "")
    if named and named.group("body").lower() not in _KIND_NOUNS:
        body = named.group("body")  # (initials spelled out before: "der BVB", "Basler Verkehrs-Betriebe")
        return (spelled_out(entries, body) if is_acronym(body) else None) or body
    recent = [e for e in reversed(entries) if e.seen >= paragraph - 1 and e.kind in ("name", "definite")]
    kind = (match.group("kind") or "").lower()
    if kind:
        of_kind = [e for e in recent if kind in e.display.lower()]
        if of_kind:
            return of_kind[0]
    body = next((e for e in recent if is_organization(e) or _INITIALS.search(e.display)), None)
    return body or (named.group("body") if named else None)


# A German genitive that names only the kind of body ("ein Sprecher der Kasse", "eine Sprecherin des
# Unternehmens", "der Fraktion"): the body of the article's last sentences, like "l'entreprise".
_KIND_NOUNS = word_set(
    "unternehmen unternehmens firma konzern konzerns kasse krankenkasse fraktion partei gewerkschaft "
    "behörde verwaltung gemeinde stadt stadtverwaltung verein vereins verband verbands verbandes bank "
    "klinik gruppe organisation betriebe bahn"
)
# A word of three capitals or more in a name ("SNCF Réseau", "AOK Bayern"): an organization's initials.
_INITIALS = re.compile(r"\b[A-ZÄÖÜ]{3,}\b")
