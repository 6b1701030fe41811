"""Author names (first version; to be refined)."""

from __future__ import annotations

from lxml import html

from scraper.extract.metadata import PageMeta, jsonld_text


def extract_authors(tree: html.HtmlElement, meta: PageMeta) -> list[str]:
    """Authors from JSON-LD, else the author meta tag."""
    value = meta.article.get("author")
    names = [jsonld_text(a) for a in (value if isinstance(value, list) else [value])]
    found = [n for n in names if n]
    if not found and meta.first("author"):
        found = [meta.first("author") or ""]
    return found
