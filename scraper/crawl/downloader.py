"""Scrapy's downloader with a domain's concurrency limit that holds in a burst.

Scrapy (2.18, 2.19) starts a download as a task and marks it transferring only when the task first
runs, so when several requests are queued in a slot with no delay (DOWNLOAD_DELAY=0 and AutoThrottle
off, or the crawl's first moments) one pass over the queue sends them all at once, past
CONCURRENT_REQUESTS_PER_DOMAIN. A site then sees a burst, and the backoff hears of an overload only
after the burst went out. Here a request counts as transferring from the moment it leaves the queue.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from typing import Any

from scrapy.core.downloader import Downloader


class SlotLimitDownloader(Downloader):
    """Claims the transfer slot when a request is taken from the queue, not when its task starts."""

    def _process_queue(self, slot: Any) -> None:
        queue = slot.queue
        if not isinstance(queue, ClaimingQueue):
            slot.queue = ClaimingQueue(queue, slot.transferring)
        super()._process_queue(slot)


class ClaimingQueue(deque[Any]):
    """A slot's queue whose `popleft` counts the request as transferring at once (the download adds
    it again when it starts, a no-op on a set, and removes it when it ends)."""

    def __init__(self, items: Iterable[Any], transferring: set[Any]) -> None:
        super().__init__(items)
        self.transferring = transferring

    def popleft(self) -> Any:
        request, deferred = super().popleft()
        self.transferring.add(request)
        return request, deferred
