"""Publication and modification dates as ISO 8601 with a UTC offset.

Metadata first, in this order: the JSON-LD article (datePublished/dateModified), meta tags
(article:published_time, og:*, dc.date, parsely/sailthru..., any "publish...date/time" key),
itemprop=datePublished/dateModified, then <time datetime> (the first outside page chrome).
Only when none of that gives a published date is the visible text searched: the first short
date-like line near the top of the page ("27. November 2026", "Publié le 3 mars 2025 à 10h30") is
parsed with dateparser, restricted to the page's declared language or a few major ones.

A value without a timezone is taken as UTC (and a bare date as midnight UTC); an offset given by
the page is kept as written. Relative dates ("2 hours ago") are ignored: they depend on the crawl.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from typing import Any

from lxml import etree, html

from scraper.extract.language import declared_language
from scraper.extract.metadata import PageMeta, jsonld_text
from scraper.extract.text import clean_text

_PUBLISHED_KEYS = (
    "article:published_time", "og:article:published_time", "og:published_time", "article:published",
    "datepublished", "parsely-pub-date", "sailthru.date", "cxenseparse:publishtime",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created",
    "prism.publicationdate", "citation_publication_date", "citation_date", "pubdate", "publishdate",
    "publish-date", "publish_date", "date", "article.published", "displaydate",
)
_MODIFIED_KEYS = (
    "article:modified_time", "og:article:modified_time", "og:updated_time", "datemodified",
    "dc.date.modified", "dcterms.modified", "last-modified", "article:updated_time", "lastmod",
)
_ITEMPROP = etree.XPath("//*[@itemprop=$name]")
_TIME = etree.XPath(
    "//time[@datetime][not(ancestor::*[self::aside or self::nav or self::footer"
    " or self::*[contains(@class, 'related')]])]"
)
_DATE_TEXT_NODES = etree.XPath(
    "//body//text()[normalize-space()][not(ancestor::script or ancestor::style)]"
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_LABEL = re.compile(
    r"^(?:\W*(?:published|updated|posted|last updated|first published|publié|mis à jour|"
    r"veröffentlicht|aktualisiert|publicado|actualizado|atualizado|pubblicato|aggiornato|"
    r"gepubliceerd|bijgewerkt|le|am|el|em|il|on|op|at|den|vom|del|du)\b\W*)+",
    re.I,
)
_UHR = re.compile(r"\s*Uhr\b.*$", re.I)
_SEPARATORS = re.compile(r"\s*[•|·]\s*")
DATEPARSER_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl")
_MAX_DATE_LINE = 80
_MAX_TEXT_NODES = 400  # visible dates sit near the top; never walk a whole huge page


def extract_dates(
    tree: html.HtmlElement, meta: PageMeta, language: str | None = None
) -> tuple[str | None, str | None]:
    """(published, modified): metadata first, else the first visible date (published only)."""
    published = _first_iso(_published_candidates(tree, meta))
    modified = _first_iso(_modified_candidates(tree, meta))
    if published is None:
        published = visible_date(tree, language or declared_language(meta))
    return published, modified


# Candidates are generated best first, so the tree is searched only when the metadata has no date.
def _published_candidates(tree: html.HtmlElement, meta: PageMeta) -> Iterator[Any]:
    yield meta.article.get("datePublished")
    yield meta.article.get("dateCreated")
    yield from (meta.meta.get(key) for key in _PUBLISHED_KEYS)
    yield from [v for k, v in meta.meta.items() if "publish" in k and ("date" in k or "time" in k)]
    yield from (_node_date(n) for n in _ITEMPROP(tree, name="datePublished")[:1])
    yield from (_node_date(n) for n in _TIME(tree)[:1])


def _modified_candidates(tree: html.HtmlElement, meta: PageMeta) -> Iterator[Any]:
    yield meta.article.get("dateModified")
    yield from (meta.meta.get(key) for key in _MODIFIED_KEYS)
    yield from (_node_date(n) for n in _ITEMPROP(tree, name="dateModified")[:1])


def _node_date(node: html.HtmlElement) -> str | None:
    return node.get("datetime") or node.get("content") or clean_text(node.text_content()) or None


def _first_iso(values: Iterable[Any]) -> str | None:
    for value in values:
        iso = to_iso(jsonld_text(value))
        if iso:
            return iso
    return None


def to_iso(value: str | None) -> str | None:
    """Parse an ISO-ish machine date to ISO 8601 with offset (UTC assumed when none)."""
    if not value or not _YEAR.search(value):
        return None
    text = value.strip().replace("Z", "+00:00").replace("z", "+00:00")
    text = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", text)  # +0100 -> +01:00
    text = re.sub(r"^(\d{4}-\d\d-\d\d) (\d)", r"\1T\2", text)
    try:
        parsed: datetime | None = datetime.fromisoformat(text)
    except ValueError:
        parsed = _parse_loose(value, DATEPARSER_LANGUAGES[:1])
    return _with_offset(parsed).isoformat() if parsed else None


def _with_offset(parsed: datetime) -> datetime:
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def visible_date(tree: html.HtmlElement, language: str | None = None) -> str | None:
    """The first short date-like text line in the page, parsed with dateparser."""
    languages = (language,) if language in DATEPARSER_LANGUAGES else DATEPARSER_LANGUAGES
    for index, text in enumerate(_DATE_TEXT_NODES(tree)):
        if index >= _MAX_TEXT_NODES:
            break
        line = clean_text(str(text))
        if len(line) > _MAX_DATE_LINE or not _YEAR.search(line):
            continue
        for attempt in _date_phrases(line):
            parsed = _parse_loose(attempt, languages)
            if parsed is not None:
                return _with_offset(parsed).isoformat()
    return None


def _date_phrases(line: str) -> list[str]:
    """Ways to read a line: "By X • 30 August 2023 • 4:45pm" -> the dated part with its time, ..."""
    parts = _SEPARATORS.split(line)
    if len(parts) == 1:
        return [line]
    dated = next(i for i, part in enumerate(parts) if _YEAR.search(part)) if _YEAR.search(line) else 0
    return [" ".join(parts[dated:dated + 2]), parts[dated], line]


def _parse_loose(text: str, languages: tuple[str, ...]) -> datetime | None:
    """Human-written date text to a datetime, or None (dateparser is imported only when needed)."""
    import dateparser  # noqa: PLC0415 - slow import, needed only for pages without metadata dates

    cleaned = _UHR.sub("", _LABEL.sub("", clean_text(text)))
    if not cleaned or not _YEAR.search(cleaned):
        return None
    settings = {"TIMEZONE": "UTC", "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first",
                "REQUIRE_PARTS": ["day", "month", "year"], "TO_TIMEZONE": "UTC"}
    try:
        return dateparser.parse(cleaned, languages=list(languages), settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None

