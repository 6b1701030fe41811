"""The speaker of reported speech in the sentence before a quotation that opens a sentence.

French and German news report a speaker's words in indirect speech with an inverted tag, then go on in
their own words: "Mehrere Ortsteile seien nur mit Booten erreichbar, teilte das Landratsamt mit. „Wir
bitten ...“", "Das Risiko, sagt sie, sei doppelt. »...«", "La situation est grave, a estimé le
ministre. « ... »". The quotation with no attribution of its own is the tag's subject's, not the
reported sentence's subject's ("Mehrere Ortsteile" said nothing). English does so too ("The plan is
dead, the senator said."), read by the same after-quote tag patterns.
"""

from __future__ import annotations

from scraper.extract.quotes.quote_after import after_quote
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
