"""RSS 2.0 / RSS 1.0 / Atom feeds into plain entries (link, dates, title). No Scrapy here."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import etree

from scraper.safety import parse_xml_or_none
from spiders.dates import iso_date
from spiders.sitemap_entries import child_text, local_name

FEED_ROOTS = frozenset({"rss", "feed", "RDF"})


@dataclass(slots=True)  # slots: a feed's entries wait in the frontier
class FeedEntry:
    link: str
    published: str | None = None  # ISO 8601 with offset
    updated: str | None = None
    title: str | None = None


def parse_feed(data: bytes, base_url: str) -> list[FeedEntry] | None:
    """Entries of an RSS or Atom feed, links made absolute; None when the data is not a feed."""
    root = parse_xml_or_none(data)  # raises UnsafeXML on entity declarations and oversized documents
    if root is None or local_name(root) not in FEED_ROOTS:
        return None
    entries = []
    for node in root.iter():
        name = local_name(node)
        if name not in ("item", "entry"):
            continue
        link = atom_link(node) if name == "entry" else rss_link(node)
        if link:
            entries.append(
                FeedEntry(
                    link=urljoin(base_url, link),
                    published=iso_date(child_text(node, "pubDate") or child_text(node, "published")
                                       or child_text(node, "date")),
                    updated=iso_date(child_text(node, "updated") or child_text(node, "modified")),
                    title=child_text(node, "title"),
                )
            )
    return entries


def rss_link(item: etree._Element) -> str | None:
    """<link>, else a permalink <guid> (isPermaLink defaults to true), else rdf:about."""
    link = child_text(item, "link")
    if link:
        return link
    for child in item:
        if local_name(child) == "guid" and child.get("isPermaLink", "true").lower() == "true":
            text = (child.text or "").strip()
            if text.startswith(("http://", "https://")):
                return text
    about = item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
    return about or None


def atom_link(entry: etree._Element) -> str | None:
    """The rel="alternate" (or rel-less) link's href; HTML links preferred."""
    candidates = []
    for child in entry:
        if local_name(child) == "link" and child.get("href") and child.get("rel", "alternate") == "alternate":
            candidates.append(child)
    candidates.sort(key=lambda node: "html" not in (node.get("type") or "text/html"))
    return candidates[0].get("href") if candidates else None
