"""`Summary`: everything the report shows, accumulated one record at a time in bounded memory.

Records are counted, never kept: a million-article corpus costs its counters (days, sites,
top speakers and publishers) plus 8 bytes per distinct fingerprint for the duplicate count.
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit

from scraper.compact_set import CompactSet, digest64
from scraper.report.counters import TopCounter, bucket

# The fields whose presence per site shows where extraction is weak, in the order of the heat map.
COVERAGE_FIELDS = ("headline", "authors", "published", "bullets", "quotes", "images", "attribution", "ticker")
# Past this many sites, the rest share one row: a site table is kept per site, so it must be bounded.
MAX_SITES = 2_000
OTHER_SITES = "(other sites)"
UNKNOWN = "(unknown)"
WORDS_BUCKET = 100
WORDS_LAST = 3_000
QUOTES_LAST = 15
TOP_STORIES = 25


@dataclass
class Story:
    """A story of a clusters file, as the report lists it."""

    size: int
    headline: str
    publisher: str
    sites: int


@dataclass
class Summary:
    """Counters over articles, failures and stories; `add_*` take one decoded JSON object each."""

    articles: int = 0
    failures: int = 0
    stories: int = 0
    bad_lines: Counter[str] = field(default_factory=Counter)
    unreadable_files: list[str] = field(default_factory=list)
    sites: Counter[str] = field(default_factory=Counter)
    coverage: dict[str, Counter[str]] = field(default_factory=dict)
    languages: Counter[str] = field(default_factory=Counter)
    published_days: Counter[str] = field(default_factory=Counter)
    crawled_days: Counter[str] = field(default_factory=Counter)
    duplicates: int = 0
    originals: int = 0
    publishers: TopCounter[str] = field(default_factory=TopCounter)
    copies: TopCounter[tuple[str, str]] = field(default_factory=TopCounter)
    speakers: TopCounter[str] = field(default_factory=TopCounter)
    quotes: int = 0
    quotes_per_article: Counter[int] = field(default_factory=Counter)
    words: Counter[int] = field(default_factory=Counter)
    failure_reasons: Counter[str] = field(default_factory=Counter)
    failure_sites: TopCounter[str] = field(default_factory=TopCounter)
    failure_site_reasons: TopCounter[tuple[str, str]] = field(default_factory=TopCounter)
    story_sizes: Counter[int] = field(default_factory=Counter)
    story_publishers: TopCounter[str] = field(default_factory=TopCounter)
    top_stories: list[tuple[int, int, Story]] = field(default_factory=list)
    _fingerprints: CompactSet = field(default_factory=CompactSet, repr=False)

    @property
    def date_range(self) -> tuple[str, str] | None:
        """The first and last day an article was published (UTC), or None."""
        return (min(self.published_days), max(self.published_days)) if self.published_days else None

    def add_article(self, record: dict[str, Any]) -> None:
        self.articles += 1
        site = self._site_row(_text(record.get("site")) or _host(record.get("url")))
        self.sites[site] += 1
        present = self.coverage.setdefault(site, Counter())
        present["articles"] += 1
        present.update(name for name in COVERAGE_FIELDS if record.get(name))
        self.languages[_text(record.get("language")) or UNKNOWN] += 1
        _count_day(self.published_days, record.get("published"))
        _count_day(self.crawled_days, record.get("crawled_at"))
        fingerprint = _text(record.get("fingerprint"))
        if fingerprint and not self._fingerprints.add(digest64(fingerprint)):
            self.duplicates += 1
        self._add_attribution(site, record.get("attribution"))
        self._add_quotes(record.get("quotes"))
        self.words[bucket(_word_count(record), WORDS_BUCKET, WORDS_LAST)] += 1

    def add_failure(self, record: dict[str, Any]) -> None:
        self.failures += 1
        reason = _text(record.get("reason")) or UNKNOWN
        site = _host(record.get("url"))
        self.failure_reasons[reason] += 1
        self.failure_sites.add(site)
        self.failure_site_reasons.add((site, reason))

    def add_story(self, record: dict[str, Any]) -> None:
        self.stories += 1
        members = record.get("members")
        members = members if isinstance(members, list) else []
        size = record.get("size")
        size = size if isinstance(size, int) and not isinstance(size, bool) else len(members)
        self.story_sizes[size] += 1
        original = record.get("original")
        publisher = _text(original.get("publisher")) if isinstance(original, dict) else None
        self.story_publishers.add(publisher or UNKNOWN)
        sites = {_text(m.get("site")) or _host(m.get("url")) for m in members if isinstance(m, dict)}
        story = Story(size, _text(record.get("headline")) or UNKNOWN, publisher or UNKNOWN, len(sites))
        # A min-heap of the largest stories; the counter breaks ties so Story is never compared.
        entry = (size, -self.stories, story)
        if len(self.top_stories) < TOP_STORIES:
            heapq.heappush(self.top_stories, entry)
        elif entry[:2] > self.top_stories[0][:2]:
            heapq.heapreplace(self.top_stories, entry)

    def largest_stories(self) -> list[Story]:
        return [story for _, _, story in sorted(self.top_stories, key=lambda e: e[:2], reverse=True)]

    def _site_row(self, site: str) -> str:
        if site in self.coverage or len(self.coverage) < MAX_SITES:
            return site
        return OTHER_SITES

    def _add_attribution(self, site: str, attribution: Any) -> None:
        if not attribution:
            self.originals += 1
            return
        # A copy whose attribution names no publisher (a bare "wire" credit) still counts as a copy.
        publisher = _text(attribution.get("publisher")) if isinstance(attribution, dict) else None
        self.publishers.add(publisher or UNKNOWN)
        self.copies.add((site, publisher or UNKNOWN))

    def _add_quotes(self, quotes: Any) -> None:
        quotes = quotes if isinstance(quotes, list) else []
        self.quotes += len(quotes)
        self.quotes_per_article[min(len(quotes), QUOTES_LAST)] += 1
        for quote in quotes:
            speaker = _text(quote.get("speaker")) if isinstance(quote, dict) else None
            if speaker:
                self.speakers.add(speaker)


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _host(url: Any) -> str:
    if not isinstance(url, str):
        return UNKNOWN
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or UNKNOWN


def _word_count(record: dict[str, Any]) -> int:
    count = record.get("word_count")
    if isinstance(count, int) and not isinstance(count, bool):
        return count
    body = record.get("body")
    return len(body.split()) if isinstance(body, str) else 0


def _count_day(days: Counter[str], value: Any) -> None:
    day = utc_day(value)
    if day:
        days[day] += 1


def utc_day(value: Any) -> str | None:
    """The UTC calendar day of an ISO 8601 time ("2025-06-01T23:30:00-02:00" -> "2025-06-02")."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc)
    return moment.date().isoformat()
