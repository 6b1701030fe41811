"""Places named where someone spoke, which are never the speaker.

News sets a scene with a preposition and a city, then its state or country after a comma: "campaigning
in Manchester, New Hampshire, seized on the news", "at a rally in Raleigh, N.C., told supporters". The
state stands alone between commas right before the verb, as an aside or a subject would; it is the
city's, governed by the same preposition.
"""

from __future__ import annotations

import re

# A locative preposition and a capitalized place right before a comma: the run after the comma is
# its state or country ("in Manchester, ", "near Lyon, ", "from Kenosha, "). The attribution view
# masks abbreviation periods with a one-dot leader ("St\u2024 Paul").
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|from|near|outside|across|to|toward|towards)\s+"
    r"(?:[A-Z][\w\u2024.'’\-]*\s+){0,2}[A-Z][\w\u2024.'’\-]*,\s*$"
)

# The region itself: one to three capitalized words set off by a comma after them too ("New Hampshire,",
# "N.C.,"); a subject after an opening phrase runs on to its verb ("At a rally in Dayton, Gov. Pike said").
_REGION = re.compile(r"[A-Z][\w\u2024.'’\-]*(?:\s+[A-Z][\w\u2024.'’\-]*){0,2}\s*,")


def region_of_place(text: str, start: int) -> bool:
    """Whether the capitalized run at text[start:] follows a place governed by a locative preposition
    and a comma, and a comma closes it ("in Raleigh, N.C., told"): the place's state or country."""
    if not text.endswith(", ", 0, start) or _REGION.match(text, start) is None:
        return False
    return _PLACE_BEFORE.search(text, max(0, start - 64), start) is not None
