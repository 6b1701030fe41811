"""The article's language as an ISO 639-1 code."""

from __future__ import annotations

from scraper.extract.metadata import PageMeta, jsonld_text


def detect_language(meta: PageMeta, body: str) -> str | None:
    """Declared language (JSON-LD, html lang, meta), reduced to its primary subtag."""
    declared = (
        jsonld_text(meta.article.get("inLanguage"))
        or meta.html_lang
        or meta.first("og:locale", "language", "content-language", "dc.language")
    )
    if declared:
        return declared.replace("_", "-").split("-")[0].lower() or None
    return None
