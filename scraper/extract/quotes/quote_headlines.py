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


# A repeated passage must be long enough not to be a common phrase quoted twice by chance.
_REPEATED_WORDS = 6
# A subheading is a short line: a lifted phrase, not a paragraph of speech.
_SUBHEAD_WORDS = 10


def repeated_quotes(quotes: list[Quote]) -> None:
    """Give a quotation with no tag of its own, that repeats words of an earlier quotation with a speaker
    ('Uber tweeted: "We are all worried. Fares rose to ..."' ... '"… Fares rose to ..."'), that speaker."""
    # (its own tag names its speaker; one carried over from the last quotation does not)
    untagged = [i for i, q in enumerate(quotes) if i and q.phrase_at is None and q.text.count(" ") >= 5]
    if not untagged:  # (most pages: every quotation tagged, or only short ones left)
        return
    joined = [f" {' '.join(_words(q.text))} " for q in quotes]  # (a run of words is a substring here)
    for i in untagged:
        quote = quotes[i]
        if joined[i].count(" ") <= _REPEATED_WORDS:
            continue
        echo = next(
            (q for j, q in enumerate(quotes[:i]) if q.speaker is not None and joined[i] in joined[j]), None
        )
        if echo is not None:
            quote.speaker = echo.speaker


def subhead_echoes(quotes: list[Quote], paragraphs: list[str]) -> list[Quote]:
    """Without the subheadings that lift a phrase from a quotation of the article (a line "'We must
    listen'" between sections, the words quoted in full further on): a heading, not someone speaking."""
    heads = [q for q in quotes if q.span.paragraph > 0 and _is_subhead(q, paragraphs[q.span.paragraph])]
    if not heads:
        return quotes
    lifted = set()
    for head in heads:
        words = _words(head.text)
        if any(
            q is not head and len(_words(q.text)) > len(words) and _holds(_words(q.text), words)
            for q in quotes
        ):
            lifted.add(id(head))
    return [q for q in quotes if id(q) not in lifted]


def _is_subhead(quote: Quote, paragraph: str) -> bool:
    """Whether the quotation is a paragraph of its own: a short line, its marks its only other text."""
    span = quote.span
    return (
        span.end_paragraph == span.paragraph
        and len(paragraph) - (span.end - span.start) <= 2
        and len(quote.text.split()) <= _SUBHEAD_WORDS
        and not quote.text.rstrip("\"'”’ ").endswith((".", "!", "?", ","))
    )


def _is_headline(text: str) -> bool:
    """A short line with no sentence end before its last words."""
    return len(text.split()) <= _HEADLINE_WORDS and _SENTENCE_END.search(text) is None


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def _holds(words: list[str], part: list[str]) -> bool:
    """Whether `part` is a run of `words`."""
    size = len(part)
    return any(words[i : i + size] == part for i in range(len(words) - size + 1))
