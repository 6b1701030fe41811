"""The cluster stage: an article is written by one worker only, whichever workers fetched its copies.

DedupePipeline remembers within one process; in a distributed crawl (REDIS_URL, added by the
`Cluster` add-on after every other stage) the same digests (canonical URL and content fingerprint,
from pipelines.stages) are claimed in Redis (scraper/cluster/claims.py): the first worker to claim any of
them writes the article, the others drop it as `dropped/duplicate_in_cluster`. A refetch is harmless:
a page requeued after its worker was killed, but already written by that worker, is dropped here.

The claim, the write and the confirmation are one call: the claim is pending (it names this worker's
part and the offset the line goes to) until the line is written. A worker killed in between leaves a
pending claim that the worker refetching the page settles by reading the dead worker's part, so a kill
loses nothing. -o/-O/FEEDS (Scrapy's feed exporter writes later, on item_scraped, so that guarantee
would not hold) are refused at start-up in cluster mode (scraper.cluster.addon.refuse_feeds); the
per-worker parts and `scraper crawl` have it. `scraper enqueue --new-round` clears the claims together
with the dupefilter.
"""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured

from pipelines.stages import Stage
from scraper.cluster.addon import writer_of
from scraper.cluster.claims import Claims, Outcome
from scraper.cluster.leases import worker_id
from scraper.crawl.items import PageItem
from scraper.record import dedupe_keys


class ClaimedByDeadWorker(DropItem):
    """A dead worker's pending claim on this article, whose part file cannot be read from here."""

    reason = "claimed_by_dead_worker"


class ClusterClaimPipeline(Stage):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        if not crawler.settings.get("REDIS_URL"):
            raise NotConfigured("REDIS_URL is not set")
        from scraper.cluster.connection import get_redis_from_settings

        self.server = get_redis_from_settings(crawler.settings)
        self.claims = Claims(self.server, crawler.spidercls.name, worker_id(), dedupe_keys)

    def process_item(self, item: Any) -> Any:
        if isinstance(item, PageItem):
            return item
        claims = self.claims
        digests = dedupe_keys(item)
        writer = writer_of(self.crawler)
        path, offset = writer.position() if writer is not None else (None, 0)
        before = (claims.settled_written, claims.taken_over)
        outcome = claims.claim(digests, path, offset)
        self._count_settled(claims, before)
        if outcome == Outcome.TAKEN:
            raise self.drop("dropped/duplicate_in_cluster",
                            f"Duplicate: written by another worker of this crawl: {item.get('url')}")
        if outcome == Outcome.UNVERIFIABLE:
            self.stats.inc_value(f"dropped/{ClaimedByDeadWorker.reason}")
            raise ClaimedByDeadWorker(
                f"Claimed by a dead worker whose part cannot be read here: {item.get('url')}",
                log_level="WARNING")
        if writer is not None:
            writer.write_claimed(item)  # an error leaves the claim pending: another worker settles it
            claims.written(digests)
        return item

    def _count_settled(self, claims: Claims, before: tuple[int, int]) -> None:
        written, taken_over = claims.settled_written - before[0], claims.taken_over - before[1]
        if written:
            self.stats.inc_value("cluster/dead_claims_found_written", written)
        if taken_over:
            self.stats.inc_value("cluster/dead_claims_taken_over", taken_over)
