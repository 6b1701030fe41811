"""Sitemap XML (urlset, sitemap index, Google News extension) into plain entries. No Scrapy here.

Scrapy's own sitemap parser keeps only the direct children of <url>, so the nested
<news:news><news:publication_date> etc. would be lost; this reads them.
"""

from __future__ import annotations

import gzip
import io
import zlib
from dataclasses import dataclass, field

from lxml import etree

from scraper.safety import parse_xml_or_none
from spiders.dates import iso_date


@dataclass(slots=True)  # slots: a sitemap's entries wait in the frontier, thousands at a time
class SitemapEntry:
    """One <url> of a urlset or one <sitemap> of an index."""

    loc: str
    lastmod: str | None = None
    news: dict[str, str] = field(default_factory=dict)  # publication_date, title, language, publication


@dataclass
class Sitemap:
    kind: str  # "urlset", "sitemapindex" or "unknown"
    entries: list[SitemapEntry]


def local_name(node: etree._Element) -> str:
    tag = node.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def child_text(node: etree._Element, name: str) -> str | None:
    for child in node:
        if local_name(child) == name:
            text = (child.text or "").strip()
            return text or None
    return None


def parse_sitemap(data: bytes) -> Sitemap:
    """Parse sitemap XML leniently (no entities, no network); 'unknown' kind when it is not one."""
    root = parse_xml_or_none(data)  # raises UnsafeXML on entity declarations and oversized documents
    if root is None or local_name(root) not in ("urlset", "sitemapindex"):
        return Sitemap("unknown", [])
    kind = local_name(root)
    wanted = "url" if kind == "urlset" else "sitemap"
    entries = []
    for node in root:
        if local_name(node) != wanted:
            continue
        loc = child_text(node, "loc")
        if loc:
            entries.append(SitemapEntry(loc, iso_date(child_text(node, "lastmod")), news_fields(node)))
    return Sitemap(kind, entries)


def news_fields(url_node: etree._Element) -> dict[str, str]:
    """The Google News fields of one <url>: publication_date (ISO), title, language, publication."""
    found: dict[str, str] = {}
    for news in url_node:
        if local_name(news) != "news":
            continue
        for node in news.iter():
            name, text = local_name(node), (node.text or "").strip()
            if not text:
                continue
            if name == "publication_date":
                found["publication_date"] = iso_date(text) or text
            elif name in ("title", "language", "keywords"):
                found[name] = text
            elif name == "name":
                found["publication"] = text
    return found


def maybe_gunzip(data: bytes, max_size: int = 0) -> bytes:
    """The data, decompressed when it is gzip (a .xml.gz sitemap); raises ValueError past max_size."""
    if data[:2] != b"\x1f\x8b":
        return data
    limit = max_size or -1
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
        try:
            out = stream.read(limit + 1 if limit > 0 else -1)
        except (OSError, EOFError, zlib.error) as exc:
            raise ValueError(f"bad gzip data: {exc}") from exc
    if limit > 0 and len(out) > limit:
        raise ValueError(f"decompressed sitemap larger than {max_size} bytes")
    return out
