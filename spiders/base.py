"""The shared base of every spider: arguments validated once, HTML pages out, everything else counted."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import datetime
from typing import Any, ClassVar

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from scraper.cluster.addon import mark_distributed, refuse_feeds, starts_from_queue
from scraper.crawl.failures import record_failure
from scraper.crawl.items import PageItem
from scraper.safety import looks_binary
from spiders.arguments import SpiderArgumentError, parse_since
from spiders.dates import parse_iso_datetime
from spiders.frontier import LISTING_META, FrontierFeed, frontier_window

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Response headers kept on the page item: what an incremental crawl needs to revalidate a page.
KEPT_HEADERS = ("etag", "last-modified")

logger = logging.getLogger(__name__)


class NewsSpider(scrapy.Spider):
    """Base spider: subclasses declare `arguments`, parse them in `configure`, and yield requests."""

    # The `-a` arguments this spider accepts; anything else is a typo and stops the crawl.
    arguments: ClassVar[tuple[str, ...]] = ()
    # Discovered pages waiting for their request (spiders/frontier.py); None: requested at once.
    frontier: FrontierFeed | None = None
    # Whether this spider's discovered pages go through the frontier (found_page/found_listing).
    uses_frontier: ClassVar[bool] = False

    def __init__(self, name: str | None = None, **kwargs: Any) -> None:
        # Arguments starting with "_" come from tools (scrapyd's _job), not from users.
        unknown = sorted(key for key in kwargs if key not in self.arguments and not key.startswith("_"))
        if unknown:
            accepted = ", ".join(self.arguments) or "none"
            raise SpiderArgumentError(
                f"unknown argument {', '.join(unknown)} for spider {self.name!r} (accepted: {accepted})"
            )
        super().__init__(name, **{key: value for key, value in kwargs.items() if key.startswith("_")})
        self.since: datetime | None = None
        args = {key: str(value) for key, value in kwargs.items() if key in self.arguments}
        # A distributed worker may start bare: its start URLs come from Redis (scraper/cluster/addon.py).
        self.starts_from_queue = not args and starts_from_queue(self.name, kwargs)
        if not self.starts_from_queue:
            self.configure(args)

    @classmethod
    def update_settings(cls, settings: Any) -> None:
        super().update_settings(settings)
        # Runs when the crawler is made, before anything starts: a cluster worker refuses -o/-O here.
        refuse_feeds(settings)

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            spider = super().from_crawler(crawler, *args, **mark_distributed(crawler.settings, kwargs))
        except SpiderArgumentError as exc:
            # One clear line before Scrapy's traceback; `scrapy crawl` then exits with status 1.
            logger.critical("Spider %r not started, bad argument: %s", cls.name, exc)
            raise
        window = frontier_window(crawler.settings)
        if window and cls.uses_frontier:
            spider.frontier = FrontierFeed(crawler, window)
        return spider

    def configure(self, args: dict[str, str]) -> None:
        """Parse and check this spider's arguments; raise SpiderArgumentError on a bad one."""

    def configure_since(self, args: dict[str, str]) -> None:
        self.since = parse_since(args.get("since"))

    def is_older(self, *dates: str | None) -> bool:
        """True when `since` is set and the first parseable date is before it (undated: False)."""
        if self.since is None:
            return False
        for value in dates:
            parsed = parse_iso_datetime(value)
            if parsed is not None:
                return parsed < self.since
        return False

    def count(self, key: str, amount: int = 1) -> None:
        self.crawler.stats.inc_value(key, amount)

    def request(
        self, url: str, callback: Callable[[Response], Any], discovery: dict[str, Any] | None = None
    ) -> scrapy.Request:
        """A request whose failures are counted by reason; `discovery` rides along in meta."""
        meta = {"discovery": {"source": self.name, **(discovery or {})}}
        return scrapy.Request(url, callback=callback, errback=self.on_error, meta=meta)

    def page_request(self, url: str, discovery: dict[str, Any] | None = None) -> scrapy.Request:
        return self.request(url, self.parse_page, discovery)

    def found_page(
        self, url: str, found_on: str | None = None, entry: Any = None
    ) -> Iterator[scrapy.Request]:
        """A discovered page: held in the frontier, or (no frontier) its request at once."""
        if self.frontier is None:
            yield self.page_request(url, self.discovery_of(entry, found_on))
        else:
            self.frontier.hold_page((url, found_on, entry))

    def found_listing(self, url: str, discovery: dict[str, Any] | None = None) -> Iterator[scrapy.Request]:
        """A discovered sitemap or feed: held in the frontier, or (no frontier) its request at once."""
        if self.frontier is None:
            yield self.listing_request(url, discovery)
        else:
            self.frontier.hold_listing((url, discovery))

    def listing_request(self, url: str, discovery: dict[str, Any] | None = None) -> scrapy.Request:
        """The request for a listing (sitemap, feed) this spider reads."""
        raise NotImplementedError

    def discovery_of(self, entry: Any, found_on: str | None) -> dict[str, Any]:
        """What the listing said about a page (its `entry`), as request meta."""
        return {"found_on": found_on} if found_on else {}

    def listing_read(self) -> None:
        """Called by a listing's callback: the frontier may fetch the next listing."""
        if self.frontier is not None:
            self.frontier.listing_ended()

    async def start(self) -> AsyncIterator[Any]:
        if not self.resumes_frontier():
            for request in self.starting_requests():
                yield request
        async for request in self.held_requests():
            yield request

    def starting_requests(self) -> Iterator[scrapy.Request]:
        """What the arguments name: requested, or held in the frontier."""
        return iter(())

    def resumes_frontier(self) -> bool:
        """True when a JOBDIR run resumes held entries (its arguments were taken up the first time)."""
        return self.frontier is not None and self.frontier.keep_in(getattr(self, "state", None))

    async def held_requests(self) -> AsyncIterator[scrapy.Request]:
        """Requests for what the frontier holds, a window at a time, until nothing more can be found."""
        if self.frontier is None:
            return
        async for request in self.frontier.requests(self.held_request):
            yield request

    def held_request(self, is_listing: bool, entry: Any) -> scrapy.Request:
        if is_listing:
            url, discovery = entry
            request = self.listing_request(url, discovery)
            request.meta[LISTING_META] = True
            return request
        url, found_on, details = entry
        return self.page_request(url, self.discovery_of(details, found_on))

    def parse_page(self, response: Response) -> Iterator[PageItem]:
        page = self.page_item(response)
        if page is not None:
            yield page

    def page_item(self, response: Response) -> PageItem | None:
        """The page item for an HTML response; None (counted as skipped/not_html) for anything else."""
        content_type = (response.headers.get("Content-Type") or b"").decode("latin-1") or None
        if not is_html(content_type, response) or looks_binary(response.body):
            self.count("skipped/not_html")
            record_failure(self.crawler, response.url, "not_html", response.status, content_type or "")
            logger.debug("Skipped %s: not HTML (%s)", response.url, content_type)
            return None
        return PageItem(
            url=response.url,
            body=response.body,
            content_type=content_type,
            status=response.status,
            headers=kept_headers(response),
            discovery=dict(response.meta.get("discovery") or {}),
        )

    def on_error(self, failure: Failure) -> None:
        """Count a failed request: skipped/http_<status> for error pages, errors/<Type> otherwise."""
        request = getattr(failure, "request", None)
        url = request.url if request is not None else "?"
        if request is not None and request.meta.get(LISTING_META):
            self.listing_read()
        if isinstance(failure.value, HttpError):
            status = failure.value.response.status
            self.count(f"skipped/http_{status}")
            logger.info("Skipped %s: HTTP %s", url, status)
        elif failure.check(IgnoreRequest):
            pass  # robots.txt and offsite filtering have Scrapy's own counters
        else:
            name = failure.type.__name__ if failure.type else "Exception"
            self.count(f"errors/{name}")
            logger.warning("Failed %s: %s: %s", url, name, failure.getErrorMessage())


def is_html(content_type: str | None, response: Response) -> bool:
    """True for text/html and XHTML; without a Content-Type, trust Scrapy's sniffing."""
    if not content_type:
        return isinstance(response, HtmlResponse)
    return content_type.split(";", 1)[0].strip().lower() in HTML_TYPES


def kept_headers(response: Response) -> dict[str, str]:
    found = {}
    for name in KEPT_HEADERS:
        value = response.headers.get(name)
        if value:
            found[name] = value.decode("latin-1")
    return found


__all__ = ["NewsSpider", "SpiderArgumentError"]
