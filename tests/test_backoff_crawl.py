"""Backoff in real crawls (`scrapy crawl urls`) against the fault server on 127.0.0.1: when requests
arrive tells whether a wait was imposed, on whom, and for how long.

Lower bounds (a wait happened) are exact; upper bounds (a wait was released) leave room for a
loaded machine.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.crawling import scrapy_crawl, stat_line
from tests.fault_server import (
    FaultHandler,
    FaultHTTPServer,
    Reply,
    article,
    fault_server,
    hang,
    html,
    reset_then,
)

Route = Callable[[FaultHandler], "Reply | None"]
BUSY = b"<html><body>busy</body></html>"
COMMON = (
    "EXTRACT_WORKERS=0", "PROGRESS_INTERVAL=0", "ROBOTSTXT_OBEY=False", "RETRY_TIMES=2",
    "DOWNLOAD_DELAY_JITTER=0",  # delays as set, so gaps between requests can be read exactly
)


def good(n: int) -> Route:
    return lambda h: html(article(n))


def overloaded_for(seconds: float, n: int) -> Route:
    """A site that answers 503 to everything for `seconds` after its first request, then recovers."""

    def handler(h: FaultHandler) -> Reply:
        first = min(min(times) for times in h.server.times.values())
        if time.monotonic() - first < seconds:
            return Reply(503, BUSY)
        return html(article(n))

    return handler


def answer_once(status: int, retry_after: str, n: int) -> Route:
    def handler(h: FaultHandler) -> Reply:
        if h.hit() == 1:
            return Reply(status, BUSY, (("Content-Type", "text/html"), ("Retry-After", retry_after)))
        return html(article(n))

    return handler


@dataclass
class Scenario:
    routes: dict[str, Route]
    settings: tuple[str, ...]
    server: FaultHTTPServer | None = None
    stderr: str = ""
    returncode: int = -1
    tmp: Path = field(default_factory=Path)

    def run(self) -> None:
        assert self.server is not None
        urls = ",".join(self.server.base + path for path in self.routes)
        result = scrapy_crawl("urls", {"urls": urls}, self.tmp / "out.jsonl", *COMMON, *self.settings)
        self.stderr, self.returncode = result.stderr, result.returncode

    def times(self, path: str) -> list[float]:
        assert self.server is not None
        return self.server.times.get(path, [])

    def arrivals(self) -> list[float]:
        assert self.server is not None
        return sorted(t for times in self.server.times.values() for t in times)

    def stat(self, key: str) -> float:
        match = re.search(rf"'{re.escape(key)}': ([0-9.]+)", self.stderr)
        return float(match.group(1)) if match else 0.0


TIMEOUT_SLACK = 0.35  # seconds a server's stamp of a try may lag the crawler's timeout clock
CRAWLS_AT_ONCE = 2  # one a core: the assertions time the crawls
GOOD = {f"/good/{n}.html": good(n) for n in range(8)}
OVERLOADED = {f"/page/{n}.html": overloaded_for(1.5, n) for n in range(30)}
TWO_AT_ONCE = "CONCURRENT_REQUESTS_PER_DOMAIN=2"
# Retries waiting out their own delays count against CONCURRENT_REQUESTS (as requests queued in a
# slot do); room for all of them, so first requests are never held back by that limit here.
DECAY = ("BACKOFF_BASE_DELAY=0.2", "BACKOFF_MAX_DELAY=1.6", "RETRY_TIMES=3", TWO_AT_ONCE,
         "CONCURRENT_REQUESTS=100", "BACKOFF_OVERLOAD_WINDOW=1")
SCENARIOS: dict[str, tuple[dict[str, Route], tuple[str, ...]]] = {
    # One page resets every connection, one outlasts the timeout: neither is the site being busy.
    "single_url": (
        {"/bad.html": reset_then(None, 0), "/slow.html": hang(3.0), **GOOD},
        ("BACKOFF_BASE_DELAY=0.5", "DOWNLOAD_TIMEOUT=1", "CONCURRENT_REQUESTS_PER_DOMAIN=4",
         "LOG_LEVEL=DEBUG"),  # (Scrapy logs each retry at DEBUG: the test counts them per page)
    ),
    # Every page answers 503, every time: overload, spaced up to the cap.
    "overload": (
        {f"/busy/{n}.html": lambda h: Reply(503, BUSY) for n in range(6)},
        ("BACKOFF_BASE_DELAY=0.3", "BACKOFF_MAX_DELAY=0.8", "RETRY_TIMES=3", TWO_AT_ONCE),
    ),
    "decay_autothrottle_off": (OVERLOADED, DECAY),
    "decay_autothrottle_on": (
        OVERLOADED, (*DECAY, "AUTOTHROTTLE_ENABLED=1", "AUTOTHROTTLE_START_DELAY=0.1"),
    ),
    "decay_user_delay": (OVERLOADED, (*DECAY, "DOWNLOAD_DELAY=0.3")),
    "retry_after": (
        {"/limited.html": answer_once(429, "2", 1), **GOOD},
        ("BACKOFF_MAX_DELAY=5", "CONCURRENT_REQUESTS_PER_DOMAIN=1"),
    ),
    "retry_after_capped": (
        {"/down.html": answer_once(503, "3600", 1), **GOOD},
        ("BACKOFF_MAX_DELAY=1", "CONCURRENT_REQUESTS_PER_DOMAIN=1"),
    ),
}


@pytest.fixture(scope="module")
def crawls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Scenario]]:
    """Every scenario crawled once, each against its own server, two at a time."""
    with ExitStack() as stack:
        runs = {}
        for name, (routes, settings) in SCENARIOS.items():
            runs[name] = Scenario(routes, settings, tmp=tmp_path_factory.mktemp(name))
            runs[name].server = stack.enter_context(fault_server(dict(routes)))
        # Two at a time, one a core: the assertions time the crawls, and eight crawls started at once
        # on two cores made their timings the machine's, not the policy's (flaky in clean CI runs).
        with ThreadPoolExecutor(max_workers=CRAWLS_AT_ONCE) as pool:
            list(pool.map(Scenario.run, runs.values()))
        for name, run in runs.items():
            assert run.returncode == 0, (name, run.stderr[-3000:])
        yield runs


def gaps(times: list[float]) -> list[float]:
    return [b - a for a, b in zip(times, times[1:], strict=False)]


def test_one_urls_faults_delay_its_retries_not_the_domain(crawls: dict[str, Scenario]) -> None:
    run = crawls["single_url"]
    bad, slow = run.times("/bad.html"), run.times("/slow.html")
    assert len(slow) == 3  # RETRY_TIMES=2
    # Timeout (1 s), then the retry's own delay: 0.5 s, then 1.0 s. The server stamps a try when it
    # reads it, up to a few tenths of a second after the crawler started the timeout's clock on a
    # busy machine, so the gaps get TIMEOUT_SLACK; without the retry delay they would be ~1.0 s each.
    assert gaps(slow)[0] >= 1.0 + 0.5 - TIMEOUT_SLACK and gaps(slow)[1] >= 1.0 + 1.0 - TIMEOUT_SLACK
    # Twisted sends a request again by itself when a reused connection is reset: hits within a few
    # milliseconds of each other are one try.
    tries = [t for i, t in enumerate(bad) if i == 0 or t - bad[i - 1] > 0.3]
    assert len(tries) == 3
    assert gaps(tries)[0] >= 0.4 and gaps(tries)[1] >= 0.9
    good_times = [t for path in GOOD for t in run.times(path)]
    assert len(good_times) == len(GOOD)
    assert max(good_times) < bad[-1]  # the good pages did not wait behind the bad one
    # Two retries each for the faulting pages (their last faults are not retried), and every retry
    # delayed. A good page that a loaded machine let time out is retried too, and counted as such.
    retried = Counter(re.findall(r"Retrying <GET https?://[^/\s]+(/[^\s>]*)>", run.stderr))
    assert retried["/bad.html"] == 2 and retried["/slow.html"] == 2, retried
    assert run.stat("backoff/count") == sum(retried.values()), retried
    assert not re.search(r"'backoff/overload/", run.stderr)


def test_overload_across_urls_spaces_the_domain_up_to_the_cap(crawls: dict[str, Scenario]) -> None:
    run = crawls["overload"]
    arrivals = run.arrivals()
    assert len(arrivals) == 6 * 4
    # 0.3 s, 0.6 s, then the cap of 0.8 s; 20 more 503s across URLs raise it no further.
    assert run.stat("backoff/overload/127.0.0.1") == 3
    assert "Site overloaded, backing off 127.0.0.1: 0.8 s between requests" in run.stderr
    # The first answers come back within milliseconds, while the first tries of the six pages may
    # still be going out; every retry comes after the overload was seen, and keeps the domain's
    # spacing (besides its own delay).
    spaced = gaps(arrivals[6:])
    assert min(spaced) >= 0.27  # 0.3 s between dispatches, seen at the server
    assert max(spaced) <= 0.8 + 0.8 + 0.5
    assert sum(spaced[-8:]) / 8 >= 0.79  # at the cap, not below
    assert re.fullmatch(r"127\.0\.0\.1 \d+\.\d s \(overloaded \d+x\)", stat_line(run.stderr, "backoff"))


def first_hits_after_recovery(run: Scenario) -> list[float]:
    """When each page was first asked for, from the moment the site answers again (retries, which
    wait on their own delays, left out)."""
    start = min(run.arrivals())
    firsts = sorted(run.times(path)[0] for path in OVERLOADED)
    return [t for t in firsts if t - start >= 1.5]


@pytest.mark.parametrize("name", ["decay_autothrottle_off", "decay_autothrottle_on"])
def test_spacing_goes_down_after_successes(crawls: dict[str, Scenario], name: str) -> None:
    run = crawls[name]
    assert run.stat("backoff/overload/127.0.0.1") >= 1
    recovered = first_hits_after_recovery(run)
    assert len(recovered) >= 10
    after = gaps(recovered)
    assert max(after[:3]) >= 0.19  # the spacing was still there when the site recovered ...
    # ... and successes took it away: the crawl ends at full speed. (A 503 that was on its way when
    # the site recovered may bring back a short spacing once: the median, not the maximum.)
    assert sorted(after[-6:])[3] < 0.15
    assert recovered[-1] - recovered[0] < 6.0
    assert run.stat("backoff/seconds/127.0.0.1") > 0


def test_decay_never_goes_below_the_users_delay(crawls: dict[str, Scenario]) -> None:
    recovered = first_hits_after_recovery(crawls["decay_user_delay"])
    assert len(recovered) >= 10
    assert min(gaps(recovered)[-5:]) >= 0.3 * 0.5 - 0.02  # DOWNLOAD_DELAY 0.3 with Scrapy's +-50% jitter


def test_retry_after_is_honoured_and_released(crawls: dict[str, Scenario]) -> None:
    run = crawls["retry_after"]
    limited = run.times("/limited.html")
    assert len(limited) == 2 and limited[1] - limited[0] >= 1.9  # Retry-After: 2
    later = [t for t in run.arrivals() if t > limited[0]]
    assert len(later) == len(GOOD) + 1
    # The whole domain waited the 2 s, counted from when the 429's request was sent (the server saw it
    # a little later on a busy machine) ...
    assert min(later) - limited[0] >= 1.7
    assert max(later) - limited[0] < 2.0 + 2.0  # ... and no longer: the rest came at full speed
    assert not re.search(r"'backoff/overload/", run.stderr)
    assert run.stat("backoff/seconds/127.0.0.1") >= 1.9


def test_retry_after_is_capped_by_the_max_delay(crawls: dict[str, Scenario]) -> None:
    run = crawls["retry_after_capped"]
    down = run.times("/down.html")
    assert len(down) == 2
    assert 0.95 <= down[1] - down[0] < 1.0 + 2.0  # asked for an hour, BACKOFF_MAX_DELAY=1
    assert max(run.arrivals()) - down[0] < 1.0 + 3.0
