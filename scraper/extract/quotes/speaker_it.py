"""Which organization "it said" refers to: the one the sentence before names as its subject.

News writing names a body doing something, then quotes it with "it": 'Sina published a message on its
account.' then '"Parts of the service are down," it said.'; 'In a report, the New York Times examined
... "Many people say ...," it concluded.' That subject, an organization's name (not a person's), is the
speaker, rather than another organization the article named earlier.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.quote_sentences import sentence_start
from scraper.extract.quotes.speaker_entries import Speaker
from scraper.extract.quotes.speaker_full_names import surely_a_person
from scraper.extract.quotes.speaker_words import word_set
from scraper.extract.quotes.speakers import Phrase, classify_phrase

# A capitalized name (after "the") followed by its verb: "Sina published", "the New York Times examined".
_NAME_THEN_VERB = re.compile(
    r"(?<![\w’'])(?:[Tt]he\s+)?(?P<spk>(?:[A-Z][\w’'&.\-]*\s+){0,4}[A-Z][\w’'&\-]*)\s+"
    r"(?:has\s+|had\s+|have\s+)?(?:[a-z]+ly\s+)?[a-z]{2,}(?:ed|s)\b"
)

# Prepositions opening a phrase before the subject ("In a report from Ohio last year the X examined").
_OPENERS = word_set("in on at after from before since during under through with without")
_CLAUSE = re.compile(r"\b(?:that|which|who|said|says|after|when|while)\b")


def it_antecedent(phrase: Phrase, narration: list[str], index: int, offset: int) -> Phrase | None:
    """For "it" as a quotation's speaker at `offset` of paragraph `index` (quotes blanked), the
    organization leading the sentence before: in the same paragraph, else ending the one above."""
    if phrase.kind != "pronoun" or phrase.text != "it":
        return None
    text = narration[index][:offset].rstrip(" ,\u00a0")
    if not any(c.isalpha() for c in text):  # (the quote opens the paragraph: the sentence above)
        text = narration[index - 1].rstrip() if index else ""
    if not text:
        return None
    sentence = text[sentence_start(text[:-1]) :]
    match = _NAME_THEN_VERB.search(sentence)
    lead = sentence[: match.start()].strip() if match else ""
    # (the sentence's subject: first, or after an opening phrase, "In a report from Ohio, the X"; not a
    # name in a clause after it, "The Indian army says Pakistan fired")
    if lead and (lead.split(None, 1)[0].lower() not in _OPENERS or _CLAUSE.search(lead)):
        return None
    found = classify_phrase(match.group("spk")) if match else None
    if found is None or found.kind != "name" or surely_a_person(Speaker(found.name, "name")):
        return None
    return found
