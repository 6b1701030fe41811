"""Downloader guard: SSRF and scheme checks on every request and redirect, loops, decompression bombs.

Sits at 650, between the downloader and Scrapy's RedirectMiddleware (600) and
HttpCompressionMiddleware (590), so it judges a redirect's target and a compressed body before
they act, and records each refusal with its reason (see scraper/crawl/failures.py).
"""

from __future__ import annotations

import logging
from typing import Any, NoReturn
from urllib.parse import urljoin, urlsplit

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response
from scrapy.utils.defer import maybe_deferred_to_future

from scraper.crawl.failures import GuardRejected, record_failure
from scraper.safety import (
    TooLarge,
    address_block_reason,
    decompress,
    is_local_name,
    literal_address,
    parse_allow_list,
    url_block_reason,
)

logger = logging.getLogger(__name__)

COMPRESSED = frozenset({"gzip", "x-gzip", "deflate"})


class GuardMiddleware:
    """Refuse requests to non-HTTP schemes and to private/loopback/link-local addresses.

    SSRF_ALLOW_HOSTS lists host names, addresses or CIDR networks that may be private (a test
    site on 127.0.0.1, an intranet). Host names are resolved (through Scrapy's caching resolver)
    and every address they resolve to must be public or allowed.
    """

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        if not settings.getbool("GUARD_ENABLED", True):
            raise NotConfigured
        self.crawler = crawler
        self.allow = parse_allow_list(settings.getlist("SSRF_ALLOW_HOSTS"))
        self.max_redirects = settings.getint("REDIRECT_MAX_TIMES", 20)
        self.max_size = settings.getint("DOWNLOAD_MAXSIZE")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> GuardMiddleware:
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        reason = url_block_reason(request.url, self.allow)
        if reason is None:
            reason = await self._resolved_block_reason(request.url)
        if reason:
            self.reject(request, request.url, reason, None)

    def process_response(self, request: Request, response: Response) -> Response:
        if 300 <= response.status < 400 and "Location" in response.headers:
            self._check_redirect(request, response)
        encoding = (response.headers.get("Content-Encoding") or b"").decode("latin-1").strip().lower()
        if encoding in COMPRESSED and request.method != "HEAD":
            self._check_compressed(request, response, encoding)
        return response

    def _check_redirect(self, request: Request, response: Response) -> None:
        location = (response.headers.get("Location") or b"").decode("latin-1").strip()
        if location.startswith("//"):
            location = f"{urlsplit(request.url).scheme}:{location}"
        try:
            target = urljoin(request.url, location)
        except ValueError:
            self.reject(request, request.url, "malformed_redirect", response.status, location)
        reason = url_block_reason(target, self.allow)
        if reason:
            self.reject(request, request.url, f"redirect_{reason}", response.status, target)
        seen = [_without_fragment(url) for url in (*request.meta.get("redirect_urls", []), request.url)]
        # Twice seen, not once: A -> A (to set a cookie) -> A is a common, legitimate dance.
        if seen.count(_without_fragment(target)) >= 2:
            self.reject(request, seen[0], "redirect_loop", response.status, target)
        if request.meta.get("redirect_times", 0) >= self.max_redirects:
            self.reject(request, seen[0], "too_many_redirects", response.status, target)

    def _check_compressed(self, request: Request, response: Response, encoding: str) -> None:
        max_size = request.meta.get("download_maxsize", self.max_size)
        if not max_size or len(response.body) * 1032 <= max_size:
            return  # too small to inflate past the limit: deflate's ratio is at most ~1032:1
        try:
            decompress(response.body, encoding, max_size)
        except TooLarge as exc:
            self.reject(request, request.url, exc.reason, response.status, str(exc))
        except Exception:  # noqa: BLE001 - broken streams are HttpCompressionMiddleware's to report
            return

    async def _resolved_block_reason(self, url: str) -> str | None:
        """DNS check for host names: every address the name resolves to must be allowed."""
        host = urlsplit(url).hostname or ""
        if literal_address(host) is not None or is_local_name(host) or self.allow.allows_host(host):
            return None
        from twisted.internet import reactor

        try:
            address: Any = await maybe_deferred_to_future(reactor.resolve(host))  # type: ignore[arg-type]
        except Exception:  # noqa: BLE001 - unresolvable: the download fails and is recorded as such
            return None
        return address_block_reason(host, [str(address)], self.allow)

    def reject(
        self, request: Request, url: str, reason: str, status: int | None, target: str = ""
    ) -> NoReturn:
        """Record the refusal and stop the request."""
        detail = f"{reason}: {target or request.url}"
        logger.warning("Refused %s (%s)", url, detail)
        record_failure(self.crawler, url, reason, status, detail)
        raise GuardRejected(f"Refused by guard: {detail}", reason)


def _without_fragment(url: str) -> str:
    return url.split("#", 1)[0]
