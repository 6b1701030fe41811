"""The incremental stage: skip articles written before unchanged, write changed ones as a new version.

`IncrementalPipeline` is the last item pipeline: it asks the state (scraper/runs/state.py) about each
record and either drops it (unchanged, or the same text already written under another URL) or sets
its `version`. `ArticleWriter` is an extension that, for every item that passed all pipelines,
appends the JSON line (when `scraper crawl` gave it a file) and then records the article in the
state in one transaction with the output offset: written-then-remembered, so a kill between the two
leaves a line the resumed run recovers, never an article remembered but missing from the output.
In a distributed crawl the line is written earlier, by the cluster claim stage in the same call as
the article's claim (pipelines/distributed.py), and item_scraped only remembers it.

Both are inert unless the STATE_DIR setting is set; `scraper crawl` sets it and registers them.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.http import Response

from scraper.record import only_fields
from scraper.runs.output import JsonlAppender
from scraper.runs.state import StateStore, article_key

logger = logging.getLogger(__name__)

# Keys of the spiders' `discovery` meta that date a listed entry, most telling first: sitemap lastmod,
# feed updated/published, Google News publication_date (nested under "news").
ENTRY_DATE_KEYS = ("lastmod", "updated", "modified", "published", "publication_date")


def store_for(crawler: Crawler) -> StateStore:
    """The crawl's one StateStore, shared by the pipeline, the writer and the middlewares."""
    store = getattr(crawler, "_incremental_store", None)
    if store is None:
        state_dir = crawler.settings.get("STATE_DIR")
        if not state_dir:
            raise NotConfigured("STATE_DIR is not set")
        if crawler.settings.get("REDIS_URL"):  # a distributed crawl: seen articles shared in Redis
            from scraper.cluster.state_redis import RedisStateStore

            store = RedisStateStore(state_dir, crawler.settings["REDIS_URL"], crawler.spidercls.name)
        else:
            store = StateStore(state_dir)
        crawler._incremental_store = store  # type: ignore[attr-defined]
    return store


def run_id_of(crawler: Crawler) -> int | None:
    value = crawler.settings.get("STATE_RUN_ID")
    return int(value) if value not in (None, "") else None


def entry_date(meta: dict[str, Any]) -> str | None:
    """The date a sitemap or feed gave for the entry this request came from, if any."""
    discovery = meta.get("discovery") or {}
    for source in (discovery, discovery.get("news") or {}):
        for key in ENTRY_DATE_KEYS:
            if source.get(key):
                return str(source[key])
    return None


class AlreadyWritten(DropItem):
    """Dropped because the state has it: `action` is unchanged, republished or duplicate_in_run."""

    not_a_failure = True  # nothing is lost: not listed in failures.jsonl (scraper/crawl/failures.py)

    def __init__(self, message: str, action: str, known_as: str | None) -> None:
        super().__init__(message, log_level="DEBUG")
        self.action = action
        self.known_as = known_as


class IncrementalPipeline:
    """Drop what the state says is already written unchanged; number the versions of the rest."""

    def __init__(self, crawler: Crawler) -> None:
        self.store = store_for(crawler)
        self.stats = crawler.stats
        self._written: set[str] = set()  # canonical URLs passed in this run, before the writer commits

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IncrementalPipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        record = adapter.asdict()
        key = article_key(record)
        if key is not None and key in self._written:
            self._count("duplicate_in_run")
            raise AlreadyWritten(f"incremental: {key} already written in this run", "duplicate_in_run", key)
        decision = self.store.decide(record)
        self._count(decision.action)
        if not decision.write:
            where = f" as {decision.known_as}" if decision.known_as and decision.known_as != key else ""
            message = f"incremental: {decision.action}, written before{where} (version {decision.version})"
            raise AlreadyWritten(message, decision.action, decision.known_as)
        if key is not None:
            self._written.add(key)
        adapter["version"] = decision.version
        return item

    def _count(self, action: str) -> None:
        assert self.stats is not None
        self.stats.inc_value(f"incremental/{action}")


class ArticleWriter:
    """Append each scraped article to STATE_OUTPUT (if set), then remember it in the state."""

    def __init__(self, crawler: Crawler) -> None:
        self.store = store_for(crawler)
        self.stats = crawler.stats
        self.run_id = run_id_of(crawler)
        output = crawler.settings.get("STATE_OUTPUT")
        self.appender = JsonlAppender(output) if output else None
        # Distributed: the claim stage writes each article in the same call as its claim (see
        # scraper/cluster/addon.py); item_scraped then only remembers it, at the offset kept here.
        self._written_at: dict[int, int] = {}  # id(item) -> where its line starts, until remembered
        if self.appender is not None and crawler.settings.get("REDIS_URL"):
            from scraper.cluster.addon import register_writer

            register_writer(crawler, self)
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(self.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(self.item_error, signal=signals.item_error)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArticleWriter:
        return cls(crawler)

    def position(self) -> tuple[Path, int]:
        assert self.appender is not None
        return self.appender.path, self.appender.size()

    def write_claimed(self, item: Any) -> None:
        assert self.appender is not None
        start = self.appender.size()
        self.appender.write(only_fields(ItemAdapter(item)))
        self._written_at[id(item)] = start

    def item_scraped(self, item: Any, response: Response | None = None) -> None:
        record = only_fields(ItemAdapter(item))
        offset: int | None
        if self._written_at.pop(id(item), None) is not None:
            offset = self._committed_offset()
        else:
            offset = self.appender.write(record) if self.appender is not None else None
        aliases = _request_urls(response)
        self.store.remember(record, self.run_id, _entry_date(response), aliases, offset)
        self._save_validators(response, aliases)
        assert self.stats is not None
        self.stats.inc_value("incremental/written")

    def item_dropped(self, item: Any, response: Response | None = None, exception: Any = None) -> None:
        """An article written before: tie this URL to it and refresh what lets the next run skip it."""
        if not isinstance(exception, AlreadyWritten) or not exception.known_as:
            return
        urls = _request_urls(response)
        self.store.alias(exception.known_as, [*urls, article_key(ItemAdapter(item).asdict())])
        if exception.action == "unchanged":
            self.store.note_source_date(exception.known_as, _entry_date(response))
            self._save_validators(response, urls)

    def _committed_offset(self) -> int:
        """How far every line is remembered: item_scraped may come in another order than the writes."""
        assert self.appender is not None
        return min(self._written_at.values(), default=self.appender.size())

    def item_error(self, item: Any, response: Response | None = None, failure: Any = None) -> None:
        if self._written_at.pop(id(item), None) is not None:  # written, then an error: it is out there
            record = only_fields(ItemAdapter(item))
            self.store.remember(record, self.run_id, committed_offset=self._committed_offset())
        assert self.stats is not None
        self.stats.inc_value("outcome/item_errors")

    def _save_validators(self, response: Response | None, urls: list[str]) -> None:
        if response is None or self.run_id is None:
            return
        etag = _header(response, b"ETag")
        last_modified = _header(response, b"Last-Modified")
        if etag or last_modified:
            for url in urls:
                self.store.save_validators(url, etag, last_modified, self.run_id)

    def spider_closed(self) -> None:
        if self.appender is not None:
            self.appender.close()
        self.store.close()


def _request_urls(response: Response | None) -> list[str]:
    """Every URL that led to this response: as listed, each redirect hop, and the final one."""
    if response is None:
        return []
    listed = list(response.meta.get("redirect_urls") or [])
    return list(dict.fromkeys([*listed, response.url]))


def _entry_date(response: Response | None) -> str | None:
    return entry_date(response.meta) if response is not None else None


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
