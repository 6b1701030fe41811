"""scrapy-redis's scheduler with leases: a SIGKILLed worker's in-flight requests go back to the queue.

Set as SCHEDULER by the `Cluster` add-on (scraper/cluster/addon.py) when REDIS_URL is set; imports
scrapy-redis, so only loaded then. What it adds to scrapy_redis.scheduler.Scheduler:

- pops lease the request (scraper/cluster/leases.py); the lease is acked once Scrapy has let go of the
  request object (downloaded, scraped, items written: the engine holds it until then; a retry or a
  redirect is a new request, pushed to the queue before the old one is released);
- start URLs pushed to `<spider>:start_urls` are turned into requests whenever the queue runs dry,
  under a lease too, so a kill between the pop and the push loses none;
- a heartbeat every second (CLUSTER_POLL_INTERVAL), the leases of workers whose heartbeat is older
  than CLUSTER_HEARTBEAT_TTL are requeued, and an idle worker wakes up when work appears;
- the idle rule of scrapy-redis (MAX_IDLE_TIME_BEFORE_CLOSE) counts the whole cluster: a worker does
  not stop while the queue, the start list or another worker's leases still hold work.
"""

from __future__ import annotations

import gc
import logging
import time
import weakref
from typing import Any

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy_redis.scheduler import Scheduler
from twisted.internet.task import LoopingCall

from scraper.cluster.addon import request_from_data
from scraper.cluster.leases import Leases, worker_id

logger = logging.getLogger(__name__)

DEFAULT_HEARTBEAT_TTL = 60  # seconds a worker may go silent before its leases are requeued
DEFAULT_POLL_INTERVAL = 1.0  # seconds between heartbeats, requeue checks and looks at the queue
START_KEY = "%(name)s:start_urls"  # scrapy-redis's REDIS_START_URLS_KEY default


class LeasingScheduler(Scheduler):
    crawler: Crawler
    leases: Leases

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LeasingScheduler:
        scheduler = super().from_crawler(crawler)
        scheduler.crawler = crawler
        return scheduler

    def open(self, spider: Spider) -> None:
        super().open(spider)
        settings = self.crawler.settings
        self.ttl = settings.getint("CLUSTER_HEARTBEAT_TTL", DEFAULT_HEARTBEAT_TTL)
        self.max_idle = settings.getint("MAX_IDLE_TIME_BEFORE_CLOSE", 0)
        self.batch = settings.getint("REDIS_START_URLS_BATCH_SIZE") or settings.getint("CONCURRENT_REQUESTS")
        start_key = str(settings.get("REDIS_START_URLS_KEY") or START_KEY) % {"name": spider.name}
        self.leases = Leases(self.server, spider.name, self.queue.key, start_key, worker_id(), self.ttl)
        self.done: list[str] = []  # tokens of requests Scrapy has released, acked in batches
        self.last_work = time.monotonic()
        self.leases.beat()
        self.requeue_dead()
        self.heartbeat = LoopingCall(self.tick)
        poll = settings.getfloat("CLUSTER_POLL_INTERVAL", DEFAULT_POLL_INTERVAL)
        self.heartbeat.start(max(0.1, min(poll, self.ttl / 3)), now=False)
        self.crawler.signals.connect(self.spider_idle, signal=signals.spider_idle)
        logger.info("Worker %s on the shared queue %s (heartbeat TTL %ss)",
                    worker_id(), self.queue.key, self.ttl)

    def close(self, reason: str) -> None:
        if self.heartbeat.running:
            self.heartbeat.stop()
        gc.collect()  # release finished requests caught in reference cycles, so their leases are acked
        self.ack_done()
        returned = self.leases.stop()
        if returned:
            logger.info("Gave %d unfinished requests back to the shared queue", returned)
        super().close(reason)

    def enqueue_request(self, request: Request) -> bool:
        """scrapy-redis's, minus its deprecated stats call: filter through the shared dupefilter, push."""
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        self.queue.push(request)
        return True

    def next_request(self) -> Request | None:
        self.ack_done()
        leased = self.leases.pop()
        if leased is None and self.queue_start_urls():
            leased = self.leases.pop()
        if leased is None:
            return None
        token, data = leased
        request = self.queue._decode_request(data)
        # The engine holds the request until its response is scraped and the items are written.
        weakref.finalize(request, self.done.append, token)
        self.last_work = time.monotonic()
        if self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def queue_start_urls(self) -> bool:
        """Turn a batch of pushed start URLs into queued requests; False when there were none."""
        pushed = self.leases.pop_starts(self.batch)
        for data in pushed:
            request = request_from_data(self.spider, data)
            if request is not None:
                self.enqueue_request(request)
            elif self.stats:
                self.stats.inc_value("cluster/bad_start_url")
        self.leases.starts_done()  # every request is in the shared queue by now
        return bool(pushed)

    def ack_done(self) -> None:
        # The same list object throughout: the finalizers of requests already handed out append to it.
        done = self.done[:]
        del self.done[: len(done)]
        self.leases.ack(done)

    def requeue_dead(self) -> int:
        returned = self.leases.reap()
        if returned:
            logger.warning("Requeued %d requests leased by workers that stopped answering", returned)
            if self.stats:
                self.stats.inc_value("cluster/requeued", returned)
        return returned

    def tick(self) -> None:
        try:
            self.leases.beat()
            self.ack_done()
            self.requeue_dead()
            if len(self.queue) or self.server.llen(self.leases.start_key):
                self.wake_engine()
        except Exception:  # a Redis hiccup must not stop the heartbeat loop for good
            logger.exception("Cluster heartbeat failed; retrying at the next tick")

    def wake_engine(self) -> None:
        """Have an idle engine ask for requests now rather than at its next 5-second heartbeat."""
        slot = getattr(self.crawler.engine, "_slot", None)  # Scrapy internals: degrade to the heartbeat
        nextcall = getattr(slot, "nextcall", None)
        if nextcall is not None:
            nextcall.schedule()

    def work_left(self) -> bool:
        """Anything queued, pushed or held by another worker anywhere in the cluster."""
        return bool(
            self.requeue_dead() or len(self.queue) or self.server.llen(self.leases.start_key)
            or self.leases.leased_elsewhere()
        )

    def spider_idle(self, spider: Spider) -> Any:
        """scrapy-redis's rule, cluster-wide: wait for work, close after MAX_IDLE_TIME_BEFORE_CLOSE idle."""
        # Idle: nothing this worker popped is in flight. A request that ended in an exception (a 304,
        # a robots.txt refusal) lingers in a reference cycle, its lease unacked until a garbage
        # collection an idle process may never run, and every other worker would wait for it forever.
        self.done.clear()
        self.leases.ack_all()
        if self.work_left():
            self.last_work = time.monotonic()
        if self.max_idle > 0 and time.monotonic() - self.last_work >= self.max_idle:
            logger.info("No work for %ss anywhere in the cluster: closing", self.max_idle)
            return None
        raise DontCloseSpider
