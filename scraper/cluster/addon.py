"""Distributed crawling on scrapy-redis: inert unless REDIS_URL is set (as a setting or in the environment).

With REDIS_URL, the `Cluster` add-on switches every spider to one shared frontier per spider name:
scrapy-redis's dupefilter (`<spider>:dupefilter`) and its priority queue (`<spider>:requests`), read
through `scraper.cluster.scheduler.LeasingScheduler` so that a killed worker's in-flight requests
come back (see scraper/cluster/leases.py); the queue persists across restarts. Start URLs are pushed to
`<spider>:start_urls` (scrapy-redis's key; `scraper enqueue` does it). Workers idle-wait for more
work and stop after MAX_IDLE_TIME_BEFORE_CLOSE seconds without any (0: never; scrapy-redis's
setting and default). Each worker appends its articles to its own part,
output/<spider>/<UTC start>-<host>-<pid>.jsonl (one write per line, safe against kill -9); an
article is written once across all parts (pipelines/distributed.py). -o/-O/FEEDS are refused at
start-up (`refuse_feeds`): Scrapy's feed exporter writes after the claim, so a kill would lose articles.
"""

from __future__ import annotations

import json
import logging
import os
import weakref
from collections.abc import AsyncIterator, Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Protocol

import scrapy
from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import UsageError
from scrapy.settings import BaseSettings, Settings

from scraper.cluster.leases import worker_id
from scraper.record import only_fields
from scraper.runs.output import JsonlAppender
from spiders.arguments import SpiderArgumentError, check_url

logger = logging.getLogger(__name__)

DEFAULT_PART = "output/%(name)s/%(time)s-%(worker)s.jsonl"
# Spiders whose workers may start without -a arguments: all their start URLs come from Redis.
# (The site spider needs -a start=URL on every worker: it defines the domain the crawl stays in.)
BARE_SPIDERS = frozenset({"urls", "sitemap", "feed"})
# How each spider turns a pushed start URL into its first request (default: an article page).
ENTRY_REQUESTS: dict[str, Callable[[Any, str], scrapy.Request]] = {
    "sitemap": lambda spider, url: spider.sitemap_request(url),
    "feed": lambda spider, url: spider.request(url, spider.parse_feed),
    "site": lambda spider, url: spider.request(url, spider.parse_site),
}


class ClaimWriter(Protocol):
    """What writes a distributed worker's articles: the claim stage writes through it (see
    pipelines/distributed.py), in the same call as the claim, never later on item_scraped (under the
    asyncio reactor Scrapy runs those handlers a loop turn later, and a kill in between lost articles)."""

    def position(self) -> tuple[Path, int]:
        """The file the next line goes to and its offset there."""
        ...

    def write_claimed(self, item: Any) -> None:
        """Write the claimed article now."""
        ...


_writers: weakref.WeakKeyDictionary[Crawler, ClaimWriter] = weakref.WeakKeyDictionary()


def register_writer(crawler: Crawler, writer: ClaimWriter) -> None:
    _writers[crawler] = writer


def writer_of(crawler: Crawler) -> ClaimWriter | None:
    """The crawl's claim writer; None when another output (-o, FEEDS) writes the articles."""
    return _writers.get(crawler)


def redis_url_of(settings: BaseSettings | None) -> str | None:
    """REDIS_URL from the settings, else from the environment; None means a single-machine crawl."""
    url = settings.get("REDIS_URL") if settings is not None else None
    return str(url or os.environ.get("REDIS_URL") or "").strip() or None


FEEDS_REFUSED = (
    "-o/-O/FEEDS cannot be used with REDIS_URL (cluster mode): Scrapy's feed exporter writes an article "
    "after its cluster claim, so a worker killed in between would lose it silently. Leave out -o/-O: "
    "each worker writes its own part, output/<spider>/<UTC start>-<host>-<pid>.jsonl (setting "
    "CLUSTER_PART), or run `scraper crawl SPIDER` for dated, incremental output"
)


def refuse_feeds(settings: BaseSettings) -> None:
    """Stop a cluster worker given -o/-O/FEEDS before it starts (UsageError: `scrapy crawl` exits 2)."""
    if redis_url_of(settings) and settings.getdict("FEEDS"):
        raise UsageError(FEEDS_REFUSED, print_help=False)


def mark_distributed(settings: BaseSettings, kwargs: dict[str, Any]) -> dict[str, Any]:
    """Spider kwargs plus `_distributed` when this crawl runs on Redis (a bare worker is then allowed)."""
    return {**kwargs, "_distributed": "1"} if redis_url_of(settings) else kwargs


def starts_from_queue(name: str, kwargs: dict[str, Any]) -> bool:
    """True for a distributed worker started without arguments: it reads its start URLs from Redis."""
    return bool(kwargs.get("_distributed")) and name in BARE_SPIDERS


class Cluster:
    """Add-on: scrapy-redis scheduler, dupefilter and our cluster components when REDIS_URL is set.

    Runs before DefaultFeed (lower ADDONS order) so that the per-worker part replaces the default feed.
    """

    def update_settings(self, settings: Settings) -> None:
        url = redis_url_of(settings)
        if url is None:
            return
        settings.set("REDIS_URL", url, priority="addon")
        settings.set("SCHEDULER", "scraper.cluster.scheduler.LeasingScheduler", priority="addon")
        # "project": replaces the project's in-memory dupefilter (an add-on's priority is below it).
        settings.set("DUPEFILTER_CLASS", "scrapy_redis.dupefilter.RFPDupeFilter", priority="project")
        settings.set("SCHEDULER_PERSIST", True, priority="addon")
        settings["SPIDER_MIDDLEWARES"]["scraper.cluster.addon.QueueStartMiddleware"] = 5
        settings["ITEM_PIPELINES"]["pipelines.distributed.ClusterClaimPipeline"] = 1100
        if not settings.get("STATE_OUTPUT") and not settings.getdict("FEEDS"):
            settings["EXTENSIONS"]["scraper.cluster.addon.PartWriter"] = 90
            settings.set("DEFAULT_FEED", None, priority="project")


class QueueStartMiddleware:
    """Spider middleware: a bare distributed worker skips its spider's own start (it has no arguments)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> QueueStartMiddleware:
        return cls(crawler)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        if getattr(self.crawler.spider, "starts_from_queue", False):
            return
        async for item_or_request in start:
            yield item_or_request


def request_from_data(spider: Any, data: bytes | str) -> scrapy.Request | None:
    """The request for a start URL pushed to Redis: a plain URL or scrapy-redis's JSON {"url", "meta"}.

    Pushed start URLs are fetched even if seen before (like scrapy-redis's): pushing a sitemap again
    is how the next round of a scheduled crawl starts. None (logged) for data that is not a URL.
    """
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    text, meta = text.strip(), {}
    try:
        if text.startswith("{"):
            parsed = json.loads(text)
            text, meta = str(parsed.get("url") or ""), dict(parsed.get("meta") or {})
        url = check_url(text, "start URL")
    except (ValueError, SpiderArgumentError, AttributeError) as exc:
        logger.warning("Ignored start data %r from Redis: %s", text[:200], exc)
        return None
    request = entry_request(spider, url)
    request.meta.update(meta)
    return request.replace(dont_filter=True)


def entry_request(spider: Any, url: str) -> scrapy.Request:
    """The spider's own `queue_request(url)`, else its ENTRY_REQUESTS entry, else an article page."""
    hook = getattr(spider, "queue_request", None)
    if hook is not None:
        return hook(url)
    if spider.name in ENTRY_REQUESTS:
        return ENTRY_REQUESTS[spider.name](spider, url)
    page_request = getattr(spider, "page_request", None)
    return page_request(url) if page_request else scrapy.Request(url)


def part_path(template: str, spider: str, started: datetime, worker: str) -> Path:
    """This worker's output part: the template with name, time (UTC, sortable) and worker filled in."""
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    return Path(template % {"name": spider, "time": stamp, "worker": worker})


class PartWriter:
    """Append each claimed article to this worker's part, one write per line (kill -9 leaves whole lines)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.template = str(crawler.settings.get("CLUSTER_PART") or DEFAULT_PART)
        self.appender: JsonlAppender | None = None
        self.written = 0
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        register_writer(crawler, self)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PartWriter:
        return cls(crawler)

    def spider_opened(self, spider: scrapy.Spider) -> None:
        path = part_path(self.template, spider.name, datetime.now(timezone.utc), worker_id())
        self.appender = JsonlAppender(path)
        logger.info("Worker %s writes its articles to %s", worker_id(), path)

    def position(self) -> tuple[Path, int]:
        if self.appender is None:
            raise RuntimeError("the part is opened when the spider opens")
        return self.appender.path, self.appender.size()

    def write_claimed(self, item: Any) -> None:
        if self.appender is None:
            raise RuntimeError("the part is opened when the spider opens")
        self.appender.write(only_fields(ItemAdapter(item)))
        self.written += 1

    def spider_closed(self) -> None:
        if self.appender is None:
            return
        self.appender.close()
        if self.written == 0:
            self.appender.path.unlink(missing_ok=True)  # a worker that found no work leaves no file
