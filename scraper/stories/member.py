"""What a story keeps of one record: the fields its output line needs, never the body."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit


@dataclass(slots=True)
class Member:
    """One record of a story (the output's member fields plus its attribution)."""

    number: int
    url: str | None
    canonical_url: str | None
    site: str | None
    published: str | None
    headline: str | None
    attributed_publisher: str | None
    attributed_url: str | None
    key: str
    similarity: float = 1.0

    @classmethod
    def of(cls, number: int, record: dict[str, Any]) -> Member:
        attribution = record.get("attribution")
        if not isinstance(attribution, dict):
            attribution = {}
        return cls(
            number=number,
            url=_text(record.get("url")),
            canonical_url=_text(record.get("canonical_url")),
            site=_text(record.get("site")),
            published=_text(record.get("published")),
            headline=_text(record.get("headline")),
            attributed_publisher=_text(attribution.get("publisher")),
            attributed_url=_text(attribution.get("url")),
            key=record_key(record),
        )

    def output(self, is_original: bool) -> dict[str, Any]:
        return {
            "url": self.url,
            "canonical_url": self.canonical_url,
            "site": self.site,
            "published": self.published,
            "headline": self.headline,
            "similarity": round(self.similarity, 4),
            "is_original": is_original,
        }

    def published_time(self) -> datetime | None:
        return parse_time(self.published)


def record_key(record: dict[str, Any]) -> str:
    """What names a record across runs: its canonical URL, else URL, else fingerprint, else body digest."""
    for field in ("canonical_url", "url", "fingerprint"):
        value = _text(record.get(field))
        if value:
            return value
    return "body:" + hashlib.sha1(str(record.get("body", "")).encode("utf-8")).hexdigest()


def normalize_url(url: str | None) -> str | None:
    """The URL as compared with attribution links: no scheme, www., fragment or trailing slash."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").removeprefix("www.")
    if not host:
        return None
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{parts.path.rstrip('/')}{query}"


def parse_time(value: str | None) -> datetime | None:
    """An ISO 8601 time as an aware datetime (no zone is taken as UTC); None when unparseable."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
