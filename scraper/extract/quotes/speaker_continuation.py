"""A descriptor that "added" or "continued" right after someone's quotation: the same speaker going on.

News writing names a speaker, then refers to them by a descriptor the article has not used before
('Hawley said: "..."' then 'The former astronaut, who was married to Ride, added: "..."'): the verb says
the words continue, so the descriptor is the speaker before it, not a new person named by its words.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.speakers import Phrase

# The verb after the descriptor, past a relative clause or aside between commas.
_CONTINUES = re.compile(
    r"(?:\s*,[^,.;:!?\"“”]{1,120},)?\s+(?:also\s+|then\s+|later\s+)?(?:added|adds|continued|continues|went\s+on)\b"
)


def continues_speaker(phrase: Phrase, role: str, narration: str, end: int) -> bool:
    """Whether a definite descriptor ending at `end` is the subject of "added" or "continued"."""
    return phrase.kind == "definite" and role == "speaker" and _CONTINUES.match(narration, end) is not None
