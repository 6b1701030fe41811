"""The speaker of reported speech in the sentence before a quotation that opens a sentence.

French and German news report a speaker's words in indirect speech with an inverted tag, then go on in
their own words: "Mehrere Ortsteile seien nur mit Booten erreichbar, teilte das Landratsamt mit. „Wir
bitten ...“", "Das Risiko, sagt sie, sei doppelt. »...«", "La situation est grave, a estimé le
ministre. « ... »". The quotation with no attribution of its own is the tag's subject's, not the
reported sentence's subject's ("Mehrere Ortsteile" said nothing). English does so too ("The plan is
dead, the senator said."), read by the same after-quote tag patterns. German goes on reporting in the
subjunctive (Konjunktiv I) for a sentence or two before quoting ('Die Lage sei ernst, sagte sie. Man
werde handeln. „...“'): the tag is looked for back over such sentences.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.quote_after import after_quote
from scraper.extract.quotes.quote_sentences import sentence_start
from scraper.extract.quotes.speakers import classify_phrase

# Kinds of phrase a tag's subject may be: a person, a pronoun, a descriptor or a body.
_SPEAKING = frozenset({"name", "pronoun", "definite", "indefinite"})


def reported_tag(sentence: str) -> tuple[str, int] | None:
    """The subject of an inverted speech tag after a comma in `sentence`, the one before a quotation
    opening its own (it ends with a stop), and its offset; None when it has no such tag."""
    if "," not in sentence or not sentence.rstrip().endswith((".", "!", "?")):
        return None
    at = sentence.find(",")
    while at >= 0:
        found = after_quote(sentence[at:], "")
        if found is not None and found[0]:
            phrase = classify_phrase(found[0])
            if phrase is not None and phrase.kind in _SPEAKING:
                return found[0], at + found[1]
        at = sentence.find(",", at + 1)
    return None


# German Konjunktiv I, the mood of reported speech (not "werden", "haben": also the indicative plural).
_KONJUNKTIV = re.compile(r"\b(?:sei|seien|habe|werde|müsse|könne|solle|dürfe|wolle|gebe|bleibe)\b")
_BACK = 2  # reported sentences walked back over


def reported_back(text: str, start: int) -> tuple[str, int] | None:
    """The tag's subject of reported speech that goes on in Konjunktiv I up to the sentence text[start:]
    before a quotation ('Die Lage sei ernst, sagte sie. Man werde handeln. „...“'), and its offset in
    `text`; None when that sentence is not in it or no tag is found two sentences back."""
    sentence = text[start:]
    for _ in range(_BACK):
        if not start or _KONJUNKTIV.search(sentence) is None:
            return None
        before = sentence_start(text[:start])
        sentence = text[before:start]
        tag = reported_tag(sentence)
        if tag is not None:
            return tag[0], before + tag[1]
        start = before
    return None
