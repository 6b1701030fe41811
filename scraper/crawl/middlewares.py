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
from scrapy.utils.asyncio import call_later, sleep
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import load_object
from twisted.internet import error as net_error

from scraper.crawl.backoff import Backoff, BackoffPolicy

logger = logging.getLogger(__name__)

# Request.meta key: wall-clock time (epoch seconds) before which this retry must not start. Wall clock,
# not monotonic, because a retry can wait in the JOBDIR disk queue of an interrupted run.
NOT_BEFORE = "backoff_not_before"
OVERLOAD_CODES = frozenset({429, 503})  # the statuses that say "too many requests", not "bad page"
TIMEOUTS = (DownloadTimeoutError, net_error.TimeoutError, net_error.TCPTimedOutError)


class RetryBackoffMiddleware:
    """Applies the policy of scraper/crawl/backoff.py: a retry waits alone, a domain only when overloaded.

    Sees each response as it is downloaded (signal) and each exception inside RetryMiddleware (550),
    and writes the retry's earliest start into the request's meta, which RetryMiddleware copies; the
    retry then sleeps in process_request, before it reaches a download slot, so it delays nothing
    else. Domain-wide waits (overload spacing, Retry-After on 429/503) raise the delay of the domain's
    download slot, which also holds requests already queued there, and put back the delay it had
    (the user's, or AutoThrottle's) when they end.
    Stats: `backoff/count` (retries delayed), `backoff/overload/<domain>` (spacing raised),
    `backoff/seconds/<domain>` (time with the domain backed off or a retry of it held).
    """

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.codes = {int(code) for code in settings.getlist("RETRY_HTTP_CODES")}
        self.max_retries = settings.getint("RETRY_TIMES")
        self.backoff = Backoff(BackoffPolicy(
            base=settings.getfloat("BACKOFF_BASE_DELAY", 2.0),
            max_delay=settings.getfloat("BACKOFF_MAX_DELAY", 60.0),
            floor=settings.getfloat("DOWNLOAD_DELAY", 0.0),
            overload_urls=settings.getint("BACKOFF_OVERLOAD_URLS", 3),
            overload_window=settings.getfloat("BACKOFF_OVERLOAD_WINDOW", 30.0),
        ))
        self.retry_exceptions = tuple(load_object(path) if isinstance(path, str) else path
                                      for path in settings.getlist("RETRY_EXCEPTIONS"))
        self.slots = SlotDelays()
        self.timers: dict[str, Any] = {}  # domain -> the call that ends its Retry-After hold
        self.held: dict[str, float] = {}  # domain -> seconds of waits that have ended

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryBackoffMiddleware:
        middleware = cls(crawler)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(middleware.response_downloaded, signal=signals.response_downloaded)
        return middleware

    def spider_closed(self) -> None:
        for timer in self.timers.values():
            timer.cancel()
        self.timers.clear()

    async def process_request(self, request: Request) -> None:
        not_before = request.meta.pop(NOT_BEFORE, None)
        if not_before is None:
            return
        # Capped: a clock step, or a queue left by an older run, must not park a request for hours.
        wait = min(float(not_before) - time.time(), self.backoff.policy.max_delay)
        if wait <= 0:
            return
        domain = domain_of(request)
        self.backoff.hold(domain, time.monotonic())
        try:
            await sleep(wait)
        finally:
            self.count_held(domain, self.backoff.let_go(domain, time.monotonic()))

    def response_downloaded(self, response: Response, request: Request) -> None:
        """Every response, as it arrives: sent before the slot picks its next request, so a raised
        delay already holds that one (process_response would come after it)."""
        if response.status in self.codes:
            overload = response.status in OVERLOAD_CODES
            self.fault(request, overload, retry_after(response), hold_domain=overload)
        else:
            domain = domain_of(request)
            self.backoff.success(domain, time.monotonic())
            self.apply_domain_delay(domain)
            self.show_held(domain)

    def process_exception(self, request: Request, exception: Exception) -> None:
        if isinstance(exception, self.retry_exceptions):
            self.fault(request, isinstance(exception, TIMEOUTS), None, hold_domain=False)

    def fault(self, request: Request, overload: bool, wait: float | None, hold_domain: bool) -> None:
        """Delay this request's retry; back the domain off if this fault completes an overload."""
        domain, now = domain_of(request), time.monotonic()
        decision = self.backoff.fault(
            domain, request.url, now, overload=overload,
            retries=int(request.meta.get("retry_times", 0)), retry_after=wait, hold_domain=hold_domain,
        )
        stats = self.crawler.stats
        if self.will_retry(request):
            request.meta[NOT_BEFORE] = time.time() + decision.retry_delay
            if stats is not None:
                stats.inc_value("backoff/count")
        if decision.overload_raised:
            logger.info("Site overloaded, backing off %s: %.1f s between requests",
                        domain, self.backoff.spacing(domain))
            if stats is not None:
                stats.inc_value(f"backoff/overload/{domain}")
        hold_ends = self.backoff.hold_ends(domain)
        # The timer puts the slot's delay back when the hold ends; no slot, no timer (no crawl yet).
        if hold_ends > now and domain not in self.timers and downloader_of(self.crawler) is not None:
            self.timers[domain] = call_later(hold_ends - now, self.end_hold, domain)
        self.apply_domain_delay(domain)
        self.show_held(domain)

    def will_retry(self, request: Request) -> bool:
        """Whether RetryMiddleware will try this request again (it decides; this only reads the same)."""
        if request.meta.get("dont_retry"):
            return False
        retries = int(request.meta.get("retry_times", 0))
        return retries < int(request.meta.get("max_retry_times", self.max_retries))

    def end_hold(self, domain: str) -> None:
        self.timers.pop(domain, None)
        hold_ends, now = self.backoff.hold_ends(domain), time.monotonic()
        if hold_ends > now:  # extended by a later Retry-After meanwhile
            self.timers[domain] = call_later(hold_ends - now, self.end_hold, domain)
        self.apply_domain_delay(domain)

    def apply_domain_delay(self, domain: str) -> None:
        """Give the domain's slot the delay the backoff asks for, or back the one it had before."""
        downloader = downloader_of(self.crawler)
        if downloader is None:
            return
        now = time.monotonic()
        change = self.slots.apply(downloader, domain, self.backoff.domain_delay(domain, now))
        if change == "started":
            self.backoff.hold(domain, now)
        elif change == "ended":
            self.count_held(domain, self.backoff.let_go(domain, now))

    def count_held(self, domain: str, seconds: float) -> None:
        """Add the seconds of waits just ended, and show the domain's total so far in the stats."""
        self.held[domain] = self.held.get(domain, 0.0) + seconds
        self.show_held(domain)

    def show_held(self, domain: str) -> None:
        """`backoff/seconds/<domain>` including a wait still going on, so the stats (and the summary,
        written before this middleware hears the spider close) are current after every event."""
        stats, state = self.crawler.stats, self.backoff.domains.get(domain)
        ongoing = time.monotonic() - state.waiting_since if state and state.waiting else 0.0
        total = self.held.get(domain, 0.0) + ongoing
        if total > 0 and stats is not None:
            stats.set_value(f"backoff/seconds/{domain}", round(total, 3))


class SlotDelays:
    """Raises download slots' delays for the backoff and puts back what they had before.

    Lowers a delay only from the value set here: when AutoThrottle has moved it since, its value
    stands (it decays on its own), and nothing goes below the delay the slot had before the backoff.
    """

    def __init__(self) -> None:
        self.before: dict[str, float] = {}  # domain -> the slot's delay when the backoff began
        self.applied: dict[str, float] = {}  # domain -> the delay set here last

    def apply(self, downloader: Any, domain: str, wanted: float) -> str | None:
        """Set the slot's delay for `wanted`; 'started' or 'ended' when the domain's backoff does."""
        slot = downloader.slots.get(domain)
        if slot is None:  # dropped by the downloader after a minute unused: nothing left to hold
            self.applied.pop(domain, None)
            return "ended" if self.before.pop(domain, None) is not None else None
        change = None
        if wanted > 0 and domain not in self.before:
            self.before[domain], change = slot.delay, "started"
        if domain not in self.before:
            return None
        if wanted > 0:
            target = max(self.before[domain], wanted)
        else:
            target, change = self.before.pop(domain), "ended"
        if target > slot.delay:
            slot.delay = target
        elif target < slot.delay and slot.delay == self.applied.get(domain):
            slot.delay = target
            wake(downloader, slot)
        self.applied[domain] = slot.delay
        if change == "ended":
            self.applied.pop(domain, None)
        return change


def wake(downloader: Any, slot: Any) -> None:
    """Let a slot whose delay went down send its next request now, not when the old delay would end.

    Scrapy has no public call for this: the slot waits on a timer set with the old delay (AutoThrottle
    lives with that lag; a Retry-After hold of a minute released early must not). Without the private
    method the lowered delay still applies, one request later.
    """
    process_queue = getattr(downloader, "_process_queue", None)
    if slot.latercall is None or process_queue is None:
        return
    slot.latercall.cancel()
    slot.latercall = None
    process_queue(slot)


def downloader_of(crawler: Crawler) -> Any:
    """The crawl's downloader; None before the crawl starts (middleware driven alone, in tests)."""
    try:
        engine = crawler.engine
    except RuntimeError:  # Scrapy 2.19 raises instead of returning None
        return None
    return engine.downloader if engine is not None else None


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
