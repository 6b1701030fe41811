"""Test extension: the most requests Scrapy's scheduler held at once, as the stat `probe/max_scheduled`.

Measured from outside the spider (spiders/frontier.py keeps its own `frontier/max_pending`), on
every request Scrapy schedules: `request_scheduled` comes before the request is queued, so the queue
holds at most one more afterwards.
"""

from __future__ import annotations

from scrapy import Request, signals
from scrapy.crawler import Crawler


class SchedulerProbe:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        crawler.signals.connect(self.request_scheduled, signal=signals.request_scheduled)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SchedulerProbe:
        return cls(crawler)

    def request_scheduled(self, request: Request) -> None:
        engine, stats = self.crawler.engine, self.crawler.stats
        if engine is None or stats is None or engine.scheduler is None:
            return
        stats.max_value("probe/max_scheduled", len(engine.scheduler) + 1)  # type: ignore[arg-type]
