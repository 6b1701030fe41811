"""A lede's descriptor named later: British and Commonwealth news opens on "A coroner has called for ..."
or "A judge has ruled ..." and names the office holder further down ("Senior coroner Kevin Hale"). The
lede's words are that person's when exactly one person the article names holds the descriptor's title.
"""

from __future__ import annotations

from collections.abc import Iterable

from scraper.extract.quotes.speaker_entries import Speaker
from scraper.extract.quotes.speaker_ranks import OCCUPATIONS, SERVICE_TITLES
from scraper.extract.quotes.speaker_words import is_role, word_set

# Offices a lede names by their title alone before the article names their holder.
_LEDE_OFFICES = OCCUPATIONS | SERVICE_TITLES | word_set("judge justice sheriff")
_INDEFINITE = frozenset({"A", "An"})


def lede_holder(speaker: str, entries: Iterable[Speaker]) -> str | None:
    """The one named person holding the title of a lede's "A coroner"/"An inspector" (`speaker`)."""
    words = speaker.split()
    if len(words) != 2 or words[0] not in _INDEFINITE:
        return None
    title = words[1].lower()
    if title not in _LEDE_OFFICES and not (is_role(title) and not title.startswith("spokes")):
        return None
    holders = {e.display for e in entries if e.kind == "name" and " " in e.display and title in e.roles}
    return holders.pop() if len(holders) == 1 else None
