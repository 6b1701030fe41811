"""`scrapy crawl urls -a urls=URL,URL` or `-a url_file=PATH`: fetch exactly the pages given."""

from __future__ import annotations

from collections.abc import Iterator

import scrapy

from spiders.arguments import read_url_file, require, split_urls
from spiders.base import NewsSpider


class UrlsSpider(NewsSpider):
    name = "urls"
    arguments = ("urls", "url_file")
    uses_frontier = True

    def configure(self, args: dict[str, str]) -> None:
        urls = split_urls(args.get("urls"), "urls")
        if args.get("url_file"):
            urls += read_url_file(args["url_file"])
        self.page_urls = require(urls, "give the pages to fetch: -a urls=URL,URL or -a url_file=PATH")

    def starting_requests(self) -> Iterator[scrapy.Request]:
        for url in self.page_urls:
            yield from self.found_page(url)
