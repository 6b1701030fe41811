"""A headline's quotation that the article quotes again: whose words they are.

Headlines lift a phrase from the story ("Rove challenges Fox's data desk in 'odd civil war'") and credit
no one, or read as if the headline's subject said it; the body quotes the same words with their
speaker ('media critic Eric Deggans called it an "odd civil war"'). The body's attribution is the one
to trust.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.quote_runs import Quote

_WORD = re.compile(r"\w+")
# A headline is a short first paragraph with no sentence end inside it.
_HEADLINE_WORDS = 25
_SENTENCE_END = re.compile(r"[.!?][\"'”’»)]*\s+[A-Z]")


def headline_echoes(quotes: list[Quote], paragraphs: list[str]) -> None:
    """Give a quotation in the headline (the first paragraph, when it reads as one) the speaker of the
    first later quotation that holds the same words."""
    if not paragraphs or not _is_headline(paragraphs[0]):
        return
    for quote in quotes:
        if quote.span.paragraph != 0:
            break
        words = _words(quote.text)
        if not words:
            continue
        later = (q for q in quotes if q.span.paragraph > 0 and q.speaker is not None)
        echo = next((q for q in later if _holds(_words(q.text), words)), None)
        if echo is not None:
            quote.speaker = echo.speaker


def _is_headline(text: str) -> bool:
    """A short line with no sentence end before its last words."""
    return len(text.split()) <= _HEADLINE_WORDS and _SENTENCE_END.search(text) is None


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def _holds(words: list[str], part: list[str]) -> bool:
    """Whether `part` is a run of `words`."""
    size = len(part)
    return any(words[i : i + size] == part for i in range(len(words) - size + 1))
