"""The guarded DNS resolver (scraper/crawl/resolver.py): the connection's own lookup refuses private
addresses.

GuardMiddleware is switched off here, so nothing but the resolver stands between the crawl and a name
that resolves to loopback: the check holds where the connection is made, not only before it.
"""

from __future__ import annotations

import json
from pathlib import Path

from scraper.demo_server import SiteServer
from scraper.settings import DOWNLOADER_MIDDLEWARES
from tests.crawling import scrapy_crawl

# The project's downloader middlewares without GuardMiddleware.
NO_MIDDLEWARE = json.dumps(
    {name: order for name, order in DOWNLOADER_MIDDLEWARES.items()
     if not name.startswith("scraper.crawl.guards.")}
)


def crawl_by_name(site: SiteServer, tmp_path: Path, *settings: str) -> str:
    """Crawl the demo site's index as http://localhost:PORT/ without the guard middleware; the log."""
    port = site.base_url.rsplit(":", 1)[1]
    result = scrapy_crawl("urls", {"urls": f"http://localhost:{port}/index.html"}, tmp_path / "out.jsonl",
                          f"DOWNLOADER_MIDDLEWARES={NO_MIDDLEWARE}", "RETRY_TIMES=0", *settings)
    return result.stderr


def test_a_name_resolving_to_loopback_is_never_connected(demo_site: SiteServer, tmp_path: Path) -> None:
    log = crawl_by_name(demo_site, tmp_path)
    assert "Refused to connect to localhost: it resolves to the private address 127.0.0.1" in log
    assert demo_site.requests == [], "the resolver let the connection through"
    failures = [json.loads(line) for path in (tmp_path / "output").glob("*.failures.jsonl")
                for line in path.read_text("utf-8").splitlines()]
    assert {(f["url"].rsplit("/", 1)[1], f["reason"]) for f in failures} == {("index.html", "dns_error")}


def test_an_allowed_name_is_connected(demo_site: SiteServer, tmp_path: Path) -> None:
    crawl_by_name(demo_site, tmp_path, "SSRF_ALLOW_HOSTS=localhost")
    assert "/index.html" in demo_site.requests
