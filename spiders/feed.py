"""`scrapy crawl feed -a feeds=URL,URL [-a since=2d]`: the pages an RSS or Atom feed links to."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from scraper.crawl.failures import record_failure
from scraper.safety import UnsafeXML
from spiders.arguments import require, split_urls
from spiders.base import NewsSpider
from spiders.feed_entries import FeedEntry, parse_feed

logger = logging.getLogger(__name__)


class FeedSpider(NewsSpider):
    name = "feed"
    arguments = ("feeds", "since")
    uses_frontier = True

    def configure(self, args: dict[str, str]) -> None:
        self.feed_urls = require(
            split_urls(args.get("feeds"), "feeds"), "give one or more feeds: -a feeds=URL,URL (RSS or Atom)"
        )
        self.configure_since(args)

    def starting_requests(self) -> Iterator[scrapy.Request]:
        for url in self.feed_urls:
            yield from self.found_listing(url)

    def listing_request(self, url: str, discovery: dict[str, Any] | None = None) -> scrapy.Request:
        return self.request(url, self.parse_feed, discovery)

    def discovery_of(self, entry: Any, found_on: str | None) -> dict[str, Any]:
        return entry_discovery(entry, found_on or "")

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        self.listing_read()
        try:
            entries = parse_feed(response.body, response.url)
        except UnsafeXML as exc:  # entity bombs, XXE
            entries = None
            record_failure(self.crawler, response.url, exc.reason, response.status, str(exc))
        else:
            if entries is None:
                record_failure(self.crawler, response.url, "bad_feed", response.status)
        if entries is None:
            self.count("skipped/bad_feed")
            logger.warning("Skipped %s: not an RSS or Atom feed", response.url)
            return
        for entry in entries:
            if self.is_older(entry.published, entry.updated):
                self.count("skipped/older_than_since")
                continue
            yield from self.found_page(entry.link, response.url, entry)


def entry_discovery(entry: FeedEntry, feed_url: str) -> dict[str, Any]:
    """What the feed says about a page: its dates and title, where present."""
    found: dict[str, Any] = {"found_on": feed_url}
    for key in ("published", "updated", "title"):
        value = getattr(entry, key)
        if value:
            found[key] = value
    return found
