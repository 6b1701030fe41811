"""The frontier of a single-machine crawl: discovered pages held compactly, requested a window at a time.

Scrapy's memory scheduler keeps every pending Request (~2.7 KB each with its meta), so a sitemap of
N pages turned into N requests at once grows the crawl's memory with N. Here a discovered page waits
as a small tuple (url, found_on, the sitemap or feed entry) and the spider's start() hands Scrapy a
request only while fewer than FRONTIER_WINDOW requests are pending in the scheduler. Listings
(sitemaps, feeds) wait too: the next one is fetched when the pages held run low, so about one
sitemap's entries are held at a time, however many sitemaps an index lists.

Off (every discovered page becomes a request at once, as before) with REDIS_URL, where the shared
queue lives in Redis, or FRONTIER_WINDOW=0. With JOBDIR, the held entries live in the spider's state,
which Scrapy saves on a graceful stop and loads on resume.
"""

from __future__ import annotations

from collections import deque
from collections.abc import AsyncIterator, Callable
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.settings import BaseSettings
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred

from scraper.cluster.addon import redis_url_of

# (url, found_on, the spider's entry or None) for a page; (url, discovery) for a listing.
HeldPage = tuple[str, "str | None", Any]
HeldListing = tuple[str, "dict[str, Any] | None"]
# Meta flag of a listing request, so that its end (callback, errback or drop) is noticed.
LISTING_META = "frontier_listing"
STATE_KEY = "frontier"
WINDOW_PER_CONCURRENT_REQUEST = 2
# The feed also wakes on crawl signals; this bounds the wait if none comes.
MAX_WAIT_SECONDS = 0.5


def frontier_window(settings: BaseSettings) -> int:
    """Requests allowed pending in the scheduler; 0 = no frontier (distributed crawls, or opted out)."""
    if redis_url_of(settings):
        return 0
    window = settings.get("FRONTIER_WINDOW")
    if window is None or window == "":
        return WINDOW_PER_CONCURRENT_REQUEST * max(1, settings.getint("CONCURRENT_REQUESTS"))
    return max(0, int(window))


class Frontier:
    """Held pages and listings, first in first out; pages go first, the next listing when pages run low."""

    def __init__(self, window: int) -> None:
        self.window = window
        self.pages: deque[HeldPage] = deque()
        self.listings: deque[HeldListing] = deque()
        self.listings_in_flight = 0

    def __len__(self) -> int:
        return len(self.pages) + len(self.listings)

    def next_entry(self, pending: int) -> tuple[bool, Any] | None:
        """(is_listing, entry) to request now, given the requests pending in the scheduler; None: wait."""
        if pending >= self.window:
            return None
        if self.listings and not self.listings_in_flight and len(self.pages) < self.window:
            self.listings_in_flight += 1
            return True, self.listings.popleft()
        if self.pages:
            return False, self.pages.popleft()
        return None

    def listing_ended(self) -> None:
        self.listings_in_flight = max(0, self.listings_in_flight - 1)

    def keep_in(self, state: dict[str, Any] | None) -> bool:
        """Hold the entries in a JOBDIR state (saved on a graceful stop); True when it resumes one."""
        if state is None:
            return False
        saved = state.get(STATE_KEY)
        if saved is not None:
            self.pages.extend(saved["pages"])
            self.listings.extend(saved["listings"])
        state[STATE_KEY] = {"pages": self.pages, "listings": self.listings}
        return saved is not None


class Wakeup:
    """A one-shot alarm the feed waits on, rung by crawl events or, at the latest, by a timer."""

    def __init__(self) -> None:
        self._waiting: Deferred[None] | None = None

    def ring(self, *_: Any, **__: Any) -> None:
        waiting, self._waiting = self._waiting, None
        if waiting is not None and not waiting.called:
            waiting.callback(None)

    async def wait(self, seconds: float) -> None:
        from twisted.internet import reactor

        waiting: Deferred[None] = Deferred()
        self._waiting = waiting
        # Past the timeout the wait ends quietly (None) rather than with a TimeoutError.
        waiting.addTimeout(seconds, reactor, onTimeoutCancel=lambda *_: None)
        await maybe_deferred_to_future(waiting)


class FrontierFeed:
    """Turns a spider's frontier into requests from its start(), keeping the scheduler within the window."""

    def __init__(self, crawler: Crawler, window: int) -> None:
        self.crawler = crawler
        self.frontier = Frontier(window)
        self.wakeup = Wakeup()
        crawler.signals.connect(self.wakeup.ring, signal=signals.request_reached_downloader)
        crawler.signals.connect(self.wakeup.ring, signal=signals.scheduler_empty)
        crawler.signals.connect(self.request_dropped, signal=signals.request_dropped)

    def hold_page(self, page: HeldPage) -> None:
        self.frontier.pages.append(page)

    def hold_listing(self, listing: HeldListing) -> None:
        self.frontier.listings.append(listing)

    def keep_in(self, state: dict[str, Any] | None) -> bool:
        return self.frontier.keep_in(state)

    def listing_ended(self) -> None:
        self.frontier.listing_ended()
        self.wakeup.ring()

    def request_dropped(self, request: Request) -> None:
        if request.meta.get(LISTING_META):  # a listing filtered as a duplicate (a resumed JOBDIR run)
            self.listing_ended()

    async def requests(self, make: Callable[[bool, Any], Request]) -> AsyncIterator[Request]:
        """Requests for the held entries (`make(is_listing, entry)`) until nothing more can be found."""
        stats = self.crawler.stats
        assert stats is not None
        while True:
            pending = pending_requests(self.crawler)
            stats.max_value("frontier/max_pending", pending)
            stats.max_value("frontier/max_held", len(self.frontier))
            chosen = self.frontier.next_entry(pending)
            if chosen is not None:
                yield make(*chosen)
            elif crawl_idle(self.crawler):
                if not self.frontier:
                    return  # nothing held, nothing in flight that could discover more
                # A listing request ended unseen (refused by a spider middleware): go on with the next.
                self.frontier.listings_in_flight = 0
            else:
                await self.wakeup.wait(MAX_WAIT_SECONDS)


def scheduler_of(crawler: Crawler) -> Any:
    engine = crawler.engine
    if engine is None:
        return None
    if hasattr(engine, "scheduler"):  # Scrapy 2.19+
        return engine.scheduler
    slot = getattr(engine, "slot", None) or getattr(engine, "_slot", None)
    return slot.scheduler if slot is not None else None


def pending_requests(crawler: Crawler) -> int:
    """Requests waiting in the scheduler (a scheduler without a length counts as empty or full)."""
    scheduler = scheduler_of(crawler)
    if scheduler is None:
        return 0
    if hasattr(type(scheduler), "__len__"):
        return len(scheduler)
    return 1 << 30 if scheduler.has_pending_requests() else 0


def crawl_idle(crawler: Crawler) -> bool:
    """Scrapy's own idle test minus start(): nothing downloading, being parsed or scheduled."""
    engine, scheduler = crawler.engine, scheduler_of(crawler)
    if engine is None or scheduler is None or engine.scraper.slot is None:
        return True
    busy = engine.downloader.active or not engine.scraper.slot.is_idle()
    return not busy and not scheduler.has_pending_requests()
