"""One- and two-word spans used as nouns inside a running sentence: terms, not quotations, even when a
speaker is found nearby (rules in quotes.py's module doc and README: quotes)."""

from __future__ import annotations

import re

from scraper.extract.quotes.quote_runs import Quote as _Quote
from scraper.extract.quotes.speaker_words import word_set
from scraper.extract.quotes.speech_verbs import VERB

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# After a short span: a space, then a lower-case word that goes on with the sentence (not a mark or dash).
_RUNS_ON = re.compile(r"\s+([a-z][\w’'\-]*)")
_DETERMINERS = word_set("the a an their its his her our your my these those this no so-called")
_SENTENCE_END = re.compile(r"[.!?][\"'”’»)]*\s")


def is_running_term(quote: _Quote, paragraphs: list[str]) -> bool:
    """A one-word lower-case span inside a sentence that runs on past it with no punctuation between
    ('against "criminals" in his entourage', 'said "no" to the request'), or a two-word one after a
    determiner ('not the "jobs machine" it thinks'): a term or a word used as a noun. A short quotation
    that is said ends at punctuation or its speech verb ('in "hostile attacks," the ministry said'), or
    opens its sentence ('"Shameful" was how she put it')."""
    span, text = quote.span, quote.text
    words = text.split()
    if len(words) > 2 or span.paragraph != span.end_paragraph or not text[:1].islower() or _CJK.search(text):
        return False
    paragraph = paragraphs[span.paragraph]
    if paragraph[span.start : span.end].rstrip("\"'”’»")[-1:] in ".,;:!?…":
        return False  # (the comma joining it to its attribution is stripped from its text)
    before = paragraph[: span.start].rstrip()
    if not before or not before[-1].isalpha():
        return False  # (at a sentence's or clause's start: an utterance)
    lead = before.rsplit(None, 1)[-1].lower()
    if len(words) == 2 and (lead not in _DETERMINERS or _tagged_after(quote, paragraph)):
        return False  # (two words after a verb, or with a speech tag after a comma, may be someone's:
        # 'called the plan "deeply flawed" and', 'a "fresh start" for the city, her spokesman said')
    after = _RUNS_ON.match(paragraph, span.end)
    return after is not None and VERB.fullmatch(after.group(1)) is None


def _tagged_after(quote: _Quote, paragraph: str) -> bool:
    """A speech verb after a comma later in the span's sentence ('..." for the city, her spokesman said')."""
    rest = _SENTENCE_END.split(paragraph[quote.span.end :], maxsplit=1)[0]
    return VERB.search(rest.partition(",")[2]) is not None
