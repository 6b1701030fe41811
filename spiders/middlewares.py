"""Downloader middleware: back off per domain when a site answers 429/5xx or times out."""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.http import Request, Response
from scrapy.utils.misc import load_object

logger = logging.getLogger(__name__)


class RetryBackoffMiddleware:
    """Doubles the download delay of a domain's slot on each retryable status (honouring Retry-After),
    up to BACKOFF_MAX_DELAY; AutoThrottle brings it back down as responses succeed again.

    Scrapy's RetryMiddleware re-schedules the request; this makes the retry (and the rest of that
    domain's queue) wait, so a struggling site is not hammered.
    """

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.codes = {int(code) for code in settings.getlist("RETRY_HTTP_CODES")}
        self.base = settings.getfloat("BACKOFF_BASE_DELAY", 1.0)
        self.max_delay = settings.getfloat("BACKOFF_MAX_DELAY", 60.0)
        self.retry_exceptions = tuple(load_object(path) if isinstance(path, str) else path
                                      for path in settings.getlist("RETRY_EXCEPTIONS"))

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryBackoffMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status in self.codes:
            self.back_off(request, retry_after(response))
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        if isinstance(exception, self.retry_exceptions):
            self.back_off(request, None)

    def back_off(self, request: Request, wait: float | None) -> None:
        engine = self.crawler.engine
        if engine is None:
            return
        slot_key = engine.downloader.get_slot_key(request)
        slot = engine.downloader.slots.get(slot_key)
        if slot is None:
            return
        delay = min(self.max_delay, max(wait or 0.0, slot.delay * 2, self.base))
        if delay > slot.delay:
            logger.info("Backing off %s: delay %.1f s -> %.1f s", slot_key, slot.delay, delay)
            slot.delay = delay
            self.crawler.stats.inc_value("backoff/count")


def retry_after(response: Response) -> float | None:
    """Seconds from a numeric Retry-After header (HTTP dates are ignored: rare on 429s)."""
    value: Any = response.headers.get("Retry-After")
    try:
        return max(0.0, float(value.decode("latin-1"))) if value else None
    except ValueError:
        return None
