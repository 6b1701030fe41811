"""Publication and modification dates as ISO 8601 with UTC offset (first version)."""

from __future__ import annotations

from datetime import datetime, timezone

from lxml import html

from scraper.extract.metadata import PageMeta, jsonld_text


def extract_dates(tree: html.HtmlElement, meta: PageMeta) -> tuple[str | None, str | None]:
    """(published, modified) from JSON-LD and meta tags."""
    published = jsonld_text(meta.article.get("datePublished")) or meta.first(
        "article:published_time"
    )
    modified = jsonld_text(meta.article.get("dateModified")) or meta.first("article:modified_time")
    return to_iso(published), to_iso(modified)


def to_iso(value: str | None) -> str | None:
    """Parse an ISO-ish date to ISO 8601 with offset (UTC assumed when none)."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.isoformat()
