"""A French incise set inside the marks: one quotation split by its own speech tag.

French style often leaves the guillemets open across the tag that names the speaker: « Un hiver humide
ne suffit pas, répond-elle. Les nappes ont une mémoire longue. » or "Il faut agir, explique Jo Ferrand,
maire de la commune. Nous n'attendrons pas." The words before the tag and those after it are two
quotations of the one speaker (as if the marks closed and opened again around the tag); the tag, left
in the narration, attributes the first as a tag after a closing mark does, and the second takes the
speaker of the first in its paragraph. The tag is a French inverted pronoun ("répond-elle", "nous
a-t-il confié en marge") up to a comma or a period, or a French speech verb with a named subject or
one led by a determiner ("explique Yannick Le Corre, patron du Ker Anna", "a expliqué un porte-parole
de la mairie") up to a period and a new sentence.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.quote_spans import QuoteSpan
from scraper.extract.quotes.speech_verbs import FR_VERBS
from scraper.extract.word_patterns import trie_pattern

_OBJECT = r"(?:(?:nous|leur|lui|me|m[’'])\s+)?"  # ("nous a-t-il confié", "leur a-t-il lancé")
_INVERTED = r"[a-zéèêàâîôûç]+-(?:t-)?(?:il|elle|ils|elles)\b[^.,;:!?«»\"“”„]{0,60}[.,]\s+"
_SUBJECT = r"(?:[A-ZÀ-ÖØ-Þ]|(?:le|la|les|l[’']|un|une|son|sa|ses|leur|leurs)\b)"
_VERBED = rf"(?:{trie_pattern(FR_VERBS.split('|'))})\s+{_SUBJECT}[^.!?«»\"“”„]{{0,150}}\.\s+(?=[A-ZÀ-ÖØ-Þ])"
_INCISE = re.compile(rf",\s+{_OBJECT}(?:{_INVERTED}|{_VERBED})")


def split_incises(spans: list[QuoteSpan], paragraphs: list[str]) -> list[QuoteSpan]:
    """The spans with each one-paragraph quotation that holds a French incise cut around it."""
    out: list[QuoteSpan] = []
    for span in spans:
        out.extend(_cut(span, paragraphs[span.paragraph]) if span.paragraph == span.end_paragraph else [span])
    return out


def _cut(span: QuoteSpan, paragraph: str) -> list[QuoteSpan]:
    """The span, or its parts before and after each incise inside it (each part with words of its own)."""
    parts: list[QuoteSpan] = []
    stop = span.end - 1 if span.closed else span.end
    start, position = span.start, span.start + 1
    while (found := _INCISE.search(paragraph, position, stop)) is not None:
        if not paragraph[start + 1 : found.start()].strip() or not paragraph[found.end() : stop].strip():
            break
        parts.append(
            QuoteSpan(
                paragraph[start + 1 : found.start()],
                span.paragraph,
                start,
                span.paragraph,
                found.start(),
                True,
            )
        )
        start = position = found.end() - 1
    if not parts:
        return [span]
    parts.append(
        QuoteSpan(paragraph[start + 1 : stop], span.paragraph, start, span.paragraph, span.end, span.closed)
    )
    return parts
