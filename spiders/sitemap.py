"""`scrapy crawl sitemap -a sitemap=URL [-a since=2d]`: pages in sitemaps (index, news, .gz, robots.txt)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response
from scrapy.utils.sitemap import sitemap_urls_from_robots

from spiders.arguments import require, split_urls
from spiders.base import NewsSpider
from spiders.failures import record_failure
from spiders.sitemap_entries import SitemapEntry, maybe_gunzip, parse_sitemap

logger = logging.getLogger(__name__)


class SitemapSpider(NewsSpider):
    name = "sitemap"
    arguments = ("sitemap", "since")

    def configure(self, args: dict[str, str]) -> None:
        self.sitemap_urls = require(
            split_urls(args.get("sitemap"), "sitemap"),
            "give a sitemap: -a sitemap=URL (a sitemap, a sitemap index, a .xml.gz or a robots.txt)",
        )
        self.configure_since(args)

    async def start(self) -> AsyncIterator[Any]:
        for url in self.sitemap_urls:
            yield self.sitemap_request(url)

    def sitemap_request(self, url: str, discovery: dict[str, Any] | None = None) -> scrapy.Request:
        if urlsplit(url).path.endswith("/robots.txt"):
            return self.request(url, self.parse_robots, discovery)
        return self.request(url, self.parse_sitemap, discovery)

    def parse_robots(self, response: Response) -> Iterator[scrapy.Request]:
        urls = sitemap_urls_from_robots(response.text, base_url=response.url)
        for url in urls:
            yield self.request(url, self.parse_sitemap, {"found_on": response.url})

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
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
                yield self.sitemap_request(entry.loc, {"found_on": response.url, "lastmod": entry.lastmod})
            else:
                yield self.page_request(entry.loc, entry_discovery(entry, response.url))


def entry_discovery(entry: SitemapEntry, sitemap_url: str) -> dict[str, Any]:
    """What the sitemap says about a page: lastmod and the Google News fields, where present."""
    found: dict[str, Any] = {"found_on": sitemap_url}
    if entry.lastmod:
        found["lastmod"] = entry.lastmod
    if entry.news:
        found["news"] = dict(entry.news)
    return found
