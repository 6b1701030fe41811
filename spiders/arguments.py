"""Spider arguments (`-a key=value`): parsed and validated once, before any request. No Scrapy here."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit

from spiders.dates import parse_iso_datetime

_RELATIVE = re.compile(r"^\s*(\d+)\s*([smhdw])\s*$", re.I)
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


class SpiderArgumentError(ValueError):
    """A spider argument is missing or malformed; the crawl must not start."""


def split_urls(value: str | None, name: str) -> list[str]:
    """Comma-separated absolute http(s) URLs; empty entries ignored; every URL checked."""
    urls = [part.strip() for part in (value or "").split(",") if part.strip()]
    for url in urls:
        check_url(url, name)
    return urls


def check_url(url: str, name: str) -> str:
    """The URL itself when it is an absolute http(s) URL with a host."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SpiderArgumentError(f"{name}: {url!r} is not an absolute http(s) URL")
    return url


def read_url_file(path: str) -> list[str]:
    """One URL a line; blank lines and `#` comments (whole-line or trailing) ignored."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SpiderArgumentError(f"url_file: cannot read {path!r}: {exc}") from exc
    urls = []
    for number, line in enumerate(text.splitlines(), start=1):
        url = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if url:
            try:
                urls.append(check_url(url, "url_file"))
            except SpiderArgumentError as exc:
                raise SpiderArgumentError(f"{exc} (line {number} of {path})") from None
    return urls


def parse_since(value: str | None, now: datetime | None = None) -> datetime | None:
    """`2d`, `12h`, `30m`, `1w` before now, or an ISO date/datetime (UTC when no offset); None if unset."""
    if value is None or not value.strip():
        return None
    relative = _RELATIVE.match(value)
    if relative:
        amount, unit = int(relative.group(1)), relative.group(2).lower()
        return (now or datetime.now(timezone.utc)) - timedelta(seconds=amount * _UNIT_SECONDS[unit])
    parsed = parse_iso_datetime(value)
    if parsed is None:
        raise SpiderArgumentError(
            f"since: {value!r} is neither a duration like 2d, 12h, 30m, 1w nor an ISO date like 2024-05-01"
        )
    return parsed


def compile_allow(value: str | None) -> re.Pattern[str] | None:
    """The `allow` regular expression, compiled; None if unset."""
    if value is None or not value.strip():
        return None
    try:
        return re.compile(value)
    except re.error as exc:
        raise SpiderArgumentError(f"allow: {value!r} is not a valid regular expression: {exc}") from exc


def parse_positive_int(value: str | int | None, name: str) -> int | None:
    """A positive integer argument; None if unset."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise SpiderArgumentError(f"{name}: {value!r} is not a whole number") from None
    if number < 1:
        raise SpiderArgumentError(f"{name}: must be at least 1, got {number}")
    return number


def require(values: list[str], message: str) -> list[str]:
    """The values, or a SpiderArgumentError with the message when there are none."""
    if not values:
        raise SpiderArgumentError(message)
    return values
