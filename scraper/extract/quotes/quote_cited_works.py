"""Block quotations from a work the article names with its author.

A blog post that reviews a book chapter ("the handbook chapter by Sherwin Rosen titled ...") or cites a
body's study ("In 2004, the ILO carried out its first global study") then sets passages of it apart as
whole paragraphs in quote marks, with no attribution of their own: they are the author's words. The work
stays the one quoted until someone else is credited with a quotation.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.quote_runs import SENTENCE_WORDS, Quote, whole_paragraph
from scraper.extract.quotes.speaker_mentions import classify_mention

_WORKS = (
    "book|chapter|paper|article|essay|report|study|survey|memoir|novel|column|handbook|textbook|"
    "lecture|monograph|thesis|dissertation|analysis"
)
_WORK = re.compile(rf"\b(?:{_WORKS})")
# A capitalized name of up to four words, perhaps after "the" ("the ILO", "Sherwin Rosen").
_NAME = r"(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}"
# The work, then its author after "by" ("a chapter by X", "the report (2010), published by X").
_BY = re.compile(
    rf"\b(?:{_WORKS})s?\b(?:\s+\([^()]{{1,40}}\))?,?\s+(?:(?:written|published|released|issued|edited)\s+)?"
    rf"by\s+(?P<name>{_NAME})"
)
# The author, then a verb of making the work ("the ILO carried out its first global study").
_MADE = re.compile(
    rf"(?P<name>{_NAME})\s+(?:carried out|conducted|published|released|issued|produced)\s+"
    rf"(?:[\w-]+\s+){{0,5}}?(?:{_WORKS})\b"
)


def cited_work_passages(quotes: list[Quote], narration: list[str]) -> None:
    """Give an unattributed whole-paragraph quotation the author of the work the narration last named
    with its author (`narration`: paragraphs with quoted text blanked), unless a quotation attributed to
    someone else came between; a speaker carried from a quotation before the work gives way."""
    if not any(q.phrase_at is None and _passage(q, narration) for q in quotes):
        return  # (most pages set no passage apart: no work's author is looked for)
    author: str | None = None
    by_paragraph: dict[int, list[Quote]] = {}
    for quote in quotes:
        by_paragraph.setdefault(quote.span.paragraph, []).append(quote)
    for index, text in enumerate(narration):
        for quote in by_paragraph.get(index, ()):
            if quote.phrase_at is not None:
                author = author if quote.speaker == author else None  # (someone else is quoted now)
            elif author and _passage(quote, narration):
                quote.speaker = author  # (over a speaker carried from a quotation before the work)
        # (not a work named in a paragraph that credits someone's words: 'said X, who led the study by Y')
        attributed = any(q.phrase_at is not None for q in by_paragraph.get(index, ()))
        author = (None if attributed else _author(text)) or author


def _passage(quote: Quote, narration: list[str]) -> bool:
    """A sentence or more set apart as its own paragraph(s), or opening with an ellipsis (an excerpt cut
    from a longer text: 'As shown in Muth (1969): "…limited availability of ..."')."""
    if len(quote.text.split()) < SENTENCE_WORDS:
        return False
    return quote.text.startswith(("…", "...")) or whole_paragraph(quote.span, narration)


def _author(text: str) -> str | None:
    """The author of a work a paragraph names with them, the last one named."""
    if _WORK.search(text) is None:
        return None
    found = None
    for pattern in (_BY, _MADE):
        for match in pattern.finditer(text):
            if found is None or match.start() > found.start():
                found = match
    if found is None:
        return None
    phrase = classify_mention(found.group("name"))
    if phrase is None:
        return None
    name = (phrase.name or phrase.text).rstrip(".")  # (a sentence's period is no initial's)
    return name[4:] if name.startswith(("the ", "The ")) else name
