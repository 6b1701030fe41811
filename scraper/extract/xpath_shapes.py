"""Regexes read out of trafilatura's XPath expressions, for the steps transcribed into Python.

A transcription states the expression's shape, with `{}` where each regex stands (white space
collapsed). The installed expression must have exactly that shape, else the transcription steps
aside and trafilatura's own expression runs; so the regexes themselves may change upstream freely.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from lxml import etree

Test = Callable[[str], bool]


def read_regexes(shape: str, xpath: etree.XPath, flags: tuple[int, ...] = ()) -> list[Test] | None:
    """The regexes at the `{}` of shape in the installed xpath as memoized tests (`flags` per regex, as
    EXSLT's 'i' asks), or None when the shape differs or a regex matches empty text (an absent
    attribute, which the transcriptions skip, would then count)."""
    pattern = "([^']*)".join(map(re.escape, shape.split("{}")))
    match = re.fullmatch(pattern, " ".join(xpath.path.split()))
    if match is None:
        return None
    found = match.groups()
    regexes = [re.compile(regex, flag) for regex, flag in zip(found, flags or (0,) * len(found), strict=True)]
    if any(regex.search("") for regex in regexes):
        return None
    return [memoized(regex) for regex in regexes]


def memoized(regex: re.Pattern[str]) -> Test:
    """regex.search as a yes/no test, remembered per text: pages repeat their class strings."""
    return lru_cache(maxsize=4096)(lambda text: regex.search(text) is not None)
