"""Speaker phrases read out of patterns and narration: a pattern's matched phrase of a wanted kind, and a
capitalized run in narration as a name or named organization (classify_phrase after the words that open
a clause or a headline)."""

from __future__ import annotations

import re
from functools import lru_cache

from scraper.extract.quotes.speaker_words import NOT_SUBJECT, OPENERS
from scraper.extract.quotes.speakers import CACHED_PHRASES, Phrase, classify_phrase

# Imperatives opening a headline or caption before a name ("Watch Anthony Bourdain's ...", "Meet Jo Li").
_HEADLINE_VERBS = frozenset({"Watch", "Meet", "Read", "See", "Listen"})
_MENTION_OPENERS = NOT_SUBJECT | OPENERS


def matched_speaker(match: re.Match[str] | None, kinds: set[str]) -> tuple[str, int] | None:
    """A pattern's matched speaker phrase (group "spk") and its offset, when it classifies as one of
    `kinds` ("name", "definite", ...)."""
    if match is None:
        return None
    phrase = classify_phrase(match.group("spk"))
    if phrase is None or phrase.kind not in kinds:
        return None
    return match.group("spk"), match.start("spk")


@lru_cache(maxsize=CACHED_PHRASES)
def classify_mention(raw: str) -> Phrase | None:
    """A capitalized run in narration ("When Glenn Odegaard", "the Platte Basin Water Council") as a
    name or named organization, after the words that open a clause or adverbial ("When", "For")."""
    words = raw.split()
    while len(words) > 1 and (words[0] in _HEADLINE_VERBS or words[0].lower() in _MENTION_OPENERS):
        words = words[1:]
    phrase = classify_phrase(" ".join(words))
    return phrase if phrase is not None and phrase.kind in {"name", "definite"} else None
