"""Crawl reporting: a progress line at a steady interval, and a summary when the crawl ends."""

from __future__ import annotations

import logging
import sys
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import create_looping_call

from scraper.crawl.stats import format_summary, summarize

logger = logging.getLogger(__name__)


class CrawlProgress:
    """Every PROGRESS_INTERVAL seconds: pages (and per minute), articles, skipped, dropped, errors.

    Replaces Scrapy's LogStats, which knows nothing of skipped pages, drops and errors.
    """

    def __init__(self, crawler: Crawler, interval: float) -> None:
        self.crawler = crawler
        self.interval = interval
        self.previous_pages = 0
        self.task: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlProgress:
        interval = crawler.settings.getfloat("PROGRESS_INTERVAL", 60.0)
        if interval <= 0:
            raise NotConfigured
        extension = cls(crawler, interval)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self) -> None:
        self.task = create_looping_call(self.log_progress)
        self.task.start(self.interval, now=False)

    def spider_closed(self) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()

    def log_progress(self) -> None:
        summary = summarize(self.crawler.stats.get_stats())
        rate = (summary.pages - self.previous_pages) * 60.0 / self.interval
        self.previous_pages = summary.pages
        logger.info(
            "Progress: %d pages (%.0f pages/min), %d articles, %d skipped, %d dropped, %d errors",
            summary.pages, rate, summary.items, sum(summary.skipped.values()),
            sum(summary.dropped.values()), summary.error_count,
        )


class CrawlSummary:
    """At the end: articles written, skipped and dropped by reason, errors by type.

    Logged at INFO; also printed to stderr when the log would not show it (log off, to a file,
    or above INFO), so a user always sees how the crawl went. CRAWL_SUMMARY_PRINT: "auto" (that
    rule, the default), True (always print) or False (never: the caller reports it).
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlSummary:
        extension = cls(crawler)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_closed(self, reason: str) -> None:
        stats = dict(self.crawler.stats.get_stats())
        stats.setdefault("finish_reason", reason)
        lines = format_summary(summarize(stats))
        for line in lines:
            logger.info(line)
        if should_print(self.crawler):
            print("\n".join(lines), file=sys.stderr, flush=True)


def should_print(crawler: Crawler) -> bool:
    """CRAWL_SUMMARY_PRINT: 'auto' prints when the log hides INFO; otherwise a boolean setting."""
    if crawler.settings.get("CRAWL_SUMMARY_PRINT", "auto") == "auto":
        return not log_shows_info(crawler)
    return crawler.settings.getbool("CRAWL_SUMMARY_PRINT")


def log_shows_info(crawler: Crawler) -> bool:
    """True when INFO log records reach stderr."""
    settings = crawler.settings
    if not settings.getbool("LOG_ENABLED") or settings.get("LOG_FILE"):
        return False
    level = settings.get("LOG_LEVEL")
    level_number = logging.getLevelName(level) if isinstance(level, str) else level
    return isinstance(level_number, int) and level_number <= logging.INFO
