"""Where a page says it is a copy of another publisher's article (first version)."""

from __future__ import annotations

import re
from typing import Any

from lxml import html

from scraper.extract.metadata import PageMeta
from scraper.extract.text import clean_text

_READ_ORIGINAL = re.compile(r"^Read the original article on (?P<publisher>.+?)\.?$", re.I)


def extract_attribution(
    tree: html.HtmlElement, meta: PageMeta, url: str | None
) -> tuple[dict[str, Any] | None, list[str]]:
    """(attribution or None, the attribution lines to keep out of the body)."""
    for node in tree.iter("p", "div"):
        text = clean_text(node.text_content())
        match = _READ_ORIGINAL.match(text)
        if match:
            link = next(node.iter("a"), None)
            return (
                {
                    "publisher": match.group("publisher"),
                    "url": link.get("href") if link is not None else None,
                    "text": text,
                },
                [text],
            )
    return None, []
