"""Leases on the shared request queue: what a worker popped stays in Redis until the worker is done with it.

scrapy-redis pops a request out of the shared queue and forgets it: a worker killed with SIGKILL
takes its in-flight requests with it, and the shared dupefilter keeps anyone from requesting those
pages again. Here a pop moves the request, in one Lua script, into the worker's lease hash; the
worker deletes the lease (acks) once Scrapy has dropped the request (downloaded, scraped, its items
written). Each worker keeps a heartbeat key with a time to live; any worker that finds a leased
worker without a heartbeat puts that worker's leases back into the queue (and its leased start URLs
back into the start list). No Scrapy here: plain redis-py.
"""

from __future__ import annotations

import os
import socket
import uuid
from typing import Any

# KEYS: queue (sorted set), leases (hash), workers (set). ARGV: token, worker id.
# Pops the best request like scrapy-redis's PriorityQueue and keeps it as "<score> <data>".
_POP = """
local item = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #item == 0 then return false end
redis.call('ZREM', KEYS[1], item[1])
redis.call('HSET', KEYS[2], ARGV[1], item[2] .. ' ' .. item[1])
redis.call('SADD', KEYS[3], ARGV[2])
return item[1]
"""

# KEYS: start list, start leases (list), workers (set). ARGV: batch size, worker id.
_POP_STARTS = """
local items = redis.call('LRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1)
if #items == 0 then return items end
redis.call('LTRIM', KEYS[1], #items, -1)
redis.call('RPUSH', KEYS[2], unpack(items))
redis.call('SADD', KEYS[3], ARGV[2])
return items
"""

# KEYS: queue, leases, start list, start leases, workers, heartbeat. ARGV: worker id, force (1/0).
# Requeues a worker's leases unless it is alive (force: a worker releasing its own on a clean stop).
_REQUEUE = """
if ARGV[2] ~= '1' and redis.call('EXISTS', KEYS[6]) == 1 then return -1 end
local leased = redis.call('HVALS', KEYS[2])
for _, value in ipairs(leased) do
  local space = string.find(value, ' ', 1, true)
  redis.call('ZADD', KEYS[1], string.sub(value, 1, space - 1), string.sub(value, space + 1))
end
local starts = redis.call('LRANGE', KEYS[4], 0, -1)
if #starts > 0 then redis.call('RPUSH', KEYS[3], unpack(starts)) end
redis.call('DEL', KEYS[2], KEYS[4])
redis.call('SREM', KEYS[5], ARGV[1])
return #leased + #starts
"""


def cluster_keys(spider: str) -> dict[str, str]:
    """A spider's Redis keys with the default settings (scrapy-redis's names, plus ours)."""
    return {
        "start_urls": f"{spider}:start_urls",  # pushed start URLs (REDIS_START_URLS_KEY)
        "requests": f"{spider}:requests",  # the shared request queue (SCHEDULER_QUEUE_KEY)
        "dupefilter": f"{spider}:dupefilter",  # fingerprints of every request ever queued
        "claims": f"{spider}:claims",  # who writes which article (scraper/cluster/claims.py)
        "workers": f"{spider}:workers",  # workers that hold or held leases
    }


def worker_keys(spider: str, worker: str) -> tuple[str, str, str]:
    """A worker's lease hash, start-lease list and heartbeat key."""
    base = f"{spider}:worker:{worker}"
    return f"{base}:leases", f"{base}:starts", f"{base}:alive"


def worker_id() -> str:
    """This process as a worker: host name and process id (also in its output file's name)."""
    host = socket.gethostname().split(".", 1)[0] or "host"
    return f"{host}-{os.getpid()}"


class Leases:
    """One worker's leases on one spider's shared queue (`<spider>:requests`) and start list."""

    def __init__(self, server: Any, spider: str, queue_key: str, start_key: str, worker: str,
                 ttl: int = 60) -> None:
        self.server = server
        self.worker = worker
        self.ttl = max(1, int(ttl))
        self.queue_key = queue_key
        self.start_key = start_key
        self.spider = spider
        self.workers_key = cluster_keys(spider)["workers"]
        self._pop = server.register_script(_POP)
        self._pop_starts = server.register_script(_POP_STARTS)
        self._requeue = server.register_script(_REQUEUE)

    def keys_of(self, worker: str) -> tuple[str, str, str]:
        return worker_keys(self.spider, worker)

    def beat(self) -> None:
        """Tell the others this worker is alive for the next `ttl` seconds."""
        self.server.set(self.keys_of(self.worker)[2], "1", ex=self.ttl)

    def pop(self) -> tuple[str, bytes] | None:
        """The best queued request's data, now leased under a new token; None when the queue is empty."""
        token = uuid.uuid4().hex
        leases = self.keys_of(self.worker)[0]
        data = self._pop(keys=[self.queue_key, leases, self.workers_key], args=[token, self.worker])
        return (token, data) if data is not None else None

    def ack(self, tokens: list[str]) -> None:
        if tokens:
            self.server.hdel(self.keys_of(self.worker)[0], *tokens)

    def ack_all(self) -> None:
        """Drop every lease of this worker (when it knows none of its requests is in flight)."""
        self.server.delete(self.keys_of(self.worker)[0])

    def pop_starts(self, count: int) -> list[bytes]:
        """Up to count start URLs, leased until `starts_done` (they are queued as requests by then)."""
        starts = self.keys_of(self.worker)[1]
        return list(self._pop_starts(keys=[self.start_key, starts, self.workers_key],
                                     args=[count, self.worker]))

    def starts_done(self) -> None:
        self.server.delete(self.keys_of(self.worker)[1])

    def requeue(self, worker: str, force: bool = False) -> int:
        """Put a dead (or, with force, this) worker's leases back; -1 when the worker is alive."""
        leases, starts, alive = self.keys_of(worker)
        keys = [self.queue_key, leases, self.start_key, starts, self.workers_key, alive]
        return int(self._requeue(keys=keys, args=[worker, "1" if force else "0"]))

    def reap(self) -> int:
        """Requeue the leases of every worker whose heartbeat has expired; how many came back."""
        found = 0
        for raw in self.server.smembers(self.workers_key):
            worker = raw.decode() if isinstance(raw, bytes) else str(raw)
            if worker != self.worker:
                found += max(0, self.requeue(worker))
        return found

    def leased_elsewhere(self) -> int:
        """Requests and start URLs other (live) workers hold: more work may still come from them."""
        held = 0
        for raw in self.server.smembers(self.workers_key):
            worker = raw.decode() if isinstance(raw, bytes) else str(raw)
            if worker != self.worker:
                leases, starts, _ = self.keys_of(worker)
                held += int(self.server.hlen(leases)) + int(self.server.llen(starts))
        return held

    def leased_here(self) -> int:
        return int(self.server.hlen(self.keys_of(self.worker)[0]))

    def stop(self) -> int:
        """On a clean stop: give back what this worker still holds and drop its heartbeat."""
        returned = self.requeue(self.worker, force=True)
        self.server.delete(self.keys_of(self.worker)[2])
        return returned
