"""The body an unnamed spokesperson speaks for, credited with their words.

News credits a statement to "a Pentagon spokesman", "a spokeswoman for the Treasury", "un porte-parole
de l'entreprise", "ein Sprecher der Polizei", "ein Konzernsprecher" or "eine Gerichtssprecherin" without
naming them: what is quoted is the body's word, so the speaker is the body, named in the phrase ("der
Polizei", "Pentagon") or, when the phrase only says which kind ("l'entreprise", "der Kasse", "a campaign
spokesman", "Konzern-", "Gerichts-"), the body of that kind the article has just named ("Volkswagen",
"the Clinton campaign", "das Landgericht Braunschweig"), or a name holding initials ("AOK Bayern"). A
spokesperson for a person ("a spokesman for Sen. Ann Hart") is no body's and keeps the descriptor.
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


# An English one: the article, the body's name or kind before the noun ("a White House spokeswoman", "a
# campaign spokesman"), or after "for" ("a spokesman for the Justice Department", "for Google").
_ENGLISH_SPOKESPERSON = re.compile(
    r"(?:[Aa]n?)\s+(?P<before>(?:[\w.&’'-]+\s+){0,4}?)spokes(?:man|woman|person)"
    r"(?:\s+for\s+(?:(?P<the>the)\s+)?(?P<after>[\w.&’'-]+(?:\s+[\w.&’'-]+){0,4}))?"
)


def english_spokesperson_body(entries: list[Speaker], phrase: Phrase, paragraph: int) -> Speaker | str | None:
    """The body an unnamed English spokesperson speaks for: named before the noun in capitals ("a
    Pentagon spokesman", "a Clinton campaign spokesman") or after "for" ("for the Justice Department",
    "for Google"), else the latest body of the kind the phrase gives ("a campaign spokesman", "a
    spokeswoman for the company") or, with none, the body just named. None when the phrase is no
    spokesperson's, names a person ("for Sen. Ann Hart": words after "for" with no article) or no body
    was named in this paragraph or the one before."""
    match = _ENGLISH_SPOKESPERSON.fullmatch(phrase.text)
    if match is None:
        return None
    before, after = match.group("before").strip(), match.group("after") or ""
    if "former" in before.lower().split():
        return None  # (a former spokesman speaks for themself now)
    if after and after[:1].isupper():
        # (a one-word name or one after "the" is a body's: "for Google", "for the Treasury")
        return after if match.group("the") or " " not in after else None
    if before[:1].isupper():
        return before
    recent = [e for e in reversed(entries) if e.seen >= paragraph - 1 and e.kind in ("name", "definite")]
    if not before and not after:
        # ("The Pentagon announced ..." then '"...," a spokesman said': the body just named)
        return next((e for e in recent if _named_body(e)), None)
    kind = (before or after).split()[-1].lower()
    of_kind = next((e for e in recent if kind in e.display.lower().split()), None)
    # ("The Federal Aviation Administration ..." then "a spokeswoman for the agency")
    return of_kind or next((e for e in recent if _named_body(e)), None)


def _named_body(entry: Speaker) -> bool:
    """A named organization, or a body named by one capitalized word after "the" ("The Pentagon", "the
    Kremlin"): a spokesperson's words are a body's, so the capital is a name, not a place's."""
    words = entry.display.split()
    one_word = entry.kind == "definite" and len(words) == 2 and words[1][:1].isupper()
    return is_organization(entry) or one_word


def spokesperson_body(entries: list[Speaker], phrase: Phrase, paragraph: int) -> Speaker | str | None:
    """The body an indefinite French or German spokesperson speaks for (an English one's:
    english_spokesperson_body): its name in the phrase, or
    the most recent organization of this paragraph or the one before (of the compound's kind when it
    gives one: "Gerichtssprecherin" -> a court's name); None when the phrase is no spokesperson's or no
    such body was named."""
    match = _SPOKESPERSON.fullmatch(phrase.text)
    if match is None:
        return english_spokesperson_body(entries, phrase, paragraph)
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
