"""Downloader middleware: archive every fetched response, with its request, as WARC (WARC_OUTPUT).

It sits next to the downloader (DOWNLOADER_MIDDLEWARES 950, past HttpCompressionMiddleware), so it
sees each response as the server sent it, content-encoded, before decompression, redirects or
retries act on it, and each request with every header the other middlewares set. Settings:

- WARC_OUTPUT: file name template, e.g. `warc/%(name)s-%(time)s.warc.gz` (`%(name)s` the spider,
  `%(time)s` the crawl's start, `%(worker)s` host-pid); `.warc` for uncompressed. Unset: off.
- WARC_MAX_SIZE: bytes after which the next numbered file starts (default 1 GB).

In cluster mode (REDIS_URL) each worker writes its own files: the worker id is added to the name
when the template does not place `%(worker)s` itself.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from pathlib import Path

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.http.headers import Headers

from scraper.cluster.leases import worker_id
from scraper.warc.writer import DEFAULT_MAX_SIZE, HttpExchange, RotatingWarcWriter

logger = logging.getLogger(__name__)


class WarcRecorderMiddleware:
    """Write each response and its request to rotating WARC files (see the module doc)."""

    def __init__(self, crawler: Crawler, template: str) -> None:
        self.crawler = crawler
        self.template = template
        self.max_size = crawler.settings.getint("WARC_MAX_SIZE", DEFAULT_MAX_SIZE)
        self.cluster = bool(crawler.settings.get("REDIS_URL"))
        self.writer: RotatingWarcWriter | None = None
        self.started = datetime.now(timezone.utc)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcRecorderMiddleware:
        template = crawler.settings.get("WARC_OUTPUT")
        if not template:
            raise NotConfigured
        middleware = cls(crawler, str(template))
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def spider_opened(self) -> None:
        self.started = datetime.now(timezone.utc)  # the files are opened at the first response

    def process_response(self, request: Request, response: Response) -> Response:
        if self.writer is None:
            self.writer = RotatingWarcWriter(self._path(), self.max_size)
        self.writer.write(exchange_of(request, response))
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value("warc/exchanges")
        return response

    def spider_closed(self) -> None:
        if self.writer is None:
            return
        self.writer.close()
        for path in self.writer.written:
            logger.info("WARC written: %s", path)

    def _path(self) -> Path:
        spider = self.crawler.spider
        started = self.started.strftime("%Y-%m-%dT%H-%M-%S")  # as FEEDS and FAILURES_FILE name it
        worker = worker_name()
        template = self.template
        if self.cluster and "%(worker)s" not in template:
            template = insert_worker(template)
        return Path(template % {"name": spider.name if spider else "crawl", "time": started,
                                "worker": worker})


def worker_name() -> str:
    """host-pid: the worker id the cluster's JSONL parts carry too."""
    return worker_id()


def insert_worker(template: str) -> str:
    """crawl.warc.gz -> crawl-%(worker)s.warc.gz: one file series per cluster worker."""
    for suffix in (".warc.gz", ".warc"):
        if template.endswith(suffix):
            return f"{template[: -len(suffix)]}-%(worker)s{suffix}"
    return f"{template}-%(worker)s"


def exchange_of(request: Request, response: Response) -> HttpExchange:
    """The fetch as plain data for the writer (header bytes read as latin-1, as HTTP defines them)."""
    return HttpExchange(
        url=response.url,
        status=response.status,
        response_headers=header_pairs(response.headers),
        body=response.body,
        method=request.method,
        request_headers=header_pairs(request.headers),
        request_body=request.body,
        protocol=response.protocol or "HTTP/1.1",
        ip_address=str(response.ip_address) if response.ip_address else None,
    )


def header_pairs(headers: Headers) -> list[tuple[str, str]]:
    return [
        (name.decode("latin-1"), value.decode("latin-1"))
        for name, values in headers.items()
        for value in values
    ]
