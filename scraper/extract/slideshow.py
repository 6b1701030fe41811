"""Slides of a gallery embedded in a story: a run of paragraphs that each open with a slide counter
in sequence ("1/50 ...", "2/50 ...", or "1 of 12"), set between the story's own paragraphs.

News pages embed galleries of other stories mid-article, and the counters keep their captions
apart from the story: a story's own text never numbers its paragraphs as parts of one total. A
gallery that is the story (a photo story told in its slides) has no story text after it and stays,
as do recipe quantities ("1/2 cup", "3/4 cup"), which never count up to one total.
"""

from __future__ import annotations

import re

_COUNTER = re.compile(r"\(?(\d{1,3}) ?(?:/|of) ?(\d{1,3})\)?\s+\S")
MIN_SLIDES = 3  # fewer numbered lines can be anything
MIN_STORY_CHARS = 300  # story text before and after the run, each at least this long


def without_embedded_slides(paragraphs: list[str]) -> list[str]:
    """The paragraphs without runs of numbered slides that sit between story text."""
    runs = [(start, end) for start, end in _slide_runs(paragraphs) if _between_story(paragraphs, start, end)]
    if not runs:
        return paragraphs
    dropped = {index for start, end in runs for index in range(start, end)}
    return [text for index, text in enumerate(paragraphs) if index not in dropped]


def _slide_runs(paragraphs: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each run of MIN_SLIDES+ paragraphs numbered k/N, k+1/N, ... (same N)."""
    runs: list[tuple[int, int]] = []
    start, last = 0, None  # last: the previous paragraph's (k, N), when it had a counter
    for index, text in enumerate([*paragraphs, ""]):
        match = _COUNTER.match(text)
        counter = (int(match[1]), int(match[2])) if match else None
        follows = counter and last and counter == (last[0] + 1, last[1])
        if not follows:
            if last and index - start >= MIN_SLIDES:
                runs.append((start, index))
            start = index
        last = counter if counter and counter[0] <= counter[1] else None
    return runs


def _between_story(paragraphs: list[str], start: int, end: int) -> bool:
    before = sum(map(len, paragraphs[:start]))
    after = sum(map(len, paragraphs[end:]))
    return before >= MIN_STORY_CHARS and after >= MIN_STORY_CHARS
