"""The cluster stage: an article is written by one worker only, whichever workers fetched its copies.

DedupePipeline remembers within one process; in a distributed crawl (REDIS_URL, added by the
`Cluster` add-on after every other stage) the same digests (canonical URL and content fingerprint,
from pipelines.stages) are claimed in one Redis set per spider, `<spider>:articles`, in one atomic
step: the first worker to claim any of them writes the article, the others drop it as
`dropped/duplicate_in_cluster`. This also makes a refetch harmless: a page requeued after its worker
was killed, but already written by that worker, is dropped here.

The claim comes just before the write, in the same call (the `article_claimed` signal, which the
worker's PartWriter handles synchronously). A kill -9 between the two, while the worker waits for
Redis to answer the claim, still loses that article: no other worker writes what is claimed. It is
counted where the page is refetched (`dropped/duplicate_in_cluster`, and in failures.jsonl). Closing
the window needs pending claims that a reaper confirms against the dead worker's part file.
`scraper enqueue --new-round` clears the set together with the dupefilter.
"""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from pipelines.stages import Stage, dedupe_keys
from scraper.items import PageItem
from spiders.distributed import article_claimed

CLAIMS_KEY = "%(spider)s:articles"

# KEYS: the claims set. ARGV: the article's digests. 1 when claimed now, 0 when any was claimed before.
_CLAIM = """
for _, key in ipairs(ARGV) do
  if redis.call('SISMEMBER', KEYS[1], key) == 1 then return 0 end
end
redis.call('SADD', KEYS[1], unpack(ARGV))
return 1
"""


class ClusterClaimPipeline(Stage):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        url = crawler.settings.get("REDIS_URL")
        if not url:
            raise NotConfigured("REDIS_URL is not set")
        from scrapy_redis.connection import get_redis_from_settings

        self.server = get_redis_from_settings(crawler.settings)
        self.claim = self.server.register_script(_CLAIM)

    def process_item(self, item: Any) -> Any:
        if isinstance(item, PageItem):
            return item
        keys = dedupe_keys(item)
        claims = CLAIMS_KEY % {"spider": getattr(self.crawler.spider, "name", "")}
        if keys and not self.claim(keys=[claims], args=keys):
            message = f"Written by another worker of this crawl: {item.get('url')}"
            raise self.drop("dropped/duplicate_in_cluster", message)
        # Written now: item_scraped handlers run a loop turn later, and a kill then would lose the article.
        self.crawler.signals.send_catch_log(signal=article_claimed, item=item)
        return item
