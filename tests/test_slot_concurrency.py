"""A real crawl against 127.0.0.1: a site never has more requests at once than
CONCURRENT_REQUESTS_PER_DOMAIN, even when all its URLs are queued together and no delay spaces them."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.crawling import scrapy_crawl
from tests.fault_server import FaultHandler, Reply, article, fault_server, html

PAGES = 12


class InFlight:
    """Counts the requests the server is answering at once, and the most it ever saw."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now = 0
        self.most = 0

    def slow_page(self, n: int, seconds: float = 0.3) -> Callable[[FaultHandler], Reply]:
        def handler(h: FaultHandler) -> Reply:
            with self.lock:
                self.now += 1
                self.most = max(self.most, self.now)
            time.sleep(seconds)
            with self.lock:
                self.now -= 1
            return html(article(n))

        return handler


@pytest.mark.parametrize("per_domain", [1, 3])
def test_a_burst_of_queued_urls_keeps_the_domains_limit(tmp_path: Path, per_domain: int) -> None:
    flight = InFlight()
    routes = {f"/page/{n}.html": flight.slow_page(n) for n in range(PAGES)}
    with fault_server(routes) as server:
        urls = ",".join(server.base + path for path in routes)
        result = scrapy_crawl(
            "urls", {"urls": urls}, tmp_path / "out.jsonl",
            "EXTRACT_WORKERS=0", "ROBOTSTXT_OBEY=False", "DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=False",
            "CONCURRENT_REQUESTS=100", f"CONCURRENT_REQUESTS_PER_DOMAIN={per_domain}",
        )
    assert result.returncode == 0, result.stderr[-2000:]
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == PAGES
    assert flight.most == per_domain  # reached, never passed
