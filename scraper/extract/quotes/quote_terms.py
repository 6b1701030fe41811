"""Quoted spans that nobody says, read once speakers are known: what the sentence itself names as a term,
phrase or nickname, and definitions or glosses ('defined by the agency as "..."', '(that is, "...")').
Each rule needs the span to have no speaker, so a phrase someone is reported to have said stays a
quotation however it is introduced ('Lee called the plan "a disaster"', 'Lee defined it as "..."').
"""

from __future__ import annotations

import re

from scraper.extract.quotes.quote_runs import Quote as _Quote
from scraper.extract.quotes.speaker_words import word_set

# Nouns that name a quoted span as a term, not as words someone said ('the phrase "..."', 'such
# nicknames as "..."'). ("words" is left out: 'a note with the words "..."' is a written text; "saying" is
# more often the verb: 'quotes him as saying "..."'.)
_TERM_NOUNS = word_set(
    "phrase phrases term terms expression expressions idiom idioms slogan slogans motto "
    "mottos nickname nicknames moniker monikers label labels tagline taglines catchphrase catchphrases "
    "buzzword buzzwords hashtag hashtags acronym acronyms abbreviation euphemism euphemisms neologism "
    "catchword catchwords"
)
# Quoted spans listed before this one ('as "A," "B" and "C"'): they share its lead.
_LISTED_BEFORE = re.compile(r"""["“”'‘’][^"“”]{0,80}["”'’]\s*,?\s*(?:(?:and|or)\s+)?$""")
# Between the noun and the opening mark: nothing, "as", "such as", "of", "is", a colon or a comma (not
# "like": 'a phrase like "..."' gives an example of someone's words). The word before the noun is kept:
# a person's phrase is their words ('Isaiah's phrase "..."', 'his motto "..."').
_TERM_LEAD = re.compile(
    r"(?P<owner>[\w’']+\s+)?(?P<noun>[^\W\d_]+)\s*(?:(?:such\s+as|as|of|is|was)\s*)?[:,]?\s*$"
)
# What introduces a definition or gloss: "defined (by the agency) as", "definition is", "that is",
# "i.e.", "meaning", "stands for", "short for", "known as", "also called", "a.k.a.".
_DEFINED = re.compile(
    r"(?:\bdefin(?:ed|es|e|ition)\b[^.;:!?\"“”]{0,60}?\b(?:as|is|was)"
    r"|\b(?:that is|i\.e\.|meaning|stands for|short for|known as|also called|a\.k\.a\.|aka))\s*[:,]?\s*$",
    re.IGNORECASE,
)
_OWNERS = word_set("his her their my our your whose")  # ("its": a thing's tagline or name)


def is_unspoken(quote: _Quote, paragraphs: list[str]) -> bool:
    """Whether a span with no speaker is a term, not a quotation (rules in the module doc)."""
    if quote.speaker is not None or quote.direct:
        return False
    span = quote.span
    before = paragraphs[span.paragraph][max(0, span.start - 200) : span.start]
    return _named_as_term(before) or _DEFINED.search(before) is not None


def _named_as_term(before: str) -> bool:
    """The text before the opening mark ends with a noun that names what follows as a term ('the
    conventional phrase "..."', 'nicknames such as "A" and "B"'): an idiom, label or nickname."""
    for _ in range(4):  # (each quoted span listed before this one is skipped)
        listed = _LISTED_BEFORE.search(before)
        if listed is None:
            break
        before = before[: listed.start()]
    lead = _TERM_LEAD.search(before)
    if lead is None or lead.group("noun").lower() not in _TERM_NOUNS:
        return False
    owner = (lead.group("owner") or "").strip().lower()
    return owner not in _OWNERS and not owner.endswith(("’s", "'s", "s’", "s'"))
