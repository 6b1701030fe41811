"""The bullet key points that lead an article (first version; to be refined)."""

from __future__ import annotations

from lxml import html

from scraper.extract.text import clean_text


def extract_bullets(tree: html.HtmlElement, headline: str | None) -> list[str]:
    """The first list after the headline whose items read like sentences."""
    for ul in tree.iter("ul"):
        items = [clean_text(li.text_content()) for li in ul.iter("li")]
        if len(items) >= 2 and all(len(i.split()) >= 6 and not i.isupper() for i in items):
            return items
    return []
