"""The item pipeline stages, each a thin class over the extraction core, in their default order.

ITEM_PIPELINES may reorder, replace or drop any of them: a stage passes through items it does not
handle, and the page is parsed at most once (the first stage that needs the Document parses it).
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from scraper.classify import MIN_WORDS, not_article_reason, read_page_signals
from scraper.compact_set import CompactSet, key64
from scraper.crawl.items import PageItem, make_article
from scraper.extract.article import extract_fields, strip_ticker_from
from scraper.extract.document import Document, parse_document
from scraper.record import dedupe_keys, validation_errors

logger = logging.getLogger(__name__)


def document_of(page: PageItem) -> Document:
    """The page's parsed Document, parsing it on first use only."""
    if page.document is None:
        page.document = parse_document(page.body, url=page.url, content_type=page.content_type)
    return page.document


class Stage:
    """Base of the stages: access to the crawl's stats and settings."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        return cls(crawler)

    def drop(self, key: str, message: str, log_level: str = "DEBUG") -> DropItem:
        """A DropItem to raise, counted under `key` in the crawl's stats."""
        self.stats.inc_value(key)
        return DropItem(message, log_level=log_level)


class TickerPipeline(Stage):
    """Parse the page once and strip market-ticker strips (kept in the record's `ticker`)."""

    def process_item(self, item: Any) -> Any:
        if isinstance(item, PageItem):
            strip_ticker_from(document_of(item))
        return item


class FieldsPipeline(Stage):
    """Extract the record from the page; pages that are not articles are dropped as skipped/not_article."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.min_words = crawler.settings.getint("ARTICLE_MIN_WORDS", MIN_WORDS)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, PageItem):
            return item
        document = document_of(item)
        signals = read_page_signals(document.tree)  # before extraction rewrites the tree
        record = extract_fields(document)
        reason = not_article_reason(record, signals, self.min_words)
        if reason is not None:
            self.stats.inc_value(f"skipped/not_article/{reason}")
            raise self.drop("skipped/not_article", f"Not an article ({reason}): {item.url}")
        return make_article(record, item)


class ValidatePipeline(Stage):
    """Drop records that break the JSON Schema (dropped/invalid), logging every reason."""

    def process_item(self, item: Any) -> Any:
        if isinstance(item, PageItem):
            return item
        errors = validation_errors(dict(item))
        if errors:
            message = f"Invalid record {item.get('url')}: {'; '.join(errors)}"
            raise self.drop("dropped/invalid", message, "WARNING")
        return item


class DedupePipeline(Stage):
    """Drop a record already written in this crawl: same canonical URL, or same body fingerprint."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.seen = CompactSet()  # 64-bit digests, 8 bytes each: memory stays flat on long crawls

    def process_item(self, item: Any) -> Any:
        if isinstance(item, PageItem):
            return item
        keys = [key64(digest) for digest in dedupe_keys(item)]
        if any(key in self.seen for key in keys):
            raise self.drop("dropped/duplicate", f"Duplicate of an article in this crawl: {item.get('url')}")
        self.seen.update(keys)
        return item
