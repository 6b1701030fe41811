"""Dialogue set with dashes: each line a paragraph opening with an em or en dash, no quote marks.

French and Québec news (and fiction-like features) write an exchange as lines that open with "— ":
"— Vous fermez vraiment ? demande une cliente.", "— Le 31, ma belle.", "— Chez Rona, répond-il.".
A line is a quotation up to its incise (a speech verb or a French inverted pronoun after a comma, a
question or an exclamation mark), which attributes it as a tag after a closing mark does. Only a run of
two lines or more is dialogue (one dash-led paragraph is a list item or a credit). A line without an
incise is the turn of the speaker two lines away in the run (the same side of the exchange), else
no one's: it continues no speaker from the narration before the run.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.quote_runs import Quote
from scraper.extract.quotes.quote_spans import DOUBLE_MARKS, QuoteSpan
from scraper.extract.quotes.speech_verbs import FR_INCISE_VERBS, VERBS

_DASH = re.compile(r"[—–]\s*")
# The incise ending a line's words: a comma, question or exclamation mark, then a speech verb or a
# French inverted pronoun ("répond-il", "glisse-t-elle").
_INCISE = re.compile(
    rf"[,?!…]\s+(?:(?:{VERBS}|{FR_INCISE_VERBS})\b|[a-zéèêàâîôûç]+-(?:t-)?(?:il|elle|ils|elles)\b)"
)


def _line(paragraph: str) -> bool:
    """Whether a paragraph is a dialogue line: a dash first, no quote mark in it."""
    return bool(_DASH.match(paragraph)) and not any(mark in paragraph for mark in DOUBLE_MARKS)


def dialogue_turns(paragraphs: list[str]) -> list[int]:
    """Each paragraph's place in the article's reading for recency ("this or the previous paragraph"):
    its index, except that a run of dialogue lines counts as one paragraph, as short as its lines are
    ("— ..., répond-il" refers to the man named in the narration before the run)."""
    turns, at, before = [], -1, False
    for paragraph in paragraphs:
        line = paragraph[:1] in "—–" and _line(paragraph)
        at += 0 if line and before else 1
        turns.append(at)
        before = line
    return turns


def dialogue_spans(paragraphs: list[str]) -> list[QuoteSpan]:
    """The quotations of dash-led dialogue lines in runs of two or more, each up to its incise; a run
    none of whose lines has an incise is a list, not an exchange."""
    lines = [_line(p) for p in paragraphs]
    spans: list[QuoteSpan] = []
    run: list[QuoteSpan] = []
    tagged = False
    for index, paragraph in enumerate([*paragraphs, ""]):
        if index == len(paragraphs) or not lines[index]:
            spans.extend(run if len(run) > 1 and tagged else [])
            run, tagged = [], False
            continue
        opened = _DASH.match(paragraph)
        if opened is None:  # (lines[index] says it opens with a dash)
            continue
        incise = _INCISE.search(paragraph, opened.end())
        tagged = tagged or incise is not None
        end = incise.start() + (0 if paragraph[incise.start()] == "," else 1) if incise else len(paragraph)
        run.append(QuoteSpan(paragraph[opened.end() : end].strip(), index, opened.start(), index, end, True))
    return [span for span in spans if span.text]


def is_dialogue(span: QuoteSpan, paragraphs: list[str]) -> bool:
    """Whether a span is a dialogue line's (it opens at its paragraph's dash)."""
    return paragraphs[span.paragraph][span.start : span.start + 1] in "—–" and not span.start


def alternate_turns(quotes: list[Quote], paragraphs: list[str]) -> None:
    """A dialogue line with no incise takes the speaker of the line two before it in the run, else two
    after it; with neither it stays unattributed, and no later rule carries a speaker to it."""
    by_paragraph = {q.span.paragraph: q for q in quotes if is_dialogue(q.span, paragraphs)}
    for index, quote in by_paragraph.items():
        if _own(quote):
            continue  # (its own incise; a credit read from the next line is that line's incise)
        before, after = by_paragraph.get(index - 2), by_paragraph.get(index + 2)
        linked = before if before is not None and by_paragraph.get(index - 1) else None
        if linked is None and after is not None and by_paragraph.get(index + 1):
            linked = after
        quote.speaker = linked.speaker if linked is not None and _own(linked) else None
        quote.phrase_at = (index, 0)  # (its turn is settled: not a run's continuation)


def _own(quote: Quote) -> bool:
    """Whether a dialogue line's speaker phrase is in its own paragraph (its incise, or its turn)."""
    return quote.phrase_at is not None and quote.phrase_at[0] == quote.span.paragraph
