"""Dates as sitemaps and feeds write them (W3C/ISO 8601, RFC 822), into aware datetimes. No Scrapy here."""

from __future__ import annotations

from datetime import datetime, timezone
from email.utils import parsedate_to_datetime


def parse_iso_datetime(value: str | None) -> datetime | None:
    """An ISO 8601 date or datetime as an aware datetime (naive means UTC); None when malformed."""
    if not value:
        return None
    text = value.strip()
    if text[-1:] in ("Z", "z"):
        text = text[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def parse_feed_date(value: str | None) -> datetime | None:
    """ISO 8601 (Atom, dc:date, sitemaps) or RFC 822 (RSS pubDate); None when neither."""
    parsed = parse_iso_datetime(value)
    if parsed is not None or not value:
        return parsed
    try:
        parsed = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def iso_date(value: str | None) -> str | None:
    """The date normalized to ISO 8601 with offset, e.g. '2025-06-01T09:30:00+00:00'; None if unparseable."""
    parsed = parse_feed_date(value)
    return parsed.isoformat() if parsed else None
