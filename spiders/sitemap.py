"""`scrapy crawl sitemap -a sitemap=URL [-a since=2d]`: pages in sitemaps (index, news, .gz, robots.txt)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response
from scrapy.utils.sitemap import sitemap_urls_from_robots

from scraper.crawl.failures import record_failure
from spiders.arguments import require, split_urls
from spiders.base import NewsSpider
from spiders.sitemap_entries import SitemapEntry, maybe_gunzip, parse_sitemap

logger = logging.getLogger(__name__)


class SitemapSpider(NewsSpider):
    name = "sitemap"
    arguments = ("sitemap", "since")
    uses_frontier = True

    def configure(self, args: dict[str, str]) -> None:
        self.sitemap_urls = require(
            split_urls(args.get("sitemap"), "sitemap"),
            "give a sitemap: -a sitemap=URL (a sitemap, a sitemap index, a .xml.gz or a robots.txt)",
        )
        self.configure_since(args)

    def starting_requests(self) -> Iterator[scrapy.Request]:
        for url in self.sitemap_urls:
            yield from self.found_listing(url)

    def sitemap_request(self, url: str, discovery: dict[str, Any] | None = None) -> scrapy.Request:
        if urlsplit(url).path.endswith("/robots.txt"):
            return self.request(url, self.parse_robots, discovery)
        return self.request(url, self.parse_sitemap, discovery)

    listing_request = sitemap_request

    def discovery_of(self, entry: Any, found_on: str | None) -> dict[str, Any]:
        return entry_discovery(entry, found_on or "")

    def parse_robots(self, response: Response) -> Iterator[scrapy.Request]:
        self.listing_read()
        urls = sitemap_urls_from_robots(response.text, base_url=response.url)
        for url in urls:
            yield from self.found_listing(url, {"found_on": response.url})

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        self.listing_read()
        try:
            data = maybe_gunzip(response.body, self.settings.getint("DOWNLOAD_MAXSIZE"))
            sitemap = parse_sitemap(data)
        except ValueError as exc:  # including scraper.safety.UnsafeXML (entity bombs, XXE)
            self.count("skipped/bad_sitemap")
            reason = getattr(exc, "reason", "bad_sitemap")
            record_failure(self.crawler, response.url, reason, response.status, str(exc))
            logger.warning("Skipped sitemap %s: %s", response.url, exc)
            return
        if sitemap.kind == "unknown":
            self.count("skipped/bad_sitemap")
            record_failure(self.crawler, response.url, "bad_sitemap", response.status)
            logger.warning("Skipped %s: not a sitemap", response.url)
            return
        for entry in sitemap.entries:
            if self.is_older(entry.news.get("publication_date"), entry.lastmod):
                self.count("skipped/older_than_since")
                continue
            if sitemap.kind == "sitemapindex":
                yield from self.found_listing(entry.loc, {"found_on": response.url, "lastmod": entry.lastmod})
            else:
                yield from self.found_page(entry.loc, response.url, entry)


def entry_discovery(entry: SitemapEntry, sitemap_url: str) -> dict[str, Any]:
    """What the sitemap says about a page: lastmod and the Google News fields, where present."""
    found: dict[str, Any] = {"found_on": sitemap_url}
    if entry.lastmod:
        found["lastmod"] = entry.lastmod
    if entry.news:
        found["news"] = dict(entry.news)
    return found
