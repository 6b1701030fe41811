"""Extraction in a pool of worker processes, so CPU-bound pages neither stall the reactor nor use one core.

Scrapy runs downloads, scheduling, pipelines and feed export on one reactor thread. Extracting a page
takes milliseconds of pure Python, so in-process extraction caps a crawl at one core and delays every
download behind it. ExtractPoolPipeline sends each page (its bytes, URL and Content-Type) to a worker
process running scraper.page_record.page_record, the composition of exactly the functions that
TickerPipeline and FieldsPipeline run, and waits for the record without blocking the reactor.

How it composes with the stages: it sits before TickerPipeline in ITEM_PIPELINES and turns a page
into an article item (or drops it as skipped/not_article, as FieldsPipeline does); TickerPipeline and
FieldsPipeline pass article items through untouched. Pages it does not take (the pool is off, or the
first EXTRACT_POOL_AFTER pages of a crawl, which a small crawl finishes before worker processes would
have started) go on to those two stages in-process, with the same result. The pool steps aside by
itself when ITEM_PIPELINES does not run both default stages (a user replaced or dropped one), so a
custom stage always sees the pages. Settings:

- EXTRACT_WORKERS: worker processes; None (default) means one per CPU when there are at least two,
  0 turns the pool off.
- EXTRACT_POOL_AFTER: pages extracted in-process before the pool takes over (default 40).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from scrapy.crawler import Crawler
from scrapy.settings import BaseSettings
from scrapy.utils.asyncio import is_asyncio_available
from scrapy.utils.misc import load_object
from twisted.internet.defer import Deferred

from pipelines.stages import FieldsPipeline, Stage, TickerPipeline
from scraper.classify import MIN_WORDS
from scraper.crawl.items import PageItem, make_article
from scraper.page_record import exit_with_parent, page_record, warm_up

logger = logging.getLogger(__name__)

DEFAULT_POOL_AFTER = 40


def pool_size(settings: BaseSettings) -> int:
    """Worker processes to start: EXTRACT_WORKERS, or one per CPU when there are two or more."""
    configured = settings.get("EXTRACT_WORKERS")
    if configured is not None and str(configured).strip().lower() not in ("", "auto"):
        return max(0, int(configured))
    cpus = os.cpu_count() or 1
    return cpus if cpus >= 2 else 0


def runs_default_stages(settings: BaseSettings) -> bool:
    """Whether ITEM_PIPELINES runs both TickerPipeline and FieldsPipeline (what a worker does)."""
    enabled = set()
    for path, order in settings.getwithbase("ITEM_PIPELINES").items():
        if order is not None:
            enabled.add(load_object(path) if isinstance(path, str) else path)
    return TickerPipeline in enabled and FieldsPipeline in enabled


class ExtractPoolPipeline(Stage):
    """Ticker stripping and field extraction for each page in a worker process (see the module doc)."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        settings = crawler.settings
        self.workers = pool_size(settings) if runs_default_stages(settings) else 0
        self.after = max(0, settings.getint("EXTRACT_POOL_AFTER", DEFAULT_POOL_AFTER))
        self.min_words = settings.getint("ARTICLE_MIN_WORDS", MIN_WORDS)
        self.executor: ProcessPoolExecutor | None = None
        self.pages = 0
        if pool_size(settings) and not self.workers:
            logger.info("Extraction pool off: ITEM_PIPELINES does not run the default ticker/fields stages")

    async def process_item(self, item: Any) -> Any:
        if not self.workers or not isinstance(item, PageItem):
            return item
        self.pages += 1
        if self.pages <= self.after:
            if self.pages >= self.after // 2:
                self._pool()  # start the workers while the first pages are extracted in-process
            return item
        try:
            record, reason = await _result(
                self._pool().submit(page_record, item.body, item.url, item.content_type, self.min_words)
            )
        except BrokenProcessPool:
            logger.warning("Extraction worker died on or near %s; restarting the pool", item.url)
            self.stats.inc_value("errors/extract_worker_died")
            self._close()
            return item  # extracted in-process by the stages that follow
        self.stats.inc_value("extract/pooled")
        if reason is not None:
            self.stats.inc_value(f"skipped/not_article/{reason}")
            raise self.drop("skipped/not_article", f"Not an article ({reason}): {item.url}")
        return make_article(record, item)

    def close_spider(self) -> None:
        self._close()

    def _pool(self) -> ProcessPoolExecutor:
        if self.executor is None:
            # spawn: a fresh interpreter, not a fork of the reactor's process and its threads.
            context = multiprocessing.get_context("spawn")
            self.executor = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=exit_with_parent, initargs=(os.getpid(),)
            )
            for _ in range(self.workers):
                self.executor.submit(warm_up)
            logger.info("Extraction pool: %d worker processes", self.workers)
        return self.executor

    def _close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None


async def _result(future: Future[Any]) -> Any:
    """Await a concurrent future from the reactor thread, under the asyncio reactor or any other."""
    if is_asyncio_available():
        return await asyncio.wrap_future(future)
    return await _deferred(future)


def _deferred(future: Future[Any]) -> Deferred[Any]:
    from twisted.internet import reactor

    deferred: Deferred[Any] = Deferred()

    def settle(done: Future[Any]) -> None:
        error = done.exception()
        if error is not None:
            reactor.callFromThread(deferred.errback, error)
        else:
            reactor.callFromThread(deferred.callback, done.result())

    future.add_done_callback(settle)
    return deferred
