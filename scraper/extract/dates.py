"""Publication and modification dates as ISO 8601 with a UTC offset.

Metadata first, in this order: the JSON-LD article (datePublished/dateModified), meta tags
(article:published_time, og:*, dc.date, parsely/sailthru..., any "publish...date/time" key),
itemprop=datePublished/dateModified, then <time datetime> (the first outside page chrome).
Only when none of that gives a published date is the visible text searched: the first short
date-like line near the top of the page ("27. November 2026", "Publié le 3 mars 2025 à 10h30") is
parsed with dateparser, restricted to the page's declared language or a few major ones; else an
absolute date in the story's dateline or in its attribution line ("... appeared on X on May 3, 2026").

A value without a timezone is taken as UTC (and a bare date as midnight UTC); an offset given by
the page is kept as written. Relative dates ("2 hours ago", "yesterday") are never read, even with a
year beside them: they depend on the day of the crawl, so a copy showing only one gets no published
date (null) unless an absolute date is found elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from typing import Any

from lxml import etree, html

from scraper.extract.date_formats import english_date
from scraper.extract.language import declared_language
from scraper.extract.metadata import PageMeta, jsonld_text
from scraper.extract.notices import notice_publisher
from scraper.extract.text import clean_text
from scraper.extract.tree_text import subtree_texts

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
# (reached through the itemprop attributes: cheaper than testing every element's attribute)
_ITEMPROP = etree.XPath("//@itemprop[. = $name]/parent::*")
_TIME = etree.XPath(
    "//time[@datetime][not(ancestor::*[self::aside or self::nav or self::footer"
    " or self::*[contains(@class, 'related')]])]"
)
_UNREAD_TAGS = frozenset({"script", "style"})
_XPATH_BLANKS = " \t\r\n"  # the white space XPath's normalize-space() strips
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_DIGIT = re.compile(r"\d")
_ASCII_DIGIT = re.compile("[0-9]")
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
_OTHER_DAY = datetime(2001, 2, 3)  # any fixed day far from today: relative dates move with it
# Words that never place a date relative to the day it is read: month and weekday names, clock and
# zone marks, ordinal suffixes and a date line's fillers ("in" is left out: "in 3 days").
_ABSOLUTE_WORD_GROUPS = (
    "january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec",
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun",
    "am pm a.m. p.m. t z utc gmt est edt cst cdt mst mdt pst pdt et ct mt pt bst cet cest",
    "st nd rd th at by on of de h um",
    "januar februar märz mai juni juli oktober dezember",  # German months not spelled as in English
    "janvier février mars avril juin juillet août septembre octobre novembre décembre",  # French
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre",
    "gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre",  # Italian
    "janeiro fevereiro março maio junho julho setembro outubro novembro dezembro",  # Portuguese
    "januari februari maart mei augustus",  # Dutch
)
_ABSOLUTE_WORDS = frozenset(word for group in _ABSOLUTE_WORD_GROUPS for word in group.split())
_WORDS = re.compile(r"(?:[^\W\d_]\.)+|[^\W\d_]+")  # "a.m." is one word, "Nov." is "Nov"
_PARAGRAPHS = etree.XPath(
    "//body//p[not(ancestor::*[self::nav or self::aside or self::footer or self::figure])]"
)
_MAX_PARAGRAPHS = 200
_DATELINE_PARAGRAPHS = 3  # a dateline opens the story, so one of its first paragraphs
_MONTH_DATE = (
    r"(?:[A-ZÀ-Ý][a-zà-ÿ]{2,9}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}"  # March 3, 2026
    r"|\d{1,2}\.? (?:de )?[A-Za-zÀ-ÿ]{3,10}\.? (?:de )?\d{4})"  # 3 March 2026, 3. März 2026
)
# "SEATTLE, March 3, 2026 —", "Berlin, 3. März 2026 (dpa) -": a place, the date, an optional credit, a dash.
_DATELINE_DATE = re.compile(
    rf"^[A-ZÀ-Ý][\w.'’ /-]{{0,50}}?,\s*(?P<date>{_MONTH_DATE})\s*(?:\([^)]{{1,30}}\)\s*)?[-—–:]"
)
_WRITTEN_DATE = re.compile(rf"\b(?P<date>{_MONTH_DATE})")


def extract_dates(
    tree: html.HtmlElement, meta: PageMeta, language: str | None = None
) -> tuple[str | None, str | None]:
    """(published, modified): metadata first, else the first visible date (published only)."""
    published = _first_iso(_published_candidates(tree, meta))
    modified = _first_iso(_modified_candidates(tree, meta))
    if published is None:
        language = language or declared_language(meta)
        published = visible_date(tree, language) or dated_line_date(tree, language)
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
    for index, text in enumerate(_body_texts(tree)):
        if index >= _MAX_TEXT_NODES:
            break
        if not _ASCII_DIGIT.search(text):
            continue  # (a year needs "19" or "20", which cleaning never makes out of other characters)
        line = clean_text(text)
        if len(line) > _MAX_DATE_LINE or not _YEAR.search(line):
            continue
        for attempt in _date_phrases(line):
            parsed = _parse_loose(attempt, languages)
            if parsed is not None:
                return _with_offset(parsed).isoformat()
    return None


def _body_texts(tree: html.HtmlElement) -> Iterator[str]:
    """The body's non-blank text nodes outside <script>/<style>, in document order.

    What //body//text()[normalize-space()][not(ancestor::script or ancestor::style)] selects, read
    lazily: the date search stops early, while the XPath would list every text node of the page.
    """
    for body in tree.getroottree().iter("body"):
        if next(body.iterancestors("body"), None) is None:  # a nested body's text is its outer one's
            yield from (text for text in subtree_texts(body, _UNREAD_TAGS) if text.strip(_XPATH_BLANKS))


def _date_phrases(line: str) -> list[str]:
    """Ways to read a line: "By X • 30 August 2023 • 4:45pm" -> the dated part with its time, ..."""
    parts = _SEPARATORS.split(line)
    if len(parts) == 1:
        return [line]
    dated = next(i for i, part in enumerate(parts) if _YEAR.search(part)) if _YEAR.search(line) else 0
    phrases = [" ".join(parts[dated:dated + 2]), parts[dated], line]
    # The dated part may be the last ("By X • 30 August 2023" reads "30 August 2023" twice): one
    # dateparser call for each distinct text, as the same text fails the same way again.
    return list(dict.fromkeys(map(clean_text, phrases)))


def _parse_loose(text: str, languages: tuple[str, ...]) -> datetime | None:
    """Human-written date text to a datetime, or None (dateparser is imported only when needed)."""
    import dateparser  # noqa: PLC0415 - slow import, needed only for pages without metadata dates

    cleaned = _UHR.sub("", _LABEL.sub("", clean_text(text)))
    if not cleaned or not _YEAR.search(cleaned):
        return None
    if not _DIGIT.search(_YEAR.sub("", cleaned)):
        return None  # a day is written in digits ("3 March", "3.3.", "3月3日"): "© 2012 Company" is no date
    settings = dateparser_settings()
    try:
        parsed = english_date(cleaned, languages) or dateparser.parse(
            cleaned, languages=list(languages), settings=settings)
        if parsed is None or not _may_be_relative(cleaned):
            return parsed
        # A date read relative to "now" ("3 days ago · 2026", "yesterday 2026") would be the day the
        # page was read, not the day it was published: the same text read from another day differs.
        settings["RELATIVE_BASE"] = _OTHER_DAY
        again = dateparser.parse(cleaned, languages=list(languages), settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed if again is not None and again.date() == parsed.date() else None


def dateparser_settings() -> dict[str, Any]:
    """dateparser's settings for a date line (a new dict: a second reading changes it)."""
    return {"TIMEZONE": "UTC", "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": ["day", "month", "year"], "TO_TIMEZONE": "UTC",
            # Relative dates ("3 days ago") are never a publication date here.
            "PARSERS": ["timestamp", "custom-formats", "absolute-time", "no-spaces-time"]}


def _may_be_relative(text: str) -> bool:
    """False when text's words are all _ABSOLUTE_WORDS, so that reading it again is not needed.

    dateparser reads a date relative to today only from words saying so ("ago", "yesterday", "next")
    or by taking a part the text lacks from today, which REQUIRE_PARTS (day, month, year) refuses.
    Digits, punctuation, month and weekday names and clock marks say nothing relative.
    """
    return any(word.casefold() not in _ABSOLUTE_WORDS for word in _WORDS.findall(text))


def dated_line_date(tree: html.HtmlElement, language: str | None = None) -> str | None:
    """An absolute date in a story's dateline ("SEATTLE, March 3, 2026 —") or its attribution line.

    A copy that shows only "3 days ago" near the top often still says when the story ran: in the
    dateline opening its first paragraph, or in the notice naming the original ("... appeared on
    Harbor Ledger on March 3, 2026").
    """
    languages = (language,) if language in DATEPARSER_LANGUAGES else DATEPARSER_LANGUAGES
    for index, node in enumerate(_PARAGRAPHS(tree)):
        if index >= _MAX_PARAGRAPHS:
            break
        text = clean_text(node.text_content())
        match = _DATELINE_DATE.match(text) if index < _DATELINE_PARAGRAPHS else None
        if match is None and notice_publisher(text):
            match = _WRITTEN_DATE.search(text)
        parsed = _parse_loose(match.group("date"), languages) if match else None
        if parsed is not None:
            return _with_offset(parsed).isoformat()
    return None

