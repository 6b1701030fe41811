"""Request-side middlewares of scheduled runs (`scraper crawl`): skip what is known unchanged; count outcomes.

They live with the rest of the scheduled-run feature (scraper/runs/): they decide what gets fetched,
and item pipelines only transform items. All but OutcomeMiddleware need STATE_DIR.

- KnownEntryMiddleware (spider middleware): drops a request for a sitemap/feed entry whose date is
  not newer than what the article was written with.
- ConditionalRequestMiddleware (downloader): sends If-None-Match / If-Modified-Since for pages that
  were written as articles before; a 304 ends the request, counted as `incremental/not_modified`.
- OutcomeMiddleware (downloader, outermost): counts final outcomes (after retries and redirects),
  the numbers `scraper crawl` computes its exit status from.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.http.request import NO_CALLBACK
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware

from scraper.runs.incremental import entry_date, store_for
from scraper.runs.state import SeenArticle, is_newer


def is_internal(request: Request) -> bool:
    """Requests Scrapy makes for itself (robots.txt) rather than for the spider."""
    return request.callback is NO_CALLBACK


def listed_unchanged(listed: str | None, seen: SeenArticle | None) -> bool:
    """True when the entry's date is not newer than what was known when the article was written."""
    if not listed or seen is None:
        return False
    known = [date for date in (seen.source_date, seen.modified) if date]
    return bool(known) and not any(is_newer(listed, date) for date in known)


class KnownEntryMiddleware(BaseSpiderMiddleware):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.store = store_for(crawler)

    def get_processed_request(self, request: Request, response: Response | None) -> Request | None:
        if listed_unchanged(entry_date(request.meta), self.store.article_for_url(request.url)):
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("incremental/skipped_by_date")
            return None
        return request


class ConditionalRequestMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.store = store_for(crawler)
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalRequestMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        if request.method != "GET" or is_internal(request) or b"If-None-Match" in request.headers:
            return
        validators = self.store.validators(request.url)
        if validators is None:
            return
        etag, last_modified = validators
        if etag:
            request.headers[b"If-None-Match"] = etag
        if last_modified:
            request.headers[b"If-Modified-Since"] = last_modified
        request.meta["conditional"] = True

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status == 304 and request.meta.get("conditional"):
            assert self.stats is not None
            self.stats.inc_value("incremental/not_modified")
            raise IgnoreRequest(f"not modified since the last run: {request.url}")
        return response


class OutcomeMiddleware:
    """outcome/ok, outcome/refused, outcome/failed (and outcome/failed/<reason>) per final outcome."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> OutcomeMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if not is_internal(request):
            self._count("ok" if response.status < 400 else f"failed/http_{response.status}")
        return response

    def process_exception(self, request: Request, exception: Exception) -> Any:
        if is_internal(request):
            return None
        if isinstance(exception, IgnoreRequest):  # robots.txt, offsite, safety guards: refused, not failed
            self._count("refused")
        else:
            self._count(f"failed/{type(exception).__name__}")
        return None

    def _count(self, outcome: str) -> None:
        assert self.stats is not None
        self.stats.inc_value(f"outcome/{outcome}")
        if outcome.startswith("failed/"):
            self.stats.inc_value("outcome/failed")
