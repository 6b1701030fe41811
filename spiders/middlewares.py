"""Downloader middleware: delay retries after faults; back off a domain only when the site is overloaded."""

from __future__ import annotations

import logging
import time
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DownloadTimeoutError
from scrapy.http import Request, Response
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import load_object
from twisted.internet import error as net_error

from scraper.backoff import Backoff, BackoffPolicy

try:
    from scrapy.utils.asyncio import sleep
except ImportError:  # Scrapy < 2.18
    from scrapy.utils.defer import maybe_deferred_to_future
    from twisted.internet.task import deferLater

    async def sleep(seconds: float) -> None:
        from twisted.internet import reactor

        await maybe_deferred_to_future(deferLater(reactor, seconds))


logger = logging.getLogger(__name__)

# Request.meta key: wall-clock time (epoch seconds) before which this retry must not start. Wall clock,
# not monotonic, because a retry can wait in the JOBDIR disk queue of an interrupted run.
NOT_BEFORE = "backoff_not_before"
OVERLOAD_CODES = frozenset({429, 503})  # the statuses that say "too many requests", not "bad page"
TIMEOUTS = (DownloadTimeoutError, net_error.TimeoutError, net_error.TCPTimedOutError)
# A held request looks at its domain again this often, so a decayed spacing or a released hold takes
# effect without bookkeeping of who is asleep.
RECHECK_SECONDS = 0.5


class RetryBackoffMiddleware:
    """Holds requests back after faults, by the policy of scraper/backoff.py.

    Runs inside RetryMiddleware (550): it sees the failed response or exception first and writes the
    retry's earliest start into the request's meta, which RetryMiddleware copies into the retry; the
    retry then waits here, in process_request, without holding a download slot or delaying the rest
    of its domain. Domain-wide waits (overload spacing, Retry-After on 429/503) also wait here, so
    the downloader's own delay (DOWNLOAD_DELAY, AutoThrottle) is never changed.
    Stats: `backoff/count` (retries delayed), `backoff/overload/<domain>` (spacing raised),
    `backoff/seconds/<domain>` (time with requests of the domain held back).
    """

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.codes = {int(code) for code in settings.getlist("RETRY_HTTP_CODES")}
        self.backoff = Backoff(BackoffPolicy(
            base=settings.getfloat("BACKOFF_BASE_DELAY", 2.0),
            max_delay=settings.getfloat("BACKOFF_MAX_DELAY", 60.0),
            floor=settings.getfloat("DOWNLOAD_DELAY", 0.0),
            overload_urls=settings.getint("BACKOFF_OVERLOAD_URLS", 3),
            overload_window=settings.getfloat("BACKOFF_OVERLOAD_WINDOW", 30.0),
        ))
        self.retry_exceptions = tuple(load_object(path) if isinstance(path, str) else path
                                      for path in settings.getlist("RETRY_EXCEPTIONS"))
        self.closed = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryBackoffMiddleware:
        middleware = cls(crawler)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def spider_closed(self) -> None:
        self.closed = True  # held requests stop waiting; the closing downloader deals with them

    async def process_request(self, request: Request) -> None:
        domain = domain_of(request)
        not_before = request.meta.pop(NOT_BEFORE, None)
        own_wait = 0.0 if not_before is None else float(not_before) - time.time()
        # Capped: a clock step, or a queue left by an older run, must not park a request for hours.
        own_until = time.monotonic() + min(max(own_wait, 0.0), self.backoff.policy.max_delay)
        held = False
        while not self.closed:
            now = time.monotonic()
            wait = max(own_until - now, self.backoff.domain_wait(domain, now))
            if wait <= 0:
                break
            if not held:
                self.backoff.hold(domain, now)
                held = True
            await sleep(min(wait, RECHECK_SECONDS))
        now = time.monotonic()
        if held:
            self.count_held(domain, self.backoff.let_go(domain, now))
        self.backoff.started(domain, now)

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status in self.codes:
            overload = response.status in OVERLOAD_CODES
            self.fault(request, overload, retry_after(response), hold_domain=overload)
        else:
            self.backoff.success(domain_of(request), time.monotonic())
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        if isinstance(exception, self.retry_exceptions):
            self.fault(request, isinstance(exception, TIMEOUTS), None, hold_domain=False)

    def fault(self, request: Request, overload: bool, wait: float | None, hold_domain: bool) -> None:
        """Delay this request's retry; back the domain off if this fault completes an overload."""
        domain = domain_of(request)
        decision = self.backoff.fault(
            domain, request.url, time.monotonic(), overload=overload,
            retries=int(request.meta.get("retry_times", 0)), retry_after=wait, hold_domain=hold_domain,
        )
        request.meta[NOT_BEFORE] = time.time() + decision.retry_delay
        stats = self.crawler.stats
        if stats is not None:
            stats.inc_value("backoff/count")
        if decision.overload_raised:
            logger.info("Site overloaded, backing off %s: %.1f s between requests",
                        domain, self.backoff.spacing(domain))
            if stats is not None:
                stats.inc_value(f"backoff/overload/{domain}")

    def count_held(self, domain: str, seconds: float) -> None:
        stats = self.crawler.stats
        if seconds > 0 and stats is not None:
            key = f"backoff/seconds/{domain}"
            stats.set_value(key, float(stats.get_value(key, 0.0)) + seconds)


def domain_of(request: Request) -> str:
    """The request's download slot: its host, unless the spider or a setting chose another slot."""
    slot = request.meta.get("download_slot")
    return str(slot) if slot is not None else urlparse_cached(request).hostname or ""


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
