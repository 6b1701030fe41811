"""The article body as a list of paragraphs (first version: trafilatura on our tree)."""

from __future__ import annotations

from copy import deepcopy

from lxml import html
from trafilatura import bare_extraction

from scraper.extract.text import clean_paragraphs


def extract_paragraphs(tree: html.HtmlElement, url: str | None) -> list[str]:
    """Main-text paragraphs of the page, in order."""
    result = bare_extraction(deepcopy(tree), url=url, fast=True, include_comments=False)
    body = getattr(result, "body", None)
    if body is None:
        return []
    texts = ["".join(p.itertext()) for p in body.iter("p")]
    return clean_paragraphs(texts)
