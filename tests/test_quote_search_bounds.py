"""Searches the quote stage starts late to save time find what a search from the start finds."""

from __future__ import annotations

import random

from scraper.extract.quotes import quote_kinds, quote_spans, quote_terms
from scraper.extract.quotes.quote_sentences import last_words_at
from scraper.extract.quotes.speaker_words import word_set

_TOKENS = sorted(
    word_set(
        "known locally widely as also called under the name heading dubbed Latin word term for award "
        "rebranded billed translated to literally code-named tour, that is i.e. meaning stands short such "
        "a thing by which I we mean interpreted defined Definition DEFINED agency slogan phrase his "
        "mayor’s nicknames of was is x , : x, as: éA Défined"
    )
)
_SPACES = (" ", "  ", "\n", "\t ", "\u00a0", "")


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(_TOKENS) + rng.choice(_SPACES) for _ in range(rng.randint(1, 14)))
        for _ in range(count)
    ]


def test_last_words_at() -> None:
    assert last_words_at("a b  c d", 2) == 3
    assert last_words_at("one two", 5) == 0
    assert last_words_at("", 1) == 0


def test_end_anchored_patterns_match_alike_from_their_last_words() -> None:
    for text in _texts(3000, seed=13):
        named = quote_kinds._NAMED.search(text)
        late = quote_kinds._NAMED.search(text, last_words_at(text, quote_kinds._NAMED_WORDS))
        assert (named and named.span()) == (late and late.span()), text
        start = max(0, len(text) - 60)
        lead = quote_terms._TERM_LEAD.search(text, start)
        late = quote_terms._TERM_LEAD.search(text, max(start, last_words_at(text, quote_terms._LEAD_WORDS)))
        assert (lead and (lead.span(), lead.groups())) == (late and (late.span(), late.groups())), text
        defined = quote_terms._DEFINED.search(text, max(0, len(text) - 100)) is not None
        assert quote_terms._defined(text) == defined, text


def test_ascii_text_is_searched_for_its_one_mark_alike() -> None:
    for text in ["He said \"yes\" and 'no'.", "plain", "it's 'quoted'"]:
        for marks in (quote_spans._DOUBLE_RE, quote_spans._SINGLE_RE):
            found = [m.span() for m in quote_spans._in(text, marks).finditer(text)]
            assert found == [m.span() for m in marks.finditer(text)]
