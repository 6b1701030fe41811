"""Read the HTML pages of a WARC file: each `response` record's URL, fetch time, HTTP type and body.

The records are cut out by scraper.warc.framing (which survives damaged files) and parsed by warcio
(headers, HTTP status line, chunked and gzip/deflate/brotli content encodings). Everything that is
not an HTML page fetched with a 2xx status comes out as a `Skip` naming why, so callers can count it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timezone
from typing import Any, BinaryIO

from warcio.recordloader import ArcWarcRecordLoader

from scraper.extract.document import looks_like_html
from scraper.runs.state import parse_date
from scraper.safety import looks_binary
from scraper.warc.framing import Damaged, split_records

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_WARC_TYPE = re.compile(rb"\r?\nwarc-type:[ \t]*([!-~]+)", re.I)


@dataclass(frozen=True)
class WarcPage:
    """An HTML response: what extraction needs, picklable for worker processes."""

    url: str
    crawled_at: str | None
    body: bytes
    content_type: str | None


@dataclass(frozen=True)
class Skip:
    """A record that is not a page: its record type, its media type, http_<status>, truncated or corrupt."""

    reason: str


def read_warc(stream: BinaryIO) -> Iterator[WarcPage | Skip]:
    """One WarcPage or Skip per record of a plain or gzip WARC stream, in file order."""
    loader = ArcWarcRecordLoader()
    for raw in raw_responses(stream):
        yield raw if isinstance(raw, Skip) else parse_record(raw, loader)


def raw_responses(stream: BinaryIO) -> Iterator[bytes | Skip]:
    """The raw bytes of each `response` record, a Skip for every other record (their type read from
    the header alone: cheap enough for the one process that feeds the extraction workers)."""
    for raw in split_records(stream):
        if isinstance(raw, Damaged):
            yield Skip(raw.reason)
            continue
        found = _WARC_TYPE.search(raw, 0, raw.find(b"\r\n\r\n"))
        kind = found.group(1).decode("ascii", "replace").lower() if found else "unknown"
        yield raw if kind == "response" else Skip(kind)


def parse_record(raw: bytes, loader: ArcWarcRecordLoader | None = None) -> WarcPage | Skip:
    """The page in one record's raw bytes, or why it is none."""
    try:
        record = (loader or ArcWarcRecordLoader()).parse_record_stream(io.BytesIO(raw), known_format="warc")
        return _page(record)
    # warcio reports malformed headers, status lines and encodings with many exception types
    # (ValueError, zlib.error, brotli.error, its own): any of them means this record is unreadable.
    except Exception:
        return Skip("corrupt")


def _page(record: Any) -> WarcPage | Skip:
    if record.rec_type != "response":
        return Skip(str(record.rec_type or "unknown"))
    headers, http = record.rec_headers, record.http_headers
    if http is None:
        return Skip("not_http")
    content_type = http.get_header("Content-Type")
    status = str(http.get_statuscode() or "")
    if headers.get_header("WARC-Truncated"):
        return Skip("truncated")  # the crawler that wrote it stored only part of the body
    if not status.startswith("2"):
        return Skip(f"http_{status or 'unknown'}")
    media_type = media_type_of(content_type)
    if media_type and media_type not in HTML_TYPES:
        return Skip(media_type)
    body = record.content_stream().read()
    if looks_binary(body) or not media_type and not looks_like_html(body[:4096]):
        return Skip(media_type or "unknown_type")
    url = (headers.get_header("WARC-Target-URI") or "").strip().strip("<>")
    return WarcPage(url, iso_date(headers.get_header("WARC-Date")), body, content_type)


def media_type_of(content_type: str | None) -> str | None:
    """'text/html' from 'text/html; charset=utf-8'; None when absent."""
    media = (content_type or "").split(";", 1)[0].strip().lower()
    return media or None


def iso_date(value: str | None) -> str | None:
    """A WARC-Date (W3C date, Z or offset, fractions allowed) as the record's `crawled_at`:
    ISO 8601 in UTC, to the second, as crawls write it."""
    parsed = parse_date(value)
    return parsed.astimezone(timezone.utc).replace(microsecond=0).isoformat() if parsed else None
