"""Recognize and strip market-ticker strips by their shape (first version; to be refined)."""

from __future__ import annotations

import re

from lxml import etree, html

from scraper.extract.text import clean_text

_CHANGE = re.compile(r"^[+\-−–]?\d[\d,]*(?:\.\d+)?\s*\(\s*[+\-−–]?\d[\d,]*(?:\.\d+)?\s*%\s*\)$")
_COUNTDOWN = re.compile(r"\bmarkets?\s+(?:open|close)s?\s+in\b", re.I)
_CANDIDATES = etree.XPath("//li|//p|//tr|//span|//div[not(*)]")


def is_ticker_text(text: str) -> bool:
    """True for a lone change line ('+0.0002 (+0.03%)') or a market countdown line."""
    text = clean_text(text)
    if _COUNTDOWN.search(text) and len(text) < 80:
        return True
    tail = text.split(" ", 1)[-1] if not _CHANGE.match(text) else text
    return bool(_CHANGE.match(text) or _CHANGE.match(tail))


def strip_ticker(tree: html.HtmlElement) -> list[str]:
    """Remove ticker elements from the tree and return their text lines in document order."""
    removed: list[str] = []
    for node in _CANDIDATES(tree):
        if node.getparent() is None:
            continue
        text = clean_text(node.text_content())
        if text and is_ticker_text(text):
            removed.append(text)
            node.drop_tree()
    return removed
