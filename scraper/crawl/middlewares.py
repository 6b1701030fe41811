"""Downloader middleware: back off per domain when a site answers 429/5xx or times out."""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy.crawler import Crawler
from scrapy.http import Request, Response
from scrapy.utils.misc import load_object

logger = logging.getLogger(__name__)


class RetryBackoffMiddleware:
    """Doubles the download delay of a domain's slot on each retryable status, or sets it to the wait
    a Retry-After header asks for, up to BACKOFF_MAX_DELAY; AutoThrottle brings it back down as
    responses succeed again. The delay is never lowered here.

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
        # The site's own Retry-After is the wait it asked for; without one, double the slot's delay.
        asked = max(wait, self.base) if wait is not None else max(slot.delay * 2, self.base)
        delay = min(self.max_delay, asked)
        if delay > slot.delay:
            logger.info("Backing off %s: delay %.1f s -> %.1f s", slot_key, slot.delay, delay)
            slot.delay = delay
            self.crawler.stats.inc_value("backoff/count")


def retry_after(response: Response, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delay-seconds or an HTTP date; None if absent or bad."""
    value: Any = response.headers.get("Retry-After")
    if not value:
        return None
    text = value.decode("latin-1").strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # an HTTP date is GMT by definition
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())
