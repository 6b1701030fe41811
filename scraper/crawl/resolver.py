"""The DNS resolver of every crawl: Scrapy's caching resolver that never hands out a forbidden address.

GuardMiddleware (scraper/crawl/guards.py) checks a request's host before it is sent, but the connection
resolves the name again. Scrapy's DNS cache usually returns the same address, yet a name that
answers a public address to the check and a private one to the connection (DNS rebinding), or a
crawl with DNSCACHE_ENABLED=False, would slip through. Here the resolver the connection itself uses
applies the same rule (scraper.safety.address_block_reason, SSRF_ALLOW_HOSTS), so a connection can
only go to an address that passed it. Inert with GUARD_ENABLED=False.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from scrapy.resolver import CachingThreadedResolver
from twisted.internet.defer import Deferred
from twisted.internet.error import DNSLookupError

from scraper.safety import AllowList, address_block_reason, parse_allow_list

logger = logging.getLogger(__name__)


class BlockedAddress(DNSLookupError):
    """A host name that resolved to an address the SSRF rule forbids."""


class GuardedResolver(CachingThreadedResolver):
    allow: AllowList | None = None  # None: no checks (GUARD_ENABLED=False)

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> GuardedResolver:
        resolver = super().from_crawler(crawler, reactor)
        if crawler.settings.getbool("GUARD_ENABLED", True):
            resolver.allow = parse_allow_list(crawler.settings.getlist("SSRF_ALLOW_HOSTS"))
        return resolver

    def getHostByName(self, name: str, timeout: Sequence[int] = ()) -> Deferred[str]:  # noqa: N802
        resolved = super().getHostByName(name, timeout)
        if self.allow is not None:
            resolved.addCallback(self._checked, name)
        return resolved

    def _checked(self, address: str, name: str) -> str:
        assert self.allow is not None
        if address_block_reason(name, [str(address)], self.allow):
            logger.warning("Refused to connect to %s: it resolves to the private address %s", name, address)
            raise BlockedAddress(f"{name} resolves to the private address {address} (SSRF guard)")
        return address
