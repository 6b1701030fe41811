"""trafilatura's frame finders (`BODY_XPATH`, the containers its main rules try in turn) in Python.

Three of them test every container's id and class with Python's `re` through EXSLT, ~0.6 ms a page;
here the same tests run on the containers with attributes (the regexes do not match empty text),
with memoized compiled regexes, stopping at the first match. `_extract` only takes the first element
an expression selects, which is what these return (for `...[cond][1]`, the first match in document
order is also the first matching child of its parent). An expression whose installed shape differs
stays trafilatura's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from lxml import etree
from trafilatura.xpaths import BODY_XPATH

from scraper.extract.xpath_shapes import Test, read_regexes

_CONTAINER_TAGS = ("article", "div", "main", "section")
_CONTAINERS = " or ".join(f"self::{tag}" for tag in _CONTAINER_TAGS)

Attributes = dict[str, str]


def _article_body(a: Attributes, tests: list[Test]) -> bool:
    ident, classes = a.get("id", ""), a.get("class", "")
    return (
        classes in ("post", "entry")
        or a.get("itemprop") == "articleBody"
        or ident == "articleContent"
        or tests[0](ident)
        or tests[1](classes)
    )


def _story(a: Attributes, tests: list[Test]) -> bool:
    ident, classes = a.get("id", ""), a.get("class", "")
    return (
        a.get("role") == "article"
        or ident in ("article", "story")
        or classes in ("postarea", "art-postcontent", "text", "cell", "story")
        or tests[0](ident)
        or tests[1](classes)
        or tests[2](classes)
    )


def _main_content(a: Attributes, tests: list[Test]) -> bool:
    ident, classes = a.get("id", ""), a.get("class", "")
    return (
        ident == "content"
        or classes == "content"
        or tests[0](ident)
        or tests[1](classes)
        or "main-content" in ident.replace("C", "c").replace("M", "m")
        or "main-content" in classes.replace("C", "c").replace("M", "m")
        or "page-content" in classes.replace("C", "c").replace("P", "p")
    )


# Index in BODY_XPATH, shape, regex flags (EXSLT's 'i'), condition.
_TRANSCRIBED: tuple[tuple[int, str, tuple[int, ...], Callable[[Attributes, list[Test]], bool]], ...] = (
    (
        0,
        ".//*[" + _CONTAINERS + "][ @class='post' or @class='entry' or @itemprop='articleBody' or "
        "@id='articleContent' or re:test(@id, '{}') or re:test(@class, '{}') ][1]",
        (),
        _article_body,
    ),
    (
        2,
        "(.//*[" + _CONTAINERS + "][ @role='article' or @id='article' or @id='story' or @class='postarea' or "
        "@class='art-postcontent' or @class='text' or @class='cell' or @class='story' or "
        "re:test(@id, '{}') or re:test(@class, '{}', 'i') or re:test(@class, '{}') ])[1]",
        (0, re.IGNORECASE, 0),
        _story,
    ),
    (
        3,
        "(.//*[" + _CONTAINERS + "][ @id='content' or @class='content' or re:test(@id, '{}') or "
        "re:test(@class, '{}') or contains(translate(@id, 'CM','cm'), 'main-content') or "
        "contains(translate(@class, 'CM','cm'), 'main-content') or "
        "contains(translate(@class, 'CP','cp'), 'page-content') ])[1]",
        (),
        _main_content,
    ),
)


class FirstFrame:
    """One BODY_XPATH expression as _extract uses it: the first element it selects below a tree."""

    def __init__(self, xpath: etree.XPath, tests: list[Test], condition: Callable[..., bool]) -> None:
        self.xpath, self.tests, self.condition = xpath, tests, condition

    def __call__(self, tree: etree._Element) -> list[etree._Element]:
        # (a tag-filtered walk that stops at the first match costs far less than the XPath's full pass)
        for element in tree.iterdescendants(*_CONTAINER_TAGS):
            attributes = element.items()
            if attributes and self.condition(dict(attributes), self.tests):
                return [element]
        return []

    def __str__(self) -> str:  # (_extract logs the expression that found the frame)
        return str(self.xpath)


def frame_finders() -> list[Any]:
    """BODY_XPATH with each expression whose installed shape is transcribed here answered in Python."""
    finders: list[Any] = list(BODY_XPATH)
    for index, shape, flags, condition in _TRANSCRIBED:
        tests = read_regexes(shape, BODY_XPATH[index], flags) if index < len(BODY_XPATH) else None
        if tests is not None:
            finders[index] = FirstFrame(BODY_XPATH[index], tests, condition)
    return finders
