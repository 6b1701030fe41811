"""Every page a crawl could not turn into an article, with its reason: stats and `failures.jsonl`.

`FailureLog` (extension) owns the per-run file and counts `failures/<reason>` in the stats.
`FailureRecorderMiddleware` (outermost downloader middleware) sees each request's final outcome:
HTTP errors after retries, exhausted network errors, robots.txt refusals. Item drops and callback
errors come through signals; spiders and guards call `record_failure` for the rest.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any
from weakref import WeakKeyDictionary

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import Request, Response
from scrapy.http.request import NO_CALLBACK
from twisted.internet import error as net_error
from twisted.web.client import ResponseFailed

from scraper.compact_set import CompactSet, digest64

logger = logging.getLogger(__name__)

_LOGS: WeakKeyDictionary[Crawler, FailureLog] = WeakKeyDictionary()
_NOT_ARTICLE = re.compile(r"^Not an article \((?P<reason>\w+)\)")
_LOST_CONNECTION = re.compile(r"ConnectionLost|ConnectionDone|ConnectionReset|connection was lost", re.I)
# Final exceptions by type, most specific first.
_EXCEPTION_REASONS: tuple[tuple[tuple[type[BaseException], ...], str], ...] = (
    ((DownloadTimeoutError, net_error.TimeoutError), "timeout"),
    ((ResponseDataLossError,), "truncated"),
    ((DownloadCancelledError,), "too_large"),
    ((DownloadConnectionRefusedError, net_error.ConnectionRefusedError), "connection_refused"),
    ((CannotResolveHostError, net_error.DNSLookupError), "dns_error"),
    ((net_error.ConnectionLost, net_error.ConnectionDone, ResponseFailed), "connection_lost"),
    ((DownloadFailedError,), "download_failed"),
)
# IgnoreRequest messages of Scrapy's own middlewares; None: not a failure (out of the crawl's scope).
_IGNORE_REASONS: tuple[tuple[str, str | None], ...] = (
    ("Forbidden by robots.txt", "robots_txt"),
    ("Filtered offsite", None),
    ("max redirections", "too_many_redirects"),
    ("during decompression", "decompression_bomb"),
)


class GuardRejected(IgnoreRequest):
    """A request refused by one of our guards; already recorded when raised."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def exception_reason(exception: BaseException) -> str | None:
    """The failure reason for a request's final exception; None when it is no failure (offsite)."""
    if isinstance(exception, IgnoreRequest):
        message = str(exception)
        for needle, reason in _IGNORE_REASONS:
            if needle in message:
                return reason
        return getattr(exception, "reason", None) or "ignored"
    if isinstance(exception, DownloadFailedError) and _LOST_CONNECTION.search(str(exception)):
        return "connection_lost"  # Scrapy wraps a reset or an early close in DownloadFailedError
    for types, reason in _EXCEPTION_REASONS:
        if isinstance(exception, types):
            return reason
    return str(getattr(exception, "reason", "")) or f"error/{type(exception).__name__}"


def drop_reason(exception: BaseException) -> str | None:
    """The failure reason of a dropped item; None for drops that lose nothing (duplicates, articles
    written before: an exception with a true `not_a_failure` attribute says so)."""
    if getattr(exception, "not_a_failure", False):
        return None
    explicit = getattr(exception, "reason", None)
    if explicit:
        return str(explicit)
    message = str(exception)
    match = _NOT_ARTICLE.match(message)
    if match:
        return f"not_article/{match.group('reason')}"
    if message.startswith("Duplicate"):
        return None
    if message.startswith("Invalid record"):
        return "invalid_record"
    return "dropped"


def _jsonl(line: dict[str, Any]) -> str:
    """One JSON line; the detail is cut so a hostile URL or message cannot bloat the file."""
    line["detail"] = str(line.get("detail") or "")[:300]
    return json.dumps(line, ensure_ascii=False) + "\n"


def utc_timestamp() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class FailureLog:
    """Writes one JSON line per lost page to FAILURES_FILE: url, reason, status, time, detail.

    The file is created on the first failure (a clean run leaves none); `%(name)s` and `%(time)s`
    in the setting are the spider's name and the run's start time, as in FEEDS.
    """

    def __init__(self, crawler: Crawler, template: str) -> None:
        self.crawler = crawler
        self.template = template
        self.path: Path | None = None
        self.stream: IO[str] | None = None
        self.count = 0
        # URLs answered 2xx (64-bit keys): a redirect dropped as a duplicate is a loop unless its
        # target is among them; kept for every page since the target is usually fetched first.
        self.succeeded = CompactSet()
        self.dropped_redirects: dict[str, str] = {}  # first URL of the chain -> target

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FailureLog:
        log = cls(crawler, crawler.settings.get("FAILURES_FILE") or "")
        _LOGS[crawler] = log
        crawler.signals.connect(log.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(log.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(log.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(log.spider_error, signal=signals.spider_error)
        crawler.signals.connect(log.request_dropped, signal=signals.request_dropped)
        crawler.signals.connect(log.response_received, signal=signals.response_received)
        return log

    def spider_opened(self, spider: Spider) -> None:
        if self.template:
            started = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H-%M-%S")
            self.path = Path(self.template % {"name": spider.name, "time": started})

    def response_received(self, response: Response) -> None:
        if 200 <= response.status < 300:
            self.succeeded.add(digest64(response.url))

    def request_dropped(self, request: Request) -> None:
        """A redirect dropped as a duplicate: a loop, unless its target is a page that was fetched."""
        chain = request.meta.get("redirect_urls")
        if chain:
            self.dropped_redirects[chain[0]] = request.url

    def spider_closed(self) -> None:
        for origin, target in self.dropped_redirects.items():
            if digest64(target) not in self.succeeded:
                self.record(origin, "redirect_loop", None, f"redirects back to {target}")
        if self.stream is not None:
            self.stream.close()
            self.stream = None
            logger.info("%d failed pages listed in %s", self.count, self.path)

    def item_dropped(self, item: Any, response: Response, exception: BaseException) -> None:
        reason = drop_reason(exception)
        if reason:
            url = getattr(item, "url", None) or (item.get("url") if isinstance(item, dict) else None)
            status = getattr(item, "status", None) or (response.status if response is not None else None)
            self.record(url or (response.url if response is not None else ""), reason, status, str(exception))

    def spider_error(self, failure: Any, response: Response) -> None:
        exc = failure.value
        reason = getattr(exc, "reason", None) or f"spider_error/{type(exc).__name__}"
        self.record(response.url, str(reason), response.status, str(exc))

    def record(self, url: str, reason: str, status: int | None = None, detail: str = "") -> None:
        """Count failures/<reason> and append the failure's line to the file."""
        self.count += 1
        self.crawler.stats.inc_value(f"failures/{reason}")
        self.crawler.stats.inc_value("failures/count")
        if self.path is None:
            return
        if self.stream is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.stream = self.path.open("a", encoding="utf-8")
        line = {"url": url, "reason": reason, "status": status, "time": utc_timestamp(), "detail": detail}
        self.stream.write(_jsonl(line))
        self.stream.flush()  # a killed crawl still leaves every complete line


def record_failure(
    crawler: Crawler, url: str, reason: str, status: int | None = None, detail: str = ""
) -> None:
    """Record a lost page: in the run's FailureLog when enabled, else as a stats counter only."""
    log = _LOGS.get(crawler)
    if log is not None:
        log.record(url, reason, status, detail)
    else:
        crawler.stats.inc_value(f"failures/{reason}")
        crawler.stats.inc_value("failures/count")


class FailureRecorderMiddleware:
    """Outermost downloader middleware: records final HTTP errors and final download exceptions."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.allowed = {int(code) for code in crawler.settings.getlist("HTTPERROR_ALLOWED_CODES")}
        self.allow_all = crawler.settings.getbool("HTTPERROR_ALLOW_ALL")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FailureRecorderMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status >= 400 and not self._internal(request) and not self._handled(request, response):
            record_failure(self.crawler, request.url, f"http_{response.status}", response.status)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        if isinstance(exception, GuardRejected) or self._internal(request):
            return
        reason = exception_reason(exception)
        if reason:
            detail = f"{type(exception).__name__}: {exception}"
            record_failure(self.crawler, request.url, reason, None, detail)

    @staticmethod
    def _internal(request: Request) -> bool:
        """robots.txt and other requests the crawl makes for itself, not for a page."""
        return request.callback is NO_CALLBACK

    def _handled(self, request: Request, response: Response) -> bool:
        """True when the spider asked to receive this status (as HttpErrorMiddleware decides)."""
        meta = request.meta
        if self.allow_all or meta.get("handle_httpstatus_all"):
            return True
        spider = self.crawler.spider
        codes = meta.get("handle_httpstatus_list", getattr(spider, "handle_httpstatus_list", ()))
        return response.status in codes or response.status in self.allowed
