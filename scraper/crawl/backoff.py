"""When a crawl waits after faults: a retry waits alone, a domain waits only when the site is overloaded.

No Scrapy here: the crawl's `RetryBackoffMiddleware` feeds faults and successes in and applies the
waits (a retry's in the request, a domain's to its download slot), with the clock passed in, so the
policy is tested without a crawl.

- A retryable fault (429/5xx, a network error) delays that URL's retry: the Retry-After it was given,
  else BASE x 2^retries, capped by MAX.
- Site overload, i.e. 429, 503 or timeouts on `overload_urls` different URLs within `overload_window`
  seconds, and no fewer of them than good answers in that window, spaces the domain's requests: BASE,
  doubled at most once per current spacing (a burst of answers already in flight counts once), capped
  by MAX. A single URL failing repeatedly never does, nor a few among many good answers: those are
  bad pages, not a busy site.
- Retry-After on a 429/503 also holds the whole domain for that long (capped by MAX), then lets go.
- Every success halves the spacing; below BASE, or at the configured delay, it is dropped, and the
  domain's delay goes back to what it was (DOWNLOAD_DELAY, or AutoThrottle's), never lower.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field


@dataclass(frozen=True)
class BackoffPolicy:
    """The BACKOFF_* settings, and the delay the user configured (the floor of the decay)."""

    base: float = 2.0
    max_delay: float = 60.0
    floor: float = 0.0
    overload_urls: int = 3
    overload_window: float = 30.0


@dataclass
class DomainState:
    """What the backoff remembers of one domain (download slot)."""

    spacing: float = 0.0  # seconds between request starts while overloaded; 0: not backed off
    raised_at: float = float("-inf")
    hold_until: float = float("-inf")  # no request starts before this (Retry-After on 429/503)
    faults: deque[tuple[float, str]] = field(default_factory=lambda: deque(maxlen=256))
    successes: deque[float] = field(default_factory=lambda: deque(maxlen=256))
    waiting: int = 0  # waits going on: held retries, and the domain's own backoff
    waiting_since: float = 0.0

    def idle(self, now: float) -> bool:
        return not self.spacing and not self.waiting and self.hold_until <= now and not self.faults


@dataclass(frozen=True)
class Fault:
    """What a fault decided: how long the retry waits, and whether the domain's spacing went up."""

    retry_delay: float
    overload_raised: bool


class Backoff:
    """Per-domain backoff state; every method takes the current (monotonic) time."""

    def __init__(self, policy: BackoffPolicy) -> None:
        self.policy = policy
        self.domains: dict[str, DomainState] = {}

    def fault(
        self, domain: str, url: str, now: float, *, overload: bool, retries: int,
        retry_after: float | None = None, hold_domain: bool = False,
    ) -> Fault:
        """A retryable fault of `url`: 429/503/timeout when `overload`; the retry's delay."""
        state = self.domains.setdefault(domain, DomainState())
        if retry_after is not None:
            delay = min(self.policy.max_delay, retry_after)
            if hold_domain:
                state.hold_until = max(state.hold_until, now + delay)
        else:
            delay = min(self.policy.max_delay, self.policy.base * 2 ** min(retries, 32))
        raised = overload and self._record_overload(state, url, now)
        return Fault(delay, raised)

    def _record_overload(self, state: DomainState, url: str, now: float) -> bool:
        """Note an overload sign; raise the domain's spacing when several URLs show it. True if raised."""
        state.faults.append((now, url))
        self._forget_old_faults(state, now)
        if len({fault_url for _, fault_url in state.faults}) < self.policy.overload_urls:
            return False
        if len(state.faults) < len(state.successes):
            return False  # most answers are fine: a few bad pages, not a busy site
        if now - state.raised_at < state.spacing:
            return False  # answers to requests sent before the last raise: already accounted for
        spacing = min(self.policy.max_delay, max(self.policy.base, state.spacing * 2))
        if spacing <= state.spacing:
            return False
        state.spacing, state.raised_at = spacing, now
        return True

    def _forget_old_faults(self, state: DomainState, now: float) -> None:
        while state.faults and state.faults[0][0] < now - self.policy.overload_window:
            state.faults.popleft()
        while state.successes and state.successes[0] < now - self.policy.overload_window:
            state.successes.popleft()

    def success(self, domain: str, now: float) -> None:
        """A response that needs no retry: the site copes, so the spacing halves (or goes)."""
        state = self.domains.get(domain)
        if state is None:
            return
        state.successes.append(now)
        if state.spacing:
            halved = state.spacing / 2
            state.spacing = 0.0 if halved < self.policy.base or halved <= self.policy.floor else halved
        self._forget_old_faults(state, now)
        if state.idle(now):  # forget quiet domains: a long crawl meets many
            del self.domains[domain]

    def spacing(self, domain: str) -> float:
        state = self.domains.get(domain)
        return state.spacing if state else 0.0

    def domain_delay(self, domain: str, now: float) -> float:
        """The delay between the domain's requests that the backoff asks for now (0: none)."""
        state = self.domains.get(domain)
        if state is None:
            return 0.0
        return max(state.spacing, state.hold_until - now, 0.0)

    def hold_ends(self, domain: str) -> float:
        """When the domain's Retry-After hold ends (monotonic time; -inf without one)."""
        state = self.domains.get(domain)
        return state.hold_until if state else float("-inf")

    def hold(self, domain: str, now: float) -> None:
        """Something of `domain` starts waiting: a retry, or the whole domain."""
        state = self.domains.setdefault(domain, DomainState())
        if not state.waiting:
            state.waiting_since = now
        state.waiting += 1

    def let_go(self, domain: str, now: float) -> float:
        """A wait ends; when it was the last, the seconds since the first began (else 0)."""
        state = self.domains.get(domain)
        if state is None or not state.waiting:
            return 0.0
        state.waiting -= 1
        return 0.0 if state.waiting else now - state.waiting_since
