"""What a reader never sees: elements the page hides (the `hidden` attribute, inline `display: none`
or `visibility: hidden`, `aria-hidden="true"`), the way reader views drop them before scoring.

Menus, modal dialogs, templates for widgets and duplicated mobile/desktop variants hide this way;
their text is no part of the story. A hidden element holding most of the page's text is the story
itself, waiting for a script to show it, and stays.
"""

from __future__ import annotations

import re

from lxml import etree, html

_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.I)
# Attribute values, not elements: an element proxy is made only for the few that hide.
_HIDING_ATTRIBUTES = etree.XPath("//@style | //@hidden")
MAX_HIDDEN_SHARE = 0.5  # a hidden element with more of the page's text than this is kept
MIN_STORY_CHARS = 1000  # ... which only an element with this much text can hold: a story's length


def is_hidden(element: html.HtmlElement) -> bool:
    """Whether the element's own attributes hide it from readers (drop_hidden's test, per element)."""
    return element.get("hidden") is not None or hides_by_style(element.get("style", ""))


def hides_by_style(style: str) -> bool:
    return bool(_HIDDEN_STYLE.search(style))


def _hides(value: etree._ElementUnicodeResult) -> bool:
    return value.attrname == "hidden" or hides_by_style(value)


def drop_hidden(tree: html.HtmlElement) -> int:
    """Remove hidden elements (tails kept) unless one holds most of the page's text; the number removed."""
    hidden = [value.getparent() for value in _HIDING_ATTRIBUTES(tree) if _hides(value)]
    hidden = [el for el in hidden if el.tag not in ("html", "body")]
    if not hidden:
        return 0
    total: int | None = None  # the page's text length, read only for a hidden element with much text
    removed = 0
    for element in hidden:
        if not _attached(element, tree):
            continue
        length = len(element.text_content() or "")
        if length > MIN_STORY_CHARS:
            total = len(tree.text_content() or "") if total is None else total
            if length > MAX_HIDDEN_SHARE * total:
                continue
        element.drop_tree()
        removed += 1
    return removed


def _attached(element: html.HtmlElement, tree: html.HtmlElement) -> bool:
    """Still in the page (not inside a hidden element removed before it)."""
    top = next(reversed(list(element.iterancestors())), element)
    return top.tag == "html" or top is tree
