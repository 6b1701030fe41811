"""The shared base of every spider: arguments validated once, HTML pages out, everything else counted."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any, ClassVar

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from scraper.items import PageItem
from scraper.safety import looks_binary
from spiders.arguments import SpiderArgumentError, parse_since
from spiders.dates import parse_iso_datetime
from spiders.distributed import mark_distributed, starts_from_queue
from spiders.failures import record_failure

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Response headers kept on the page item: what an incremental crawl needs to revalidate a page.
KEPT_HEADERS = ("etag", "last-modified")

logger = logging.getLogger(__name__)


class NewsSpider(scrapy.Spider):
    """Base spider: subclasses declare `arguments`, parse them in `configure`, and yield requests."""

    # The `-a` arguments this spider accepts; anything else is a typo and stops the crawl.
    arguments: ClassVar[tuple[str, ...]] = ()

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
        # A distributed worker may start bare: its start URLs come from Redis (spiders/distributed.py).
        self.starts_from_queue = not args and starts_from_queue(self.name, kwargs)
        if not self.starts_from_queue:
            self.configure(args)

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().from_crawler(crawler, *args, **mark_distributed(crawler.settings, kwargs))
        except SpiderArgumentError as exc:
            # One clear line before Scrapy's traceback; `scrapy crawl` then exits with status 1.
            logger.critical("Spider %r not started, bad argument: %s", cls.name, exc)
            raise

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
