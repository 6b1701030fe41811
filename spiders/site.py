"""`scrapy crawl site -a start=URL [-a allow=REGEX] [-a max_pages=N]`: a whole site from one page.

Follows links within the start URL's domain (subdomains included); `allow` restricts which links are
followed; every HTML page goes to the pipelines, which keep the ones that are articles.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit

from scrapy.http import Response, TextResponse
from scrapy.linkextractors import LinkExtractor
from w3lib.url import canonicalize_url

from scraper.compact_set import CompactSet, digest64
from scraper.crawl.items import PageItem
from spiders.arguments import SpiderArgumentError, check_url, compile_allow, parse_positive_int
from spiders.base import NewsSpider


class SiteSpider(NewsSpider):
    name = "site"
    arguments = ("start", "allow", "max_pages")

    def configure(self, args: dict[str, str]) -> None:
        if not args.get("start", "").strip():
            raise SpiderArgumentError("give the page to start from: -a start=URL")
        self.start_url = check_url(args["start"].strip(), "start")
        self.allow = compile_allow(args.get("allow"))
        self.max_pages = parse_positive_int(args.get("max_pages"), "max_pages")
        self.domain = site_domain(self.start_url)
        self.allowed_domains = [self.domain]  # Scrapy's offsite filter also catches redirects away
        self.links = LinkExtractor(unique=True)
        # Pages already requested: max_pages counts distinct pages, not every link to them.
        self.requested = CompactSet()

    async def start(self) -> AsyncIterator[Any]:
        self.requested.add(page_key(self.start_url))
        yield self.request(self.start_url, self.parse_site)

    def parse_site(self, response: Response) -> Iterator[Any]:
        page = self.page_item(response)
        if page is None or not isinstance(response, TextResponse):
            return
        yield page
        yield from self.follow_links(response, page)

    def follow_links(self, response: TextResponse, page: PageItem) -> Iterator[Any]:
        for link in self.links.extract_links(response):
            if not self.should_follow(link.url) or page_key(link.url) in self.requested:
                continue
            if self.max_pages is not None and len(self.requested) >= self.max_pages:
                self.count("skipped/max_pages")
                return
            self.requested.add(page_key(link.url))
            yield self.request(link.url, self.parse_site, {"found_on": page.url})

    def should_follow(self, url: str) -> bool:
        """Within the start URL's domain and, when given, matching `allow`."""
        host = (urlsplit(url).hostname or "").lower()
        if host != self.domain and not host.endswith("." + self.domain):
            return False
        return self.allow is None or self.allow.search(url) is not None


def page_key(url: str) -> int:
    """A compact key for a page URL, equal for the spellings Scrapy's duplicate filter treats as one."""
    return digest64(canonicalize_url(url))


def site_domain(url: str) -> str:
    """The host the crawl stays within: the start URL's host without a leading 'www.'."""
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host
